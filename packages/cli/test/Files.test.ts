import * as fs from "node:fs/promises"
import * as os from "node:os"
import * as path from "node:path"
import * as v8 from "node:v8"
import * as vm from "node:vm"
import { describe, expect, it } from "@effect/vitest"
import { Files, Text } from "@zhili/cli"
import { Chunk, Effect, Either, Stream } from "effect"
import ExcelJS from "exceljs"
import * as fc from "fast-check"

// these tests read the English messages (`--lang en`); Chinese.test.ts reads the Chinese ones
Text.setLang("en")

const tmp = () => fs.mkdtemp(path.join(os.tmpdir(), "zhili-files-"))

/** Streams a file's rows: how many came before the stream ended, and how it ended. */
const rowsBeforeFailure = (file: string) =>
  Effect.gen(function* () {
    let seen = 0
    const result = yield* Effect.either(
      Effect.scoped(
        Effect.flatMap(Files.open(file), (source) =>
          Stream.runForEach(source.rows, () =>
            Effect.sync(() => {
              seen += 1
            })
          )
        )
      )
    )
    return { seen, result }
  })

describe("Files.read", () => {
  it.effect("reads UTF-8 CSV with a BOM and Chinese headers", () =>
    Effect.gen(function* () {
      const dir = yield* Effect.promise(tmp)
      const file = path.join(dir, "h.csv")
      yield* Effect.promise(() => fs.writeFile(file, '\uFEFF编号,社区代码,楼栋,房号\nh1,440881002001,b1,"1-101"\n\n'))
      const table = yield* Files.read(file)
      expect(table.headers).toEqual(["编号", "社区代码", "楼栋", "房号"])
      expect(table.rows).toEqual([{ 编号: "h1", 社区代码: "440881002001", 楼栋: "b1", 房号: "1-101" }])
    })
  )

  it.effect("reads the first sheet of an XLSX workbook: text, numbers, dates, rich text and formula results", () =>
    Effect.gen(function* () {
      const dir = yield* Effect.promise(tmp)
      const file = path.join(dir, "b.xlsx")
      const wb = new ExcelJS.Workbook()
      const ws = wb.addWorksheet("楼栋")
      ws.addRow(["楼栋编号", "社区代码", "所属社区", "楼栋名称", " 建成日期 "])
      ws.addRow(["b1", "440881002001", "440881002001", "1栋", new Date(Date.UTC(2001, 4, 20))])
      ws.addRow([])
      ws.addRow([
        "b2",
        440881002001,
        { formula: "B4", result: 440881002001 },
        { richText: [{ text: "2" }, { text: "栋", font: { bold: true } }] },
        null
      ])
      // cells beyond the headers are not read
      ws.addRow(["b3", "440881002001", "440881002001", "3栋", "", "extra"])
      wb.addWorksheet("其他").addRow(["not", "read"])
      yield* Effect.promise(() => wb.xlsx.writeFile(file))
      const table = yield* Files.read(file)
      expect(table.headers).toEqual(["楼栋编号", "社区代码", "所属社区", "楼栋名称", "建成日期"])
      expect(table.rows).toEqual([
        { 楼栋编号: "b1", 社区代码: "440881002001", 所属社区: "440881002001", 楼栋名称: "1栋", 建成日期: "2001-05-20" },
        { 楼栋编号: "b2", 社区代码: "440881002001", 所属社区: "440881002001", 楼栋名称: "2栋", 建成日期: "" },
        { 楼栋编号: "b3", 社区代码: "440881002001", 所属社区: "440881002001", 楼栋名称: "3栋", 建成日期: "" }
      ])
    })
  )

  it.effect("fails with the file, the reason and a fix", () =>
    Effect.gen(function* () {
      const dir = yield* Effect.promise(tmp)
      const missing = yield* Effect.either(Files.read(path.join(dir, "nope.csv")))
      assertFileError(missing, "no such file")
      const ragged = path.join(dir, "r.csv")
      yield* Effect.promise(() => fs.writeFile(ragged, "a,b\n1,2,3\n"))
      assertFileError(yield* Effect.either(Files.read(ragged)), "")
      const bad = path.join(dir, "x.xlsx")
      yield* Effect.promise(() => fs.writeFile(bad, "not a workbook"))
      assertFileError(yield* Effect.either(Files.read(bad)), "")
    })
  )

  it.effect("refuses a header that appears twice (a table would lose one of its columns)", () =>
    Effect.gen(function* () {
      const dir = yield* Effect.promise(tmp)
      const file = path.join(dir, "twice.csv")
      yield* Effect.promise(() => fs.writeFile(file, "编号,手机,楼栋,手机\nh1,13800000000,b1,13900000000\n"))
      const read = yield* Effect.either(Files.read(file))
      assertFileError(read, 'header "手机" appears twice, in columns 2 and 4')
      // the message names the header, never a cell
      if (Either.isLeft(read)) expect(read.left.message).not.toContain("138")
    })
  )
})

/** GB18030 bytes of a text, hand-encoded: the characters the tests use, and ASCII as is. */
const gb = (text: string): Buffer => {
  const table: Record<string, ReadonlyArray<number>> = {
    编: [0xb1, 0xe0],
    号: [0xba, 0xc5],
    社: [0xc9, 0xe7],
    区: [0xc7, 0xf8],
    代: [0xb4, 0xfa],
    码: [0xc2, 0xeb],
    楼: [0xc2, 0xa5],
    栋: [0xb6, 0xb0],
    房: [0xb7, 0xbf],
    王: [0xcd, 0xf5],
    伟: [0xce, 0xb0]
  }
  const out: Array<number> = []
  for (const c of text) {
    const bytes = table[c]
    if (bytes !== undefined) out.push(...bytes)
    else if (c.charCodeAt(0) < 0x80) out.push(c.charCodeAt(0))
    else throw new Error(`no GB18030 bytes for ${c} in the test's table`)
  }
  return Buffer.from(out)
}

describe("Files: text encodings", () => {
  it.effect("reads a GB18030 (GBK) file, as Excel on a Chinese Windows saves CSV, as its characters", () =>
    Effect.gen(function* () {
      const dir = yield* Effect.promise(tmp)
      const file = path.join(dir, "gbk.csv")
      // the first lines ASCII: the encoding is told from the first bytes that are not
      const ascii = Array.from({ length: 3000 }, (_, i) => `h${i},440881002001,b1,${i}`).join("\r\n")
      yield* Effect.promise(() =>
        fs.writeFile(
          file,
          Buffer.concat([
            gb("编号,社区代码,楼栋,房号\r\n"),
            Buffer.from(`${ascii}\r\n`),
            gb("h-王伟,440881002001,楼栋,房\r\n")
          ])
        )
      )
      const table = yield* Files.read(file)
      expect(table.headers).toEqual(["编号", "社区代码", "楼栋", "房号"])
      expect(table.rows.length).toBe(3001)
      expect(table.rows.at(-1)).toEqual({ 编号: "h-王伟", 社区代码: "440881002001", 楼栋: "楼栋", 房号: "房" })
      const source = yield* Effect.scoped(Effect.map(Files.open(file), (s) => s.encoding()))
      expect(source).toBe("gb18030")
      // an ASCII header row: GB18030 found in a later chunk of the file
      const late = path.join(dir, "late.csv")
      yield* Effect.promise(() =>
        fs.writeFile(late, Buffer.concat([Buffer.from(`id,tenant,building,room\n${ascii}\n`), gb("王伟,1,2,3\n")]))
      )
      const lateTable = yield* Files.read(late)
      expect(lateTable.rows.at(-1)).toEqual({ id: "王伟", tenant: "1", building: "2", room: "3" })
    })
  )

  it.effect("refuses bytes that are not UTF-8 with their line and column, never replacing them with U+FFFD", () =>
    Effect.gen(function* () {
      const dir = yield* Effect.promise(tmp)
      const file = path.join(dir, "bad.csv")
      // UTF-8 (Chinese headers), then on line 3 a byte 0xFF, never part of UTF-8 (or of GB18030)
      const rows = Array.from({ length: 2000 }, (_, i) => `h${i},440881002001,b1,${i}`)
      yield* Effect.promise(() =>
        fs.writeFile(
          file,
          Buffer.concat([
            Buffer.from("编号,社区代码,楼栋,房号\nh1,440881002001,b1,101\n王伟,4408"),
            Buffer.from([0xff]),
            Buffer.from(`,b1,102\n${rows.join("\n")}\n`)
          ])
        )
      )
      const read = yield* Effect.either(Files.read(file))
      assertFileError(read, "line 3, column 8: the bytes there are not UTF-8 text")
      // streamed: the rows before the line are handed out, then the stream fails
      const { seen, result } = yield* rowsBeforeFailure(file)
      expect(seen).toBe(1)
      assertFileError(result, "line 3, column 8")
      // a UTF-8 file with one line in GBK (two encodings in one file) is refused at that line, not mojibake
      const mixed = path.join(dir, "mixed.csv")
      yield* Effect.promise(() =>
        fs.writeFile(
          mixed,
          Buffer.concat([
            Buffer.from("编号,社区代码,楼栋,房号\nh1,440881002001,b1,101\n"),
            gb("h2,440881002001,楼栋,1\n")
          ])
        )
      )
      // 楼 in GBK (C2 A5) happens to be UTF-8 for ¥ (column 17); 栋 (B6 B0) is not
      assertFileError(yield* Effect.either(Files.read(mixed)), "line 3, column 18: the bytes there are not UTF-8 text")
      // a file that is neither UTF-8 nor GB18030 from its first non-ASCII byte
      const neither = path.join(dir, "neither.csv")
      yield* Effect.promise(() => fs.writeFile(neither, Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0x31, 0x2c, 0xff, 0x0a])))
      assertFileError(yield* Effect.either(Files.read(neither)), "line 2, column 3: the bytes there are not UTF-8 text")
      // UTF-16 (Excel's "Unicode text") is refused by name
      const utf16 = path.join(dir, "u16.csv")
      yield* Effect.promise(() =>
        fs.writeFile(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("a,b\n", "utf16le")]))
      )
      assertFileError(yield* Effect.either(Files.read(utf16)), "UTF-16")
    })
  )
})

describe("Files: XLSX text", () => {
  it.effect(
    "reads every Chinese cell of a long workbook as written, none damaged where a part's chunks split a character",
    () =>
      Effect.gen(function* () {
        const dir = yield* Effect.promise(tmp)
        const file = path.join(dir, "long.xlsx")
        const n = 20_000
        const name = (i: number) => `王伟张三李四${i}中文字符测试`
        const place = (i: number) => `锦绣华景小区${i % 97}栋`
        yield* Effect.promise(() => {
          const wb = new ExcelJS.Workbook()
          const ws = wb.addWorksheet("居民")
          ws.addRow(["编号", "姓名", "住址"])
          for (let i = 0; i < n; i++) ws.addRow([`r${i}`, name(i), place(i)])
          return wb.xlsx.writeFile(file)
        })
        const table = yield* Files.read(file)
        expect(table.rows.length).toBe(n)
        const damaged = table.rows.filter((r, i) => r.编号 !== `r${i}` || r.姓名 !== name(i) || r.住址 !== place(i))
        expect(damaged).toEqual([])
      })
  )
})

describe("Files.open", () => {
  it.effect("streams the rows of a long CSV file, reporting how much of it has been read", () =>
    Effect.gen(function* () {
      const dir = yield* Effect.promise(tmp)
      const file = path.join(dir, "long.csv")
      const n = 20_000
      const lines = Array.from({ length: n }, (_, i) => `h${i + 1},440881002001,b${i % 7}, ${i % 30}01 `)
      yield* Effect.promise(() => fs.writeFile(file, `\uFEFF编号,社区代码,楼栋,房号\n${lines.join("\n")}\n`))
      const result = yield* Effect.scoped(
        Effect.gen(function* () {
          const source = yield* Files.open(file)
          expect(source.headers).toEqual(["编号", "社区代码", "楼栋", "房号"])
          expect(source.progress()).toBeLessThan(1)
          let count = 0
          let last: ReadonlyArray<string> = []
          yield* Stream.runForEach(source.rows, (cells) =>
            Effect.sync(() => {
              count += 1
              last = cells
            })
          )
          return { count, last, progress: source.progress() }
        })
      )
      expect(result).toEqual({
        count: n,
        last: [`h${n}`, "440881002001", `b${(n - 1) % 7}`, `${(n - 1) % 30}01`],
        progress: 1
      })
    })
  )

  it.effect(
    "streams the first worksheet of a 50,000-row XLSX workbook: rows come while the file is read, the heap stays bounded",
    () =>
      Effect.gen(function* () {
        const dir = yield* Effect.promise(tmp)
        const file = path.join(dir, "long.xlsx")
        const n = 50_000
        const headers = ["编号", "社区代码", "楼栋", "房号", "户主", "电话", "备注", "更新时间"]
        const cellsOf = (i: number) => [
          `h${i + 1}`,
          "440881002001",
          `b${i % 97}`,
          `${1 + (i % 33)}01`,
          `户主${i}`,
          `1380000${String(i).padStart(4, "0")}`,
          `第${i}户的备注，随行而异`,
          `2025-01-${String(1 + (i % 28)).padStart(2, "0")} 10:${String(i % 60).padStart(2, "0")}`
        ]
        // written row by row with inline strings (ExcelJS's streaming writer), as large exports often are
        yield* Effect.promise(async () => {
          const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file })
          const ws = wb.addWorksheet("户")
          ws.addRow(headers).commit()
          for (let i = 0; i < n; i++) ws.addRow(cellsOf(i)).commit()
          ws.commit()
          await wb.commit()
          await new Promise((resolve) => setTimeout(resolve, 10))
        })
        const gc = fullCollection()
        gc()
        const before = process.memoryUsage().heapUsed
        let count = 0
        let grown = 0
        let last: ReadonlyArray<string> = []
        const progress: Array<number> = []
        yield* Effect.scoped(
          Effect.gen(function* () {
            const source = yield* Files.open(file)
            expect(source.headers).toEqual(headers)
            yield* Stream.runForEach(source.rows, (cells) =>
              Effect.sync(() => {
                count += 1
                last = cells
                if (count % 5000 === 1) {
                  progress.push(source.progress())
                  gc()
                  grown = Math.max(grown, process.memoryUsage().heapUsed - before)
                }
              })
            )
            progress.push(source.progress())
          })
        )
        expect(count).toBe(n)
        expect(last).toEqual(cellsOf(n - 1))
        // the first rows come when a small part of the file has been read, and the share read only grows
        expect(progress[0]).toBeLessThan(0.25)
        expect(progress).toEqual([...progress].sort((a, b) => a - b))
        expect(progress.at(-1)).toBe(1)
        // the workbook read whole would hold every row's cells; streamed, a few batches are alive at a time
        expect(grown).toBeLessThan(16 * 2 ** 20)
      })
  )

  it.effect("fails the stream with the line of a ragged row, after the rows before it", () =>
    Effect.gen(function* () {
      const dir = yield* Effect.promise(tmp)
      const file = path.join(dir, "ragged.csv")
      const good = Array.from({ length: 3000 }, (_, i) => `${i},x`)
      yield* Effect.promise(() => fs.writeFile(file, `a,b\n${good.join("\n")}\n1,2,3\n4,5\n`))
      const { seen, result } = yield* rowsBeforeFailure(file)
      expect(seen).toBe(3000)
      assertFileError(result, "line 3002 has 3 cells where the header row has 2")
    })
  )
})

describe("Files.open on CSV", () => {
  /** A new file with this text, in a folder of its own. */
  const csvFile = (name: string, text: string) =>
    Effect.promise(async () => {
      const file = path.join(await tmp(), name)
      await fs.writeFile(file, text)
      return file
    })
  /** The header row and the rows of a CSV file, or its error. */
  const readCsv = (file: string) =>
    Effect.either(
      Effect.scoped(
        Effect.flatMap(Files.open(file), (source) =>
          Effect.map(Stream.runCollect(source.rows), (rows) => ({
            headers: source.headers,
            rows: Chunk.toReadonlyArray(rows)
          }))
        )
      )
    )
  /** A cell as a spreadsheet writes it: quoted when it holds a comma, a quote or a line break. */
  const quoted = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)
  const alphabet = fc.constantFrom("a", "Z", "7", " ", ",", '"', "\n", "\r\n", "户", "楼", "é", "😀", "-")
  const cell = fc.array(alphabet, { maxLength: 12 }).map((cs) => cs.join(""))

  it.effect(
    "reads back any table of quoted cells (commas, quotes, line breaks, any script), LF or CRLF, across read chunks",
    () =>
      Effect.gen(function* () {
        const dir = yield* Effect.promise(tmp)
        yield* Effect.promise(() =>
          fc.assert(
            fc.asyncProperty(
              fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 40 }),
              fc.boolean(),
              fc.boolean(),
              async (table, crlf, bom) => {
                const file = path.join(dir, "t.csv")
                const br = crlf ? "\r\n" : "\n"
                // every row has an id, so none is blank; the filler pushes the file past one read chunk (64 KiB)
                const rows = table.map(([a, b, c], i) => [`r${i}`, a, b, c, "填".repeat(600)])
                const text = [["id", "a", "b", "c", "filler"], ...rows].map((r) => r.map(quoted).join(",")).join(br)
                await fs.writeFile(file, `${bom ? "\uFEFF" : ""}${text}${br}`)
                const read = await Effect.runPromise(readCsv(file))
                expect(read).toEqual(
                  Either.right({
                    headers: ["id", "a", "b", "c", "filler"],
                    rows: rows.map((r) => r.map((x) => x.trim()))
                  })
                )
              }
            ),
            { numRuns: 25 }
          )
        )
      })
  )

  it.effect("answers any bytes (invalid UTF-8, NUL, stray quotes and line breaks) with rows or a FileError", () =>
    Effect.gen(function* () {
      const dir = yield* Effect.promise(tmp)
      const soup = fc.array(fc.constantFrom("a", ",", '"', "\n", "\r", " ", "户", "\u0000", "\uFEFF"), {
        maxLength: 400
      })
      yield* Effect.promise(() =>
        fc.assert(
          fc.asyncProperty(
            fc.oneof(
              fc.uint8Array({ maxLength: 4000 }),
              soup.map((cs) => cs.join(""))
            ),
            async (content) => {
              const file = path.join(dir, "any.csv")
              await fs.writeFile(file, content)
              const exit = await Effect.runPromiseExit(readCsv(file))
              // a typed answer: the rows, or a FileError; never a defect (a thrown exception) or a hang
              expect(exit._tag).toBe("Success")
              if (exit._tag === "Success" && Either.isLeft(exit.value)) expect(exit.value.left._tag).toBe("FileError")
            }
          ),
          { numRuns: 200 }
        )
      )
    })
  )

  it.effect("names the line of a ragged row after cells spanning several lines, and skips blank rows", () =>
    Effect.gen(function* () {
      const good = Array.from({ length: 2000 }, (_, i) => (i % 100 === 0 ? `${i},"two\nlines"` : `${i},x`))
      // 2,000 rows on 2,020 lines, a blank row and a row of empty cells, then the ragged row
      const file = yield* csvFile("multi.csv", `a,b\r\n${good.join("\r\n")}\r\n\r\n , \r\n1,2,3\r\n`)
      const result = yield* readCsv(file)
      assertFileError(result, "line 2024 has 3 cells where the header row has 2")
    })
  )

  it.effect("fails on a malformed quote with its line, after the rows before it", () =>
    Effect.gen(function* () {
      const file = yield* csvFile("quote.csv", 'a,b\n1,"x"\n2,"y"z\n3,w\n')
      const { seen, result } = yield* rowsBeforeFailure(file)
      expect(seen).toBe(1)
      assertFileError(result, "line 3 has a malformed quote")
    })
  )

  it.effect("fails on a file without line breaks instead of reading it whole as one header row", () =>
    Effect.gen(function* () {
      const file = yield* csvFile("one-line.csv", "a,".repeat(600_000))
      const result = yield* readCsv(file)
      assertFileError(result, "line 1 is over a million characters long")
    })
  )

  it.effect("fails on a quote never closed without reading the rest of the file into one cell", () =>
    Effect.gen(function* () {
      const rest = Array.from({ length: 100_000 }, (_, i) => `${i},some text`).join("\n")
      const file = yield* csvFile("open.csv", `a,b\n1,ok\n2,"never closed\n${rest}\n`)
      const result = yield* readCsv(file)
      assertFileError(
        result,
        "line 3 starts a record of over a million characters: a quoted cell is probably not closed"
      )
    })
  )
})

/** A full garbage collection (V8's `gc`, exposed here as the `zhili` binary does). */
const fullCollection = (): (() => void) => {
  v8.setFlagsFromString("--expose-gc")
  return vm.runInNewContext("gc") as () => void
}

const assertFileError = (result: Either.Either<unknown, Files.FileError>, reason: string) => {
  expect(Either.isLeft(result)).toBe(true)
  if (Either.isLeft(result)) {
    expect(result.left._tag).toBe("FileError")
    expect(result.left.reason).toContain(reason)
    expect(result.left.fix.length).toBeGreaterThan(0)
  }
}
