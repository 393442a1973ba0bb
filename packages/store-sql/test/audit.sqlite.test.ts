// The audit entry of a write is in the write's transaction (issue: protection): on SQLite, an audit insert the
// database refuses (a trigger stands in for a full disk or a revoked grant) rolls the write back with it.
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as SqlClient from "@effect/sql/SqlClient"
import { assert, describe, it } from "@effect/vitest"
import { Aggregates, Ids, Store } from "@zhili/core"
import { Drivers } from "@zhili/store-sql"
import { StoreSuite } from "@zhili/testing/suites"
import { Effect, Layer, Schema, Stream } from "effect"

const file = join(mkdtempSync(join(tmpdir(), "zhili-audit-")), "audit.db")
const tenant = Ids.TenantId.make("440881002001")
const note = (i: number) =>
  new StoreSuite.Note({
    tenant,
    id: `n000${i}`,
    version: 1,
    code: `NK-${i}`,
    kind: "request",
    size: i,
    label: `note ${i}`,
    division: "440881002001"
  })

describe("SQLite: the audit entry commits with its write or not at all", () => {
  it.layer(
    Drivers.layerSqlite({ filename: file, aggregates: [StoreSuite.NoteAggregate, Aggregates.AccessAudit] }).pipe(
      Layer.orDie
    )
  )((it) => {
    it.effect("a write whose audit entry the database refuses is not written; once it accepts, both are", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const notes = (yield* Store.Store).repository(StoreSuite.NoteAggregate)
        const audit = (yield* Store.Store).repository(Aggregates.AccessAudit)
        yield* sql.unsafe(
          "CREATE TRIGGER refuse_audit BEFORE INSERT ON zhili_access_audit BEGIN SELECT RAISE(ABORT, 'audit refused'); END"
        )
        const failed = yield* Effect.flip(notes.save(Store.everything, note(1), 0))
        assert.deepStrictEqual([failed._tag, failed.message.includes("audit refused")], ["StoreError", true])
        const missing = yield* Effect.flip(notes.get(Store.everything, tenant, "n0001"))
        assert.strictEqual(missing._tag, "NotFoundOrNotPermitted")
        // an import batch likewise: its rows and its entry, or neither
        const report = yield* Effect.either(
          notes.import(Stream.fromIterable([2, 3].map((i) => Schema.encodeSync(StoreSuite.Note)(note(i)))), {
            scope: Store.everything,
            policy: "abort"
          })
        )
        assert.strictEqual(report._tag, "Left")
        assert.strictEqual((yield* notes.list(Store.everything, { tenant })).total, 0)
        assert.strictEqual((yield* audit.list(Store.everything, { tenant })).total, 0)
        yield* sql.unsafe("DROP TRIGGER refuse_audit")
        yield* notes.save(Store.everything, note(1), 0)
        assert.strictEqual((yield* notes.get(Store.everything, tenant, "n0001")).label, "note 1")
        const entries = yield* audit.list(Store.everything, { tenant })
        assert.deepStrictEqual(
          entries.items.map((e) => [e.value.operation, e.value.record, e.value.actor]),
          [["save", "n0001", "unattributed"]]
        )
      })
    )
  })
})
