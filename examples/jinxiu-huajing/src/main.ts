/**
 * `pnpm example:jinxiu [--pack lianjiang-compound|beijing-hotline] [--out <folder>] [--db <file>]`: runs the example
 * and prints what it did and where the report is.
 *
 * @since 0.1.0
 */
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { Effect } from "effect"
import * as JinxiuHuajing from "./JinxiuHuajing.js"

const usage =
  "usage: pnpm example:jinxiu [--pack lianjiang-compound|beijing-hotline] [--out <folder>] [--db <sqlite file>]"

const args = process.argv.slice(2).filter((a) => a !== "--")
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`)
  return i === -1 ? undefined : args[i + 1]
}
// Relative paths are read from the folder the command was typed in (pnpm runs the script in the package folder).
const here = process.env.INIT_CWD ?? process.cwd()
const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const pack = option("pack") ?? "lianjiang-compound"
const out = option("out") === undefined ? path.join(packageDir, "out") : path.resolve(here, option("out") ?? "")
const database =
  option("db") === undefined ? path.join(out, "jinxiu-huajing.db") : path.resolve(here, option("db") ?? "")

if (args.includes("--help") || !(pack === "lianjiang-compound" || pack === "beijing-hotline")) {
  console.log(usage)
  process.exitCode = args.includes("--help") ? 0 : 2
} else {
  Effect.runPromise(JinxiuHuajing.run({ plugins: JinxiuHuajing.packs[pack], database, out })).then(
    (result) => {
      console.log(`锦绣华景小区 (${pack})`)
      for (const line of result.summary) console.log(`  ${line}`)
      console.log(`  database: ${database}`)
    },
    (e: unknown) => {
      console.error(`jinxiu-huajing failed: ${e instanceof Error ? e.message : String(e)}`)
      process.exitCode = 1
    }
  )
}
