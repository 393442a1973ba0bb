import { describe, expect, it } from "@effect/vitest"
import { Assessment, Building, Case, Division, Grid, GridCode, Household, IdNumber, Resident, Visit } from "@zhili/core"
import { City } from "@zhili/testing"
import { Chunk, Effect, Either, Redacted, Schema, Stream } from "effect"

const tiny = { seed: 7, scale: 0.003 } as const
const list = [...City.communities(tiny)]

describe("City: a tiny city", () => {
  it("has the sizes its scale gives", () => {
    const s = City.sizes(tiny.scale)
    expect(list.length).toBe(s.communities)
    expect(list.flatMap((c) => c.grids).length).toBe(s.grids)
    expect(list.flatMap((c) => c.households).length).toBe(s.households)
    const residents = list.flatMap((c) => c.residents).length
    expect(residents / s.households).toBeGreaterThan(2.7)
    expect(residents / s.households).toBeLessThan(3.2)
  })

  it("gives every household its own room: building + room (the store's natural key) is unique in the city", () => {
    const keys = list.flatMap((c) => c.households.map((h) => `${h.tenant}/${h.building}/${h.room}`))
    expect(new Set(keys).size).toBe(keys.length)
  })

  it("is deterministic for a seed and differs across seeds", () => {
    const again = [...City.communities(tiny)]
    const names = (cs: ReadonlyArray<City.Community>) =>
      cs.flatMap((c) => c.residents.map((r) => Redacted.value(r.name)))
    expect(names(again)).toEqual(names(list))
    expect(names([...City.communities({ ...tiny, seed: 8 })])).not.toEqual(names(list))
    const ids = (xs: Iterable<Case.Case>) => [...xs].map((c) => `${c.id}:${c.status}:${c.history.length}`)
    expect(ids(City.cases(tiny))).toEqual(ids(City.cases(tiny)))
  })

  it("has valid division and grid codes and full grid coverage in every community", () => {
    for (const c of list) {
      expect(Division.validateStructure(c.community)).toEqual([])
      expect(Division.parents(c.community)).toContain(c.street)
      for (const g of c.grids) expect(GridCode.validateIn(g.code, c.community)).toEqual([])
      expect(Grid.coverage({ grids: c.grids, buildings: c.buildings, community: c.community })).toEqual([])
    }
  })

  it("builds records that decode with their own schemas", () => {
    const c = list[0] as City.Community
    const roundTrip = <A, I>(schema: Schema.Schema<A, I>, a: A) =>
      Either.isRight(Schema.decodeUnknownEither(schema)(Schema.encodeSync(schema)(a)))
    expect(c.grids.every((g) => roundTrip(Grid.Grid, g))).toBe(true)
    expect(c.buildings.every((b) => roundTrip(Building.Building, b))).toBe(true)
    expect(c.households.slice(0, 200).every((h) => roundTrip(Household.Household, h))).toBe(true)
    expect(c.residents.slice(0, 200).every((r) => roundTrip(Resident.Resident, r))).toBe(true)
    expect([...City.visits(c, tiny)].slice(0, 200).every((v) => roundTrip(Visit.Visit, v))).toBe(true)
  })

  it("gives residents valid identity numbers", () => {
    for (const r of (list[0] as City.Community).residents.slice(0, 500)) {
      const id = r.idNumber === undefined ? "" : Redacted.value(r.idNumber)
      expect(IdNumber.validate(id)).toEqual([])
    }
  })

  it("builds case histories that replay through Case.fold", () => {
    const policy = City.casePolicy
    const cases = [...City.cases(tiny)]
    expect(cases.length).toBe(City.sizes(tiny.scale).cases)
    const statuses = new Set(cases.map((c) => c.status))
    expect([...statuses].sort()).toEqual(["closed", "in-progress", "rejected", "withdrawn"])
    expect(cases.some((c) => c.escalationCount > 0)).toBe(true)
    for (const c of cases.slice(0, 300)) {
      const replay = Case.fold(c.history, policy)
      expect(Either.isRight(replay) && replay.right.status).toBe(c.status)
      expect(Case.validate(c, policy)).toEqual([])
      expect(Either.isRight(Case.decode(Schema.encodeSync(Case.Case)(c), policy))).toBe(true)
    }
  })

  it("streams participations and assessment inputs", () => {
    const s = City.sizes(tiny.scale)
    let n = 0
    for (const _ of City.participations(tiny)) n++
    expect(n).toBe(s.participations)
    for (const a of City.assessmentInputs(tiny)) {
      const sheet = Assessment.score(City.indicatorSystem, a.inputs)
      expect(sheet.findings).toEqual([])
      expect(sheet.total).toBeGreaterThan(0)
    }
  })

  it.effect("is an Effect Stream too", () =>
    Effect.gen(function* () {
      const out = yield* Stream.runCollect(City.stream(tiny).pipe(Stream.map((c) => c.community)))
      expect(Chunk.toReadonlyArray(out)).toEqual(list.map((c) => c.community))
    })
  )
})
