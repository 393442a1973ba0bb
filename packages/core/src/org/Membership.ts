/**
 * Party membership in a unit (党员组织关系) and the branch composition rules of the Branch Work Regulations (2018).
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Finding from "../kernel/Finding.js"
import { MembershipId, OrgUnitId, PersonId, TenantId } from "../kernel/Ids.js"
import * as LocalDate from "../kernel/LocalDate.js"
import type * as Scope from "../kernel/Scope.js"
import * as OrgKind from "./OrgKind.js"
import * as OrgUnit from "./OrgUnit.js"

/**
 * A member's role in the unit: 书记 secretary, 副书记 deputy secretary, 委员 committee member, 党员 member.
 *
 * @since 0.1.0
 * @category models
 */
export const Role = Schema.Literal("secretary", "deputy-secretary", "committee-member", "member")
/**
 * @since 0.1.0
 * @category models
 */
export type Role = typeof Role.Type

/**
 * 正式党员 full member or 预备党员 probationary member. Only full members count towards the thresholds.
 *
 * @since 0.1.0
 * @category models
 */
export const Standing = Schema.Literal("full", "probationary")
/**
 * @since 0.1.0
 * @category models
 */
export type Standing = typeof Standing.Type

/**
 * A person's membership in a unit from `start` to `end` (both included; open-ended without `end`).
 *
 * @since 0.1.0
 * @category models
 */
export class Membership extends Schema.Class<Membership>("@zhili/Membership")({
  id: MembershipId,
  tenant: TenantId,
  person: PersonId,
  unit: OrgUnitId,
  role: Role,
  standing: Standing,
  start: LocalDate.LocalDate,
  end: Schema.optional(LocalDate.LocalDate)
}) {}

/**
 * True when the membership is in force on the date.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isActive = (
  m: { readonly start: LocalDate.LocalDate; readonly end?: LocalDate.LocalDate | undefined },
  on: LocalDate.LocalDate
): boolean => m.start <= on && (m.end === undefined || on <= m.end)

/**
 * Where a membership sits: the location of its unit (division and org path); empty when the unit is unknown.
 *
 * @since 0.1.0
 * @category getters
 */
export const location = (membership: Membership, units: ReadonlyArray<OrgUnit.OrgUnit>): Scope.Location => {
  const unit = units.find((u) => u.id === membership.unit)
  return unit === undefined ? {} : OrgUnit.location(unit, units)
}

/**
 * Thresholds of the Branch Work Regulations (trial, 2018), as data.
 *
 * @since 0.1.0
 * @category policies
 */
export class CompositionPolicy extends Schema.Class<CompositionPolicy>("@zhili/CompositionPolicy")({
  /** Full members needed to form a branch (Art. 4: 3). */
  minMembers: Schema.NonNegativeInt,
  /** A branch generally has at most this many members (Art. 4: 50). */
  maxBranchMembers: Schema.NonNegativeInt,
  /** From this many full members a branch elects a committee (7). */
  committeeFrom: Schema.NonNegativeInt,
  /** Usual committee size (3–5). */
  committeeMin: Schema.NonNegativeInt,
  committeeMax: Schema.NonNegativeInt,
  /** Committee size never exceeded (7). */
  committeeHardMax: Schema.NonNegativeInt,
  /** From this many members a general branch fits (50, one source). */
  generalBranchFrom: Schema.NonNegativeInt,
  /** From this many members a base committee fits (100, one source). */
  baseCommitteeFrom: Schema.NonNegativeInt
}) {}

/**
 * The defaults, from STANDARDS.md "Party organisation rules": ≥ 3 full members to form a branch and generally ≤ 50
 * (Art. 4, checked); ≥ 7 full members → committee of 3–5, never over 7 (checked); 50–100 → general branch, ≥ 100 →
 * base committee (one source).
 *
 * @since 0.1.0
 * @category policies
 */
export const defaultCompositionPolicy: CompositionPolicy = new CompositionPolicy({
  minMembers: 3,
  maxBranchMembers: 50,
  committeeFrom: 7,
  committeeMin: 3,
  committeeMax: 5,
  committeeHardMax: 7,
  generalBranchFrom: 50,
  baseCommitteeFrom: 100
})

/**
 * One unit's line in the composition report.
 *
 * @since 0.1.0
 * @category models
 */
export interface CompositionLine {
  readonly unit: OrgUnitId
  readonly form: "branch" | "general-branch" | "committee"
  /** Full members counted (for general branches and committees, including every unit below). */
  readonly fullMembers: number
  readonly probationaryMembers: number
  /** Secretary, deputies and committee members held directly in the unit. */
  readonly committee: number
  readonly hasSecretary: boolean
  /** The form the member count suggests. */
  readonly suggestedForm: "branch" | "general-branch" | "committee"
  readonly findings: ReadonlyArray<Finding.Finding>
}

/**
 * The compliance report of branch composition (党组织设置): for every party unit of form branch, general branch or
 * committee, its members and committee against the policy. Party groups, working committees and non-party units are
 * skipped. A unit
 * counts the active memberships it holds directly; a general branch or committee also counts those of every unit
 * below it. Source: Branch Work Regulations (trial, 2018) as summarised in STANDARDS.md.
 *
 * @param units - the org tree
 * @param memberships - memberships (only those active on `on` count)
 * @param on - the date of the report
 * @returns one line per checked unit, each with its findings (paths `["units", id]`)
 * @since 0.1.0
 * @category rules
 */
export const composition = (
  units: ReadonlyArray<OrgUnit.OrgUnit>,
  memberships: ReadonlyArray<Membership>,
  on: LocalDate.LocalDate,
  policy: CompositionPolicy = defaultCompositionPolicy,
  registry: OrgKind.Registry = OrgKind.defaultRegistry
): ReadonlyArray<CompositionLine> => {
  const active = memberships.filter((m) => isActive(m, on))
  const byUnit = new Map<string, Array<Membership>>()
  for (const m of active) byUnit.set(m.unit, [...(byUnit.get(m.unit) ?? []), m])
  const lines: Array<CompositionLine> = []
  for (const unit of units) {
    const form = OrgKind.lookup(registry, unit.kind)?.form
    if (form !== "branch" && form !== "general-branch" && form !== "committee") continue
    const direct = byUnit.get(unit.id) ?? []
    const counted =
      form === "branch"
        ? direct
        : [...direct, ...OrgUnit.descendants(unit.id, units).flatMap((d) => byUnit.get(d.id) ?? [])]
    const people = (standing: Standing) => new Set(counted.filter((m) => m.standing === standing).map((m) => m.person))
    const full = people("full")
    const probationary = [...people("probationary")].filter((p) => !full.has(p)).length
    const committee = new Set(direct.filter((m) => m.role !== "member").map((m) => m.person)).size
    const hasSecretary = direct.some((m) => m.role === "secretary")
    const n = full.size
    const suggestedForm =
      n >= policy.baseCommitteeFrom ? "committee" : n >= policy.generalBranchFrom ? "general-branch" : "branch"
    const path = ["units", unit.id]
    const fs: Array<Finding.Finding> = []
    if (n < policy.minMembers) {
      fs.push(
        Finding.error(
          "org/too-few-members",
          path,
          `${unit.name} has ${n} full members; a party organisation needs at least ${policy.minMembers} (Branch Work Regulations Art. 4)`
        )
      )
    }
    if (form === "branch" && n > policy.maxBranchMembers) {
      fs.push(
        Finding.warning(
          "org/branch-too-large",
          path,
          `${unit.name} has ${n} full members; a branch generally has at most ${policy.maxBranchMembers} (Art. 4) — consider a general branch or splitting it`
        )
      )
    }
    if (form !== suggestedForm && n >= policy.generalBranchFrom) {
      fs.push(
        Finding.info(
          "org/form-mismatch",
          path,
          `${unit.name} is a ${form} with ${n} full members; that size suggests a ${suggestedForm}`
        )
      )
    }
    if (!hasSecretary)
      fs.push(Finding.error("org/no-secretary", [...path, "secretary"], `${unit.name} has no secretary`))
    if (form === "branch" && n >= policy.committeeFrom && committee < policy.committeeMin) {
      fs.push(
        Finding.warning(
          "org/committee-required",
          [...path, "committee"],
          `${unit.name} has ${n} full members (≥ ${policy.committeeFrom}) and should elect a committee of ${policy.committeeMin}–${policy.committeeMax}, but has ${committee}`
        )
      )
    }
    if (committee > policy.committeeHardMax) {
      fs.push(
        Finding.error(
          "org/committee-too-large",
          [...path, "committee"],
          `${unit.name} has a committee of ${committee}; it may have at most ${policy.committeeHardMax}`
        )
      )
    } else if (n >= policy.committeeFrom && committee > policy.committeeMax) {
      fs.push(
        Finding.warning(
          "org/committee-size",
          [...path, "committee"],
          `${unit.name} has a committee of ${committee}; the usual size is ${policy.committeeMin}–${policy.committeeMax}`
        )
      )
    }
    lines.push({
      unit: unit.id,
      form,
      fullMembers: n,
      probationaryMembers: probationary,
      committee,
      hasSecretary,
      suggestedForm,
      findings: fs
    })
  }
  return lines
}
