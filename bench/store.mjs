// The store benchmark: `pnpm bench:store [--rows N]`. Imports N households (default 1,000,000) through the store
// into SQLite and PostgreSQL, each beside the raw-driver baseline measured in the same run, and prints rows/s, the
// ratio store/raw and the peak RSS of each phase (each phase runs in its own process).
// PostgreSQL: ZHILI_PG_URL (default postgres://postgres@127.0.0.1:5432/test); a fresh schema per phase, dropped after.
import { execFileSync, spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const here = dirname(fileURLToPath(import.meta.url))
const pkg = join(here, "..", "packages", "store-sql")
const require = createRequire(join(pkg, "package.json"))
const { build } = require("esbuild")

const args = process.argv.slice(2)
const rowsAt = args.indexOf("--rows")
const rows = rowsAt >= 0 ? Number(args[rowsAt + 1]) : 1_000_000
const option = (name, fallback) => {
  const at = args.indexOf(name)
  return at >= 0 ? Number(args[at + 1]) : fallback
}
/** Rows per import batch (one transaction each) of the store phases. */
const batch = { sqlite: option("--sqlite-batch", 10_000), pg: option("--pg-batch", 10_000) }
const pgUrl = process.env.ZHILI_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test"

mkdirSync(join(pkg, ".tmp"), { recursive: true })
const work = mkdtempSync(join(pkg, ".tmp", "bench-"))
const script = join(work, "store.mjs")
await build({
  entryPoints: [join(here, "store.ts")],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outfile: script,
  nodePaths: [join(pkg, "node_modules")],
  alias: { "@zhili/store-sql": join(pkg, "src", "index.ts") },
  conditions: ["@zhili/source"],
  external: ["effect", "@effect/*", "better-sqlite3", "pg", "pg-copy-streams", "mysql2"],
  logLevel: "error"
})

const psql = (sql) => execFileSync("psql", [pgUrl, "-qAtc", sql], { encoding: "utf8" })

const phase = (name, target) => {
  const r = spawnSync(
    process.execPath,
    [
      ...(process.env.BENCH_PROF ? ["--cpu-prof", "--cpu-prof-dir", process.env.BENCH_PROF] : []),
      script,
      name,
      String(rows),
      target,
      String(name.endsWith("pg") ? batch.pg : batch.sqlite)
    ],
    { encoding: "utf8" }
  )
  if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`)
  return JSON.parse(r.stdout.trim().split("\n").pop())
}

const results = []
try {
  results.push(phase("raw-sqlite", join(work, "raw.db")))
  results.push(phase("store-sqlite", join(work, "store.db")))
  let havePg = true
  try {
    psql("SELECT 1")
  } catch {
    havePg = false
    console.log(`PostgreSQL at ${pgUrl} not reachable: skipping the PostgreSQL phases`)
  }
  if (havePg) {
    for (const name of ["raw-pg", "store-pg"]) {
      const schema = `zbench_${process.pid}_${name.replace("-", "_")}`
      psql(`CREATE SCHEMA ${schema}`)
      try {
        const url = `${pgUrl}${pgUrl.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`
        results.push(phase(name, url))
      } finally {
        psql(`DROP SCHEMA ${schema} CASCADE`)
      }
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}

const fmt = (n) => Math.round(n).toLocaleString("en-US")
console.log(`\nstore benchmark: ${fmt(rows)} households, Node ${process.version}`)
console.log("phase           rows/s      seconds  peak RSS MB")
for (const r of results) {
  console.log(
    `${r.phase.padEnd(14)} ${fmt(r.rowsPerSecond).padStart(10)} ${r.seconds.toFixed(2).padStart(10)} ${r.maxRssMb.toFixed(0).padStart(10)}`
  )
}
for (const engine of ["sqlite", "pg"]) {
  const raw = results.find((r) => r.phase === `raw-${engine}`)
  const store = results.find((r) => r.phase === `store-${engine}`)
  if (raw !== undefined && store !== undefined) {
    const ratio = store.rowsPerSecond / raw.rowsPerSecond
    console.log(`${engine}: store / raw = ${ratio.toFixed(2)}× (goal ≥ 0.70×)${ratio >= 0.7 ? "" : "  BELOW GOAL"}`)
  }
}
