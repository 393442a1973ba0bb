import { describe, expect, it } from "@effect/vitest"
import { Aggregates, Decode, Store } from "@zhili/core"
import { Effect, Either, Schema, Stream } from "effect"

/** An array nested `depth` levels deep around a string: `[[["x"]]]` for 3. */
const nested = (depth: number): unknown => {
  let v: unknown = "x"
  for (let i = 0; i < depth; i++) v = [v]
  return v
}

/** An object nested `depth` levels deep: `{ a: { a: { a: 1 } } }` for 3. */
const nestedObject = (depth: number): unknown => {
  let v: unknown = 1
  for (let i = 0; i < depth; i++) v = { a: v }
  return v
}

const household = (id: string, room: unknown, extra: Record<string, unknown> = {}) => ({
  version: 1,
  location: { division: "440881002001" },
  value: { id, tenant: "440881002001", building: "b1", room, ...extra }
})

describe("deeply nested input is a typed error for that input", () => {
  it("Decode: a value nested 5,000 and 200,000 levels deep is a DecodeError at its path, never a RangeError", () => {
    const schema = Schema.Struct({ name: Schema.String, tags: Schema.Array(Schema.String) })
    for (const depth of [5000, 200_000]) {
      const r = Decode.decodeEither(schema, "person")({ name: "x", tags: nested(depth) })
      if (Either.isRight(r)) throw new Error("expected a decode error")
      expect(r.left._tag).toBe("DecodeError")
      expect(r.left.issues.map((i) => [i.path, i.message])).toEqual([
        // the person object, then `depth` arrays
        [["tags", 0, 0, 0], `nested ${depth + 1} levels deep below here: too deep to decode`]
      ])
      const findings = Decode.validate(schema)({ name: "x", tags: nested(depth) })
      if (Either.isRight(findings)) throw new Error("expected findings")
      expect(findings.left.map((f) => [f.code, f.path])).toEqual([["decode/too-deep", ["tags", 0, 0, 0]]])
    }
  })

  it("nesting measures any depth without recursion", () => {
    expect(Decode.nesting("x")).toEqual({ depth: 0, path: [] })
    expect(Decode.nesting([])).toEqual({ depth: 1, path: [] })
    // the path of the deepest array or object
    expect(Decode.nesting({ a: 1, b: [[2]] })).toEqual({ depth: 3, path: ["b", 0] })
    expect(Decode.nesting(nestedObject(300_000)).depth).toBe(300_000)
  })

  it.effect(
    "import: a row nested 5,000 levels deep is a RowRejected for that row; the rows around it are written",
    () =>
      Effect.gen(function* () {
        const repo = yield* Store.repository(Aggregates.Households)
        const rows = [
          household("h1", "101"),
          // where a string belongs
          household("h2", nested(5000)),
          household("h3", "301"),
          // outside the schema: dropped, as any property outside it, so the record is written
          household("h4", "401", { note: nestedObject(50_000) }),
          household("h5", "501")
        ]
        const report = yield* repo.import(Stream.fromIterable(rows), {
          scope: Store.everything,
          policy: "skip",
          batchSize: 2
        })
        expect(report.written).toBe(4)
        expect(report.rejected.map((r) => [r._tag, r.row, r.issues.map((i) => [i.path, i.message])])).toEqual([
          // the envelope, its value, then 5,000 arrays
          ["RowRejected", 2, [[["value", "room", 0, 0], "nested 5002 levels deep below here: too deep to decode"]]]
        ])
        const stored = yield* repo.list(Store.everything)
        expect(stored.items.map((h) => h.value.id).sort()).toEqual(["h1", "h3", "h4", "h5"])
        // under the abort policy the import fails with the typed rejection, not a defect
        const aborted = yield* Effect.either(
          repo.import(Stream.fromIterable([household("h6", nested(5000))]), {
            scope: Store.everything,
            policy: "abort"
          })
        )
        expect(Either.isLeft(aborted) && aborted.left._tag).toBe("RowRejected")
      }).pipe(Effect.provide(Store.layerMemory))
  )
})
