import { describe, expect, it } from "@effect/vitest"
import { CorePlugin, Decode, OrgKind, OrgUnit, Plugin } from "@zhili/core"
import { Either, Schema } from "effect"

const unit = (id: string, kind: string, parent?: string) =>
  Schema_decode({
    id,
    tenant: "440881002006",
    kind,
    name: id,
    division: "440881002006",
    ...(parent === undefined ? {} : { parent })
  })
const Schema_decode = (input: unknown) => {
  const r = Decode.decodeEither(OrgUnit.OrgUnit)(input)
  if (Either.isLeft(r)) throw new Error(r.left.message)
  return r.right
}
const chain = [
  unit("street", "street-working-committee"),
  unit("community", "community-general-branch", "street"),
  unit("compound", "compound-branch", "community"),
  unit("property", "property-branch", "compound"),
  unit("group", "grid-party-group", "property")
]

describe("OrgUnit model", () => {
  it("decodes from and encodes to JSON, keeping the credit code", () => {
    const json = {
      id: "organ",
      tenant: "360733",
      kind: "county-organ-branch",
      name: "会昌县某局党支部",
      division: "360733",
      creditCode: "91110000600037341L"
    }
    const u = Schema_decode(json)
    expect(JSON.parse(JSON.stringify(Schema.encodeSync(OrgUnit.OrgUnit)(u)))).toEqual(json)
  })
  it("rejects bad input with the path of every problem", () => {
    const r = Decode.decodeEither(OrgUnit.OrgUnit)({
      id: "x y",
      tenant: "4408",
      kind: "Branch",
      name: "",
      division: "12",
      creditCode: "IO"
    })
    expect(Either.isLeft(r)).toBe(true)
    if (Either.isLeft(r)) {
      expect([...new Set(r.left.issues.map((i) => i.path[0]))].sort()).toEqual([
        "creditCode",
        "division",
        "id",
        "kind",
        "name",
        "tenant"
      ])
      expect(r.left.message).toMatch(/^invalid @zhili\/OrgUnit: id: /)
    }
  })
})

describe("OrgUnit.validateHierarchy", () => {
  it("accepts the seed's five-level chain", () => {
    expect(OrgUnit.validateHierarchy(chain)).toEqual([])
  })
  it("reports a cycle once, at its smallest id", () => {
    const units = [unit("a", "compound-branch", "b"), unit("b", "property-branch", "a")]
    const fs = OrgUnit.validateHierarchy(units)
    expect(fs.filter((f) => f.code === "org/cycle").map((f) => f.path)).toEqual([["units", "a", "parent"]])
  })
  it("reports a self-parent as a cycle", () => {
    expect(OrgUnit.validateHierarchy([unit("a", "compound-branch", "a")]).map((f) => f.code)).toEqual(["org/cycle"])
  })
  it("reports disallowed parents and roots, unknown parents, unknown kinds and duplicates", () => {
    const fs = OrgUnit.validateHierarchy([
      unit("street", "street-working-committee"),
      unit("group", "grid-party-group", "street"),
      unit("compound", "compound-branch"),
      unit("lost", "property-branch", "nowhere"),
      unit("school", "acme/school-branch", "street"),
      unit("street", "street-working-committee")
    ])
    expect(fs.map((f) => [f.code, f.path])).toEqual([
      ["org/duplicate-unit", ["units", "street"]],
      ["org/parent-not-allowed", ["units", "group", "parent"]],
      ["org/root-not-allowed", ["units", "compound", "parent"]],
      ["org/unknown-parent", ["units", "lost", "parent"]],
      ["org/unknown-kind", ["units", "school", "kind"]]
    ])
  })
  it("accepts a plugin's kind once the registry and the policy know it", () => {
    const registry = OrgKind.extend(
      OrgKind.defaultRegistry,
      new OrgKind.KindDefinition({
        id: "acme/school-branch",
        nameZh: "学校党支部",
        nameEn: "school branch",
        description: "",
        form: "branch"
      })
    )
    const policy = new OrgKind.ParentPolicy({
      ...OrgKind.defaultParentPolicy,
      edges: [
        ...OrgKind.defaultParentPolicy.edges,
        new OrgKind.AllowedEdge({ parent: "street-working-committee", child: "acme/school-branch", source: "host" })
      ]
    })
    const units = [unit("street", "street-working-committee"), unit("school", "acme/school-branch", "street")]
    expect(OrgUnit.validateHierarchy(units, registry)).toHaveLength(1)
    expect(OrgUnit.validateHierarchy(units, registry, policy)).toEqual([])
  })
  it("computes the location of a unit from the root", () => {
    expect(OrgUnit.location(chain[4] as OrgUnit.OrgUnit, chain)).toEqual({
      division: "440881002006",
      org: ["street", "community", "compound", "property", "group"]
    })
    expect(OrgUnit.descendants("compound" as never, chain).map((u) => u.id)).toEqual(["property", "group"])
  })
})

describe("OrgKind registry and policy", () => {
  it("composes kinds and edges from plugins: the core defaults plus a city's kind", () => {
    const core = Plugin.define({
      id: "core",
      version: "0.1.0",
      description: "core defaults",
      contributes: OrgKind.defaultContributions
    })
    const city = Plugin.define({
      id: "my-city",
      version: "1.0.0",
      description: "school branches",
      contributes: [
        Plugin.contribute(OrgKind.unitKindsPoint, [
          new OrgKind.KindDefinition({
            id: "my-city/school-branch",
            nameZh: "学校党支部",
            nameEn: "school branch",
            description: "",
            form: "branch"
          })
        ]),
        Plugin.contribute(OrgKind.parentEdgesPoint, [
          new OrgKind.AllowedEdge({
            parent: "street-working-committee",
            child: "my-city/school-branch",
            source: "my-city rules"
          })
        ])
      ]
    })
    const composed = Plugin.compose([core, city], OrgKind.points, { coreVersion: "0.1.0" })
    if (Either.isLeft(composed)) throw new Error(composed.left.message)
    const { policy, registry } = OrgKind.fromPlugins(composed.right)
    const units = [unit("street", "street-working-committee"), unit("school", "my-city/school-branch", "street")]
    expect(OrgUnit.validateHierarchy(units, registry, policy)).toEqual([])
    expect(Object.keys(registry)).toHaveLength(Object.keys(OrgKind.defaultRegistry).length + 1)
    const bad = Plugin.compose(
      [
        core,
        Plugin.define({
          id: "bad",
          version: "1.0.0",
          description: "",
          contributes: [{ point: "org.unitKinds", values: [{ id: "Bad Kind" }] }]
        })
      ],
      OrgKind.points,
      { coreVersion: "0.1.0" }
    )
    expect(Either.isLeft(bad)).toBe(true)
  })
  it("refuses a property branch under the community general branch by default, accepts it when the policy says so", () => {
    const units = [
      unit("street", "street-working-committee"),
      unit("community", "community-general-branch", "street"),
      unit("compound", "compound-branch", "community"),
      unit("property", "property-branch", "community"),
      unit("group", "grid-party-group", "property")
    ]
    const refused = OrgUnit.validateHierarchy(units)
    expect(refused.map((f) => [f.code, f.path, f.message])).toEqual([
      [
        "org/parent-not-allowed",
        ["units", "property", "parent"],
        "a property-branch may not sit under a community-general-branch (unit property under community)"
      ]
    ])
    const allowed = OrgKind.allowPropertyUnderGeneralBranch(OrgKind.defaultParentPolicy)
    expect(OrgUnit.validateHierarchy(units, OrgKind.defaultRegistry, allowed)).toEqual([])
    // the seed's own chain stays valid with the flag on
    expect(OrgUnit.validateHierarchy(chain, OrgKind.defaultRegistry, allowed)).toEqual([])
    // and turning it off again refuses it
    const off = OrgKind.allowPropertyUnderGeneralBranch(allowed, false)
    expect(OrgUnit.validateHierarchy(units, OrgKind.defaultRegistry, off).map((f) => f.code)).toEqual([
      "org/parent-not-allowed"
    ])
    expect(off.edges).toHaveLength(OrgKind.defaultParentPolicy.edges.length)
  })
  it("accepts the property branch under the general branch when a host plugin contributes the edge", () => {
    const host = Plugin.define({
      id: "host",
      version: "1.0.0",
      description: "property branches attached to the community",
      requires: { plugins: { core: "0.x" } },
      contributes: [Plugin.contribute(OrgKind.parentEdgesPoint, [OrgKind.propertyUnderGeneralBranch])]
    })
    const units = [unit("community", "community-general-branch"), unit("property", "property-branch", "community")]
    const policyOf = (plugins: ReadonlyArray<Plugin.Plugin>) => {
      const composed = Plugin.compose(plugins, CorePlugin.points, { coreVersion: "0.1.0" })
      if (Either.isLeft(composed)) throw new Error(composed.left.message)
      return OrgKind.fromPlugins(composed.right)
    }
    const withHost = policyOf([CorePlugin.plugin, host])
    expect(OrgUnit.validateHierarchy(units, withHost.registry, withHost.policy)).toEqual([])
    const coreOnly = policyOf([CorePlugin.plugin])
    expect(OrgUnit.validateHierarchy(units, coreOnly.registry, coreOnly.policy).map((f) => f.code)).toEqual([
      "org/parent-not-allowed"
    ])
  })
  it("ships the issue's kinds with Chinese and English names", () => {
    for (const id of [
      "street-working-committee",
      "community-general-branch",
      "compound-branch",
      "property-branch",
      "grid-party-group",
      "county-organ-branch",
      "village-branch",
      "two-new-branch",
      "floating-member-branch"
    ]) {
      expect(OrgKind.lookup(OrgKind.defaultRegistry, id)?.nameZh).toMatch(/党/)
    }
    expect(OrgKind.lookup(OrgKind.defaultRegistry, "toString")).toBeUndefined()
  })
  it("decodes a registry and a policy from JSON and rejects a bad kind id with its path", () => {
    const json = Schema.encodeSync(OrgKind.Registry)(OrgKind.defaultRegistry)
    expect(Decode.decodeEither(OrgKind.Registry)(JSON.parse(JSON.stringify(json)))).toEqual(
      Either.right(OrgKind.defaultRegistry)
    )
    const bad = Decode.decodeEither(OrgKind.ParentPolicy)({
      edges: [{ parent: "A B", child: "x", source: "" }],
      roots: []
    })
    expect(Either.isLeft(bad) && bad.left.issues[0]?.path).toEqual(["edges", 0, "parent"])
    expect(OrgKind.defaultParentPolicy.edges.every((e) => e.source.length > 0)).toBe(true)
  })
})

describe("the township party committee (乡镇党委)", () => {
  it("is a core kind over the village organisations, as Huichang's 19 townships need", () => {
    const county = [
      unit("town-01", "township-committee"),
      unit("village-01", "village-branch", "town-01"),
      unit("village-02", "village-branch", "town-01")
    ]
    expect(OrgUnit.validateHierarchy(county)).toEqual([])
    expect(OrgKind.lookup(OrgKind.defaultRegistry, "township-committee")?.nameZh).toBe("乡镇党委")
    // a village may not lead a township
    const upside = OrgUnit.validateHierarchy([
      unit("village-03", "village-branch"),
      unit("town-02", "township-committee", "village-03")
    ])
    expect(upside.map((f) => f.code)).toContain("org/parent-not-allowed")
  })
})
