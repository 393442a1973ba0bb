/**
 * Calendar dates without a time or zone (日期), as ISO `YYYY-MM-DD` strings: birth dates, holidays, service dates.
 * All arithmetic is on the proleptic Gregorian calendar in UTC, so it never depends on the machine's zone.
 *
 * @since 0.1.0
 */
import { DateTime, Schema } from "effect"
import * as ZoneOffset from "./internal/zoneOffset.js"

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * True when year, month and day form a real calendar date (1 ≤ month ≤ 12, the day exists in that month).
 *
 * @since 0.1.0
 * @category predicates
 */
export const isRealDate = (year: number, month: number, day: number): boolean =>
  Number.isInteger(year) &&
  Number.isInteger(month) &&
  Number.isInteger(day) &&
  year >= 1 &&
  year <= 9999 &&
  month >= 1 &&
  month <= 12 &&
  day >= 1 &&
  day <= daysInMonth(year, month)

/**
 * A calendar date as `YYYY-MM-DD` that exists on the calendar (no 2025-02-30).
 *
 * @since 0.1.0
 * @category models
 */
export const LocalDate = Schema.String.pipe(
  Schema.filter(
    (s) => {
      const m = isoDate.exec(s)
      return (
        (m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) ||
        // the input is not repeated: it may be a birth date or another personal value given in the wrong place
        `is not a real date in the form YYYY-MM-DD (a string of ${[...s].length} characters)`
      )
    },
    { identifier: "LocalDateString" }
  ),
  Schema.brand("@zhili/LocalDate"),
  Schema.annotations({ identifier: "LocalDate", title: "calendar date (YYYY-MM-DD)" })
)
/**
 * @since 0.1.0
 * @category models
 */
export type LocalDate = typeof LocalDate.Type

/**
 * Days in a month of a year (leap years included).
 *
 * @since 0.1.0
 * @category calendar
 */
export const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate()

const pad = (n: number, w: number) => String(n).padStart(w, "0")

/**
 * Builds a date from its parts; throws a `RangeError` when they are not a real date. Use {@link LocalDate} to
 * decode untrusted input instead.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (year: number, month: number, day: number): LocalDate => {
  if (!isRealDate(year, month, day)) throw new RangeError(`${year}-${month}-${day} is not a real date`)
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as LocalDate
}

/**
 * Year, month (1–12) and day of a date.
 *
 * @since 0.1.0
 * @category getters
 */
export const toParts = (date: LocalDate): { readonly year: number; readonly month: number; readonly day: number } => ({
  year: Number(date.slice(0, 4)),
  month: Number(date.slice(5, 7)),
  day: Number(date.slice(8, 10))
})

/**
 * Days since 1970-01-01 (negative before it).
 *
 * @since 0.1.0
 * @category conversions
 */
export const toEpochDay = (date: LocalDate): number =>
  daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)))

// Days from 1970-01-01 to a proleptic Gregorian date and back, by the era arithmetic of H. Hinnant's
// "chrono-Compatible Low-Level Date Algorithms" (exact for every year; no `Date` object per call).
const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146_097 + doe - 719_468
}

const two = ["00", "01", "02", "03", "04", "05", "06", "07", "08", "09"]

/**
 * The date a number of days after 1970-01-01.
 *
 * @since 0.1.0
 * @category conversions
 */
export const fromEpochDay = (epochDay: number): LocalDate => {
  const z = epochDay + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  if (!(year >= 1000 && year <= 9999)) return make(year, month, day)
  return `${year}-${month < 10 ? two[month] : month}-${day < 10 ? two[day] : day}` as LocalDate
}

/**
 * Adds (or with a negative number subtracts) calendar days.
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const addDays = (date: LocalDate, days: number): LocalDate => fromEpochDay(toEpochDay(date) + days)

/**
 * Calendar days from `from` to `to` (negative when `to` is earlier).
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const daysBetween = (from: LocalDate, to: LocalDate): number => toEpochDay(to) - toEpochDay(from)

/**
 * ISO day of the week: 1 Monday … 7 Sunday.
 *
 * @since 0.1.0
 * @category getters
 */
export const dayOfWeek = (date: LocalDate): 1 | 2 | 3 | 4 | 5 | 6 | 7 => {
  const dow = (((toEpochDay(date) + 3) % 7) + 7) % 7 // 1970-01-01 was a Thursday
  return (dow + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7
}

/**
 * Orders two dates: -1, 0 or 1. ISO strings compare lexically, so this is plain string comparison.
 *
 * @since 0.1.0
 * @category ordering
 */
export const compare = (a: LocalDate, b: LocalDate): -1 | 0 | 1 => (a < b ? -1 : a > b ? 1 : 0)

/**
 * True when `date` lies in `[from, to]`, both ends included.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isBetween = (date: LocalDate, from: LocalDate, to: LocalDate): boolean => date >= from && date <= to

/**
 * Completed years of age on a date (周岁): a person born on 2012-09-26 is 12 on 2025-09-25 and 13 on 2025-09-26. A
 * person born on 29 February has a birthday on 1 March in common years.
 *
 * @since 0.1.0
 * @category age
 */
export const ageInYears = (birthDate: LocalDate, on: LocalDate): number => {
  const b = toParts(birthDate)
  const d = toParts(on)
  const hadBirthday = d.month > b.month || (d.month === b.month && d.day >= b.day)
  return d.year - b.year - (hadBirthday ? 0 : 1)
}

/**
 * Age on a date in years with a fraction: completed years plus the share of the current year of life that has
 * passed (1.5 is halfway between the first and second birthdays). Used by eligibility rules such as "1 to 3 years".
 *
 * @since 0.1.0
 * @category age
 */
export const exactAge = (birthDate: LocalDate, on: LocalDate): number => {
  const years = ageInYears(birthDate, on)
  const b = toParts(birthDate)
  const last = anniversary(b.year + years, b.month, b.day)
  const next = anniversary(b.year + years + 1, b.month, b.day)
  return years + daysBetween(last, on) / daysBetween(last, next)
}

const anniversary = (year: number, month: number, day: number): LocalDate =>
  isRealDate(year, month, day) ? make(year, month, day) : make(year, 3, 1)

/**
 * The date on which someone born on `birthDate` reaches `years` completed years.
 *
 * @since 0.1.0
 * @category age
 */
export const dateOfAge = (birthDate: LocalDate, years: number): LocalDate => {
  const b = toParts(birthDate)
  return anniversary(b.year + years, b.month, b.day)
}

/**
 * The calendar date of an instant in a time zone (default Asia/Shanghai). Arithmetic on the zone's offset of the
 * instant's UTC day (read once per zone and day), so converting many records costs no zoned `DateTime` each; on a
 * day the zone changes its offset the instant goes through `DateTime`, so the result is the zoned conversion's for
 * every zone.
 *
 * @since 0.1.0
 * @category conversions
 */
export const fromDateTime = (instant: DateTime.DateTime, timeZone = "Asia/Shanghai"): LocalDate => {
  const ms = DateTime.toEpochMillis(instant)
  const offset = ZoneOffset.offsetOf(timeZone, ms)
  if (!Number.isNaN(offset)) return fromEpochDay(Math.floor((ms + offset) / 86_400_000))
  const parts = DateTime.toParts(DateTime.unsafeMakeZoned(instant, { timeZone }))
  return make(parts.year, parts.month, parts.day)
}

/**
 * First day of the month a date is in.
 *
 * @since 0.1.0
 * @category calendar
 */
export const startOfMonth = (date: LocalDate): LocalDate => {
  const { month, year } = toParts(date)
  return make(year, month, 1)
}

/**
 * Last day of the month a date is in.
 *
 * @since 0.1.0
 * @category calendar
 */
export const endOfMonth = (date: LocalDate): LocalDate => {
  const { month, year } = toParts(date)
  return make(year, month, daysInMonth(year, month))
}

/**
 * Every date from `from` to `to`, both included.
 *
 * @since 0.1.0
 * @category calendar
 */
export const range = (from: LocalDate, to: LocalDate): Array<LocalDate> => {
  const out: Array<LocalDate> = []
  for (let d = toEpochDay(from), end = toEpochDay(to); d <= end; d++) out.push(fromEpochDay(d))
  return out
}
