import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Store } from "@zhili/core"
import { Drivers } from "@zhili/store-sql"
import Database from "better-sqlite3"
import { Effect, Either, Schema } from "effect"
import { importChild } from "./fixtures/childProcess.js"
import { Household, HouseholdAggregate, row } from "./fixtures/Household.js"

const { work, runToEnd } = importChild("contention-child.ts", "contention-")

const writers = 8
const increments = 15

describe("SQLite under contention: eight writers, each its own process and connection, on one file", () => {
  it.effect(
    "every refused save is a VersionConflict or a StoreBusy (never a plain StoreError), and no increment is lost",
    () =>
      Effect.gen(function* () {
        const filename = join(work, "contention.db")
        const layer = Drivers.layerSqlite({ filename, aggregates: [HouseholdAggregate] })
        yield* Effect.flatMap(Store.repository(HouseholdAggregate), (repo) =>
          repo.save(Store.everything, Schema.decodeSync(Household)({ ...row(0), members: 0 }), 0)
        ).pipe(Effect.provide(layer))
        const outputs = yield* Effect.promise(() =>
          Promise.all(Array.from({ length: writers }, (_, w) => runToEnd([filename, String(w), String(increments)])))
        )
        const results = outputs.map(
          (o) => JSON.parse(o.trim()) as { refused: Record<string, number>; other: Array<string> }
        )
        const tags = new Set(results.flatMap((r) => Object.keys(r.refused)))
        expect(results.flatMap((r) => r.other)).toEqual([])
        for (const tag of tags) expect(["VersionConflict", "StoreBusy"]).toContain(tag)
        // the writers did contend: some saves were refused as conflicts
        expect(results.reduce((n, r) => n + (r.refused.VersionConflict ?? 0), 0)).toBeGreaterThan(0)
        const [shared, all] = yield* Effect.flatMap(Store.repository(HouseholdAggregate), (repo) =>
          Effect.all([repo.get(Store.everything, "440881002001", "h0"), repo.list(Store.everything, { limit: 1000 })])
        ).pipe(Effect.provide(layer))
        expect(shared.members).toBe(writers * increments)
        expect(shared.version).toBe(1 + writers * increments)
        expect(all.items.length).toBe(1 + writers * increments)
      }),
    120_000
  )
})

describe("SQLite: a write locked out past the busy timeout", () => {
  it.effect("fails with StoreBusy after waiting the busy timeout, writes nothing, and succeeds when retried", () =>
    Effect.gen(function* () {
      const filename = join(work, "busy.db")
      const layer = Drivers.layerSqlite({ filename, aggregates: [HouseholdAggregate], busyTimeoutMs: 300 })
      const household = Schema.decodeSync(Household)({ ...row(7), address: "锦绣小区 3 栋 1201，电话 13800138000" })
      yield* Effect.gen(function* () {
        const repo = yield* Store.repository(HouseholdAggregate)
        yield* repo.save(Store.everything, Schema.decodeSync(Household)(row(1)), 0)
        // another connection (another program) holds the write lock
        const other = new Database(filename)
        other.exec("BEGIN IMMEDIATE")
        const started = Date.now()
        const refused = yield* Effect.either(repo.save(Store.everything, household, 0))
        const waited = Date.now() - started
        other.exec("ROLLBACK")
        other.close()
        expect(Either.isLeft(refused) && refused.left._tag).toBe("StoreBusy")
        if (Either.isLeft(refused)) {
          // where and what, and nothing of the record
          expect(refused.left.message).toBe(
            "store save of kill_household: the database stayed locked by another writer past the lock wait (or rolled the write back as a deadlock victim); nothing was written, try again"
          )
        }
        // it waited the busy timeout first
        expect(waited).toBeGreaterThanOrEqual(250)
        expect((yield* repo.list(Store.everything)).items.map((h) => h.id)).toEqual(["h1"])
        yield* repo.save(Store.everything, household, 0)
        expect((yield* repo.list(Store.everything)).items.map((h) => h.id).sort()).toEqual(["h1", "h7"])
      }).pipe(Effect.provide(layer))
    })
  )
})
