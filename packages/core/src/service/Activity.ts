/**
 * Activities (活动、场次): the sessions in which a service is delivered — when, where, who took part (a head count in
 * person-times 人次, or a roster of residents) and which volunteers served how long — and the statistics the seed
 * quotes ("15 sessions, 775 person-times").
 *
 * @since 0.1.0
 */
import { DateTime, Order, Schema } from "effect"
import { Finding } from "../kernel/Finding.js"
import * as Ids from "../kernel/Ids.js"
import * as LocalDate from "../kernel/LocalDate.js"
import * as Placement from "./Placement.js"

/**
 * What kind of session it is (活动类型): a regular service session, a lesson (微党课), an event, a camp (夏令营), a
 * visit, a meeting.
 *
 * @since 0.1.0
 * @category models
 */
export const Kind = Schema.Literal("session", "lesson", "event", "camp", "visit", "meeting")
/**
 * @since 0.1.0
 * @category models
 */
export type Kind = typeof Kind.Type

/**
 * Participants as a head count (人次), when names were not taken.
 *
 * @since 0.1.0
 * @category models
 */
export const Headcount = Schema.TaggedStruct("Headcount", { count: Schema.NonNegativeInt })

/**
 * Participants as a roster of residents, plus guests counted but not named.
 *
 * @since 0.1.0
 * @category models
 */
export const Roster = Schema.TaggedStruct("Roster", {
  residents: Schema.Array(Ids.ResidentId),
  guests: Schema.optionalWith(Schema.NonNegativeInt, { default: () => 0, exact: true })
})

/**
 * Who took part: a head count or a roster.
 *
 * @since 0.1.0
 * @category models
 */
export const Participants = Schema.Union(Headcount, Roster)
/**
 * @since 0.1.0
 * @category models
 */
export type Participants = typeof Participants.Type

/**
 * A volunteer's service in a session (志愿服务时长), in whole minutes so that sums stay exact.
 *
 * @since 0.1.0
 * @category models
 */
export const VolunteerService = Schema.Struct({
  person: Ids.PersonId,
  team: Schema.optional(Ids.VolunteerTeamId),
  minutes: Schema.Int.pipe(Schema.between(1, 24 * 60, { message: () => "volunteer minutes must be 1 to 1440" }))
})
/**
 * @since 0.1.0
 * @category models
 */
export type VolunteerService = typeof VolunteerService.Type

/**
 * One session of a service (活动): when (UTC instants), where (a space), run by which team, with whom.
 *
 * @since 0.1.0
 * @category models
 */
export class Activity extends Schema.Class<Activity>("@zhili/Activity")(
  Schema.Struct({
    tenant: Ids.TenantId,
    id: Ids.ActivityId,
    service: Ids.ServiceId,
    kind: Schema.optionalWith(Kind, { default: () => "session" as const, exact: true }),
    title: Schema.optional(Schema.String),
    start: Schema.DateTimeUtc,
    end: Schema.DateTimeUtc,
    space: Schema.optional(Ids.SpaceId),
    team: Schema.optional(Ids.VolunteerTeamId),
    participants: Participants,
    volunteers: Schema.optionalWith(Schema.Array(VolunteerService), { default: () => [], exact: true }),
    placement: Schema.optional(Placement.Location),
    version: Schema.optionalWith(Schema.NonNegativeInt, { default: () => 1, exact: true })
  }).pipe(
    Schema.filter((a) =>
      DateTime.lessThan(a.start, a.end)
        ? undefined
        : { path: ["end"], message: `an activity must end after it starts (${DateTime.formatIso(a.start)})` }
    )
  )
) {}

/**
 * Where an activity sits in the scope trees (its placement, the division defaulting to its tenant).
 *
 * @since 0.1.0
 * @category scope
 */
export const location = (self: Activity): Placement.Location => Placement.resolve(self.tenant, self.placement)

/**
 * Person-times (人次) of one activity: the head count, or the roster plus guests.
 *
 * @since 0.1.0
 * @category statistics
 */
export const personTimes = (self: Activity): number =>
  self.participants._tag === "Headcount"
    ? self.participants.count
    : self.participants.residents.length + self.participants.guests

/**
 * Volunteer minutes of one activity.
 *
 * @since 0.1.0
 * @category statistics
 */
export const volunteerMinutes = (self: Activity): number => self.volunteers.reduce((n, v) => n + v.minutes, 0)

/**
 * The date an activity starts on, in a time zone (default Asia/Shanghai).
 *
 * @since 0.1.0
 * @category getters
 */
export const date = (self: Activity, timeZone = "Asia/Shanghai"): LocalDate.LocalDate =>
  LocalDate.fromDateTime(self.start, timeZone)

/**
 * Totals over a set of activities.
 *
 * @since 0.1.0
 * @category statistics
 */
export interface Totals {
  /** Number of activities (场次). */
  readonly activities: number
  /** Person-times (人次). */
  readonly personTimes: number
  /** Distinct residents named on rosters (head counts add none). */
  readonly distinctResidents: number
  /** Volunteer minutes. */
  readonly volunteerMinutes: number
  /** Volunteer hours, rounded to two decimals for display. */
  readonly volunteerHours: number
  /** Distinct volunteers. */
  readonly distinctVolunteers: number
}

/**
 * How to group statistics: by service, by the team that ran the activity (`runningTeam`: the activity's own `team`,
 * 开展活动的服务队, which may staff a service another provider offers), space, kind, month or day of the start (in
 * the time zone), or not at all. The activities of the services a team *provides* are the service report's
 * `team-activities` (`ServiceReport`), a different figure.
 *
 * @since 0.1.0
 * @category statistics
 */
export type GroupBy = "service" | "runningTeam" | "space" | "kind" | "month" | "day" | "all"

/**
 * Which activities count: a date period (both ends included, dates in the time zone), a scope test on the
 * activity's location (pass `(l) => Scope.contains(scope, l)` or `Placement.within`), and filters on service, the
 * team that ran the activity (`runningTeams`, the activity's `team`) and space.
 *
 * @since 0.1.0
 * @category statistics
 */
export interface Filter {
  readonly from?: LocalDate.LocalDate
  readonly to?: LocalDate.LocalDate
  readonly inScope?: (location: Placement.Location) => boolean
  readonly services?: ReadonlyArray<Ids.ServiceId>
  readonly runningTeams?: ReadonlyArray<Ids.VolunteerTeamId>
  readonly spaces?: ReadonlyArray<Ids.SpaceId>
  readonly timeZone?: string
}

/**
 * True when an activity passes a filter.
 *
 * @since 0.1.0
 * @category statistics
 */
export const matches = (self: Activity, filter: Filter): boolean => {
  const day = date(self, filter.timeZone)
  return (
    (filter.from === undefined || day >= filter.from) &&
    (filter.to === undefined || day <= filter.to) &&
    (filter.services === undefined || filter.services.includes(self.service)) &&
    (filter.runningTeams === undefined || (self.team !== undefined && filter.runningTeams.includes(self.team))) &&
    (filter.spaces === undefined || (self.space !== undefined && filter.spaces.includes(self.space))) &&
    (filter.inScope === undefined || filter.inScope(location(self)))
  )
}

/**
 * Totals of a set of activities (no filtering).
 *
 * @since 0.1.0
 * @category statistics
 */
export const totals = (activities: Iterable<Activity>): Totals => {
  let count = 0
  let persons = 0
  let minutes = 0
  const residents = new Set<string>()
  const volunteers = new Set<string>()
  for (const a of activities) {
    count++
    persons += personTimes(a)
    minutes += volunteerMinutes(a)
    if (a.participants._tag === "Roster") for (const r of a.participants.residents) residents.add(r)
    for (const v of a.volunteers) volunteers.add(v.person)
  }
  return {
    activities: count,
    personTimes: persons,
    distinctResidents: residents.size,
    volunteerMinutes: minutes,
    volunteerHours: Math.round((minutes / 60) * 100) / 100,
    distinctVolunteers: volunteers.size
  }
}

const keyOf = (a: Activity, by: GroupBy, timeZone: string | undefined): string => {
  switch (by) {
    case "service":
      return a.service
    case "runningTeam":
      return a.team ?? "(no team)"
    case "space":
      return a.space ?? "(no space)"
    case "kind":
      return a.kind
    case "month":
      return date(a, timeZone).slice(0, 7)
    case "day":
      return date(a, timeZone)
    case "all":
      return "all"
  }
}

/**
 * Activity statistics: activities, person-times and volunteer hours per group, for the activities that pass the
 * filter, groups in key order. Reproduces the seed's figures from the records, e.g. 15 sessions and 775
 * person-times for the TCM night clinic.
 *
 * @since 0.1.0
 * @category statistics
 */
export const statistics = (
  activities: Iterable<Activity>,
  options: Filter & { readonly groupBy?: GroupBy } = {}
): ReadonlyArray<{ readonly key: string } & Totals> => {
  const groups = new Map<string, Array<Activity>>()
  const by = options.groupBy ?? "all"
  for (const a of activities) {
    if (!matches(a, options)) continue
    const key = keyOf(a, by, options.timeZone)
    const group = groups.get(key)
    if (group === undefined) groups.set(key, [a])
    else group.push(a)
  }
  return [...groups.entries()].sort(([a], [b]) => Order.string(a, b)).map(([key, group]) => ({ key, ...totals(group) }))
}

/**
 * Capacity check for a session (容量): a finding when the person-times exceed the capacity, a warning when the
 * roster names a resident twice.
 *
 * @param capacity - places per session (the service's capacity or the space's)
 * @since 0.1.0
 * @category rules
 */
export const checkCapacity = (self: Activity, capacity: number | undefined): ReadonlyArray<Finding> => {
  const out: Array<Finding> = []
  const n = personTimes(self)
  if (capacity !== undefined && n > capacity) {
    out.push(
      new Finding({
        code: "activity/over-capacity",
        severity: "error",
        path: ["participants"],
        message: `activity ${self.id} has ${n} participants but room for ${capacity} (${n - capacity} too many)`
      })
    )
  }
  if (self.participants._tag === "Roster") {
    const seen = new Set<string>()
    self.participants.residents.forEach((r, i) => {
      if (seen.has(r)) {
        out.push(
          new Finding({
            code: "activity/duplicate-participant",
            severity: "warning",
            path: ["participants", "residents", i],
            message: `resident ${r} is listed twice in activity ${self.id}`
          })
        )
      }
      seen.add(r)
    })
  }
  return out
}

/**
 * Places left in a session: capacity minus person-times, never below 0; `undefined` when there is no limit.
 *
 * @since 0.1.0
 * @category rules
 */
export const remainingPlaces = (self: Activity, capacity: number | undefined): number | undefined =>
  capacity === undefined ? undefined : Math.max(0, capacity - personTimes(self))
