import { assert, describe, expect, it } from "@effect/vitest"
import { LocalDate, OpeningHours, WorkingCalendar } from "@zhili/core"
import { DateTime, Either, Option, Schema } from "effect"
import * as fc from "fast-check"

const d = (s: string) => Schema.decodeSync(LocalDate.LocalDate)(s)
const utc = (s: string) => DateTime.unsafeMake(s)
const right = <A, E>(e: Either.Either<A, E>): A => {
  if (Either.isLeft(e)) throw new Error(`expected Right, got ${String(e.left)}`)
  return e.right
}
const iso = (o: Option.Option<DateTime.Utc>) => Option.map(o, DateTime.formatIso).pipe(Option.getOrNull)

// National Day 2025 (Oct 1–8 off; Sun Sep 28 and Sat Oct 11 worked), covering 2025 only.
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
        sources: []
      }
    ]
  })
)

const station = OpeningHours.fivePlusOne
const openAt = (s: string) => right(OpeningHours.isOpenAt(station, utc(s), cal))

describe("OpeningHours: the 5+1 extended hours (Mon–Fri 09:00–21:00, Sat 09:00–17:00)", () => {
  it("is open weekday evenings until 21:00 and Saturday daytime, with the end of a period closed", () => {
    expect(openAt("2025-09-30T12:59:59Z")).toBe(true) // Tue 20:59:59 +08:00
    expect(openAt("2025-09-30T13:00:00Z")).toBe(false) // Tue 21:00
    expect(openAt("2025-09-30T00:59:59Z")).toBe(false) // Tue 08:59:59
    expect(openAt("2025-09-30T01:00:00Z")).toBe(true) // Tue 09:00
    expect(openAt("2025-09-27T08:59:59Z")).toBe(true) // Sat 16:59:59
    expect(openAt("2025-09-27T09:00:00Z")).toBe(false) // Sat 17:00
    expect(openAt("2025-09-21T03:00:00Z")).toBe(false) // Sun 11:00
  })

  it("closes on public holidays and keeps weekday hours on make-up days", () => {
    expect(openAt("2025-10-06T03:00:00Z")).toBe(false) // Mon Oct 6, National Day
    expect(openAt("2025-09-28T12:00:00Z")).toBe(true) // make-up Sun Sep 28, 20:00 (weekday hours)
    expect(openAt("2025-10-11T12:00:00Z")).toBe(true) // make-up Sat Oct 11, 20:00
  })

  it("finds the next opening after the National Day holiday", () => {
    // Tue Sep 30 21:30 +08:00: Oct 1–8 closed, next opening Thu Oct 9 09:00 +08:00 = 01:00Z.
    expect(iso(right(OpeningHours.nextOpening(station, utc("2025-09-30T13:30:00Z"), cal)))).toBe(
      "2025-10-09T01:00:00.000Z"
    )
    // At an opening instant, that instant; in the middle of a period, the next period's start.
    expect(iso(right(OpeningHours.nextOpening(station, utc("2025-09-30T01:00:00Z"), cal)))).toBe(
      "2025-09-30T01:00:00.000Z"
    )
    expect(iso(right(OpeningHours.nextOpening(station, utc("2025-09-29T05:00:00Z"), cal)))).toBe(
      "2025-09-30T01:00:00.000Z"
    )
  })

  it("finds the next closing, now or after the next opening", () => {
    expect(iso(right(OpeningHours.nextClosing(station, utc("2025-09-30T02:00:00Z"), cal)))).toBe(
      "2025-09-30T13:00:00.000Z"
    )
    expect(iso(right(OpeningHours.nextClosing(station, utc("2025-09-30T13:30:00Z"), cal)))).toBe(
      "2025-10-09T13:00:00.000Z"
    )
  })

  it("does not guess past the calendar's years", () => {
    // Wed 2025-12-31 after 21:00: the next day is in 2026, which the calendar does not cover.
    const r = OpeningHours.nextOpening(station, utc("2025-12-31T14:00:00Z"), cal)
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) expect(r.left.message).toMatch(/has no data for 2026/)
    expect(Either.isLeft(OpeningHours.isOpenAt(station, utc("2025-09-30T02:00:00Z")))).toBe(true) // no calendar
  })

  it("property: the next opening is at or after t and open; the next closing is after t and closed", () => {
    const instants = fc
      .integer({
        min: DateTime.toEpochMillis(utc("2025-01-01T00:00:00Z")),
        max: DateTime.toEpochMillis(utc("2025-12-20T00:00:00Z"))
      })
      .map((ms) => DateTime.unsafeMake(ms))
    fc.assert(
      fc.property(instants, (t) => {
        const opening = right(OpeningHours.nextOpening(station, t, cal))
        const closing = right(OpeningHours.nextClosing(station, t, cal))
        if (Option.isNone(opening) || Option.isNone(closing)) return false
        const o = opening.value
        const c = closing.value
        const before = (x: DateTime.Utc) => DateTime.unsafeMake(DateTime.toEpochMillis(x) - 1)
        return (
          DateTime.greaterThanOrEqualTo(o, t) &&
          right(OpeningHours.isOpenAt(station, o, cal)) &&
          !right(OpeningHours.isOpenAt(station, before(o), cal)) &&
          DateTime.greaterThan(c, t) &&
          !right(OpeningHours.isOpenAt(station, c, cal)) &&
          right(OpeningHours.isOpenAt(station, before(c), cal))
        )
      }),
      { numRuns: 60 }
    )
  })
})

describe("OpeningHours: exceptions, touching periods and bounded search", () => {
  const hours = Either.getOrThrow(
    OpeningHours.decode({
      week: [
        { days: [1], periods: [{ start: "08:00", end: "12:00" }] },
        { days: [1], periods: [{ start: "12:00", end: "18:00" }] }
      ],
      exceptions: [
        { _tag: "Closed", date: "2025-09-29" },
        { _tag: "Extra", date: "2025-10-05", periods: [{ start: "10:00", end: "11:00" }] },
        { _tag: "Changed", date: "2025-10-13", periods: [{ start: "14:00", end: "15:00" }] }
      ]
    })
  )

  it("applies dated exceptions and counts touching periods as one opening", () => {
    expect(right(OpeningHours.isOpenAt(hours, utc("2025-09-29T03:00:00Z")))).toBe(false) // closed that Monday
    expect(right(OpeningHours.isOpenAt(hours, utc("2025-10-05T02:30:00Z")))).toBe(true) // extra Sunday
    expect(right(OpeningHours.periodsOn(hours, d("2025-10-13"))).map(String)).toEqual(["14:00–15:00"])
    // Mon Oct 6 at 09:00 +08:00: open 08:00–12:00 then 12:00–18:00, so it closes at 18:00 = 10:00Z.
    expect(iso(right(OpeningHours.nextClosing(hours, utc("2025-10-06T01:00:00Z"))))).toBe("2025-10-06T10:00:00.000Z")
    const os = right(OpeningHours.occurrences(hours, utc("2025-10-05T16:00:00Z"), utc("2025-10-06T16:00:00Z")))
    expect(os.length).toBe(2)
  })

  it("gives none, not an endless search, for a place that never opens or never closes", () => {
    const never = Either.getOrThrow(OpeningHours.decode({ week: [] }))
    expect(Option.isNone(right(OpeningHours.nextOpening(never, utc("2025-09-30T00:00:00Z"))))).toBe(true)
    expect(Option.isNone(right(OpeningHours.nextClosing(never, utc("2025-09-30T00:00:00Z"))))).toBe(true)
    const always = Either.getOrThrow(
      OpeningHours.decode({ week: [{ days: [1, 2, 3, 4, 5, 6, 7], periods: [{ start: "00:00", end: "24:00" }] }] })
    )
    expect(right(OpeningHours.isOpenAt(always, utc("2025-09-30T00:00:00Z")))).toBe(true)
    expect(
      Option.isNone(
        right(OpeningHours.nextClosing(always, utc("2025-09-30T00:00:00Z"), undefined, { horizonDays: 30 }))
      )
    ).toBe(true)
  })

  it("reports bad opening hours as findings with paths", () => {
    const paths = (input: unknown) => OpeningHours.validate(input).map((f) => f.path.join("."))
    expect(paths({ week: [{ days: [1], periods: [{ start: "09:00", end: "25:00" }] }] })).toEqual([
      "week.0.periods.0.end"
    ])
    expect(paths({ week: [{ days: [8], periods: [{ start: "09:00", end: "12:00" }] }] })).toEqual(["week.0.days.0"])
    expect(
      paths({
        week: [
          { days: [1], periods: [{ start: "09:00", end: "12:00" }] },
          { days: [1, 2], periods: [{ start: "11:00", end: "13:00" }] }
        ]
      })
    ).toEqual(["week"])
    expect(paths({ week: [], timeZone: "Nowhere/Town" })).toEqual(["timeZone"])
  })
})
