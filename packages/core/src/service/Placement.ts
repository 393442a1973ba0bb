/**
 * Placement (归属): where a service-side record sits in the division, organisation and grid trees, in the shape of
 * the kernel's `Scope.Location` (`{ division?, org?, grid? }`), so that scoped queries and statistics can filter
 * services, activities, spaces, operators, funds, projects and needs the same way as every other record.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import type * as Ids from "../kernel/Ids.js"

/**
 * A record's place: the statistical division code it belongs to, and the id paths from the root of the organisation
 * tree (`org`) and the grid tree (`grid`). Same shape as `Scope.Location`.
 *
 * @since 0.1.0
 * @category models
 */
export const Location = Schema.Struct({
  division: Schema.optional(
    Schema.String.pipe(
      Schema.pattern(/^(\d{6}|\d{9}|\d{12})$/, { message: () => "a division code has 6, 9 or 12 digits" })
    )
  ),
  org: Schema.optional(Schema.Array(Schema.String)),
  grid: Schema.optional(Schema.Array(Schema.String))
}).annotations({ identifier: "Placement.Location", title: "scope location" })
/**
 * @since 0.1.0
 * @category models
 */
export type Location = typeof Location.Type

/**
 * The location of a record that carries a tenant and, optionally, a more precise placement: the placement wins
 * field by field, and the division defaults to the tenant (the community that owns the record).
 *
 * @since 0.1.0
 * @category constructors
 */
export const resolve = (tenant: Ids.TenantId, placement: Location | undefined): Location => ({
  ...placement,
  division: placement?.division ?? tenant
})

/**
 * True when the `inner` path starts with the `outer` path (an org or grid subtree test).
 *
 * @since 0.1.0
 * @category predicates
 */
export const pathStartsWith = (inner: ReadonlyArray<string>, outer: ReadonlyArray<string>): boolean =>
  outer.length <= inner.length && outer.every((part, i) => inner[i] === part)

/**
 * True when `location` lies within `area`: its division code starts with the area's division code (when the area
 * names one) and its org and grid paths start with the area's paths (when the area names them). An empty area holds
 * every location. This is the test residency eligibility uses; scoped statistics take any predicate, so hosts can
 * pass `Scope.contains` instead.
 *
 * @since 0.1.0
 * @category predicates
 */
export const within = (location: Location, area: Location): boolean =>
  (area.division === undefined || (location.division ?? "").startsWith(area.division)) &&
  (area.org === undefined || pathStartsWith(location.org ?? [], area.org)) &&
  (area.grid === undefined || pathStartsWith(location.grid ?? [], area.grid))

/**
 * Describes a location in words, for reasons and reports: `division 440881002, grid g1/g1-3`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const describe = (location: Location): string => {
  const parts: Array<string> = []
  if (location.division !== undefined) parts.push(`division ${location.division}`)
  if (location.org !== undefined && location.org.length > 0) parts.push(`org ${location.org.join("/")}`)
  if (location.grid !== undefined && location.grid.length > 0) parts.push(`grid ${location.grid.join("/")}`)
  return parts.length === 0 ? "anywhere" : parts.join(", ")
}
