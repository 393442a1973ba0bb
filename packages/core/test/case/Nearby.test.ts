// Cases on the map: placing a point in its grid, duplicates nearby and merging, on hand-drawn squares around
// Tiananmen, whose GCJ-02 coordinates on Chinese web maps (116.397428, 39.90923) are WGS-84 (116.391187, 39.907829).
import { assert, describe, expect, it } from "@effect/vitest"
import { Case, CaseMetrics, CaseNearby, Geo, Grid, Ids } from "@zhili/core"
import { Either, Option } from "effect"
import { bj, foldOk, intake, policy, reported, staff } from "./support.js"

const square = (west: number, south: number, east: number, north: number): Geo.Boundary => ({
  type: "Polygon",
  crs: "WGS-84",
  coordinates: [
    [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [west, south]
    ]
  ]
})
const grid = (id: string, level: Grid.Level, boundary: Geo.Boundary) =>
  new Grid.Grid({
    id: Ids.GridId.make(id),
    tenant: Ids.TenantId.make("110101001001"),
    level,
    name: id,
    code: "110101001001001",
    community: "110101001001",
    boundary
  } as ConstructorParameters<typeof Grid.Grid>[0])

const grids = [
  grid("large", "large", square(116.37, 39.89, 116.42, 39.93)),
  grid("small", "small", square(116.38, 39.9, 116.4, 39.92)),
  grid("micro", "micro", square(116.389, 39.906, 116.393, 39.91))
]
const wgs = (longitude: number, latitude: number) => new Geo.Point({ longitude, latitude, crs: "WGS-84" })

describe("placing a point in its grid", () => {
  it("picks the lowest drawn grid that contains it", () => {
    expect(CaseNearby.placeInGrid(wgs(116.391187, 39.907829), grids)).toEqual(Option.some("micro"))
    expect(CaseNearby.placeInGrid(wgs(116.385, 39.915), grids)).toEqual(Option.some("small"))
    expect(CaseNearby.placeInGrid(wgs(116.41, 39.925), grids)).toEqual(Option.some("large"))
    expect(CaseNearby.placeInGrid(wgs(116.5, 39.95), grids)).toEqual(Option.none())
  })

  it("reads a GCJ-02 point (a web map's) in the grid's WGS-84, and would misplace it taken as WGS-84", () => {
    const fromWebMap = new Geo.Point({ longitude: 116.397428, latitude: 39.90923, crs: "GCJ-02" })
    expect(CaseNearby.placeInGrid(fromWebMap, grids)).toEqual(Option.some("micro"))
    const back = Geo.convert(fromWebMap, "WGS-84")
    expect(back.longitude).toBeCloseTo(116.391187, 4)
    expect(back.latitude).toBeCloseTo(39.907829, 4)
    // the same numbers read as WGS-84 are about 550 m east: outside the micro grid
    expect(CaseNearby.placeInGrid(wgs(116.397428, 39.90923), grids)).toEqual(Option.some("small"))
  })

  it("measures distances on the sphere: 0.001° of latitude is 111.2 m", () => {
    expect(Geo.distanceMeters(wgs(116.39, 39.9), wgs(116.39, 39.901))).toBeCloseTo(111.19, 1)
  })
})

describe("duplicates nearby, and merging one", () => {
  const at = (id: string, when: string, point: Geo.Point, category = "facilities.road") =>
    foldOk([
      reported(
        bj(when),
        intake({
          id: Ids.CaseId.make(id),
          category: Ids.CategoryCode.make(category),
          location: new Case.Location({ grid: Ids.GridId.make("micro"), point })
        })
      )
    ])
  const first = at("case_a", "2025-09-01T09:00", wgs(116.391, 39.9078))
  const far = at("case_far", "2025-09-01T09:30", wgs(116.391, 39.9105)) // 300 m north
  const otherKind = at("case_lamp", "2025-09-01T09:40", wgs(116.391, 39.9078), "facilities.lighting")
  const stale = at("case_old", "2025-08-25T09:00", wgs(116.391, 39.9078)) // a week before
  const second = at("case_b", "2025-09-01T11:00", wgs(116.391, 39.9083)) // 55.6 m north of the first

  it("offers the open cases of the same category within 100 m and 72 h, nearest first", () => {
    const found = CaseNearby.duplicates(second, [stale, otherKind, far, first])
    expect(found.map((d) => d.case.id)).toEqual(["case_a"])
    expect(found[0]?.meters).toBeCloseTo(55.6, 0)
    expect(CaseNearby.duplicates(second, [first], { radiusMeters: 50, withinHours: 72 })).toEqual([])
  })

  it("merges the duplicate into the first case: both histories kept, the matter counted once", () => {
    const merged = Either.getOrThrow(
      CaseNearby.merge(second, first, {
        at: bj("2025-09-01T11:30"),
        by: staff,
        approvedBy: new Case.Actor({ role: "staff", id: "director-1" }),
        policy
      })
    )
    expect(merged.exclusion?.duplicateOf).toBe("case_a")
    expect(merged.history.map((e) => e._tag)).toEqual(["Reported", "Excluded"])
    const s = CaseMetrics.summarize([first, merged], CaseMetrics.month(2025, 9), { policy })
    expect(s.reported).toBe(2)
    expect(s.response.denominator).toBe(1)
    const self = CaseNearby.merge(first, first, {
      at: bj("2025-09-01T11:30"),
      by: staff,
      approvedBy: new Case.Actor({ role: "staff", id: "director-1" }),
      policy
    })
    assert.isTrue(Either.isLeft(self))
  })
})
