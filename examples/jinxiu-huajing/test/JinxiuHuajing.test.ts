import * as fs from "node:fs/promises"
import * as os from "node:os"
import * as path from "node:path"
import { Aggregates, Plugin, Store } from "@zhili/core"
import * as LianjiangCompound from "@zhili/policy-packs/lianjiang-compound"
import { Drivers } from "@zhili/store-sql"
import { JinxiuCases, JinxiuHuajing as Seed, SeedReports, ServiceFixtures } from "@zhili/testing"
import { Cause, Effect, Exit, Option } from "effect"
import { beforeAll, describe, expect, it } from "vitest"
import { JinxiuHuajing } from "../src/index.js"

/** Every figure's value by `section/figure` (the order of figures inside a section follows the order of records). */
const figuresOf = (document: JinxiuHuajing.Result["document"]): Record<string, number | null> =>
  Object.fromEntries(document.sections.flatMap((s) => s.figures.map((f) => [`${s.id}/${f.id}`, f.value])))

const figure = (result: JinxiuHuajing.Result, section: string, id: string) =>
  result.document.sections.find((s) => s.id === section)?.figures.find((f) => f.id === id)

let dir = ""
let lianjiang: JinxiuHuajing.Result
let beijing: JinxiuHuajing.Result

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "zhili-jinxiu-"))
  lianjiang = await Effect.runPromise(
    JinxiuHuajing.run({
      plugins: JinxiuHuajing.packs["lianjiang-compound"],
      database: path.join(dir, "lianjiang.db"),
      out: path.join(dir, "report")
    })
  )
  beijing = await Effect.runPromise(
    JinxiuHuajing.run({ plugins: JinxiuHuajing.packs["beijing-hotline"], database: path.join(dir, "beijing.db") })
  )
}, 300_000)

describe("jinxiu-huajing example (lianjiang-compound pack)", () => {
  it("stores the compound, its year of cases, mediations and services in SQLite, and they stay there", async () => {
    const c = Seed.compound()
    expect(lianjiang.stored).toMatchObject({
      units: c.units.length,
      grids: c.grids.length,
      buildings: c.buildings.length,
      households: c.households.length,
      residents: c.residents.length,
      visits: c.visits.length,
      cases: JinxiuCases.histories.length,
      mediations: JinxiuCases.mediations.length,
      deliberations: 1,
      services: ServiceFixtures.services.length,
      activities:
        ServiceFixtures.tcmSessions.length +
        ServiceFixtures.afterSchoolActivities.length +
        ServiceFixtures.teamActivities.length
    })
    // every event of every history went into the case event log
    expect(lianjiang.caseEvents).toBe(JinxiuCases.histories.reduce((n, h) => n + h.length, 0))
    // a new connection to the file finds the cases closed and their logs
    const reopened = await Effect.runPromise(
      Effect.gen(function* () {
        const repo = yield* Store.repository(Aggregates.Cases)
        const page = yield* repo.list(Store.everything, { limit: 100 })
        const log = yield* repo.events(Store.everything, JinxiuCases.tenant, "jx-req-07")
        return { statuses: page.items.map((r) => r.value.status), log: log.map((e) => e.event._tag) }
      }).pipe(Effect.provide(Drivers.layerSqlite({ filename: path.join(dir, "lianjiang.db") })))
    )
    expect(reopened.statuses).toHaveLength(28)
    expect(new Set(reopened.statuses)).toEqual(new Set(["closed"]))
    // request 7 was closed by the 锦绣议事亭 meeting's decision, then rated
    expect(reopened.log.slice(-2)).toEqual(["Closed", "Rated"])
  })

  it("reproduces every figure of the seed's compound report from the records read back", () => {
    const seed = SeedReports.compound()
    expect(lianjiang.document.sections.map((s) => s.id)).toEqual(seed.sections.map((s) => s.id))
    expect(figuresOf(lianjiang.document)).toEqual(figuresOf(seed))
    // the seed's headline numbers, spelled out
    expect(figure(lianjiang, "case.summary", "requests-solved")?.value).toBe(25)
    expect(figure(lianjiang, "case.summary", "disputes-mediated")?.value).toBe(3)
    expect(figure(lianjiang, "case.summary", "mediation-success")?.value).toBe(1)
  })

  it("runs under the compound's policies and finds nothing wrong", () => {
    expect(lianjiang.plugins.map((p) => p.id)).toEqual([
      "core",
      "calendar-cn",
      "report",
      "report-xlsx",
      "lianjiang-compound"
    ])
    expect(lianjiang.selected).toMatchObject({
      leaderPolicy: LianjiangCompound.leaders.id,
      ladder: LianjiangCompound.ladder.id,
      rota: LianjiangCompound.judgesRota.id
    })
    expect(lianjiang.lateCases).toEqual([])
    expect(lianjiang.leaderFindings).toEqual([])
    expect(lianjiang.sessionsWithoutDutyJudge).toBe(0)
  })

  it("writes the report as HTML, Markdown and XLSX with the renderers the report plugins contribute", async () => {
    expect(lianjiang.files.map((f) => path.extname(f)).sort()).toEqual([".html", ".md", ".xlsx"])
    const md = await fs.readFile(lianjiang.files.find((f) => f.endsWith(".md")) ?? "", "utf8")
    expect(md).toContain("锦绣华景小区治理报表")
    expect(md).toContain("纠纷化解成功率")
    const html = await fs.readFile(lianjiang.files.find((f) => f.endsWith(".html")) ?? "", "utf8")
    expect(html).toMatch(/^<!doctype html>/i)
    const xlsx = await fs.readFile(lianjiang.files.find((f) => f.endsWith(".xlsx")) ?? "")
    expect([...xlsx.subarray(0, 2)]).toEqual([0x50, 0x4b]) // a ZIP archive
  })
})

describe("swapping the policy pack changes the example's behaviour", () => {
  // The hotline pack reads "7 days" as calendar days and gives every category with limits (disputes included) the
  // general 7-day limit; the compound runs on the core catalogue: 7 working days for requests, 15 working days for
  // disputes. Disputes 1 and 3 took 9 calendar days (7 working days) from acceptance to the agreement, so they are
  // on time in the compound and late under the hotline; request 11 took 8 calendar days (6 working days) but got a
  // 3-working-day extension, which takes it out of the on-time closing rate's base (deferred).
  it("two disputes become late and the on-time closing rate drops from 27/27 to 25/27", () => {
    expect(lianjiang.lateCases).toEqual([])
    expect(beijing.lateCases.map((l) => [l.id, l.extended])).toEqual([
      ["jx-dis-01", false],
      ["jx-dis-03", false],
      ["jx-req-11", true]
    ])
    const onTime = (r: JinxiuHuajing.Result) =>
      figure(r, "case.summary", "on-time-closing-rate")?.computation.inputs.map((i) => i.count)
    expect(onTime(lianjiang)).toEqual([27, 27])
    expect(onTime(beijing)).toEqual([25, 27])
    expect(figure(beijing, "case.summary", "on-time-closing-rate")?.value).toBeCloseTo(25 / 27)
  })

  it("the hotline's three-rate weights are in force and the compound's own ladder, leaders and rota are not", () => {
    expect(beijing.plugins.map((p) => p.id)).toEqual([
      "core",
      "calendar-cn",
      "report",
      "report-xlsx",
      "beijing-hotline"
    ])
    expect(beijing.selected).toMatchObject({
      weights: "beijing-hotline/three-rates",
      ladder: "default",
      leaderPolicy: "default",
      rota: "default"
    })
    expect(lianjiang.selected.weights).toBe("default")
  })

  it("the records and everything that does not depend on time limits stay the same", () => {
    expect(beijing.stored).toEqual(lianjiang.stored)
    const withoutDeadlines = (r: JinxiuHuajing.Result) =>
      Object.entries(figuresOf(r.document)).filter(([id]) => id !== "case.summary/on-time-closing-rate")
    expect(withoutDeadlines(beijing)).toEqual(withoutDeadlines(lianjiang))
  })

  it("a pack listed without the core pack it needs stops the example at start-up with a typed error", async () => {
    const exit = await Effect.runPromiseExit(
      JinxiuHuajing.run({ plugins: [LianjiangCompound.plugin], database: path.join(dir, "never.db") })
    )
    expect(Exit.isFailure(exit)).toBe(true)
    if (Exit.isFailure(exit)) {
      const error = Cause.failureOption(exit.cause)
      expect(Option.getOrUndefined(error)).toBeInstanceOf(Plugin.MissingDependency)
    }
  })
})
