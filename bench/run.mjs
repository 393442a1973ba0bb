// Every benchmark under one command:
// `pnpm bench [--scale S] [--case-sample N] [--rows N] [--report-scale S] [--iterations N] [--cli-rounds N]
// [--only rules|store|encryption|report|cli|size]`.
// - rules: grid and visit coverage over the generated city, the case metrics over its year of cases, assessment
//   scoring of every unit, org-life compliance and rectification completion, each beside an independent reference
//   (plain JS calling no library function on the path it times) computing the same figure (goal ≤ 1.5×), and their
//   sum, a whole year of city metrics (goal under 2 s at scale 1);
// - store: the store import benchmark (bench/store.mjs; goal ≥ 0.7× the raw driver);
// - report: the report's counts for a street and the whole city through `repo.count` (GROUP BY pushed into SQL) on
//   SQLite, PostgreSQL and MariaDB against the same GROUP BY written by hand against the driver (bench/report-sql.ts; goal ≤
//   1.5×), over a city subset (`--report-scale`, default 0.05) loaded through the store.
// - cli: the city's households imported from CSV by the built `zhili import` (bench/cli-import.mjs; goals: peak RSS
//   under 300 MB, ≥ 0.7× the raw driver), `--cli-rounds` times (default 1; the medians of the rounds' ratios).
// - size: what esbuild keeps of zhili for one kernel import and for the getting-started programs, in bytes beside
//   Effect's own `Option` import bundled the same way (bench/size.mjs; goals: under 15 KB gzip, no ECharts).
// Prints every ratio, writes bench/results/<date>-rules.json and the machine it ran on.
import { spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { cpus, totalmem } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, "..")
const args = process.argv.slice(2)
const arg = (name, fallback) => {
  const at = args.indexOf(name)
  return at >= 0 ? args[at + 1] : fallback
}
const scale = arg("--scale", "1")
const caseSample = arg("--case-sample", "100000")
const only = arg("--only", undefined)

const machine = {
  node: process.version,
  cpu: cpus()[0]?.model ?? "unknown",
  cores: cpus().length,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  date: new Date().toISOString()
}
console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}`)

if (only === undefined || only === "rules") {
  const require = createRequire(join(root, "packages", "store-sql", "package.json"))
  const { build } = require("esbuild")
  const work = mkdtempSync(join(root, "packages", "store-sql", ".tmp-rules-"))
  try {
    const script = join(work, "rules.mjs")
    await build({
      entryPoints: [join(here, "rules.ts")],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      outfile: script,
      nodePaths: [join(root, "packages", "testing", "node_modules"), join(root, "node_modules")],
      alias: {
        "@zhili/core": join(root, "packages", "core", "src", "index.ts"),
        "@zhili/testing": join(root, "packages", "testing", "src", "index.ts")
      },
      external: ["effect", "fast-check", "@effect/*", "vitest"],
      logLevel: "error"
    })
    const r = spawnSync(process.execPath, ["--max-old-space-size=8192", script, scale, caseSample], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 1 << 26
    })
    if (r.status !== 0) throw new Error(`the rule benchmark failed (exit ${r.status})`)
    const out = JSON.parse(r.stdout.trim().split("\n").pop())
    console.log(
      `\nrule benchmarks: scale ${scale} (${out.sizes.households.toLocaleString("en-US")} households, ${out.sizes.cases.toLocaleString("en-US")} cases), peak RSS ${out.maxRssMb.toFixed(0)} MB`
    )
    console.log(
      "figure                                                       rule ms reference ms   ratio  goal ≤ 1.5×"
    )
    for (const x of out.results)
      console.log(
        `${x.name.padEnd(60)} ${x.rule.toFixed(0).padStart(8)} ${x.baseline.toFixed(0).padStart(12)} ${x.ratio.toFixed(2).padStart(7)}×  ${x.informational ? "(cost of the explanation; no goal)" : x.ratio <= 1.5 ? "ok" : "ABOVE GOAL"}`
      )
    const figures = out.results.filter((x) => !x.informational)
    const year = figures.reduce((t, x) => t + x.rule, 0)
    const reference = figures.reduce((t, x) => t + x.baseline, 0)
    console.log(
      `${"a whole year of city metrics (every figure above)".padEnd(60)} ${year.toFixed(0).padStart(8)} ${reference.toFixed(0).padStart(12)} ${(year / reference).toFixed(2).padStart(7)}×  ${year < 2000 ? "under 2 s" : "OVER 2 s"}`
    )
    out.wholeYear = { rule: year, reference }
    mkdirSync(join(here, "results"), { recursive: true })
    const file = join(here, "results", `${machine.date.slice(0, 10)}-rules-scale-${scale}.json`)
    writeFileSync(file, `${JSON.stringify({ machine, ...out }, null, 2)}\n`)
    console.log(`written: ${file}`)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

if (only === undefined || only === "encryption") {
  const rows = arg("--rows", undefined)
  const r = spawnSync(
    process.execPath,
    [join(here, "encryption.mjs"), ...(rows === undefined ? [] : ["--rows", rows])],
    { stdio: "inherit" }
  )
  if (r.status !== 0) process.exitCode = r.status ?? 1
}

if (only === undefined || only === "store") {
  const rows = arg("--rows", undefined)
  const r = spawnSync(process.execPath, [join(here, "store.mjs"), ...(rows === undefined ? [] : ["--rows", rows])], {
    stdio: "inherit"
  })
  if (r.status !== 0) process.exitCode = r.status ?? 1
}

if (only === undefined || only === "report") {
  const reportScale = arg("--report-scale", "0.05")
  const iterations = arg("--iterations", "15")
  const pgUrl = process.env.ZHILI_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test"
  const pkg = join(root, "packages", "store-sql")
  const require = createRequire(join(pkg, "package.json"))
  const { build } = require("esbuild")
  mkdirSync(join(pkg, ".tmp"), { recursive: true })
  const work = mkdtempSync(join(pkg, ".tmp", "report-"))
  const psql = (sql) => spawnSync("psql", [pgUrl, "-qAtc", sql], { encoding: "utf8" })
  const schema = `zbench_report_${process.pid}`
  const havePg = psql(`CREATE SCHEMA ${schema}`).status === 0
  if (!havePg) console.log(`PostgreSQL at ${pgUrl} not reachable: PostgreSQL is not measured`)
  // MariaDB: a fresh database on the server of ZHILI_MYSQL_URL
  const mysqlBase = new URL(process.env.ZHILI_MYSQL_URL ?? "mysql://root@127.0.0.1:3306/test")
  const mysqlCli = (sql) =>
    spawnSync(
      "mysql",
      [
        `-h${mysqlBase.hostname}`,
        `-P${mysqlBase.port || "3306"}`,
        `-u${decodeURIComponent(mysqlBase.username || "root")}`,
        ...(mysqlBase.password ? [`-p${decodeURIComponent(mysqlBase.password)}`] : []),
        "-e",
        sql
      ],
      { encoding: "utf8" }
    )
  const mysqlDb = `zbench_report_${process.pid}`
  const haveMysql = mysqlCli(`CREATE DATABASE ${mysqlDb}`).status === 0
  if (!haveMysql) console.log(`MariaDB at ${mysqlBase.host} not reachable: MariaDB is not measured`)
  const mysqlUrl = new URL(mysqlBase)
  mysqlUrl.pathname = `/${mysqlDb}`
  try {
    const script = join(work, "report-sql.mjs")
    await build({
      entryPoints: [join(here, "report-sql.ts")],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      outfile: script,
      nodePaths: [
        join(pkg, "node_modules"),
        join(root, "packages", "testing", "node_modules"),
        join(root, "node_modules")
      ],
      alias: {
        "@zhili/core": join(root, "packages", "core", "src", "index.ts"),
        "@zhili/testing": join(root, "packages", "testing", "src", "index.ts"),
        "@zhili/store-sql": join(pkg, "src", "index.ts")
      },
      conditions: ["@zhili/source"],
      external: ["effect", "@effect/*", "better-sqlite3", "pg", "mysql2", "fast-check", "vitest"],
      logLevel: "error"
    })
    const url = `${pgUrl}${pgUrl.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`
    const r = spawnSync(
      process.execPath,
      [
        script,
        reportScale,
        iterations,
        join(work, "report.db"),
        havePg ? url : "",
        haveMysql ? mysqlUrl.toString() : ""
      ],
      { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 26 }
    )
    if (r.status !== 0) throw new Error(`the report benchmark failed (exit ${r.status})`)
    const out = JSON.parse(r.stdout.trim().split("\n").pop())
    const n = (x) => x.toLocaleString("en-US")
    console.log(
      `\nreport from SQL: scale ${reportScale} (${n(out.loaded.household)} households, ${n(out.loaded.resident)} residents, ${n(out.loaded.visit)} visits), street ${out.street}, median of ${out.iterations}`
    )
    console.log("engine  scope    groups  store ms  by hand ms   ratio  goal ≤ 1.5×")
    for (const x of out.results)
      console.log(
        `${x.engine.padEnd(7)} ${x.scope.padEnd(7)} ${String(x.groups).padStart(7)} ${x.storeMs.toFixed(1).padStart(9)} ${x.handMs.toFixed(1).padStart(11)} ${x.ratio.toFixed(2).padStart(7)}×  ${x.ratio <= 1.5 ? "ok" : "ABOVE GOAL"}`
      )
    mkdirSync(join(here, "results"), { recursive: true })
    const file = join(here, "results", `${machine.date.slice(0, 10)}-report-sql-scale-${reportScale}.json`)
    writeFileSync(file, `${JSON.stringify({ machine, ...out }, null, 2)}\n`)
    console.log(`written: ${file}`)
  } finally {
    if (havePg) psql(`DROP SCHEMA ${schema} CASCADE`)
    if (haveMysql) mysqlCli(`DROP DATABASE ${mysqlDb}`)
    rmSync(work, { recursive: true, force: true })
  }
}

if (only === undefined || only === "cli") {
  const r = spawnSync(
    process.execPath,
    [join(here, "cli-import.mjs"), "--scale", scale, "--rounds", arg("--cli-rounds", "1")],
    { stdio: "inherit" }
  )
  if (r.status !== 0) process.exitCode = r.status ?? 1
}

if (only === undefined || only === "size") {
  const r = spawnSync(process.execPath, [join(here, "size.mjs")], { stdio: "inherit" })
  if (r.status !== 0) process.exitCode = r.status ?? 1
}
