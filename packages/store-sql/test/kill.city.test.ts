/**
 * Crash safety at city scale: a bulk import of 50,000 households of the generated city (`City` from
 * `@zhili/testing`, through the registry's household aggregate) is killed with SIGKILL mid-way in a child process.
 * Afterwards the table holds only whole batches (no half-written one), and running the import again completes it
 * with no duplicate (natural keys building + room stay distinct). SQLite and PostgreSQL.
 */
import { join } from "node:path"
import * as SqlClient from "@effect/sql/SqlClient"
import { afterAll, assert, describe, it } from "@effect/vitest"
import { Drivers } from "@zhili/store-sql"
import { Servers } from "@zhili/testing/suites"
import { Effect } from "effect"
import { importChild } from "./fixtures/childProcess.js"
import { postgres, type Target } from "./servers.js"

const { work, killAfter, runToEnd } = importChild("city-import-child.ts", "kill-city-")

const households = 50_000

const counts = (url: string) =>
  Effect.runPromise(
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const rows = yield* sql.unsafe<{ n: number | string; k: number | string; i: number | string }>(
        "SELECT COUNT(*) AS n, COUNT(DISTINCT nkey) AS k, COUNT(DISTINCT id) AS i FROM zhili_household"
      )
      return { rows: Number(rows[0]?.n), keys: Number(rows[0]?.k), ids: Number(rows[0]?.i) }
    }).pipe(Effect.provide(Drivers.clientFromUrl(url)), Effect.scoped)
  )

const killTest = (name: string, target: Target | { readonly _tag: "sqlite" }, batch: number) =>
  target._tag === "unavailable"
    ? Servers.skipped(`city households import killed with SIGKILL: ${name}`, target.reason)
    : describe(`city households import killed with SIGKILL: ${name}`, () => {
        const url = target._tag === "sqlite" ? join(work, "kill-city.db") : target.url
        if (target._tag === "ready") afterAll(target.drop)
        it(`leaves only whole batches of ${batch}, and a re-run completes ${households} households with no duplicates`, async () => {
          const killAt = Math.floor(households / batch / 3)
          await killAfter([url, String(households), String(batch)], killAt)
          const after = await counts(url)
          assert.isAtLeast(after.rows, killAt * batch)
          assert.isBelow(after.rows, households, "the child was killed before the end")
          assert.strictEqual(after.rows % batch, 0, `${after.rows} rows is not a whole number of ${batch}-row batches`)
          assert.deepStrictEqual(after, { rows: after.rows, keys: after.rows, ids: after.rows })
          const out = await runToEnd([url, String(households), String(batch)])
          assert.include(out, `done ${households}`)
          assert.deepStrictEqual(await counts(url), { rows: households, keys: households, ids: households })
        }, 120_000)
      })

killTest("sqlite", { _tag: "sqlite" }, 500)
killTest("postgresql", await postgres(), 1000)
