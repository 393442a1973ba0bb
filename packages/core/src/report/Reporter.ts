/**
 * The reporter port (报表输出): a renderer that turns a report document into files. Renderers are plain objects, so a
 * host adds its own (a PDF printer, a government template) next to the Markdown, HTML, CSV, JSON and XLSX
 * renderers of `@zhili/report` and `@zhili/report-xlsx`.
 *
 * @since 0.1.0
 */
import { Effect, Schema } from "effect"
import * as Plugin from "../plugin/Plugin.js"
import type { ReportDocument } from "./Report.js"

/**
 * One rendered file: a name (with extension), its media type and its bytes.
 *
 * @since 0.1.0
 * @category models
 */
export interface Artifact {
  readonly name: string
  readonly mediaType: string
  readonly bytes: Uint8Array
}

/**
 * A renderer failed; `reporter` names it and `reason` says what went wrong.
 *
 * @since 0.1.0
 * @category errors
 */
export class RenderError extends Schema.TaggedError<RenderError>()("RenderError", {
  reporter: Schema.String,
  reason: Schema.String
}) {
  override get message(): string {
    return `reporter ${this.reporter}: ${this.reason}`
  }
}

/**
 * A renderer: an id, the media type and file extension of its main output, and `render`, which returns one file
 * (HTML, Markdown, JSON, XLSX) or several (CSV: one per table). Rendering reads nothing but the document.
 *
 * @since 0.1.0
 * @category ports
 */
export interface Reporter {
  readonly id: string
  readonly mediaType: string
  readonly fileExtension: string
  readonly render: (document: ReportDocument) => Effect.Effect<ReadonlyArray<Artifact>, RenderError>
}

/**
 * Builds a reporter (identity, for inference and documentation).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (reporter: Reporter): Reporter => reporter

/**
 * Encodes text as UTF-8 bytes, optionally with a byte-order mark (spreadsheet programs need it to read Chinese CSV).
 *
 * @since 0.1.0
 * @category utilities
 */
export const utf8 = (text: string, options: { readonly bom?: boolean } = {}): Uint8Array =>
  new TextEncoder().encode(options.bom === true ? `\uFEFF${text}` : text)

/**
 * Renders a document with several reporters, all files in order.
 *
 * @since 0.1.0
 * @category rendering
 */
export const renderAll = (
  document: ReportDocument,
  reporters: ReadonlyArray<Reporter>
): Effect.Effect<ReadonlyArray<Artifact>, RenderError> =>
  Effect.forEach(reporters, (r) => r.render(document)).pipe(Effect.map((files) => files.flat()))

/**
 * Schema of a contributed renderer: an object with a non-empty string `id`, `mediaType`, `fileExtension` and a
 * `render` function.
 *
 * @since 0.1.0
 * @category plugins
 */
export const ReporterSchema: Schema.Schema<Reporter> = Plugin.contributionSchema<Reporter>({
  identifier: "Reporter",
  description: "a renderer: { id, mediaType, fileExtension, render() }",
  members: { mediaType: "string", fileExtension: "string", render: "function" }
})

/**
 * Extension point `report.renderers`: renderers (报表输出格式) that turn a report document into files, keyed by id.
 * `@zhili/report` contributes its Markdown, HTML, CSV and JSON renderers as `report/markdown`, ….
 *
 * @since 0.1.0
 * @category plugins
 */
export const renderersPoint: Plugin.ExtensionPoint<Reporter> = Plugin.extensionPoint({
  id: "report.renderers",
  description: "Renderers (报表输出) of report documents into files, keyed by renderer id.",
  schema: ReporterSchema,
  key: (r) => r.id
})
