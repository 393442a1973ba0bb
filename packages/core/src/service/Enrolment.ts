/**
 * Enrolment (报名) in a service or an activity with a capacity and a waiting list (候补), as CiviCRM's event
 * registration does: a request is registered while places remain and waitlisted after; cancelling a registered place
 * promotes the first on the waiting list; on the day a registered person is marked attended (到场) or no-show (缺席).
 * Every request is checked against the service's eligibility (`Eligibility`: 四点半课堂 0–12, 托育 1–3 years).
 *
 * Children's data stays protected: a {@link Roster} holds person ids and statuses only — no name, birth date or age
 * — and the `Eligibility.Person` handed to {@link enrol} is read, never kept. A refusal names the rule, never the
 * person's age or birth date.
 *
 * @since 0.2.0
 */
import { Either, Option, Schema } from "effect"
import * as Ids from "../kernel/Ids.js"
import * as LocalDate from "../kernel/LocalDate.js"
import * as Eligibility from "./Eligibility.js"
import * as Placement from "./Placement.js"

/**
 * Identifier of a roster, unique within its tenant.
 *
 * @since 0.2.0
 * @category identifiers
 */
export const RosterId = Schema.String.pipe(
  Schema.pattern(Ids.IdPattern, { message: () => "roster id must be 1–64 letters, digits, _ . : / or -" }),
  Schema.brand("@zhili/RosterId")
)
/**
 * @since 0.2.0
 * @category identifiers
 */
export type RosterId = typeof RosterId.Type

/**
 * Where an enrolment stands: registered (已报名), waitlisted (候补), attended (已到场), cancelled (已取消), no-show
 * (缺席).
 *
 * @since 0.2.0
 * @category models
 */
export const Status = Schema.Literal("registered", "waitlisted", "attended", "cancelled", "no-show")
/**
 * @since 0.2.0
 * @category models
 */
export type Status = typeof Status.Type

/**
 * What people enrol in: a service (a term of 四点半课堂, a childcare place) or one activity (a session, a camp).
 *
 * @since 0.2.0
 * @category models
 */
export const Target = Schema.Union(
  Schema.TaggedStruct("Service", { id: Ids.ServiceId }),
  Schema.TaggedStruct("Activity", { id: Ids.ActivityId })
)
/**
 * @since 0.2.0
 * @category models
 */
export type Target = typeof Target.Type

/**
 * One enrolment: the person (an id only), the status, the date of the request and of the last change. Entries are
 * kept in the order of the requests: the waiting list is served in that order.
 *
 * @since 0.2.0
 * @category models
 */
export const Entry = Schema.Struct({
  person: Ids.PersonId,
  status: Status,
  requested: LocalDate.LocalDate,
  changed: Schema.optional(LocalDate.LocalDate)
})
/**
 * @since 0.2.0
 * @category models
 */
export type Entry = typeof Entry.Type

/**
 * The roster of a service or activity (报名名单): its capacity (places; no limit when absent) and the enrolments in
 * request order.
 *
 * @since 0.2.0
 * @category models
 */
export class Roster extends Schema.Class<Roster>("@zhili/Roster")({
  tenant: Ids.TenantId,
  id: RosterId,
  target: Target,
  capacity: Schema.optional(Schema.Int.pipe(Schema.positive())),
  entries: Schema.optionalWith(Schema.Array(Entry), { default: () => [], exact: true }),
  placement: Schema.optional(Placement.Location),
  version: Schema.optionalWith(Schema.NonNegativeInt, { default: () => 1, exact: true })
}) {}

/**
 * Where a roster sits in the scope trees (its placement, the division defaulting to its tenant).
 *
 * @since 0.2.0
 * @category scope
 */
export const location = (self: Roster): Placement.Location => Placement.resolve(self.tenant, self.placement)

/**
 * The person already holds a live enrolment (registered, waitlisted, attended or no-show) in the roster.
 *
 * @since 0.2.0
 * @category errors
 */
export class AlreadyEnrolled extends Schema.TaggedError<AlreadyEnrolled>()("EnrolmentAlreadyEnrolled", {
  roster: RosterId,
  person: Ids.PersonId,
  status: Status
}) {
  override get message(): string {
    return `roster ${this.roster}: person ${this.person} is already ${this.status}`
  }
}

/**
 * The person does not meet the eligibility of the service. The message states the rule only (`aged 0 to 12`),
 * never the person's age or birth date.
 *
 * @since 0.2.0
 * @category errors
 */
export class NotEligible extends Schema.TaggedError<NotEligible>()("EnrolmentNotEligible", {
  roster: RosterId,
  person: Ids.PersonId,
  rule: Schema.String
}) {
  override get message(): string {
    return `roster ${this.roster}: person ${this.person} does not meet the eligibility (${this.rule})`
  }
}

/**
 * The person has no enrolment in the roster that the step could apply to.
 *
 * @since 0.2.0
 * @category errors
 */
export class NotEnrolled extends Schema.TaggedError<NotEnrolled>()("EnrolmentNotEnrolled", {
  roster: RosterId,
  person: Ids.PersonId
}) {
  override get message(): string {
    return `roster ${this.roster}: person ${this.person} is not enrolled`
  }
}

/**
 * A step the enrolment's status does not allow (`from` → `to`): only a registered person attends or is a no-show;
 * only a registered or waitlisted enrolment is cancelled.
 *
 * @since 0.2.0
 * @category errors
 */
export class IllegalTransition extends Schema.TaggedError<IllegalTransition>()("EnrolmentIllegalTransition", {
  roster: RosterId,
  person: Ids.PersonId,
  from: Status,
  to: Status
}) {
  override get message(): string {
    return `roster ${this.roster}: person ${this.person} cannot go from ${this.from} to ${this.to}`
  }
}

/** Statuses that hold a place. */
const seated: ReadonlySet<Status> = new Set(["registered", "attended", "no-show"])

/**
 * Places taken: registered, attended and no-show enrolments (a no-show kept the place from others).
 *
 * @since 0.2.0
 * @category getters
 */
export const placesTaken = (self: Roster): number => self.entries.filter((e) => seated.has(e.status)).length

/**
 * Places left (`undefined` for a roster without capacity); never below 0.
 *
 * @since 0.2.0
 * @category getters
 */
export const placesLeft = (self: Roster): number | undefined =>
  self.capacity === undefined ? undefined : Math.max(0, self.capacity - placesTaken(self))

/**
 * The waiting list, first to be promoted first.
 *
 * @since 0.2.0
 * @category getters
 */
export const waitingList = (self: Roster): ReadonlyArray<Ids.PersonId> =>
  self.entries.filter((e) => e.status === "waitlisted").map((e) => e.person)

/**
 * The people with a place (registered, attended or no-show), in request order.
 *
 * @since 0.2.0
 * @category getters
 */
export const seatedPeople = (self: Roster): ReadonlyArray<Ids.PersonId> =>
  self.entries.filter((e) => seated.has(e.status)).map((e) => e.person)

/**
 * The live enrolment of a person (any status but cancelled), if any.
 *
 * @since 0.2.0
 * @category getters
 */
export const entryOf = (self: Roster, person: Ids.PersonId): Option.Option<Entry> =>
  Option.fromNullable(self.entries.find((e) => e.person === person && e.status !== "cancelled"))

/** Promotes waitlisted entries, in order, into the free places. */
const promote = (
  entries: Array<Entry>,
  capacity: number | undefined,
  on: LocalDate.LocalDate
): ReadonlyArray<Ids.PersonId> => {
  const promoted: Array<Ids.PersonId> = []
  let taken = entries.filter((e) => seated.has(e.status)).length
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as Entry
    if (e.status !== "waitlisted") continue
    if (capacity !== undefined && taken >= capacity) break
    entries[i] = { ...e, status: "registered", changed: on }
    promoted.push(e.person)
    taken++
  }
  return promoted
}

/**
 * Eligibility to check on a request: the service's predicate, the person as eligibility sees them (birth date,
 * tags, home — read, not kept) and the service date the age is taken on.
 *
 * @since 0.2.0
 * @category models
 */
export interface EligibilityCheck {
  readonly predicate: Eligibility.Predicate | undefined
  readonly person: Eligibility.Person
  readonly on: LocalDate.LocalDate
}

/**
 * Enrols a person (报名): registered while places remain, else waitlisted at the end of the list. Refused with
 * {@link NotEligible} when the eligibility check fails and with {@link AlreadyEnrolled} when the person holds a live
 * enrolment; a person who cancelled may enrol again (at the end of the list).
 *
 * @since 0.2.0
 * @category rules
 */
export const enrol = (
  self: Roster,
  request: { readonly person: Ids.PersonId; readonly on: LocalDate.LocalDate },
  eligibility?: EligibilityCheck
): Either.Either<
  { readonly roster: Roster; readonly status: "registered" | "waitlisted" },
  AlreadyEnrolled | NotEligible
> => {
  const live = entryOf(self, request.person)
  if (Option.isSome(live))
    return Either.left(new AlreadyEnrolled({ roster: self.id, person: request.person, status: live.value.status }))
  if (eligibility?.predicate !== undefined) {
    const result = Eligibility.check(eligibility.predicate, eligibility.person, eligibility.on)
    if (result._tag === "NotEligible")
      return Either.left(
        new NotEligible({
          roster: self.id,
          person: request.person,
          rule: Eligibility.describe(eligibility.predicate)
        })
      )
  }
  const status = self.capacity === undefined || placesTaken(self) < self.capacity ? "registered" : "waitlisted"
  return Either.right({
    roster: new Roster({
      ...self,
      entries: [...self.entries, { person: request.person, status, requested: request.on }],
      version: self.version + 1
    }),
    status
  })
}

const change = (
  self: Roster,
  person: Ids.PersonId,
  to: Status,
  from: ReadonlyArray<Status>,
  on: LocalDate.LocalDate
): Either.Either<{ readonly entries: Array<Entry>; readonly was: Status }, NotEnrolled | IllegalTransition> => {
  const index = self.entries.findIndex((e) => e.person === person && e.status !== "cancelled")
  if (index < 0) return Either.left(new NotEnrolled({ roster: self.id, person }))
  const entry = self.entries[index] as Entry
  if (!from.includes(entry.status))
    return Either.left(new IllegalTransition({ roster: self.id, person, from: entry.status, to }))
  const entries = [...self.entries]
  entries[index] = { ...entry, status: to, changed: on }
  return Either.right({ entries, was: entry.status })
}

/**
 * Cancels a registered or waitlisted enrolment (取消报名). A cancelled place goes to the first on the waiting list
 * (候补递补), who is returned in `promoted`.
 *
 * @since 0.2.0
 * @category rules
 */
export const cancel = (
  self: Roster,
  person: Ids.PersonId,
  on: LocalDate.LocalDate
): Either.Either<
  { readonly roster: Roster; readonly promoted: ReadonlyArray<Ids.PersonId> },
  NotEnrolled | IllegalTransition
> =>
  Either.map(change(self, person, "cancelled", ["registered", "waitlisted"], on), ({ entries }) => {
    const promoted = promote(entries, self.capacity, on)
    return { roster: new Roster({ ...self, entries, version: self.version + 1 }), promoted }
  })

/**
 * Marks a registered person as attended (签到).
 *
 * @since 0.2.0
 * @category rules
 */
export const attend = (
  self: Roster,
  person: Ids.PersonId,
  on: LocalDate.LocalDate
): Either.Either<Roster, NotEnrolled | IllegalTransition> =>
  Either.map(
    change(self, person, "attended", ["registered"], on),
    ({ entries }) => new Roster({ ...self, entries, version: self.version + 1 })
  )

/**
 * Marks a registered person as a no-show (缺席); the place stays taken.
 *
 * @since 0.2.0
 * @category rules
 */
export const noShow = (
  self: Roster,
  person: Ids.PersonId,
  on: LocalDate.LocalDate
): Either.Either<Roster, NotEnrolled | IllegalTransition> =>
  Either.map(
    change(self, person, "no-show", ["registered"], on),
    ({ entries }) => new Roster({ ...self, entries, version: self.version + 1 })
  )

/**
 * Changes the capacity: more places promote from the waiting list in order; fewer places move nobody out (people
 * with a place keep it; the roster is full until enough cancel). `undefined` removes the limit.
 *
 * @since 0.2.0
 * @category rules
 */
export const setCapacity = (
  self: Roster,
  capacity: number | undefined,
  on: LocalDate.LocalDate
): { readonly roster: Roster; readonly promoted: ReadonlyArray<Ids.PersonId> } => {
  const entries = [...self.entries]
  const promoted = promote(entries, capacity, on)
  const { capacity: _, ...rest } = self
  return {
    roster: new Roster({
      ...rest,
      ...(capacity === undefined ? {} : { capacity }),
      entries,
      version: self.version + 1
    }),
    promoted
  }
}

/**
 * Counts per status and the attendance rate (attended ÷ (attended + no-show), `null` before anyone is marked).
 *
 * @since 0.2.0
 * @category statistics
 */
export const statistics = (
  self: Roster
): Readonly<Record<Status, number>> & { readonly attendanceRate: number | null } => {
  const counts: Record<Status, number> = { registered: 0, waitlisted: 0, attended: 0, cancelled: 0, "no-show": 0 }
  for (const e of self.entries) counts[e.status]++
  const marked = counts.attended + counts["no-show"]
  return { ...counts, attendanceRate: marked === 0 ? null : counts.attended / marked }
}
