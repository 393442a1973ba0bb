import { assert, describe, expect, it } from "@effect/vitest"
import { CreditCode, Division } from "@zhili/core"
import { Arbitrary, Either, FastCheck as fc, Schema } from "effect"

const found = (input: string, options?: CreditCode.Options) =>
  CreditCode.validate(input, options).map((f) => `${f.severity} ${f.code}`)

describe("CreditCode.validate", () => {
  it("accepts the public vectors (STANDARDS.md)", () => {
    for (const code of ["91110000600037341L", "121200004013590816", "91310115MA1K3BTP2B"]) {
      assert.deepStrictEqual(found(code), [], code)
    }
  })
  it("reports a wrong check character as a warning by default, an error on request", () => {
    assert.deepStrictEqual(found("91110000600037341N"), ["warning credit-code/checksum"])
    assert.deepStrictEqual(found("91110000600037341N", { checksumSeverity: "error" }), ["error credit-code/checksum"])
    expect(CreditCode.validate("91110000600037341N")[0]?.message).toContain("give L")
  })
  it("lets a pilot code through with a checksum warning, not an exception", () => {
    assert.deepStrictEqual(found("91350100M0001TGQXM"), ["warning credit-code/checksum"])
    assert.strictEqual(Schema.decodeSync(CreditCode.CreditCode)("91350100M0001TGQXM"), "91350100M0001TGQXM")
    const parts = Either.getOrThrow(CreditCode.parse("91350100M0001TGQXM"))
    assert.isFalse(parts.checksumValid)
    assert.isTrue(parts.organisationChecksumValid)
  })
  it("checks the embedded GB 11714 organisation code at position 17", () => {
    // change position 17 and recompute position 18 so only the organisation check fails
    const body = "9111000060003734" + "2"
    const code = body + CreditCode.checkCharacter(body).pipe((o) => (o._tag === "Some" ? o.value : "?"))
    assert.deepStrictEqual(found(code), ["warning credit-code/organisation-checksum"])
  })
  it("rejects wrong lengths, letters outside the alphabet and a malformed division", () => {
    assert.deepStrictEqual(found("9111000060003734"), ["error credit-code/length"])
    assert.deepStrictEqual(found("91110000600037341I"), ["error credit-code/characters"])
    assert.deepStrictEqual(found("91110000600O37341L"), ["error credit-code/characters"])
    assert.include(found("91990000600037341L"), "error credit-code/division")
    assert.deepStrictEqual(
      CreditCode.validate("91990000600037341L").find((f) => f.code === "credit-code/division")?.path,
      ["divisionCode"]
    )
  })
  it("accepts the national division 100000 and notes unknown authorities", () => {
    const body = "12100000400010398"
    const code = body + Either.getOrThrow(Either.fromOption(CreditCode.checkCharacter(body), () => "x"))
    assert.notInclude(found(code).join(), "credit-code/division")
    assert.include(found("31110000600037341L"), "info credit-code/unknown-authority")
  })
  it("warns about a division missing from a dataset", () => {
    assert.include(
      found("91110000600037341L", { dataset: Division.exampleDataset }),
      "warning credit-code/unknown-division"
    )
  })
})

describe("CreditCode.normalize", () => {
  it("tidies typed input", () => {
    assert.strictEqual(CreditCode.normalize(" 91310115-ma1k3btp2b "), "91310115MA1K3BTP2B")
  })
})

describe("CreditCode.parse", () => {
  it("decodes authority, type, division and organisation code", () => {
    const p = Either.getOrThrow(CreditCode.parse("91310115MA1K3BTP2B"))
    assert.deepStrictEqual(
      [p.authority, p.authorityName, p.type, p.typeName, p.divisionCode, p.organisationCode, p.checkCharacter],
      ["9", "市场监管", "1", "企业", "310115", "MA1K3BTP2", "B"]
    )
    const q = Either.getOrThrow(CreditCode.parse("121200004013590816"))
    assert.deepStrictEqual([q.authorityName, q.typeName], ["机构编制", "事业单位"])
  })
  it("fails with a DecodeError for structural errors", () => {
    const r = CreditCode.parse("91110000600037341")
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) expect(r.left.message).toMatch(/^invalid credit code: a credit code has 18 characters/)
    expect(() => Schema.decodeSync(CreditCode.CreditCode)("91110000600037341I")).toThrow(/I, O, Z, S, V/)
  })
})

describe("CreditCode properties", () => {
  it("generated codes validate cleanly and any single substitution within the alphabet is caught", () => {
    fc.assert(
      fc.property(
        Arbitrary.make(CreditCode.CreditCode),
        fc.integer({ min: 0, max: 17 }),
        fc.constantFrom(...CreditCode.alphabet),
        (code, i, c) => {
          assert.deepStrictEqual(found(code), [])
          fc.pre(code[i] !== c)
          const changed = code.slice(0, i) + c + code.slice(i + 1)
          // weights 3^k mod 31 are never 0 and 31 is prime: position 18 always catches it (or the division breaks)
          const f = found(changed)
          assert.isTrue(f.includes("warning credit-code/checksum") || f.includes("error credit-code/division"), changed)
        }
      ),
      { numRuns: 300 }
    )
  })
})
