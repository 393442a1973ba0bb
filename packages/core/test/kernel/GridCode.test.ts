import { assert, describe, expect, it } from "@effect/vitest"
import { Division, GridCode } from "@zhili/core"
import { Either, Schema } from "effect"

const community = "440881002001"
const found = (c: string, o?: GridCode.Options) => GridCode.validate(c, o).map((f) => `${f.severity} ${f.code}`)

describe("GridCode.parse", () => {
  it("reads a 15-digit unit grid code", () => {
    const p = Either.getOrThrow(GridCode.parse("440881002001007"))
    assert.instanceOf(p, GridCode.UnitParts)
    if (p._tag === "Unit") assert.deepStrictEqual([p.community, p.sequence], [community, 7])
  })
  it("reads a 20-digit community grid code, 00 meaning undivided", () => {
    const p = Either.getOrThrow(GridCode.parse("12345644088100200100"))
    assert.instanceOf(p, GridCode.CommunityParts)
    if (p._tag === "Community")
      assert.deepStrictEqual([p.objectCode, p.community, p.grid, p.undivided], ["123456", community, 0, true])
  })
  it("fails with a DecodeError naming the problem", () => {
    const r = GridCode.parse("44088100200100")
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) expect(r.left.message).toMatch(/^invalid grid code: a grid code has 15 digits/)
    expect(() => Schema.decodeSync(GridCode.UnitGridCode)("12345644088100200100")).toThrow(/15 digits/)
  })
})

describe("GridCode.validate", () => {
  it("rejects wrong length, characters, a grid hung on a street and sequence 000", () => {
    assert.deepStrictEqual(found("4408810020010"), ["error grid-code/length"])
    assert.deepStrictEqual(found("44088100200100a"), ["error grid-code/characters"])
    assert.deepStrictEqual(found("440881002000001"), ["error grid-code/community"])
    assert.deepStrictEqual(found("440881002001000"), ["error grid-code/sequence"])
    assert.deepStrictEqual(found("990881002001001"), ["error grid-code/community"])
    assert.deepStrictEqual(
      GridCode.validate("440881002001000").map((f) => f.path),
      [["sequence"]]
    )
  })
  it("warns about a community missing from a dataset", () => {
    assert.deepStrictEqual(found("440881002001001", { dataset: Division.exampleDataset }), [])
    assert.deepStrictEqual(found("440881002002001", { dataset: Division.exampleDataset }), [
      "warning grid-code/unknown-community"
    ])
  })
  it("checks a code against the community it should sit in", () => {
    assert.deepStrictEqual(GridCode.validateIn("440881002001001", community), [])
    assert.deepStrictEqual(GridCode.validateIn("00000144088100200103", community), [])
    assert.deepStrictEqual(
      GridCode.validateIn("440881002002001", community).map((f) => f.code),
      ["grid-code/community-mismatch"]
    )
    assert.deepStrictEqual(
      GridCode.validateIn("440881002001001", "440881002").map((f) => [f.code, f.path]),
      [["grid-code/community", ["communityCode"]]]
    )
  })
})

describe("GridCode.next", () => {
  it("numbers after the highest code in use, ignoring other communities and junk", () => {
    const existing = ["440881002001001", "440881002001003", "440881002002009", "junk", "440881002001"]
    assert.strictEqual(Either.getOrThrow(GridCode.next(existing, community)), "440881002001004")
    assert.strictEqual(Either.getOrThrow(GridCode.next([], community)), "440881002001001")
    assert.strictEqual(Either.getOrThrow(GridCode.next(existing, community, { fillGaps: true })), "440881002001002")
  })
  it("fails with SequenceExhausted when no number is left", () => {
    const full = Array.from({ length: 999 }, (_, i) => `${community}${String(i + 1).padStart(3, "0")}`)
    const r = GridCode.next(full, community, { fillGaps: true })
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) {
      assert.instanceOf(r.left, GridCode.SequenceExhausted)
      expect(r.left.message).toBe("community 440881002001: no free unit grid number left (all 999 are taken)")
    }
    assert.isTrue(Either.isLeft(GridCode.next([`${community}999`], community)))
  })
  it("rejects a community that is not a village-level code", () => {
    const r = GridCode.next([], "440881002")
    assert.isTrue(Either.isLeft(r) && r.left._tag === "InvalidInput" && r.left.code === "grid-code/community")
  })
  it("numbers community grids from 01, never handing out 00", () => {
    const existing = ["12345644088100200100", "12345644088100200101"]
    assert.strictEqual(
      Either.getOrThrow(GridCode.nextCommunityGrid(existing, community, "123456")),
      "12345644088100200102"
    )
    const r = GridCode.nextCommunityGrid([`123456${community}99`], community, "123456")
    assert.isTrue(Either.isLeft(r) && r.left._tag === "SequenceExhausted")
    assert.isTrue(Either.isLeft(GridCode.nextCommunityGrid([], community, "12a456")))
  })
})
