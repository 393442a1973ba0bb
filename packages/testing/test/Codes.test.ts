import { assert, describe, it } from "@effect/vitest"
import { CreditCode, Division, GridCode, IdNumber, LocalDate } from "@zhili/core"
import { Arbitraries } from "@zhili/testing"
import { Either } from "effect"
import * as fc from "fast-check"

describe("code arbitraries generate only valid codes", () => {
  it("identity numbers validate with no finding and honour sex and birth range", () => {
    const min = LocalDate.make(2012, 1, 1)
    const max = LocalDate.make(2013, 12, 31)
    fc.assert(
      fc.property(Arbitraries.idNumber({ sex: "female", minBirthDate: min, maxBirthDate: max }), (id) => {
        assert.deepStrictEqual(IdNumber.validate(id, { asOf: LocalDate.make(2025, 1, 1) }), [])
        const p = Either.getOrThrow(IdNumber.parse(id))
        assert.strictEqual(p.sex, "female")
        assert.isTrue(LocalDate.isBetween(p.birthDate, min, max))
      })
    )
  })
  it("credit codes have both check characters right", () => {
    fc.assert(
      fc.property(Arbitraries.creditCode(), (code) => {
        const p = Either.getOrThrow(CreditCode.parse(code))
        assert.isTrue(p.checksumValid && p.organisationChecksumValid)
        assert.deepStrictEqual(p.findings, [])
      })
    )
  })
  it("division codes have the levels asked for", () => {
    fc.assert(
      fc.property(Arbitraries.divisionCode({ levels: ["township"], province: "44" }), (code) => {
        assert.strictEqual(Division.level(code), "township")
        assert.isTrue(Division.contains("440000", code))
      })
    )
  })
  it("grid codes sit in their community", () => {
    fc.assert(
      fc.property(Arbitraries.communityCode(), fc.boolean(), (community, unit) => {
        const arb: fc.Arbitrary<string> = unit
          ? Arbitraries.unitGridCode(community)
          : Arbitraries.communityGridCode(community)
        const [code] = fc.sample(arb, 1)
        assert.deepStrictEqual(GridCode.validateIn(code ?? "", community), [])
      })
    )
  })
})
