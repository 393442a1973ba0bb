/**
 * CSV renderer (CSV 表格): one file per table, plus `report.csv` (the report's facts and its sections) and
 * `figures.csv` (every figure with how it was computed). UTF-8 with a byte-order mark so spreadsheet programs read
 * Chinese text; RFC 4180 quoting and CRLF line ends. Numbers are written raw (a percent column holds the ratio).
 *
 * @since 0.1.0
 */
import { Report as R, type Report, Reporter } from "@zhili/core"
import { Effect } from "effect"
import { chrome, facts, privacyNote, slug } from "./internal/chrome.js"

/**
 * Quotes one field by RFC 4180: wrapped in double quotes when it holds a comma, a quote, CR or LF, with quotes
 * doubled. A field starting with `=`, `+`, `-` or `@` is prefixed with `'` so spreadsheets do not run it as a formula.
 *
 * @since 0.1.0
 * @category encoding
 */
export const field = (value: string | number | null): string => {
  if (value === null) return ""
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : ""
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/**
 * Writes rows as CSV text with CRLF line ends (no byte-order mark; {@link reporter} adds it to files).
 *
 * @since 0.1.0
 * @category encoding
 */
export const toCsv = (rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string =>
  rows.map((r) => `${r.map(field).join(",")}\r\n`).join("")

/**
 * The CSV files of a document as `[name, text]` pairs.
 *
 * @since 0.1.0
 * @category rendering
 */
export const files = (document: Report.ReportDocument): ReadonlyArray<readonly [string, string]> => {
  const meta: Array<ReadonlyArray<string | number | null>> = [
    [chrome(document, "report.item"), chrome(document, "report.value")],
    [chrome(document, "report.title"), document.title],
    ...facts(document).map(([k, v]) => [k, v]),
    [chrome(document, "report.notes"), privacyNote(document)],
    ...document.sections.map((s, i) => [`${chrome(document, "report.section")} ${i + 1}`, s.title])
  ]
  const figures: Array<ReadonlyArray<string | number | null>> = [
    [
      chrome(document, "report.section"),
      chrome(document, "report.figure"),
      chrome(document, "report.value"),
      chrome(document, "report.unit"),
      chrome(document, "report.formula"),
      chrome(document, "report.inputs")
    ],
    ...document.sections.flatMap((s) =>
      s.figures.map((f) => [
        s.title,
        f.label,
        f.value,
        f.kind === "percent" ? "ratio" : f.unit,
        f.computation.formula,
        R.formatInputs(f.computation)
      ])
    )
  ]
  const tables = document.sections.flatMap((s) =>
    s.tables.map(
      (t) =>
        [
          `${slug(s.id)}.${slug(t.id)}.csv`,
          toCsv([t.columns.map((c) => c.label), ...t.rows.map((row) => t.columns.map((_, ci) => row[ci] ?? null))])
        ] as const
    )
  )
  return [["report.csv", toCsv(meta)], ["figures.csv", toCsv(figures)], ...tables]
}

/**
 * The CSV reporter: several `.csv` files, `text/csv`, UTF-8 with BOM.
 *
 * @since 0.1.0
 * @category reporters
 */
export const reporter: Reporter.Reporter = Reporter.make({
  id: "csv",
  mediaType: "text/csv; charset=utf-8",
  fileExtension: "csv",
  render: (document) =>
    Effect.sync(() =>
      files(document).map(([name, text]) => ({
        name,
        mediaType: "text/csv; charset=utf-8",
        bytes: Reporter.utf8(text, { bom: true })
      }))
    )
})
