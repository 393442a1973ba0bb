import { describe, expect, it } from "@effect/vitest"
import { Building, Grid, Household, Resident, Store } from "@zhili/core"
import { JinxiuHuajing } from "@zhili/testing"
import { Chunk, Effect, Schema, Stream } from "effect"
import * as Stored from "../src/Stored.js"
import * as Text from "../src/Text.js"

// the English messages (Chinese.test.ts reads the Chinese ones)
Text.setLang("en")

const compound = JinxiuHuajing.compound()
const raws = <A, I>(schema: Schema.Schema<A, I>, values: ReadonlyArray<A>) =>
  values.map((v) => Schema.encodeSync(schema)(v) as unknown as Readonly<Record<string, unknown>>)

/** Places `rows` of `kind` and imports them, as `zhili import` does; answers the placed rows. */
const placeAndImport = (
  kind: "grid" | "building" | "household",
  rows: ReadonlyArray<Readonly<Record<string, unknown>>>
) =>
  Effect.gen(function* () {
    const placer = yield* Stored.placer(kind, kind === "grid" ? rows : [])
    // chunks of 5 rows: several lookups, buildings repeated across chunks
    const placed = Chunk.toReadonlyArray(
      yield* Stream.runCollect(placer.place(Stream.fromIterable(rows).pipe(Stream.rechunk(5))))
    )
    // every row names only records that are stored
    expect(placed.flatMap(placer.precheck)).toEqual([])
    const aggregate = Stored.find(kind)
    if (aggregate === undefined) throw new Error(`no ${kind} aggregate`)
    const repo = yield* Store.repository(aggregate)
    const report = yield* repo.import(Stream.fromIterable(placed), { scope: Store.everything, policy: "abort" })
    expect(report.written).toBe(rows.length)
    return placed
  })

describe("placing import rows", () => {
  it.effect(
    "places each household where its building is and each resident where its household is, looking them up by id chunk by chunk",
    () =>
      Effect.gen(function* () {
        yield* placeAndImport("grid", raws(Grid.Grid, compound.grids))
        const buildings = yield* placeAndImport("building", raws(Building.Building, compound.buildings))
        const placeOfBuilding = new Map(buildings.map((b) => [(b.value as { id: string }).id, b.location]))
        const households = yield* placeAndImport("household", raws(Household.Household, compound.households))
        const placeOfHousehold = new Map(households.map((h) => [(h.value as { id: string }).id, h.location]))
        // some households sit under a micro grid: the test would pass vacuously if none did
        expect(households.some((h) => h.location.grid !== undefined)).toBe(true)
        // each household where its building is (the buildings looked up a chunk of rows at a time)
        for (const h of households) {
          expect(h.location).toEqual(placeOfBuilding.get((h.value as { building: string }).building))
        }

        const residents = raws(Resident.Resident, compound.residents)
        const unknown = { ...(residents[0] as object), id: "r-without-household", household: "h-nowhere" }
        const placer = yield* Stored.placer("resident", [])
        // chunks of 7 rows: several lookups, households repeated across chunks
        const placed = Chunk.toReadonlyArray(
          yield* Stream.runCollect(placer.place(Stream.fromIterable([...residents, unknown]).pipe(Stream.rechunk(7))))
        )
        expect(placed.length).toBe(residents.length + 1)
        for (const r of placed.slice(0, -1)) {
          expect(r.location).toEqual(placeOfHousehold.get((r.value as { household: string }).household))
          expect(placer.precheck(r)).toEqual([])
        }
        // the resident whose household is not stored is marked for the import to reject
        expect(placer.precheck(placed[placed.length - 1]).map((i) => [i.path, i.message])).toEqual([
          [
            ["value", "household"],
            `household h-nowhere of tenant ${compound.tenant} is not stored: import the households first, or correct the id`
          ]
        ])
      }).pipe(Effect.provide(Store.layerMemory))
  )

  it.effect("a dangling reference is a rejected row with its path, never a record placed at its division only", () =>
    Effect.gen(function* () {
      yield* placeAndImport("grid", raws(Grid.Grid, compound.grids))
      yield* placeAndImport("building", raws(Building.Building, compound.buildings))
      const households = raws(Household.Household, compound.households).slice(0, 6)
      const first = households[0] as Readonly<Record<string, unknown>>
      // row 3 names a building that is not stored
      const rows = [
        ...households.slice(0, 2),
        { ...first, id: "h-lost", building: "b-nowhere", room: "9901" },
        ...households.slice(2)
      ]
      const placer = yield* Stored.placer("household", [])
      const repo = yield* Store.repository(Stored.find("household") as Store.AnyAggregate)
      const report = yield* repo.import(placer.place(Stream.fromIterable(rows)), {
        scope: Store.everything,
        policy: "skip",
        precheck: placer.precheck
      })
      expect(report.written).toBe(6)
      expect(report.rejected.map((r) => [r.row, r.issues.map((i) => [i.path, i.message])])).toEqual([
        [
          3,
          [
            [
              ["value", "building"],
              `building b-nowhere of tenant ${compound.tenant} is not stored: import the buildings first, or correct the id`
            ]
          ]
        ]
      ])
      const stored = yield* Stored.listAll<Household.Household>("household", "")
      expect(stored.map((h) => h.id)).not.toContain("h-lost")
      // a grid whose parent is neither stored nor in its file
      const micro = compound.grids.find((g) => g.parent !== undefined) as Grid.Grid
      const orphan = { ...(raws(Grid.Grid, [micro])[0] as object), id: "g-orphan", parent: "g-nowhere" }
      const grids = yield* Stored.placer("grid", [orphan])
      const placed = Chunk.toReadonlyArray(yield* Stream.runCollect(grids.place(Stream.make(orphan))))
      expect(placed.flatMap(grids.precheck).map((i) => i.path)).toEqual([["value", "parent"]])
    }).pipe(Effect.provide(Store.layerMemory))
  )
})
