/**
 * Partnerships between units (共建、结对、双报到、大党委) and the coverage rules of "1+4" pairing and dual registration.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Finding from "../kernel/Finding.js"
import { OrgUnitId, PartnershipId, PersonId, TenantId } from "../kernel/Ids.js"
import * as LocalDate from "../kernel/LocalDate.js"
import * as Membership from "./Membership.js"
import type * as OrgUnit from "./OrgUnit.js"

/**
 * `co-building` 共建 ("1+2"), `pairing` 结对共建 ("1+4"), `dual-registration` 双报到 (a unit registers with a
 * community), `enlarged-committee` 大党委 (a resident unit holds a seat on the community's committee).
 *
 * @since 0.1.0
 * @category models
 */
export const Type = Schema.Literal("co-building", "pairing", "dual-registration", "enlarged-committee")
/**
 * @since 0.1.0
 * @category models
 */
export type Type = typeof Type.Type

/**
 * A partnership edge from one unit to another. For `enlarged-committee`, `seat` names the person who sits on the
 * committee for `from`.
 *
 * @since 0.1.0
 * @category models
 */
export class Partnership extends Schema.Class<Partnership>("@zhili/Partnership")(
  Schema.Struct({
    id: PartnershipId,
    tenant: TenantId,
    type: Type,
    from: OrgUnitId,
    to: OrgUnitId,
    start: LocalDate.LocalDate,
    end: Schema.optional(LocalDate.LocalDate),
    seat: Schema.optional(PersonId)
  }).pipe(
    Schema.filter((p) => (p.from === p.to ? { path: ["to"], message: "a unit cannot partner with itself" } : undefined))
  )
) {}

/**
 * A member registering with the community where they live (党员双报到), independent of their own unit's registration.
 *
 * @since 0.1.0
 * @category models
 */
export class MemberRegistration extends Schema.Class<MemberRegistration>("@zhili/MemberRegistration")({
  id: PartnershipId,
  tenant: TenantId,
  person: PersonId,
  community: OrgUnitId,
  registeredOn: LocalDate.LocalDate,
  end: Schema.optional(LocalDate.LocalDate)
}) {}

/**
 * The "1+4" pairing policy: which kinds are organs, and the four target categories with the kinds each accepts.
 *
 * @since 0.1.0
 * @category policies
 */
export interface PairingPolicy {
  readonly organKinds: ReadonlyArray<string>
  readonly categories: ReadonlyArray<{ readonly id: string; readonly kinds: ReadonlyArray<string> }>
}

/**
 * Default "1+4" (seed, Huichang: 机关党组织+村党组织+社区党组织+两新党组织+流动党员党组织): organ branches pair with
 * village, community (community organisations and their grid party groups — the seed counts 66 grid organisations
 * among them), two-new and floating-member organisations.
 *
 * @since 0.1.0
 * @category policies
 */
export const defaultPairingPolicy: PairingPolicy = {
  organKinds: ["county-organ-branch"],
  categories: [
    { id: "village", kinds: ["village-branch"] },
    {
      id: "community",
      kinds: ["community-general-branch", "community-committee", "compound-branch", "grid-party-group"]
    },
    { id: "two-new", kinds: ["two-new-branch"] },
    { id: "floating", kinds: ["floating-member-branch"] }
  ]
}

/**
 * The "1+4" coverage report.
 *
 * @since 0.1.0
 * @category models
 */
export interface PairingReport {
  /** Per organ, the categories it has no pairing in. */
  readonly missing: ReadonlyArray<{ readonly organ: OrgUnitId; readonly categories: ReadonlyArray<string> }>
  /** Target units no organ is paired with. */
  readonly unpaired: ReadonlyArray<OrgUnitId>
  readonly findings: ReadonlyArray<Finding.Finding>
}

/**
 * Whether a partnership is in force on `on`: started on or before `on` and not ended before it (both ends inclusive,
 * no `end` = open-ended). The same dated-record rule as `Membership.isActive`, which it is.
 *
 * @since 0.1.0
 * @category rules
 */
export const isActive: (
  p: { readonly start: LocalDate.LocalDate; readonly end?: LocalDate.LocalDate | undefined },
  on: LocalDate.LocalDate
) => boolean = Membership.isActive

/**
 * "1+4" pairing coverage on a date: which organ lacks which of the four categories, and which targets are unpaired.
 * Pairing edges count in either direction. Source: seed (Huichang "1+4" 结对共建机制).
 *
 * @since 0.1.0
 * @category rules
 */
export const pairingCoverage = (
  units: ReadonlyArray<OrgUnit.OrgUnit>,
  partnerships: ReadonlyArray<Partnership>,
  on: LocalDate.LocalDate,
  policy: PairingPolicy = defaultPairingPolicy
): PairingReport => {
  const byId = new Map(units.map((u) => [u.id, u] as const))
  const categoryOf = (kind: string) => policy.categories.find((c) => c.kinds.includes(kind))?.id
  const isOrgan = (u: OrgUnit.OrgUnit | undefined) => u !== undefined && policy.organKinds.includes(u.kind)
  const have = new Map<string, Set<string>>()
  const paired = new Set<string>()
  for (const p of partnerships) {
    if (p.type !== "pairing" || !isActive(p, on)) continue
    for (const [organ, target] of [
      [p.from, p.to],
      [p.to, p.from]
    ] as const) {
      const o = byId.get(organ)
      const t = byId.get(target)
      if (!isOrgan(o) || t === undefined) continue
      const c = categoryOf(t.kind)
      if (c === undefined) continue
      have.set(organ, (have.get(organ) ?? new Set()).add(c))
      paired.add(target)
    }
  }
  const findings: Array<Finding.Finding> = []
  const missing = units
    .filter((u) => isOrgan(u))
    .map((u) => ({
      organ: u.id,
      categories: policy.categories.map((c) => c.id).filter((c) => !(have.get(u.id)?.has(c) ?? false))
    }))
    .filter((m) => m.categories.length > 0)
  for (const m of missing) {
    findings.push(
      Finding.warning(
        "org/pairing-incomplete",
        ["units", m.organ],
        `organ ${m.organ} has no "1+4" pairing with: ${m.categories.join(", ")}`
      )
    )
  }
  const unpaired = units
    .filter((u) => !isOrgan(u) && categoryOf(u.kind) !== undefined && !paired.has(u.id))
    .map((u) => u.id)
  for (const id of unpaired)
    findings.push(Finding.warning("org/unpaired-target", ["units", id], `unit ${id} is paired with no organ`))
  return { missing, unpaired, findings }
}

/**
 * One unit's line in the dual-registration report.
 *
 * @since 0.1.0
 * @category models
 */
export interface RegistrationLine {
  readonly unit: OrgUnitId
  /** True when the unit itself has registered with a community (a `dual-registration` partnership). */
  readonly unitRegistered: boolean
  readonly members: number
  readonly registered: number
  /** registered ÷ members; 1 when the unit has no members. */
  readonly share: number
}

/**
 * Dual registration (双报到) on a date: for each of `units` (the organs expected to register), whether it registered
 * with a community and the share of its active members who registered where they live; plus the overall share.
 * Source: seed ("充分发挥'双报到'…机制作用"); MODEL.md §1.
 *
 * @since 0.1.0
 * @category rules
 */
export const dualRegistration = (
  units: ReadonlyArray<OrgUnit.OrgUnit>,
  memberships: ReadonlyArray<Membership.Membership>,
  partnerships: ReadonlyArray<Partnership>,
  registrations: ReadonlyArray<MemberRegistration>,
  on: LocalDate.LocalDate
): {
  readonly lines: ReadonlyArray<RegistrationLine>
  readonly members: number
  readonly registered: number
  readonly share: number
  readonly findings: ReadonlyArray<Finding.Finding>
} => {
  const registeredPeople = new Set(
    registrations.filter((r) => r.registeredOn <= on && (r.end === undefined || on <= r.end)).map((r) => r.person)
  )
  const findings: Array<Finding.Finding> = []
  const lines = units.map((u): RegistrationLine => {
    const people = new Set(
      memberships.filter((m) => m.unit === u.id && Membership.isActive(m, on)).map((m) => m.person)
    )
    const registered = [...people].filter((p) => registeredPeople.has(p)).length
    const unitRegistered = partnerships.some(
      (p) => p.type === "dual-registration" && p.from === u.id && isActive(p, on)
    )
    if (!unitRegistered)
      findings.push(
        Finding.warning(
          "org/unit-not-registered",
          ["units", u.id],
          `unit ${u.id} has not registered with a community (双报到)`
        )
      )
    return {
      unit: u.id,
      unitRegistered,
      members: people.size,
      registered,
      share: people.size === 0 ? 1 : registered / people.size
    }
  })
  const members = lines.reduce((s, l) => s + l.members, 0)
  const registered = lines.reduce((s, l) => s + l.registered, 0)
  return { lines, members, registered, share: members === 0 ? 1 : registered / members, findings }
}

/**
 * One seat on a unit's enlarged committee (社区"大党委"): the outside unit seated, the person in the seat and whether
 * the two units have an active partnership of another type on the date.
 *
 * @since 0.1.0
 * @category models
 */
export interface CommitteeSeat {
  readonly partnership: string
  readonly partner: string
  readonly seat: string | undefined
  readonly partnered: boolean
}

/**
 * The enlarged-committee seats (大党委) of `unit` active on `on`, and a `partnership/seat-without-partnership`
 * warning (path `partnerships, <index>`) for each seat whose partner unit has no active co-building, pairing or
 * dual-registration partnership with the unit. Pure and total.
 *
 * @since 0.1.0
 * @category rules
 */
export const committeeSeats = (
  partnerships: ReadonlyArray<Partnership>,
  unit: string,
  on: LocalDate.LocalDate
): { readonly seats: ReadonlyArray<CommitteeSeat>; readonly findings: ReadonlyArray<Finding.Finding> } => {
  const seats: Array<CommitteeSeat> = []
  const findings: Array<Finding.Finding> = []
  partnerships.forEach((p, i) => {
    if (p.type !== "enlarged-committee" || p.to !== unit || !isActive(p, on)) return
    const partnered = partnerships.some(
      (q) =>
        q.type !== "enlarged-committee" &&
        isActive(q, on) &&
        ((q.from === p.from && q.to === unit) || (q.to === p.from && q.from === unit))
    )
    seats.push({ partnership: p.id, partner: p.from, seat: p.seat, partnered })
    if (!partnered)
      findings.push(
        Finding.warning(
          "partnership/seat-without-partnership",
          ["partnerships", i],
          `unit ${p.from} holds a seat on the enlarged committee of ${unit} (${p.id}) without an active partnership on ${on}`
        )
      )
  })
  return { seats, findings }
}
