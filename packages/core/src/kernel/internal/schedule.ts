/**
 * Shared machinery of recurrence rules and opening hours: resolving one date to its periods (dated exceptions
 * first, then the holiday behaviour, then the regular pattern) and turning periods into instants.
 *
 * @internal
 */
import { DateTime, Either, Option } from "effect"
import { InvalidInput } from "../Errors.js"
import * as LocalDate from "../LocalDate.js"
import type { Exception, HolidayBehaviour, Occurrence } from "../Recurrence.js"
import * as WallClock from "../WallClock.js"
import * as WorkingCalendar from "../WorkingCalendar.js"

/** A problem found by a schema filter. @internal */
export type Issue = { readonly path: ReadonlyArray<string | number>; readonly message: string }

/** Dated exceptions must name each date once. @internal */
export const exceptionIssues = (exceptions: ReadonlyArray<Exception>): Array<Issue> => {
  const seen = new Set<string>()
  return exceptions.flatMap((e, i) => {
    const dup = seen.has(e.date)
    seen.add(e.date)
    return dup ? [{ path: ["exceptions", i, "date"], message: `${e.date} has more than one exception` }] : []
  })
}

/** @internal */
export interface DayPlan {
  readonly periods: ReadonlyArray<WallClock.Period>
  readonly kind: Occurrence["kind"]
}

/** @internal */
export interface Schedule {
  readonly subject: string
  readonly timeZone: string
  readonly holidays: HolidayBehaviour
  readonly exceptions: ReadonlyArray<Exception>
  /** The regular periods of a date (read as weekday `asWeekday` when given), or undefined when it has none. */
  readonly regular: (
    date: LocalDate.LocalDate,
    asWeekday: WorkingCalendar.Weekday | undefined
  ) => ReadonlyArray<WallClock.Period> | undefined
}

/** @internal */
export type ScheduleError = WorkingCalendar.CalendarGap | InvalidInput

const exceptionIndexes = new WeakMap<ReadonlyArray<Exception>, ReadonlyMap<string, Exception>>()

const exceptionIndex = (exceptions: ReadonlyArray<Exception>): ReadonlyMap<string, Exception> => {
  const cached = exceptionIndexes.get(exceptions)
  if (cached !== undefined) return cached
  const index = new Map(exceptions.map((e) => [e.date as string, e]))
  exceptionIndexes.set(exceptions, index)
  return index
}

const needCalendar = (subject: string, behaviour: HolidayBehaviour["_tag"]) =>
  new InvalidInput({
    code: "schedule/calendar-required",
    path: ["holidays"],
    reason: `${subject} follows public holidays (${behaviour}) but no working calendar was given`
  })

/** @internal */
export const dayPlan = (
  schedule: Schedule,
  date: LocalDate.LocalDate,
  calendar: WorkingCalendar.WorkingCalendar | undefined
): Either.Either<DayPlan | undefined, ScheduleError> => {
  const exception = exceptionIndex(schedule.exceptions).get(date)
  if (exception !== undefined) {
    switch (exception._tag) {
      case "Closed":
        return Either.right(undefined)
      case "Changed":
        return Either.right(
          schedule.regular(date, undefined) === undefined ? undefined : { periods: exception.periods, kind: "changed" }
        )
      case "Extra":
        return Either.right({ periods: exception.periods, kind: "extra" })
    }
  }
  const behaviour = schedule.holidays
  const regular = schedule.regular(date, undefined)
  if (behaviour._tag === "Open") return Either.right(regular && { periods: regular, kind: "regular" })
  if (calendar === undefined) return Either.left(needCalendar(schedule.subject, behaviour._tag))
  const makeUpAs = behaviour._tag === "FollowWorkingDays" ? behaviour.makeUpDayAs : undefined
  const asMakeUp = makeUpAs === undefined ? undefined : schedule.regular(date, makeUpAs)
  if (regular === undefined && asMakeUp === undefined) return Either.right(undefined)
  return Either.map(WorkingCalendar.dayKind(calendar, date), (kind): DayPlan | undefined => {
    if (kind._tag === "Holiday") return undefined
    if (kind._tag === "MakeUpDay" && asMakeUp !== undefined) return { periods: asMakeUp, kind: "makeUp" }
    return regular && { periods: regular, kind: "regular" }
  })
}

const toOccurrences = (date: LocalDate.LocalDate, plan: DayPlan, timeZone: string): Array<Occurrence> =>
  plan.periods.map((p) => ({
    date,
    start: WallClock.toInstant(date, p.start, timeZone),
    end: WallClock.toInstant(date, p.end, timeZone),
    kind: plan.kind
  }))

/** Every occurrence overlapping `[from, to)`, in order. @internal */
export const occurrences = (
  schedule: Schedule,
  from: DateTime.Utc,
  to: DateTime.Utc,
  calendar: WorkingCalendar.WorkingCalendar | undefined
): Either.Either<ReadonlyArray<Occurrence>, ScheduleError> => {
  const lo = DateTime.toEpochMillis(from)
  const hi = DateTime.toEpochMillis(to)
  if (hi <= lo) return Either.right([])
  const first = WallClock.fromInstant(from, schedule.timeZone).date
  const last = WallClock.fromInstant(to, schedule.timeZone).date
  const out: Array<Occurrence> = []
  for (let d = first; d <= last; d = LocalDate.addDays(d, 1)) {
    const plan = dayPlan(schedule, d, calendar)
    if (Either.isLeft(plan)) return Either.left(plan.left)
    if (plan.right === undefined) continue
    for (const o of toOccurrences(d, plan.right, schedule.timeZone)) {
      if (DateTime.toEpochMillis(o.end) > lo && DateTime.toEpochMillis(o.start) < hi) out.push(o)
    }
  }
  return Either.right(out)
}

/**
 * The first occurrence, day by day from the date of `from`, that satisfies `accept`; none within `horizonDays`.
 *
 * @internal
 */
export const find = (
  schedule: Schedule,
  from: DateTime.Utc,
  horizonDays: number,
  calendar: WorkingCalendar.WorkingCalendar | undefined,
  accept: (o: Occurrence) => boolean
): Either.Either<Option.Option<Occurrence>, ScheduleError> => {
  const first = WallClock.fromInstant(from, schedule.timeZone).date
  for (let i = 0, d = first; i <= horizonDays; i++, d = LocalDate.addDays(d, 1)) {
    const plan = dayPlan(schedule, d, calendar)
    if (Either.isLeft(plan)) return Either.left(plan.left)
    if (plan.right === undefined) continue
    const hit = toOccurrences(d, plan.right, schedule.timeZone).find(accept)
    if (hit !== undefined) return Either.right(Option.some(hit))
  }
  return Either.right(Option.none())
}
