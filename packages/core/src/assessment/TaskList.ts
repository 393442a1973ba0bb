/**
 * Task lists (任务清单), e.g. the 398 reform tasks a county turned into task and responsibility lists, with progress
 * and overdue tasks per responsible unit.
 *
 * A task is done at a date when its `completedOn` is on or before that date; done after its deadline it counts as
 * done late. A task not done by `asOf` whose deadline is before `asOf` is overdue. Cancelled tasks count nowhere.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Finding from "../kernel/Finding.js"
import { OrgUnitId, TaskId, TaskListId, TenantId } from "../kernel/Ids.js"
import * as LocalDate from "../kernel/LocalDate.js"
import type { Location, ResolveOrgPath } from "./Assessment.js"
import { locate } from "./internal/location.js"

/**
 * Where a task stands.
 *
 * @since 0.1.0
 * @category models
 */
export const Status = Schema.Literal("not-started", "in-progress", "done", "cancelled")
/**
 * @since 0.1.0
 * @category models
 */
export type Status = typeof Status.Type

/**
 * One task (任务): the responsible unit (责任单位), its deadline, status and progress (0–1). A done task has a
 * `completedOn` date and progress 1.
 *
 * @since 0.1.0
 * @category models
 */
export const Task = Schema.Struct({
  id: TaskId,
  title: Schema.NonEmptyTrimmedString,
  responsibleUnit: OrgUnitId,
  deadline: LocalDate.LocalDate,
  status: Status,
  progress: Schema.Number.pipe(Schema.between(0, 1)),
  completedOn: Schema.optional(LocalDate.LocalDate)
}).pipe(
  Schema.filter((t) => {
    if (t.status === "done" && t.completedOn === undefined) {
      return { path: ["completedOn"], message: `task ${t.id} is done but has no completedOn date` }
    }
    if (t.status === "done" && t.progress !== 1) {
      return { path: ["progress"], message: `task ${t.id} is done but its progress is ${t.progress}, not 1` }
    }
    return true
  })
)
/**
 * @since 0.1.0
 * @category models
 */
export type Task = typeof Task.Type

/**
 * A task list owned by a unit. Task ids are unique within the list.
 *
 * @since 0.1.0
 * @category models
 */
export class TaskList extends Schema.Class<TaskList>("@zhili/TaskList")(
  Schema.Struct({
    id: TaskListId,
    tenant: TenantId,
    name: Schema.NonEmptyTrimmedString,
    owner: OrgUnitId,
    tasks: Schema.Array(Task)
  }).pipe(
    Schema.filter((l) => {
      const seen = new Set<string>()
      const issues: Array<{ path: ReadonlyArray<PropertyKey>; message: string }> = []
      l.tasks.forEach((t, i) => {
        if (seen.has(t.id)) issues.push({ path: ["tasks", i, "id"], message: `task id ${t.id} is used twice` })
        seen.add(t.id)
      })
      return issues
    })
  )
) {}

/**
 * Progress of one responsible unit (or of the whole list when `unit` is absent).
 *
 * @since 0.1.0
 * @category models
 */
export interface Progress {
  readonly unit?: OrgUnitId
  readonly total: number
  readonly done: number
  readonly doneOnTime: number
  readonly doneLate: number
  readonly inProgress: number
  readonly notStarted: number
  readonly overdue: ReadonlyArray<TaskId>
  /** done ÷ total; 1 when there is no task. */
  readonly completionRate: number
  /** Mean of the tasks' progress, done tasks counting 1. */
  readonly meanProgress: number
}

const isDone = (t: Task, asOf: LocalDate.LocalDate) => t.completedOn !== undefined && t.completedOn <= asOf

const progressOf = (tasks: ReadonlyArray<Task>, asOf: LocalDate.LocalDate, unit?: OrgUnitId): Progress => {
  const live = tasks.filter((t) => t.status !== "cancelled")
  const done = live.filter((t) => isDone(t, asOf))
  const open = live.filter((t) => !isDone(t, asOf))
  const late = done.filter((t) => (t.completedOn ?? t.deadline) > t.deadline)
  return {
    ...(unit === undefined ? {} : { unit }),
    total: live.length,
    done: done.length,
    doneOnTime: done.length - late.length,
    doneLate: late.length,
    inProgress: open.filter((t) => t.progress > 0 || t.status === "in-progress").length,
    notStarted: open.filter((t) => !(t.progress > 0 || t.status === "in-progress")).length,
    overdue: open.filter((t) => t.deadline < asOf).map((t) => t.id),
    completionRate: live.length === 0 ? 1 : done.length / live.length,
    meanProgress:
      live.length === 0
        ? 1
        : live.reduce((a, t) => a + (isDone(t, asOf) ? 1 : Math.min(t.progress, 1)), 0) / live.length
  }
}

/**
 * Progress at `asOf`, per responsible unit (in id order) and for the whole list.
 *
 * @since 0.1.0
 * @category rules
 */
export const progress = (
  list: TaskList,
  asOf: LocalDate.LocalDate
): { readonly units: ReadonlyArray<Progress>; readonly total: Progress } => {
  const units = [...new Set(list.tasks.map((t) => t.responsibleUnit))].sort()
  return {
    units: units.map((u) =>
      progressOf(
        list.tasks.filter((t) => t.responsibleUnit === u),
        asOf,
        u
      )
    ),
    total: progressOf(list.tasks, asOf)
  }
}

/**
 * The tasks overdue at `asOf`, one finding each (code `assessment/task-overdue`, path `tasks[i]`), most overdue
 * first.
 *
 * @since 0.1.0
 * @category rules
 */
export const overdue = (list: TaskList, asOf: LocalDate.LocalDate): Array<Finding.Finding> =>
  list.tasks
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => t.status !== "cancelled" && !isDone(t, asOf) && t.deadline < asOf)
    .sort((a, b) => (a.t.deadline < b.t.deadline ? -1 : a.t.deadline > b.t.deadline ? 1 : a.i - b.i))
    .map(({ i, t }) =>
      Finding.error(
        "assessment/task-overdue",
        ["tasks", i],
        `${t.responsibleUnit}: task ${t.id} "${t.title}" was due ${t.deadline}, ${LocalDate.daysBetween(t.deadline, asOf)} days ago`
      )
    )

/**
 * The `Scope.Location` of a task list (its owner).
 *
 * @since 0.1.0
 * @category getters
 */
export const location = (self: TaskList, orgPath?: ResolveOrgPath): Location => locate(self.tenant, self.owner, orgPath)
