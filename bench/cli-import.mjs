// The CLI import benchmark: `node bench/cli-import.mjs [--scale S] [--rounds N] [--no-build]` (also
// `pnpm bench --only cli`).
// Writes the generated city's registry (City from @zhili/testing; scale 1 = 10,000 grids, 80,000 buildings and
// 1.6 M households) as CSV files, streamed, then runs the built `zhili import` (packages/cli/dist/bin/bin.js, built first
// unless --no-build) as a child process into SQLite and into PostgreSQL (--url, a fresh schema): grids and buildings
// first (so households are placed in their micro grids), then the timed households file. The child's peak RSS is
// sampled from /proc/<pid>/status (VmHWM) every 100 ms. Baseline: the raw-driver import of as many households
// (bench/store.ts: batched multi-row INSERT with better-sqlite3, multi-row INSERT with pg), run in the same run; the
// store's own import of as many rows (bench/store.ts, no CSV and no CLI) is shown beside it, to split the cost.
// Goals: peak RSS under 300 MB, flat (the same at every size), and ≥ 0.7× the raw rate. With --rounds N every phase
// runs N times, interleaved (raw, store, CLI, raw, …), and the ratios are the medians of each round's ratio: the raw
// baselines alone vary by 10–20 % from run to run on a shared machine.
import { spawn, spawnSync } from "node:child_process"
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { cpus, totalmem } from "node:os"
import { join } from "node:path"
import { bundle, fmt, havePg, here, inPgSchema, root, scratch, storePhases } from "./phases.mjs"

const args = process.argv.slice(2)
const arg = (name, fallback) => {
  const at = args.indexOf(name)
  return at >= 0 ? args[at + 1] : fallback
}
const scale = arg("--scale", "1")
const rounds = Math.max(1, Number(arg("--rounds", "1")))
const bin = join(root, "packages", "cli", "dist", "bin", "bin.js")

if (!args.includes("--no-build") || !existsSync(bin)) {
  console.log('building the CLI: pnpm -r --filter "@zhili/cli..." run build')
  const b = spawnSync("pnpm", ["-r", "--filter", "@zhili/cli...", "run", "build"], { cwd: root, stdio: "ignore" })
  if (b.status !== 0) throw new Error("building the CLI failed: run the command above to see why")
}

const kb = (status, field) => {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)
  return m === null ? undefined : Number(m[1])
}

/** Runs `zhili <args>`, sampling its RSS; resolves to { seconds, peakMb, rssMb: [samples], stdout }. */
const zhili = (cliArgs) =>
  new Promise((resolve, reject) => {
    const started = performance.now()
    const p = spawn(process.execPath, [bin, ...cliArgs], {
      stdio: ["ignore", "pipe", "pipe"],
      // the summary line is read in English (the command speaks Chinese by default)
      env: { ...process.env, ZHILI_LANG: "en" }
    })
    let stdout = ""
    let stderr = ""
    let peak = 0
    const samples = []
    const sample = () => {
      try {
        const status = readFileSync(`/proc/${p.pid}/status`, "utf8")
        peak = Math.max(peak, kb(status, "VmHWM") ?? 0)
        const rss = kb(status, "VmRSS")
        if (rss !== undefined) samples.push([(performance.now() - started) / 1000, rss / 1024])
      } catch {
        // the process has just exited, or there is no /proc (not Linux)
      }
    }
    const timer = setInterval(sample, 100)
    p.stdout.on("data", (d) => {
      stdout += d.toString()
    })
    p.stderr.on("data", (d) => {
      stderr = (stderr + d.toString()).slice(-4000)
    })
    p.on("exit", (code) => {
      clearInterval(timer)
      const seconds = (performance.now() - started) / 1000
      if (code !== 0) reject(new Error(`zhili ${cliArgs.join(" ")} failed (${code}):\n${stdout.slice(-2000)}${stderr}`))
      else resolve({ seconds, peakMb: peak === 0 ? undefined : peak / 1024, samples, stdout })
    })
  })

/** RSS at each tenth of the run (MB), to show it flat. */
const profile = (samples, seconds) =>
  Array.from({ length: 10 }, (_, i) => {
    const t = ((i + 1) / 10) * seconds
    let last
    for (const s of samples) if (s[0] <= t) last = s[1]
    return last === undefined ? null : Math.round(last)
  })

const written = (stdout) => Number(/(\d+) household records written/.exec(stdout)?.[1] ?? Number.NaN)

const work = scratch("cli-")
const results = []
const record = (r) => {
  results.push(r)
  console.log(
    `  ${r.phase}: ${fmt(r.rowsPerSecond)} rows/s, ${r.seconds.toFixed(1)} s, peak RSS ${r.maxRssMb?.toFixed(0) ?? "n/a"} MB`
  )
}
let city
try {
  console.log(`writing the city at scale ${scale} as CSV (grids, buildings, households)…`)
  await bundle("city-csv.ts", join(work, "city-csv.mjs"))
  const gen = spawnSync(process.execPath, [join(work, "city-csv.mjs"), scale, work], { encoding: "utf8" })
  if (gen.status !== 0) throw new Error(`writing the city failed: ${gen.stderr}`)
  city = JSON.parse(gen.stdout.trim().split("\n").pop())
  console.log(
    `  ${fmt(city.grids)} grids, ${fmt(city.buildings)} buildings, ${fmt(city.households)} households, ${(city.bytes / 2 ** 20).toFixed(0)} MB in ${city.seconds.toFixed(1)} s`
  )
  writeFileSync(join(work, "empty.csv"), "编号,社区代码,楼栋,房号\n")
  const phase = await storePhases(work)
  const file = (name) => join(work, `${name}.csv`)

  const cliPhase = async (engine, target) => {
    for (const kind of ["grids", "buildings"]) await zhili(["import", ...target, file(kind)])
    // the fixed cost: starting the CLI, opening (and migrating) the store, reading a file with no rows
    const empty = await zhili(["import", ...target, file("empty"), "--kind", "household"])
    const r = await zhili(["import", ...target, file("households")])
    const n = written(r.stdout)
    if (n !== city.households) throw new Error(`zhili import wrote ${n} of ${city.households} households:\n${r.stdout}`)
    return {
      phase: `cli-${engine}`,
      rows: n,
      seconds: r.seconds,
      rowsPerSecond: n / r.seconds,
      startupSeconds: empty.seconds,
      maxRssMb: r.peakMb,
      rssProfileMb: profile(r.samples, r.seconds)
    }
  }

  for (let round = 1; round <= rounds; round++) {
    const tag = rounds > 1 ? ` (round ${round} of ${rounds})` : ""
    console.log(`raw SQLite${tag}…`)
    record({ ...phase("raw-sqlite", city.households, join(work, `raw-${round}.db`)), round })
    console.log(`store import into SQLite (no CSV, no CLI)${tag}…`)
    record({ ...phase("store-sqlite", city.households, join(work, `store-${round}.db`)), round })
    console.log(`zhili import into SQLite${tag}…`)
    record({ ...(await cliPhase("sqlite", [join(work, `cli-${round}.db`)])), round })
    for (const db of ["raw", "store", "cli"]) rmSync(join(work, `${db}-${round}.db`), { force: true })
    if (havePg()) {
      console.log(`raw PostgreSQL${tag}…`)
      record({ ...(await inPgSchema("raw-pg", (url) => phase("raw-pg", city.households, url))), round })
      console.log(`store import into PostgreSQL (no CSV, no CLI)${tag}…`)
      record({ ...(await inPgSchema("store-pg", (url) => phase("store-pg", city.households, url))), round })
      console.log(`zhili import into PostgreSQL${tag}…`)
      record({ ...(await inPgSchema("cli-pg", (url) => cliPhase("pg", ["server", "--url", url]))), round })
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}

const machine = {
  node: process.version,
  cpu: cpus()[0]?.model ?? "unknown",
  cores: cpus().length,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  date: new Date().toISOString()
}
console.log(
  `\nCLI import benchmark: scale ${scale}, ${fmt(city.households)} households, ${rounds} round(s), Node ${process.version}`
)
console.log("phase         round    rows/s     seconds  startup s  peak RSS MB  RSS at each tenth of the run (MB)")
for (const r of results)
  console.log(
    `${r.phase.padEnd(12)} ${String(r.round).padStart(6)} ${fmt(r.rowsPerSecond).padStart(9)} ${r.seconds.toFixed(1).padStart(10)} ${(r.startupSeconds?.toFixed(1) ?? "").padStart(10)} ${(r.maxRssMb === undefined ? "n/a" : r.maxRssMb.toFixed(0)).padStart(12)}  ${(r.rssProfileMb ?? []).join(" ")}`
  )
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length === 0
    ? Number.NaN
    : s.length % 2 === 1
      ? s[(s.length - 1) / 2]
      : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const ratios = []
for (const engine of ["sqlite", "pg"]) {
  const perRound = []
  for (let round = 1; round <= rounds; round++) {
    const of = (name) => results.find((r) => r.phase === `${name}-${engine}` && r.round === round)
    const raw = of("raw")
    const cli = of("cli")
    if (raw === undefined || cli === undefined) continue
    const store = of("store")
    perRound.push({
      round,
      ratio: cli.rowsPerSecond / raw.rowsPerSecond,
      cliOverStore: store === undefined ? undefined : cli.rowsPerSecond / store.rowsPerSecond,
      peakRssMb: cli.maxRssMb
    })
  }
  if (perRound.length === 0) continue
  const ratio = median(perRound.map((r) => r.ratio))
  const stores = perRound.map((r) => r.cliOverStore).filter((x) => x !== undefined)
  const ofStore = stores.length === 0 ? undefined : median(stores)
  const peak = Math.max(...perRound.map((r) => r.peakRssMb ?? 0))
  const flat = peak > 0 && peak < 300
  ratios.push({ engine, ratio, cliOverStore: ofStore, peakRssMb: peak, rounds: perRound })
  const each = perRound.length > 1 ? ` (rounds: ${perRound.map((r) => `${r.ratio.toFixed(2)}×`).join(", ")})` : ""
  console.log(
    `${engine}: zhili import / raw = ${ratio.toFixed(2)}×${each} (goal ≥ 0.70×)${ratio >= 0.7 ? "" : "  BELOW GOAL"}; peak RSS ${peak.toFixed(0)} MB (goal < 300 MB)${flat ? "" : "  ABOVE GOAL"}${ofStore === undefined ? "" : `; zhili import / store import = ${ofStore.toFixed(2)}×`}`
  )
}
mkdirSync(join(here, "results"), { recursive: true })
const out = join(here, "results", `${machine.date.slice(0, 10)}-cli-import-scale-${scale}.json`)
writeFileSync(out, `${JSON.stringify({ machine, scale: Number(scale), rounds, city, results, ratios }, null, 2)}\n`)
console.log(`written: ${out}`)
