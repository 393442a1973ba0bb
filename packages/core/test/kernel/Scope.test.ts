import { assert, describe, expect, it } from "@effect/vitest"
import { Division, Scope } from "@zhili/core"
import { Either, Schema } from "effect"

const code = Schema.decodeSync(Division.DivisionCode)
const lianjiang = Scope.division(code("440881"))

describe("Scope.contains", () => {
  it("contains a division's subtree by level", () => {
    assert.isTrue(Scope.contains(lianjiang, { division: "440881002001" }))
    assert.isTrue(Scope.contains(lianjiang, { division: "440881000000" }))
    assert.isFalse(Scope.contains(lianjiang, { division: "440800" }))
    assert.isFalse(Scope.contains(lianjiang, { division: "4408810" }))
    assert.isFalse(Scope.contains(Scope.division(code("440100")), { division: "440000" }))
  })
  it("contains org and grid subtrees by id path", () => {
    const branch = Scope.org(["root", "branch"])
    assert.isTrue(Scope.contains(branch, { org: ["root", "branch"] }))
    assert.isTrue(Scope.contains(branch, { org: ["root", "branch", "group"] }))
    assert.isFalse(Scope.contains(branch, { org: ["root"] }))
    assert.isFalse(Scope.contains(branch, { org: ["root", "branch2"] }))
  })
  it("denies by default: a grid scope does not contain a record that only has a division", () => {
    const g = Scope.grid(["large-1"])
    assert.isFalse(Scope.contains(g, { division: "440881002001" }))
    assert.isFalse(Scope.contains(Scope.none, {}))
    assert.isTrue(Scope.contains(Scope.all, {}))
  })
  it("a grant with several trees needs all of them", () => {
    const s = Scope.make({ division: code("440881"), grid: ["large-1"] })
    assert.isTrue(Scope.contains(s, { division: "440881002001", grid: ["large-1", "small-3"] }))
    assert.isFalse(Scope.contains(s, { division: "440881002001" }))
    assert.isFalse(Scope.contains(s, { division: "360733", grid: ["large-1"] }))
  })
})

describe("Scope combinators", () => {
  it("intersects nested subtrees to the inner one and disjoint ones to none", () => {
    const street = Scope.division(code("440881002"))
    assert.isTrue(Scope.equals(Scope.intersect(lianjiang, street), street))
    assert.isTrue(Scope.isNone(Scope.intersect(lianjiang, Scope.division(code("360733")))))
    const both = Scope.intersect(lianjiang, Scope.grid(["g1"]))
    assert.strictEqual(Scope.format(both), "division 440881 & grid g1/")
  })
  it("union drops covered grants", () => {
    const u = Scope.union(lianjiang, Scope.division(code("440881002")), Scope.org(["o"]))
    assert.strictEqual(Scope.format(u), "division 440881 | org o/")
    assert.isTrue(Scope.isAll(Scope.union(u, Scope.all)))
    assert.strictEqual(Scope.format(Scope.none), "none")
  })
  it("subset is exact", () => {
    assert.isTrue(Scope.isSubset(Scope.division(code("440881002")), lianjiang))
    assert.isFalse(Scope.isSubset(lianjiang, Scope.division(code("440881002"))))
    assert.isTrue(Scope.isSubset(Scope.make({ division: code("440881"), org: ["o"] }), lianjiang))
  })
})

describe("Scope schema and SQL helpers", () => {
  it("decodes a scope from JSON and rejects a bad division or an empty path", () => {
    const s = Schema.decodeUnknownSync(Scope.Scope)({ grants: [{ division: "440881" }, { org: ["a", "b"] }] })
    assert.isTrue(Scope.contains(s, { org: ["a", "b", "c"] }))
    const bad = Schema.decodeUnknownEither(Scope.Scope)({ grants: [{ division: "99" }, { grid: [] }] })
    assert.isTrue(Either.isLeft(bad))
    const json = Schema.encodeSync(Scope.Scope)(s)
    assert.deepStrictEqual(json, { grants: [{ division: "440881" }, { org: ["a", "b"] }] })
  })
  it("turns paths into stable prefix strings and LIKE patterns", () => {
    assert.strictEqual(Scope.pathString(["a", "b", "c"]), "a/b/c/")
    assert.strictEqual(Scope.toPathPrefix(["a", "b"]), "a/b/")
    assert.isTrue(Scope.pathString(["a", "b", "c"]).startsWith(Scope.toPathPrefix(["a", "b"])))
    assert.isFalse(Scope.pathString(["a", "bc"]).startsWith(Scope.toPathPrefix(["a", "b"])))
    assert.strictEqual(Scope.pathString(["a/b", "50%"]), "a%2Fb/50%25/")
    assert.notStrictEqual(Scope.pathString(["a/b"]), Scope.pathString(["a", "b"]))
    assert.strictEqual(Scope.likePattern("grid_1/"), "grid\\_1/%")
    assert.strictEqual(Scope.likePattern("a%2F\\/"), "a\\%2F\\\\/%")
  })
  it("turns a scope into prefix filters", () => {
    const s = Scope.union(Scope.make({ division: code("440800"), org: ["o1"] }), Scope.grid(["g"]))
    assert.deepStrictEqual(Scope.filters(s), [{ division: "4408", org: "o1/" }, { grid: "g/" }])
    assert.deepStrictEqual(Scope.filters(Scope.all), [{}])
    assert.deepStrictEqual(Scope.filters(Scope.none), [])
    expect(Scope.format(s)).toBe("division 440800 & org o1/ | grid g/")
  })
})

describe("Scope constructors", () => {
  it("keep division codes in canonical form", () => {
    assert.strictEqual(Scope.format(Scope.division(code("440881000000"))), "division 440881")
    assert.isTrue(Scope.contains(Scope.division(code("440881000000")), { division: "440881002001" }))
  })
})
