/**
 * Case metrics (考核指标) for a period and a scope: the Beijing 接诉即办 three rates (response, resolution,
 * satisfaction) and their weighted score, closing and on-time closing rates, rework and extension rates, and the
 * monthly ranking of units with ties. Every formula is documented with its source; where STANDARDS.md marks a
 * formula or weight open, the default says so.
 *
 * @since 0.1.0
 */
import { DateTime, Schema } from "effect"
import * as Ranking from "../assessment/Ranking.js"
import * as Plugin from "../plugin/Plugin.js"
import * as Case from "./Case.js"

/**
 * A rate: numerator over denominator, and their quotient (`null` when nothing was counted).
 *
 * @since 0.1.0
 * @category models
 */
export class Rate extends Schema.Class<Rate>("@zhili/Rate")({
  numerator: Schema.NonNegative,
  denominator: Schema.NonNegativeInt,
  value: Schema.NullOr(Schema.Number)
}) {}

/**
 * Builds a rate; the value is `null` when the denominator is 0.
 *
 * @since 0.1.0
 * @category constructors
 */
export const rate = (numerator: number, denominator: number): Rate =>
  new Rate({ numerator, denominator, value: denominator === 0 ? null : numerator / denominator })

/**
 * A half-open period `[from, to)`.
 *
 * @since 0.1.0
 * @category models
 */
export class Period extends Schema.Class<Period>("@zhili/Period")({
  from: Schema.DateTimeUtc,
  to: Schema.DateTimeUtc
}) {}

/**
 * A calendar month in a time zone (default Asia/Shanghai) as a period.
 *
 * @since 0.1.0
 * @category constructors
 */
export const month = (year: number, monthNumber: number, timeZone = "Asia/Shanghai"): Period => {
  const start = DateTime.unsafeMakeZoned({ year, month: monthNumber, day: 1 }, { timeZone, adjustForTimeZone: true })
  return new Period({ from: DateTime.toUtc(start), to: DateTime.toUtc(DateTime.add(start, { months: 1 })) })
}

/**
 * The period from the first day of one month to the first day after another, in a time zone (default Asia/Shanghai).
 *
 * @since 0.1.0
 * @category constructors
 */
export const months = (
  from: { readonly year: number; readonly month: number },
  to: { readonly year: number; readonly month: number },
  timeZone = "Asia/Shanghai"
): Period =>
  new Period({ from: month(from.year, from.month, timeZone).from, to: month(to.year, to.month, timeZone).to })

/**
 * True when an instant lies in the period.
 *
 * @since 0.1.0
 * @category predicates
 */
export const contains = (period: Period, at: DateTime.Utc): boolean =>
  at.epochMillis >= period.from.epochMillis && at.epochMillis < period.to.epochMillis

/**
 * Weights of the three rates in the composite score. Default 30/35/35 from one county (STANDARDS.md, open): a
 * default to be replaced.
 *
 * @since 0.1.0
 * @category policies
 */
export class Weights extends Schema.Class<Weights>("@zhili/CaseMetricWeights")({
  response: Schema.NonNegative,
  resolution: Schema.NonNegative,
  satisfaction: Schema.NonNegative,
  /** Weight of the on-time closing rate (按期结案率) in the score; 0 (the default) leaves it out. */
  onTimeClosing: Schema.optionalWith(Schema.NonNegative, { default: () => 0 }),
  /** Weight of rework (返工) in the score, counted as 1 − the rework rate; 0 (the default) leaves it out. */
  rework: Schema.optionalWith(Schema.NonNegative, { default: () => 0 }),
  source: Schema.String
}) {}

/**
 * 30 % response, 35 % resolution, 35 % satisfaction: one county's weighting of the Beijing three rates (STANDARDS.md
 * marks it open); default to be replaced.
 *
 * @since 0.1.0
 * @category policies
 */
export const defaultWeights: Weights = new Weights({
  response: 0.3,
  resolution: 0.35,
  satisfaction: 0.35,
  source: "one county's 30/35/35 (STANDARDS.md: open); default to be replaced"
})

/**
 * How much each satisfaction answer counts in the satisfaction rate. Default: satisfied and basically satisfied 1,
 * dissatisfied 0 (default to be replaced: no source fixes the share of "basically satisfied").
 *
 * @since 0.1.0
 * @category policies
 */
export class SatisfactionScale extends Schema.Class<SatisfactionScale>("@zhili/SatisfactionScale")({
  satisfied: Schema.Number,
  "basically-satisfied": Schema.Number,
  dissatisfied: Schema.Number,
  source: Schema.String
}) {}

/**
 * The default satisfaction scale: 1, 1, 0; default to be replaced.
 *
 * @since 0.1.0
 * @category policies
 */
export const defaultSatisfactionScale: SatisfactionScale = new SatisfactionScale({
  satisfied: 1,
  "basically-satisfied": 1,
  dissatisfied: 0,
  source: "default to be replaced (no source fixes the weight of 基本满意)"
})

/**
 * What the metrics need besides the cases: the case policy (for original deadlines), an optional scope filter, the
 * weights and the satisfaction scale.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly policy: Case.Policy
  readonly scope?: (c: Case.Case) => boolean
  /**
   * The instant the figures are read at (default: the end of the period). Nothing after it has happened yet: a case
   * whose deadline has not passed at `asOf` is not yet counted against anyone, events after it are not counted, and
   * read after the period an answer or exclusion that came after the period's end (by `asOf`) counts for the period.
   */
  readonly asOf?: DateTime.Utc
  readonly weights?: Weights
  readonly satisfaction?: SatisfactionScale
}

const scoped = (cases: ReadonlyArray<Case.Case>, options: Options) =>
  options.scope === undefined ? cases : cases.filter(options.scope)

/** The last instant known when reading at `asOf` (epoch ms, inclusive): `asOf`, or just before the period's end. */
const knownAt = (period: Period, options: Options): number =>
  options.asOf === undefined ? period.to.epochMillis - 1 : options.asOf.epochMillis

/** The exclusive end of what has happened in a period read at `asOf`: the period's end, or just after `asOf`. */
const horizon = (period: Period, options: Options): number =>
  Math.min(period.to.epochMillis, knownAt(period, options) + 1)

/** True when the case is known at `options.asOf` to be left out of the assessment (不纳入考核). */
const excluded = (c: Case.Case, period: Period, options: Options): boolean =>
  c.exclusion !== undefined && c.exclusion.at.epochMillis <= knownAt(period, options)

/**
 * Counts, in one pass, the cases in scope closed in the period (the denominator) and those of them `counted` is true
 * for; the rates below are this with different `counted`, written out without intermediate arrays.
 */
const countClosedIn = (
  cases: ReadonlyArray<Case.Case>,
  period: Period,
  options: Options,
  counted: (c: Case.Case) => boolean
): Rate => {
  const from = period.from.epochMillis
  const to = horizon(period, options)
  const scope = options.scope
  let closed = 0
  let n = 0
  for (const c of cases) {
    if (scope !== undefined && !scope(c)) continue
    if (c.status !== "closed" || c.closedAt === undefined || excluded(c, period, options)) continue
    const at = c.closedAt.epochMillis
    if (at < from || at >= to) continue
    closed++
    if (counted(c)) n++
  }
  return rate(n, closed)
}

/**
 * Response rate (响应率, Beijing 接诉即办): cases reported in the period that were accepted or refused by their response
 * deadline ÷ cases reported in the period, read at `options.asOf` (default the end of the period). Left out: a case
 * not answered at `asOf` whose response deadline has not passed by then (not late yet: a case reported on the last
 * evening of the month counts in the month once answered or late), a case withdrawn by the resident before anyone
 * answered, and a case left out of the assessment (不纳入考核).
 *
 * @since 0.1.0
 * @category metrics
 */
export const responseRate = (cases: ReadonlyArray<Case.Case>, period: Period, options: Options): Rate => {
  const from = period.from.epochMillis
  const to = horizon(period, options)
  const asOf = knownAt(period, options)
  const scope = options.scope
  let reported = 0
  let onTime = 0
  for (const c of cases) {
    if (scope !== undefined && !scope(c)) continue
    const at = c.reportedAt.epochMillis
    if (at < from || at >= to || excluded(c, period, options)) continue
    const responded = c.respondedAt !== undefined && c.respondedAt.epochMillis <= asOf ? c.respondedAt : undefined
    const due = c.due.response
    if (responded === undefined) {
      if (due !== undefined && due.epochMillis > asOf) continue
      if (withdrawnUnanswered(c, asOf)) continue
    }
    reported++
    if (responded !== undefined && (due === undefined || responded.epochMillis <= due.epochMillis)) onTime++
  }
  return rate(onTime, reported)
}

/** True when the resident withdrew the case by `asOf` before anyone answered it. */
const withdrawnUnanswered = (c: Case.Case, asOf: number): boolean => {
  for (const e of c.history) {
    if (e.at.epochMillis > asOf) return false
    if (e._tag === "Accepted" || e._tag === "Rejected") return false
    if (e._tag === "Withdrawn") return true
  }
  return false
}

/**
 * Resolution rate (解决率, Beijing 接诉即办): cases closed in the period as fixed ÷ cases closed in the period.
 * Closed-not-fixed counts in the denominator only, so closing without fixing lowers the rate.
 *
 * @since 0.1.0
 * @category metrics
 */
export const resolutionRate = (cases: ReadonlyArray<Case.Case>, period: Period, options: Options): Rate =>
  countClosedIn(cases, period, options, isFixed)

const isFixed = (c: Case.Case) => c.closure === "fixed"

/**
 * Satisfaction rate (满意率, Beijing 接诉即办): the weighted count of satisfaction answers on cases closed in the
 * period (see {@link SatisfactionScale}) ÷ cases closed in the period that were rated.
 *
 * @since 0.1.0
 * @category metrics
 */
export const satisfactionRate = (cases: ReadonlyArray<Case.Case>, period: Period, options: Options): Rate => {
  const scale = options.satisfaction ?? defaultSatisfactionScale
  const from = period.from.epochMillis
  const to = horizon(period, options)
  const scope = options.scope
  let rated = 0
  let sum = 0
  for (const c of cases) {
    if (scope !== undefined && !scope(c)) continue
    if (c.status !== "closed" || c.closedAt === undefined || c.satisfaction === undefined) continue
    if (excluded(c, period, options)) continue
    const at = c.closedAt.epochMillis
    if (at < from || at >= to) continue
    rated++
    sum += scale[c.satisfaction]
  }
  return rate(sum, rated)
}

/**
 * The composite score of the three rates, 0–100: Σ weightᵢ × rateᵢ × 100 ÷ Σ weightᵢ over the rates that have a
 * value (a rate with nothing to count drops out and the others are re-weighted). With the weights' `onTimeClosing`
 * and `rework` above 0, the on-time closing rate and 1 − the rework rate join the sum when given. `null` when no
 * rate has a value.
 *
 * @since 0.1.0
 * @category metrics
 */
export const score = (
  rates: {
    readonly response: Rate
    readonly resolution: Rate
    readonly satisfaction: Rate
    readonly onTimeClosing?: Rate | undefined
    readonly rework?: Rate | undefined
  },
  weights: Weights = defaultWeights
): number | null => {
  const parts: Array<readonly [number, number]> = []
  for (const k of ["response", "resolution", "satisfaction"] as const) {
    const v = rates[k].value
    if (v !== null) parts.push([weights[k], v])
  }
  const onTime = rates.onTimeClosing?.value
  if (weights.onTimeClosing > 0 && onTime !== undefined && onTime !== null) parts.push([weights.onTimeClosing, onTime])
  const rework = rates.rework?.value
  if (weights.rework > 0 && rework !== undefined && rework !== null) parts.push([weights.rework, 1 - rework])
  const total = parts.reduce((s, [w]) => s + w, 0)
  if (parts.length === 0 || total === 0) return null
  return Math.round((parts.reduce((s, [w, v]) => s + w * v, 0) / total) * 100 * 1e6) / 1e6
}

/**
 * The closing-rate base (CJ/T 315 style, STANDARDS.md "Case handling", one source): the cases due in the period
 * (应结案: first resolve deadline, as set on acceptance, inside the period) and, of those, the deferred ones (缓办:
 * extended or put on the ledger before the period ended). Cases left out of the assessment are not counted.
 *
 * @since 0.1.0
 * @category metrics
 */
export const dueAndDeferred = (
  cases: ReadonlyArray<Case.Case>,
  period: Period,
  options: Options
): { readonly due: ReadonlyArray<Case.Case>; readonly deferred: ReadonlyArray<Case.Case> } => {
  const due: Array<Case.Case> = []
  const deferred: Array<Case.Case> = []
  const from = period.from.epochMillis
  const to = period.to.epochMillis
  const scope = options.scope
  for (const c of cases) {
    if (scope !== undefined && !scope(c)) continue
    if (excluded(c, period, options)) continue
    const d = Case.originalDue(c, options.policy)
    if (d === undefined || d.epochMillis < from || d.epochMillis >= to) continue
    due.push(c)
    if (deferredBy(c, to)) deferred.push(c)
  }
  return { due, deferred }
}

/** True when the case was extended or put on the ledger before `to` (epoch ms). */
const deferredBy = (c: Case.Case, to: number): boolean => {
  for (const e of c.history)
    if ((e._tag === "ExtensionGranted" || e._tag === "Shelved") && e.at.epochMillis < to) return true
  return false
}

/**
 * The closing-rate counts in one pass, each case's first resolve deadline computed once: the base (due in the period
 * and not deferred), those of it closed before the period ended, and those closed on time.
 */
const closingCounts = (
  cases: ReadonlyArray<Case.Case>,
  period: Period,
  options: Options
): { readonly base: number; readonly closed: number; readonly onTime: number } => {
  const from = period.from.epochMillis
  const to = period.to.epochMillis
  const end = horizon(period, options)
  const scope = options.scope
  let base = 0
  let closed = 0
  let onTime = 0
  for (const c of cases) {
    if (scope !== undefined && !scope(c)) continue
    if (excluded(c, period, options)) continue
    const due = Case.originalDue(c, options.policy)
    if (due === undefined || due.epochMillis < from || due.epochMillis >= to || deferredBy(c, end)) continue
    const closedInTime = c.status === "closed" && c.closedAt !== undefined && c.closedAt.epochMillis < end
    // not due yet at asOf and not closed by then: nobody is late yet
    if (!closedInTime && due.epochMillis > knownAt(period, options)) continue
    base++
    if (!closedInTime) continue
    closed++
    // the last feedback: the last Resolved event, else the last Closed one (a case closed from the ledger)
    let resolved: number | undefined
    let closing: number | undefined
    for (let i = c.history.length - 1; i >= 0 && resolved === undefined; i--) {
      const e = c.history[i] as Case.Event
      if (e._tag === "Resolved") resolved = e.at.epochMillis
      else if (e._tag === "Closed" && closing === undefined) closing = e.at.epochMillis
    }
    const feedback = resolved ?? closing
    if (feedback !== undefined && feedback <= due.epochMillis) onTime++
  }
  return { base, closed, onTime }
}

/**
 * Closing rate (结案率) = closed ÷ (due − deferred) (STANDARDS.md, one source): of the cases due in the period and not
 * deferred, those closed before the period ended.
 *
 * @since 0.1.0
 * @category metrics
 */
export const closingRate = (cases: ReadonlyArray<Case.Case>, period: Period, options: Options): Rate => {
  const n = closingCounts(cases, period, options)
  return rate(n.closed, n.base)
}

/**
 * On-time closing rate (按期结案率) = closed on time ÷ (due − deferred) (STANDARDS.md, one source): of the cases due in
 * the period and not deferred, those closed before the period ended whose last feedback (反馈; the closing itself for a case closed from the
 * ledger) came by their first resolve deadline. Restarts for rework or escalation do not buy time.
 *
 * @since 0.1.0
 * @category metrics
 */
export const onTimeClosingRate = (cases: ReadonlyArray<Case.Case>, period: Period, options: Options): Rate => {
  const n = closingCounts(cases, period, options)
  return rate(n.onTime, n.base)
}

/**
 * Rework rate (返工率): cases closed in the period that were reopened at least once ÷ cases closed in the period.
 * STANDARDS.md marks the formula open; default to be replaced.
 *
 * @since 0.1.0
 * @category metrics
 */
export const reworkRate = (cases: ReadonlyArray<Case.Case>, period: Period, options: Options): Rate =>
  countClosedIn(cases, period, options, (c) => c.reopenCount > 0)

/**
 * Extension rate (延期率): cases accepted in the period that were granted at least one extension ÷ cases accepted in
 * the period. STANDARDS.md marks the formula open; default to be replaced.
 *
 * @since 0.1.0
 * @category metrics
 */
export const extensionRate = (cases: ReadonlyArray<Case.Case>, period: Period, options: Options): Rate => {
  const from = period.from.epochMillis
  const to = horizon(period, options)
  const scope = options.scope
  let accepted = 0
  let extended = 0
  for (const c of cases) {
    if (scope !== undefined && !scope(c)) continue
    if (c.acceptedAt === undefined || c.acceptedAt.epochMillis < from || c.acceptedAt.epochMillis >= to) continue
    if (excluded(c, period, options)) continue
    accepted++
    if (c.history.some((e) => e._tag === "ExtensionGranted" && e.at.epochMillis < to)) extended++
  }
  return rate(extended, accepted)
}

/**
 * The cases left out of the assessment (不纳入考核) that were reported in the period, excluded by its end (or by
 * `asOf`), in scope: each with its exclusion (reason, note, the case it duplicates, who asked and who approved), in
 * the order given. Every rate above leaves them out.
 *
 * @since 0.1.0
 * @category metrics
 */
export const exclusions = (
  cases: ReadonlyArray<Case.Case>,
  period: Period,
  options: Options
): ReadonlyArray<{ readonly case: Case.Case; readonly exclusion: Case.Exclusion }> => {
  const from = period.from.epochMillis
  const to = horizon(period, options)
  const out: Array<{ readonly case: Case.Case; readonly exclusion: Case.Exclusion }> = []
  for (const c of scoped(cases, options)) {
    const at = c.reportedAt.epochMillis
    if (at < from || at >= to || c.exclusion === undefined || !excluded(c, period, options)) continue
    out.push({ case: c, exclusion: c.exclusion })
  }
  return out
}

/**
 * All case metrics of a period and scope. `reported` counts every case reported in the period (read at `asOf`),
 * excluded or not; the response rate's denominator leaves out the cases not yet due and the excluded ones.
 *
 * @since 0.1.0
 * @category models
 */
export class Summary extends Schema.Class<Summary>("@zhili/CaseMetricsSummary")({
  period: Period,
  reported: Schema.NonNegativeInt,
  closed: Schema.NonNegativeInt,
  closedFixed: Schema.NonNegativeInt,
  closedNotFixed: Schema.NonNegativeInt,
  response: Rate,
  resolution: Rate,
  satisfaction: Rate,
  score: Schema.NullOr(Schema.Number),
  closing: Rate,
  onTimeClosing: Rate,
  rework: Rate,
  extension: Rate
}) {}

/**
 * Computes every metric of a period and scope.
 *
 * @since 0.1.0
 * @category metrics
 */
export const summarize = (cases: ReadonlyArray<Case.Case>, period: Period, options: Options): Summary => {
  const response = responseRate(cases, period, options)
  const resolution = resolutionRate(cases, period, options)
  const satisfaction = satisfactionRate(cases, period, options)
  const notFixed = countClosedIn(cases, period, options, (c) => c.closure === "not-fixed")
  const closing = closingCounts(cases, period, options)
  const from = period.from.epochMillis
  const end = horizon(period, options)
  let reported = 0
  for (const c of cases) {
    if (options.scope !== undefined && !options.scope(c)) continue
    const at = c.reportedAt.epochMillis
    if (at >= from && at < end) reported++
  }
  return new Summary({
    period,
    reported,
    closed: resolution.denominator,
    closedFixed: resolution.numerator,
    closedNotFixed: notFixed.numerator,
    response,
    resolution,
    satisfaction,
    score: score(
      {
        response,
        resolution,
        satisfaction,
        onTimeClosing: rate(closing.onTime, closing.base),
        rework: reworkRate(cases, period, options)
      },
      options.weights
    ),
    closing: rate(closing.closed, closing.base),
    onTimeClosing: rate(closing.onTime, closing.base),
    rework: reworkRate(cases, period, options),
    extension: extensionRate(cases, period, options)
  })
}

// ---------------------------------------------------------------------------------------------------------------
// Ranking
// ---------------------------------------------------------------------------------------------------------------

/**
 * One unit's place in a ranking (排名): standard competition ranking, so tied units share a rank and the next rank
 * skips (1, 2, 2, 4). Units without a score are listed after the ranked ones with `rank: null`.
 *
 * @since 0.1.0
 * @category models
 */
export class Ranked extends Schema.Class<Ranked>("@zhili/Ranked")({
  unit: Schema.String,
  score: Schema.NullOr(Schema.Number),
  rank: Schema.NullOr(Schema.Int)
}) {}

/**
 * Ranks scores, highest first, with the library's one ranking rule (`Ranking.rank`): competition ranks (1, 2, 2, 4),
 * scores compared at two decimals (so 89.995 and 90 tie, and `score` is the rounded score), tied units in the order
 * of their id whatever the input order; units with `null` scores come last unranked, in the order of their id.
 *
 * @since 0.1.0
 * @category ranking
 */
export const rank = (
  entries: ReadonlyArray<{ readonly unit: string; readonly score: number | null }>
): ReadonlyArray<Ranked> => {
  const scored = entries.filter((e): e is { readonly unit: string; readonly score: number } => e.score !== null)
  const out: Array<Ranked> = Ranking.rank(
    scored,
    (e) => e.score,
    (e) => e.unit
  ).map((r) => new Ranked({ unit: r.item.unit, score: r.score, rank: r.rank }))
  const unscored = entries
    .filter((e) => e.score === null)
    .map((e) => e.unit)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  for (const unit of unscored) out.push(new Ranked({ unit, score: null, rank: null }))
  return out
}

/**
 * The top `n` of a ranking, with every unit tied with the n-th (so it may hold more than `n`).
 *
 * @since 0.1.0
 * @category ranking
 */
export const top = (ranking: ReadonlyArray<Ranked>, n: number): ReadonlyArray<Ranked> => {
  const ranked = ranking.filter((r) => r.rank !== null)
  const cut = ranked[n - 1]
  return n <= 0 ? [] : cut === undefined ? ranked : ranked.filter((r) => (r.rank ?? 0) <= (cut.rank ?? 0))
}

/**
 * The bottom `n` of a ranking, lowest first, with every unit tied with the n-th from the bottom.
 *
 * @since 0.1.0
 * @category ranking
 */
export const bottom = (ranking: ReadonlyArray<Ranked>, n: number): ReadonlyArray<Ranked> => {
  const ranked = ranking.filter((r) => r.rank !== null).reverse()
  const cut = ranked[n - 1]
  return n <= 0 ? [] : cut === undefined ? ranked : ranked.filter((r) => (r.score ?? 0) <= (cut.score ?? 0))
}

/**
 * The monthly ranking of units (月度排名) by the composite score of the three rates in a month. `unitOf` says which
 * unit a case counts for (its handling unit, its grid …; `undefined` leaves it out); `units` lists units to show even
 * without cases (they come last, unranked).
 *
 * @since 0.1.0
 * @category ranking
 */
export const monthlyRanking = (
  cases: ReadonlyArray<Case.Case>,
  period: Period,
  unitOf: (c: Case.Case) => string | undefined,
  options: Options & { readonly units?: ReadonlyArray<string> }
): ReadonlyArray<Ranked> => {
  const byUnit = new Map<string, Array<Case.Case>>()
  for (const u of options.units ?? []) byUnit.set(u, [])
  for (const c of scoped(cases, options)) {
    const u = unitOf(c)
    if (u === undefined) continue
    const of = byUnit.get(u)
    if (of === undefined) byUnit.set(u, [c])
    else of.push(c)
  }
  const plain: Options = {
    policy: options.policy,
    ...(options.satisfaction ? { satisfaction: options.satisfaction } : {}),
    ...(options.asOf === undefined ? {} : { asOf: options.asOf })
  }
  const weights = options.weights ?? defaultWeights
  return rank(
    [...byUnit].map(([unit, cs]) => ({
      unit,
      score: score(
        {
          response: responseRate(cs, period, plain),
          resolution: resolutionRate(cs, period, plain),
          satisfaction: satisfactionRate(cs, period, plain),
          ...(weights.onTimeClosing > 0 ? { onTimeClosing: onTimeClosingRate(cs, period, plain) } : {}),
          ...(weights.rework > 0 ? { rework: reworkRate(cs, period, plain) } : {})
        },
        weights
      )
    }))
  )
}

/**
 * Named weights of the three rates as plugins contribute them: an id (`core` owns `default`, plugins use
 * `<plugin-id>/…`) and the weights.
 *
 * @since 0.1.0
 * @category plugins
 */
export class WeightsDefinition extends Schema.Class<WeightsDefinition>("@zhili/CaseMetricWeightsDefinition")({
  id: Schema.NonEmptyString,
  weights: Weights
}) {}

/**
 * Extension point `case.metricWeights`: weights of the response, resolution and satisfaction rates (三率), keyed by
 * id.
 *
 * @since 0.1.0
 * @category plugins
 */
export const weightsPoint: Plugin.ExtensionPoint<WeightsDefinition> = Plugin.extensionPoint({
  id: "case.metricWeights",
  description: "Weights of the three rates (响应率、解决率、满意率) in the composite score, keyed by id.",
  schema: WeightsDefinition,
  key: (w) => w.id
})

/**
 * The core default pack's contribution: {@link defaultWeights} under the key `default`.
 *
 * @since 0.1.0
 * @category plugins
 */
export const defaultContributions: ReadonlyArray<Plugin.Contribution> = [
  Plugin.contribute(weightsPoint, [new WeightsDefinition({ id: "default", weights: defaultWeights })])
]
