/**
 * zhili (治理) core: typed models, pure rules and ports for grassroots community governance.
 *
 * Each bounded context is one namespace: `import { Finding, Privacy } from "@zhili/core"`, then
 * `Privacy.maskIdNumber(...)`.
 *
 * @packageDocumentation
 */

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
/** Facility standards (阵地建设标准) and compliance. */
export * as FacilityStandard from "./operation/FacilityStandard.js"
/** Community development funds (社区发展基金) as a ledger. */
export * as Fund from "./operation/Fund.js"
/** Money (金额) as whole fen. */
export * as Money from "./operation/Money.js"
/** Needs surveys (需求调查), needs lists (一社一策) and the "一老一小" rule. */
export * as Needs from "./operation/Needs.js"
/** Operators (运营主体) and operating agreements (运营协议). */
export * as Operator from "./operation/Operator.js"
/** Community projects (微改造 and others): budget, milestones, grants, claims (认领). */
export * as Project from "./operation/Project.js"
/** Community spaces (阵地): area, functions, ownership, operator. */
export * as Space from "./operation/Space.js"
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
/** Activities (活动、场次): sessions, person-times (人次), volunteer hours, capacity. */
export * as Activity from "./service/Activity.js"
/** Service eligibility (服务对象条件) as typed predicates with plain-language reasons. */
export * as Eligibility from "./service/Eligibility.js"
/** Where service-side records sit in the division, org and grid trees (the shape of a scope location). */
export * as Placement from "./service/Placement.js"
/** Service schedules (服务时间): recurring sessions, opening hours, always open; open at t, next opening, occurrences. */
export * as Schedule from "./service/Schedule.js"
/** Services (服务): provider, fees, eligibility, channels, capacity. */
export * as Service from "./service/Service.js"
/** Volunteer teams (志愿服务队) and the kinds of service. */
export * as VolunteerTeam from "./service/VolunteerTeam.js"
/** The version of @zhili/core. */
export { coreVersion } from "./version.js"
