/**
 * Households (户): a dwelling in a building.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import type * as Grid from "../grid/Grid.js"
import { BuildingId, HouseholdId, TenantId } from "../kernel/Ids.js"
import type * as Scope from "../kernel/Scope.js"
import * as Building from "./Building.js"

/**
 * A household, identified by its building and room (`2-1203`).
 *
 * @since 0.1.0
 * @category models
 */
export class Household extends Schema.Class<Household>("@zhili/Household")({
  id: HouseholdId,
  tenant: TenantId,
  building: BuildingId,
  room: Schema.NonEmptyTrimmedString
}) {}

/**
 * Where a household sits: its building's location (community and micro-grid path).
 *
 * @since 0.1.0
 * @category getters
 */
export const location = (
  household: Household,
  buildings: ReadonlyMap<string, Building.Building>,
  grids: ReadonlyArray<Grid.Grid>
): Scope.Location => {
  const b = buildings.get(household.building)
  return b === undefined ? {} : Building.location(b, grids)
}
