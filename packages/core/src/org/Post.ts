/**
 * Posts (岗位) — duties that exist even when vacant — and who holds them (任职), with the post coverage rule.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Finding from "../kernel/Finding.js"
import { GridId, MembershipId, OrgUnitId, PersonId, PostId, TenantId } from "../kernel/Ids.js"
import * as LocalDate from "../kernel/LocalDate.js"
import type * as Scope from "../kernel/Scope.js"
import * as Plugin from "../plugin/Plugin.js"
import { pathIn } from "./internal/tree.js"
import * as OrgUnit from "./OrgUnit.js"

/**
 * The kinds of post the seed names, as data a host may extend: 网格长 grid leader, 党员楼栋骨干 building backbone,
 * 物业管家 property steward, 调解员 mediator, 法官志愿者 judge volunteer, 社工 social worker, 志愿服务队队长 volunteer
 * team lead, 志愿者 volunteer. Hosts may use any other kind id of the same shape.
 *
 * @since 0.1.0
 * @category models
 */
export const knownKinds: Readonly<Record<string, { readonly nameZh: string; readonly nameEn: string }>> = {
  "grid-leader": { nameZh: "网格长", nameEn: "grid leader" },
  "building-backbone": { nameZh: "党员楼栋骨干", nameEn: "party-member building backbone" },
  "property-steward": { nameZh: "物业管家", nameEn: "property steward" },
  mediator: { nameZh: "调解员", nameEn: "mediator" },
  "judge-volunteer": { nameZh: "法官志愿者", nameEn: "judge volunteer" },
  "social-worker": { nameZh: "社工", nameEn: "social worker" },
  "volunteer-team-lead": { nameZh: "志愿服务队队长", nameEn: "volunteer team lead" },
  volunteer: { nameZh: "志愿者", nameEn: "volunteer" }
}

/**
 * A post kind id (`grid-leader`, `my-city/night-watch`).
 *
 * @since 0.1.0
 * @category models
 */
export const PostKind = Schema.String.pipe(
  Schema.pattern(/^([a-z][a-z0-9-]*\/)?[a-z][a-z0-9-]*$/, {
    message: () => 'a post kind is lower-case words joined by "-"'
  }),
  Schema.annotations({ identifier: "PostKind" })
)

/**
 * A registered post kind (岗位类型): its id and its Chinese and English names.
 *
 * @since 0.1.0
 * @category models
 */
export class PostKindDefinition extends Schema.Class<PostKindDefinition>("@zhili/PostKindDefinition")({
  id: PostKind,
  nameZh: Schema.NonEmptyString,
  nameEn: Schema.NonEmptyString
}) {}

/**
 * A registry of post kinds, keyed by kind id.
 *
 * @since 0.1.0
 * @category models
 */
export type KindRegistry = Readonly<Record<string, PostKindDefinition>>

/**
 * The default post kinds: the kinds the seed names ({@link knownKinds}; source: the seed's 锦绣华景 and 会昌
 * passages).
 *
 * @since 0.1.0
 * @category policies
 */
export const defaultKindRegistry: KindRegistry = Object.fromEntries(
  Object.entries(knownKinds).map(([id, k]) => [id, new PostKindDefinition({ id, ...k })])
)

/**
 * Extension point `org.postKinds`: kinds of post contributed by plugins, keyed by kind id. The core default pack
 * contributes {@link defaultKindRegistry}.
 *
 * @since 0.1.0
 * @category plugins
 */
export const postKindsPoint: Plugin.ExtensionPoint<PostKindDefinition> = Plugin.extensionPoint({
  id: "org.postKinds",
  description: "Kinds of post (岗位类型), keyed by kind id.",
  schema: PostKindDefinition,
  key: (k) => k.id
})

/**
 * The default post kinds as a contribution, for the core default pack (plugin id `core`).
 *
 * @since 0.1.0
 * @category plugins
 */
export const defaultContributions: ReadonlyArray<Plugin.Contribution> = [
  Plugin.contribute(postKindsPoint, Object.values(defaultKindRegistry))
]

/**
 * The post kind registry of a composed plugin registry (the values of `org.postKinds`).
 *
 * @since 0.1.0
 * @category plugins
 */
export const kindsFromPlugins = (plugins: Plugin.Registry): KindRegistry =>
  Object.fromEntries(plugins.values(postKindsPoint).map((k) => [k.id, k]))

/**
 * A post: a duty in a unit or a grid (or both), with an optional term length in years.
 *
 * @since 0.1.0
 * @category models
 */
export class Post extends Schema.Class<Post>("@zhili/Post")(
  Schema.Struct({
    id: PostId,
    tenant: TenantId,
    kind: PostKind,
    title: Schema.optional(Schema.String),
    unit: Schema.optional(OrgUnitId),
    grid: Schema.optional(GridId),
    termYears: Schema.optional(Schema.Int.pipe(Schema.between(1, 10))),
    /** How many people may hold the post at once (default 1: a single-holder post such as a secretary). */
    holders: Schema.optional(Schema.Int.pipe(Schema.between(1, 1000)))
  }).pipe(
    Schema.filter((p) =>
      p.unit !== undefined || p.grid !== undefined
        ? undefined
        : { path: ["unit"], message: "a post belongs to a unit or a grid: give unit, grid or both" }
    )
  )
) {}

/**
 * A person holding a post from `start` to `end` (both included), elected or appointed for a term ending `termEnd`.
 *
 * @since 0.1.0
 * @category models
 */
export class Holding extends Schema.Class<Holding>("@zhili/PostHolding")({
  id: MembershipId,
  tenant: TenantId,
  post: PostId,
  person: PersonId,
  start: LocalDate.LocalDate,
  end: Schema.optional(LocalDate.LocalDate),
  termEnd: Schema.optional(LocalDate.LocalDate)
}) {}

/**
 * Where a post sits: the division and org path of its unit and, when it belongs to a grid, the grid path (the grid's
 * community is the division when the post has no unit).
 *
 * @since 0.1.0
 * @category getters
 */
export const location = (
  post: Post,
  units: ReadonlyArray<OrgUnit.OrgUnit>,
  grids: ReadonlyArray<{ readonly id: string; readonly parent?: string | undefined; readonly community: string }>
): Scope.Location => {
  const unit = post.unit === undefined ? undefined : units.find((u) => u.id === post.unit)
  const grid = post.grid === undefined ? undefined : grids.find((g) => g.id === post.grid)
  const division = unit?.division ?? grid?.community
  return {
    ...(division === undefined ? {} : { division }),
    ...(unit === undefined ? {} : { org: OrgUnit.pathOf(unit, units) }),
    ...(grid === undefined ? {} : { grid: pathIn(grid.id, new Map(grids.map((g) => [g.id, g] as const))) })
  }
}

/**
 * True when the holding is in force on the date.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isActive = (h: Holding, on: LocalDate.LocalDate): boolean =>
  h.start <= on && (h.end === undefined || on <= h.end)

/**
 * The holder of a post on a date (the most recent start when several overlap — {@link coverage} reports the
 * overlap when the post takes fewer holders), or `undefined` when vacant.
 *
 * @since 0.1.0
 * @category getters
 */
export const holderOn = (
  post: PostId,
  holdings: ReadonlyArray<Holding>,
  on: LocalDate.LocalDate
): Holding | undefined =>
  holdings.filter((h) => h.post === post && isActive(h, on)).sort((a, b) => LocalDate.compare(b.start, a.start))[0]

/**
 * Pairs of post kinds one person may not hold at the same time, each with its source. A pair of the same kind means
 * "at most one post of this kind per person".
 *
 * @since 0.1.0
 * @category policies
 */
export class CoveragePolicy extends Schema.Class<CoveragePolicy>("@zhili/PostCoveragePolicy")({
  incompatible: Schema.Array(Schema.Struct({ a: PostKind, b: PostKind, source: Schema.String }))
}) {}

/**
 * Default incompatibilities, all "default to be replaced" (STANDARDS.md names none): a mediator may not also be a
 * judge volunteer (mediation and its judicial review stay apart); a property steward (the company's side) may not
 * also be a building backbone (the residents' side).
 *
 * @since 0.1.0
 * @category policies
 */
export const defaultCoveragePolicy: CoveragePolicy = new CoveragePolicy({
  incompatible: [
    { a: "mediator", b: "judge-volunteer", source: "default to be replaced" },
    { a: "property-steward", b: "building-backbone", source: "default to be replaced" }
  ]
})

/**
 * Post coverage on a date: vacant posts, posts held by more people at once than they take (`holders`, default 1:
 * two secretaries of one branch on the same day is a finding, `post/over-held`), holders past the end of their term
 * (explicit `termEnd`, or `start` plus the post's `termYears`), and people holding incompatible posts. Source: MODEL.md §1 ("each unit's posts are
 * filled"); term lengths per STANDARDS.md (communities and villages 5 years, others 3 — set on the post).
 *
 * @returns findings with paths `["posts", id]` or `["people", id]`
 * @since 0.1.0
 * @category rules
 */
export const coverage = (
  posts: ReadonlyArray<Post>,
  holdings: ReadonlyArray<Holding>,
  on: LocalDate.LocalDate,
  policy: CoveragePolicy = defaultCoveragePolicy
): ReadonlyArray<Finding.Finding> => {
  const findings: Array<Finding.Finding> = []
  const held = new Map<string, Array<Post>>()
  for (const post of posts) {
    const h = holderOn(post.id, holdings, on)
    const path = ["posts", post.id]
    if (h === undefined) {
      findings.push(Finding.error("post/vacant", path, `post ${post.id} (${post.kind}) is vacant on ${on}`))
      continue
    }
    held.set(h.person, [...(held.get(h.person) ?? []), post])
    const active = holdings.filter((x) => x.post === post.id && isActive(x, on))
    const capacity = post.holders ?? 1
    if (active.length > capacity) {
      findings.push(
        Finding.error(
          "post/over-held",
          [...path, "holders"],
          `post ${post.id} (${post.kind}) has ${active.length} holders on ${on} (${active.map((x) => x.person).join(", ")}), at most ${capacity}`
        )
      )
    }
    const termEnd =
      h.termEnd ??
      (post.termYears === undefined ? undefined : LocalDate.addDays(LocalDate.dateOfAge(h.start, post.termYears), -1))
    if (termEnd !== undefined && termEnd < on) {
      findings.push(
        Finding.warning(
          "post/term-expired",
          [...path, "holder"],
          `${h.person} still holds post ${post.id} (${post.kind}) although the term ended on ${termEnd}`
        )
      )
    }
  }
  for (const [person, ps] of held) {
    for (const rule of policy.incompatible) {
      const as = ps.filter((p) => p.kind === rule.a)
      const bs = ps.filter((p) => p.kind === rule.b)
      const clash = rule.a === rule.b ? as.length > 1 : as.length > 0 && bs.length > 0
      if (clash) {
        const ids = (rule.a === rule.b ? as : [...as, ...bs]).map((p) => p.id).join(", ")
        findings.push(
          Finding.error(
            "post/incompatible",
            ["people", person],
            `${person} holds incompatible posts ${ids} (${rule.a} with ${rule.b}; ${rule.source})`
          )
        )
      }
    }
  }
  return findings
}
