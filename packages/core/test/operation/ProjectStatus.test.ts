import { describe, expect, it } from "@effect/vitest"
import { LocalDate, NeedLinks, Needs, Project, ProjectStatus } from "@zhili/core"
import { Either, Schema } from "effect"
import * as fc from "fast-check"

const d = (s: string) => Schema.decodeSync(LocalDate.LocalDate)(s)

/** A road repair in an old compound (维修路面), milestones design 1 : works 3 : acceptance 1. */
const road = Schema.decodeSync(Project.Project)({
  tenant: "370303001001",
  id: "prj-road",
  name: "维修路面 road repair",
  kind: "micro-renovation",
  compound: "old",
  budget: 8_000_000,
  status: "proposed",
  milestones: [
    { code: "design", name: "设计", weight: 1, progress: 0 },
    { code: "works", name: "施工", weight: 3, progress: 0 },
    { code: "acceptance", name: "验收", weight: 1, progress: 0 }
  ]
})

const run = (steps: ReadonlyArray<{ change: ProjectStatus.Change } | { update: ProjectStatus.Update }>) => {
  let h = ProjectStatus.empty(road)
  for (const s of steps) {
    const r: Either.Either<ProjectStatus.History, unknown> =
      "change" in s ? ProjectStatus.transition(h, s.change) : ProjectStatus.publish(h, road, s.update)
    h = Either.getOrThrow(r)
  }
  return h
}

/** The hand-written year of the road repair. */
const year = run([
  { change: { to: "proposed", on: d("2025-03-01"), by: "楼栋长" } },
  { change: { to: "approved", on: d("2025-03-15"), by: "社区党委" } },
  { change: { to: "funded", on: d("2025-04-01"), note: "社区发展基金 ¥80,000" } },
  { update: { on: d("2025-04-05"), title: "设计完成", milestone: "design", progress: 100 } },
  { change: { to: "in-progress", on: d("2025-04-10") } },
  { update: { on: d("2025-05-10"), title: "路面破除", milestone: "works", progress: 50 } },
  { update: { on: d("2025-05-20"), title: "居民意见征集" } },
  { update: { on: d("2025-06-20"), title: "铺设完成", milestone: "works", progress: 100 } },
  { update: { on: d("2025-06-30"), title: "验收通过", milestone: "acceptance", progress: 100 } },
  { change: { to: "completed", on: d("2025-06-30") } }
])

describe("ProjectStatus: a hand-written timeline", () => {
  it("gives the stage on each date", () => {
    expect(
      ["2025-02-28", "2025-03-01", "2025-03-20", "2025-04-01", "2025-05-01", "2025-06-30"].map((x) =>
        ProjectStatus.stageOn(year, d(x))
      )
    ).toEqual([undefined, "proposed", "approved", "funded", "in-progress", "completed"])
    expect(ProjectStatus.current(year)).toBe("completed")
    expect(ProjectStatus.periods(year).map((p) => [p.stage, p.from, p.until])).toEqual([
      ["proposed", "2025-03-01", "2025-03-15"],
      ["approved", "2025-03-15", "2025-04-01"],
      ["funded", "2025-04-01", "2025-04-10"],
      ["in-progress", "2025-04-10", "2025-06-30"],
      ["completed", "2025-06-30", undefined]
    ])
  })

  it("rolls progress up from the milestones' updates, by weight", () => {
    // design 1×100 = 20 %; + works 3×50 → 50 %; works 100 → 80 %; acceptance → 100 %
    expect(
      ["2025-04-04", "2025-04-30", "2025-05-15", "2025-06-25", "2025-06-30"].map((x) =>
        ProjectStatus.progressOn(year, road, d(x))
      )
    ).toEqual([0, 20, 50, 80, 100])
  })

  it("merges changes and updates in date order, a change first on a shared date", () => {
    expect(ProjectStatus.timeline(year).map((e) => `${e.on} ${e._tag === "Change" ? e.to : e.title}`)).toEqual([
      "2025-03-01 proposed",
      "2025-03-15 approved",
      "2025-04-01 funded",
      "2025-04-05 设计完成",
      "2025-04-10 in-progress",
      "2025-05-10 路面破除",
      "2025-05-20 居民意见征集",
      "2025-06-20 铺设完成",
      "2025-06-30 completed",
      "2025-06-30 验收通过"
    ])
  })

  it("refuses an illegal transition with a typed error naming both ends", () => {
    const proposed = run([{ change: { to: "proposed", on: d("2025-03-01") } }])
    const r = ProjectStatus.transition(proposed, { to: "in-progress", on: d("2025-03-02") })
    expect(Either.isLeft(r)).toBe(true)
    if (Either.isLeft(r)) {
      expect(r.left._tag).toBe("ProjectIllegalTransition")
      expect(r.left).toMatchObject({ from: "proposed", to: "in-progress" })
      expect(r.left.message).toBe("project prj-road: cannot go from proposed to in-progress")
    }
    const first = ProjectStatus.transition(ProjectStatus.empty(road), { to: "approved", on: d("2025-03-01") })
    expect(Either.isLeft(first) && first.left).toMatchObject({ from: "none", to: "approved" })
    const done = ProjectStatus.transition(year, { to: "cancelled", on: d("2025-07-01") })
    expect(Either.isLeft(done) && done.left).toMatchObject({ from: "completed", to: "cancelled" })
  })

  it("refuses entries out of date order and updates of unknown milestones", () => {
    const early = ProjectStatus.transition(year, { to: "cancelled", on: d("2025-01-01") })
    expect(Either.isLeft(early) && early.left._tag).toBe("ProjectIllegalTransition")
    const h = run([
      { change: { to: "proposed", on: d("2025-03-01") } },
      { change: { to: "approved", on: d("2025-03-15") } }
    ])
    const back = ProjectStatus.transition(h, { to: "funded", on: d("2025-03-10") })
    expect(Either.isLeft(back) && back.left.message).toBe(
      "project prj-road: an entry dated 2025-03-10 comes before the last one, dated 2025-03-15"
    )
    const unknown = ProjectStatus.publish(h, road, {
      on: d("2025-03-20"),
      title: "x",
      milestone: "paint",
      progress: 10
    })
    expect(Either.isLeft(unknown) && unknown.left.message).toBe(
      "project prj-road: no milestone paint (milestones: design, works, acceptance)"
    )
  })

  it("follows a host policy: a volunteer activity goes from approved straight to in progress", () => {
    const h = run([
      { change: { to: "proposed", on: d("2025-03-01") } },
      { change: { to: "approved", on: d("2025-03-02") } }
    ])
    const change = { to: "in-progress" as const, on: d("2025-03-03") }
    expect(Either.isLeft(ProjectStatus.transition(h, change))).toBe(true)
    const policy = { ...ProjectStatus.defaultTransitions, approved: ["in-progress", "funded", "cancelled"] as const }
    const r = ProjectStatus.transition(h, change, policy)
    expect(Either.isRight(r) && ProjectStatus.current(r.right)).toBe("in-progress")
  })

  it("maps a stage to the project record's status", () => {
    expect(ProjectStatus.Stage.literals.map(ProjectStatus.projectStatus)).toEqual([
      "proposed",
      "approved",
      "approved",
      "in-progress",
      "completed",
      "cancelled"
    ])
  })
})

describe("ProjectStatus.transition against a naive state machine", () => {
  /** The default lifecycle, written out again as a list of edges. */
  const edges = new Set([
    "none>proposed",
    "proposed>approved",
    "proposed>cancelled",
    "approved>funded",
    "approved>cancelled",
    "funded>in-progress",
    "funded>cancelled",
    "in-progress>completed",
    "in-progress>cancelled"
  ])

  it("accepts exactly the edges of the lifecycle, and the stage is the last accepted", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ProjectStatus.Stage.literals), { maxLength: 12 }), (wanted) => {
        let h = ProjectStatus.empty(road)
        let naive = "none"
        wanted.forEach((to, i) => {
          const r = ProjectStatus.transition(h, { to, on: d(`2025-01-${String(i + 1).padStart(2, "0")}`) })
          const ok = edges.has(`${naive}>${to}`)
          expect(Either.isRight(r)).toBe(ok)
          if (Either.isRight(r)) {
            h = r.right
            naive = to
          } else expect(r.left).toMatchObject({ from: naive, to })
        })
        expect(ProjectStatus.current(h) ?? "none").toBe(naive)
      })
    )
  })
})

describe("NeedLinks: from a need to the projects and services that answer it", () => {
  const item = (id: string, category: Needs.Category, kind: string, mentions: number) =>
    Schema.decodeSync(Needs.NeedItem)({ tenant: "370303001001", id, survey: "s", category, kind, mentions })
  const needs = [
    item("n1", "elderly-care", "助餐", 180),
    item("n2", "elderly-care", "日间照料", 95),
    item("n3", "dining-leisure", "广场舞场地", 75)
  ]
  const link = (need: string, answer: NeedLinks.Answer) =>
    Schema.decodeSync(NeedLinks.Link)({ tenant: "370303001001", need, answer })
  const links = [
    link("n1", { _tag: "Service", id: "svc-dining" as never }),
    link("n1", { _tag: "Project", id: "prj-canteen" as never }),
    link("n1", { _tag: "Service", id: "svc-dining" as never }),
    link("n3", { _tag: "Project", id: "prj-square" as never })
  ]

  it("lists what answers a need, and what a project answers", () => {
    expect(NeedLinks.answersOf(links, "n1" as never)).toEqual({ projects: ["prj-canteen"], services: ["svc-dining"] })
    expect(NeedLinks.needsAnsweredBy(links, { _tag: "Project", id: "prj-square" as never })).toEqual(["n3"])
  })

  it("finds the needs nothing answers, and the answered share per category", () => {
    expect(NeedLinks.unanswered(needs, links).map((n) => n.id)).toEqual(["n2"])
    // a cancelled project no longer answers its need
    expect(NeedLinks.unanswered(needs, links, (a) => a.id !== "prj-square").map((n) => n.id)).toEqual(["n2", "n3"])
    expect(NeedLinks.coverage(needs, links)).toEqual([
      { category: "elderly-care", items: 2, answered: 1, mentions: 275, mentionsAnswered: 180 },
      { category: "dining-leisure", items: 1, answered: 1, mentions: 75, mentionsAnswered: 75 }
    ])
  })
})
