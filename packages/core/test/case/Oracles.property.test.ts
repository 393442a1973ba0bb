// Properties of routing, the judges' rota and duplicate finding against deliberately naive simulators written here:
// routing by scoring every route by hand, the rota by walking the calendar day by day, duplicates by the haversine
// formula (not Turf).
import { describe, expect, it } from "@effect/vitest"
import { Case, CaseNearby, CaseRouting, Geo, Ids, LocalDate, Mediation } from "@zhili/core"
import { DateTime, Either, Option } from "effect"
import * as fc from "fast-check"
import { bj, foldOk, intake, reported } from "./support.js"

describe("routing equals scoring every route by hand", () => {
  const categories = ["property", "property.repair", "property.fee", "facilities", "facilities.lighting", "other"]
  const grids = ["root", "east", "west", "e-1", "e-2", "w-1"]
  const paths: Record<string, ReadonlyArray<string>> = {
    "e-1": ["root", "east", "e-1"],
    "e-2": ["root", "east", "e-2"],
    "w-1": ["root", "west", "w-1"]
  }
  const route = fc.record({
    category: fc.constantFrom(...categories),
    grid: fc.option(fc.constantFrom(...grids), { nil: undefined })
  })
  it("picks the narrowest category, then the deepest area, then the first listed", () => {
    fc.assert(
      fc.property(
        fc.array(route, { maxLength: 8 }),
        fc.constantFrom(...categories),
        fc.constantFrom("e-1", "e-2", "w-1"),
        (specs, category, grid) => {
          const routes = specs.map(
            (s, i) =>
              new CaseRouting.Route({
                id: `r${i}`,
                category: Ids.CategoryCode.make(s.category),
                ...(s.grid === undefined ? {} : { grid: Ids.GridId.make(s.grid) }),
                unit: Ids.OrgUnitId.make(`u${i}`),
                level: "community",
                source: "test"
              })
          )
          const path = paths[grid] as ReadonlyArray<string>
          // naive: every route that covers the case, scored (category depth, area depth), best first, then order
          let best: { readonly i: number; readonly score: readonly [number, number] } | undefined
          specs.forEach((s, i) => {
            const covers = category === s.category || category.startsWith(`${s.category}.`)
            const inArea = s.grid === undefined || path.includes(s.grid)
            if (!covers || !inArea) return
            const score = [s.category.split(".").length, s.grid === undefined ? 0 : path.indexOf(s.grid) + 1] as const
            const better =
              best === undefined || score[0] > best.score[0] || (score[0] === best.score[0] && score[1] > best.score[1])
            if (better) best = { i, score }
          })
          const got = CaseRouting.route(
            routes,
            intake({
              category: Ids.CategoryCode.make(category),
              location: new Case.Location({
                grid: Ids.GridId.make(grid),
                gridPath: path.map((g) => Ids.GridId.make(g))
              })
            })
          )
          expect(Either.isRight(got) ? got.right.id : undefined).toBe(best === undefined ? undefined : `r${best.i}`)
        }
      ),
      { numRuns: 500 }
    )
  })
})

describe("the rota equals walking the calendar day by day", () => {
  const judges = [Ids.PersonId.make("j0"), Ids.PersonId.make("j1"), Ids.PersonId.make("j2")] as const
  const anchor = LocalDate.make(2025, 1, 6)
  it("gives each open duty day to the judge whose turn it is, or the next one present", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 20 }),
        fc.array(fc.record({ judge: fc.nat({ max: 2 }), from: fc.nat({ max: 200 }), days: fc.nat({ max: 10 }) }), {
          maxLength: 4
        }),
        fc.integer({ min: 0, max: 220 }),
        (weekdays, closedOffsets, away, dayOffset) => {
          const closed = closedOffsets.map((o) => LocalDate.addDays(anchor, o))
          const absences = away.map(
            (a) =>
              new Mediation.Absence({
                judge: judges[a.judge] as Ids.PersonId,
                from: LocalDate.addDays(anchor, a.from),
                to: LocalDate.addDays(anchor, a.from + a.days)
              })
          )
          const rota = new Mediation.Rota({
            judges,
            anchor,
            dutyWeekdays: weekdays as [number, ...Array<number>],
            turn: "duty-day",
            closed,
            absences
          })
          const date = LocalDate.addDays(anchor, dayOffset)
          // naive: walk from the anchor counting the open duty days before `date`
          const isDuty = (d: LocalDate.LocalDate) => weekdays.includes(LocalDate.dayOfWeek(d)) && !closed.includes(d)
          let turns = 0
          for (let d = anchor; d < date; d = LocalDate.addDays(d, 1)) if (isDuty(d)) turns++
          let want: string | undefined
          if (isDuty(date)) {
            for (let k = 0; k < 3 && want === undefined; k++) {
              const j = judges[(turns + k) % 3] as string
              const isAway = absences.some((a) => a.judge === j && date >= a.from && date <= a.to)
              if (!isAway) want = j
            }
          }
          expect(Option.getOrUndefined(Mediation.onDuty(rota, date))).toBe(want)
        }
      ),
      { numRuns: 400 }
    )
  })
})

describe("duplicates equal a haversine search", () => {
  // the haversine distance on a sphere of the mean Earth radius, written out
  const haversine = (a: Geo.Point, b: Geo.Point) => {
    const rad = Math.PI / 180
    const dLat = (b.latitude - a.latitude) * rad
    const dLon = (b.longitude - a.longitude) * rad
    const h =
      Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2
    return 2 * 6371008.8 * Math.asin(Math.sqrt(h))
  }
  const point = fc
    .record({ dx: fc.integer({ min: -3000, max: 3000 }), dy: fc.integer({ min: -3000, max: 3000 }) })
    .map(({ dx, dy }) => new Geo.Point({ longitude: 110.28 + dx / 1e6, latitude: 21.61 + dy / 1e6, crs: "WGS-84" }))
  it("offers the open cases of the category within the radius and window, nearest first", () => {
    fc.assert(
      fc.property(
        point,
        fc.array(fc.record({ p: point, hoursBefore: fc.integer({ min: -5, max: 100 }), same: fc.boolean() }), {
          maxLength: 10
        }),
        (here, others) => {
          const at = (hoursBefore: number) => DateTime.subtract(bj("2025-09-10T12:00"), { hours: hoursBefore })
          const make = (id: string, p: Geo.Point, when: DateTime.Utc, category: string) =>
            foldOk([
              reported(
                when,
                intake({
                  id: Ids.CaseId.make(id),
                  category: Ids.CategoryCode.make(category),
                  location: new Case.Location({ grid: Ids.GridId.make("g"), point: p })
                })
              )
            ])
          const candidate = make("new", here, at(0), "facilities.road")
          const cases = others.map((o, i) =>
            make(`c${i}`, o.p, at(o.hoursBefore), o.same ? "facilities.road" : "facilities.lighting")
          )
          const want = others
            .map((o, i) => ({ id: `c${i}`, d: haversine(here, o.p), o }))
            .filter((x) => x.o.same && x.o.hoursBefore >= 0 && x.o.hoursBefore <= 72 && x.d <= 100)
            .sort((a, b) => a.d - b.d)
          // points within a millimetre of the radius are left out: two float formulas may round them differently
          if (others.some((o) => Math.abs(haversine(here, o.p) - 100) < 0.001)) return
          const got = CaseNearby.duplicates(candidate, cases)
          expect(got.map((g) => g.case.id)).toEqual(want.map((w) => w.id))
          for (const [i, g] of got.entries()) expect(g.meters).toBeCloseTo(want[i]?.d ?? -1, 3)
        }
      ),
      { numRuns: 200 }
    )
  })
})
