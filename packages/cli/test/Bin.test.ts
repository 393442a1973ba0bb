import { execFile, execFileSync } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { beforeAll, describe, expect, it } from "@effect/vitest"

// The built bin, as a user runs it. Built here (with its workspace dependencies) when missing.
const root = path.resolve(__dirname, "../../..")
const bin = path.resolve(__dirname, "../dist/bin/bin.js")
// Asynchronous, so the test worker stays responsive while the child runs.
const run = (...args: ReadonlyArray<string>) =>
  new Promise<{ readonly code: number; readonly out: string; readonly err: string }>((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ZHILI_LANG: "en" } },
      (e, out, err) => resolve({ code: e === null ? 0 : typeof e.code === "number" ? e.code : 1, out, err })
    )
  })
const slow = 300_000

describe("zhili (spawned bin)", () => {
  beforeAll(() => {
    if (!fs.existsSync(bin)) {
      execFileSync("pnpm", ["-r", "--filter", "@zhili/cli...", "run", "build"], { cwd: root, stdio: "ignore" })
    }
  }, 900_000)

  it(
    "--help lists every command",
    async () => {
      const r = await run("--help")
      expect(r.code).toBe(0)
      for (const c of ["init", "import", "report", "check", "demo"]) expect(r.out).toContain(c)
      const sub = await run("import", "--help")
      expect(sub.code).toBe(0)
      expect(sub.out).toContain("docs/cli.md")
    },
    slow
  )

  it(
    "a failure is one line and a fix, with no stack trace unless --verbose",
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zhili-bin-"))
      const r = await run("import", path.join(dir, "z.db"), path.join(dir, "missing.csv"))
      expect(r.code).toBe(1)
      const lines = r.err.trim().split("\n")
      expect(lines).toEqual([
        expect.stringMatching(/^error: cannot read .*missing\.csv: no such file$/),
        expect.stringMatching(/^fix: /)
      ])
      expect(r.err).not.toMatch(/\bat .*\.js:\d+/)
      const url = await run("init", "--url", "postgres//nope")
      expect(url.code).toBe(1)
      expect(url.err).toMatch(/^error: "postgres\/\/nope" is not a database URL/)
      const verbose = await run("init", "--url", "postgres//nope", "--verbose")
      expect(verbose.code).toBe(1)
      expect(verbose.err.split("\n").length).toBeGreaterThan(2)
    },
    slow
  )

  it(
    "piped, with no language set, it speaks Chinese and prints no colour codes, even for @effect/cli's own errors",
    async () => {
      const env: NodeJS.ProcessEnv = { ...process.env, ZHILI_LANG: "", LANG: "C.UTF-8", LC_ALL: "" }
      delete env.NO_COLOR
      const plain = (...args: ReadonlyArray<string>) =>
        new Promise<{ readonly code: number; readonly out: string; readonly err: string }>((resolve) => {
          execFile(process.execPath, [bin, ...args], { encoding: "utf8", env }, (e, out, err) =>
            resolve({ code: e === null ? 0 : typeof e.code === "number" ? e.code : 1, out, err })
          )
        })
      const help = await plain("--help")
      expect(help.out).toContain("命令：")
      expect(help.out).not.toContain("\x1b")
      // --batch-size takes a number: @effect/cli itself refuses "many"
      const parsed = await plain("import", "z.db", "h.csv", "--batch-size", "many")
      expect(parsed.code).toBe(1)
      expect(parsed.out + parsed.err).not.toContain("\x1b")
      expect(parsed.err).toContain("用 zhili import --help 查看用法")
    },
    slow
  )

  it(
    "an unknown command fails with exit code 1",
    async () => {
      expect((await run("frobnicate")).code).toBe(1)
    },
    slow
  )

  it(
    "demo prints where both reports are and writes them",
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zhili-demo-"))
      const r = await run("demo", "--out", dir)
      expect(r.code).toBe(0)
      const html = /HTML report: (.*)/.exec(r.out)?.[1] ?? ""
      const md = /Markdown report: (.*)/.exec(r.out)?.[1] ?? ""
      expect(fs.readFileSync(html, "utf8")).toContain("<html")
      expect(fs.readFileSync(md, "utf8")).toContain("锦绣华景小区")
    },
    slow
  )
})
