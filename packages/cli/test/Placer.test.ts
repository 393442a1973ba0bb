import { describe, expect, it } from "@effect/vitest"
import { Building, Grid, Household, Resident, Store } from "@zhili/core"
import { JinxiuHuajing } from "@zhili/testing"
import { Chunk, Effect, Schema, Stream } from "effect"
import * as Stored from "../src/Stored.js"

const compound = JinxiuHuajing.compound()
const raws = <A, I>(schema: Schema.Schema<A, I>, values: ReadonlyArray<A>) =>
  values.map((v) => Schema.encodeSync(schema)(v) as unknown as Readonly<Record<string, unknown>>)

/** Places `rows` of `kind` and imports them, as `zhili import` does; answers the placed rows. */
const placeAndImport = (
  kind: "grid" | "building" | "household",
  rows: ReadonlyArray<Readonly<Record<string, unknown>>>
) =>
  Effect.gen(function* () {
    const place = yield* Stored.placer(kind, kind === "grid" ? rows : [])
    // chunks of 5 rows: several lookups, buildings repeated across chunks
    const placed = Chunk.toReadonlyArray(
      yield* Stream.runCollect(place(Stream.fromIterable(rows).pipe(Stream.rechunk(5))))
    )
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
        const place = yield* Stored.placer("resident", [])
        // chunks of 7 rows: several lookups, households repeated across chunks
        const placed = Chunk.toReadonlyArray(
          yield* Stream.runCollect(place(Stream.fromIterable([...residents, unknown]).pipe(Stream.rechunk(7))))
        )
        expect(placed.length).toBe(residents.length + 1)
        for (const r of placed.slice(0, -1)) {
          expect(r.location).toEqual(placeOfHousehold.get((r.value as { household: string }).household))
        }
        expect(placed[placed.length - 1]?.location).toEqual({ division: compound.tenant })
      }).pipe(Effect.provide(Store.layerMemory))
  )
})
