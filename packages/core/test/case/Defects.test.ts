// Hand-written timelines for two lifecycle defects and one doc/code disagreement (issue: cases as a command centre runs them). Expected values
// are written out by hand: the weekend-only calendar of support.ts, Beijing time.
import { assert, describe, expect, it } from "@effect/vitest"
import { Case, CaseMetrics, Escalation, Ids } from "@zhili/core"
import { DateTime, Either } from "effect"
import { bj, foldOk, happyPath, intake, policy, reported, staff, unit } from "./support.js"

const iso = (d: DateTime.Utc | undefined) => (d === undefined ? undefined : DateTime.formatIso(d))

describe("escalating an unanswered case gives the new level its own response time", () => {
  // A utilities case: 2 h to respond round the clock, opened at the compound level (the category's level).
  const water = intake({ category: Ids.CategoryCode.make("utilities") })
  const opened = foldOk([reported(bj("2025-09-01T10:00"), water)])

  it("climbs one level when the response deadline passes, then waits two more hours", () => {
    expect(opened.level).toBe("compound")
    expect(iso(opened.due.response)).toBe("2025-09-01T04:00:00.000Z") // 12:00 Beijing
    let cases: ReadonlyArray<Case.Case> = [opened]
    const levels: Array<string> = []
    // An overdue check once a minute from 12:01 to 14:05 Beijing.
    for (let minute = 1; minute <= 125; minute++) {
      cases = Escalation.escalateOverdue(cases, DateTime.add(bj("2025-09-01T12:00"), { minutes: minute }), policy)
      levels.push(cases[0]?.level ?? "gone")
    }
    const final = cases[0]
    assert.isDefined(final)
    // 12:01 → community (new response due 14:01), 14:02 → street, then nothing above the street.
    expect(levels[0]).toBe("community")
    expect(levels[1]).toBe("community")
    expect(levels[119]).toBe("community") // 14:00
    expect(levels[120]).toBe("community") // 14:01, at the deadline instant itself
    expect(levels[121]).toBe("street") // 14:02
    expect(final.level).toBe("street")
    expect(final.escalationCount).toBe(2)
    expect(iso(final.due.response)).toBe("2025-09-01T08:02:00.000Z") // 16:02 Beijing
  })
})

describe("an extension is asked before the deadline", () => {
  // property.repair: 7 working days from acceptance on Mon 1 Sept 11:00, ending at the close (17:30) of the 7th
  // working day after it: Wed 10 Sept 17:30 Beijing.
  const accepted = [
    reported(bj("2025-09-01T10:00")),
    { _tag: "Accepted", at: bj("2025-09-01T11:00"), by: staff } as Case.Event,
    { _tag: "Dispatched", at: bj("2025-09-01T12:00"), by: staff, to: unit("property") } as Case.Event
  ]
  const extend = (at: string): Case.Event => ({
    _tag: "ExtensionGranted",
    at: bj(at),
    by: staff,
    extension: { amount: 3, unit: "working-days" },
    reason: "材料未到"
  })

  it("moves a running deadline by three working days", () => {
    const c = foldOk(accepted)
    expect(iso(c.due.resolve)).toBe("2025-09-10T09:30:00.000Z")
    const extended = foldOk([...accepted, extend("2025-09-10T10:00")])
    expect(iso(extended.due.resolve)).toBe("2025-09-15T09:30:00.000Z") // Mon 15 Sept 17:30
  })

  it("refuses an extension dated after the deadline, and the late case stays late", () => {
    const c = foldOk(accepted)
    const late = Case.transition(c, extend("2025-09-11T09:00"), policy)
    assert.isTrue(Either.isLeft(late))
    if (Either.isLeft(late)) {
      expect(late.left._tag).toBe("IllegalTransition")
      expect(late.left.from).toBe("dispatched")
      expect(late.left.event).toBe("ExtensionGranted")
      expect(late.left.message).toContain("before the deadline")
    }
    // Closed on Fri 12 Sept with the late extension refused: 0 of 1 closed on time in September.
    const { case: closed, refused } = Case.applyAll(
      c,
      [
        extend("2025-09-11T09:00"),
        { _tag: "Started", at: bj("2025-09-11T10:00"), by: staff },
        { _tag: "Resolved", at: bj("2025-09-12T10:00"), by: staff, fixed: true, summary: "修好" },
        { _tag: "Verified", at: bj("2025-09-12T11:00"), by: staff },
        { _tag: "Closed", at: bj("2025-09-12T12:00"), by: staff, fixed: true }
      ],
      policy
    )
    expect(refused.map((e) => e.event)).toEqual(["ExtensionGranted"])
    const rate = CaseMetrics.onTimeClosingRate([closed], CaseMetrics.month(2025, 9), { policy })
    expect([rate.numerator, rate.denominator]).toEqual([0, 1])
  })
})

describe("rating a case closed as not fixed is accepted, as the doc now says (12345 asks every resident)", () => {
  it("accepts Rated after Closed(not fixed), and the rating counts in the satisfaction rate", () => {
    const notFixed = foldOk(happyPath("2025-09-01T10:00", false))
    const rated = Case.transition(
      notFixed,
      { _tag: "Rated", at: bj("2025-09-03T12:00"), by: staff, satisfaction: "dissatisfied" },
      policy
    )
    assert.isTrue(Either.isRight(rated))
    if (Either.isRight(rated)) {
      expect(rated.right.satisfaction).toBe("dissatisfied")
      const rate = CaseMetrics.satisfactionRate([rated.right], CaseMetrics.month(2025, 9), { policy })
      expect([rate.numerator, rate.denominator]).toEqual([0, 1])
    }
  })
})
