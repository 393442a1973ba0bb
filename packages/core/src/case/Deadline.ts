/**
 * Case deadlines (办理时限): time limits as data and the clock that turns "an instant plus a time limit" into a due
 * instant. Limits in working time need a working-day calendar (holidays off, make-up working days on); the calendar
 * is always an argument, never a global.
 *
 * @since 0.1.0
 */
import { DateTime, Either, Schema } from "effect"
import { InvalidInput } from "../kernel/Errors.js"
import * as WorkingCalendar from "../kernel/WorkingCalendar.js"

/**
 * The unit of a time limit: `hours` and `days` run round the clock (自然时), `working-hours` and `working-days`
 * count only working time of a working-day calendar (工作时、工作日).
 *
 * @since 0.1.0
 * @category models
 */
export const Unit = Schema.Literal("hours", "days", "working-hours", "working-days")
/**
 * @since 0.1.0
 * @category models
 */
export type Unit = typeof Unit.Type

/**
 * A time limit (时限): a positive whole number of units.
 *
 * @since 0.1.0
 * @category models
 */
export class Duration extends Schema.Class<Duration>("@zhili/CaseDuration")({
  amount: Schema.Int.pipe(Schema.greaterThan(0, { message: () => "a time limit must be a positive whole number" })),
  unit: Unit
}) {
  /** The limit as people write it: `7 working-days`. */
  override toString(): string {
    return `${this.amount} ${this.unit}`
  }
}

/**
 * Builds a time limit.
 *
 * @since 0.1.0
 * @category constructors
 */
export const duration = (amount: number, unit: Unit): Duration => new Duration({ amount, unit })

/**
 * Working-time arithmetic a calendar provides: the due instant `n` working hours or working days after an instant.
 * A calendar answers with an `InvalidInput` when the instant or the result lies outside the years it covers. For
 * the kernel's `WorkingCalendar` use {@link fromWorkingCalendar}; this shape is for other calendars.
 *
 * @since 0.1.0
 * @category models
 */
export interface WorkingTime {
  readonly addWorkingHours: (from: DateTime.Utc, hours: number) => Either.Either<DateTime.Utc, InvalidInput>
  readonly addWorkingDays: (from: DateTime.Utc, days: number) => Either.Either<DateTime.Utc, InvalidInput>
}

/**
 * The deadline rule: the due instant of a time limit started at an instant, or why it cannot be computed. Build
 * one with {@link fromWorkingCalendar} (the usual case), {@link fromWorkingTime} or {@link elapsedClock}.
 *
 * @since 0.1.0
 * @category models
 */
export type Clock = (from: DateTime.Utc, limit: Duration) => Either.Either<DateTime.Utc, InvalidInput>

const elapsed = (from: DateTime.Utc, limit: Duration, timeZone: string): DateTime.Utc =>
  limit.unit === "hours"
    ? DateTime.add(from, { hours: limit.amount })
    : DateTime.toUtc(DateTime.add(DateTime.unsafeMakeZoned(from, { timeZone }), { days: limit.amount }))

/**
 * A clock without a working-day calendar: `hours` and `days` are elapsed time (days counted in `timeZone`, default
 * Asia/Shanghai); a working-time limit is refused with `deadline/no-working-calendar`, never guessed.
 *
 * @since 0.1.0
 * @category clocks
 */
export const elapsedClock =
  (timeZone = "Asia/Shanghai"): Clock =>
  (from, limit) =>
    limit.unit === "hours" || limit.unit === "days"
      ? Either.right(elapsed(from, limit, timeZone))
      : Either.left(
          new InvalidInput({
            code: "deadline/no-working-calendar",
            path: [],
            reason: `a limit of ${limit} needs a working-day calendar and none was given`
          })
        )

/**
 * A clock over a working-day calendar: working units go to the calendar (holidays don't count, make-up working days
 * do), elapsed units are plain elapsed time in `timeZone` (default Asia/Shanghai).
 *
 * @since 0.1.0
 * @category clocks
 */
export const fromWorkingTime =
  (calendar: WorkingTime, timeZone = "Asia/Shanghai"): Clock =>
  (from, limit) => {
    switch (limit.unit) {
      case "working-hours":
        return calendar.addWorkingHours(from, limit.amount)
      case "working-days":
        return calendar.addWorkingDays(from, limit.amount)
      default:
        return Either.right(elapsed(from, limit, timeZone))
    }
  }

const fromCalendarError = (e: WorkingCalendar.CalendarGap | InvalidInput): InvalidInput =>
  e._tag === "InvalidInput" ? e : new InvalidInput({ code: "deadline/calendar-gap", path: [], reason: e.message })

/**
 * A clock over a kernel working-day calendar (`@zhili/calendar-cn` gives the official one): `working-hours` count
 * only the working hours of working days (`WorkingCalendar.addWorkingHours`, default 09:00–12:00 and 13:30–17:30);
 * `working-days` end at the close of the nth working day after the start date, the start date not counted
 * (`WorkingCalendar.addWorkingDaysDeadline`); `hours` and `days` are elapsed time in the calendar's zone. Holidays
 * don't count, make-up working days do; a date the calendar has no data for is refused as `deadline/calendar-gap`.
 *
 * @since 0.1.0
 * @category clocks
 */
export const fromWorkingCalendar = (
  calendar: WorkingCalendar.WorkingCalendar,
  options: { readonly workingHours?: WorkingCalendar.WorkingHours; readonly end?: "close" | "midnight" } = {}
): Clock =>
  fromWorkingTime(
    {
      addWorkingHours: (from, hours) =>
        Either.mapLeft(WorkingCalendar.addWorkingHours(calendar, from, hours, options.workingHours), fromCalendarError),
      addWorkingDays: (from, days) =>
        Either.mapLeft(WorkingCalendar.addWorkingDaysDeadline(calendar, from, days, options), fromCalendarError)
    },
    calendar.timeZone
  )

/**
 * True when a case due at `due` is overdue at `at`: strictly after the due instant. At the due instant itself the
 * case is still on time.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isOverdue = (due: DateTime.Utc, at: DateTime.Utc): boolean => DateTime.greaterThan(at, due)
