import { describe, expect, it } from "@effect/vitest"
import { Building, Decode, Division, Grid, Household, OrgUnit, Resident, Scope } from "@zhili/core"
import { JinxiuHuajing } from "@zhili/testing"
import { Either, Redacted } from "effect"

const c = JinxiuHuajing.compound()
const buildings = new Map(c.buildings.map((b) => [b.id as string, b]))
const households = new Map(c.households.map((h) => [h.id as string, h]))

/** Grid ids in the subtree rooted at `root`, found from the parent links (independently of Scope). */
const subtree = (root: string): ReadonlySet<string> => {
  const ids = new Set([root])
  let grew = true
  while (grew) {
    grew = false
    for (const g of c.grids)
      if (g.parent !== undefined && ids.has(g.parent) && !ids.has(g.id)) {
        ids.add(g.id)
        grew = true
      }
  }
  return ids
}

describe("锦绣华景 locations and scopes", () => {
  it("a grid-subtree scope selects exactly the records of that subtree", () => {
    const small = JinxiuHuajing.gridIds.small(3)
    const inTree = subtree(small)
    const scope = Scope.grid(Grid.pathOf(small, c.grids) as unknown as readonly [string, ...Array<string>])
    const microOf = new Map<string, string>(Grid.microGridByBuilding(c.grids))
    const gridsIn = c.grids.filter((g) => Scope.contains(scope, Grid.location(g, c.grids)))
    expect(new Set(gridsIn.map((g) => g.id))).toEqual(inTree)
    expect(inTree.size).toBe(6)
    const buildingsIn = c.buildings.filter((b) => Scope.contains(scope, Building.location(b, c.grids)))
    expect(buildingsIn.map((b) => b.id)).toEqual(
      c.buildings.filter((b) => inTree.has(microOf.get(b.id) ?? "")).map((b) => b.id)
    )
    expect(buildingsIn.length).toBeGreaterThan(0)
    const householdsIn = c.households.filter((h) => Scope.contains(scope, Household.location(h, buildings, c.grids)))
    expect(householdsIn.map((h) => h.id)).toEqual(
      c.households.filter((h) => inTree.has(microOf.get(h.building) ?? "")).map((h) => h.id)
    )
    const residentsIn = c.residents.filter((r) =>
      Scope.contains(scope, Resident.location(r, households, buildings, c.grids))
    )
    const expected = c.residents.filter((r) =>
      inTree.has(microOf.get(households.get(r.household)?.building ?? "") ?? "")
    )
    expect(residentsIn.map((r) => r.id)).toEqual(expected.map((r) => r.id))
    expect(residentsIn.length).toBeGreaterThan(0)
    expect(residentsIn.length).toBeLessThan(c.residents.length)
  })

  it("every division code of the fixture validates against the example data set without errors", () => {
    const codes = [
      ...c.units.map((u) => u.division),
      ...c.grids.map((g) => g.community),
      ...c.buildings.map((b) => b.community)
    ]
    expect(new Set(codes.filter((code) => code.length === 12))).toEqual(new Set(["440881002001"]))
    for (const code of new Set(codes)) expect(Division.validate(code).filter((f) => f.severity === "error")).toEqual([])
  })

  it("rejects a bad identity number at decode, with its path, and masks a good one", () => {
    const r = c.residents[0] as Resident.Resident
    expect(Redacted.value(r.idNumber as Redacted.Redacted<string>)).toHaveLength(18)
    const bad = Decode.decodeEither(Resident.Resident)({
      id: r.id,
      tenant: r.tenant,
      household: r.household,
      name: "张三",
      idNumber: "440881199013011230"
    })
    expect(Either.isLeft(bad) && bad.left.issues.map((i) => i.path[0])).toContain("idNumber")
    expect(String(r.idNumber)).not.toContain(Redacted.value(r.idNumber as Redacted.Redacted<string>))
    expect(OrgUnit.location(c.units[0] as OrgUnit.OrgUnit, c.units).division).toBeDefined()
  })
})
