import { describe, expect, it } from "@effect/vitest"
import { AssessmentReport, Ids, LocalDate, Report, ResponsibilityList, SectionBuilder, TaskList } from "@zhili/core"
import { DateTime, Either, Schema } from "effect"
import * as fc from "fast-check"

const d = (s: string) => Schema.decodeSync(LocalDate.LocalDate)(s)
const tenant = Ids.TenantId.make("360733")
const unit = Ids.OrgUnitId.make("county-office")
const P = (id: string) => Ids.PostId.make(id)

// A hand-written "四级八岗" list (the seed names it without its content): four levels, eight posts.
const rl = new ResponsibilityList.ResponsibilityList({
  id: Ids.ResponsibilityListId.make("siji-bagang"),
  tenant,
  unit,
  name: "四级八岗主体责任清单",
  levels: [
    { id: "l3", name: "支部", order: 3 },
    { id: "l1", name: "党组（党委）", order: 1 },
    { id: "l2", name: "班子成员", order: 2 },
    { id: "l4", name: "党员", order: 4 }
  ],
  posts: [
    { id: P("branch-secretary"), name: "支部书记", level: "l3" },
    { id: P("secretary"), name: "党组书记", level: "l1" },
    { id: P("deputy"), name: "党组副书记", level: "l1" },
    { id: P("member-a"), name: "分管领导甲", level: "l2" },
    { id: P("member-b"), name: "分管领导乙", level: "l2" },
    { id: P("branch-committee"), name: "支部委员", level: "l3" },
    { id: P("party-member"), name: "党员", level: "l4" },
    { id: P("backbone"), name: "业务骨干", level: "l4" }
  ],
  duties: []
})

const task = (
  id: string,
  posts: ReadonlyArray<string>,
  deadline: string,
  more: Partial<TaskList.Task> = {}
): TaskList.Task => ({
  id: Ids.TaskId.make(id),
  title: `任务${id}`,
  responsibleUnit: unit,
  posts: posts.map(P),
  deadline: d(deadline),
  status: "in-progress",
  progress: 0.5,
  ...more
})

const done = (on: string) => ({ status: "done" as const, progress: 1, completedOn: d(on) })

const list = new TaskList.TaskList({
  id: Ids.TaskListId.make("reform"),
  tenant,
  name: "改革任务清单",
  owner: unit,
  responsibilityList: rl.id,
  tasks: [
    task("t1", ["secretary"], "2024-06-30", done("2024-06-01")),
    task("t2", ["secretary", "member-a"], "2024-08-31"),
    task("t3", ["member-a"], "2024-06-30", done("2024-07-15")),
    task("t4", [], "2024-12-31"),
    task("t5", ["ghost"], "2024-12-31"),
    task("t6", ["secretary"], "2024-03-31", { status: "cancelled" }),
    task("t7", ["branch-secretary"], "2024-12-31")
  ]
})
const asOf = d("2024-09-30")

describe("TaskList.progressByPost (tasks by post of the 四级八岗)", () => {
  it("gives done / total / overdue per post, top level first; cancelled tasks count nowhere", () => {
    const r = TaskList.progressByPost(list, rl, asOf)
    expect(r.posts.map((p) => [p.levelName, p.name, p.total, p.done, p.doneLate, p.overdue])).toEqual([
      ["党组（党委）", "党组书记", 2, 1, 0, ["t2"]],
      ["党组（党委）", "党组副书记", 0, 0, 0, []],
      ["班子成员", "分管领导甲", 2, 1, 1, ["t2"]],
      ["班子成员", "分管领导乙", 0, 0, 0, []],
      ["支部", "支部书记", 1, 0, 0, []],
      ["支部", "支部委员", 0, 0, 0, []],
      ["党员", "党员", 0, 0, 0, []],
      ["党员", "业务骨干", 0, 0, 0, []]
    ])
    expect(r.posts[0]?.completionRate).toBe(0.5)
    expect(r.posts[1]?.completionRate).toBe(1)
    expect(r.withoutPost).toEqual(["t4"])
    expect(r.findings.map((f) => [f.code, f.severity, f.path])).toEqual([
      ["assessment/task-without-post", "warning", ["tasks", 3]],
      ["assessment/task-unknown-post", "error", ["tasks", 4, "posts", 0]]
    ])
    expect(r.findings[1]?.message).toBe('task t5 "任务t5" names post ghost, which 四级八岗主体责任清单 does not have')
  })
  it("refuses a responsibility list other than the one the task list names", () => {
    const other = new ResponsibilityList.ResponsibilityList({ ...rl, id: Ids.ResponsibilityListId.make("other") })
    expect(TaskList.progressByPost(list, other, asOf).findings.map((f) => [f.code, f.path])[0]).toEqual([
      "assessment/task-list-other-responsibility",
      ["responsibilityList"]
    ])
  })
  it("counts each live task once for every known post it names (a naive count)", () => {
    const postIds = rl.posts.map((p) => p.id as string)
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            posts: fc.subarray([...postIds, "ghost"]),
            cancelled: fc.boolean(),
            doneOn: fc.option(fc.integer({ min: 1, max: 28 }), { nil: undefined }),
            dueDay: fc.integer({ min: 1, max: 28 })
          }),
          { maxLength: 20 }
        ),
        (raw) => {
          const tasks = raw.map((t, i) =>
            task(`t${i}`, t.posts, `2024-09-${String(t.dueDay).padStart(2, "0")}`, {
              ...(t.doneOn === undefined ? {} : done(`2024-09-${String(t.doneOn).padStart(2, "0")}`)),
              ...(t.cancelled ? { status: "cancelled" as const } : {})
            })
          )
          const l = new TaskList.TaskList({ ...list, tasks })
          const on = d("2024-09-15")
          const r = TaskList.progressByPost(l, rl, on)
          for (const p of r.posts) {
            let total = 0
            let doneCount = 0
            let overdue = 0
            for (const t of raw) {
              if (t.cancelled || !t.posts.includes(p.post)) continue
              total += 1
              if (t.doneOn !== undefined && t.doneOn <= 15) doneCount += 1
              else if (t.dueDay < 15) overdue += 1
            }
            expect([p.total, p.done, p.overdue.length]).toEqual([total, doneCount, overdue])
          }
          expect(r.withoutPost.length).toBe(raw.filter((t) => !t.cancelled && t.posts.length === 0).length)
        }
      )
    )
  })
})

describe("AssessmentReport.tasks with a responsibility list", () => {
  const spec = new SectionBuilder.ReportSpec({
    title: "考核",
    period: new Report.Period({ from: d("2024-01-01"), to: asOf }),
    scope: new Report.ScopeRef({ label: "会昌县" }),
    generatedAt: DateTime.unsafeMake("2024-10-01T00:00:00Z")
  })
  const registry = Either.getOrThrow(SectionBuilder.register(SectionBuilder.empty, AssessmentReport.tasks))
  it("adds the progress per post, in Chinese, with names and not ids", () => {
    const doc = Either.getOrThrow(
      SectionBuilder.build(spec, { taskLists: [list], responsibilityLists: [rl] }, registry)
    )
    expect(Report.validate(doc)).toEqual([])
    const table = doc.sections[0]?.tables.find((t) => t.id === "task-posts")
    expect(table?.title).toBe("责任岗位任务进度")
    expect(table?.columns.map((c) => c.label)).toEqual([
      "清单",
      "层级",
      "岗位",
      "任务",
      "已完成",
      "逾期任务",
      "任务完成率"
    ])
    expect(table?.rows.slice(0, 3)).toEqual([
      ["改革任务清单", "党组（党委）", "党组书记", 2, 1, 1, 0.5],
      ["改革任务清单", "党组（党委）", "党组副书记", 0, 0, 0, 1],
      ["改革任务清单", "班子成员", "分管领导甲", 2, 1, 1, 0.5]
    ])
  })
  it("has no per-post table without the responsibility list", () => {
    const doc = Either.getOrThrow(SectionBuilder.build(spec, { taskLists: [list] }, registry))
    expect(doc.sections[0]?.tables.map((t) => t.id)).toEqual(["task-lists"])
  })
})
