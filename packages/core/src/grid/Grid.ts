/**
 * Grids (网格): the large / small / micro grid tree of a community, drawn by building, with the coverage rule, the
 * leader-assignment policy and roll-ups of per-grid figures.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Division from "../kernel/Division.js"
import * as Finding from "../kernel/Finding.js"
import * as Geo from "../kernel/Geo.js"
import * as GridCode from "../kernel/GridCode.js"
import { BuildingId, GridId, OrgUnitId, PostId, TenantId } from "../kernel/Ids.js"
import type * as LocalDate from "../kernel/LocalDate.js"
import type * as Scope from "../kernel/Scope.js"
import * as Membership from "../org/Membership.js"
import type * as OrgUnit from "../org/OrgUnit.js"
import * as Post from "../org/Post.js"
import * as Plugin from "../plugin/Plugin.js"

const CommunityCode = Division.DivisionCode.pipe(
  Schema.filter((code) => Division.villageKind(code) === "residents-committee", {
    message: () => "a grid's community is a 12-digit residents' committee code (village-level part 001–199)"
  })
)

/**
 * Grid level: 大网格 large, 小网格 small, 微网格 micro.
 *
 * @since 0.1.0
 * @category models
 */
export const Level = Schema.Literal("large", "small", "micro")
/**
 * @since 0.1.0
 * @category models
 */
export type Level = typeof Level.Type

/**
 * A grid: its level and code, the community it belongs to (12-digit division code), its parent grid, the buildings
 * it covers (micro grids), the post of its leader (网格长) and, when drawn, its boundary on the map (`Geo.Boundary`).
 *
 * @since 0.1.0
 * @category models
 */
export class Grid extends Schema.Class<Grid>("@zhili/Grid")({
  id: GridId,
  tenant: TenantId,
  level: Level,
  name: Schema.NonEmptyTrimmedString,
  code: Schema.Union(GridCode.UnitGridCode, GridCode.CommunityGridCode),
  community: CommunityCode,
  parent: Schema.optional(GridId),
  buildings: Schema.optionalWith(Schema.Array(BuildingId), { default: () => [] }),
  leaderPost: Schema.optional(PostId),
  /** The party organisation built on this grid's compound (支部建在小区上), e.g. the compound branch of a large grid. */
  partyUnit: Schema.optional(OrgUnitId),
  boundary: Schema.optional(Geo.Boundary)
}) {}

const parentLevel: Record<Level, Level | undefined> = { large: undefined, small: "large", micro: "small" }
const childLevel: Record<Level, Level | undefined> = { large: "small", small: "micro", micro: undefined }

/**
 * Grid coverage (网格全覆盖): every building in exactly one micro grid, every micro grid in one small grid, every
 * small grid in one large grid, every grid in one community, codes unique and inside their community; overlaps and
 * gaps at every level listed. Source: seed ("覆盖小区全域的'大、小、微'三级网格体系"), MODEL.md §2, and the unit-grid
 * rule that every grid belongs to one community (STANDARDS.md, DB6101/T 3185-2024).
 *
 * Error codes: `grid/uncovered-building` and `grid/overlapping-grids` (building level), `grid/unknown-building`,
 * `grid/building-community`, `grid/buildings-above-micro`, `grid/duplicate-grid`, `grid/duplicate-code`,
 * `grid/code-outside-community`, `grid/community-mismatch`, `grid/unknown-parent`, `grid/misplaced`. Warning:
 * `grid/empty` (a grid with nothing below it).
 *
 * @param input.community - when given, every grid must belong to this community
 * @since 0.1.0
 * @category rules
 */
export const coverage = (input: {
  readonly grids: ReadonlyArray<Grid>
  readonly buildings: ReadonlyArray<{ readonly id: BuildingId; readonly community: string }>
  readonly community?: string
}): ReadonlyArray<Finding.Finding> => {
  const findings: Array<Finding.Finding> = []
  const byId = new Map<string, Grid>()
  for (const g of input.grids) {
    if (byId.has(g.id))
      findings.push(Finding.error("grid/duplicate-grid", ["grids", g.id], `grid ${g.id} is listed more than once`))
    else byId.set(g.id, g)
  }
  const grids = [...byId.values()]
  const codes = new Map<string, string>()
  const children = new Map<string, Array<Grid>>()
  for (const g of grids) {
    const path = ["grids", g.id]
    const other = codes.get(g.code)
    if (other !== undefined)
      findings.push(
        Finding.error(
          "grid/duplicate-code",
          [...path, "code"],
          `grid ${g.id} has code ${g.code}, already used by ${other}`
        )
      )
    else codes.set(g.code, g.id)
    // `validateIn` reports a community mismatch only when the community embedded in the code differs
    const embedded = g.code.length === 15 ? g.code.slice(0, 12) : g.code.slice(6, 18)
    if (embedded !== g.community)
      findings.push(
        ...Finding.prefix(
          GridCode.validateIn(g.code, g.community).filter((f) => f.code === "grid-code/community-mismatch"),
          path
        ).map((f) => Finding.error("grid/code-outside-community", [...path, "code"], `grid ${g.id}: ${f.message}`))
      )
    if (input.community !== undefined && g.community !== input.community) {
      findings.push(
        Finding.error(
          "grid/community-mismatch",
          [...path, "community"],
          `grid ${g.id} belongs to ${g.community}, not to community ${input.community}`
        )
      )
    }
    if (g.level !== "micro" && g.buildings.length > 0) {
      findings.push(
        Finding.error(
          "grid/buildings-above-micro",
          [...path, "buildings"],
          `${g.level} grid ${g.id} lists buildings; only micro grids cover buildings`
        )
      )
    }
    const expected = parentLevel[g.level]
    if (g.parent === undefined) {
      if (expected !== undefined)
        findings.push(
          Finding.error("grid/misplaced", [...path, "parent"], `${g.level} grid ${g.id} is in no ${expected} grid`)
        )
      continue
    }
    const parent = byId.get(g.parent)
    if (parent === undefined) {
      findings.push(
        Finding.error(
          "grid/unknown-parent",
          [...path, "parent"],
          `grid ${g.id} names parent ${g.parent}, which is not among the grids`
        )
      )
      continue
    }
    const siblings = children.get(parent.id)
    if (siblings === undefined) children.set(parent.id, [g])
    else siblings.push(g)
    if (parent.level !== expected) {
      findings.push(
        Finding.error(
          "grid/misplaced",
          [...path, "parent"],
          expected === undefined
            ? `large grid ${g.id} may not sit under ${parent.id}`
            : `${g.level} grid ${g.id} sits under ${parent.level} grid ${parent.id}, not a ${expected} grid`
        )
      )
    } else if (parent.community !== g.community) {
      findings.push(
        Finding.error(
          "grid/community-mismatch",
          [...path, "community"],
          `grid ${g.id} belongs to ${g.community} but its parent ${parent.id} to ${parent.community}`
        )
      )
    }
  }
  const buildings = new Map(input.buildings.map((b) => [b.id, b] as const))
  const claims = new Map<string, Array<string>>()
  for (const g of grids) {
    if (g.level !== "micro") continue
    g.buildings.forEach((b, i) => {
      const building = buildings.get(b)
      if (building === undefined) {
        findings.push(
          Finding.error(
            "grid/unknown-building",
            ["grids", g.id, "buildings", i],
            `micro grid ${g.id} claims building ${b}, which is not in the registry`
          )
        )
        return
      }
      if (building.community !== g.community) {
        findings.push(
          Finding.error(
            "grid/building-community",
            ["grids", g.id, "buildings", i],
            `building ${b} is in community ${building.community}, micro grid ${g.id} in ${g.community}`
          )
        )
      }
      const by = claims.get(b)
      if (by === undefined) claims.set(b, [g.id])
      else if (!by.includes(g.id)) by.push(g.id)
    })
  }
  for (const b of input.buildings) {
    const by = claims.get(b.id) ?? []
    if (by.length === 0)
      findings.push(
        Finding.error("grid/uncovered-building", ["buildings", b.id], `building ${b.id} is in no micro grid`)
      )
    else if (by.length > 1)
      findings.push(
        Finding.error(
          "grid/overlapping-grids",
          ["buildings", b.id],
          `building ${b.id} is in several micro grids: ${by.join(", ")}`
        )
      )
  }
  for (const g of grids) {
    const below = childLevel[g.level]
    const empty = below === undefined ? g.buildings.length === 0 : (children.get(g.id) ?? []).length === 0
    if (empty)
      findings.push(
        Finding.warning(
          "grid/empty",
          ["grids", g.id],
          below === undefined ? `micro grid ${g.id} covers no building` : `${g.level} grid ${g.id} has no ${below} grid`
        )
      )
  }
  return findings
}

/**
 * The ids from the large grid down to `grid` (the grid last); stops at an unknown parent or a cycle.
 *
 * @since 0.1.0
 * @category getters
 */
export const pathOf = (grid: GridId, grids: ReadonlyArray<Grid> | ReadonlyMap<string, Grid>): ReadonlyArray<GridId> => {
  const byId =
    grids instanceof Map
      ? (grids as ReadonlyMap<string, Grid>)
      : new Map((grids as ReadonlyArray<Grid>).map((g) => [g.id, g] as const))
  const path: Array<GridId> = []
  let at = byId.get(grid)
  if (at === undefined) return [grid]
  while (at !== undefined && !path.includes(at.id)) {
    path.unshift(at.id)
    at = at.parent === undefined ? undefined : byId.get(at.parent)
  }
  return path
}

/**
 * Where a grid sits: its community and its path in the grid tree.
 *
 * @since 0.1.0
 * @category getters
 */
export const location = (grid: Grid, grids: ReadonlyArray<Grid> | ReadonlyMap<string, Grid>): Scope.Location => ({
  division: grid.community,
  grid: pathOf(grid.id, grids)
})

/**
 * Maps each building to the micro grid that covers it (the first one listed, when several do).
 *
 * @since 0.1.0
 * @category getters
 */
export const microGridByBuilding = (grids: ReadonlyArray<Grid>): ReadonlyMap<BuildingId, GridId> => {
  const out = new Map<BuildingId, GridId>()
  for (const g of grids) if (g.level === "micro") for (const b of g.buildings) if (!out.has(b)) out.set(b, g.id)
  return out
}

/**
 * Sums per-grid figures up the tree: each grid gets its own figures plus those of every grid below it, and each
 * community the sum of its top-level grids. Figures given for a grid are counted once however deep it sits.
 *
 * @param values - figures per grid (usually per micro grid)
 * @param keys - the figures to sum
 * @since 0.1.0
 * @category roll-ups
 */
export const rollup = <K extends string>(
  grids: ReadonlyArray<Grid>,
  values: ReadonlyMap<string, Readonly<Record<K, number>>>,
  keys: ReadonlyArray<K>
): {
  readonly grids: ReadonlyMap<GridId, Record<K, number>>
  readonly communities: ReadonlyMap<string, Record<K, number>>
} => {
  const zero = (): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>
  const byId = new Map(grids.map((g) => [g.id, g] as const))
  const out = new Map<GridId, Record<K, number>>(grids.map((g) => [g.id, zero()] as const))
  const communities = new Map<string, Record<K, number>>()
  for (const [id, v] of values) {
    const grid = byId.get(id as GridId)
    if (grid === undefined) continue
    for (const at of pathOf(grid.id, byId)) {
      const acc = out.get(at) ?? zero()
      for (const k of keys) acc[k] += v[k]
      out.set(at, acc)
    }
    const c = communities.get(grid.community) ?? zero()
    for (const k of keys) c[k] += v[k]
    communities.set(grid.community, c)
  }
  return { grids: out, communities }
}

/**
 * What the leader of a grid level must be: a holder of a role in a unit of a kind (`UnitRole`), or the holder of a
 * post of a kind (`Post`) attached to no grid, to the led grid or to a grid below it.
 *
 * @since 0.1.0
 * @category policies
 */
export type LeaderRequirement =
  | { readonly _tag: "UnitRole"; readonly unitKind: string; readonly roles: ReadonlyArray<Membership.Role> }
  | { readonly _tag: "Post"; readonly postKind: string }

/**
 * The leader-assignment policy: one requirement per level, each with its source.
 *
 * @since 0.1.0
 * @category policies
 */
export type LeaderPolicy = Readonly<Record<Level, { readonly requirement: LeaderRequirement; readonly source: string }>>

/**
 * Default from the seed (由小区党支部书记担任大网格长，10名物业管家担任小网格长，50名党员楼栋骨干担任微网格长): large grid —
 * the compound branch secretary; small grid — a property steward; micro grid — a building backbone.
 *
 * @since 0.1.0
 * @category policies
 */
export const defaultLeaderPolicy: LeaderPolicy = {
  large: {
    requirement: { _tag: "UnitRole", unitKind: "compound-branch", roles: ["secretary"] },
    source: "seed (小区党支部书记担任大网格长)"
  },
  small: { requirement: { _tag: "Post", postKind: "property-steward" }, source: "seed (物业管家担任小网格长)" },
  micro: { requirement: { _tag: "Post", postKind: "building-backbone" }, source: "seed (党员楼栋骨干担任微网格长)" }
}

/**
 * Leader assignment on a date: every grid has a leader post, it is filled, and its holder meets the level's
 * requirement. A `UnitRole` requirement is checked against the grid's own `partyUnit` when the grid names one (the
 * large grid is led by the secretary of *its* compound's branch, not of another compound's); without one, any unit of
 * the kind qualifies. Source: seed (see {@link defaultLeaderPolicy}); MODEL.md §2.
 *
 * Codes: `grid/no-leader-post`, `grid/leader-vacant` (errors), `grid/leader-unqualified` (error).
 *
 * @since 0.1.0
 * @category rules
 */
export const leaderAssignment = (
  input: {
    readonly grids: ReadonlyArray<Grid>
    readonly posts: ReadonlyArray<Post.Post>
    readonly holdings: ReadonlyArray<Post.Holding>
    readonly memberships: ReadonlyArray<Membership.Membership>
    readonly units: ReadonlyArray<OrgUnit.OrgUnit>
  },
  on: LocalDate.LocalDate,
  policy: LeaderPolicy = defaultLeaderPolicy
): ReadonlyArray<Finding.Finding> => {
  const posts = new Map(input.posts.map((p) => [p.id, p] as const))
  const units = new Map(input.units.map((u) => [u.id, u] as const))
  const byId = new Map(input.grids.map((g) => [g.id, g] as const))
  const activeHoldings = input.holdings.filter((h) => Post.isActive(h, on))
  const postsOf = new Map<string, Array<Post.Post>>()
  for (const h of activeHoldings) {
    const p = posts.get(h.post)
    if (p !== undefined) postsOf.set(h.person, [...(postsOf.get(h.person) ?? []), p])
  }
  const findings: Array<Finding.Finding> = []
  for (const g of input.grids) {
    const path = ["grids", g.id, "leaderPost"]
    const post = g.leaderPost === undefined ? undefined : posts.get(g.leaderPost)
    if (post === undefined) {
      findings.push(Finding.error("grid/no-leader-post", path, `${g.level} grid ${g.id} has no leader post`))
      continue
    }
    const holder = Post.holderOn(post.id, activeHoldings, on)
    if (holder === undefined) {
      findings.push(
        Finding.error("grid/leader-vacant", path, `the leader post of ${g.level} grid ${g.id} is vacant on ${on}`)
      )
      continue
    }
    const { requirement, source } = policy[g.level]
    const ok =
      requirement._tag === "UnitRole"
        ? input.memberships.some(
            (m) =>
              m.person === holder.person &&
              Membership.isActive(m, on) &&
              requirement.roles.includes(m.role) &&
              units.get(m.unit)?.kind === requirement.unitKind &&
              (g.partyUnit === undefined || m.unit === g.partyUnit)
          )
        : (postsOf.get(holder.person) ?? []).some(
            (p) => p.kind === requirement.postKind && (p.grid === undefined || pathOf(p.grid, byId).includes(g.id))
          )
    if (!ok) {
      const need =
        requirement._tag === "UnitRole"
          ? `a ${requirement.roles.join("/")} of ${g.partyUnit === undefined ? `a ${requirement.unitKind}` : `${requirement.unitKind} ${g.partyUnit}`}`
          : `the holder of a ${requirement.postKind} post in this grid`
      findings.push(
        Finding.error(
          "grid/leader-unqualified",
          path,
          `${holder.person} leads ${g.level} grid ${g.id} but is not ${need} (${source})`
        )
      )
    }
  }
  return findings
}

/**
 * A leader requirement as data (the schema of {@link LeaderRequirement}).
 *
 * @since 0.1.0
 * @category schemas
 */
export const LeaderRequirementSchema = Schema.Union(
  Schema.TaggedStruct("UnitRole", { unitKind: Schema.NonEmptyString, roles: Schema.NonEmptyArray(Membership.Role) }),
  Schema.TaggedStruct("Post", { postKind: Schema.NonEmptyString })
)

const LevelRule = Schema.Struct({ requirement: LeaderRequirementSchema, source: Schema.String })

/**
 * A named grid leader policy (网格长配备规则) as plugins contribute it: an id (`core` owns `default`, plugins use
 * `<plugin-id>/…`) and one requirement per level, each with its source.
 *
 * @since 0.1.0
 * @category plugins
 */
export class LeaderPolicyDefinition extends Schema.Class<LeaderPolicyDefinition>("@zhili/GridLeaderPolicy")({
  id: Schema.NonEmptyString,
  large: LevelRule,
  small: LevelRule,
  micro: LevelRule
}) {}

/**
 * Extension point `grid.leaderPolicies`: grid leader policies, keyed by id.
 *
 * @since 0.1.0
 * @category plugins
 */
export const leaderPoliciesPoint: Plugin.ExtensionPoint<LeaderPolicyDefinition> = Plugin.extensionPoint({
  id: "grid.leaderPolicies",
  description: "Grid leader policies (网格长配备): what the leader of each grid level must be, keyed by id.",
  schema: LeaderPolicyDefinition,
  key: (p) => p.id
})

/**
 * The policy a definition carries, as {@link leaderAssignment} takes it.
 *
 * @since 0.1.0
 * @category plugins
 */
export const leaderPolicyOf = (definition: LeaderPolicyDefinition): LeaderPolicy => ({
  large: definition.large,
  small: definition.small,
  micro: definition.micro
})

/**
 * The core default pack's contribution: {@link defaultLeaderPolicy} under the key `default`.
 *
 * @since 0.1.0
 * @category plugins
 */
export const defaultContributions: ReadonlyArray<Plugin.Contribution> = [
  Plugin.contribute(leaderPoliciesPoint, [
    LeaderPolicyDefinition.make({ id: "default", ...defaultLeaderPolicy } as ConstructorParameters<
      typeof LeaderPolicyDefinition
    >[0])
  ])
]
