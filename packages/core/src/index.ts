/**
 * zhili (治理) core: typed models, pure rules and ports for grassroots community governance.
 *
 * Each bounded context is one namespace: `import { Finding, Privacy } from "@zhili/core"`, then
 * `Privacy.maskIdNumber(...)`.
 *
 * @packageDocumentation
 */

/** Decoding untrusted input with typed errors and findings. */
export * as Decode from "./kernel/Decode.js"
/** Typed errors shared by every context. */
export * as Errors from "./kernel/Errors.js"
/** Findings reported by validation rules. */
export * as Finding from "./kernel/Finding.js"
/** Branded identifiers of every aggregate. */
export * as Ids from "./kernel/Ids.js"
/** Calendar dates and ages. */
export * as LocalDate from "./kernel/LocalDate.js"
/** Opening hours: is it open at t, next opening and closing, with holiday overrides. */
export * as OpeningHours from "./kernel/OpeningHours.js"
/** Masking and disclosure of personal information. */
export * as Privacy from "./kernel/Privacy.js"
/** Recurrence rules (weekly, monthly, several periods a day) and their occurrences. */
export * as Recurrence from "./kernel/Recurrence.js"
/** Times of day, periods and time zones, and conversions between wall-clock time and instants. */
export * as WallClock from "./kernel/WallClock.js"
/** Working-day calendars, working days and working-time deadlines. */
export * as WorkingCalendar from "./kernel/WorkingCalendar.js"
/** Plugins: extension points, composition, conflicts and dependencies. */
export * as Plugin from "./plugin/Plugin.js"
/** Report labels in Chinese and English, extensible by contexts and plugins. */
export * as Labels from "./report/Labels.js"
/** Report documents as data: sections, figures, tables, chart series, formatting. */
export * as Report from "./report/Report.js"
/** The reporter port: renderers that turn a report document into files. */
export * as Reporter from "./report/Reporter.js"
/** Section builders, their registry, report specifications and composition. */
export * as SectionBuilder from "./report/SectionBuilder.js"
/** The version of @zhili/core. */
export { coreVersion } from "./version.js"
