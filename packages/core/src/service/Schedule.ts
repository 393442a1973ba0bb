/**
 * Service schedules (服务时间): when a service runs, as a superset of HSDS `schedule` — recurring sessions built on the
 * kernel `Recurrence` (weekly, monthly, several periods a day, validity range, dated exceptions, public holidays of a
 * `WorkingCalendar`), opening hours built on the kernel `OpeningHours`, always-open channels (24 h online) and
 * by-appointment services — with the rules "open at t", "next opening" and "occurrences in a period".
 *
 * @since 0.1.0
 */
import { DateTime, Either, Option, Schema } from "effect"
import type { InvalidInput } from "../kernel/Errors.js"
import { Finding } from "../kernel/Finding.js"
import * as LocalDate from "../kernel/LocalDate.js"
import * as OpeningHours from "../kernel/OpeningHours.js"
import * as Recurrence from "../kernel/Recurrence.js"
import type { CalendarGap, WorkingCalendar } from "../kernel/WorkingCalendar.js"
import type * as Activity from "./Activity.js"

const hsdsExtras = {
  /** HSDS `schedule_link`: a page listing sessions or taking bookings. */
  link: Schema.optionalWith(Schema.String, { exact: true }),
  /** HSDS `attending_type`: how to attend ("walk in", "book by phone"). */
  attendingType: Schema.optionalWith(Schema.String, { exact: true }),
  /** HSDS `description`: the schedule in words. */
  description: Schema.optionalWith(Schema.String, { exact: true })
}

/**
 * Sessions on recurring rules (定期活动): "every Monday 19:00–21:00, not on public holidays" is one weekly rule; a
 * schedule may combine several (a weekly session and a monthly one).
 *
 * @since 0.1.0
 * @category models
 */
export const Recurring = Schema.TaggedStruct("Recurring", {
  rules: Schema.NonEmptyArray(Recurrence.Rule),
  ...hsdsExtras
})

/**
 * Opening hours (开放时间) of a place-like service, such as the service station's "5+1" extended hours.
 *
 * @since 0.1.0
 * @category models
 */
export const Hours = Schema.TaggedStruct("Hours", { hours: OpeningHours.OpeningHours, ...hsdsExtras })

/**
 * Always open (24 小时): an online channel such as 云上健康管理.
 *
 * @since 0.1.0
 * @category models
 */
export const AlwaysOpen = Schema.TaggedStruct("AlwaysOpen", hsdsExtras)

/**
 * By appointment only (预约): no fixed times.
 *
 * @since 0.1.0
 * @category models
 */
export const ByAppointment = Schema.TaggedStruct("ByAppointment", hsdsExtras)

/**
 * When a service runs.
 *
 * @since 0.1.0
 * @category models
 */
export const Schedule = Schema.Union(Recurring, Hours, AlwaysOpen, ByAppointment).annotations({
  identifier: "Schedule"
})
/**
 * @since 0.1.0
 * @category models
 */
export type Schedule = typeof Schedule.Type

/**
 * One session or opening of a schedule: its local date and its start and end instants.
 *
 * @since 0.1.0
 * @category models
 */
export type Occurrence = Recurrence.Occurrence

/**
 * What the schedule rules can fail with: a holiday rule needs a year the calendar has no data for
 * (`CalendarGap`), or needs a calendar and none was given (`InvalidInput`).
 *
 * @since 0.1.0
 * @category errors
 */
export type ScheduleError = CalendarGap | InvalidInput

const day = 86_400_000

/**
 * Every session or opening of a schedule that overlaps `[from, to)`, in time order. Always-open and by-appointment
 * schedules have no sessions and give none.
 *
 * @param calendar - the working calendar whose public holidays the rules skip (needed when a rule says so)
 * @since 0.1.0
 * @category rules
 */
export const occurrences = (
  self: Schedule,
  from: DateTime.Utc,
  to: DateTime.Utc,
  calendar?: WorkingCalendar
): Either.Either<ReadonlyArray<Occurrence>, ScheduleError> => {
  switch (self._tag) {
    case "AlwaysOpen":
    case "ByAppointment":
      return Either.right([])
    case "Hours":
      return OpeningHours.occurrences(self.hours, from, to, calendar)
    case "Recurring":
      return Either.map(
        Either.all(self.rules.map((rule) => Recurrence.occurrences(rule, from, to, calendar))),
        (lists) => lists.flat().sort((a, b) => DateTime.toEpochMillis(a.start) - DateTime.toEpochMillis(b.start))
      )
  }
}

/**
 * True when the service is open (a session is running) at an instant: a period's start is open, its end closed.
 * Always open: true; by appointment: false.
 *
 * @since 0.1.0
 * @category rules
 */
export const isOpenAt = (
  self: Schedule,
  instant: DateTime.Utc,
  calendar?: WorkingCalendar
): Either.Either<boolean, ScheduleError> => {
  switch (self._tag) {
    case "AlwaysOpen":
      return Either.right(true)
    case "ByAppointment":
      return Either.right(false)
    case "Hours":
      return OpeningHours.isOpenAt(self.hours, instant, calendar)
    case "Recurring": {
      const t = DateTime.toEpochMillis(instant)
      return Either.map(
        occurrences(self, DateTime.subtract(instant, { days: 1 }), DateTime.add(instant, { days: 1 }), calendar),
        (os) => os.some((o) => DateTime.toEpochMillis(o.start) <= t && t < DateTime.toEpochMillis(o.end))
      )
    }
  }
}

/**
 * The next instant at or after `instant` at which a session starts or the service opens, looking ahead
 * `horizonDays` (default 366). Always open: the instant itself; by appointment: none.
 *
 * @since 0.1.0
 * @category rules
 */
export const nextOpening = (
  self: Schedule,
  instant: DateTime.Utc,
  calendar?: WorkingCalendar,
  options: { readonly horizonDays?: number } = {}
): Either.Either<Option.Option<DateTime.Utc>, ScheduleError> => {
  const horizon = options.horizonDays ?? 366
  switch (self._tag) {
    case "AlwaysOpen":
      return Either.right(Option.some(instant))
    case "ByAppointment":
      return Either.right(Option.none())
    case "Hours":
      return OpeningHours.nextOpening(self.hours, instant, calendar, { horizonDays: horizon })
    case "Recurring": {
      const t = DateTime.toEpochMillis(instant)
      // Look ahead a month at a time so a weekly rule does not compute a year of sessions.
      for (let done = 0; done < horizon; done += 31) {
        const from = DateTime.add(instant, { days: done })
        const to = DateTime.add(instant, { days: Math.min(done + 31, horizon) })
        const found = occurrences(self, from, to, calendar)
        if (Either.isLeft(found)) return Either.left(found.left)
        const next = found.right.find((o) => DateTime.toEpochMillis(o.start) >= t)
        if (next !== undefined) return Either.right(Option.some(next.start))
      }
      return Either.right(Option.none())
    }
  }
}

/**
 * The dates of a schedule's sessions in a period of dates (both ends included, in the schedule's zone).
 *
 * @since 0.1.0
 * @category rules
 */
export const sessionDates = (
  self: Schedule,
  from: LocalDate.LocalDate,
  to: LocalDate.LocalDate,
  calendar?: WorkingCalendar
): Either.Either<ReadonlyArray<LocalDate.LocalDate>, ScheduleError> => {
  const start = DateTime.unsafeMake(`${LocalDate.addDays(from, -1)}T00:00:00Z`)
  const end = DateTime.unsafeMake(DateTime.toEpochMillis(DateTime.unsafeMake(`${to}T00:00:00Z`)) + 2 * day)
  return Either.map(occurrences(self, start, end, calendar), (os) => [
    ...new Set(os.map((o) => o.date).filter((d) => d >= from && d <= to))
  ])
}

/**
 * Compares a schedule with the activities held (台账核对): a warning for each scheduled session date in the period
 * without an activity, and an info finding for each activity on a date without a session. Dates are read in
 * `timeZone` (default Asia/Shanghai).
 *
 * @since 0.1.0
 * @category rules
 */
export const reconcile = (
  self: Schedule,
  activities: ReadonlyArray<Activity.Activity>,
  from: LocalDate.LocalDate,
  to: LocalDate.LocalDate,
  calendar?: WorkingCalendar,
  timeZone = "Asia/Shanghai"
): Either.Either<ReadonlyArray<Finding>, ScheduleError> =>
  Either.map(sessionDates(self, from, to, calendar), (dates) => {
    const held = new Map<string, number>()
    activities.forEach((a, i) => {
      const d = LocalDate.fromDateTime(a.start, timeZone)
      if (d >= from && d <= to) held.set(d, i)
    })
    const scheduled = new Set<string>(dates)
    return [
      ...dates
        .filter((d) => !held.has(d))
        .map(
          (d) =>
            new Finding({
              code: "schedule/session-not-held",
              severity: "warning",
              path: ["sessions", d],
              message: `no activity was recorded for the session on ${d}`
            })
        ),
      ...[...held.entries()]
        .filter(([d]) => !scheduled.has(d))
        .map(
          ([d, i]) =>
            new Finding({
              code: "schedule/unscheduled-activity",
              severity: "info",
              path: ["activities", i],
              message: `activity on ${d} is outside the schedule`
            })
        )
    ]
  })
