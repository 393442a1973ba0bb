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

interface ZoneState {
  readonly zone: DateTime.TimeZone
  readonly days: Map<number, number>
  /** A run of consecutive UTC days [runFrom, runTo] known to have one offset, `runOffset` (empty when from > to). */
  runFrom: number
  runTo: number
  runOffset: number
}

const states = new Map<string, ZoneState>()
const maxDays = 200_000
/** How far a run is extended at once to reach a day with its offset (every day between is checked). */
const maxStretch = 400
let lastName = ""
let last: ZoneState | undefined

const stateOf = (timeZone: string): ZoneState => {
  if (timeZone === lastName && last !== undefined) return last
  let state = states.get(timeZone)
  if (state === undefined) {
    state = {
      zone: DateTime.zoneUnsafeMakeNamed(timeZone),
      days: new Map(),
      runFrom: 1,
      runTo: 0,
      runOffset: Number.NaN
    }
    states.set(timeZone, state)
  }
  lastName = timeZone
  last = state
  return state
}

const offsetAt = (zone: DateTime.TimeZone, ms: number): number =>
  DateTime.zonedOffset(DateTime.unsafeMakeZoned(ms, { timeZone: zone }))

const readDay = (state: ZoneState, utcDay: number): number => {
  const known = state.days.get(utcDay)
  if (known !== undefined) return known
  const start = offsetAt(state.zone, utcDay * dayMs)
  const end = offsetAt(state.zone, utcDay * dayMs + dayMs - 1)
  const offset = start === end ? start : changes
  if (state.days.size >= maxDays) state.days.clear()
  state.days.set(utcDay, offset)
  return offset
}

const dayOffsetIn = (state: ZoneState, utcDay: number): number => {
  if (utcDay >= state.runFrom && utcDay <= state.runTo) return state.runOffset
  const offset = readDay(state, utcDay)
  if (Number.isNaN(offset)) return offset
  if (state.runFrom > state.runTo || state.runOffset !== offset) {
    // start a run here unless the current one is longer than a day
    if (state.runTo - state.runFrom < 1 || state.runFrom > state.runTo) {
      state.runFrom = utcDay
      state.runTo = utcDay
      state.runOffset = offset
    }
    return offset
  }
  // the same offset as the run: stretch the run to this day when every day between has it too
  if (utcDay > state.runTo && utcDay - state.runTo <= maxStretch) {
    let d = state.runTo + 1
    while (d < utcDay && readDay(state, d) === offset) d++
    if (d === utcDay) state.runTo = utcDay
  } else if (utcDay < state.runFrom && state.runFrom - utcDay <= maxStretch) {
    let d = state.runFrom - 1
    while (d > utcDay && readDay(state, d) === offset) d--
    if (d === utcDay) state.runFrom = utcDay
  }
  return offset
}

/**
 * The offset (ms, local minus UTC) in force over the whole UTC day `utcDay` (days since 1970-01-01), or `NaN` when
 * the zone's offset changes during that day. Throws on a zone the runtime does not know.
 */
export const dayOffset = (timeZone: string, utcDay: number): number => dayOffsetIn(stateOf(timeZone), utcDay)

/** The offset at an instant when its UTC day has no change, else `NaN`. */
export const offsetOf = (timeZone: string, ms: number): number => dayOffsetIn(stateOf(timeZone), Math.floor(ms / dayMs))

/**
 * The instant (epoch ms) of a local wall-clock time given as "local epoch ms" (the local date and time read as if
 * they were UTC), or `NaN` when an offset change lies within a day of it (the caller then converts through
 * `DateTime`, which resolves skipped and repeated times). An offset is less than a day either way, so the instant
 * lies in one of the three UTC days around the local time; when they share one offset it is that offset's.
 */
export const instantOfLocal = (timeZone: string, localMs: number): number => {
  const state = stateOf(timeZone)
  const u = Math.floor(localMs / dayMs)
  if (u > state.runFrom && u < state.runTo) return localMs - state.runOffset
  const o = dayOffsetIn(state, u)
  if (Number.isNaN(o)) return Number.NaN
  if (dayOffsetIn(state, u - 1) !== o || dayOffsetIn(state, u + 1) !== o) return Number.NaN
  return localMs - o
}
