/**
 * Generators for case property tests: intakes over the default catalogue, and scripts of events that a test turns
 * into event sequences against a case as it evolves.
 *
 * @since 0.1.0
 */
import { Case, CaseCategory, CaseDeadline, CaseWorkflow, Ids, WorkingCalendar } from "@zhili/core"
import { Array as Arr, DateTime, Redacted } from "effect"
import * as fc from "fast-check"

const categories = CaseCategory.defaultCatalogue.categories.map((c) => c.code)
const all = <T extends string>(xs: ReadonlyArray<T>): fc.Arbitrary<T> => fc.constantFrom(...xs)

/**
 * Any intake (what a report says) with a category of the default catalogue, in the tenant `440881002001`.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const intake: fc.Arbitrary<Case.Intake> = fc
  .record({
    n: fc.nat({ max: 99_999 }),
    kind: all(Case.Kind.literals),
    category: fc.constantFrom(...categories),
    source: all(Case.Source.literals),
    priority: all(Case.Priority.literals),
    severity: all(Case.Severity.literals),
    complex: fc.boolean(),
    anonymous: fc.boolean(),
    grid: fc.integer({ min: 1, max: 50 })
  })
  .map(
    (r) =>
      new Case.Intake({
        id: Ids.CaseId.make(`case_${r.n}`),
        tenant: Ids.TenantId.make("440881002001"),
        kind: r.kind,
        category: r.category,
        source: r.source,
        title: `generated case ${r.n}`,
        reporter: r.anonymous
          ? { _tag: "Anonymous" }
          : { _tag: "Identified", name: Redacted.make("居民甲"), phone: Redacted.make("13800000000") },
        location: new Case.Location({ grid: Ids.GridId.make(`micro-${r.grid}`) }),
        priority: r.priority,
        severity: r.severity,
        complex: r.complex,
        attributes: {}
      })
  )

/**
 * One step of an event script: whether to pick among the events the current status allows (`legal`) or among all
 * event tags, which one (`pick`), how many minutes after the last event (`gapMinutes`, negative to test
 * out-of-order events), and the payload choices.
 *
 * @since 0.1.0
 * @category models
 */
export interface Step {
  readonly legal: boolean
  readonly pick: number
  readonly gapMinutes: number
  readonly fixed: boolean
  readonly level: number
  readonly extensionDays: number
  readonly dissatisfied: boolean
}

/**
 * A step of an event script, mostly legal and forward in time.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const step: fc.Arbitrary<Step> = fc.record({
  legal: fc.boolean(),
  pick: fc.nat({ max: 1000 }),
  gapMinutes: fc.oneof(
    { weight: 9, arbitrary: fc.integer({ min: 0, max: 60 * 24 * 5 }) },
    { weight: 1, arbitrary: fc.integer({ min: -600, max: -1 }) }
  ),
  fixed: fc.boolean(),
  level: fc.nat({ max: 3 }),
  extensionDays: fc.integer({ min: 1, max: 5 }),
  dissatisfied: fc.boolean()
})

const tags: ReadonlyArray<Case.EventTag> = ["Reported", ...CaseWorkflow.EventName.literals]

const staff = new Case.Actor({ role: "staff", id: "staff-1" })
const approver = new Case.Actor({ role: "staff", id: "staff-2" })

/**
 * Turns one step into an event for a case as it stands.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const eventFor = (current: Case.Case, s: Step, intakeForReport: Case.Intake): Case.Event => {
  const allowed = Case.allowedEvents(current.status)
  const pool = s.legal && allowed.length > 0 ? allowed : tags
  const tag = pool[s.pick % pool.length] ?? "Accepted"
  const last = Arr.lastNonEmpty(current.history)
  const at = DateTime.add(last.at, { minutes: s.gapMinutes })
  const by = staff
  const level = CaseCategory.levels[s.level] ?? "street"
  switch (tag) {
    case "Reported":
      return { _tag: "Reported", at, by, intake: intakeForReport }
    case "Accepted":
      return s.fixed ? { _tag: "Accepted", at, by } : { _tag: "Accepted", at, by, level }
    case "Rejected":
      return { _tag: "Rejected", at, by, reason: "outside competence" }
    case "Dispatched":
      return { _tag: "Dispatched", at, by, to: new Case.Assignee({ unit: Ids.OrgUnitId.make(`unit-${s.level}`) }) }
    case "Started":
      return { _tag: "Started", at, by }
    case "Returned":
      return { _tag: "Returned", at, by, reason: "not ours" }
    case "ExtensionGranted":
      return {
        _tag: "ExtensionGranted",
        at,
        by,
        extension: CaseDeadline.duration(s.extensionDays, "working-days"),
        reason: "parts on order"
      }
    case "Escalated":
      return { _tag: "Escalated", at, by, to: level, reason: "overdue" }
    case "Supervised":
      return { _tag: "Supervised", at, by, reason: "pressed by the supervisor" }
    case "CoHandlersAssigned":
      return { _tag: "CoHandlersAssigned", at, by, units: [Ids.OrgUnitId.make(`co-${s.level}`)] }
    case "CoHandlerReported":
      return { _tag: "CoHandlerReported", at, by, unit: Ids.OrgUnitId.make(`co-${s.level}`), summary: "our part done" }
    case "Resolved":
      return { _tag: "Resolved", at, by, fixed: s.fixed, summary: "done" }
    case "ReturnVisited":
      return {
        _tag: "ReturnVisited",
        at,
        by,
        outcome: new Case.VisitOutcome({
          reached: true,
          fixed: s.fixed,
          satisfaction: s.dissatisfied ? "dissatisfied" : "satisfied"
        })
      }
    case "Verified":
      return { _tag: "Verified", at, by }
    case "Reopened":
      return { _tag: "Reopened", at, by, reason: s.dissatisfied ? "dissatisfied" : "verification-failed" }
    case "Closed":
      return { _tag: "Closed", at, by, fixed: s.fixed }
    case "Withdrawn":
      return { _tag: "Withdrawn", at, by }
    case "Shelved":
      return { _tag: "Shelved", at, by, reason: "needs a budget" }
    case "Unshelved":
      return { _tag: "Unshelved", at, by }
    case "Rated":
      return { _tag: "Rated", at, by, satisfaction: s.dissatisfied ? "dissatisfied" : "satisfied" }
    case "Excluded":
      return { _tag: "Excluded", at, by, approvedBy: approver, reason: s.fixed ? "duplicate" : "malicious" }
  }
}

/**
 * A case policy for property tests: the default catalogue and a weekends-only kernel `WorkingCalendar` covering
 * 2024–2026 (no public holidays: use `@zhili/calendar-cn` where holidays matter).
 *
 * @since 0.1.0
 * @category policies
 */
export const policy: Case.Policy = Case.makePolicy({
  clock: CaseDeadline.fromWorkingCalendar(WorkingCalendar.weekendsOnly("testing/weekends", [2024, 2025, 2026]))
})
