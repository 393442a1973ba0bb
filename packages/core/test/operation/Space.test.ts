import { assert, describe, expect, it } from "@effect/vitest"
import { Activity, Decode, FacilityStandard, LocalDate, Money, Operator, Space } from "@zhili/core"
import { OperationFixtures } from "@zhili/testing"
import { Either, Schema } from "effect"

const d = (s: string) => Schema.decodeSync(LocalDate.LocalDate)(s)

describe("FacilityStandard", () => {
  const std = FacilityStandard.exampleStandard
  it("ships an example standard of 7 aspects and 41 functions that passes its own checks", () => {
    expect(std.aspects).toHaveLength(7)
    expect(FacilityStandard.functions(std)).toHaveLength(41)
    expect(FacilityStandard.validate(std)).toEqual([])
    expect(std.name).toMatch(/EXAMPLE/)
  })

  it("reports the missing required function, the share of recommended present and a score", () => {
    const c = Space.compliance(OperationFixtures.serviceComplex, std)
    expect(c.missingRequired.map((f) => f.code)).toEqual(["governance.mediation-room"])
    expect([c.requiredPresent, c.requiredTotal, c.recommendedPresent, c.recommendedTotal]).toEqual([24, 25, 8, 16])
    expect(c.recommendedShare).toBe(0.5)
    expect(c.score).toBe(Math.round((70 * (24 / 25) + 30 * 0.5) * 10) / 10)
    expect(c.compliant).toBe(false)
    expect(c.findings.map((f) => [f.code, f.path])).toEqual([
      ["facility/missing-required", ["functions", "governance.mediation-room"]]
    ])
  })

  it("scores a full space 100 and an empty one 0, and accepts another weighting", () => {
    const everything = FacilityStandard.functions(std).map((f) => f.code)
    expect(FacilityStandard.compliance(std, everything).score).toBe(100)
    expect(FacilityStandard.compliance(std, []).score).toBe(0)
    const onlyRequired = FacilityStandard.functions(std)
      .filter((f) => f.level === "required")
      .map((f) => f.code)
    const policy = new FacilityStandard.ScoringPolicy({ requiredWeight: 0.5 })
    expect(FacilityStandard.compliance(std, onlyRequired, policy).score).toBe(50)
  })

  it("warns about function codes the standard does not know", () => {
    const c = FacilityStandard.compliance(std, ["party.activity-room", "karaoke"])
    expect(c.findings.filter((f) => f.severity === "warning").map((f) => f.path)).toEqual([["functions", 1]])
  })

  it("finds duplicate codes in a host's standard", () => {
    const host = Schema.decodeUnknownSync(FacilityStandard.FacilityStandard)({
      id: "host",
      name: "host standard",
      aspects: [
        { code: "a", name: "A", functions: [{ code: "x", name: "X", level: "required" }] },
        { code: "a", name: "A2", functions: [{ code: "x", name: "X2", level: "recommended" }] }
      ]
    })
    expect(FacilityStandard.validate(host).map((f) => [f.code, f.path])).toEqual([
      ["facility/duplicate-aspect", ["aspects", 1, "code"]],
      ["facility/duplicate-function", ["aspects", 1, "functions", 0, "code"]],
      ["facility/aspect-without-required", ["aspects", 1]]
    ])
  })
})

describe("Space", () => {
  it("inventories spaces: area, ownership, operated", () => {
    expect(Space.inventory([OperationFixtures.serviceComplex])).toEqual({
      spaces: 1,
      areaSquareMetres: 620,
      byOwnership: { "community-owned": 1 },
      operated: 1
    })
    expect(Space.location(OperationFixtures.serviceComplex)).toEqual({ division: "370303001001" })
  })

  it("rejects a space with no area and an unknown ownership, with paths", () => {
    const r = Decode.decodeEither(Space.Space)({
      ...Schema.encodeSync(Space.Space)(OperationFixtures.serviceComplex),
      areaSquareMetres: 0,
      ownership: "borrowed"
    })
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r))
      expect([...new Set(r.left.issues.map((i) => i.path.join(".")))]).toEqual(["areaSquareMetres", "ownership"])
  })
})

describe("Operator and OperatingAgreement", () => {
  const { agreement, operator } = OperationFixtures
  it("holds a unified social credit code and rejects a malformed one with its path", () => {
    expect(operator.creditCode).toBe("91370303MA3C5Q7D2K")
    expect(Operator.creditCodeFindings(operator).filter((f) => f.severity === "error")).toEqual([])
    const pilot = new Operator.Operator({
      ...operator,
      creditCode: Schema.decodeSync(Operator.CreditCode)("91370303MA3C5Q7D2A"),
      creditCodeChecksum: "warning"
    })
    expect(Operator.creditCodeFindings(pilot).map((f) => [f.code, f.severity, f.path.join(".")])).toEqual([
      ["credit-code/checksum", "warning", "creditCode.checkCharacter"]
    ])
    const r = Decode.decodeEither(Operator.Operator)({
      ...Schema.encodeSync(Operator.Operator)(operator),
      creditCode: "91370303MA3C5Q7D2I"
    })
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) expect(r.left.issues[0]?.path).toEqual(["creditCode"])
  })

  it("refuses an operator whose credit code fails its check character unless the host accepts it as a warning", () => {
    const wrong = Decode.decodeEither(Operator.Operator)({
      ...Schema.encodeSync(Operator.Operator)(operator),
      creditCode: "91370303MA3C5Q7D2A"
    })
    assert.isTrue(Either.isLeft(wrong))
    if (Either.isLeft(wrong)) {
      expect(wrong.left.issues.map((i) => [i.path.join("."), i.message])).toEqual([
        [
          "creditCode",
          'check character (position 18) is A but the first 17 characters give K; an early pilot code is accepted only with creditCodeChecksum: "warning"'
        ]
      ])
    }
    const accepted = Decode.decodeEither(Operator.Operator)({
      ...Schema.encodeSync(Operator.Operator)(operator),
      creditCode: "91370303MA3C5Q7D2A",
      creditCodeChecksum: "warning"
    })
    assert.isTrue(Either.isRight(accepted))
    if (Either.isRight(accepted)) expect(accepted.right.creditCode).toBe("91370303MA3C5Q7D2A")
  })

  it("computes the revenue share owed in whole fen, rounding down", () => {
    expect(Operator.revenueShareDue(agreement, Money.fen(32_500_005))).toBe(3_250_000)
    expect(Money.format(Operator.revenueShareDue(agreement, Money.yuan(325_000)))).toBe("¥32,500.00")
  })

  it("knows its term and finds overlapping agreements for one space", () => {
    assert.isTrue(Operator.isInForce(agreement, d("2025-01-01")))
    assert.isFalse(Operator.isInForce(agreement, d("2027-07-01")))
    const next = new Operator.OperatingAgreement({
      ...agreement,
      id: agreement.id.replace("2024", "2027") as typeof agreement.id,
      from: d("2027-06-01"),
      to: d("2030-05-31")
    })
    expect(Operator.overlaps([agreement, next]).map((f) => f.code)).toEqual(["operation/overlapping-agreements"])
    expect(Operator.overlaps([agreement, new Operator.OperatingAgreement({ ...next, from: d("2027-07-01") })])).toEqual(
      []
    )
  })

  it("reports a month in which the public-benefit sessions owed were not held", () => {
    const session = (day: string) =>
      Schema.decodeUnknownSync(Activity.Activity)({
        tenant: "370303001001",
        id: `pc-${day}`,
        service: "svc-chengnan-public-class",
        space: "space-chengnan-complex",
        start: `${day}T01:00:00Z`,
        end: `${day}T03:00:00Z`,
        participants: { _tag: "Headcount", count: 20 }
      })
    const held = ["2025-03-03", "2025-03-10", "2025-03-17", "2025-04-07", "2025-04-14", "2025-04-21", "2025-04-28"].map(
      session
    )
    const march = Operator.obligationShortfalls(agreement, held, d("2025-03-15"))
    expect(march.map((f) => [f.code, f.path, f.message])).toEqual([
      [
        "operation/obligation-shortfall",
        ["obligations", 0],
        "公益课堂 public-benefit class: 3 of 4 sessions held in 2025-03 under agreement agr-chengnan-2024"
      ]
    ])
    expect(Operator.obligationShortfalls(agreement, held, d("2025-04-01"))).toEqual([])
    expect(Operator.obligationShortfalls(agreement, [], d("2028-01-01"))).toEqual([])
  })

  it("rejects a term that ends before it starts and a share above 100 %", () => {
    const r = Decode.decodeEither(Operator.OperatingAgreement)({
      ...Schema.encodeSync(Operator.OperatingAgreement)(agreement),
      to: "2024-01-01",
      revenueShareBasisPoints: 12_000
    })
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) expect(r.left.issues.map((i) => i.path)).toEqual([["revenueShareBasisPoints"]])
  })
})
