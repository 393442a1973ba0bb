// Rates read at an instant (asOf), withdrawals before any answer, and exclusions from the assessment (不纳入考核), on
// hand-written timelines (issue: cases as a command centre runs them). Weekend-only calendar of support.ts, Beijing
// time; every expected figure is written out by hand.
import { assert, describe, expect, it } from "@effect/vitest"
import { Case, CaseMetrics, Ids } from "@zhili/core"
import { DateTime, Either } from "effect"
import { bj, foldOk, happyPath, intake, policy, reported, staff, unit } from "./support.js"

const september = CaseMetrics.month(2025, 9)
const parts = (r: CaseMetrics.Rate) => [r.numerator, r.denominator]
const iso = (d: DateTime.Utc | undefined) => (d === undefined ? undefined : DateTime.formatIso(d))

describe("a case reported on the last evening of the month", () => {
  // property.repair: 1 working day to respond, to the 17:30 close of the next working day (Wed 1 October).
  const lateEvening = reported(bj("2025-09-30T23:00"))
  const answered: Case.Event = { _tag: "Accepted", at: bj("2025-10-01T09:00"), by: staff }

  it("is not yet a failure at the end of September, while its deadline is ahead", () => {
    const c = foldOk([lateEvening])
    expect(iso(c.due.response)).toBe("2025-10-01T09:30:00.000Z")
    expect(parts(CaseMetrics.responseRate([c], september, { policy }))).toEqual([0, 0])
    // the old reading counted it 0/1 until someone answered; it is still reported in September
    expect(CaseMetrics.summarize([c], september, { policy }).reported).toBe(1)
  })

  it("read on 2 October: late when nobody answered, on time when it was answered on the 1st", () => {
    const asOf = bj("2025-10-02T10:00")
    expect(parts(CaseMetrics.responseRate([foldOk([lateEvening])], september, { policy, asOf }))).toEqual([0, 1])
    expect(parts(CaseMetrics.responseRate([foldOk([lateEvening, answered])], september, { policy, asOf }))).toEqual([
      1, 1
    ])
    // read on the 1st at 08:00, before the answer and before the deadline: still pending
    const early = bj("2025-10-01T08:00")
    const c = foldOk([lateEvening, answered])
    expect(parts(CaseMetrics.responseRate([c], september, { policy, asOf: early }))).toEqual([0, 0])
  })
})

describe("a case withdrawn before anyone answered it", () => {
  it("is not a response failure", () => {
    const c = foldOk([
      reported(bj("2025-09-01T10:00")),
      { _tag: "Withdrawn", at: bj("2025-09-01T11:00"), by: staff, reason: "已自行解决" }
    ])
    expect(parts(CaseMetrics.responseRate([c], september, { policy }))).toEqual([0, 0])
    const answeredThenWithdrawn = foldOk([
      reported(bj("2025-09-01T10:00")),
      { _tag: "Accepted", at: bj("2025-09-01T10:30"), by: staff },
      { _tag: "Withdrawn", at: bj("2025-09-01T11:00"), by: staff }
    ])
    expect(parts(CaseMetrics.responseRate([answeredThenWithdrawn], september, { policy }))).toEqual([1, 1])
  })
})

describe("on-time closing read in the middle of the month", () => {
  // accepted Mon 1 Sept 11:00, due Wed 10 Sept 17:30 (7 working days), never closed
  const open = foldOk([
    reported(bj("2025-09-01T10:00")),
    { _tag: "Accepted", at: bj("2025-09-01T11:00"), by: staff },
    { _tag: "Dispatched", at: bj("2025-09-01T12:00"), by: staff, to: unit("property") }
  ])

  it("does not count a case whose deadline is still ahead, and counts it late once it passed", () => {
    expect(parts(CaseMetrics.onTimeClosingRate([open], september, { policy, asOf: bj("2025-09-05T12:00") }))).toEqual([
      0, 0
    ])
    expect(parts(CaseMetrics.onTimeClosingRate([open], september, { policy, asOf: bj("2025-09-11T09:00") }))).toEqual([
      0, 1
    ])
    expect(parts(CaseMetrics.onTimeClosingRate([open], september, { policy }))).toEqual([0, 1])
  })
})

describe("exclusions from the assessment (不纳入考核)", () => {
  const fixed = foldOk(happyPath("2025-09-01T09:00", true))
  const malicious = Either.getOrThrow(
    Case.fold(
      [
        ...happyPath("2025-09-02T09:00", false).map((e) =>
          e._tag === "Reported" ? { ...e, intake: intake({ id: Ids.CaseId.make("case_2") }) } : e
        ),
        {
          _tag: "Excluded",
          at: bj("2025-09-05T10:00"),
          by: staff,
          approvedBy: new Case.Actor({ role: "staff", id: "director-1" }),
          reason: "malicious",
          note: "同一号码一月内重复恶意来电 40 次"
        }
      ],
      policy
    )
  )

  it("leaves an excluded case out of every rate and lists it with its reason and approver", () => {
    const s = CaseMetrics.summarize([fixed, malicious], september, { policy })
    expect(parts(s.resolution)).toEqual([1, 1]) // without the exclusion: 1/2
    expect(parts(s.response)).toEqual([1, 1])
    expect(s.reported).toBe(2)
    const listed = CaseMetrics.exclusions([fixed, malicious], september, { policy })
    expect(listed.map((x) => [x.case.id, x.exclusion.reason, x.exclusion.approvedBy.id])).toEqual([
      ["case_2", "malicious", "director-1"]
    ])
    // read before the exclusion was approved, the case still counts
    const before = CaseMetrics.summarize([fixed, malicious], september, { policy, asOf: bj("2025-09-05T09:00") })
    expect(parts(before.resolution)).toEqual([1, 2])
  })

  it("needs someone else's approval", () => {
    const ask = (approvedBy?: Case.Actor): Case.Event => ({
      _tag: "Excluded",
      at: bj("2025-09-05T10:00"),
      by: staff,
      reason: "duplicate",
      duplicateOf: Ids.CaseId.make("case_9"),
      ...(approvedBy === undefined ? {} : { approvedBy })
    })
    const none = Case.transition(fixed, ask(), policy)
    if (Either.isRight(none)) return assert.fail("an exclusion without approval must be refused")
    expect(none.left.message).toContain("needs who approved it (approvedBy)")
    const own = Case.transition(fixed, ask(staff), policy)
    if (Either.isRight(own)) return assert.fail("a self-approved exclusion must be refused")
    assert.instanceOf(own.left, Case.RoleNotPermitted)
    const approved = Either.getOrThrow(
      Case.transition(fixed, ask(new Case.Actor({ role: "staff", id: "director-1" })), policy)
    )
    expect(approved.exclusion?.duplicateOf).toBe("case_9")
    expect(approved.status).toBe("closed")
  })
})
