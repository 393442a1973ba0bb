/**
 * The column layouts `zhili import` reads (导入模板): for each kind of record, its columns with the English and
 * Chinese headers accepted, and how a row of cells becomes the raw record the store decodes. Headers are matched
 * after trimming and ignoring case; unknown columns are ignored; an empty cell is an absent value.
 *
 * @since 0.1.0
 */
import { Either, Schema } from "effect"

/**
 * A header row that names a column twice (重复表头): the same header in two columns, or two headers of one field
 * (`编号` and `id`). Which cell would count is not knowable, so the file is refused. Columns count from 1 (A = 1), as
 * a spreadsheet shows them; headers are matched after trimming and ignoring case.
 *
 * @since 0.1.0
 * @category errors
 */
export class DuplicateHeader extends Schema.TaggedError<DuplicateHeader>()("DuplicateHeader", {
  /** The header as the first of its columns spells it, as {@link shownHeader} shows it. */
  header: Schema.String,
  /** The header of the second column, when it spells the field another way (as {@link shownHeader} shows it). */
  other: Schema.optional(Schema.String),
  /** The field both columns give, when they are two headers of one field. */
  field: Schema.optional(Schema.String),
  /** The two columns (1-based). */
  columns: Schema.Tuple(Schema.Number, Schema.Number)
}) {
  override get message(): string {
    const [a, b] = this.columns
    return this.other === undefined
      ? `header ${this.header} appears twice, in columns ${a} and ${b}`
      : `headers ${this.header} (column ${a}) and ${this.other} (column ${b}) both name the field ${this.field ?? "one field"}`
  }
}

/**
 * A header as a message shows it: in quotes, or, when it looks like data rather than a header (a run of six digits
 * or more, or over 40 characters: a file whose first row is data, an identity number or a phone taken for a
 * header), by its length only, so a message never repeats personal data.
 *
 * @since 0.1.0
 * @category parsing
 */
export const shownHeader = (header: string): string => {
  const h = header.trim()
  const length = [...h].length
  return /\d{6}/.test(h) || length > 40 ? `(a header of ${length} characters, not shown: it looks like data)` : `"${h}"`
}

/**
 * The kinds of record the CLI imports, named as the store names their aggregates.
 *
 * @since 0.1.0
 * @category models
 */
export type Kind = "household" | "resident" | "building" | "grid"

/**
 * Every importable kind, in the order a full import should run (grids and buildings before what sits in them).
 *
 * @since 0.1.0
 * @category constants
 */
export const kinds: ReadonlyArray<Kind> = ["grid", "building", "household", "resident"]

/**
 * One column: the record field, the headers accepted, whether it is required, and whether the cell is a list
 * (separated by `,`, `，`, `、` or `;`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Column {
  readonly field: string
  readonly headers: ReadonlyArray<string>
  readonly required: boolean
  readonly list?: boolean
}

const col = (field: string, headers: ReadonlyArray<string>, required = true, list = false): Column => ({
  field,
  headers: [field, ...headers],
  required,
  list
})

/**
 * The column layout of each kind (documented in `docs/cli.md`).
 *
 * @since 0.1.0
 * @category constants
 */
export const layouts: Readonly<Record<Kind, ReadonlyArray<Column>>> = {
  grid: [
    col("id", ["编号", "网格编号"]),
    col("tenant", ["社区代码", "租户"]),
    col("level", ["层级", "网格层级"]),
    col("name", ["名称", "网格名称"]),
    col("code", ["网格代码", "网格编码"]),
    col("community", ["所属社区", "社区编码"]),
    col("parent", ["上级网格"], false),
    col("buildings", ["楼栋", "包含楼栋"], false, true),
    col("leaderPost", ["网格长岗位"], false)
  ],
  building: [
    col("id", ["编号", "楼栋编号"]),
    col("tenant", ["社区代码", "租户"]),
    col("community", ["所属社区", "社区编码"]),
    col("name", ["名称", "楼栋名称"]),
    col("compound", ["小区"], false)
  ],
  household: [
    col("id", ["编号", "户编号"]),
    col("tenant", ["社区代码", "租户"]),
    col("building", ["楼栋", "楼栋编号"]),
    col("room", ["房号", "门牌号"])
  ],
  resident: [
    col("id", ["编号", "居民编号"]),
    col("tenant", ["社区代码", "租户"]),
    col("household", ["户", "户编号"]),
    col("name", ["姓名"]),
    col("birthDate", ["出生日期"]),
    col("sex", ["性别"]),
    col("tags", ["标签", "人员类别"], false, true),
    col("idNumber", ["身份证号", "公民身份号码"], false),
    col("phone", ["手机", "联系电话"], false)
  ]
}

const levelWords: Readonly<Record<string, string>> = { 大网格: "large", 小网格: "small", 微网格: "micro" }
const sexWords: Readonly<Record<string, string>> = { 男: "male", 女: "female" }
const normalise = (header: string): string => header.trim().toLowerCase()

/**
 * The kind a set of headers belongs to: the kind whose required columns are all present (most columns matched
 * wins), or `undefined`.
 *
 * @since 0.1.0
 * @category parsing
 */
export const detect = (headers: ReadonlyArray<string>): Kind | undefined => {
  const present = new Set(headers.map(normalise))
  let best: { readonly kind: Kind; readonly score: number } | undefined
  for (const kind of kinds) {
    const layout = layouts[kind]
    const has = (c: Column) => c.headers.some((h) => present.has(normalise(h)))
    if (!layout.filter((c) => c.required).every(has)) continue
    const score = layout.filter(has).length
    if (best === undefined || score > best.score) best = { kind, score }
  }
  return best?.kind
}

/**
 * The required columns of a kind that a header row lacks (each named with its Chinese header).
 *
 * @since 0.1.0
 * @category parsing
 */
export const missing = (kind: Kind, headers: ReadonlyArray<string>): ReadonlyArray<string> => {
  const present = new Set(headers.map(normalise))
  return layouts[kind]
    .filter((c) => c.required && !c.headers.some((h) => present.has(normalise(h))))
    .map((c) => `${c.field} (${c.headers[1] ?? c.field})`)
}

const cellValue = (c: Column, cell: string): unknown => {
  if (c.list)
    return cell
      .split(/[,，、;]/)
      .map((s) => s.trim())
      .filter((s) => s !== "")
  if (c.field === "level") return levelWords[cell] ?? cell
  if (c.field === "sex") return sexWords[cell] ?? cell
  return cell
}

/**
 * The first header a header row repeats, if any: the same header in two columns (after trimming, ignoring case;
 * empty headers are not compared), or, for a kind, two headers of one of its fields (`编号` and `id`).
 *
 * @since 0.1.0
 * @category parsing
 */
export const duplicate = (headers: ReadonlyArray<string>, kind?: Kind): DuplicateHeader | undefined => {
  const at = new Map<string, number>()
  for (const [i, h] of headers.entries()) {
    const n = normalise(h)
    if (n === "") continue
    const before = at.get(n)
    if (before !== undefined)
      return new DuplicateHeader({ header: shownHeader(headers[before] as string), columns: [before + 1, i + 1] })
    at.set(n, i)
  }
  if (kind === undefined) return undefined
  for (const c of layouts[kind]) {
    const present = c.headers.flatMap((h) => {
      const i = at.get(normalise(h))
      return i === undefined ? [] : [i]
    })
    if (present.length > 1) {
      const [a, b] = [...new Set(present)].sort((x, y) => x - y) as [number, number]
      return new DuplicateHeader({
        header: shownHeader(headers[a] as string),
        other: shownHeader(headers[b] as string),
        field: c.field,
        columns: [a + 1, b + 1]
      })
    }
  }
  return undefined
}

/**
 * A reader of rows given as cells in the order of a header row: the columns are looked up once, so each row costs
 * one pass over its cells. Each row becomes the raw record of a kind, as {@link toRaw} makes it. A header row that
 * repeats a header, or gives one field twice, is refused ({@link duplicate}).
 *
 * @since 0.1.0
 * @category parsing
 */
export const reader = (
  kind: Kind,
  headers: ReadonlyArray<string>
): Either.Either<(cells: ReadonlyArray<string>) => Record<string, unknown>, DuplicateHeader> => {
  const twice = duplicate(headers, kind)
  if (twice !== undefined) return Either.left(twice)
  const at = new Map<string, number>()
  for (const [i, h] of headers.entries()) at.set(normalise(h), i)
  const found: Array<readonly [Column, number]> = []
  for (const c of layouts[kind]) {
    const header = c.headers.find((h) => at.has(normalise(h)))
    if (header !== undefined) found.push([c, at.get(normalise(header)) as number])
  }
  return Either.right((cells) => {
    const raw: Record<string, unknown> = {}
    for (const [c, i] of found) {
      const cell = cells[i]?.trim()
      if (cell !== undefined && cell !== "") raw[c.field] = cellValue(c, cell)
    }
    return raw
  })
}

/**
 * Turns one row (header → cell text) into the raw record of a kind, in the encoded form of the record's schema.
 * Chinese values are accepted for grid levels (大网格/小网格/微网格) and sex (男/女). A row with two headers of one
 * field (`编号` and `id`) is refused.
 *
 * @since 0.1.0
 * @category parsing
 */
export const toRaw = (
  kind: Kind,
  row: Readonly<Record<string, string>>
): Either.Either<Record<string, unknown>, DuplicateHeader> =>
  Either.map(reader(kind, Object.keys(row)), (read) => read(Object.values(row)))
