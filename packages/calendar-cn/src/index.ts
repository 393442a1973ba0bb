/**
 * zhili (治理) official working-day calendar of mainland China (法定节假日与调休): the State Council General Office's
 * holiday arrangements for 2024, 2025 and 2026 as a `WorkingCalendar`, with each year's notice as its source. A
 * plugin: hosts pass {@link calendar} to deadline and schedule rules, and add a year (say 2027, published each
 * November) as data with {@link make} or `WorkingCalendar.extend`.
 *
 * @packageDocumentation
 */
import { type Errors, LocalDate, Plugin, WorkingCalendar } from "@zhili/core"
import { Either } from "effect"
import { type Arrangement, notices, type YearNotice } from "./data.js"
import { version } from "./version.js"

export type { Arrangement, YearNotice } from "./data.js"
export { notices } from "./data.js"

/**
 * The calendar's id, namespaced by the plugin id, used in messages such as "calendar calendar-cn/official has no
 * data for 2027".
 *
 * @since 0.1.0
 * @category constants
 */
export const id = "calendar-cn/official"

/**
 * The version of this package, stated by its plugin and checked by plugin composition.
 *
 * @since 0.1.0
 * @category constants
 */
export { version } from "./version.js"

const dates = (arrangement: Arrangement) =>
  LocalDate.range(arrangement.off[0] as LocalDate.LocalDate, arrangement.off[1] as LocalDate.LocalDate)

/**
 * Turns one year's notice into a calendar year: every date of each off range is a holiday named
 * `英文名 (中文名)`, every make-up day a make-up working day for its holiday.
 *
 * @since 0.1.0
 * @category conversions
 */
export const toCalendarYear = (notice: YearNotice): typeof WorkingCalendar.CalendarYear.Encoded => ({
  year: notice.year,
  holidays: notice.arrangements.flatMap((a) => dates(a).map((date) => ({ date, name: `${a.name} (${a.nameZh})` }))),
  makeUpDays: notice.arrangements.flatMap((a) => a.makeUp.map((date) => ({ date, name: `${a.name} (${a.nameZh})` }))),
  sources: [
    {
      title: notice.source.title,
      published: notice.source.published,
      ...(notice.source.reference === undefined ? {} : { reference: notice.source.reference }),
      ...(notice.source.note === undefined ? {} : { note: notice.source.note })
    }
  ]
})

/**
 * Builds a calendar from notices (default: the shipped ones), in zone Asia/Shanghai with Saturday and Sunday as
 * weekend. Bad data (a make-up day on a weekday, a date outside its year, a year twice) is a `DecodeError` naming
 * the path.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  from: ReadonlyArray<YearNotice> = notices
): Either.Either<WorkingCalendar.WorkingCalendar, Errors.DecodeError> =>
  WorkingCalendar.decode({
    id,
    timeZone: "Asia/Shanghai",
    weekend: [6, 7],
    years: from.map(toCalendarYear),
    notes: "State Council General Office holiday arrangements (国务院办公厅关于部分节假日安排的通知)"
  })

/**
 * The years the shipped data covers: 2024, 2025 and 2026.
 *
 * @since 0.1.0
 * @category constants
 */
export const years: ReadonlyArray<number> = notices.map((n) => n.year)

/**
 * The official working-day calendar for 2024–2026. Any date outside those years is a `CalendarGap`.
 *
 * @since 0.1.0
 * @category calendars
 */
export const calendar: WorkingCalendar.WorkingCalendar = Either.getOrThrow(make())

/**
 * A calendar for some of the shipped years and/or with a host's own notices added (say the 2027 notice, as data,
 * before a release of this package carries it). A year both shipped and given in `extra` takes the host's data.
 *
 * @since 0.1.0
 * @category constructors
 */
export const build = (
  options: { readonly years?: ReadonlyArray<number>; readonly extra?: ReadonlyArray<YearNotice> } = {}
): Either.Either<WorkingCalendar.WorkingCalendar, Errors.DecodeError> => {
  const extra = options.extra ?? []
  const replaced = new Set(extra.map((n) => n.year))
  const kept = notices.filter(
    (n) => !replaced.has(n.year) && (options.years === undefined || options.years.includes(n.year))
  )
  return make([...kept, ...extra])
}

/**
 * The plugin (id `calendar-cn`): contributes {@link calendar} to `WorkingCalendar.calendars`. A host with the 2027
 * notice before this package has it contributes its own calendar built with {@link build} under its own key.
 *
 * @since 0.1.0
 * @category plugins
 */
export const plugin: Plugin.Plugin = Plugin.define({
  id: "calendar-cn",
  version,
  description: "Official working-day calendar of mainland China (State Council holiday arrangements 2024–2026)",
  contributes: [Plugin.contribute(WorkingCalendar.calendars, [calendar])]
})
