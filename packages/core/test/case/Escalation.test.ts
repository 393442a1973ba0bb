import { assert, describe, expect, it } from "@effect/vitest"
import { Case, CaseCategory, CaseMetrics, Escalation, Ids } from "@zhili/core"
import { DateTime, Either, Option } from "effect"
import { bj, foldOk, happyPath, intake, policy, reported, staff } from "./support.js"

const ladderPolicy = Case.makePolicy({
  clock: policy.clock,
  requiredLevel: Escalation.requiredLevel(Escalation.defaultLadder, CaseCategory.defaultCatalogue)
})

describe("Escalation ladder (小事不出小区、大事不出社区)", () => {
  const level = Escalation.requiredLevel(Escalation.defaultLadder, CaseCategory.defaultCatalogue)
  it("keeps small matters at their category's level and sends large ones to the community", () => {
    expect(level(Ids.CategoryCode.make("sanitation.garbage"), "minor")).toBe("micro-grid")
    expect(level(Ids.CategoryCode.make("neighbour.noise"), "minor")).toBe("compound")
    expect(level(Ids.CategoryCode.make("neighbour.noise"), "major")).toBe("community")
    expect(level(Ids.CategoryCode.make("labour.wages"), "minor")).toBe("community")
    expect(level(Ids.CategoryCode.make("safety.structure"), "critical")).toBe("street")
    expect(level(Ids.CategoryCode.make("unknown"), "minor")).toBe("community")
  })

  it("opens a case at the level the ladder requires", () => {
    const c = foldOk([reported(bj("2025-09-01T10:00"), intake({ severity: "major" }))], ladderPolicy)
    expect(c.level).toBe("community")
  })

  it("escalates an overdue case one level, not at the deadline instant but just after it", () => {
    const accepted = foldOk([reported(), { _tag: "Accepted", at: bj("2025-09-01T11:00"), by: staff }])
    const due = accepted.due.resolve
    assert.isDefined(due)
    expect(Option.isNone(Escalation.overdueEscalation(accepted, due))).toBe(true)
    const after = DateTime.add(due, { millis: 1 })
    const e = Escalation.overdueEscalation(accepted, after)
    assert.isTrue(Option.isSome(e))
    if (Option.isSome(e)) {
      expect(e.value).toMatchObject({ _tag: "Escalated", to: "community", reason: "overdue" })
      const up = Either.getOrThrow(Case.transition(accepted, e.value, policy))
      expect(up.level).toBe("community")
      expect(Case.isOverdue(up, after)).toBe(false)
    }
  })

  it("accepts an escalation event dated exactly at the deadline instant", () => {
    const accepted = foldOk([reported(), { _tag: "Accepted", at: bj("2025-09-01T11:00"), by: staff }])
    const at = accepted.due.resolve
    assert.isDefined(at)
    const up = Case.transition(
      accepted,
      { _tag: "Escalated", at, by: staff, to: "community", reason: "overdue" },
      policy
    )
    assert.isTrue(Either.isRight(up))
  })

  it("stops at the street, and leaves cases without a running deadline alone", () => {
    const top = foldOk([reported(), { _tag: "Accepted", at: bj("2025-09-01T11:00"), by: staff, level: "street" }])
    expect(Option.isNone(Escalation.overdueEscalation(top, bj("2026-01-01T00:00")))).toBe(true)
    const closed = foldOk(happyPath("2025-09-01T10:00"))
    expect(Escalation.escalateOverdue([closed, top], bj("2026-01-01T00:00"), policy)).toEqual([closed, top])
  })

  it("escalates every overdue case in a batch", () => {
    const a = foldOk([reported(), { _tag: "Accepted", at: bj("2025-09-01T11:00"), by: staff }])
    const out = Escalation.escalateOverdue([a], bj("2025-10-01T00:00"), policy)
    expect(out[0]?.level).toBe("community")
    expect(out[0]?.history.at(-1)?.by.role).toBe("system")
  })

  it("reports the shares settled in the compound and in the community", () => {
    const inCompound = foldOk(happyPath("2025-09-01T10:00"))
    const path = happyPath("2025-09-02T10:00")
    const escalated = foldOk([
      ...path.slice(0, 2),
      { _tag: "Escalated", at: bj("2025-09-02T12:00"), by: staff, to: "community", reason: "severity" },
      ...path.slice(2).map((e) => ({ ...e, at: DateTime.add(e.at, { hours: 2 }) }))
    ])
    const toStreet = foldOk([
      ...path.slice(0, 2),
      { _tag: "Escalated", at: bj("2025-09-02T12:00"), by: staff, to: "street", reason: "severity" },
      ...path.slice(2).map((e) => ({ ...e, at: DateTime.add(e.at, { hours: 2 }) }))
    ])
    const open = foldOk([reported()])
    const s = Escalation.settledShares([inCompound, escalated, toStreet, open], CaseMetrics.month(2025, 9))
    expect(s.closed).toBe(3)
    expect(s.inCompound.numerator).toBe(1)
    expect(s.inCommunity.numerator).toBe(2)
    expect(s.inCommunity.value).toBeCloseTo(2 / 3)
  })
})
