/**
 * Kinds of organisation unit (组织类型) as data: a registry of kind definitions that plugins can extend, and the
 * replaceable policy of which kind may sit under which (上下级关系).
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Plugin from "../plugin/Plugin.js"

/**
 * A kind id: lower-case words joined by `-` (`compound-branch`), namespaced by the plugin that contributes it
 * (`my-city/school-branch`); the core kinds have no namespace.
 *
 * @since 0.1.0
 * @category models
 */
export const KindId = Schema.String.pipe(
  Schema.pattern(/^([a-z][a-z0-9-]*\/)?[a-z][a-z0-9-]*$/, {
    message: () => 'a kind id is lower-case words joined by "-", optionally prefixed by "<plugin id>/"'
  }),
  Schema.annotations({ identifier: "OrgKindId", title: "org unit kind id" })
)
/**
 * @since 0.1.0
 * @category models
 */
export type KindId = typeof KindId.Type

/**
 * The organisational form of a kind, which decides the composition rules that apply (Branch Work Regulations 2018):
 * `committee` 基层党委, `general-branch` 党总支, `branch` 党支部, `group` 党小组, `working-committee` 党工委 (an organ
 * dispatched by a higher committee, with no membership of its own), `other` (not a party organisation). Composition
 * rules apply to the first three only.
 *
 * @since 0.1.0
 * @category models
 */
export const Form = Schema.Literal("committee", "general-branch", "branch", "group", "working-committee", "other")
/**
 * @since 0.1.0
 * @category models
 */
export type Form = typeof Form.Type

/**
 * One kind of organisation unit: its id, Chinese and English names, a description and its form.
 *
 * @since 0.1.0
 * @category models
 */
export class KindDefinition extends Schema.Class<KindDefinition>("@zhili/OrgKindDefinition")({
  id: KindId,
  nameZh: Schema.NonEmptyTrimmedString,
  nameEn: Schema.NonEmptyTrimmedString,
  description: Schema.String,
  form: Form
}) {}

/**
 * A registry of kinds keyed by id. Models hold a kind id as a string; rules look it up here.
 *
 * @since 0.1.0
 * @category models
 */
export const Registry = Schema.Record({ key: KindId, value: KindDefinition }).annotations({
  identifier: "OrgKindRegistry"
})
/**
 * @since 0.1.0
 * @category models
 */
export type Registry = typeof Registry.Type

const kind = (id: string, nameZh: string, nameEn: string, form: Form, description: string) =>
  new KindDefinition({ id, nameZh, nameEn, form, description })

/**
 * The kinds named in the seed and the issue: street working committee, community general branch, compound branch,
 * property-company branch, grid party group (the Lianjiang five-level chain) and the four "1+4" pairing kinds of
 * Huichang (county organ, village, two-new and floating-member branches), the township committee (乡镇党委) over
 * Huichang's villages, plus the community committee (社区大党委).
 *
 * @since 0.1.0
 * @category registry
 */
export const defaultRegistry: Registry = Object.fromEntries(
  [
    kind(
      "street-working-committee",
      "街道党工委",
      "street party working committee",
      "working-committee",
      "The street's party working committee; leads the community organisations of its street."
    ),
    kind(
      "community-committee",
      "社区党委",
      "community party committee",
      "committee",
      "A community organisation with 100 or more members, or an enlarged committee (大党委) with resident units."
    ),
    kind(
      "community-general-branch",
      "社区党总支",
      "community general party branch",
      "general-branch",
      "The community's general branch: the first level of the five-level chain."
    ),
    kind(
      "compound-branch",
      "小区党支部",
      "residential compound party branch",
      "branch",
      "A branch built in one residential compound (支部建在小区上); its secretary leads the large grid."
    ),
    kind(
      "property-branch",
      "物业党支部",
      "property-company party branch",
      "branch",
      "The branch of the property-management company serving the compound."
    ),
    kind(
      "grid-party-group",
      "网格党小组",
      "grid party group",
      "group",
      "A party group set up per grid; its members are the building backbones of the grid."
    ),
    kind(
      "county-organ-branch",
      "机关党组织",
      "county organ party organisation",
      "branch",
      "The party organisation of a county organ, enterprise or public institution; pairs under '1+4'."
    ),
    kind(
      "township-committee",
      "乡镇党委",
      "township party committee",
      "committee",
      "The party committee of a township (乡镇); leads the village party organisations of the township."
    ),
    kind("village-branch", "村党组织", "village party organisation", "branch", "The party organisation of a village."),
    kind(
      "two-new-branch",
      "两新党组织",
      "two-new party organisation",
      "branch",
      "The party organisation of a non-public enterprise or social organisation (新经济组织、新社会组织)."
    ),
    kind(
      "floating-member-branch",
      "流动党员党组织",
      "floating-member party organisation",
      "branch",
      "A party organisation of members who live or work away from where their membership is held."
    )
  ].map((k) => [k.id, k] as const)
)

/**
 * Adds (or replaces) kinds in a registry; how a plugin contributes kinds.
 *
 * @since 0.1.0
 * @category registry
 */
export const extend = (registry: Registry, ...kinds: ReadonlyArray<KindDefinition>): Registry => ({
  ...registry,
  ...Object.fromEntries(kinds.map((k) => [k.id, k] as const))
})

/**
 * Looks a kind up; `undefined` when the registry does not know it.
 *
 * @since 0.1.0
 * @category registry
 */
export const lookup = (registry: Registry, id: string): KindDefinition | undefined =>
  Object.hasOwn(registry, id) ? registry[id] : undefined

/**
 * One allowed parent/child pair of kinds, with the source that justifies it.
 *
 * @since 0.1.0
 * @category policies
 */
export class AllowedEdge extends Schema.Class<AllowedEdge>("@zhili/OrgAllowedEdge")({
  parent: KindId,
  child: KindId,
  source: Schema.String
}) {}

/**
 * A kind that may stand at the top of a tree (its parent lies outside the library's data), with its source.
 *
 * @since 0.1.0
 * @category policies
 */
export class AllowedRoot extends Schema.Class<AllowedRoot>("@zhili/OrgAllowedRoot")({
  kind: KindId,
  source: Schema.String
}) {}

/**
 * Which kinds may sit under which (上下级关系), and which may be roots. A host replaces or extends it.
 *
 * @since 0.1.0
 * @category policies
 */
export class ParentPolicy extends Schema.Class<ParentPolicy>("@zhili/OrgParentPolicy")({
  edges: Schema.Array(AllowedEdge),
  roots: Schema.Array(AllowedRoot)
}) {}

const seedChain = "seed (Lianjiang): five-level chain 社区党总支—小区党支部—物业党支部—网格党小组—党员楼栋骨干"
const toReplace = "default to be replaced"

/**
 * The default policy. Sources:
 * - street working committee → community general branch / community committee: the seed (城南街道 over 新越社区) and
 *   the usual street–community line;
 * - community general branch → compound branch → property branch → grid party group: the seed's five-level chain;
 * - compound branch → grid party group: the seed ("成立锦绣华景小区党支部，设立网格党小组10个");
 * - community committee → compound branch: a community with a committee instead of a general branch (STANDARDS.md,
 *   ≥ 100 members);
 * - township committee → village branch: the seed (Huichang's 19 townships and their villages); the township
 *   committee a root (the county committee is outside the library's data);
 * - county organ, village branches: roots too (a village may be recorded without its township);
 * - two-new and floating-member branches: roots, or under a street working committee or a community organisation —
 *   default to be replaced (STANDARDS.md does not fix where they attach).
 *
 * @since 0.1.0
 * @category policies
 */
export const defaultParentPolicy: ParentPolicy = new ParentPolicy({
  edges: [
    new AllowedEdge({
      parent: "street-working-committee",
      child: "community-general-branch",
      source: "seed (城南街道→新越社区)"
    }),
    new AllowedEdge({
      parent: "street-working-committee",
      child: "community-committee",
      source: "seed (城南街道→新越社区)"
    }),
    new AllowedEdge({ parent: "community-general-branch", child: "compound-branch", source: seedChain }),
    new AllowedEdge({
      parent: "community-committee",
      child: "compound-branch",
      source: "STANDARDS.md (≥ 100 members → committee)"
    }),
    new AllowedEdge({ parent: "compound-branch", child: "property-branch", source: seedChain }),
    new AllowedEdge({ parent: "property-branch", child: "grid-party-group", source: seedChain }),
    new AllowedEdge({
      parent: "compound-branch",
      child: "grid-party-group",
      source: "seed (小区党支部设立网格党小组10个)"
    }),
    new AllowedEdge({
      parent: "township-committee",
      child: "village-branch",
      source: "seed (Huichang: 19 townships, their villages' party organisations)"
    }),
    new AllowedEdge({ parent: "street-working-committee", child: "two-new-branch", source: toReplace }),
    new AllowedEdge({ parent: "community-general-branch", child: "two-new-branch", source: toReplace }),
    new AllowedEdge({ parent: "community-committee", child: "two-new-branch", source: toReplace }),
    new AllowedEdge({ parent: "street-working-committee", child: "floating-member-branch", source: toReplace }),
    new AllowedEdge({ parent: "community-general-branch", child: "floating-member-branch", source: toReplace }),
    new AllowedEdge({ parent: "community-committee", child: "floating-member-branch", source: toReplace })
  ],
  roots: [
    new AllowedRoot({
      kind: "street-working-committee",
      source: "seed (the street is the top of the compound's chain)"
    }),
    new AllowedRoot({
      kind: "county-organ-branch",
      source: "seed (Huichang organs; the organ working committee is not modelled)"
    }),
    new AllowedRoot({
      kind: "township-committee",
      source: "seed (Huichang's 19 townships; the county committee is not modelled)"
    }),
    new AllowedRoot({
      kind: "village-branch",
      source: "seed (Huichang villages, when recorded without their township)"
    }),
    new AllowedRoot({ kind: "two-new-branch", source: toReplace }),
    new AllowedRoot({ kind: "floating-member-branch", source: toReplace }),
    new AllowedRoot({ kind: "community-general-branch", source: "a community managed on its own, without its street" }),
    new AllowedRoot({ kind: "community-committee", source: "a community managed on its own, without its street" })
  ]
})

/**
 * The edge that lets a property-company branch (物业党支部) sit directly under the community general branch (社区党总支)
 * rather than under the compound branch. Not in the default policy: the seed's chain puts the property branch under
 * the compound branch (社区党总支—小区党支部—物业党支部—网格党小组). A community whose property company's branch is
 * attached to the community — the "1" of the seed's "1+2" (社区党总支与小区党支部、物业党支部"1+2"党建共建模式) with
 * both branches beside each other — turns it on with {@link allowPropertyUnderGeneralBranch} or by contributing this
 * edge to `org.parentEdges`.
 *
 * @since 0.1.0
 * @category policies
 */
export const propertyUnderGeneralBranch: AllowedEdge = new AllowedEdge({
  parent: "community-general-branch",
  child: "property-branch",
  source:
    'seed (Lianjiang "1+2": 社区党总支与小区党支部、物业党支部共建) — the property branch beside the compound branch, when the host says so'
})

/**
 * The policy with the property branch allowed directly under the community general branch when `allow` is true
 * ({@link propertyUnderGeneralBranch}), and without that edge when it is false; the policy's other edges and roots are
 * kept. `validateHierarchy` then accepts or refuses a 物业党支部 under a 社区党总支 accordingly.
 *
 * @since 0.1.0
 * @category policies
 */
export const allowPropertyUnderGeneralBranch = (policy: ParentPolicy, allow = true): ParentPolicy => {
  const same = (e: AllowedEdge) =>
    e.parent === propertyUnderGeneralBranch.parent && e.child === propertyUnderGeneralBranch.child
  const others = policy.edges.filter((e) => !same(e))
  return new ParentPolicy({ edges: allow ? [...others, propertyUnderGeneralBranch] : others, roots: policy.roots })
}

/**
 * True when the policy allows `child` under `parent` (or as a root when `parent` is `undefined`).
 *
 * @since 0.1.0
 * @category policies
 */
export const isAllowed = (policy: ParentPolicy, parent: string | undefined, child: string): boolean =>
  parent === undefined
    ? policy.roots.some((r) => r.kind === child)
    : policy.edges.some((e) => e.parent === parent && e.child === child)

/**
 * Extension point `org.unitKinds`: kinds of organisation unit contributed by plugins, keyed by kind id.
 *
 * @since 0.1.0
 * @category plugins
 */
export const unitKindsPoint: Plugin.ExtensionPoint<KindDefinition> = Plugin.extensionPoint({
  id: "org.unitKinds",
  description: "Kinds of organisation unit (组织类型), keyed by kind id.",
  schema: KindDefinition,
  key: (k) => k.id
})

/**
 * Extension point `org.parentEdges`: allowed parent/child pairs of kinds, keyed `parent>child`.
 *
 * @since 0.1.0
 * @category plugins
 */
export const parentEdgesPoint: Plugin.ExtensionPoint<AllowedEdge> = Plugin.extensionPoint({
  id: "org.parentEdges",
  description: "Allowed parent/child pairs of org unit kinds, keyed parent>child.",
  schema: AllowedEdge,
  key: (e) => `${e.parent}>${e.child}`
})

/**
 * Extension point `org.parentRoots`: kinds allowed at the top of an org tree, keyed by kind id.
 *
 * @since 0.1.0
 * @category plugins
 */
export const parentRootsPoint: Plugin.ExtensionPoint<AllowedRoot> = Plugin.extensionPoint({
  id: "org.parentRoots",
  description: "Org unit kinds allowed at the top of a tree, keyed by kind id.",
  schema: AllowedRoot,
  key: (r) => r.kind
})

/**
 * The org extension points, to pass to `Plugin.compose` with the host's other points.
 *
 * @since 0.1.0
 * @category plugins
 */
export const points: ReadonlyArray<Plugin.AnyExtensionPoint> = [unitKindsPoint, parentEdgesPoint, parentRootsPoint]

/**
 * The default kinds, edges and roots as contributions, for the core default pack (plugin id `core`).
 *
 * @since 0.1.0
 * @category plugins
 */
export const defaultContributions: ReadonlyArray<Plugin.Contribution> = [
  Plugin.contribute(unitKindsPoint, Object.values(defaultRegistry)),
  Plugin.contribute(parentEdgesPoint, defaultParentPolicy.edges),
  Plugin.contribute(parentRootsPoint, defaultParentPolicy.roots)
]

/**
 * The kind registry and parent policy of a composed plugin registry (the values of the three org points).
 *
 * @since 0.1.0
 * @category plugins
 */
export const fromPlugins = (
  plugins: Plugin.Registry
): { readonly registry: Registry; readonly policy: ParentPolicy } => ({
  registry: extend({}, ...plugins.values(unitKindsPoint)),
  policy: new ParentPolicy({ edges: plugins.values(parentEdgesPoint), roots: plugins.values(parentRootsPoint) })
})
