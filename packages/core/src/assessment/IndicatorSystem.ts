/**
 * Indicator systems (考核指标体系): a tree of weighted indicators, each leaf scored by one method.
 *
 * ## Normalisation
 *
 * - The system has `fullMarks` points (default 100, as in most 百分制 assessment sheets).
 * - Every indicator carries a `weight`: its share of its parent. The weights of siblings sum to 1 (within
 *   {@link defaultTolerance}); the top-level indicators share the whole `fullMarks`.
 * - The maximum points of an indicator are `fullMarks × Π weights` along its path from the top.
 * - A leaf's scoring method turns the raw input into a fraction in `[0, 1]` of its maximum (a deduction
 *   method works in points and is divided by the maximum); the leaf's points are that fraction times its
 *   maximum, rounded to two decimals. A group's points are the sum of its children's rounded points.
 *
 * @since 0.1.0
 */
import { Either, Schema } from "effect"
import { issuesOf } from "../kernel/Decode.js"
import { DecodeError, InvalidInput } from "../kernel/Errors.js"
import { IndicatorId, IndicatorSystemId, TenantId } from "../kernel/Ids.js"
import type * as Scope from "../kernel/Scope.js"
import * as Plugin from "../plugin/Plugin.js"
import { round2 } from "./internal/location.js"

/**
 * How far the weights of siblings may stray from 1 and still count as summing to 1: `1e-6`, enough to absorb
 * floating-point error in weights such as `0.3 / 0.35 / 0.35`, never a real mistake such as `0.3 / 0.3 / 0.35`.
 *
 * @since 0.1.0
 * @category policies
 */
export const defaultTolerance = 1e-6

/**
 * Name of a value another context computes and the caller supplies in the raw inputs (数据来源), e.g.
 * `case.on-time-rate` (the case "three rates"), `grid.visit-coverage`, `assessment.rectification-rate`. Lower
 * case words separated by `-`, in dotted segments.
 *
 * @since 0.1.0
 * @category models
 */
export const DataSourceKey = Schema.String.pipe(
  Schema.pattern(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/, {
    message: () => 'a data-source key is lower-case words in dotted segments, e.g. "case.on-time-rate"'
  }),
  Schema.brand("@zhili/DataSourceKey"),
  Schema.annotations({ identifier: "DataSourceKey", title: "data-source key" })
)
/**
 * @since 0.1.0
 * @category models
 */
export type DataSourceKey = typeof DataSourceKey.Type

/**
 * A share between 0 and 1 inclusive.
 *
 * @since 0.1.0
 * @category models
 */
export const Fraction = Schema.Number.pipe(
  Schema.between(0, 1, { message: () => "a fraction lies between 0 and 1" }),
  Schema.annotations({ identifier: "Fraction" })
)

/**
 * One band of a threshold table: a value of at least `atLeast` earns `fraction` of the indicator's points. The
 * highest band met applies; below every band the indicator earns nothing.
 *
 * @since 0.1.0
 * @category models
 */
export const Band = Schema.Struct({ atLeast: Schema.Number.pipe(Schema.finite()), fraction: Fraction })
/**
 * @since 0.1.0
 * @category models
 */
export type Band = typeof Band.Type

/**
 * Yes or no (是否): full points for yes, none for no. Raw input: a boolean.
 *
 * @since 0.1.0
 * @category scoring methods
 */
export const YesNo = Schema.TaggedStruct("YesNo", {})

/**
 * A graded scale (等级), e.g. levels 1–5 mapped to shares of the points. Raw input: the level, an integer that
 * must be one of the listed levels.
 *
 * @since 0.1.0
 * @category scoring methods
 */
export const Scale = Schema.TaggedStruct("Scale", {
  levels: Schema.NonEmptyArray(Schema.Struct({ level: Schema.Int, fraction: Fraction }))
})

/**
 * A ratio scored by thresholds (比率分档), e.g. at least 95% full points, at least 90% 80% of them. Raw input:
 * `{ numerator, denominator }` or the ratio itself as a number in `[0, 1]`.
 *
 * @since 0.1.0
 * @category scoring methods
 */
export const Ratio = Schema.TaggedStruct("Ratio", { bands: Schema.NonEmptyArray(Band) })

/**
 * A count against a target (完成数/目标数): the share achieved, capped at 1. Raw input: the count.
 *
 * @since 0.1.0
 * @category scoring methods
 */
export const CountTarget = Schema.TaggedStruct("CountTarget", {
  target: Schema.Number.pipe(Schema.positive(), Schema.finite())
})

/**
 * Deduction per occurrence (扣分制): start from full points and deduct `perOccurrence` points for each occurrence,
 * never below `floor` points. Raw input: the number of occurrences.
 *
 * @since 0.1.0
 * @category scoring methods
 */
export const Deduction = Schema.TaggedStruct("Deduction", {
  perOccurrence: Schema.Number.pipe(Schema.positive(), Schema.finite()),
  floor: Schema.Number.pipe(Schema.nonNegative(), Schema.finite())
})

/**
 * A value computed by another context (the case three rates, visit coverage, rectification rate …) through a
 * named data source. The caller supplies the value, a rate in `[0, 1]`, under `sources[key]` of the raw inputs.
 * Without bands the rate is the share of points earned; with bands it is scored like {@link Ratio}.
 *
 * @since 0.1.0
 * @category scoring methods
 */
export const DataSource = Schema.TaggedStruct("DataSource", {
  source: DataSourceKey,
  bands: Schema.optional(Schema.NonEmptyArray(Band))
})

/**
 * How a leaf indicator is scored (计分方法).
 *
 * @since 0.1.0
 * @category scoring methods
 */
export const ScoringMethod = Schema.Union(YesNo, Scale, Ratio, CountTarget, Deduction, DataSource)
/**
 * @since 0.1.0
 * @category scoring methods
 */
export type ScoringMethod = typeof ScoringMethod.Type

const Weight = Schema.Number.pipe(
  Schema.greaterThan(0, { message: () => "a weight is greater than 0" }),
  Schema.lessThanOrEqualTo(1, { message: () => "a weight is at most 1" })
)
const Name = Schema.NonEmptyTrimmedString

/**
 * A leaf indicator (末级指标), scored by its method.
 *
 * @since 0.1.0
 * @category models
 */
export const Leaf = Schema.TaggedStruct("Leaf", { id: IndicatorId, name: Name, weight: Weight, method: ScoringMethod })
/**
 * @since 0.1.0
 * @category models
 */
export type Leaf = typeof Leaf.Type

/**
 * A group of indicators (一级、二级指标), scored as the sum of its children.
 *
 * @since 0.1.0
 * @category models
 */
export interface Group {
  readonly _tag: "Group"
  readonly id: IndicatorId
  readonly name: string
  readonly weight: number
  readonly children: ReadonlyArray<Indicator>
}

/**
 * The encoded form of a {@link Group}.
 *
 * @since 0.1.0
 * @category models
 */
export interface GroupEncoded {
  readonly _tag: "Group"
  readonly id: string
  readonly name: string
  readonly weight: number
  readonly children: ReadonlyArray<IndicatorEncoded>
}

/**
 * An indicator (指标): a leaf or a group.
 *
 * @since 0.1.0
 * @category models
 */
export type Indicator = Leaf | Group
/**
 * The encoded form of an {@link Indicator}.
 *
 * @since 0.1.0
 * @category models
 */
export type IndicatorEncoded = typeof Leaf.Encoded | GroupEncoded

/**
 * Schema of a {@link Group}.
 *
 * @since 0.1.0
 * @category models
 */
export const Group: Schema.Schema<Group, GroupEncoded> = Schema.TaggedStruct("Group", {
  id: IndicatorId,
  name: Name,
  weight: Weight,
  children: Schema.Array(Schema.suspend((): Schema.Schema<Indicator, IndicatorEncoded> => Indicator)).pipe(
    Schema.minItems(1, { message: () => "a group has at least one child indicator" })
  )
})

/**
 * Schema of an {@link Indicator}.
 *
 * @since 0.1.0
 * @category models
 */
export const Indicator: Schema.Schema<Indicator, IndicatorEncoded> = Schema.Union(Leaf, Group)

const Fields = Schema.Struct({
  id: IndicatorSystemId,
  tenant: TenantId,
  name: Name,
  fullMarks: Schema.Number.pipe(Schema.positive(), Schema.finite()),
  indicators: Schema.Array(Indicator).pipe(
    Schema.minItems(1, { message: () => "an indicator system has at least one indicator" })
  )
})

/**
 * The weights of the children of one parent do not sum to 1.
 *
 * @since 0.1.0
 * @category errors
 */
export class WeightsDoNotSumToOne extends Schema.TaggedError<WeightsDoNotSumToOne>()("WeightsDoNotSumToOne", {
  system: Schema.String,
  parent: Schema.String,
  sum: Schema.Number,
  path: Schema.Array(Schema.Union(Schema.String, Schema.Number))
}) {
  override get message(): string {
    const under = this.parent === "" ? "the top-level indicators" : `the children of ${this.parent}`
    return `indicator system ${this.system}: the weights of ${under} sum to ${round6(this.sum)}, not 1`
  }
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6

type Path = ReadonlyArray<string | number>

interface Problem {
  readonly path: Path
  readonly code: string
  readonly message: string
  readonly parent?: string
  readonly sum?: number
}

const problemsOf = (
  s: { readonly id: string; readonly fullMarks: number; readonly indicators: ReadonlyArray<Indicator> },
  tolerance: number
): Array<Problem> => {
  const out: Array<Problem> = []
  const seen = new Set<string>()
  const walk = (siblings: ReadonlyArray<Indicator>, parent: string, path: Path, max: number): void => {
    const sum = siblings.reduce((acc, i) => acc + i.weight, 0)
    if (Math.abs(sum - 1) > tolerance) {
      const under = parent === "" ? "the top-level indicators" : `the children of ${parent}`
      out.push({
        path,
        code: "assessment/weights-do-not-sum-to-one",
        message: `the weights of ${under} sum to ${round6(sum)}, not 1`,
        parent,
        sum
      })
    }
    siblings.forEach((ind, index) => {
      const here = [...path, index]
      if (seen.has(ind.id)) {
        out.push({
          path: [...here, "id"],
          code: "assessment/duplicate-indicator",
          message: `indicator id ${ind.id} is used twice`
        })
      }
      seen.add(ind.id)
      const own = max * ind.weight
      if (ind._tag === "Group") {
        walk(ind.children, ind.id, [...here, "children"], own)
        return
      }
      const m = ind.method
      if (m._tag === "Deduction" && m.floor > own + 1e-9) {
        out.push({
          path: [...here, "method", "floor"],
          code: "assessment/floor-above-maximum",
          message: `the floor of ${ind.id} (${m.floor}) is above its maximum of ${round2(own)} points`
        })
      }
      if (m._tag === "Scale") {
        const levels = m.levels.map((l) => l.level)
        if (new Set(levels).size !== levels.length) {
          out.push({
            path: [...here, "method", "levels"],
            code: "assessment/duplicate-scale-level",
            message: `the scale of ${ind.id} lists a level twice`
          })
        }
      }
    })
  }
  walk(s.indicators, "", ["indicators"], s.fullMarks)
  return out
}

/**
 * A tree of weighted indicators (指标体系) with its full marks. Decoding checks that siblings' weights sum to 1,
 * that indicator ids are unique, that a deduction floor is within its indicator's points and that a scale lists
 * each level once; each failure carries the path of the offending list.
 *
 * @since 0.1.0
 * @category models
 */
export class IndicatorSystem extends Schema.Class<IndicatorSystem>("@zhili/IndicatorSystem")(
  Fields.pipe(
    Schema.filter((s) => problemsOf(s, defaultTolerance).map((p) => ({ path: p.path, message: p.message })), {
      identifier: "IndicatorSystem"
    })
  )
) {}

/**
 * The encoded (JSON) form of an {@link IndicatorSystem}.
 *
 * @since 0.1.0
 * @category models
 */
export type IndicatorSystemEncoded = typeof IndicatorSystem.Encoded

/**
 * Builds an indicator system from untrusted input. A schema mismatch is a `DecodeError`; weights of siblings that
 * do not sum to 1 (within `tolerance`) are a {@link WeightsDoNotSumToOne} naming the parent and the sum; any other
 * structural problem is an `InvalidInput` with its code and path.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  input: unknown,
  tolerance: number = defaultTolerance
): Either.Either<IndicatorSystem, DecodeError | WeightsDoNotSumToOne | InvalidInput> => {
  const raw = Schema.decodeUnknownEither(Fields, { errors: "all", onExcessProperty: "ignore" })(input)
  if (Either.isLeft(raw))
    return Either.left(new DecodeError({ subject: "IndicatorSystem", issues: issuesOf(raw.left) }))
  const problems = problemsOf(raw.right, tolerance)
  const first = problems[0]
  if (first === undefined) return Either.right(new IndicatorSystem(raw.right, { disableValidation: true }))
  if (first.sum !== undefined) {
    return Either.left(
      new WeightsDoNotSumToOne({ system: raw.right.id, parent: first.parent ?? "", sum: first.sum, path: first.path })
    )
  }
  return Either.left(new InvalidInput({ code: first.code, path: first.path, reason: first.message }))
}

/**
 * A leaf with where it sits: the ids and names from the top, and its maximum points.
 *
 * @since 0.1.0
 * @category models
 */
export interface PlacedLeaf {
  readonly leaf: Leaf
  readonly path: ReadonlyArray<IndicatorId>
  readonly names: ReadonlyArray<string>
  readonly maxPoints: number
}

/**
 * Every leaf of a system in document order, with its path and maximum points (`fullMarks × Π weights`).
 *
 * @since 0.1.0
 * @category getters
 */
export const leaves = (system: IndicatorSystem): Array<PlacedLeaf> => {
  const out: Array<PlacedLeaf> = []
  const walk = (
    xs: ReadonlyArray<Indicator>,
    path: ReadonlyArray<IndicatorId>,
    names: ReadonlyArray<string>,
    max: number
  ): void => {
    for (const i of xs) {
      const own = max * i.weight
      if (i._tag === "Leaf") out.push({ leaf: i, path: [...path, i.id], names: [...names, i.name], maxPoints: own })
      else walk(i.children, [...path, i.id], [...names, i.name], own)
    }
  }
  walk(system.indicators, [], [], system.fullMarks)
  return out
}

/**
 * A scale whose levels `min…max` earn an even share each: the lowest level nothing, the highest full points
 * (1–5 gives 0, 0.25, 0.5, 0.75, 1).
 *
 * @since 0.1.0
 * @category constructors
 */
export const linearScale = (min: number, max: number): typeof Scale.Type => {
  const levels: Array<{ level: number; fraction: number }> = []
  for (let l = min; l <= max; l++) levels.push({ level: l, fraction: max === min ? 1 : (l - min) / (max - min) })
  const [first, ...rest] = levels
  return Scale.make({ levels: [first ?? { level: min, fraction: 1 }, ...rest] })
}

/**
 * The `Scope.Location` of an indicator system: its tenant's division (a system belongs to no one org unit).
 *
 * @since 0.1.0
 * @category getters
 */
export const location = (self: IndicatorSystem): Scope.Location => ({ division: self.tenant })

/**
 * Extension point `assessment.indicatorSystems`: indicator systems (考核指标体系), keyed by id.
 *
 * @since 0.1.0
 * @category plugins
 */
export const systemsPoint: Plugin.ExtensionPoint<IndicatorSystem> = Plugin.extensionPoint({
  id: "assessment.indicatorSystems",
  description: "Indicator systems (考核指标体系): weighted indicator trees with scoring methods, keyed by id.",
  schema: IndicatorSystem,
  key: (s) => s.id
})

/**
 * The ten items of "五讲五比" (five stresses, five comparisons) exactly as the seed names them, in its order, each
 * 讲 (stress) followed by the 比 (comparison) it pairs with. Source: seed (Huichang: 持续在机关单位开展"讲政治、比忠诚、
 * 讲学习、比能力、讲协作、比团结、讲执行、比担当、讲规矩、比作风""五讲五比"活动).
 *
 * @since 0.1.0
 * @category policies
 */
export const wuJiangWuBiItems: ReadonlyArray<{ readonly id: IndicatorId; readonly nameZh: string }> = [
  { id: IndicatorId.make("stress-politics"), nameZh: "讲政治" },
  { id: IndicatorId.make("compare-loyalty"), nameZh: "比忠诚" },
  { id: IndicatorId.make("stress-learning"), nameZh: "讲学习" },
  { id: IndicatorId.make("compare-ability"), nameZh: "比能力" },
  { id: IndicatorId.make("stress-cooperation"), nameZh: "讲协作" },
  { id: IndicatorId.make("compare-unity"), nameZh: "比团结" },
  { id: IndicatorId.make("stress-execution"), nameZh: "讲执行" },
  { id: IndicatorId.make("compare-responsibility"), nameZh: "比担当" },
  { id: IndicatorId.make("stress-rules"), nameZh: "讲规矩" },
  { id: IndicatorId.make("compare-conduct"), nameZh: "比作风" }
]

const pairIds = [
  "politics-loyalty",
  "learning-ability",
  "cooperation-unity",
  "execution-responsibility",
  "rules-conduct"
]

/**
 * The "五讲五比" activity of county organs (机关单位"五讲五比"活动) as an indicator system (id `wu-jiang-wu-bi`, 100
 * points): five groups, one per pair of the seed (讲政治、比忠诚 … 讲规矩、比作风), each worth 20 points, with its 讲
 * and its 比 as leaves worth 10 points each ({@link wuJiangWuBiItems}). Each item is appraised on a scale of 1 to 5
 * (1 nothing, 5 full points, evenly between: {@link linearScale}); the seed names the items but not how they are
 * scored, so the equal weights and the scale are a default to be replaced. Its tenant is Huichang county (360733),
 * where the seed runs it; a host re-tenants it (`new IndicatorSystem.IndicatorSystem({ ...wuJiangWuBi, tenant })`).
 * The core pack contributes it to {@link systemsPoint}. Scored with `Assessment.score`, the raw input of each item
 * under its id being the level.
 *
 * @since 0.1.0
 * @category policies
 */
export const wuJiangWuBi: IndicatorSystem = new IndicatorSystem({
  id: IndicatorSystemId.make("wu-jiang-wu-bi"),
  tenant: TenantId.make("360733"),
  name: "五讲五比",
  fullMarks: 100,
  indicators: pairIds.map((id, i) => {
    const stress = wuJiangWuBiItems[2 * i] as (typeof wuJiangWuBiItems)[number]
    const compare = wuJiangWuBiItems[2 * i + 1] as (typeof wuJiangWuBiItems)[number]
    return {
      _tag: "Group" as const,
      id: IndicatorId.make(id),
      name: `${stress.nameZh}、${compare.nameZh}`,
      weight: 0.2,
      children: [stress, compare].map((item) => ({
        _tag: "Leaf" as const,
        id: item.id,
        name: item.nameZh,
        weight: 0.5,
        method: linearScale(1, 5)
      }))
    }
  })
})

/**
 * The core default pack's contribution: the {@link wuJiangWuBi} system.
 *
 * @since 0.1.0
 * @category plugins
 */
export const defaultContributions: ReadonlyArray<Plugin.Contribution> = [Plugin.contribute(systemsPoint, [wuJiangWuBi])]
