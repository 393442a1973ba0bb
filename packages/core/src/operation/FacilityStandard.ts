/**
 * Facility standards (阵地建设标准): what a community space (党群服务阵地) must and should offer, as aspects (方面)
 * holding functions (功能), each required (必设) or recommended (推荐). Zibo's standard has 7 aspects and 41
 * functions; the source text does not list them, so {@link exampleStandard} is a plausible EXAMPLE, and hosts
 * supply their own standard as data.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Finding } from "../kernel/Finding.js"
import * as Ids from "../kernel/Ids.js"
import * as Plugin from "../plugin/Plugin.js"

/**
 * Code of a function in a standard (`basic.party-activity-room`); spaces list the codes they have.
 *
 * @since 0.1.0
 * @category models
 */
export const FunctionCode = Schema.String.pipe(
  Schema.pattern(/^[a-z0-9][a-z0-9.-]{0,63}$/, {
    message: () => "a function code is lower-case letters, digits, '.' and '-'"
  }),
  Schema.brand("@zhili/FunctionCode"),
  Schema.annotations({ identifier: "FunctionCode" })
)
/**
 * @since 0.1.0
 * @category models
 */
export type FunctionCode = typeof FunctionCode.Type

/**
 * Whether a function must be present (必设) or is recommended (推荐).
 *
 * @since 0.1.0
 * @category models
 */
export const Level = Schema.Literal("required", "recommended")
/**
 * @since 0.1.0
 * @category models
 */
export type Level = typeof Level.Type

/**
 * One function (功能) of a standard.
 *
 * @since 0.1.0
 * @category models
 */
export const FunctionSpec = Schema.Struct({
  code: FunctionCode,
  name: Schema.NonEmptyTrimmedString,
  level: Level
})
/**
 * @since 0.1.0
 * @category models
 */
export type FunctionSpec = typeof FunctionSpec.Type

/**
 * One aspect (方面) of a standard and its functions.
 *
 * @since 0.1.0
 * @category models
 */
export const Aspect = Schema.Struct({
  code: Schema.NonEmptyTrimmedString,
  name: Schema.NonEmptyTrimmedString,
  functions: Schema.NonEmptyArray(FunctionSpec)
})
/**
 * @since 0.1.0
 * @category models
 */
export type Aspect = typeof Aspect.Type

/**
 * How a compliance score weighs the two levels: the score is `requiredWeight × share of required present +
 * (1 − requiredWeight) × share of recommended present`, times 100. Default 0.7: a default to be replaced (no
 * standard in STANDARDS.md fixes a scoring rule).
 *
 * @since 0.1.0
 * @category policies
 */
export class ScoringPolicy extends Schema.Class<ScoringPolicy>("@zhili/FacilityScoringPolicy")({
  requiredWeight: Schema.Number.pipe(Schema.between(0, 1))
}) {}

/**
 * The default scoring policy (required 70 %, recommended 30 %): a default to be replaced.
 *
 * @since 0.1.0
 * @category policies
 */
export const defaultScoring: ScoringPolicy = new ScoringPolicy({ requiredWeight: 0.7 })

/**
 * A facility standard (建设标准): aspects → functions. Function codes are unique across the standard.
 *
 * @since 0.1.0
 * @category models
 */
export class FacilityStandard extends Schema.Class<FacilityStandard>("@zhili/FacilityStandard")({
  id: Ids.FacilityStandardId,
  name: Schema.NonEmptyTrimmedString,
  source: Schema.optional(Schema.String),
  aspects: Schema.NonEmptyArray(Aspect)
}) {}

/**
 * Every function of a standard with its aspect.
 *
 * @since 0.1.0
 * @category getters
 */
export const functions = (self: FacilityStandard): ReadonlyArray<FunctionSpec & { readonly aspect: string }> =>
  self.aspects.flatMap((a) => a.functions.map((f) => ({ ...f, aspect: a.code })))

/**
 * Checks a standard itself: duplicate function or aspect codes are errors; an aspect without a required function is
 * a warning.
 *
 * @since 0.1.0
 * @category rules
 */
export const validate = (self: FacilityStandard): ReadonlyArray<Finding> => {
  const out: Array<Finding> = []
  const seen = new Map<string, string>()
  const aspects = new Set<string>()
  self.aspects.forEach((aspect, i) => {
    if (aspects.has(aspect.code)) {
      out.push(
        new Finding({
          code: "facility/duplicate-aspect",
          severity: "error",
          path: ["aspects", i, "code"],
          message: `aspect code ${aspect.code} appears twice`
        })
      )
    }
    aspects.add(aspect.code)
    aspect.functions.forEach((f, j) => {
      const where = seen.get(f.code)
      if (where !== undefined) {
        out.push(
          new Finding({
            code: "facility/duplicate-function",
            severity: "error",
            path: ["aspects", i, "functions", j, "code"],
            message: `function ${f.code} is already listed under aspect ${where}`
          })
        )
      }
      seen.set(f.code, aspect.code)
    })
    if (!aspect.functions.some((f) => f.level === "required")) {
      out.push(
        new Finding({
          code: "facility/aspect-without-required",
          severity: "warning",
          path: ["aspects", i],
          message: `aspect ${aspect.code} (${aspect.name}) has no required function`
        })
      )
    }
  })
  return out
}

/**
 * How far a set of functions meets a standard.
 *
 * @since 0.1.0
 * @category models
 */
export interface Compliance {
  /** Required functions the space lacks, in the standard's order. */
  readonly missingRequired: ReadonlyArray<FunctionSpec & { readonly aspect: string }>
  /** Recommended functions the space lacks. */
  readonly missingRecommended: ReadonlyArray<FunctionSpec & { readonly aspect: string }>
  readonly requiredPresent: number
  readonly requiredTotal: number
  readonly recommendedPresent: number
  readonly recommendedTotal: number
  /** Share of recommended functions present, 0–1 (1 when the standard recommends none). */
  readonly recommendedShare: number
  /** Score 0–100, rounded to one decimal, by the scoring policy. */
  readonly score: number
  /** True when no required function is missing. */
  readonly compliant: boolean
  /** One error per missing required function; a warning per function code the standard does not know. */
  readonly findings: ReadonlyArray<Finding>
}

/**
 * Compliance of a space's functions with a standard (达标): the missing required functions, the share of
 * recommended functions present and a score.
 *
 * @param present - the function codes the space has (`Space.functions`)
 * @since 0.1.0
 * @category rules
 */
export const compliance = (
  self: FacilityStandard,
  present: ReadonlyArray<string>,
  policy: ScoringPolicy = defaultScoring
): Compliance => {
  const has = new Set(present)
  const all = functions(self)
  const required = all.filter((f) => f.level === "required")
  const recommended = all.filter((f) => f.level === "recommended")
  const missingRequired = required.filter((f) => !has.has(f.code))
  const missingRecommended = recommended.filter((f) => !has.has(f.code))
  const requiredPresent = required.length - missingRequired.length
  const recommendedPresent = recommended.length - missingRecommended.length
  const requiredShare = required.length === 0 ? 1 : requiredPresent / required.length
  const recommendedShare = recommended.length === 0 ? 1 : recommendedPresent / recommended.length
  const raw = 100 * (policy.requiredWeight * requiredShare + (1 - policy.requiredWeight) * recommendedShare)
  const known = new Set(all.map((f) => f.code as string))
  const findings: Array<Finding> = [
    ...missingRequired.map(
      (f) =>
        new Finding({
          code: "facility/missing-required",
          severity: "error",
          path: ["functions", f.code],
          message: `required function ${f.name} (${f.code}) of aspect ${f.aspect} is missing`
        })
    ),
    ...present.flatMap((code, i) =>
      known.has(code)
        ? []
        : [
            new Finding({
              code: "facility/unknown-function",
              severity: "warning",
              path: ["functions", i],
              message: `function ${code} is not in standard ${self.id}`
            })
          ]
    )
  ]
  return {
    missingRequired,
    missingRecommended,
    requiredPresent,
    requiredTotal: required.length,
    recommendedPresent,
    recommendedTotal: recommended.length,
    recommendedShare,
    score: Math.round(raw * 10) / 10,
    compliant: missingRequired.length === 0,
    findings
  }
}

const fn = (code: string, name: string, level: Level): FunctionSpec => ({
  code: code as FunctionCode,
  name,
  level
})

/**
 * An EXAMPLE facility standard in the shape of Zibo's (淄博, 2024): 7 aspects and 41 functions, 25 required and 16
 * recommended. The seed gives only the counts ("明确7个方面，41项必设功能和推荐功能"); the aspects and functions
 * below are a plausible reading of what such standards for party-and-masses service centres usually contain —
 * basic and administrative services kept, room left for market services — and are NOT the official list. Replace
 * it with the standard your city publishes.
 *
 * @since 0.1.0
 * @category examples
 */
export const exampleStandard: FacilityStandard = new FacilityStandard({
  id: "example-zibo-style-2024" as Ids.FacilityStandardId,
  name: "EXAMPLE community space standard (Zibo-style, 7 aspects, 41 functions; not the official list)",
  source: "shape from the seed (淄博: 7 个方面, 41 项必设和推荐功能); contents invented for illustration",
  aspects: [
    {
      code: "party",
      name: "党建引领 party building",
      functions: [
        fn("party.activity-room", "党员活动室 party members' activity room", "required"),
        fn("party.oath-wall", "入党誓词墙 oath wall", "required"),
        fn("party.study-corner", "学习角 study corner", "required"),
        fn("party.dual-registration-desk", "双报到服务台 dual-registration desk", "required"),
        fn("party.exhibition", "党建展示区 exhibition area", "recommended"),
        fn("party.lecture-hall", "党课讲堂 lecture hall", "recommended")
      ]
    },
    {
      code: "admin",
      name: "政务服务 administrative services",
      functions: [
        fn("admin.one-stop-window", "一站式服务窗口 one-stop window", "required"),
        fn("admin.self-service-terminal", "自助服务终端 self-service terminal", "required"),
        fn("admin.social-security", "社保医保服务 social security desk", "required"),
        fn("admin.civil-affairs", "民政事务 civil affairs", "required"),
        fn("admin.employment-desk", "就业服务 employment desk", "recommended"),
        fn("admin.legal-aid", "法律援助 legal aid point", "recommended")
      ]
    },
    {
      code: "governance",
      name: "基层治理 grassroots governance",
      functions: [
        fn("governance.grid-office", "网格工作站 grid office", "required"),
        fn("governance.deliberation-room", "议事协商室 deliberation room", "required"),
        fn("governance.mediation-room", "调解室 mediation room", "required"),
        fn("governance.comprehensive-control", "综治中心 comprehensive management point", "required"),
        fn("governance.judges-room", "法官工作室 judges' room", "recommended"),
        fn("governance.volunteer-station", "志愿服务站 volunteer station", "recommended")
      ]
    },
    {
      code: "elderly",
      name: "一老 elderly care",
      functions: [
        fn("elderly.day-care", "日间照料 day care", "required"),
        fn("elderly.dining", "助餐点 dining point", "required"),
        fn("elderly.activity-room", "老年活动室 activity room", "required"),
        fn("elderly.health-check", "健康小屋 health hut", "recommended"),
        fn("elderly.rehab", "康复理疗 rehabilitation", "recommended"),
        fn("elderly.bathing", "助浴 bathing assistance", "recommended")
      ]
    },
    {
      code: "children",
      name: "一小 children and families",
      functions: [
        fn("children.after-school", "四点半课堂 after-school class", "required"),
        fn("children.reading-room", "儿童阅览室 children's reading room", "required"),
        fn("children.mother-baby-room", "母婴室 mother-and-baby room", "required"),
        fn("children.childcare", "托育点 childcare", "recommended"),
        fn("children.parent-child", "亲子活动区 parent-child area", "recommended"),
        fn("children.study-room", "自习室 study room", "recommended")
      ]
    },
    {
      code: "culture",
      name: "文体活动 culture and sport",
      functions: [
        fn("culture.multi-purpose-hall", "多功能厅 multi-purpose hall", "required"),
        fn("culture.library", "图书室 library", "required"),
        fn("culture.fitness", "健身区 fitness area", "required"),
        fn("culture.training-room", "文体培训室 training room", "recommended"),
        fn("culture.performance-stage", "文艺展演区 performance stage", "recommended")
      ]
    },
    {
      code: "convenience",
      name: "便民服务 convenience services",
      functions: [
        fn("convenience.rest-room", "临时休息室 rest room", "required"),
        fn("convenience.first-aid", "医疗应急箱 first-aid kit", "required"),
        fn("convenience.hot-water", "热水 hot water", "required"),
        fn("convenience.charging", "充电设备 charging", "required"),
        fn("convenience.wifi", "无线网络 Wi-Fi", "recommended"),
        fn("convenience.umbrella", "爱心雨伞 umbrellas", "recommended")
      ]
    }
  ]
})

/**
 * Extension point `operation.facilityStandards`: facility standards (阵地建设标准), keyed by standard id.
 *
 * @since 0.1.0
 * @category plugins
 */
export const standardsPoint: Plugin.ExtensionPoint<FacilityStandard> = Plugin.extensionPoint({
  id: "operation.facilityStandards",
  description: "Facility standards (阵地建设标准): aspects and functions with their weights, keyed by id.",
  schema: FacilityStandard,
  key: (s) => s.id
})

/**
 * The core default pack's contribution: {@link exampleStandard}.
 *
 * @since 0.1.0
 * @category plugins
 */
export const defaultContributions: ReadonlyArray<Plugin.Contribution> = [
  Plugin.contribute(standardsPoint, [exampleStandard])
]
