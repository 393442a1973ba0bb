/**
 * Rating schemes (评选、评星定级) and their dynamic management (动态管理).
 *
 * - A threshold scheme, such as the "four-strong" party branch (四强党支部), gives the title to every subject whose
 *   total reaches the bar and, when the scheme lists `minimums`, whose named indicators (the four strengths) each
 *   earn at least their minimum share of points.
 * - A quota scheme, such as the model organ (模范机关), gives it to the best `quota` subjects that reach the bar. A tie
 *   at the quota line is settled by an explicit {@link TiePolicy}: include all tied, exclude all tied, or break the
 *   tie on a named key the caller supplies (e.g. the 双清 index), falling back to include or exclude when the key
 *   ties too.
 * - Dynamic management ({@link manage}) runs a scheme over successive periods: a holder whose total in a later period
 *   falls below the bar, or who is not assessed, loses the title; the history shows every award, retention and
 *   revocation. Under a quota scheme holders that stay above the bar keep their seat and only the remaining seats
 *   are filled, so the number of titles never exceeds the quota except by an included tie.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Finding from "../kernel/Finding.js"
import { IndicatorId, OrgUnitId, RatingSchemeId, TenantId } from "../kernel/Ids.js"
import type * as Scope from "../kernel/Scope.js"
import * as Plugin from "../plugin/Plugin.js"
import { pts, round2 } from "./internal/location.js"
import * as Ranking from "./Ranking.js"

/**
 * How a tie at the quota line is settled.
 *
 * @since 0.1.0
 * @category models
 */
export const TiePolicy = Schema.Union(
  Schema.TaggedStruct("IncludeAllTied", {}),
  Schema.TaggedStruct("ExcludeAllTied", {}),
  Schema.TaggedStruct("TieBreak", {
    /** Name of the tie-break value, e.g. `双清 index`; values are supplied per subject when rating. */
    key: Schema.NonEmptyTrimmedString,
    higherIsBetter: Schema.Boolean,
    /** What to do when the tie-break values tie too. */
    otherwise: Schema.Literal("include-all", "exclude-all")
  })
)
/**
 * @since 0.1.0
 * @category models
 */
export type TiePolicy = typeof TiePolicy.Type

/**
 * A title given to every subject whose total reaches `bar` (e.g. 四强党支部).
 *
 * @since 0.1.0
 * @category models
 */
export const ThresholdScheme = Schema.TaggedStruct("Threshold", {
  id: RatingSchemeId,
  tenant: TenantId,
  title: Schema.NonEmptyTrimmedString,
  bar: Schema.Number.pipe(Schema.finite()),
  /**
   * Optional minimum shares of named indicators, e.g. each of the four strengths of 四强 at 80% of its points: a
   * subject reaching the bar but short of one of them is not rated (and a holder loses the title).
   */
  minimums: Schema.optional(
    Schema.Array(Schema.Struct({ indicator: IndicatorId, share: Schema.Number.pipe(Schema.between(0, 1)) }))
  )
})

/**
 * @since 0.1.0
 * @category models
 */
export type ThresholdScheme = typeof ThresholdScheme.Type

/**
 * A title given to the best `quota` subjects whose total reaches `bar` (e.g. 模范机关); the bar is also what a holder
 * must keep to retain the title.
 *
 * @since 0.1.0
 * @category models
 */
export const QuotaScheme = Schema.TaggedStruct("Quota", {
  id: RatingSchemeId,
  tenant: TenantId,
  title: Schema.NonEmptyTrimmedString,
  quota: Schema.Int.pipe(Schema.positive()),
  bar: Schema.Number.pipe(Schema.finite()),
  ties: TiePolicy
})

/**
 * @since 0.1.0
 * @category models
 */
export type QuotaScheme = typeof QuotaScheme.Type

/**
 * A rating scheme: by threshold or by quota.
 *
 * @since 0.1.0
 * @category models
 */
export const RatingScheme = Schema.Union(ThresholdScheme, QuotaScheme)
/**
 * @since 0.1.0
 * @category models
 */
export type RatingScheme = typeof RatingScheme.Type

/**
 * A subject with its total for the period (an `Assessment` fits).
 *
 * @since 0.1.0
 * @category models
 */
export interface Candidate {
  readonly subject: OrgUnitId
  readonly total: number
  /** The per-indicator scores, needed by a threshold scheme with `minimums`. */
  readonly scores?: ReadonlyArray<{
    readonly indicator: IndicatorId
    readonly points: number
    readonly maxPoints: number
  }>
}

const shortOf = (scheme: RatingScheme, c: Candidate): string | undefined => {
  if (scheme._tag !== "Threshold" || scheme.minimums === undefined) return undefined
  for (const m of scheme.minimums) {
    const line = c.scores?.find((s) => s.indicator === m.indicator)
    if (line === undefined) return `no score for ${m.indicator}`
    const share = line.maxPoints === 0 ? 1 : line.points / line.maxPoints
    if (share + 1e-9 < m.share) {
      return `${m.indicator} earned ${pts(line.points)} of ${pts(line.maxPoints)}, below the minimum of ${round2(m.share * 100)}%`
    }
  }
  return undefined
}

/**
 * The decision about one candidate, with its rank among all candidates and the reason.
 *
 * @since 0.1.0
 * @category models
 */
export class Decision extends Schema.Class<Decision>("@zhili/RatingDecision")({
  subject: OrgUnitId,
  total: Schema.Number,
  rank: Schema.Int,
  selected: Schema.Boolean,
  reason: Schema.String
}) {}

/**
 * The outcome of a rating: the selected subjects (in rank order), a decision per candidate, and findings (ties at
 * the line, missing tie-break values).
 *
 * @since 0.1.0
 * @category models
 */
export interface RatingResult {
  readonly selected: ReadonlyArray<OrgUnitId>
  readonly decisions: ReadonlyArray<Decision>
  readonly findings: ReadonlyArray<Finding.Finding>
}

/**
 * Values of the tie-break key per subject.
 *
 * @since 0.1.0
 * @category models
 */
export type TieBreakValues = Readonly<Record<string, number>>

/**
 * Rates candidates under a scheme. Pure: the same candidates, scheme and tie-break values give the same result.
 *
 * @since 0.1.0
 * @category rules
 */
export const rate = (
  scheme: RatingScheme,
  candidates: ReadonlyArray<Candidate>,
  tieBreak: TieBreakValues = {}
): RatingResult => rateWithin(scheme, candidates, scheme._tag === "Quota" ? scheme.quota : 0, tieBreak)

const rateWithin = (
  scheme: RatingScheme,
  candidates: ReadonlyArray<Candidate>,
  seats: number,
  tieBreak: TieBreakValues
): RatingResult => {
  const ranked = Ranking.rank(
    candidates,
    (c) => c.total,
    (c) => c.subject
  )
  const bar = round2(scheme.bar)
  const eligible = ranked.filter((r) => r.score >= bar)
  const findings: Array<Finding.Finding> = []
  const reasons = new Map<string, string>()
  let chosen: Set<string>
  if (scheme._tag === "Threshold") {
    chosen = new Set()
    for (const r of eligible) {
      const short = shortOf(scheme, r.item)
      if (short === undefined) {
        chosen.add(r.item.subject)
        reasons.set(r.item.subject, `total ${pts(r.score)} reaches the bar of ${pts(bar)}`)
      } else reasons.set(r.item.subject, `total ${pts(r.score)} reaches the bar of ${pts(bar)} but ${short}`)
    }
  } else {
    chosen = new Set()
    const sure = eligible.filter((r) => r.rank + r.tied - 1 <= seats)
    for (const r of sure) {
      chosen.add(r.item.subject)
      reasons.set(r.item.subject, `rank ${r.rank} within the ${seats} seats and total ${pts(r.score)} ≥ ${pts(bar)}`)
    }
    const line = eligible.filter((r) => r.rank <= seats && r.rank + r.tied - 1 > seats)
    if (line.length > 0) {
      const left = seats - sure.length
      const first = line[0]
      const at = `${line.length} subjects tie at rank ${first?.rank ?? 0} with ${pts(first?.score ?? 0)} for ${left} remaining seat${left === 1 ? "" : "s"}`
      settle(scheme.ties, line, left, at, tieBreak, chosen, reasons, findings)
    }
  }
  const decisions = ranked.map(
    (r) =>
      new Decision({
        subject: r.item.subject,
        total: r.score,
        rank: r.rank,
        selected: chosen.has(r.item.subject),
        reason:
          reasons.get(r.item.subject) ??
          (r.score < bar
            ? `total ${pts(r.score)} is below the bar of ${pts(bar)}`
            : `rank ${r.rank} is outside the ${seats} seats`)
      })
  )
  return { selected: decisions.filter((d) => d.selected).map((d) => d.subject), decisions, findings }
}

const settle = (
  policy: TiePolicy,
  line: ReadonlyArray<Ranking.Ranked<Candidate>>,
  left: number,
  at: string,
  tieBreak: TieBreakValues,
  chosen: Set<string>,
  reasons: Map<string, string>,
  findings: Array<Finding.Finding>
): void => {
  const includeAll = (why: string) => {
    for (const r of line) {
      chosen.add(r.item.subject)
      reasons.set(r.item.subject, why)
    }
    findings.push(
      Finding.warning(
        "assessment/tie-included",
        ["candidates"],
        `${at}: all included, ${line.length - left} over quota`
      )
    )
  }
  const excludeAll = (why: string) => {
    for (const r of line) reasons.set(r.item.subject, why)
    findings.push(
      Finding.warning("assessment/tie-excluded", ["candidates"], `${at}: all excluded, ${left} seat(s) left empty`)
    )
  }
  if (policy._tag === "IncludeAllTied") {
    includeAll(`${at}; tie policy includes all tied`)
    return
  }
  if (policy._tag === "ExcludeAllTied") {
    excludeAll(`${at}; tie policy excludes all tied`)
    return
  }
  const worst = policy.higherIsBetter ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY
  for (const r of line) {
    if (tieBreak[r.item.subject] === undefined) {
      findings.push(
        Finding.error(
          "assessment/missing-tie-break",
          ["tieBreak", r.item.subject],
          `no ${policy.key} value for ${r.item.subject}; ranked last in the tie-break`
        )
      )
    }
  }
  const value = (c: Candidate) => tieBreak[c.subject] ?? worst
  const sub = Ranking.rank(
    line.map((r) => r.item),
    (c) => (Number.isFinite(value(c)) ? value(c) : policy.higherIsBetter ? -1e15 : 1e15),
    (c) => c.subject,
    policy.higherIsBetter ? "desc" : "asc"
  )
  const within = sub.filter((r) => r.rank + r.tied - 1 <= left)
  for (const r of within) {
    chosen.add(r.item.subject)
    reasons.set(r.item.subject, `${at}; wins the tie-break on ${policy.key} (${value(r.item)})`)
  }
  const still = sub.filter((r) => r.rank <= left && r.rank + r.tied - 1 > left)
  for (const r of sub) {
    if (!within.includes(r) && !still.includes(r)) {
      reasons.set(r.item.subject, `${at}; loses the tie-break on ${policy.key} (${value(r.item)})`)
    }
  }
  if (still.length > 0) {
    const again = `${at}; ${still.length} still tie on ${policy.key}`
    settle(
      policy.otherwise === "include-all" ? { _tag: "IncludeAllTied" } : { _tag: "ExcludeAllTied" },
      still,
      left - within.length,
      again,
      tieBreak,
      chosen,
      reasons,
      findings
    )
  }
}

const eventFields = {
  subject: OrgUnitId,
  period: Schema.String,
  total: Schema.optional(Schema.Number),
  reason: Schema.String
}
/**
 * One entry of a title's history: awarded, retained or revoked in a period, with the total and the reason.
 *
 * @since 0.1.0
 * @category models
 */
export const TitleEvent = Schema.Union(
  Schema.TaggedStruct("Awarded", eventFields),
  Schema.TaggedStruct("Retained", eventFields),
  Schema.TaggedStruct("Revoked", eventFields)
)
/**
 * @since 0.1.0
 * @category models
 */
export type TitleEvent = typeof TitleEvent.Type

/**
 * The candidates of one period, by period label, in chronological order.
 *
 * @since 0.1.0
 * @category models
 */
export interface PeriodCandidates {
  readonly period: string
  readonly candidates: ReadonlyArray<Candidate>
  readonly tieBreak?: TieBreakValues
}

/**
 * The history of a title under dynamic management: every event in order, and the holders after each period.
 *
 * @since 0.1.0
 * @category models
 */
export interface TitleHistory {
  readonly scheme: RatingSchemeId
  readonly events: ReadonlyArray<TitleEvent>
  readonly holders: ReadonlyArray<{ readonly period: string; readonly subjects: ReadonlyArray<OrgUnitId> }>
  readonly findings: ReadonlyArray<Finding.Finding>
}

/**
 * Runs a scheme over successive periods with dynamic management: holders below the bar (or not assessed) are
 * revoked, holders at or above it retained, and new titles awarded (all qualifiers under a threshold scheme; the
 * seats the retained holders leave under a quota scheme).
 *
 * @since 0.1.0
 * @category rules
 */
export const manage = (scheme: RatingScheme, periods: ReadonlyArray<PeriodCandidates>): TitleHistory => {
  const events: Array<TitleEvent> = []
  const holders: Array<{ period: string; subjects: ReadonlyArray<OrgUnitId> }> = []
  const findings: Array<Finding.Finding> = []
  let held: Array<OrgUnitId> = []
  const bar = round2(scheme.bar)
  periods.forEach((p, index) => {
    const byId = new Map(p.candidates.map((c) => [c.subject as string, c]))
    const kept: Array<OrgUnitId> = []
    for (const h of held) {
      const c = byId.get(h)
      if (c === undefined) {
        events.push({ _tag: "Revoked", subject: h, period: p.period, reason: `not assessed in ${p.period}` })
      } else if (round2(c.total) < bar) {
        events.push({
          _tag: "Revoked",
          subject: h,
          period: p.period,
          total: round2(c.total),
          reason: `total ${pts(c.total)} in ${p.period} is below the bar of ${pts(bar)}`
        })
      } else if (shortOf(scheme, c) !== undefined) {
        events.push({
          _tag: "Revoked",
          subject: h,
          period: p.period,
          total: round2(c.total),
          reason: `in ${p.period} ${shortOf(scheme, c)}`
        })
      } else {
        kept.push(h)
        events.push({
          _tag: "Retained",
          subject: h,
          period: p.period,
          total: round2(c.total),
          reason: `total ${pts(c.total)} in ${p.period} keeps the bar of ${pts(bar)}`
        })
      }
    }
    const keptSet = new Set<string>(kept)
    const others = p.candidates.filter((c) => !keptSet.has(c.subject))
    const seats = scheme._tag === "Quota" ? Math.max(0, scheme.quota - kept.length) : 0
    const result =
      scheme._tag === "Quota" && seats === 0
        ? { selected: [], decisions: [], findings: [] }
        : rateWithin(scheme, others, seats, p.tieBreak ?? {})
    findings.push(...Finding.prefix(result.findings, ["periods", index]))
    const reasonOf = new Map(result.decisions.map((d) => [d.subject as string, d]))
    for (const s of result.selected) {
      const d = reasonOf.get(s)
      events.push({
        _tag: "Awarded",
        subject: s,
        period: p.period,
        total: d?.total ?? 0,
        reason: d?.reason ?? "selected"
      })
    }
    held = [...kept, ...result.selected]
    holders.push({ period: p.period, subjects: held })
  })
  return { scheme: scheme.id, events, holders, findings }
}

/**
 * The events of one subject's title history, in order.
 *
 * @since 0.1.0
 * @category getters
 */
export const historyOf = (history: TitleHistory, subject: OrgUnitId): Array<TitleEvent> =>
  history.events.filter((e) => e.subject === subject)

/**
 * The `Scope.Location` of a rating scheme: its tenant's division.
 *
 * @since 0.1.0
 * @category getters
 */
export const location = (self: RatingScheme): Scope.Location => ({ division: self.tenant })

/**
 * Extension point `assessment.ratingSchemes`: rating schemes (评选办法: thresholds or quotas), keyed by id.
 *
 * @since 0.1.0
 * @category plugins
 */
export const schemesPoint: Plugin.ExtensionPoint<RatingScheme> = Plugin.extensionPoint({
  id: "assessment.ratingSchemes",
  description: "Rating schemes (评选办法): threshold or quota schemes with their tie policy, keyed by id.",
  schema: RatingScheme,
  key: (s) => s.id
})
