/**
 * Organisation units (组织): party organisations, organs and their tree, checked against the kind registry and the
 * allowed-parent policy.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as CreditCode from "../kernel/CreditCode.js"
import * as Division from "../kernel/Division.js"
import * as Finding from "../kernel/Finding.js"
import { OrgUnitId, TenantId } from "../kernel/Ids.js"
import type * as Scope from "../kernel/Scope.js"
import * as OrgKind from "./OrgKind.js"

/**
 * An organisation unit (党组织、机关、单位): a kind from the registry, its division code, the unified social credit code
 * of the organisation behind it when it has one, and its parent in the tree.
 *
 * @since 0.1.0
 * @category models
 */
export class OrgUnit extends Schema.Class<OrgUnit>("@zhili/OrgUnit")({
  id: OrgUnitId,
  tenant: TenantId,
  kind: OrgKind.KindId,
  name: Schema.NonEmptyTrimmedString,
  division: Division.DivisionCode,
  creditCode: Schema.optional(CreditCode.CreditCode),
  parent: Schema.optional(OrgUnitId)
}) {}

/**
 * Checks a set of units as a tree: unique ids, known kinds, known parents, no cycles, and every parent/child pair
 * of kinds (and every root kind) allowed by the policy. Source: MODEL.md §1 ("the tree is acyclic and every
 * parent/child pair of kinds is allowed by a policy the host can replace"); default policy from the seed.
 *
 * @param units - the units to check (one tenant or several)
 * @param registry - the kinds the host knows (default {@link OrgKind.defaultRegistry})
 * @param policy - allowed parents and roots (default {@link OrgKind.defaultParentPolicy})
 * @returns findings with paths `["units", id, ...]`; none when the tree is valid
 * @since 0.1.0
 * @category rules
 */
export const validateHierarchy = (
  units: ReadonlyArray<OrgUnit>,
  registry: OrgKind.Registry = OrgKind.defaultRegistry,
  policy: OrgKind.ParentPolicy = OrgKind.defaultParentPolicy
): ReadonlyArray<Finding.Finding> => {
  const findings: Array<Finding.Finding> = []
  const byId = new Map<string, OrgUnit>()
  for (const u of units) {
    if (byId.has(u.id)) {
      findings.push(Finding.error("org/duplicate-unit", ["units", u.id], `unit ${u.id} is listed more than once`))
    } else byId.set(u.id, u)
  }
  for (const u of byId.values()) {
    const path = ["units", u.id]
    if (OrgKind.lookup(registry, u.kind) === undefined) {
      findings.push(
        Finding.error(
          "org/unknown-kind",
          [...path, "kind"],
          `unit ${u.id} has kind "${u.kind}", which the registry does not define`
        )
      )
      continue
    }
    if (u.parent === undefined) {
      if (!OrgKind.isAllowed(policy, undefined, u.kind)) {
        findings.push(
          Finding.error(
            "org/root-not-allowed",
            [...path, "parent"],
            `unit ${u.id} (${u.kind}) has no parent, but the policy does not allow a ${u.kind} at the top`
          )
        )
      }
      continue
    }
    const parent = byId.get(u.parent)
    if (parent === undefined) {
      findings.push(
        Finding.error(
          "org/unknown-parent",
          [...path, "parent"],
          `unit ${u.id} names parent ${u.parent}, which is not among the units`
        )
      )
    } else if (parent.id === u.id) {
      // reported as a cycle below
    } else if (OrgKind.lookup(registry, parent.kind) !== undefined && !OrgKind.isAllowed(policy, parent.kind, u.kind)) {
      findings.push(
        Finding.error(
          "org/parent-not-allowed",
          [...path, "parent"],
          `a ${u.kind} may not sit under a ${parent.kind} (unit ${u.id} under ${parent.id})`
        )
      )
    }
  }
  // cycles: follow parents; each cycle reported once, at its smallest id
  const reported = new Set<string>()
  for (const u of byId.values()) {
    const seen: Array<string> = []
    let at: OrgUnit | undefined = u
    while (at !== undefined && !seen.includes(at.id)) {
      seen.push(at.id)
      at = at.parent === undefined ? undefined : byId.get(at.parent)
    }
    if (at === undefined) continue
    const cycle = seen.slice(seen.indexOf(at.id))
    const key = [...cycle].sort()[0] ?? at.id
    if (cycle.includes(u.id) && !reported.has(key)) {
      reported.add(key)
      findings.push(
        Finding.error("org/cycle", ["units", key, "parent"], `units form a cycle: ${[...cycle, cycle[0]].join(" → ")}`)
      )
    }
  }
  return findings
}

/**
 * The ids from the root of the tree down to `unit` (the unit last); stops at an unknown parent or a cycle.
 *
 * @since 0.1.0
 * @category getters
 */
export const pathOf = (
  unit: OrgUnit,
  units: ReadonlyArray<OrgUnit> | ReadonlyMap<string, OrgUnit>
): ReadonlyArray<OrgUnitId> => {
  const byId =
    units instanceof Map
      ? (units as ReadonlyMap<string, OrgUnit>)
      : new Map((units as ReadonlyArray<OrgUnit>).map((u) => [u.id, u] as const))
  const path: Array<OrgUnitId> = [unit.id]
  let at = unit
  while (at.parent !== undefined && !path.includes(at.parent)) {
    const next = byId.get(at.parent)
    if (next === undefined) break
    path.unshift(next.id)
    at = next
  }
  return path
}

/**
 * Where a unit sits: its division code and its path in the org tree.
 *
 * @since 0.1.0
 * @category getters
 */
export const location = (
  unit: OrgUnit,
  units: ReadonlyArray<OrgUnit> | ReadonlyMap<string, OrgUnit>
): Scope.Location => ({
  division: unit.division,
  org: pathOf(unit, units)
})

/**
 * The units below `root` (not `root` itself), at any depth.
 *
 * @since 0.1.0
 * @category getters
 */
export const descendants = (root: OrgUnitId, units: ReadonlyArray<OrgUnit>): ReadonlyArray<OrgUnit> => {
  const children = new Map<string, Array<OrgUnit>>()
  for (const u of units) if (u.parent !== undefined) children.set(u.parent, [...(children.get(u.parent) ?? []), u])
  const out: Array<OrgUnit> = []
  const seen = new Set<string>([root])
  const stack = [...(children.get(root) ?? [])]
  while (stack.length > 0) {
    const u = stack.shift() as OrgUnit
    if (seen.has(u.id)) continue
    seen.add(u.id)
    out.push(u)
    stack.push(...(children.get(u.id) ?? []))
  }
  return out
}
