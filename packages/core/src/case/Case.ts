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
  levelAbove,
  levelOf,
  levelRank,
  limitsOf,
  type TimeLimits
} from "./Category.js"
import { type Clock, Duration, isOverdue as isPast } from "./Deadline.js"

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
 * Where a case stands. `ledger` is the problem ledger (挂账): accepted but not solvable now, no deadline running.
 * `closed`, `rejected` and `withdrawn` are final, except that a closed case may be reopened on dissatisfaction.
 *
 * @since 0.1.0
 * @category models
 */
export const Status = Schema.Literal(
  "reported",
  "accepted",
  "dispatched",
  "in-progress",
  "resolved",
  "verified",
  "closed",
  "rejected",
  "withdrawn",
  "ledger"
)
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
 * Who did something: a resident, a grid worker (网格员), staff of a unit, a mediator or judge volunteer, a meeting, or
 * the system (automatic escalation).
 *
 * @since 0.1.0
 * @category models
 */
export class Actor extends Schema.Class<Actor>("@zhili/CaseActor")({
  role: Schema.Literal("resident", "grid-worker", "staff", "mediator", "judge", "meeting", "system"),
  id: Schema.String.pipe(Schema.minLength(1, { message: () => "an actor needs an id" }))
}) {}

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
 * the root of the grid tree down to `grid` and feeds the case's scope location.
 *
 * @since 0.1.0
 * @category models
 */
export class Location extends Schema.Class<Location>("@zhili/CaseLocation")({
  grid: GridId,
  building: Schema.optional(BuildingId),
  gridPath: Schema.optional(Schema.Array(GridId))
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

const stamp = { at: Schema.DateTimeUtc, by: Actor }
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
  Resolved,
  Verified,
  Reopened,
  Closed,
  Withdrawn,
  Shelved,
  Unshelved,
  Rated
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
  level: HandlingLevel,
  assignee: Schema.optional(Assignee),
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
 * What the lifecycle depends on, supplied by the host: the category catalogue, the deadline clock (with its
 * working-day calendar), the lowest level a case must be handled at, the emergency time limits, and how many
 * extensions a case may get.
 *
 * @since 0.1.0
 * @category policies
 */
export interface Policy {
  readonly catalogue: Catalogue
  readonly clock: Clock
  readonly requiredLevel: (category: CategoryCode, severity: Severity) => HandlingLevel
  readonly emergency: TimeLimits
  readonly maxExtensions: number
}

/**
 * Builds a policy. Defaults: the {@link defaultCatalogue}; the category's own handling level; the emergency limits of
 * the catalogue module (2 h, one source); at most 2 extensions (default to be replaced: STANDARDS.md marks the
 * extension rules open). The clock has no default: pass one with a working-day calendar.
 *
 * @since 0.1.0
 * @category policies
 */
export const makePolicy = (options: {
  readonly clock: Clock
  readonly catalogue?: Catalogue
  readonly requiredLevel?: (category: CategoryCode, severity: Severity) => HandlingLevel
  readonly emergency?: TimeLimits
  readonly maxExtensions?: number
}): Policy => {
  const catalogue = options.catalogue ?? defaultCatalogue
  return {
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
  from: Schema.Union(Status, Schema.Literal("none")),
  event: Schema.String,
  to: Schema.optional(Status),
  reason: Schema.String
}) {
  override get message(): string {
    const to = this.to === undefined ? "" : ` → ${this.to}`
    return `case ${this.caseId}: ${this.event} (${this.from}${to}) is not allowed: ${this.reason}`
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Lifecycle
// ---------------------------------------------------------------------------------------------------------------

const targets: Record<Exclude<EventTag, "Reported">, Partial<Record<Status, Status>>> = {
  Accepted: { reported: "accepted" },
  Rejected: { reported: "rejected" },
  Dispatched: { accepted: "dispatched" },
  Started: { dispatched: "in-progress" },
  Returned: { dispatched: "accepted", "in-progress": "accepted" },
  ExtensionGranted: { accepted: "accepted", dispatched: "dispatched", "in-progress": "in-progress" },
  Escalated: { reported: "reported", accepted: "accepted", dispatched: "accepted", "in-progress": "accepted" },
  Resolved: { "in-progress": "resolved" },
  Verified: { resolved: "verified" },
  Reopened: { resolved: "dispatched", closed: "dispatched" },
  Closed: { verified: "closed", ledger: "closed" },
  Withdrawn: {
    reported: "withdrawn",
    accepted: "withdrawn",
    dispatched: "withdrawn",
    "in-progress": "withdrawn",
    ledger: "withdrawn"
  },
  Shelved: { accepted: "ledger", dispatched: "ledger", "in-progress": "ledger", resolved: "ledger" },
  Unshelved: { ledger: "accepted" },
  Rated: { closed: "closed" }
}

/**
 * The events a case in a status may take (before the finer checks of {@link transition}).
 *
 * @since 0.1.0
 * @category lifecycle
 */
export const allowedEvents = (status: Status): ReadonlyArray<Exclude<EventTag, "Reported">> =>
  (Object.keys(targets) as Array<Exclude<EventTag, "Reported">>).filter((tag) => targets[tag][status] !== undefined)

const describeFrom = (tag: EventTag): string => {
  const from = tag === "Reported" ? [] : Object.keys(targets[tag])
  return from.length === 0 ? "only as the first event" : `only from ${from.join(", ")}`
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

/**
 * Opens a case from its first event. Computes the response deadline from the report instant.
 *
 * @since 0.1.0
 * @category lifecycle
 */
export const open = (event: typeof Reported.Type, policy: Policy): Either.Either<Case, IllegalTransition> => {
  const intake = event.intake
  const fail = (why: string) =>
    Either.left(
      new IllegalTransition({ caseId: intake.id, from: "none", event: "Reported", to: "reported", reason: why })
    )
  const limits = limitsFor(intake, policy)
  if (Either.isLeft(limits)) return fail(limits.left)
  const response = policy.clock(event.at, limits.right.response)
  if (Either.isLeft(response)) return fail(clockError(response.left))
  return Either.right(
    new Case(
      {
        id: intake.id,
        tenant: intake.tenant,
        intake,
        status: "reported",
        level: policy.requiredLevel(intake.category, intake.severity),
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
 * Applies one event to a case. Pure and total: the same case, event and policy always give the same result, and a
 * refused event leaves the case as it was (the error says why).
 *
 * Refused: an event the status does not allow; an event dated before the case's last event; a second `Reported`;
 * escalation to a level not above the current one; an extension beyond `policy.maxExtensions`; acceptance below
 * the level the policy requires; closing a ledger case as fixed or a verified case other than it was resolved; a
 * deadline the clock cannot compute (a date outside the calendar). Rating is accepted on any closed case, fixed or
 * not: the hotline asks every resident (12345 practice, MODEL.md §3), and a not-fixed case's rating counts in the
 * satisfaction rate.
 *
 * Also refused: an extension dated after the resolve deadline it would move (an extension is asked before the
 * deadline, not used to excuse a late case).
 *
 * Deadlines: the response deadline is set on `Reported` and restarted on `Escalated` while still reported (the new
 * level has its own time to respond); the resolve deadline on `Accepted` (from its instant), moved on
 * `ExtensionGranted`, restarted on `Escalated`, `Reopened` and `Unshelved`, and cleared on `Shelved`.
 *
 * @since 0.1.0
 * @category lifecycle
 */
export const transition = (self: Case, event: Event, policy: Policy): Either.Either<Case, IllegalTransition> => {
  const tag = event._tag
  const to = tag === "Reported" ? undefined : targets[tag][self.status]
  const fail = (reason: string) =>
    Either.left(
      new IllegalTransition({
        caseId: self.id,
        from: self.status,
        event: tag,
        ...(to === undefined ? {} : { to }),
        reason
      })
    )
  if (to === undefined || event._tag === "Reported") {
    return fail(`${tag} is not allowed while ${self.status}; it applies ${describeFrom(tag)}`)
  }
  const last = Arr.lastNonEmpty(self.history)
  if (DateTime.lessThan(event.at, last.at)) {
    return fail(`it is dated ${DateTime.formatIso(event.at)}, before the last event at ${DateTime.formatIso(last.at)}`)
  }
  const limitsE = limitsFor(self.intake, policy)
  if (Either.isLeft(limitsE)) return fail(limitsE.left)
  const limits = limitsE.right
  const restart = (from: DateTime.Utc): Either.Either<DateTime.Utc, string> =>
    Either.mapLeft(policy.clock(from, resolveLimit(self.intake, limits)), clockError)

  const changes: Fields = {}
  switch (event._tag) {
    case "Accepted": {
      const required = policy.requiredLevel(self.intake.category, self.intake.severity)
      const level = event.level ?? self.level
      if (levelRank(level) < levelRank(required)) {
        return fail(
          `a ${self.intake.severity} ${self.intake.category} case must be handled at ${required} or above, not ${level}`
        )
      }
      const due = restart(event.at)
      if (Either.isLeft(due)) return fail(due.left)
      Object.assign(changes, {
        level,
        acceptedAt: event.at,
        respondedAt: event.at,
        due: new Due({ ...self.due, resolve: due.right })
      })
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
    case "ExtensionGranted": {
      if (self.extensionCount >= policy.maxExtensions) {
        return fail(`the case already had ${self.extensionCount} extension(s), the most the policy allows`)
      }
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
      changes.extensionCount = self.extensionCount + 1
      break
    }
    case "Escalated": {
      if (levelRank(event.to) <= levelRank(self.level)) {
        return fail(`escalation must go above ${self.level}, not to ${event.to}`)
      }
      changes.level = event.to
      changes.assignee = undefined
      changes.escalationCount = self.escalationCount + 1
      if (self.status === "reported") {
        // The new level gets its own time to respond; keeping the old, passed deadline would let an overdue check
        // climb one level per call.
        const response = policy.clock(event.at, limits.response)
        if (Either.isLeft(response)) return fail(clockError(response.left))
        changes.due = new Due({ ...self.due, response: response.right })
      } else {
        const due = restart(event.at)
        if (Either.isLeft(due)) return fail(due.left)
        changes.due = new Due({ ...self.due, resolve: due.right })
      }
      break
    }
    case "Resolved":
      changes.resolvedAt = event.at
      changes.resolvedFixed = event.fixed
      break
    case "Reopened": {
      if (event.reason === "verification-failed" && self.status !== "resolved") {
        return fail("a failed verification reopens a resolved case, not a closed one")
      }
      if (event.reason === "dissatisfied" && self.status !== "closed") {
        return fail("dissatisfaction reopens a closed case; a resolved case fails verification instead")
      }
      if (self.assignee === undefined) return fail("the case has no assignee to send it back to")
      const due = restart(event.at)
      if (Either.isLeft(due)) return fail(due.left)
      Object.assign(changes, {
        due: new Due({ ...self.due, resolve: due.right }),
        reopenCount: self.reopenCount + 1,
        closure: undefined,
        closedAt: undefined,
        resolvedAt: undefined,
        resolvedFixed: undefined,
        satisfaction: undefined
      })
      break
    }
    case "Closed": {
      if (self.status === "ledger" && event.fixed) {
        return fail("a case on the problem ledger can only close as not fixed; take it off the ledger to fix it")
      }
      if (self.status === "verified" && event.fixed !== self.resolvedFixed) {
        return fail(`the verified feedback says ${self.resolvedFixed ? "fixed" : "not fixed"}; close it the same way`)
      }
      changes.closedAt = event.at
      changes.closure = event.fixed ? "fixed" : "not-fixed"
      break
    }
    case "Shelved":
      changes.due = new Due({ ...(self.due.response === undefined ? {} : { response: self.due.response }) })
      break
    case "Unshelved": {
      const due = restart(event.at)
      if (Either.isLeft(due)) return fail(due.left)
      changes.due = new Due({ ...self.due, resolve: due.right })
      break
    }
    case "Rated":
      changes.satisfaction = event.satisfaction
      break
    case "Started":
    case "Verified":
    case "Withdrawn":
      break
  }
  const next: Record<string, unknown> = {
    ...self,
    ...changes,
    status: to,
    history: [...self.history, event],
    version: self.version + 1
  }
  for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k]
  return Either.right(new Case(next as unknown as Case, { disableValidation: true }))
}

/**
 * Replays a history: the first event must be `Reported`, each next one must apply. Folding the history of any case
 * built by {@link open} and {@link transition} gives that case back.
 *
 * @since 0.1.0
 * @category lifecycle
 */
export const fold = (events: ReadonlyArray<Event>, policy: Policy): Either.Either<Case, IllegalTransition> => {
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
): { readonly case: Case; readonly refused: ReadonlyArray<IllegalTransition> } => {
  let current = self
  const refused: Array<IllegalTransition> = []
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
export const decode = (input: unknown, policy: Policy): Either.Either<Case, DecodeError | IllegalTransition> => {
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
 * The level above the case's, when there is one.
 *
 * @since 0.1.0
 * @category getters
 */
export const nextLevel = (self: Case): Option.Option<HandlingLevel> => levelAbove(self.level)

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
  if (levelRank(self.level) < levelRank(required))
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
