// Helpers the store and CLI benchmarks share: bundling a TypeScript bench script with the workspace sources, running
// a phase of bench/store.ts (the store import and its raw-driver baselines) in its own process, and a fresh
// PostgreSQL schema per phase.
import { execFileSync, spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

export const here = dirname(fileURLToPath(import.meta.url))
export const root = join(here, "..")
const pkg = join(root, "packages", "store-sql")
const require = createRequire(join(pkg, "package.json"))
const { build } = require("esbuild")

export const pgUrl = process.env.ZHILI_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test"

/** A scratch folder under packages/store-sql/.tmp, where bundles resolve the drivers and effect from node_modules. */
export const scratch = (prefix) => {
  mkdirSync(join(pkg, ".tmp"), { recursive: true })
  return mkdtempSync(join(pkg, ".tmp", prefix))
}

/** Bundles a bench script (TypeScript) to `outfile`, resolving workspace packages to their sources. */
export const bundle = (entry, outfile) =>
  build({
    entryPoints: [join(here, entry)],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile,
    nodePaths: [join(pkg, "node_modules"), join(root, "packages", "testing", "node_modules")],
    alias: {
      "@zhili/store-sql": join(pkg, "src", "index.ts"),
      "@zhili/core": join(root, "packages", "core", "src", "index.ts"),
      "@zhili/testing": join(root, "packages", "testing", "src", "index.ts")
    },
    conditions: ["@zhili/source"],
    external: ["effect", "@effect/*", "better-sqlite3", "pg", "pg-copy-streams", "mysql2", "fast-check", "vitest"],
    logLevel: "error"
  })

/** Bundles bench/store.ts into `work`; returns `phase(name, rows, target)`, which runs one phase in a child. */
export const storePhases = async (work) => {
  const script = join(work, "store.mjs")
  await bundle("store.ts", script)
  return (name, rows, target) => {
    const r = spawnSync(
      process.execPath,
      [
        ...(process.env.BENCH_PROF ? ["--cpu-prof", "--cpu-prof-dir", process.env.BENCH_PROF] : []),
        script,
        name,
        String(rows),
        target
      ],
      { encoding: "utf8" }
    )
    if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`)
    return JSON.parse(r.stdout.trim().split("\n").pop())
  }
}

export const psql = (sql) =>
  execFileSync("psql", [pgUrl, "-qAtc", sql], {
    encoding: "utf8",
    env: { ...process.env, PGOPTIONS: "-c client_min_messages=warning" }
  })

/** Whether the PostgreSQL server at ZHILI_PG_URL answers. */
export const havePg = () => {
  try {
    psql("SELECT 1")
    return true
  } catch {
    console.log(`PostgreSQL at ${pgUrl} not reachable: skipping the PostgreSQL phases`)
    return false
  }
}

/** Runs `f(url)` with a URL whose search_path is a fresh schema, dropped afterwards. */
export const inPgSchema = async (name, f) => {
  const schema = `zbench_${process.pid}_${name.replace(/[^a-z0-9]/g, "_")}`
  psql(`CREATE SCHEMA ${schema}`)
  try {
    return await f(
      `${pgUrl}${pgUrl.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`
    )
  } finally {
    psql(`DROP SCHEMA ${schema} CASCADE`)
  }
}

export const fmt = (n) => Math.round(n).toLocaleString("en-US")
