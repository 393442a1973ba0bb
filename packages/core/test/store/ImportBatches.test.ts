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
