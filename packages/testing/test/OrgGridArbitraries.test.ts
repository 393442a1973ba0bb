import { describe, expect, it } from "@effect/vitest"
import { Grid, OrgUnit } from "@zhili/core"
import { OrgGridArbitraries } from "@zhili/testing"
import * as fc from "fast-check"

describe("OrgGridArbitraries", () => {
  it("generates org trees the default policy accepts", () => {
    fc.assert(
      fc.property(OrgGridArbitraries.orgUnits(), (units) => {
        expect(OrgUnit.validateHierarchy(units)).toEqual([])
      })
    )
  })

  it("generates grid trees whose coverage is always complete", () => {
    fc.assert(
      fc.property(OrgGridArbitraries.community(), (c) => {
        expect(Grid.coverage({ grids: c.grids, buildings: c.buildings, community: c.tenant })).toEqual([])
      })
    )
  })

  it("removing one building assignment yields exactly one gap (and an empty-grid warning iff the micro grid is left empty)", () => {
    fc.assert(
      fc.property(OrgGridArbitraries.grids(), fc.nat(), (c, pick) => {
        const building = c.buildings[pick % c.buildings.length]
        if (building === undefined) throw new Error("generator produced no building")
        const owner = c.grids.find((g) => g.buildings.includes(building.id))
        if (owner === undefined) throw new Error("generator left a building uncovered")
        const grids = c.grids.map((g) =>
          g === owner ? new Grid.Grid({ ...g, buildings: g.buildings.filter((b) => b !== building.id) }) : g
        )
        const findings = Grid.coverage({ grids, buildings: c.buildings, community: c.tenant })
        const errors = findings.filter((f) => f.severity === "error")
        expect(errors.map((f) => [f.code, f.path])).toEqual([["grid/uncovered-building", ["buildings", building.id]]])
        const warnings = findings.filter((f) => f.severity !== "error")
        expect(warnings.map((f) => [f.code, f.path])).toEqual(
          owner.buildings.length === 1 ? [["grid/empty", ["grids", owner.id]]] : []
        )
      })
    )
  })

  it("claiming one building twice yields exactly one overlap", () => {
    fc.assert(
      fc.property(OrgGridArbitraries.grids({ small: { min: 2, max: 3 } }), fc.nat(), (c, pick) => {
        const building = c.buildings[pick % c.buildings.length]
        if (building === undefined) throw new Error("generator produced no building")
        const other = c.grids.find((g) => g.level === "micro" && !g.buildings.includes(building.id))
        if (other === undefined) throw new Error("generator produced a single micro grid")
        const grids = c.grids.map((g) =>
          g === other ? new Grid.Grid({ ...g, buildings: [...g.buildings, building.id] }) : g
        )
        const codes = Grid.coverage({ grids, buildings: c.buildings }).map((f) => f.code)
        expect(codes).toEqual(["grid/overlapping-grids"])
      })
    )
  })
})
