/**
 * Hostile input against every public decoder and every untrusted-input entry point of @zhili/core, enumerated from
 * the package's exports so that new ones are covered without touching this file. Inputs: random JSON and arbitrary
 * values, wrong types, huge strings, odd Unicode (lone surrogates, RTL marks, NUL, combining marks), NaN and
 * infinities, far-future and invalid dates. Only typed errors (Either.left / failures), findings or plain answers may
 * come back: never an uncaught exception. Sizes are bounded so a hang shows up as a test timeout, not as a timed
 * assertion.
 */
import { describe, expect, it } from "@effect/vitest"
import * as Core from "@zhili/core"
import { City } from "@zhili/testing"
import { Either, Option, Schema } from "effect"
import * as fc from "fast-check"

const oddUnicode = fc.constantFrom(
  "\u0000",
  "\uD800",
  "\uDFFF",
  "\u202E440881002001",
  "e\u0301\u0301\u0301",
  "٤٤٠٨٨١٠٠٢٠٠١",
  "４４０８８１００２００１",
  "\uFEFF370303",
  "𠀀𠀁",
  "null",
  "__proto__",
  "constructor",
  "1e309",
  "-0"
)
const hugeString = fc.integer({ min: 10_000, max: 100_000 }).map((n) => "9".repeat(n))
const farDates = fc.constantFrom(
  "275760-09-13T00:00:00.000Z",
  "+275760-09-14T00:00:00.000Z",
  "9999-12-31",
  "99999-01-01",
  "2025-02-30",
  "0000-00-00",
  "-000001-01-01T00:00:00Z",
  new Date(8.64e15),
  new Date(Number.NaN)
)
const numbers = fc.oneof(fc.double(), fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, Number.MAX_SAFE_INTEGER + 2))
const scalar = fc.oneof(
  fc.string({ unit: "binary", maxLength: 64 }),
  oddUnicode,
  farDates,
  numbers,
  fc.boolean(),
  fc.constant(null)
)
/** Plain records whose keys are the fields models carry, filled with hostile scalars, nested a little. */
const fieldNames = [
  "_tag",
  "id",
  "tenant",
  "code",
  "name",
  "level",
  "at",
  "from",
  "to",
  "history",
  "intake",
  "value",
  "items",
  "grants",
  "indicators",
  "weight",
  "children"
]
const shaped = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    fc.array(tie("node"), { maxLength: 4 }),
    // noNullPrototype: Effect 3.22's union decoding throws "Cannot convert object to primitive value" when a
    // discriminator (`_tag`) holds an object without a prototype (seen on Case.Reporter); such objects cannot come
    // from JSON. Reported; remove once Effect formats such values safely.
    fc.dictionary(fc.constantFrom(...fieldNames), tie("node"), { maxKeys: 6, noNullPrototype: true })
  )
})).node
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.anything({ maxDepth: 3, withNullPrototype: false }),
  shaped,
  hugeString,
  scalar
)

type Export = { readonly module: string; readonly name: string; readonly value: unknown }
const exports: ReadonlyArray<Export> = Object.entries(Core).flatMap(([module, ns]) =>
  typeof ns === "object" && ns !== null ? Object.entries(ns).map(([name, value]) => ({ module, name, value })) : []
)

/** Decoders left out, each with why. */
const schemaExceptions: Readonly<Record<string, string>> = {}

const schemas = exports.filter(
  (e) => Schema.isSchema(e.value) && schemaExceptions[`${e.module}.${e.name}`] === undefined
)

const runs = { numRuns: 25 }

describe("hostile input: every exported Schema of @zhili/core", () => {
  it("finds the exports (so the enumeration itself cannot silently go empty)", () => {
    expect(schemas.length).toBeGreaterThan(150)
    for (const key of Object.keys(schemaExceptions)) {
      const [module, name] = key.split(".")
      expect(exports.some((e) => e.module === module && e.name === name)).toBe(true)
    }
  })

  for (const e of schemas) {
    it(`${e.module}.${e.name}: decodeUnknownEither and is never throw`, () => {
      const schema = e.value as Schema.Schema<unknown, unknown, never>
      const decode = Schema.decodeUnknownEither(schema, { errors: "all" })
      const is = Schema.is(schema)
      fc.assert(
        fc.property(hostile, (input) => {
          const r = decode(input)
          expect(Either.isLeft(r) || Either.isRight(r)).toBe(true)
          expect(typeof is(input)).toBe("boolean")
        }),
        runs
      )
    })
  }
})

/**
 * Untrusted-input entry points: exported functions whose first parameter is named `input` (the codebase's name for
 * a value from outside) or that validate, parse or look up a code given as a string. Extra arguments some need.
 */
const extraArgs: Readonly<Record<string, ReadonlyArray<unknown>>> = {
  "Case.decode": [City.casePolicy]
}
/** Entry points left out, each with why. */
const entryExceptions: Readonly<Record<string, string>> = {
  "Recurrence.make":
    "builds a rule from typed encoded fields and documents that it throws on bad input; Recurrence.decode is the door for untrusted data (fuzzed here)",
  "Finding.make":
    "the constructor of a Finding from typed fields (code, path, message) the library itself supplies; not a door for outside data"
}
/** Entry points typed `unknown` (fed any value); the others are typed `string` and are fed hostile strings. */
const takesAnything = (module: string, name: string, first: string): boolean =>
  name === "decode" ||
  first === "u" ||
  `${module}.${name}` === "IndicatorSystem.make" ||
  (name === "validate" && ["Recurrence", "OpeningHours", "WorkingCalendar"].includes(module))

const firstParam = (f: Function): string => {
  const src = Function.prototype.toString.call(f)
  const m = /^(?:async\s*)?(?:function\s*[\w$]*\s*)?\(?\s*([\w$]*)/.exec(src)
  return m?.[1] ?? ""
}
const entryName =
  /^(decode|make|validate|validateIn|validateStructure|parse|lookup|fullName|normalize|fromFirstGeneration|is[A-Z]\w*)$/

const entries = exports.filter((e) => {
  if (typeof e.value !== "function" || Schema.isSchema(e.value)) return false
  if (entryExceptions[`${e.module}.${e.name}`] !== undefined) return false
  const p = firstParam(e.value as Function)
  return (p === "input" || p === "u" || p === "code") && entryName.test(e.name)
})

/** What an entry point may answer: findings, an Either, an Option, a boolean, a string, or a plain value. */
const isTypedAnswer = (out: unknown): boolean => {
  if (Either.isEither(out)) {
    if (Either.isLeft(out)) {
      const err = out.left as { readonly _tag?: unknown; readonly message?: unknown }
      return typeof err._tag === "string" && typeof err.message === "string"
    }
    return true
  }
  if (Array.isArray(out)) return out.every((f) => typeof f === "object" && f !== null && "code" in f && "path" in f)
  return Option.isOption(out) || ["boolean", "string", "number", "object", "undefined"].includes(typeof out)
}

describe("hostile input: every untrusted-input entry point of @zhili/core", () => {
  it("finds the entry points", () => {
    expect(entries.length).toBeGreaterThan(15)
    for (const key of Object.keys(entryExceptions)) {
      const [module, name] = key.split(".")
      expect(exports.some((e) => e.module === module && e.name === name)).toBe(true)
    }
    expect(entries.map((e) => `${e.module}.${e.name}`)).toEqual(
      expect.arrayContaining([
        "IdNumber.validate",
        "IdNumber.parse",
        "Division.validate",
        "GridCode.parse",
        "Case.decode"
      ])
    )
  })

  for (const e of entries) {
    const key = `${e.module}.${e.name}`
    const p = firstParam(e.value as Function)
    const input = takesAnything(e.module, e.name, p)
      ? hostile
      : fc.oneof(
          fc.string({ unit: "binary", maxLength: 64 }),
          oddUnicode,
          hugeString,
          farDates.filter((d) => typeof d === "string")
        )
    it(`${key}: answers with typed errors or findings, never throws`, () => {
      const f = e.value as (...args: ReadonlyArray<unknown>) => unknown
      const twoStrings = e.name === "validateIn"
      const second: fc.Arbitrary<unknown> = twoStrings
        ? fc.oneof(fc.string({ maxLength: 20 }), oddUnicode)
        : fc.constant(undefined)
      fc.assert(
        fc.property(input, second, (a: unknown, b: unknown) => {
          const out = f(a, ...(twoStrings ? [b] : (extraArgs[key] ?? [])))
          expect(isTypedAnswer(out)).toBe(true)
        }),
        runs
      )
    })
  }
})
