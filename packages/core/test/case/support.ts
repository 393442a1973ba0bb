// Shared test helpers for the case context: a stand-in calendar and a few builders. Uses the public API only.
import { Case, CaseDeadline, Ids, LocalDate, WorkingCalendar } from "@zhili/core"
import { DateTime, Either } from "effect"

/** Weekends only, no public holidays, 2024–2026: enough for rules that do not test holidays. */
export const weekdays: WorkingCalendar.WorkingCalendar = WorkingCalendar.weekendsOnly(
  "test/weekends",
  [2024, 2025, 2026]
)

/**
 * The kernel working-day calendar for 2025 with the official arrangements (STANDARDS.md, State Council notice of
 * 2024-11-12), built here so core's tests need no plugin: holidays off, make-up days worked.
 */
export const official2025: WorkingCalendar.WorkingCalendar = Either.getOrThrow(
  WorkingCalendar.decode({
    id: "test/official-2025",
    years: [
      {
        year: 2025,
        holidays: [
          ["2025-01-01", "2025-01-01"],
          ["2025-01-28", "2025-02-04"],
          ["2025-04-04", "2025-04-06"],
          ["2025-05-01", "2025-05-05"],
          ["2025-05-31", "2025-06-02"],
          ["2025-10-01", "2025-10-08"]
        ].flatMap(([from, to]) =>
          LocalDate.range(
            LocalDate.make(2025, Number(from?.slice(5, 7)), Number(from?.slice(8))),
            LocalDate.make(2025, Number(to?.slice(5, 7)), Number(to?.slice(8)))
          ).map((date) => ({ date, name: "holiday" }))
        ),
        makeUpDays: ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"].map((date) => ({
          date,
          name: "make-up"
        })),
        sources: []
      }
    ]
  })
)

export const policy = Case.makePolicy({ clock: CaseDeadline.fromWorkingCalendar(weekdays) })

/** An instant in Beijing time. */
export const bj = (s: string): DateTime.Utc => DateTime.unsafeMake(`${s}:00+08:00`)

export const staff = new Case.Actor({ role: "staff", id: "staff-1" })

export const intake = (over: Partial<ConstructorParameters<typeof Case.Intake>[0]> = {}) =>
  new Case.Intake({
    id: Ids.CaseId.make("case_1"),
    tenant: Ids.TenantId.make("440881002001"),
    kind: "request",
    category: Ids.CategoryCode.make("property.repair"),
    source: "door-knocking",
    title: "楼道灯不亮",
    location: new Case.Location({ grid: Ids.GridId.make("micro-1") }),
    priority: "normal",
    severity: "minor",
    complex: false,
    attributes: {},
    ...over
  })

export const reported = (at = bj("2025-09-01T10:00"), i = intake()): Case.Event => ({
  _tag: "Reported",
  at,
  by: staff,
  intake: i
})

export const unit = (id: string) => new Case.Assignee({ unit: Ids.OrgUnitId.make(id) })

/** Folds a history and fails the test with the error's message if it does not fold. */
export const foldOk = (events: ReadonlyArray<Case.Event>, p: Case.Policy = policy): Case.Case =>
  Either.getOrThrowWith(Case.fold(events, p), (e) => new Error(e.message))

/** The usual path to a closed case, at given instants. */
export const happyPath = (start: string, fixed = true): Array<Case.Event> => {
  const t = (h: number) => DateTime.add(bj(start), { hours: h })
  return [
    reported(t(0)),
    { _tag: "Accepted", at: t(1), by: staff },
    { _tag: "Dispatched", at: t(2), by: staff, to: unit("property") },
    { _tag: "Started", at: t(3), by: staff },
    { _tag: "Resolved", at: t(24), by: staff, fixed, summary: "done" },
    { _tag: "Verified", at: t(25), by: staff },
    { _tag: "Closed", at: t(26), by: staff, fixed }
  ]
}
