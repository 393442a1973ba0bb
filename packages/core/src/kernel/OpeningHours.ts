/**
 * Opening hours (开放时间 / 服务时间) of a service station or space: periods per weekday, a holiday behaviour and
 * dated exceptions, with "is it open at t", "when does it next open" and "when does it next close". Built on the
 * same day resolution as {@link Recurrence}: dated exceptions first, then public holidays, then the weekly table.
 *
 * @since 0.1.0
 */
import { DateTime, Either, Option, Schema } from "effect"
import * as Decode from "./Decode.js"
import type { DecodeError, InvalidInput } from "./Errors.js"
import type { Finding } from "./Finding.js"
import * as internal from "./internal/schedule.js"
import * as LocalDate from "./LocalDate.js"
import { Exception, HolidayBehaviour, type Occurrence } from "./Recurrence.js"
import * as WallClock from "./WallClock.js"
import { type CalendarGap, Weekday, type WorkingCalendar } from "./WorkingCalendar.js"

/**
 * The periods of some weekdays: `{ days: [1, 2, 3, 4, 5], periods: [09:00–21:00] }`.
 *
 * @since 0.1.0
 * @category models
 */
export class DayHours extends Schema.Class<DayHours>("@zhili/OpeningHours/DayHours")({
  days: Schema.Array(Weekday).pipe(Schema.minItems(1)),
  periods: WallClock.Periods.pipe(Schema.minItems(1))
}) {}

const dayPeriods = (week: ReadonlyArray<DayHours>, weekday: number): Array<WallClock.Period> =>
  week
    .filter((h) => h.days.includes(weekday as Weekday))
    .flatMap((h) => h.periods)
    .sort((a, b) => WallClock.toSeconds(a.start) - WallClock.toSeconds(b.start))

/**
 * Opening hours: a weekly table, what happens on public holidays (default `Open`: the table applies, no calendar
 * needed — a default to be replaced by each host), dated exceptions, an optional validity range and the zone the
 * times are in (default Asia/Shanghai). A weekday listed in several entries gets all their periods, which must not
 * overlap.
 *
 * @since 0.1.0
 * @category models
 */
export class OpeningHours extends Schema.Class<OpeningHours>("@zhili/OpeningHours")(
  Schema.Struct({
    week: Schema.Array(DayHours),
    holidays: Schema.optionalWith(HolidayBehaviour, { default: () => ({ _tag: "Open" }) as const, exact: true }),
    exceptions: Schema.optionalWith(Schema.Array(Exception), { default: () => [], exact: true }),
    validFrom: Schema.optionalWith(LocalDate.LocalDate, { exact: true }),
    validTo: Schema.optionalWith(LocalDate.LocalDate, { exact: true }),
    timeZone: Schema.optionalWith(WallClock.TimeZoneId, {
      default: () => WallClock.defaultTimeZone as WallClock.TimeZoneId,
      exact: true
    }),
    notes: Schema.optionalWith(Schema.String, { exact: true })
  }).pipe(
    Schema.filter((h) => {
      const issues: Array<internal.Issue> = []
      for (let weekday = 1; weekday <= 7; weekday++) {
        const ps = dayPeriods(h.week, weekday)
        ps.forEach((p, i) => {
          const prev = ps[i - 1]
          if (prev !== undefined && WallClock.toSeconds(p.start) < WallClock.toSeconds(prev.end))
            issues.push({ path: ["week"], message: `weekday ${weekday} has overlapping periods ${prev} and ${p}` })
        })
      }
      if (h.validFrom !== undefined && h.validTo !== undefined && h.validTo < h.validFrom)
        issues.push({ path: ["validTo"], message: `validTo ${h.validTo} is before validFrom ${h.validFrom}` })
      issues.push(...internal.exceptionIssues(h.exceptions))
      return issues
    })
  )
) {}

/**
 * The "5+1 extended hours" (5+1延时服务) of the seed's party-and-people service station: Monday to Friday
 * 09:00–21:00 and Saturday 09:00–17:00, Sunday closed. From the seed: weekdays extended "to 9 in the evening" and
 * "one more day on Saturday". Default to be replaced: the seed gives neither the weekday opening time nor
 * Saturday's hours, so 09:00 and 09:00–17:00 are our guesses. Public holidays follow the working calendar
 * (closed on holidays; a make-up Saturday keeps weekday hours).
 *
 * @since 0.1.0
 * @category defaults
 */
export const fivePlusOne: OpeningHours = Schema.decodeSync(OpeningHours)({
  week: [
    { days: [1, 2, 3, 4, 5], periods: [{ start: "09:00", end: "21:00" }] },
    { days: [6], periods: [{ start: "09:00", end: "17:00" }] }
  ],
  holidays: { _tag: "FollowWorkingDays", makeUpDayAs: 1 },
  notes: "5+1延时服务: Mon–Fri to 21:00 plus Saturday (opening time and Saturday hours are defaults to be replaced)"
})

/**
 * Decodes opening hours from untrusted data (JSON), reporting every problem with its path.
 *
 * @since 0.1.0
 * @category constructors
 */
export const decode = (input: unknown): Either.Either<OpeningHours, DecodeError> =>
  Decode.decodeEither(OpeningHours, "OpeningHours")(input)

/**
 * Checks opening-hours data and lists what is wrong as findings with paths.
 *
 * @since 0.1.0
 * @category validation
 */
export const validate = (input: unknown): ReadonlyArray<Finding> =>
  Either.match(Decode.validate(OpeningHours)(input), { onLeft: (fs) => fs, onRight: () => [] })

const schedules = new WeakMap<OpeningHours, internal.Schedule>()

const scheduleOf = (hours: OpeningHours): internal.Schedule => {
  const cached = schedules.get(hours)
  if (cached !== undefined) return cached
  const byWeekday = new Map<number, ReadonlyArray<WallClock.Period>>()
  for (let weekday = 1; weekday <= 7; weekday++) {
    const ps = dayPeriods(hours.week, weekday)
    if (ps.length > 0) byWeekday.set(weekday, ps)
  }
  const schedule: internal.Schedule = {
    subject: "opening hours",
    timeZone: hours.timeZone,
    holidays: hours.holidays,
    exceptions: hours.exceptions,
    regular: (date, asWeekday) => {
      if (hours.validFrom !== undefined && date < hours.validFrom) return undefined
      if (hours.validTo !== undefined && date > hours.validTo) return undefined
      return byWeekday.get(asWeekday ?? LocalDate.dayOfWeek(date))
    }
  }
  schedules.set(hours, schedule)
  return schedule
}

/**
 * How far ahead {@link nextOpening} and {@link nextClosing} look by default: 366 days.
 *
 * @since 0.1.0
 * @category defaults
 */
export const defaultHorizonDays = 366

/**
 * The periods of one date after exceptions and holidays (empty when closed all day).
 *
 * @since 0.1.0
 * @category rules
 */
export const periodsOn = (
  hours: OpeningHours,
  date: LocalDate.LocalDate,
  calendar?: WorkingCalendar
): Either.Either<ReadonlyArray<WallClock.Period>, CalendarGap | InvalidInput> =>
  Either.map(internal.dayPlan(scheduleOf(hours), date, calendar), (plan) => plan?.periods ?? [])

/**
 * Every opening period overlapping `[from, to)`, in time order.
 *
 * @since 0.1.0
 * @category rules
 */
export const occurrences = (
  hours: OpeningHours,
  from: DateTime.Utc,
  to: DateTime.Utc,
  calendar?: WorkingCalendar
): Either.Either<ReadonlyArray<Occurrence>, CalendarGap | InvalidInput> =>
  internal.occurrences(scheduleOf(hours), from, to, calendar)

/**
 * True when the place is open at an instant (a period's start is open, its end is closed).
 *
 * @since 0.1.0
 * @category rules
 */
export const isOpenAt = (
  hours: OpeningHours,
  instant: DateTime.Utc,
  calendar?: WorkingCalendar
): Either.Either<boolean, CalendarGap | InvalidInput> => {
  const t = DateTime.toEpochMillis(instant)
  const date = WallClock.fromInstant(instant, hours.timeZone).date
  return Either.map(internal.dayPlan(scheduleOf(hours), date, calendar), (plan) =>
    (plan?.periods ?? []).some(
      (p) =>
        DateTime.toEpochMillis(WallClock.toInstant(date, p.start, hours.timeZone)) <= t &&
        t < DateTime.toEpochMillis(WallClock.toInstant(date, p.end, hours.timeZone))
    )
  )
}

/**
 * The next instant at or after `instant` at which a period starts, or none within `horizonDays` (default 366)
 * days. A place open at `instant` in the middle of a period reports the start of its next period; ask
 * {@link isOpenAt} first to know whether it is open now.
 *
 * @since 0.1.0
 * @category rules
 */
export const nextOpening = (
  hours: OpeningHours,
  instant: DateTime.Utc,
  calendar?: WorkingCalendar,
  options: { readonly horizonDays?: number } = {}
): Either.Either<Option.Option<DateTime.Utc>, CalendarGap | InvalidInput> => {
  const t = DateTime.toEpochMillis(instant)
  return Either.map(
    internal.find(
      scheduleOf(hours),
      instant,
      options.horizonDays ?? defaultHorizonDays,
      calendar,
      (o) => DateTime.toEpochMillis(o.start) >= t
    ),
    Option.map((o) => o.start)
  )
}

/**
 * The next instant after `instant` at which the place closes: the end of the current opening when open (periods
 * that touch, like 12:00–12:00 or 24:00–00:00, count as one), otherwise the end of the next opening. None when no
 * closing is found within `horizonDays` (default 366) days: always open, or never open again.
 *
 * @since 0.1.0
 * @category rules
 */
export const nextClosing = (
  hours: OpeningHours,
  instant: DateTime.Utc,
  calendar?: WorkingCalendar,
  options: { readonly horizonDays?: number } = {}
): Either.Either<Option.Option<DateTime.Utc>, CalendarGap | InvalidInput> => {
  const horizon = options.horizonDays ?? defaultHorizonDays
  const schedule = scheduleOf(hours)
  const t = DateTime.toEpochMillis(instant)
  const limit = t + (horizon + 1) * 86_400_000
  let current = internal.find(schedule, instant, horizon, calendar, (o) => DateTime.toEpochMillis(o.end) > t)
  for (;;) {
    if (Either.isLeft(current)) return Either.left(current.left)
    if (Option.isNone(current.right)) return Either.right(Option.none())
    const end = current.right.value.end
    const endMs = DateTime.toEpochMillis(end)
    if (endMs > limit) return Either.right(Option.none())
    const next = internal.find(schedule, end, 1, calendar, (o) => DateTime.toEpochMillis(o.end) > endMs)
    if (Either.isLeft(next)) return Either.left(next.left)
    if (Option.isNone(next.right) || DateTime.toEpochMillis(next.right.value.start) > endMs)
      return Either.right(Option.some(end))
    current = next
  }
}
