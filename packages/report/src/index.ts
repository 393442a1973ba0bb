/**
 * zhili (治理) report renderers: Markdown, one self-contained HTML file with server-rendered ECharts SVG charts, CSV
 * (one file per table, UTF-8 with BOM) and JSON. Each renderer is a `Reporter.Reporter` from `@zhili/core`; hosts
 * add their own next to these.
 *
 * @packageDocumentation
 */
import { Plugin, Reporter } from "@zhili/core"
import * as Csv from "./Csv.js"
import * as Html from "./Html.js"
import * as Json from "./Json.js"
import * as Markdown from "./Markdown.js"
import { version } from "./version.js"

/** Charts rendered to SVG on the server with Apache ECharts. */
export * as Charts from "./Charts.js"
/** CSV renderer: one file per table, UTF-8 with BOM, RFC 4180. */
export * as Csv from "./Csv.js"
/** HTML renderer: one self-contained page with inline CSS and SVG charts. */
export * as Html from "./Html.js"
/** JSON renderer: the document encoded with its schema. */
export * as Json from "./Json.js"
/** Markdown renderer. */
export * as Markdown from "./Markdown.js"

/**
 * Every renderer of this package, in the order Markdown, HTML, CSV, JSON.
 *
 * @since 0.1.0
 * @category reporters
 */
export const reporters: ReadonlyArray<Reporter.Reporter> = [
  Markdown.reporter,
  Html.reporter,
  Csv.reporter,
  Json.reporter
]

/**
 * The version of this package, stated by its plugin.
 *
 * @since 0.1.0
 * @category plugins
 */
export { version }

/**
 * The plugin (id `report`): contributes the renderers of this package to `Reporter.renderersPoint` under the keys
 * `report/markdown`, `report/html`, `report/csv` and `report/json`.
 *
 * @since 0.1.0
 * @category plugins
 */
export const plugin: Plugin.Plugin = Plugin.define({
  id: "report",
  version,
  description: "Report renderers: Markdown, self-contained HTML with SVG charts, CSV and JSON",
  contributes: [
    Plugin.contribute(
      Reporter.renderersPoint,
      reporters.map((r) => Reporter.make({ ...r, id: `report/${r.id}` }))
    )
  ]
})
