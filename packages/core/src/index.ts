/**
 * zhili (治理) core: typed models, pure rules and ports for grassroots community governance.
 *
 * Each bounded context is one namespace: `import { Finding, Privacy } from "@zhili/core"`, then
 * `Privacy.maskIdNumber(...)`.
 *
 * @packageDocumentation
 */

/** Cases (诉求与纠纷): model, lifecycle events, transitions and deadlines. */
export * as Case from "./case/Case.js"
/** The case category catalogue (事项分类目录) with time limits, handling levels and Open311-style intake fields. */
export * as CaseCategory from "./case/Category.js"
/** Case time limits and the deadline clock over a working-day calendar (办理时限). */
export * as CaseDeadline from "./case/Deadline.js"
/** Deliberation meetings (议事亭) whose decisions open or close cases. */
export * as Deliberation from "./case/Deliberation.js"
/** The escalation ladder (小事不出小区、大事不出社区) and settled shares. */
export * as Escalation from "./case/Escalation.js"
/** Dispute mediation (矛盾纠纷调解), success rate and the judges' duty rota. */
export * as Mediation from "./case/Mediation.js"
/** Case metrics (考核指标): the three rates, closing rates, rework, extension, monthly ranking with ties. */
export * as CaseMetrics from "./case/Metrics.js"
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
/** The version of @zhili/core. */
export { coreVersion } from "./version.js"
