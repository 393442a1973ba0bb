/**
 * The report `zhili report` and `zhili demo` write: the organisation and grid sections over the stored records,
 * rendered by the reporters of `@zhili/report` and `@zhili/report-xlsx`.
 *
 * @since 0.1.0
 */
import { GridReport, LocalDate, OrgReport, Report, type Reporter, SectionBuilder } from "@zhili/core"
import { Csv, Html, Json, Markdown } from "@zhili/report"
import { Xlsx } from "@zhili/report-xlsx"
import { type DateTime, Either, Schema } from "effect"
import type { Records } from "./Stored.js"

/**
 * The output formats and their reporters.
 *
 * @since 0.1.0
 * @category constants
 */
export const formats = {
  md: Markdown.reporter,
  html: Html.reporter,
  csv: Csv.reporter,
  xlsx: Xlsx.reporter,
  json: Json.reporter
} as const satisfies Record<string, Reporter.Reporter>

/**
 * A format name.
 *
 * @since 0.1.0
 * @category models
 */
export type Format = keyof typeof formats

/**
 * The sections the CLI reports.
 *
 * @since 0.1.0
 * @category constants
 */
export const registry: SectionBuilder.Registry<Records> = Either.getOrThrow(
  SectionBuilder.register<Records>(SectionBuilder.empty, OrgReport.section(), GridReport.structure, GridReport.visits)
)

/**
 * A reporting period from `2025` (the calendar year) or `2025-01-01..2025-06-30`; `undefined` when unreadable.
 *
 * @since 0.1.0
 * @category parsing
 */
export const period = (text: string): Report.Period | undefined => {
  const year = /^(\d{4})$/.exec(text.trim())
  if (year !== null) {
    const y = Number(year[1])
    return new Report.Period({ from: LocalDate.make(y, 1, 1), to: LocalDate.make(y, 12, 31) })
  }
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text.trim())
  if (range === null) return undefined
  const from = Schema.decodeUnknownEither(LocalDate.LocalDate)(range[1])
  const to = Schema.decodeUnknownEither(LocalDate.LocalDate)(range[2])
  if (Either.isLeft(from) || Either.isLeft(to) || from.right > to.right) return undefined
  return new Report.Period({ from: from.right, to: to.right })
}

/**
 * Builds the report document.
 *
 * @since 0.1.0
 * @category building
 */
export const document = (options: {
  readonly title: string
  readonly period: Report.Period
  readonly scope: string
  readonly generatedAt: DateTime.Utc
  readonly records: Records
}): Report.ReportDocument => {
  const spec = new SectionBuilder.ReportSpec({
    title: options.title,
    period: options.period,
    scope: new Report.ScopeRef({ label: options.scope === "" ? "全部" : options.scope, division: options.scope }),
    generatedAt: options.generatedAt
  })
  return Either.getOrThrow(SectionBuilder.build(spec, options.records, registry))
}
