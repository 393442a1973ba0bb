import { assert, describe, it } from "@effect/vitest"
import { CreditCode, Division, GridCode, IdNumber, Scope } from "@zhili/core"
import { Either, FastCheck as fc, Schema } from "effect"

// Strings of every kind: arbitrary Unicode, and digit-heavy strings of the lengths the codes use, so that the
// deeper checks (dates, checksums, levels) run on nonsense too.
const anyString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ unit: fc.constantFrom(..."0123456789X0"), minLength: 0, maxLength: 22 }),
  // near-valid identity numbers: a real county and date, random sequence and check character
  fc
    .tuple(
      fc.constantFrom("440881", "360733", "990000"),
      fc.integer({ min: 0, max: 40_000 }),
      fc.string({ unit: fc.constantFrom(..."0123456789X"), minLength: 4, maxLength: 4 })
    )
    .map(([c, day, tail]) => c + new Date(day * 86_400_000).toISOString().slice(0, 10).replaceAll("-", "") + tail),
  fc.string({ unit: fc.constantFrom(..."0123456789ABCDEFGHJKLMNPQRTUWXYIOZSVx -"), minLength: 14, maxLength: 22 })
)

const wellFormed = (findings: ReadonlyArray<{ readonly code: string; readonly message: string }>, prefix: string) => {
  for (const f of findings) {
    assert.isTrue(f.code.startsWith(prefix), f.code)
    assert.isTrue(f.message.length > 0)
  }
}

describe("every validate and parse function is total on arbitrary strings", () => {
  it("IdNumber", () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const findings = IdNumber.validate(s, { dataset: Division.exampleDataset })
        wellFormed(findings, "id-number/")
        const errorsOf = (fs: ReadonlyArray<{ readonly severity: string; readonly code: string }>) =>
          fs.filter((f) => f.severity === "error").map((f) => f.code)
        // the fast path (no dataset) and the full path (with a dataset) agree on every error
        assert.deepStrictEqual(errorsOf(IdNumber.validate(s)), errorsOf(findings))
        const parsed = IdNumber.parse(s)
        assert.strictEqual(Either.isRight(parsed), !findings.some((f) => f.severity === "error"))
        assert.strictEqual(Either.isRight(Schema.decodeUnknownEither(IdNumber.IdNumber)(s)), Either.isRight(parsed))
        IdNumber.normalize(s)
        IdNumber.fromFirstGeneration(s)
        IdNumber.checkCharacter(s)
      }),
      { numRuns: 1000 }
    )
  })
  it("CreditCode", () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const findings = CreditCode.validate(s, { dataset: Division.exampleDataset })
        wellFormed(findings, "credit-code/")
        assert.strictEqual(Either.isRight(CreditCode.parse(s)), !findings.some((f) => f.severity === "error"))
        Schema.decodeUnknownEither(CreditCode.CreditCode)(s)
        CreditCode.checkCharacter(s)
        CreditCode.normalize(s)
        CreditCode.organisationCheckCharacter(s)
      }),
      { numRuns: 1000 }
    )
  })
  it("Division", () => {
    fc.assert(
      fc.property(anyString, anyString, (s, t) => {
        wellFormed(Division.validate(s), "division/")
        const structural = Division.validateStructure(s)
        assert.strictEqual(Division.isDivisionCode(s), structural.length === 0)
        Division.lookup(s)
        Division.fullName(s)
        Division.contains(s, t)
        if (Division.isDivisionCode(s)) {
          Division.level(s)
          Division.parents(s)
          Division.townshipKind(s)
          Division.villageKind(s)
        }
      }),
      { numRuns: 1000 }
    )
  })
  it("GridCode", () => {
    fc.assert(
      fc.property(anyString, anyString, fc.array(anyString, { maxLength: 5 }), (s, c, existing) => {
        const findings = GridCode.validate(s, { dataset: Division.exampleDataset })
        wellFormed(findings, "grid-code/")
        assert.strictEqual(Either.isRight(GridCode.parse(s)), !findings.some((f) => f.severity === "error"))
        wellFormed(GridCode.validateIn(s, c), "grid-code/")
        GridCode.next(existing, c)
        GridCode.nextCommunityGrid(existing, c, s)
        Schema.decodeUnknownEither(GridCode.UnitGridCode)(s)
        Schema.decodeUnknownEither(GridCode.CommunityGridCode)(s)
      }),
      { numRuns: 1000 }
    )
  })
  it("Scope", () => {
    fc.assert(
      fc.property(anyString, fc.array(anyString, { maxLength: 3 }), fc.anything(), (d, path, json) => {
        Scope.contains(Scope.division(Schema.decodeSync(Division.DivisionCode)("440881")), { division: d, org: path })
        Scope.pathString(path)
        Scope.likePattern(d)
        Schema.decodeUnknownEither(Scope.Scope)(json)
        Schema.decodeUnknownEither(Scope.Location)(json)
      }),
      { numRuns: 500 }
    )
  })
  it("non-string input from untyped callers gives findings, not crashes", () => {
    for (const bad of [undefined, null, 42, {}, ["440881"]] as Array<unknown>) {
      const s = bad as string
      assert.isTrue(IdNumber.validate(s).length > 0)
      assert.isTrue(CreditCode.validate(s).length > 0)
      assert.isTrue(Division.validate(s).length > 0)
      assert.isTrue(GridCode.validate(s).length > 0)
      assert.isTrue(Either.isLeft(IdNumber.parse(s)))
      assert.isTrue(Either.isLeft(CreditCode.parse(s)))
      assert.isTrue(Either.isLeft(GridCode.parse(s)))
      assert.isFalse(Division.contains(s, "440881"))
    }
  })
})
