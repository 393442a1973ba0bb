/**
 * The working-day and working-hours index against a deliberately naive calendar written here: it walks day by day
 * with its own date arithmetic (`Date.UTC`), its own day classification from the raw calendar data, local dates read
 * with `Intl.DateTimeFormat` and wall-clock times turned into instants by a zoned Effect `DateTime` per day (the
 * conversion the kernel used before the index). Random calendars: years with gaps between them, holidays, make-up
 * weekend days, other weekends, zones with and without daylight saving, other working hours.
 */
import { describe, expect, it } from "@effect/vitest"
import { LocalDate, WallClock, WorkingCalendar } from "@zhili/core"
import { DateTime, Duration, Either } from "effect"
import * as fc from "fast-check"

const dayMs = 86_400_000
const zones = [
  "Asia/Shanghai",
  "Asia/Urumqi",
  "UTC",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "America/New_York",
  "Europe/London",
  "Australia/Lord_Howe",
  "Pacific/Apia",
  "America/Sao_Paulo"
] as const

// ---------------------------------------------------------------------------------------------------------------
// The naive calendar

const iso = (epochDay: number): string => new Date(epochDay * dayMs).toISOString().slice(0, 10)
const epochDay = (date: string): number =>
  Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / dayMs
const yearOf = (day: number) => new Date(day * dayMs).getUTCFullYear()
const isoWeekday = (day: number) => ((new Date(day * dayMs).getUTCDay() + 6) % 7) + 1

interface Raw {
  readonly timeZone: string
  readonly weekend: ReadonlyArray<number>
  readonly years: ReadonlyArray<number>
  readonly holidays: ReadonlyArray<string>
  readonly makeUp: ReadonlyArray<string>
  readonly periods: ReadonlyArray<readonly [number, number]>
}

type Gap = { readonly gap: string }
const naive = (raw: Raw) => {
  const works = (day: number): boolean | Gap => {
    if (!raw.years.includes(yearOf(day))) return { gap: iso(day) }
    const date = iso(day)
    if (raw.holidays.includes(date)) return false
    if (raw.makeUp.includes(date)) return true
    return !raw.weekend.includes(isoWeekday(day))
  }
  const formatter = new Intl.DateTimeFormat("en-US", {
    timeZone: raw.timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hourCycle: "h23"
  })
  const localDay = (ms: number): number => {
    const parts = Object.fromEntries(formatter.formatToParts(new Date(ms)).map((p) => [p.type, p.value]))
    return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)) / dayMs
  }
  const wall = (day: number, seconds: number): number => {
    const d = new Date((day + Math.floor(seconds / 86_400)) * dayMs)
    const s = seconds % 86_400
    return DateTime.toEpochMillis(
      DateTime.unsafeMakeZoned(
        {
          year: d.getUTCFullYear(),
          month: d.getUTCMonth() + 1,
          day: d.getUTCDate(),
          hours: Math.floor(s / 3600),
          minutes: Math.floor((s % 3600) / 60),
          seconds: s % 60
        },
        { timeZone: raw.timeZone, adjustForTimeZone: true, disambiguation: "compatible" }
      )
    )
  }
  const intervals = (day: number): ReadonlyArray<readonly [number, number]> | Gap => {
    const w = works(day)
    if (typeof w !== "boolean") return w
    return w ? raw.periods.map(([a, b]) => [wall(day, a), wall(day, b)] as const) : []
  }
  const addDays = (day: number, n: number): number | Gap => {
    let d = day
    let left = Math.abs(n)
    while (left > 0) {
      d += n < 0 ? -1 : 1
      const w = works(d)
      if (typeof w !== "boolean") return w
      if (w) left--
    }
    return d
  }
  const between = (from: number, to: number): number | Gap => {
    const [lo, hi] = from <= to ? [from + 1, to] : [to, from - 1]
    let count = 0
    for (let d = lo; d <= hi; d++) {
      const w = works(d)
      if (typeof w !== "boolean") return w
      if (w) count++
    }
    return from <= to ? count : -count
  }
  const addHours = (start: number, ms: number): number | Gap => {
    if (ms === 0) return start
    let left = ms
    for (let day = localDay(start); ; day++) {
      const iv = intervals(day)
      if (!Array.isArray(iv)) return iv as Gap
      for (const [a, b] of iv) {
        const from = Math.max(a, start)
        if (from >= b) continue
        if (b - from >= left) return from + left
        left -= b - from
      }
    }
  }
  const timeBetween = (lo: number, hi: number): number | Gap => {
    if (hi <= lo) return 0
    let total = 0
    for (let day = localDay(lo), last = localDay(hi); day <= last; day++) {
      const iv = intervals(day)
      if (!Array.isArray(iv)) return iv as Gap
      for (const [a, b] of iv) total += Math.max(0, Math.min(b, hi) - Math.max(a, lo))
    }
    return total
  }
  const deadline = (start: number, n: number, end: "close" | "midnight"): number | Gap => {
    const day = addDays(localDay(start), n)
    if (typeof day !== "number") return day
    const close = end === "midnight" ? 86_400 : (raw.periods[raw.periods.length - 1] as readonly [number, number])[1]
    return wall(day, close)
  }
  return { addDays, between, addHours, timeBetween, deadline, localDay }
}

// ---------------------------------------------------------------------------------------------------------------
// Random calendars

const hhmm = (s: number) =>
  `${String(Math.floor(s / 3600)).padStart(2, "0")}:${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}`

const periodsArb = fc.oneof(
  fc.constant([
    [9 * 3600, 12 * 3600],
    [13.5 * 3600, 17.5 * 3600]
  ] as ReadonlyArray<readonly [number, number]>),
  // 1 to 3 ordered, non-overlapping periods on quarter hours anywhere in the day (00:00 and 24:00 included)
  fc
    .uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 2, maxLength: 6 })
    .filter((xs) => xs.length % 2 === 0)
    .map((xs) => {
      const sorted = [...xs].sort((a, b) => a - b)
      const out: Array<readonly [number, number]> = []
      for (let i = 0; i < sorted.length; i += 2)
        out.push([(sorted[i] as number) * 900, (sorted[i + 1] as number) * 900] as const)
      return out as ReadonlyArray<readonly [number, number]>
    })
)

const rawArb: fc.Arbitrary<Raw> = fc
  .record({
    timeZone: fc.constantFrom(...zones),
    weekend: fc.constantFrom<ReadonlyArray<number>>([6, 7], [6, 7], [7], [5, 6], [1, 7]),
    // covered years between 2022 and 2028 with gaps: 2022 and 2028 stay uncovered more often than not
    years: fc.uniqueArray(fc.integer({ min: 2022, max: 2028 }), { minLength: 1, maxLength: 5 }),
    periods: periodsArb,
    offs: fc.array(fc.integer({ min: 0, max: 7 * 366 }), { maxLength: 60 }),
    ons: fc.array(fc.integer({ min: 0, max: 7 * 366 }), { maxLength: 30 })
  })
  .map(({ offs, ons, periods, timeZone, weekend, years }) => {
    const base = epochDay("2022-01-01")
    const covered = (day: number) => years.includes(yearOf(day))
    const holidays = [...new Set(offs.map((o) => base + o).filter(covered))].map(iso)
    // make-up days are weekend days that are not holidays (the calendar refuses anything else)
    const makeUp = [...new Set(ons.map((o) => base + o))]
      .filter((day) => covered(day) && weekend.includes(isoWeekday(day)) && !holidays.includes(iso(day)))
      .map(iso)
    return { timeZone, weekend, years, holidays, makeUp, periods }
  })

const calendarOf = (raw: Raw) => {
  const calendar = Either.getOrThrow(
    WorkingCalendar.decode({
      id: "random",
      timeZone: raw.timeZone,
      weekend: raw.weekend,
      years: raw.years.map((year) => ({
        year,
        holidays: raw.holidays.filter((h) => yearOf(epochDay(h)) === year).map((date) => ({ date, name: "假" })),
        makeUpDays: raw.makeUp.filter((m) => yearOf(epochDay(m)) === year).map((date) => ({ date, name: "班" })),
        sources: []
      }))
    })
  )
  const hours = new WorkingCalendar.WorkingHours({
    periods: raw.periods.map(([a, b]) => WallClock.period(hhmm(a), hhmm(b)))
  })
  return { calendar, hours }
}

/** The library's answer in the naive calendar's terms: a number, or the gap's date (checking its year too). */
const plain = <A>(
  e: Either.Either<A, WorkingCalendar.CalendarGap | { readonly _tag: "InvalidInput" }>,
  f: (a: A) => number
) =>
  Either.match(e, {
    onLeft: (l): number | Gap => {
      if (l._tag !== "CalendarGap") throw new Error(`unexpected ${l._tag}`)
      expect(l.year).toBe(Number(l.date.slice(0, 4)))
      return { gap: l.date }
    },
    onRight: f
  })

const days = fc.integer({ min: epochDay("2021-12-20"), max: epochDay("2029-01-10") })
const instants = fc.integer({ min: Date.UTC(2021, 11, 20), max: Date.UTC(2029, 0, 10) })
const runs = { numRuns: 300 }

describe("WorkingCalendar index against a naive walk", () => {
  it("property: adding working days (either way), gaps and make-up days included", () => {
    fc.assert(
      fc.property(rawArb, days, fc.integer({ min: -700, max: 700 }), (raw, day, n) => {
        const { calendar } = calendarOf(raw)
        const got = plain(
          WorkingCalendar.addWorkingDays(calendar, LocalDate.fromEpochDay(day), n),
          LocalDate.toEpochDay
        )
        expect(got).toEqual(naive(raw).addDays(day, n))
      }),
      runs
    )
  })

  it("property: working days between two dates", () => {
    fc.assert(
      fc.property(rawArb, days, days, (raw, a, b) => {
        const { calendar } = calendarOf(raw)
        const got = plain(
          WorkingCalendar.workingDaysBetween(calendar, LocalDate.fromEpochDay(a), LocalDate.fromEpochDay(b)),
          (n) => n
        )
        expect(got).toEqual(naive(raw).between(a, b))
      }),
      runs
    )
  })

  it("property: adding working hours (quarter hours up to 500 h) from any instant", () => {
    fc.assert(
      fc.property(rawArb, instants, fc.integer({ min: 0, max: 2000 }), (raw, t, quarters) => {
        const { calendar, hours } = calendarOf(raw)
        const got = plain(
          WorkingCalendar.addWorkingHours(calendar, DateTime.unsafeMake(t), quarters / 4, hours),
          DateTime.toEpochMillis
        )
        expect(got).toEqual(naive(raw).addHours(t, quarters * 900_000))
      }),
      runs
    )
  })

  it("property: working time between two instants", () => {
    fc.assert(
      fc.property(rawArb, instants, fc.integer({ min: -5 * dayMs, max: 200 * dayMs }), (raw, t, span) => {
        const { calendar, hours } = calendarOf(raw)
        const got = plain(
          WorkingCalendar.workingTimeBetween(calendar, DateTime.unsafeMake(t), DateTime.unsafeMake(t + span), hours),
          Duration.toMillis
        )
        expect(got).toEqual(naive(raw).timeBetween(t, t + span))
      }),
      runs
    )
  })

  it("property: the deadline at the close (or midnight) of the nth working day", () => {
    fc.assert(
      fc.property(
        rawArb,
        instants,
        fc.integer({ min: 1, max: 400 }),
        fc.constantFrom("close", "midnight" as const),
        (raw, t, n, end) => {
          const { calendar, hours } = calendarOf(raw)
          const got = plain(
            WorkingCalendar.addWorkingDaysDeadline(calendar, DateTime.unsafeMake(t), n, {
              end: end as "close" | "midnight",
              workingHours: hours
            }),
            DateTime.toEpochMillis
          )
          expect(got).toEqual(naive(raw).deadline(t, n, end as "close" | "midnight"))
        }
      ),
      runs
    )
  })

  it("a hand-written case: the 2025 National Day week in Asia/Shanghai across a gap year", () => {
    const raw: Raw = {
      timeZone: "Asia/Shanghai",
      weekend: [6, 7],
      years: [2025, 2027],
      holidays: ["2025-10-01", "2025-10-02", "2025-10-03", "2025-10-06", "2025-10-07", "2025-10-08"],
      makeUp: ["2025-09-28", "2025-10-11"],
      periods: [
        [9 * 3600, 12 * 3600],
        [13.5 * 3600, 17.5 * 3600]
      ]
    }
    const { calendar } = calendarOf(raw)
    // Tue 30 Sep + 3 working days: Oct 9 (Thu), Oct 10 (Fri), Oct 11 (the make-up Saturday)
    expect(WorkingCalendar.addWorkingDays(calendar, LocalDate.fromEpochDay(epochDay("2025-09-30")), 3)).toEqual(
      Either.right("2025-10-11")
    )
    // 2026 is not covered: counting from 31 Dec 2025 fails on 1 Jan 2026, whatever lies beyond
    const gap = WorkingCalendar.addWorkingDays(calendar, LocalDate.fromEpochDay(epochDay("2025-12-31")), 1)
    expect(Either.isLeft(gap) && gap.left._tag === "CalendarGap" && gap.left.date).toBe("2026-01-01")
    // counting back from 1 Jan 2027 fails on 31 Dec 2026
    const back = WorkingCalendar.addWorkingDays(calendar, LocalDate.fromEpochDay(epochDay("2027-01-01")), -1)
    expect(Either.isLeft(back) && back.left._tag === "CalendarGap" && back.left.date).toBe("2026-12-31")
    // 16:00 on Tue 30 Sep (08:00Z) + 3 working hours: 1.5 h that day, then 1.5 h from 09:00 on Thu 9 Oct
    expect(
      WorkingCalendar.addWorkingHours(calendar, DateTime.unsafeMake("2025-09-30T08:00:00Z"), 3).pipe(
        Either.map(DateTime.formatIso)
      )
    ).toEqual(Either.right("2025-10-09T02:30:00.000Z"))
  })
})

describe("local dates and instants in a zone against Intl", () => {
  it("property: LocalDate.fromDateTime and WallClock.fromInstant read the date and time Intl reads", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
        (zone, ms) => {
          const parts = Object.fromEntries(
            new Intl.DateTimeFormat("en-US", {
              timeZone: zone,
              year: "numeric",
              month: "2-digit",
              day: "2-digit",
              hour: "2-digit",
              minute: "2-digit",
              second: "2-digit",
              hourCycle: "h23"
            })
              .formatToParts(new Date(ms))
              .map((p) => [p.type, p.value])
          )
          const date = `${parts.year}-${parts.month}-${parts.day}`
          const second = Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second)
          expect(LocalDate.fromDateTime(DateTime.unsafeMake(ms), zone)).toBe(date)
          expect(WallClock.fromInstant(DateTime.unsafeMake(ms), zone)).toEqual({ date, secondOfDay: second })
        }
      ),
      { numRuns: 2000 }
    )
  })

  it("property: instants near offset changes read the same as Intl (the days a zone changes its offset)", () => {
    // New York's 2025 changes (9 Mar 07:00Z, 2 Nov 06:00Z), Lord Howe's half-hour ones, Apia's skipped day (2011-12-30)
    const changes = [
      ["America/New_York", Date.UTC(2025, 2, 9, 7)],
      ["America/New_York", Date.UTC(2025, 10, 2, 6)],
      ["Australia/Lord_Howe", Date.UTC(2025, 3, 5, 15)],
      ["Pacific/Apia", Date.UTC(2011, 11, 30, 10)]
    ] as const
    fc.assert(
      fc.property(fc.constantFrom(...changes), fc.integer({ min: -2 * dayMs, max: 2 * dayMs }), ([zone, at], d) => {
        const ms = at + d
        const want = naive({ timeZone: zone, weekend: [], years: [], holidays: [], makeUp: [], periods: [] }).localDay(
          ms
        )
        expect(LocalDate.toEpochDay(LocalDate.fromDateTime(DateTime.unsafeMake(ms), zone))).toBe(want)
      }),
      { numRuns: 1000 }
    )
  })

  it("property: WallClock.toInstant is the zoned DateTime conversion (compatible disambiguation)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: epochDay("1950-01-01"), max: epochDay("2060-12-31") }),
        fc.integer({ min: 0, max: 86_400 }),
        (zone, day, second) => {
          const wall = DateTime.toEpochMillis(WallClock.toInstant(LocalDate.fromEpochDay(day), second, zone))
          const d = new Date((day + Math.floor(second / 86_400)) * dayMs)
          const s = second % 86_400
          const expected = DateTime.toEpochMillis(
            DateTime.unsafeMakeZoned(
              {
                year: d.getUTCFullYear(),
                month: d.getUTCMonth() + 1,
                day: d.getUTCDate(),
                hours: Math.floor(s / 3600),
                minutes: Math.floor((s % 3600) / 60),
                seconds: s % 60
              },
              { timeZone: zone, adjustForTimeZone: true, disambiguation: "compatible" }
            )
          )
          expect(wall).toBe(expected)
        }
      ),
      { numRuns: 2000 }
    )
  })
})
