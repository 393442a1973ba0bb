/**
 * Working-day calendars (工作日历) as data: weekend days, public holidays (法定节假日), make-up working days (调休上班)
 * and the years the data covers, with the rules that count working days and working hours over them. A date in a
 * year the calendar has no data for is a {@link CalendarGap} error, never a guess. Instants are Effect
 * `DateTime.Utc`; local dates and times are read in the calendar's time zone.
 *
 * Counting reads a working-day index (工作日索引) built once per calendar: over the covered years, a prefix count of
 * working days per calendar day and the position of every working day, so adding n working days is one lookup and
 * counting them two; adding working hours is a binary search in the working time elapsed per period of each day. The
 * answers, the {@link CalendarGap} included (the first uncovered day a day-by-day walk would step on), are those of a
 * walk.
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

// The working-day index (工作日索引): over the days from 1 January of the first covered year to 31 December of the
// last, whether each day is worked, a prefix count of working days, the position of every working day, and for each
// day the nearest day in an uncovered year at or after it and at or before it (the day after the span and the day
// before it count as uncovered). Adding n working days is then one lookup in the positions and one in the gaps; a
// count between two dates is two lookups in the prefix count. Built once per calendar (a few kilobytes a year).
interface DayIndex {
  /** Epoch day of index 0. */
  readonly base: number
  readonly length: number
  /** `count[i]`: working days in [0, i). */
  readonly count: Int32Array
  /** `positions[k]`: index of the (k+1)th working day. */
  readonly positions: Int32Array
  /** `nextGap[i]`: smallest uncovered index ≥ i (`length` when none inside). */
  readonly nextGap: Int32Array
  /** `prevGap[i]`: largest uncovered index ≤ i (-1 when none inside). */
  readonly prevGap: Int32Array
}

const dayIndexes = new WeakMap<WorkingCalendar, DayIndex>()

const dayIndexOf = (calendar: WorkingCalendar): DayIndex => {
  const cached = dayIndexes.get(calendar)
  if (cached !== undefined) return cached
  const index = indexOf(calendar)
  const first = index.covered[0]
  const last = index.covered[index.covered.length - 1]
  const base = first === undefined ? 0 : LocalDate.toEpochDay(LocalDate.make(first, 1, 1))
  const length = last === undefined ? 0 : LocalDate.toEpochDay(LocalDate.make(last, 12, 31)) - base + 1
  const count = new Int32Array(length + 1)
  const working: Array<number> = []
  const nextGap = new Int32Array(length)
  const prevGap = new Int32Array(length)
  const gap = new Uint8Array(length)
  for (let i = 0; i < length; i++) {
    const date = LocalDate.fromEpochDay(base + i)
    let works = false
    if (!index.years.has(Number(date.slice(0, 4)))) gap[i] = 1
    else if (index.holidays.has(date)) works = false
    else if (index.makeUp.has(date)) works = true
    else works = !index.weekend.has(((((base + i + 3) % 7) + 7) % 7) + 1)
    if (works) working.push(i)
    count[i + 1] = (count[i] as number) + (works ? 1 : 0)
  }
  for (let i = length - 1, g = length; i >= 0; i--) {
    if (gap[i] === 1) g = i
    nextGap[i] = g
  }
  for (let i = 0, g = -1; i < length; i++) {
    if (gap[i] === 1) g = i
    prevGap[i] = g
  }
  const built: DayIndex = { base, length, count, positions: Int32Array.from(working), nextGap, prevGap }
  dayIndexes.set(calendar, built)
  return built
}

const gapAt = (calendar: WorkingCalendar, epochDay: number): CalendarGap => {
  const date = LocalDate.fromEpochDay(epochDay)
  return new CalendarGap({
    calendar: calendar.id,
    year: LocalDate.toParts(date).year,
    date,
    covered: indexOf(calendar).covered
  })
}

/**
 * The epoch day `n` working days after (before, when negative) the epoch day `day`, stepping over days the way a
 * walk does: the first day in an uncovered year stepped on before the count is reached is the gap reported.
 */
const addWorkingDayNumbers = (calendar: WorkingCalendar, day: number, n: number): number | CalendarGap => {
  if (n === 0) return day
  const ix = dayIndexOf(calendar)
  const pos = day - ix.base
  if (n > 0) {
    const first = pos + 1
    if (first < 0 || first >= ix.length) return gapAt(calendar, ix.base + first)
    const gap = ix.nextGap[first] as number
    const rank = (ix.count[first] as number) + n - 1
    if (rank >= ix.positions.length) return gapAt(calendar, ix.base + gap)
    const at = ix.positions[rank] as number
    return gap <= at ? gapAt(calendar, ix.base + gap) : ix.base + at
  }
  const first = pos - 1
  if (first < 0 || first >= ix.length) return gapAt(calendar, ix.base + first)
  const gap = ix.prevGap[first] as number
  const rank = (ix.count[first + 1] as number) + n
  if (rank < 0) return gapAt(calendar, ix.base + gap)
  const at = ix.positions[rank] as number
  return gap >= at ? gapAt(calendar, ix.base + gap) : ix.base + at
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
  if (n === 0) return Either.right(date)
  const day = addWorkingDayNumbers(calendar, LocalDate.toEpochDay(date), n)
  return typeof day === "number" ? Either.right(LocalDate.fromEpochDay(day)) : Either.left(day)
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
  const a = LocalDate.toEpochDay(from)
  const b = LocalDate.toEpochDay(to)
  const [lo, hi] = forward ? [a + 1, b] : [b, a - 1]
  if (lo > hi) return Either.right(0)
  const ix = dayIndexOf(calendar)
  const first = lo - ix.base
  if (first < 0 || first >= ix.length) return Either.left(gapAt(calendar, lo))
  const gap = ix.nextGap[first] as number
  if (gap <= hi - ix.base) return Either.left(gapAt(calendar, ix.base + gap))
  const count = (ix.count[hi - ix.base + 1] as number) - (ix.count[first] as number)
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

// The working-hours index of a calendar and its working hours: every day of the day index has one slot per period
// (its start and end instants; empty on a day off), and `elapsed[k]` is the working time in the slots before slot k.
// Adding working hours is then a binary search in `elapsed`, working time between two instants two lookups.
interface HoursIndex {
  readonly periods: number
  readonly starts: Float64Array
  readonly ends: Float64Array
  readonly elapsed: Float64Array
}

const hoursIndexes = new WeakMap<WorkingCalendar, Map<string, HoursIndex>>()

const hoursIndexOf = (calendar: WorkingCalendar, hours: WorkingHours): HoursIndex => {
  let byHours = hoursIndexes.get(calendar)
  if (byHours === undefined) {
    byHours = new Map()
    hoursIndexes.set(calendar, byHours)
  }
  const seconds = hours.periods.map((p) => [WallClock.toSeconds(p.start), WallClock.toSeconds(p.end)] as const)
  const key = seconds.join(";")
  const cached = byHours.get(key)
  if (cached !== undefined) return cached
  const ix = dayIndexOf(calendar)
  const periods = seconds.length
  const starts = new Float64Array(ix.length * periods)
  const ends = new Float64Array(ix.length * periods)
  const elapsed = new Float64Array(ix.length * periods + 1)
  for (let i = 0; i < ix.length; i++) {
    const works = (ix.count[i + 1] as number) > (ix.count[i] as number)
    for (let p = 0; p < periods; p++) {
      const k = i * periods + p
      const [a, b] = seconds[p] as readonly [number, number]
      if (works) {
        starts[k] = WallClock.toEpochMillis(ix.base + i, a, calendar.timeZone)
        ends[k] = WallClock.toEpochMillis(ix.base + i, b, calendar.timeZone)
      }
      elapsed[k + 1] = (elapsed[k] as number) + (ends[k] as number) - (starts[k] as number)
    }
  }
  const built: HoursIndex = { periods, starts, ends, elapsed }
  byHours.set(key, built)
  return built
}

/** Working time in the slots before an instant, which lies on the day at `pos` (a covered day of the index). */
const elapsedAt = (hx: HoursIndex, pos: number, ms: number): number => {
  let total = hx.elapsed[pos * hx.periods] as number
  for (let k = pos * hx.periods, end = k + hx.periods; k < end; k++) {
    const a = hx.starts[k] as number
    const b = hx.ends[k] as number
    if (ms > a) total += Math.min(ms, b) - a
  }
  return total
}

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
  const left = Math.round(hours * 3_600_000)
  if (left === 0) return Either.right(instant)
  const start = DateTime.toEpochMillis(instant)
  const ix = dayIndexOf(calendar)
  const day = WallClock.epochDayOf(start, calendar.timeZone)
  const pos = day - ix.base
  if (pos < 0 || pos >= ix.length || ix.nextGap[pos] === pos) return Either.left(gapAt(calendar, day))
  const hx = hoursIndexOf(calendar, workingHours)
  const target = elapsedAt(hx, pos, start) + left
  const gap = ix.nextGap[pos] as number
  const slots = hx.elapsed.length - 1
  if ((hx.elapsed[slots] as number) < target) return Either.left(gapAt(calendar, ix.base + gap))
  // the first slot k at or after the start day whose end reaches the target: elapsed[k + 1] ≥ target
  let lo = pos * hx.periods
  let hi = slots - 1
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((hx.elapsed[mid + 1] as number) >= target) hi = mid
    else lo = mid + 1
  }
  if (gap <= Math.floor(lo / hx.periods)) return Either.left(gapAt(calendar, ix.base + gap))
  return Either.right(DateTime.unsafeMake((hx.starts[lo] as number) + target - (hx.elapsed[lo] as number)))
}

const closes = new WeakMap<WorkingHours, number>()

/** The second of the day the last period of working hours ends (midnight with none). */
const closeOf = (hours: WorkingHours): number => {
  let close = closes.get(hours)
  if (close === undefined) {
    const last = hours.periods[hours.periods.length - 1]
    close = last === undefined ? 86_400 : WallClock.toSeconds(last.end)
    closes.set(hours, close)
  }
  return close
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
  const day = addWorkingDayNumbers(
    calendar,
    WallClock.epochDayOf(DateTime.toEpochMillis(instant), calendar.timeZone),
    n
  )
  if (typeof day !== "number") return Either.left(day)
  const close = options.end === "midnight" ? 86_400 : closeOf(options.workingHours ?? defaultWorkingHours)
  return Either.right(DateTime.unsafeMake(WallClock.toEpochMillis(day, close, calendar.timeZone)))
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
  const ix = dayIndexOf(calendar)
  const first = WallClock.epochDayOf(lo, calendar.timeZone) - ix.base
  const last = WallClock.epochDayOf(hi, calendar.timeZone) - ix.base
  if (first < 0 || first >= ix.length) return Either.left(gapAt(calendar, ix.base + first))
  const gap = ix.nextGap[first] as number
  if (gap <= last) return Either.left(gapAt(calendar, ix.base + gap))
  const hx = hoursIndexOf(calendar, workingHours)
  return Either.right(Duration.millis(elapsedAt(hx, last, hi) - elapsedAt(hx, first, lo)))
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
