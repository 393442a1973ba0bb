/**
 * Reading import files (导入文件): CSV (UTF-8 with or without BOM, or GB18030/GBK as Excel on a Chinese Windows
 * saves it; decoded strictly, so a byte that is not text fails with its line and column; parsed by Papa Parse) and XLSX (the first
 * worksheet, read by ExcelJS's streaming reader), both as a header row and data rows of cell text. {@link open}
 * streams a file (memory stays flat however long it is); {@link read} collects a whole file.
 *
 * @since 0.1.0
 */
import * as buffer from "node:buffer"
import * as fs from "node:fs"
import * as path from "node:path"
import { Transform } from "node:stream"
import { TextDecoder } from "node:util"
import { Chunk, Effect, Option, Schema, type Scope, Stream } from "effect"
import type ExcelJS from "exceljs"
import Papa from "papaparse"
import { shownHeader } from "./Columns.js"
import { say } from "./Text.js"

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
    return say(`无法读取 ${this.file}：${this.reason}`, `cannot read ${this.file}: ${this.reason}`)
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

/**
 * ExcelJS 4.4's reader of a workbook's XML parts (`utils/parse-sax`) decodes each chunk of a part on its own, so a
 * character whose UTF-8 bytes fall across two chunks becomes two U+FFFD (of 20,000 rows of Chinese text, 30 cells
 * came out damaged). It takes text chunks as they are: the parts it reads (the shared strings, the worksheet) are
 * handed to it as text decoded here as one stream, and strictly, so bytes that are not UTF-8 fail the read.
 */
const strictUtf8Error = () =>
  new Error("a part of the workbook holds bytes that are not UTF-8 text: the file is damaged")

/** The chunks of a part as text (see {@link strictUtf8Error}). */
async function* asText(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true })
  const decode = (chunk: Buffer | string, stream: boolean): string => {
    if (typeof chunk === "string") return chunk
    try {
      return decoder.decode(chunk, { stream })
    } catch {
      throw strictUtf8Error()
    }
  }
  for await (const chunk of chunks) yield decode(chunk, true)
  const rest = decode(Buffer.alloc(0), false)
  if (rest !== "") yield rest
}

/** A stream of a part as text chunks (see {@link strictUtf8Error}). */
const textStream = (part: NodeJS.ReadableStream): Transform => {
  const decoder = new TextDecoder("utf-8", { fatal: true })
  const text = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      try {
        done(null, decoder.decode(chunk, { stream: true }))
      } catch {
        done(strictUtf8Error())
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode())
      } catch {
        done(strictUtf8Error())
      }
    }
  })
  part.on("error", (e) => text.destroy(e instanceof Error ? e : new Error(String(e))))
  return part.pipe(text)
}

/** ExcelJS, loaded on first use so a CSV import does not compile it (a CommonJS module: its exports are `default`). */
const loadExcel = async (): Promise<typeof ExcelJS> =>
  ((await import("exceljs")) as unknown as { readonly default: typeof ExcelJS }).default

const reasonOf = (e: unknown): string => (e instanceof Error ? e.message : String(e))

const xlsxFix = (): string =>
  say(
    "用 Excel 2007 或更高版本另存为 .xlsx 工作簿，表头放在第 1 行",
    "save it again as an .xlsx workbook (Excel 2007 or later) with the headers in row 1"
  )
const xlsxError = (file: string) => (e: unknown) => new FileError({ file, reason: reasonOf(e), fix: xlsxFix() })

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
    // the shared strings and the worksheet reach ExcelJS's XML parser as text decoded here (see `strictUtf8Error`)
    const internals = reader as unknown as { _parseSharedStrings?: (entry: NodeJS.ReadableStream) => unknown }
    const parseSharedStrings = internals._parseSharedStrings
    if (typeof parseSharedStrings === "function")
      internals._parseSharedStrings = (entry) => parseSharedStrings.call(reader, textStream(entry))
    const opened = yield* Effect.tryPromise({
      try: () =>
        guarded(async () => {
          const sheet = await reader[Symbol.asyncIterator]().next()
          if (sheet.done === true) throw new Error("it holds no worksheet")
          const copy = await sheetCopy(sheet.value)
          const part = sheet.value as unknown as { iterator?: AsyncIterable<Buffer | string> }
          if (part.iterator !== undefined && Symbol.asyncIterator in part.iterator)
            part.iterator = asText(part.iterator)
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
      encoding: () => "utf-8",
      progress: () =>
        ended || size === 0
          ? 1
          : copy === undefined
            ? Math.min(1, input.bytesRead / size)
            : Math.min(1, copy.stream.bytesRead / Math.max(1, copy.size))
    }
  })

const csvFix = (): string =>
  say(
    "另存为 UTF-8 编码的 CSV：一行表头，每行单元格数相同",
    "save it as UTF-8 CSV with one header row and the same number of cells in every row"
  )
const csvError = (file: string) => (e: unknown) => new FileError({ file, reason: reasonOf(e), fix: csvFix() })

/**
 * The longest a record may grow (characters) while its end is not found: past it, a quoted cell is taken as never
 * closed, instead of reading the rest of the file into one cell.
 */
const maxRecordLength = 2 ** 20

/** A CSV line break. */
type LineBreak = "\r\n" | "\n" | "\r"

/** The line break of a CSV text: that of its first line (`\r\n`, `\n`, or `\r` when it has no `\n`). */
const lineBreakOf = (text: string): LineBreak => {
  const n = text.indexOf("\n")
  if (n > 0 && text[n - 1] === "\r") return "\r\n"
  return n === -1 && text.includes("\r") ? "\r" : "\n"
}

/** How many times `c` (one character) occurs in `text` before `end`. */
const occurrences = (text: string, c: string, end: number): number => {
  let n = 0
  for (let i = text.indexOf(c); i !== -1 && i < end; i = text.indexOf(c, i + 1)) n += 1
  return n
}

/** Trims a record's cells in place; true when all are empty (an empty line, or only commas and spaces). */
const trimBlank = (record: Array<string>): boolean => {
  let blank = true
  for (let i = 0; i < record.length; i++) {
    const cell = (record[i] as string).trim()
    record[i] = cell
    if (cell !== "") blank = false
  }
  return blank
}

/**
 * CSV records read from a text stream a chunk at a time and split by Papa Parse's parser (quotes as RFC 4180 has
 * them: a quoted cell starts right after the comma; its quotes are doubled inside), their cells trimmed. The text of
 * a record split between two chunks waits for the next one. Blank records (every cell empty) are skipped; a record
 * with a different number of cells than the first (the header row), or with a malformed quote, ends the records:
 * those before it are handed out, then {@link CsvRecords.next} fails with its line (the line it starts on, counting
 * from 1).
 */
interface CsvRecords {
  /** The next records (one chunk's worth), `undefined` at the end of the file. */
  readonly next: () => Promise<Array<Array<string>> | undefined>
}

const csvRecords = (file: string, text: AsyncIterator<string>): CsvRecords => {
  /** The text not parsed yet: the start of a record whose end has not been read. */
  let pending = ""
  /** The line `pending` starts on. */
  let line = 1
  let lineBreak: LineBreak | undefined
  let first = true
  let ended = false
  let cells: number | undefined
  let failure: FileError | undefined
  const fail = (at: number, reason: string) => {
    failure = new FileError({ file, reason: say(`第 ${at} 行${reason}`, `line ${at} ${reason}`), fix: csvFix() })
  }
  /** The line the `index`-th record of `chunk` (whose text starts on `line`) starts on. */
  const lineOfRecord = (chunk: string, index: number, breaks: LineBreak): number => {
    // the records before it, parsed again with the parser that tracks positions (not its split on line breaks)
    const before = new Papa.Parser({ delimiter: ",", newline: breaks, quoteChar: '"', preview: index, fastMode: false })
    const start = index === 0 ? 0 : (before.parse(chunk, 0, false) as Papa.ParseResult<unknown>).meta.cursor
    return line + occurrences(chunk, breaks === "\r" ? "\r" : "\n", start)
  }
  const next = async (): Promise<Array<Array<string>> | undefined> => {
    for (;;) {
      if (failure !== undefined) throw failure
      if (ended) return undefined
      const read = await text.next()
      const last = read.done === true
      let chunk = last ? pending : pending + read.value
      if (first && chunk !== "") {
        if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1)
        first = false
      }
      if (lineBreak === undefined) {
        if (!last && !chunk.includes("\n") && !chunk.includes("\r")) {
          if (chunk.length > maxRecordLength) {
            fail(
              1,
              say(
                "超过一百万个字符：文件在 CSV 应有换行的地方没有换行",
                "is over a million characters long: the file has no line breaks where CSV has them"
              )
            )
            throw failure
          }
          pending = chunk
          continue
        }
        lineBreak = lineBreakOf(chunk)
      }
      const breaks = lineBreak
      const parsed = new Papa.Parser({ delimiter: ",", newline: breaks, quoteChar: '"' }).parse(
        chunk,
        0,
        !last
      ) as Papa.ParseResult<Array<string>>
      const consumed = last ? chunk.length : parsed.meta.cursor
      const badQuote = parsed.errors[0]
      const out: Array<Array<string>> = []
      for (let i = 0; i < parsed.data.length; i++) {
        const record = parsed.data[i] as Array<string>
        if (badQuote !== undefined && badQuote.row === i) {
          fail(
            lineOfRecord(chunk, i, breaks),
            say(
              `的引号不成对（${badQuote.message.toLowerCase()}）`,
              `has a malformed quote (${badQuote.message.toLowerCase()})`
            )
          )
          break
        }
        if (trimBlank(record)) continue
        if (cells === undefined) cells = record.length
        else if (record.length !== cells) {
          fail(
            lineOfRecord(chunk, i, breaks),
            say(
              `有 ${record.length} 个单元格，而表头行有 ${cells} 个`,
              `has ${record.length} cells where the header row has ${cells}`
            )
          )
          break
        }
        out.push(record)
      }
      // copied through UTF-8: a slice of a chunk that held a non-Latin-1 character (the header row's Chinese) is
      // stored two bytes a character by V8, and would make every later chunk it is joined to, and each of their
      // cells, records and COPY lines, two bytes a character too
      pending = consumed === chunk.length ? "" : Buffer.from(chunk.slice(consumed), "utf8").toString("utf8")
      line += occurrences(chunk, breaks === "\r" ? "\r" : "\n", consumed)
      if (failure === undefined && pending.length > maxRecordLength)
        fail(
          line,
          say(
            "开始的记录超过一百万个字符：可能有带引号的单元格没有闭合",
            "starts a record of over a million characters: a quoted cell is probably not closed"
          )
        )
      if (last) ended = true
      if (out.length > 0) return out
    }
  }
  return { next }
}

/**
 * The text encodings a CSV file is read in: UTF-8 (with or without BOM), or GB18030 (which GBK and GB2312 are
 * subsets of), what Excel on a Chinese Windows writes for "CSV (逗号分隔)".
 *
 * @since 0.1.0
 * @category models
 */
export type Encoding = "utf-8" | "gb18030"

const cr = 0x0d
const lf = 0x0a

/** How many line breaks (`\r\n`, `\n` or a lone `\r`) the bytes hold; a `\r` last is counted. */
const breaksIn = (bytes: Uint8Array, from = 0, to = bytes.length): number => {
  // searched natively (a file's bytes all pass here): every \n, and every \r not followed by one
  const view = Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from)
  let n = 0
  for (let i = view.indexOf(lf); i !== -1; i = view.indexOf(lf, i + 1)) n += 1
  for (let i = view.indexOf(cr); i !== -1; i = view.indexOf(cr, i + 1)) if (view[i + 1] !== lf) n += 1
  return n
}

/**
 * Where the first byte sequence that is not valid in `encoding` is in `bytes` (a whole number of lines): its line
 * (counted from `line`) and column (in characters, from 1).
 */
const badPlace = (
  encoding: Encoding,
  bytes: Uint8Array,
  line: number
): { line: number; column: number; start: number } => {
  const valid = (to: number) => {
    try {
      // a sequence cut short at `to` is no error while streaming: only a wrong byte before `to` is
      new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, to), { stream: true })
      return true
    } catch {
      return false
    }
  }
  // the shortest prefix that fails ends with the first wrong byte
  let lo = 0
  let hi = bytes.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (valid(mid + 1)) lo = mid + 1
    else hi = mid
  }
  let start = 0
  for (let i = 0; i < lo; i++) {
    const b = bytes[i]
    if (b === lf || (b === cr && bytes[i + 1] !== lf)) start = i + 1
  }
  const before = new TextDecoder(encoding).decode(bytes.subarray(start, lo), { stream: true })
  return { line: line + breaksIn(bytes, 0, start), column: [...before].length + 1, start }
}

/**
 * The text of bytes in UTF-8 (a BOM dropped), or, when they are not all UTF-8, the line and column (from 1, in
 * characters) of the first byte that is not: for JSON and other files that must be UTF-8.
 *
 * @since 0.1.0
 * @category reading
 */
export const utf8Text = (bytes: Uint8Array): string | { readonly line: number; readonly column: number } => {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes)
  } catch {
    const at = badPlace("utf-8", bytes, 1)
    return { line: at.line, column: at.column }
  }
}

/** The longest run of bytes without a line break that is decoded as one piece (bytes). */
const maxLineBytes = 4 * 2 ** 20

/**
 * The text of a CSV file's bytes, decoded strictly: UTF-8 (a UTF-8 BOM is dropped), or GB18030 when the first
 * non-ASCII bytes are not UTF-8 but are GB18030 (ASCII reads the same in both, so the lines before them are already
 * right). Bytes are decoded a whole number of lines at a time (a line break byte is never part of a multibyte
 * character in either encoding), so a wrong byte is found with its line and column: the read fails there with a
 * {@link FileError}, never replacing it with U+FFFD. UTF-16 (a UTF-16 BOM) is refused by name.
 */
const decodedText = (
  file: string,
  bytes: AsyncIterator<Buffer>,
  onEncoding: (encoding: Encoding) => void
): AsyncIterator<string> => {
  let encoding: Encoding | undefined
  let decoder: TextDecoder | undefined
  let held: Buffer = Buffer.alloc(0)
  let line = 1
  let first = true
  let ended = false
  const refuse = (reason: string, fix: string) => new FileError({ file, reason, fix })
  const decide = (e: Encoding) => {
    encoding = e
    decoder = new TextDecoder(e, { fatal: true })
    onEncoding(e)
  }
  /** The failure at the first line of `piece` that is not text in `e`, for the next read. */
  let failure: FileError | undefined
  /** The lines of `piece` before the first that is not text in `e`; the failure at that line waits for the next read. */
  const notText = (e: Encoding, piece: Buffer): string => {
    const at = badPlace(e, piece, line)
    failure = refuse(
      say(
        `第 ${at.line} 行第 ${at.column} 列：该处字节不是 ${e === "utf-8" ? "UTF-8" : "GB18030"} 文本`,
        `line ${at.line}, column ${at.column}: the bytes there are not ${e === "utf-8" ? "UTF-8" : "GB18030"} text`
      ),
      say(
        "把整个文件用同一种编码重新保存为 CSV UTF-8（逗号分隔），再导入",
        "save the whole file again in one encoding, as CSV UTF-8 (逗号分隔, UTF-8), and import it again"
      )
    )
    ended = true
    return new TextDecoder(e).decode(piece.subarray(0, at.start))
  }
  /** Decodes a whole number of lines. */
  const decode = (piece: Buffer): string => {
    if (piece.length === 0) return ""
    if (decoder !== undefined && encoding !== undefined) {
      try {
        return decoder.decode(piece)
      } catch {
        return notText(encoding, piece)
      }
    }
    // undecided: every byte so far was ASCII. The line of the first other byte tells: UTF-8 if it is UTF-8 (text
    // in UTF-8 is mostly valid GB18030 too, never the other way round), else GB18030 if it is that
    if (buffer.isAscii(piece)) return piece.toString("latin1")
    let at = 0
    while (at < piece.length && (piece[at] as number) < 0x80) at++
    const from = Math.max(piece.lastIndexOf(lf, at), piece.lastIndexOf(cr, at)) + 1
    let to = piece.length
    for (let i = at; i < piece.length; i++)
      if (piece[i] === lf || piece[i] === cr) {
        to = i
        break
      }
    const isText = (e: Encoding, bytes: Uint8Array) => {
      try {
        new TextDecoder(e, { fatal: true }).decode(bytes)
        return true
      } catch {
        return false
      }
    }
    const firstLine = piece.subarray(from, to)
    decide(isText("utf-8", firstLine) || !isText("gb18030", firstLine) ? "utf-8" : "gb18030")
    return decode(piece)
  }
  const next = async (): Promise<IteratorResult<string>> => {
    for (;;) {
      if (failure !== undefined) throw failure
      if (ended) return { done: true, value: undefined }
      const read = await bytes.next()
      if (read.done === true) {
        ended = true
        const text = decode(held)
        held = Buffer.alloc(0)
        if (text !== "") return { done: false, value: text }
        if (failure !== undefined) throw failure
        return { done: true, value: undefined }
      }
      let chunk = held.length === 0 ? read.value : Buffer.concat([held, read.value])
      if (first) {
        if (chunk.length < 4) {
          held = chunk
          continue
        }
        first = false
        if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))
          throw refuse(
            say(
              "文件是 UTF-16 文本（Excel 的“Unicode 文本”），不是 UTF-8 或 GB18030 的 CSV",
              "the file is UTF-16 text (Excel's Unicode text), not CSV in UTF-8 or GB18030"
            ),
            say(
              "在 Excel 中另存为“CSV UTF-8（逗号分隔）”后导入",
              "save it from Excel as CSV UTF-8 (逗号分隔, UTF-8) and import that"
            )
          )
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
          decide("utf-8")
          chunk = chunk.subarray(3)
        } else if (chunk[0] === 0x84 && chunk[1] === 0x31 && chunk[2] === 0x95 && chunk[3] === 0x33) {
          decide("gb18030")
          chunk = chunk.subarray(4)
        }
      }
      // up to the last line break (a `\r` last waits: a `\n` may follow it)
      let cut = chunk.lastIndexOf(lf) + 1
      if (cut === 0) {
        cut = chunk.lastIndexOf(cr) + 1
        if (cut === chunk.length) cut -= 1
      }
      if (cut <= 0) {
        if (chunk.length > maxLineBytes)
          throw refuse(
            say(
              `第 ${line} 行超过四百万字节：文件在 CSV 应有换行的地方没有换行`,
              `line ${line} is over four million bytes long: the file has no line breaks where CSV has them`
            ),
            csvFix()
          )
        held = chunk
        continue
      }
      const piece = chunk.subarray(0, cut)
      held = Buffer.from(chunk.subarray(cut))
      const text = decode(piece)
      line += breaksIn(piece)
      if (text !== "") return { done: false, value: text }
      if (failure !== undefined) throw failure
    }
  }
  return { next }
}

const openCsv = (file: string, size: number): Effect.Effect<Source, FileError, Scope.Scope> =>
  Effect.gen(function* () {
    const input = yield* Effect.acquireRelease(
      Effect.sync(() => fs.createReadStream(file)),
      (s) => Effect.sync(() => s.destroy())
    )
    let encoding: Encoding | undefined
    const text = decodedText(file, input[Symbol.asyncIterator]() as AsyncIterator<Buffer>, (e) => {
      encoding = e
    })
    const records = csvRecords(file, text)
    const pull = Effect.tryPromise({
      try: records.next,
      catch: (e) => (e instanceof FileError ? e : csvError(file)(e))
    })
    const first = (yield* pull) ?? []
    const headers = (first[0] ?? []).map((h) => h.trim())
    const next = pull.pipe(
      Effect.mapError(Option.some),
      Effect.flatMap((rows) =>
        rows === undefined ? Effect.fail(Option.none()) : Effect.succeed(Chunk.unsafeFromArray(rows))
      )
    )
    return {
      headers,
      rows: Stream.concat(Stream.fromIterable(first.slice(1)), Stream.repeatEffectChunkOption(next)),
      progress: () => (size === 0 ? 1 : Math.min(1, input.bytesRead / size)),
      encoding: () => encoding
    }
  })

/**
 * An import file opened for reading: its header row, its data rows (cell text in header order; empty rows
 * skipped), and how much of the file has been read so far (0–1). A CSV file or the first worksheet of an XLSX
 * workbook is parsed as the rows are pulled, so memory stays flat. A row of CSV with a different number of cells
 * fails the stream with a {@link FileError} naming its line, and so do bytes that are not text in the file's encoding
 * (with their line and column). The file is closed when the scope closes.
 *
 * @since 0.1.0
 * @category models
 */
export interface Source {
  readonly headers: ReadonlyArray<string>
  readonly rows: Stream.Stream<ReadonlyArray<string>, FileError>
  readonly progress: () => number
  /**
   * The encoding the text was read in so far: a CSV file's is known from its first non-ASCII bytes (`undefined`
   * while every byte read was ASCII, which reads the same in both); an XLSX workbook's is UTF-8.
   */
  readonly encoding: () => Encoding | undefined
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
    catch: () =>
      new FileError({
        file,
        reason: say("文件不存在", "no such file"),
        fix: say("检查路径（相对于当前文件夹）", "check the path (relative to the current folder)")
      })
  }).pipe(
    Effect.flatMap((stat) => {
      if (stat.isDirectory())
        return Effect.fail(
          new FileError({
            file,
            reason: say("这是一个文件夹", "is a folder"),
            fix: say("指定一个 .csv 或 .xlsx 文件", "name a .csv or .xlsx file")
          })
        )
      return path.extname(file).toLowerCase() === ".xlsx" ? openXlsx(file, stat.size) : openCsv(file, stat.size)
    })
  )

/**
 * Reads a whole CSV or XLSX file (chosen by extension: `.xlsx` is a workbook, anything else is CSV) into memory.
 * A header that appears twice (ignoring case) fails with a {@link FileError} naming it and its two columns. For long
 * files use {@link open}.
 *
 * @since 0.1.0
 * @category reading
 */
export const read = (file: string): Effect.Effect<Table, FileError> =>
  Effect.scoped(
    Effect.gen(function* () {
      const source = yield* open(file)
      // a table holds one cell per header: a repeated header would lose one of its columns
      const seen = new Map<string, number>()
      for (const [i, h] of source.headers.entries()) {
        const before = seen.get(h.toLowerCase())
        if (before !== undefined && h !== "")
          return yield* new FileError({
            file,
            reason: say(
              `表头 ${shownHeader(h)} 出现两次，在第 ${before + 1} 列和第 ${i + 1} 列`,
              `header ${shownHeader(h)} appears twice, in columns ${before + 1} and ${i + 1}`
            ),
            fix: say(
              "每个表头只保留一列：删除另一列或改名",
              "keep one column per header: delete or rename the other column"
            )
          })
        seen.set(h.toLowerCase(), i)
      }
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
