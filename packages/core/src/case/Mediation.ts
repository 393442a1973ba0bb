/**
 * Dispute mediation (矛盾纠纷调解): the parties, the mediators of the 和家工作室 and the judge volunteers of the
 * judges' room (法官工作室), the sessions, the outcome (agreement, partial, failed and referred to litigation), the
 * success rate, and the judges' duty rota as a pure schedule.
 *
 * @since 0.1.0
 */
import { type DateTime, Either, Option, Schema } from "effect"
import * as Finding from "../kernel/Finding.js"
import { CaseId, MediationId, PersonId, ResidentId, TenantId } from "../kernel/Ids.js"
import * as LocalDate from "../kernel/LocalDate.js"
import { SensitiveString } from "../kernel/Privacy.js"
import * as WorkingCalendar from "../kernel/WorkingCalendar.js"
import * as Plugin from "../plugin/Plugin.js"
import * as Case from "./Case.js"
import { contains, type Period, type Rate, rate } from "./Metrics.js"

/**
 * A party to a dispute (当事人): applicant, respondent or third party; the name is held `Redacted`.
 *
 * @since 0.1.0
 * @category models
 */
export class Party extends Schema.Class<Party>("@zhili/MediationParty")({
  role: Schema.Literal("applicant", "respondent", "third-party"),
  name: SensitiveString,
  resident: Schema.optional(ResidentId)
}) {}

/**
 * A mediator: a 和家工作室 volunteer (veteran cadres, party members, public-spirited owners), a judge volunteer
 * (法官志愿者), a community mediator (人民调解员) or a lawyer.
 *
 * @since 0.1.0
 * @category models
 */
export class Mediator extends Schema.Class<Mediator>("@zhili/Mediator")({
  person: PersonId,
  role: Schema.Literal("hejia-volunteer", "judge-volunteer", "people's-mediator", "lawyer")
}) {}

/**
 * One mediation session (调解会): when, who mediated, and a note.
 *
 * @since 0.1.0
 * @category models
 */
export class Session extends Schema.Class<Session>("@zhili/MediationSession")({
  at: Schema.DateTimeUtc,
  mediators: Schema.NonEmptyArray(PersonId),
  note: Schema.optional(Schema.String)
}) {}

/**
 * How a mediation ended: an agreement (调解成功, optionally a written agreement), a partial agreement, or failure,
 * possibly referred to litigation or arbitration (引导诉讼/仲裁).
 *
 * @since 0.1.0
 * @category models
 */
export const Outcome = Schema.Union(
  Schema.TaggedStruct("Agreement", { at: Schema.DateTimeUtc, written: Schema.Boolean }),
  Schema.TaggedStruct("Partial", { at: Schema.DateTimeUtc, note: Schema.optional(Schema.String) }),
  Schema.TaggedStruct("Failed", {
    at: Schema.DateTimeUtc,
    referral: Schema.Literal("none", "litigation", "arbitration")
  })
)
/**
 * @since 0.1.0
 * @category models
 */
export type Outcome = typeof Outcome.Type

/**
 * A mediation of a dispute case.
 *
 * @since 0.1.0
 * @category models
 */
export class Mediation extends Schema.Class<Mediation>("@zhili/Mediation")({
  id: MediationId,
  tenant: TenantId,
  case: CaseId,
  parties: Schema.Array(Party),
  mediators: Schema.Array(Mediator),
  sessions: Schema.Array(Session),
  outcome: Schema.optional(Outcome)
}) {}

/**
 * Checks a mediation: at least two parties and one mediator; sessions in time order, each led by listed mediators;
 * an outcome not before the last session and only after at least one session.
 *
 * @returns one finding per problem (code `mediation/…`), none for a sound mediation
 * @since 0.1.0
 * @category rules
 */
export const validate = (self: Mediation): ReadonlyArray<Finding.Finding> => {
  const out: Array<Finding.Finding> = []
  if (self.parties.length < 2) {
    out.push(Finding.error("mediation/too-few-parties", ["parties"], `mediation ${self.id} needs at least two parties`))
  }
  if (self.mediators.length === 0) {
    out.push(Finding.error("mediation/no-mediator", ["mediators"], `mediation ${self.id} has no mediator`))
  }
  const listed = new Set<string>(self.mediators.map((m) => m.person))
  self.sessions.forEach((s, i) => {
    s.mediators.forEach((p, j) => {
      if (!listed.has(p)) {
        out.push(
          Finding.error(
            "mediation/unknown-mediator",
            ["sessions", i, "mediators", j],
            `${p} is not a mediator of ${self.id}`
          )
        )
      }
    })
    const prev = self.sessions[i - 1]
    if (prev !== undefined && s.at.epochMillis < prev.at.epochMillis) {
      out.push(
        Finding.error("mediation/session-order", ["sessions", i, "at"], `session ${i} is before session ${i - 1}`)
      )
    }
  })
  if (self.outcome !== undefined) {
    const last = self.sessions[self.sessions.length - 1]
    if (last === undefined) {
      out.push(
        Finding.error(
          "mediation/outcome-without-session",
          ["outcome"],
          `mediation ${self.id} has an outcome but no session`
        )
      )
    } else if (self.outcome.at.epochMillis < last.at.epochMillis) {
      out.push(
        Finding.error(
          "mediation/outcome-before-session",
          ["outcome", "at"],
          `the outcome of ${self.id} predates its last session`
        )
      )
    }
  }
  return out
}

/**
 * True when the mediation ended in agreement (and, with `partialCounts`, in partial agreement).
 *
 * @since 0.1.0
 * @category predicates
 */
export const isSuccess = (self: Mediation, partialCounts = false): boolean =>
  self.outcome?._tag === "Agreement" || (partialCounts && self.outcome?._tag === "Partial")

/**
 * Mediation success rate (纠纷化解成功率, as the seed reports "3 disputes, 100 %"): mediations that ended in the period
 * with an agreement ÷ mediations that ended in the period. Partial agreements count only with `partialCounts`
 * (default false: default to be replaced, no source fixes it).
 *
 * @since 0.1.0
 * @category metrics
 */
export const successRate = (
  mediations: ReadonlyArray<Mediation>,
  period: Period,
  options: { readonly partialCounts?: boolean; readonly scope?: (m: Mediation) => boolean } = {}
): Rate => {
  const ended = mediations.filter(
    (m) => (options.scope?.(m) ?? true) && m.outcome !== undefined && contains(period, m.outcome.at)
  )
  return rate(ended.filter((m) => isSuccess(m, options.partialCounts ?? false)).length, ended.length)
}

/**
 * Referrals to litigation or arbitration among the mediations that ended in the period.
 *
 * @since 0.1.0
 * @category metrics
 */
export const referrals = (mediations: ReadonlyArray<Mediation>, period: Period): ReadonlyArray<Mediation> =>
  mediations.filter(
    (m) => m.outcome?._tag === "Failed" && m.outcome.referral !== "none" && contains(period, m.outcome.at)
  )

// ---------------------------------------------------------------------------------------------------------------
// Judges' duty rota
// ---------------------------------------------------------------------------------------------------------------

/**
 * A judge away from the room (请假/外出) from one date to another, both included: their duty days go to the next
 * judge in the order who is not away, without changing the order.
 *
 * @since 0.1.0
 * @category models
 */
export class Absence extends Schema.Class<Absence>("@zhili/JudgeAbsence")({
  judge: PersonId,
  from: LocalDate.LocalDate,
  to: LocalDate.LocalDate
}) {}

/**
 * A swap (调班): on `date` the duty goes to `judge`, whoever's turn it was.
 *
 * @since 0.1.0
 * @category models
 */
export class Swap extends Schema.Class<Swap>("@zhili/JudgeSwap")({
  date: LocalDate.LocalDate,
  judge: PersonId
}) {}

/**
 * The judges' room duty rota (法官志愿者轮流驻点): judges take turns in a fixed order from an anchor date. With
 * `turn: "duty-day"` each duty day (a listed weekday) goes to the next judge; with `turn: "week"` a judge holds every
 * duty day of one ISO week (Monday to Sunday) and the next judge the next week. The room is shut on `closed` dates
 * (public holidays: {@link closedDays} reads them off a working-day calendar): a shut duty day has no duty and, by
 * duty day, takes no turn. `absences` pass a judge's days to the next judge present; `swaps` give a date to a judge.
 *
 * @since 0.1.0
 * @category models
 */
export class Rota extends Schema.Class<Rota>("@zhili/JudgeRota")({
  judges: Schema.NonEmptyArray(PersonId),
  anchor: LocalDate.LocalDate,
  dutyWeekdays: Schema.NonEmptyArray(Schema.Int.pipe(Schema.between(1, 7))),
  turn: Schema.Literal("duty-day", "week"),
  closed: Schema.optionalWith(Schema.Array(LocalDate.LocalDate), { default: () => [] }),
  absences: Schema.optionalWith(Schema.Array(Absence), { default: () => [] }),
  swaps: Schema.optionalWith(Schema.Array(Swap), { default: () => [] })
}) {}

/**
 * The seed's room: three judge volunteers rotating (3名法官志愿者采取轮流制定期驻点). The seed gives no frequency: one
 * duty day a week (Wednesday) and a weekly turn are defaults to be replaced.
 *
 * @since 0.1.0
 * @category constructors
 */
export const weeklyRota = (
  judges: readonly [PersonId, ...Array<PersonId>],
  anchor: LocalDate.LocalDate,
  dutyWeekday = 3
): Rota => new Rota({ judges, anchor, dutyWeekdays: [dutyWeekday], turn: "week" })

const mondayOf = (d: LocalDate.LocalDate) => LocalDate.addDays(d, 1 - LocalDate.dayOfWeek(d))

const isAway = (rota: Rota, judge: PersonId, date: LocalDate.LocalDate): boolean =>
  rota.absences.some((a) => a.judge === judge && date >= a.from && date <= a.to)

/**
 * The judge on duty on a date, or none: before the anchor, not a duty weekday, the room shut, or every judge away. A
 * swap for the date wins; otherwise the judge whose turn it is, or, when they are away, the next judge in the order
 * who is not.
 *
 * @since 0.1.0
 * @category rules
 */
export const onDuty = (rota: Rota, date: LocalDate.LocalDate): Option.Option<PersonId> => {
  if (date < rota.anchor || !rota.dutyWeekdays.includes(LocalDate.dayOfWeek(date))) return Option.none()
  if (rota.closed.includes(date)) return Option.none()
  const swap = rota.swaps.find((x) => x.date === date)
  if (swap !== undefined) return Option.some(swap.judge)
  const n = rota.judges.length
  let index: number
  if (rota.turn === "week") {
    index = LocalDate.daysBetween(mondayOf(rota.anchor), mondayOf(date)) / 7
  } else {
    const days = LocalDate.daysBetween(rota.anchor, date)
    const fullWeeks = Math.floor(days / 7)
    const perWeek = new Set(rota.dutyWeekdays).size
    let extra = 0
    for (let k = fullWeeks * 7; k < days; k++) {
      if (rota.dutyWeekdays.includes(LocalDate.dayOfWeek(LocalDate.addDays(rota.anchor, k)))) extra++
    }
    // duty days the room was shut took no turn
    const shut = new Set(
      rota.closed.filter((d) => d >= rota.anchor && d < date && rota.dutyWeekdays.includes(LocalDate.dayOfWeek(d)))
    ).size
    index = fullWeeks * perWeek + extra - shut
  }
  for (let k = 0; k < n; k++) {
    const judge = rota.judges[(index + k) % n] ?? rota.judges[0]
    if (!isAway(rota, judge, date)) return Option.some(judge)
  }
  return Option.none()
}

/**
 * The duty days from `from` to `to` (both included) on which nobody is on duty because every judge is away (the room
 * shut is not a gap): the days the room must find cover for.
 *
 * @since 0.1.0
 * @category rules
 */
export const uncovered = (
  rota: Rota,
  from: LocalDate.LocalDate,
  to: LocalDate.LocalDate
): ReadonlyArray<LocalDate.LocalDate> =>
  LocalDate.range(from, to).filter(
    (date) =>
      date >= rota.anchor &&
      rota.dutyWeekdays.includes(LocalDate.dayOfWeek(date)) &&
      !rota.closed.includes(date) &&
      Option.isNone(onDuty(rota, date))
  )

/**
 * The dates from `from` to `to` (both included) a working-day calendar does not work (weekends and public holidays,
 * make-up days worked), for a rota's `closed`. A date the calendar does not cover is left open (not shut).
 *
 * @since 0.1.0
 * @category constructors
 */
export const closedDays = (
  calendar: WorkingCalendar.WorkingCalendar,
  from: LocalDate.LocalDate,
  to: LocalDate.LocalDate
): ReadonlyArray<LocalDate.LocalDate> =>
  LocalDate.range(from, to).filter((date) =>
    Either.match(WorkingCalendar.isWorkingDay(calendar, date), { onLeft: () => false, onRight: (w) => !w })
  )

/**
 * Every duty day from `from` to `to` (both included) with its judge.
 *
 * @since 0.1.0
 * @category rules
 */
export const schedule = (
  rota: Rota,
  from: LocalDate.LocalDate,
  to: LocalDate.LocalDate
): ReadonlyArray<{ readonly date: LocalDate.LocalDate; readonly judge: PersonId }> =>
  LocalDate.range(from, to).flatMap((date) =>
    Option.match(onDuty(rota, date), { onNone: () => [], onSome: (judge) => [{ date, judge }] })
  )

/**
 * Days in the past when mediation sessions were held without the duty judge among the mediators (for the judges'
 * room report). Dates are taken in Asia/Shanghai.
 *
 * @since 0.1.0
 * @category rules
 */
export const sessionsWithoutDutyJudge = (
  rota: Rota,
  mediations: ReadonlyArray<Mediation>
): ReadonlyArray<{ readonly mediation: MediationId; readonly at: DateTime.Utc }> =>
  mediations.flatMap((m) =>
    m.sessions.flatMap((s) =>
      Option.match(onDuty(rota, LocalDate.fromDateTime(s.at)), {
        onNone: () => [],
        onSome: (judge) => (s.mediators.includes(judge) ? [] : [{ mediation: m.id, at: s.at }])
      })
    )
  )

/**
 * A rota policy (轮值规则) as plugins contribute it: which weekdays are duty days and how judges take turns, without
 * the judges themselves (people are records, not policy). An id (`core` owns `default`, plugins use `<plugin-id>/…`).
 *
 * @since 0.1.0
 * @category plugins
 */
export class RotaPolicy extends Schema.Class<RotaPolicy>("@zhili/JudgeRotaPolicy")({
  id: Schema.NonEmptyString,
  dutyWeekdays: Schema.NonEmptyArray(Schema.Int.pipe(Schema.between(1, 7))),
  turn: Schema.Literal("duty-day", "week"),
  source: Schema.String
}) {}

/**
 * The default rota policy: Wednesday, a weekly turn (the seed gives no frequency; default to be replaced).
 *
 * @since 0.1.0
 * @category plugins
 */
export const defaultRotaPolicy: RotaPolicy = new RotaPolicy({
  id: "default",
  dutyWeekdays: [3],
  turn: "week",
  source: "seed (3名法官志愿者采取轮流制定期驻点); duty day and turn are defaults to be replaced"
})

/**
 * Extension point `case.rotaPolicies`: duty rota policies of the judges' room, keyed by id.
 *
 * @since 0.1.0
 * @category plugins
 */
export const rotaPoliciesPoint: Plugin.ExtensionPoint<RotaPolicy> = Plugin.extensionPoint({
  id: "case.rotaPolicies",
  description: "Duty rota policies (轮值) of the judges' room: duty weekdays and turn, keyed by id.",
  schema: RotaPolicy,
  key: (r) => r.id
})

/**
 * A rota of these judges from an anchor date under a policy.
 *
 * @since 0.1.0
 * @category constructors
 */
export const rotaOf = (
  policy: RotaPolicy,
  judges: readonly [PersonId, ...Array<PersonId>],
  anchor: LocalDate.LocalDate
): Rota => new Rota({ judges, anchor, dutyWeekdays: policy.dutyWeekdays, turn: policy.turn })

/**
 * The core default pack's contribution: {@link defaultRotaPolicy}.
 *
 * @since 0.1.0
 * @category plugins
 */
export const defaultContributions: ReadonlyArray<Plugin.Contribution> = [
  Plugin.contribute(rotaPoliciesPoint, [defaultRotaPolicy])
]

// ---------------------------------------------------------------------------------------------------------------
// Outcome → case
// ---------------------------------------------------------------------------------------------------------------

/**
 * What a mediation's outcome does to its dispute case: an agreement (调解成功) reports the case resolved as fixed, a
 * failed mediation (调解不成) reports it resolved as not fixed (with the referral in the summary), a partial one or
 * none yet leaves the case in hand. The event is dated at the outcome and performed by `by`.
 *
 * @since 0.1.0
 * @category rules
 */
export const resolutionOf = (self: Mediation, by: Case.Actor): Option.Option<Case.Event> => {
  const o = self.outcome
  if (o === undefined || o._tag === "Partial") return Option.none()
  return Option.some(
    o._tag === "Agreement"
      ? {
          _tag: "Resolved",
          at: o.at,
          by,
          fixed: true,
          summary: o.written ? "调解成功，达成书面协议" : "调解成功，达成口头协议"
        }
      : {
          _tag: "Resolved",
          at: o.at,
          by,
          fixed: false,
          summary: o.referral === "none" ? "调解不成" : `调解不成，引导${o.referral === "litigation" ? "诉讼" : "仲裁"}`
        }
  )
}

/**
 * Applies a mediation's outcome to its dispute case under the case policy ({@link resolutionOf}): the case back
 * unchanged when the outcome leaves it in hand, the lifecycle's error when the workflow refuses, and an
 * `IllegalTransition` when the mediation is about another case.
 *
 * @since 0.1.0
 * @category rules
 */
export const settle = (
  dispute: Case.Case,
  self: Mediation,
  by: Case.Actor,
  policy: Case.Policy
): Either.Either<Case.Case, Case.TransitionError> => {
  if (self.case !== dispute.id) {
    return Either.left(
      new Case.IllegalTransition({
        caseId: dispute.id,
        from: Case.stageOf(dispute),
        event: "Resolved",
        reason: `mediation ${self.id} is about case ${self.case}, not this one`
      })
    )
  }
  return Option.match(resolutionOf(self, by), {
    onNone: () => Either.right(dispute),
    onSome: (e) => Case.transition(dispute, e, policy)
  })
}
