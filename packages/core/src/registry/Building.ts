/**
 * Buildings (楼栋): the unit grids are drawn by.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Grid from "../grid/Grid.js"
import * as Division from "../kernel/Division.js"
import { BuildingId, TenantId } from "../kernel/Ids.js"
import type * as Scope from "../kernel/Scope.js"

/**
 * A building of a community, optionally in a named compound (小区).
 *
 * @since 0.1.0
 * @category models
 */
export class Building extends Schema.Class<Building>("@zhili/Building")({
  id: BuildingId,
  tenant: TenantId,
  community: Division.DivisionCode,
  name: Schema.NonEmptyTrimmedString,
  compound: Schema.optional(Schema.NonEmptyTrimmedString)
}) {}

/**
 * Where a building sits: its community and the path of the micro grid that covers it (no grid path when none does).
 *
 * @since 0.1.0
 * @category getters
 */
export const location = (building: Building, grids: ReadonlyArray<Grid.Grid>): Scope.Location => {
  const micro = Grid.microGridByBuilding(grids).get(building.id)
  return micro === undefined
    ? { division: building.community }
    : { division: building.community, grid: Grid.pathOf(micro, grids) }
}
