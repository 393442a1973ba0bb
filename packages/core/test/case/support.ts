// Shared test helpers for the case context: a stand-in calendar and a few builders. Uses the public API only.
import { Case, CaseDeadline, Ids } from "@zhili/core"
import { DateTime, Either } from "effect"

/**
 * A stand-in working-time calendar until the kernel WorkingCalendar is merged: Monday–Friday in Asia/Shanghai, minus
 * `off` dates, plus `makeUp` dates (weekend days worked). Every hour of a working day counts.
 */
export const calendar = (
  off: ReadonlyArray<string> = [],
  makeUp: ReadonlyArray<string> = []
): CaseDeadline.WorkingTime => {
  const step = (from: DateTime.Utc, unit: { days: number } | { hours: number }, n: number) => {
    let z = DateTime.unsafeMakeZoned(from, { timeZone: "Asia/Shanghai" })
    let left = n
    while (left > 0) {
      z = DateTime.add(z, unit)
      const p = DateTime.toParts(z)
      const date = `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`
      const working = makeUp.includes(date) || (p.weekDay !== 0 && p.weekDay !== 6 && !off.includes(date))
      if (working) left--
    }
    return Either.right(DateTime.toUtc(z))
  }
  return {
    addWorkingDays: (from, days) => step(from, { days: 1 }, days),
    addWorkingHours: (from, hours) => step(from, { hours: 1 }, hours)
  }
}

/** Monday–Friday, no holidays: enough for rules that do not test holidays. */
export const weekdays: CaseDeadline.WorkingTime = calendar()

/** The 2025 National Day + Mid-Autumn arrangement (STANDARDS.md): off Oct 1–8, make-up Sun Sep 28 and Sat Oct 11. */
export const nationalDay2025: CaseDeadline.WorkingTime = calendar(
  ["2025-10-01", "2025-10-02", "2025-10-03", "2025-10-06", "2025-10-07", "2025-10-08"],
  ["2025-09-28", "2025-10-11"]
)

export const policy = Case.makePolicy({ clock: CaseDeadline.fromWorkingTime(weekdays) })

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
