/**
 * Markdown renderer (Markdown 报表): one `.md` file with the report's facts, each section's figures (with how they
 * were computed), tables and chart data as tables.
 *
 * @since 0.1.0
 */
import { Report as R, type Report, Reporter } from "@zhili/core"
import { Effect } from "effect"
import { chrome, facts, privacyNote, slug } from "./internal/chrome.js"

const cell = (text: string): string => text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ")

const table = (header: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string =>
  [
    `| ${header.map(cell).join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)
  ].join("\n")

/**
 * Renders a document as Markdown text.
 *
 * @since 0.1.0
 * @category rendering
 */
export const toMarkdown = (document: Report.ReportDocument): string => {
  const out: Array<string> = [`# ${document.title}`, ""]
  for (const [label, value] of facts(document)) out.push(`- **${label}**: ${value}`)
  out.push("", `> ${privacyNote(document)}`, "")
  document.sections.forEach((section, i) => {
    out.push(`## ${i + 1}. ${section.title}`, "")
    if (section.figures.length > 0) {
      out.push(
        table(
          [
            chrome(document, "report.figure"),
            chrome(document, "report.value"),
            chrome(document, "report.formula"),
            chrome(document, "report.inputs")
          ],
          section.figures.map((f) => [f.label, R.formatFigure(f), f.computation.formula, R.formatInputs(f.computation)])
        ),
        ""
      )
    }
    for (const t of section.tables) {
      out.push(`### ${t.title}`, "")
      out.push(
        table(
          t.columns.map((c) => c.label),
          t.rows.map((row) => t.columns.map((c, ci) => R.formatCell(row[ci] ?? null, c.type)))
        ),
        ""
      )
    }
    for (const s of section.series) {
      out.push(`### ${s.title}${s.unit === "" ? "" : ` (${s.unit})`}`, "")
      out.push(
        table(
          ["", ...s.data.map((d) => d.name)],
          s.categories.map((c, ci) => [c, ...s.data.map((d) => R.formatValue(d.values[ci] ?? null, "decimal"))])
        ),
        ""
      )
    }
    for (const note of section.notes) out.push(`> ${note}`, "")
  })
  return `${out.join("\n").trimEnd()}\n`
}

/**
 * The Markdown reporter: `<title>.md`, `text/markdown`.
 *
 * @since 0.1.0
 * @category reporters
 */
export const reporter: Reporter.Reporter = Reporter.make({
  id: "markdown",
  mediaType: "text/markdown; charset=utf-8",
  fileExtension: "md",
  render: (document) =>
    Effect.sync(() => [
      {
        name: `${slug(document.scope.division ?? "report")}.md`,
        mediaType: "text/markdown; charset=utf-8",
        bytes: Reporter.utf8(toMarkdown(document))
      }
    ])
})
