/**
 * Cases (诉求与纠纷): residents' requests, disputes, incidents and proxy services, their lifecycle as a typed state
 * machine of events, and their deadlines.
 *
 * Lifecycle: reported (上报) → accepted (立案) → dispatched (派遣) → in progress (处置) → resolved (反馈) → verified
 * (核查) → closed (结案, fixed or closed-not-fixed); with rejected (不予受理), returned by an assignee who is not
 * responsible (退回), extension granted (延期), escalated (上报升级), reopened (返工), withdrawn (撤回), and the
 * problem ledger (挂账) for what cannot be solved now. Every change is an {@link Event}; {@link transition} applies
 * one, {@link fold} replays a history.
 *
 * @since 0.1.0
 */
import { Array as Arr, DateTime, Either, Option, Schema } from "effect"
import { toDecodeError } from "../kernel/Decode.js"
import { DecodeError, DecodeIssue, type InvalidInput } from "../kernel/Errors.js"
import * as Finding from "../kernel/Finding.js"
import * as Geo from "../kernel/Geo.js"
import {
  BuildingId,
  CaseId,
  CategoryCode,
  DeliberationId,
  GridId,
  HouseholdId,
  OrgUnitId,
  PersonId,
  ResidentId,
  TenantId,
  VisitId
} from "../kernel/Ids.js"
import { SensitiveString } from "../kernel/Privacy.js"
import type * as Scope from "../kernel/Scope.js"
import {
  type Catalogue,
  defaultCatalogue,
  emergencyLimits,
  HandlingLevel,
  levelOf,
  limitsOf,
  type TimeLimits
} from "./Category.js"
import { type Clock, Duration, isOverdue as isPast } from "./Deadline.js"
import * as Workflow from "./Workflow.js"

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------------------------

/**
 * What a case is: a resident's request (诉求), a dispute between parties (纠纷), an incident found by a grid worker
 * (事件), or a proxy service run for a resident (帮办代办).
 *
 * @since 0.1.0
 * @category models
 */
export const Kind = Schema.Literal("request", "dispute", "incident", "proxy-service")
/**
 * @since 0.1.0
 * @category models
 */
export type Kind = typeof Kind.Type

/**
 * How a case came in: a door-knocking visit (敲门行动), the 12345 hotline, a walk-in (来访), online, a deliberation
 * meeting (议事亭), or found by a grid worker on patrol (巡查).
 *
 * @since 0.1.0
 * @category models
 */
export const Source = Schema.Literal("door-knocking", "hotline-12345", "walk-in", "online", "deliberation", "patrol")
/**
 * @since 0.1.0
 * @category models
 */
export type Source = typeof Source.Type

/**
 * Priority (紧急程度): an emergency runs on the emergency time limits whatever its category.
 *
 * @since 0.1.0
 * @category models
 */
export const Priority = Schema.Literal("emergency", "urgent", "normal")
/**
 * @since 0.1.0
 * @category models
 */
export type Priority = typeof Priority.Type

/**
 * Severity for the escalation ladder: a small matter (小事), a large matter (大事), or a major one beyond the
 * community (重大事项).
 *
 * @since 0.1.0
 * @category models
 */
export const Severity = Schema.Literal("minor", "major", "critical")
/**
 * @since 0.1.0
 * @category models
 */
export type Severity = typeof Severity.Type

/**
 * Where a case stands: the phase of its workflow state (see {@link Workflow.Phase}). `ledger` is the problem ledger
 * (挂账): accepted but not solvable now, no deadline running. `closed`, `rejected` and `withdrawn` are final, except
 * that a closed case may be reopened on dissatisfaction.
 *
 * @since 0.1.0
 * @category models
 */
export const Status = Workflow.Phase
/**
 * @since 0.1.0
 * @category models
 */
export type Status = typeof Status.Type

/**
 * How a closed case ended: fixed (已解决), or closed without being fixed (结案未解决: not solvable, outside
 * competence, the resident's demand unreasonable). Only `fixed` counts as resolved in the metrics.
 *
 * @since 0.1.0
 * @category models
 */
export const Closure = Schema.Literal("fixed", "not-fixed")
/**
 * @since 0.1.0
 * @category models
 */
export type Closure = typeof Closure.Type

/**
 * A resident's satisfaction with a closed case (满意度): satisfied, basically satisfied, dissatisfied.
 *
 * @since 0.1.0
 * @category models
 */
export const Satisfaction = Schema.Literal("satisfied", "basically-satisfied", "dissatisfied")
/**
 * @since 0.1.0
 * @category models
 */
export type Satisfaction = typeof Satisfaction.Type

/**
 * Who did something: an id, the role they act in (a resident, a grid worker 网格员, a dispatcher 派遣员, a handler
 * unit 处置单位, a supervisor 监督员, staff of a unit, a mediator or judge volunteer, a meeting, or the system for
 * automatic escalation; see {@link Workflow.roles}), any further roles they hold, and the unit they act for. A
 * workflow's transitions name the roles that may perform them; {@link rolesOf} gives all of an actor's roles.
 *
 * @since 0.1.0
 * @category models
 */
export class Actor extends Schema.Class<Actor>("@zhili/CaseActor")({
  role: Workflow.Role,
  id: Schema.String.pipe(Schema.minLength(1, { message: () => "an actor needs an id" })),
  roles: Schema.optional(Schema.Array(Workflow.Role)),
  unit: Schema.optional(OrgUnitId)
}) {}

/**
 * Every role an actor acts in: its `role`, then its further `roles`.
 *
 * @since 0.1.0
 * @category getters
 */
export const rolesOf = (actor: Actor): ReadonlyArray<string> =>
  actor.roles === undefined || actor.roles.length === 0 ? [actor.role] : [actor.role, ...actor.roles]

/**
 * The system itself, for automatic transitions such as escalation of an overdue case.
 *
 * @since 0.1.0
 * @category models
 */
export const system: Actor = new Actor({ role: "system", id: "system" })

/**
 * Who reported a case. `Anonymous` keeps no trace of the person; `Identified` holds the name and phone as `Redacted`
 * so they never print by accident, with optional links into the registry.
 *
 * @since 0.1.0
 * @category models
 */
export const Reporter = Schema.Union(
  Schema.TaggedStruct("Anonymous", {}),
  Schema.TaggedStruct("Identified", {
    name: SensitiveString,
    phone: Schema.optional(SensitiveString),
    resident: Schema.optional(ResidentId),
    household: Schema.optional(HouseholdId)
  })
)
/**
 * @since 0.1.0
 * @category models
 */
export type Reporter = typeof Reporter.Type

/**
 * Where a case is: the grid (网格) and optionally the building (楼栋). `gridPath`, when known, lists the grid ids from
 * the root of the grid tree down to `grid` and feeds the case's scope location. `point`, when known, is where the
 * matter is on the map, with its coordinate system named (`Geo.Point`).
 *
 * @since 0.1.0
 * @category models
 */
export class Location extends Schema.Class<Location>("@zhili/CaseLocation")({
  grid: GridId,
  building: Schema.optional(BuildingId),
  gridPath: Schema.optional(Schema.Array(GridId)),
  point: Schema.optional(Geo.Point)
}) {}

/**
 * Who handles a case: a unit, optionally a person in it.
 *
 * @since 0.1.0
 * @category models
 */
export class Assignee extends Schema.Class<Assignee>("@zhili/CaseAssignee")({
  unit: OrgUnitId,
  person: Schema.optional(PersonId)
}) {}

/**
 * The due instants of a case: `response` (响应时限, running from the report) and `resolve` (办结时限, running from
 * acceptance, extended by 延期, restarted on 返工 and on leaving the ledger).
 *
 * @since 0.1.0
 * @category models
 */
export class Due extends Schema.Class<Due>("@zhili/CaseDue")({
  response: Schema.optional(Schema.DateTimeUtc),
  resolve: Schema.optional(Schema.DateTimeUtc)
}) {}

/**
 * What a report says: everything known when a case comes in.
 *
 * @since 0.1.0
 * @category models
 */
export class Intake extends Schema.Class<Intake>("@zhili/CaseIntake")({
  id: CaseId,
  tenant: TenantId,
  kind: Kind,
  category: CategoryCode,
  source: Source,
  title: Schema.String.pipe(Schema.minLength(1, { message: () => "a case needs a title" })),
  description: Schema.optional(Schema.String),
  reporter: Schema.optional(Reporter),
  location: Location,
  priority: Priority,
  severity: Severity,
  complex: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  attributes: Schema.optionalWith(Schema.Record({ key: Schema.String, value: Schema.String }), {
    default: () => ({})
  }),
  visit: Schema.optional(VisitId),
  deliberation: Schema.optional(DeliberationId)
}) {}

// ---------------------------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------------------------

/**
 * A reference to a file kept in the host's storage (附件), attached to an event: id, media type, SHA-256 of the
 * bytes (hex), when it was taken, by whom, and whether it shows the matter before or after the work (处置前/处置后).
 * The bytes never enter the case.
 *
 * @since 0.1.0
 * @category models
 */
export class Attachment extends Schema.Class<Attachment>("@zhili/CaseAttachment")({
  id: Schema.NonEmptyString,
  mediaType: Schema.String.pipe(
    Schema.pattern(/^[a-z]+\/[a-z0-9.+-]+$/, { message: () => "a media type like image/jpeg" })
  ),
  sha256: Schema.String.pipe(Schema.pattern(/^[0-9a-f]{64}$/, { message: () => "a SHA-256 in lower-case hex" })),
  takenAt: Schema.DateTimeUtc,
  by: Schema.String.pipe(Schema.minLength(1)),
  shows: Schema.optional(Workflow.Evidence)
}) {}

/**
 * A unit handling a case jointly with its assignee (协办单位), and when it reported its part.
 *
 * @since 0.1.0
 * @category models
 */
export class CoHandler extends Schema.Class<CoHandler>("@zhili/CaseCoHandler")({
  unit: OrgUnitId,
  reportedAt: Schema.optional(Schema.DateTimeUtc)
}) {}

/**
 * What a return visit found (回访结果): whether the resident was reached, whether the matter is fixed in their
 * words, and their satisfaction when they gave one.
 *
 * @since 0.1.0
 * @category models
 */
export class VisitOutcome extends Schema.Class<VisitOutcome>("@zhili/CaseReturnVisitOutcome")({
  reached: Schema.Boolean,
  fixed: Schema.Boolean,
  satisfaction: Schema.optional(Satisfaction)
}) {}

const stamp = {
  at: Schema.DateTimeUtc,
  by: Actor,
  approvedBy: Schema.optional(Actor),
  attachments: Schema.optional(Schema.Array(Attachment))
}
const reason = Schema.String.pipe(Schema.minLength(1, { message: () => "a reason is required" }))

/**
 * The case comes in (上报); the first event of every history.
 *
 * @since 0.1.0
 * @category events
 */
export const Reported = Schema.TaggedStruct("Reported", { ...stamp, intake: Intake })
/**
 * Accepted and filed (立案), at a handling level (by default the lowest level the policy requires).
 *
 * @since 0.1.0
 * @category events
 */
export const Accepted = Schema.TaggedStruct("Accepted", { ...stamp, level: Schema.optional(HandlingLevel) })
/**
 * Not accepted (不予受理), with the reason.
 *
 * @since 0.1.0
 * @category events
 */
export const Rejected = Schema.TaggedStruct("Rejected", { ...stamp, reason })
/**
 * Sent to the unit (and person) that must handle it (派遣).
 *
 * @since 0.1.0
 * @category events
 */
export const Dispatched = Schema.TaggedStruct("Dispatched", { ...stamp, to: Assignee })
/**
 * Handling has begun (处置).
 *
 * @since 0.1.0
 * @category events
 */
export const Started = Schema.TaggedStruct("Started", { ...stamp })
/**
 * Sent back by an assignee who is not responsible (退回), with the reason; the case waits for a new dispatch.
 *
 * @since 0.1.0
 * @category events
 */
export const Returned = Schema.TaggedStruct("Returned", { ...stamp, reason })
/**
 * More time granted (延期): the resolve deadline moves by `extension` from where it was.
 *
 * @since 0.1.0
 * @category events
 */
export const ExtensionGranted = Schema.TaggedStruct("ExtensionGranted", { ...stamp, extension: Duration, reason })
/**
 * Moved up the ladder (升级) to a higher handling level, waiting for dispatch there; the deadline running restarts
 * at the new level (the response deadline for a case not yet accepted, the resolve deadline otherwise).
 *
 * @since 0.1.0
 * @category events
 */
export const Escalated = Schema.TaggedStruct("Escalated", {
  ...stamp,
  to: HandlingLevel,
  reason: Schema.Literal("overdue", "severity", "assignee-request", "resident-request")
})
/**
 * Supervision (督办): a supervisor presses the case, which raises its priority one step (normal → urgent →
 * emergency; the deadlines keep running as set) and makes the supervisor someone the workflow may notify.
 *
 * @since 0.1.0
 * @category events
 */
export const Supervised = Schema.TaggedStruct("Supervised", { ...stamp, reason })
/**
 * Joint handling (协办): units join the assignee; the case may be resolved only when every one has reported.
 *
 * @since 0.1.0
 * @category events
 */
export const CoHandlersAssigned = Schema.TaggedStruct("CoHandlersAssigned", {
  ...stamp,
  units: Schema.NonEmptyArray(OrgUnitId)
})
/**
 * A co-handling unit reports its part done (协办反馈).
 *
 * @since 0.1.0
 * @category events
 */
export const CoHandlerReported = Schema.TaggedStruct("CoHandlerReported", {
  ...stamp,
  unit: OrgUnitId,
  summary: reason
})
/**
 * A return visit (回访): the hotline asks the resident whether the matter is fixed and how satisfied they are. Where
 * the workflow visits, the visit's verdict is the case's: it sets whether the case counts as fixed and its
 * satisfaction.
 *
 * @since 0.1.0
 * @category events
 */
export const ReturnVisited = Schema.TaggedStruct("ReturnVisited", { ...stamp, outcome: VisitOutcome })
/**
 * The handler reports back (反馈): done, or `fixed: false` when it cannot be fixed.
 *
 * @since 0.1.0
 * @category events
 */
export const Resolved = Schema.TaggedStruct("Resolved", { ...stamp, fixed: Schema.Boolean, summary: reason })
/**
 * The feedback is confirmed on site or with the resident (核查通过).
 *
 * @since 0.1.0
 * @category events
 */
export const Verified = Schema.TaggedStruct("Verified", { ...stamp })
/**
 * Back to work (返工): after a failed verification (from resolved) or the resident's dissatisfaction (from closed).
 *
 * @since 0.1.0
 * @category events
 */
export const Reopened = Schema.TaggedStruct("Reopened", {
  ...stamp,
  reason: Schema.Literal("verification-failed", "dissatisfied"),
  note: Schema.optional(Schema.String)
})
/**
 * Closed (结案): `fixed` says whether the problem is solved. A verified case closes as it was resolved; a case on the
 * ledger may only close as not fixed.
 *
 * @since 0.1.0
 * @category events
 */
export const Closed = Schema.TaggedStruct("Closed", { ...stamp, fixed: Schema.Boolean })
/**
 * The reporter withdraws the case (撤回).
 *
 * @since 0.1.0
 * @category events
 */
export const Withdrawn = Schema.TaggedStruct("Withdrawn", { ...stamp, reason: Schema.optional(Schema.String) })
/**
 * Put on the problem ledger (挂账): cannot be solved now; the deadline stops.
 *
 * @since 0.1.0
 * @category events
 */
export const Shelved = Schema.TaggedStruct("Shelved", {
  ...stamp,
  reason,
  reviewOn: Schema.optional(Schema.DateTimeUtc)
})
/**
 * Taken off the ledger (销账) to be handled again; a fresh resolve deadline starts.
 *
 * @since 0.1.0
 * @category events
 */
export const Unshelved = Schema.TaggedStruct("Unshelved", { ...stamp })
/**
 * The resident's satisfaction feedback (满意度回访) on a closed case.
 *
 * @since 0.1.0
 * @category events
 */
export const Rated = Schema.TaggedStruct("Rated", {
  ...stamp,
  satisfaction: Satisfaction,
  comment: Schema.optional(Schema.String)
})

/**
 * Why a case is left out of the assessment (不纳入考核): a duplicate of another case (重复件), a malicious or
 * harassing report (恶意诉求), a matter outside the jurisdiction (非本辖区/非职能范围), or another reason stated in
 * the note.
 *
 * @since 0.1.0
 * @category models
 */
export const ExclusionReason = Schema.Literal("duplicate", "malicious", "outside-jurisdiction", "other")
/**
 * @since 0.1.0
 * @category models
 */
export type ExclusionReason = typeof ExclusionReason.Type

/**
 * A case left out of the assessment (不纳入考核): the reason, a note, and who asked and who approved (`approvedBy` is
 * required, and is not the one who asked). The case keeps its lifecycle; the rates leave it out and
 * `CaseMetrics.exclusions` lists it.
 *
 * @since 0.1.0
 * @category events
 */
export const Excluded = Schema.TaggedStruct("Excluded", {
  ...stamp,
  reason: ExclusionReason,
  note: Schema.optional(Schema.String),
  duplicateOf: Schema.optional(CaseId)
})

/**
 * The exclusion a case carries: reason, note, the case it duplicates, when, who asked and who approved.
 *
 * @since 0.1.0
 * @category models
 */
export class Exclusion extends Schema.Class<Exclusion>("@zhili/CaseExclusion")({
  reason: ExclusionReason,
  note: Schema.optional(Schema.String),
  duplicateOf: Schema.optional(CaseId),
  at: Schema.DateTimeUtc,
  by: Actor,
  approvedBy: Actor
}) {}

/**
 * Everything that can happen to a case.
 *
 * @since 0.1.0
 * @category events
 */
export const Event = Schema.Union(
  Reported,
  Accepted,
  Rejected,
  Dispatched,
  Started,
  Returned,
  ExtensionGranted,
  Escalated,
  Supervised,
  CoHandlersAssigned,
  CoHandlerReported,
  Resolved,
  Verified,
  ReturnVisited,
  Reopened,
  Closed,
  Withdrawn,
  Shelved,
  Unshelved,
  Rated,
  Excluded
)
/**
 * @since 0.1.0
 * @category events
 */
export type Event = typeof Event.Type
/**
 * @since 0.1.0
 * @category events
 */
export type EventTag = Event["_tag"]

// ---------------------------------------------------------------------------------------------------------------
// The case
// ---------------------------------------------------------------------------------------------------------------

/**
 * A case (案件): what was reported, where it stands, who handles it at which level, its due instants and the
 * counters the metrics need, with its whole event history. Build one only by {@link open}, {@link transition} and
 * {@link fold}; {@link validate} checks a decoded one against its history.
 *
 * @since 0.1.0
 * @category models
 */
export class Case extends Schema.Class<Case>("@zhili/Case")({
  id: CaseId,
  tenant: TenantId,
  intake: Intake,
  status: Status,
  stage: Schema.optional(Schema.String),
  level: HandlingLevel,
  assignee: Schema.optional(Assignee),
  priority: Schema.optional(Priority),
  supervisor: Schema.optional(Actor),
  supervisionCount: Schema.optional(Schema.NonNegativeInt),
  coHandlers: Schema.optional(Schema.Array(CoHandler)),
  returnVisit: Schema.optional(VisitOutcome),
  exclusion: Schema.optional(Exclusion),
  due: Due,
  reportedAt: Schema.DateTimeUtc,
  respondedAt: Schema.optional(Schema.DateTimeUtc),
  acceptedAt: Schema.optional(Schema.DateTimeUtc),
  resolvedAt: Schema.optional(Schema.DateTimeUtc),
  closedAt: Schema.optional(Schema.DateTimeUtc),
  closure: Schema.optional(Closure),
  resolvedFixed: Schema.optional(Schema.Boolean),
  satisfaction: Schema.optional(Satisfaction),
  reopenCount: Schema.NonNegativeInt,
  extensionCount: Schema.NonNegativeInt,
  escalationCount: Schema.NonNegativeInt,
  returnCount: Schema.NonNegativeInt,
  history: Schema.NonEmptyArray(Event),
  version: Schema.Int
}) {}

/**
 * Where a case sits for scoped queries (`Scope.Location`, for `Scope.contains`): its tenant as the division, its grid path (or just its grid), and the org
 * path of its handling unit when `orgPath` can give one.
 *
 * @since 0.1.0
 * @category scope
 */
export const scopeLocation = (self: Case, orgPath?: (unit: OrgUnitId) => ReadonlyArray<string>): Scope.Location => {
  const grid = self.intake.location.gridPath ?? [self.intake.location.grid]
  const unit = self.assignee?.unit
  return unit !== undefined && orgPath !== undefined
    ? { division: self.tenant, grid, org: orgPath(unit) }
    : { division: self.tenant, grid }
}

// ---------------------------------------------------------------------------------------------------------------
// Policy
// ---------------------------------------------------------------------------------------------------------------

/**
 * What the lifecycle depends on, supplied by the host: the workflow (states, transitions, roles, clocks, levels), the
 * category catalogue, the deadline clock (with its
 * working-day calendar), the lowest level a case must be handled at, the emergency time limits, and how many
 * extensions a case may get.
 *
 * @since 0.1.0
 * @category policies
 */
export interface Policy {
  readonly workflow: Workflow.Workflow
  readonly catalogue: Catalogue
  readonly clock: Clock
  readonly requiredLevel: (category: CategoryCode, severity: Severity) => HandlingLevel
  readonly emergency: TimeLimits
  readonly maxExtensions: number
}

/**
 * Builds a policy. Defaults: the {@link Workflow.defaultWorkflow} (the core lifecycle); the {@link defaultCatalogue}; the category's own handling level; the emergency limits of
 * the catalogue module (2 h, one source); at most 2 extensions (default to be replaced: STANDARDS.md marks the
 * extension rules open). The clock has no default: pass one with a working-day calendar.
 *
 * @since 0.1.0
 * @category policies
 */
export const makePolicy = (options: {
  readonly clock: Clock
  readonly workflow?: Workflow.Workflow
  readonly catalogue?: Catalogue
  readonly requiredLevel?: (category: CategoryCode, severity: Severity) => HandlingLevel
  readonly emergency?: TimeLimits
  readonly maxExtensions?: number
}): Policy => {
  const catalogue = options.catalogue ?? defaultCatalogue
  const workflow = options.workflow ?? Workflow.defaultWorkflow
  return {
    workflow,
    catalogue,
    clock: options.clock,
    requiredLevel:
      options.requiredLevel ??
      ((category) => Option.getOrElse(levelOf(catalogue, category), () => "community" as const)),
    emergency: options.emergency ?? emergencyLimits,
    maxExtensions: options.maxExtensions ?? 2
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------------------------

/**
 * An event that does not apply: names the case, the status it was in (`none` before the first event), the event,
 * the status it would have led to when there is one, and why.
 *
 * @since 0.1.0
 * @category errors
 */
export class IllegalTransition extends Schema.TaggedError<IllegalTransition>()("IllegalTransition", {
  caseId: Schema.String,
  from: Schema.String,
  event: Schema.String,
  to: Schema.optional(Schema.String),
  reason: Schema.String
}) {
  override get message(): string {
    const to = this.to === undefined ? "" : ` → ${this.to}`
    return `case ${this.caseId}: ${this.event} (${this.from}${to}) is not allowed: ${this.reason}`
  }
}

/**
 * A transition performed, or approved, by an actor whose roles the workflow does not allow for it (角色无权): names
 * the case, the actor, their roles, the event, the workflow states from and to, the roles allowed, and why (a role
 * not allowed, approving one's own request, verifying one's own resolution).
 *
 * @since 0.1.0
 * @category errors
 */
export class RoleNotPermitted extends Schema.TaggedError<RoleNotPermitted>()("RoleNotPermitted", {
  caseId: Schema.String,
  actor: Schema.String,
  roles: Schema.Array(Schema.String),
  event: Schema.String,
  from: Schema.String,
  to: Schema.String,
  allowed: Schema.Array(Schema.String),
  reason: Schema.String
}) {
  override get message(): string {
    return `case ${this.caseId}: ${this.actor} (${this.roles.join(", ")}) may not ${this.event} (${this.from} → ${this.to}): ${this.reason}`
  }
}

/**
 * Why an event does not apply to a case: the lifecycle refuses it, or the actor's role may not perform it.
 *
 * @since 0.1.0
 * @category errors
 */
export type TransitionError = IllegalTransition | RoleNotPermitted

// ---------------------------------------------------------------------------------------------------------------
// Lifecycle
// ---------------------------------------------------------------------------------------------------------------

/**
 * The workflow state of a case: its `stage` when its workflow's state id differs from the phase, else its status.
 *
 * @since 0.1.0
 * @category getters
 */
export const stageOf = (self: Case): string => self.stage ?? self.status

/**
 * The events a case in a state may take under a workflow (before the finer checks of {@link transition}); the
 * default workflow's states are the statuses.
 *
 * @since 0.1.0
 * @category lifecycle
 */
export const allowedEvents = (
  state: string,
  workflow: Workflow.Workflow = Workflow.defaultWorkflow
): ReadonlyArray<Workflow.EventName> => Workflow.eventsFrom(workflow, state)

const describeFrom = (workflow: Workflow.Workflow, tag: EventTag): string => {
  const from = tag === "Reported" ? [] : Workflow.statesFor(workflow, tag)
  return from.length === 0
    ? tag === "Reported"
      ? "only as the first event"
      : `nowhere in workflow ${workflow.id}`
    : `only from ${from.join(", ")}`
}

const limitsFor = (intake: Intake, policy: Policy): Either.Either<TimeLimits, string> =>
  intake.priority === "emergency"
    ? Either.right(policy.emergency)
    : Option.match(limitsOf(policy.catalogue, intake.category), {
        onNone: () => Either.left(`category ${intake.category} is not in the catalogue or has no time limits`),
        onSome: Either.right
      })

const resolveLimit = (intake: Intake, limits: TimeLimits): Duration =>
  intake.complex && limits.resolveComplex !== undefined ? limits.resolveComplex : limits.resolve

const clockError = (e: InvalidInput): string => `the deadline cannot be computed (${e.message})`

// A case built here from already-typed parts: re-validating it (Schema.Class validation re-derives the type-side
// AST on every construction) cost about 1 ms a case at city scale; see bench/README.md.
const trusted = { disableValidation: true } as const

const rank = (policy: Policy, level: string): number => Workflow.rankIn(policy.workflow.levels, level)

const raised: Record<Priority, Priority> = { normal: "urgent", urgent: "emergency", emergency: "emergency" }

/** Who resolved the case last, if anyone. */
const resolver = (self: Case): Actor | undefined => {
  for (let i = self.history.length - 1; i >= 0; i--) {
    const e = self.history[i]
    if (e?._tag === "Resolved") return e.by
  }
  return undefined
}

/**
 * Opens a case from its first event, in the workflow's initial state. Computes the response deadline from the
 * report instant. Refused with {@link RoleNotPermitted} when the workflow names who may report and the reporter's
 * role is not one of them.
 *
 * @since 0.1.0
 * @category lifecycle
 */
export const open = (event: typeof Reported.Type, policy: Policy): Either.Either<Case, TransitionError> => {
  const intake = event.intake
  const workflow = policy.workflow
  const initial = Option.getOrThrow(Workflow.stateOf(workflow, workflow.initial))
  const fail = (why: string) =>
    Either.left(
      new IllegalTransition({ caseId: intake.id, from: "none", event: "Reported", to: initial.id, reason: why })
    )
  const allowed = workflow.reportRoles
  const by = rolesOf(event.by)
  if (allowed !== undefined && !by.some((r) => allowed.includes(r))) {
    return Either.left(
      new RoleNotPermitted({
        caseId: intake.id,
        actor: event.by.id,
        roles: [...by],
        event: "Reported",
        from: "none",
        to: initial.id,
        allowed: [...allowed],
        reason: `workflow ${workflow.id} lets only ${allowed.join(", ")} report a case`
      })
    )
  }
  const limits = limitsFor(intake, policy)
  if (Either.isLeft(limits)) return fail(limits.left)
  const response = policy.clock(event.at, limits.right.response)
  if (Either.isLeft(response)) return fail(clockError(response.left))
  const level = policy.requiredLevel(intake.category, intake.severity)
  if (rank(policy, level) < 0) {
    return fail(`the required level ${level} is not a level of workflow ${workflow.id} (${workflow.levels.join(", ")})`)
  }
  return Either.right(
    new Case(
      {
        id: intake.id,
        tenant: intake.tenant,
        intake,
        status: initial.phase,
        ...(initial.id === initial.phase ? {} : { stage: initial.id }),
        level,
        due: new Due({ response: response.right }),
        reportedAt: event.at,
        reopenCount: 0,
        extensionCount: 0,
        escalationCount: 0,
        returnCount: 0,
        history: [event],
        version: 1
      },
      trusted
    )
  )
}

type Fields = { -readonly [K in keyof Case]?: Case[K] | undefined }

/**
 * Applies one event to a case under the policy's workflow. Pure and total: the same case, event and policy always
 * give the same result, and a refused event leaves the case as it was (the error says why).
 *
 * The workflow decides which events apply from the case's state, to which state they lead, who may perform them
 * ({@link RoleNotPermitted} names actor, roles, from and to), which need an approval (`approvedBy`, by an allowed
 * role, not the performer), whether whoever resolved the case may verify it, the evidence needed, and what each does
 * to the deadlines (`Workflow.ClockEffect`).
 *
 * Refused as well: an event dated before the case's last event; a second `Reported`; escalation to a level not above
 * the current one in the workflow's levels; an extension beyond `policy.maxExtensions` or dated after the resolve
 * deadline it would move (an extension is asked before the deadline, not used to excuse a late case); acceptance
 * below the level the policy requires; resolving (or closing as fixed) while a co-handler has not reported; closing
 * a ledger case as fixed, or a verified case other than it was resolved (or, after a return visit, other than the
 * visit found); a deadline the clock cannot compute (a date outside the calendar). Rating is accepted on any closed
 * case, fixed or not: the hotline asks every resident (12345 practice, MODEL.md §3), and a not-fixed case's rating
 * counts in the satisfaction rate.
 *
 * Deadlines in the default workflow: the response deadline is set on `Reported` and restarted on `Escalated` while
 * still reported (the new level has its own time to respond); the resolve deadline on `Accepted` (from its instant),
 * moved on `ExtensionGranted`, restarted on `Escalated`, `Reopened` and `Unshelved`, and cleared on `Shelved`.
 *
 * @since 0.1.0
 * @category lifecycle
 */
export const transition = (self: Case, event: Event, policy: Policy): Either.Either<Case, TransitionError> => {
  const tag = event._tag
  const workflow = policy.workflow
  const from = stageOf(self)
  const rule = tag === "Reported" ? undefined : Option.getOrUndefined(Workflow.transitionFor(workflow, from, tag))
  const target = rule === undefined ? undefined : Option.getOrUndefined(Workflow.stateOf(workflow, rule.to))
  const fail = (reason: string) =>
    Either.left(
      new IllegalTransition({
        caseId: self.id,
        from,
        event: tag,
        ...(rule === undefined ? {} : { to: rule.to }),
        reason
      })
    )
  if (rule === undefined || target === undefined || event._tag === "Reported") {
    return fail(`${tag} is not allowed while ${from}; it applies ${describeFrom(workflow, tag)}`)
  }
  const refuse = (actor: Actor, reason: string, allowed: ReadonlyArray<string> = rule.roles ?? []) =>
    Either.left(
      new RoleNotPermitted({
        caseId: self.id,
        actor: actor.id,
        roles: [...rolesOf(actor)],
        event: tag,
        from,
        to: rule.to,
        allowed: [...allowed],
        reason
      })
    )
  if (!Workflow.allows(rule, rolesOf(event.by))) {
    return refuse(event.by, `workflow ${workflow.id} lets only ${rule.roles?.join(", ")} do this`)
  }
  if (rule.approval !== undefined) {
    const approver = event.approvedBy
    if (approver === undefined) return fail(`it needs the approval of a ${rule.approval.join(" or ")} (approvedBy)`)
    if (!rolesOf(approver).some((r) => rule.approval?.includes(r))) {
      return refuse(approver, `only ${rule.approval.join(", ")} may approve this`, rule.approval)
    }
    if (approver.id === event.by.id) return refuse(approver, "nobody may approve their own request", rule.approval)
  }
  const verifying = tag === "Verified" || tag === "ReturnVisited"
  if (rule.independent || (verifying && !workflow.selfVerification)) {
    const handler = resolver(self)
    if (handler !== undefined && handler.id === event.by.id) {
      return refuse(event.by, `${event.by.id} resolved this case and may not verify their own resolution`)
    }
  }
  if (rule.evidence.length > 0) {
    const shown = new Set<string>()
    for (const e of [...self.history, event]) for (const a of e.attachments ?? []) if (a.shows) shown.add(a.shows)
    const missing = rule.evidence.filter((k) => !shown.has(k))
    if (missing.length > 0) return fail(`it needs a photo ${missing.map((k) => `${k} the work`).join(" and ")}`)
  }
  const last = Arr.lastNonEmpty(self.history)
  if (DateTime.lessThan(event.at, last.at)) {
    return fail(`it is dated ${DateTime.formatIso(event.at)}, before the last event at ${DateTime.formatIso(last.at)}`)
  }
  const limitsE = limitsFor(self.intake, policy)
  if (Either.isLeft(limitsE)) return fail(limitsE.left)
  const limits = limitsE.right
  const unreported = (self.coHandlers ?? []).filter((c) => c.reportedAt === undefined).map((c) => c.unit)

  const changes: Fields = {}
  switch (event._tag) {
    case "Accepted": {
      const required = policy.requiredLevel(self.intake.category, self.intake.severity)
      const level = event.level ?? self.level
      if (rank(policy, level) < 0) {
        return fail(`${level} is not a level of workflow ${workflow.id} (${workflow.levels.join(", ")})`)
      }
      if (rank(policy, level) < rank(policy, required)) {
        return fail(
          `a ${self.intake.severity} ${self.intake.category} case must be handled at ${required} or above, not ${level}`
        )
      }
      Object.assign(changes, { level, acceptedAt: event.at, respondedAt: event.at })
      break
    }
    case "Rejected":
      changes.respondedAt = event.at
      break
    case "Dispatched":
      changes.assignee = event.to
      break
    case "Returned":
      changes.assignee = undefined
      changes.returnCount = self.returnCount + 1
      break
    case "ExtensionGranted":
      if (self.extensionCount >= policy.maxExtensions) {
        return fail(`the case already had ${self.extensionCount} extension(s), the most the policy allows`)
      }
      changes.extensionCount = self.extensionCount + 1
      break
    case "Escalated":
      if (rank(policy, event.to) < 0) {
        return fail(`${event.to} is not a level of workflow ${workflow.id} (${workflow.levels.join(", ")})`)
      }
      if (rank(policy, event.to) <= rank(policy, self.level)) {
        return fail(`escalation must go above ${self.level}, not to ${event.to}`)
      }
      changes.level = event.to
      changes.assignee = undefined
      changes.escalationCount = self.escalationCount + 1
      break
    case "Supervised":
      changes.priority = raised[self.priority ?? self.intake.priority]
      changes.supervisor = event.by
      changes.supervisionCount = (self.supervisionCount ?? 0) + 1
      break
    case "CoHandlersAssigned": {
      const current = self.coHandlers ?? []
      const again = event.units.filter((u) => current.some((c) => c.unit === u) || u === self.assignee?.unit)
      if (again.length > 0) return fail(`${again.join(", ")} already handle(s) this case`)
      if (new Set(event.units).size !== event.units.length) return fail("a unit is named twice")
      changes.coHandlers = [...current, ...event.units.map((unit) => new CoHandler({ unit }, trusted))]
      break
    }
    case "CoHandlerReported": {
      const current = self.coHandlers ?? []
      const found = current.find((c) => c.unit === event.unit)
      if (found === undefined) return fail(`${event.unit} is not a co-handler of this case`)
      if (found.reportedAt !== undefined) return fail(`${event.unit} already reported its part`)
      changes.coHandlers = current.map((c) =>
        c.unit === event.unit ? new CoHandler({ unit: c.unit, reportedAt: event.at }, trusted) : c
      )
      break
    }
    case "Resolved":
      if (unreported.length > 0) return fail(`co-handler(s) ${unreported.join(", ")} have not reported their part`)
      changes.resolvedAt = event.at
      changes.resolvedFixed = event.fixed
      break
    case "ReturnVisited":
      changes.returnVisit = event.outcome
      changes.resolvedFixed = event.outcome.fixed
      if (event.outcome.satisfaction !== undefined) changes.satisfaction = event.outcome.satisfaction
      break
    case "Reopened": {
      if (event.reason === "verification-failed" && self.status !== "resolved" && self.status !== "verified") {
        return fail("a failed verification reopens a resolved case, not a closed one")
      }
      if (event.reason === "dissatisfied" && self.status !== "closed") {
        return fail("dissatisfaction reopens a closed case; a resolved case fails verification instead")
      }
      if (self.assignee === undefined) return fail("the case has no assignee to send it back to")
      Object.assign(changes, {
        reopenCount: self.reopenCount + 1,
        closure: undefined,
        closedAt: undefined,
        resolvedAt: undefined,
        resolvedFixed: undefined,
        satisfaction: undefined,
        returnVisit: undefined
      })
      break
    }
    case "Closed": {
      if (self.status === "ledger" && event.fixed) {
        return fail("a case on the problem ledger can only close as not fixed; take it off the ledger to fix it")
      }
      if (event.fixed && unreported.length > 0) {
        return fail(`co-handler(s) ${unreported.join(", ")} have not reported their part`)
      }
      if (self.status === "verified" && event.fixed !== self.resolvedFixed) {
        const by = self.returnVisit === undefined ? "the verified feedback" : "the return visit"
        return fail(`${by} says ${self.resolvedFixed ? "fixed" : "not fixed"}; close it the same way`)
      }
      changes.closedAt = event.at
      changes.closure = event.fixed ? "fixed" : "not-fixed"
      break
    }
    case "Rated":
      changes.satisfaction = event.satisfaction
      break
    case "Excluded": {
      const approver = event.approvedBy
      if (approver === undefined) return fail("an exclusion from the assessment needs who approved it (approvedBy)")
      if (approver.id === event.by.id) return refuse(approver, "nobody may approve their own request", [])
      if (self.exclusion !== undefined) return fail(`the case is already excluded (${self.exclusion.reason})`)
      if (event.duplicateOf === self.id) return fail("a case cannot duplicate itself")
      changes.exclusion = new Exclusion(
        {
          reason: event.reason,
          ...(event.note === undefined ? {} : { note: event.note }),
          ...(event.duplicateOf === undefined ? {} : { duplicateOf: event.duplicateOf }),
          at: event.at,
          by: event.by,
          approvedBy: approver
        },
        trusted
      )
      break
    }
    case "Started":
    case "Verified":
    case "Withdrawn":
    case "Shelved":
    case "Unshelved":
      break
  }

  const restartResolve = (): Either.Either<DateTime.Utc, string> =>
    Either.mapLeft(policy.clock(event.at, resolveLimit(self.intake, limits)), clockError)
  switch (rule.clock) {
    case "start-resolve":
    case "restart-resolve": {
      const due = restartResolve()
      if (Either.isLeft(due)) return fail(due.left)
      changes.due = new Due({ ...self.due, resolve: due.right })
      break
    }
    case "restart-response": {
      // The new level gets its own time to respond; keeping the old, passed deadline would let an overdue check
      // climb one level per call.
      const response = policy.clock(event.at, limits.response)
      if (Either.isLeft(response)) return fail(clockError(response.left))
      changes.due = new Due({ ...self.due, response: response.right })
      break
    }
    case "extend-resolve": {
      if (event._tag !== "ExtensionGranted") return fail("only an extension can extend the deadline")
      const base = self.due.resolve
      if (base === undefined) return fail("the case has no resolve deadline to extend")
      if (DateTime.greaterThan(event.at, base)) {
        return fail(
          `an extension must be granted before the deadline; it passed at ${DateTime.formatIso(base)} and this one is dated ${DateTime.formatIso(event.at)}`
        )
      }
      const due = policy.clock(base, event.extension)
      if (Either.isLeft(due)) return fail(clockError(due.left))
      changes.due = new Due({ ...self.due, resolve: due.right })
      break
    }
    case "stop-resolve":
      changes.due = new Due({ ...(self.due.response === undefined ? {} : { response: self.due.response }) })
      break
    case "none":
      break
  }
  const next: Record<string, unknown> = {
    ...self,
    ...changes,
    status: target.phase,
    stage: target.id === target.phase ? undefined : target.id,
    history: [...self.history, event],
    version: self.version + 1
  }
  for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k]
  return Either.right(new Case(next as unknown as Case, { disableValidation: true }))
}

/**
 * Who the workflow says to tell when an event applies to a case in its current state (none when the event does not
 * apply). The host delivers the notices.
 *
 * @since 0.1.0
 * @category lifecycle
 */
export const noticesFor = (self: Case, event: Event, policy: Policy): ReadonlyArray<Workflow.Recipient> =>
  event._tag === "Reported"
    ? []
    : Option.match(Workflow.transitionFor(policy.workflow, stageOf(self), event._tag), {
        onNone: () => [],
        onSome: (t) => t.notify
      })

/**
 * Replays a history: the first event must be `Reported`, each next one must apply. Folding the history of any case
 * built by {@link open} and {@link transition} gives that case back.
 *
 * @since 0.1.0
 * @category lifecycle
 */
export const fold = (events: ReadonlyArray<Event>, policy: Policy): Either.Either<Case, TransitionError> => {
  const [first, ...rest] = events
  if (first === undefined || first._tag !== "Reported") {
    return Either.left(
      new IllegalTransition({
        caseId: "unknown",
        from: "none",
        event: first?._tag ?? "nothing",
        reason: "a history must start with Reported"
      })
    )
  }
  let acc = open(first, policy)
  for (const e of rest) {
    if (Either.isLeft(acc)) return acc
    acc = transition(acc.right, e, policy)
  }
  return acc
}

/**
 * Applies events one by one and keeps going past refusals: the case after the accepted ones, and each refused event
 * with its error. Useful to import a history of uneven quality.
 *
 * @since 0.1.0
 * @category lifecycle
 */
export const applyAll = (
  self: Case,
  events: ReadonlyArray<Event>,
  policy: Policy
): { readonly case: Case; readonly refused: ReadonlyArray<TransitionError> } => {
  let current = self
  const refused: Array<TransitionError> = []
  for (const e of events) {
    const r = transition(current, e, policy)
    if (Either.isRight(r)) current = r.right
    else refused.push(r.left)
  }
  return { case: current, refused }
}

/**
 * Decodes an untrusted case (from storage or an import) and checks it against its own history under a policy: the
 * stored fields must be what the history folds to.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decode = (input: unknown, policy: Policy): Either.Either<Case, DecodeError | TransitionError> => {
  const decoded = Schema.decodeUnknownEither(Case, { errors: "all" })(input)
  if (Either.isLeft(decoded)) return Either.left(toDecodeError("Case", decoded.left))
  const stored = decoded.right
  const folded = fold(stored.history, policy)
  if (Either.isLeft(folded)) return folded
  const a = Schema.encodeSync(Case)(folded.right)
  const b = Schema.encodeSync(Case)(stored)
  const diff = (Object.keys({ ...a, ...b }) as Array<keyof typeof a>).filter(
    (k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])
  )
  return diff.length === 0
    ? Either.right(stored)
    : Either.left(
        new DecodeError({
          subject: `Case ${stored.id}`,
          issues: diff.map(
            (k) => new DecodeIssue({ path: [k], message: "does not match what the event history gives" })
          )
        })
      )
}

// ---------------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------------

/**
 * True in a final status (closed, rejected, withdrawn).
 *
 * @since 0.1.0
 * @category predicates
 */
export const isFinal = (self: Case): boolean =>
  self.status === "closed" || self.status === "rejected" || self.status === "withdrawn"

/**
 * True when a deadline is running and has passed at `at` (strictly after the due instant): the response deadline
 * while the case is still `reported`, the resolve deadline while it is being handled (accepted to in progress).
 *
 * @since 0.1.0
 * @category predicates
 */
export const isOverdue = (self: Case, at: DateTime.Utc): boolean => {
  const due = runningDue(self)
  return due !== undefined && isPast(due, at)
}

/**
 * The deadline running now, if any: response while reported, resolve while accepted, dispatched or in progress.
 *
 * @since 0.1.0
 * @category getters
 */
export const runningDue = (self: Case): DateTime.Utc | undefined =>
  self.status === "reported"
    ? self.due.response
    : self.status === "accepted" || self.status === "dispatched" || self.status === "in-progress"
      ? self.due.resolve
      : undefined

/**
 * The level above the case's in an ordered list of levels (default {@link Workflow.defaultLevels}; pass
 * `policy.workflow.levels`), when there is one.
 *
 * @since 0.1.0
 * @category getters
 */
export const nextLevel = (
  self: Case,
  levels: ReadonlyArray<string> = Workflow.defaultLevels
): Option.Option<HandlingLevel> => Workflow.above(levels, self.level)

/**
 * The first resolve deadline the case got on acceptance (before extensions, escalations and rework), for the
 * closing-rate formulas.
 *
 * @since 0.1.0
 * @category getters
 */
export const originalDue = (self: Case, policy: Policy): DateTime.Utc | undefined => {
  const accepted = self.history.find((e) => e._tag === "Accepted")
  if (accepted === undefined) return undefined
  return Either.getOrUndefined(
    Either.flatMap(limitsFor(self.intake, policy), (l) => policy.clock(accepted.at, resolveLimit(self.intake, l)))
  )
}

/**
 * The instant of the first event with a tag, if any.
 *
 * @since 0.1.0
 * @category getters
 */
export const firstAt = (self: Case, tag: EventTag): DateTime.Utc | undefined =>
  self.history.find((e) => e._tag === tag)?.at

/**
 * Checks the invariants every case must keep, whatever its history: a closed case has a closure and a closing
 * instant; a case being handled (accepted to in progress) has a resolve deadline and one on the ledger has none; a
 * dispatched, in-progress, resolved or verified case has an assignee; the level is at least the one the policy
 * requires; the counters agree with the history; extensions stay within the policy.
 *
 * @returns one finding per broken invariant (code `case/…`), none for a sound case
 * @since 0.1.0
 * @category rules
 */
export const validate = (self: Case, policy: Policy): ReadonlyArray<Finding.Finding> => {
  const out: Array<Finding.Finding> = []
  const bad = (code: string, path: ReadonlyArray<string | number>, message: string) =>
    out.push(Finding.error(`case/${code}`, path, `case ${self.id}: ${message}`))
  if (self.status === "closed" && (self.closure === undefined || self.closedAt === undefined)) {
    bad("closed-without-closure", ["closure"], "closed without saying whether it was fixed")
  }
  if (self.status !== "closed" && self.closure !== undefined) {
    bad("closure-while-open", ["closure"], `has a closure while ${self.status}`)
  }
  const handling = self.status === "accepted" || self.status === "dispatched" || self.status === "in-progress"
  if (handling && self.due.resolve === undefined)
    bad("no-deadline", ["due", "resolve"], `${self.status} without a resolve deadline`)
  if (self.status === "ledger" && self.due.resolve !== undefined)
    bad("deadline-on-ledger", ["due", "resolve"], "on the ledger with a running deadline")
  const needsAssignee = ["dispatched", "in-progress", "resolved", "verified"].includes(self.status)
  if (needsAssignee && self.assignee === undefined)
    bad("no-assignee", ["assignee"], `${self.status} without an assignee`)
  const required = policy.requiredLevel(self.intake.category, self.intake.severity)
  if (rank(policy, self.level) < rank(policy, required))
    bad("level-too-low", ["level"], `handled at ${self.level}, below ${required}`)
  const count = (tag: EventTag) => self.history.filter((e) => e._tag === tag).length
  if (count("Reopened") !== self.reopenCount)
    bad("count-mismatch", ["reopenCount"], "reopen count disagrees with the history")
  if (count("ExtensionGranted") !== self.extensionCount)
    bad("count-mismatch", ["extensionCount"], "extension count disagrees with the history")
  if (count("Escalated") !== self.escalationCount)
    bad("count-mismatch", ["escalationCount"], "escalation count disagrees with the history")
  if (self.extensionCount > policy.maxExtensions)
    bad("too-many-extensions", ["extensionCount"], "more extensions than the policy allows")
  if (self.history[0]._tag !== "Reported" || count("Reported") !== 1)
    bad("history-start", ["history", 0], "history must start with the one Reported event")
  for (let i = 1; i < self.history.length; i++) {
    const prev = self.history[i - 1]
    const cur = self.history[i]
    if (prev !== undefined && cur !== undefined && DateTime.lessThan(cur.at, prev.at)) {
      bad("history-order", ["history", i], "events out of time order")
      break
    }
  }
  if (self.version !== self.history.length) bad("version", ["version"], "version must equal the number of events")
  return out
}
