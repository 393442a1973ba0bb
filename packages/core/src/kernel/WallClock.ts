/**
 * Wall-clock time (当地时间): times of day, periods within a day and IANA time zones, and the conversions between a
 * local date and time in a zone and an instant. Shared by working calendars, recurrence rules and opening hours.
 * Offsets come from Effect `DateTime` zoned values, read once per zone and UTC day; a conversion is then arithmetic
 * on that offset, except on a day the zone changes its offset, where it goes through `DateTime` itself.
 *
 * @since 0.1.0
 */
import { DateTime, Option, Schema } from "effect"
import * as ZoneOffset from "./internal/zoneOffset.js"
import * as LocalDate from "./LocalDate.js"

/**
 * The zone every rule uses unless told otherwise: China Standard Time (the seed is a community in Guangdong).
 *
 * @since 0.1.0
 * @category defaults
 */
export const defaultTimeZone = "Asia/Shanghai"

/**
 * An IANA time zone name known to the runtime (`Asia/Shanghai`, `Asia/Urumqi`, `UTC`); unknown names fail to
 * decode.
 *
 * @since 0.1.0
 * @category models
 */
export const TimeZoneId = Schema.String.pipe(
  Schema.filter((s) => Option.isSome(DateTime.zoneMakeNamed(s)) || `"${s}" is not a known IANA time zone`, {
    identifier: "TimeZoneIdString"
  }),
  Schema.brand("@zhili/TimeZoneId"),
  Schema.annotations({ identifier: "TimeZoneId", title: "IANA time zone" })
)
/**
 * @since 0.1.0
 * @category models
 */
export type TimeZoneId = typeof TimeZoneId.Type

const timePattern = /^(\d{2}):(\d{2})(?::(\d{2}))?$/

const parseSeconds = (s: string): number | undefined => {
  const m = timePattern.exec(s)
  if (m === null) return undefined
  const h = Number(m[1])
  const min = Number(m[2])
  const sec = m[3] === undefined ? 0 : Number(m[3])
  if (min > 59 || sec > 59) return undefined
  if (h < 24) return h * 3600 + min * 60 + sec
  return h === 24 && min === 0 && sec === 0 ? 86_400 : undefined
}

/**
 * A time of day (时刻) as `HH:MM` or `HH:MM:SS`, from `00:00` to `24:00` (`24:00` is the end of the day and may
 * only close a period). `25:00`, `12:60` and `9:00` fail to decode.
 *
 * @since 0.1.0
 * @category models
 */
export const TimeOfDay = Schema.String.pipe(
  Schema.filter(
    (s) => parseSeconds(s) !== undefined || `"${s}" is not a time of day in the form HH:MM between 00:00 and 24:00`,
    { identifier: "TimeOfDayString" }
  ),
  Schema.brand("@zhili/TimeOfDay"),
  Schema.annotations({ identifier: "TimeOfDay", title: "time of day (HH:MM)" })
)
/**
 * @since 0.1.0
 * @category models
 */
export type TimeOfDay = typeof TimeOfDay.Type

/**
 * Seconds since midnight of a time of day (`24:00` is 86 400).
 *
 * @since 0.1.0
 * @category conversions
 */
export const toSeconds = (time: TimeOfDay): number => parseSeconds(time) ?? 0

/**
 * Builds a time of day from hours and minutes; throws a `RangeError` when out of range. Decode untrusted input with
 * {@link TimeOfDay} instead.
 *
 * @since 0.1.0
 * @category constructors
 */
export const time = (hours: number, minutes = 0): TimeOfDay => {
  const s = `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`
  if (!Number.isInteger(hours) || !Number.isInteger(minutes) || parseSeconds(s) === undefined) {
    throw new RangeError(`${hours}:${minutes} is not a time of day`)
  }
  return s as TimeOfDay
}

/**
 * A period within one day (时段), such as 08:30–11:30: `start` included, `end` excluded, `end` after `start`.
 * Periods do not cross midnight; an evening service until midnight ends at `24:00`.
 *
 * @since 0.1.0
 * @category models
 */
export class Period extends Schema.Class<Period>("@zhili/Period")(
  Schema.Struct({ start: TimeOfDay, end: TimeOfDay }).pipe(
    Schema.filter((p) =>
      toSeconds(p.end) > toSeconds(p.start)
        ? undefined
        : { path: ["end"], message: `a period must end after it starts (${p.start}–${p.end})` }
    )
  )
) {
  /** The period as people write it: `08:30–11:30`. */
  override toString(): string {
    return `${this.start}–${this.end}`
  }
}

/**
 * Builds a period from `"HH:MM"` strings; throws when malformed. Decode untrusted input with {@link Period}.
 *
 * @since 0.1.0
 * @category constructors
 */
export const period = (start: string, end: string): Period =>
  Schema.decodeUnknownSync(Period)({ start, end }, { errors: "all" })

/**
 * The periods of one day, in order and not overlapping (adjoining is fine): `[08:30–11:30, 14:30–17:30]`.
 *
 * @since 0.1.0
 * @category models
 */
export const Periods = Schema.Array(Period).pipe(
  Schema.filter((ps) =>
    ps.flatMap((p, i) => {
      const prev = ps[i - 1]
      return prev !== undefined && toSeconds(p.start) < toSeconds(prev.end)
        ? [{ path: [i], message: `period ${p} starts before the previous period ${prev} ends; list periods in order` }]
        : []
    })
  ),
  Schema.annotations({ identifier: "Periods", title: "periods of a day, in order" })
)
/**
 * @since 0.1.0
 * @category models
 */
export type Periods = typeof Periods.Type

/**
 * Total length of the periods of a day, in seconds.
 *
 * @since 0.1.0
 * @category getters
 */
export const periodsSeconds = (periods: ReadonlyArray<Period>): number =>
  periods.reduce((acc, p) => acc + toSeconds(p.end) - toSeconds(p.start), 0)

// Conversions on a day a zone changes its offset go through Intl and cost tens of microseconds; schedule rules
// convert the same few times of day on the same dates over and over, so those are memoised (a pure cache, cleared
// when full).
const instantCacheSize = 50_000
const instantCache = new Map<string, DateTime.Utc>()

/**
 * The instant at which a wall-clock time on a date happens in a zone (`24:00` is midnight at the end of the date).
 * A time skipped by a daylight-saving change resolves the way RFC 5545 and Temporal's "compatible" mode do.
 * Throws on a zone the runtime does not know: zones inside models are already checked by {@link TimeZoneId}.
 *
 * @since 0.1.0
 * @category conversions
 */
export const toInstant = (
  date: LocalDate.LocalDate,
  timeOfDay: TimeOfDay | number,
  timeZone: string = defaultTimeZone
): DateTime.Utc => {
  const seconds = typeof timeOfDay === "number" ? timeOfDay : toSeconds(timeOfDay)
  const ms = toEpochMillis(LocalDate.toEpochDay(date), seconds, timeZone)
  return DateTime.unsafeMake(ms)
}

/**
 * The instant (epoch milliseconds) of a wall-clock time given as a day number (days since 1970-01-01, as
 * `LocalDate.toEpochDay`) and seconds since midnight, in a zone: {@link toInstant} without building a date string
 * or a `DateTime`, for rules that convert many times.
 *
 * @since 0.1.0
 * @category conversions
 */
export const toEpochMillis = (epochDay: number, secondOfDay: number, timeZone: string = defaultTimeZone): number => {
  const fast = ZoneOffset.instantOfLocal(timeZone, epochDay * 86_400_000 + secondOfDay * 1000)
  if (!Number.isNaN(fast)) return fast
  let seconds = secondOfDay
  let day = epochDay
  if (seconds >= 86_400) {
    day += Math.floor(seconds / 86_400)
    seconds = seconds % 86_400
  }
  const key = `${timeZone}|${day}|${seconds}`
  const cached = instantCache.get(key)
  if (cached !== undefined) return cached.epochMillis
  const { day: d, month, year } = LocalDate.toParts(LocalDate.fromEpochDay(day))
  const zoned = DateTime.unsafeMakeZoned(
    {
      year,
      month,
      day: d,
      hours: Math.floor(seconds / 3600),
      minutes: Math.floor((seconds % 3600) / 60),
      seconds: seconds % 60
    },
    { timeZone: DateTime.zoneUnsafeMakeNamed(timeZone), adjustForTimeZone: true, disambiguation: "compatible" }
  )
  const instant = DateTime.toUtc(zoned)
  if (instantCache.size >= instantCacheSize) instantCache.clear()
  instantCache.set(key, instant)
  return instant.epochMillis
}

/**
 * The local date and the second of the day of an instant in a zone (throws on an unknown zone, like
 * {@link toInstant}).
 *
 * @since 0.1.0
 * @category conversions
 */
export const fromInstant = (
  instant: DateTime.DateTime,
  timeZone: string = defaultTimeZone
): { readonly date: LocalDate.LocalDate; readonly secondOfDay: number } => {
  const ms = DateTime.toEpochMillis(instant)
  const offset = ZoneOffset.offsetOf(timeZone, ms)
  if (!Number.isNaN(offset)) {
    const local = ms + offset
    const day = Math.floor(local / 86_400_000)
    return { date: LocalDate.fromEpochDay(day), secondOfDay: Math.floor((local - day * 86_400_000) / 1000) }
  }
  const p = DateTime.toParts(DateTime.unsafeMakeZoned(instant, { timeZone: DateTime.zoneUnsafeMakeNamed(timeZone) }))
  return { date: LocalDate.make(p.year, p.month, p.day), secondOfDay: p.hours * 3600 + p.minutes * 60 + p.seconds }
}

/**
 * The local day number (days since 1970-01-01, as `LocalDate.toEpochDay`) of an instant given in epoch
 * milliseconds, in a zone: {@link fromInstant}'s date without building a date string.
 *
 * @since 0.1.0
 * @category conversions
 */
export const epochDayOf = (epochMillis: number, timeZone: string = defaultTimeZone): number => {
  const offset = ZoneOffset.offsetOf(timeZone, epochMillis)
  if (!Number.isNaN(offset)) return Math.floor((epochMillis + offset) / 86_400_000)
  return LocalDate.toEpochDay(fromInstant(DateTime.unsafeMake(epochMillis), timeZone).date)
}
