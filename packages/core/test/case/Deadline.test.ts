import { assert, describe, expect, it } from "@effect/vitest"
import { Case, CaseDeadline, Escalation } from "@zhili/core"
import { DateTime, Either, Option } from "effect"
import { bj, foldOk, happyPath, official2025, reported, staff, unit } from "./support.js"

const holidayPolicy = Case.makePolicy({ clock: CaseDeadline.fromWorkingCalendar(official2025) })
const iso = (d: DateTime.Utc | undefined) => (d === undefined ? undefined : DateTime.formatIso(d))

describe("Working-time deadlines across the 2025 National Day holiday", () => {
  it("skips Oct 1–8 and counts the make-up Saturday Oct 11", () => {
    // accepted Tue 2025-09-30 10:00; 7 working days: Oct 9, 10, 11 (make-up Saturday), 13, 14, 15, 16
    const c = foldOk(
      [reported(bj("2025-09-30T09:00")), { _tag: "Accepted", at: bj("2025-09-30T10:00"), by: staff }],
      holidayPolicy
    )
    expect(iso(c.due.response)).toBe("2025-10-09T09:30:00.000Z") // the close (17:30) of the first working day after Sep 30
    expect(iso(c.due.resolve)).toBe("2025-10-16T09:30:00.000Z")
    expect(Case.isOverdue(c, bj("2025-10-16T17:30"))).toBe(false)
    expect(Case.isOverdue(c, DateTime.add(bj("2025-10-16T17:30"), { millis: 1 }))).toBe(true)
  })

  it("counts the make-up Sunday Sep 28 before the holiday", () => {
    // reported Fri Sep 26 18:00: the next working day is Sunday Sep 28 (make-up)
    const c = foldOk([reported(bj("2025-09-26T18:00"))], holidayPolicy)
    expect(iso(c.due.response)).toBe("2025-09-28T09:30:00.000Z")
  })

  it("extends across the holiday from the current deadline", () => {
    const c = foldOk(
      [
        reported(bj("2025-09-22T09:00")),
        { _tag: "Accepted", at: bj("2025-09-22T10:00"), by: staff }, // due Tue Sep 30 10:00 (Sep 28 worked)
        {
          _tag: "ExtensionGranted",
          at: bj("2025-09-29T10:00"),
          by: staff,
          extension: CaseDeadline.duration(2, "working-days"),
          reason: "holiday"
        }
      ],
      holidayPolicy
    )
    expect(iso(Case.originalDue(c, holidayPolicy))).toBe("2025-09-30T09:30:00.000Z")
    expect(iso(c.due.resolve)).toBe("2025-10-10T09:30:00.000Z") // Oct 9, Oct 10
  })

  it("does not escalate during the holiday a case due after it, and escalates it just after its deadline", () => {
    const c = foldOk(
      [reported(bj("2025-09-30T09:00")), { _tag: "Accepted", at: bj("2025-09-30T10:00"), by: staff }],
      holidayPolicy
    )
    expect(Option.isNone(Escalation.overdueEscalation(c, bj("2025-10-08T23:59")))).toBe(true)
    expect(Option.isNone(Escalation.overdueEscalation(c, bj("2025-10-16T17:30")))).toBe(true)
    const e = Escalation.overdueEscalation(c, bj("2025-10-16T17:31"))
    assert.isTrue(Option.isSome(e))
  })

  it("restarts the deadline on each of two reworks (返工), each time in working days", () => {
    const path = happyPath("2025-09-24T10:00")
    const c = foldOk(
      [
        ...path.slice(0, 5), // resolved Thu Sep 25 10:00
        { _tag: "Reopened", at: bj("2025-09-26T10:00"), by: staff, reason: "verification-failed" },
        { _tag: "Started", at: bj("2025-09-26T11:00"), by: staff },
        { _tag: "Resolved", at: bj("2025-09-29T10:00"), by: staff, fixed: true, summary: "again" },
        { _tag: "Reopened", at: bj("2025-09-30T10:00"), by: staff, reason: "verification-failed" }
      ],
      holidayPolicy
    )
    expect(c.reopenCount).toBe(2)
    expect(c.status).toBe("dispatched")
    expect(c.assignee).toEqual(unit("property"))
    expect(iso(c.due.resolve)).toBe("2025-10-16T09:30:00.000Z")
    const again = Case.transition(
      c,
      { _tag: "Reopened", at: bj("2025-10-09T10:00"), by: staff, reason: "verification-failed" },
      holidayPolicy
    )
    assert.isTrue(Either.isLeft(again)) // a dispatched case is not resolved: nothing to reopen
  })

  it("accepts an escalation dated exactly at the deadline instant, and restarts the deadline from it", () => {
    const c = foldOk(
      [reported(bj("2025-09-30T09:00")), { _tag: "Accepted", at: bj("2025-09-30T10:00"), by: staff }],
      holidayPolicy
    )
    const at = c.due.resolve
    assert.isDefined(at)
    const up = Either.getOrThrow(
      Case.transition(c, { _tag: "Escalated", at, by: Case.system, to: "community", reason: "overdue" }, holidayPolicy)
    )
    expect(up.level).toBe("community")
    expect(iso(up.due.resolve)).toBe("2025-10-27T09:30:00.000Z") // 7 working days after Thu Oct 16
  })

  it("refuses a deadline the calendar has no data for, naming the year", () => {
    const r = Case.fold([reported(bj("2026-03-02T09:00"))], holidayPolicy)
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) expect(r.left.message).toMatch(/deadline\/calendar-gap.*no data for 2026/)
  })

  it("counts working hours inside office hours only", () => {
    const clock = CaseDeadline.fromWorkingCalendar(official2025)
    // Tue Sep 30 16:30 + 2 working hours: 1 h until 17:30, then the next opening is Thu Oct 9 09:00
    const due = Either.getOrThrow(clock(bj("2025-09-30T16:30"), CaseDeadline.duration(2, "working-hours")))
    expect(iso(due)).toBe("2025-10-09T02:00:00.000Z")
  })
})
