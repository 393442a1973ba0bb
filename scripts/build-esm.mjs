// Builds a package as per-module ES modules, as Effect's own packages are built: `tsc -p tsconfig.build.json` emits
// one `.js` and one `.d.ts` per source module into `dist/`, then Babel rewrites each `.js` so that a host's bundler
// keeps only what the host uses:
// - babel-plugin-annotate-pure-calls (the plugin Effect's build uses) marks every top-level call `/*#__PURE__*/`
//   (`Schema.Struct(…)`, `Schema.Class(…)(…)`, `Context.GenericTag(…)`), so an unused value is dropped;
// - `import { Schema, Option } from "effect"` becomes `import * as Schema from "effect/Schema"` (one line per
//   module), and the same for `@zhili/core`'s namespaces (`@zhili/core/Plugin`): a bundler can drop `Schema.String`
//   or `Reporter.renderersPoint` in an unused value only when it is a member of a namespace import it can see
//   through, which a named import of a barrel's `export * as Schema` is not (esbuild keeps the access).
// No source maps in the tarball: `src/` ships beside `dist/` and the declaration maps point into it.
// With `--subpaths`, every `export * as Name from "./path.js"` of `src/index.ts` must also be the subpath export
// `./Name` (as `effect/Option` is beside `effect`): esbuild keeps every member of a namespace re-exported by a barrel
// (evanw/esbuild#1420), so `import { checkCharacter } from "@zhili/core/IdNumber"` is the import that bundles small.
// Usage, from a package folder: `node ../../scripts/build-esm.mjs [--subpaths]`.
import { spawnSync } from "node:child_process"
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { join } from "node:path"

const require = createRequire(import.meta.url)
const babel = require("@babel/core")
const annotatePureCalls = require("babel-plugin-annotate-pure-calls")

const dist = join(process.cwd(), "dist")

if (process.argv.includes("--subpaths")) {
  const pkg = JSON.parse(readFileSync("package.json", "utf8"))
  const index = readFileSync(join("src", "index.ts"), "utf8")
  const missing = []
  for (const [, name, path] of index.matchAll(/^export \* as (\w+) from "\.\/(.+)\.js"/gm)) {
    const want = { "@zhili/source": `./src/${path}.ts`, types: `./dist/${path}.d.ts`, default: `./dist/${path}.js` }
    if (JSON.stringify(pkg.exports[`./${name}`]) !== JSON.stringify(want))
      missing.push(`    "./${name}": ${JSON.stringify(want)}`)
  }
  if (missing.length > 0) {
    console.error(`${pkg.name}: package.json "exports" lacks the subpath of each namespace of src/index.ts; add:`)
    console.error(missing.join(",\n"))
    process.exit(1)
  }
}
rmSync(dist, { recursive: true, force: true })
const tsc = spawnSync(
  process.execPath,
  [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json", "--sourceMap", "false"],
  { stdio: "inherit" }
)
if (tsc.status !== 0) process.exit(tsc.status ?? 1)

/**
 * The barrels whose namespaces have subpaths: `effect` (every capitalised export is a module, `effect/Option`) and
 * `@zhili/core` (the subpaths its package.json exports, `@zhili/core/Plugin`).
 */
const corePackage = JSON.parse(
  readFileSync(join(import.meta.dirname, "..", "packages", "core", "package.json"), "utf8")
)
const coreSubpaths = new Set(
  Object.keys(corePackage.exports)
    .filter((k) => /^\.\/[A-Z]\w*$/.test(k))
    .map((k) => k.slice(2))
)
const subpathOf = (source, name) =>
  source === "effect" && /^[A-Z]/.test(name)
    ? `effect/${name}`
    : source === "@zhili/core" && coreSubpaths.has(name)
      ? `@zhili/core/${name}`
      : undefined

/** `import { A, B as C, f } from "effect"` → `import * as A from "effect/A"; import * as C from "effect/B"; import { f } from "effect"`. */
const namespaceImports = ({ types: t }) => ({
  visitor: {
    ImportDeclaration(path) {
      const node = path.node
      const source = node.source.value
      if ((source !== "effect" && source !== "@zhili/core") || node.importKind === "type") return
      const moved = []
      const kept = []
      for (const s of node.specifiers) {
        const name = t.isImportSpecifier(s)
          ? t.isIdentifier(s.imported)
            ? s.imported.name
            : s.imported.value
          : undefined
        const subpath = name === undefined ? undefined : subpathOf(source, name)
        if (subpath === undefined) kept.push(s)
        else
          moved.push(
            t.importDeclaration([t.importNamespaceSpecifier(t.identifier(s.local.name))], t.stringLiteral(subpath))
          )
      }
      if (moved.length === 0) return
      path.replaceWithMultiple([...moved, ...(kept.length > 0 ? [t.importDeclaration(kept, node.source)] : [])])
    }
  }
})

const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".js") ? [join(dir, e.name)] : []
  )

for (const file of walk(dist)) {
  const out = babel.transformSync(readFileSync(file, "utf8"), {
    filename: file,
    babelrc: false,
    configFile: false,
    compact: false,
    retainLines: false,
    sourceMaps: false,
    plugins: [namespaceImports, annotatePureCalls]
  })
  writeFileSync(file, out.code)
}
