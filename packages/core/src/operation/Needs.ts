/**
 * Needs surveys (需求调查) and needs lists (需求清单): what residents ask for, collected by door-to-door surveys in the
 * seed's five categories, ranked per community (一社一策), and the "一老一小" rule that recommends services for
 * ageing and for young communities.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Finding } from "../kernel/Finding.js"
import * as Ids from "../kernel/Ids.js"
import * as LocalDate from "../kernel/LocalDate.js"
import * as Term from "../kernel/Term.js"
import * as Plugin from "../plugin/Plugin.js"
import * as Placement from "../service/Placement.js"

/**
 * A needs category (需求类别): a term id. The core pack declares the five of the seed's survey ({@link
 * defaultCategories}); a host declares its own through {@link categoriesPoint}, and {@link checkItems} reports items
 * of a category no plugin declares.
 *
 * @since 0.1.0
 * @category models
 */
export const Category = Term.TermId
/**
 * @since 0.1.0
 * @category models
 */
export type Category = typeof Category.Type

const seedCategories = "seed (淄博: 养老服务、康养、餐饮娱乐、医疗康养、就业创业5大类近300项生活类服务需求)"

/**
 * The five categories of the seed's survey (淄博, "5大类近300项"), in the seed's order: elderly care (养老服务),
 * health and wellness (康养), dining and leisure (餐饮娱乐), medical care (医疗康养), employment and business start-up
 * (就业创业).
 *
 * @since 0.1.0
 * @category policies
 */
export const defaultCategories: ReadonlyArray<Term.Term> = [
  Term.make("elderly-care", "养老服务", "elderly care", seedCategories),
  Term.make("wellness", "康养", "health and wellness", seedCategories),
  Term.make("dining-leisure", "餐饮娱乐", "dining and leisure", seedCategories),
  Term.make("medical-care", "医疗康养", "medical care", seedCategories),
  Term.make("employment", "就业创业", "employment and start-ups", seedCategories)
]

/**
 * Chinese names of the default categories ({@link defaultCategories}); a host's names are in the list in force
 * (`Term.nameOf`).
 *
 * @since 0.1.0
 * @category models
 */
export const categoryNames: Readonly<Record<string, string>> = Object.fromEntries(
  defaultCategories.map((c) => [c.id, c.nameZh])
)

/**
 * Extension point `operation.needsCategories`: the categories of needs surveys (需求类别), keyed by id, in the order
 * needs lists report them.
 *
 * @since 0.1.0
 * @category plugins
 */
export const categoriesPoint: Plugin.ExtensionPoint<Term.Term> = Plugin.extensionPoint({
  id: "operation.needsCategories",
  description: "Categories of needs surveys (养老服务、康养、餐饮娱乐 …), keyed by id, in report order.",
  schema: Term.Term,
  key: (c) => c.id
})

/**
 * A needs survey (走访摸排): who ran it, when, and how many households were reached.
 *
 * @since 0.1.0
 * @category models
 */
export class NeedsSurvey extends Schema.Class<NeedsSurvey>("@zhili/NeedsSurvey")(
  Schema.Struct({
    tenant: Ids.TenantId,
    id: Ids.NeedsSurveyId,
    name: Schema.NonEmptyTrimmedString,
    from: LocalDate.LocalDate,
    to: LocalDate.LocalDate,
    surveyors: Schema.optional(Schema.NonNegativeInt),
    householdsReached: Schema.optional(Schema.NonNegativeInt),
    placement: Schema.optional(Placement.Location),
    version: Schema.optionalWith(Schema.NonNegativeInt, { default: () => 1, exact: true })
  }).pipe(
    Schema.filter((s) =>
      s.from <= s.to ? undefined : { path: ["to"], message: `the survey ends (${s.to}) before it starts (${s.from})` }
    )
  )
) {}

/**
 * Where a survey sits in the scope trees (its placement, the division defaulting to its tenant).
 *
 * @since 0.1.0
 * @category scope
 */
export const location = (self: NeedsSurvey): Placement.Location => Placement.resolve(self.tenant, self.placement)

/**
 * One need raised in a survey (需求条目): its category, the kind of need (`助餐`, `托育`, a host code), and how many
 * households raised it. The tenant is the community the need belongs to.
 *
 * @since 0.1.0
 * @category models
 */
export class NeedItem extends Schema.Class<NeedItem>("@zhili/NeedItem")({
  tenant: Ids.TenantId,
  id: Ids.NeedItemId,
  survey: Ids.NeedsSurveyId,
  category: Category,
  kind: Schema.NonEmptyTrimmedString,
  description: Schema.optional(Schema.String),
  mentions: Schema.Int.pipe(Schema.positive({ message: () => "a need is raised by at least one household" })),
  placement: Schema.optional(Placement.Location),
  version: Schema.optionalWith(Schema.NonNegativeInt, { default: () => 1, exact: true })
}) {}

/**
 * Where a need sits in the scope trees (its placement, the division defaulting to its tenant).
 *
 * @since 0.1.0
 * @category scope
 */
export const itemLocation = (self: NeedItem): Placement.Location => Placement.resolve(self.tenant, self.placement)

/**
 * One line of a community's needs list.
 *
 * @since 0.1.0
 * @category models
 */
export interface NeedsListEntry {
  /** Rank, 1 first; equal mentions share a rank (1, 2, 2, 4). */
  readonly rank: number
  readonly category: Category
  readonly kind: string
  /** Households that raised it, summed over surveys. */
  readonly mentions: number
  /** The items it was built from. */
  readonly items: ReadonlyArray<Ids.NeedItemId>
}

/**
 * The needs list of one community (一社一策需求清单): the community's items merged by category and kind, ranked by
 * mentions (most first; ties by category in the order of the categories in force, undeclared ones last, then kind).
 *
 * @param community - the tenant whose items count
 * @param categories - the categories in force (`Runtime.Policies.needsCategories`; default {@link defaultCategories})
 * @since 0.1.0
 * @category rules
 */
export const needsList = (
  items: ReadonlyArray<NeedItem>,
  community: Ids.TenantId,
  categories: ReadonlyArray<Term.Term> = defaultCategories
): ReadonlyArray<NeedsListEntry> => {
  const merged = new Map<string, { category: Category; kind: string; mentions: number; items: Array<Ids.NeedItemId> }>()
  for (const item of items) {
    if (item.tenant !== community) continue
    const key = `${item.category}\u0000${item.kind}`
    const entry = merged.get(key)
    if (entry === undefined)
      merged.set(key, { category: item.category, kind: item.kind, mentions: item.mentions, items: [item.id] })
    else {
      entry.mentions += item.mentions
      entry.items.push(item.id)
    }
  }
  const sorted = [...merged.values()].sort(
    (a, b) =>
      b.mentions - a.mentions ||
      Term.rank(categories, a.category) - Term.rank(categories, b.category) ||
      (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0)
  )
  let rank = 0
  return sorted.map((e, i) => {
    if (i === 0 || sorted[i - 1]?.mentions !== e.mentions) rank = i + 1
    return { rank, ...e }
  })
}

/**
 * Kinds and mentions per category for a community: one row for each category in force, in its order (a category
 * without items has a row of zeros). Items of a category no plugin declares are in no row; {@link checkItems}
 * reports them.
 *
 * @param categories - the categories in force (`Runtime.Policies.needsCategories`; default {@link defaultCategories})
 * @since 0.1.0
 * @category rules
 */
export const byCategory = (
  items: ReadonlyArray<NeedItem>,
  community: Ids.TenantId,
  categories: ReadonlyArray<Term.Term> = defaultCategories
): ReadonlyArray<{ readonly category: Category; readonly kinds: number; readonly mentions: number }> => {
  const list = needsList(items, community, categories)
  return categories.map(({ id: category }) => {
    const of = list.filter((e) => e.category === category)
    return { category, kinds: of.length, mentions: of.reduce((n, e) => n + e.mentions, 0) }
  })
}

/**
 * Checks need items against the categories in force: an error finding (`needs/unknown-category`) for each item whose
 * category no plugin declares, at its index.
 *
 * @param categories - the categories in force (`Runtime.Policies.needsCategories`; default {@link defaultCategories})
 * @since 0.1.0
 * @category rules
 */
export const checkItems = (
  items: ReadonlyArray<NeedItem>,
  categories: ReadonlyArray<Term.Term> = defaultCategories
): ReadonlyArray<Finding> =>
  items.flatMap((item, i) =>
    Term.check(categories, item.category, {
      code: "needs/unknown-category",
      path: ["items", i, "category"],
      what: "needs category",
      subject: `need ${item.id}`
    })
  )

/**
 * A service the "一老一小" rule can recommend (推荐服务), a term id: the defaults are a dining hall (`dining`, 助餐食堂),
 * elderly care (`elderly-care`, 助老), health and medical care (`health`, 医养), culture and sport training
 * (`culture-sport`, 文体培训), childcare for infants (`childcare`, 母婴托育), after-school care (`after-school`,
 * 课后托管), arts training (`arts-training`, 艺术培训); a recommendation policy contributed by a host may name its own.
 *
 * @since 0.1.0
 * @category models
 */
export const Recommendation = Term.TermId
/**
 * @since 0.1.0
 * @category models
 */
export type Recommendation = typeof Recommendation.Type

/**
 * The thresholds of the "一老一小" rule. The seed says only "communities with a high degree of ageing" and
 * "communities where young people are a large share"; every number here is a default to be replaced:
 *
 * - `elderlyAge` 60: the age China's statistics count as elderly (老年人, 60 and over).
 * - `ageingShare` 0.2: share of residents aged `elderlyAge`+ from which a community counts as ageing; 20 % is the
 *   usual line of a "moderately aged" (中度老龄化) population.
 * - `childAge` 12: children under this age; the after-school class of the seed takes 0–12.
 * - `youngShare` 0.15: share of residents under `childAge` from which a community counts as young; set near the
 *   national share of children of those ages.
 * - the service lists follow the seed: ageing → dining, medical care, elderly care, culture (助餐食堂、医养机构、
 *   文体培训); young → infant childcare, after-school care, arts training (母婴托育、课后托管、艺术培训).
 *
 * @since 0.1.0
 * @category policies
 */
export class RecommendationPolicy extends Schema.Class<RecommendationPolicy>("@zhili/RecommendationPolicy")({
  elderlyAge: Schema.Int.pipe(Schema.between(40, 100)),
  ageingShare: Schema.Number.pipe(Schema.between(0, 1)),
  childAge: Schema.Int.pipe(Schema.between(1, 18)),
  youngShare: Schema.Number.pipe(Schema.between(0, 1)),
  ageingServices: Schema.Array(Recommendation),
  youngServices: Schema.Array(Recommendation)
}) {}

/**
 * The default "一老一小" thresholds (all defaults to be replaced; see {@link RecommendationPolicy}).
 *
 * @since 0.1.0
 * @category policies
 */
export const defaultPolicy: RecommendationPolicy = new RecommendationPolicy({
  elderlyAge: 60,
  ageingShare: 0.2,
  childAge: 12,
  youngShare: 0.15,
  ageingServices: ["dining", "elderly-care", "health", "culture-sport"],
  youngServices: ["childcare", "after-school", "arts-training"]
})

/**
 * A "一老一小" recommendation policy as plugins contribute it: id, the policy and its source.
 *
 * @since 0.1.0
 * @category plugins
 */
export class RecommendationPolicyDefinition extends Schema.Class<RecommendationPolicyDefinition>(
  "@zhili/RecommendationPolicyDefinition"
)({
  id: Schema.NonEmptyString,
  policy: RecommendationPolicy,
  source: Schema.NonEmptyString
}) {}

/**
 * Extension point `operation.recommendationPolicies`: "一老一小" recommendation policies (thresholds and the
 * services recommended), keyed by id; a whole-policy point (the one in force is the selected one, or else the one
 * contributed last: `Runtime.Selection.recommendation`).
 *
 * @since 0.1.0
 * @category plugins
 */
export const recommendationPoliciesPoint: Plugin.ExtensionPoint<RecommendationPolicyDefinition> = Plugin.extensionPoint(
  {
    id: "operation.recommendationPolicies",
    description:
      '"一老一小" recommendation policies: ageing and young thresholds and the services recommended, keyed by id.',
    schema: RecommendationPolicyDefinition,
    key: (p) => p.id
  }
)

/**
 * The core default pack's contributions: the seed's five needs categories ({@link defaultCategories}) and the
 * default "一老一小" policy ({@link defaultPolicy}) under the key `default`.
 *
 * @since 0.1.0
 * @category plugins
 */
export const defaultContributions: ReadonlyArray<Plugin.Contribution> = [
  Plugin.contribute(categoriesPoint, defaultCategories),
  Plugin.contribute(recommendationPoliciesPoint, [
    new RecommendationPolicyDefinition({
      id: "default",
      policy: defaultPolicy,
      source:
        "seed (淄博, 聚焦一老一小: 老龄化程度较高的社区引入助餐食堂、医养机构、文体培训; 年轻群体占比大的社区引入母婴托育、课后托管、艺术培训); the thresholds are defaults to be replaced"
    })
  ])
]

/**
 * A community's age structure: residents, how many are elderly (at least `elderlyAge`) and how many are children
 * (under `childAge`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Demographics {
  readonly residents: number
  readonly elderly: number
  readonly children: number
}

/**
 * Counts a community's age structure from birth dates on a date, by the policy's ages.
 *
 * @since 0.1.0
 * @category rules
 */
export const demographicsOf = (
  birthDates: ReadonlyArray<LocalDate.LocalDate>,
  on: LocalDate.LocalDate,
  policy: RecommendationPolicy = defaultPolicy
): Demographics => {
  let elderly = 0
  let children = 0
  for (const b of birthDates) {
    const age = LocalDate.ageInYears(b, on)
    if (age >= policy.elderlyAge) elderly++
    if (age >= 0 && age < policy.childAge) children++
  }
  return { residents: birthDates.length, elderly, children }
}

/**
 * What the "一老一小" rule recommends for a community, and why.
 *
 * @since 0.1.0
 * @category models
 */
export interface Advice {
  readonly ageing: boolean
  readonly young: boolean
  readonly elderlyShare: number
  readonly childShare: number
  readonly recommendations: ReadonlyArray<{ readonly service: Recommendation; readonly because: string }>
  readonly findings: ReadonlyArray<Finding>
}

const pct = (x: number) => `${Math.round(x * 1000) / 10} %`

/**
 * The "一老一小" recommendation rule (聚焦一老一小): a community whose share of elderly residents reaches the ageing
 * threshold gets dining, care and health services; one whose share of children reaches the young threshold gets
 * childcare and after-school care; a community can be both. Bad demographics (more elderly or children than
 * residents) are findings, and nothing is recommended.
 *
 * @since 0.1.0
 * @category rules
 */
export const recommend = (demographics: Demographics, policy: RecommendationPolicy = defaultPolicy): Advice => {
  const findings: Array<Finding> = []
  const { children, elderly, residents } = demographics
  for (const [field, n] of [
    ["residents", residents],
    ["elderly", elderly],
    ["children", children]
  ] as const) {
    if (!Number.isInteger(n) || n < 0) {
      findings.push(
        new Finding({
          code: "needs/invalid-count",
          severity: "error",
          path: [field],
          message: `${field} must be a whole number of people, got ${n}`
        })
      )
    }
  }
  if (findings.length === 0 && elderly + children > residents) {
    findings.push(
      new Finding({
        code: "needs/inconsistent-demographics",
        severity: "error",
        path: ["residents"],
        message: `${elderly} elderly and ${children} children are more than the ${residents} residents`
      })
    )
  }
  if (findings.length > 0 || residents === 0) {
    return { ageing: false, young: false, elderlyShare: 0, childShare: 0, recommendations: [], findings }
  }
  const elderlyShare = elderly / residents
  const childShare = children / residents
  const ageing = elderlyShare >= policy.ageingShare
  const young = childShare >= policy.youngShare
  const recommendations = [
    ...(ageing
      ? policy.ageingServices.map((service) => ({
          service,
          because: `${pct(elderlyShare)} of residents are ${policy.elderlyAge} or older (threshold ${pct(policy.ageingShare)})`
        }))
      : []),
    ...(young
      ? policy.youngServices.map((service) => ({
          service,
          because: `${pct(childShare)} of residents are under ${policy.childAge} (threshold ${pct(policy.youngShare)})`
        }))
      : [])
  ]
  return { ageing, young, elderlyShare, childShare, recommendations, findings }
}
