import { assert, describe, expect, it } from "@effect/vitest"
import { LocalDate, Recurrence, WorkingCalendar } from "@zhili/core"
import { DateTime, Either, Schema } from "effect"
import * as fc from "fast-check"

const d = (s: string) => Schema.decodeSync(LocalDate.LocalDate)(s)
const utc = (s: string) => DateTime.unsafeMake(s)
const right = <A, E>(e: Either.Either<A, E>): A => {
  if (Either.isLeft(e)) throw new Error(`expected Right, got ${String(e.left)}`)
  return e.right
}
const show = (os: ReadonlyArray<Recurrence.Occurrence>) =>
  os.map((o) => `${o.date} ${DateTime.formatIso(o.start)}–${DateTime.formatIso(o.end).slice(11, 16)}`)

// National Day 2025 (Oct 1–8 off; Sep 28 and Oct 11 worked), covering 2025 only.
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

// TCM night clinic (中医夜市): every Monday 19:00–21:00, closed on public holidays.
const clinic = Recurrence.weekly([1], [["19:00", "21:00"]], {
  holidays: { _tag: "Skip" },
  description: "TCM night clinic"
})

describe("Recurrence.occurrences", () => {
  it("gives the Monday clinic and skips the National Day Monday (2025-10-06)", () => {
    const os = right(Recurrence.occurrences(clinic, utc("2025-09-28T16:00:00Z"), utc("2025-10-19T16:00:00Z"), cal))
    // 19:00 +08:00 is 11:00Z.
    expect(show(os)).toEqual(["2025-09-29 2025-09-29T11:00:00.000Z–13:00", "2025-10-13 2025-10-13T11:00:00.000Z–13:00"])
  })

  it("keeps the holiday Monday when the rule is open anyway, without needing a calendar", () => {
    const open = Recurrence.weekly([1], [["19:00", "21:00"]])
    const os = right(Recurrence.occurrences(open, utc("2025-10-05T16:00:00Z"), utc("2025-10-06T16:00:00Z")))
    expect(os.map((o) => o.date)).toEqual(["2025-10-06"])
  })

  it("asks for a calendar when the rule follows holidays and none is given", () => {
    const r = Recurrence.occurrences(clinic, utc("2025-10-05T16:00:00Z"), utc("2025-10-06T16:00:00Z"))
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) expect(r.left.message).toMatch(/TCM night clinic follows public holidays/)
  })

  it("fails with a gap outside the calendar's years instead of guessing", () => {
    const r = Recurrence.occurrences(clinic, utc("2026-01-04T16:00:00Z"), utc("2026-01-06T16:00:00Z"), cal)
    expect(Either.isLeft(r) && r.left._tag).toBe("CalendarGap")
  })

  it("supports several periods a day, validity and dated exceptions", () => {
    const rule = Recurrence.make({
      freq: "weekly",
      byDay: [{ weekday: 2 }, { weekday: 4 }],
      periods: [
        { start: "08:30", end: "11:30" },
        { start: "14:30", end: "17:30" }
      ],
      validFrom: "2025-09-01",
      validTo: "2025-09-30",
      exceptions: [
        { _tag: "Closed", date: "2025-09-04", reason: "training" },
        { _tag: "Changed", date: "2025-09-09", periods: [{ start: "09:00", end: "10:00" }] },
        { _tag: "Extra", date: "2025-09-13", periods: [{ start: "10:00", end: "12:00" }] }
      ]
    })
    const os = right(Recurrence.occurrences(rule, utc("2025-08-25T00:00:00Z"), utc("2025-09-14T00:00:00Z")))
    expect(os.map((o) => `${o.date}/${o.kind}`)).toEqual([
      "2025-09-02/regular",
      "2025-09-02/regular",
      "2025-09-09/changed",
      "2025-09-11/regular",
      "2025-09-11/regular",
      "2025-09-13/extra"
    ])
    expect(right(Recurrence.periodsOn(rule, d("2025-10-02"))).length).toBe(0)
  })

  it("expands monthly rules: the 2nd Tuesday, the last Friday and month days from the end", () => {
    const secondTuesday = Recurrence.make({
      freq: "monthly",
      byDay: [{ weekday: 2, nth: 2 }],
      periods: [{ start: "09:00", end: "11:00" }]
    })
    const range = [utc("2024-12-31T16:00:00Z"), utc("2025-04-30T16:00:00Z")] as const
    expect(right(Recurrence.occurrences(secondTuesday, ...range)).map((o) => o.date)).toEqual([
      "2025-01-14",
      "2025-02-11",
      "2025-03-11",
      "2025-04-08"
    ])
    const lastFriday = Recurrence.make({
      freq: "monthly",
      byDay: [{ weekday: 5, nth: -1 }],
      periods: [{ start: "09:00", end: "11:00" }]
    })
    expect(right(Recurrence.occurrences(lastFriday, ...range)).map((o) => o.date)).toEqual([
      "2025-01-31",
      "2025-02-28",
      "2025-03-28",
      "2025-04-25"
    ])
    const lastDay = Recurrence.make({ freq: "monthly", byMonthDay: [-1], periods: [{ start: "09:00", end: "10:00" }] })
    expect(right(Recurrence.occurrences(lastDay, ...range)).map((o) => o.date)).toEqual([
      "2025-01-31",
      "2025-02-28",
      "2025-03-31",
      "2025-04-30"
    ])
  })

  it("honours interval, dtstart and count (fortnightly, four times)", () => {
    const rule = Recurrence.make({
      freq: "weekly",
      interval: 2,
      dtstart: "2025-09-01",
      count: 4,
      byDay: [{ weekday: 1 }],
      periods: [{ start: "19:00", end: "21:00" }]
    })
    expect(
      right(Recurrence.occurrences(rule, utc("2025-08-01T00:00:00Z"), utc("2025-12-31T00:00:00Z"))).map((o) => o.date)
    ).toEqual(["2025-09-01", "2025-09-15", "2025-09-29", "2025-10-13"])
    const daily = Recurrence.make({
      freq: "daily",
      dtstart: "2025-09-29",
      interval: 3,
      periods: [{ start: "08:00", end: "09:00" }],
      until: "2025-10-10"
    })
    expect(
      right(Recurrence.occurrences(daily, utc("2025-09-01T00:00:00Z"), utc("2025-12-31T00:00:00Z"))).map((o) => o.date)
    ).toEqual(["2025-09-29", "2025-10-02", "2025-10-05", "2025-10-08"])
  })

  it("opens a weekday rule on a make-up Saturday when it follows working days", () => {
    const office = Recurrence.weekly([1, 2, 3, 4, 5], [["09:00", "17:00"]], {
      holidays: { _tag: "FollowWorkingDays", makeUpDayAs: 5 }
    })
    const os = right(Recurrence.occurrences(office, utc("2025-10-05T16:00:00Z"), utc("2025-10-12T16:00:00Z"), cal))
    expect(os.map((o) => `${o.date}/${o.kind}`)).toEqual([
      "2025-10-09/regular",
      "2025-10-10/regular",
      "2025-10-11/makeUp"
    ])
  })

  it("returns nothing when the range is empty or reversed", () => {
    expect(
      right(Recurrence.occurrences(clinic, utc("2025-09-30T00:00:00Z"), utc("2025-09-01T00:00:00Z"), cal))
    ).toEqual([])
  })
})

describe("Recurrence properties", () => {
  const weekday = fc.constantFrom(1, 2, 3, 4, 5, 6, 7) as fc.Arbitrary<WorkingCalendar.Weekday>
  const day = fc.integer({ min: LocalDate.toEpochDay(d("2025-01-01")), max: LocalDate.toEpochDay(d("2025-12-31")) })
  const rules = fc
    .record({
      days: fc.uniqueArray(weekday, { minLength: 1, maxLength: 7 }),
      closed: fc.array(day, { maxLength: 10 }),
      skip: fc.boolean(),
      start: fc.integer({ min: 0, max: 22 })
    })
    .map(({ closed, days, skip, start }) =>
      Recurrence.make({
        freq: "weekly",
        byDay: days.map((w) => ({ weekday: w })),
        periods: [
          { start: `${String(start).padStart(2, "0")}:00`, end: `${String(start + 1).padStart(2, "0")}:00` },
          { start: `${String(start + 1).padStart(2, "0")}:30`, end: "24:00" }
        ],
        exceptions: [...new Set(closed)].map((n) => ({ _tag: "Closed" as const, date: LocalDate.fromEpochDay(n) })),
        holidays: { _tag: skip ? "Skip" : "Open" }
      })
    )
  const ranges = fc
    .tuple(
      fc.integer({
        min: DateTime.toEpochMillis(utc("2025-01-01T00:00:00Z")),
        max: DateTime.toEpochMillis(utc("2025-12-01T00:00:00Z"))
      }),
      fc.integer({ min: 0, max: 40 * 86_400_000 })
    )
    .map(
      ([a, len]) =>
        [
          DateTime.unsafeMake(a),
          DateTime.unsafeMake(Math.min(a + len, DateTime.toEpochMillis(utc("2025-12-31T00:00:00Z"))))
        ] as const
    )

  it("occurrences are sorted, overlap the range, and never fall on a closed date or a skipped holiday", () => {
    fc.assert(
      fc.property(rules, ranges, (rule, [from, to]) => {
        const os = right(Recurrence.occurrences(rule, from, to, cal))
        const closed = new Set(rule.exceptions.map((e) => e.date))
        return os.every((o, i) => {
          const prev = os[i - 1]
          const sorted = prev === undefined || DateTime.lessThanOrEqualTo(prev.end, o.start)
          const inRange = DateTime.greaterThan(o.end, from) && DateTime.lessThan(o.start, to)
          const holiday = right(WorkingCalendar.dayKind(cal, o.date))._tag === "Holiday"
          return (
            sorted &&
            inRange &&
            DateTime.lessThan(o.start, o.end) &&
            !closed.has(o.date) &&
            !(rule.holidays._tag === "Skip" && holiday)
          )
        })
      }),
      { numRuns: 80 }
    )
  })
})

describe("Recurrence bad input", () => {
  const base = { freq: "weekly", byDay: [{ weekday: 1 }], periods: [{ start: "19:00", end: "21:00" }] }
  const paths = (input: unknown) => Recurrence.validate(input).map((f) => f.path.join("."))

  it("accepts a good rule", () => {
    expect(Recurrence.validate(base)).toEqual([])
  })
  it("names a malformed time", () => {
    expect(paths({ ...base, periods: [{ start: "25:00", end: "26:00" }] })).toEqual([
      "periods.0.start",
      "periods.0.end"
    ])
    expect(Recurrence.validate({ ...base, periods: [{ start: "25:00", end: "26:00" }] })[0]?.message).toMatch(/25:00/)
  })
  it("names a period that ends before it starts, and overlapping periods", () => {
    expect(paths({ ...base, periods: [{ start: "21:00", end: "19:00" }] })).toEqual(["periods.0.end"])
    expect(
      paths({
        ...base,
        periods: [
          { start: "08:00", end: "12:00" },
          { start: "11:00", end: "13:00" }
        ]
      })
    ).toEqual(["periods.1"])
  })
  it("names an unknown zone", () => {
    expect(paths({ ...base, timeZone: "Asia/Atlantis" })).toEqual(["timeZone"])
  })
  it("names inconsistent fields", () => {
    expect(paths({ ...base, interval: 2 })).toEqual(["dtstart"])
    expect(paths({ ...base, dtstart: "2025-01-01", until: "2025-02-01", count: 3 })).toEqual(["count"])
    expect(paths({ ...base, byDay: [{ weekday: 1, nth: 2 }] })).toEqual(["byDay.0.nth"])
    expect(paths({ ...base, validFrom: "2025-02-01", validTo: "2025-01-01" })).toEqual(["validTo"])
    expect(
      paths({
        ...base,
        exceptions: [
          { _tag: "Closed", date: "2025-02-03" },
          { _tag: "Closed", date: "2025-02-03" }
        ]
      })
    ).toEqual(["exceptions.1.date"])
    expect(paths({ freq: "monthly", periods: base.periods })).toEqual(["byMonthDay"])
  })
  it("gives a DecodeError naming the rule from decode", () => {
    const r = Recurrence.decode({ ...base, freq: "yearly" })
    expect(Either.isLeft(r) && r.left.message).toMatch(/^invalid Recurrence.Rule: freq/)
  })
})
