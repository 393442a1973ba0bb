import type * as SqlClient from "@effect/sql/SqlClient"
import { afterAll, assert, describe, it } from "@effect/vitest"
import { Store } from "@zhili/core"
import { Drivers, SqlStore } from "@zhili/store-sql"
import { Servers, StoreSuite } from "@zhili/testing/suites"
import { Deferred, Effect, Either, Exit, Layer, Ref } from "effect"
import { mysql, postgres, type Target } from "./servers.js"

const writers = 6
const rounds = 4
const tenant = "440881002001"

const concurrency = (
  name: string,
  target: Target,
  client: (url: string) => Layer.Layer<SqlClient.SqlClient, Store.StoreError>
) =>
  target._tag === "unavailable"
    ? Servers.skipped(`concurrent writers on separate connections: ${name}`, target.reason)
    : describe(`concurrent writers on separate connections: ${name}`, () => {
        afterAll(target.drop)
        const url = target.url
        const migrated = Drivers.layerFromUrl(url, { aggregates: StoreSuite.aggregates })
        // each writer has its own pool of one connection, and does not migrate
        const writerLayer = () =>
          SqlStore.layerWithoutMigrations({ aggregates: StoreSuite.aggregates }).pipe(Layer.provide(client(url)))

        it.effect(
          "exactly one writer wins each version, the others get VersionConflict, and no event is lost",
          () =>
            Effect.gen(function* () {
              const start = new StoreSuite.Tally({ tenant: tenant as never, id: "n1", version: 0, total: 0 })
              yield* Effect.flatMap(Store.repository(StoreSuite.TallyAggregate), (r) =>
                r.saveWithEvents(Store.everything, StoreSuite.foldTally(start, [{ _tag: "Reset" }]), 0, [
                  { _tag: "Reset" }
                ])
              ).pipe(Effect.provide(migrated))
              for (let round = 1; round <= rounds; round++) {
                const read = yield* Deferred.make<void>()
                const ready = yield* Ref.make(0)
                const attempt = (w: number) =>
                  Effect.gen(function* () {
                    const repo = yield* Store.repository(StoreSuite.TallyAggregate)
                    const current = yield* repo.get(Store.everything, tenant, "n1")
                    if ((yield* Ref.updateAndGet(ready, (n) => n + 1)) === writers)
                      yield* Deferred.succeed(read, undefined)
                    yield* Deferred.await(read)
                    const events = [{ _tag: "Added" as const, n: w + 1 }]
                    return yield* Effect.either(
                      repo.saveWithEvents(
                        Store.everything,
                        StoreSuite.foldTally(current, events),
                        current.version,
                        events
                      )
                    )
                  }).pipe(Effect.provide(writerLayer()))
                const results = yield* Effect.all(
                  Array.from({ length: writers }, (_, w) => attempt(w)),
                  { concurrency: "unbounded" }
                )
                const wins = results.filter(Either.isRight)
                assert.strictEqual(wins.length, 1, `round ${round}: one winner`)
                for (const r of results) {
                  if (Either.isLeft(r)) assert.strictEqual(r.left._tag, "VersionConflict", `round ${round}`)
                }
              }
              // then every writer retries until its increments land: nothing is lost
              const increments = 5
              const retrying = () =>
                Effect.gen(function* () {
                  const repo = yield* Store.repository(StoreSuite.TallyAggregate)
                  let conflicts = 0
                  for (let k = 0; k < increments; k++) {
                    for (;;) {
                      const current = yield* repo.get(Store.everything, tenant, "n1")
                      const events = [{ _tag: "Added" as const, n: 1 }]
                      const exit = yield* Effect.exit(
                        repo.saveWithEvents(
                          Store.everything,
                          StoreSuite.foldTally(current, events),
                          current.version,
                          events
                        )
                      )
                      if (Exit.isSuccess(exit)) break
                      conflicts += 1
                      assert.isTrue(String(exit.cause).includes("VersionConflict"))
                    }
                  }
                  return conflicts
                }).pipe(Effect.provide(writerLayer()))
              yield* Effect.all(
                Array.from({ length: writers }, () => retrying()),
                { concurrency: "unbounded" }
              )
              const [final, log] = yield* Effect.gen(function* () {
                const repo = yield* Store.repository(StoreSuite.TallyAggregate)
                return [
                  yield* repo.get(Store.everything, tenant, "n1"),
                  yield* repo.events(Store.everything, tenant, "n1")
                ] as const
              }).pipe(Effect.provide(migrated))
              assert.strictEqual(log.length, 1 + rounds + writers * increments)
              assert.deepStrictEqual(
                log.map((e) => e.seq),
                Array.from({ length: log.length }, (_, i) => i + 1)
              )
              assert.deepStrictEqual(
                StoreSuite.foldTally(
                  start,
                  log.map((e) => e.event)
                ),
                final
              )
              assert.strictEqual(final.version, 1 + rounds + writers * increments)
            }),
          120_000
        )
      })

concurrency("postgresql", await postgres(), (url) => Drivers.clientPg({ url, maxConnections: 1 }))
concurrency("mariadb", await mysql(), (url) => Drivers.clientMysql({ url, maxConnections: 1 }))
