/**
 * The volunteer hours ledger (志愿服务时长台账): one entry per volunteer per service given (an activity, or work
 * recorded on its own), in whole minutes, with corrections as entries of their own so the ledger is append-only —
 * as CiviCRM's volunteer extension logs hours per volunteer. Feeds the per-volunteer balances (个人累计时长) and the
 * team statistics (志愿服务队统计: volunteers, sessions, hours per team).
 *
 * @since 0.2.0
 */
import { Either, Order, Schema } from "effect"
import * as Ids from "../kernel/Ids.js"
import * as LocalDate from "../kernel/LocalDate.js"
import * as Activity from "./Activity.js"
import * as Placement from "./Placement.js"
import type * as VolunteerTeam from "./VolunteerTeam.js"

/**
 * Identifier of a ledger entry, unique within its tenant.
 *
 * @since 0.2.0
 * @category identifiers
 */
export const EntryId = Schema.String.pipe(
  Schema.pattern(Ids.IdPattern, { message: () => "hours entry id must be 1–64 letters, digits, _ . : / or -" }),
  Schema.brand("@zhili/VolunteerHoursEntryId")
)
/**
 * @since 0.2.0
 * @category identifiers
 */
export type EntryId = typeof EntryId.Type

/**
 * One entry of the ledger: service given (`Served`, 1 to 1,440 minutes on one day, from an activity or not) or a
 * correction of an earlier entry (`Correction`, minutes added or, when negative, taken back).
 *
 * @since 0.2.0
 * @category models
 */
export const Entry = Schema.Union(
  Schema.TaggedStruct("Served", {
    tenant: Ids.TenantId,
    id: EntryId,
    person: Ids.PersonId,
    team: Schema.optional(Ids.VolunteerTeamId),
    activity: Schema.optional(Ids.ActivityId),
    on: LocalDate.LocalDate,
    minutes: Schema.Int.pipe(Schema.between(1, 24 * 60, { message: () => "volunteer minutes must be 1 to 1440" })),
    placement: Schema.optional(Placement.Location)
  }),
  Schema.TaggedStruct("Correction", {
    tenant: Ids.TenantId,
    id: EntryId,
    corrects: EntryId,
    on: LocalDate.LocalDate,
    minutes: Schema.Int.pipe(
      Schema.between(-24 * 60, 24 * 60, { message: () => "a correction adds or takes back −1440 to 1440 minutes" }),
      Schema.filter((m) => m !== 0 || "a correction of 0 minutes corrects nothing")
    ),
    reason: Schema.NonEmptyTrimmedString,
    placement: Schema.optional(Placement.Location)
  })
)
/**
 * @since 0.2.0
 * @category models
 */
export type Entry = typeof Entry.Type

/**
 * Where an entry sits in the scope trees (its placement, the division defaulting to its tenant).
 *
 * @since 0.2.0
 * @category scope
 */
export const location = (self: Entry): Placement.Location => Placement.resolve(self.tenant, self.placement)

/**
 * An entry the ledger cannot take: its id is taken, it corrects an entry the ledger lacks or a correction, or the
 * correction would leave the corrected entry below 0 or above 1,440 minutes.
 *
 * @since 0.2.0
 * @category errors
 */
export class RejectedEntry extends Schema.TaggedError<RejectedEntry>()("VolunteerHoursRejectedEntry", {
  entry: EntryId,
  reason: Schema.String
}) {
  override get message(): string {
    return `volunteer hours entry ${this.entry}: ${this.reason}`
  }
}

/** Minutes of each served entry after its corrections. */
const corrected = (ledger: ReadonlyArray<Entry>): Map<string, number> => {
  const minutes = new Map<string, number>()
  for (const e of ledger) if (e._tag === "Served") minutes.set(e.id, e.minutes)
  for (const e of ledger)
    if (e._tag === "Correction") minutes.set(e.corrects, (minutes.get(e.corrects) ?? 0) + e.minutes)
  return minutes
}

/**
 * Appends an entry to a ledger (记录时长). Refused with {@link RejectedEntry} when the id is already in the ledger,
 * when a correction names no served entry, or when it would leave that entry's minutes below 0 or above 1,440.
 *
 * @since 0.2.0
 * @category rules
 */
export const post = (
  ledger: ReadonlyArray<Entry>,
  entry: Entry
): Either.Either<ReadonlyArray<Entry>, RejectedEntry> => {
  if (ledger.some((e) => e.id === entry.id))
    return Either.left(new RejectedEntry({ entry: entry.id, reason: "an entry with this id is already in the ledger" }))
  if (entry._tag === "Correction") {
    const target = ledger.find((e) => e.id === entry.corrects)
    if (target === undefined || target._tag !== "Served")
      return Either.left(
        new RejectedEntry({ entry: entry.id, reason: `it corrects ${entry.corrects}, which is no served entry` })
      )
    const after = (corrected(ledger).get(target.id) ?? 0) + entry.minutes
    if (after < 0 || after > 24 * 60)
      return Either.left(
        new RejectedEntry({
          entry: entry.id,
          reason: `it would leave ${target.id} at ${after} minutes (0 to 1440 allowed)`
        })
      )
  }
  return Either.right([...ledger, entry])
}

/**
 * The served entries of a set of activities: one per volunteer per activity, dated by the activity's start in the
 * time zone, the team being the volunteer's own team when recorded, else the team that ran the activity. Ids are
 * `<activity>:<person>`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const fromActivities = (
  activities: Iterable<Activity.Activity>,
  timeZone = "Asia/Shanghai"
): ReadonlyArray<Entry> => {
  const out: Array<Entry> = []
  for (const a of activities) {
    const on = Activity.date(a, timeZone)
    for (const v of a.volunteers) {
      const team = v.team ?? a.team
      out.push({
        _tag: "Served",
        tenant: a.tenant,
        id: `${a.id}:${v.person}` as EntryId,
        person: v.person,
        ...(team === undefined ? {} : { team }),
        activity: a.id,
        on,
        minutes: v.minutes
      })
    }
  }
  return out
}

/**
 * Which entries count: a date period (both ends included) and the teams.
 *
 * @since 0.2.0
 * @category models
 */
export interface Filter {
  readonly from?: LocalDate.LocalDate | undefined
  readonly to?: LocalDate.LocalDate | undefined
  readonly teams?: ReadonlyArray<Ids.VolunteerTeamId> | undefined
}

interface Served {
  readonly id: string
  readonly person: Ids.PersonId
  readonly team: Ids.VolunteerTeamId | undefined
  readonly activity: Ids.ActivityId | undefined
  readonly minutes: number
}

/** Served entries passing the filter (dated by the served entry), with their corrected minutes. */
const served = (ledger: ReadonlyArray<Entry>, filter: Filter): ReadonlyArray<Served> => {
  const minutes = corrected(ledger)
  const out: Array<Served> = []
  for (const e of ledger) {
    if (e._tag !== "Served") continue
    if (filter.from !== undefined && e.on < filter.from) continue
    if (filter.to !== undefined && e.on > filter.to) continue
    if (filter.teams !== undefined && (e.team === undefined || !filter.teams.includes(e.team))) continue
    out.push({ id: e.id, person: e.person, team: e.team, activity: e.activity, minutes: minutes.get(e.id) ?? 0 })
  }
  return out
}

const hours = (minutes: number): number => Math.round((minutes / 60) * 100) / 100

/**
 * One volunteer's balance (个人累计时长): minutes after corrections, hours (two decimals), and the entries counted.
 *
 * @since 0.2.0
 * @category statistics
 */
export const balance = (
  ledger: ReadonlyArray<Entry>,
  person: Ids.PersonId,
  filter: Filter = {}
): { readonly minutes: number; readonly hours: number; readonly entries: number } => {
  const of = served(ledger, filter).filter((s) => s.person === person)
  const minutes = of.reduce((n, s) => n + s.minutes, 0)
  return { minutes, hours: hours(minutes), entries: of.length }
}

/**
 * Balances of every volunteer in the ledger, most minutes first (ties by person id).
 *
 * @since 0.2.0
 * @category statistics
 */
export const byVolunteer = (
  ledger: ReadonlyArray<Entry>,
  filter: Filter = {}
): ReadonlyArray<{ readonly person: Ids.PersonId; readonly minutes: number; readonly hours: number }> => {
  const totals = new Map<Ids.PersonId, number>()
  for (const s of served(ledger, filter)) totals.set(s.person, (totals.get(s.person) ?? 0) + s.minutes)
  return [...totals.entries()]
    .sort(([a, x], [b, y]) => y - x || Order.string(a, b))
    .map(([person, minutes]) => ({ person, minutes, hours: hours(minutes) }))
}

/**
 * Team statistics from the ledger (志愿服务队统计): per team of the roster given (every team, even one with no
 * entry, in the order given), the distinct volunteers, the distinct activities served and the corrected minutes and
 * hours. Entries without a team or of a team not listed are left out.
 *
 * @since 0.2.0
 * @category statistics
 */
export const teamStatistics = (
  ledger: ReadonlyArray<Entry>,
  teams: ReadonlyArray<VolunteerTeam.VolunteerTeam>,
  filter: Filter = {}
): ReadonlyArray<{
  readonly team: Ids.VolunteerTeamId
  readonly name: string
  readonly volunteers: number
  readonly activities: number
  readonly minutes: number
  readonly hours: number
}> => {
  const rows = served(ledger, filter)
  return teams.map((t) => {
    const of = rows.filter((s) => s.team === t.id)
    const minutes = of.reduce((n, s) => n + s.minutes, 0)
    return {
      team: t.id,
      name: t.name,
      volunteers: new Set(of.map((s) => s.person)).size,
      activities: new Set(of.flatMap((s) => (s.activity === undefined ? [] : [s.activity]))).size,
      minutes,
      hours: hours(minutes)
    }
  })
}
