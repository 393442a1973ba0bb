import { readFileSync } from "node:fs"
import { assert, describe, expect, it } from "@effect/vitest"
import * as CalendarCn from "@zhili/calendar-cn"
import {
  Assessment,
  CaseCategory,
  CaseDeadline,
  CaseMetrics,
  CorePlugin,
  Grid,
  Ids,
  LocalDate,
  Mediation,
  OrgKind,
  Plugin,
  Runtime
} from "@zhili/core"
import { version } from "@zhili/policy-packs"
import * as BeijingHotline from "@zhili/policy-packs/beijing-hotline"
import * as LianjiangCompound from "@zhili/policy-packs/lianjiang-compound"
import { JinxiuCases, JinxiuHuajing } from "@zhili/testing"
import { PluginSuite } from "@zhili/testing/suites"
import { DateTime, Either } from "effect"

PluginSuite.suite(BeijingHotline.plugin, CorePlugin.points)
PluginSuite.suite(LianjiangCompound.plugin, CorePlugin.points)

const policiesOf = (plugins: ReadonlyArray<Plugin.Plugin>) => Either.getOrThrow(Runtime.make(plugins))
const core = [CorePlugin.plugin, CalendarCn.plugin]

describe("swapping policy packs changes behaviour", () => {
  // Friday 2026-03-06 10:00 in Beijing
  const reported = DateTime.unsafeMake("2026-03-06T02:00:00Z")
  const resolveDue = (policies: Runtime.Policies) => {
    const limits = Either.getOrThrow(
      Either.fromOption(CaseCategory.limitsOf(policies.catalogue, "property.repair"), () => "no limits")
    )
    const calendar = policies.calendars.get(CalendarCn.id)
    if (calendar === undefined) throw new Error("calendar-cn not composed")
    const clock = Runtime.casePolicy(policies, CaseDeadline.fromWorkingCalendar(calendar)).clock
    return DateTime.formatIso(Either.getOrThrow(clock(reported, limits.resolve)))
  }

  it("a property repair is due after 7 working days under the core pack and 7 calendar days under the hotline pack", () => {
    const corePolicies = policiesOf(core)
    const beijing = policiesOf([...core, BeijingHotline.plugin])
    // core: 7 working days after Friday 6 March → close of Tuesday 17 March
    expect(resolveDue(corePolicies)).toBe("2026-03-17T09:30:00.000Z")
    // hotline: 7 calendar days → Friday 13 March, same time
    expect(resolveDue(beijing)).toBe("2026-03-13T02:00:00.000Z")
    expect(CaseCategory.limitsOf(beijing.catalogue, "property.repair").pipe((o) => o._tag)).toBe("Some")
    expect(beijing.selected.weights).toBe("beijing-hotline/three-rates")
    expect(beijing.weights.source).toContain("open")
  })

  it("a grid leader finding appears when a pack requires another leader for small grids", () => {
    const compound = JinxiuHuajing.compound()
    const findingsUnder = (plugins: ReadonlyArray<Plugin.Plugin>) =>
      Grid.leaderAssignment(compound, compound.asOf, policiesOf(plugins).leaderPolicy).filter(
        (f) => f.code === "grid/leader-unqualified"
      )
    const socialWorkers = Plugin.define({
      id: "my-city",
      version: "1.0.0",
      description: "small grids led by social workers",
      requires: { plugins: { core: "0.x" } },
      contributes: [
        Plugin.contribute(Grid.leaderPoliciesPoint, [
          Grid.LeaderPolicyDefinition.make({
            ...LianjiangCompound.leaders,
            id: "my-city/leaders",
            small: { requirement: { _tag: "Post", postKind: "social-worker" }, source: "test" }
          })
        ])
      ]
    })
    const lianjiang = findingsUnder([...core, LianjiangCompound.plugin])
    const other = findingsUnder([...core, socialWorkers])
    expect(lianjiang).toEqual([])
    expect(other.length).toBe(compound.grids.filter((g) => g.level === "small").length)
  })
})

describe("beijing-hotline", () => {
  it("marks every limit and weight with its source and the open points", () => {
    for (const l of Object.values(BeijingHotline.limits)) expect(l.source).toMatch(/one source.*open/)
    expect(BeijingHotline.weights.weights.source).toMatch(/checked.*open/)
    const { response, resolution, satisfaction } = BeijingHotline.weights.weights
    expect(response + resolution + satisfaction).toBeCloseTo(1)
  })

  it("overrides the core categories' limits and needs the core pack first", () => {
    const registry = Either.getOrThrow(Plugin.compose([CorePlugin.plugin, BeijingHotline.plugin], CorePlugin.points))
    const utilities = registry.entries(CaseCategory.extensionPoint).find((e) => e.key === "utilities")
    expect(utilities?.plugin).toBe("beijing-hotline")
    expect(utilities?.overrode).toEqual(["core"])
    const alone = Plugin.compose([BeijingHotline.plugin], CorePlugin.points)
    if (Either.isRight(alone)) assert.fail("expected MissingDependency")
    assert.instanceOf(alone.left, Plugin.MissingDependency)
  })

  it("ranks units monthly by the weighted three rates", () => {
    // the compound's fixture cases follow the default lifecycle, not the hotline's 派单/接单 workflow
    const policies = Either.getOrThrow(
      Runtime.make([...core, BeijingHotline.plugin], { selection: { workflow: "default" } })
    )
    const calendar = policies.calendars.get(CalendarCn.id)
    if (calendar === undefined) throw new Error("calendar-cn not composed")
    const policy = Runtime.casePolicy(policies, CaseDeadline.fromWorkingCalendar(calendar))
    const cases = JinxiuCases.cases(policy)
    const ranking = BeijingHotline.monthlyRanking(cases, { year: 2025, month: 6 }, (c) => c.level, {
      policy,
      units: ["nobody"]
    })
    expect(ranking.map((r) => r.unit)).toContain("nobody")
    const ranked = ranking.filter((r) => r.rank !== null)
    for (const [i, r] of ranked.entries()) {
      const prev = ranked[i - 1]
      if (prev !== undefined) expect(prev.score ?? 0).toBeGreaterThanOrEqual(r.score ?? 0)
    }
  })
})

describe("beijing-hotline indicator system", () => {
  it("scores the three rates out of 100 as the weighted three-rate score, explaining each point", () => {
    // the compound's fixture cases follow the default lifecycle, not the hotline's 派单/接单 workflow
    const policies = Either.getOrThrow(
      Runtime.make([...core, BeijingHotline.plugin], { selection: { workflow: "default" } })
    )
    const system = policies.indicatorSystems.get("beijing-hotline/three-rates")
    expect(system).toBe(BeijingHotline.indicatorSystem)
    if (system === undefined) return
    const calendar = policies.calendars.get(CalendarCn.id)
    if (calendar === undefined) throw new Error("calendar-cn not composed")
    const policy = Runtime.casePolicy(policies, CaseDeadline.fromWorkingCalendar(calendar))
    const summary = CaseMetrics.summarize(
      JinxiuCases.cases(policy),
      new CaseMetrics.Period({ from: JinxiuCases.year.from, to: JinxiuCases.year.to }),
      { policy, weights: policies.weights }
    )
    const sheet = Assessment.score(system, BeijingHotline.inputsOf(summary))
    expect(sheet.findings).toEqual([])
    expect(sheet.total).toBeCloseTo(summary.score ?? Number.NaN, 6)
    expect(sheet.lines.map((l) => l.maxPoints)).toEqual([30, 35, 35])
  })

  it("reports a rate with nothing to count as a missing source, scored 0", () => {
    const none = CaseMetrics.rate(0, 0)
    const sheet = Assessment.score(
      BeijingHotline.indicatorSystem,
      BeijingHotline.inputsOf({ response: CaseMetrics.rate(1, 1), resolution: none, satisfaction: none })
    )
    expect(sheet.total).toBe(30)
    expect(sheet.findings.map((f) => f.code)).toEqual(["assessment/missing-source", "assessment/missing-source"])
  })
})

describe("lianjiang-compound", () => {
  it("its five-level chain is allowed by the composed parent policy, the fifth level a post kind", () => {
    const { parentPolicy, unitKinds, postKinds } = policiesOf([CorePlugin.plugin, LianjiangCompound.plugin])
    const [top, ...rest] = LianjiangCompound.chain.units
    expect(OrgKind.isAllowed(parentPolicy, "street-working-committee", top)).toBe(true)
    rest.reduce((parent, child) => {
      expect(OrgKind.isAllowed(parentPolicy, parent, child), `${parent} > ${child}`).toBe(true)
      return child
    }, top)
    for (const kind of LianjiangCompound.chain.units) expect(unitKinds[kind]).toBeDefined()
    expect(postKinds[LianjiangCompound.chain.post]?.nameZh).toBe("党员楼栋骨干")
  })

  it("its ladder, leaders and rota are in force when listed after the core pack", () => {
    const policies = policiesOf([CorePlugin.plugin, LianjiangCompound.plugin])
    expect(policies.selected).toMatchObject({
      leaderPolicy: "lianjiang-compound/leaders",
      ladder: "lianjiang-compound/small-matters-stay-in-the-compound",
      rota: "lianjiang-compound/judges-room"
    })
    // the pack restates the seed's ladder, which the core default also reads: the values are equal, so the check that
    // fails when the pack is ignored is the identity of the ladder in force (and of its key above)
    expect(policies.ladder).toBe(LianjiangCompound.ladder.ladder)
    expect(policiesOf([CorePlugin.plugin]).ladder).not.toBe(LianjiangCompound.ladder.ladder)
    // a minor 'other' matter (a community-level category) stays at the community; a major lighting one (micro-grid
    // category) rises to the community floor for major matters
    expect(policies.requiredLevel(Ids.CategoryCode.make("other"), "minor")).toBe("community")
    expect(policies.requiredLevel(Ids.CategoryCode.make("facilities.lighting"), "major")).toBe("community")
    expect(policies.requiredLevel(Ids.CategoryCode.make("facilities.lighting"), "minor")).toBe("micro-grid")
    const judges = [Ids.PersonId.make("j1"), Ids.PersonId.make("j2"), Ids.PersonId.make("j3")] as const
    const rota = Mediation.rotaOf(policies.rota, judges, LocalDate.make(2025, 1, 1))
    const duty = Mediation.schedule(rota, LocalDate.make(2025, 1, 1), LocalDate.make(2025, 1, 21))
    expect(duty.map((d) => d.judge)).toEqual(judges)
    expect(duty.map((d) => LocalDate.dayOfWeek(d.date))).toEqual([3, 3, 3])
  })
})

describe("@zhili/policy-packs", () => {
  it("states the package version in both plugins", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
    expect(version).toBe(pkg.version)
    expect(BeijingHotline.plugin.version).toBe(pkg.version)
    expect(LianjiangCompound.plugin.version).toBe(pkg.version)
  })
})
