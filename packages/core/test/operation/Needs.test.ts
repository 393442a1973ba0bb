import { assert, describe, expect, it } from "@effect/vitest"
import { Ids, LocalDate, Money, Needs } from "@zhili/core"
import { OperationFixtures } from "@zhili/testing"
import { Schema } from "effect"

const tenant = Schema.decodeSync(Ids.TenantId)(OperationFixtures.tenant)

describe("Needs list (一社一策)", () => {
  it("merges a community's items by kind and ranks them, ties sharing a rank", () => {
    const list = Needs.needsList(OperationFixtures.needs, tenant)
    expect(list.map((e) => [e.rank, e.category, e.kind, e.mentions])).toEqual([
      [1, "elderly-care", "助餐", 210],
      [2, "medical-care", "上门问诊", 110],
      [3, "elderly-care", "日间照料", 95],
      [4, "dining-leisure", "广场舞场地", 75],
      [5, "wellness", "康复理疗", 60],
      [5, "dining-leisure", "棋牌室", 60],
      [7, "employment", "灵活就业信息", 40]
    ])
    expect(list[0]?.items).toEqual(["n1", "n7"])
    expect(Needs.needsList(OperationFixtures.needs, Schema.decodeSync(Ids.TenantId)("440881002001"))).toEqual([])
  })

  it("totals the five categories of the seed in their order", () => {
    expect(Needs.byCategory(OperationFixtures.needs, tenant).map((c) => [c.category, c.kinds, c.mentions])).toEqual([
      ["elderly-care", 2, 305],
      ["wellness", 1, 60],
      ["dining-leisure", 2, 135],
      ["medical-care", 1, 110],
      ["employment", 1, 40]
    ])
  })
})

describe("The 一老一小 rule", () => {
  it("recommends dining, care and health services to an ageing community", () => {
    const a = Needs.recommend(OperationFixtures.ageingCommunity)
    expect([a.ageing, a.young]).toEqual([true, false])
    expect(a.recommendations.map((r) => r.service)).toEqual(["dining", "elderly-care", "health", "culture-sport"])
    expect(a.recommendations[0]?.because).toBe("26 % of residents are 60 or older (threshold 20 %)")
  })

  it("recommends childcare and after-school care to a young community", () => {
    const a = Needs.recommend(OperationFixtures.youngCommunity)
    expect(a.recommendations.map((r) => r.service)).toEqual(["childcare", "after-school", "arts-training"])
  })

  it("takes thresholds from a host policy; a community can be both; at the threshold counts", () => {
    const policy = new Needs.RecommendationPolicy({ ...Needs.defaultPolicy, ageingShare: 0.25, youngShare: 0.09 })
    const a = Needs.recommend(OperationFixtures.ageingCommunity, policy)
    expect([a.ageing, a.young]).toEqual([true, true])
    assert.isFalse(Needs.recommend({ residents: 100, elderly: 24, children: 0 }, policy).ageing)
  })

  it("counts demographics from birth dates with the policy's ages", () => {
    const d = (s: string) => Schema.decodeSync(LocalDate.LocalDate)(s)
    const births = ["1950-01-01", "1965-06-30", "1965-07-01", "2013-06-30", "2013-07-01", "1990-01-01"].map(d)
    expect(Needs.demographicsOf(births, d("2025-06-30"))).toEqual({ residents: 6, elderly: 2, children: 1 })
  })

  it("reports impossible demographics as findings with paths and recommends nothing", () => {
    const a = Needs.recommend({ residents: 10, elderly: 8, children: 5 })
    expect(a.findings.map((f) => [f.code, f.path])).toEqual([["needs/inconsistent-demographics", ["residents"]]])
    expect(a.recommendations).toEqual([])
    expect(Needs.recommend({ residents: 10.5, elderly: -1, children: 0 }).findings.map((f) => f.path)).toEqual([
      ["residents"],
      ["elderly"]
    ])
  })
})

describe("Money", () => {
  it("formats fen as yuan and shares in basis points without floats", () => {
    expect(Money.format(Money.fen(123_456))).toBe("¥1,234.56")
    expect(Money.format(Money.fen(-5))).toBe("-¥0.05")
    expect(Money.share(Money.fen(999), 3333)).toBe(332)
    expect(Money.share(Money.fen(-999), 3333)).toBe(-333)
    expect(() => Money.fen(1.5)).toThrow(RangeError)
  })
})
