import { join } from "node:path"
import * as SqlClient from "@effect/sql/SqlClient"
import { afterAll, assert, describe, it } from "@effect/vitest"
import { Drivers } from "@zhili/store-sql"
import { Servers } from "@zhili/testing/suites"
import { Effect } from "effect"
import { importChild } from "./fixtures/childProcess.js"
import { postgres, type Target } from "./servers.js"

const { work, killAfter, runToEnd } = importChild("import-child.ts", "kill-")

const counts = (url: string) =>
  Effect.runPromise(
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient
      const rows = yield* sql.unsafe<{ n: number | string; k: number | string }>(
        "SELECT COUNT(*) AS n, COUNT(DISTINCT nkey) AS k FROM zhili_kill_household"
      )
      return { rows: Number(rows[0]?.n), distinct: Number(rows[0]?.k) }
    }).pipe(Effect.provide(Drivers.clientFromUrl(url)), Effect.scoped)
  )

const killTest = (name: string, target: Target | { readonly _tag: "sqlite" }, rows: number, batch: number) =>
  target._tag === "unavailable"
    ? Servers.skipped(`bulk import killed with SIGKILL: ${name}`, target.reason)
    : describe(`bulk import killed with SIGKILL: ${name}`, () => {
        const url = target._tag === "sqlite" ? join(work, "kill.db") : target.url
        if (target._tag === "ready") afterAll(target.drop)
        it("leaves only whole batches, and a re-run completes with no duplicates", async () => {
          await killAfter([url, String(rows), String(batch)], 3)
          const after = await counts(url)
          assert.isAtLeast(after.rows, 3 * batch)
          assert.isBelow(after.rows, rows, "the child was killed before the end")
          assert.strictEqual(after.rows % batch, 0, `${after.rows} rows is not a whole number of ${batch}-row batches`)
          assert.strictEqual(after.distinct, after.rows)
          const out = await runToEnd([url, String(rows), String(batch)])
          assert.include(out, `done ${rows}`)
          assert.deepStrictEqual(await counts(url), { rows, distinct: rows })
        }, 180_000)
      })

killTest("sqlite", { _tag: "sqlite" }, 200_000, 500)
killTest("postgresql", await postgres(), 100_000, 1000)
