import { assert, describe, expect, it } from "@effect/vitest"
import { Award, Decode, Ids, Ranking, Rating } from "@zhili/core"
import { Either } from "effect"
import * as fc from "fast-check"

const u = (s: string) => Ids.OrgUnitId.make(s)
const c = (subject: string, total: number): Rating.Candidate => ({ subject: u(subject), total })
const tenant = Ids.TenantId.make("360733")

const quota = (quota: number, ties: Rating.TiePolicy, bar = 60): Rating.RatingScheme => ({
  _tag: "Quota",
  id: Ids.RatingSchemeId.make("model"),
  tenant,
  title: "模范机关",
  quota,
  bar,
  ties
})
const threshold: Rating.RatingScheme = {
  _tag: "Threshold",
  id: Ids.RatingSchemeId.make("four-strong"),
  tenant,
  title: "四强党支部",
  bar: 90
}

// a, b tie at 95 for rank 2; quota 2 puts the tie on the line
const field = [c("d", 90), c("b", 95), c("a", 95), c("top", 98), c("e", 50)]

describe("Ranking.rank", () => {
  it("uses competition ranking: 98, 95, 95, 90 rank 1, 2, 2, 4; ties listed by key", () => {
    const r = Ranking.rank(
      field,
      (x) => x.total,
      (x) => x.subject
    )
    expect(r.map((x) => [x.item.subject, x.rank, x.tied])).toEqual([
      ["top", 1, 1],
      ["a", 2, 2],
      ["b", 2, 2],
      ["d", 4, 1],
      ["e", 5, 1]
    ])
  })

  it("treats totals equal at two decimals as a tie", () => {
    const r = Ranking.rank(
      [c("x", 89.999), c("y", 90)],
      (x) => x.total,
      (x) => x.subject
    )
    expect(r.map((x) => x.rank)).toEqual([1, 1])
  })

  it("property: ranks are independent of input order, start at 1, and a rank equals 1 + the number strictly better", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 30 }), (scores) => {
        const items = scores.map((s, i) => c(`s${String(i).padStart(2, "0")}`, s))
        const r = Ranking.rank(
          items,
          (x) => x.total,
          (x) => x.subject
        )
        const rev = Ranking.rank(
          [...items].reverse(),
          (x) => x.total,
          (x) => x.subject
        )
        expect(rev).toEqual(r)
        for (const x of r) expect(x.rank).toBe(1 + items.filter((y) => y.total > x.score).length)
      })
    )
  })
})

describe("Rating.rate", () => {
  it("gives a threshold title to everyone at or above the bar, explaining the others", () => {
    const r = Rating.rate(threshold, field)
    expect(r.selected).toEqual(["top", "a", "b", "d"])
    expect(r.decisions.find((d) => d.subject === "e")?.reason).toBe("total 50.00 is below the bar of 90.00")
  })

  it("a threshold scheme with minimums rates only subjects strong in every named indicator", () => {
    const scheme: Rating.RatingScheme = {
      ...threshold,
      minimums: [
        { indicator: Ids.IndicatorId.make("political"), share: 0.8 },
        { indicator: Ids.IndicatorId.make("role"), share: 0.8 }
      ]
    }
    const score = (indicator: string, points: number) => ({
      indicator: Ids.IndicatorId.make(indicator),
      points,
      maxPoints: 25
    })
    const strong = { ...c("s", 95), scores: [score("political", 24), score("role", 21)] }
    const lopsided = { ...c("l", 95), scores: [score("political", 25), score("role", 15)] }
    const unscored = c("u", 99)
    const r = Rating.rate(scheme, [strong, lopsided, unscored])
    expect(r.selected).toEqual(["s"])
    expect(r.decisions.find((d) => d.subject === "l")?.reason).toBe(
      "total 95.00 reaches the bar of 90.00 but role earned 15.00 of 25.00, below the minimum of 80%"
    )
    expect(r.decisions.find((d) => d.subject === "u")?.reason).toContain("no score for political")
    const h = Rating.manage(scheme, [
      { period: "2023", candidates: [strong] },
      { period: "2024", candidates: [{ ...strong, scores: [score("political", 10), score("role", 25)] }] }
    ])
    expect(h.events.map((e) => e._tag)).toEqual(["Awarded", "Revoked"])
  })

  it("tie at the quota line — include all tied: 3 titles for 2 seats, with a finding", () => {
    const r = Rating.rate(quota(2, { _tag: "IncludeAllTied" }), field)
    expect(r.selected).toEqual(["top", "a", "b"])
    expect(r.findings.map((f) => f.code)).toEqual(["assessment/tie-included"])
    expect(r.findings[0]?.message).toBe(
      "2 subjects tie at rank 2 with 95.00 for 1 remaining seat: all included, 1 over quota"
    )
  })

  it("tie at the quota line — exclude all tied: 1 title for 2 seats", () => {
    const r = Rating.rate(quota(2, { _tag: "ExcludeAllTied" }), field)
    expect(r.selected).toEqual(["top"])
    expect(r.decisions.find((d) => d.subject === "a")?.selected).toBe(false)
    expect(r.findings.map((f) => f.code)).toEqual(["assessment/tie-excluded"])
  })

  it("tie at the quota line — tie-break key: the higher 双清 index wins", () => {
    const policy: Rating.TiePolicy = {
      _tag: "TieBreak",
      key: "双清指数",
      higherIsBetter: true,
      otherwise: "exclude-all"
    }
    const r = Rating.rate(quota(2, policy), field, { a: 80, b: 91 })
    expect(r.selected).toEqual(["top", "b"])
    expect(r.decisions.find((d) => d.subject === "a")?.reason).toContain("loses the tie-break on 双清指数 (80)")
    expect(r.findings).toEqual([])
  })

  it("tie-break that ties again falls back to its 'otherwise' policy; a missing value is a finding", () => {
    const policy: Rating.TiePolicy = {
      _tag: "TieBreak",
      key: "双清指数",
      higherIsBetter: true,
      otherwise: "include-all"
    }
    expect(Rating.rate(quota(2, policy), field, { a: 80, b: 80 }).selected).toEqual(["top", "a", "b"])
    const missing = Rating.rate(quota(2, policy), field, { a: 80 })
    expect(missing.selected).toEqual(["top", "a"])
    expect(missing.findings.map((f) => [f.code, f.path.join(".")])).toEqual([
      ["assessment/missing-tie-break", "tieBreak.b"]
    ])
  })

  it("never selects below the bar, even with seats left", () => {
    expect(Rating.rate(quota(10, { _tag: "IncludeAllTied" }, 91), field).selected).toEqual(["top", "a", "b"])
  })

  it("locates a scheme in its tenant's division", () => {
    expect(Rating.location(threshold)).toEqual({ division: "360733" })
  })

  it("decodes a scheme and rejects a zero quota with a path", () => {
    const r = Decode.decodeEither(Rating.RatingScheme)({ ...quota(1, { _tag: "IncludeAllTied" }), quota: 0 })
    assert.isTrue(Either.isLeft(r) && r.left.issues.some((i) => i.path.join(".") === "quota"))
  })
})

describe("Rating.manage (dynamic management)", () => {
  it("revokes a title when a later period falls below the bar, and the history shows award and revocation", () => {
    const h = Rating.manage(threshold, [
      { period: "2023", candidates: [c("a", 95), c("b", 92), c("x", 80)] },
      { period: "2024", candidates: [c("a", 96), c("b", 85), c("x", 91)] },
      { period: "2025", candidates: [c("x", 93)] }
    ])
    expect(Rating.historyOf(h, u("b")).map((e) => [e._tag, e.period, e.reason])).toEqual([
      ["Awarded", "2023", "total 92.00 reaches the bar of 90.00"],
      ["Revoked", "2024", "total 85.00 in 2024 is below the bar of 90.00"]
    ])
    expect(Rating.historyOf(h, u("a")).map((e) => `${e._tag} ${e.period}`)).toEqual([
      "Awarded 2023",
      "Retained 2024",
      "Revoked 2025"
    ])
    expect(Rating.historyOf(h, u("a")).at(-1)?.reason).toBe("not assessed in 2025")
    expect(h.holders.map((p) => [p.period, p.subjects])).toEqual([
      ["2023", ["a", "b"]],
      ["2024", ["a", "x"]],
      ["2025", ["x"]]
    ])
  })

  it("under a quota, retained holders keep their seats and only freed seats are filled", () => {
    const h = Rating.manage(quota(2, { _tag: "ExcludeAllTied" }, 80), [
      { period: "2023", candidates: [c("a", 95), c("b", 90), c("c", 85), c("d", 84)] },
      { period: "2024", candidates: [c("a", 81), c("b", 70), c("c", 99), c("d", 98)] }
    ])
    expect(h.holders.map((p) => p.subjects)).toEqual([
      ["a", "b"],
      ["a", "c"]
    ])
    expect(h.events.filter((e) => e.period === "2024").map((e) => `${e._tag} ${e.subject}`)).toEqual([
      "Retained a",
      "Revoked b",
      "Awarded c"
    ])
  })
})

describe("Award.awards (骏马奖 / 蜗牛奖)", () => {
  const ranking = [c("a", 99), c("b", 97), c("c", 97), c("d", 80), c("e", 70), c("f", 70)]

  it("gives the horse award to the top and the snail award to the bottom, ties included", () => {
    const r = Award.awards(ranking, { top: 2, bottom: 1, ties: "include-all" })
    expect(r.horse.map((x) => x.item.subject)).toEqual(["a", "b", "c"])
    expect(r.snail.map((x) => x.item.subject)).toEqual(["e", "f"])
    expect(r.findings.map((f) => f.code)).toEqual(["assessment/horse-tie", "assessment/snail-tie"])
  })

  it("excludes the tied group at either line when the policy says so", () => {
    const r = Award.awards(ranking, { top: 2, bottom: 1, ties: "exclude-all" })
    expect(r.horse.map((x) => x.item.subject)).toEqual(["a"])
    expect(r.snail).toEqual([])
  })

  it("never gives one subject both awards", () => {
    const r = Award.awards([c("a", 90), c("b", 80)], { top: 1, bottom: 2, ties: "include-all" })
    expect(r.horse.map((x) => x.item.subject)).toEqual(["a"])
    expect(r.snail.map((x) => x.item.subject)).toEqual(["b"])
    expect(r.findings.map((f) => f.code)).toEqual(["assessment/award-overlap"])
  })
})

describe("Award composite index (双清)", () => {
  it("computes the index from its components and reports a missing one", () => {
    const v = Award.compute(Award.shuangQing, {
      sources: { "tasks.completion-rate": 0.9, "responsibility.fulfilment-rate": 0.8 }
    })
    expect(v.value).toBe(85)
    expect(v.parts.map((p) => p.contribution)).toEqual([45, 40])
    const missing = Award.compute(Award.shuangQing, { sources: { "tasks.completion-rate": 1 } })
    expect(missing.value).toBe(50)
    expect(missing.findings.map((f) => f.path.join("."))).toEqual(["sources.responsibility.fulfilment-rate"])
  })

  it("rejects component weights that do not sum to 1, with the path", () => {
    const r = Decode.decodeEither(Award.CompositeIndex)({
      name: "x",
      components: [{ _tag: "Source", source: "a.b", weight: 0.4 }]
    })
    assert.isTrue(Either.isLeft(r) && r.left.issues[0]?.path.join(".") === "components")
  })
})
