/**
 * Inspections by sitting in on organisational life (组织生活巡学旁听) and the rectification (整改) of what they raise.
 *
 * ## Completion and lateness
 *
 * A rectification is complete only when verified, and the latest verification (验收) on or before `asOf` wins: a
 * pass followed by a failed re-check is not complete, and a rectification whose status is still `open` is never
 * complete. Its completion date is the first pass since the last failed check, whatever the owner reported. At a
 * date `asOf` each suggestion is
 *
 * - `on-time` — verified on or before `asOf` and on or before its deadline;
 * - `late` — verified on or before `asOf` but after its deadline (完成但逾期): it counts toward the completion rate
 *   and toward sign-off, not toward the on-time rate, and it was on the overdue list every day from the day after
 *   its deadline up to the day before its verification;
 * - `overdue` — not verified by `asOf` and its deadline is before `asOf`;
 * - `pending` — not verified by `asOf`, deadline not yet passed (or no rectification recorded yet, which is also
 *   reported as a finding).
 *
 * The completion rate is completed ÷ suggestions, the on-time rate on-time ÷ suggestions; with no suggestions
 * both are 1. A unit is signed off (销号) when every suggestion raised at its inspections is rectified and verified.
 * Deadlines are calendar dates in the tenant's zone: a deadline `D` is met by a verification dated `D`.
 *
 * @since 0.1.0
 */
import { type DateTime, Either, Schema } from "effect"
import { InvalidInput } from "../kernel/Errors.js"
import * as Finding from "../kernel/Finding.js"
import { InspectionId, OrgUnitId, PersonId, RectificationId, SuggestionId, TenantId } from "../kernel/Ids.js"
import * as LocalDate from "../kernel/LocalDate.js"
import * as Term from "../kernel/Term.js"
import * as WorkingCalendar from "../kernel/WorkingCalendar.js"
import * as Plugin from "../plugin/Plugin.js"
import type { Location, ResolveOrgPath } from "./Assessment.js"
import { locate } from "./internal/location.js"

/**
 * The kind of inspected unit (巡学旁听对象类型), a term id: by default a township (`township`, 乡镇) or a county unit
 * (`county-unit`, 县直、驻县单位) ({@link defaultUnitKinds}); a host declares its own (a street, 街道; a village, 村)
 * through {@link unitKindsPoint}, and {@link report} groups by the kinds in force.
 *
 * @since 0.1.0
 * @category models
 */
export const UnitKind = Term.TermId
/**
 * @since 0.1.0
 * @category models
 */
export type UnitKind = typeof UnitKind.Type

const huichang = "seed (会昌: 对19个乡（镇）和71个县直（驻县）单位党组织的组织生活开展巡学旁听)"

/**
 * The default kinds of inspected unit, in report order: the two the seed's Huichang passage inspects.
 *
 * @since 0.1.0
 * @category policies
 */
export const defaultUnitKinds: ReadonlyArray<Term.Term> = [
  Term.make("township", "乡（镇）", "Townships", huichang),
  Term.make("county-unit", "县直（驻县）单位", "County units", huichang)
]

/**
 * Extension point `assessment.inspectionUnitKinds`: the kinds of unit whose organisational life is inspected
 * (巡学旁听对象), keyed by id, in the order reports roll them up.
 *
 * @since 0.1.0
 * @category plugins
 */
export const unitKindsPoint: Plugin.ExtensionPoint<Term.Term> = Plugin.extensionPoint({
  id: "assessment.inspectionUnitKinds",
  description: "Kinds of inspected unit (乡（镇）、县直（驻县）单位 …), keyed by id, in roll-up order.",
  schema: Term.Term,
  key: (k) => k.id
})

/**
 * The core default pack's contribution: {@link defaultUnitKinds}.
 *
 * @since 0.1.0
 * @category plugins
 */
export const defaultContributions: ReadonlyArray<Plugin.Contribution> = [
  Plugin.contribute(unitKindsPoint, defaultUnitKinds)
]

/**
 * One suggestion raised on the spot (现场意见建议).
 *
 * @since 0.1.0
 * @category models
 */
export const Suggestion = Schema.Struct({ id: SuggestionId, text: Schema.NonEmptyTrimmedString })
/**
 * @since 0.1.0
 * @category models
 */
export type Suggestion = typeof Suggestion.Type

/**
 * One sitting (巡学旁听): the unit whose organisational life was observed, when, by whom, and the suggestions
 * raised.
 *
 * @since 0.1.0
 * @category models
 */
export class Inspection extends Schema.Class<Inspection>("@zhili/Inspection")({
  id: InspectionId,
  tenant: TenantId,
  unit: OrgUnitId,
  unitKind: UnitKind,
  date: LocalDate.LocalDate,
  meeting: Schema.optional(Schema.NonEmptyTrimmedString),
  inspectors: Schema.NonEmptyArray(PersonId),
  suggestions: Schema.Array(Suggestion)
}) {}

/**
 * Where a rectification stands (整改状态).
 *
 * @since 0.1.0
 * @category models
 */
export const Status = Schema.Literal("open", "in-progress", "rectified", "verified")
/**
 * @since 0.1.0
 * @category models
 */
export type Status = typeof Status.Type

/**
 * Evidence of rectification (佐证材料).
 *
 * @since 0.1.0
 * @category models
 */
export const Evidence = Schema.Struct({ date: LocalDate.LocalDate, description: Schema.NonEmptyTrimmedString })

/**
 * A verification (验收) of a rectification: by whom, when, and whether it passed.
 *
 * @since 0.1.0
 * @category models
 */
export const Verification = Schema.Struct({
  by: PersonId,
  on: LocalDate.LocalDate,
  passed: Schema.Boolean,
  note: Schema.optional(Schema.String)
})
/**
 * @since 0.1.0
 * @category models
 */
export type Verification = typeof Verification.Type

/**
 * The rectification of one suggestion: owner, deadline, evidence, status and verifications. A `verified` status
 * needs a passing verification and a `rectified` one a `rectifiedOn` date; decoding says which is missing.
 *
 * @since 0.1.0
 * @category models
 */
export class Rectification extends Schema.Class<Rectification>("@zhili/Rectification")(
  Schema.Struct({
    id: RectificationId,
    tenant: TenantId,
    inspection: InspectionId,
    suggestion: SuggestionId,
    unit: OrgUnitId,
    owner: PersonId,
    deadline: LocalDate.LocalDate,
    status: Status,
    evidence: Schema.Array(Evidence),
    rectifiedOn: Schema.optional(LocalDate.LocalDate),
    verifications: Schema.Array(Verification)
  }).pipe(
    Schema.filter((r) => {
      if (r.status === "verified" && !r.verifications.some((v) => v.passed)) {
        return { path: ["verifications"], message: `rectification ${r.id} is verified but has no passing verification` }
      }
      if ((r.status === "verified" || r.status === "rectified") && r.rectifiedOn === undefined) {
        return { path: ["rectifiedOn"], message: `rectification ${r.id} is ${r.status} but has no rectifiedOn date` }
      }
      return true
    })
  )
) {}

/**
 * The date a rectification was completed, as known at `asOf` (all verifications when left out). The latest
 * verification wins: if it failed (复查不合格), the rectification is not complete, whatever passed before; if it
 * passed, the completion date is the first pass since the last failure. A rectification whose status is still
 * `open` is never complete. Verifications of one date count in the order they are listed.
 *
 * @since 0.1.0
 * @category getters
 */
export const completedOn = (r: Rectification, asOf?: LocalDate.LocalDate): LocalDate.LocalDate | undefined => {
  if (r.status === "open") return undefined
  const vs = r.verifications
  // verifications are usually listed in date order: then they are read as they are, else in a stable date order
  let ordered = true
  for (let i = 1; i < vs.length && ordered; i++)
    if ((vs[i] as Verification).on < (vs[i - 1] as Verification).on) ordered = false
  const known = ordered
    ? vs
    : vs
        .map((v, i) => ({ v, i }))
        .sort((a, b) => (a.v.on < b.v.on ? -1 : a.v.on > b.v.on ? 1 : a.i - b.i))
        .map(({ v }) => v)
  let done: LocalDate.LocalDate | undefined
  for (const v of known) {
    if (asOf !== undefined && v.on > asOf) continue
    if (!v.passed) done = undefined
    else if (done === undefined) done = v.on
  }
  return done
}

/**
 * A policy's time limit for rectification (整改时限), counted from the inspection date: `days` calendar days, or
 * `days` working days (工作日) over a working calendar. The inspection date itself is not counted.
 *
 * @since 0.2.0
 * @category policies
 */
export const Limit = Schema.Struct({
  days: Schema.Int.pipe(Schema.positive()),
  unit: Schema.Literal("calendar-days", "working-days")
})
/**
 * @since 0.2.0
 * @category policies
 */
export type Limit = typeof Limit.Type

/**
 * The deadline a {@link Limit} gives for an inspection dated `date`. A working-day limit needs the calendar: without
 * one it fails with an `InvalidInput` (`assessment/no-calendar`), and with a `CalendarGap` where the calendar does
 * not cover the days it crosses.
 *
 * @since 0.2.0
 * @category policies
 */
export const limitDeadline = (
  date: LocalDate.LocalDate,
  limit: Limit,
  calendar?: WorkingCalendar.WorkingCalendar
): Either.Either<LocalDate.LocalDate, WorkingCalendar.CalendarGap | InvalidInput> => {
  if (limit.unit === "calendar-days") return Either.right(LocalDate.addDays(date, limit.days))
  if (calendar === undefined) {
    return Either.left(
      new InvalidInput({
        code: "assessment/no-calendar",
        path: ["calendar"],
        reason: `a limit of ${limit.days} working days needs a working calendar`
      })
    )
  }
  return WorkingCalendar.addWorkingDays(calendar, date, limit.days)
}

/**
 * Options of {@link report}: the policy's time limit (when given, it sets every deadline from the inspection date in
 * place of the rectification record's own), the working calendar a working-day limit is counted on, and the kinds of
 * unit in force (`Runtime.Policies.inspectionUnitKinds`; default {@link defaultUnitKinds}) the report rolls up by.
 *
 * @since 0.2.0
 * @category policies
 */
export interface ReportOptions {
  readonly limit?: Limit | undefined
  readonly calendar?: WorkingCalendar.WorkingCalendar | undefined
  readonly unitKinds?: ReadonlyArray<Term.Term> | undefined
}

/**
 * Where a suggestion stands at a date (see the module documentation).
 *
 * @since 0.1.0
 * @category models
 */
export type Outcome = "on-time" | "late" | "overdue" | "pending"

/**
 * The outcome of a rectification at `asOf`, against its own deadline or the `deadline` given (a policy's limit).
 *
 * @since 0.1.0
 * @category rules
 */
export const outcomeAt = (
  r: Rectification,
  asOf: LocalDate.LocalDate,
  deadline: LocalDate.LocalDate = r.deadline
): Outcome => {
  const done = completedOn(r, asOf)
  if (done !== undefined) return done <= deadline ? "on-time" : "late"
  return deadline < asOf ? "overdue" : "pending"
}

/**
 * Completion figures of one unit or a roll-up.
 *
 * @since 0.1.0
 * @category models
 */
export interface Figures {
  readonly units: number
  readonly inspections: number
  readonly suggestions: number
  readonly completed: number
  readonly onTime: number
  readonly late: number
  readonly overdue: number
  readonly pending: number
  readonly completionRate: number
  readonly onTimeRate: number
  readonly signedOff: boolean
}

/**
 * The figures of one inspected unit.
 *
 * @since 0.1.0
 * @category models
 */
export interface UnitFigures extends Figures {
  readonly unit: OrgUnitId
  readonly unitKind: UnitKind
}

/**
 * Rectification report: per unit (in id order), rolled up by unit kind and in total, with findings. `byKind` has one
 * entry for every kind in force, in its order (a kind without inspected units has zeros); units of a kind no plugin
 * declares count in the total only, and are findings.
 *
 * @since 0.1.0
 * @category models
 */
export interface Report {
  readonly asOf: LocalDate.LocalDate
  readonly units: ReadonlyArray<UnitFigures>
  readonly byKind: Readonly<Record<UnitKind, Figures>>
  readonly total: Figures
  readonly findings: ReadonlyArray<Finding.Finding>
}

interface Acc {
  inspections: number
  suggestions: number
  completed: number
  onTime: number
  late: number
  overdue: number
  pending: number
}

const empty = (): Acc => ({ inspections: 0, suggestions: 0, completed: 0, onTime: 0, late: 0, overdue: 0, pending: 0 })

const finish = (a: Acc, units: number, signedOff: boolean): Figures => ({
  units,
  ...a,
  completionRate: a.suggestions === 0 ? 1 : a.completed / a.suggestions,
  onTimeRate: a.suggestions === 0 ? 1 : a.onTime / a.suggestions,
  signedOff
})

const add = (into: Acc, a: Acc) => {
  for (const k of Object.keys(into) as Array<keyof Acc>) into[k] += a[k]
}

/**
 * Computes completion, lateness and sign-off at `asOf`, per unit and rolled up. Inspections dated after `asOf` are
 * not counted. A suggestion without a rectification counts as pending (it has no deadline yet) and is reported as an
 * error finding; a rectification that names an unknown suggestion is an error finding and is ignored. With
 * `options.limit` the deadlines come from the policy (see {@link ReportOptions}); a working-day limit without a
 * calendar, or one the calendar does not cover, is an error finding at the inspection, whose rectifications keep
 * their own deadlines. The roll-up `byKind` follows `options.unitKinds`; an inspection of a unit of a kind no plugin
 * declares is an error finding (`assessment/unknown-unit-kind`).
 *
 * @since 0.1.0
 * @category rules
 */
export const report = (
  inspections: ReadonlyArray<Inspection>,
  rectifications: ReadonlyArray<Rectification>,
  asOf: LocalDate.LocalDate,
  options: ReportOptions = {}
): Report => {
  const findings: Array<Finding.Finding> = []
  const bySuggestion = new Map<string, Array<Rectification>>()
  const known = new Set<string>()
  for (const i of inspections) for (const s of i.suggestions) known.add(`${i.id}/${s.id}`)
  rectifications.forEach((r, index) => {
    const key = `${r.inspection}/${r.suggestion}`
    if (!known.has(key)) {
      findings.push(
        Finding.error(
          "assessment/unknown-suggestion",
          ["rectifications", index],
          `rectification ${r.id} names suggestion ${r.suggestion} of inspection ${r.inspection}, which is not on record`
        )
      )
      return
    }
    const list = bySuggestion.get(key)
    if (list === undefined) bySuggestion.set(key, [r])
    else list.push(r)
  })
  const perUnit = new Map<string, { unit: OrgUnitId; kind: UnitKind; acc: Acc }>()
  const unitKinds = options.unitKinds ?? defaultUnitKinds
  inspections.forEach((i, index) => {
    if (i.date > asOf) return
    findings.push(
      ...Term.check(unitKinds, i.unitKind, {
        code: "assessment/unknown-unit-kind",
        path: ["inspections", index, "unitKind"],
        what: "kind of unit",
        subject: `inspection ${i.id} (${i.unit})`
      })
    )
    const row = perUnit.get(i.unit) ?? { unit: i.unit, kind: i.unitKind, acc: empty() }
    row.acc.inspections += 1
    let deadline: LocalDate.LocalDate | undefined
    const limit = options.limit
    if (limit !== undefined) {
      const computed = limitDeadline(i.date, limit, options.calendar)
      if (Either.isRight(computed)) deadline = computed.right
      else {
        findings.push(
          Finding.error(
            "assessment/no-calendar",
            ["inspections", index],
            `the rectification limit of ${i.id} cannot be counted (${computed.left.message}); its rectifications keep the deadlines on record`
          )
        )
      }
    }
    i.suggestions.forEach((s, si) => {
      row.acc.suggestions += 1
      const rs = bySuggestion.get(`${i.id}/${s.id}`) ?? []
      if (rs.length === 0) {
        findings.push(
          Finding.error(
            "assessment/unrectified-suggestion",
            ["inspections", index, "suggestions", si],
            `suggestion ${s.id} raised at ${i.id} (${i.unit}, ${i.date}) has no rectification`
          )
        )
        row.acc.pending += 1
        return
      }
      // the best outcome of the suggestion's rectifications: on time, else late, else overdue, else pending
      let o: Outcome = "pending"
      for (const r of rs) {
        const x = outcomeAt(r, asOf, deadline ?? r.deadline)
        if (x === "on-time" || (x === "late" && o !== "on-time") || (x === "overdue" && o === "pending")) o = x
      }
      if (o === "on-time" || o === "late") row.acc.completed += 1
      if (o === "on-time") row.acc.onTime += 1
      else if (o === "late") row.acc.late += 1
      else if (o === "overdue") row.acc.overdue += 1
      else row.acc.pending += 1
    })
    perUnit.set(i.unit, row)
  })
  const units = [...perUnit.values()]
    .sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0))
    .map(
      (u): UnitFigures => ({
        unit: u.unit,
        unitKind: u.kind,
        ...finish(u.acc, 1, u.acc.completed === u.acc.suggestions)
      })
    )
  const roll = (us: ReadonlyArray<UnitFigures>): Figures => {
    const a = empty()
    for (const u of us) add(a, u)
    return finish(
      a,
      us.length,
      us.every((u) => u.signedOff)
    )
  }
  return {
    asOf,
    units,
    byKind: Object.fromEntries(unitKinds.map((k) => [k.id, roll(units.filter((u) => u.unitKind === k.id))])),
    total: roll(units),
    findings
  }
}

/**
 * One overdue rectification at an instant, with the days it is overdue.
 *
 * @since 0.1.0
 * @category models
 */
export interface Overdue {
  readonly rectification: Rectification
  readonly daysOverdue: number
}

/**
 * The rectifications overdue at an instant: not verified by the instant's date in `timeZone` (default
 * Asia/Shanghai) and past their deadline. Ordered most overdue first, then by id.
 *
 * @since 0.1.0
 * @category rules
 */
export const overdueAt = (
  rectifications: ReadonlyArray<Rectification>,
  at: DateTime.DateTime,
  timeZone = "Asia/Shanghai"
): Array<Overdue> => {
  const today = LocalDate.fromDateTime(at, timeZone)
  return rectifications
    .filter((r) => outcomeAt(r, today) === "overdue")
    .map((r) => ({ rectification: r, daysOverdue: LocalDate.daysBetween(r.deadline, today) }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || (a.rectification.id < b.rectification.id ? -1 : 1))
}

/**
 * Whether a unit can be signed off (销号) at `asOf`: every suggestion raised at its inspections up to `asOf`
 * rectified and verified. The findings name each suggestion that stands in the way.
 *
 * @since 0.1.0
 * @category rules
 */
export const signOff = (
  unit: OrgUnitId,
  inspections: ReadonlyArray<Inspection>,
  rectifications: ReadonlyArray<Rectification>,
  asOf: LocalDate.LocalDate
): { readonly signedOff: boolean; readonly findings: ReadonlyArray<Finding.Finding> } => {
  const findings: Array<Finding.Finding> = []
  inspections.forEach((i, index) => {
    if (i.unit !== unit || i.date > asOf) return
    i.suggestions.forEach((s, si) => {
      const rs = rectifications.filter((r) => r.inspection === i.id && r.suggestion === s.id)
      const done = rs.some((r) => {
        const o = outcomeAt(r, asOf)
        return o === "on-time" || o === "late"
      })
      if (!done) {
        findings.push(
          Finding.error(
            "assessment/not-signed-off",
            ["inspections", index, "suggestions", si],
            `${unit}: suggestion ${s.id} from ${i.date} is not rectified and verified by ${asOf}`
          )
        )
      }
    })
  })
  return { signedOff: findings.length === 0, findings }
}

/**
 * The `Scope.Location` of an inspection.
 *
 * @since 0.1.0
 * @category getters
 */
export const location = (self: Inspection | Rectification, orgPath?: ResolveOrgPath): Location =>
  locate(self.tenant, self.unit, orgPath)
