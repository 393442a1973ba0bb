// The partitioned layout is PostgreSQL's: on SQLite the option fails the layer, saying so, and creates nothing;
// `tenantTransactions` works on any engine: a batch of two tenants, written a tenant at a time, gives what it gives
// in one transaction, and its refused rows keep their numbers in the file.
import * as SqlClient from "@effect/sql/SqlClient"
import { assert, describe, it } from "@effect/vitest"
import { Store } from "@zhili/core"
import { Drivers, SqlStore } from "@zhili/store-sql"
import { StoreSuite } from "@zhili/testing/suites"
import { Context, Effect, Layer, Schema, Stream } from "effect"

const encode = Schema.encodeSync(StoreSuite.Note)
const note = (tenant: string, n: number, code: number) =>
  encode(
    new StoreSuite.Note({
      tenant: tenant as StoreSuite.Note["tenant"],
      id: `n000${n}`,
      version: 1,
      code: `NK-${code}`,
      kind: "request",
      size: n,
      label: `note ${n}`,
      division: "440881002001"
    })
  )

describe("partitioned layout on SQLite", () => {
  it.effect("fails the layer with a StoreError naming the option, and creates no table", () =>
    Effect.gen(function* () {
      const client = yield* Layer.build(Drivers.clientSqlite({ filename: ":memory:" }))
      const failed = yield* Effect.flip(
        Layer.build(
          SqlStore.layer({ aggregates: [StoreSuite.NoteAggregate], partitions: 8 }).pipe(
            Layer.provide(Layer.succeedContext(client))
          )
        )
      )
      const tables = yield* Context.get(client, SqlClient.SqlClient).unsafe<{ name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table'"
      )
      assert.deepStrictEqual(tables, [])
      assert.strictEqual(failed._tag, "StoreError")
      assert.strictEqual(
        (failed as Store.StoreError).reason,
        "partitions: the partitioned layout is for PostgreSQL, not sqlite"
      )
    }).pipe(Effect.scoped)
  )

  it.effect(
    "with tenantTransactions, imports a batch of two tenants as if one row at a time, refused rows by number",
    () =>
      Effect.gen(function* () {
        const repo = yield* Store.repository(StoreSuite.NoteAggregate)
        const [a, b] = ["870000000001", "870000000002"]
        yield* repo.import(Stream.fromIterable([note(a, 1, 1), note(a, 2, 2), note(b, 1, 1), note(b, 2, 2)]), {
          scope: Store.everything,
          policy: "abort"
        })
        const report = yield* repo.import(
          Stream.fromIterable([note(a, 3, 5), note(b, 1, 2), note(a, 2, 1), note(b, 4, 6), note(a, 1, 7)]),
          { scope: Store.everything, policy: "skip", batchSize: 50 }
        )
        // rows 2 and 3 name an id stored under another key while a third record holds theirs
        assert.deepStrictEqual(
          report.rejected.map((r) => r.row),
          [2, 3]
        )
        const listed = (tenant: string) =>
          Effect.map(repo.list(Store.everything, { tenant }), (p) => p.items.map((n) => `${n.id}:${n.code}`).sort())
        assert.deepStrictEqual(yield* listed(a), ["n0001:NK-7", "n0002:NK-2", "n0003:NK-5"])
        assert.deepStrictEqual(yield* listed(b), ["n0001:NK-1", "n0002:NK-2", "n0004:NK-6"])
      }).pipe(
        Effect.provide(
          Drivers.layerSqlite({
            filename: ":memory:",
            aggregates: [StoreSuite.NoteAggregate],
            tenantTransactions: true
          })
        )
      )
  )
})
