import { assert, describe, expect, it } from "@effect/vitest"
import { Decode, Eligibility, LocalDate, Service } from "@zhili/core"
import { ServiceFixtures } from "@zhili/testing"
import { Either, Schema } from "effect"

const d = (s: string) => Schema.decodeSync(LocalDate.LocalDate)(s)

const reasons = (r: Eligibility.Result) => (r._tag === "Eligible" ? [] : r.reasons)

describe("Eligibility", () => {
  const class0to12 = ServiceFixtures.afterSchoolEligibility

  it("takes a child of 12 up to the day before the 13th birthday, and names the birthday after", () => {
    const child = { birthDate: d("2012-11-15") }
    assert.isTrue(Eligibility.isEligible(class0to12, child, d("2025-11-14")))
    const r = Eligibility.check(class0to12, child, d("2025-11-15"))
    assert.strictEqual(r._tag, "NotEligible")
    const [first] = reasons(r)
    expect(first?.code).toBe("eligibility/too-old")
    expect(first?.message).toBe("aged 13 on 2025-11-15; must be 12 or younger (turned 13 on 2025-11-15)")
  })

  it("splits a term when a child turns 13 in the middle of it", () => {
    const term = Eligibility.overTerm(class0to12, { birthDate: d("2012-11-15") }, d("2025-09-01"), d("2026-01-16"))
    expect(term.map((s) => [s.from, s.to, s.result._tag])).toEqual([
      ["2025-09-01", "2025-11-14", "Eligible"],
      ["2025-11-15", "2026-01-16", "NotEligible"]
    ])
  })

  it("reads decimal ages: 1.5 years is between the first and second birthdays", () => {
    const from18Months = Eligibility.ageRange({ min: 1.5, max: 3, upper: "below" })
    const child = { birthDate: d("2024-01-01") }
    assert.isFalse(Eligibility.isEligible(from18Months, child, d("2025-06-30")))
    assert.isTrue(Eligibility.isEligible(from18Months, child, d("2025-07-03")))
    const r = Eligibility.check(from18Months, child, d("2025-03-01"))
    expect(reasons(r)[0]?.message).toMatch(/^aged 1\.16 on 2025-03-01; must be at least 1\.5 \(from 2025-07-03\)$/)
    assert.isFalse(Eligibility.isEligible(from18Months, child, d("2027-01-01")))
  })

  it("checks the childcare service: ages 1–3 in completed years and living in the compound", () => {
    const svc = ServiceFixtures.childcare
    const home = ServiceFixtures.compound
    expect(Service.checkEligibility(svc, { birthDate: d("2024-03-01"), home }, d("2025-09-01"))._tag).toBe("Eligible")
    expect(Service.checkEligibility(svc, { birthDate: d("2022-03-01"), home }, d("2025-09-01"))._tag).toBe("Eligible")
    expect(Service.checkEligibility(svc, { birthDate: d("2021-09-01"), home }, d("2025-09-01"))._tag).toBe(
      "NotEligible"
    )
    const outside = Service.checkEligibility(
      svc,
      { birthDate: d("2025-03-01"), home: { division: "440881003001" } },
      d("2025-09-01")
    )
    expect(reasons(outside).map((f) => [f.code, f.path])).toEqual([
      ["eligibility/too-young", ["of", 0]],
      ["eligibility/outside-area", ["of", 1]]
    ])
    expect(reasons(outside)[1]?.message).toBe("lives in division 440881003001; must be living in 锦绣华景小区")
  })

  it("combines tags with and / or / not and explains every failing branch", () => {
    const p = Eligibility.all(
      Eligibility.any(Eligibility.hasTag("elderly"), Eligibility.hasTag("disabled")),
      Eligibility.not(Eligibility.hasTag("in-care-home"))
    )
    expect(Eligibility.describe(p)).toBe('(tagged "elderly" or tagged "disabled") and not tagged "in-care-home"')
    assert.isTrue(Eligibility.isEligible(p, { tags: ["disabled"] }, d("2025-01-01")))
    const r = reasons(Eligibility.check(p, { tags: ["in-care-home"] }, d("2025-01-01")))
    expect(r.map((f) => f.code)).toEqual([
      "eligibility/no-alternative-holds",
      "eligibility/missing-tag",
      "eligibility/missing-tag",
      "eligibility/excluded"
    ])
    expect(r[3]?.message).toBe('must not be tagged "in-care-home"')
  })

  it("gives a reason, not an exception, when the birth date is unknown", () => {
    const r = reasons(Eligibility.check(class0to12, {}, d("2025-01-01")))
    expect(r[0]?.code).toBe("eligibility/unknown-age")
  })

  it("decodes predicates from configuration and rejects bad ones with paths", () => {
    const ok = Decode.decodeEither(Eligibility.Predicate)({ _tag: "Any", of: [{ _tag: "HasTag", tag: "elderly" }] })
    assert.isTrue(Either.isRight(ok))
    const bad = Decode.decodeEither(
      Eligibility.Predicate,
      "eligibility"
    )({
      _tag: "All",
      of: [{ _tag: "AgeRange", min: 1, max: 2.5 }]
    })
    assert.isTrue(Either.isLeft(bad))
    if (Either.isLeft(bad)) {
      expect(bad.left.issues.some((i) => i.path.join(".") === "of.0" && /whole years/.test(i.message))).toBe(true)
    }
    const inverted = Decode.decodeEither(Eligibility.Predicate)({ _tag: "AgeRange", min: 5, max: 3 })
    assert.isTrue(Either.isLeft(inverted))
  })

  it("exports the ages HSDS can hold", () => {
    expect(Eligibility.toHsds(class0to12)).toEqual({
      minimumAge: 0,
      maximumAge: 12,
      description: "aged 0 to 12 (completed years)"
    })
  })
})
