import { assert, describe, expect, it } from "@effect/vitest"
import { Activity, Decode, Ids, LocalDate, Placement } from "@zhili/core"
import { ServiceFixtures } from "@zhili/testing"
import { Either, Schema } from "effect"

const d = (s: string) => Schema.decodeSync(LocalDate.LocalDate)(s)

describe("Activity statistics reproduce the seed", () => {
  it("TCM night clinic: 15 sessions, 775 person-times", () => {
    const [row] = Activity.statistics(ServiceFixtures.tcmSessions, { services: [ServiceFixtures.tcmNightClinic.id] })
    expect(row?.activities).toBe(15)
    expect(row?.personTimes).toBe(775)
    expect(ServiceFixtures.tcmSessions.map((a) => Activity.date(a))).not.toContain("2025-10-06")
  })

  it("after-school class: 129 activities, 5,547 person-times, 9 of them camps", () => {
    const all = Activity.statistics(ServiceFixtures.afterSchoolActivities, { groupBy: "kind" })
    expect(all.map((r) => [r.key, r.activities, r.personTimes])).toEqual([
      ["camp", 9, 507],
      ["session", 120, 5040]
    ])
    expect(Activity.totals(ServiceFixtures.afterSchoolActivities)).toMatchObject({ activities: 129, personTimes: 5547 })
  })

  it("five volunteer teams: 180 activities, 8,000 person-times; 36 and 1,600 per team; 1,080 volunteer hours", () => {
    const byTeam = Activity.statistics(ServiceFixtures.teamActivities, { groupBy: "runningTeam" })
    expect(byTeam).toHaveLength(5)
    for (const row of byTeam) expect([row.activities, row.personTimes]).toEqual([36, 1600])
    const total = Activity.totals(ServiceFixtures.teamActivities)
    expect([total.activities, total.personTimes, total.volunteerHours, total.distinctVolunteers]).toEqual([
      180, 8000, 1080, 15
    ])
  })

  it("groups by the team that ran each activity: the volunteer team ran its 36 and the after-school class's 129", () => {
    const all = [...ServiceFixtures.afterSchoolActivities, ...ServiceFixtures.teamActivities]
    const ran = Activity.statistics(all, { groupBy: "runningTeam" })
    expect(ran.map((r) => [r.key, r.activities, r.personTimes])).toEqual([
      ["team-community", 36, 1600],
      ["team-judicial", 36, 1600],
      ["team-property", 36, 1600],
      ["team-social-work", 36, 1600],
      ["team-volunteer", 165, 7147]
    ])
    const only = Activity.statistics(all, { runningTeams: [Ids.VolunteerTeamId.make("team-judicial")] })
    expect(only.map((r) => r.activities)).toEqual([36])
  })

  it("filters by period (dates in Asia/Shanghai), space and scope", () => {
    const all = [
      ...ServiceFixtures.tcmSessions,
      ...ServiceFixtures.afterSchoolActivities,
      ...ServiceFixtures.teamActivities
    ]
    const q4 = Activity.statistics(ServiceFixtures.tcmSessions, { from: d("2025-10-01"), to: d("2025-12-31") })
    expect(q4[0]?.activities).toBe(10)
    const bySpace = Activity.statistics(ServiceFixtures.teamActivities, { groupBy: "space" })
    expect(bySpace.map((r) => [r.key, r.activities])).toEqual([
      ["space-jx-pavilion", 72],
      ["space-jx-station", 108]
    ])
    const inCompound = Activity.statistics(all, { inScope: (l) => Placement.within(l, { grid: ["jx-large"] }) })
    expect(inCompound[0]?.personTimes).toBe(775 + 5547 + 8000)
    const elsewhere = Activity.statistics(all, { inScope: (l) => Placement.within(l, { division: "370303" }) })
    expect(elsewhere).toEqual([])
    const monthly = Activity.statistics(ServiceFixtures.teamActivities, { groupBy: "month" })
    expect(monthly).toHaveLength(12)
    expect(monthly[0]).toMatchObject({ key: "2025-01", activities: 15 })
  })

  it("counts a late-evening session on its Shanghai date, not its UTC date", () => {
    const late = Schema.decodeUnknownSync(Activity.Activity)({
      tenant: "440881002001",
      id: "a-late",
      service: "svc-x",
      start: "2025-09-30T16:30:00Z",
      end: "2025-09-30T17:30:00Z",
      participants: { _tag: "Headcount", count: 3 }
    })
    expect(Activity.date(late)).toBe("2025-10-01")
    expect(Activity.statistics([late], { from: d("2025-10-01"), to: d("2025-10-01") })[0]?.activities).toBe(1)
  })
})

describe("Activity capacity and rosters", () => {
  const id = (s: string) => Schema.decodeSync(Ids.ResidentId)(s)
  const session = (residents: ReadonlyArray<string>, guests = 0) =>
    Schema.decodeUnknownSync(Activity.Activity)({
      tenant: "440881002001",
      id: "a1",
      service: "svc-after-school",
      start: "2025-09-02T08:30:00Z",
      end: "2025-09-02T10:00:00Z",
      participants: { _tag: "Roster", residents, guests }
    })

  it("counts a roster plus guests, and distinct residents across sessions", () => {
    const a = session(["r1", "r2"], 1)
    expect(Activity.personTimes(a)).toBe(3)
    expect(Activity.totals([a, session(["r2", "r3"])]).distinctResidents).toBe(3)
    expect(id("r1")).toBe("r1")
  })

  it("reports a session over capacity and a resident listed twice", () => {
    const a = session(["r1", "r2", "r1"], 1)
    const f = Activity.checkCapacity(a, 3)
    expect(f.map((x) => [x.code, x.path])).toEqual([
      ["activity/over-capacity", ["participants"]],
      ["activity/duplicate-participant", ["participants", "residents", 2]]
    ])
    expect(f[0]?.message).toBe("activity a1 has 4 participants but room for 3 (1 too many)")
    expect(Activity.checkCapacity(session(["r1"]), 60)).toEqual([])
    expect(Activity.remainingPlaces(a, 3)).toBe(0)
    expect(Activity.remainingPlaces(a, undefined)).toBeUndefined()
  })

  it("rejects an activity that ends before it starts, and a bad head count, with paths", () => {
    const r = Decode.decodeEither(Activity.Activity)({
      tenant: "440881002001",
      id: "a1",
      service: "s",
      start: "2025-09-02T10:00:00Z",
      end: "2025-09-02T08:00:00Z",
      participants: { _tag: "Headcount", count: 1 }
    })
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) expect(r.left.issues.map((i) => i.path)).toEqual([["end"]])
    const r2 = Decode.decodeEither(Activity.Activity)({
      tenant: "440881002001",
      id: "a1",
      service: "s",
      start: "2025-09-02T08:00:00Z",
      end: "2025-09-02T10:00:00Z",
      participants: { _tag: "Headcount", count: -2 },
      volunteers: [{ person: "p", minutes: 0 }]
    })
    assert.isTrue(Either.isLeft(r2))
    if (Either.isLeft(r2)) {
      expect(r2.left.issues.map((i) => i.path)).toEqual([
        ["participants", "count"],
        ["volunteers", 0, "minutes"]
      ])
    }
  })
})

describe("Seed fixtures hang together", () => {
  it("every activity names a service of the compound, ids are unique, and all lie in the compound's scope", () => {
    const all = [
      ...ServiceFixtures.tcmSessions,
      ...ServiceFixtures.afterSchoolActivities,
      ...ServiceFixtures.teamActivities
    ]
    const services = new Set<string>(ServiceFixtures.services.map((s) => s.id))
    expect(all.filter((a) => !services.has(a.service))).toEqual([])
    expect(new Set(all.map((a) => a.id)).size).toBe(all.length)
    expect(
      all.every((a) => Placement.within(Activity.location(a), { division: "440881002", grid: ["jx-large"] }))
    ).toBe(true)
  })
})
