import { assert, describe, expect, it } from "@effect/vitest"
import { Division, IdNumber, LocalDate, Privacy } from "@zhili/core"
import { Arbitrary, Either, FastCheck as fc, Option, Redacted, Schema } from "effect"

const codes = (input: string, options?: IdNumber.Options) => IdNumber.validate(input, options).map((f) => f.code)
const withCheck = (body: string) => `${body}${Option.getOrThrow(IdNumber.checkCharacter(body))}`
const validIds = fc.array(Arbitrary.make(IdNumber.IdNumber), { minLength: 1, maxLength: 1 }).map((a) => a[0] ?? "")

describe("IdNumber.validate", () => {
  it("never quotes the number in a length finding", () => {
    const findings = IdNumber.validate("44088119850615123")
    assert.deepStrictEqual(
      findings.map((f) => f.message),
      ["an identity number has 18 characters, not 17"]
    )
  })
  it("gives a 15-digit number one finding, the length, with the conversion hint", () => {
    const findings = IdNumber.validate("440881850615123")
    assert.deepStrictEqual(
      findings.map((f) => f.code),
      ["id-number/length"]
    )
    expect(findings[0]?.message).toContain("fromFirstGeneration")
    expect(findings[0]?.message).not.toContain("850615")
  })
  it("quotes no birth date or address code", () => {
    const messages = [
      ...IdNumber.validate("360426199113010079"),
      ...IdNumber.validate("360426201501010071", { asOf: LocalDate.make(2010, 1, 1) }),
      ...IdNumber.validate("360426199101010071", { dataset: Division.exampleDataset })
    ].map((f) => f.message)
    assert.isAbove(messages.length, 2)
    for (const m of messages) {
      expect(m).not.toMatch(/19911301|20150101|2015-01-01|360426/)
    }
  })
  it("no finding message contains a run of 6 characters of the input (property)", () => {
    const inputs = fc.oneof(
      fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 0, maxLength: 24 }),
      fc.string({ unit: fc.constantFrom(..."0123456789Xx- "), minLength: 14, maxLength: 20 }),
      validIds.map((id) => id.slice(0, 17) + (id[17] === "0" ? "1" : "0"))
    )
    fc.assert(
      fc.property(inputs, (input) => {
        const findings = [
          ...IdNumber.validate(input),
          ...IdNumber.validate(input, { asOf: LocalDate.make(1950, 1, 1), dataset: Division.exampleDataset })
        ]
        for (const f of findings) {
          for (let i = 0; i + 6 <= input.length; i++) {
            if (f.message.includes(input.slice(i, i + 6))) return false
          }
        }
        return true
      }),
      { numRuns: 2000 }
    )
  })
  it("accepts the public vectors (python-stdnum, STANDARDS.md)", () => {
    for (const id of ["360426199101010071", "44011320141005001X", "412723199010050012", "110102199101010078"]) {
      assert.deepStrictEqual(codes(id), [], id)
    }
  })
  it("rejects a wrong check character and names the right one", () => {
    const [f] = IdNumber.validate("36042619910102009X")
    assert.strictEqual(f?.code, "id-number/checksum")
    assert.deepStrictEqual(f?.path, ["checkCharacter"])
    expect(f?.message).toContain("give 3")
  })
  it("rejects month 13 and an unknown province", () => {
    assert.deepStrictEqual(codes("360426199113010079"), ["id-number/date"])
    assert.include(codes("990426199112010074"), "id-number/province")
  })
  it("rejects 30 February, wrong lengths and wrong characters", () => {
    assert.include(codes("440881202002300010"), "id-number/date")
    assert.deepStrictEqual(codes(""), ["id-number/length"])
    assert.deepStrictEqual(codes("4408812014100500"), ["id-number/length"])
    assert.deepStrictEqual(codes("44011320141005001x"), ["id-number/characters"])
    expect(IdNumber.validate("44011320141005001x")[0]?.message).toContain("upper case")
    assert.include(codes("4401132014A005001X"), "id-number/characters")
  })
  it("rejects a birth date after asOf only when asOf is given", () => {
    const id = withCheck("44088120250101001")
    assert.deepStrictEqual(codes(id), [])
    assert.deepStrictEqual(codes(id, { asOf: LocalDate.make(2024, 12, 31) }), ["id-number/date"])
    assert.deepStrictEqual(codes(id, { asOf: LocalDate.make(2025, 1, 1) }), [])
  })
  it("warns (softly) about a county missing from the dataset", () => {
    const findings = IdNumber.validate("360426199101010071", { dataset: Division.exampleDataset })
    assert.deepStrictEqual(
      findings.map((f) => [f.code, f.severity]),
      [["id-number/unknown-division", "warning"]]
    )
    assert.deepStrictEqual(
      codes("412723199010050012".replace(/^412723/, "440881"), { dataset: Division.exampleDataset }).length,
      1
    )
  })
  it("normalises typed input without hiding other problems", () => {
    assert.strictEqual(IdNumber.normalize(" 440113 20141005 001x "), "44011320141005001X")
  })
})

describe("IdNumber.parse", () => {
  it("reads division, birth date, sex and sequence", () => {
    const parts = Either.getOrThrow(IdNumber.parse("44011320141005001X"))
    assert.strictEqual(parts.divisionCode, "440113")
    assert.strictEqual(parts.birthDate, "2014-10-05")
    assert.strictEqual(parts.sex, "male")
    assert.strictEqual(parts.sequence, "001")
    assert.strictEqual(parts.checkCharacter, "X")
    const female = withCheck("44088119800229002")
    assert.strictEqual(Either.getOrThrow(IdNumber.parse(female)).sex, "female")
    assert.strictEqual(Either.getOrThrow(IdNumber.parse(female)).birthDate, "1980-02-29")
  })
  it("fails with a DecodeError listing every error with its path", () => {
    const r = IdNumber.parse("360426199113010078")
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) {
      assert.strictEqual(r.left._tag, "DecodeError")
      assert.deepStrictEqual(
        r.left.issues.map((i) => i.path),
        [["birthDate"], ["checkCharacter"]]
      )
      expect(r.left.message).toMatch(
        /^invalid identity number: birthDate: characters 7–14 are not a real calendar date/
      )
    }
  })
  it("keeps warnings without failing", () => {
    const parts = Either.getOrThrow(IdNumber.parse("360426199101010071", { dataset: Division.exampleDataset }))
    assert.deepStrictEqual(
      parts.warnings.map((w) => w.code),
      ["id-number/unknown-division"]
    )
  })
})

describe("IdNumber.fromFirstGeneration", () => {
  it("converts a 15-digit number to 18 digits with its check character", () => {
    assert.strictEqual(Either.getOrThrow(IdNumber.fromFirstGeneration("360426910101007")), "360426199101010071")
  })
  it("rejects anything else with a DecodeError", () => {
    for (const bad of ["36042691010100", "36042691130100a", "360426911301007"]) {
      assert.isTrue(Either.isLeft(IdNumber.fromFirstGeneration(bad)), bad)
    }
  })
})

describe("IdNumber schemas", () => {
  it("decodes a valid number and says what is wrong with an invalid one", () => {
    assert.strictEqual(Schema.decodeSync(IdNumber.IdNumber)("110102199101010078"), "110102199101010078")
    expect(() => Schema.decodeSync(IdNumber.IdNumber)("36042619910102009X")).toThrow(/first 17 digits give 3/)
  })
  it("holds the sensitive form redacted and masks it", () => {
    const id = Schema.decodeSync(IdNumber.SensitiveIdNumber)("44011320141005001X")
    assert.strictEqual(String(id), "<redacted>")
    assert.strictEqual(Privacy.maskIdNumber(id), "440113********001X")
    assert.strictEqual(Redacted.value(id), "44011320141005001X")
    assert.isTrue(Either.isLeft(Schema.decodeUnknownEither(IdNumber.SensitiveIdNumber)("440113")))
  })
})

describe("IdNumber properties", () => {
  it("a generated valid number always validates and parses back to its parts", () => {
    fc.assert(
      fc.property(validIds, (id) => {
        assert.deepStrictEqual(codes(id), [])
        const p = Either.getOrThrow(IdNumber.parse(id))
        assert.strictEqual(p.birthDate.replaceAll("-", ""), id.slice(6, 14))
        assert.strictEqual(p.sex === "male", Number(id[16]) % 2 === 1)
      })
    )
  })
  it("any single-character change is rejected; a digit change is caught by the checksum itself", () => {
    // MOD 11-2: changing digit d at position i shifts the sum by wᵢ·Δ with wᵢ ≢ 0 and 0 < |Δ| < 11, and 11 is prime,
    // so the remainder always changes; any other character is a character error.
    const replacement = fc.oneof(fc.constantFrom(..."0123456789X"), fc.string({ minLength: 1, maxLength: 1 }))
    fc.assert(
      fc.property(validIds, fc.integer({ min: 0, max: 17 }), replacement, (id, i, c) => {
        fc.pre(id[i] !== c)
        const changed = id.slice(0, i) + c + id.slice(i + 1)
        const found = codes(changed)
        assert.isTrue(found.length > 0, changed)
        if (/^\d$/.test(c) || (i === 17 && c === "X")) assert.include(found, "id-number/checksum")
      }),
      { numRuns: 500 }
    )
  })
  it("swapping two different adjacent digits among the first 17 is caught by the checksum", () => {
    fc.assert(
      fc.property(validIds, fc.integer({ min: 0, max: 15 }), (id, i) => {
        fc.pre(id[i] !== id[i + 1])
        const swapped = id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2)
        assert.include(codes(swapped), "id-number/checksum")
      })
    )
  })
})
