// The store benchmark: `pnpm bench:store [--rows N] [--rounds N] [--only sqlite|pg|mysql] [--sqlite-batch N]
// [--pg-batch N] [--mysql-batch N] [--encryption] [--pg-partitions N] [--tenants N]`. Imports N households (default 1,000,000) through the store into
// SQLite, PostgreSQL and MariaDB, each beside the raw-driver baselines measured in the same run, and prints rows/s,
// the ratio store/raw and the peak RSS of each phase (each phase runs in its own process). MariaDB has two
// ceilings: mysql2 multi-row INSERT (the goal's baseline) and LOAD DATA LOCAL INFILE.
// With --encryption: N residents (name, identity number, phone; a tenth children under 14) through the store with
// encryption at rest off and on (AES-256-GCM), on each engine, and the ratio on/off.
// --pg-partitions N: both PostgreSQL phases on the tenant-partitioned layout (`partitions: N`: the tables
// `PARTITION BY HASH (tenant)`, the store committing each batch a tenant at a time). --tenants N: the rows spread over
// N communities in contiguous runs, as a city file sorted by community (default 1).
// PostgreSQL: ZHILI_PG_URL (default postgres://postgres@127.0.0.1:5432/test); a fresh schema per phase, dropped after.
// MariaDB: ZHILI_MYSQL_URL (default mysql://root@127.0.0.1:3306/test); a fresh database per phase, dropped after.
import { execFileSync, spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
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
const batch = {
  sqlite: option("--sqlite-batch", 10_000),
  pg: option("--pg-batch", 10_000),
  mysql: option("--mysql-batch", 10_000)
}
const encryption = args.includes("--encryption")
/** PostgreSQL tables partitioned by tenant into this many partitions (0: not partitioned); rows over this many tenants. */
const layout = { partitions: option("--pg-partitions", 0), tenants: option("--tenants", 1) }
const pgUrl = process.env.ZHILI_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test"
const mysqlUrl = new URL(process.env.ZHILI_MYSQL_URL ?? "mysql://root@127.0.0.1:3306/test")

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
      String(batch[name.split("-")[1]]),
      String(name.endsWith("pg") ? layout.partitions : 0),
      String(layout.tenants),
      ...(encryption ? ["--encryption"] : [])
    ],
    { encoding: "utf8" }
  )
  if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`)
  return JSON.parse(r.stdout.trim().split("\n").pop())
}

const rounds = Math.max(1, option("--rounds", 1))
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined
const engines = only === undefined ? ["sqlite", "pg", "mysql"] : [only]
/** The phases of an engine, the baseline first: the raw drivers, or with --encryption the store without keys. */
const phasesOf = (engine) =>
  encryption
    ? [`store-${engine}`, `enc-${engine}`]
    : engine === "mysql"
      ? ["raw-mysql", "load-mysql", "store-mysql"]
      : [`raw-${engine}`, `store-${engine}`]

/**
 * CPU seconds used so far by the local PostgreSQL server (the postmaster, the backends it has reaped and the live
 * ones), read from /proc; undefined when the server is not a process of this machine that /proc shows.
 */
const serverCpuSeconds = (engine) => {
  try {
    if (engine === "mysql") {
      // one process, its threads' times included
      const pid = execFileSync("pgrep", ["-o", "-x", "mariadbd|mysqld"], { encoding: "utf8" }).trim()
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      return (Number(f[11]) + Number(f[12])) / 100
    }
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
    const before = serverCpuSeconds("pg")
    const r = phase(name, url)
    const after = serverCpuSeconds("pg")
    return before === undefined || after === undefined ? r : { ...r, serverCpuSeconds: after - before }
  } finally {
    psql(`SET client_min_messages = warning; DROP SCHEMA ${schema} CASCADE`)
  }
}

const mysqlCli = (sql) =>
  execFileSync(
    "mysql",
    [
      `-h${mysqlUrl.hostname}`,
      `-P${mysqlUrl.port || "3306"}`,
      `-u${decodeURIComponent(mysqlUrl.username || "root")}`,
      ...(mysqlUrl.password ? [`-p${decodeURIComponent(mysqlUrl.password)}`] : []),
      "-e",
      sql
    ],
    { encoding: "utf8" }
  )

/** A phase into a fresh MariaDB database, dropped afterwards. */
const mysqlPhase = (name) => {
  const db = `zbench_${process.pid}_${name.replace("-", "_")}`
  mysqlCli(`CREATE DATABASE ${db}`)
  try {
    const url = new URL(mysqlUrl)
    url.pathname = `/${db}`
    const before = serverCpuSeconds("mysql")
    const r = phase(name, url.toString())
    const after = serverCpuSeconds("mysql")
    return before === undefined || after === undefined ? r : { ...r, serverCpuSeconds: after - before }
  } finally {
    mysqlCli(`DROP DATABASE ${db}`)
  }
}

const sqlitePhase = (name, round) => {
  const file = join(work, `${name}-${round}.db`)
  try {
    return phase(name, file)
  } finally {
    for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true })
  }
}

const results = []
const loadBefore = loadavg()
try {
  const reachable = { sqlite: true, pg: false, mysql: false }
  if (engines.includes("pg")) {
    try {
      psql("SELECT 1")
      reachable.pg = true
    } catch {
      console.log(`PostgreSQL at ${pgUrl} not reachable: skipping the PostgreSQL phases`)
    }
  }
  if (engines.includes("mysql")) {
    try {
      mysqlCli("SELECT 1")
      reachable.mysql = true
    } catch {
      console.log(`MariaDB at ${mysqlUrl.host} not reachable: skipping the MariaDB phases`)
    }
  }
  // the phases of an engine alternate, round after round, so that all see the same machine
  for (let round = 1; round <= rounds; round++) {
    for (const engine of engines) {
      if (!reachable[engine]) continue
      for (const name of phasesOf(engine)) {
        const r = engine === "sqlite" ? sqlitePhase(name, round) : engine === "pg" ? pgPhase(name) : mysqlPhase(name)
        results.push({ round, engine, ...r })
      }
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
  "raw-sqlite": "raw batched INSERT (better-sqlite3, 500-row statements)",
  "raw-pg": "raw COPY FROM STDIN (pg-copy-streams)",
  "raw-mysql": "raw multi-row INSERT (mysql2, 500-row prepared statements)",
  "load-mysql": "raw LOAD DATA LOCAL INFILE (mysql2)",
  "store-sqlite": "the store without encryption",
  "store-pg": "the store without encryption",
  "store-mysql": "the store without encryption"
}
const goal = encryption ? 1.3 : 0.9
console.log(
  `\nstore benchmark: ${fmt(rows)} ${encryption ? "residents, encryption on / off" : "households"}, ${rounds} round(s), Node ${process.version}, ${cpus().length} CPUs`
)
console.log(
  `load average before ${loadBefore.map((l) => l.toFixed(2)).join(" ")}, after ${loadAfter.map((l) => l.toFixed(2)).join(" ")}`
)
console.log(
  `store batches: sqlite ${fmt(batch.sqlite)} rows, pg ${fmt(batch.pg)} rows, mysql ${fmt(batch.mysql)} rows (one transaction each); raw: one transaction`
)
if (layout.partitions > 0 || layout.tenants > 1) {
  console.log(
    `rows over ${fmt(layout.tenants)} tenant(s); PostgreSQL tables ${layout.partitions > 0 ? `PARTITION BY HASH (tenant), ${layout.partitions} partitions (store: partitions ${layout.partitions})` : "not partitioned"}`
  )
}
console.log(
  "round phase           rows/s    seconds  client CPU s  server CPU s  peak RSS MB  ratio to the baseline (same round)"
)
const baselinePhase = (engine) => phasesOf(engine)[0]
for (const r of results) {
  const base = results.find((x) => x.round === r.round && x.phase === baselinePhase(r.engine))
  const ratio = base === undefined ? Number.NaN : r.rowsPerSecond / base.rowsPerSecond
  const timeRatio = base === undefined ? Number.NaN : r.seconds / base.seconds
  console.log(
    `${String(r.round).padStart(5)} ${r.phase.padEnd(13)} ${fmt(r.rowsPerSecond).padStart(10)} ${r.seconds.toFixed(2).padStart(10)} ${r.cpuSeconds.toFixed(2).padStart(13)} ${(r.serverCpuSeconds?.toFixed(2) ?? "").padStart(13)} ${r.maxRssMb.toFixed(0).padStart(12)}  ${encryption ? `${timeRatio.toFixed(2)}× time` : `${ratio.toFixed(2)}×`}`
  )
}
const summary = []
for (const engine of engines) {
  const [first, ...others] = phasesOf(engine)
  const bases = results.filter((r) => r.phase === first)
  if (bases.length === 0) continue
  const line = (name, against, ratioOf, goalText) => {
    const mine = results.filter((r) => r.phase === name)
    const ratios = mine.map((s) =>
      ratioOf(
        s,
        against.find((r) => r.round === s.round)
      )
    )
    const ratio = median(ratios)
    const text =
      `${engine}: ${name} ${fmt(median(mine.map((s) => s.rowsPerSecond)))} rows/s (peak RSS ${Math.max(...mine.map((s) => s.maxRssMb)).toFixed(0)} MB) / ` +
      `${baselineOf[against[0].phase]} ${fmt(median(against.map((s) => s.rowsPerSecond)))} rows/s (peak RSS ${Math.max(...against.map((s) => s.maxRssMb)).toFixed(0)} MB) = ` +
      `${ratio.toFixed(2)}× median of ${ratios.length} (${ratios.map((x) => x.toFixed(2)).join(" / ")})${goalText(ratio)}`
    console.log(text)
    summary.push({ engine, phase: name, baseline: against[0].phase, ratio, ratios })
  }
  if (encryption) {
    line(
      others[0],
      bases,
      (s, b) => s.seconds / b.seconds,
      (r) => ` time on / off (goal ≤ ${goal.toFixed(2)}×)${r <= goal ? "" : "  ABOVE GOAL"}`
    )
  } else {
    const store = `store-${engine}`
    line(
      store,
      bases,
      (s, b) => s.rowsPerSecond / b.rowsPerSecond,
      (r) => ` (goal ≥ ${goal.toFixed(2)}×)${r >= goal ? "" : "  BELOW GOAL"}`
    )
    if (engine === "mysql") {
      const loads = results.filter((r) => r.phase === "load-mysql")
      if (loads.length > 0)
        line(
          store,
          loads,
          (s, b) => s.rowsPerSecond / b.rowsPerSecond,
          () => " (no goal)"
        )
    }
  }
}
if (process.env.BENCH_JSON)
  writeFileSync(
    process.env.BENCH_JSON,
    `${JSON.stringify({ rows, rounds, encryption, loadBefore, loadAfter, results, summary }, null, 2)}\n`
  )
