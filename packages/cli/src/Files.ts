/**
 * Reading import files (导入文件): CSV (UTF-8, with or without BOM, parsed by `csv-parse`) and XLSX (the first
 * worksheet, read by ExcelJS), both as a header row and data rows of cell text.
 *
 * @since 0.1.0
 */
import * as fs from "node:fs/promises"
import * as path from "node:path"
import { parse } from "csv-parse/sync"
import { Effect, Schema } from "effect"
import ExcelJS from "exceljs"

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

const readXlsx = (file: string): Effect.Effect<Table, FileError> =>
  Effect.tryPromise({
    try: async () => {
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

const readCsv = (file: string, text: string): Effect.Effect<Table, FileError> =>
  Effect.try({
    try: () => {
      const rows = parse(text, { bom: true, columns: true, skip_empty_lines: true, trim: true }) as Array<
        Record<string, string>
      >
      const first = parse(text, { bom: true, to_line: 1 }) as Array<Array<string>>
      return { headers: (first[0] ?? []).map((h) => h.trim()), rows }
    },
    catch: (e) =>
      new FileError({
        file,
        reason: e instanceof Error ? e.message : String(e),
        fix: "save it as UTF-8 CSV with one header row and the same number of cells in every row"
      })
  })

/**
 * Reads a CSV or XLSX file (chosen by extension: `.xlsx` is a workbook, anything else is CSV).
 *
 * @since 0.1.0
 * @category reading
 */
export const read = (file: string): Effect.Effect<Table, FileError> =>
  Effect.tryPromise({
    try: () => fs.stat(file),
    catch: () => new FileError({ file, reason: "no such file", fix: "check the path (relative to the current folder)" })
  }).pipe(
    Effect.flatMap(() =>
      path.extname(file).toLowerCase() === ".xlsx"
        ? readXlsx(file)
        : Effect.tryPromise({
            try: () => fs.readFile(file, "utf8"),
            catch: (e) => new FileError({ file, reason: String(e), fix: "check that the file is readable" })
          }).pipe(Effect.flatMap((text) => readCsv(file, text)))
    )
  )
