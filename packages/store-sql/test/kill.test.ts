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
const work = mkdtempSync(join(here, "..", ".tmp", "kill-"))
const child = join(work, "import-child.mjs")
afterAll(() => rmSync(work, { recursive: true, force: true }))

beforeAll(async () => {
  // the child runs the store from its TypeScript sources, bundled; drivers and effect stay external
  await build({
    entryPoints: [join(here, "fixtures", "import-child.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: child,
    conditions: ["@zhili/source"],
    external: ["effect", "@effect/*", "better-sqlite3", "pg", "mysql2"],
    logLevel: "error"
  })
})

const start = (url: string, rows: number, batch: number): ChildProcess =>
  spawn(process.execPath, [child, url, String(rows), String(batch)], { stdio: ["ignore", "pipe", "pipe"] })

/** Runs the child until it reports `batches` committed batches, then kills it with SIGKILL. */
const killAfter = (url: string, rows: number, batch: number, batches: number) =>
  new Promise<void>((resolve, reject) => {
    const p = start(url, rows, batch)
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

const runToEnd = (url: string, rows: number, batch: number) =>
  new Promise<string>((resolve, reject) => {
    const p = start(url, rows, batch)
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
      const rows = yield* sql.unsafe<{ n: number | string; k: number | string }>(
        "SELECT COUNT(*) AS n, COUNT(DISTINCT nkey) AS k FROM zhili_kill_household"
      )
      return { rows: Number(rows[0]?.n), distinct: Number(rows[0]?.k) }
    }).pipe(Effect.provide(Drivers.clientFromUrl(url)), Effect.scoped)
  )

const killTest = (name: string, target: Target | { readonly _tag: "sqlite" }, rows: number, batch: number) =>
  describe(`bulk import killed with SIGKILL: ${name}`, () => {
    if (target._tag === "unavailable") {
      it("runs against a live server", (ctx) => {
        console.warn(`[kill ${name}] skipped: ${target.reason}`)
        ctx.skip(`${name}: ${target.reason}`)
      })
      return
    }
    const url = target._tag === "sqlite" ? join(work, "kill.db") : target.url
    if (target._tag === "ready") afterAll(target.drop)
    it("leaves only whole batches, and a re-run completes with no duplicates", async () => {
      await killAfter(url, rows, batch, 3)
      const after = await counts(url)
      assert.isAtLeast(after.rows, 3 * batch)
      assert.isBelow(after.rows, rows, "the child was killed before the end")
      assert.strictEqual(after.rows % batch, 0, `${after.rows} rows is not a whole number of ${batch}-row batches`)
      assert.strictEqual(after.distinct, after.rows)
      const out = await runToEnd(url, rows, batch)
      assert.include(out, `done ${rows}`)
      assert.deepStrictEqual(await counts(url), { rows, distinct: rows })
    }, 180_000)
  })

killTest("sqlite", { _tag: "sqlite" }, 200_000, 500)
killTest("postgresql", await postgres(), 100_000, 1000)
