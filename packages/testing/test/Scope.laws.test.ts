import { assert, describe, it } from "@effect/vitest"
import { Division, Scope } from "@zhili/core"
import { Arbitraries } from "@zhili/testing"
import * as fc from "fast-check"

const likeMatches = (pattern: string, value: string): boolean => {
  // a small LIKE matcher with ESCAPE '\', to check the patterns the helpers produce
  let re = ""
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? ""
    if (c === "\\") re += (pattern[++i] ?? "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    else if (c === "%") re += "[\\s\\S]*"
    else if (c === "_") re += "[\\s\\S]"
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
  }
  return new RegExp(`^${re}$`).test(value)
}

describe("Scope laws", () => {
  it("contains(intersect(a, b), x) === contains(a, x) && contains(b, x)", () => {
    fc.assert(
      fc.property(Arbitraries.scope(), Arbitraries.scope(), Arbitraries.location(), (a, b, x) => {
        assert.strictEqual(Scope.contains(Scope.intersect(a, b), x), Scope.contains(a, x) && Scope.contains(b, x))
      }),
      { numRuns: 2000 }
    )
  })
  it("contains(union(a, b), x) === contains(a, x) || contains(b, x)", () => {
    fc.assert(
      fc.property(Arbitraries.scope(), Arbitraries.scope(), Arbitraries.location(), (a, b, x) => {
        assert.strictEqual(Scope.contains(Scope.union(a, b), x), Scope.contains(a, x) || Scope.contains(b, x))
      }),
      { numRuns: 2000 }
    )
  })
  it("isSubset agrees with contains, and all/none are the units", () => {
    fc.assert(
      fc.property(Arbitraries.scope(), Arbitraries.scope(), Arbitraries.location(), (a, b, x) => {
        if (Scope.isSubset(a, b) && Scope.contains(a, x)) assert.isTrue(Scope.contains(b, x))
        assert.isTrue(Scope.isSubset(Scope.intersect(a, b), a))
        assert.isTrue(Scope.isSubset(a, Scope.union(a, b)))
        assert.isTrue(Scope.equals(Scope.intersect(a, Scope.all), a))
        assert.isTrue(Scope.equals(Scope.union(a, Scope.none), a))
      }),
      { numRuns: 1000 }
    )
  })
  it("the prefix filters select exactly what contains selects", () => {
    fc.assert(
      fc.property(Arbitraries.scope(), Arbitraries.location(), (s, x) => {
        const viaFilters = Scope.filters(s).some(
          (f) =>
            (f.division === undefined ||
              (x.division !== undefined &&
                Division.isDivisionCode(x.division) &&
                likeMatches(Scope.likePattern(f.division), x.division))) &&
            (f.org === undefined ||
              (x.org !== undefined && likeMatches(Scope.likePattern(f.org), Scope.pathString(x.org)))) &&
            (f.grid === undefined ||
              (x.grid !== undefined && likeMatches(Scope.likePattern(f.grid), Scope.pathString(x.grid))))
        )
        assert.strictEqual(viaFilters, Scope.contains(s, x))
      }),
      { numRuns: 2000 }
    )
  })
  it("LIKE patterns of a path select its subtree and nothing else, whatever the ids", () => {
    const id = fc.string({ unit: fc.constantFrom("a", "_", "%", "/", "\\", "b"), minLength: 1, maxLength: 3 })
    fc.assert(
      fc.property(
        fc.array(id, { minLength: 1, maxLength: 3 }),
        fc.array(id, { minLength: 1, maxLength: 4 }),
        (p, q) => {
          const inSubtree = p.length <= q.length && p.every((x, i) => q[i] === x)
          assert.strictEqual(likeMatches(Scope.likePattern(Scope.toPathPrefix(p)), Scope.pathString(q)), inSubtree)
        }
      ),
      { numRuns: 2000 }
    )
  })
})
