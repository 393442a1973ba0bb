/**
 * fast-check generators of valid organisations and grids, for property tests of the org and grid rules: every
 * generated org tree passes `OrgUnit.validateHierarchy` under the default policy, and every generated grid tree
 * covers its buildings exactly (`Grid.coverage` finds nothing).
 *
 * @since 0.1.0
 */
import { Building, type Division, Grid, type GridCode, type Ids, OrgUnit } from "@zhili/core"
import * as fc from "fast-check"

/**
 * A generated community: its tenant (12-digit division code), org units, grids and buildings.
 *
 * @since 0.1.0
 * @category models
 */
export interface Community {
  readonly tenant: Ids.TenantId
  readonly units: ReadonlyArray<OrgUnit.OrgUnit>
  readonly grids: ReadonlyArray<Grid.Grid>
  readonly buildings: ReadonlyArray<Building.Building>
}

/**
 * Sizes of the generated trees.
 *
 * @since 0.1.0
 * @category models
 */
export interface Sizes {
  /** Large grids per community (default 1–2). */
  readonly large?: { readonly min: number; readonly max: number }
  /** Small grids per large grid (default 1–4). */
  readonly small?: { readonly min: number; readonly max: number }
  /** Micro grids per small grid (default 1–4). */
  readonly micro?: { readonly min: number; readonly max: number }
  /** Buildings per micro grid (default 1–4). */
  readonly buildings?: { readonly min: number; readonly max: number }
}

const pad = (n: number, w: number) => String(n).padStart(w, "0")
const span = (r: { readonly min: number; readonly max: number } | undefined, min: number, max: number) => ({
  minLength: r?.min ?? min,
  maxLength: r?.max ?? max
})

/**
 * A valid grid tree of one community with its buildings: every building in exactly one micro grid, every micro grid
 * in a small grid, every small grid in a large grid, codes unique and inside the community.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const grids = (sizes: Sizes = {}): fc.Arbitrary<Omit<Community, "units">> =>
  fc
    .record({
      community: fc.integer({ min: 1, max: 199 }),
      shape: fc.array(
        fc.array(
          fc.array(
            fc.integer({ min: sizes.buildings?.min ?? 1, max: sizes.buildings?.max ?? 4 }),
            span(sizes.micro, 1, 4)
          ),
          span(sizes.small, 1, 4)
        ),
        span(sizes.large, 1, 2)
      )
    })
    .map(({ community, shape }) => {
      const tenant = `440881002${pad(community, 3)}` as Ids.TenantId
      const gs: Array<Grid.Grid> = []
      const bs: Array<Building.Building> = []
      let seq = 0
      const grid = (
        level: Grid.Level,
        parent: Ids.GridId | undefined,
        buildings: ReadonlyArray<Ids.BuildingId> = []
      ) => {
        seq++
        const id = `g${seq}` as Ids.GridId
        gs.push(
          new Grid.Grid({
            id,
            tenant,
            level,
            name: `${level} ${seq}`,
            code: `${tenant}${pad(seq, 3)}` as GridCode.UnitGridCode,
            community: tenant as string as Division.DivisionCode,
            buildings,
            ...(parent === undefined ? {} : { parent })
          })
        )
        return id
      }
      for (const smalls of shape) {
        const large = grid("large", undefined)
        for (const micros of smalls) {
          const small = grid("small", large)
          for (const count of micros) {
            const ids = Array.from({ length: count }, () => {
              const b = new Building.Building({
                id: `b${bs.length + 1}` as Ids.BuildingId,
                tenant,
                community: tenant as string as Division.DivisionCode,
                name: `${bs.length + 1}栋`
              })
              bs.push(b)
              return b.id
            })
            grid("micro", small, ids)
          }
        }
      }
      return { tenant, grids: gs, buildings: bs }
    })

/**
 * A valid org tree under the default kind registry and parent policy: a street working committee over 1–3 community
 * general branches, each over 1–3 compound branches, each optionally over a property branch, with 0–3 grid party
 * groups under the property branch (or the compound branch without one); plus 0–4 roots of the "1+4" kinds.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const orgUnits = (
  tenant: Ids.TenantId = "440881002001" as Ids.TenantId
): fc.Arbitrary<ReadonlyArray<OrgUnit.OrgUnit>> =>
  fc
    .record({
      communities: fc.array(
        fc.array(fc.record({ property: fc.boolean(), groups: fc.integer({ min: 0, max: 3 }) }), {
          minLength: 1,
          maxLength: 3
        }),
        {
          minLength: 1,
          maxLength: 3
        }
      ),
      roots: fc.array(
        fc.constantFrom("county-organ-branch", "village-branch", "two-new-branch", "floating-member-branch"),
        { maxLength: 4 }
      )
    })
    .map(({ communities, roots }) => {
      const units: Array<OrgUnit.OrgUnit> = []
      const unit = (kind: string, parent?: Ids.OrgUnitId) => {
        const id = `u${units.length + 1}` as Ids.OrgUnitId
        units.push(
          new OrgUnit.OrgUnit({
            id,
            tenant,
            kind,
            name: `${kind} ${units.length + 1}`,
            division: tenant as string as Division.DivisionCode,
            ...(parent === undefined ? {} : { parent })
          })
        )
        return id
      }
      const street = unit("street-working-committee")
      for (const compounds of communities) {
        const community = unit("community-general-branch", street)
        for (const c of compounds) {
          const compound = unit("compound-branch", community)
          const above = c.property ? unit("property-branch", compound) : compound
          for (let i = 0; i < c.groups; i++) unit("grid-party-group", above)
        }
      }
      for (const kind of roots) unit(kind)
      return units
    })

/**
 * A valid community: an org tree and a grid tree with its buildings.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const community = (sizes: Sizes = {}): fc.Arbitrary<Community> =>
  grids(sizes).chain((g) => orgUnits(g.tenant).map((units) => ({ ...g, units })))
