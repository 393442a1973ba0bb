import { describe, expect, it } from "@effect/vitest"
import { Decode, GridWorker, Ids, LocalDate, Visit } from "@zhili/core"
import { DateTime, Either, Schema } from "effect"
import { C, grids } from "../fixtures/grids.js"

const households = [
  { id: "h1", building: "b1" },
  { id: "h2", building: "b1" },
  { id: "h3", building: "b2" },
  { id: "h4", building: "b2" },
  { id: "h5", building: "nowhere" }
].map((h) => ({ ...h, id: Schema.decodeSync(Ids.HouseholdId)(h.id) }))
let seq = 0
const visit = (household: string, at: string, outcome: Visit.Outcome, extra: Record<string, unknown> = {}) =>
  Schema.decodeSync(Visit.Visit)({ id: `v${++seq}`, tenant: C, household, worker: "w1", at, outcome, ...extra })

describe("Visit model", () => {
  it("round-trips through JSON and keeps needs redacted", () => {
    const v = visit("h1", "2024-03-01T02:00:00Z", "request-opened", { needs: "楼道灯坏了", case: "case-1" })
    expect(String(v.needs)).toBe("<redacted>")
    const json = JSON.parse(JSON.stringify(Schema.encodeSync(Visit.Visit)(v)))
    expect(json.needs).toBe("楼道灯坏了")
    expect(Schema.decodeUnknownSync(Visit.Visit)(json).at).toEqual(v.at)
  })
  it("rejects a case on a visit that opened none, and a bad outcome, with paths", () => {
    const r = Decode.decodeEither(Visit.Visit)({
      id: "v",
      tenant: C,
      household: "h1",
      worker: "w",
      at: "2024-03-01T02:00:00Z",
      outcome: "no-one-home",
      case: "c1"
    })
    expect(Either.isLeft(r) && r.left.issues.map((i) => i.path)).toEqual([["case"]])
    const r2 = Decode.decodeEither(Visit.Visit)({
      id: "v",
      tenant: C,
      household: "h1",
      worker: "w",
      at: "yesterday",
      outcome: "gone"
    })
    expect(Either.isLeft(r2) && [...new Set(r2.left.issues.map((i) => i.path[0]))].sort()).toEqual(["at", "outcome"])
  })
})

describe("Visit.coverage", () => {
  const visits = [
    visit("h1", "2024-01-01T01:00:00Z", "needs-recorded"),
    visit("h1", "2024-05-01T01:00:00Z", "proxy-service-done"),
    visit("h2", "2024-05-01T01:00:00Z", "no-one-home"),
    // 2023-12-31T16:30Z is already 2024-01-01 in Shanghai
    visit("h3", "2023-12-31T16:30:00Z", "request-opened", { case: "c1" }),
    // 2024-12-31T16:30Z is 2025-01-01 in Shanghai: outside the period
    visit("h4", "2024-12-31T16:30:00Z", "needs-recorded"),
    visit("h5", "2024-06-01T01:00:00Z", "needs-recorded")
  ]
  const period = { from: LocalDate.make(2024, 1, 1), to: LocalDate.make(2024, 12, 31) }
  it("counts households visited at least once ÷ households, per grid and rolled up, in Shanghai dates", () => {
    const r = Visit.coverage({ grids, households, visits }, period)
    expect(r.grids.get("M1" as never)).toEqual({ households: 2, visited: 1, visits: 3, rate: 0.5 })
    expect(r.grids.get("M2" as never)).toEqual({ households: 2, visited: 1, visits: 1, rate: 0.5 })
    expect(r.grids.get("L" as never)).toEqual({ households: 4, visited: 2, visits: 4, rate: 0.5 })
    expect(r.communities.get(C)).toEqual(r.grids.get("L" as never))
    expect(r.total).toEqual({ households: 5, visited: 3, visits: 5, rate: 0.6 })
    expect(r.outcomes).toEqual({ "no-one-home": 1, "needs-recorded": 2, "proxy-service-done": 1, "request-opened": 1 })
  })
  it("can count 'no one home' as reached, and another zone moves the period's edges", () => {
    expect(
      Visit.coverage({ grids, households, visits }, period, { countNoOneHome: true }).grids.get("M1" as never)?.visited
    ).toBe(2)
    const utc = Visit.coverage({ grids, households, visits }, period, { timeZone: "UTC" })
    expect(utc.grids.get("M2" as never)?.visited).toBe(1)
    expect(utc.outcomes["request-opened"]).toBe(0)
  })
  it("ignores visits to households not in the list", () => {
    const stray = [visit("h9", "2024-06-01T01:00:00Z", "needs-recorded")]
    expect(Visit.coverage({ grids, households, visits: stray }, period).total.visits).toBe(0)
    expect(DateTime.isDateTime(stray[0]?.at)).toBe(true)
  })
})

describe("GridWorker.workload", () => {
  const worker = (id: string, g: string, extra: Record<string, unknown> = {}) =>
    Schema.decodeSync(GridWorker.GridWorker)({
      id,
      tenant: C,
      person: `p-${id}`,
      grid: g,
      source: "volunteer",
      start: "2024-01-01",
      ...extra
    })
  const on = LocalDate.make(2024, 6, 1)
  it("divides a grid's households among its active workers, rolls up, and flags unstaffed grids", () => {
    const ws = [worker("w1", "M1"), worker("w2", "M1"), worker("w3", "M2", { end: "2024-05-31" })]
    const r = GridWorker.workload({ grids, workers: ws, households }, on)
    expect(r.grids.get("M1" as never)).toEqual({ households: 2, workers: 2, perWorker: 1 })
    expect(r.grids.get("M2" as never)).toEqual({ households: 2, workers: 0, perWorker: Number.POSITIVE_INFINITY })
    expect(r.grids.get("L" as never)).toEqual({ households: 4, workers: 2, perWorker: 2 })
    expect(r.workers).toEqual(
      new Map([
        ["w1", 1],
        ["w2", 1]
      ])
    )
    expect(r.findings.map((f) => [f.code, f.path])).toEqual([["grid/no-workers", ["grids", "M2"]]])
  })
  it("flags overload against the policy", () => {
    const r = GridWorker.workload({ grids, workers: [worker("w1", "M1"), worker("w2", "M2")], households }, on, {
      maxHouseholdsPerWorker: 1
    })
    expect(r.findings.map((f) => [f.code, f.path[1]])).toEqual([
      ["grid/overloaded", "M1"],
      ["grid/overloaded", "M2"]
    ])
  })
  it("rejects an unknown source with a path", () => {
    const r = Decode.decodeEither(GridWorker.GridWorker)({
      id: "w",
      tenant: C,
      person: "p",
      grid: "M1",
      source: "army",
      start: "2024-01-01"
    })
    expect(Either.isLeft(r) && [...new Set(r.left.issues.map((i) => i.path[0]))]).toEqual(["source"])
  })
})
