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
/** Report sections of the assessment context: inspections and rectification, bulletins, task lists, ratings. */
export * as AssessmentReport from "./assessment/AssessmentReport.js"
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
/** Cases (诉求与纠纷): model, lifecycle events, transitions and deadlines. */
export * as Case from "./case/Case.js"
/** Report section of the case context: requests solved, disputes mediated, the three rates (诉求与纠纷统计). */
export * as CaseReport from "./case/CaseReport.js"
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
/** Cases on the map (案件定位与查重): a point placed in its grid, nearby duplicates, merging a duplicate. */
export * as CaseNearby from "./case/Nearby.js"
/** Case routing (派遣规则): category and area to the responsible unit and level; dispatch by route. */
export * as CaseRouting from "./case/Routing.js"
/** Case workflows as data (办理流程): states, transitions, roles, approvals, clocks and levels. */
export * as CaseWorkflow from "./case/Workflow.js"
/** Grids (网格): tree, coverage, leader assignment and roll-ups. */
export * as Grid from "./grid/Grid.js"
/** Report sections of the grid context: grid structure and door-knocking visits. */
export * as GridReport from "./grid/GridReport.js"
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
/** Places on the map (地理位置): points in WGS-84, GCJ-02 or BD-09, boundaries, containment and distance. */
export * as Geo from "./kernel/Geo.js"
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
/** Terms (术语) of the lists a deployment varies: needs categories, service types, project, claimant and unit kinds. */
export * as Term from "./kernel/Term.js"
/** Times of day, periods and time zones, and conversions between wall-clock time and instants. */
export * as WallClock from "./kernel/WallClock.js"
/** Working-day calendars, working days and working-time deadlines. */
export * as WorkingCalendar from "./kernel/WorkingCalendar.js"
/** Claims of projects with review (项目认领): request, approval, rejection, withdrawal, a limit per claimant. */
export * as Claim from "./operation/Claim.js"
/** Facility standards (阵地建设标准) and compliance. */
export * as FacilityStandard from "./operation/FacilityStandard.js"
/** Community development funds (社区发展基金) as a ledger. */
export * as Fund from "./operation/Fund.js"
/** Money (金额) as whole fen. */
export * as Money from "./operation/Money.js"
/** Links from needs to the projects and services that answer them (需求对接). */
export * as NeedLinks from "./operation/NeedLinks.js"
/** Needs surveys (需求调查), needs lists (一社一策) and the "一老一小" rule. */
export * as Needs from "./operation/Needs.js"
/** Report sections of community operations: spaces, fund, needs (阵地、基金、需求). */
export * as OperationReport from "./operation/OperationReport.js"
/** Operators (运营主体) and operating agreements (运营协议). */
export * as Operator from "./operation/Operator.js"
/** Community projects (微改造 and others): budget, milestones, grants, claims (认领). */
export * as Project from "./operation/Project.js"
/** Project status history and timeline (项目状态与进展): stages, updates, progress on a date from milestones. */
export * as ProjectStatus from "./operation/ProjectStatus.js"
/** Community spaces (阵地): area, functions, ownership, operator. */
export * as Space from "./operation/Space.js"
/** Party membership (组织关系) and branch composition. */
export * as Membership from "./org/Membership.js"
/** Groups of units with a lead unit (五联一体), their monthly rotation over a rotation year, one system per unit. */
export * as OrgGroup from "./org/OrgGroup.js"
/** Kinds of organisation unit (组织类型) and the allowed-parent policy, as data. */
export * as OrgKind from "./org/OrgKind.js"
/** Report section of the organisation context: units, posts held and partnerships. */
export * as OrgReport from "./org/OrgReport.js"
/** Organisation units (组织) and the hierarchy rule. */
export * as OrgUnit from "./org/OrgUnit.js"
/** Partnerships (共建、结对、双报到、大党委), "1+2" co-building, "1+4" pairing and dual-registration coverage. */
export * as Partnership from "./org/Partnership.js"
/** People (人员), with minimal personal data. */
export * as Person from "./org/Person.js"
/** Posts (岗位), who holds them, and post coverage. */
export * as Post from "./org/Post.js"
/** The core default policy pack as a plugin (id `core`) and the list of every core extension point. */
export * as CorePlugin from "./plugin/CorePlugin.js"
/** Plugins: extension points, composition, conflicts and dependencies. */
export * as Plugin from "./plugin/Plugin.js"
/** The runtime configuration read back from composed plugins: the policies the rules take, as a Layer and a Promise. */
export * as Runtime from "./plugin/Runtime.js"
/** Buildings (楼栋). */
export * as Building from "./registry/Building.js"
/** Consent records (同意记录, PIPL Art. 14, 29, 31), purposes that need consent, and the consent rule. */
export * as Consent from "./registry/Consent.js"
/** Households (户). */
export * as Household from "./registry/Household.js"
/** Residents (居民) and "一老一小" counts. */
export * as Resident from "./registry/Resident.js"
/** Report labels in Chinese and English, extensible by contexts and plugins. */
export * as Labels from "./report/Labels.js"
/** Report documents as data: sections, figures, tables, chart series, formatting. */
export * as Report from "./report/Report.js"
/** The reporter port: renderers that turn a report document into files. */
export * as Reporter from "./report/Reporter.js"
/** Section builders, their registry, report specifications and composition. */
export * as SectionBuilder from "./report/SectionBuilder.js"
/** Activities (活动、场次): sessions, person-times (人次), volunteer hours, capacity. */
export * as Activity from "./service/Activity.js"
/** Service eligibility (服务对象条件) as typed predicates with plain-language reasons. */
export * as Eligibility from "./service/Eligibility.js"
/** Enrolment in a service or activity (报名): capacity, waiting list (候补), attendance, eligibility checked. */
export * as Enrolment from "./service/Enrolment.js"
/** Where service-side records sit in the division, org and grid trees (the shape of a scope location). */
export * as Placement from "./service/Placement.js"
/** Service schedules (服务时间): recurring sessions, opening hours, always open; open at t, next opening, occurrences. */
export * as Schedule from "./service/Schedule.js"
/** Services (服务): provider, fees, eligibility, channels, capacity. */
export * as Service from "./service/Service.js"
/** Report section of services: activities and person-times by team and service (服务活动统计). */
export * as ServiceReport from "./service/ServiceReport.js"
/** The volunteer hours ledger (志愿服务时长台账): per-volunteer balances and team statistics. */
export * as VolunteerHours from "./service/VolunteerHours.js"
/** Volunteer teams (志愿服务队) and the kinds of service. */
export * as VolunteerTeam from "./service/VolunteerTeam.js"
/** The registry of stored aggregates. */
export * as Aggregates from "./store/Aggregates.js"
/** The access audit (访问审计): append-only entries of writes, disclosures and refusals, never a clear value. */
export * as Audit from "./store/Audit.js"
/** Encryption primitives for data at rest: AES-256-GCM, SM4-CTR with HMAC-SM3, envelopes, blind indexes. */
export * as Cipher from "./store/Cipher.js"
/** Encryption at rest of stored records: sealed sensitive values, blind indexes, key rotation, erasure. */
export * as Encryption from "./store/Encryption.js"
/** Erasure of personal information (PIPL Art. 47) with counts kept right. */
export * as Erasure from "./store/Erasure.js"
/** Keys for encryption at rest: the KeyProvider port and in-process providers. */
export * as KeyProvider from "./store/KeyProvider.js"
/** Permissions as data: roles, what they may do to each aggregate, and repositories that check them. */
export * as Permissions from "./store/Permissions.js"
/** Key rotation: the resumable job that rewrites a store's rows under its current key. */
export * as Rotation from "./store/Rotation.js"
/** The storage port: aggregate descriptors, repositories, event logs, bulk import, an in-memory store. */
export * as Store from "./store/Store.js"
/** The Promise front door of the store, for hosts that do not use Effect. */
export * as StoreClient from "./store/StoreClient.js"
/** The version of @zhili/core. */
export { coreVersion } from "./version.js"
