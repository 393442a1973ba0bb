import { assert, describe, expect, it } from "@effect/vitest"
import { LocalDate, WallClock, WorkingCalendar } from "@zhili/core"
import { DateTime, Duration, Either, Schema } from "effect"
import * as fc from "fast-check"

const d = (s: string) => Schema.decodeSync(LocalDate.LocalDate)(s)
const utc = (s: string) => DateTime.unsafeMake(s)
const iso = (t: DateTime.DateTime) => DateTime.formatIso(t)
const dates = (min: string, max: string) =>
  fc
    .integer({ min: LocalDate.toEpochDay(d(min)), max: LocalDate.toEpochDay(d(max)) })
    .map((n) => LocalDate.fromEpochDay(n))

// A small hand-made calendar: the 2025 National Day week (Oct 1–8 off, Sep 28 Sun and Oct 11 Sat worked) and
// nothing else, covering 2025 only.
const cal = Either.getOrThrow(
  WorkingCalendar.decode({
    id: "test-2025",
    years: [
      {
        year: 2025,
        holidays: LocalDate.range(d("2025-10-01"), d("2025-10-08")).map((date) => ({ date, name: "National Day" })),
        makeUpDays: [
          { date: "2025-09-28", name: "National Day" },
          { date: "2025-10-11", name: "National Day" }
        ],
        sources: [{ title: "test data" }]
      }
    ]
  })
)

const right = <A, E>(e: Either.Either<A, E>): A => {
  if (Either.isLeft(e)) throw new Error(`expected Right, got ${String(e.left)}`)
  return e.right
}

describe("WorkingCalendar days", () => {
  it("defaults to Asia/Shanghai and a Saturday–Sunday weekend", () => {
    expect(cal.timeZone).toBe("Asia/Shanghai")
    expect(cal.weekend).toEqual([6, 7])
  })

  it("classifies weekdays, weekends, holidays and make-up days", () => {
    expect(right(WorkingCalendar.dayKind(cal, d("2025-09-30")))._tag).toBe("Workday")
    expect(right(WorkingCalendar.dayKind(cal, d("2025-09-27")))._tag).toBe("Weekend")
    expect(right(WorkingCalendar.dayKind(cal, d("2025-10-04")))).toEqual({ _tag: "Holiday", name: "National Day" })
    expect(right(WorkingCalendar.dayKind(cal, d("2025-10-11")))._tag).toBe("MakeUpDay")
    expect(right(WorkingCalendar.isWorkingDay(cal, d("2025-10-11")))).toBe(true)
    expect(right(WorkingCalendar.isWorkingDay(cal, d("2025-10-08")))).toBe(false)
  })

  it("refuses to guess about a year it has no data for", () => {
    const r = WorkingCalendar.isWorkingDay(cal, d("2026-01-05"))
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) {
      assert.instanceOf(r.left, WorkingCalendar.CalendarGap)
      expect(r.left.year).toBe(2026)
      expect(r.left.message).toBe("calendar test-2025 has no data for 2026 (asked about 2026-01-05); it covers 2025")
    }
  })

  it("adds working days across the holiday, counting the make-up Saturday", () => {
    // Sep 30 (Tue) + 1 → Oct 9 (Thu); + 3 → Oct 11 (the make-up Saturday); + 4 → Oct 13 (Mon).
    expect(right(WorkingCalendar.addWorkingDays(cal, d("2025-09-30"), 1))).toBe("2025-10-09")
    expect(right(WorkingCalendar.addWorkingDays(cal, d("2025-09-30"), 3))).toBe("2025-10-11")
    expect(right(WorkingCalendar.addWorkingDays(cal, d("2025-09-30"), 4))).toBe("2025-10-13")
    expect(right(WorkingCalendar.addWorkingDays(cal, d("2025-10-09"), -1))).toBe("2025-09-30")
    expect(right(WorkingCalendar.addWorkingDays(cal, d("2025-10-04"), 0))).toBe("2025-10-04")
  })

  it("fails with a gap when counting runs past the covered years", () => {
    const r = WorkingCalendar.addWorkingDays(cal, d("2025-12-30"), 5)
    expect(Either.isLeft(r) && r.left._tag === "CalendarGap" && r.left.year).toBe(2026)
  })

  it("rejects a fractional count with a typed error", () => {
    const r = WorkingCalendar.addWorkingDays(cal, d("2025-09-30"), 1.5)
    expect(Either.isLeft(r) && r.left._tag).toBe("InvalidInput")
  })

  it("property: addWorkingDays(n) then workingDaysBetween gives n back", () => {
    fc.assert(
      fc.property(dates("2025-01-01", "2025-12-31"), fc.integer({ min: -40, max: 40 }), (date, n) => {
        const target = WorkingCalendar.addWorkingDays(cal, date, n)
        if (Either.isLeft(target)) return target.left._tag === "CalendarGap"
        return right(WorkingCalendar.workingDaysBetween(cal, date, target.right)) === n
      })
    )
  })

  it("property: the day reached by addWorkingDays(n ≠ 0) is a working day", () => {
    fc.assert(
      fc.property(dates("2025-01-01", "2025-11-30"), fc.integer({ min: 1, max: 20 }), (date, n) =>
        right(WorkingCalendar.isWorkingDay(cal, right(WorkingCalendar.addWorkingDays(cal, date, n))))
      )
    )
  })
})

describe("WorkingCalendar working hours and deadlines", () => {
  it("has documented default hours 09:00–12:00 and 13:30–17:30", () => {
    expect(WorkingCalendar.defaultWorkingHours.periods.map(String)).toEqual(["09:00–12:00", "13:30–17:30"])
  })

  it("adds working hours over lunch, nights and the holiday", () => {
    // Tue 2025-09-30 16:30 +08:00 = 08:30Z. One hour left that day (to 17:30); the next working day is Thu Oct 9;
    // 3 more hours → 09:00–12:00 on Oct 9, so the deadline is Oct 9 12:00 +08:00 = 04:00Z.
    const start = utc("2025-09-30T08:30:00Z")
    expect(iso(right(WorkingCalendar.addWorkingHours(cal, start, 4)))).toBe("2025-10-09T04:00:00.000Z")
    // Half an hour more: lunch is skipped, 13:30 + 0:30 = 14:00 +08:00 = 06:00Z.
    expect(iso(right(WorkingCalendar.addWorkingHours(cal, start, 4.5)))).toBe("2025-10-09T06:00:00.000Z")
    // Starting at night counts from the next opening: Sat Oct 11 (make-up) 09:00 + 2 h = 11:00 +08:00 = 03:00Z.
    expect(iso(right(WorkingCalendar.addWorkingHours(cal, utc("2025-10-10T14:00:00Z"), 2)))).toBe(
      "2025-10-11T03:00:00.000Z"
    )
  })

  it("rejects negative hours with a typed error naming the argument", () => {
    const r = WorkingCalendar.addWorkingHours(cal, utc("2025-09-30T08:30:00Z"), -1)
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) expect(r.left.message).toMatch(/^calendar\/invalid-hours at hours/)
  })

  it("puts a 3-working-day deadline from 2025-09-30 at the close of the make-up Saturday", () => {
    // From Tue 2025-09-30 10:00 +08:00 the day itself does not count; Oct 1–8 are off; Oct 9 (Thu) is day 1,
    // Oct 10 (Fri) day 2, Oct 11 (make-up Sat) day 3. Close of business 17:30 +08:00 = 09:30Z.
    const deadline = right(WorkingCalendar.addWorkingDaysDeadline(cal, utc("2025-09-30T02:00:00Z"), 3))
    expect(iso(deadline)).toBe("2025-10-11T09:30:00.000Z")
    const midnight = right(
      WorkingCalendar.addWorkingDaysDeadline(cal, utc("2025-09-30T02:00:00Z"), 3, { end: "midnight" })
    )
    expect(iso(midnight)).toBe("2025-10-11T16:00:00.000Z")
    expect(WorkingCalendar.isOverdue(deadline, utc("2025-10-11T09:30:00Z"))).toBe(false)
    expect(WorkingCalendar.isOverdue(deadline, utc("2025-10-11T09:30:01Z"))).toBe(true)
  })

  it("counts working time between instants", () => {
    // Sep 30 16:30 → Oct 9 10:00 (+08:00): 1 h on Sep 30 and 1 h on Oct 9.
    const t = right(WorkingCalendar.workingTimeBetween(cal, utc("2025-09-30T08:30:00Z"), utc("2025-10-09T02:00:00Z")))
    expect(Duration.toHours(t)).toBe(2)
    expect(
      Duration.toMillis(
        right(WorkingCalendar.workingTimeBetween(cal, utc("2025-10-09T02:00:00Z"), utc("2025-09-30T08:30:00Z")))
      )
    ).toBe(0)
  })

  it("property: workingTimeBetween(t, addWorkingHours(t, h)) = h", () => {
    const instants = fc
      .integer({
        min: DateTime.toEpochMillis(utc("2025-01-01T00:00:00Z")),
        max: DateTime.toEpochMillis(utc("2025-11-30T00:00:00Z"))
      })
      .map((ms) => DateTime.unsafeMake(Math.floor(ms / 60_000) * 60_000))
    fc.assert(
      fc.property(instants, fc.integer({ min: 0, max: 40 * 4 }), (t, quarters) => {
        const hours = quarters / 4
        const deadline = right(WorkingCalendar.addWorkingHours(cal, t, hours))
        const between = right(WorkingCalendar.workingTimeBetween(cal, t, deadline))
        return Duration.toMillis(between) === hours * 3_600_000
      }),
      { numRuns: 60 }
    )
  })

  it("reads working hours in the calendar's zone", () => {
    const urumqi = WorkingCalendar.weekendsOnly("xj", [2025], { timeZone: "Asia/Urumqi" })
    // Mon 2025-09-29 09:00 in Urumqi (+06:00) is 03:00Z; one hour later is 04:00Z.
    expect(iso(right(WorkingCalendar.addWorkingHours(urumqi, utc("2025-09-29T00:00:00Z"), 1)))).toBe(
      "2025-09-29T04:00:00.000Z"
    )
  })
})

describe("WorkingCalendar data", () => {
  const year = (y: number) => ({
    year: y,
    holidays: [{ date: `${y}-01-01`, name: "New Year" }],
    makeUpDays: [],
    sources: []
  })

  it("extends a calendar with a year given as data", () => {
    const extended = right(WorkingCalendar.extend(cal, [year(2026)]))
    expect(WorkingCalendar.coveredYears(extended)).toEqual([2025, 2026])
    expect(right(WorkingCalendar.isWorkingDay(extended, d("2026-01-01")))).toBe(false)
    expect(right(WorkingCalendar.isWorkingDay(extended, d("2026-01-02")))).toBe(true)
  })

  it("refuses to extend with a year already covered, and to merge calendars that disagree", () => {
    const r = WorkingCalendar.extend(cal, [year(2025)])
    expect(Either.isLeft(r) && r.left.message).toBe("calendar test-2025: already has data for 2025")
    const other = WorkingCalendar.weekendsOnly("xj", [2026], { timeZone: "Asia/Urumqi" })
    expect(Either.isLeft(WorkingCalendar.merge(cal, other))).toBe(true)
    const merged = right(WorkingCalendar.merge(cal, WorkingCalendar.weekendsOnly("plain", [2026]), "both"))
    expect([merged.id, WorkingCalendar.coveredYears(merged)]).toEqual(["both", [2025, 2026]])
    expect(WorkingCalendar.coveredYears(WorkingCalendar.restrict(merged, [2026]))).toEqual([2026])
  })

  it("reports bad data as findings with paths", () => {
    const findings = WorkingCalendar.validate({
      id: "bad",
      timeZone: "Mars/Olympus",
      years: [
        {
          year: 2025,
          holidays: [{ date: "2024-12-31", name: "Eve" }],
          makeUpDays: [{ date: "2025-10-10", name: "not a weekend day" }],
          sources: []
        }
      ]
    })
    const paths = findings.map((f) => f.path.join("."))
    expect(paths).toContain("timeZone")
    expect(findings.some((f) => f.message.includes("Mars/Olympus"))).toBe(true)
    const bad = WorkingCalendar.validate({
      id: "bad",
      years: [
        {
          year: 2025,
          holidays: [{ date: "2024-12-31", name: "Eve" }],
          makeUpDays: [{ date: "2025-10-10", name: "not a weekend day" }],
          sources: []
        }
      ]
    })
    expect(bad.map((f) => f.path.join("."))).toContain("years.0.holidays.0.date")
    const weekday = WorkingCalendar.validate({
      id: "bad",
      years: [{ year: 2025, holidays: [], makeUpDays: [{ date: "2025-10-10", name: "x" }], sources: [] }]
    })
    expect(weekday.map((f) => f.path.join("."))).toEqual(["years.0.makeUpDays.0.date"])
    expect(WorkingCalendar.validate(Schema.encodeSync(WorkingCalendar.WorkingCalendar)(cal))).toEqual([])
  })

  it("rejects malformed working hours", () => {
    const decode = Schema.decodeUnknownEither(WorkingCalendar.WorkingHours)
    expect(Either.isLeft(decode({ periods: [{ start: "25:00", end: "26:00" }] }))).toBe(true)
    expect(Either.isLeft(decode({ periods: [{ start: "17:00", end: "09:00" }] }))).toBe(true)
    expect(Either.isLeft(decode({ periods: [] }))).toBe(true)
    expect(Either.isRight(decode({ periods: [{ start: "08:30", end: "12:00" }] }))).toBe(true)
    expect(WallClock.toSeconds(WallClock.time(24))).toBe(86_400)
  })
})
