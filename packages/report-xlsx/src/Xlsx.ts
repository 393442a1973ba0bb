/**
 * Spreadsheet renderer (Excel 报表) built on ExcelJS: a summary sheet with the report's facts and contents, then one
 * sheet per section with its figures block, its tables and its chart data. Header rows are styled and frozen;
 * every column gets the number format of its type (integer, decimal, percent, date); masked cells stay text.
 *
 * @since 0.1.0
 */
import { Labels, Report, Reporter } from "@zhili/core"
import { Effect } from "effect"
import ExcelJS from "exceljs"

/**
 * The longest sheet name Excel accepts.
 *
 * @since 0.1.0
 * @category limits
 */
export const maxSheetName = 31

/**
 * Turns a title into a valid sheet name: the characters `[ ] : * ? / \` replaced, leading and trailing apostrophes
 * dropped, at most 31 characters (UTF-16 units, as Excel counts), never blank, and unique (case-insensitively) among `taken`, by a `~2`, `~3` …
 * suffix.
 *
 * @since 0.1.0
 * @category sheets
 */
export const sheetName = (title: string, taken: ReadonlySet<string>): string => {
  const clean = Array.from(
    title
      .replace(/[[\]:*?/\\]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^'+|'+$/g, "")
  )
  const base = clean.length === 0 ? ["Sheet"] : clean
  const lower = new Set([...taken].map((t) => t.toLowerCase()))
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : `~${n}`
    const kept = [...base]
    while (kept.join("").length + suffix.length > maxSheetName) kept.pop()
    const name = kept.join("").trim().replace(/'+$/, "") + suffix
    if (!lower.has(name.toLowerCase())) return name
  }
}

/**
 * The Excel number format of each column type; `text` and `masked` cells are written as text.
 *
 * @since 0.1.0
 * @category formats
 */
export const numberFormats: Readonly<Record<Report.ColumnType, string>> = {
  text: "@",
  masked: "@",
  integer: "0",
  decimal: "0.00",
  percent: "0.0%",
  date: "yyyy-mm-dd"
}

const headerFill: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F1" } }
const headerFont: Partial<ExcelJS.Font> = { bold: true, color: { argb: "FF1F2933" } }
const headerBorder: Partial<ExcelJS.Borders> = { bottom: { style: "thin", color: { argb: "FF8EA9C1" } } }

const styleHeader = (row: ExcelJS.Row): void => {
  row.eachCell((cell) => {
    cell.fill = headerFill
    cell.font = headerFont
    cell.border = headerBorder
    cell.alignment = { vertical: "middle", wrapText: true }
  })
}

const dateValue = (cell: Report.Cell): Date | string | null => {
  if (typeof cell !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(cell)) return cell === null ? null : String(cell)
  const { day, month, year } = {
    year: Number(cell.slice(0, 4)),
    month: Number(cell.slice(5, 7)),
    day: Number(cell.slice(8, 10))
  }
  return new Date(Date.UTC(year, month - 1, day))
}

const cellValue = (cell: Report.Cell, type: Report.ColumnType): ExcelJS.CellValue => {
  if (cell === null) return null
  switch (type) {
    case "date":
      return dateValue(cell)
    case "text":
    case "masked":
      return String(cell)
    default:
      return cell
  }
}

const kindFormat = (kind: Report.ValueKind): string => numberFormats[kind]

/**
 * Builds the workbook of a document.
 *
 * @since 0.1.0
 * @category rendering
 */
export const workbook = (document: Report.ReportDocument): ExcelJS.Workbook => {
  const t = (id: string, params?: Readonly<Record<string, string | number>>) =>
    Labels.text(Labels.defaults, id, document.locale, params)
  const wb = new ExcelJS.Workbook()
  const at = new Date(document.generatedAt.epochMillis)
  wb.creator = "zhili"
  wb.created = at
  wb.modified = at
  wb.title = document.title
  const taken = new Set<string>()
  const addSheet = (title: string, frozenRows: number) => {
    const name = sheetName(title, taken)
    taken.add(name)
    return wb.addWorksheet(name, { views: [{ state: "frozen", xSplit: 0, ySplit: frozenRows }] })
  }

  const summary = addSheet(t("report.contents"), 1)
  summary.columns = [{ width: 22 }, { width: 70 }]
  summary.addRow([document.title]).font = { bold: true, size: 14 }
  for (const [k, v] of [
    [t("report.period"), `${document.period.from} — ${document.period.to}`],
    [
      t("report.scope"),
      document.scope.division === undefined
        ? document.scope.label
        : `${document.scope.label} (${document.scope.division})`
    ],
    [t("report.generatedAt"), Report.formatInstant(document.generatedAt)],
    [t("report.generatedFrom"), document.generatedFrom],
    [
      t("report.notes"),
      document.disclosure === undefined
        ? t("report.masked")
        : t("report.disclosed", { reason: document.disclosure.reason })
    ]
  ] as const) {
    summary.addRow([k, v]).getCell(1).font = { bold: true }
  }
  summary.addRow([])
  styleHeader(summary.addRow([t("report.section"), t("report.title")]))

  document.sections.forEach((section, i) => {
    summary.addRow([i + 1, section.title])
    const sheet = addSheet(`${i + 1} ${section.title}`, 3)
    sheet.columns = [
      { width: 28 },
      { width: 14 },
      { width: 12 },
      { width: 36 },
      { width: 36 },
      { width: 16 },
      { width: 16 }
    ]
    sheet.addRow([section.title]).font = { bold: true, size: 13 }
    sheet.addRow([])
    styleHeader(
      sheet.addRow([t("report.figure"), t("report.value"), t("report.unit"), t("report.formula"), t("report.inputs")])
    )
    for (const f of section.figures) {
      const row = sheet.addRow([
        f.label,
        f.value,
        f.kind === "percent" ? "%" : f.unit,
        f.computation.formula,
        Report.formatInputs(f.computation)
      ])
      row.getCell(2).numFmt = kindFormat(f.kind)
    }
    for (const table of section.tables) {
      sheet.addRow([])
      sheet.addRow([table.title]).font = { bold: true }
      styleHeader(sheet.addRow(table.columns.map((c) => c.label)))
      for (const r of table.rows) {
        const row = sheet.addRow(table.columns.map((c, ci) => cellValue(r[ci] ?? null, c.type)))
        table.columns.forEach((c, ci) => {
          row.getCell(ci + 1).numFmt = numberFormats[c.type]
        })
      }
    }
    for (const series of section.series) {
      sheet.addRow([])
      sheet.addRow([`${series.title}${series.unit === "" ? "" : ` (${series.unit})`}`]).font = { bold: true }
      styleHeader(sheet.addRow(["", ...series.data.map((d) => d.name)]))
      series.categories.forEach((c, ci) => {
        sheet.addRow([c, ...series.data.map((d) => d.values[ci] ?? null)])
      })
    }
    for (const note of section.notes) {
      sheet.addRow([])
      sheet.addRow([note]).font = { italic: true }
    }
  })
  return wb
}

/**
 * The XLSX reporter: `<scope>.xlsx`.
 *
 * @since 0.1.0
 * @category reporters
 */
export const reporter: Reporter.Reporter = Reporter.make({
  id: "xlsx",
  mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  fileExtension: "xlsx",
  render: (document) =>
    Effect.tryPromise({
      try: () => workbook(document).xlsx.writeBuffer(),
      catch: (e) => new Reporter.RenderError({ reporter: "xlsx", reason: e instanceof Error ? e.message : String(e) })
    }).pipe(
      Effect.map((buffer) => [
        {
          name: `${(document.scope.division ?? "report").replace(/[^A-Za-z0-9_.-]+/g, "-")}.xlsx`,
          mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          bytes: new Uint8Array(buffer as ArrayBuffer)
        }
      ])
    )
})
