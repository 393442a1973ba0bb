// The encryption benchmark: `node bench/encryption.mjs [--rows N] [--rounds R]` (also `pnpm bench --only
// encryption`). Residents are imported into SQLite and read back through the store with encryption off, on
// (AES-256-GCM) and on with SM4 (SM4-CTR + HMAC-SM3), each phase in its own process on a fresh file, phases
// interleaved per round; prints each phase's times and the on/off ratios (median over the rounds). Goal: ≤ 1.3×.
import { spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, "..")
const pkg = join(root, "packages", "store-sql")
const require = createRequire(join(pkg, "package.json"))
const { build } = require("esbuild")
const args = process.argv.slice(2).filter((a) => a !== "--")
const option = (name, fallback) => {
  const at = args.indexOf(name)
  return at >= 0 ? Number(args[at + 1]) : fallback
}
const rows = option("--rows", 100_000)
const rounds = option("--rounds", 3)

mkdirSync(join(pkg, ".tmp"), { recursive: true })
const work = mkdtempSync(join(pkg, ".tmp", "bench-enc-"))
try {
  const script = join(work, "encryption.mjs")
  await build({
    entryPoints: [join(here, "encryption.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: script,
    nodePaths: [join(pkg, "node_modules"), join(root, "node_modules")],
    alias: {
      "@zhili/core": join(root, "packages", "core", "src", "index.ts"),
      "@zhili/store-sql": join(pkg, "src", "index.ts")
    },
    conditions: ["@zhili/source"],
    external: ["effect", "@effect/*", "better-sqlite3", "pg", "pg-copy-streams", "mysql2"],
    logLevel: "error"
  })
  const phases = ["off", "on", "on-sm4"]
  const results = Object.fromEntries(phases.map((p) => [p, []]))
  for (let round = 0; round < rounds; round++) {
    for (const phase of phases) {
      const file = join(work, `${phase}-${round}.db`)
      const r = spawnSync(process.execPath, [script, phase, String(rows), file], { encoding: "utf8" })
      if (r.status !== 0) throw new Error(`phase ${phase} failed: ${r.stderr}`)
      results[phase].push(JSON.parse(r.stdout.trim().split("\n").pop()))
      for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true })
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  console.log(`\nencryption at rest: ${rows.toLocaleString("en-US")} residents into SQLite, ${rounds} rounds (medians)`)
  console.log("phase    import s   read s   import ratio   read ratio   goal ≤ 1.3×")
  for (const phase of phases) {
    const imp = median(results[phase].map((x) => x.importSeconds))
    const read = median(results[phase].map((x) => x.readSeconds))
    const ri = median(results[phase].map((x, i) => x.importSeconds / results.off[i].importSeconds))
    const rr = median(results[phase].map((x, i) => x.readSeconds / results.off[i].readSeconds))
    const ok = ri <= 1.3 && rr <= 1.3 ? "ok" : "ABOVE GOAL"
    console.log(
      `${phase.padEnd(8)} ${imp.toFixed(2).padStart(8)} ${read.toFixed(2).padStart(8)} ${ri.toFixed(2).padStart(13)}× ${rr.toFixed(2).padStart(11)}×   ${phase === "off" ? "(baseline)" : ok}`
    )
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}
