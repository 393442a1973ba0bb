/**
 * Community spaces (阵地): party-and-masses service centres, grid stations and other rooms a community runs or
 * hands to an operator — their area, the functions they offer, who owns them and who runs them — checked against a
 * facility standard.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Ids from "../kernel/Ids.js"
import * as Placement from "../service/Placement.js"
import * as FacilityStandard from "./FacilityStandard.js"

/**
 * Who owns a space (产权归属): the community itself, a government body that allocated it, a lease, the property
 * company, a resident unit sharing it (共建共享), or another owner.
 *
 * @since 0.1.0
 * @category models
 */
export const Ownership = Schema.Literal(
  "community-owned",
  "government-allocated",
  "leased",
  "property-company",
  "shared",
  "other"
)
/**
 * @since 0.1.0
 * @category models
 */
export type Ownership = typeof Ownership.Type

/**
 * What kind of space it is: a party-and-masses service centre (党群服务中心), a compound service station (小区党群服务站),
 * a grid station (网格驿站), a convenience service complex (便民服务综合体), or another room.
 *
 * @since 0.1.0
 * @category models
 */
export const SpaceKind = Schema.Literal("service-centre", "service-station", "grid-station", "service-complex", "other")
/**
 * @since 0.1.0
 * @category models
 */
export type SpaceKind = typeof SpaceKind.Type

/**
 * A community space (阵地). `functions` lists the function codes of a facility standard the space has; `operator`
 * names the third party running it, if any (HSDS exports a space as a physical `location`).
 *
 * @since 0.1.0
 * @category models
 */
export class Space extends Schema.Class<Space>("@zhili/Space")({
  tenant: Ids.TenantId,
  id: Ids.SpaceId,
  name: Schema.NonEmptyTrimmedString,
  kind: Schema.optionalWith(SpaceKind, { default: () => "other" as const, exact: true }),
  description: Schema.optional(Schema.String),
  areaSquareMetres: Schema.Number.pipe(
    Schema.finite(),
    Schema.positive({ message: () => "the area must be more than 0 square metres" })
  ),
  functions: Schema.Array(FacilityStandard.FunctionCode),
  ownership: Ownership,
  owner: Schema.optional(Schema.String),
  operator: Schema.optional(Ids.OperatorId),
  capacity: Schema.optional(Schema.Int.pipe(Schema.positive())),
  address: Schema.optional(Schema.String),
  latitude: Schema.optional(Schema.Number.pipe(Schema.between(-90, 90))),
  longitude: Schema.optional(Schema.Number.pipe(Schema.between(-180, 180))),
  placement: Schema.optional(Placement.Location),
  version: Schema.optionalWith(Schema.NonNegativeInt, { default: () => 1, exact: true })
}) {}

/**
 * Where a space sits in the scope trees (its placement, the division defaulting to its tenant).
 *
 * @since 0.1.0
 * @category scope
 */
export const location = (self: Space): Placement.Location => Placement.resolve(self.tenant, self.placement)

/**
 * Compliance of a space with a facility standard: missing required functions, share of recommended present,
 * score; finding paths start at the space.
 *
 * @since 0.1.0
 * @category rules
 */
export const compliance = (
  self: Space,
  standard: FacilityStandard.FacilityStandard,
  policy: FacilityStandard.ScoringPolicy = FacilityStandard.defaultScoring
): FacilityStandard.Compliance => FacilityStandard.compliance(standard, self.functions, policy)

/**
 * Inventory totals over spaces (起底式排查): count, total area, spaces per ownership and how many are run by an
 * operator.
 *
 * @since 0.1.0
 * @category statistics
 */
export const inventory = (
  spaces: ReadonlyArray<Space>
): {
  readonly spaces: number
  readonly areaSquareMetres: number
  readonly byOwnership: Readonly<Partial<Record<Ownership, number>>>
  readonly operated: number
} => {
  const byOwnership: Partial<Record<Ownership, number>> = {}
  let area = 0
  let operated = 0
  for (const s of spaces) {
    byOwnership[s.ownership] = (byOwnership[s.ownership] ?? 0) + 1
    area += s.areaSquareMetres
    if (s.operator !== undefined) operated++
  }
  return { spaces: spaces.length, areaSquareMetres: Math.round(area * 100) / 100, byOwnership, operated }
}
