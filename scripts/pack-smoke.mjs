#!/usr/bin/env node
// The first hour of a host developer, from the npm tarballs: packs every package under packages/ (`pnpm pack`, which
// runs its `prepack` build), checks that each tarball holds its README and built `dist/` without JavaScript source
// maps, then creates a new host app in an empty temporary folder, installs only the tarballs with npm (plus
// `effect@^3.22`, the SQLite driver and tsx/typescript from the registry: the install lines of
// docs/getting-started.md, run as they are written with the tarballs in place of the package names) and runs the
// getting-started program through both front doors — the files of docs/getting-started.md as they are written there
// — with tsx, type-checks them with tsc, runs the Promise door once more on a SQLite file, and imports the fixtures
// of `@zhili/testing` outside vitest.
// Usage: node scripts/pack-smoke.mjs [--built] [--keep]
//   --built: the packages were just built (`pnpm run build`): pack without running `prepack` again
//   --keep: leave the temporary folder (its path is printed)
import { spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const args = process.argv.slice(2)
const built = args.includes("--built")
const keep = args.includes("--keep")
const started = Date.now()
const log = (message) => console.log(`pack-smoke (${Math.round((Date.now() - started) / 1000)}s): ${message}`)

const run = (command, commandArgs, cwd, options = {}) => {
  const result = spawnSync(command, commandArgs, {
    cwd,
    encoding: "utf8",
    stdio: options.capture === true ? ["ignore", "pipe", "pipe"] : "inherit",
    env: { ...process.env, ...options.env }
  })
  if (result.error !== undefined) throw result.error
  if (result.status !== 0) {
    if (options.capture === true) process.stderr.write(`${result.stdout ?? ""}${result.stderr ?? ""}`)
    throw new Error(`${command} ${commandArgs.join(" ")} (in ${cwd}) exited with ${result.status}`)
  }
  return result.stdout ?? ""
}

// the packages in dependency order, so a `prepack` build finds the `dist/` of what it imports
const order = ["core", "calendar-cn", "report", "report-xlsx", "store-sql", "interop", "policy-packs", "testing", "cli"]
const found = readdirSync(join(root, "packages")).filter((p) => !p.startsWith("."))
const missing = found.filter((p) => !order.includes(p))
if (missing.length > 0) throw new Error(`pack-smoke: add ${missing.join(", ")} to the packing order`)

const work = mkdtempSync(join(tmpdir(), "zhili-pack-smoke-"))
const tarballs = join(work, "tarballs")
mkdirSync(tarballs)
try {
  // 1. pack, and look inside each tarball
  const packed = {}
  for (const pkg of order) {
    const dir = join(root, "packages", pkg)
    const name = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).name
    const out = run(
      "pnpm",
      ["pack", "--pack-destination", tarballs, ...(built ? ["--config.ignore-scripts=true"] : [])],
      dir,
      { capture: true }
    )
    const file = out
      .trim()
      .split("\n")
      .map((l) => l.trim())
      .reverse()
      .find((l) => l.endsWith(".tgz"))
    if (file === undefined) throw new Error(`pnpm pack printed no tarball for ${name}:\n${out}`)
    const entries = run("tar", ["-tzf", file], work, { capture: true }).trim().split("\n")
    const problems = [
      ...(entries.includes("package/README.md") ? [] : ["no README.md"]),
      ...(entries.includes("package/dist/index.js") ? [] : ["no dist/index.js"]),
      ...(entries.includes("package/dist/index.d.ts") || pkg === "cli" ? [] : ["no dist/index.d.ts"]),
      ...entries.filter((e) => e.endsWith(".js.map")).map((e) => `a source map: ${e}`)
    ]
    if (problems.length > 0) throw new Error(`${name}: ${problems.slice(0, 5).join("; ")}`)
    packed[name] = file
    log(`${name}: ${entries.length} files`)
  }

  // 2. a new host app in an empty folder, set up with the install lines of docs/getting-started.md word for word,
  // each `@zhili/…` package replaced by its tarball
  const guide = readFileSync(join(root, "docs", "getting-started.md"), "utf8")
  const install = /## Install\n[\s\S]*?```sh\n([\s\S]*?)```/.exec(guide)
  if (install === null) throw new Error("docs/getting-started.md: no sh block under ## Install")
  const host = join(work, "host")
  mkdirSync(host)
  const quiet = ["--no-audit", "--no-fund", "--loglevel=error"]
  for (const line of install[1].split("\n")) {
    const command = line.replace(/\s+#.*$/, "").trim()
    if (command === "") continue
    const words = command.split(/\s+/).map((w) => (packed[w] === undefined ? w : packed[w]))
    for (const part of words.join(" ").split("&&")) {
      const [program, ...rest] = part.trim().split(/\s+/)
      if (program !== "npm") throw new Error(`docs/getting-started.md: an install line runs ${program}, not npm`)
      run("npm", [...rest, ...(rest[0] === "install" ? quiet : [])], host, { capture: rest[0] === "init" })
    }
    log(`ran: ${command}`)
  }
  // the other libraries too (for the entry check below); the CLI's bundled binary is checked by its tarball above
  const others = Object.entries(packed)
    .filter(([name]) => name !== "@zhili/cli" && !install[1].includes(`${name} `))
    .map(([, file]) => file)
  run("npm", ["install", ...quiet, ...others, "effect@^3.22"], host)
  log("installed the other tarballs")

  // 3. the getting-started files, word for word
  const blocks = [...guide.matchAll(/^```ts ([^\n]*)\n([\s\S]*?)^```$/gm)].map((m) => ({ info: m[1], code: m[2] }))
  const setup = blocks.find((b) => b.info.includes("file=setup.ts"))
  const doors = blocks.filter((b) => b.info.startsWith("run") && !b.info.includes("file="))
  if (setup === undefined || doors.length !== 2)
    throw new Error("docs/getting-started.md: expected setup.ts and the two front doors")
  writeFileSync(join(host, "setup.ts"), setup.code)
  writeFileSync(join(host, "effect.ts"), doors[0].code)
  writeFileSync(join(host, "promise.ts"), doors[1].code)
  for (const file of ["effect.ts", "promise.ts"]) {
    run("npx", ["tsx", file], host)
    log(`npx tsx ${file}: ran`)
  }
  run(
    "npx",
    [
      "tsc",
      "--module",
      "nodenext",
      "--target",
      "es2022",
      "--strict",
      "--skipLibCheck",
      "--noEmit",
      "setup.ts",
      "effect.ts",
      "promise.ts"
    ],
    host
  )
  log("tsc: the getting-started files type-check against the tarballs' declarations")

  // 4. the Promise door on a SQLite file instead of the memory store, as the guide's comment says
  const memory = "StoreClient.make(Store.layerMemory)"
  if (!doors[1].code.includes(memory)) throw new Error(`the Promise door no longer calls ${memory}`)
  writeFileSync(
    join(host, "sqlite.ts"),
    `import { Drivers } from "@zhili/store-sql"\n${doors[1].code.replace(memory, 'StoreClient.make(Drivers.layerSqlite({ filename: "zhili.db" }))')}`
  )
  run("npx", ["tsx", "sqlite.ts"], host)
  log("the Promise door on SQLite (zhili.db): ran")

  // 5. every entry point loads in plain Node, and the fixtures of @zhili/testing need no test runner
  writeFileSync(
    join(host, "entries.mjs"),
    [
      ...Object.keys(packed)
        .filter((name) => name !== "@zhili/cli")
        .map((name, i) => `import * as m${i} from "${name}"`),
      'import { checkCharacter } from "@zhili/core/IdNumber"',
      'import { JinxiuHuajing } from "@zhili/testing"',
      "const compound = JinxiuHuajing.make()",
      'if (compound.units.length === 0) throw new Error("the seed compound has no units")',
      'if (checkCharacter("11010519491231002")._tag !== "Some") throw new Error("no check character")',
      `console.log("entries loaded:", ${Object.keys(packed).filter((name) => name !== "@zhili/cli").length}, "units:", compound.units.length)`,
      ""
    ].join("\n")
  )
  run("node", ["entries.mjs"], host)
  const vitest = spawnSync("node", ["-e", 'import("vitest").then(() => process.exit(1), () => process.exit(0))'], {
    cwd: host
  })
  if (vitest.status !== 0) throw new Error("vitest is installed in the host: the fixtures check proves nothing")
  log("every entry point loads in Node; @zhili/testing's fixtures without vitest")
  log("ok")
} finally {
  if (keep) console.log(`pack-smoke: kept ${work}`)
  else rmSync(work, { recursive: true, force: true })
}
