/**
 * The registry of stored aggregates (聚合登记): one {@link Store.Aggregate} descriptor per aggregate of the domain,
 * each storing {@link Store.Stored} records (the domain value, the store's version and the location the record was
 * placed in). Storing a new aggregate is one step: declare its descriptor here and add it to {@link all} (append
 * only: SQL stores create its tables from the descriptor when they migrate).
 *
 * @since 0.1.0
 */
import { Effect, Either, Redacted } from "effect"
import * as Assessment from "../assessment/Assessment.js"
import * as Bulletin from "../assessment/Bulletin.js"
import * as IndicatorSystem from "../assessment/IndicatorSystem.js"
import * as Inspection from "../assessment/Inspection.js"
import * as OrgLife from "../assessment/OrgLife.js"
import * as Rating from "../assessment/Rating.js"
import * as TaskList from "../assessment/TaskList.js"
import * as Case from "../case/Case.js"
import * as Deliberation from "../case/Deliberation.js"
import * as Mediation from "../case/Mediation.js"
import * as Grid from "../grid/Grid.js"
import * as GridWorker from "../grid/GridWorker.js"
import * as Visit from "../grid/Visit.js"
import type { NotFoundOrNotPermitted, VersionConflict } from "../kernel/Errors.js"
import type * as Ids from "../kernel/Ids.js"
import type * as LocalDate from "../kernel/LocalDate.js"
import * as Privacy from "../kernel/Privacy.js"
import * as Claim from "../operation/Claim.js"
import * as Fund from "../operation/Fund.js"
import * as Needs from "../operation/Needs.js"
import * as Operator from "../operation/Operator.js"
import * as Project from "../operation/Project.js"
import * as ProjectStatus from "../operation/ProjectStatus.js"
import * as Space from "../operation/Space.js"
import * as Membership from "../org/Membership.js"
import * as OrgGroup from "../org/OrgGroup.js"
import * as OrgUnit from "../org/OrgUnit.js"
import * as Partnership from "../org/Partnership.js"
import * as Person from "../org/Person.js"
import * as Post from "../org/Post.js"
import * as Building from "../registry/Building.js"
import * as Consent from "../registry/Consent.js"
import * as Household from "../registry/Household.js"
import * as Resident from "../registry/Resident.js"
import * as Activity from "../service/Activity.js"
import * as Enrolment from "../service/Enrolment.js"
import * as Service from "../service/Service.js"
import * as VolunteerHours from "../service/VolunteerHours.js"
import * as VolunteerTeam from "../service/VolunteerTeam.js"
import * as Store from "./Store.js"

const str = <A, const K extends string>(name: K, get: (value: A) => string | undefined): Store.ValueField<A, K> => ({
  name,
  type: "string",
  get
})

/**
 * A blind-index field (see `Store.Field.blind`) of a sensitive value, added to stored tables by migration 2: the
 * column holds the value's keyed index, never the value.
 */
const blind = <A, const K extends string>(
  name: K,
  get: (value: A) => Redacted.Redacted<string> | undefined,
  normalize?: (value: string) => string
): Store.ValueField<A, K> => ({
  name,
  type: "string",
  get: (value) => {
    const v = get(value)
    return v === undefined ? undefined : Redacted.value(v)
  },
  blind: true,
  normalize,
  migration: 2
})

/** An identity number as indexed: trimmed, the check character upper-case. */
const normalizeIdNumber = (value: string): string => value.trim().toUpperCase()

/** A mobile number as indexed: spaces and dashes dropped, and a leading +86 or 86 before 11 digits. */
const normalizePhone = (value: string): string => value.replace(/[\s-]/g, "").replace(/^\+?86(?=1\d{10}$)/, "")

// --- org ------------------------------------------------------------------------------------------------------

/**
 * Org units (组织): fields `kind`, `parent`.
 *
 * @since 0.1.0
 * @category org
 */
export const OrgUnits = Store.domain({
  name: "org_unit",
  schema: OrgUnit.OrgUnit,
  tenant: (u) => u.tenant,
  id: (u) => u.id,
  fields: [str("kind", (u: OrgUnit.OrgUnit) => u.kind), str("parent", (u: OrgUnit.OrgUnit) => u.parent)]
})

/**
 * People (人员). No natural key: identity numbers are optional. Blind-index fields `id_number` and `phone` (lookups by
 * the clear value; the columns hold keyed indexes).
 *
 * @since 0.1.0
 * @category org
 */
export const People = Store.domain({
  name: "person",
  schema: Person.Person,
  tenant: (p) => p.tenant,
  id: (p) => p.id,
  fields: [
    blind("id_number", (p: Person.Person) => p.idNumber, normalizeIdNumber),
    blind("phone", (p: Person.Person) => p.phone, normalizePhone)
  ]
})

/**
 * Posts (岗位): field `kind`.
 *
 * @since 0.1.0
 * @category org
 */
export const Posts = Store.domain({
  name: "post",
  schema: Post.Post,
  tenant: (p) => p.tenant,
  id: (p) => p.id,
  fields: [str("kind", (p: Post.Post) => p.kind)]
})

/**
 * Post holdings (任职): natural key post + person + start; fields `post`, `person`.
 *
 * @since 0.1.0
 * @category org
 */
export const Holdings = Store.domain({
  name: "post_holding",
  schema: Post.Holding,
  tenant: (h) => h.tenant,
  id: (h) => h.id,
  naturalKey: (h) => `${h.post}/${h.person}/${h.start}`,
  fields: [str("post", (h: Post.Holding) => h.post), str("person", (h: Post.Holding) => h.person)]
})

/**
 * Party memberships (党员组织关系): natural key unit + person + start; fields `unit`, `person`, `role`.
 *
 * @since 0.1.0
 * @category org
 */
export const Memberships = Store.domain({
  name: "membership",
  schema: Membership.Membership,
  tenant: (m) => m.tenant,
  id: (m) => m.id,
  naturalKey: (m) => `${m.unit}/${m.person}/${m.start}`,
  fields: [
    str("unit", (m: Membership.Membership) => m.unit),
    str("person", (m: Membership.Membership) => m.person),
    str("role", (m: Membership.Membership) => m.role)
  ]
})

/**
 * Partnerships between units (共建/结对/兼合式): natural key type + from + to + start; fields `type`, `from`, `to`.
 *
 * @since 0.1.0
 * @category org
 */
export const Partnerships = Store.domain({
  name: "partnership",
  schema: Partnership.Partnership,
  tenant: (p) => p.tenant,
  id: (p) => p.id,
  naturalKey: (p) => `${p.type}/${p.from}/${p.to}/${p.start}`,
  fields: [
    str("type", (p: Partnership.Partnership) => p.type),
    str("from", (p: Partnership.Partnership) => p.from),
    str("to", (p: Partnership.Partnership) => p.to)
  ]
})

/**
 * Members registering where they live (党员双报到): natural key community + person + registration date; field
 * `community`.
 *
 * @since 0.1.0
 * @category org
 */
export const MemberRegistrations = Store.domain({
  name: "member_registration",
  schema: Partnership.MemberRegistration,
  tenant: (r) => r.tenant,
  id: (r) => r.id,
  naturalKey: (r) => `${r.community}/${r.person}/${r.registeredOn}`,
  fields: [str("community", (r: Partnership.MemberRegistration) => r.community)]
})

/**
 * Org groups (联建/联组): field `lead`.
 *
 * @since 0.1.0
 * @category org
 */
export const OrgGroups = Store.domain({
  name: "org_group",
  schema: OrgGroup.OrgGroup,
  tenant: (g) => g.tenant,
  id: (g) => g.id,
  fields: [str("lead", (g: OrgGroup.OrgGroup) => g.lead)]
})

// --- grid and registry ----------------------------------------------------------------------------------------

/**
 * Grids (网格): natural key the grid code; fields `level`, `parent`.
 *
 * @since 0.1.0
 * @category grid
 */
export const Grids = Store.domain({
  name: "grid",
  schema: Grid.Grid,
  tenant: (g) => g.tenant,
  id: (g) => g.id,
  naturalKey: (g) => g.code,
  fields: [str("level", (g: Grid.Grid) => g.level), str("parent", (g: Grid.Grid) => g.parent)]
})

/**
 * Grid workers (网格员): natural key grid + person + start; fields `grid`, `source`.
 *
 * @since 0.1.0
 * @category grid
 */
export const GridWorkers = Store.domain({
  name: "grid_worker",
  schema: GridWorker.GridWorker,
  tenant: (w) => w.tenant,
  id: (w) => w.id,
  naturalKey: (w) => `${w.grid}/${w.person}/${w.start}`,
  fields: [str("grid", (w: GridWorker.GridWorker) => w.grid), str("source", (w: GridWorker.GridWorker) => w.source)]
})

/**
 * Buildings (楼栋): natural key community + compound + name; field `community`.
 *
 * @since 0.1.0
 * @category registry
 */
export const Buildings = Store.domain({
  name: "building",
  schema: Building.Building,
  tenant: (b) => b.tenant,
  id: (b) => b.id,
  naturalKey: (b) => `${b.community}/${b.compound ?? ""}/${b.name}`,
  fields: [str("community", (b: Building.Building) => b.community)]
})

/**
 * Households (户): natural key building + room number (per tenant); field `building`. The stored location is the
 * one `Household.location` gave when the household was placed.
 *
 * @since 0.1.0
 * @category registry
 */
export const Households = Store.domain({
  name: "household",
  schema: Household.Household,
  tenant: (h) => h.tenant,
  id: (h) => h.id,
  naturalKey: (h) => `${h.building}/${h.room}`,
  fields: [str("building", (h: Household.Household) => h.building)]
})

/**
 * Residents (居民): natural key the identity number when there is one (so one identity number is one resident per
 * tenant), otherwise household + birth date + sex + name; either way the key column holds only its blind index
 * (`blindKey`). Fields `household`, `sex`, and the blind indexes `id_number` and `phone`. With encryption on, the
 * whole personal part (name, birth date, sex, tags, identity number, phone) of a child under 14 on the day the
 * record is written is sealed, and its `sex` column left empty (PIPL Art. 28).
 *
 * @since 0.1.0
 * @category registry
 */
export const Residents = Store.domain({
  name: "resident",
  schema: Resident.Resident,
  tenant: (r) => r.tenant,
  id: (r) => r.id,
  naturalKey: (r) =>
    r.idNumber !== undefined
      ? `id/${normalizeIdNumber(Redacted.value(r.idNumber))}`
      : Redacted.value(r.name) === Resident.erasedName
        ? `erased/${r.id}`
        : `${r.household}/${r.birthDate}/${r.sex}/${Redacted.value(r.name)}`,
  blindKey: true,
  fields: [
    str("household", (r: Resident.Resident) => r.household),
    str("sex", (r: Resident.Resident) => r.sex),
    blind("id_number", (r: Resident.Resident) => r.idNumber, normalizeIdNumber),
    blind("phone", (r: Resident.Resident) => r.phone, normalizePhone)
  ],
  personal: {
    paths: [["name"], ["birthDate"], ["sex"], ["tags"], ["idNumber"], ["phone"]],
    protect: (r, today) => Privacy.isProtectedMinor(r.birthDate, today as LocalDate.LocalDate),
    fields: ["sex"]
  }
})

/**
 * Household visits (入户走访): fields `household`, `worker`, `outcome`.
 *
 * @since 0.1.0
 * @category grid
 */
export const Visits = Store.domain({
  name: "visit",
  schema: Visit.Visit,
  tenant: (v) => v.tenant,
  id: (v) => v.id,
  fields: [
    str("household", (v: Visit.Visit) => v.household),
    str("worker", (v: Visit.Visit) => v.worker),
    str("outcome", (v: Visit.Visit) => v.outcome)
  ]
})

// --- cases ----------------------------------------------------------------------------------------------------

/**
 * Cases (事件/诉求) with their event log: the stored value is `Case.fold` of the stored events; transitions are
 * written with `saveWithEvents`. Fields `status`, `kind`, `grid`, `category`.
 *
 * @since 0.1.0
 * @category case
 */
export const Cases = Store.domain({
  name: "case",
  schema: Case.Case,
  tenant: (c) => c.tenant,
  id: (c) => c.id,
  fields: [
    str("status", (c: Case.Case) => c.status),
    str("kind", (c: Case.Case) => c.intake.kind),
    str("grid", (c: Case.Case) => c.intake.location.grid),
    str("category", (c: Case.Case) => c.intake.category)
  ],
  events: Case.Event
})

/**
 * Mediations (人民调解): field `case`.
 *
 * @since 0.1.0
 * @category case
 */
export const Mediations = Store.domain({
  name: "mediation",
  schema: Mediation.Mediation,
  tenant: (m) => m.tenant,
  id: (m) => m.id,
  fields: [str("case", (m: Mediation.Mediation) => m.case)]
})

/**
 * Deliberations (议事协商).
 *
 * @since 0.1.0
 * @category case
 */
export const Deliberations = Store.domain({
  name: "deliberation",
  schema: Deliberation.Deliberation,
  tenant: (d) => d.tenant,
  id: (d) => d.id
})

// --- services -------------------------------------------------------------------------------------------------

/**
 * Services (服务项目): fields `status`, `type`.
 *
 * @since 0.1.0
 * @category service
 */
export const Services = Store.domain({
  name: "service",
  schema: Service.Service,
  tenant: (s) => s.tenant,
  id: (s) => s.id,
  fields: [str("status", (s: Service.Service) => s.status), str("type", (s: Service.Service) => s.type)]
})

/**
 * Volunteer teams (志愿服务队): field `service_type`.
 *
 * @since 0.1.0
 * @category service
 */
export const VolunteerTeams = Store.domain({
  name: "volunteer_team",
  schema: VolunteerTeam.VolunteerTeam,
  tenant: (t) => t.tenant,
  id: (t) => t.id,
  fields: [str("service_type", (t: VolunteerTeam.VolunteerTeam) => t.serviceType)]
})

/**
 * Activities (活动): fields `service`, `kind`.
 *
 * @since 0.1.0
 * @category service
 */
export const Activities = Store.domain({
  name: "activity",
  schema: Activity.Activity,
  tenant: (a) => a.tenant,
  id: (a) => a.id,
  fields: [str("service", (a: Activity.Activity) => a.service), str("kind", (a: Activity.Activity) => a.kind)]
})

/**
 * Enrolment rosters (报名名单) of services and activities: field `target` (`Service/<id>` or `Activity/<id>`). A
 * roster holds person ids and statuses only.
 *
 * @since 0.2.0
 * @category service
 */
export const Rosters = Store.domain({
  name: "roster",
  schema: Enrolment.Roster,
  tenant: (r) => r.tenant,
  id: (r) => r.id,
  fields: [str("target", (r: Enrolment.Roster) => `${r.target._tag}/${r.target.id}`)]
})

/**
 * Volunteer hours entries (志愿服务时长台账), append-only (a mistake is corrected by a `Correction` entry): fields
 * `person`, `team` (of served entries).
 *
 * @since 0.2.0
 * @category service
 */
export const VolunteerHoursEntries = Store.domain({
  name: "volunteer_hours",
  schema: VolunteerHours.Entry,
  tenant: (e) => e.tenant,
  id: (e) => e.id,
  appendOnly: true,
  fields: [
    str("person", (e: VolunteerHours.Entry) => (e._tag === "Served" ? e.person : undefined)),
    str("team", (e: VolunteerHours.Entry) => (e._tag === "Served" ? e.team : undefined))
  ]
})

// --- operation ------------------------------------------------------------------------------------------------

/**
 * Spaces (阵地/场所): fields `kind`, `operator`.
 *
 * @since 0.1.0
 * @category operation
 */
export const Spaces = Store.domain({
  name: "space",
  schema: Space.Space,
  tenant: (s) => s.tenant,
  id: (s) => s.id,
  fields: [str("kind", (s: Space.Space) => s.kind), str("operator", (s: Space.Space) => s.operator)]
})

/**
 * Operators (运营方): natural key the unified social credit code; field `legal_form`.
 *
 * @since 0.1.0
 * @category operation
 */
export const Operators = Store.domain({
  name: "operator",
  schema: Operator.Operator,
  tenant: (o) => o.tenant,
  id: (o) => o.id,
  naturalKey: (o) => o.creditCode,
  fields: [str("legal_form", (o: Operator.Operator) => o.legalForm)]
})

/**
 * Operating agreements (运营协议): fields `operator`, `space`.
 *
 * @since 0.1.0
 * @category operation
 */
export const OperatingAgreements = Store.domain({
  name: "operating_agreement",
  schema: Operator.OperatingAgreement,
  tenant: (a) => a.tenant,
  id: (a) => a.id,
  fields: [
    str("operator", (a: Operator.OperatingAgreement) => a.operator),
    str("space", (a: Operator.OperatingAgreement) => a.space)
  ]
})

/**
 * Funds (资金) with their ledger entries as an append-only event log; post entries with {@link postEntry}, which
 * refuses an overdraft by `Fund.post` before the write.
 *
 * @since 0.1.0
 * @category operation
 */
export const Funds = Store.domain({
  name: "fund",
  schema: Fund.Fund,
  tenant: (f) => f.tenant,
  id: (f) => f.id,
  events: Fund.Entry
})

/**
 * Projects (项目): fields `status`, `kind`, `fund`.
 *
 * @since 0.1.0
 * @category operation
 */
export const Projects = Store.domain({
  name: "project",
  schema: Project.Project,
  tenant: (p) => p.tenant,
  id: (p) => p.id,
  fields: [
    str("status", (p: Project.Project) => p.status),
    str("kind", (p: Project.Project) => p.kind),
    str("fund", (p: Project.Project) => p.fund)
  ]
})

/**
 * Needs surveys (需求调查).
 *
 * @since 0.1.0
 * @category operation
 */
export const NeedsSurveys = Store.domain({
  name: "needs_survey",
  schema: Needs.NeedsSurvey,
  tenant: (s) => s.tenant,
  id: (s) => s.id
})

/**
 * Need items (需求清单条目): fields `survey`, `category` (no natural key: a survey may list one kind twice).
 *
 * @since 0.1.0
 * @category operation
 */
export const NeedItems = Store.domain({
  name: "need_item",
  schema: Needs.NeedItem,
  tenant: (n) => n.tenant,
  id: (n) => n.id,
  fields: [str("survey", (n: Needs.NeedItem) => n.survey), str("category", (n: Needs.NeedItem) => n.category)]
})

/**
 * Project histories (项目进展记录): one per project, keyed by the project id; field `stage` (the current stage).
 *
 * @since 0.2.0
 * @category operation
 */
export const ProjectHistories = Store.domain({
  name: "project_history",
  schema: ProjectStatus.History,
  tenant: (h) => h.tenant,
  id: (h) => h.project,
  fields: [str("stage", (h: ProjectStatus.History) => ProjectStatus.current(h))]
})

/**
 * Claims of projects under review (项目认领): fields `project`, `claimant` (`kind/ref`), `status`.
 *
 * @since 0.2.0
 * @category operation
 */
export const ProjectClaims = Store.domain({
  name: "project_claim",
  schema: Claim.ProjectClaim,
  tenant: (c) => c.tenant,
  id: (c) => c.id,
  fields: [
    str("project", (c: Claim.ProjectClaim) => c.project),
    str("claimant", (c: Claim.ProjectClaim) => `${c.claimant.kind}/${c.claimant.ref}`),
    str("status", (c: Claim.ProjectClaim) => Claim.status(c))
  ]
})

// --- assessment -----------------------------------------------------------------------------------------------

/**
 * Indicator systems (考核指标体系).
 *
 * @since 0.1.0
 * @category assessment
 */
export const IndicatorSystems = Store.domain({
  name: "indicator_system",
  schema: IndicatorSystem.IndicatorSystem,
  tenant: (s) => s.tenant,
  id: (s) => s.id
})

/**
 * Assessments (考核): natural key system + subject + period; fields `subject`, `period`, `system`.
 *
 * @since 0.1.0
 * @category assessment
 */
export const Assessments = Store.domain({
  name: "assessment",
  schema: Assessment.Assessment,
  tenant: (a) => a.tenant,
  id: (a) => a.id,
  naturalKey: (a) => `${a.system}/${a.subject}/${a.period.label}`,
  fields: [
    str("subject", (a: Assessment.Assessment) => a.subject),
    str("period", (a: Assessment.Assessment) => a.period.label),
    str("system", (a: Assessment.Assessment) => a.system)
  ]
})

/**
 * Rating schemes (评星定级) with their title history (`Rating.TitleEvent`: awarded, retained, revoked) as an
 * append-only event log; field `scheme_kind`.
 *
 * @since 0.1.0
 * @category assessment
 */
export const Ratings = Store.domain({
  name: "rating",
  schema: Rating.RatingScheme,
  tenant: (r) => r.tenant,
  id: (r) => r.id,
  fields: [str("scheme_kind", (r: Rating.RatingScheme) => r._tag)],
  events: Rating.TitleEvent
})

/**
 * Bulletin entries (通报: praise and criticism): fields `kind`, `subject`.
 *
 * @since 0.1.0
 * @category assessment
 */
export const BulletinEntries = Store.domain({
  name: "bulletin_entry",
  schema: Bulletin.BulletinEntry,
  tenant: (b) => b.tenant,
  id: (b) => b.id,
  fields: [str("kind", (b: Bulletin.BulletinEntry) => b.kind), str("subject", (b: Bulletin.BulletinEntry) => b.subject)]
})

/**
 * Inspections (巡察): fields `unit`, `unit_kind`.
 *
 * @since 0.1.0
 * @category assessment
 */
export const Inspections = Store.domain({
  name: "inspection",
  schema: Inspection.Inspection,
  tenant: (i) => i.tenant,
  id: (i) => i.id,
  fields: [
    str("unit", (i: Inspection.Inspection) => i.unit),
    str("unit_kind", (i: Inspection.Inspection) => i.unitKind)
  ]
})

/**
 * Rectifications (整改): natural key inspection + suggestion; fields `status`, `unit`, `inspection`.
 *
 * @since 0.1.0
 * @category assessment
 */
export const Rectifications = Store.domain({
  name: "rectification",
  schema: Inspection.Rectification,
  tenant: (r) => r.tenant,
  id: (r) => r.id,
  naturalKey: (r) => `${r.inspection}/${r.suggestion}`,
  fields: [
    str("status", (r: Inspection.Rectification) => r.status),
    str("unit", (r: Inspection.Rectification) => r.unit),
    str("inspection", (r: Inspection.Rectification) => r.inspection)
  ]
})

/**
 * Org life records (组织生活记录): fields `unit`, `kind`.
 *
 * @since 0.1.0
 * @category assessment
 */
export const OrgLifeRecords = Store.domain({
  name: "org_life",
  schema: OrgLife.OrgLifeRecord,
  tenant: (r) => r.tenant,
  id: (r) => r.id,
  fields: [str("unit", (r: OrgLife.OrgLifeRecord) => r.unit), str("kind", (r: OrgLife.OrgLifeRecord) => r.kind)]
})

/**
 * Task lists (任务清单): field `owner`.
 *
 * @since 0.1.0
 * @category assessment
 */
export const TaskLists = Store.domain({
  name: "task_list",
  schema: TaskList.TaskList,
  tenant: (t) => t.tenant,
  id: (t) => t.id,
  fields: [str("owner", (t: TaskList.TaskList) => t.owner)]
})

// --- protection -----------------------------------------------------------------------------------------------

/**
 * The access audit (访问审计, `Audit.Entry`): `Store.AuditLog`, which every store writes in the transaction of each
 * write it audits. Append-only (a stored entry is never replaced, never deleted, through any path); fields
 * `record`, `actor`, `aggregate`, `operation`, `outcome` for queries. Entries are placed at no location, so only an
 * unrestricted scope (`Store.everything`) reads them.
 *
 * @since 0.1.0
 * @category protection
 */
export const AccessAudit = Store.AuditLog

/**
 * Consent records (同意记录, `Consent.Consent`): fields `subject`, `purpose`. Not deletable: a withdrawal is a save
 * with `withdrawnAt`, so the record of what was agreed stays (PIPL Art. 15).
 *
 * @since 0.1.0
 * @category protection
 */
export const Consents = Store.domain({
  name: "consent",
  schema: Consent.Consent,
  tenant: (c) => c.tenant,
  id: (c) => c.id,
  fields: [str("subject", (c: Consent.Consent) => c.subject), str("purpose", (c: Consent.Consent) => c.purpose)]
})

/**
 * Every aggregate the stores hold, in registration order.
 *
 * @since 0.1.0
 * @category registry
 */
export const all: ReadonlyArray<Store.AnyAggregate> = [
  OrgUnits,
  People,
  Posts,
  Holdings,
  Memberships,
  Partnerships,
  MemberRegistrations,
  OrgGroups,
  Grids,
  GridWorkers,
  Buildings,
  Households,
  Residents,
  Visits,
  Cases,
  Mediations,
  Deliberations,
  Services,
  VolunteerTeams,
  Activities,
  Rosters,
  VolunteerHoursEntries,
  Spaces,
  Operators,
  OperatingAgreements,
  Funds,
  Projects,
  NeedsSurveys,
  NeedItems,
  ProjectHistories,
  ProjectClaims,
  IndicatorSystems,
  Assessments,
  Ratings,
  BulletinEntries,
  Inspections,
  Rectifications,
  OrgLifeRecords,
  TaskLists,
  AccessAudit,
  Consents
]

/**
 * Posts one ledger entry to a stored fund (记账): reads the fund and its entries, runs `Fund.post` (an overdraft, an
 * unknown project or a duplicate entry is refused before anything is written), then appends the entry after exactly
 * the entries it checked — a concurrent posting in between makes the append fail with `VersionConflict`, so the
 * balance the rule saw is the balance the entry lands on. Returns the new ledger.
 *
 * @since 0.1.0
 * @category operation
 */
export const postEntry = (
  scope: Store.Scope,
  tenant: string,
  fund: Ids.FundId,
  entry: Fund.Entry,
  projectExists: (project: Ids.ProjectId) => boolean
): Effect.Effect<
  Fund.Ledger,
  | Fund.Overdraft
  | Fund.UnknownProject
  | Fund.RejectedEntry
  | NotFoundOrNotPermitted
  | VersionConflict
  | Store.StoreError
  | Store.StoreBusy,
  Store.Store
> =>
  Effect.gen(function* () {
    const repo = yield* Store.repository(Funds)
    const read = yield* repo.get(scope, tenant, fund)
    const log = yield* repo.events(scope, tenant, fund)
    const entries = log.map((e) => e.event)
    const ledger: Fund.Ledger = { fund: read.value, entries, balance: Fund.balanceOf(read.value, entries) }
    const posted = Fund.post(ledger, entry, projectExists)
    if (Either.isLeft(posted)) return yield* Effect.fail(posted.left)
    yield* repo.append(scope, tenant, fund, [entry], log.length)
    return posted.right
  })
