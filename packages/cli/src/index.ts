/**
 * zhili (治理) command line: `zhili init`, `import`, `report`, `check` and `demo`. The `zhili` binary runs
 * {@link Program.exec}; the modules are exported for hosts that embed the commands.
 *
 * @packageDocumentation
 */

/** The column layouts of `zhili import` (English and Chinese headers). */
export * as Columns from "./Columns.js"
/** The demo: the seed compound stored, read back and reported. */
export * as Demo from "./Demo.js"
/** Reading CSV and XLSX import files. */
export * as Files from "./Files.js"
/** The commands and {@link Program.exec}. */
export * as Program from "./Program.js"
/** The report the CLI writes: sections, formats, periods. */
export * as Reports from "./Reports.js"
/** The database a command names, registered aggregates by name, stored records. */
export * as Stored from "./Stored.js"
/** What the command says, in Chinese (the default) or English: help, language, "did you mean". */
export * as Text from "./Text.js"
