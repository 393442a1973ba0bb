/**
 * Residents (居民) and the "一老一小" (the elderly and the young) counts per grid and community.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Grid from "../grid/Grid.js"
import * as IdNumber from "../kernel/IdNumber.js"
import { type GridId, HouseholdId, ResidentId, TenantId } from "../kernel/Ids.js"
import * as LocalDate from "../kernel/LocalDate.js"
import * as Privacy from "../kernel/Privacy.js"
import type * as Scope from "../kernel/Scope.js"
import type * as Building from "./Building.js"
import * as Household from "./Household.js"

/**
 * Tags that put a resident in focus: 老年人 elderly, 儿童 child, 残疾人 disabled, 党员 party member, 退役军人 veteran,
 * 低收入 low-income, 独居 living alone, 留守 left behind.
 *
 * @since 0.1.0
 * @category models
 */
export const Tag = Schema.Literal(
  "elderly",
  "child",
  "disabled",
  "party-member",
  "veteran",
  "low-income",
  "living-alone",
  "left-behind"
)
/**
 * @since 0.1.0
 * @category models
 */
export type Tag = typeof Tag.Type

/**
 * Sex as registered (male / female), as in GB 11643.
 *
 * @since 0.1.0
 * @category models
 */
export const Sex = Schema.Literal("male", "female")

/**
 * A resident of a household. Name, identity number and phone are held redacted; birth date and sex are kept because
 * the age rules need them.
 *
 * @since 0.1.0
 * @category models
 */
export class Resident extends Schema.Class<Resident>("@zhili/Resident")({
  id: ResidentId,
  tenant: TenantId,
  household: HouseholdId,
  name: Privacy.SensitiveString,
  birthDate: LocalDate.LocalDate,
  sex: Sex,
  tags: Schema.optionalWith(Schema.Array(Tag), { default: () => [] }),
  idNumber: Schema.optional(IdNumber.SensitiveIdNumber),
  phone: Schema.optional(Privacy.SensitiveString)
}) {}

/**
 * Where a resident sits: the location of their household (community and micro-grid path).
 *
 * @since 0.1.0
 * @category getters
 */
export const location = (
  resident: Resident,
  households: ReadonlyMap<string, Household.Household>,
  buildings: ReadonlyMap<string, Building.Building>,
  grids: ReadonlyArray<Grid.Grid>
): Scope.Location => {
  const h = households.get(resident.household)
  return h === undefined ? {} : Household.location(h, buildings, grids)
}

/**
 * Age thresholds of "一老一小": elderly from `elderlyFromAge`, children below `childBelowAge` (completed years).
 *
 * @since 0.1.0
 * @category policies
 */
export interface AgePolicy {
  readonly elderlyFromAge: number
  readonly childBelowAge: number
}

/**
 * Default: elderly from 60 (Law on the Protection of the Rights and Interests of the Elderly, Art. 2: citizens aged
 * 60 and over), children under 14 (PIPL Art. 28; the same threshold as `Privacy.minorAgeThreshold`).
 *
 * @since 0.1.0
 * @category policies
 */
export const defaultAgePolicy: AgePolicy = { elderlyFromAge: 60, childBelowAge: Privacy.minorAgeThreshold }

/**
 * The seed's after-school class (四点半课堂, "0—12岁儿童"): elderly from 60, children aged 0–12 (below 13).
 *
 * @since 0.1.0
 * @category policies
 */
export const afterSchoolAgePolicy: AgePolicy = { elderlyFromAge: 60, childBelowAge: 13 }

/**
 * "一老一小" figures of one grid or community.
 *
 * @since 0.1.0
 * @category models
 */
export interface OldAndYoung {
  readonly residents: number
  readonly elderly: number
  readonly children: number
}

/**
 * "一老一小" counts on a date: residents, elderly and children per grid (rolled up large ← small ← micro) and per
 * community, from ages in completed years (周岁). Residents born after `on` are not counted; residents whose
 * household or building is in no grid count only in `unassigned`. Source: seed ("聚焦'一老一小'等重点人群").
 *
 * @param input.households - household id → building id
 * @since 0.1.0
 * @category rules
 */
export const oldAndYoung = (
  input: {
    readonly residents: ReadonlyArray<Resident>
    readonly households: ReadonlyArray<{ readonly id: HouseholdId; readonly building: string }>
    readonly grids: ReadonlyArray<Grid.Grid>
  },
  on: LocalDate.LocalDate,
  policy: AgePolicy = defaultAgePolicy
): {
  readonly grids: ReadonlyMap<GridId, OldAndYoung>
  readonly communities: ReadonlyMap<string, OldAndYoung>
  readonly unassigned: OldAndYoung
} => {
  const microOf = Grid.microGridByBuilding(input.grids)
  const householdGrid = new Map(input.households.map((h) => [h.id, microOf.get(h.building as never)] as const))
  const perGrid = new Map<string, { residents: number; elderly: number; children: number }>()
  const unassigned = { residents: 0, elderly: 0, children: 0 }
  for (const r of input.residents) {
    if (r.birthDate > on) continue
    const age = LocalDate.ageInYears(r.birthDate, on)
    const g = householdGrid.get(r.household)
    const acc = g === undefined ? unassigned : (perGrid.get(g) ?? { residents: 0, elderly: 0, children: 0 })
    acc.residents++
    if (age >= policy.elderlyFromAge) acc.elderly++
    if (age < policy.childBelowAge) acc.children++
    if (g !== undefined) perGrid.set(g, acc)
  }
  const rolled = Grid.rollup(input.grids, perGrid, ["residents", "elderly", "children"])
  return { grids: rolled.grids, communities: rolled.communities, unassigned }
}
