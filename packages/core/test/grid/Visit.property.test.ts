import { describe, expect, it } from "@effect/vitest"
import { Ids, LocalDate, Visit } from "@zhili/core"
import { DateTime, Schema } from "effect"
import * as fc from "fast-check"
import { C, grids } from "../fixtures/grids.js"

// `Visit.coverage` tests a visit against the period without converting it to a local date unless it falls within a
// day of the period's bounds. Property: it counts exactly the visits whose local date (`LocalDate.fromDateTime` in the
// zone) lies in the period, in zones with daylight saving, half-hour offsets, midnight transitions and a skipped day.

const households = [
  { id: "h1", building: "b1" },
  { id: "h2", building: "b1" },
  { id: "h3", building: "b2" },
  { id: "h4", building: "nowhere" }
].map((h) => ({ ...h, id: Schema.decodeSync(Ids.HouseholdId)(h.id) }))

const zones = [
  "Asia/Shanghai",
  "UTC",
  "America/Sao_Paulo", // daylight saving began at midnight (2018-11-04) and ended at midnight (2019-02-17)
  "America/Havana", // transitions at midnight
  "Asia/Beirut", // transitions at midnight
  "Pacific/Apia", // skipped 2011-12-30 altogether
  "Pacific/Kiritimati", // +14
  "Pacific/Pago_Pago", // -11
  "Asia/Kathmandu", // +05:45
  "Australia/Lord_Howe", // half-hour daylight saving
  "America/St_Johns", // -03:30 with daylight saving
  "Europe/London"
] as const
const dayMs = 86_400_000
const date: fc.Arbitrary<LocalDate.LocalDate> = fc.oneof(
  fc
    .constantFrom("2011-12-29", "2011-12-30", "2011-12-31", "2018-11-03", "2018-11-04", "2019-02-16", "2019-02-17")
    .map((d) => Schema.decodeSync(LocalDate.LocalDate)(d)),
  fc.integer({ min: LocalDate.toEpochDay(LocalDate.make(2010, 1, 1)), max: 20_000 }).map(LocalDate.fromEpochDay)
)
const input = fc
  .record({
    zone: fc.constantFrom(...zones),
    from: date,
    days: fc.integer({ min: -2, max: 40 }),
    countNoOneHome: fc.boolean(),
    visits: fc.array(
      fc.record({
        household: fc.constantFrom("h1", "h2", "h3", "h4", "h9"),
        outcome: fc.constantFrom(...Visit.Outcome.literals),
        // from three days before the UTC start of `from` to 45 days after it, to the millisecond
        offset: fc.integer({ min: -3 * dayMs, max: 45 * dayMs })
      }),
      { maxLength: 40 }
    )
  })
  .map(({ countNoOneHome, days, from, visits, zone }) => ({
    zone,
    countNoOneHome,
    period: { from, to: LocalDate.addDays(from, days) },
    visits: visits.map(
      (v, i) =>
        new Visit.Visit({
          id: Ids.VisitId.make(`v${i}`),
          tenant: Ids.TenantId.make(C),
          household: Ids.HouseholdId.make(v.household),
          worker: Ids.GridWorkerId.make("w1"),
          at: DateTime.unsafeMake(LocalDate.toEpochDay(from) * dayMs + v.offset),
          outcome: v.outcome
        })
    )
  }))

describe("Visit.coverage properties", () => {
  it("counts exactly the visits whose local date in the zone lies in the period", () => {
    const always = { from: LocalDate.make(1, 1, 1), to: LocalDate.make(9999, 12, 31) }
    fc.assert(
      fc.property(input, ({ countNoOneHome, period, visits, zone }) => {
        const options = { timeZone: zone, countNoOneHome }
        const inPeriod = visits.filter((v) =>
          LocalDate.isBetween(LocalDate.fromDateTime(v.at, zone), period.from, period.to)
        )
        const got = Visit.coverage({ grids, households, visits }, period, options)
        const want = Visit.coverage({ grids, households, visits: inPeriod }, always, options)
        expect(got.total).toEqual(want.total)
        expect(got.outcomes).toEqual(want.outcomes)
        expect([...got.grids]).toEqual([...want.grids])
        expect([...got.communities]).toEqual([...want.communities])
        // and by hand: the visits counted are those of known households in the period
        expect(got.total.visits).toBe(inPeriod.filter((v) => v.household !== "h9").length)
      }),
      { numRuns: 500 }
    )
  })

  it("fails on an unknown time zone as soon as there is a visit, as converting every visit did", () => {
    const v = new Visit.Visit({
      id: Ids.VisitId.make("v"),
      tenant: Ids.TenantId.make(C),
      household: Ids.HouseholdId.make("h1"),
      worker: Ids.GridWorkerId.make("w1"),
      at: DateTime.unsafeMake("2025-06-01T00:00:00Z"),
      outcome: "needs-recorded"
    })
    const period = { from: LocalDate.make(2025, 1, 1), to: LocalDate.make(2025, 12, 31) }
    expect(() => Visit.coverage({ grids, households, visits: [v] }, period, { timeZone: "Mars/Olympus" })).toThrow()
    expect(Visit.coverage({ grids, households, visits: [] }, period, { timeZone: "Mars/Olympus" }).total.visits).toBe(0)
  })
})
