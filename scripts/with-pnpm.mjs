#!/usr/bin/env node
// Runs a root script with the pnpm this repository pins (package.json "packageManager"), on a machine that has only
// Node and npm: it uses a pnpm already on PATH when its version matches, and otherwise runs the pinned one through
// npx (from the npm registry, cached by npm). Installs the lockfile's dependencies first when they are missing or
// older than the lockfile. Usage: node scripts/with-pnpm.mjs <script> [args…]
import { spawnSync } from "node:child_process"
import { existsSync, readFileSync, statSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const pinned = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).packageManager.split("@")[1]
const [script, ...given] = process.argv.slice(2)
// `pnpm test -- --project core` hands the script a literal `--` (npm strips it); pass the arguments on without it.
const args = given[0] === "--" ? given.slice(1) : given
if (script === undefined) {
  console.error("usage: node scripts/with-pnpm.mjs <script> [args…]")
  process.exit(2)
}

const run = (command, commandArgs, env = process.env) => {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: "inherit", env })
  if (result.error !== undefined) throw result.error
  return result.status ?? 1
}

const onPath = spawnSync("pnpm", ["--version"], { encoding: "utf8" })
const pnpm = onPath.status === 0 && onPath.stdout.trim() === pinned ? ["pnpm"] : ["npx", "--yes", `pnpm@${pinned}`]
if (pnpm[0] === "npx") console.error(`pnpm ${pinned} is not on PATH; running it through npx`)
const [command, ...prefix] = pnpm

const modules = join(root, "node_modules", ".modules.yaml")
const lockfile = join(root, "pnpm-lock.yaml")
if (!existsSync(modules) || statSync(modules).mtimeMs < statSync(lockfile).mtimeMs) {
  const status = run(command, [...prefix, "install", "--frozen-lockfile"])
  if (status !== 0) process.exit(status)
}
// Nested `pnpm` calls in the scripts find the same pnpm: npx puts its bin folder on PATH for this process tree.
process.exit(run(command, [...prefix, "run", script, ...args]))
