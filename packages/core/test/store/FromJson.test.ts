import { describe, expect, it } from "@effect/vitest"
import { Store } from "@zhili/core"
import { Effect, Either, Schema } from "effect"
import * as fc from "fast-check"

const Code = Schema.String.pipe(Schema.pattern(/^[a-z]{1,3}$/), Schema.brand("DecodeTestCode"))

/** A class whose fields have defaults and a renamed key: its struct is a `TypeLiteralTransformation`. */
class Place extends Schema.Class<Place>("DecodeTestPlace")({
  tenant: Schema.String,
  id: Schema.String,
  codes: Schema.optionalWith(Schema.Array(Code), { default: () => [] }),
  size: Schema.optionalWith(Schema.Int, { default: () => 3 }),
  label: Schema.propertySignature(Schema.String).pipe(Schema.fromKey("名称")),
  note: Schema.optional(Schema.String),
  inner: Schema.optional(
    Schema.Struct({ level: Schema.optionalWith(Schema.Literal("a", "b"), { default: () => "a" as const }) })
  )
}) {}

const Places = Store.domain({
  name: "decode_test_place",
  schema: Place,
  tenant: (p: Place) => p.tenant,
  id: (p: Place) => p.id
})

/** Inputs near the schema: each property present, absent, of the wrong type or odd, and extra keys. */
const maybe = <A>(arb: fc.Arbitrary<A>) =>
  fc.oneof(arb, fc.constant(undefined), fc.constant(null), fc.integer(), fc.string(), fc.constant([1]))
const input = fc.record(
  {
    tenant: maybe(fc.constantFrom("440881")),
    id: maybe(fc.constantFrom("p1", "p2")),
    codes: maybe(fc.array(fc.constantFrom("ab", "c", "TOOLONG", "x1"), { maxLength: 3 })),
    size: maybe(fc.constantFrom(1, 2.5, 7)),
    名称: maybe(fc.constantFrom("一", "")),
    label: maybe(fc.constantFrom("excess")),
    note: maybe(fc.constantFrom("n")),
    inner: maybe(fc.record({ level: maybe(fc.constantFrom("a", "b", "c")) }, { requiredKeys: [] })),
    extra: fc.constantFrom(1, "x")
  },
  { requiredKeys: [] }
)

describe("Store.fromJson", () => {
  it.effect(
    "reads exactly what Schema decodes: defaults, renamed keys, refinements, class instances, and the same failures",
    () =>
      Effect.sync(() => {
        const read = Store.fromJson(Places)
        const decode = Schema.decodeUnknownEither(Store.StoredSchema(Place))
        fc.assert(
          fc.property(input, (value) => {
            const stored = { version: 1, location: { division: "440881" }, value }
            const json = JSON.stringify(stored)
            const expected = decode(JSON.parse(json))
            const got = Effect.runSync(Effect.either(read(json)))
            expect(Either.isRight(got)).toBe(Either.isRight(expected))
            if (Either.isRight(got) && Either.isRight(expected)) {
              expect(got.right).toEqual(expected.right)
              expect(got.right.value).toBeInstanceOf(Place)
              expect(Object.keys(got.right.value).sort()).toEqual(Object.keys(expected.right.value).sort())
            }
          }),
          { numRuns: 2000 }
        )
      })
  )
})
