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

const redactedText = "<redacted>"

/**
 * What `String`, `JSON.stringify` and `util.inspect` of a resident show: the ids only, every personal field as
 * `<redacted>`. These have no report date, so they cannot tell a child under 14 (PIPL Art. 28) from an adult and hide
 * the personal part of everyone; use {@link view} to show what may be shown on a date.
 */
const redactedForm = (self: {
  readonly id: string
  readonly tenant: string
  readonly household: string
}): Record<string, string> => ({
  id: self.id,
  tenant: self.tenant,
  household: self.household,
  name: redactedText,
  birthDate: redactedText,
  sex: redactedText,
  tags: redactedText,
  idNumber: redactedText,
  phone: redactedText
})

/**
 * A resident of a household. Name, identity number and phone are held redacted; birth date and sex are kept because
 * the age rules need them. `String(resident)`, `JSON.stringify(resident)` and `util.inspect(resident)` show only
 * the ids (every personal field `<redacted>`), so a child's birth date never prints by accident (PIPL Art. 28);
 * {@link view} gives what may be shown on a date. The store encodes with the schema and keeps every field.
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
}) {
  /**
   * The ids and `<redacted>` for every personal field.
   *
   * @since 0.1.0
   */
  override toString(): string {
    return `Resident(${JSON.stringify(redactedForm(this))})`
  }
  /**
   * The ids and `<redacted>` for every personal field (what `JSON.stringify` prints).
   *
   * @since 0.1.0
   */
  toJSON(): unknown {
    return { _id: "Resident", ...redactedForm(this) }
  }
  /**
   * What `util.inspect` (and `console.log`) prints: the same as `toJSON`.
   *
   * @since 0.1.0
   */
  [Symbol.for("nodejs.util.inspect.custom")](): unknown {
    return this.toJSON()
  }
}

/**
 * The name an erased resident's record keeps (PIPL Art. 47, see `Erasure.eraseResident`): the name, identity
 * number and phone are gone; the household, birth date, sex and tags stay, so the counts over the registry do not
 * change.
 *
 * @since 0.1.0
 * @category constants
 */
export const erasedName = "〔已删除〕"

/**
 * What may be shown of a resident on a date (居民信息展示). A child under 14 at that date (PIPL Art. 28: all personal
 * information of minors under 14 is sensitive) is `protected`: only ids, nothing personal. An adult shows a masked
 * name and identity number (`Privacy` default masks), the birth date, sex and tags.
 *
 * @since 0.1.0
 * @category models
 */
export type ResidentView =
  | {
      readonly _tag: "Protected"
      readonly id: ResidentId
      readonly household: HouseholdId
    }
  | {
      readonly _tag: "Shown"
      readonly id: ResidentId
      readonly household: HouseholdId
      readonly name: string
      readonly birthDate: LocalDate.LocalDate
      readonly sex: "male" | "female"
      readonly tags: ReadonlyArray<Tag>
      readonly idNumber?: string
      readonly phone?: string
    }

/**
 * The view of a resident on `at` (the report date): `Protected` (ids only) for a child under `minorThreshold`
 * (default 14, `Privacy.minorAgeThreshold`, PIPL Art. 28), otherwise `Shown` with name, identity number and phone
 * masked by the `Privacy` defaults, or raw for the fields a `disclosure` names. A disclosure never reveals a
 * protected child unless it names the `minor` field.
 *
 * @since 0.1.0
 * @category getters
 */
export const view = (
  resident: Resident,
  options: {
    readonly at: LocalDate.LocalDate
    readonly disclosure?: Privacy.Disclosure | undefined
    readonly minorThreshold?: number
  }
): ResidentView => {
  const disclosure = options.disclosure
  const minorDisclosed = disclosure?.fields?.includes("minor")
  if (Privacy.isProtectedMinor(resident.birthDate, options.at, options.minorThreshold) && !minorDisclosed) {
    return { _tag: "Protected", id: resident.id, household: resident.household }
  }
  return {
    _tag: "Shown",
    id: resident.id,
    household: resident.household,
    name: Privacy.present(resident.name, "name", { disclosure }),
    birthDate: resident.birthDate,
    sex: resident.sex,
    tags: resident.tags,
    ...(resident.idNumber === undefined
      ? {}
      : { idNumber: Privacy.present(resident.idNumber, "idNumber", { disclosure }) }),
    ...(resident.phone === undefined ? {} : { phone: Privacy.present(resident.phone, "phone", { disclosure }) })
  }
}

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
