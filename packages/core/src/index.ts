/**
 * zhili (治理) core: typed models, pure rules and ports for grassroots community governance.
 *
 * Each bounded context is one namespace: `import { Finding, Privacy } from "@zhili/core"`, then
 * `Privacy.maskIdNumber(...)`.
 *
 * @packageDocumentation
 */

/** Assessments (考核): scoring raw inputs, explaining every point, totals and ranks. */
export * as Assessment from "./assessment/Assessment.js"
/** Awards (骏马奖/蜗牛奖) for the top and bottom of a ranking, and composite indices such as 双清. */
export * as Award from "./assessment/Award.js"
/** The one-organ-one-brand checklist (一机关一品牌). */
export * as Brand from "./assessment/Brand.js"
/** Praise and criticism bulletins (表扬栏/批评栏). */
export * as Bulletin from "./assessment/Bulletin.js"
/** Indicator systems (考核指标体系): weighted indicator trees and scoring methods. */
export * as IndicatorSystem from "./assessment/IndicatorSystem.js"
/** Inspections by sitting in on organisational life (巡学旁听) and their rectification (整改). */
export * as Inspection from "./assessment/Inspection.js"
/** Organisational-life records (三会一课 …) and compliance with a frequency policy. */
export * as OrgLife from "./assessment/OrgLife.js"
/** Ranking with ties (排名): competition ranking and cut-off lines. */
export * as Ranking from "./assessment/Ranking.js"
/** Rating schemes (评选): thresholds, quotas with tie policies, dynamic management of titles. */
export * as Rating from "./assessment/Rating.js"
/** Responsibility lists (责任清单, 四级八岗): posts × duties. */
export * as ResponsibilityList from "./assessment/ResponsibilityList.js"
/** Task lists (任务清单): progress and overdue tasks per responsible unit. */
export * as TaskList from "./assessment/TaskList.js"
/** Grids (网格): tree, coverage, leader assignment and roll-ups. */
export * as Grid from "./grid/Grid.js"
/** Grid workers (网格员) and workload. */
export * as GridWorker from "./grid/GridWorker.js"
/** Door-knocking visits (敲门行动) and visit coverage. */
export * as Visit from "./grid/Visit.js"
/** Unified social credit codes (统一社会信用代码, GB 32100-2015). */
export * as CreditCode from "./kernel/CreditCode.js"
/** Decoding untrusted input with typed errors and findings. */
export * as Decode from "./kernel/Decode.js"
/** Administrative division codes (行政区划代码, GB/T 2260 and statistical codes) and a dated dataset. */
export * as Division from "./kernel/Division.js"
/** Typed errors shared by every context. */
export * as Errors from "./kernel/Errors.js"
/** Findings reported by validation rules. */
export * as Finding from "./kernel/Finding.js"
/** Unit and community grid codes (网格编码). */
export * as GridCode from "./kernel/GridCode.js"
/** Citizen identity numbers (公民身份号码, GB 11643-1999). */
export * as IdNumber from "./kernel/IdNumber.js"
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
/** What an actor may see (数据权限范围): subtrees of the division, org and grid trees. */
export * as Scope from "./kernel/Scope.js"
/** Times of day, periods and time zones, and conversions between wall-clock time and instants. */
export * as WallClock from "./kernel/WallClock.js"
/** Working-day calendars, working days and working-time deadlines. */
export * as WorkingCalendar from "./kernel/WorkingCalendar.js"
/** Party membership (组织关系) and branch composition. */
export * as Membership from "./org/Membership.js"
/** Groups of units with a lead unit (五联一体) and their monthly rotation. */
export * as OrgGroup from "./org/OrgGroup.js"
/** Kinds of organisation unit (组织类型) and the allowed-parent policy, as data. */
export * as OrgKind from "./org/OrgKind.js"
/** Organisation units (组织) and the hierarchy rule. */
export * as OrgUnit from "./org/OrgUnit.js"
/** Partnerships (共建、结对、双报到、大党委), "1+4" pairing and dual-registration coverage. */
export * as Partnership from "./org/Partnership.js"
/** People (人员), with minimal personal data. */
export * as Person from "./org/Person.js"
/** Posts (岗位), who holds them, and post coverage. */
export * as Post from "./org/Post.js"
/** Plugins: extension points, composition, conflicts and dependencies. */
export * as Plugin from "./plugin/Plugin.js"
/** Buildings (楼栋). */
export * as Building from "./registry/Building.js"
/** Households (户). */
export * as Household from "./registry/Household.js"
/** Residents (居民) and "一老一小" counts. */
export * as Resident from "./registry/Resident.js"
/** The version of @zhili/core. */
export { coreVersion } from "./version.js"
