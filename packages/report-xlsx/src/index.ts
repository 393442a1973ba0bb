/**
 * zhili (治理) spreadsheet renderer: a report document as an XLSX workbook built with ExcelJS, kept apart from
 * `@zhili/report` for its dependency.
 *
 * @packageDocumentation
 */
import { Plugin, Reporter } from "@zhili/core"
import { version } from "./version.js"
import * as Xlsx from "./Xlsx.js"

/** The XLSX reporter, sheet naming and number formats. */
export * as Xlsx from "./Xlsx.js"

export { version }

/**
 * The plugin (id `report-xlsx`): contributes the XLSX renderer (电子表格) to `Reporter.renderersPoint` under the key
 * `report-xlsx/xlsx`, so a host composing it reads the renderer back from the runtime (`Runtime.Policies.renderers`).
 *
 * @since 0.1.0
 * @category plugins
 */
export const plugin: Plugin.Plugin = Plugin.define({
  id: "report-xlsx",
  version,
  description: "Report renderer: XLSX workbooks (one sheet per section) built with ExcelJS",
  contributes: [
    Plugin.contribute(Reporter.renderersPoint, [Reporter.make({ ...Xlsx.reporter, id: "report-xlsx/xlsx" })])
  ]
})
