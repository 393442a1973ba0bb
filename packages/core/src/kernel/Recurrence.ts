/**
 * Recurrence rules (重复规则): daily, weekly and monthly patterns with several periods a day, a validity range, dated
 * exceptions and a holiday behaviour, expanded into concrete occurrences. A superset of the HSDS 3 `schedule`
 * (itself a subset of RFC 5545 RRULE), so a schedule exports without loss:
 *
 * | HSDS 3 `schedule` | here |
 * | --- | --- |
 * | `freq` (WEEKLY, MONTHLY) | `freq` (`weekly`, `monthly`, and `daily`) |
 * | `interval`, `wkst`, `dtstart`, `until`, `count` | `interval`, `weekStart`, `dtstart`, `until`, `count` |
 * | `byday` (`TH,FR`, `2MO`, `-1FR`) | `byDay` (`{ weekday: 4 }`, `{ weekday: 1, nth: 2 }`, `{ weekday: 5, nth: -1 }`) |
 * | `bymonthday` (`2,3,-5`) | `byMonthDay` |
 * | `valid_from`, `valid_to` | `validFrom`, `validTo` |
 * | `opens_at`, `closes_at` | one entry of `periods` (one HSDS row per period) |
 * | `timezone` (a UTC offset) | `timeZone` (an IANA zone, which also knows daylight saving) |
 * | `description`, `notes` | `description`, `notes` |
 * | — | `exceptions` (closed on a date, other periods on a date, an extra date), `holidays` |
 *
 * HSDS `byweekno` and `byyearday` (yearly rules) are not modelled.
 *
 * @since 0.1.0
 */
import { type DateTime, Either, Schema } from "effect"
import * as Decode from "./Decode.js"
import type { DecodeError, InvalidInput } from "./Errors.js"
import type { Finding } from "./Finding.js"
import * as internal from "./internal/schedule.js"
import * as LocalDate from "./LocalDate.js"
import * as WallClock from "./WallClock.js"
import { type CalendarGap, Weekday, type WorkingCalendar } from "./WorkingCalendar.js"

/**
 * How often a rule repeats (RFC 5545 FREQ).
 *
 * @since 0.1.0
 * @category models
 */
export const Frequency = Schema.Literal("daily", "weekly", "monthly")
/**
 * @since 0.1.0
 * @category models
 */
export type Frequency = typeof Frequency.Type

/**
 * A weekday, optionally the nth of its month for monthly rules: `{ weekday: 2, nth: 2 }` is the second Tuesday,
 * `{ weekday: 5, nth: -1 }` the last Friday (RFC 5545 BYDAY `2TU`, `-1FR`).
 *
 * @since 0.1.0
 * @category models
 */
export const ByDay = Schema.Struct({
  weekday: Weekday,
  nth: Schema.optionalWith(
    Schema.Int.pipe(Schema.filter((n) => (n !== 0 && n >= -5 && n <= 5) || `nth must be 1 to 5 or -1 to -5, got ${n}`)),
    { exact: true }
  )
})
/**
 * @since 0.1.0
 * @category models
 */
export type ByDay = typeof ByDay.Type

/**
 * A dated exception (例外日期). `Closed`: no occurrence that date. `Changed`: on a date the rule occurs, these
 * periods instead. `Extra`: an occurrence on this date with these periods, whether or not the rule occurs. Dated
 * exceptions are explicit decisions and win over the holiday behaviour.
 *
 * @since 0.1.0
 * @category models
 */
export const Exception = Schema.Union(
  Schema.TaggedStruct("Closed", {
    date: LocalDate.LocalDate,
    reason: Schema.optionalWith(Schema.String, { exact: true })
  }),
  Schema.TaggedStruct("Changed", {
    date: LocalDate.LocalDate,
    periods: WallClock.Periods.pipe(Schema.minItems(1)),
    reason: Schema.optionalWith(Schema.String, { exact: true })
  }),
  Schema.TaggedStruct("Extra", {
    date: LocalDate.LocalDate,
    periods: WallClock.Periods.pipe(Schema.minItems(1)),
    reason: Schema.optionalWith(Schema.String, { exact: true })
  })
).annotations({ identifier: "Exception" })
/**
 * @since 0.1.0
 * @category models
 */
export type Exception = typeof Exception.Type

/**
 * What a rule does on public holidays of a working calendar. `Open`: nothing special (no calendar needed).
 * `Skip`: no occurrence on a public holiday. `FollowWorkingDays`: no occurrence on a public holiday, and on a
 * make-up working day (调休上班) the rule applies as if the date were `makeUpDayAs` (for daily and weekly rules;
 * monthly rules ignore make-up days).
 *
 * @since 0.1.0
 * @category models
 */
export const HolidayBehaviour = Schema.Union(
  Schema.TaggedStruct("Open", {}),
  Schema.TaggedStruct("Skip", {}),
  Schema.TaggedStruct("FollowWorkingDays", { makeUpDayAs: Weekday })
).annotations({ identifier: "HolidayBehaviour" })
/**
 * @since 0.1.0
 * @category models
 */
export type HolidayBehaviour = typeof HolidayBehaviour.Type

/**
 * Holiday behaviours, ready to use. `followWorkingDays` treats a make-up day as a Monday: a default to be
 * replaced, since the State Council notices do not say which weekday a make-up day stands for.
 *
 * @since 0.1.0
 * @category constructors
 */
export const holidays = {
  open: { _tag: "Open" } as HolidayBehaviour,
  skip: { _tag: "Skip" } as HolidayBehaviour,
  followWorkingDays: (makeUpDayAs: Weekday = 1): HolidayBehaviour => ({ _tag: "FollowWorkingDays", makeUpDayAs })
} as const

/**
 * A recurrence rule. Dates are read in `timeZone` (default Asia/Shanghai); `periods` are the times of each
 * occurrence day. `dtstart` anchors `interval` and `count` and is required with them; `count` counts the pattern's
 * dates before exceptions and holidays apply (as RFC 5545 counts before EXDATE). Defaults: interval 1, week start
 * Monday, zone Asia/Shanghai, holidays `Open`.
 *
 * @since 0.1.0
 * @category models
 */
export class Rule extends Schema.Class<Rule>("@zhili/Recurrence/Rule")(
  Schema.Struct({
    freq: Frequency,
    interval: Schema.optionalWith(Schema.Int.pipe(Schema.positive()), { default: () => 1, exact: true }),
    byDay: Schema.optionalWith(Schema.Array(ByDay), { default: () => [], exact: true }),
    byMonthDay: Schema.optionalWith(
      Schema.Array(
        Schema.Int.pipe(
          Schema.filter((n) => (n !== 0 && n >= -31 && n <= 31) || `a month day is 1 to 31 or -1 to -31, got ${n}`)
        )
      ),
      { default: () => [], exact: true }
    ),
    weekStart: Schema.optionalWith(Weekday, { default: () => 1 as const, exact: true }),
    periods: WallClock.Periods.pipe(Schema.minItems(1)),
    dtstart: Schema.optionalWith(LocalDate.LocalDate, { exact: true }),
    until: Schema.optionalWith(LocalDate.LocalDate, { exact: true }),
    count: Schema.optionalWith(Schema.Int.pipe(Schema.positive()), { exact: true }),
    validFrom: Schema.optionalWith(LocalDate.LocalDate, { exact: true }),
    validTo: Schema.optionalWith(LocalDate.LocalDate, { exact: true }),
    timeZone: Schema.optionalWith(WallClock.TimeZoneId, {
      default: () => WallClock.defaultTimeZone as WallClock.TimeZoneId,
      exact: true
    }),
    exceptions: Schema.optionalWith(Schema.Array(Exception), { default: () => [], exact: true }),
    holidays: Schema.optionalWith(HolidayBehaviour, { default: () => ({ _tag: "Open" }) as const, exact: true }),
    description: Schema.optionalWith(Schema.String, { exact: true }),
    notes: Schema.optionalWith(Schema.String, { exact: true })
  }).pipe(
    Schema.filter((r) => {
      const issues: Array<internal.Issue> = []
      if (r.dtstart === undefined && (r.interval > 1 || r.count !== undefined))
        issues.push({ path: ["dtstart"], message: "a rule with an interval above 1 or a count needs dtstart" })
      if (r.until !== undefined && r.count !== undefined)
        issues.push({ path: ["count"], message: "give until or count, not both (RFC 5545)" })
      if (r.until !== undefined && r.dtstart !== undefined && r.until < r.dtstart)
        issues.push({ path: ["until"], message: `until ${r.until} is before dtstart ${r.dtstart}` })
      if (r.validFrom !== undefined && r.validTo !== undefined && r.validTo < r.validFrom)
        issues.push({ path: ["validTo"], message: `validTo ${r.validTo} is before validFrom ${r.validFrom}` })
      if (r.freq !== "monthly") {
        r.byDay.forEach((d, i) => {
          if (d.nth !== undefined)
            issues.push({ path: ["byDay", i, "nth"], message: "nth weekday (like 2TU) applies to monthly rules only" })
        })
        if (r.byMonthDay.length > 0)
          issues.push({ path: ["byMonthDay"], message: "month days apply to monthly rules only" })
      }
      if (r.freq === "weekly" && r.byDay.length === 0 && r.dtstart === undefined)
        issues.push({ path: ["byDay"], message: "a weekly rule needs byDay or dtstart to know its weekday" })
      if (r.freq === "monthly" && r.byDay.length === 0 && r.byMonthDay.length === 0 && r.dtstart === undefined)
        issues.push({ path: ["byMonthDay"], message: "a monthly rule needs byMonthDay, byDay or dtstart" })
      issues.push(...internal.exceptionIssues(r.exceptions))
      return issues
    })
  )
) {}

/**
 * One concrete occurrence: its local date and its start and end instants. `kind` says why it is there: the
 * regular pattern, a changed or extra exception, or a make-up working day.
 *
 * @since 0.1.0
 * @category models
 */
export const Occurrence = Schema.Struct({
  date: LocalDate.LocalDate,
  start: Schema.DateTimeUtcFromSelf,
  end: Schema.DateTimeUtcFromSelf,
  kind: Schema.Literal("regular", "changed", "extra", "makeUp")
})
/**
 * @since 0.1.0
 * @category models
 */
export type Occurrence = typeof Occurrence.Type

/**
 * Decodes a rule from untrusted data (JSON), reporting every problem with its path.
 *
 * @since 0.1.0
 * @category constructors
 */
export const decode = (input: unknown): Either.Either<Rule, DecodeError> =>
  Decode.decodeEither(Rule, "Recurrence.Rule")(input)

/**
 * Checks rule data and lists what is wrong as findings with paths (`periods[0].end`, `timeZone`).
 *
 * @since 0.1.0
 * @category validation
 */
export const validate = (input: unknown): ReadonlyArray<Finding> =>
  Either.match(Decode.validate(Rule)(input), { onLeft: (fs) => fs, onRight: () => [] })

/**
 * Builds a rule from its encoded fields (times as `"HH:MM"`); throws on bad input. Use {@link decode} for untrusted
 * data.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (input: typeof Rule.Encoded): Rule => Schema.decodeSync(Rule)(input, { errors: "all" })

/**
 * A weekly rule on some weekdays: `weekly([1], [["19:00", "21:00"]])` is every Monday 19:00–21:00.
 *
 * @since 0.1.0
 * @category constructors
 */
export const weekly = (
  weekdays: ReadonlyArray<Weekday>,
  periods: ReadonlyArray<readonly [string, string]>,
  options: Omit<Partial<typeof Rule.Encoded>, "freq" | "byDay" | "periods"> = {}
): Rule =>
  make({
    ...options,
    freq: "weekly",
    byDay: weekdays.map((weekday) => ({ weekday })),
    periods: periods.map(([start, end]) => ({ start, end }))
  })

// ---------------------------------------------------------------------------------------------------------------

const monthIndex = (date: LocalDate.LocalDate) => {
  const { month, year } = LocalDate.toParts(date)
  return year * 12 + month - 1
}

const weekIndex = (date: LocalDate.LocalDate, weekStart: number) => {
  const back = (LocalDate.dayOfWeek(date) - weekStart + 7) % 7
  return Math.floor((LocalDate.toEpochDay(date) - back + 3) / 7)
}

const monthDayMatches = (rule: Rule, date: LocalDate.LocalDate): boolean => {
  const { day, month, year } = LocalDate.toParts(date)
  const dim = LocalDate.daysInMonth(year, month)
  return rule.byMonthDay.some((n) => (n > 0 ? n === day : dim + n + 1 === day))
}

const byDayMatches = (rule: Rule, date: LocalDate.LocalDate, weekday: number): boolean => {
  const { day, month, year } = LocalDate.toParts(date)
  const dim = LocalDate.daysInMonth(year, month)
  return rule.byDay.some(
    (b) =>
      b.weekday === weekday &&
      (b.nth === undefined || (b.nth > 0 ? Math.ceil(day / 7) === b.nth : Math.ceil((dim - day + 1) / 7) === -b.nth))
  )
}

/** Whether the bare pattern (no count, exceptions or holidays) occurs on a date. */
const patternMatches = (rule: Rule, date: LocalDate.LocalDate, asWeekday: Weekday | undefined): boolean => {
  if (rule.dtstart !== undefined && date < rule.dtstart) return false
  if (rule.until !== undefined && date > rule.until) return false
  const weekday = asWeekday ?? LocalDate.dayOfWeek(date)
  const anchor = rule.dtstart
  switch (rule.freq) {
    case "daily": {
      if (rule.byDay.length > 0 && !rule.byDay.some((b) => b.weekday === weekday)) return false
      return anchor === undefined || LocalDate.daysBetween(anchor, date) % rule.interval === 0
    }
    case "weekly": {
      const days =
        rule.byDay.length > 0 ? rule.byDay.map((b) => b.weekday) : anchor ? [LocalDate.dayOfWeek(anchor)] : []
      if (!days.includes(weekday)) return false
      return (
        anchor === undefined ||
        (weekIndex(date, rule.weekStart) - weekIndex(anchor, rule.weekStart)) % rule.interval === 0
      )
    }
    case "monthly": {
      if (asWeekday !== undefined) return false
      if (anchor !== undefined && (monthIndex(date) - monthIndex(anchor)) % rule.interval !== 0) return false
      if (rule.byDay.length === 0 && rule.byMonthDay.length === 0)
        return anchor !== undefined && LocalDate.toParts(anchor).day === LocalDate.toParts(date).day
      return (
        (rule.byMonthDay.length === 0 || monthDayMatches(rule, date)) &&
        (rule.byDay.length === 0 || byDayMatches(rule, date, weekday))
      )
    }
  }
}

/** Search limit for the last date of a counted rule, so a rule that never matches cannot loop. */
const countHorizonDays = 200 * 366

const lastCounted = new WeakMap<Rule, LocalDate.LocalDate | null>()

/** The date of the `count`th instance of a counted rule (null when it never reaches `count`). */
const lastCountedDate = (rule: Rule): LocalDate.LocalDate | null => {
  const cached = lastCounted.get(rule)
  if (cached !== undefined) return cached
  let found: LocalDate.LocalDate | null = null
  if (rule.count !== undefined && rule.dtstart !== undefined) {
    let seen = 0
    for (let i = 0, d = rule.dtstart; i < countHorizonDays; i++, d = LocalDate.addDays(d, 1)) {
      if (patternMatches(rule, d, undefined) && ++seen === rule.count) {
        found = d
        break
      }
    }
  }
  lastCounted.set(rule, found)
  return found
}

const regular =
  (rule: Rule) =>
  (date: LocalDate.LocalDate, asWeekday: Weekday | undefined): ReadonlyArray<WallClock.Period> | undefined => {
    if (rule.validFrom !== undefined && date < rule.validFrom) return undefined
    if (rule.validTo !== undefined && date > rule.validTo) return undefined
    if (rule.count !== undefined) {
      const last = lastCountedDate(rule)
      if (last !== null && date > last) return undefined
    }
    return patternMatches(rule, date, asWeekday) ? rule.periods : undefined
  }

const schedules = new WeakMap<Rule, internal.Schedule>()

const scheduleOf = (rule: Rule): internal.Schedule => {
  const cached = schedules.get(rule)
  if (cached !== undefined) return cached
  const schedule: internal.Schedule = {
    subject: rule.description ?? "recurrence rule",
    timeZone: rule.timeZone,
    holidays: rule.holidays,
    exceptions: rule.exceptions,
    regular: regular(rule)
  }
  schedules.set(rule, schedule)
  return schedule
}

/**
 * The periods of one date after exceptions and holidays (empty when the rule does not occur that date). Fails with
 * `CalendarGap` when the holiday behaviour needs a year the calendar lacks, and with `InvalidInput` when it needs a
 * calendar and none is given.
 *
 * @since 0.1.0
 * @category rules
 */
export const periodsOn = (
  rule: Rule,
  date: LocalDate.LocalDate,
  calendar?: WorkingCalendar
): Either.Either<ReadonlyArray<WallClock.Period>, CalendarGap | InvalidInput> =>
  Either.map(internal.dayPlan(scheduleOf(rule), date, calendar), (plan) => plan?.periods ?? [])

/**
 * Every occurrence that overlaps `[from, to)`, in time order: one per period of each occurrence day, with its
 * start and end instants. Empty when `to` is not after `from`.
 *
 * @since 0.1.0
 * @category rules
 */
export const occurrences = (
  rule: Rule,
  from: DateTime.Utc,
  to: DateTime.Utc,
  calendar?: WorkingCalendar
): Either.Either<ReadonlyArray<Occurrence>, CalendarGap | InvalidInput> =>
  internal.occurrences(scheduleOf(rule), from, to, calendar)
