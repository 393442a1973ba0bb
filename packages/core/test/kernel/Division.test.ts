import { assert, describe, expect, it } from "@effect/vitest"
import { Division } from "@zhili/core"
import { Arbitrary, Either, FastCheck as fc, Option, Schema } from "effect"

const code = Schema.decodeSync(Division.DivisionCode)
const found = (c: string, d?: Division.Dataset) => Division.validate(c, d).map((f) => `${f.severity} ${f.code}`)

describe("Division levels and kinds", () => {
  it("reads the level of each form", () => {
    assert.deepStrictEqual(
      ["440000", "440800", "440881", "440881002", "440881002001", "440881000000", "440881002000", "110101"].map((c) =>
        Division.level(code(c))
      ),
      ["province", "prefecture", "county", "township", "village", "county", "township", "county"]
    )
  })
  it("gives the parent chain from the province down", () => {
    assert.deepStrictEqual(
      Division.parents(code("440881002001")),
      ["440000", "440800", "440881", "440881002"].map((c) => code(c))
    )
    assert.deepStrictEqual(Division.parents(code("440000")), [])
    assert.deepStrictEqual(Division.parent(code("440881002")), Option.some(code("440881")))
  })
  it("reads the township and village kinds (STANDARDS.md ranges)", () => {
    assert.deepStrictEqual(
      ["440881002", "360733100", "360733200", "360733400", "440881"].map((c) => Division.townshipKind(code(c))),
      ["street", "town", "township", "other", undefined]
    )
    assert.deepStrictEqual(
      ["440881002001", "440881002199", "440881002200", "440881002400", "440881002"].map((c) =>
        Division.villageKind(code(c))
      ),
      ["residents-committee", "residents-committee", "villagers-committee", "other", undefined]
    )
  })
  it("converts between the canonical and 12-digit forms", () => {
    assert.strictEqual(Division.toStatistical(code("440881")), "440881000000")
    assert.strictEqual(Division.canonical(code("440881002000")), "440881002")
    assert.strictEqual(Division.prefix(code("440800")), "4408")
  })
  it("contains by level, not by naive string prefix", () => {
    assert.isTrue(Division.contains("440881", "440881002001"))
    assert.isTrue(Division.contains("440000", "440881"))
    assert.isTrue(Division.contains("440881", "440881000000"))
    assert.isFalse(Division.contains("440100", "440000"))
    assert.isFalse(Division.contains("440881002", "440881"))
    assert.isFalse(Division.contains("440881", "garbage"))
  })
})

describe("Division.validate", () => {
  it("accepts the example codes and marks placeholders", () => {
    assert.deepStrictEqual(found("440881002"), [])
    assert.deepStrictEqual(found("370303"), [])
    assert.deepStrictEqual(found("440881002001"), ["info division/placeholder"])
  })
  it("reports malformed codes as errors and unknown ones as warnings", () => {
    assert.deepStrictEqual(found("44088"), ["error division/length"])
    assert.deepStrictEqual(found("44088a"), ["error division/characters"])
    assert.deepStrictEqual(found("990000"), ["error division/province"])
    assert.deepStrictEqual(found("440081"), ["error division/structure"])
    assert.deepStrictEqual(found("440881000001"), ["error division/structure"])
    assert.deepStrictEqual(found("440103"), ["warning division/unknown"])
  })
  it("looks codes up in any form and in a host dataset decoded from JSON", () => {
    assert.strictEqual(Option.getOrThrow(Division.lookup("440881000000")).name, "廉江市")
    assert.strictEqual(Option.getOrThrow(Division.fullName("440881002")), "广东省湛江市廉江市城南街道")
    const host = Schema.decodeUnknownSync(Division.Dataset)({
      asOf: "2025-01-01",
      source: "host",
      entries: [{ code: "440103", name: "荔湾区" }]
    })
    assert.deepStrictEqual(found("440103", host), [])
    assert.deepStrictEqual(found("440881", host), ["warning division/unknown"])
    const bad = Schema.decodeUnknownEither(Division.Dataset)({ asOf: "2025-02-30", source: "x", entries: [] })
    assert.isTrue(Either.isLeft(bad))
  })
  it("the schema says what is wrong", () => {
    expect(() => code("4408810")).toThrow(/6, 9 or 12 digits/)
  })
  it("every entry of the example dataset is structurally valid and its parents are in it", () => {
    for (const e of Division.exampleDataset.entries) {
      for (const p of Division.parents(e.code)) assert.isTrue(Option.isSome(Division.lookup(p)), `${e.code} → ${p}`)
    }
  })
})

describe("Division properties", () => {
  it("every generated code is contained by each of its parents and has them as the chain of levels", () => {
    fc.assert(
      fc.property(Arbitrary.make(Division.DivisionCode), (c) => {
        assert.deepStrictEqual(Division.validateStructure(c), [])
        const chain = Division.parents(c)
        for (const p of chain) assert.isTrue(Division.contains(p, c))
        assert.strictEqual(
          chain.length,
          ["province", "prefecture", "county", "township", "village"].indexOf(Division.level(c))
        )
        assert.isTrue(Division.contains(c, Division.toStatistical(c)))
      })
    )
  })
})
