import { assert, describe, expect, it } from "@effect/vitest"
import { Brand, Bulletin, Decode, Ids, LocalDate, ResponsibilityList, TaskList } from "@zhili/core"
import { Either, Schema } from "effect"

const d = (s: string) => Schema.decodeSync(LocalDate.LocalDate)(s)
const tenant = Ids.TenantId.make("360733")
const A = Ids.OrgUnitId.make("unit-a")
const B = Ids.OrgUnitId.make("unit-b")

const task = (id: string, unit: Ids.OrgUnitId, deadline: string, done?: string, progress = 0.5): TaskList.Task => ({
  id: Ids.TaskId.make(id),
  title: id,
  responsibleUnit: unit,
  deadline: d(deadline),
  status: done !== undefined ? "done" : progress > 0 ? "in-progress" : "not-started",
  progress: done === undefined ? progress : 1,
  ...(done === undefined ? {} : { completedOn: d(done) })
})

const list = new TaskList.TaskList({
  id: Ids.TaskListId.make("reform"),
  tenant,
  name: "改革任务清单",
  owner: Ids.OrgUnitId.make("office"),
  tasks: [
    task("t1", A, "2024-06-30", "2024-06-01"),
    task("t2", A, "2024-06-30", "2024-07-10"),
    task("t3", A, "2024-06-30"),
    task("t4", B, "2024-12-31", undefined, 0),
    { ...task("t5", B, "2024-03-31"), status: "cancelled" }
  ]
})

describe("TaskList", () => {
  it("computes progress and overdue per responsible unit; cancelled tasks count nowhere", () => {
    const p = TaskList.progress(list, d("2024-09-30"))
    expect(p.units.map((u) => [u.unit, u.total, u.done, u.doneLate, u.overdue, u.notStarted])).toEqual([
      ["unit-a", 3, 2, 1, ["t3"], 0],
      ["unit-b", 1, 0, 0, [], 1]
    ])
    expect(p.total.completionRate).toBe(0.5)
    expect(p.total.meanProgress).toBeCloseTo((1 + 1 + 0.5 + 0) / 4)
    expect(TaskList.overdue(list, d("2024-09-30")).map((f) => f.path.join("."))).toEqual(["tasks.2"])
  })

  it("counts a task completed after asOf as not yet done", () => {
    expect(TaskList.progress(list, d("2024-07-01")).units[0]?.overdue).toEqual(["t2", "t3"])
  })

  it("rejects a done task without a completion date and duplicate ids, with paths", () => {
    const enc = Schema.encodeSync(TaskList.TaskList)(list)
    const r = Decode.decodeEither(TaskList.TaskList)({
      ...enc,
      tasks: [...enc.tasks, { ...enc.tasks[0], completedOn: undefined }]
    })
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) expect(r.left.issues.map((i) => i.path.join("."))).toEqual(["tasks.5.completedOn"])
    const dup = Decode.decodeEither(TaskList.TaskList)({ ...enc, tasks: [...enc.tasks, enc.tasks[0]] })
    assert.isTrue(Either.isLeft(dup) && dup.left.issues[0]?.path.join(".") === "tasks.5.id")
  })
})

describe("ResponsibilityList (四级八岗)", () => {
  const make = (levels: number, posts: number, dutyless = false) =>
    new ResponsibilityList.ResponsibilityList({
      id: Ids.ResponsibilityListId.make("rl"),
      tenant,
      unit: A,
      name: "四级八岗主体责任清单",
      levels: Array.from({ length: levels }, (_, i) => ({ id: `l${i + 1}`, name: `层级${i + 1}`, order: i + 1 })),
      posts: Array.from({ length: posts }, (_, i) => ({
        id: Ids.PostId.make(`p${i + 1}`),
        name: `岗位${i + 1}`,
        level: `l${(i % levels) + 1}`
      })),
      duties: Array.from({ length: dutyless ? posts - 1 : posts }, (_, i) => ({
        id: `d${i + 1}`,
        post: Ids.PostId.make(`p${i + 1}`),
        text: "一岗双责"
      }))
    })

  it("accepts four levels and eight posts, each with a duty", () => {
    expect(ResponsibilityList.check(make(4, 8))).toEqual([])
  })

  it("reports a wrong shape and a post without a duty", () => {
    expect(ResponsibilityList.check(make(3, 8, true)).map((f) => [f.code, f.path.join(".")])).toEqual([
      ["assessment/level-count", "levels"],
      ["assessment/post-without-duty", "posts.7"]
    ])
  })

  it("computes the fulfilment rate", () => {
    expect(ResponsibilityList.fulfilmentRate(make(4, 8), ["d1", "d2"])).toBe(0.25)
  })
})

describe("Brand (一机关一品牌)", () => {
  it("checks the four requirements and names the missing ones", () => {
    const b = new Brand.BrandChecklist({
      id: Ids.BrandId.make("b1"),
      tenant,
      unit: A,
      name: "“红蓝绿”三色司法党建",
      practice: ["法律服务进社区"],
      sectorFeatures: [" "],
      results: []
    })
    const r = Brand.check(b)
    expect(r.passed).toBe(false)
    expect(r.missing).toEqual(["sectorFeatures", "results"])
    expect(r.findings.map((f) => f.path.join("."))).toEqual(["sectorFeatures", "results"])
  })
})

describe("Bulletin", () => {
  const entry = (id: string, kind: Bulletin.Kind, subject: Ids.OrgUnitId, date: string) =>
    new Bulletin.BulletinEntry({
      id: Ids.BulletinEntryId.make(id),
      tenant,
      kind,
      subject,
      date: d(date),
      reason: "理由"
    })
  const entries = [
    entry("e1", "praise", A, "2024-02-01"),
    entry("e2", "criticism", A, "2024-03-01"),
    entry("e3", "criticism", B, "2023-12-31")
  ]

  it("tallies a period and counts occurrences for a deduction indicator", () => {
    expect(Bulletin.tally(entries, d("2024-01-01"), d("2024-12-31"))).toEqual({
      praise: 1,
      criticism: 1,
      bySubject: [{ subject: "unit-a", praise: 1, criticism: 1 }]
    })
    expect(Bulletin.occurrences(entries, "criticism", B, d("2023-01-01"), d("2024-12-31"))).toBe(1)
  })

  it("requires a reason", () => {
    const r = Decode.decodeEither(Bulletin.BulletinEntry)({
      ...Schema.encodeSync(Bulletin.BulletinEntry)(entries[0] as Bulletin.BulletinEntry),
      reason: "  "
    })
    assert.isTrue(Either.isLeft(r) && r.left.issues[0]?.path.join(".") === "reason")
  })
})
