import { assert, describe, expect, it } from "@effect/vitest"
import {
  CaseCategory,
  CorePlugin,
  Escalation,
  Grid,
  Ids,
  Labels,
  OrgKind,
  OrgLife,
  Plugin,
  Post,
  Runtime
} from "@zhili/core"
import { PluginSuite } from "@zhili/testing/suites"
import { Effect, Either, Exit } from "effect"

PluginSuite.suite(CorePlugin.plugin, CorePlugin.points)

const city = (contributes: ReadonlyArray<Plugin.Contribution>, id = "my-city"): Plugin.Plugin =>
  Plugin.define({ id, version: "1.0.0", description: "My City", requires: { plugins: { core: "0.x" } }, contributes })

const registryOf = (plugins: ReadonlyArray<Plugin.Plugin>) =>
  Either.getOrThrow(Plugin.compose(plugins, CorePlugin.points))

describe("CorePlugin.points", () => {
  it("lists every core extension point once, ids as context.name", () => {
    const ids = CorePlugin.points.map((p) => p.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z]+\.[a-zA-Z]+$/)
    expect(ids).toEqual(
      expect.arrayContaining([
        "org.unitKinds",
        "org.parentEdges",
        "org.parentRoots",
        "org.postKinds",
        "grid.leaderPolicies",
        "case.categories",
        "case.escalationLadders",
        "case.metricWeights",
        "case.rotaPolicies",
        "kernel.workingCalendars",
        "operation.facilityStandards",
        "assessment.indicatorSystems",
        "assessment.ratingSchemes",
        "assessment.orgLifePolicies",
        "report.sections",
        "report.renderers",
        "report.labels",
        "store.roles"
      ])
    )
  })

  it("the core pack contributes a default to every policy point", () => {
    const registry = registryOf([CorePlugin.plugin])
    const empty = CorePlugin.points.filter((p) => registry.values(p).length === 0).map((p) => p.id)
    // calendars, renderers, rating schemes, routes and workflow extensions come from other packages or the host
    // (the core pack's one indicator system is the seed's 五讲五比)
    expect(empty.sort()).toEqual([
      "assessment.ratingSchemes",
      "case.routes",
      "case.workflowExtensions",
      "kernel.workingCalendars",
      "report.renderers"
    ])
    for (const e of registry.entries(Grid.leaderPoliciesPoint)) expect(e.plugin).toBe("core")
  })
})

describe("Runtime.policiesFrom", () => {
  it("reads the core pack back into the default policies", () => {
    const policies = Either.getOrThrow(Runtime.policiesFrom(registryOf([CorePlugin.plugin])))
    expect(policies.leaderPolicy).toEqual(Grid.defaultLeaderPolicy)
    assert.deepStrictEqual(policies.ladder, Escalation.defaultLadder)
    expect(policies.orgLife).toEqual(OrgLife.defaultPolicy)
    expect(Object.keys(policies.unitKinds).sort()).toEqual(Object.keys(OrgKind.defaultRegistry).sort())
    expect(Object.keys(policies.postKinds).sort()).toEqual(Object.keys(Post.defaultKindRegistry).sort())
    expect(policies.catalogue.categories.map((c) => c.code)).toEqual(
      CaseCategory.defaultCatalogue.categories.map((c) => c.code)
    )
    expect(Labels.text(policies.labels, "report.period", "en")).toBe(
      Labels.text(Labels.defaults, "report.period", "en")
    )
    expect(policies.sections.has("grid.visits")).toBe(true)
    expect(policies.selected).toEqual({
      leaderPolicy: "default",
      workflow: "default",
      emergency: "default",
      ladder: "default",
      weights: "default",
      rota: "default",
      orgLife: "default",
      recommendation: "default"
    })
  })

  it("uses the policy contributed last, or the one selected by key", () => {
    const lenient = new Escalation.LadderDefinition({
      id: "my-city/lenient",
      ladder: new Escalation.Ladder({
        floors: { minor: "micro-grid", major: "compound", critical: "community" },
        source: "test"
      })
    })
    const registry = registryOf([CorePlugin.plugin, city([Plugin.contribute(Escalation.laddersPoint, [lenient])])])
    const last = Either.getOrThrow(Runtime.policiesFrom(registry))
    expect(last.selected.ladder).toBe("my-city/lenient")
    expect(last.requiredLevel(Ids.CategoryCode.make("other"), "critical")).toBe("community")
    const chosen = Either.getOrThrow(Runtime.policiesFrom(registry, { ladder: "default" }))
    expect(chosen.requiredLevel(Ids.CategoryCode.make("other"), "critical")).toBe("street")
  })

  it("fails with MissingPolicy for an unknown key or when nothing was contributed", () => {
    const unknown = Runtime.policiesFrom(registryOf([CorePlugin.plugin]), { leaderPolicy: "my-city/none" })
    assert.isTrue(Either.isLeft(unknown))
    if (Either.isLeft(unknown)) {
      assert.instanceOf(unknown.left, Runtime.MissingPolicy)
      expect(unknown.left.message).toBe('grid.leaderPolicies has no "my-city/none"; known: default')
    }
    const none = Runtime.policiesFrom(registryOf([]))
    if (Either.isRight(none)) assert.fail("expected MissingPolicy")
    expect(none.left.message).toBe(
      "no plugin contributes to grid.leaderPolicies; compose the core pack (CorePlugin.plugin) or a policy pack"
    )
  })
})

describe("Runtime front doors", () => {
  it.effect("the layer provides the registry and the policies, and fails at start-up on a bad plugin", () =>
    Effect.gen(function* () {
      const policies = yield* Effect.provide(Runtime.RuntimePolicies, Runtime.layer([CorePlugin.plugin]))
      expect(policies.selected.weights).toBe("default")
      const missing = yield* Effect.exit(
        Effect.provide(Runtime.RuntimePolicies, Runtime.layer([CorePlugin.plugin], { selection: { rota: "x/y" } }))
      )
      assert.isTrue(Exit.isFailure(missing))
      const bad = yield* Effect.exit(Effect.provide(Runtime.RuntimePolicies, Runtime.layer([city([])])))
      assert.isTrue(Exit.isFailure(bad))
    })
  )

  it("the Promise front door resolves the policies or rejects with the typed error", async () => {
    await expect(Runtime.makeAsync([CorePlugin.plugin])).resolves.toMatchObject({ selected: { ladder: "default" } })
    await expect(Runtime.makeAsync([city([])])).rejects.toBeInstanceOf(Plugin.MissingDependency)
    await expect(Runtime.makeAsync([])).rejects.toBeInstanceOf(Runtime.MissingPolicy)
  })
})

describe("composing with the core pack", () => {
  const reworded = new Labels.Definition({ id: "report.period", "zh-CN": "统计期间", en: "Reporting period" })

  it("a plugin rewording a core label is a conflict without override and a replacement with it", () => {
    const clash = Plugin.compose(
      [CorePlugin.plugin, city([Plugin.contribute(Labels.point, [reworded])])],
      CorePlugin.points
    )
    if (Either.isRight(clash)) assert.fail("expected a conflict")
    assert.instanceOf(clash.left, Plugin.PluginConflict)
    expect(clash.left.message).toContain('plugins core and my-city both define report.labels "report.period"')
    const registry = registryOf([
      CorePlugin.plugin,
      city([Plugin.contribute(Labels.point, [reworded], { override: true })])
    ])
    const policies = Either.getOrThrow(Runtime.policiesFrom(registry))
    expect(Labels.text(policies.labels, "report.period", "en")).toBe("Reporting period")
    expect(registry.entries(Labels.point).find((e) => e.key === "report.period")?.overrode).toEqual(["core"])
  })

  it("a plugin listed before the core pack it needs is a MissingDependency", () => {
    const result = Plugin.compose([city([]), CorePlugin.plugin], CorePlugin.points)
    if (Either.isRight(result)) assert.fail("expected an error")
    expect(result.left.message).toBe("plugin my-city requires plugin core 0.x; list core before my-city")
  })

  it("rejects an invalid leader policy whole, with the path of the bad role", () => {
    const bad = city([
      {
        point: "grid.leaderPolicies",
        values: [
          {
            id: "my-city/leaders",
            large: { requirement: { _tag: "UnitRole", unitKind: "compound-branch", roles: ["chief"] }, source: "x" },
            small: { requirement: { _tag: "Post", postKind: "property-steward" }, source: "x" },
            micro: { requirement: { _tag: "Post", postKind: "building-backbone" }, source: "x" }
          }
        ]
      }
    ])
    const result = Plugin.compose([CorePlugin.plugin, bad], CorePlugin.points)
    if (Either.isRight(result) || result.left._tag !== "InvalidPlugin") return assert.fail("expected InvalidPlugin")
    expect(result.left.issues[0]?.path.slice(0, 6)).toEqual(["contributes", 0, "values", 0, "large", "requirement"])
  })

  it("rejects a renderer or section builder that is not one", () => {
    const result = Plugin.compose(
      [
        CorePlugin.plugin,
        city([{ point: "report.renderers", values: [{ id: "my-city/pdf", mediaType: "application/pdf" }] }])
      ],
      CorePlugin.points
    )
    if (Either.isRight(result) || result.left._tag !== "InvalidPlugin") return assert.fail("expected InvalidPlugin")
    expect(result.left.issues.map((i) => i.path)).toEqual([["contributes", 0, "values", 0]])
  })

  it("keys are namespaced with '/' on every point, post kinds included", () => {
    const nightWatch = new Post.PostKindDefinition({
      id: "my-city/night-watch",
      nameZh: "夜巡员",
      nameEn: "night watch"
    })
    expect(Plugin.check(city([Plugin.contribute(Post.postKindsPoint, [nightWatch])]), CorePlugin.points)).toEqual([])
    expect(() => new Post.PostKindDefinition({ id: "my-city:night-watch", nameZh: "夜巡员", nameEn: "x" })).toThrow()
    const category = CaseCategory.Category.make({
      code: Ids.CategoryCode.make("my-city/night-noise"),
      name: "夜间噪声",
      nameEn: "Night noise",
      parent: Ids.CategoryCode.make("other"),
      attributes: []
    })
    expect(Plugin.check(city([Plugin.contribute(CaseCategory.extensionPoint, [category])]), CorePlugin.points)).toEqual(
      []
    )
    const sloppy = city([
      Plugin.contribute(OrgLife.policiesPoint, [
        new OrgLife.PolicyDefinition({ id: "strict", policy: OrgLife.defaultPolicy, source: "x" })
      ])
    ])
    expect(Plugin.check(sloppy, CorePlugin.points).map((i) => i.message)).toEqual([
      'key "strict" of assessment.orgLifePolicies is not namespaced by the plugin id; use "my-city/…"'
    ])
  })
})
