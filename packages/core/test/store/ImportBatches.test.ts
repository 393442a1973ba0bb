import { describe, expect, it } from "@effect/vitest"
import { Store } from "@zhili/core"
import { Chunk, Effect, Either, Ref, Schema, Stream } from "effect"
import * as fc from "fast-check"

/** A record with a natural key: rows sharing `key` are one record (the last one read wins). */
const Item = Schema.Struct({ tenant: Schema.String, id: Schema.String, key: Schema.String, n: Schema.Int })
type Item = typeof Item.Type

const Items = Store.domain({
  name: "import_batch_item",
  schema: Item,
  tenant: (a: Item) => a.tenant,
  id: (a: Item) => a.id,
  naturalKey: (a: Item) => a.key,
  fields: [{ name: "key", type: "string", get: (a: Item) => a.key }]
})

/** One input row: `bad` rows carry a string where an integer belongs. */
interface Input {
  readonly key: number
  readonly bad: boolean
}

const rowOf = (input: Input, i: number) => ({
  version: 1,
  location: { division: "440881" },
  value: { tenant: "440881", id: `r${i}`, key: `k${input.key}`, n: input.bad ? "many" : i }
})

/** The input rows cut into chunks at the given points (a source's chunks never change what an import does). */
const chunked = (rows: ReadonlyArray<unknown>, cuts: ReadonlyArray<number>) => {
  const points = [...new Set(cuts.map((c) => c % (rows.length + 1)))].sort((a, b) => a - b)
  const chunks: Array<Chunk.Chunk<unknown>> = []
  let from = 0
  for (const p of [...points, rows.length]) {
    chunks.push(Chunk.unsafeFromArray(rows.slice(from, p)))
    from = p
  }
  return Stream.fromChunks(...chunks)
}

/** What an import must leave: the last row read of every natural key among the good rows `inputs[0…upTo)`. */
const expectedRecords = (inputs: ReadonlyArray<Input>, upTo: number) => {
  const last = new Map<string, string>()
  for (let i = 0; i < upTo; i++) if (!(inputs[i] as Input).bad) last.set(`k${(inputs[i] as Input).key}`, `r${i}`)
  return [...last].map(([key, id]) => `${key}=${id}`).sort()
}

const inputsArb = fc.array(fc.record({ key: fc.nat(12), bad: fc.nat(5).map((n) => n === 0) }), {
  maxLength: 60
})

/** Where the source's chunks end, and the batch size. */
const cutsArb = fc.array(fc.nat(80), { maxLength: 8 })
const batchSizeArb = fc.integer({ min: 1, max: 9 })

const run = (
  inputs: ReadonlyArray<Input>,
  cuts: ReadonlyArray<number>,
  batchSize: number,
  policy: Store.BadRowPolicy
) =>
  Effect.gen(function* () {
    const repo = yield* Store.repository(Items)
    const progress = yield* Ref.make<ReadonlyArray<Store.Progress>>([])
    const report = yield* Effect.either(
      repo.import(chunked(inputs.map(rowOf), cuts), {
        scope: Store.everything,
        policy,
        batchSize,
        onProgress: (p) => Ref.update(progress, (ps) => [...ps, p])
      })
    )
    const page = yield* repo.list(Store.everything, { limit: 1000 })
    const records = page.items.map((s) => `${s.value.key}=${s.value.id}`).sort()
    return { report, records, progress: yield* Ref.get(progress) }
  }).pipe(Effect.provide(Store.layerMemory), Effect.runSync)

describe("bulk import batches (any chunking of the source, any batch size)", () => {
  it("property: skip keeps every good row's natural key once (last read wins), reports each bad row by number, and reports progress once per batch of input rows", () => {
    fc.assert(
      fc.property(inputsArb, cutsArb, batchSizeArb, (inputs, cuts, size) => {
        const { report, records, progress } = run(inputs, cuts, size, "skip")
        expect(Either.isRight(report)).toBe(true)
        if (Either.isLeft(report)) return
        const bad = inputs.flatMap((x, i) => (x.bad ? [i + 1] : []))
        expect(report.right.rows).toBe(inputs.length)
        expect(report.right.rejected.map((r) => r.row)).toEqual(bad)
        expect(report.right.rejectedRows).toBe(bad.length)
        expect(records).toEqual(expectedRecords(inputs, inputs.length))
        // one progress report per batch of `size` input rows, the last one with the totals
        expect(progress.length).toBe(Math.ceil(inputs.length / size))
        if (progress.length > 0) {
          expect(progress[progress.length - 1]).toEqual({
            rows: inputs.length,
            written: report.right.written,
            rejected: bad.length,
            batches: report.right.batches
          })
        }
        // every good row is written, in row order (a later row of a natural key replaces the earlier one's record)
        expect(report.right.written).toBe(inputs.length - bad.length)
      }),
      { numRuns: 300 }
    )
  })

  it("property: abort fails on the first bad row, with its number, after writing exactly the whole batches before it", () => {
    fc.assert(
      fc.property(inputsArb, cutsArb, batchSizeArb, (inputs, cuts, size) => {
        const { report, records } = run(inputs, cuts, size, "abort")
        const first = inputs.findIndex((x) => x.bad)
        if (first < 0) {
          expect(Either.isRight(report)).toBe(true)
          expect(records).toEqual(expectedRecords(inputs, inputs.length))
          return
        }
        expect(Either.isLeft(report)).toBe(true)
        if (Either.isRight(report)) return
        expect(report.left._tag).toBe("RowRejected")
        expect((report.left as Store.RowRejected).row).toBe(first + 1)
        expect(records).toEqual(expectedRecords(inputs, Math.floor(first / size) * size))
      }),
      { numRuns: 300 }
    )
  })
})

describe("Store.settle (what a batch of import rows does to the records it touches)", () => {
  const k = (id: string, nkey: string | null, tenant = "440881") => ({ tenant, id, nkey })
  const at = (keys: { tenant: string; id: string; nkey: string | null }, grid: string | null = null) => ({
    ...keys,
    division: null,
    org: null,
    grid
  })

  it("updates a record by id under a new natural key, replaces the holder of a key for a new id, refuses a third", () => {
    const stored = [at(k("a", "K1")), at(k("b", "K2")), at(k("c", "K3"))]
    const batch = [
      k("a", "K9"), // a moves to K9: K1 is free
      k("d", "K2"), // d is new and takes K2: b goes
      k("c", "K9"), // c is stored under K3 and a holds K9: refused
      k("e", "K1"), // e takes the key a left
      k("a", "K8") // the last row of a wins
    ]
    const settled = Store.settle(batch, stored)
    expect(settled.refused).toEqual([{ index: 2, ...k("c", "K9"), reason: "duplicate-natural-key" }])
    expect(settled.removed).toEqual([at(k("b", "K2"))])
    expect(settled.rewritten).toEqual([at(k("a", "K1"))])
    expect(settled.kept).toEqual([1, 3, 4])
  })

  it("keeps tenants apart, and keys records without a natural key by id alone", () => {
    const settled = Store.settle([k("a", "K1", "1"), k("a", null, "2"), k("a", null, "2")], [at(k("b", "K1", "2"))])
    expect(settled).toEqual({ refused: [], removed: [], rewritten: [], kept: [0, 2] })
  })

  it("within a scope, refuses every row that shares an id or a natural key with a stored record outside it", () => {
    const stored = [at(k("a", "K1"), "g1/"), at(k("b", "K2"), "g2/"), at(k("c", "K3"), "g1/x/")]
    const batch = [
      k("a", "K7"), // a is in g1: updated
      k("b", "K8"), // b is in g2: refused, b keeps K2
      k("d", "K2"), // d would replace b (K2): refused, though d is new
      k("e", "K3"), // e replaces c, which is in g1
      k("f", "K9") // f is new: inserted
    ]
    const settled = Store.settle(batch, stored, [{ grid: "g1/" }])
    expect(settled.refused).toEqual([
      { index: 1, ...k("b", "K8"), reason: "not-permitted" },
      { index: 2, ...k("d", "K2"), reason: "not-permitted" }
    ])
    expect(settled.removed).toEqual([at(k("c", "K3"), "g1/x/")])
    expect(settled.rewritten).toEqual([at(k("a", "K1"), "g1/")])
    expect(settled.kept).toEqual([0, 3, 4])
  })
})

describe("bulk import of rows whose ids and natural keys meet in any combination", () => {
  const Pair = fc.tuple(fc.nat(4), fc.nat(4))
  const records = (rows: ReadonlyArray<readonly [number, number]>, batchSize: number, cuts: ReadonlyArray<number>) =>
    Effect.gen(function* () {
      const repo = yield* Store.repository(Items)
      const report = yield* repo.import(
        chunked(
          rows.map(([id, key], i) => ({
            version: 1,
            location: { division: "440881" },
            value: { tenant: "440881", id: `r${id}`, key: `k${key}`, n: i }
          })),
          cuts
        ),
        { scope: Store.everything, policy: "skip", batchSize }
      )
      const page = yield* repo.list(Store.everything, { limit: 1000 })
      return {
        records: page.items.map((s) => `${s.value.id}:${s.value.key}:${s.value.n}`).sort(),
        refused: report.rejected.map((r) => r.row),
        written: report.written
      }
    }).pipe(Effect.provide(Store.layerMemory), Effect.runSync)

  it("property: the batch size and the source's chunks never change what is stored or refused", () => {
    fc.assert(
      fc.property(fc.array(Pair, { maxLength: 30 }), cutsArb, batchSizeArb, (rows, cuts, size) => {
        const one = records(rows, 1, [])
        expect(records(rows, size, cuts)).toEqual(one)
        // one record per id and per natural key
        const ids = one.records.map((r) => r.split(":")[0])
        const keys = one.records.map((r) => r.split(":")[1])
        expect(new Set(ids).size).toBe(ids.length)
        expect(new Set(keys).size).toBe(keys.length)
        expect(one.written).toBe(rows.length - one.refused.length)
      }),
      { numRuns: 300 }
    )
  })
})
