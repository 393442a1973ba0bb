/**
 * The tenant-partitioned layout on PostgreSQL (`partitions: 8`): the whole conformance suite runs on tables
 * `PARTITION BY HASH (tenant)`, guarded by a trigger that fails a transaction writing rows of two tenants; and the
 * layout itself is checked — every table is partitioned, PostgreSQL refuses a unique key without the tenant, the
 * guard refuses a cross-tenant transaction, and an import batch holding several tenants is written a tenant at a
 * time (a store that writes it in one transaction is refused by the guard).
 */
import * as SqlClient from "@effect/sql/SqlClient"
import { afterAll, assert, describe, it } from "@effect/vitest"
import { Store } from "@zhili/core"
import { Drivers } from "@zhili/store-sql"
import { StoreSuite } from "@zhili/testing/suites"
import { Effect, Layer, Schema, Stream } from "effect"
import { guardTrigger, layer, partitions } from "./partitioned.js"
import { postgres } from "./servers.js"

const target = await postgres("zhili_part")
if (target._tag === "ready") {
  afterAll(target.drop)
  const url = target.url
  StoreSuite.suite(
    `postgresql, partitioned by tenant (${partitions})`,
    layer(url, { aggregates: StoreSuite.aggregates })
  )

  const encode = Schema.encodeSync(StoreSuite.Note)
  let tenants = 0
  /** A tenant of this file only (8 + 11 digits). */
  const freshTenant = () => `8${String((process.pid % 1000) * 1_000_000 + ++tenants).padStart(11, "0")}`
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
  const listed = (tenant: string) =>
    Effect.flatMap(Store.repository(StoreSuite.NoteAggregate), (repo) =>
      Effect.map(repo.list(Store.everything, { tenant, limit: 100 }), (page) =>
        page.items.map((n) => `${n.id}:${n.code}`).sort()
      )
    )
  const reasonOf = (e: unknown): string =>
    typeof e === "object" && e !== null && "reason" in e ? String(e.reason) : String(e)

  describe(`Partitioned layout: postgresql (${partitions} partitions)`, () => {
    it.layer(layer(url, { aggregates: StoreSuite.aggregates }), { timeout: 60_000 })((it) => {
      it.effect(
        "creates every table of every aggregate, and every event log, partitioned by a hash of the tenant",
        () =>
          Effect.gen(function* () {
            const sql = yield* SqlClient.SqlClient
            const rows = yield* sql.unsafe<{ relname: string; key: string; n: number | string }>(
              "SELECT c.relname, pg_get_partkeydef(c.oid) AS key, " +
                "(SELECT COUNT(*) FROM pg_inherits i WHERE i.inhparent = c.oid) AS n " +
                "FROM pg_class c JOIN pg_partitioned_table p ON p.partrelid = c.oid " +
                "WHERE c.relnamespace = current_schema()::regnamespace"
            )
            const found = new Map(rows.map((r) => [r.relname, `${r.key} × ${Number(r.n)}`]))
            const expected = StoreSuite.aggregates.flatMap((a) =>
              a.events === undefined ? [`zhili_${a.name}`] : [`zhili_${a.name}`, `zhili_${a.name}_event`]
            )
            assert.deepStrictEqual(
              expected.filter((t) => found.get(t) !== "HASH (tenant) × 8"),
              [],
              "tables not partitioned by HASH (tenant) into 8"
            )
            assert.strictEqual(found.size, expected.length)
            // the domain's 41 aggregates (the 39 of the seed and its participation records — project histories,
            // claims, rosters, volunteer hours —, the access audit and consents) and the suite's two, with 4 event logs
            // (cases, funds, rating schemes, the suite's tallies)
            assert.strictEqual(expected.length, 47)
          })
      )

      it.effect("refuses a unique key or index that does not hold the tenant", () =>
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          const index = yield* Effect.flip(
            sql.unsafe("CREATE UNIQUE INDEX zhili_test_note_code ON zhili_test_note (nkey)")
          )
          assert.match(reasonOf(index.cause instanceof Error ? { reason: index.cause.message } : index), /partition/)
          const constraint = yield* Effect.flip(
            sql.unsafe("ALTER TABLE zhili_test_note ADD CONSTRAINT zhili_test_note_id UNIQUE (id)")
          )
          assert.match(
            constraint.cause instanceof Error ? constraint.cause.message : String(constraint),
            /unique constraint on partitioned table must include all partitioning columns/
          )
          // with the tenant, PostgreSQL accepts it (dropped again)
          yield* sql.unsafe("CREATE UNIQUE INDEX zhili_test_note_tenant_code ON zhili_test_note (tenant, nkey, id)")
          yield* sql.unsafe("DROP INDEX zhili_test_note_tenant_code")
        })
      )

      it.effect("fails a transaction that writes rows of two tenants, and writes none of them", () =>
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient
          const [a, b] = [freshTenant(), freshTenant()]
          const insert = (tenant: string, id: string) =>
            sql.unsafe(
              "INSERT INTO zhili_test_note (tenant, id, version, division, nkey, f_kind, f_size, record) " +
                "VALUES ($1, $2, 1, '440881002001', $2, 'request', 1, '{}')",
              [tenant, id]
            )
          const crossed = yield* Effect.flip(sql.withTransaction(Effect.zipRight(insert(a, "x1"), insert(b, "x2"))))
          assert.match(
            crossed.cause instanceof Error ? crossed.cause.message : String(crossed),
            new RegExp(`transaction crosses tenants: ${a} then ${b} \\(zhili_test_note_p\\d\\)`)
          )
          const left = yield* sql.unsafe<{ n: number | string }>(
            "SELECT COUNT(*) AS n FROM zhili_test_note WHERE tenant IN ($1, $2)",
            [a, b]
          )
          assert.strictEqual(Number(left[0]?.n), 0)
          // one tenant per transaction is fine, and so are two transactions in a row on one connection
          yield* sql.withTransaction(Effect.zipRight(insert(a, "x1"), insert(a, "x2")))
          yield* sql.withTransaction(insert(b, "x1"))
          const triggers = yield* sql.unsafe<{ n: number | string }>(
            "SELECT COUNT(*) AS n FROM pg_trigger WHERE tgname = $1 AND tgrelid = 'zhili_test_note'::regclass",
            [guardTrigger]
          )
          assert.strictEqual(Number(triggers[0]?.n), 1)
        })
      )

      it.effect("writes an import batch of several tenants a tenant at a time, refusing rows by their numbers", () =>
        Effect.gen(function* () {
          const repo = yield* Store.repository(StoreSuite.NoteAggregate)
          const [a, b] = [freshTenant(), freshTenant()]
          // each tenant starts with n0001 (NK-1) and n0002 (NK-2)
          yield* repo.import(Stream.fromIterable([note(a, 1, 1), note(a, 2, 2), note(b, 1, 1), note(b, 2, 2)]), {
            scope: Store.everything,
            policy: "abort"
          })
          const report = yield* repo.import(
            Stream.fromIterable([
              note(a, 3, 5), // 1: a new record
              note(b, 1, 2), // 2: n0001 is stored under NK-1 and n0002 holds NK-2: refused
              note(a, 2, 1), // 3: n0002 is stored under NK-2 and n0001 holds NK-1: refused
              note(b, 4, 6), // 4: a new record
              note(a, 1, 7) // 5: n0001 moves to a free key
            ]),
            { scope: Store.everything, policy: "skip", batchSize: 50 }
          )
          assert.deepStrictEqual(
            report.rejected.map((r) => r.row),
            [2, 3]
          )
          assert.strictEqual(report.written, 3)
          assert.strictEqual(report.batches, 1)
          assert.deepStrictEqual(yield* listed(a), ["n0001:NK-7", "n0002:NK-2", "n0003:NK-5"])
          assert.deepStrictEqual(yield* listed(b), ["n0001:NK-1", "n0002:NK-2", "n0004:NK-6"])
        })
      )
    })

    // the same tables through a store that writes each import batch in one transaction: the guard refuses it, so
    // the suite above would fail if the partitioned store stopped splitting its batches by tenant
    it.layer(layer(url, { aggregates: StoreSuite.aggregates, tenantTransactions: false }), { timeout: 60_000 })(
      (it) => {
        it.effect("refuses an import batch of two tenants written in one transaction (the guard is on)", () =>
          Effect.gen(function* () {
            const repo = yield* Store.repository(StoreSuite.NoteAggregate)
            const [a, b] = [freshTenant(), freshTenant()]
            const failed = yield* Effect.flip(
              repo.import(Stream.fromIterable([note(a, 1, 1), note(b, 1, 1)]), {
                scope: Store.everything,
                policy: "skip"
              })
            )
            assert.match(reasonOf(failed), /transaction crosses tenants/)
            assert.deepStrictEqual(yield* listed(a), [])
            // one tenant a batch is fine
            yield* repo.import(Stream.fromIterable([note(a, 1, 1), note(a, 2, 2)]), {
              scope: Store.everything,
              policy: "skip"
            })
            assert.deepStrictEqual(yield* listed(a), ["n0001:NK-1", "n0002:NK-2"])
          })
        )
      }
    )
  })

  // tables created without partitions are not taken for the partitioned layout
  const flat = await postgres("zhili_part")
  if (flat._tag === "ready") {
    afterAll(flat.drop)
    it.effect("refuses to open tables created without partitions as the partitioned layout, and a bad count", () =>
      Effect.gen(function* () {
        const open = (options: { readonly partitions?: number }) =>
          Layer.build(Drivers.layerPg({ url: flat.url, aggregates: [StoreSuite.NoteAggregate], ...options }))
        yield* open({})
        const failed = yield* Effect.flip(open({ partitions }))
        assert.strictEqual(
          reasonOf(failed),
          "zhili_test_note exists without partitions: the partitioned layout (partitions: 8) creates its tables anew, in a schema or database of their own"
        )
        for (const bad of [0, 2.5, 1025]) {
          assert.strictEqual(
            reasonOf(yield* Effect.flip(open({ partitions: bad }))),
            `partitions: ${bad} is not a whole number from 1 to 1024`
          )
        }
      }).pipe(Effect.scoped)
    )
  }
} else StoreSuite.unavailable("postgresql, partitioned by tenant", target.reason)
