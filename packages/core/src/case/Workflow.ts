/**
 * Case workflows as data (办理流程): the states a case passes through, the transitions between them, which event
 * drives each, which roles may perform it, which need an approval and by whom, what each does to the deadlines,
 * who is told, and the ordered handling levels. `Case.transition` interprets the workflow of its policy; the core
 * lifecycle is {@link defaultWorkflow}, contributed by the core plugin, and a host or a policy pack contributes its
 * own (a command centre's 数字城管 flow, a hotline's 接诉即办 flow) through {@link workflowsPoint} and
 * {@link extensionsPoint}, without a fork.
 *
 * Every state has a `phase`: the core status it counts as in the metrics (a 数字城管 "立案" state is `accepted`, its
 * "核查" state `verified`), so every rate reads the same whatever the workflow.
 *
 * @since 0.1.0
 */
import { Either, Option, Schema } from "effect"
import * as Plugin from "../plugin/Plugin.js"

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------------------------

/**
 * What a state counts as for the core rules and metrics (阶段): reported (上报), accepted (立案), dispatched (派遣),
 * in progress (处置), resolved (反馈), verified (核查 or 回访), closed (结案), rejected (不予受理), withdrawn (撤回),
 * ledger (挂账). `closed`, `rejected` and `withdrawn` are final. `Case.Status` is this schema.
 *
 * @since 0.1.0
 * @category models
 */
export const Phase = Schema.Literal(
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
export type Phase = typeof Phase.Type

const token = (what: string) =>
  Schema.String.pipe(
    Schema.pattern(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, {
      message: () => `a ${what} is lower-case words joined by '-', e.g. grid-worker`
    })
  )

/**
 * A role an actor acts in (角色), lower-case words joined by `-`. The roles the shipped workflows name are in
 * {@link roles}; a host's workflow may name its own.
 *
 * @since 0.1.0
 * @category models
 */
export const Role = token("role")
/**
 * @since 0.1.0
 * @category models
 */
export type Role = typeof Role.Type

/**
 * The roles the shipped workflows name: resident (居民), grid worker (网格员), dispatcher (派遣员 / 值班长), handler
 * unit (处置单位), supervisor (监督员), the hotline's return-visit operator (回访员), staff of a unit (工作人员),
 * mediator (调解员), judge volunteer (法官志愿者), a meeting (议事会), and the system (automatic escalation).
 *
 * @since 0.1.0
 * @category models
 */
export const roles = {
  resident: "resident",
  gridWorker: "grid-worker",
  dispatcher: "dispatcher",
  handler: "handler",
  supervisor: "supervisor",
  visitor: "return-visitor",
  staff: "staff",
  mediator: "mediator",
  judge: "judge",
  meeting: "meeting",
  system: "system"
} as const

/**
 * A handling level (处置层级), lower-case words joined by `-`: the default ones are micro grid (微网格), compound
 * (小区), community (社区) and street (街道); a district workflow adds district departments and the command centre.
 * The order of a workflow's `levels` is the escalation order.
 *
 * @since 0.1.0
 * @category models
 */
export const Level = token("handling level")
/**
 * @since 0.1.0
 * @category models
 */
export type Level = typeof Level.Type

/**
 * The default handling levels, lowest first: micro grid, compound, community, street. Source: the seed
 * ("小事不出小区、大事不出社区", the Lianjiang compound's grid → compound → community chain, the street above).
 *
 * @since 0.1.0
 * @category models
 */
export const defaultLevels: ReadonlyArray<Level> = ["micro-grid", "compound", "community", "street"]

/**
 * The event names a transition may be driven by (every case event but `Reported`, which opens a case in the
 * workflow's `initial` state).
 *
 * @since 0.1.0
 * @category models
 */
export const EventName = Schema.Literal(
  "Accepted",
  "Rejected",
  "Dispatched",
  "Started",
  "Returned",
  "ExtensionGranted",
  "Escalated",
  "Supervised",
  "CoHandlersAssigned",
  "CoHandlerReported",
  "Resolved",
  "Verified",
  "ReturnVisited",
  "Reopened",
  "Closed",
  "Withdrawn",
  "Shelved",
  "Unshelved",
  "Rated",
  "Excluded"
)
/**
 * @since 0.1.0
 * @category models
 */
export type EventName = typeof EventName.Type

/**
 * What a transition does to the deadlines (时限): `none`; `start-resolve` (the resolve deadline runs from the
 * event); `restart-resolve` (runs again, in full, from the event); `restart-response` (the response deadline runs
 * again from the event, for a case nobody has answered yet); `extend-resolve` (moved by the event's extension, only
 * on `ExtensionGranted`); `stop-resolve` (cleared, as on the problem ledger).
 *
 * @since 0.1.0
 * @category models
 */
export const ClockEffect = Schema.Literal(
  "none",
  "start-resolve",
  "restart-resolve",
  "restart-response",
  "extend-resolve",
  "stop-resolve"
)
/**
 * @since 0.1.0
 * @category models
 */
export type ClockEffect = typeof ClockEffect.Type

/**
 * Who is told when a transition happens (通知): the supervisor of the case, its assignee unit, its co-handlers, the
 * dispatcher, the reporter.
 *
 * @since 0.1.0
 * @category models
 */
export const Recipient = Schema.Literal("supervisor", "assignee", "co-handlers", "dispatcher", "reporter")
/**
 * @since 0.1.0
 * @category models
 */
export type Recipient = typeof Recipient.Type

/**
 * The evidence a transition needs in the case's history, this event included: a photo before and one after the
 * work (处置前、处置后照片), as attachment references.
 *
 * @since 0.1.0
 * @category models
 */
export const Evidence = Schema.Literal("before", "after")
/**
 * @since 0.1.0
 * @category models
 */
export type Evidence = typeof Evidence.Type

/**
 * A name in Chinese and English.
 *
 * @since 0.1.0
 * @category models
 */
export const Name = Schema.Struct({ zh: Schema.NonEmptyString, en: Schema.NonEmptyString })
/**
 * @since 0.1.0
 * @category models
 */
export type Name = typeof Name.Type

// ---------------------------------------------------------------------------------------------------------------
// Models
// ---------------------------------------------------------------------------------------------------------------

/**
 * A state of a workflow (状态): its id (unique in the workflow), the core phase it counts as, and its name.
 *
 * @since 0.1.0
 * @category models
 */
export class State extends Schema.Class<State>("@zhili/WorkflowState")({
  id: token("state id"),
  phase: Phase,
  name: Name
}) {}

/**
 * A transition (流转): the event that drives it, the states it leaves from, the state it leads to; the roles that
 * may perform it (absent: any actor); the roles of whoever must approve it (the event's `approvedBy`, not the
 * performer); whether the performer must not be whoever resolved the case (independent verification); what it does
 * to the deadlines; the evidence it needs; and who is told.
 *
 * @since 0.1.0
 * @category models
 */
export class Transition extends Schema.Class<Transition>("@zhili/WorkflowTransition")({
  event: EventName,
  from: Schema.NonEmptyArray(token("state id")),
  to: token("state id"),
  roles: Schema.optional(Schema.NonEmptyArray(Role)),
  approval: Schema.optional(Schema.NonEmptyArray(Role)),
  independent: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  clock: Schema.optionalWith(ClockEffect, { default: () => "none" as const }),
  evidence: Schema.optionalWith(Schema.Array(Evidence), { default: () => [] }),
  notify: Schema.optionalWith(Schema.Array(Recipient), { default: () => [] })
}) {}

/** The key of a state and event: a workflow has at most one transition for each. */
const transitionKey = (from: string, event: string): string => `${from}\u0000${event}`

/** Every way a workflow can be malformed, as readable messages with where. */
const problems = (w: {
  readonly initial: string
  readonly states: ReadonlyArray<{ readonly id: string }>
  readonly levels: ReadonlyArray<string>
  readonly transitions: ReadonlyArray<Transition>
}): ReadonlyArray<string> => {
  const out: Array<string> = []
  const ids = new Set<string>()
  for (const s of w.states) {
    if (ids.has(s.id)) out.push(`states: "${s.id}" is declared twice`)
    ids.add(s.id)
  }
  if (!ids.has(w.initial)) out.push(`initial: "${w.initial}" is not one of the states`)
  if (new Set(w.levels).size !== w.levels.length) out.push("levels: a level is listed twice")
  const seen = new Set<string>()
  w.transitions.forEach((t, i) => {
    for (const f of t.from) {
      if (!ids.has(f)) out.push(`transitions.${i}.from: "${f}" is not one of the states`)
      const key = transitionKey(f, t.event)
      if (seen.has(key))
        out.push(`transitions.${i}: a second ${t.event} from "${f}" (one transition per state and event)`)
      seen.add(key)
    }
    if (!ids.has(t.to)) out.push(`transitions.${i}.to: "${t.to}" is not one of the states`)
    if (t.clock === "extend-resolve" && t.event !== "ExtensionGranted") {
      out.push(`transitions.${i}.clock: extend-resolve applies only to ExtensionGranted, not ${t.event}`)
    }
  })
  return out
}

/**
 * A case workflow (办理流程): id (`core` owns `default`; plugins use `<plugin-id>/…`), name, where it comes from, the
 * state a reported case starts in, the roles that may report (absent: anyone), the states, the ordered handling
 * levels (lowest first; escalation climbs them), the transitions, and whether whoever resolved a case may verify it
 * themselves (`selfVerification`; independent transitions refuse it whatever this says).
 *
 * Decoding checks that every state named exists, that the initial state exists, that no state has two transitions
 * for one event, and that `extend-resolve` is used only by `ExtensionGranted`.
 *
 * @since 0.1.0
 * @category models
 */
export class Workflow extends Schema.Class<Workflow>("@zhili/Workflow")(
  Schema.Struct({
    id: Schema.NonEmptyString,
    name: Name,
    source: Schema.NonEmptyString,
    initial: token("state id"),
    reportRoles: Schema.optional(Schema.NonEmptyArray(Role)),
    states: Schema.NonEmptyArray(State),
    levels: Schema.NonEmptyArray(Level),
    transitions: Schema.Array(Transition),
    selfVerification: Schema.Boolean
  }).pipe(
    Schema.filter((w) => {
      const found = problems(w)
      return found.length === 0 || found.join("; ")
    })
  )
) {}

// ---------------------------------------------------------------------------------------------------------------
// The default workflow
// ---------------------------------------------------------------------------------------------------------------

/**
 * A state: its id, the core phase it counts as, and its Chinese and English names.
 *
 * @since 0.1.0
 * @category constructors
 */
export const state = (id: string, phase: Phase, zh: string, en: string): State =>
  State.make({ id, phase, name: { zh, en } })

/**
 * A transition: the event, the states it leaves from, the state it leads to, and the rest (roles, approval,
 * independence, clock, evidence, notices).
 *
 * @since 0.1.0
 * @category constructors
 */
export const step = (
  event: EventName,
  from: ReadonlyArray<string>,
  to: string,
  options: Partial<Omit<ConstructorParameters<typeof Transition>[0], "event" | "from" | "to">> = {}
): Transition =>
  Transition.make({ event, from: from as readonly [string, ...Array<string>], to, ...options } as ConstructorParameters<
    typeof Transition
  >[0])

const core = (id: Phase, zh: string, en: string): State => state(id, id, zh, en)

const handling = ["accepted", "dispatched", "in-progress"] as const
const open: ReadonlyArray<Phase> = Phase.literals.filter((p) => p !== "rejected" && p !== "withdrawn")

/**
 * The same event from each of some states back to itself: for events that leave the state as it is (督办, 协办,
 * 延期, an exclusion from the assessment). `more` is the rest of each transition.
 *
 * @since 0.1.0
 * @category constructors
 */
export const inPlace = (
  event: EventName,
  states: ReadonlyArray<string>,
  more: Partial<Omit<ConstructorParameters<typeof Transition>[0], "event" | "from" | "to">> = {}
): ReadonlyArray<Transition> => states.map((s) => step(event, [s], s, more))

/**
 * The core lifecycle as a workflow (id `default`): reported → accepted → dispatched → in progress → resolved →
 * verified → closed, with rejection, return by an assignee who is not responsible, extension, escalation (from
 * reported it restarts the response deadline, later the resolve deadline), rework, withdrawal, the problem ledger,
 * rating, and exclusion from the assessment in any state but rejected and withdrawn (approved by someone else). Any actor may perform any transition and whoever resolved a case may verify it (the compound's practice:
 * the grid worker who fixed a matter checks it with the resident). Levels: {@link defaultLevels}. Source: MODEL.md §3
 * and the seed's compound practice.
 *
 * @since 0.1.0
 * @category workflows
 */
export const defaultWorkflow: Workflow = Workflow.make({
  id: "default",
  name: { zh: "默认办理流程", en: "Default case workflow" },
  source: "MODEL.md §3 (the compound's lifecycle: 上报 → 立案 → 派遣 → 处置 → 反馈 → 核查 → 结案)",
  initial: "reported",
  states: [
    core("reported", "已上报", "Reported"),
    core("accepted", "已立案", "Accepted"),
    core("dispatched", "已派遣", "Dispatched"),
    core("in-progress", "处置中", "In progress"),
    core("resolved", "已反馈", "Resolved"),
    core("verified", "已核查", "Verified"),
    core("closed", "已结案", "Closed"),
    core("rejected", "不予受理", "Rejected"),
    core("withdrawn", "已撤回", "Withdrawn"),
    core("ledger", "挂账", "On the ledger")
  ],
  levels: [...defaultLevels] as [string, ...Array<string>],
  transitions: [
    step("Accepted", ["reported"], "accepted", { clock: "start-resolve" }),
    step("Rejected", ["reported"], "rejected"),
    step("Dispatched", ["accepted"], "dispatched"),
    step("Started", ["dispatched"], "in-progress"),
    step("Returned", ["dispatched", "in-progress"], "accepted"),
    step("ExtensionGranted", ["accepted"], "accepted", { clock: "extend-resolve" }),
    step("ExtensionGranted", ["dispatched"], "dispatched", { clock: "extend-resolve" }),
    step("ExtensionGranted", ["in-progress"], "in-progress", { clock: "extend-resolve" }),
    step("Escalated", ["reported"], "reported", { clock: "restart-response" }),
    step("Escalated", handling, "accepted", { clock: "restart-resolve" }),
    step("Resolved", ["in-progress"], "resolved"),
    step("Verified", ["resolved"], "verified"),
    step("Reopened", ["resolved", "closed"], "dispatched", { clock: "restart-resolve" }),
    step("Closed", ["verified", "ledger"], "closed"),
    step("Withdrawn", ["reported", ...handling, "ledger"], "withdrawn"),
    step("Shelved", [...handling, "resolved"], "ledger", { clock: "stop-resolve" }),
    step("Unshelved", ["ledger"], "accepted", { clock: "restart-resolve" }),
    step("Rated", ["closed"], "closed"),
    ...inPlace("Excluded", open)
  ],
  selfVerification: true
})

// ---------------------------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------------------------

/** A workflow's states by id and transitions by state and event, built once per workflow (every transition reads it). */
interface Index {
  readonly states: ReadonlyMap<string, State>
  readonly transitions: ReadonlyMap<string, Transition>
}

const indexes = new WeakMap<Workflow, Index>()

const indexOf = (workflow: Workflow): Index => {
  let index = indexes.get(workflow)
  if (index === undefined) {
    const transitions = new Map<string, Transition>()
    for (const t of workflow.transitions) {
      for (const f of t.from) {
        const key = transitionKey(f, t.event)
        if (!transitions.has(key)) transitions.set(key, t)
      }
    }
    index = { states: new Map(workflow.states.map((s) => [s.id, s] as const)), transitions }
    indexes.set(workflow, index)
  }
  return index
}

/**
 * The state of a workflow with an id.
 *
 * @since 0.1.0
 * @category getters
 */
export const stateOf = (workflow: Workflow, id: string): Option.Option<State> =>
  Option.fromNullable(indexOf(workflow).states.get(id))

/**
 * The transition an event takes from a state, if the workflow has one.
 *
 * @since 0.1.0
 * @category getters
 */
export const transitionFor = (workflow: Workflow, from: string, event: string): Option.Option<Transition> =>
  Option.fromNullable(indexOf(workflow).transitions.get(transitionKey(from, event)))

/**
 * The events a case in a state may take under a workflow, in the workflow's order.
 *
 * @since 0.1.0
 * @category getters
 */
export const eventsFrom = (workflow: Workflow, from: string): ReadonlyArray<EventName> => {
  const out: Array<EventName> = []
  for (const t of workflow.transitions) if (t.from.includes(from) && !out.includes(t.event)) out.push(t.event)
  return out
}

/**
 * The states an event applies from under a workflow.
 *
 * @since 0.1.0
 * @category getters
 */
export const statesFor = (workflow: Workflow, event: string): ReadonlyArray<string> =>
  workflow.transitions.filter((t) => t.event === event).flatMap((t) => t.from)

/**
 * Position of a level in an ordered list of levels (lowest 0), or -1 when the list does not have it.
 *
 * @since 0.1.0
 * @category levels
 */
export const rankIn = (levels: ReadonlyArray<string>, level: string): number => levels.indexOf(level)

/**
 * The level one above in an ordered list, or none at the top (or for a level the list does not have).
 *
 * @since 0.1.0
 * @category levels
 */
export const above = (levels: ReadonlyArray<string>, level: string): Option.Option<Level> => {
  const i = levels.indexOf(level)
  return i < 0 ? Option.none() : Option.fromNullable(levels[i + 1])
}

/**
 * True when an actor with these roles may perform a transition (one of its roles is allowed, or the transition
 * names none).
 *
 * @since 0.1.0
 * @category predicates
 */
export const allows = (transition: Transition, actorRoles: ReadonlyArray<string>): boolean =>
  transition.roles === undefined || actorRoles.some((r) => transition.roles?.includes(r))

// ---------------------------------------------------------------------------------------------------------------
// Changing a workflow
// ---------------------------------------------------------------------------------------------------------------

/**
 * What a plugin adds to an existing workflow (流程扩展): the workflow it extends, new states, new transitions (a new
 * transition for a state and event the workflow already has replaces that one), and levels inserted after a given
 * level (or at the top).
 *
 * @since 0.1.0
 * @category models
 */
export class Extension extends Schema.Class<Extension>("@zhili/WorkflowExtension")({
  id: Schema.NonEmptyString,
  workflow: Schema.NonEmptyString,
  states: Schema.optionalWith(Schema.Array(State), { default: () => [] }),
  transitions: Schema.optionalWith(Schema.Array(Transition), { default: () => [] }),
  levels: Schema.optional(Schema.Struct({ after: Schema.optional(Level), add: Schema.NonEmptyArray(Level) }))
}) {}

/**
 * A workflow that cannot be built: an extension names states that do not exist, repeats a state, or inserts levels
 * after a level the workflow does not have. Names the workflow, the extension and what is wrong.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidWorkflow extends Schema.TaggedError<InvalidWorkflow>()("InvalidWorkflow", {
  workflow: Schema.String,
  extension: Schema.optional(Schema.String),
  problems: Schema.Array(Schema.String)
}) {
  override get message(): string {
    const by = this.extension === undefined ? "" : ` extended by ${this.extension}`
    return `workflow ${this.workflow}${by} is invalid: ${this.problems.join("; ")}`
  }
}

/**
 * Applies an extension to a workflow: its states appended, its transitions replacing those of the same state and
 * event (the replaced state/event pairs dropped from the old transitions) and appended, its levels inserted. Fails
 * with {@link InvalidWorkflow} when the result is malformed.
 *
 * @since 0.1.0
 * @category combinators
 */
export const extend = (workflow: Workflow, extension: Extension): Either.Either<Workflow, InvalidWorkflow> => {
  const replaced = new Set(extension.transitions.flatMap((t) => t.from.map((f) => transitionKey(f, t.event))))
  const kept = workflow.transitions.flatMap((t): ReadonlyArray<Transition> => {
    const from = t.from.filter((f) => !replaced.has(transitionKey(f, t.event)))
    if (from.length === t.from.length) return [t]
    return from.length === 0 ? [] : [Transition.make({ ...t, from: from as [string, ...Array<string>] })]
  })
  const levelProblems: Array<string> = []
  let levels: Array<string> = [...workflow.levels]
  if (extension.levels !== undefined) {
    const after = extension.levels.after
    const at = after === undefined ? levels.length : levels.indexOf(after) + 1
    if (after !== undefined && at === 0) levelProblems.push(`levels.after: "${after}" is not a level of the workflow`)
    else levels = [...levels.slice(0, at), ...extension.levels.add, ...levels.slice(at)]
  }
  const fields = {
    ...workflow,
    states: [...workflow.states, ...extension.states] as [State, ...Array<State>],
    transitions: [...kept, ...extension.transitions],
    levels: levels as [string, ...Array<string>]
  }
  const found = [...levelProblems, ...problems(fields)]
  return found.length === 0
    ? Either.right(Workflow.make(fields))
    : Either.left(new InvalidWorkflow({ workflow: workflow.id, extension: extension.id, problems: found }))
}

// ---------------------------------------------------------------------------------------------------------------
// Plugin points
// ---------------------------------------------------------------------------------------------------------------

/**
 * Extension point `case.workflows`: whole case workflows, keyed by id. The one in force is the one the host selects
 * (`Runtime.Selection.workflow`), or else the one contributed last.
 *
 * @since 0.1.0
 * @category plugins
 */
export const workflowsPoint: Plugin.ExtensionPoint<Workflow> = Plugin.extensionPoint({
  id: "case.workflows",
  description: "Case workflows (办理流程): states, transitions, roles, approvals, clocks and levels, keyed by id.",
  schema: Workflow,
  key: (w) => w.id
})

/**
 * Extension point `case.workflowExtensions`: states, transitions and levels added to a contributed workflow, keyed
 * by id, applied in the order contributed.
 *
 * @since 0.1.0
 * @category plugins
 */
export const extensionsPoint: Plugin.ExtensionPoint<Extension> = Plugin.extensionPoint({
  id: "case.workflowExtensions",
  description: "Additions to a case workflow (流程扩展): states, transitions and levels, keyed by id.",
  schema: Extension,
  key: (e) => e.id
})

/**
 * The core default pack's contribution: {@link defaultWorkflow} under the key `default`.
 *
 * @since 0.1.0
 * @category plugins
 */
export const defaultContributions: ReadonlyArray<Plugin.Contribution> = [
  Plugin.contribute(workflowsPoint, [defaultWorkflow])
]

/**
 * The workflow with every contributed extension that names it applied, in order.
 *
 * @since 0.1.0
 * @category combinators
 */
export const withExtensions = (
  workflow: Workflow,
  extensions: ReadonlyArray<Extension>
): Either.Either<Workflow, InvalidWorkflow> => {
  let current: Either.Either<Workflow, InvalidWorkflow> = Either.right(workflow)
  for (const e of extensions) {
    if (e.workflow !== workflow.id) continue
    current = Either.flatMap(current, (w) => extend(w, e))
  }
  return current
}
