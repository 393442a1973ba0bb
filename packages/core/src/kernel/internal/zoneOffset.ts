/**
 * A zone's UTC offset by UTC day, so that reading the local date of an instant, or the instant of a local time, is
 * arithmetic instead of a zoned `DateTime` conversion (an `Intl` call, tens of microseconds) per record.
 *
 * For each UTC day the offset is read through Effect `DateTime` at the first and at the last millisecond of the day.
 * When both agree the day has no offset change (the tz database has no zone whose offset changes and changes back
 * within 24 hours), so every instant of the day has that offset; when they differ the day is marked, and callers
 * convert its instants through `DateTime` as before. Asia/Shanghai has had one offset since 1991, so there every
 * conversion is arithmetic; zones with daylight saving are arithmetic on all but their two change days a year.
 *
 * @internal
 */
import { DateTime } from "effect"

const dayMs = 86_400_000
/** Marks a UTC day with an offset change. */
const changes = Number.NaN

const tables = new Map<string, Map<number, number>>()
const zones = new Map<string, DateTime.TimeZone>()
const maxDays = 200_000

const zoneOf = (timeZone: string): DateTime.TimeZone => {
  let zone = zones.get(timeZone)
  if (zone === undefined) {
    zone = DateTime.zoneUnsafeMakeNamed(timeZone)
    zones.set(timeZone, zone)
  }
  return zone
}

const offsetAt = (zone: DateTime.TimeZone, ms: number): number =>
  DateTime.zonedOffset(DateTime.unsafeMakeZoned(ms, { timeZone: zone }))

/**
 * The offset (ms, local minus UTC) in force over the whole UTC day `utcDay` (days since 1970-01-01), or `NaN` when
 * the zone's offset changes during that day. Throws on a zone the runtime does not know.
 */
export const dayOffset = (timeZone: string, utcDay: number): number => {
  let table = tables.get(timeZone)
  if (table === undefined) {
    table = new Map()
    tables.set(timeZone, table)
  }
  const known = table.get(utcDay)
  if (known !== undefined) return known
  const zone = zoneOf(timeZone)
  const start = offsetAt(zone, utcDay * dayMs)
  const end = offsetAt(zone, utcDay * dayMs + dayMs - 1)
  const offset = start === end ? start : changes
  if (table.size >= maxDays) table.clear()
  table.set(utcDay, offset)
  return offset
}

/** The offset at an instant when its UTC day has no change, else `NaN`. */
export const offsetOf = (timeZone: string, ms: number): number => dayOffset(timeZone, Math.floor(ms / dayMs))

/**
 * The instant (epoch ms) of a local wall-clock time given as "local epoch ms" (the local date and time read as if
 * they were UTC), or `NaN` when an offset change lies within a day of it (the caller then converts through
 * `DateTime`, which resolves skipped and repeated times). An offset is less than a day either way, so the instant
 * lies in one of the three UTC days around the local time; when they share one offset it is that offset's.
 */
export const instantOfLocal = (timeZone: string, localMs: number): number => {
  const u = Math.floor(localMs / dayMs)
  const o = dayOffset(timeZone, u)
  if (Number.isNaN(o)) return Number.NaN
  if (dayOffset(timeZone, u - 1) !== o || dayOffset(timeZone, u + 1) !== o) return Number.NaN
  return localMs - o
}
