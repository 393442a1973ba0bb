/**
 * Claims of projects (项目认领) with review: a business (商户), a social organisation, a volunteer team or a building
 * head asks to take on a claimable project (seed, Zibo: 辖区内外企商户、社会组织、楼栋长、志愿者等群体……常态化认领、参与
 * 社区普惠性公共服务、重点人群走访慰问、治理服务活动承办等项目); the community approves or rejects the request, and the
 * claimant may withdraw it. A policy limits who may claim and how many claims one claimant holds at once. Pure rules
 * over {@link ProjectClaim} records; every refusal is a typed error naming the claim and why.
 *
 * `Project.claim` records a claim on the project itself, without review; this module is for hosts that review them.
 *
 * @since 0.2.0
 */
import { Either, Schema } from "effect"
import * as Ids from "../kernel/Ids.js"
import * as LocalDate from "../kernel/LocalDate.js"
import * as Placement from "../service/Placement.js"
import type * as Project from "./Project.js"

/**
 * Identifier of a claim, unique within its tenant.
 *
 * @since 0.2.0
 * @category identifiers
 */
export const ClaimId = Schema.String.pipe(
  Schema.pattern(Ids.IdPattern, { message: () => "claim id must be 1–64 letters, digits, _ . : / or -" }),
  Schema.brand("@zhili/ClaimId")
)
/**
 * @since 0.2.0
 * @category identifiers
 */
export type ClaimId = typeof ClaimId.Type

/**
 * Who may claim (认领主体), as a plain string a policy lists ({@link Policy.kinds}): the defaults are `merchant`
 * (商户, a business), `organisation` (社会组织), `volunteer-team` (志愿服务队), `volunteer` (志愿者) and
 * `building-head` (楼栋长); a host widens the list with its own kinds (`party-member`, `school`).
 *
 * @since 0.2.0
 * @category models
 */
export const ClaimantKind = Schema.NonEmptyTrimmedString
/**
 * @since 0.2.0
 * @category models
 */
export type ClaimantKind = typeof ClaimantKind.Type

/**
 * The claimant: its kind, a stable reference (an operator id, a volunteer team id, a person id or a host code; two
 * claims with one kind and reference are one claimant) and its name for reports.
 *
 * @since 0.2.0
 * @category models
 */
export const Claimant = Schema.Struct({
  kind: ClaimantKind,
  ref: Schema.NonEmptyTrimmedString,
  name: Schema.NonEmptyTrimmedString
})
/**
 * @since 0.2.0
 * @category models
 */
export type Claimant = typeof Claimant.Type

/**
 * Where a claim stands: requested (待审核), approved (已认领), rejected (未通过), withdrawn (已撤回).
 *
 * @since 0.2.0
 * @category models
 */
export const Status = Schema.Literal("requested", "approved", "rejected", "withdrawn")
/**
 * @since 0.2.0
 * @category models
 */
export type Status = typeof Status.Type

/**
 * One change of a claim's status, with its date, who decided (for approval and rejection) and why.
 *
 * @since 0.2.0
 * @category models
 */
export const Step = Schema.Struct({
  status: Status,
  on: LocalDate.LocalDate,
  by: Schema.optional(Schema.NonEmptyTrimmedString),
  reason: Schema.optional(Schema.String)
})
/**
 * @since 0.2.0
 * @category models
 */
export type Step = typeof Step.Type

/**
 * A claim of a project (认领申请): who, which project, in which role (sponsor 出资, undertake 承办, take part 参与),
 * and its status history (the first step is the request).
 *
 * @since 0.2.0
 * @category models
 */
export class ProjectClaim extends Schema.Class<ProjectClaim>("@zhili/ProjectClaim")({
  tenant: Ids.TenantId,
  id: ClaimId,
  project: Ids.ProjectId,
  claimant: Claimant,
  role: Schema.Literal("sponsor", "undertake", "participate"),
  steps: Schema.NonEmptyArray(Step),
  placement: Schema.optional(Placement.Location),
  version: Schema.optionalWith(Schema.NonNegativeInt, { default: () => 1, exact: true })
}) {}

/**
 * Where a claim sits in the scope trees (its placement, the division defaulting to its tenant).
 *
 * @since 0.2.0
 * @category scope
 */
export const location = (self: ProjectClaim): Placement.Location => Placement.resolve(self.tenant, self.placement)

/**
 * The claim's status now (its last step).
 *
 * @since 0.2.0
 * @category getters
 */
export const status = (self: ProjectClaim): Status => self.steps[self.steps.length - 1]?.status ?? "requested"

/**
 * True while a claim binds its claimant: requested or approved.
 *
 * @since 0.2.0
 * @category getters
 */
export const isActive = (self: ProjectClaim): boolean => {
  const s = status(self)
  return s === "requested" || s === "approved"
}

/**
 * The claim policy: the claimant kinds allowed, the most claims one claimant may hold active at once, and the
 * most approved claims one project takes (no limit when absent).
 *
 * @since 0.2.0
 * @category policies
 */
export class Policy extends Schema.Class<Policy>("@zhili/ClaimPolicy")({
  kinds: Schema.Array(ClaimantKind),
  maxActivePerClaimant: Schema.Int.pipe(Schema.positive()),
  maxApprovedPerProject: Schema.optional(Schema.Int.pipe(Schema.positive()))
}) {}

/**
 * The default policy. Kinds from the seed (Zibo: 企商户、社会组织、楼栋长、志愿者, and the volunteer teams that carry out
 * the services); the seed sets no limit, so 3 active claims per claimant is this library's placeholder (as CONSUL
 * limits supports per participant) — set the one your community decides; no limit per project.
 *
 * @since 0.2.0
 * @category policies
 */
export const defaultPolicy: Policy = new Policy({
  kinds: ["merchant", "organisation", "volunteer-team", "volunteer", "building-head"],
  maxActivePerClaimant: 3
})

/**
 * The project does not take claims now: it is not claimable, or it is completed or cancelled.
 *
 * @since 0.2.0
 * @category errors
 */
export class NotClaimable extends Schema.TaggedError<NotClaimable>()("ClaimNotClaimable", {
  project: Ids.ProjectId,
  reason: Schema.String
}) {
  override get message(): string {
    return `project ${this.project} takes no claims: ${this.reason}`
  }
}

/**
 * The claimant's kind is not among those the policy allows.
 *
 * @since 0.2.0
 * @category errors
 */
export class KindNotAllowed extends Schema.TaggedError<KindNotAllowed>()("ClaimKindNotAllowed", {
  claimant: Schema.String,
  kind: Schema.String,
  allowed: Schema.Array(Schema.String)
}) {
  override get message(): string {
    return `${this.claimant}: claimants of kind "${this.kind}" may not claim projects (allowed: ${this.allowed.join(", ")})`
  }
}

/**
 * The claimant already holds as many active claims as the policy allows.
 *
 * @since 0.2.0
 * @category errors
 */
export class LimitReached extends Schema.TaggedError<LimitReached>()("ClaimLimitReached", {
  claimant: Schema.String,
  active: Schema.Int,
  limit: Schema.Int
}) {
  override get message(): string {
    return `${this.claimant} already holds ${this.active} active claims (limit ${this.limit})`
  }
}

/**
 * The claimant already has an active claim of this project in this role.
 *
 * @since 0.2.0
 * @category errors
 */
export class DuplicateClaim extends Schema.TaggedError<DuplicateClaim>()("ClaimDuplicate", {
  project: Ids.ProjectId,
  claimant: Schema.String,
  existing: ClaimId
}) {
  override get message(): string {
    return `${this.claimant} already claims project ${this.project} in that role (claim ${this.existing})`
  }
}

/**
 * The project already has as many approved claims as the policy allows.
 *
 * @since 0.2.0
 * @category errors
 */
export class ProjectFull extends Schema.TaggedError<ProjectFull>()("ClaimProjectFull", {
  project: Ids.ProjectId,
  limit: Schema.Int
}) {
  override get message(): string {
    return `project ${this.project} already has ${this.limit} approved claims`
  }
}

/**
 * A step the claim's status does not allow (`from` → `to`): only a requested claim is approved or rejected, only a
 * requested or approved one is withdrawn.
 *
 * @since 0.2.0
 * @category errors
 */
export class IllegalTransition extends Schema.TaggedError<IllegalTransition>()("ClaimIllegalTransition", {
  claim: ClaimId,
  from: Status,
  to: Status
}) {
  override get message(): string {
    return `claim ${this.claim}: cannot go from ${this.from} to ${this.to}`
  }
}

/**
 * A step dated before the claim's last step.
 *
 * @since 0.2.0
 * @category errors
 */
export class OutOfOrder extends Schema.TaggedError<OutOfOrder>()("ClaimOutOfOrder", {
  claim: ClaimId,
  on: LocalDate.LocalDate,
  last: LocalDate.LocalDate
}) {
  override get message(): string {
    return `claim ${this.claim}: a step dated ${this.on} comes before the last one, dated ${this.last}`
  }
}

/**
 * Every way a request can be refused.
 *
 * @since 0.2.0
 * @category errors
 */
export type RequestError = NotClaimable | KindNotAllowed | LimitReached | DuplicateClaim

const sameClaimant = (a: Claimant, b: Claimant): boolean => a.kind === b.kind && a.ref === b.ref

/**
 * The claims a claimant holds active among `claims`.
 *
 * @since 0.2.0
 * @category rules
 */
export const activeOf = (claims: ReadonlyArray<ProjectClaim>, claimant: Claimant): ReadonlyArray<ProjectClaim> =>
  claims.filter((c) => sameClaimant(c.claimant, claimant) && isActive(c))

/**
 * Requests a claim (申请认领). Checks, in order: the project takes claims (claimable, neither completed nor
 * cancelled), the claimant's kind is allowed, the claimant has no active claim of the project in the role, and it
 * holds fewer active claims than the limit. `claims` are the stored claims the limit counts (all of the tenant, or
 * at least the claimant's).
 *
 * @since 0.2.0
 * @category rules
 */
export const request = (
  claims: ReadonlyArray<ProjectClaim>,
  project: Project.Project,
  fields: {
    readonly id: ClaimId
    readonly claimant: Claimant
    readonly role: ProjectClaim["role"]
    readonly on: LocalDate.LocalDate
  },
  policy: Policy = defaultPolicy
): Either.Either<ProjectClaim, RequestError> => {
  if (!project.claimable) return Either.left(new NotClaimable({ project: project.id, reason: "it is not claimable" }))
  if (project.status === "completed" || project.status === "cancelled")
    return Either.left(new NotClaimable({ project: project.id, reason: `it is ${project.status}` }))
  if (!policy.kinds.includes(fields.claimant.kind))
    return Either.left(
      new KindNotAllowed({ claimant: fields.claimant.name, kind: fields.claimant.kind, allowed: policy.kinds })
    )
  const active = activeOf(claims, fields.claimant)
  const same = active.find((c) => c.project === project.id && c.role === fields.role)
  if (same !== undefined)
    return Either.left(new DuplicateClaim({ project: project.id, claimant: fields.claimant.name, existing: same.id }))
  if (active.length >= policy.maxActivePerClaimant)
    return Either.left(
      new LimitReached({ claimant: fields.claimant.name, active: active.length, limit: policy.maxActivePerClaimant })
    )
  return Either.right(
    new ProjectClaim({
      tenant: project.tenant,
      id: fields.id,
      project: project.id,
      claimant: fields.claimant,
      role: fields.role,
      steps: [{ status: "requested", on: fields.on }]
    })
  )
}

const allowed: Readonly<Record<Status, ReadonlyArray<Status>>> = {
  requested: ["approved", "rejected", "withdrawn"],
  approved: ["withdrawn"],
  rejected: [],
  withdrawn: []
}

const step = (self: ProjectClaim, next: Step): Either.Either<ProjectClaim, IllegalTransition | OutOfOrder> => {
  const from = status(self)
  if (!allowed[from].includes(next.status))
    return Either.left(new IllegalTransition({ claim: self.id, from, to: next.status }))
  const last = self.steps[self.steps.length - 1]?.on
  if (last !== undefined && next.on < last) return Either.left(new OutOfOrder({ claim: self.id, on: next.on, last }))
  return Either.right(new ProjectClaim({ ...self, steps: [...self.steps, next], version: self.version + 1 }))
}

/**
 * Approves a requested claim (审核通过). `claims` are the project's stored claims, counted against
 * `maxApprovedPerProject`.
 *
 * @since 0.2.0
 * @category rules
 */
export const approve = (
  self: ProjectClaim,
  decision: { readonly on: LocalDate.LocalDate; readonly by?: string | undefined },
  claims: ReadonlyArray<ProjectClaim> = [],
  policy: Policy = defaultPolicy
): Either.Either<ProjectClaim, IllegalTransition | OutOfOrder | ProjectFull> => {
  const limit = policy.maxApprovedPerProject
  if (limit !== undefined && status(self) === "requested") {
    const approved = claims.filter((c) => c.project === self.project && c.id !== self.id && status(c) === "approved")
    if (approved.length >= limit) return Either.left(new ProjectFull({ project: self.project, limit }))
  }
  return step(self, { status: "approved", on: decision.on, ...(decision.by === undefined ? {} : { by: decision.by }) })
}

/**
 * Rejects a requested claim (审核未通过), with the reason given to the claimant.
 *
 * @since 0.2.0
 * @category rules
 */
export const reject = (
  self: ProjectClaim,
  decision: { readonly on: LocalDate.LocalDate; readonly by?: string | undefined; readonly reason: string }
): Either.Either<ProjectClaim, IllegalTransition | OutOfOrder> =>
  step(self, {
    status: "rejected",
    on: decision.on,
    reason: decision.reason,
    ...(decision.by === undefined ? {} : { by: decision.by })
  })

/**
 * Withdraws a requested or approved claim (撤回认领): the claimant frees the place it held under the limit.
 *
 * @since 0.2.0
 * @category rules
 */
export const withdraw = (
  self: ProjectClaim,
  on: LocalDate.LocalDate,
  reason?: string
): Either.Either<ProjectClaim, IllegalTransition | OutOfOrder> =>
  step(self, { status: "withdrawn", on, ...(reason === undefined ? {} : { reason }) })

/**
 * The approved claims of a project: who has taken it on.
 *
 * @since 0.2.0
 * @category rules
 */
export const approvedOf = (claims: ReadonlyArray<ProjectClaim>, project: Ids.ProjectId): ReadonlyArray<ProjectClaim> =>
  claims.filter((c) => c.project === project && status(c) === "approved")
