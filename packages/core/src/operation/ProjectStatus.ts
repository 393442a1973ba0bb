/**
 * A project's status history and timeline (项目状态与进展): every change of stage (proposed 提出, approved 立项,
 * funded 资金到位, in progress 实施中, completed 完成, cancelled 取消) with its date, and the updates published on
 * the way (进展更新), each of which may report a milestone's progress — as Decidim's accountability module and
 * CONSUL's budget projects show them to residents. Pure rules over a {@link History}: transitions checked against a
 * policy, the stage on a date, the merged timeline, and progress on a date rolled up from the milestones.
 *
 * @since 0.2.0
 */
import { Either, Order, Schema } from "effect"
import * as Ids from "../kernel/Ids.js"
import * as LocalDate from "../kernel/LocalDate.js"
import * as Placement from "../service/Placement.js"
import type * as Project from "./Project.js"

/**
 * The stages of a project: proposed (提出), approved (立项), funded (资金到位: the community fund or a grantor has
 * committed the money), in progress (实施中), completed (完成, Decidim's "done"), cancelled (取消).
 *
 * @since 0.2.0
 * @category models
 */
export const Stage = Schema.Literal("proposed", "approved", "funded", "in-progress", "completed", "cancelled")
/**
 * @since 0.2.0
 * @category models
 */
export type Stage = typeof Stage.Type

/**
 * Which stage may follow which: the policy {@link transition} checks.
 *
 * @since 0.2.0
 * @category policies
 */
export type Transitions = Readonly<Record<Stage, ReadonlyArray<Stage>>>

/**
 * The default transitions: proposed → approved → funded → in progress → completed, and any open stage → cancelled.
 * After the seed (Zibo: a compound's party organisation applies to the community development fund, 申请社区发展基金
 * 支持, before the works) and the stages of Decidim's accountability results; a host whose projects skip funding
 * (a volunteer-run activity) passes a policy with `approved: ["in-progress", "funded", "cancelled"]`.
 *
 * @since 0.2.0
 * @category policies
 */
export const defaultTransitions: Transitions = {
  proposed: ["approved", "cancelled"],
  approved: ["funded", "cancelled"],
  funded: ["in-progress", "cancelled"],
  "in-progress": ["completed", "cancelled"],
  completed: [],
  cancelled: []
}

/**
 * One change of stage (状态变更): to which stage, on which date, by whom (a name or post, optional), why.
 *
 * @since 0.2.0
 * @category models
 */
export const Change = Schema.Struct({
  to: Stage,
  on: LocalDate.LocalDate,
  by: Schema.optional(Schema.NonEmptyTrimmedString),
  note: Schema.optional(Schema.String)
})
/**
 * @since 0.2.0
 * @category models
 */
export type Change = typeof Change.Type

/**
 * An update on the timeline (进展更新): a dated title and text, optionally the progress of one milestone (by its
 * code in the project) in whole percent as of that date.
 *
 * @since 0.2.0
 * @category models
 */
export const Update = Schema.Struct({
  on: LocalDate.LocalDate,
  title: Schema.NonEmptyTrimmedString,
  body: Schema.optional(Schema.String),
  milestone: Schema.optional(Schema.NonEmptyTrimmedString),
  progress: Schema.optional(
    Schema.Int.pipe(Schema.between(0, 100, { message: () => "progress is a whole percent from 0 to 100" }))
  )
}).pipe(
  Schema.filter((u) =>
    (u.milestone === undefined) === (u.progress === undefined)
      ? undefined
      : { path: ["progress"], message: "an update reports a milestone's progress with both milestone and progress" }
  )
)
/**
 * @since 0.2.0
 * @category models
 */
export type Update = typeof Update.Type

/**
 * The history of one project (项目进展记录): its changes of stage in date order, the first being the proposal, and
 * its updates in date order.
 *
 * @since 0.2.0
 * @category models
 */
export class History extends Schema.Class<History>("@zhili/ProjectHistory")({
  tenant: Ids.TenantId,
  project: Ids.ProjectId,
  changes: Schema.Array(Change),
  updates: Schema.optionalWith(Schema.Array(Update), { default: () => [], exact: true }),
  placement: Schema.optional(Placement.Location),
  version: Schema.optionalWith(Schema.NonNegativeInt, { default: () => 1, exact: true })
}) {}

/**
 * Where a history sits in the scope trees (its placement, the division defaulting to its tenant).
 *
 * @since 0.2.0
 * @category scope
 */
export const location = (self: History): Placement.Location => Placement.resolve(self.tenant, self.placement)

/**
 * A change of stage the policy does not allow from the current stage (`from` is `none` before the first change,
 * which must be to `proposed`).
 *
 * @since 0.2.0
 * @category errors
 */
export class IllegalTransition extends Schema.TaggedError<IllegalTransition>()("ProjectIllegalTransition", {
  project: Ids.ProjectId,
  from: Schema.Union(Stage, Schema.Literal("none")),
  to: Stage
}) {
  override get message(): string {
    return `project ${this.project}: cannot go from ${this.from} to ${this.to}`
  }
}

/**
 * A change or update dated before the last change or update already recorded: the history is kept in date order.
 *
 * @since 0.2.0
 * @category errors
 */
export class OutOfOrder extends Schema.TaggedError<OutOfOrder>()("ProjectOutOfOrder", {
  project: Ids.ProjectId,
  on: LocalDate.LocalDate,
  last: LocalDate.LocalDate
}) {
  override get message(): string {
    return `project ${this.project}: an entry dated ${this.on} comes before the last one, dated ${this.last}`
  }
}

/**
 * An update names a milestone the project does not have.
 *
 * @since 0.2.0
 * @category errors
 */
export class UnknownMilestone extends Schema.TaggedError<UnknownMilestone>()("ProjectUnknownMilestone", {
  project: Ids.ProjectId,
  milestone: Schema.String,
  known: Schema.Array(Schema.String)
}) {
  override get message(): string {
    return `project ${this.project}: no milestone ${this.milestone} (milestones: ${this.known.length === 0 ? "none" : this.known.join(", ")})`
  }
}

/**
 * A new, empty history of a project (no change yet: {@link transition} to `proposed` starts it).
 *
 * @since 0.2.0
 * @category constructors
 */
export const empty = (project: Project.Project): History =>
  new History({ tenant: project.tenant, project: project.id, changes: [], updates: [] })

const lastDate = (self: History): LocalDate.LocalDate | undefined => {
  const c = self.changes.at(-1)?.on
  const u = self.updates.at(-1)?.on
  if (c === undefined) return u
  if (u === undefined) return c
  return Order.lessThan(Order.string)(c, u) ? u : c
}

/**
 * The current stage, `undefined` before the first change.
 *
 * @since 0.2.0
 * @category getters
 */
export const current = (self: History): Stage | undefined => self.changes.at(-1)?.to

/**
 * Records a change of stage. Refused with {@link IllegalTransition} when the policy does not allow it from the
 * current stage (the first change must be to `proposed`), with {@link OutOfOrder} when it is dated before the last
 * entry. Pure: returns the new history at the next version.
 *
 * @since 0.2.0
 * @category rules
 */
export const transition = (
  self: History,
  change: Change,
  transitions: Transitions = defaultTransitions
): Either.Either<History, IllegalTransition | OutOfOrder> => {
  const from = current(self)
  const allowed = from === undefined ? change.to === "proposed" : transitions[from].includes(change.to)
  if (!allowed)
    return Either.left(new IllegalTransition({ project: self.project, from: from ?? "none", to: change.to }))
  const last = lastDate(self)
  if (last !== undefined && change.on < last)
    return Either.left(new OutOfOrder({ project: self.project, on: change.on, last }))
  return Either.right(new History({ ...self, changes: [...self.changes, change], version: self.version + 1 }))
}

/**
 * Publishes an update on the timeline. Refused with {@link OutOfOrder} when dated before the last entry, and with
 * {@link UnknownMilestone} when it reports the progress of a milestone the project lacks.
 *
 * @since 0.2.0
 * @category rules
 */
export const publish = (
  self: History,
  project: Project.Project,
  update: Update
): Either.Either<History, OutOfOrder | UnknownMilestone> => {
  const last = lastDate(self)
  if (last !== undefined && update.on < last)
    return Either.left(new OutOfOrder({ project: self.project, on: update.on, last }))
  if (update.milestone !== undefined && !project.milestones.some((m) => m.code === update.milestone))
    return Either.left(
      new UnknownMilestone({
        project: self.project,
        milestone: update.milestone,
        known: project.milestones.map((m) => m.code)
      })
    )
  return Either.right(new History({ ...self, updates: [...self.updates, update], version: self.version + 1 }))
}

/**
 * The stage on a date: that of the last change on or before it; `undefined` before the proposal.
 *
 * @since 0.2.0
 * @category rules
 */
export const stageOn = (self: History, on: LocalDate.LocalDate): Stage | undefined => {
  let stage: Stage | undefined
  for (const c of self.changes) if (c.on <= on) stage = c.to
  return stage
}

/**
 * The stage history as periods: each stage with the date it was entered and the date the next one was (`until`,
 * absent for the current stage).
 *
 * @since 0.2.0
 * @category rules
 */
export const periods = (
  self: History
): ReadonlyArray<{ readonly stage: Stage; readonly from: LocalDate.LocalDate; readonly until?: LocalDate.LocalDate }> =>
  self.changes.map((c, i) => {
    const next = self.changes[i + 1]
    return next === undefined ? { stage: c.to, from: c.on } : { stage: c.to, from: c.on, until: next.on }
  })

/**
 * One entry of the timeline: a change of stage or an update.
 *
 * @since 0.2.0
 * @category models
 */
export type TimelineEntry = ({ readonly _tag: "Change" } & Change) | ({ readonly _tag: "Update" } & Update)

/**
 * The timeline residents see (项目进展时间线): changes and updates merged in date order; on one date a change comes
 * before the updates, each kind in the order recorded.
 *
 * @since 0.2.0
 * @category rules
 */
export const timeline = (self: History): ReadonlyArray<TimelineEntry> => {
  const entries: Array<{ readonly entry: TimelineEntry; readonly rank: number; readonly seq: number }> = [
    ...self.changes.map((c, seq) => ({ entry: { _tag: "Change" as const, ...c }, rank: 0, seq })),
    ...self.updates.map((u, seq) => ({ entry: { _tag: "Update" as const, ...u }, rank: 1, seq }))
  ]
  return entries
    .sort((a, b) => Order.string(a.entry.on, b.entry.on) || a.rank - b.rank || a.seq - b.seq)
    .map((e) => e.entry)
}

/**
 * Progress of the project on a date in percent, rolled up from its milestones by weight (Σ weight × progress ÷ Σ
 * weight, one decimal): each milestone at the progress of its last update on or before the date, 0 before any. A
 * project without milestones is 100 once completed and 0 before. A cancelled project keeps the progress it had.
 *
 * @since 0.2.0
 * @category rules
 */
export const progressOn = (self: History, project: Project.Project, on: LocalDate.LocalDate): number => {
  if (project.milestones.length === 0) return stageOn(self, on) === "completed" ? 100 : 0
  const latest = new Map<string, number>()
  for (const u of self.updates) {
    if (u.on > on || u.milestone === undefined || u.progress === undefined) continue
    latest.set(u.milestone, u.progress)
  }
  let weights = 0
  let weighted = 0
  for (const m of project.milestones) {
    weights += m.weight
    weighted += m.weight * (latest.get(m.code) ?? 0)
  }
  return Math.round((weighted / weights) * 10) / 10
}

/**
 * The `Project.Status` a stage corresponds to (funded is still `approved` there, completed is `completed`), for
 * hosts that keep the project record's status in step with its history.
 *
 * @since 0.2.0
 * @category getters
 */
export const projectStatus = (stage: Stage): Project.Status => (stage === "funded" ? "approved" : stage)
