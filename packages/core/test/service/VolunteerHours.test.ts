import { describe, expect, it } from "@effect/vitest"
import { Activity, LocalDate, VolunteerHours, VolunteerTeam } from "@zhili/core"
import { Either, Schema } from "effect"
import * as fc from "fast-check"

const d = (s: string) => Schema.decodeSync(LocalDate.LocalDate)(s)
const entry = Schema.decodeSync(VolunteerHours.Entry)
const tenant = "440881002001"

const team = (id: string, name: string) =>
  Schema.decodeSync(VolunteerTeam.VolunteerTeam)({ tenant, id, name, serviceType: "volunteer" })
const redVest = team("team-red-vest", "红马甲志愿服务队")
const medics = team("team-medics", "医疗志愿服务队")
const idle = team("team-idle", "新成立服务队")

const served = (
  id: string,
  person: string,
  teamId: string | undefined,
  on: string,
  minutes: number,
  activity?: string
) =>
  entry({
    _tag: "Served",
    tenant,
    id,
    person,
    ...(teamId === undefined ? {} : { team: teamId }),
    ...(activity === undefined ? {} : { activity }),
    on,
    minutes
  })

const post = (entries: ReadonlyArray<VolunteerHours.Entry>) =>
  entries.reduce<ReadonlyArray<VolunteerHours.Entry>>((l, e) => Either.getOrThrow(VolunteerHours.post(l, e)), [])

/** A hand-written month: three volunteers, two teams, one correction. */
const ledger = post([
  served("h1", "p-li", "team-red-vest", "2025-05-03", 120, "act-1"),
  served("h2", "p-wang", "team-red-vest", "2025-05-03", 90, "act-1"),
  served("h3", "p-li", "team-medics", "2025-05-10", 180, "act-2"),
  served("h4", "p-zhao", undefined, "2025-05-12", 60),
  served("h5", "p-wang", "team-red-vest", "2025-06-01", 45, "act-3"),
  entry({ _tag: "Correction", tenant, id: "h6", corrects: "h2", on: "2025-05-20", minutes: -30, reason: "提前离开" })
])

describe("VolunteerHours: a hand-written ledger", () => {
  it("gives each volunteer's balance after corrections, in a period", () => {
    expect(VolunteerHours.balance(ledger, "p-li" as never)).toEqual({ minutes: 300, hours: 5, entries: 2 })
    expect(VolunteerHours.balance(ledger, "p-wang" as never)).toEqual({ minutes: 105, hours: 1.75, entries: 2 })
    expect(VolunteerHours.balance(ledger, "p-wang" as never, { to: d("2025-05-31") })).toEqual({
      minutes: 60,
      hours: 1,
      entries: 1
    })
    expect(VolunteerHours.byVolunteer(ledger)).toEqual([
      { person: "p-li", minutes: 300, hours: 5 },
      { person: "p-wang", minutes: 105, hours: 1.75 },
      { person: "p-zhao", minutes: 60, hours: 1 }
    ])
  })

  it("feeds the team statistics: volunteers, activities and hours per team, every team listed", () => {
    expect(VolunteerHours.teamStatistics(ledger, [redVest, medics, idle])).toEqual([
      // 120 + (90 − 30) + 45 minutes
      { team: "team-red-vest", name: "红马甲志愿服务队", volunteers: 2, activities: 2, minutes: 225, hours: 3.75 },
      { team: "team-medics", name: "医疗志愿服务队", volunteers: 1, activities: 1, minutes: 180, hours: 3 },
      { team: "team-idle", name: "新成立服务队", volunteers: 0, activities: 0, minutes: 0, hours: 0 }
    ])
    expect(VolunteerHours.teamStatistics(ledger, [redVest], { from: d("2025-06-01"), to: d("2025-06-30") })).toEqual([
      { team: "team-red-vest", name: "红马甲志愿服务队", volunteers: 1, activities: 1, minutes: 45, hours: 0.75 }
    ])
  })

  it("refuses duplicates, corrections of nothing and corrections below zero", () => {
    const dup = VolunteerHours.post(ledger, served("h1", "p-li", undefined, "2025-07-01", 10))
    expect(Either.isLeft(dup) && dup.left.message).toBe(
      "volunteer hours entry h1: an entry with this id is already in the ledger"
    )
    const nothing = VolunteerHours.post(
      ledger,
      entry({ _tag: "Correction", tenant, id: "h7", corrects: "h6", on: "2025-07-01", minutes: 10, reason: "x" })
    )
    expect(Either.isLeft(nothing) && nothing.left.message).toBe(
      "volunteer hours entry h7: it corrects h6, which is no served entry"
    )
    const below = VolunteerHours.post(
      ledger,
      entry({ _tag: "Correction", tenant, id: "h7", corrects: "h2", on: "2025-07-01", minutes: -61, reason: "x" })
    )
    expect(Either.isLeft(below) && below.left.message).toBe(
      "volunteer hours entry h7: it would leave h2 at -1 minutes (0 to 1440 allowed)"
    )
    expect(() => served("h8", "p-li", undefined, "2025-07-01", 0)).toThrow("volunteer minutes must be 1 to 1440")
  })

  it("is fed from activities: one entry per volunteer per activity, the activity's team when the volunteer has none", () => {
    const activity = Schema.decodeSync(Activity.Activity)({
      tenant,
      id: "act-9",
      service: "svc-night-clinic",
      start: "2025-05-03T11:00:00Z",
      end: "2025-05-03T13:00:00Z",
      team: "team-medics",
      participants: { _tag: "Headcount", count: 50 },
      volunteers: [
        { person: "p-li", minutes: 120 },
        { person: "p-wang", team: "team-red-vest", minutes: 60 }
      ]
    })
    const fed = VolunteerHours.fromActivities([activity])
    expect(fed.map((e) => (e._tag === "Served" ? [e.id, e.person, e.team, e.on, e.minutes] : []))).toEqual([
      ["act-9:p-li", "p-li", "team-medics", "2025-05-03", 120],
      ["act-9:p-wang", "p-wang", "team-red-vest", "2025-05-03", 60]
    ])
    expect(VolunteerHours.teamStatistics(fed, [medics, redVest]).map((t) => [t.team, t.minutes])).toEqual([
      ["team-medics", 120],
      ["team-red-vest", 60]
    ])
  })
})

describe("VolunteerHours against a naive tally", () => {
  it("sums each volunteer's and team's minutes as a plain tally of the same services and corrections", () => {
    const service = fc.record({
      person: fc.integer({ min: 0, max: 4 }),
      team: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
      minutes: fc.integer({ min: 1, max: 1440 })
    })
    fc.assert(
      fc.property(
        fc.array(service, { maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: -1440, max: 1440 })), { maxLength: 10 }),
        (services, corrections) => {
          const teams = [0, 1, 2].map((t) => team(`t${t}`, `队${t}`))
          let l: ReadonlyArray<VolunteerHours.Entry> = []
          const perEntry: Array<number> = []
          services.forEach((s, i) => {
            l = Either.getOrThrow(
              VolunteerHours.post(
                l,
                served(
                  `s${i}`,
                  `v${s.person}`,
                  s.team === undefined ? undefined : `t${s.team}`,
                  "2025-05-01",
                  s.minutes
                )
              )
            )
            perEntry.push(s.minutes)
          })
          corrections.forEach(([at, minutes], j) => {
            if (services.length === 0 || minutes === 0) return
            const i = at % services.length
            const r = VolunteerHours.post(
              l,
              entry({
                _tag: "Correction",
                tenant,
                id: `c${j}`,
                corrects: `s${i}`,
                on: "2025-05-02",
                minutes,
                reason: "r"
              })
            )
            const after = (perEntry[i] as number) + minutes
            expect(Either.isRight(r)).toBe(after >= 0 && after <= 1440)
            if (Either.isRight(r)) {
              l = r.right
              perEntry[i] = after
            }
          })
          const tally = new Map<string, number>()
          const teamTally = [0, 0, 0]
          services.forEach((s, i) => {
            tally.set(`v${s.person}`, (tally.get(`v${s.person}`) ?? 0) + (perEntry[i] as number))
            if (s.team !== undefined) teamTally[s.team] = (teamTally[s.team] as number) + (perEntry[i] as number)
          })
          for (const [person, minutes] of tally)
            expect(VolunteerHours.balance(l, person as never).minutes).toBe(minutes)
          expect(VolunteerHours.teamStatistics(l, teams).map((t) => t.minutes)).toEqual(teamTally)
        }
      )
    )
  })
})
