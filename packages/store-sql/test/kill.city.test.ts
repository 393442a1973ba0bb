/**
 * Crash safety at city scale: a bulk import of 50,000 households of the generated city (`City` from
 * `@zhili/testing`, through the registry's household aggregate) is killed with SIGKILL mid-way in a child process.
 * Afterwards the table holds only whole batches (no half-written one), and running the import again completes it
 * with no duplicate (natural keys building + room stay distinct). SQLite and PostgreSQL.
 */
import { type ChildProcess, spawn } from "node:child_process"
import { mkdirSync, mkdtempSync, rmSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import * as SqlClient from "@effect/sql/SqlClient"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import { Drivers } from "@zhili/store-sql"
import { Effect } from "effect"
import { build } from "esbuild"
import { postgres, type Target } from "./servers.js"

const here = dirname(fileURLToPath(import.meta.url))
mkdirSync(join(here, "..", ".tmp"), { recursive: true })
const work = mkdtempSync(join(here, "..", ".tmp", "kill-city-"))
const child = join(work, "city-import-child.mjs")
afterAll(() => rmSync(work, { recursive: true, force: true }))

beforeAll(async () => {
  await build({
    entryPoints: [join(here, "fixtures", "city-import-child.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: child,
    conditions: ["@zhili/source"],
    external: ["effect", "@effect/*", "better-sqlite3", "pg", "mysql2", "fast-check", "vitest"],
    logLevel: "error"
  })
})

const households = 50_000

const start = (url: string, batch: number): ChildProcess =>
  spawn(process.execPath, [child, url, String(households), String(batch)], { stdio: ["ignore", "pipe", "pipe"] })

/** Runs the child until it reports `batches` committed batches, then kills it with SIGKILL. */
const killAfter = (url: string, batch: number, batches: number) =>
  new Promise<void>((resolve, reject) => {
    const p = start(url, batch)
    let out = ""
    let err = ""
    p.stderr?.on("data", (d: Buffer) => {
      err += d.toString()
    })
    p.stdout?.on("data", (d: Buffer) => {
      out += d.toString()
      const seen = out.split("\n").filter((l) => l.startsWith("batch ")).length
      if (seen >= batches && p.exitCode === null) p.kill("SIGKILL")
    })
    p.on("exit", (code, signal) =>
      signal === "SIGKILL" ? resolve() : reject(new Error(`child ended before the kill (code ${code}): ${err}`))
    )
  })

const runToEnd = (url: string, batch: number) =>
  new Promise<string>((resolve, reject) => {
    const p = start(url, batch)
    let out = ""
    let err = ""
    p.stdout?.on("data", (d: Buffer) => {
      out += d.toString()
    })
    p.stderr?.on("data", (d: Buffer) => {
      err += d.toString()
    })
    p.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`child failed (${code}): ${err}`))))
  })

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
  describe(`city households import killed with SIGKILL: ${name}`, () => {
    if (target._tag === "unavailable") {
      it("runs against a live server", (ctx) => {
        console.warn(`[kill city ${name}] skipped: ${target.reason}`)
        ctx.skip(`${name}: ${target.reason}`)
      })
      return
    }
    const url = target._tag === "sqlite" ? join(work, "kill-city.db") : target.url
    if (target._tag === "ready") afterAll(target.drop)
    it(`leaves only whole batches of ${batch}, and a re-run completes ${households} households with no duplicates`, async () => {
      const killAt = Math.floor(households / batch / 3)
      await killAfter(url, batch, killAt)
      const after = await counts(url)
      assert.isAtLeast(after.rows, killAt * batch)
      assert.isBelow(after.rows, households, "the child was killed before the end")
      assert.strictEqual(after.rows % batch, 0, `${after.rows} rows is not a whole number of ${batch}-row batches`)
      assert.deepStrictEqual(after, { rows: after.rows, keys: after.rows, ids: after.rows })
      const out = await runToEnd(url, batch)
      assert.include(out, `done ${households}`)
      assert.deepStrictEqual(await counts(url), { rows: households, keys: households, ids: households })
    }, 120_000)
  })

killTest("sqlite", { _tag: "sqlite" }, 500)
killTest("postgresql", await postgres(), 1000)
