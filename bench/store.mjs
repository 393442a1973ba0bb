// The store benchmark: `pnpm bench:store [--rows N] [--rounds N] [--only sqlite|pg] [--sqlite-batch N] [--pg-batch N]
// [--pg-partitions N] [--tenants N]`. Imports N households (default 1,000,000) through the store
// into SQLite and PostgreSQL, each beside the raw-driver baseline measured in the same run, and prints rows/s, the
// ratio store/raw and the peak RSS of each phase (each phase runs in its own process).
// --pg-partitions N: both PostgreSQL phases on the tenant-partitioned layout (`partitions: N`: the tables
// `PARTITION BY HASH (tenant)`, the store committing each batch a tenant at a time). --tenants N: the rows spread over
// N communities in contiguous runs, as a city file sorted by community (default 1).
// PostgreSQL: ZHILI_PG_URL (default postgres://postgres@127.0.0.1:5432/test); a fresh schema per phase, dropped after.
import { execFileSync, spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import { cpus, loadavg } from "node:os"
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
/** PostgreSQL tables partitioned by tenant into this many partitions (0: not partitioned); rows over this many tenants. */
const layout = { partitions: option("--pg-partitions", 0), tenants: option("--tenants", 1) }
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
      ...(process.env.BENCH_NODE_FLAGS ? process.env.BENCH_NODE_FLAGS.split(" ") : []),
      script,
      name,
      String(rows),
      target,
      String(name.endsWith("pg") ? batch.pg : batch.sqlite),
      String(name.endsWith("pg") ? layout.partitions : 0),
      String(layout.tenants)
    ],
    { encoding: "utf8" }
  )
  if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`)
  return JSON.parse(r.stdout.trim().split("\n").pop())
}

const rounds = Math.max(1, option("--rounds", 1))
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined
const engines = only === undefined ? ["sqlite", "pg"] : [only]

/**
 * CPU seconds used so far by the local PostgreSQL server (the postmaster, the backends it has reaped and the live
 * ones), read from /proc; undefined when the server is not a process of this machine that /proc shows.
 */
const serverCpuSeconds = () => {
  try {
    const postmaster = execFileSync("pgrep", ["-o", "-x", "postgres"], { encoding: "utf8" }).trim()
    const ticks = (stat, from, to) =>
      stat
        .slice(stat.lastIndexOf(")") + 2)
        .split(" ")
        .slice(from - 3, to - 2)
        .reduce((a, b) => a + Number(b), 0)
    let total = ticks(readFileSync(`/proc/${postmaster}/stat`, "utf8"), 14, 17)
    const children = execFileSync("pgrep", ["-P", postmaster], { encoding: "utf8" }).trim().split("\n")
    for (const c of children) {
      try {
        total += ticks(readFileSync(`/proc/${c}/stat`, "utf8"), 14, 15)
      } catch {
        // exited meanwhile: counted in the postmaster's children times
      }
    }
    return total / 100
  } catch {
    return undefined
  }
}

const pgPhase = (name) => {
  const schema = `zbench_${process.pid}_${name.replace("-", "_")}`
  psql(`SET client_min_messages = warning; CREATE SCHEMA ${schema}`)
  try {
    const url = `${pgUrl}${pgUrl.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`
    const before = serverCpuSeconds()
    const r = phase(name, url)
    const after = serverCpuSeconds()
    return before === undefined || after === undefined ? r : { ...r, serverCpuSeconds: after - before }
  } finally {
    psql(`SET client_min_messages = warning; DROP SCHEMA ${schema} CASCADE`)
  }
}

const results = []
const loadBefore = loadavg()
try {
  let havePg = engines.includes("pg")
  if (havePg) {
    try {
      psql("SELECT 1")
    } catch {
      havePg = false
      console.log(`PostgreSQL at ${pgUrl} not reachable: skipping the PostgreSQL phases`)
    }
  }
  // raw and store alternate, round after round, so that both see the same machine
  for (let round = 1; round <= rounds; round++) {
    if (engines.includes("sqlite")) {
      results.push({ round, ...phase("raw-sqlite", join(work, `raw-${round}.db`)) })
      rmSync(join(work, `raw-${round}.db`), { force: true })
      rmSync(join(work, `raw-${round}.db-wal`), { force: true })
      results.push({ round, ...phase("store-sqlite", join(work, `store-${round}.db`)) })
      rmSync(join(work, `store-${round}.db`), { force: true })
      rmSync(join(work, `store-${round}.db-wal`), { force: true })
    }
    if (havePg) {
      results.push({ round, ...pgPhase("raw-pg") })
      results.push({ round, ...pgPhase("store-pg") })
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}
const loadAfter = loadavg()

const fmt = (n) => Math.round(n).toLocaleString("en-US")
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2
}
const baselineOf = {
  sqlite: "raw batched INSERT (better-sqlite3, 500-row statements)",
  pg: "raw COPY FROM STDIN (pg-copy-streams)"
}
console.log(
  `\nstore benchmark: ${fmt(rows)} households, ${rounds} round(s), Node ${process.version}, ${cpus().length} CPUs`
)
console.log(
  `load average before ${loadBefore.map((l) => l.toFixed(2)).join(" ")}, after ${loadAfter.map((l) => l.toFixed(2)).join(" ")}`
)
console.log(
  `store batches: sqlite ${fmt(batch.sqlite)} rows, pg ${fmt(batch.pg)} rows (one transaction each); raw: one transaction`
)
if (layout.partitions > 0 || layout.tenants > 1) {
  console.log(
    `rows over ${fmt(layout.tenants)} tenant(s); PostgreSQL tables ${layout.partitions > 0 ? `PARTITION BY HASH (tenant), ${layout.partitions} partitions (store: partitions ${layout.partitions})` : "not partitioned"}`
  )
}
console.log(
  "round phase           rows/s    seconds  client CPU s  server CPU s  peak RSS MB  ratio to raw (same round)"
)
for (const r of results) {
  const engine = r.phase.split("-")[1]
  const raw = results.find((x) => x.round === r.round && x.phase === `raw-${engine}`)
  const ratio = raw === undefined ? Number.NaN : r.rowsPerSecond / raw.rowsPerSecond
  console.log(
    `${String(r.round).padStart(5)} ${r.phase.padEnd(13)} ${fmt(r.rowsPerSecond).padStart(10)} ${r.seconds.toFixed(2).padStart(10)} ${r.cpuSeconds.toFixed(2).padStart(13)} ${(r.serverCpuSeconds?.toFixed(2) ?? "").padStart(13)} ${r.maxRssMb.toFixed(0).padStart(12)}  ${ratio.toFixed(2)}×`
  )
}
for (const engine of ["sqlite", "pg"]) {
  const raws = results.filter((r) => r.phase === `raw-${engine}`)
  const stores = results.filter((r) => r.phase === `store-${engine}`)
  if (raws.length > 0 && stores.length > 0) {
    const ratios = stores.map((s) => s.rowsPerSecond / raws.find((r) => r.round === s.round).rowsPerSecond)
    const ratio = median(ratios)
    console.log(
      `${engine}: store ${fmt(median(stores.map((s) => s.rowsPerSecond)))} rows/s (peak RSS ${Math.max(...stores.map((s) => s.maxRssMb)).toFixed(0)} MB) / ` +
        `${baselineOf[engine]} ${fmt(median(raws.map((s) => s.rowsPerSecond)))} rows/s (peak RSS ${Math.max(...raws.map((s) => s.maxRssMb)).toFixed(0)} MB) = ` +
        `${ratio.toFixed(2)}× median of ${ratios.length} (goal ≥ 0.70×)${ratio >= 0.7 ? "" : "  BELOW GOAL"}`
    )
  }
}
