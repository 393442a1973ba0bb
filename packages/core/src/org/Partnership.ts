/**
 * Partnerships between units (共建、结对、双报到、大党委) and the coverage rules of "1+2" co-building, "1+4" pairing
 * and dual registration.
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
 * The "1+2" co-building policy (党建共建): the kinds of the "1" (the hub, by default the community general branch) and
 * the partner categories of the "2" with the kinds each accepts (by default the compound branch and the
 * property-company branch).
 *
 * @since 0.1.0
 * @category policies
 */
export interface CoBuildingPolicy {
  readonly hubKinds: ReadonlyArray<string>
  readonly categories: ReadonlyArray<{ readonly id: string; readonly kinds: ReadonlyArray<string> }>
}

/**
 * Default "1+2" (seed, Lianjiang: 推行社区党总支与小区党支部、物业党支部"1+2"党建共建模式): the community general branch
 * (社区党总支) co-builds with the compound branch (小区党支部) and the property-company branch (物业党支部).
 *
 * @since 0.1.0
 * @category policies
 */
export const defaultCoBuildingPolicy: CoBuildingPolicy = {
  hubKinds: ["community-general-branch"],
  categories: [
    { id: "compound", kinds: ["compound-branch"] },
    { id: "property", kinds: ["property-branch"] }
  ]
}

/**
 * The "1+2" co-building report.
 *
 * @since 0.1.0
 * @category models
 */
export interface CoBuildingReport {
  /** Per hub (社区党总支), the partner categories it has no co-building with. */
  readonly missing: ReadonlyArray<{ readonly hub: OrgUnitId; readonly categories: ReadonlyArray<string> }>
  /** Partner units (compound and property branches) co-building with no hub. */
  readonly unpartnered: ReadonlyArray<OrgUnitId>
  /** Partner units co-building with a hub other than the one above them in the tree, each with that hub. */
  readonly outsideTree: ReadonlyArray<{ readonly unit: OrgUnitId; readonly hub: OrgUnitId }>
  readonly findings: ReadonlyArray<Finding.Finding>
}

/**
 * "1+2" co-building (党建共建) on a date. For each hub unit (by default each community general branch) the partner
 * categories it has no active `co-building` partnership with (`org/co-building-incomplete`); each partner unit
 * (compound or property branch) with no active co-building with any hub (`org/co-building-missing`); and each partner
 * whose tree has a hub above it (its nearest ancestor of a hub kind) but which co-builds only with other hubs
 * (`org/co-building-outside-tree`). Co-building edges count in either direction; other partnership types do not
 * count. Pure and total. Source: seed (Lianjiang "1+2" 党建共建模式); MODEL.md §1.
 *
 * @param units - the units (hubs, partners and the tree between them)
 * @param partnerships - partnerships of any type; only active `co-building` ones are read
 * @param on - the date
 * @param policy - the hub kinds and partner categories (default {@link defaultCoBuildingPolicy})
 * @returns the report; its findings are warnings with paths `["units", id]`
 * @since 0.1.0
 * @category rules
 */
export const coBuildingCoverage = (
  units: ReadonlyArray<OrgUnit.OrgUnit>,
  partnerships: ReadonlyArray<Partnership>,
  on: LocalDate.LocalDate,
  policy: CoBuildingPolicy = defaultCoBuildingPolicy
): CoBuildingReport => {
  const byId = new Map(units.map((u) => [u.id, u] as const))
  const isHub = (u: OrgUnit.OrgUnit | undefined) => u !== undefined && policy.hubKinds.includes(u.kind)
  const categoryOf = (kind: string) => policy.categories.find((c) => c.kinds.includes(kind))?.id
  const hubCategories = new Map<string, Set<string>>()
  const partnerHubs = new Map<string, Set<OrgUnitId>>()
  for (const p of partnerships) {
    if (p.type !== "co-building" || !isActive(p, on)) continue
    for (const [hub, partner] of [
      [p.from, p.to],
      [p.to, p.from]
    ] as const) {
      const h = byId.get(hub)
      const t = byId.get(partner)
      if (!isHub(h) || t === undefined || isHub(t)) continue
      const c = categoryOf(t.kind)
      if (c === undefined) continue
      hubCategories.set(hub, (hubCategories.get(hub) ?? new Set()).add(c))
      partnerHubs.set(partner, (partnerHubs.get(partner) ?? new Set()).add(hub))
    }
  }
  const hubAbove = (u: OrgUnit.OrgUnit): OrgUnitId | undefined => {
    const seen = new Set<string>([u.id])
    let at = u.parent === undefined ? undefined : byId.get(u.parent)
    while (at !== undefined && !seen.has(at.id)) {
      if (isHub(at)) return at.id
      seen.add(at.id)
      at = at.parent === undefined ? undefined : byId.get(at.parent)
    }
    return undefined
  }
  const findings: Array<Finding.Finding> = []
  const missing = units
    .filter((u) => isHub(u))
    .map((u) => ({
      hub: u.id,
      categories: policy.categories.map((c) => c.id).filter((c) => !(hubCategories.get(u.id)?.has(c) ?? false))
    }))
    .filter((m) => m.categories.length > 0)
  for (const m of missing) {
    findings.push(
      Finding.warning(
        "org/co-building-incomplete",
        ["units", m.hub],
        `${byId.get(m.hub)?.name ?? m.hub} has no "1+2" co-building with: ${m.categories.join(", ")}`
      )
    )
  }
  const unpartnered: Array<OrgUnitId> = []
  const outsideTree: Array<{ unit: OrgUnitId; hub: OrgUnitId }> = []
  for (const u of units) {
    if (isHub(u) || categoryOf(u.kind) === undefined) continue
    const hubs = partnerHubs.get(u.id)
    if (hubs === undefined) {
      unpartnered.push(u.id)
      findings.push(
        Finding.warning(
          "org/co-building-missing",
          ["units", u.id],
          `${u.name} (${u.id}) has no "1+2" co-building with a ${policy.hubKinds.join(" or ")}`
        )
      )
      continue
    }
    const above = hubAbove(u)
    if (above !== undefined && !hubs.has(above)) {
      outsideTree.push({ unit: u.id, hub: above })
      findings.push(
        Finding.warning(
          "org/co-building-outside-tree",
          ["units", u.id],
          `${u.name} (${u.id}) co-builds with ${[...hubs].join(", ")}, not with ${byId.get(above)?.name ?? above} above it`
        )
      )
    }
  }
  return { missing, unpartnered, outsideTree, findings }
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
