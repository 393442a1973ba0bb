/**
 * JSON renderer: the document encoded with its schema (dates as ISO strings), pretty-printed. Decoding the file with
 * `Schema.decodeUnknown(Report.ReportDocument)` gives the document back.
 *
 * @since 0.1.0
 */
import { Report, Reporter } from "@zhili/core"
import { Effect, Schema } from "effect"
import { slug } from "./internal/chrome.js"

/**
 * Encodes a document as JSON text.
 *
 * @since 0.1.0
 * @category rendering
 */
export const toJson = (document: Report.ReportDocument): string =>
  `${JSON.stringify(Schema.encodeSync(Report.ReportDocument)(document), null, 2)}\n`

/**
 * The JSON reporter: `<scope>.json`, `application/json`.
 *
 * @since 0.1.0
 * @category reporters
 */
export const reporter: Reporter.Reporter = Reporter.make({
  id: "json",
  mediaType: "application/json",
  fileExtension: "json",
  render: (document) =>
    Effect.try({
      try: () => [
        {
          name: `${slug(document.scope.division ?? "report")}.json`,
          mediaType: "application/json",
          bytes: Reporter.utf8(toJson(document))
        }
      ],
      catch: (e) => new Reporter.RenderError({ reporter: "json", reason: String(e) })
    })
})
