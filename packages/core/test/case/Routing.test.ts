// Routing (派遣规则) on hand-written routes: the most specific route wins, and a category with no route is a finding.
import { assert, describe, expect, it } from "@effect/vitest"
import { Case, CaseCategory, CaseRouting, CorePlugin, Ids, Plugin, Runtime } from "@zhili/core"
import { Either } from "effect"
import { bj, foldOk, intake, policy, reported, staff } from "./support.js"

const r = (id: string, category: string, unit: string, level: string, grid?: string) =>
  new CaseRouting.Route({
    id,
    category: Ids.CategoryCode.make(category),
    ...(grid === undefined ? {} : { grid: Ids.GridId.make(grid) }),
    unit: Ids.OrgUnitId.make(unit),
    level,
    source: "test"
  })

const routes = [
  r("property", "property", "property-company", "compound"),
  r("lighting-east", "facilities.lighting", "east-electricians", "micro-grid", "east"),
  r("facilities", "facilities", "street-works", "street"),
  r("lighting", "facilities.lighting", "community-electricians", "community")
]
const at = (grid: string, path: ReadonlyArray<string>) =>
  new Case.Location({ grid: Ids.GridId.make(grid), gridPath: path.map((g) => Ids.GridId.make(g)) })

describe("CaseRouting.route", () => {
  it("prefers the narrowest category, then the deepest area", () => {
    const unitFor = (category: string, location: Case.Location) =>
      Either.map(
        CaseRouting.route(routes, intake({ category: Ids.CategoryCode.make(category), location })),
        (x) => x.unit
      )
    // a repair is a property matter: the property company, wherever it is
    expect(unitFor("property.repair", at("w-3", ["root", "west", "w-3"]))).toEqual(Either.right("property-company"))
    // lighting in the east: the east's own electricians; elsewhere the community's
    expect(unitFor("facilities.lighting", at("e-1", ["root", "east", "e-1"]))).toEqual(
      Either.right("east-electricians")
    )
    expect(unitFor("facilities.lighting", at("w-3", ["root", "west", "w-3"]))).toEqual(
      Either.right("community-electricians")
    )
    // a lift is a facility with no narrower route: the street's works team
    expect(unitFor("facilities.lift", at("e-1", ["root", "east", "e-1"]))).toEqual(Either.right("street-works"))
  })

  it("names the category and grid when nothing covers a case, instead of a default", () => {
    const found = CaseRouting.route(
      routes,
      intake({ category: Ids.CategoryCode.make("neighbour.noise"), location: at("w-3", ["root", "west", "w-3"]) })
    )
    if (Either.isRight(found)) return assert.fail("expected no route")
    expect(found.left.code).toBe("case/no-route")
    expect(found.left.message).toContain("no route sends a neighbour.noise case in grid w-3 to a unit")
  })
})

describe("CaseRouting.dispatch", () => {
  const accepted = foldOk([
    reported(bj("2025-09-01T10:00"), intake({ location: at("w-3", ["root", "west", "w-3"]) })),
    { _tag: "Accepted", at: bj("2025-09-01T11:00"), by: staff }
  ])

  it("dispatches to the routed unit unless the dispatcher names one", () => {
    const routed = Either.getOrThrow(
      CaseRouting.dispatch(accepted, { at: bj("2025-09-01T12:00"), by: staff, routes, policy })
    )
    expect(routed.assignee?.unit).toBe("property-company")
    const named = Either.getOrThrow(
      CaseRouting.dispatch(accepted, {
        at: bj("2025-09-01T12:00"),
        by: staff,
        routes,
        policy,
        to: new Case.Assignee({ unit: Ids.OrgUnitId.make("volunteers") })
      })
    )
    expect(named.assignee?.unit).toBe("volunteers")
  })

  it("fails with NoRoute, and changes nothing, when no route covers the case", () => {
    const refused = CaseRouting.dispatch(accepted, { at: bj("2025-09-01T12:00"), by: staff, routes: [], policy })
    if (Either.isRight(refused)) return assert.fail("expected NoRoute")
    assert.instanceOf(refused.left, CaseRouting.NoRoute)
    expect(accepted.status).toBe("accepted")
  })
})

describe("routes from plugins", () => {
  it("are read back by the runtime and checked against the catalogue", () => {
    const host = Plugin.define({
      id: "my-street",
      version: "1.0.0",
      description: "who handles what",
      requires: { plugins: { core: "0.x" } },
      contributes: [
        Plugin.contribute(CaseRouting.routesPoint, [
          r("my-street/property", "property", "property-company", "compound"),
          r("my-street/typo", "propety", "nobody", "compound")
        ])
      ]
    })
    const policies = Either.getOrThrow(Runtime.make([CorePlugin.plugin, host]))
    expect(policies.routes.map((x) => x.id)).toEqual(["my-street/property", "my-street/typo"])
    const findings = CaseRouting.check(policies.routes, policies.catalogue)
    expect(findings.filter((f) => f.code === "case/route-unknown-category").map((f) => f.path)).toEqual([
      ["routes", 1, "category"]
    ])
    const uncovered = findings.filter((f) => f.code === "case/no-route").map((f) => f.path[1])
    expect(uncovered).toContain("utilities")
    expect(uncovered).not.toContain("property.repair")
    expect(uncovered.length).toBe(
      CaseCategory.defaultCatalogue.categories.filter((c) => !c.code.startsWith("property")).length
    )
  })
})
