/**
 * Privacy leak check of the command line: the seed compound's residents carry known identity numbers, phones and
 * children's names. `zhili demo` stores them all and writes its reports; `report` (every format) and `check` run on
 * that database; `import` reads a resident file holding them (with bad rows that carry them too). Nothing the
 * commands print (stdout, stderr, log lines at every level) or write (report files) may contain a raw value.
 */
import * as fs from "node:fs/promises"
import * as os from "node:os"
import * as path from "node:path"
import { NodeContext } from "@effect/platform-node"
import { afterAll, afterEach, assert, beforeAll, describe, it, vi } from "@effect/vitest"
import { Program } from "@zhili/cli"
import { LocalDate, Privacy } from "@zhili/core"
import { JinxiuHuajing } from "@zhili/testing"
import { Effect, Logger, LogLevel, Redacted } from "effect"
import ExcelJS from "exceljs"

const compound = JinxiuHuajing.compound()
const raw = (r: Redacted.Redacted<string> | undefined) => (r === undefined ? undefined : Redacted.value(r))
const isChild = (birth: LocalDate.LocalDate) => LocalDate.ageInYears(birth, compound.asOf) < Privacy.minorAgeThreshold

// a resident row whose identity number has a wrong check character: the value is sensitive all the same
const first = compound.residents[0]
const wrongId = (() => {
  const id = raw(first?.idNumber) ?? "440881199001011234"
  return `${id.slice(0, 17)}${id.endsWith("0") ? "1" : "0"}`
})()
const secrets = {
  idNumber: [...compound.residents.flatMap((r) => raw(r.idNumber) ?? []), wrongId],
  phone: compound.residents.flatMap((r) => raw(r.phone) ?? []),
  // names of two characters or fewer also occur as parts of longer names and labels; test the distinctive ones
  minor: [...new Set(compound.residents.filter((r) => isChild(r.birthDate)).map((r) => raw(r.name) as string))].filter(
    (n) => n.length >= 3
  )
}

/** The needles found in the text: digit runs and CJK runs are scanned once and looked up in a set (bounded work). */
const leaks = (haystack: string, needles: ReadonlyArray<string>) => {
  const set = new Set(needles)
  const found = new Set<string>()
  for (const m of haystack.matchAll(/\d{11}(?:\d{6}[\dX])?/g)) {
    if (set.has(m[0])) found.add(m[0])
    if (set.has(m[0].slice(0, 11))) found.add(m[0].slice(0, 11))
  }
  for (const m of haystack.matchAll(/[\u4e00-\u9fff]{2,}/g))
    for (let i = 0; i < m[0].length; i++)
      for (const len of [3, 4]) if (set.has(m[0].slice(i, i + len))) found.add(m[0].slice(i, i + len))
  return [...found]
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s)
const residentsCsv = () => {
  const header = "居民编号,社区代码,户编号,姓名,出生日期,性别,标签,身份证号,手机"
  const rows = compound.residents.map((r) =>
    [
      r.id,
      r.tenant,
      r.household,
      raw(r.name) ?? "",
      r.birthDate,
      r.sex,
      r.tags.join("、"),
      raw(r.idNumber) ?? "",
      raw(r.phone) ?? ""
    ]
      .map(csvCell)
      .join(",")
  )
  const child = compound.residents.find((r) => isChild(r.birthDate) && (raw(r.name)?.length ?? 0) >= 3)
  // bad rows carrying sensitive values: a wrong check character, a sex that is none, a child born on no date
  const bad = [
    `bad-1,${first?.tenant},${first?.household},${raw(first?.name)},${first?.birthDate},男,,${wrongId},${raw(first?.phone)}`,
    `bad-2,${first?.tenant},${first?.household},${raw(first?.name)},${first?.birthDate},未知,,${raw(first?.idNumber)},${raw(first?.phone)}`,
    `bad-3,${child?.tenant},${child?.household},${raw(child?.name)},2019-02-30,女,,${raw(child?.idNumber)},${raw(child?.phone)}`
  ]
  return `${header}\n${[...rows.slice(0, 2000), ...bad].join("\n")}\n`
}

/** Runs one command, returning what it printed anywhere (console at every log level, stdout and stderr writes). */
const capture = (...argv: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const lines: Array<string> = []
    const take = (...args: ReadonlyArray<unknown>) => {
      lines.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "))
    }
    for (const m of ["log", "error", "warn", "info", "debug", "trace"] as const)
      vi.spyOn(console, m).mockImplementation(take)
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      take(String(chunk))
      return true
    })
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      take(String(chunk))
      return true
    })
    const code = yield* Program.exec(["--lang", "en", ...argv]).pipe(
      Effect.provide(NodeContext.layer),
      Logger.withMinimumLogLevel(LogLevel.All),
      Effect.ensuring(Effect.sync(() => vi.restoreAllMocks()))
    )
    return { code, output: lines.join("\n") }
  })

/** Every file under a folder as text: workbooks cell by cell, SQLite databases skipped (they hold the registry). */
const filesText = (dir: string): Effect.Effect<Array<string>> =>
  Effect.promise(async () => {
    const out: Array<string> = []
    for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue
      const file = path.join(entry.parentPath, entry.name)
      if (/\.db(-wal|-shm)?$/.test(entry.name)) continue
      if (entry.name.endsWith(".xlsx")) {
        const wb = new ExcelJS.Workbook()
        await wb.xlsx.readFile(file)
        wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => out.push(String(cell.text)))))
      } else out.push(await fs.readFile(file, "utf8"))
    }
    return out
  })

afterEach(() => {
  vi.restoreAllMocks()
})

describe("privacy: nothing sensitive leaves through the command line", () => {
  // the demo's keys (its passphrase when ZHILI_PASSPHRASE is unset), for every command that reads its database
  const before = process.env.ZHILI_PASSPHRASE
  beforeAll(() => {
    process.env.ZHILI_PASSPHRASE = "zhili-demo"
  })
  afterAll(() => {
    if (before === undefined) delete process.env.ZHILI_PASSPHRASE
    else process.env.ZHILI_PASSPHRASE = before
  })

  it("has sensitive values to look for", () => {
    assert.isAbove(secrets.idNumber.length, 1000)
    assert.isAbove(secrets.phone.length, 1000)
    assert.isAbove(secrets.minor.length, 50)
  })

  it.effect(
    "demo, report in every format, check and import print and write no raw identity number, phone or child's name",
    () =>
      Effect.gen(function* () {
        const dir = yield* Effect.promise(() => fs.mkdtemp(path.join(os.tmpdir(), "zhili-leak-")))
        const outputs: Array<string> = []
        const run = (...argv: ReadonlyArray<string>) =>
          Effect.gen(function* () {
            const r = yield* capture(...argv)
            outputs.push(r.output)
            return r.code
          })
        const demo = path.join(dir, "demo")
        assert.strictEqual(yield* run("demo", "--out", demo), 0)
        const db = path.join(demo, "zhili-demo.db")
        // a dump of the demo's SQLite file (and its write-ahead log): every byte, as strings would show them
        const dump = yield* Effect.promise(async () => {
          const parts: Array<string> = []
          for (const suffix of ["", "-wal"]) {
            const bytes = await fs.readFile(db + suffix).catch(() => Buffer.alloc(0))
            parts.push(bytes.toString("utf8"), bytes.toString("latin1"))
          }
          return parts.join("\n")
        })
        assert.isAbove(dump.length, 100_000)
        assert.include(dump, "zh1:p1:a256gcm:") // the records are sealed
        assert.deepStrictEqual(leaks(dump, secrets.idNumber), [])
        assert.deepStrictEqual(leaks(dump, secrets.phone), [])
        assert.deepStrictEqual(leaks(dump, secrets.minor), [])
        const reports = path.join(dir, "reports")
        yield* Effect.promise(() => fs.mkdir(reports))
        for (const format of ["md", "html", "json", "xlsx"])
          assert.strictEqual(
            yield* run(
              "report",
              db,
              "--period",
              "2024",
              "--format",
              format,
              "--out",
              path.join(reports, `r.${format}`)
            ),
            0
          )
        assert.strictEqual(
          yield* run("report", db, "--period", "2024", "--format", "csv", "--out", path.join(reports, "csv")),
          0
        )
        yield* run("check", db, "--on", "2024-12-31")
        const file = path.join(dir, "residents.csv")
        yield* Effect.promise(() => fs.writeFile(file, residentsCsv()))
        // into the demo's database, which holds the households the residents name
        assert.strictEqual(yield* run("import", db, file), 0)
        const printed = outputs.join("\n")
        const imported = outputs[outputs.length - 1] ?? ""
        assert.include(imported, "2000 resident records written, 3 rows rejected", imported.slice(-2000))
        assert.match(printed, /row 2002: /) // bad rows are reported, by row number
        const written = [...(yield* filesText(demo)), ...(yield* filesText(reports))]
        assert.isAtLeast(written.length, 8)
        const all = [printed, ...written].join("\n\u0000\n")
        assert.include(all, "锦绣华景") // the demo's reports name the compound: the right data was reported
        assert.deepStrictEqual(leaks(all, secrets.idNumber), [])
        assert.deepStrictEqual(leaks(all, secrets.phone), [])
        assert.deepStrictEqual(leaks(all, secrets.minor), [])
      }),
    180_000
  )
})
