/**
 * The case category catalogue (事项分类目录): a tree of categories, each with its Chinese and English name, default
 * time limits, the lowest handling level, and the intake fields asked when a case is reported. Intake fields follow
 * the Open311 GeoReport v2 service-definition attributes field for field, so an exporter maps them without loss.
 *
 * @since 0.1.0
 */
import { Option, Schema } from "effect"
import * as Finding from "../kernel/Finding.js"
import { CategoryCode } from "../kernel/Ids.js"
import * as Plugin from "../plugin/Plugin.js"
import { Duration, duration } from "./Deadline.js"
import * as Workflow from "./Workflow.js"

/**
 * Who handles a case (处置层级): a level of the workflow in force, lower-case words joined by `-`. The default
 * levels, lowest first, are micro grid (微网格), compound (小区), community (社区) and street (街道); a workflow may
 * name its own (district departments, the command centre), and its order is the escalation order.
 *
 * @since 0.1.0
 * @category models
 */
export const HandlingLevel = Workflow.Level
/**
 * @since 0.1.0
 * @category models
 */
export type HandlingLevel = typeof HandlingLevel.Type

/**
 * The default handling levels in order, lowest first ({@link Workflow.defaultLevels}).
 *
 * @since 0.1.0
 * @category models
 */
export const levels: ReadonlyArray<HandlingLevel> = Workflow.defaultLevels

/**
 * Position of a level in an ordered list (default {@link levels}: micro grid 0 … street 3), -1 when the list does
 * not have it.
 *
 * @since 0.1.0
 * @category levels
 */
export const levelRank = (level: HandlingLevel, order: ReadonlyArray<HandlingLevel> = levels): number =>
  Workflow.rankIn(order, level)

/**
 * The higher of two levels in an ordered list (default {@link levels}).
 *
 * @since 0.1.0
 * @category levels
 */
export const maxLevel = (
  a: HandlingLevel,
  b: HandlingLevel,
  order: ReadonlyArray<HandlingLevel> = levels
): HandlingLevel => (levelRank(a, order) >= levelRank(b, order) ? a : b)

/**
 * The level one above in an ordered list (default {@link levels}), or none at the top.
 *
 * @since 0.1.0
 * @category levels
 */
export const levelAbove = (
  level: HandlingLevel,
  order: ReadonlyArray<HandlingLevel> = levels
): Option.Option<HandlingLevel> => Workflow.above(order, level)

/**
 * An option of a list intake field (Open311 `values[]`: `key`, `name`).
 *
 * @since 0.1.0
 * @category models
 */
export class AttributeValue extends Schema.Class<AttributeValue>("@zhili/CaseAttributeValue")({
  key: Schema.String.pipe(Schema.minLength(1)),
  name: Schema.String.pipe(Schema.minLength(1))
}) {}

/**
 * Input widget of an intake field: the Open311 `datatype` enumeration, unchanged.
 *
 * @since 0.1.0
 * @category models
 */
export const AttributeDatatype = Schema.Literal(
  "string",
  "number",
  "datetime",
  "text",
  "singlevaluelist",
  "multivaluelist"
)
/**
 * @since 0.1.0
 * @category models
 */
export type AttributeDatatype = typeof AttributeDatatype.Type

/**
 * An intake field (受理要素) asked when a case of a category is reported. Field names follow Open311
 * service-definition attributes: `variable` (false when the field only shows information), `code`, `datatype`,
 * `required`, `datatypeDescription`, `order` (1 first), `description`, `values` (for list datatypes).
 *
 * @since 0.1.0
 * @category models
 */
export class IntakeAttribute extends Schema.Class<IntakeAttribute>("@zhili/IntakeAttribute")({
  code: Schema.String.pipe(Schema.minLength(1)),
  variable: Schema.Boolean,
  datatype: AttributeDatatype,
  required: Schema.Boolean,
  datatypeDescription: Schema.optional(Schema.String),
  order: Schema.optional(Schema.Int),
  description: Schema.optional(Schema.String),
  values: Schema.optional(Schema.Array(AttributeValue))
}) {}

/**
 * Default time limits of a category (办理时限): `response` (响应: from report to acceptance or refusal) and `resolve`
 * (办结: from acceptance to resolution), with `resolveComplex` for cases marked complex. `source` says where the
 * values come from, or that they are defaults to be replaced.
 *
 * @since 0.1.0
 * @category models
 */
export class TimeLimits extends Schema.Class<TimeLimits>("@zhili/CaseTimeLimits")({
  response: Duration,
  resolve: Duration,
  resolveComplex: Schema.optional(Duration),
  source: Schema.String
}) {}

/**
 * A case category (事项类别). A category without `limits` or `level` inherits them from its nearest ancestor that
 * has them; a root category must have both.
 *
 * @since 0.1.0
 * @category models
 */
export class Category extends Schema.Class<Category>("@zhili/CaseCategory")({
  code: CategoryCode,
  parent: Schema.optional(CategoryCode),
  name: Schema.String.pipe(Schema.minLength(1)),
  nameEn: Schema.String.pipe(Schema.minLength(1)),
  description: Schema.optional(Schema.String),
  limits: Schema.optional(TimeLimits),
  level: Schema.optional(HandlingLevel),
  attributes: Schema.optionalWith(Schema.Array(IntakeAttribute), { default: () => [] })
}) {}

/**
 * A category catalogue: every category once, parents before or after their children.
 *
 * @since 0.1.0
 * @category models
 */
export class Catalogue extends Schema.Class<Catalogue>("@zhili/CaseCatalogue")({
  categories: Schema.Array(Category)
}) {}

/**
 * The category with a code.
 *
 * @since 0.1.0
 * @category lookups
 */
export const lookup = (catalogue: Catalogue, code: string): Option.Option<Category> =>
  Option.fromNullable(catalogue.categories.find((c) => c.code === code))

/**
 * The category and its ancestors, nearest first (stops at a cycle or an unknown parent).
 *
 * @since 0.1.0
 * @category lookups
 */
export const lineage = (catalogue: Catalogue, code: string): ReadonlyArray<Category> => {
  const out: Array<Category> = []
  const seen = new Set<string>()
  let next: string | undefined = code
  while (next !== undefined && !seen.has(next)) {
    seen.add(next)
    const found = lookup(catalogue, next)
    if (Option.isNone(found)) break
    out.push(found.value)
    next = found.value.parent
  }
  return out
}

/**
 * True when `code` is `ancestor` or lies below it.
 *
 * @since 0.1.0
 * @category lookups
 */
export const isUnder = (catalogue: Catalogue, code: string, ancestor: string): boolean =>
  lineage(catalogue, code).some((c) => c.code === ancestor)

/**
 * The direct children of a category (or the roots, without a code).
 *
 * @since 0.1.0
 * @category lookups
 */
export const children = (catalogue: Catalogue, code?: string): ReadonlyArray<Category> =>
  catalogue.categories.filter((c) => c.parent === code)

/**
 * The time limits that apply to a category: its own or its nearest ancestor's.
 *
 * @since 0.1.0
 * @category lookups
 */
export const limitsOf = (catalogue: Catalogue, code: string): Option.Option<TimeLimits> => {
  // a catalogue is immutable data: each code's limits are found once (metrics look them up for every case)
  let known = limitsCache.get(catalogue)
  if (known === undefined) {
    known = new Map()
    limitsCache.set(catalogue, known)
  }
  let limits = known.get(code)
  if (limits === undefined) {
    limits = Option.fromNullable(lineage(catalogue, code).find((c) => c.limits !== undefined)?.limits)
    if (known.size >= 10_000) known.clear()
    known.set(code, limits)
  }
  return limits
}

const limitsCache = new WeakMap<Catalogue, Map<string, Option.Option<TimeLimits>>>()

/**
 * The lowest handling level of a category: its own or its nearest ancestor's.
 *
 * @since 0.1.0
 * @category lookups
 */
export const levelOf = (catalogue: Catalogue, code: string): Option.Option<HandlingLevel> =>
  Option.fromNullable(lineage(catalogue, code).find((c) => c.level !== undefined)?.level)

/**
 * The intake fields of a category, its ancestors' first (a child's field replaces an ancestor's with the same code),
 * in Open311 `order`.
 *
 * @since 0.1.0
 * @category lookups
 */
export const attributesOf = (catalogue: Catalogue, code: string): ReadonlyArray<IntakeAttribute> => {
  const byCode = new Map<string, IntakeAttribute>()
  for (const c of [...lineage(catalogue, code)].reverse()) for (const a of c.attributes) byCode.set(a.code, a)
  return [...byCode.values()].sort(
    (a, b) => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER)
  )
}

/**
 * Checks a catalogue: duplicate codes, unknown parents, cycles, roots without limits or level, duplicate intake
 * codes in a category, list fields without options, options on non-list fields.
 *
 * @returns one finding per problem, with its path; none for a sound catalogue
 * @since 0.1.0
 * @category rules
 */
export const validate = (catalogue: Catalogue): ReadonlyArray<Finding.Finding> => {
  const findings: Array<Finding.Finding> = []
  const codes = new Map<string, number>()
  catalogue.categories.forEach((c, i) => {
    const path = ["categories", i]
    if (codes.has(c.code)) {
      findings.push(
        Finding.error("case-category/duplicate-code", [...path, "code"], `category ${c.code} is listed twice`)
      )
    }
    codes.set(c.code, i)
  })
  catalogue.categories.forEach((c, i) => {
    const path = ["categories", i]
    if (c.parent !== undefined && !codes.has(c.parent)) {
      findings.push(
        Finding.error(
          "case-category/unknown-parent",
          [...path, "parent"],
          `category ${c.code}: parent ${c.parent} is not in the catalogue`
        )
      )
    }
    const chain = new Set<string>([c.code])
    for (
      let p = c.parent;
      p !== undefined;
      p = lookup(catalogue, p).pipe(
        Option.flatMap((x) => Option.fromNullable(x.parent)),
        Option.getOrUndefined
      )
    ) {
      if (chain.has(p)) {
        findings.push(
          Finding.error("case-category/cycle", [...path, "parent"], `category ${c.code} is its own ancestor`)
        )
        break
      }
      chain.add(p)
    }
    if (c.parent === undefined && c.limits === undefined) {
      findings.push(
        Finding.error(
          "case-category/root-without-limits",
          [...path, "limits"],
          `root category ${c.code} has no time limits to inherit`
        )
      )
    }
    if (c.parent === undefined && c.level === undefined) {
      findings.push(
        Finding.error(
          "case-category/root-without-level",
          [...path, "level"],
          `root category ${c.code} has no handling level to inherit`
        )
      )
    }
    const attrCodes = new Set<string>()
    c.attributes.forEach((a, j) => {
      const ap = [...path, "attributes", j]
      if (attrCodes.has(a.code)) {
        findings.push(
          Finding.error(
            "case-category/duplicate-attribute",
            [...ap, "code"],
            `category ${c.code}: intake field ${a.code} is listed twice`
          )
        )
      }
      attrCodes.add(a.code)
      const isList = a.datatype === "singlevaluelist" || a.datatype === "multivaluelist"
      if (isList && (a.values === undefined || a.values.length === 0)) {
        findings.push(
          Finding.error(
            "case-category/list-without-values",
            [...ap, "values"],
            `category ${c.code}: list field ${a.code} has no options`
          )
        )
      }
      if (!isList && a.values !== undefined && a.values.length > 0) {
        findings.push(
          Finding.warning(
            "case-category/values-on-non-list",
            [...ap, "values"],
            `category ${c.code}: field ${a.code} is ${a.datatype} but lists options`
          )
        )
      }
    })
  })
  return findings
}

// ---------------------------------------------------------------------------------------------------------------
// The default catalogue
// ---------------------------------------------------------------------------------------------------------------

const replaceable = "default to be replaced (STANDARDS.md marks case time limits open)"

/**
 * General matters (一般事项): respond within 1 working day, resolve within 7 working days, complex cases within 15
 * working days. The 7 and 15 days are the one-source Beijing 接诉即办 limits (STANDARDS.md, open); the response
 * limit is our guess. All are defaults to be replaced.
 *
 * @since 0.1.0
 * @category catalogue
 */
export const generalLimits: TimeLimits = new TimeLimits({
  response: duration(1, "working-days"),
  resolve: duration(7, "working-days"),
  resolveComplex: duration(15, "working-days"),
  source: `Beijing 接诉即办 general 7 days / complex 15 days (one source); response 1 working day; ${replaceable}`
})

/**
 * Water, power, gas and heating (水电气热): resolve within 24 hours round the clock, respond within 2 hours. The 24
 * hours is the one-source Beijing limit (STANDARDS.md, open); default to be replaced.
 *
 * @since 0.1.0
 * @category catalogue
 */
export const utilityLimits: TimeLimits = new TimeLimits({
  response: duration(2, "hours"),
  resolve: duration(24, "hours"),
  source: `Beijing 接诉即办 water/power/gas/heating 24 h (one source); response 2 h; ${replaceable}`
})

/**
 * Emergencies (紧急事项), whatever their category: respond and resolve within 2 hours round the clock. The
 * one-source Beijing limit (STANDARDS.md, open); default to be replaced.
 *
 * @since 0.1.0
 * @category catalogue
 */
export const emergencyLimits: TimeLimits = new TimeLimits({
  response: duration(2, "hours"),
  resolve: duration(2, "hours"),
  source: `Beijing 接诉即办 emergencies 2 h (one source); ${replaceable}`
})

/**
 * Disputes needing mediation (矛盾纠纷): respond within 1 working day, settle within 15 working days (the Beijing
 * "complex" limit, one source), complex ones within 30 working days (our guess). Defaults to be replaced.
 *
 * @since 0.1.0
 * @category catalogue
 */
export const disputeLimits: TimeLimits = new TimeLimits({
  response: duration(1, "working-days"),
  resolve: duration(15, "working-days"),
  resolveComplex: duration(30, "working-days"),
  source: `Beijing complex 15 days (one source); complex disputes 30 working days; ${replaceable}`
})

const attr = (
  code: string,
  order: number,
  description: string,
  datatype: AttributeDatatype,
  required: boolean,
  values?: ReadonlyArray<readonly [string, string]>
): IntakeAttribute =>
  new IntakeAttribute({
    code,
    variable: true,
    datatype,
    required,
    order,
    description,
    ...(values === undefined ? {} : { values: values.map(([key, name]) => new AttributeValue({ key, name })) })
  })

const cat = (
  code: string,
  name: string,
  nameEn: string,
  more: {
    readonly parent?: string
    readonly limits?: TimeLimits
    readonly level?: HandlingLevel
    readonly attributes?: ReadonlyArray<IntakeAttribute>
    readonly description?: string
  } = {}
): Category =>
  Category.make({
    code: CategoryCode.make(code),
    name,
    nameEn,
    attributes: more.attributes ?? [],
    ...(more.parent === undefined ? {} : { parent: CategoryCode.make(more.parent) }),
    ...(more.limits === undefined ? {} : { limits: more.limits }),
    ...(more.level === undefined ? {} : { level: more.level }),
    ...(more.description === undefined ? {} : { description: more.description })
  })

const yesNo = [
  ["yes", "是"],
  ["no", "否"]
] as const

/**
 * The default catalogue: property services, utilities, neighbour disputes, family disputes, labour disputes, public
 * facilities, sanitation, safety hazards, services for the elderly and children (一老一小), proxy services (帮办代办),
 * policy consultation and other matters, with sub-categories. Categories and levels read from the seed (the
 * Lianjiang compound: property stewards, 和家工作室 mediators, the judges' room, door-knocking proxy services); time
 * limits as in {@link generalLimits}, {@link utilityLimits} and {@link disputeLimits}. Hosts replace it whole or
 * extend it.
 *
 * @since 0.1.0
 * @category catalogue
 */
export const defaultCatalogue: Catalogue = new Catalogue({
  categories: [
    cat("property", "物业服务", "Property services", {
      limits: generalLimits,
      level: "compound",
      description: "matters the property company handles; the property steward (物业管家) leads the small grid",
      attributes: [attr("unit_no", 1, "房号 / flat number", "string", false)]
    }),
    cat("property.repair", "公共部位维修", "Repairs to common parts", { parent: "property" }),
    cat("property.fee", "物业费与收费", "Service charges", { parent: "property" }),
    cat("property.parking", "停车管理", "Parking", { parent: "property" }),
    cat("property.greening", "绿化养护", "Landscaping", { parent: "property", level: "micro-grid" }),
    cat("utilities", "水电气热", "Water, power, gas and heating", {
      limits: utilityLimits,
      level: "compound",
      attributes: [
        attr("supply", 1, "中断的供应 / supply affected", "singlevaluelist", true, [
          ["water", "供水"],
          ["power", "供电"],
          ["gas", "燃气"],
          ["heating", "供暖"]
        ]),
        attr("households_affected", 2, "受影响户数 / households affected", "number", false)
      ]
    }),
    cat("utilities.water", "供水", "Water supply", { parent: "utilities" }),
    cat("utilities.power", "供电", "Power supply", { parent: "utilities" }),
    cat("utilities.gas", "燃气", "Gas supply", { parent: "utilities", level: "community" }),
    cat("utilities.heating", "供暖", "Heating", { parent: "utilities" }),
    cat("neighbour", "邻里纠纷", "Neighbour disputes", {
      limits: disputeLimits,
      level: "compound",
      description: "mediated by the 和家工作室 volunteers inside the compound (小事不出小区)",
      attributes: [attr("parties", 1, "当事人户数 / households involved", "number", true)]
    }),
    cat("neighbour.noise", "噪音扰民", "Noise", {
      parent: "neighbour",
      attributes: [
        attr("time_of_day", 2, "发生时段 / when it happens", "singlevaluelist", false, [
          ["day", "白天"],
          ["night", "夜间"]
        ])
      ]
    }),
    cat("neighbour.leak", "渗漏水", "Water leaking between flats", { parent: "neighbour" }),
    cat("neighbour.pets", "宠物饲养", "Pets", { parent: "neighbour" }),
    cat("neighbour.space", "公共空间占用", "Use of shared space", { parent: "neighbour" }),
    cat("family", "家庭纠纷", "Family disputes", {
      limits: disputeLimits,
      level: "compound",
      description: "家庭问题 mediated by the 和家工作室 with the judges' room"
    }),
    cat("family.marriage", "婚姻家庭", "Marriage", { parent: "family" }),
    cat("family.support", "赡养抚养", "Support of parents and children", { parent: "family" }),
    cat("family.inheritance", "继承析产", "Inheritance", { parent: "family", level: "community" }),
    cat("labour", "劳动争议", "Labour disputes", {
      limits: disputeLimits,
      level: "community",
      description: "劳动争议 taken up by the judge volunteers; failed mediation is referred to arbitration or court"
    }),
    cat("labour.wages", "欠薪", "Unpaid wages", { parent: "labour" }),
    cat("labour.injury", "工伤", "Work injury", { parent: "labour" }),
    cat("facilities", "公共设施", "Public facilities", { limits: generalLimits, level: "compound" }),
    cat("facilities.lift", "电梯", "Lifts", {
      parent: "facilities",
      attributes: [
        attr("building_lift", 1, "电梯编号 / lift number", "string", false),
        attr("trapped", 2, "是否有人被困 / is someone trapped", "singlevaluelist", true, yesNo)
      ]
    }),
    cat("facilities.lighting", "照明", "Lighting", { parent: "facilities", level: "micro-grid" }),
    cat("facilities.road", "道路与井盖", "Roads and manholes", { parent: "facilities", level: "community" }),
    cat("facilities.fitness", "健身与休闲设施", "Fitness and leisure facilities", { parent: "facilities" }),
    cat("sanitation", "环境卫生", "Sanitation", { limits: generalLimits, level: "micro-grid" }),
    cat("sanitation.garbage", "垃圾清运", "Refuse", { parent: "sanitation" }),
    cat("sanitation.pests", "病媒防治", "Pests", { parent: "sanitation", level: "compound" }),
    cat("safety", "安全隐患", "Safety hazards", { limits: generalLimits, level: "compound" }),
    cat("safety.fire", "消防通道与设施", "Fire lanes and equipment", { parent: "safety" }),
    cat("safety.ebike", "电动车违规充电", "E-bike charging", { parent: "safety", level: "micro-grid" }),
    cat("safety.structure", "房屋安全", "Building safety", { parent: "safety", level: "community" }),
    cat("care", "一老一小服务", "Services for the elderly and children", {
      limits: generalLimits,
      level: "community"
    }),
    cat("care.elderly", "养老助老", "Elderly care", { parent: "care" }),
    cat("care.children", "儿童关爱", "Child care", {
      parent: "care",
      description: "anything about a child under 14 is sensitive (PIPL Art. 28); keep it in redacted fields"
    }),
    cat("proxy", "帮办代办", "Proxy services", {
      limits: generalLimits,
      level: "micro-grid",
      description: "errands the micro-grid workers run for residents during door-knocking visits (敲门行动)"
    }),
    cat("proxy.social-security", "社保医保代办", "Social and medical insurance", { parent: "proxy" }),
    cat("proxy.certificate", "证明代办", "Certificates", { parent: "proxy" }),
    cat("proxy.subsidy", "补贴申领", "Subsidy applications", { parent: "proxy", level: "community" }),
    cat("policy", "政策咨询", "Policy questions", { limits: generalLimits, level: "community" }),
    cat("other", "其他", "Other", { limits: generalLimits, level: "community" })
  ]
})

// ---------------------------------------------------------------------------------------------------------------
// Plugins
// ---------------------------------------------------------------------------------------------------------------

/**
 * The extension point `case.categories`: plugins contribute categories keyed by their code (a city's own
 * categories, or replacements of default ones with `override: true`).
 *
 * @since 0.1.0
 * @category plugins
 */
export const extensionPoint: Plugin.ExtensionPoint<Category> = Plugin.extensionPoint({
  id: "case.categories",
  description: "case categories (事项类别) with time limits, handling level and intake fields, keyed by code",
  schema: Category,
  key: (c) => c.code
})

/**
 * The default catalogue as a contribution of the core default pack.
 *
 * @since 0.1.0
 * @category plugins
 */
export const defaultContribution: Plugin.Contribution = Plugin.contribute(extensionPoint, defaultCatalogue.categories)

/**
 * The catalogue a composed plugin registry holds.
 *
 * @since 0.1.0
 * @category plugins
 */
export const fromRegistry = (registry: Plugin.Registry): Catalogue =>
  new Catalogue({ categories: registry.values(extensionPoint) })

/**
 * Named emergency time limits (紧急事项时限) as plugins contribute them: an id (`core` owns `default`, plugins use
 * `<plugin-id>/…`) and the limits every emergency case gets, whatever its category.
 *
 * @since 0.1.0
 * @category plugins
 */
export class EmergencyLimitsDefinition extends Schema.Class<EmergencyLimitsDefinition>("@zhili/EmergencyLimits")({
  id: Schema.NonEmptyString,
  limits: TimeLimits
}) {}

/**
 * Extension point `case.emergencyLimits`: the time limits of emergency cases, keyed by id. The one in force is the
 * one the host selects (`Runtime.Selection.emergency`), or else the one contributed last.
 *
 * @since 0.1.0
 * @category plugins
 */
export const emergencyLimitsPoint: Plugin.ExtensionPoint<EmergencyLimitsDefinition> = Plugin.extensionPoint({
  id: "case.emergencyLimits",
  description: "Time limits of emergency cases (紧急事项时限), keyed by id.",
  schema: EmergencyLimitsDefinition,
  key: (d) => d.id
})

/**
 * The core default pack's contribution to {@link emergencyLimitsPoint}: {@link emergencyLimits} under `default`.
 *
 * @since 0.1.0
 * @category plugins
 */
export const defaultEmergencyContribution: Plugin.Contribution = Plugin.contribute(emergencyLimitsPoint, [
  new EmergencyLimitsDefinition({ id: "default", limits: emergencyLimits })
])
