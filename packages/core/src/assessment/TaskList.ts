/**
 * Task lists (任务清单), e.g. the 398 reform tasks a county turned into task and responsibility lists, with progress
 * and overdue tasks per responsible unit and per post of the responsibility list (责任岗位, e.g. the "四级八岗").
 *
 * A task is done at a date when its `completedOn` is on or before that date; done after its deadline it counts as
 * done late. A task not done by `asOf` whose deadline is before `asOf` is overdue. Cancelled tasks count nowhere.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Finding from "../kernel/Finding.js"
import { OrgUnitId, PostId, ResponsibilityListId, TaskId, TaskListId, TenantId } from "../kernel/Ids.js"
import * as LocalDate from "../kernel/LocalDate.js"
import type { Location, ResolveOrgPath } from "./Assessment.js"
import { locate } from "./internal/location.js"
import type * as ResponsibilityList from "./ResponsibilityList.js"

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
 * One task (任务): the responsible unit (责任单位), the posts of the responsibility list answerable for it (责任岗位,
 * optional: ids of posts of the list the task list names), its deadline, status and progress (0–1). A done task has a
 * `completedOn` date and progress 1.
 *
 * @since 0.1.0
 * @category models
 */
export const Task = Schema.Struct({
  id: TaskId,
  title: Schema.NonEmptyTrimmedString,
  responsibleUnit: OrgUnitId,
  /** The posts of the responsibility list responsible for the task (责任岗位), e.g. posts of the "四级八岗". */
  posts: Schema.optional(Schema.Array(PostId)),
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
 * A task list owned by a unit, optionally tied to the responsibility list whose posts its tasks name
 * (`responsibilityList`). Task ids are unique within the list.
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
    /** The responsibility list (责任清单) whose posts the tasks name. */
    responsibilityList: Schema.optional(ResponsibilityListId),
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
 * Progress of one post of a responsibility list (岗位): the post, its name, its level and the progress of the tasks
 * that name it (a task naming several posts counts for each).
 *
 * @since 0.1.0
 * @category models
 */
export interface PostProgress extends Omit<Progress, "unit"> {
  readonly post: PostId
  readonly name: string
  /** The id of the post's level. */
  readonly level: string
  /** The name of the post's level; the level id when the list does not define it. */
  readonly levelName: string
}

/**
 * Progress per post of a responsibility list (e.g. the "四级八岗") at `asOf`: for every post of `responsibility`, in
 * level order (top first) then list order, the tasks of `list` that name it — total, done, overdue and the rest of
 * {@link Progress}; a post no task names has total 0. Findings: `assessment/task-unknown-post` (error, path
 * `tasks[i].posts[j]`) for a post id the responsibility list does not have; `assessment/task-without-post` (warning,
 * path `tasks[i]`) for a live task that names no post; `assessment/task-list-other-responsibility` (error, path
 * `responsibilityList`) when the task list names another responsibility list. Cancelled tasks count nowhere. Source:
 * seed (Huichang: 398 tasks turned into 任务清单和责任清单; 细化实化"四级八岗"主体责任清单).
 *
 * @param list - the task list
 * @param responsibility - the responsibility list whose posts the tasks name
 * @param asOf - the date progress is taken at
 * @since 0.1.0
 * @category rules
 */
export const progressByPost = (
  list: TaskList,
  responsibility: ResponsibilityList.ResponsibilityList,
  asOf: LocalDate.LocalDate
): {
  readonly posts: ReadonlyArray<PostProgress>
  readonly withoutPost: ReadonlyArray<TaskId>
  readonly findings: ReadonlyArray<Finding.Finding>
} => {
  const findings: Array<Finding.Finding> = []
  if (list.responsibilityList !== undefined && list.responsibilityList !== responsibility.id) {
    findings.push(
      Finding.error(
        "assessment/task-list-other-responsibility",
        ["responsibilityList"],
        `${list.name} names the responsibility list ${list.responsibilityList}, not ${responsibility.name} (${responsibility.id})`
      )
    )
  }
  const known = new Set<string>(responsibility.posts.map((p) => p.id))
  const withoutPost: Array<TaskId> = []
  list.tasks.forEach((t, i) => {
    const posts = t.posts ?? []
    if (t.status !== "cancelled" && posts.length === 0) {
      withoutPost.push(t.id)
      findings.push(
        Finding.warning(
          "assessment/task-without-post",
          ["tasks", i],
          `task ${t.id} "${t.title}" names no post of ${responsibility.name}`
        )
      )
    }
    posts.forEach((p, j) => {
      if (!known.has(p)) {
        findings.push(
          Finding.error(
            "assessment/task-unknown-post",
            ["tasks", i, "posts", j],
            `task ${t.id} "${t.title}" names post ${p}, which ${responsibility.name} does not have`
          )
        )
      }
    })
  })
  const levels = new Map(responsibility.levels.map((l) => [l.id, l] as const))
  const ordered = responsibility.posts
    .map((p, i) => ({ p, i, order: levels.get(p.level)?.order ?? Number.MAX_SAFE_INTEGER }))
    .sort((a, b) => a.order - b.order || a.i - b.i)
  const posts = ordered.map(({ p }): PostProgress => {
    const progress = progressOf(
      list.tasks.filter((t) => (t.posts ?? []).includes(p.id)),
      asOf
    )
    return { post: p.id, name: p.name, level: p.level, levelName: levels.get(p.level)?.name ?? p.level, ...progress }
  })
  return { posts, withoutPost, findings }
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
