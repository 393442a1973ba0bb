import { assert, describe, it } from "@effect/vitest"
import { Store } from "@zhili/core"
import { Effect, Equal, Schema, Stream } from "effect"

/** A class whose construction is copying its props: the import makes its values from its prototype. */
class Plain extends Schema.Class<Plain>("ImportPlain")({
  tenant: Schema.String,
  id: Schema.String,
  n: Schema.Int,
  note: Schema.optional(Schema.String)
}) {
  get label(): string {
    return `${this.id}#${this.n}`
  }
}

/** A class with a constructor default: it must go through its constructor. */
class Defaulted extends Schema.Class<Defaulted>("ImportDefaulted")({
  tenant: Schema.String,
  id: Schema.String,
  n: Schema.optionalWith(Schema.Int, { default: () => 7 })
}) {}

/** A class with a class field: its instances have more than the props. */
class WithField extends Schema.Class<WithField>("ImportWithField")({
  tenant: Schema.String,
  id: Schema.String
}) {
  readonly kind = "with-field"
}

const aggregateOf = <A extends { readonly tenant: string; readonly id: string }, I>(
  name: string,
  schema: Schema.Schema<A, I>,
  key: (a: A) => string
) =>
  Store.domain({
    name,
    schema,
    tenant: (a: A) => a.tenant,
    id: (a: A) => a.id,
    naturalKey: key,
    fields: [{ name: "k", type: "string", get: key }]
  })

const importAll = <A extends { readonly tenant: string; readonly id: string }, I>(
  agg: Store.Aggregate<Store.Stored<A>, Store.StoredEncoded<I>>,
  rows: ReadonlyArray<unknown>,
  batchSize = 2
) =>
  Effect.gen(function* () {
    const repo = yield* Store.repository(agg)
    const report = yield* repo.import(Stream.fromIterable(rows), {
      scope: Store.everything,
      policy: "abort",
      batchSize
    })
    const page = yield* repo.list(Store.everything, { limit: 100 })
    return { report, items: page.items }
  }).pipe(Effect.provide(Store.layerMemory))

const envelope = (value: unknown) => ({ version: 1, location: { grid: ["g1"] }, value })

describe("import of Schema.Class records", () => {
  it.effect("makes instances equal to Schema's decode, whose getters and methods work in the descriptor", () =>
    Effect.gen(function* () {
      const agg = aggregateOf("import_plain", Plain, (p) => p.label)
      const rows = [1, 2, 3, 4, 5].map((i) =>
        envelope(i % 2 === 0 ? { tenant: "t", id: `p${i}`, n: i } : { tenant: "t", id: `p${i}`, n: i, note: "x" })
      )
      const { report, items } = yield* importAll(agg, rows)
      assert.strictEqual(report.written, 5)
      const decoded = rows.map((r) => Schema.decodeUnknownSync(agg.schema)(r))
      assert.strictEqual(items.length, 5)
      for (const item of items) {
        const same = decoded.find((d) => d.value.id === item.value.id)
        assert.isTrue(item.value instanceof Plain)
        assert.isTrue(same !== undefined && Equal.equals(same.value, item.value))
        assert.strictEqual(item.value.label, `${item.value.id}#${item.value.n}`)
      }
    })
  )

  it.effect("applies constructor defaults and class fields as the constructor does", () =>
    Effect.gen(function* () {
      const defaulted = yield* importAll(
        aggregateOf("import_defaulted", Defaulted, (d) => `${d.id}/${d.n}`),
        [envelope({ tenant: "t", id: "d1", n: 1 }), envelope({ tenant: "t", id: "d2" })]
      )
      assert.deepStrictEqual(
        defaulted.items.map((s) => [s.value.id, s.value.n]),
        [
          ["d1", 1],
          ["d2", 7]
        ]
      )
      const withField = yield* importAll(
        aggregateOf("import_with_field", WithField, (w) => `${w.id}/${w.kind}`),
        [envelope({ tenant: "t", id: "w1" }), envelope({ tenant: "t", id: "w2" })]
      )
      assert.deepStrictEqual(
        withField.items.map((s) => [s.value.id, s.value.kind]),
        [
          ["w1", "with-field"],
          ["w2", "with-field"]
        ]
      )
    })
  )
})

describe("import de-duplication within a batch", () => {
  it.effect("keeps one record per tenant and natural key, the last row's, and the same key in two tenants twice", () =>
    Effect.gen(function* () {
      const agg = aggregateOf("import_dedupe", Plain, (p) => `k${p.n}`)
      const rows = [
        envelope({ tenant: "t", id: "a", n: 1 }),
        envelope({ tenant: "u", id: "b", n: 1 }),
        envelope({ tenant: "t", id: "c", n: 1, note: "last" }),
        envelope({ tenant: "t", id: "d", n: 2 })
      ]
      const { report, items } = yield* importAll(agg, rows, 10)
      assert.strictEqual(report.rows, 4)
      assert.deepStrictEqual(items.map((s) => [s.value.tenant, s.value.id, s.value.note]).sort(), [
        ["t", "c", "last"],
        ["t", "d", undefined],
        ["u", "b", undefined]
      ])
    })
  )
})
