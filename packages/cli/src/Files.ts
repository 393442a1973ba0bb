/**
 * Reading import files (导入文件): CSV (UTF-8, with or without BOM, parsed by `csv-parse`) and XLSX (the first
 * worksheet, read by ExcelJS's streaming reader), both as a header row and data rows of cell text. {@link open}
 * streams a file (memory stays flat however long it is); {@link read} collects a whole file.
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

const reasonOf = (e: unknown): string => (e instanceof Error ? e.message : String(e))

const xlsxFix = "save it again as an .xlsx workbook (Excel 2007 or later) with the headers in row 1"
const xlsxError = (file: string) => (e: unknown) => new FileError({ file, reason: reasonOf(e), fix: xlsxFix })

/** The cells of a streamed row (`row.values` is 1-based and sparse). */
const valuesOf = (row: ExcelJS.Row): ReadonlyArray<ExcelJS.CellValue> => row.values as ReadonlyArray<ExcelJS.CellValue>

/**
 * The temporary copy ExcelJS reads a worksheet from, with its size, when the workbook stores the worksheet before the
 * shared strings (as Excel and ExcelJS write them): the whole zip has then been read before the first row, so progress
 * is the share of the copy read. ExcelJS does not document where a worksheet reader reads from (`iterator`), so
 * anything else counts as the zip itself.
 */
const sheetCopy = async (
  sheet: unknown
): Promise<{ readonly stream: fs.ReadStream; readonly size: number } | undefined> => {
  const source = (sheet as { readonly iterator?: unknown }).iterator
  if (!(source instanceof fs.ReadStream) || typeof source.path !== "string") return undefined
  const size = await fs.promises.stat(source.path).then(
    (s) => s.size,
    () => undefined
  )
  return size === undefined ? undefined : { stream: source, size }
}

/**
 * Streams the first worksheet of a workbook with ExcelJS's streaming reader: the zip is read as it is pulled (a
 * worksheet stored before the shared strings waits in a temporary file, as ExcelJS does), so memory stays flat. The
 * headers are row 1; rows whose cells under the headers are all empty are skipped.
 */
const openXlsx = (file: string, size: number): Effect.Effect<Source, FileError, Scope.Scope> =>
  Effect.gen(function* () {
    const Excel = yield* Effect.tryPromise({ try: loadExcel, catch: xlsxError(file) })
    const input = yield* Effect.acquireRelease(
      Effect.sync(() => fs.createReadStream(file)),
      (s) => Effect.sync(() => s.destroy())
    )
    // ExcelJS pipes the file into its unzipper, which does not see the file's errors: a wait fails on them
    let inputError: unknown
    input.once("error", (e) => {
      inputError = e
    })
    const guarded = <A>(wait: () => Promise<A>): Promise<A> =>
      new Promise((resolve, reject) => {
        if (inputError !== undefined) return reject(inputError)
        const onError = (e: unknown) => reject(e)
        input.once("error", onError)
        wait().then(
          (a) => {
            input.off("error", onError)
            resolve(a)
          },
          (e: unknown) => {
            input.off("error", onError)
            reject(e)
          }
        )
      })
    const reader = new Excel.stream.xlsx.WorkbookReader(input, {
      worksheets: "emit",
      sharedStrings: "cache",
      // the number formats tell dates from numbers
      styles: "cache",
      hyperlinks: "ignore",
      entries: "ignore"
    })
    const opened = yield* Effect.tryPromise({
      try: () =>
        guarded(async () => {
          const sheet = await reader[Symbol.asyncIterator]().next()
          if (sheet.done === true) throw new Error("it holds no worksheet")
          const copy = await sheetCopy(sheet.value)
          const rows = sheet.value[Symbol.asyncIterator]()
          const first = await rows.next()
          return { rows, copy, first: first.done === true ? undefined : first.value }
        }),
      catch: xlsxError(file)
    })
    const { rows, copy } = opened
    const headerRow = opened.first?.number === 1 ? opened.first : undefined
    const headers =
      headerRow === undefined
        ? []
        : Array.from({ length: headerRow.cellCount }, (_, i) => cellText(valuesOf(headerRow)[i + 1]).trim())
    /** The next rows with a cell under the headers (at most `max`), `undefined` at the end of the sheet. */
    const pullRows = async (max: number): Promise<Array<ReadonlyArray<string>> | undefined> => {
      const out: Array<ReadonlyArray<string>> = []
      while (out.length < max) {
        const next = await rows.next()
        if (next.done === true) return out.length > 0 ? out : undefined
        const values = valuesOf(next.value)
        const cells = headers.map((_, i) => cellText(values[i + 1]))
        if (cells.some((c) => c !== "")) out.push(cells)
      }
      return out
    }
    let ended = headerRow === undefined
    const next = Effect.suspend(() =>
      ended
        ? Effect.fail(Option.none())
        : Effect.tryPromise({
            try: () => guarded(() => pullRows(1000)),
            catch: (e) => Option.some(xlsxError(file)(e))
          }).pipe(
            Effect.flatMap((out) => {
              if (out === undefined) {
                ended = true
                return Effect.fail(Option.none())
              }
              return Effect.succeed(Chunk.unsafeFromArray(out))
            })
          )
    )
    return {
      headers,
      rows: Stream.repeatEffectChunkOption(next),
      progress: () =>
        ended || size === 0
          ? 1
          : copy === undefined
            ? Math.min(1, input.bytesRead / size)
            : Math.min(1, copy.stream.bytesRead / Math.max(1, copy.size))
    }
  })

const csvFix = "save it as UTF-8 CSV with one header row and the same number of cells in every row"
const csvError = (file: string) => (e: unknown) => new FileError({ file, reason: reasonOf(e), fix: csvFix })

/**
 * The parser's options. Records carry no position (`info: true` makes an object per record and doubles the parsing
 * time): only a ragged row's message needs its line, found by {@link lineOf}.
 */
const csvOptions = { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true } as const

/**
 * The line the `record`-th record (1-based, the header row included) ends on, as the parser counts lines: the file
 * parsed again up to that record with positions.
 */
const lineOf = async (file: string, record: number): Promise<number | undefined> => {
  const input = fs.createReadStream(file)
  const parser = parse({ ...csvOptions, info: true, to: record })
  input.on("error", (e) => parser.destroy(e))
  input.pipe(parser)
  let line: number | undefined
  try {
    for await (const parsed of parser as AsyncIterable<{ readonly info: { readonly lines: number } }>) {
      line = parsed.info.lines
    }
  } finally {
    input.destroy()
  }
  return line
}

/**
 * The next records the parser holds (at most `max`), waiting for some when none is buffered; `undefined` at the end.
 */
const pull = (parser: Parser, max: number): Promise<Array<Array<string>> | undefined> =>
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
      const out: Array<Array<string>> = []
      while (out.length < max) {
        const record = parser.read() as Array<string> | null
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
    const parser = parse(csvOptions)
    input.on("error", (e) => parser.destroy(e))
    input.pipe(parser)
    yield* Effect.addFinalizer(() => Effect.sync(() => parser.destroy()))
    const first = (yield* Effect.tryPromise({ try: () => pull(parser, 1000), catch: csvError(file) })) ?? []
    const headers = (first[0] ?? []).map((h) => h.trim())
    /** Records handed out so far, the header row included. */
    let records = 1
    /** The first record of the wrong length (its number and cells), kept for the next pull to fail with. */
    let ragged: { readonly record: number; readonly cells: number } | undefined
    /** The records' cells up to the first of the wrong length. */
    const cells = (parsed: ReadonlyArray<Array<string>>): Array<ReadonlyArray<string>> => {
      const out: Array<ReadonlyArray<string>> = []
      for (const r of parsed) {
        if (r.length !== headers.length) {
          ragged = { record: records + 1, cells: r.length }
          break
        }
        records += 1
        out.push(r)
      }
      return out
    }
    const raggedError = (at: { readonly record: number; readonly cells: number }) =>
      Effect.tryPromise({ try: () => lineOf(file, at.record), catch: csvError(file) }).pipe(
        Effect.flatMap((line) =>
          Effect.fail(
            new FileError({
              file,
              reason: `${line === undefined ? `record ${at.record}` : `line ${line}`} has ${at.cells} cells where the header row has ${headers.length}`,
              fix: csvFix
            })
          )
        ),
        Effect.mapError(Option.some)
      )
    const next = Effect.suspend(() =>
      ragged !== undefined
        ? raggedError(ragged)
        : Effect.tryPromise({ try: () => pull(parser, 1000), catch: (e) => Option.some(csvError(file)(e)) }).pipe(
            Effect.flatMap((parsed) =>
              parsed === undefined ? Effect.fail(Option.none()) : Effect.succeed(Chunk.unsafeFromArray(cells(parsed)))
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
 * skipped), and how much of the file has been read so far (0–1). A CSV file or the first worksheet of an XLSX
 * workbook is parsed as the rows are pulled, so memory stays flat. A row of CSV with a different number of cells
 * fails the stream with a {@link FileError} naming its line. The file is closed when the scope closes.
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
      return path.extname(file).toLowerCase() === ".xlsx" ? openXlsx(file, stat.size) : openCsv(file, stat.size)
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
