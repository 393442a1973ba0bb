/**
 * Working-day calendars (工作日历) as data: weekend days, public holidays (法定节假日), make-up working days (调休上班)
 * and the years the data covers, with the rules that count working days and working hours over them. A date in a
 * year the calendar has no data for is a {@link CalendarGap} error, never a guess. Instants are Effect
 * `DateTime.Utc`; local dates and times are read in the calendar's time zone.
 *
 * @since 0.1.0
 */
import { DateTime, Duration, Either, Schema } from "effect"
import * as Plugin from "../plugin/Plugin.js"
import * as Decode from "./Decode.js"
import { type DecodeError, InvalidInput } from "./Errors.js"
import type { Finding } from "./Finding.js"
import * as LocalDate from "./LocalDate.js"
import * as WallClock from "./WallClock.js"

/**
 * ISO day of the week: 1 Monday … 7 Sunday.
 *
 * @since 0.1.0
 * @category models
 */
export const Weekday = Schema.Literal(1, 2, 3, 4, 5, 6, 7).annotations({
  identifier: "Weekday",
  message: (issue) => ({
    message: `a weekday is 1 (Monday) to 7 (Sunday), got ${JSON.stringify(issue.actual)}`,
    override: true
  })
})
/**
 * @since 0.1.0
 * @category models
 */
export type Weekday = typeof Weekday.Type

/**
 * A public holiday (法定节假日 / 放假日): a date off work, with the holiday's name. A holiday range lists each of its
 * dates, weekend days inside the range included.
 *
 * @since 0.1.0
 * @category models
 */
export class Holiday extends Schema.Class<Holiday>("@zhili/WorkingCalendar/Holiday")({
  date: LocalDate.LocalDate,
  name: Schema.NonEmptyTrimmedString
}) {}

/**
 * A make-up working day (调休上班日): a weekend day that becomes a working day, with the holiday it makes up for.
 *
 * @since 0.1.0
 * @category models
 */
export class MakeUpDay extends Schema.Class<MakeUpDay>("@zhili/WorkingCalendar/MakeUpDay")({
  date: LocalDate.LocalDate,
  name: Schema.NonEmptyTrimmedString
}) {}

/**
 * Where a year's data comes from: the notice's title, its document number (文号) when known, its publication date
 * and a link.
 *
 * @since 0.1.0
 * @category models
 */
export class Source extends Schema.Class<Source>("@zhili/WorkingCalendar/Source")({
  title: Schema.NonEmptyTrimmedString,
  reference: Schema.optionalWith(Schema.NonEmptyTrimmedString, { exact: true }),
  published: Schema.optionalWith(LocalDate.LocalDate, { exact: true }),
  url: Schema.optionalWith(Schema.String, { exact: true }),
  note: Schema.optionalWith(Schema.String, { exact: true })
}) {}

/**
 * One year of a calendar: its holidays, its make-up working days and where they come from. Adding a year to a
 * calendar is adding one of these.
 *
 * @since 0.1.0
 * @category models
 */
export class CalendarYear extends Schema.Class<CalendarYear>("@zhili/WorkingCalendar/CalendarYear")(
  Schema.Struct({
    year: Schema.Int.pipe(Schema.between(1900, 2999)),
    holidays: Schema.Array(Holiday),
    makeUpDays: Schema.Array(MakeUpDay),
    sources: Schema.Array(Source)
  }).pipe(
    Schema.filter((y) => {
      const issues: Array<{ path: ReadonlyArray<string | number>; message: string }> = []
      const seen = new Set<string>()
      y.holidays.forEach((h, i) => {
        if (LocalDate.toParts(h.date).year !== y.year)
          issues.push({ path: ["holidays", i, "date"], message: `${h.date} is not in ${y.year}` })
        if (seen.has(h.date))
          issues.push({ path: ["holidays", i, "date"], message: `${h.date} is listed twice as a holiday` })
        seen.add(h.date)
      })
      y.makeUpDays.forEach((m, i) => {
        if (LocalDate.toParts(m.date).year !== y.year)
          issues.push({ path: ["makeUpDays", i, "date"], message: `${m.date} is not in ${y.year}` })
        if (seen.has(m.date))
          issues.push({ path: ["makeUpDays", i, "date"], message: `${m.date} is both a holiday and a make-up day` })
        seen.add(m.date)
      })
      return issues
    })
  )
) {}

/**
 * A working-day calendar: which days are worked in a time zone. Weekend days are off unless listed as make-up
 * days; holidays are off whatever the weekday; every other day is a working day. Only the years listed in
 * `years` are known.
 *
 * @since 0.1.0
 * @category models
 */
export class WorkingCalendar extends Schema.Class<WorkingCalendar>("@zhili/WorkingCalendar")(
  Schema.Struct({
    /** Stable name used in messages and as its plugin key, like `calendar-cn/official`. */
    id: Schema.NonEmptyTrimmedString,
    /** Zone in which dates and working hours are read; default Asia/Shanghai. */
    timeZone: Schema.optionalWith(WallClock.TimeZoneId, {
      default: () => WallClock.defaultTimeZone as WallClock.TimeZoneId,
      exact: true
    }),
    /** Weekend days (ISO weekdays); default Saturday and Sunday (the national five-day week). */
    weekend: Schema.optionalWith(Schema.Array(Weekday), { default: () => [6, 7] as const, exact: true }),
    /** The years the calendar has data for, each with its holidays and make-up days. */
    years: Schema.Array(CalendarYear),
    /** Free notes on the calendar as a whole. */
    notes: Schema.optionalWith(Schema.String, { exact: true })
  }).pipe(
    Schema.filter((c) => {
      const issues: Array<{ path: ReadonlyArray<string | number>; message: string }> = []
      const seen = new Set<number>()
      c.years.forEach((y, i) => {
        if (seen.has(y.year))
          issues.push({ path: ["years", i, "year"], message: `calendar ${c.id} lists ${y.year} twice` })
        seen.add(y.year)
        y.makeUpDays.forEach((m, j) => {
          if (!c.weekend.includes(LocalDate.dayOfWeek(m.date)))
            issues.push({
              path: ["years", i, "makeUpDays", j, "date"],
              message: `make-up day ${m.date} is not a weekend day, so it is a working day anyway`
            })
        })
      })
      return issues
    })
  )
) {}

/**
 * The calendar has no data for the year of a date it was asked about. Carries the calendar's id, the year and the
 * date, and lists the years it does cover.
 *
 * @since 0.1.0
 * @category errors
 */
export class CalendarGap extends Schema.TaggedError<CalendarGap>()("CalendarGap", {
  calendar: Schema.String,
  year: Schema.Number,
  date: Schema.String,
  covered: Schema.Array(Schema.Number)
}) {
  override get message(): string {
    const covered = this.covered.length === 0 ? "no year" : formatYears(this.covered)
    return `calendar ${this.calendar} has no data for ${this.year} (asked about ${this.date}); it covers ${covered}`
  }
}

/**
 * Two calendars (or a calendar and a year) cannot be combined: they disagree on a year, a zone or the weekend.
 *
 * @since 0.1.0
 * @category errors
 */
export class CalendarConflict extends Schema.TaggedError<CalendarConflict>()("CalendarConflict", {
  calendar: Schema.String,
  reason: Schema.String
}) {
  override get message(): string {
    return `calendar ${this.calendar}: ${this.reason}`
  }
}

const formatYears = (years: ReadonlyArray<number>): string => {
  const sorted = [...years].sort((a, b) => a - b)
  const runs: Array<string> = []
  let start = sorted[0]
  let prev = start
  for (const y of [...sorted.slice(1), Number.NaN]) {
    if (start === undefined || prev === undefined) break
    if (y === prev + 1) {
      prev = y
      continue
    }
    runs.push(start === prev ? `${start}` : `${start}–${prev}`)
    start = y
    prev = y
  }
  return runs.join(", ")
}

/**
 * Decodes a calendar from untrusted data (JSON), reporting every problem with its path.
 *
 * @since 0.1.0
 * @category constructors
 */
export const decode = (input: unknown): Either.Either<WorkingCalendar, DecodeError> =>
  Decode.decodeEither(WorkingCalendar, "WorkingCalendar")(input)

/**
 * Checks calendar data and lists what is wrong as findings with paths; none when the data is usable.
 *
 * @since 0.1.0
 * @category validation
 */
export const validate = (input: unknown): ReadonlyArray<Finding> =>
  Either.match(Decode.validate(WorkingCalendar)(input), { onLeft: (fs) => fs, onRight: () => [] })

/**
 * A calendar with only weekends: no holidays, no make-up days, covering the given years. Useful for hosts outside
 * the official arrangements and for tests. Throws on an unknown zone; use {@link decode} for untrusted data.
 *
 * @since 0.1.0
 * @category constructors
 */
export const weekendsOnly = (
  id: string,
  years: ReadonlyArray<number>,
  options: { readonly timeZone?: string; readonly weekend?: ReadonlyArray<Weekday> } = {}
): WorkingCalendar =>
  Schema.decodeUnknownSync(WorkingCalendar)({
    id,
    timeZone: options.timeZone ?? WallClock.defaultTimeZone,
    weekend: options.weekend ?? [6, 7],
    years: years.map((year) => ({ year, holidays: [], makeUpDays: [], sources: [] }))
  })

/**
 * The years the calendar covers, ascending.
 *
 * @since 0.1.0
 * @category getters
 */
export const coveredYears = (calendar: WorkingCalendar): ReadonlyArray<number> =>
  calendar.years.map((y) => y.year).sort((a, b) => a - b)

/**
 * Adds years to a calendar. A year the calendar already covers is a {@link CalendarConflict}; a year with bad data
 * is a `DecodeError` with paths. This is how a host adds next year's official notice as data.
 *
 * @since 0.1.0
 * @category combinators
 */
export const extend = (
  calendar: WorkingCalendar,
  years: ReadonlyArray<CalendarYear | typeof CalendarYear.Encoded>
): Either.Either<WorkingCalendar, CalendarConflict | DecodeError> =>
  Either.gen(function* () {
    const decoded = yield* Decode.decodeEither(Schema.Array(CalendarYear), "CalendarYear")(years)
    const have = new Set(coveredYears(calendar))
    const clash = decoded.find((y) => have.has(y.year))
    if (clash !== undefined)
      return yield* Either.left(
        new CalendarConflict({ calendar: calendar.id, reason: `already has data for ${clash.year}` })
      )
    return yield* Decode.decodeEither(
      WorkingCalendar,
      "WorkingCalendar"
    )({
      ...calendar,
      years: [...calendar.years, ...decoded]
    })
  })

/**
 * Combines two calendars with the same zone and weekend into one covering the years of both, under a new id. A
 * year both cover is a {@link CalendarConflict}.
 *
 * @since 0.1.0
 * @category combinators
 */
export const merge = (
  self: WorkingCalendar,
  that: WorkingCalendar,
  id: string = self.id
): Either.Either<WorkingCalendar, CalendarConflict | DecodeError> => {
  if (self.timeZone !== that.timeZone)
    return Either.left(
      new CalendarConflict({
        calendar: self.id,
        reason: `zone ${self.timeZone} differs from ${that.id}'s ${that.timeZone}`
      })
    )
  const weekend = (c: WorkingCalendar) => [...c.weekend].sort().join(",")
  if (weekend(self) !== weekend(that))
    return Either.left(new CalendarConflict({ calendar: self.id, reason: `weekend differs from ${that.id}'s` }))
  return Either.flatMap(Decode.decodeEither(WorkingCalendar, "WorkingCalendar")({ ...self, id }), (renamed) =>
    extend(renamed, that.years)
  )
}

/**
 * Keeps only some years of a calendar (years it does not cover are ignored).
 *
 * @since 0.1.0
 * @category combinators
 */
export const restrict = (calendar: WorkingCalendar, years: ReadonlyArray<number>): WorkingCalendar =>
  new WorkingCalendar({ ...calendar, years: calendar.years.filter((y) => years.includes(y.year)) })

// ---------------------------------------------------------------------------------------------------------------
// Day rules

/**
 * What a date is in a calendar: an ordinary working day, a weekend day, a public holiday, or a make-up working day.
 *
 * @since 0.1.0
 * @category models
 */
export type DayKind =
  | { readonly _tag: "Workday" }
  | { readonly _tag: "Weekend" }
  | { readonly _tag: "Holiday"; readonly name: string }
  | { readonly _tag: "MakeUpDay"; readonly name: string }

interface Index {
  readonly years: ReadonlySet<number>
  readonly covered: ReadonlyArray<number>
  readonly holidays: ReadonlyMap<string, string>
  readonly makeUp: ReadonlyMap<string, string>
  readonly weekend: ReadonlySet<number>
}

const indexes = new WeakMap<WorkingCalendar, Index>()

const indexOf = (calendar: WorkingCalendar): Index => {
  const cached = indexes.get(calendar)
  if (cached !== undefined) return cached
  const holidays = new Map<string, string>()
  const makeUp = new Map<string, string>()
  for (const y of calendar.years) {
    for (const h of y.holidays) holidays.set(h.date, h.name)
    for (const m of y.makeUpDays) makeUp.set(m.date, m.name)
  }
  const index: Index = {
    years: new Set(calendar.years.map((y) => y.year)),
    covered: coveredYears(calendar),
    holidays,
    makeUp,
    weekend: new Set(calendar.weekend)
  }
  indexes.set(calendar, index)
  return index
}

/**
 * Classifies a date, or fails with {@link CalendarGap} when its year is not covered.
 *
 * @since 0.1.0
 * @category rules
 */
export const dayKind = (calendar: WorkingCalendar, date: LocalDate.LocalDate): Either.Either<DayKind, CalendarGap> => {
  const index = indexOf(calendar)
  const year = LocalDate.toParts(date).year
  if (!index.years.has(year))
    return Either.left(new CalendarGap({ calendar: calendar.id, year, date, covered: index.covered }))
  const holiday = index.holidays.get(date)
  if (holiday !== undefined) return Either.right({ _tag: "Holiday", name: holiday })
  const makeUp = index.makeUp.get(date)
  if (makeUp !== undefined) return Either.right({ _tag: "MakeUpDay", name: makeUp })
  return Either.right(index.weekend.has(LocalDate.dayOfWeek(date)) ? { _tag: "Weekend" } : { _tag: "Workday" })
}

/**
 * True when the date is worked: a weekday that is not a holiday, or a make-up day.
 *
 * @since 0.1.0
 * @category rules
 */
export const isWorkingDay = (
  calendar: WorkingCalendar,
  date: LocalDate.LocalDate
): Either.Either<boolean, CalendarGap> =>
  Either.map(dayKind(calendar, date), (k) => k._tag === "Workday" || k._tag === "MakeUpDay")

const nonInteger = (what: string, n: number) =>
  new InvalidInput({ code: "calendar/invalid-count", path: [what], reason: `${what} must be a whole number, got ${n}` })

/**
 * The date `n` working days after `date` (before it when `n` is negative). The starting date itself is never
 * counted (as in Civil Code Art. 201: the day a period starts is not counted); `n = 0` gives `date` back.
 *
 * @since 0.1.0
 * @category rules
 */
export const addWorkingDays = (
  calendar: WorkingCalendar,
  date: LocalDate.LocalDate,
  n: number
): Either.Either<LocalDate.LocalDate, CalendarGap | InvalidInput> => {
  if (!Number.isSafeInteger(n)) return Either.left(nonInteger("n", n))
  const step = n < 0 ? -1 : 1
  let left = Math.abs(n)
  let d = date
  while (left > 0) {
    d = LocalDate.addDays(d, step)
    const working = isWorkingDay(calendar, d)
    if (Either.isLeft(working)) return Either.left(working.left)
    if (working.right) left--
  }
  return Either.right(d)
}

/**
 * Working days after `from` up to and including `to`; negative (working days from `to` up to but excluding `from`)
 * when `to` is earlier. The inverse of {@link addWorkingDays}.
 *
 * @since 0.1.0
 * @category rules
 */
export const workingDaysBetween = (
  calendar: WorkingCalendar,
  from: LocalDate.LocalDate,
  to: LocalDate.LocalDate
): Either.Either<number, CalendarGap> => {
  const forward = from <= to
  const [lo, hi] = forward ? [LocalDate.addDays(from, 1), to] : [to, LocalDate.addDays(from, -1)]
  let count = 0
  for (let e = LocalDate.toEpochDay(lo), end = LocalDate.toEpochDay(hi); e <= end; e++) {
    const working = isWorkingDay(calendar, LocalDate.fromEpochDay(e))
    if (Either.isLeft(working)) return Either.left(working.left)
    if (working.right) count++
  }
  return Either.right(forward ? count : -count)
}

// ---------------------------------------------------------------------------------------------------------------
// Working hours

/**
 * The hours of a working day (工作时间) as periods, used to count working time.
 *
 * @since 0.1.0
 * @category models
 */
export class WorkingHours extends Schema.Class<WorkingHours>("@zhili/WorkingHours")({
  periods: WallClock.Periods.pipe(Schema.minItems(1))
}) {}

/**
 * Default working hours: 09:00–12:00 and 13:30–17:30 (7 hours a day). Default to be replaced: STANDARDS.md records
 * no national rule for office hours, and local government offices differ (and change between summer and winter).
 *
 * @since 0.1.0
 * @category defaults
 */
export const defaultWorkingHours: WorkingHours = new WorkingHours({
  periods: [WallClock.period("09:00", "12:00"), WallClock.period("13:30", "17:30")]
})

const workingIntervals = (
  calendar: WorkingCalendar,
  date: LocalDate.LocalDate,
  hours: WorkingHours
): Either.Either<ReadonlyArray<readonly [number, number]>, CalendarGap> =>
  Either.map(isWorkingDay(calendar, date), (working) =>
    working
      ? hours.periods.map(
          (p) =>
            [
              DateTime.toEpochMillis(WallClock.toInstant(date, p.start, calendar.timeZone)),
              DateTime.toEpochMillis(WallClock.toInstant(date, p.end, calendar.timeZone))
            ] as const
        )
      : []
  )

/**
 * The deadline `hours` working hours after an instant (a fraction is fine: 0.5 is half an hour). Time outside the
 * working hours of working days does not count; a start outside working hours begins counting at the next opening.
 * The result is the earliest instant at which that much working time has passed, so a deadline may fall exactly at
 * a closing time.
 *
 * @since 0.1.0
 * @category deadlines
 */
export const addWorkingHours = (
  calendar: WorkingCalendar,
  instant: DateTime.Utc,
  hours: number,
  workingHours: WorkingHours = defaultWorkingHours
): Either.Either<DateTime.Utc, CalendarGap | InvalidInput> => {
  if (!Number.isFinite(hours) || hours < 0)
    return Either.left(
      new InvalidInput({
        code: "calendar/invalid-hours",
        path: ["hours"],
        reason: `working hours to add must be a finite number ≥ 0, got ${hours}`
      })
    )
  let left = Math.round(hours * 3_600_000)
  const start = DateTime.toEpochMillis(instant)
  if (left === 0) return Either.right(instant)
  let date = WallClock.fromInstant(instant, calendar.timeZone).date
  for (;;) {
    const intervals = workingIntervals(calendar, date, workingHours)
    if (Either.isLeft(intervals)) return Either.left(intervals.left)
    for (const [a, b] of intervals.right) {
      const from = Math.max(a, start)
      if (from >= b) continue
      if (b - from >= left) return Either.right(DateTime.unsafeMake(from + left))
      left -= b - from
    }
    date = LocalDate.addDays(date, 1)
  }
}

/**
 * The deadline at the end of the `n`th working day after the date of an instant (n ≥ 1): the closing time of that
 * day's working hours, or midnight with `end: "midnight"`. After Civil Code Arts. 201 and 203: the starting day is
 * not counted, and a period ends at 24:00 or, where there are business hours, when business stops. The default
 * (`"close"`) is a default to be replaced: STANDARDS.md leaves local time limits open.
 *
 * @since 0.1.0
 * @category deadlines
 */
export const addWorkingDaysDeadline = (
  calendar: WorkingCalendar,
  instant: DateTime.Utc,
  n: number,
  options: { readonly end?: "close" | "midnight"; readonly workingHours?: WorkingHours } = {}
): Either.Either<DateTime.Utc, CalendarGap | InvalidInput> => {
  if (!Number.isSafeInteger(n) || n < 1)
    return Either.left(
      new InvalidInput({
        code: "calendar/invalid-count",
        path: ["n"],
        reason: `n must be a whole number ≥ 1, got ${n}`
      })
    )
  const start = WallClock.fromInstant(instant, calendar.timeZone).date
  return Either.map(addWorkingDays(calendar, start, n), (day) => {
    const periods = (options.workingHours ?? defaultWorkingHours).periods
    const last = periods[periods.length - 1]
    const close = options.end === "midnight" || last === undefined ? 86_400 : WallClock.toSeconds(last.end)
    return WallClock.toInstant(day, close, calendar.timeZone)
  })
}

/**
 * Working time between two instants: the part of `[from, to)` that falls in working hours of working days. Zero
 * when `to` is not after `from`.
 *
 * @since 0.1.0
 * @category deadlines
 */
export const workingTimeBetween = (
  calendar: WorkingCalendar,
  from: DateTime.Utc,
  to: DateTime.Utc,
  workingHours: WorkingHours = defaultWorkingHours
): Either.Either<Duration.Duration, CalendarGap> => {
  const lo = DateTime.toEpochMillis(from)
  const hi = DateTime.toEpochMillis(to)
  if (hi <= lo) return Either.right(Duration.zero)
  const first = WallClock.fromInstant(from, calendar.timeZone).date
  const last = WallClock.fromInstant(to, calendar.timeZone).date
  let total = 0
  for (let d = first; d <= last; d = LocalDate.addDays(d, 1)) {
    const intervals = workingIntervals(calendar, d, workingHours)
    if (Either.isLeft(intervals)) return Either.left(intervals.left)
    for (const [a, b] of intervals.right) total += Math.max(0, Math.min(b, hi) - Math.max(a, lo))
  }
  return Either.right(Duration.millis(total))
}

/**
 * True when `at` is after the deadline (an action exactly at the deadline is on time).
 *
 * @since 0.1.0
 * @category deadlines
 */
export const isOverdue = (deadline: DateTime.DateTime, at: DateTime.DateTime): boolean =>
  DateTime.greaterThan(at, deadline)

/**
 * The extension point through which plugins contribute working-day calendars (`@zhili/calendar-cn` is the first),
 * keyed by calendar id; a host finds one with `registry.get(WorkingCalendar.calendars, "calendar-cn/official")`.
 *
 * @since 0.1.0
 * @category plugins
 */
export const calendars: Plugin.ExtensionPoint<WorkingCalendar> = Plugin.extensionPoint({
  id: "kernel.workingCalendars",
  description: "Working-day calendars: weekends, public holidays and make-up working days by year",
  schema: WorkingCalendar,
  key: (calendar) => calendar.id
})
