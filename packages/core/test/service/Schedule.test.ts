import { assert, describe, expect, it } from "@effect/vitest"
import { Decode, LocalDate, Recurrence, Schedule, Service, WorkingCalendar } from "@zhili/core"
import { ServiceFixtures } from "@zhili/testing"
import { DateTime, Either, Option, Schema } from "effect"

const d = (s: string) => Schema.decodeSync(LocalDate.LocalDate)(s)
const t = (iso: string) => DateTime.unsafeMake(iso)
const right = <A, E>(e: Either.Either<A, E>): A => Either.getOrThrowWith(e, (x) => new Error(String(x)))

// The 2025 National Day + Mid-Autumn holiday (Oct 1–8) and its make-up days, from STANDARDS.md.
const calendar2025 = Schema.decodeUnknownSync(WorkingCalendar.WorkingCalendar)({
  id: "test/2025-national-day",
  years: [
    {
      year: 2025,
      holidays: ["01", "02", "03", "04", "05", "06", "07", "08"].map((day) => ({
        date: `2025-10-${day}`,
        name: "国庆节、中秋节"
      })),
      makeUpDays: [
        { date: "2025-09-28", name: "国庆节调休" },
        { date: "2025-10-11", name: "国庆节调休" }
      ],
      sources: []
    }
  ]
})

const tcm = ServiceFixtures.tcmNightClinic
const station = ServiceFixtures.serviceStation
const online = ServiceFixtures.onlineHealth
const scheduleOf = (s: Service.Service): Schedule.Schedule => {
  if (s.schedule === undefined) throw new Error(`${s.id} has no schedule`)
  return s.schedule
}

describe("Schedule: TCM night clinic, every Monday evening", () => {
  it("gives the 15 session dates of the fixture, skipping Monday 2025-10-06 (a public holiday)", () => {
    const dates = right(Schedule.sessionDates(scheduleOf(tcm), d("2025-09-01"), d("2025-12-15"), calendar2025))
    expect(dates).toEqual(ServiceFixtures.tcmSessionDates)
    expect(dates).toHaveLength(15)
    expect(dates).not.toContain("2025-10-06")
  })

  it("is open on a Monday at 20:00 Shanghai time, closed at 21:00, and closed on the holiday Monday", () => {
    assert.isTrue(right(Service.isOpenAt(tcm, t("2025-09-08T12:00:00Z"), calendar2025)))
    assert.isFalse(right(Service.isOpenAt(tcm, t("2025-09-08T13:00:00Z"), calendar2025)))
    assert.isFalse(right(Service.isOpenAt(tcm, t("2025-10-06T12:00:00Z"), calendar2025)))
  })

  it("opens next on 2025-10-13 when asked during the holiday week", () => {
    const next = right(Schedule.nextOpening(scheduleOf(tcm), t("2025-09-29T14:00:00Z"), calendar2025))
    expect(Option.map(next, DateTime.formatIso)).toEqual(Option.some("2025-10-13T11:00:00.000Z"))
  })

  it("reconciles the schedule with the recorded sessions", () => {
    expect(
      right(
        Schedule.reconcile(scheduleOf(tcm), ServiceFixtures.tcmSessions, d("2025-09-01"), d("2025-12-15"), calendar2025)
      )
    ).toEqual([])
    const missing = right(
      Schedule.reconcile(
        scheduleOf(tcm),
        ServiceFixtures.tcmSessions.slice(1),
        d("2025-09-01"),
        d("2025-12-22"),
        calendar2025
      )
    )
    expect(missing.map((f) => [f.code, f.path])).toEqual([
      ["schedule/session-not-held", ["sessions", "2025-09-01"]],
      ["schedule/session-not-held", ["sessions", "2025-12-22"]]
    ])
  })

  it("fails with a typed error, not a guess, for a year the calendar does not cover", () => {
    const r = Schedule.sessionDates(scheduleOf(tcm), d("2027-01-01"), d("2027-01-31"), calendar2025)
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) expect(r.left._tag).toBe("CalendarGap")
    const none = Schedule.isOpenAt(scheduleOf(tcm), t("2025-09-08T12:00:00Z"))
    assert.isTrue(Either.isLeft(none))
  })
})

describe("Schedule: the service station's 5+1 hours", () => {
  it("is open on a weekday evening until 21:00 and on Saturday, closed on Sunday", () => {
    assert.isTrue(right(Service.isOpenAt(station, t("2025-09-10T12:30:00Z"), calendar2025)))
    assert.isFalse(right(Service.isOpenAt(station, t("2025-09-10T13:00:00Z"), calendar2025)))
    assert.isTrue(right(Service.isOpenAt(station, t("2025-09-13T03:00:00Z"), calendar2025)))
    assert.isFalse(right(Service.isOpenAt(station, t("2025-09-14T03:00:00Z"), calendar2025)))
  })

  it("stays closed over the National Day holiday and opens on the first working day after it", () => {
    assert.isFalse(right(Service.isOpenAt(station, t("2025-10-06T03:00:00Z"), calendar2025)))
    const next = right(Schedule.nextOpening(scheduleOf(station), t("2025-10-01T00:00:00Z"), calendar2025))
    expect(Option.map(next, (x) => LocalDate.fromDateTime(x))).toEqual(Option.some("2025-10-09"))
  })
})

describe("Schedule: always open and by appointment", () => {
  it("an online channel is open at any hour and has no sessions", () => {
    assert.isTrue(right(Service.isOpenAt(online, t("2025-10-06T19:00:00Z"))))
    expect(
      right(Schedule.occurrences(scheduleOf(online), t("2025-10-01T00:00:00Z"), t("2025-10-08T00:00:00Z")))
    ).toEqual([])
    const appointment: Schedule.Schedule = { _tag: "ByAppointment", description: "预约" }
    assert.isFalse(right(Schedule.isOpenAt(appointment, t("2025-10-06T03:00:00Z"))))
    expect(right(Schedule.nextOpening(appointment, t("2025-10-06T03:00:00Z")))).toEqual(Option.none())
  })

  it("a closed service is not open whatever its schedule says", () => {
    const closed = new Service.Service({ ...online, status: "temporarily-closed" })
    assert.isFalse(right(Service.isOpenAt(closed, t("2025-10-06T19:00:00Z"))))
  })
})

describe("Schedule: several rules and periods", () => {
  it("merges a weekly rule with two periods a day and a monthly rule, in time order", () => {
    const s: Schedule.Schedule = {
      _tag: "Recurring",
      rules: [
        Recurrence.weekly(
          [3],
          [
            ["09:00", "11:00"],
            ["15:00", "17:00"]
          ]
        ),
        Recurrence.make({ freq: "monthly", byMonthDay: [1], periods: [{ start: "10:00", end: "12:00" }] })
      ]
    }
    const os = right(Schedule.occurrences(s, t("2025-09-30T16:00:00Z"), t("2025-10-02T16:00:00Z")))
    expect(os.map((o) => [o.date, DateTime.formatIso(o.start)])).toEqual([
      ["2025-10-01", "2025-10-01T01:00:00.000Z"],
      ["2025-10-01", "2025-10-01T02:00:00.000Z"],
      ["2025-10-01", "2025-10-01T07:00:00.000Z"]
    ])
  })

  it("rejects a schedule with bad times, with paths", () => {
    const r = Decode.decodeEither(Schedule.Schedule)({
      _tag: "Recurring",
      rules: [{ freq: "weekly", byDay: [{ weekday: 1 }], periods: [{ start: "25:00", end: "21:00" }] }]
    })
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r))
      expect(r.left.issues.some((i) => i.path.slice(0, 3).join(".") === "rules.0.periods")).toBe(true)
  })
})
