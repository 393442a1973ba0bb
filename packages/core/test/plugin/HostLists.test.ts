// Every list a host varies is a plugin point (issue 19): for each point, a host plugin changes the outcome of a rule
// read through Runtime's policies, and the expected values under the core pack alone differ from those under the
// host's pack (both are asserted, so the test fails if the host plugin were ignored).
import { assert, describe, expect, it } from "@effect/vitest"
import {
  AssessmentReport,
  CorePlugin,
  Ids,
  Inspection,
  LocalDate,
  Needs,
  OperationReport,
  Plugin,
  Project,
  Report,
  Runtime,
  SectionBuilder,
  Service,
  Term
} from "@zhili/core"
import { OperationFixtures } from "@zhili/testing"
import { DateTime, Either, Schema } from "effect"

const host = (...contributes: ReadonlyArray<Plugin.Contribution>) =>
  Plugin.define({
    id: "my-city",
    version: "1.0.0",
    description: "a city whose lists differ from the seed's",
    requires: { plugins: { core: "0.x" } },
    contributes
  })
const policies = (...plugins: ReadonlyArray<Plugin.Plugin>) => Either.getOrThrow(Runtime.make(plugins))
const core = policies(CorePlugin.plugin)
const section = <R>(builder: SectionBuilder.SectionBuilder<R>, records: R, labels = core.labels) => {
  const spec = new SectionBuilder.ReportSpec({
    title: "t",
    period: new Report.Period({ from: LocalDate.make(2024, 1, 1), to: LocalDate.make(2024, 6, 30) }),
    scope: new Report.ScopeRef({ label: "城南社区" }),
    generatedAt: DateTime.unsafeMake("2024-07-01T02:00:00Z")
  })
  const registry = Either.getOrThrow(SectionBuilder.register(SectionBuilder.empty, builder))
  return Either.getOrThrow(SectionBuilder.build(spec, records, registry, labels)).sections[0]
}

describe("the core pack contributes the seed's lists", () => {
  it("five needs categories, twelve service types, seven project kinds, five claimant kinds, two unit kinds", () => {
    expect(core.needsCategories.map((c) => c.nameZh)).toEqual(["养老服务", "康养", "餐饮娱乐", "医疗康养", "就业创业"])
    expect(core.serviceTypes.slice(0, 5).map((t) => t.nameZh)).toEqual([
      "物业服务",
      "志愿服务",
      "司法服务",
      "社工服务",
      "社区服务"
    ])
    expect(core.serviceTypes.length).toBe(12)
    expect(core.projectKinds.slice(0, 3).map((k) => k.nameZh)).toEqual(["微改造", "绿化提升", "智慧改造"])
    expect(core.claimantKinds.map((k) => k.nameZh)).toEqual(["企业商户", "社会组织", "志愿者", "楼栋长", "驻区单位"])
    expect(core.inspectionUnitKinds.map((k) => k.nameZh)).toEqual(["乡（镇）", "县直（驻县）单位"])
    expect(core.recommendation.youngServices).toEqual(["childcare", "after-school", "arts-training"])
    expect(core.selected.recommendation).toBe("default")
  })

  it("a host redefining a core term without override is a PluginConflict naming both plugins; with it, a rename", () => {
    const street = Term.make("township", "街道", "Streets", "host")
    const conflict = Runtime.make([CorePlugin.plugin, host(Plugin.contribute(Inspection.unitKindsPoint, [street]))])
    assert.isTrue(Either.isLeft(conflict))
    if (Either.isLeft(conflict)) {
      assert.instanceOf(conflict.left, Plugin.PluginConflict)
      expect(conflict.left.message).toBe(
        'plugins core and my-city both define assessment.inspectionUnitKinds "township"; mark the later contribution as an override if it is meant to replace the earlier one'
      )
    }
    const renamed = policies(
      CorePlugin.plugin,
      host(Plugin.contribute(Inspection.unitKindsPoint, [street], { override: true }))
    )
    expect(renamed.inspectionUnitKinds.map((k) => k.nameZh)).toEqual(["街道", "县直（驻县）单位"])
  })

  it("refuses a term whose id is not lower-case words, at its path", () => {
    const bad = Runtime.make([
      CorePlugin.plugin,
      host(Plugin.contribute(Service.typesPoint, [{ id: "My City/家政", nameZh: "家政", nameEn: "x", source: "h" }]))
    ])
    assert.isTrue(Either.isLeft(bad))
    if (Either.isLeft(bad)) {
      assert.instanceOf(bad.left, Plugin.InvalidPlugin)
      expect((bad.left as Plugin.InvalidPlugin).issues.map((i) => i.path.join("."))).toEqual([
        "contributes.0.values.0.id"
      ])
    }
  })
})

describe("operation.needsCategories", () => {
  const item = (id: string, category: string, kind: string, mentions: number) =>
    Schema.decodeSync(Needs.NeedItem)({ tenant: "370303", id, survey: "sv1", category, kind, mentions })
  const items = [
    item("n1", "elderly-care", "助餐", 120),
    item("n2", "my-city/housekeeping", "家政保洁", 45),
    item("n3", "employment", "灵活就业信息", 45)
  ]
  const tenant = Ids.TenantId.make("370303")
  const city = policies(
    CorePlugin.plugin,
    host(Plugin.contribute(Needs.categoriesPoint, [Term.make("my-city/housekeeping", "家政服务", "housekeeping", "h")]))
  )

  it("a host's category gets its row and its place in the ranking; without the plugin it is unknown", () => {
    expect(Needs.byCategory(items, tenant, core.needsCategories).map((c) => [c.category, c.kinds, c.mentions])).toEqual(
      [
        ["elderly-care", 1, 120],
        ["wellness", 0, 0],
        ["dining-leisure", 0, 0],
        ["medical-care", 0, 0],
        ["employment", 1, 45]
      ]
    )
    expect(Needs.byCategory(items, tenant, city.needsCategories).map((c) => [c.category, c.kinds, c.mentions])).toEqual(
      [
        ["elderly-care", 1, 120],
        ["wellness", 0, 0],
        ["dining-leisure", 0, 0],
        ["medical-care", 0, 0],
        ["employment", 1, 45],
        ["my-city/housekeeping", 1, 45]
      ]
    )
    expect(Needs.checkItems(items, core.needsCategories).map((f) => [f.code, f.path.join(".")])).toEqual([
      ["needs/unknown-category", "items.1.category"]
    ])
    expect(Needs.checkItems(items, city.needsCategories)).toEqual([])
  })

  it("the needs section groups and names by the categories in force", () => {
    const pie = (categories: ReadonlyArray<Term.Term>) => {
      const s = section(OperationReport.needsWith({ needsCategories: categories }), { community: tenant, needs: items })
      return [s?.series[0]?.categories, s?.series[0]?.data[0]?.values]
    }
    expect(pie(core.needsCategories)).toEqual([
      ["养老服务", "康养", "餐饮娱乐", "医疗康养", "就业创业"],
      [120, 0, 0, 0, 45]
    ])
    expect(pie(city.needsCategories)).toEqual([
      ["养老服务", "康养", "餐饮娱乐", "医疗康养", "就业创业", "家政服务"],
      [120, 0, 0, 0, 45, 45]
    ])
  })
})

describe("operation.recommendationPolicies (一老一小)", () => {
  const youngFamilies = new Needs.RecommendationPolicyDefinition({
    id: "my-city/young-families",
    policy: new Needs.RecommendationPolicy({
      ...Needs.defaultPolicy,
      youngShare: 0.1,
      youngServices: ["childcare", "my-city/parent-school"]
    }),
    source: "my-city rules"
  })
  const city = policies(CorePlugin.plugin, host(Plugin.contribute(Needs.recommendationPoliciesPoint, [youngFamilies])))
  const community = { residents: 1000, elderly: 50, children: 120 }

  it("the host's policy, contributed last, is in force; the core one recommends nothing to this community", () => {
    expect(city.selected.recommendation).toBe("my-city/young-families")
    const byCore = Needs.recommend(community, core.recommendation)
    expect([byCore.young, byCore.recommendations.length]).toEqual([false, 0])
    const byCity = Needs.recommend(community, city.recommendation)
    expect([byCity.young, byCity.recommendations.map((r) => r.service)]).toEqual([
      true,
      ["childcare", "my-city/parent-school"]
    ])
    expect(byCity.recommendations[0]?.because).toBe("12 % of residents are under 12 (threshold 10 %)")
  })

  it("the host may select the core policy back by key", () => {
    const back = Either.getOrThrow(
      Runtime.make([CorePlugin.plugin, host(Plugin.contribute(Needs.recommendationPoliciesPoint, [youngFamilies]))], {
        selection: { recommendation: "default" }
      })
    )
    expect(Needs.recommend(community, back.recommendation).recommendations).toEqual([])
  })
})

describe("service.types", () => {
  const service = (id: string, type: string, status: Service.Status = "active") =>
    Schema.decodeSync(Service.Service)({
      tenant: "370303",
      id,
      name: id,
      type,
      status,
      provider: { _tag: "External", name: "家政公司" },
      fees: { model: "low-cost" },
      channels: ["home-visit"]
    })
  const services = [
    service("svc-1", "health"),
    service("svc-2", "my-city/housekeeping"),
    service("svc-3", "my-city/housekeeping", "inactive")
  ]
  const city = policies(
    CorePlugin.plugin,
    host(Plugin.contribute(Service.typesPoint, [Term.make("my-city/housekeeping", "家政服务", "housekeeping", "h")]))
  )

  it("counts services per type in force: the host's type has a row, which the core list lacks", () => {
    const rows = (types: ReadonlyArray<Term.Term>) =>
      Service.byType(services, types)
        .filter((r) => r.services > 0)
        .map((r) => [r.name, r.services, r.active])
    expect(rows(core.serviceTypes)).toEqual([["健康服务", 1, 1]])
    expect(rows(city.serviceTypes)).toEqual([
      ["健康服务", 1, 1],
      ["家政服务", 2, 1]
    ])
    expect(Service.byType(services, core.serviceTypes).length).toBe(12)
    expect(Service.byType(services, city.serviceTypes).length).toBe(13)
  })

  it("a service of a type no plugin declares is a finding under the core list only", () => {
    expect(Service.checkTypes(services, core.serviceTypes).map((f) => f.path.join("."))).toEqual([
      "services.1.type",
      "services.2.type"
    ])
    expect(Service.checkTypes(services, core.serviceTypes)[0]?.message).toBe(
      "service svc-2 has the service type my-city/housekeeping, which no plugin declares (known: property, volunteer, judicial, social-work, community, health, childcare, elderly-care, convenience, party-building, employment, other)"
    )
    expect(Service.checkTypes(services, city.serviceTypes)).toEqual([])
  })
})

describe("operation.projectKinds and operation.claimantKinds", () => {
  const project = Schema.decodeSync(Project.Project)({
    tenant: "370303",
    id: "prj-1",
    name: "加装电梯",
    kind: "my-city/elevator",
    budget: 50_000_000,
    status: "approved",
    claimable: true
  })
  const claim = Schema.decodeSync(Project.Claim)({
    claimant: { kind: "my-city/property-company", name: "城南物业" },
    role: "undertake",
    on: "2025-03-01"
  })
  const city = policies(
    CorePlugin.plugin,
    host(
      Plugin.contribute(Project.kindsPoint, [Term.make("my-city/elevator", "加装电梯", "lift retrofit", "h")]),
      Plugin.contribute(Project.claimantKindsPoint, [
        Term.make("my-city/property-company", "物业企业", "property company", "h")
      ])
    )
  )

  it("a claim by a host's kind of claimant is refused under the core kinds and recorded under the host's", () => {
    const refused = Project.claim(project, claim, core.claimantKinds)
    assert.isTrue(Either.isLeft(refused))
    if (Either.isLeft(refused)) {
      expect(refused.left.message).toBe(
        "project prj-1: claim by 城南物业 refused: no plugin declares the claimant kind my-city/property-company (known: merchant, organisation, volunteer, building-head, resident-unit)"
      )
    }
    const taken = Project.claim(project, claim, city.claimantKinds)
    assert.isTrue(Either.isRight(taken))
    if (Either.isRight(taken)) expect([taken.right.claims.length, taken.right.version]).toEqual([1, 2])
  })

  it("a project of a host's kind, with a host's claimant, is found unknown only without the host's plugin", () => {
    const claimed = new Project.Project({ ...project, claims: [claim] })
    expect(
      Project.checkKinds([claimed], core.projectKinds, core.claimantKinds).map((f) => [f.code, f.path.join(".")])
    ).toEqual([
      ["project/unknown-kind", "projects.0.kind"],
      ["project/unknown-claimant-kind", "projects.0.claims.0.claimant.kind"]
    ])
    expect(Project.checkKinds([claimed], city.projectKinds, city.claimantKinds)).toEqual([])
  })

  it("the fund section names a host's kind from the host's term, through the policies' labels", () => {
    const kindCell = (labels: typeof core.labels) =>
      section(OperationReport.fund, { fund: OperationFixtures.fund, ledger: [], projects: [project] }, labels)
        ?.tables.find((t) => t.id === "projects-by-kind")
        ?.rows.map((r) => [r[0], r[1]])
    expect(kindCell(core.labels)).toEqual([["operation.project.my-city/elevator", 1]])
    expect(kindCell(city.labels)).toEqual([["加装电梯", 1]])
  })
})

describe("assessment.inspectionUnitKinds", () => {
  const d = LocalDate.make
  const sitting = (id: string, unit: string, unitKind: string, suggestions: number) =>
    Schema.decodeSync(Inspection.Inspection)({
      id,
      tenant: "360733",
      unit,
      unitKind,
      date: "2024-05-10",
      inspectors: ["inspector-1"],
      suggestions: Array.from({ length: suggestions }, (_, i) => ({ id: `s${i + 1}`, text: "会议记录不规范" }))
    })
  const inspections = [sitting("i1", "u-town", "township", 1), sitting("i2", "u-street", "my-city/street", 2)]
  const city = policies(
    CorePlugin.plugin,
    host(Plugin.contribute(Inspection.unitKindsPoint, [Term.make("my-city/street", "街道", "Streets", "h")]))
  )
  const asOf = d(2024, 6, 30)

  it("rolls up by the kinds in force: the host's street kind has its own figures, which the core roll-up lacks", () => {
    const byCore = Inspection.report(inspections, [], asOf, { unitKinds: core.inspectionUnitKinds })
    expect(Object.entries(byCore.byKind).map(([k, f]) => [k, f.units, f.suggestions])).toEqual([
      ["township", 1, 1],
      ["county-unit", 0, 0]
    ])
    expect([byCore.total.units, byCore.total.suggestions]).toEqual([2, 3])
    expect(byCore.findings.filter((f) => f.code === "assessment/unknown-unit-kind").map((f) => f.path)).toEqual([
      ["inspections", 1, "unitKind"]
    ])

    const byCity = Inspection.report(inspections, [], asOf, { unitKinds: city.inspectionUnitKinds })
    expect(Object.entries(byCity.byKind).map(([k, f]) => [k, f.units, f.suggestions])).toEqual([
      ["township", 1, 1],
      ["county-unit", 0, 0],
      ["my-city/street", 1, 2]
    ])
    expect(byCity.findings.filter((f) => f.code === "assessment/unknown-unit-kind")).toEqual([])
  })

  it("the inspection section names the host's kind in its table", () => {
    const rows = (unitKinds: ReadonlyArray<Term.Term>) =>
      section(AssessmentReport.inspectionsWith({ unitKinds }), { inspections, rectifications: [] })
        ?.tables.find((t) => t.id === "by-unit-kind")
        ?.rows.map((r) => [r[0], r[1], r[3]])
    expect(rows(core.inspectionUnitKinds)).toEqual([
      ["乡（镇）", 1, 1],
      ["县直（驻县）单位", 0, 0]
    ])
    expect(rows(city.inspectionUnitKinds)).toEqual([
      ["乡（镇）", 1, 1],
      ["县直（驻县）单位", 0, 0],
      ["街道", 1, 2]
    ])
  })
})
