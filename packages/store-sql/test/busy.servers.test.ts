// PostgreSQL and MariaDB/MySQL under contention (issue: protection): a write that waits past the lock wait for a row
// another connection holds, or that the server rolls back as a deadlock victim, fails with the retryable
// `StoreBusy` (not a plain StoreError), writes nothing (no record, no audit entry) and succeeds when retried.
// Two real connections on the servers of ZHILI_PG_URL / ZHILI_MYSQL_URL, each in a schema/database of its own.
import * as SqlClient from "@effect/sql/SqlClient"
import { afterAll, assert, describe, it } from "@effect/vitest"
import { Aggregates, Ids, Store } from "@zhili/core"
import { Drivers } from "@zhili/store-sql"
import { StoreSuite } from "@zhili/testing/suites"
import { Context, Deferred, Effect, Fiber, Layer, Schema } from "effect"
import { mysql, postgres, type Target } from "./servers.js"

const tenant = Ids.TenantId.make("440881002001")
const aggregates = [StoreSuite.NoteAggregate, StoreSuite.TallyAggregate, Aggregates.AccessAudit]

const note = (version: number, label: string) =>
  new StoreSuite.Note({
    tenant,
    id: "n0001",
    version,
    code: "NK-1",
    kind: "request",
    size: 1,
    label,
    division: "440881002001"
  })
const added = [{ _tag: "Added", n: 1 }] as const
const tally = StoreSuite.foldTally(
  new StoreSuite.Tally({ tenant, id: "n1", version: 0, total: 0, division: "440881002001" }),
  added
)

/** The audit entries of this test's records, as `operation record`. */
const audited = Effect.gen(function* () {
  const page = yield* (yield* Store.Store)
    .repository(Aggregates.AccessAudit)
    .list(Store.everything, { tenant, limit: 100 })
  return page.items.map((e) => `${e.value.operation} ${e.value.record}`).sort()
})

/**
 * Runs `hold` in a transaction of the other connection, until `body` (run on the store, outside that transaction)
 * is done; `hold` signals when it holds its locks, `then` runs in the same transaction afterwards (a second lock
 * request, for a deadlock).
 */
const whileHeld = <A, E, R>(
  other: SqlClient.SqlClient,
  hold: Effect.Effect<unknown, unknown>,
  body: Effect.Effect<A, E, R>,
  then: Effect.Effect<unknown, unknown> = Effect.void
) =>
  Effect.gen(function* () {
    const holding = yield* Deferred.make<void>()
    const release = yield* Deferred.make<void>()
    const fiber = yield* other
      .withTransaction(
        Effect.gen(function* () {
          yield* hold
          yield* Deferred.succeed(holding, undefined)
          // a lock request that fails (the server chose this side as the victim) ends the transaction at once
          yield* then
          yield* Deferred.await(release)
          // rolled back: the other connection leaves nothing behind
          return yield* Effect.fail("rolled back on purpose")
        })
      )
      .pipe(Effect.either, Effect.fork)
    yield* Deferred.await(holding)
    const result = yield* Effect.either(body)
    yield* Deferred.succeed(release, undefined)
    yield* Fiber.join(fiber)
    return result
  })

const cases = (
  name: string,
  target: Target,
  store: (url: string) => Layer.Layer<Store.Store | SqlClient.SqlClient, Store.StoreError>,
  client: (url: string) => Layer.Layer<SqlClient.SqlClient, Store.StoreError>,
  p: (n: number) => string,
  /** Sets the store connection's lock wait to one second. */
  shortWait: string,
  /** Sets it past the deadlock detection (PostgreSQL detects after `deadlock_timeout`, 1 s). */
  longWait: string,
  /** The code of the server's deadlock error. */
  deadlock: string
) => {
  if (target._tag !== "ready") {
    StoreSuite.unavailable(`${name} (busy)`, target.reason)
    return
  }
  afterAll(target.drop)
  const otherClient = Effect.map(Layer.build(Layer.orDie(client(target.url))), (ctx) =>
    Context.get(ctx, SqlClient.SqlClient)
  )
  describe(`${name}: a write another connection locks out`, () => {
    it.layer(store(target.url).pipe(Layer.orDie), { timeout: 60_000 })((it) => {
      it.effect("waits past the lock wait, fails with StoreBusy, writes nothing, and succeeds when retried", () =>
        Effect.gen(function* () {
          const repo = (yield* Store.Store).repository(StoreSuite.NoteAggregate)
          const sql = yield* SqlClient.SqlClient
          yield* sql.unsafe(shortWait)
          yield* repo.save(Store.everything, note(1, "first"), 0)
          const other = yield* otherClient
          const locked = yield* whileHeld(
            other,
            other.unsafe(`SELECT id FROM zhili_test_note WHERE tenant = ${p(1)} AND id = ${p(2)} FOR UPDATE`, [
              tenant,
              "n0001"
            ]),
            repo.save(Store.everything, note(2, "second"), 1)
          )
          assert.isTrue(locked._tag === "Left")
          if (locked._tag === "Left") {
            assert.deepStrictEqual(
              [locked.left._tag, locked.left.message],
              [
                "StoreBusy",
                "store save of test_note: the database stayed locked by another writer past the lock wait (or rolled the write back as a deadlock victim); nothing was written, try again"
              ]
            )
          }
          assert.strictEqual((yield* repo.get(Store.everything, tenant, "n0001")).label, "first")
          assert.deepStrictEqual(yield* audited, ["save n0001"])
          // the same write, tried again once the other connection has let go
          yield* repo.save(Store.everything, note(2, "second"), 1)
          assert.strictEqual((yield* repo.get(Store.everything, tenant, "n0001")).label, "second")
          assert.deepStrictEqual(yield* audited, ["save n0001", "save n0001"])
        }).pipe(Effect.scoped)
      )

      it.effect("is a deadlock victim: StoreBusy, nothing written, and the retry succeeds", () =>
        Effect.gen(function* () {
          const repo = (yield* Store.Store).repository(StoreSuite.TallyAggregate)
          yield* repo.saveWithEvents(Store.everything, tally, 0, added)
          const sql = yield* SqlClient.SqlClient
          yield* sql.unsafe(longWait)
          const other = yield* otherClient
          const encoded = JSON.stringify(Schema.encodeSync(StoreSuite.TallyEvent)(added[0]))
          // the other connection inserts event 2 (not committed); the store's append locks the record and waits
          // for that event's key; the other then asks for the record's lock: a cycle the server breaks
          const result = yield* whileHeld(
            other,
            other.unsafe(
              `INSERT INTO zhili_test_tally_event (tenant, aggregate_id, seq, event) VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)})`,
              [tenant, "n1", 2, encoded]
            ),
            repo.append(Store.everything, tenant, "n1", added, 1),
            Effect.zipRight(
              // on the real clock (the test's clock stands still): the store's append is waiting by then
              Effect.promise(() => new Promise((resolve) => setTimeout(resolve, 300))),
              other.unsafe(`SELECT id FROM zhili_test_tally WHERE tenant = ${p(1)} AND id = ${p(2)} FOR UPDATE`, [
                tenant,
                "n1"
              ])
            )
          )
          // the server's own deadlock error, not a lock wait that ran out
          const code = (e: unknown) =>
            String((e as { readonly cause?: { readonly cause?: { readonly code?: unknown } } }).cause?.cause?.code)
          assert.deepStrictEqual(result._tag === "Left" ? [result.left._tag, code(result.left)] : "done", [
            "StoreBusy",
            deadlock
          ])
          assert.deepStrictEqual(
            (yield* repo.events(Store.everything, tenant, "n1")).map((e) => e.seq),
            [1]
          )
          assert.deepStrictEqual(
            (yield* audited).filter((x) => x.endsWith(" n1")),
            ["saveWithEvents n1"]
          )
          assert.strictEqual(yield* repo.append(Store.everything, tenant, "n1", added, 1), 2)
          assert.deepStrictEqual(
            (yield* audited).filter((x) => x.endsWith(" n1")),
            ["append n1", "saveWithEvents n1"]
          )
        }).pipe(Effect.scoped)
      )
    })
  })
}

const pg = await postgres()
cases(
  "postgresql",
  pg,
  (url) => Drivers.layerPg({ url, aggregates, maxConnections: 1 }),
  (url) => Drivers.clientPg({ url }),
  (n) => `$${n}`,
  "SET lock_timeout = '1s'",
  "SET lock_timeout = '10s'",
  "40P01"
)
const my = await mysql()
cases(
  "mariadb",
  my,
  (url) => Drivers.layerMysql({ url, aggregates, maxConnections: 1 }),
  (url) => Drivers.clientMysql({ url }),
  () => "?",
  "SET SESSION innodb_lock_wait_timeout = 1",
  "SET SESSION innodb_lock_wait_timeout = 10",
  "ER_LOCK_DEADLOCK"
)
