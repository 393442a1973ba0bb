/**
 * zhili (治理) spreadsheet renderer: a report document as an XLSX workbook built with ExcelJS, kept apart from
 * `@zhili/report` for its dependency.
 *
 * @packageDocumentation
 */

/** The XLSX reporter, sheet naming and number formats. */
export * as Xlsx from "./Xlsx.js"
