/**
 * Reports as data (统计报表): a report document is a typed tree of sections, each with figures (a value, its unit,
 * its label and how it was computed), tables with typed columns and series for charts. Renderers in
 * `@zhili/report` turn a document into Markdown, HTML, CSV, JSON or a spreadsheet; nothing here does I/O or reads
 * the clock.
 *
 * Personal data never enters a document in the clear unless a {@link Privacy.Disclosure} asks for it: cells of
 * type `masked` are built with {@link masked}, which masks by default.
 *
 * @since 0.1.0
 */
import { DateTime, type Redacted, Schema } from "effect"
import { Finding } from "../kernel/Finding.js"
import { LocalDate } from "../kernel/LocalDate.js"
import * as Privacy from "../kernel/Privacy.js"
import { Locale } from "./Labels.js"

/**
 * The period a report covers (统计期间), both ends included.
 *
 * @since 0.1.0
 * @category models
 */
export class Period extends Schema.Class<Period>("@zhili/ReportPeriod")(
  Schema.Struct({ from: LocalDate, to: LocalDate }).pipe(
    Schema.filter(
      (p) => p.from <= p.to || { path: ["to"], message: `period ends (${p.to}) before it starts (${p.from})` }
    )
  )
) {}

/**
 * What a report covers (统计范围): a label people read and, when known, the division code of the area.
 *
 * @since 0.1.0
 * @category models
 */
export class ScopeRef extends Schema.Class<ScopeRef>("@zhili/ReportScope")({
  label: Schema.String,
  division: Schema.optional(Schema.String)
}) {}

/**
 * How a figure's value reads: a whole count, a decimal, or a ratio shown as a percentage (0.5 prints as 50%).
 *
 * @since 0.1.0
 * @category models
 */
export const ValueKind = Schema.Literal("integer", "decimal", "percent")
/**
 * @since 0.1.0
 * @category models
 */
export type ValueKind = typeof ValueKind.Type

/**
 * One input a figure was computed from and how many records or units it counted (`走访记录 4350`).
 *
 * @since 0.1.0
 * @category models
 */
export class Input extends Schema.Class<Input>("@zhili/ReportInput")({
  label: Schema.String,
  count: Schema.Number
}) {}

/**
 * How a figure was computed (计算方法): the formula in words and the counts of its inputs, so a reader can check it.
 *
 * @since 0.1.0
 * @category models
 */
export class Computation extends Schema.Class<Computation>("@zhili/ReportComputation")({
  formula: Schema.String,
  inputs: Schema.Array(Input)
}) {}

/**
 * A figure (指标): one value with its unit and label and how it was computed. `value` is `null` when it is not
 * defined for the data (a rate over zero cases).
 *
 * @since 0.1.0
 * @category models
 */
export class Figure extends Schema.Class<Figure>("@zhili/ReportFigure")({
  id: Schema.String,
  label: Schema.String,
  value: Schema.NullOr(Schema.Number),
  kind: ValueKind,
  unit: Schema.String,
  computation: Computation
}) {}

/**
 * The type of a table column: how cells are checked, formatted and typed in a spreadsheet. `masked` cells hold
 * personal data that has already been masked (or disclosed on request).
 *
 * @since 0.1.0
 * @category models
 */
export const ColumnType = Schema.Literal("text", "integer", "decimal", "percent", "date", "masked")
/**
 * @since 0.1.0
 * @category models
 */
export type ColumnType = typeof ColumnType.Type

/**
 * A table column: a stable id, the printed label and the type of its cells.
 *
 * @since 0.1.0
 * @category models
 */
export class Column extends Schema.Class<Column>("@zhili/ReportColumn")({
  id: Schema.String,
  label: Schema.String,
  type: ColumnType
}) {}

/**
 * A table cell: text (also dates `YYYY-MM-DD` and masked values), a number (percent cells hold a ratio), or `null`
 * for no value.
 *
 * @since 0.1.0
 * @category models
 */
export const Cell = Schema.NullOr(Schema.Union(Schema.String, Schema.Number))
/**
 * @since 0.1.0
 * @category models
 */
export type Cell = typeof Cell.Type

/**
 * A table (表格): typed columns and rows of cells in column order.
 *
 * @since 0.1.0
 * @category models
 */
export class Table extends Schema.Class<Table>("@zhili/ReportTable")({
  id: Schema.String,
  title: Schema.String,
  columns: Schema.Array(Column),
  rows: Schema.Array(Schema.Array(Cell))
}) {}

/**
 * Which chart fits a series: bars for comparisons, a line for values over time, a pie for shares of a whole.
 *
 * @since 0.1.0
 * @category models
 */
export const ChartKind = Schema.Literal("bar", "line", "pie")
/**
 * @since 0.1.0
 * @category models
 */
export type ChartKind = typeof ChartKind.Type

/**
 * One named line of values, one value per category of its series.
 *
 * @since 0.1.0
 * @category models
 */
export class SeriesData extends Schema.Class<SeriesData>("@zhili/ReportSeriesData")({
  name: Schema.String,
  values: Schema.Array(Schema.Number)
}) {}

/**
 * Data for one chart (图表): categories along the axis (or slices of a pie) and one or more data lines, with a hint
 * of the chart that fits. A pie uses the first data line.
 *
 * @since 0.1.0
 * @category models
 */
export class Series extends Schema.Class<Series>("@zhili/ReportSeries")({
  id: Schema.String,
  title: Schema.String,
  kind: ChartKind,
  unit: Schema.String,
  categories: Schema.Array(Schema.String),
  data: Schema.Array(SeriesData)
}) {}

/**
 * A section (章节) of a report, built by one section builder: figures, tables, chart series and notes.
 *
 * @since 0.1.0
 * @category models
 */
export class Section extends Schema.Class<Section>("@zhili/ReportSection")({
  id: Schema.String,
  title: Schema.String,
  figures: Schema.Array(Figure),
  tables: Schema.Array(Table),
  series: Schema.Array(Series),
  notes: Schema.Array(Schema.String)
}) {}

/**
 * A report document (报表): title, period, scope, locale, when it was generated and from what, and its sections.
 * `disclosure`, when present, records why personal data in it is shown unmasked.
 *
 * @since 0.1.0
 * @category models
 */
export class ReportDocument extends Schema.Class<ReportDocument>("@zhili/ReportDocument")({
  title: Schema.String,
  period: Period,
  scope: ScopeRef,
  locale: Locale,
  generatedAt: Schema.DateTimeUtc,
  generatedFrom: Schema.String,
  disclosure: Schema.optional(Privacy.Disclosure),
  sections: Schema.Array(Section)
}) {}

/**
 * Builds a section; lists default to empty.
 *
 * @since 0.1.0
 * @category constructors
 */
export const section = (fields: {
  readonly id: string
  readonly title: string
  readonly figures?: ReadonlyArray<Figure>
  readonly tables?: ReadonlyArray<Table>
  readonly series?: ReadonlyArray<Series>
  readonly notes?: ReadonlyArray<string>
}): Section =>
  new Section({
    id: fields.id,
    title: fields.title,
    figures: fields.figures ?? [],
    tables: fields.tables ?? [],
    series: fields.series ?? [],
    notes: fields.notes ?? []
  })

/**
 * A count figure: how many items there are, computed from the items themselves (never a stored total).
 *
 * @since 0.1.0
 * @category constructors
 */
export const count = (fields: {
  readonly id: string
  readonly label: string
  readonly unit: string
  readonly items: ReadonlyArray<unknown>
  readonly inputLabel: string
  readonly formula: string
}): Figure =>
  new Figure({
    id: fields.id,
    label: fields.label,
    value: fields.items.length,
    kind: "integer",
    unit: fields.unit,
    computation: new Computation({
      formula: fields.formula,
      inputs: [new Input({ label: fields.inputLabel, count: fields.items.length })]
    })
  })

/**
 * A sum figure: the total of one number per item (person-times over activities).
 *
 * @since 0.1.0
 * @category constructors
 */
export const sum = <A>(fields: {
  readonly id: string
  readonly label: string
  readonly unit: string
  readonly items: ReadonlyArray<A>
  readonly of: (item: A) => number
  readonly inputLabel: string
  readonly formula: string
  readonly kind?: "integer" | "decimal"
}): Figure =>
  new Figure({
    id: fields.id,
    label: fields.label,
    value: fields.items.reduce((acc, item) => acc + fields.of(item), 0),
    kind: fields.kind ?? "integer",
    unit: fields.unit,
    computation: new Computation({
      formula: fields.formula,
      inputs: [new Input({ label: fields.inputLabel, count: fields.items.length })]
    })
  })

/**
 * A rate figure (率): numerator ÷ denominator as a ratio shown as a percentage; `null` when the denominator is zero
 * (nothing to rate), never a division by zero.
 *
 * @since 0.1.0
 * @category constructors
 */
export const rate = (fields: {
  readonly id: string
  readonly label: string
  readonly numerator: number
  readonly numeratorLabel: string
  readonly denominator: number
  readonly denominatorLabel: string
  readonly formula: string
}): Figure =>
  new Figure({
    id: fields.id,
    label: fields.label,
    value: fields.denominator === 0 ? null : fields.numerator / fields.denominator,
    kind: "percent",
    unit: "%",
    computation: new Computation({
      formula: fields.formula,
      inputs: [
        new Input({ label: fields.numeratorLabel, count: fields.numerator }),
        new Input({ label: fields.denominatorLabel, count: fields.denominator })
      ]
    })
  })

/**
 * The printable value of a masked cell: masked by the field's default policy, or the raw value when `disclosure`
 * names the field (PIPL Art. 6; the document then records the disclosure and its reason).
 *
 * @since 0.1.0
 * @category privacy
 */
export const masked = (
  value: string | Redacted.Redacted<string>,
  field: "idNumber" | "phone" | "name" | "healthNote" | "minor",
  disclosure?: Privacy.Disclosure
): string => Privacy.present(value, field, { disclosure })

const trimZeros = (s: string): string => (s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s)

/**
 * Formats a value the way every renderer prints it: integers in full (`4350`), decimals with up to two places,
 * ratios as percentages with up to one place (`0.875` → `87.5%`), `null` as `—`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatValue = (value: number | null, kind: ValueKind): string => {
  if (value === null || !Number.isFinite(value)) return "—"
  switch (kind) {
    case "integer":
      return Number.isInteger(value) ? String(value) : trimZeros(value.toFixed(2))
    case "decimal":
      return trimZeros(value.toFixed(2))
    case "percent":
      return `${trimZeros((value * 100).toFixed(1))}%`
  }
}

/**
 * Formats a figure's value with its unit (`4350 户`, `100%`).
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatFigure = (figure: Figure): string => {
  const value = formatValue(figure.value, figure.kind)
  return figure.kind === "percent" || figure.unit === "" || figure.value === null ? value : `${value} ${figure.unit}`
}

/**
 * Formats a table cell by its column type.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatCell = (cell: Cell, type: ColumnType): string => {
  if (cell === null) return ""
  if (typeof cell === "string") return cell
  switch (type) {
    case "integer":
    case "decimal":
    case "percent":
      return formatValue(cell, type)
    default:
      return String(cell)
  }
}

const two = (n: number): string => String(n).padStart(2, "0")

/**
 * Writes an instant as local time in a zone (default Asia/Shanghai): `2025-01-06 10:00 (Asia/Shanghai)`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatInstant = (instant: DateTime.Utc, timeZone = "Asia/Shanghai"): string => {
  const p = DateTime.toParts(DateTime.unsafeMakeZoned(instant, { timeZone }))
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hours)}:${two(p.minutes)} (${timeZone})`
}

/**
 * Writes a formula's inputs as one line: `走访记录 4350；诉求 25`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatInputs = (computation: Computation, separator = "; "): string =>
  computation.inputs.map((i) => `${i.label} ${formatValue(i.count, "integer")}`).join(separator)

const cellMatches = (cell: Cell, type: ColumnType): boolean => {
  if (cell === null) return true
  switch (type) {
    case "integer":
      return typeof cell === "number" && Number.isInteger(cell)
    case "decimal":
    case "percent":
      return typeof cell === "number" && Number.isFinite(cell)
    case "date":
      return typeof cell === "string" && Schema.is(LocalDate)(cell)
    case "text":
    case "masked":
      return typeof cell === "string"
  }
}

/**
 * Checks a document's shape beyond its schema: unique section ids, table rows as wide as their columns, cells of
 * their column's type, series with one value per category. Returns findings with paths; none when it is sound.
 *
 * @since 0.1.0
 * @category rules
 */
export const validate = (document: ReportDocument): ReadonlyArray<Finding> => {
  const findings: Array<Finding> = []
  const seen = new Set<string>()
  document.sections.forEach((s, si) => {
    if (seen.has(s.id)) {
      findings.push(
        new Finding({
          code: "report/duplicate-section",
          severity: "error",
          path: ["sections", si, "id"],
          message: `section id "${s.id}" appears more than once`
        })
      )
    }
    seen.add(s.id)
    s.tables.forEach((t, ti) => {
      t.rows.forEach((row, ri) => {
        const path = ["sections", si, "tables", ti, "rows", ri]
        if (row.length !== t.columns.length) {
          findings.push(
            new Finding({
              code: "report/row-width",
              severity: "error",
              path,
              message: `table "${t.id}" row ${ri} has ${row.length} cells for ${t.columns.length} columns`
            })
          )
        }
        row.forEach((cell, ci) => {
          const column = t.columns[ci]
          if (column !== undefined && !cellMatches(cell, column.type)) {
            findings.push(
              new Finding({
                code: "report/cell-type",
                severity: "error",
                path: [...path, ci],
                message: `table "${t.id}" column "${column.id}" is ${column.type} but row ${ri} holds ${JSON.stringify(cell)}`
              })
            )
          }
        })
      })
    })
    s.series.forEach((series, xi) => {
      series.data.forEach((d, di) => {
        if (d.values.length !== series.categories.length) {
          findings.push(
            new Finding({
              code: "report/series-length",
              severity: "error",
              path: ["sections", si, "series", xi, "data", di],
              message: `series "${series.id}" line "${d.name}" has ${d.values.length} values for ${series.categories.length} categories`
            })
          )
        }
      })
    })
  })
  return findings
}
