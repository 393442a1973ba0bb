/**
 * Reading import files (导入文件): CSV (UTF-8, with or without BOM, parsed by `csv-parse`) and XLSX (the first
 * worksheet, read by ExcelJS), both as a header row and data rows of cell text. {@link open} streams a CSV file
 * (memory stays flat however long it is); {@link read} collects a whole file.
 *
 * @since 0.1.0
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { type Parser, parse } from "csv-parse"
import { Chunk, Effect, Option, Schema, type Scope, Stream } from "effect"
import type ExcelJS from "exceljs"

/**
 * A file that could not be read, with the fix.
 *
 * @since 0.1.0
 * @category errors
 */
export class FileError extends Schema.TaggedError<FileError>()("FileError", {
  file: Schema.String,
  reason: Schema.String,
  fix: Schema.String
}) {
  override get message(): string {
    return `cannot read ${this.file}: ${this.reason}`
  }
}

/**
 * A table read from a file: its headers and rows (header → cell text). Row numbers in messages count the header as
 * row 1, as a spreadsheet shows them.
 *
 * @since 0.1.0
 * @category models
 */
export interface Table {
  readonly headers: ReadonlyArray<string>
  readonly rows: ReadonlyArray<Readonly<Record<string, string>>>
}

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return ""
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("")
    if ("text" in value) return String(value.text)
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue)
    return ""
  }
  return String(value)
}

/** ExcelJS, loaded on first use so a CSV import does not compile it (a CommonJS module: its exports are `default`). */
const loadExcel = async (): Promise<typeof ExcelJS> =>
  ((await import("exceljs")) as unknown as { readonly default: typeof ExcelJS }).default

const readXlsx = (file: string): Effect.Effect<Table, FileError> =>
  Effect.tryPromise({
    try: async () => {
      // loaded here, so a CSV import does not compile ExcelJS
      const ExcelJS = await loadExcel()
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.readFile(file)
      const sheet = workbook.worksheets[0]
      if (sheet === undefined) return { headers: [], rows: [] }
      const headers: Array<string> = []
      sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, n) => {
        headers[n - 1] = cellText(cell.value).trim()
      })
      const rows: Array<Record<string, string>> = []
      for (let r = 2; r <= sheet.rowCount; r++) {
        const row = sheet.getRow(r)
        const record: Record<string, string> = {}
        let any = false
        headers.forEach((h, i) => {
          const text = cellText(row.getCell(i + 1).value)
          if (text !== "") any = true
          record[h] = text
        })
        if (any) rows.push(record)
      }
      return { headers, rows }
    },
    catch: (e) =>
      new FileError({
        file,
        reason: e instanceof Error ? e.message : String(e),
        fix: "save it again as an .xlsx workbook (Excel 2007 or later) with the headers in row 1"
      })
  })

const csvFix = "save it as UTF-8 CSV with one header row and the same number of cells in every row"
const csvError = (file: string) => (e: unknown) =>
  new FileError({ file, reason: e instanceof Error ? e.message : String(e), fix: csvFix })

/** A parsed record with its position (`info: true`): `lines` is the line the record ends on. */
interface Parsed {
  readonly record: Array<string>
  readonly info: { readonly lines: number }
}

/**
 * The next records the parser holds (at most `max`), waiting for some when none is buffered; `undefined` at the end.
 */
const pull = (parser: Parser, max: number): Promise<Array<Parsed> | undefined> =>
  new Promise((resolve, reject) => {
    const cleanup = () => {
      parser.off("readable", attempt)
      parser.off("end", onEnd)
      parser.off("error", onError)
    }
    const onEnd = () => {
      cleanup()
      resolve(undefined)
    }
    const onError = (e: unknown) => {
      cleanup()
      reject(e)
    }
    function attempt() {
      const out: Array<Parsed> = []
      while (out.length < max) {
        const record = parser.read() as Parsed | null
        if (record === null) break
        out.push(record)
      }
      if (out.length > 0) {
        cleanup()
        resolve(out)
      } else if (parser.errored !== null) onError(parser.errored)
      else if (parser.readableEnded) onEnd()
    }
    parser.on("readable", attempt)
    parser.on("end", onEnd)
    parser.on("error", onError)
    attempt()
  })

const openCsv = (file: string, size: number): Effect.Effect<Source, FileError, Scope.Scope> =>
  Effect.gen(function* () {
    const input = yield* Effect.acquireRelease(
      Effect.sync(() => fs.createReadStream(file)),
      (s) => Effect.sync(() => s.destroy())
    )
    // rows of the wrong length are found here (not by the parser), so every row before one is read first
    const parser = parse({ bom: true, skip_empty_lines: true, trim: true, relax_column_count: true, info: true })
    input.on("error", (e) => parser.destroy(e))
    input.pipe(parser)
    yield* Effect.addFinalizer(() => Effect.sync(() => parser.destroy()))
    const first = (yield* Effect.tryPromise({ try: () => pull(parser, 1000), catch: csvError(file) })) ?? []
    const headers = (first[0]?.record ?? []).map((h) => h.trim())
    let ragged: FileError | undefined
    /** The records' cells up to the first of the wrong length (kept for the next pull to fail with). */
    const cells = (records: ReadonlyArray<Parsed>): Array<ReadonlyArray<string>> => {
      const out: Array<ReadonlyArray<string>> = []
      for (const r of records) {
        if (r.record.length !== headers.length) {
          ragged = new FileError({
            file,
            reason: `line ${r.info.lines} has ${r.record.length} cells where the header row has ${headers.length}`,
            fix: csvFix
          })
          break
        }
        out.push(r.record)
      }
      return out
    }
    const next = Effect.suspend(() =>
      ragged !== undefined
        ? Effect.fail(Option.some(ragged))
        : Effect.tryPromise({ try: () => pull(parser, 1000), catch: (e) => Option.some(csvError(file)(e)) }).pipe(
            Effect.flatMap((records) =>
              records === undefined ? Effect.fail(Option.none()) : Effect.succeed(Chunk.unsafeFromArray(cells(records)))
            )
          )
    )
    const head = cells(first.slice(1))
    return {
      headers,
      rows: Stream.concat(Stream.fromIterable(head), Stream.repeatEffectChunkOption(next)),
      progress: () => (size === 0 ? 1 : Math.min(1, input.bytesRead / size))
    }
  })

/**
 * An import file opened for reading: its header row, its data rows (cell text in header order; empty rows
 * skipped), and how much of the file has been read so far (0–1). A CSV file is parsed as the rows are pulled, so
 * memory stays flat; an XLSX workbook is read whole when opened. A row of CSV with a different number of cells fails
 * the stream with a {@link FileError} naming its line. The file is closed when the scope closes.
 *
 * @since 0.1.0
 * @category models
 */
export interface Source {
  readonly headers: ReadonlyArray<string>
  readonly rows: Stream.Stream<ReadonlyArray<string>, FileError>
  readonly progress: () => number
}

/**
 * Opens a CSV or XLSX file (chosen by extension: `.xlsx` is a workbook, anything else is CSV) for streaming.
 *
 * @since 0.1.0
 * @category reading
 */
export const open = (file: string): Effect.Effect<Source, FileError, Scope.Scope> =>
  Effect.tryPromise({
    try: () => fs.promises.stat(file),
    catch: () => new FileError({ file, reason: "no such file", fix: "check the path (relative to the current folder)" })
  }).pipe(
    Effect.flatMap((stat) => {
      if (stat.isDirectory())
        return Effect.fail(new FileError({ file, reason: "is a folder", fix: "name a .csv or .xlsx file" }))
      return path.extname(file).toLowerCase() === ".xlsx"
        ? readXlsx(file).pipe(
            Effect.map(
              (t): Source => ({
                headers: t.headers,
                rows: Stream.fromIterable(t.rows.map((r) => t.headers.map((h) => r[h] ?? ""))),
                progress: () => 1
              })
            )
          )
        : openCsv(file, stat.size)
    })
  )

/**
 * Reads a whole CSV or XLSX file (chosen by extension: `.xlsx` is a workbook, anything else is CSV) into memory.
 * For long files use {@link open}.
 *
 * @since 0.1.0
 * @category reading
 */
export const read = (file: string): Effect.Effect<Table, FileError> =>
  Effect.scoped(
    Effect.gen(function* () {
      const source = yield* open(file)
      const rows = yield* Stream.runCollect(source.rows)
      return {
        headers: source.headers,
        rows: Chunk.toReadonlyArray(rows).map((cells) => {
          const record: Record<string, string> = {}
          source.headers.forEach((h, i) => {
            record[h] = cells[i] ?? ""
          })
          return record
        })
      }
    })
  )
