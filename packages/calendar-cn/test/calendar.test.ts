import { readFileSync } from "node:fs"
import { assert, describe, expect, it } from "@effect/vitest"
import * as CalendarCn from "@zhili/calendar-cn"
import { CorePlugin, LocalDate, Plugin, Recurrence, WorkingCalendar } from "@zhili/core"
import { Arbitraries } from "@zhili/testing"
import { PluginSuite } from "@zhili/testing/suites"
import { DateTime, Either, Schema } from "effect"
import * as fc from "fast-check"

const d = (s: string) => Schema.decodeSync(LocalDate.LocalDate)(s)
const cal = CalendarCn.calendar
const right = <A, E>(e: Either.Either<A, E>): A => {
  if (Either.isLeft(e)) throw new Error(`expected Right, got ${String(e.left)}`)
  return e.right
}
const working = (s: string) => right(WorkingCalendar.isWorkingDay(cal, d(s)))

// The table of STANDARDS.md ("Official working-day calendar"), typed in again here on purpose: the test compares
// the shipped data with an independent copy. Off ranges are inclusive.
const table: ReadonlyArray<readonly [string, string, ReadonlyArray<string>]> = [
  ["2024-01-01", "2024-01-01", []],
  ["2024-02-10", "2024-02-17", ["2024-02-04", "2024-02-18"]],
  ["2024-04-04", "2024-04-06", ["2024-04-07"]],
  ["2024-05-01", "2024-05-05", ["2024-04-28", "2024-05-11"]],
  ["2024-06-10", "2024-06-10", []],
  ["2024-09-15", "2024-09-17", ["2024-09-14"]],
  ["2024-10-01", "2024-10-07", ["2024-09-29", "2024-10-12"]],
  ["2025-01-01", "2025-01-01", []],
  ["2025-01-28", "2025-02-04", ["2025-01-26", "2025-02-08"]],
  ["2025-04-04", "2025-04-06", []],
  ["2025-05-01", "2025-05-05", ["2025-04-27"]],
  ["2025-05-31", "2025-06-02", []],
  ["2025-10-01", "2025-10-08", ["2025-09-28", "2025-10-11"]],
  ["2026-01-01", "2026-01-03", ["2026-01-04"]],
  ["2026-02-15", "2026-02-23", ["2026-02-14", "2026-02-28"]],
  ["2026-04-04", "2026-04-06", []],
  ["2026-05-01", "2026-05-05", ["2026-05-09"]],
  ["2026-06-19", "2026-06-21", []],
  ["2026-09-25", "2026-09-27", []],
  ["2026-10-01", "2026-10-07", ["2026-09-20", "2026-10-10"]]
]
const offDays = new Set(table.flatMap(([from, to]) => LocalDate.range(d(from), d(to))))
const makeUpDays = new Set(table.flatMap(([, , m]) => m))

describe("@zhili/calendar-cn data", () => {
  it("covers 2024, 2025 and 2026 in Asia/Shanghai with a Saturday–Sunday weekend", () => {
    expect(CalendarCn.years).toEqual([2024, 2025, 2026])
    expect(WorkingCalendar.coveredYears(cal)).toEqual([2024, 2025, 2026])
    expect([cal.id, cal.timeZone, cal.weekend]).toEqual(["calendar-cn/official", "Asia/Shanghai", [6, 7]])
  })

  it("has every off day of the table as a holiday, not worked", () => {
    expect(offDays.size).toBe(1 + 8 + 3 + 5 + 1 + 3 + 7 + 1 + 8 + 3 + 5 + 3 + 8 + 3 + 9 + 3 + 5 + 3 + 3 + 7)
    for (const date of offDays) {
      expect(right(WorkingCalendar.dayKind(cal, d(date)))._tag, date).toBe("Holiday")
      expect(working(date), date).toBe(false)
    }
  })

  it("has every make-up day of the table as a worked weekend day", () => {
    expect(makeUpDays.size).toBe(19)
    for (const date of makeUpDays) {
      expect(LocalDate.dayOfWeek(d(date)), date).toBeGreaterThanOrEqual(6)
      expect(right(WorkingCalendar.dayKind(cal, d(date)))._tag, date).toBe("MakeUpDay")
      expect(working(date), date).toBe(true)
    }
  })

  it("property: any other date in 2024–2026 is worked exactly when it is Monday to Friday", () => {
    fc.assert(
      fc.property(Arbitraries.localDate(d("2024-01-01"), d("2026-12-31")), (date) =>
        offDays.has(date) || makeUpDays.has(date) ? true : working(date) === LocalDate.dayOfWeek(date) <= 5
      ),
      { numRuns: 500 }
    )
  })

  it("knows the 2025 National Day week: Oct 11 (Sat) worked, Oct 8 (Wed) off", () => {
    expect(working("2025-10-11")).toBe(true)
    expect(working("2025-10-08")).toBe(false)
    expect(right(WorkingCalendar.dayKind(cal, d("2025-10-06")))).toEqual({
      _tag: "Holiday",
      name: "National Day and Mid-Autumn Festival (国庆节、中秋节)"
    })
  })

  it("names each notice as the source of its year", () => {
    const sources = cal.years.map((y) => [y.year, y.sources[0]?.reference ?? null, y.sources[0]?.published ?? null])
    expect(sources).toEqual([
      [2024, "国办发明电〔2023〕7号", "2023-10-25"],
      [2025, "国办发明电〔2024〕12号", "2024-11-12"],
      [2026, null, "2025-11-04"]
    ])
  })
})

PluginSuite.suite(CalendarCn.plugin, CorePlugin.points)

describe("@zhili/calendar-cn plugin", () => {
  it("passes the plugin checks and contributes the calendar under its id", () => {
    expect(Plugin.check(CalendarCn.plugin, [WorkingCalendar.calendars])).toEqual([])
    const registry = right(Plugin.compose([CalendarCn.plugin], [WorkingCalendar.calendars]))
    expect(registry.get(WorkingCalendar.calendars, "calendar-cn/official")?.id).toBe("calendar-cn/official")
  })

  it("states the same version as its package.json", () => {
    const pkg: unknown = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"))
    expect(pkg).toMatchObject({ name: "@zhili/calendar-cn", version: CalendarCn.version })
  })
})

describe("@zhili/calendar-cn gaps and extension", () => {
  it("gives a CalendarGap for 2027-01-04", () => {
    const r = WorkingCalendar.isWorkingDay(cal, d("2027-01-04"))
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) {
      assert.instanceOf(r.left, WorkingCalendar.CalendarGap)
      expect(r.left.message).toBe(
        "calendar calendar-cn/official has no data for 2027 (asked about 2027-01-04); it covers 2024–2026"
      )
    }
  })

  it("adds 2027 as data only", () => {
    const notice: CalendarCn.YearNotice = {
      year: 2027,
      source: { title: "a host's copy of the 2027 notice (test data)", published: "2026-11-01" },
      arrangements: [{ name: "New Year's Day", nameZh: "元旦", off: ["2027-01-01", "2027-01-01"], makeUp: [] }]
    }
    const extended = right(CalendarCn.build({ extra: [notice] }))
    expect(WorkingCalendar.coveredYears(extended)).toEqual([2024, 2025, 2026, 2027])
    expect(right(WorkingCalendar.isWorkingDay(extended, d("2027-01-04")))).toBe(true)
    expect(right(WorkingCalendar.isWorkingDay(extended, d("2027-01-01")))).toBe(false)
    const viaCore = right(WorkingCalendar.extend(cal, [CalendarCn.toCalendarYear(notice)]))
    expect(WorkingCalendar.coveredYears(viaCore)).toEqual([2024, 2025, 2026, 2027])
  })

  it("builds a subset of the years", () => {
    const only2025 = right(CalendarCn.build({ years: [2025] }))
    expect(WorkingCalendar.coveredYears(only2025)).toEqual([2025])
    expect(Either.isLeft(WorkingCalendar.isWorkingDay(only2025, d("2024-10-12")))).toBe(true)
  })

  it("rejects a notice with a make-up day on a weekday, naming the path", () => {
    const r = CalendarCn.make([
      {
        year: 2027,
        source: { title: "bad", published: "2026-11-01" },
        arrangements: [{ name: "Test", nameZh: "测试", off: ["2027-01-01", "2027-01-01"], makeUp: ["2027-01-05"] }]
      }
    ])
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) expect(r.left.message).toMatch(/years\[0\]\.makeUpDays\[0\]\.date: make-up day 2027-01-05/)
  })
})

describe("@zhili/calendar-cn deadlines and schedules", () => {
  it("puts a 3-working-day deadline from 2025-09-30 on the make-up Saturday", () => {
    // Received Tue 2025-09-30 15:00 +08:00 (07:00Z). The day of receipt is not counted. Oct 1–8 are the National
    // Day and Mid-Autumn holiday; Thu Oct 9 is working day 1, Fri Oct 10 day 2, and Sat Oct 11 — a make-up
    // working day — day 3. The deadline is the close of business that day, 17:30 +08:00 = 2025-10-11T09:30:00Z.
    const deadline = right(WorkingCalendar.addWorkingDaysDeadline(cal, DateTime.unsafeMake("2025-09-30T07:00:00Z"), 3))
    expect(DateTime.formatIso(deadline)).toBe("2025-10-11T09:30:00.000Z")
    expect(right(WorkingCalendar.addWorkingDays(cal, d("2025-09-30"), 3))).toBe("2025-10-11")
  })

  it("adds working hours over Spring Festival 2026", () => {
    // Fri 2026-02-13 17:00 +08:00: 30 min left that day; Sat Feb 14 is a make-up day (7 h); Feb 15–23 are off;
    // 1 h more on Tue Feb 24 → 10:00 +08:00 = 02:00Z. Total 0.5 + 7 + 1 = 8.5 h.
    const t = right(WorkingCalendar.addWorkingHours(cal, DateTime.unsafeMake("2026-02-13T09:00:00Z"), 8.5))
    expect(DateTime.formatIso(t)).toBe("2026-02-24T02:00:00.000Z")
  })

  it("skips the TCM night clinic on Monday 2025-10-06", () => {
    const clinic = Recurrence.weekly([1], [["19:00", "21:00"]], { holidays: { _tag: "Skip" } })
    const os = right(
      Recurrence.occurrences(
        clinic,
        DateTime.unsafeMake("2025-09-28T16:00:00Z"),
        DateTime.unsafeMake("2025-10-14T16:00:00Z"),
        cal
      )
    )
    expect(os.map((o) => o.date)).toEqual(["2025-09-29", "2025-10-13"])
  })
})
