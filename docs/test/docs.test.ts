/**
 * The guides' code blocks cannot rot: every ```ts block in docs/*.md and in each package README.md is written to a temporary folder,
 * type-checked with the TypeScript compiler API against the workspace packages (resolved through the
 * `@zhili/source` condition, so against `src/` without a build), and the blocks marked ```ts run are
 * imported and must not throw. Blocks marked ```ts fragment (optionally followed by a reason) are skipped and
 * the reason is printed. A block marked `file=setup.ts` is written under that name, so that later blocks of the
 * same guide can `import … from "./setup.js"`.
 */

import * as fs from "node:fs"
import * as path from "node:path"
import { pathToFileURL } from "node:url"
import { Worker } from "node:worker_threads"
import { describe, expect, it } from "@effect/vitest"

const docsDir = path.resolve(import.meta.dirname, "..")
const root = path.resolve(docsDir, "..")

interface Block {
  readonly file: string
  readonly line: number
  readonly mode: "check" | "run" | "fragment"
  readonly reason: string
  readonly code: string
  /** `file=<name>.ts` in the info string: the block is written under that name, so others can import it. */
  readonly name: string | undefined
}

const fence = /^```(\S*)(.*)$/

/** Extracts the fenced blocks of one Markdown file whose language is `ts`. */
const extract = (file: string): ReadonlyArray<Block> => {
  const lines = fs.readFileSync(file, "utf8").split("\n")
  const blocks: Array<Block> = []
  let open: { lang: string; info: string; line: number; body: Array<string> } | undefined
  lines.forEach((text, index) => {
    const match = fence.exec(text.trimStart())
    if (open === undefined) {
      if (match !== null) open = { lang: match[1] ?? "", info: (match[2] ?? "").trim(), line: index + 1, body: [] }
      return
    }
    if (match !== null && (match[1] ?? "") === "") {
      if (open.lang === "ts" || open.lang === "typescript") {
        const words = open.info.split(/\s+/).filter((w) => w !== "")
        const name = words.find((w) => w.startsWith("file="))?.slice("file=".length)
        const [word = "", ...rest] = words.filter((w) => !w.startsWith("file="))
        const mode = word === "run" ? "run" : word === "fragment" ? "fragment" : "check"
        blocks.push({
          file: path.relative(root, file),
          line: open.line,
          mode,
          reason: mode === "fragment" ? rest.join(" ") : "",
          code: open.body.join("\n"),
          name
        })
      }
      open = undefined
      return
    }
    open.body.push(text)
  })
  return blocks
}

// the guides, and the README of every package (shown on npm: its example must compile too)
const packageReadmes = fs
  .readdirSync(path.join(root, "packages"))
  .sort()
  .map((pkg) => path.join(root, "packages", pkg, "README.md"))
  .filter((file) => fs.existsSync(file))

const guides = [
  ...fs
    .readdirSync(docsDir)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => path.join(docsDir, name)),
  ...packageReadmes
]

const blocks = guides.flatMap(extract)
const checked = blocks.filter((b) => b.mode !== "fragment")

/** A folder inside the workspace (git-ignored) whose node_modules links every workspace package. */
const prepare = (): { readonly dir: string; readonly files: ReadonlyArray<string> } => {
  const base = path.join(root, ".tmp")
  fs.mkdirSync(base, { recursive: true })
  const dir = fs.mkdtempSync(path.join(base, "docs-blocks-"))
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module", private: true }))
  const scope = path.join(dir, "node_modules", "@zhili")
  fs.mkdirSync(scope, { recursive: true })
  for (const pkg of fs.readdirSync(path.join(root, "packages"))) {
    const manifest = path.join(root, "packages", pkg, "package.json")
    if (!fs.existsSync(manifest)) continue
    const name = (JSON.parse(fs.readFileSync(manifest, "utf8")) as { name: string }).name
    fs.symlinkSync(path.join(root, "packages", pkg), path.join(scope, name.replace("@zhili/", "")), "dir")
  }
  // the one package a README example imports beside zhili's and Effect: @zhili/cli's runtime for Node
  const platformNode = path.join(root, "packages", "cli", "node_modules", "@effect", "platform-node")
  if (fs.existsSync(platformNode)) {
    fs.mkdirSync(path.join(dir, "node_modules", "@effect"), { recursive: true })
    fs.symlinkSync(fs.realpathSync(platformNode), path.join(dir, "node_modules", "@effect", "platform-node"), "dir")
  }
  const files = checked.map((block) => {
    const name = block.name ?? `${block.file.replace(/[^A-Za-z0-9]+/g, "_")}_L${block.line}.ts`
    const file = path.join(dir, name)
    // `export {}` keeps every block a module, so top-level await and local names never clash.
    fs.writeFileSync(file, `${block.code}\nexport {}\n`)
    return file
  })
  return { dir, files }
}

const { dir, files } = prepare()

const where = (file: string): string => {
  const index = files.indexOf(file)
  const block = checked[index]
  return block === undefined ? file : `${block.file}:${block.line}`
}

/** The type check, run in a worker thread (CommonJS, evaluated): posts the diagnostics of the block files. */
const typeCheck = String.raw`
const path = require("node:path")
const { parentPort, workerData } = require("node:worker_threads")
const ts = require("typescript")
const { files, root } = workerData
const program = ts.createProgram({
  rootNames: [...files],
  options: {
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2022.d.ts"],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    moduleDetection: ts.ModuleDetectionKind.Force,
    customConditions: ["@zhili/source"],
    types: ["node"],
    typeRoots: [path.join(root, "node_modules", "@types")],
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    verbatimModuleSyntax: true,
    isolatedModules: true,
    skipLibCheck: true,
    noEmit: true
  }
})
const diagnostics = files.flatMap((file) => {
  const source = program.getSourceFile(file)
  return source === undefined ? [] : ts.getPreEmitDiagnostics(program, source)
})
parentPort.postMessage(
  diagnostics.map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, "\n")
    if (d.file === undefined || d.start === undefined) return { text }
    return { file: d.file.fileName, line: d.file.getLineAndCharacterOfPosition(d.start).line, text }
  })
)
`

describe("docs code blocks", () => {
  it("finds the guides' blocks", () => {
    for (const block of blocks.filter((b) => b.mode === "fragment")) {
      console.log(`skipped ${block.file}:${block.line} (fragment${block.reason === "" ? "" : `: ${block.reason}`})`)
    }
    expect(checked.length).toBeGreaterThan(0)
    // every package has a README, shipped in its tarball, with an example that is checked here
    for (const pkg of fs.readdirSync(path.join(root, "packages"))) {
      const manifest = path.join(root, "packages", pkg, "package.json")
      if (!fs.existsSync(manifest)) continue
      const files = (JSON.parse(fs.readFileSync(manifest, "utf8")) as { files?: ReadonlyArray<string> }).files ?? []
      expect({ pkg, shipped: files.includes("README.md") }).toEqual({ pkg, shipped: true })
      const readme = path.join("packages", pkg, "README.md")
      expect({ pkg, examples: checked.filter((b) => b.file === readme).length > 0 }).toEqual({ pkg, examples: true })
    }
    const names = checked.flatMap((b) => (b.name === undefined ? [] : [b.name]))
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]) // file= names are shared by all guides
  })

  it("type-checks every ts block against the workspace packages", async () => {
    // in a worker thread: one program over every guide and README and the sources they reach takes a minute or
    // more on a busy machine, and the test runner's own messages must not wait behind it
    const diagnostics = await new Promise<ReadonlyArray<{ file?: string; line?: number; text: string }>>(
      (resolve, reject) => {
        const worker = new Worker(typeCheck, { eval: true, workerData: { files, root } })
        worker.once("message", resolve)
        worker.once("error", reject)
      }
    )
    const messages = diagnostics.map((d) => {
      if (d.file === undefined || d.line === undefined) return d.text
      const owner = where(path.resolve(d.file))
      const block = checked[files.indexOf(path.resolve(d.file))]
      // the block's first code line is one below its fence
      const at = block === undefined ? `${owner}:${d.line + 1}` : `${block.file}:${block.line + d.line + 1}`
      return `${at}: ${d.text}`
    })
    expect(messages).toEqual([])
  }, 300_000)

  for (const [index, block] of checked.entries()) {
    if (block.mode !== "run") continue
    it(`runs ${block.file}:${block.line}`, async () => {
      const file = files[index]
      expect(file).toBeDefined()
      await expect(import(pathToFileURL(file ?? "").href)).resolves.toBeDefined()
    })
  }

  it("cleans up", () => {
    fs.rmSync(dir, { recursive: true, force: true })
    expect(fs.existsSync(dir)).toBe(false)
  })
})
