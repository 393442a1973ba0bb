/**
 * Assessments (考核): a subject's raw inputs for a period, scored against an indicator system, explained point by
 * point, totalled and ranked.
 *
 * Scoring follows the normalisation of {@link IndicatorSystem}: each leaf earns a share of its maximum points,
 * rounded to two decimals; groups and the total are sums of those rounded points. Missing or ill-typed inputs earn
 * nothing and are reported as findings with the path of the input, so a score is always produced and always
 * explained.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Finding from "../kernel/Finding.js"
import { AssessmentId, IndicatorId, IndicatorSystemId, OrgUnitId, TenantId } from "../kernel/Ids.js"
import { LocalDate } from "../kernel/LocalDate.js"
import type * as Scope from "../kernel/Scope.js"
import type { Band, Indicator, IndicatorSystem, Leaf } from "./IndicatorSystem.js"
import { compileTotal, type PlacedMax } from "./internal/compiledTotal.js"
import { locate, pts, round2 } from "./internal/location.js"
import * as Ranking from "./Ranking.js"

/**
 * Where a record sits: the kernel's `Scope.Location` (the tenant's division code and the id path of the record's
 * org unit from the root of the org tree; the caller resolves the path, without a resolver it is the unit alone).
 *
 * @since 0.1.0
 * @category models
 */
export type Location = Scope.Location

/**
 * Resolves an org unit id to its id path from the root of the org tree (supplied by the org context's host).
 *
 * @since 0.1.0
 * @category models
 */
export type ResolveOrgPath = (unit: string) => ReadonlyArray<string>

/**
 * An assessment period (考核周期), both ends included, with a label such as `2024` or `2024-H1`.
 *
 * @since 0.1.0
 * @category models
 */
export class Period extends Schema.Class<Period>("@zhili/AssessmentPeriod")(
  Schema.Struct({ label: Schema.NonEmptyTrimmedString, from: LocalDate, to: LocalDate }).pipe(
    Schema.filter(
      (p) => p.from <= p.to || { path: ["to"], message: `period ends (${p.to}) before it starts (${p.from})` }
    )
  )
) {}

/**
 * One raw input (原始数据): a boolean for yes/no, a number for a level, count, occurrences or ratio, or a
 * `{ numerator, denominator }` pair for a ratio.
 *
 * @since 0.1.0
 * @category models
 */
export const RawValue = Schema.Union(
  Schema.Boolean,
  Schema.Number.pipe(Schema.finite()),
  Schema.Struct({
    numerator: Schema.Number.pipe(Schema.nonNegative(), Schema.finite()),
    denominator: Schema.Number.pipe(Schema.nonNegative(), Schema.finite())
  })
)
/**
 * @since 0.1.0
 * @category models
 */
export type RawValue = typeof RawValue.Type

/**
 * The raw inputs of an assessment: `values` by indicator id, and `sources`, the values other contexts computed,
 * by data-source key (e.g. `case.on-time-rate: 0.96`).
 *
 * @since 0.1.0
 * @category models
 */
export class RawInputs extends Schema.Class<RawInputs>("@zhili/RawInputs")({
  values: Schema.optionalWith(Schema.Record({ key: Schema.String, value: RawValue }), { default: () => ({}) }),
  sources: Schema.optionalWith(Schema.Record({ key: Schema.String, value: Schema.Number.pipe(Schema.finite()) }), {
    default: () => ({})
  })
}) {}

/**
 * The score of one indicator: its maximum, the points earned, the points lost and why.
 *
 * @since 0.1.0
 * @category models
 */
export class IndicatorScore extends Schema.Class<IndicatorScore>("@zhili/IndicatorScore")({
  indicator: IndicatorId,
  name: Schema.String,
  path: Schema.Array(IndicatorId),
  names: Schema.Array(Schema.String),
  kind: Schema.Literal("leaf", "group"),
  maxPoints: Schema.Number,
  points: Schema.Number,
  lost: Schema.Number,
  reason: Schema.String
}) {}

/**
 * A scored sheet (评分表): one line per indicator (groups and leaves, in document order), the total and the
 * findings about the inputs.
 *
 * @since 0.1.0
 * @category models
 */
export class ScoreSheet extends Schema.Class<ScoreSheet>("@zhili/ScoreSheet")({
  system: IndicatorSystemId,
  fullMarks: Schema.Number,
  total: Schema.Number,
  lost: Schema.Number,
  lines: Schema.Array(IndicatorScore),
  findings: Schema.Array(Finding.Finding)
}) {}

const pct = (f: number) => `${round2(f * 100)}%`

const band = (bands: ReadonlyArray<Band>, value: number): { fraction: number; why: string } => {
  const met = [...bands].filter((b) => value >= b.atLeast).sort((a, b) => b.atLeast - a.atLeast)[0]
  if (met === undefined) {
    const lowest = Math.min(...bands.map((b) => b.atLeast))
    return { fraction: 0, why: `below the lowest band (at least ${lowest})` }
  }
  return { fraction: met.fraction, why: `meets the band "at least ${met.atLeast}" worth ${pct(met.fraction)}` }
}

interface Outcome {
  readonly points: number
  readonly reason: string
  readonly finding?: Finding.Finding
}

const scoreLeaf = (leaf: Leaf, max: number, inputs: RawInputs): Outcome => {
  const m = leaf.method
  const path = ["values", leaf.id]
  const value = inputs.values[leaf.id]
  const missing = (what: string): Outcome => ({
    points: 0,
    reason: `no ${what} supplied`,
    finding: Finding.error("assessment/missing-input", path, `${leaf.name} (${leaf.id}) needs ${what}; scored 0`)
  })
  const wrong = (what: string): Outcome => ({
    points: 0,
    reason: `input is not ${what}`,
    finding: Finding.error("assessment/invalid-input", path, `${leaf.name} (${leaf.id}) needs ${what}; scored 0`)
  })
  switch (m._tag) {
    case "YesNo": {
      if (value === undefined) return missing("a yes/no answer")
      if (typeof value !== "boolean") return wrong("a yes/no answer")
      return value ? { points: max, reason: "yes" } : { points: 0, reason: "no" }
    }
    case "Scale": {
      if (value === undefined) return missing("a level")
      if (typeof value !== "number") return wrong("a level")
      const level = m.levels.find((l) => l.level === value)
      if (level === undefined) return wrong(`one of the levels ${m.levels.map((l) => l.level).join(", ")}`)
      return { points: max * level.fraction, reason: `level ${value} is worth ${pct(level.fraction)}` }
    }
    case "Ratio": {
      if (value === undefined) return missing("a ratio")
      let ratio: number
      let shown: string
      if (typeof value === "number") {
        if (value < 0 || value > 1) return wrong("a ratio between 0 and 1")
        ratio = value
        shown = `ratio ${round2(value)}`
      } else if (typeof value === "object" && value !== null) {
        if (value.denominator === 0) return wrong("a ratio with a denominator above 0")
        if (value.numerator > value.denominator) return wrong("a ratio whose numerator is at most its denominator")
        ratio = value.numerator / value.denominator
        shown = `ratio ${value.numerator}/${value.denominator} = ${pct(ratio)}`
      } else return wrong("a ratio")
      const b = band(m.bands, ratio)
      return { points: max * b.fraction, reason: `${shown} ${b.why}` }
    }
    case "CountTarget": {
      if (value === undefined) return missing("a count")
      if (typeof value !== "number" || value < 0) return wrong("a count of 0 or more")
      const f = Math.min(1, value / m.target)
      return { points: max * f, reason: `${value} of the target ${m.target}` }
    }
    case "Deduction": {
      if (value === undefined) return missing("a number of occurrences")
      if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
        return wrong("a whole number of occurrences")
      }
      if (value === 0) return { points: max, reason: "no occurrences" }
      const deducted = value * m.perOccurrence
      const floored = max - deducted < m.floor
      return {
        points: Math.max(m.floor, max - deducted),
        reason:
          `${value} occurrence${value === 1 ? "" : "s"} × ${pts(m.perOccurrence)} = ${pts(deducted)} deducted` +
          (floored ? `, stopped at the floor of ${pts(m.floor)}` : "")
      }
    }
    case "DataSource": {
      const v = inputs.sources[m.source]
      const spath = ["sources", m.source]
      if (v === undefined) {
        return {
          points: 0,
          reason: `data source ${m.source} not supplied`,
          finding: Finding.error(
            "assessment/missing-source",
            spath,
            `${leaf.name} (${leaf.id}) needs the value of ${m.source}; scored 0`
          )
        }
      }
      if (v < 0 || v > 1) {
        return {
          points: 0,
          reason: `data source ${m.source} is not a rate between 0 and 1`,
          finding: Finding.error(
            "assessment/invalid-source",
            spath,
            `${m.source} is ${v}, not a rate between 0 and 1; ${leaf.id} scored 0`
          )
        }
      }
      if (m.bands === undefined) return { points: max * v, reason: `${m.source} is ${pct(v)}` }
      const b = band(m.bands, v)
      return { points: max * b.fraction, reason: `${m.source} is ${pct(v)}, ${b.why}` }
    }
  }
}

/**
 * Scores raw inputs against an indicator system. Pure and total: every indicator gets a line saying how many points
 * it earned and lost and why; bad or missing inputs earn nothing and add a finding with the input's path.
 *
 * @since 0.1.0
 * @category rules
 */
export const score = (system: IndicatorSystem, inputs: RawInputs): ScoreSheet => {
  const lines: Array<IndicatorScore> = []
  const findings: Array<Finding.Finding> = []
  const maxOf = maxPointsOf(system)
  const walk = (
    xs: ReadonlyArray<Indicator>,
    path: ReadonlyArray<IndicatorId>,
    names: ReadonlyArray<string>,
    max: number
  ): { points: number; max: number } => {
    let points = 0
    let maxSum = 0
    for (const i of xs) {
      const own = max * i.weight
      const ipath = [...path, i.id]
      const inames = [...names, i.name]
      if (i._tag === "Leaf") {
        const leafMax = round2(maxOf.get(i.id) ?? own)
        const o = scoreLeaf(i, maxOf.get(i.id) ?? own, inputs)
        if (o.finding !== undefined) findings.push(o.finding)
        const p = round2(o.points)
        lines.push(
          new IndicatorScore(
            {
              indicator: i.id,
              name: i.name,
              path: ipath,
              names: inames,
              kind: "leaf",
              maxPoints: leafMax,
              points: p,
              lost: round2(leafMax - p),
              reason: o.reason
            },
            trusted
          )
        )
        points += p
        maxSum += leafMax
      } else {
        const at = lines.length
        const sub = walk(i.children, ipath, inames, own)
        const lostHere: Array<string> = []
        for (let k = at; k < lines.length; k++) {
          const l = lines[k] as IndicatorScore
          if (l.kind === "leaf" && l.lost > 0) lostHere.push(l.indicator)
        }
        lines.splice(
          at,
          0,
          new IndicatorScore(
            {
              indicator: i.id,
              name: i.name,
              path: ipath,
              names: inames,
              kind: "group",
              maxPoints: round2(sub.max),
              points: round2(sub.points),
              lost: round2(sub.max - sub.points),
              reason: lostHere.length === 0 ? "full points" : `points lost in ${lostHere.join(", ")}`
            },
            trusted
          )
        )
        points += sub.points
        maxSum += sub.max
      }
    }
    return { points, max: maxSum }
  }
  const t = walk(system.indicators, [], [], system.fullMarks)
  return new ScoreSheet(
    {
      system: system.id,
      fullMarks: system.fullMarks,
      total: round2(t.points),
      lost: round2(t.max - t.points),
      lines,
      findings
    },
    trusted
  )
}

/**
 * Options of {@link totalScorer}.
 *
 * @since 0.1.0
 * @category models
 */
export interface TotalScorerOptions {
  /**
   * Generate the scorer as JavaScript source (`new Function`), the fast path and the default. `false` keeps the
   * closure scorer, which the generated one falls back to anyway where `new Function` is forbidden (a Content
   * Security Policy without `unsafe-eval`).
   */
  readonly compile?: boolean
}

/**
 * Compiles an indicator system into a scorer of totals (总分计算): the function returns, for a subject's raw inputs,
 * exactly `score(system, inputs).total` — each leaf's points by its method, rounded to two decimals, summed and
 * rounded — without the explained lines and findings. Compile once and score many subjects (a ranking of every unit,
 * a city-wide run); use {@link score} where the explanation is shown.
 *
 * The system is generated as JavaScript source with `new Function` (as ajv compiles validators): one straight-line
 * function in which each leaf's input key is a string literal and its maximum and method constants (sorted bands,
 * scale levels, target, floor, deduction) are numeric literals, so the engine caches each read as it does in a
 * hand-written loop. Keys are written with `JSON.stringify` (and U+2028/U+2029 escaped), never spliced raw. Where
 * `new Function` throws (a Content Security Policy without `unsafe-eval`), a constant is not a finite number or the
 * system is malformed, and with `{ compile: false }`, the scorer is one closure per leaf instead: the same totals,
 * 2–3× slower.
 *
 * @since 0.1.0
 * @category rules
 */
export const totalScorer = (system: IndicatorSystem, options?: TotalScorerOptions): ((inputs: RawInputs) => number) => {
  const maxOf = maxPointsOf(system)
  const placed: Array<PlacedMax> = []
  const walk = (xs: ReadonlyArray<Indicator>, max: number): void => {
    for (const i of xs) {
      const own = max * i.weight
      if (i._tag === "Leaf") placed.push({ leaf: i, max: maxOf.get(i.id) ?? own })
      else walk(i.children, own)
    }
  }
  walk(system.indicators, system.fullMarks)
  if (options?.compile !== false) {
    const compiled = compileTotal(placed)
    if (compiled !== undefined) return compiled
  }
  const leaves = placed.map((p) => leafPoints(p.leaf, p.max))
  return (inputs) => {
    let total = 0
    for (const points of leaves) total += points(inputs)
    return round2(total)
  }
}

/** A band table as a function of the value: the fraction of the highest band met (the first listed on a tie), else 0. */
const bandFraction = (bands: ReadonlyArray<Band>): ((value: number) => number) => {
  const sorted = [...bands].sort((a, b) => b.atLeast - a.atLeast)
  return (value) => {
    for (const b of sorted) if (value >= b.atLeast) return b.fraction
    return 0
  }
}

/**
 * One leaf's rounded points as {@link scoreLeaf} computes them (missing or ill-typed inputs earn 0): the reference
 * that `internal/compiledTotal.ts` writes as source, and the scorer where that cannot be used.
 */
const leafPoints = (leaf: Leaf, max: number): ((inputs: RawInputs) => number) => {
  const m = leaf.method
  const id = leaf.id
  switch (m._tag) {
    case "YesNo":
      return (inputs) => (inputs.values[id] === true ? round2(max) : 0)
    case "Scale": {
      const fractions = new Map<number, number>()
      // a level matches by `===`, as in scoreLeaf: NaN (only in a system built without validation) matches nothing
      for (const l of m.levels)
        if (!fractions.has(l.level) && !Number.isNaN(l.level)) fractions.set(l.level, l.fraction)
      return (inputs) => {
        const value = inputs.values[id]
        const f = typeof value === "number" ? fractions.get(value) : undefined
        return f === undefined ? 0 : round2(max * f)
      }
    }
    case "Ratio": {
      const fraction = bandFraction(m.bands)
      return (inputs) => {
        const value = inputs.values[id]
        let ratio: number
        if (typeof value === "number") {
          if (!(value >= 0 && value <= 1)) return 0
          ratio = value
        } else if (typeof value === "object" && value !== null) {
          if (value.denominator === 0 || value.numerator > value.denominator) return 0
          ratio = value.numerator / value.denominator
        } else return 0
        return round2(max * fraction(ratio))
      }
    }
    case "CountTarget":
      return (inputs) => {
        const value = inputs.values[id]
        return typeof value !== "number" || value < 0 ? 0 : round2(max * Math.min(1, value / m.target))
      }
    case "Deduction":
      return (inputs) => {
        const value = inputs.values[id]
        if (typeof value !== "number" || !Number.isInteger(value) || value < 0) return 0
        return value === 0 ? round2(max) : round2(Math.max(m.floor, max - value * m.perOccurrence))
      }
    case "DataSource": {
      const source = m.source
      const fraction = m.bands === undefined ? undefined : bandFraction(m.bands)
      return (inputs) => {
        const v = inputs.sources[source]
        if (v === undefined || v < 0 || v > 1) return 0
        return round2(max * (fraction === undefined ? v : fraction(v)))
      }
    }
  }
}

// The lines and the sheet are built from values computed here (ids and names from a decoded system, numbers and
// reasons from the scoring above), so they are constructed without validation.
const trusted = { disableValidation: true } as const

// Each leaf's maximum points by id, as `leaves` computes them (`fullMarks × Π weights`, the last leaf winning if a
// system built without validation repeats an id), without copying paths.
const maxPointsOf = (system: IndicatorSystem): Map<IndicatorId, number> => {
  const out = new Map<IndicatorId, number>()
  const walk = (xs: ReadonlyArray<Indicator>, max: number): void => {
    for (const i of xs) {
      const own = max * i.weight
      if (i._tag === "Leaf") out.set(i.id, own)
      else walk(i.children, own)
    }
  }
  walk(system.indicators, system.fullMarks)
  return out
}

/**
 * Explains a score in sentences: one per leaf that lost points, `三会一课 > 党员大会: lost 2.50 of 10.00 points —
 * …`, in document order. An empty list means full marks.
 *
 * @since 0.1.0
 * @category rules
 */
export const explain = (sheet: ScoreSheet): Array<string> =>
  sheet.lines
    .filter((l) => l.kind === "leaf" && l.lost > 0)
    .map((l) => `${l.names.join(" > ")}: lost ${pts(l.lost)} of ${pts(l.maxPoints)} points — ${l.reason}`)

/**
 * A stored assessment (考核结果): subject, period, raw inputs, the score of every indicator, the total and, once
 * ranked, the rank.
 *
 * @since 0.1.0
 * @category models
 */
export class Assessment extends Schema.Class<Assessment>("@zhili/Assessment")({
  id: AssessmentId,
  tenant: TenantId,
  subject: OrgUnitId,
  period: Period,
  system: IndicatorSystemId,
  inputs: RawInputs,
  scores: Schema.Array(IndicatorScore),
  total: Schema.Number,
  rank: Schema.optional(Schema.Int.pipe(Schema.positive()))
}) {}

/**
 * Scores a subject's inputs and records the assessment (unranked), with the findings about its inputs.
 *
 * @since 0.1.0
 * @category constructors
 */
export const assess = (
  system: IndicatorSystem,
  args: {
    readonly id: AssessmentId
    readonly tenant: TenantId
    readonly subject: OrgUnitId
    readonly period: Period
    readonly inputs: RawInputs
  }
): { readonly assessment: Assessment; readonly sheet: ScoreSheet } => {
  const sheet = score(system, args.inputs)
  return {
    assessment: new Assessment({ ...args, system: system.id, scores: sheet.lines, total: sheet.total }),
    sheet
  }
}

/**
 * Ranks assessments of one period by total, highest first, with competition ranking (see {@link Ranking.rank}):
 * equal totals share a rank and the next rank skips (1, 2, 2, 4). Ties are listed by subject id.
 *
 * @since 0.1.0
 * @category rules
 */
export const rankAll = (assessments: ReadonlyArray<Assessment>): Array<Assessment> =>
  Ranking.rank(
    assessments,
    (a) => a.total,
    (a) => a.subject
  ).map((r) => new Assessment({ ...r.item, rank: r.rank }))

/**
 * The `Scope.Location` of an assessment: its tenant's division and its subject's org path.
 *
 * @since 0.1.0
 * @category getters
 */
export const location = (self: Assessment, orgPath?: ResolveOrgPath): Location =>
  locate(self.tenant, self.subject, orgPath)
