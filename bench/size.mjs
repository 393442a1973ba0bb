// Bundle size: what a host's bundler keeps of zhili for a given import. Each entry is bundled with esbuild
// (minified, ESM, tree-shaken, against the built `dist/` of the workspace packages, as a host installing them from
// npm would get), and printed in bytes minified and gzipped beside the reference: Effect's own `Option` import
// bundled the same way in the same run (the baseline never touches zhili).
// `node bench/size.mjs [--json]` or `pnpm bench --only size`. Needs `pnpm run build` first.
// Goals: `checkCharacter` from @zhili/core/IdNumber under 15 KB gzip; the getting-started programs (both front doors
// of docs/getting-started.md, rendering Markdown) without ECharts. Exits non-zero when a goal is missed.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, "..")
const require = createRequire(join(root, "packages", "store-sql", "package.json"))
const { build } = require("esbuild")

for (const pkg of ["core", "report", "calendar-cn"])
  if (!existsSync(join(root, "packages", pkg, "dist", "index.js")))
    throw new Error(`packages/${pkg}/dist is missing: run \`pnpm run build\` first`)

/** The ```ts blocks of docs/getting-started.md: `file=setup.ts` and the first `run` block (the Effect front door). */
const gettingStarted = () => {
  const text = readFileSync(join(root, "docs", "getting-started.md"), "utf8")
  const blocks = [...text.matchAll(/^```ts ([^\n]*)\n([\s\S]*?)^```$/gm)].map((m) => ({ info: m[1], code: m[2] }))
  const setup = blocks.find((b) => b.info.includes("file=setup.ts"))
  const runs = blocks.filter((b) => b.info.startsWith("run") && !b.info.includes("file="))
  if (setup === undefined || runs.length < 2)
    throw new Error("docs/getting-started.md: setup.ts or a run block is missing")
  return { setup: setup.code, effect: runs[0].code, promise: runs[1].code }
}

const entries = [
  {
    name: 'effect: import { Option } from "effect" (reference)',
    code: 'import { Option } from "effect"\nconsole.log(Option.getOrElse(Option.some(1), () => 0))\n'
  },
  {
    // esbuild keeps every export of a namespace that a barrel re-exports (`export * as IdNumber`, evanw/esbuild#1420),
    // so this is the whole IdNumber module with what its schemas need of effect/Schema; Rollup and webpack drop more
    name: 'zhili: import { IdNumber } from "@zhili/core"; IdNumber.checkCharacter',
    code: 'import { IdNumber } from "@zhili/core"\nconsole.log(IdNumber.checkCharacter("11010519491231002"))\n',
    note: "whole namespace (esbuild#1420)"
  },
  {
    name: 'zhili: import { checkCharacter } from "@zhili/core/IdNumber"',
    code: 'import { checkCharacter } from "@zhili/core/IdNumber"\nconsole.log(checkCharacter("11010519491231002"))\n',
    goalGzip: 15 * 1024
  },
  {
    name: 'zhili: import * as IdNumber from "@zhili/core/IdNumber"; IdNumber.checkCharacter',
    code: 'import * as IdNumber from "@zhili/core/IdNumber"\nconsole.log(IdNumber.checkCharacter("11010519491231002"))\n',
    goalGzip: 15 * 1024
  },
  {
    name: "zhili: getting-started, Effect front door (Markdown)",
    files: (g) => ({ "setup.ts": g.setup, "entry.ts": g.effect }),
    noEcharts: true
  },
  {
    name: "zhili: getting-started, Promise front door (Markdown)",
    files: (g) => ({ "setup.ts": g.setup, "entry.ts": g.promise }),
    noEcharts: true
  }
]

// a host folder whose node_modules links the workspace packages (their package.json, so `dist/`) and Effect
mkdirSync(join(root, ".tmp"), { recursive: true })
const work = mkdtempSync(join(root, ".tmp", "size-"))
mkdirSync(join(work, "node_modules", "@zhili"), { recursive: true })
for (const pkg of ["core", "report", "calendar-cn"])
  symlinkSync(join(root, "packages", pkg), join(work, "node_modules", "@zhili", pkg), "dir")
symlinkSync(
  realpathSync(join(root, "packages", "core", "node_modules", "effect")),
  join(work, "node_modules", "effect"),
  "dir"
)
const results = []
try {
  const g = gettingStarted()
  for (const [index, entry] of entries.entries()) {
    const dir = join(work, String(index))
    mkdirSync(dir)
    const files = entry.files === undefined ? { "entry.ts": entry.code } : entry.files(g)
    for (const [name, code] of Object.entries(files)) writeFileSync(join(dir, name), code)
    const out = await build({
      entryPoints: [join(dir, "entry.ts")],
      bundle: true,
      minify: true,
      format: "esm",
      platform: "node",
      target: "es2022",
      write: false,
      metafile: true,
      // top-level await in the getting-started program
      supported: { "top-level-await": true },
      logLevel: "error"
    })
    const js = out.outputFiles[0].contents
    // the modules that put code in the bundle (the metafile also lists the ones tree-shaken to nothing)
    const inputs = Object.entries(Object.values(out.metafile.outputs)[0].inputs)
      .filter(([, v]) => v.bytesInOutput > 0)
      .map(([k]) => k)
    const echarts = inputs.some((p) => p.includes("node_modules/echarts/") || p.includes("/echarts@"))
    const zhiliModules = inputs.filter((p) => p.includes("packages/") && !p.includes("node_modules")).length
    results.push({
      name: entry.name,
      minified: js.byteLength,
      gzip: gzipSync(js, { level: 9 }).byteLength,
      modules: inputs.length,
      zhiliModules,
      echarts,
      goalGzip: entry.goalGzip,
      note: entry.note,
      noEcharts: entry.noEcharts === true
    })
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}

const reference = results[0]
const n = (x) => x.toLocaleString("en-US")
if (process.argv.includes("--json")) console.log(JSON.stringify(results))
else {
  console.log("\nbundle size (esbuild, minified ESM, tree-shaken; gzip -9)")
  console.log(
    `${"entry".padEnd(84)} ${"min bytes".padStart(10)} ${"gzip bytes".padStart(11)} ${"× Option".padStart(9)}  goal`
  )
  for (const r of results) {
    const goals = []
    if (r.goalGzip !== undefined) goals.push(`gzip < ${n(r.goalGzip)}: ${r.gzip < r.goalGzip ? "ok" : "ABOVE GOAL"}`)
    if (r.note !== undefined) goals.push(r.note)
    if (r.noEcharts) goals.push(`no ECharts: ${r.echarts ? "ECHARTS BUNDLED" : "ok"}`)
    console.log(
      `${r.name.padEnd(84)} ${n(r.minified).padStart(10)} ${n(r.gzip).padStart(11)} ${(r.gzip / reference.gzip).toFixed(1).padStart(8)}×  ${goals.join("; ")}`
    )
  }
}
const failed = results.some((r) => (r.goalGzip !== undefined && r.gzip >= r.goalGzip) || (r.noEcharts && r.echarts))
if (failed) process.exitCode = 1
