/**
 * Administrative division codes (行政区划代码): the 6-digit county-level codes of GB/T 2260 and the 9- and 12-digit
 * statistical division codes (统计用区划代码) that add the township (乡级) and village (村级) levels. Parsing is
 * structural and needs no data; whether a code exists is asked of a dated {@link Dataset} the host may supply.
 *
 * Code forms: a province is `440000`, a prefecture (地级) `440800`, a county (县级) `440881`, a township `440881002`,
 * a village-level unit `440881002001`. The 12-digit statistical form pads higher levels with zeros
 * (`440881000000` is the county `440881`); every function here accepts both forms, and {@link canonical} turns a
 * code into its shortest form.
 *
 * @since 0.1.0
 */
import { type Brand, Option, Schema } from "effect"
import * as Finding from "./Finding.js"
import { LocalDate } from "./LocalDate.js"

/**
 * The province-level codes (省级) of GB/T 2260, first two digits, with their short names: 11 北京 … 82 澳门.
 *
 * @since 0.1.0
 * @category data
 */
export const provinces: ReadonlyMap<string, string> = new Map([
  ["11", "北京市"],
  ["12", "天津市"],
  ["13", "河北省"],
  ["14", "山西省"],
  ["15", "内蒙古自治区"],
  ["21", "辽宁省"],
  ["22", "吉林省"],
  ["23", "黑龙江省"],
  ["31", "上海市"],
  ["32", "江苏省"],
  ["33", "浙江省"],
  ["34", "安徽省"],
  ["35", "福建省"],
  ["36", "江西省"],
  ["37", "山东省"],
  ["41", "河南省"],
  ["42", "湖北省"],
  ["43", "湖南省"],
  ["44", "广东省"],
  ["45", "广西壮族自治区"],
  ["46", "海南省"],
  ["50", "重庆市"],
  ["51", "四川省"],
  ["52", "贵州省"],
  ["53", "云南省"],
  ["54", "西藏自治区"],
  ["61", "陕西省"],
  ["62", "甘肃省"],
  ["63", "青海省"],
  ["64", "宁夏回族自治区"],
  ["65", "新疆维吾尔自治区"],
  ["71", "台湾省"],
  ["81", "香港特别行政区"],
  ["82", "澳门特别行政区"]
])

/**
 * The level of a division: 省级 province, 地级 prefecture, 县级 county, 乡级 township (street, town or township),
 * 村级 village level (residents' or villagers' committee).
 *
 * @since 0.1.0
 * @category models
 */
export const Level = Schema.Literal("province", "prefecture", "county", "township", "village")
/**
 * @since 0.1.0
 * @category models
 */
export type Level = typeof Level.Type

/**
 * The kind of a township-level unit by its 3-digit code: `001–099` 街道 street, `100–199` 镇 town, `200–399` 乡
 * township (STANDARDS.md, statistical division code); `400–999` are other township-like units (such as farms or
 * development zones), reported as `other`.
 *
 * @since 0.1.0
 * @category models
 */
export const TownshipKind = Schema.Literal("street", "town", "township", "other")
/**
 * @since 0.1.0
 * @category models
 */
export type TownshipKind = typeof TownshipKind.Type

/**
 * The kind of a village-level unit by its 3-digit code: `001–199` 居民委员会 residents' committee (a community,
 * 社区), `200–399` 村民委员会 villagers' committee (STANDARDS.md); `400–999` are other village-like units, reported
 * as `other`.
 *
 * @since 0.1.0
 * @category models
 */
export const VillageKind = Schema.Literal("residents-committee", "villagers-committee", "other")
/**
 * @since 0.1.0
 * @category models
 */
export type VillageKind = typeof VillageKind.Type

/**
 * Checks a string as a division code without any dataset: 6, 9 or 12 digits, a known province, and a structure in
 * which no level is zero while a lower one is not (`440081` has a county without a prefecture). Unknown but
 * well-formed codes are not reported here; see {@link validate}.
 *
 * Codes: `division/length`, `division/characters`, `division/province`, `division/structure` (all errors).
 *
 * @since 0.1.0
 * @category validation
 */
export const validateStructure = (input: string): ReadonlyArray<Finding.Finding> => {
  if (typeof input !== "string") return [Finding.error("division/characters", [], "a division code must be a string")]
  const findings: Array<Finding.Finding> = []
  if (![6, 9, 12].includes(input.length)) {
    findings.push(
      Finding.error(
        "division/length",
        [],
        `a division code has 6, 9 or 12 digits (county, township or village level), not ${input.length}`
      )
    )
  }
  if (!/^\d*$/.test(input)) {
    findings.push(Finding.error("division/characters", [], `a division code has only digits: "${clip(input)}"`))
  }
  if (findings.length > 0) return findings
  const province = input.slice(0, 2)
  if (!provinces.has(province)) {
    findings.push(Finding.error("division/province", [], `${province} is not a province code of GB/T 2260 (11–82)`))
  }
  const parts = [input.slice(2, 4), input.slice(4, 6), input.slice(6, 9), input.slice(9, 12)].filter((p) => p !== "")
  const firstZero = parts.findIndex((p) => /^0+$/.test(p))
  if (firstZero >= 0 && parts.slice(firstZero).some((p) => !/^0+$/.test(p))) {
    findings.push(
      Finding.error(
        "division/structure",
        [],
        `${input} has a lower level under an empty (all-zero) ${["prefecture", "county", "township", "village"][firstZero]} part`
      )
    )
  }
  return findings
}

const clip = (s: string): string => (s.length > 24 ? `${s.slice(0, 24)}…` : s)

/**
 * A division code (行政区划代码 / 统计用区划代码): 6, 9 or 12 digits, structurally valid (see
 * {@link validateStructure}). Whether it exists is a question for a {@link Dataset}.
 *
 * @since 0.1.0
 * @category schemas
 */
export const DivisionCode = Schema.String.pipe(
  Schema.filter((s) => {
    const issues = validateStructure(s)
    return issues.length === 0 || issues.map((f) => f.message).join("; ")
  }),
  Schema.brand("@zhili/DivisionCode"),
  Schema.annotations({
    identifier: "DivisionCode",
    title: "division code (6, 9 or 12 digits)",
    arbitrary: () => (fc) =>
      fc
        .tuple(
          fc.constantFrom(...provinces.keys()),
          fc.integer({ min: 0, max: 4 }),
          fc.array(fc.integer({ min: 1, max: 99 }), { minLength: 4, maxLength: 4 })
        )
        .map(([p, depth, n]) => {
          const parts = [pad(n[0] ?? 1, 2), pad(n[1] ?? 1, 2), pad(n[2] ?? 1, 3), pad(n[3] ?? 1, 3)]
          const kept = parts.map((part, i) => (i < depth ? part : "0".repeat(part.length)))
          const code = p + kept.join("")
          return canonicalString(code) as string & Brand.Brand<"@zhili/DivisionCode">
        })
  })
)
/**
 * @since 0.1.0
 * @category schemas
 */
export type DivisionCode = typeof DivisionCode.Type

const pad = (n: number, width: number): string => String(n).padStart(width, "0")

const wellFormed = /^\d{2}(?:\d{4}|\d{7}|\d{10})$/

/**
 * True when the value is a structurally valid division code (the same test as {@link validateStructure}, without
 * building findings: fast enough for filtering many records).
 *
 * @since 0.1.0
 * @category predicates
 */
export const isDivisionCode = (u: unknown): u is DivisionCode => {
  if (typeof u !== "string" || !wellFormed.test(u) || !provinces.has(u.slice(0, 2))) return false
  // no level may be all zeros while a lower one is not
  const parts = [u.slice(2, 4), u.slice(4, 6), u.slice(6, 9), u.slice(9, 12)]
  let zero = false
  for (const p of parts) {
    if (p === "") break
    const isZero = p === "00" || p === "000"
    if (zero && !isZero) return false
    zero = zero || isZero
  }
  return true
}

const canonicalString = (code: string): string => {
  const nine = code.length === 12 && code.endsWith("000") ? code.slice(0, 9) : code
  return nine.length === 9 && nine.endsWith("000") ? nine.slice(0, 6) : nine
}

/**
 * The shortest form of a code: `440881000000` → `440881`, `440881002000` → `440881002`; other codes unchanged.
 *
 * @since 0.1.0
 * @category conversions
 */
export const canonical = (code: DivisionCode): DivisionCode => canonicalString(code) as DivisionCode

/**
 * The 12-digit statistical form of a code (统计用区划代码), padding with zeros: `440881` → `440881000000`.
 *
 * @since 0.1.0
 * @category conversions
 */
export const toStatistical = (code: DivisionCode): DivisionCode => code.padEnd(12, "0") as DivisionCode

/**
 * The level of a division code: `440000` province, `440800` prefecture, `440881` county, `440881002` township,
 * `440881002001` village level.
 *
 * @since 0.1.0
 * @category getters
 */
export const level = (code: DivisionCode): Level => {
  const c = canonicalString(code)
  if (c.length === 12) return "village"
  if (c.length === 9) return "township"
  if (c.slice(2, 4) === "00") return "province"
  if (c.slice(4, 6) === "00") return "prefecture"
  return "county"
}

const prefixLength: Record<Level, number> = { province: 2, prefecture: 4, county: 6, township: 9, village: 12 }

/**
 * The significant digits of a code, the part every code below it starts with in any form: `440000` → `44`,
 * `440800` → `4408`, `440881000000` → `440881`. A query `code LIKE '4408%'` selects a division's subtree when codes
 * are stored in canonical or 12-digit form.
 *
 * @since 0.1.0
 * @category conversions
 */
export const prefix = (code: DivisionCode): string => code.slice(0, prefixLength[level(code)])

/**
 * The kind of a township-level unit (街道、镇、乡) from its code; `undefined` above the township level.
 *
 * @since 0.1.0
 * @category getters
 */
export const townshipKind = (code: DivisionCode): TownshipKind | undefined => {
  const l = level(code)
  if (l !== "township" && l !== "village") return undefined
  const n = Number(code.slice(6, 9))
  return n <= 99 ? "street" : n <= 199 ? "town" : n <= 399 ? "township" : "other"
}

/**
 * The kind of a village-level unit (居委会、村委会) from its code; `undefined` above the village level.
 *
 * @since 0.1.0
 * @category getters
 */
export const villageKind = (code: DivisionCode): VillageKind | undefined => {
  if (level(code) !== "village") return undefined
  const n = Number(code.slice(9, 12))
  return n <= 199 ? "residents-committee" : n <= 399 ? "villagers-committee" : "other"
}

/**
 * The chain of divisions above a code, from the province down to the direct parent, in canonical form:
 * `440881002001` → `[440000, 440800, 440881, 440881002]`. A province has no parents.
 *
 * @since 0.1.0
 * @category getters
 */
export const parents = (code: DivisionCode): ReadonlyArray<DivisionCode> => {
  const l = level(code)
  const full = code.padEnd(12, "0")
  const out: Array<DivisionCode> = []
  for (const [lv, len] of Object.entries(prefixLength) as Array<[Level, number]>) {
    if (lv === l) break
    out.push(canonicalString(full.slice(0, len).padEnd(12, "0")) as DivisionCode)
  }
  return out
}

/**
 * The direct parent of a code (上级区划), or none for a province.
 *
 * @since 0.1.0
 * @category getters
 */
export const parent = (code: DivisionCode): Option.Option<DivisionCode> => Option.fromNullable(parents(code).at(-1))

/**
 * True when `descendant` lies in the subtree of `ancestor` (a division contains itself), by level semantics rather
 * than string prefix: `440881` contains `440881002001` and `440881000000`; `440100` does not contain `440000`.
 * Strings that are not valid codes are contained in nothing.
 *
 * @since 0.1.0
 * @category predicates
 */
export const contains = (ancestor: string, descendant: string): boolean => {
  if (!isDivisionCode(ancestor) || !isDivisionCode(descendant)) return false
  const p = prefix(ancestor)
  const d = prefix(descendant)
  return d.length >= p.length && d.startsWith(p)
}

/**
 * One division in a dataset: its code in canonical form and its name. `placeholder` marks an entry whose code is
 * not the real one (kept for examples until the real code is known); `note` says where an entry comes from when it
 * differs from the dataset's source.
 *
 * @since 0.1.0
 * @category models
 */
export class Entry extends Schema.Class<Entry>("@zhili/DivisionEntry")({
  code: DivisionCode,
  name: Schema.String,
  placeholder: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  note: Schema.optional(Schema.String)
}) {}

/**
 * A dated list of divisions (区划数据集): the codes in force on `asOf`, from `source`. Hosts bring their own (the
 * full statistical list of their province, say) by decoding this schema from JSON.
 *
 * @since 0.1.0
 * @category models
 */
export class Dataset extends Schema.Class<Dataset>("@zhili/DivisionDataset")({
  asOf: LocalDate,
  source: Schema.String,
  entries: Schema.Array(Entry)
}) {}

const indexes = new WeakMap<Dataset, ReadonlyMap<string, Entry>>()
const indexOf = (dataset: Dataset): ReadonlyMap<string, Entry> => {
  let index = indexes.get(dataset)
  if (index === undefined) {
    index = new Map(dataset.entries.map((e) => [canonicalString(e.code), e]))
    indexes.set(dataset, index)
  }
  return index
}

const entry = (code: string, name: string, placeholder?: string): Entry =>
  new Entry({
    code: code as DivisionCode,
    name,
    placeholder: placeholder !== undefined,
    ...(placeholder !== undefined ? { note: placeholder } : {})
  })

const placeholderNote =
  "placeholder code: the real statistical code was not confirmed when this dataset was made; replace with the host's data"

/**
 * The small dataset shipped with the library: the divisions the seed's three reports and the examples use
 * (Lianjiang, Guangdong; Huichang, Jiangxi; Zibo, Shandong). Codes down to the county level and 城南街道 440881002
 * are real (STANDARDS.md "Division codes", checked). The village-level code of 新越社区 (`440881002001`) and the
 * township codes under 会昌县 are **placeholders** (`placeholder: true`): the real codes were not confirmed, so
 * hosts must supply their own dataset before relying on them.
 *
 * @since 0.1.0
 * @category data
 */
export const exampleDataset: Dataset = new Dataset({
  asOf: "2026-11-01" as LocalDate,
  source:
    "GB/T 2260 and the National Bureau of Statistics statistical division codes, as listed in STANDARDS.md; placeholders marked",
  entries: [
    entry("440000", "广东省"),
    entry("440800", "湛江市"),
    entry("440881", "廉江市"),
    entry("440881002", "城南街道"),
    entry("440881002001", "新越社区", placeholderNote),
    entry("360000", "江西省"),
    entry("360700", "赣州市"),
    entry("360733", "会昌县"),
    entry("360733100", "文武坝镇", placeholderNote),
    entry("360733101", "筠门岭镇", placeholderNote),
    entry("360733102", "西江镇", placeholderNote),
    entry("360733200", "清溪乡", placeholderNote),
    entry("370000", "山东省"),
    entry("370300", "淄博市"),
    entry("370303", "张店区")
  ]
})

/**
 * Looks a code up in a dataset (default {@link exampleDataset}), in any form (`440881000000` finds `440881`).
 *
 * @since 0.1.0
 * @category lookup
 */
export const lookup = (code: string, dataset: Dataset = exampleDataset): Option.Option<Entry> =>
  isDivisionCode(code) ? Option.fromNullable(indexOf(dataset).get(canonicalString(code))) : Option.none()

/**
 * The full name of a division from the dataset, its known parents first: `广东省湛江市廉江市城南街道`. Parents the
 * dataset lacks are left out; none when the code itself is unknown.
 *
 * @since 0.1.0
 * @category lookup
 */
export const fullName = (code: string, dataset: Dataset = exampleDataset): Option.Option<string> =>
  Option.map(lookup(code, dataset), (self) =>
    [...parents(self.code).flatMap((p) => Option.toArray(lookup(p, dataset))), self].map((e) => e.name).join("")
  )

/**
 * Checks a division code: malformed codes are errors ({@link validateStructure}); a well-formed code missing from
 * the dataset is a warning `division/unknown` (the dataset may be older or smaller than the host's reality); a
 * placeholder entry is an `info` finding `division/placeholder`.
 *
 * @since 0.1.0
 * @category validation
 */
export const validate = (code: string, dataset: Dataset = exampleDataset): ReadonlyArray<Finding.Finding> => {
  const structural = validateStructure(code)
  if (structural.length > 0) return structural
  const found = lookup(code, dataset)
  if (Option.isNone(found)) {
    return [
      Finding.warning(
        "division/unknown",
        [],
        `${code} is not in the division dataset of ${dataset.asOf} (${clip(dataset.source)})`
      )
    ]
  }
  return found.value.placeholder
    ? [Finding.info("division/placeholder", [], `${code} (${found.value.name}) is a placeholder code in the dataset`)]
    : []
}
