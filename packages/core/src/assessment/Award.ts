/**
 * Awards and composite indices: the horse award and the snail award (骏马奖 / 蜗牛奖) for the top and the bottom of a
 * ranking, and composite indices such as the "双清" index built from indicators.
 *
 * ## Ties
 *
 * The horse award goes to the first `top` places of the ranking (highest totals), the snail award to the last
 * `bottom` places (lowest totals), both with competition ranks (see {@link Ranking.rank}). A tie that straddles
 * either line is settled by the policy's `ties`: `include-all` gives the award to every tied subject,
 * `exclude-all` to none of them; either way a finding records it. A subject can never receive both awards: with
 * fewer subjects than places, the horse award wins and the subject is left out of the snail list (with a finding).
 *
 * ## The 双清 index — our reading of the seed
 *
 * The seed names the "双清" index only once, among the bases of the comprehensive assessment of model-organ
 * building, next to the horse and snail awards and the praise and criticism bulletins, without defining it. In
 * the same report the county turns its reform tasks into "398 task lists and responsibility lists"
 * (任务清单和责任清单) and refines the "四级八岗" responsibility list (主体责任清单). We read "双清" as "two lists"
 * (双清单): how far a unit has completed its task list and fulfilled its responsibility list. {@link shuangQing}
 * is that reading, with equal weights (a default to be replaced); a host with another reading (e.g. 清正清廉)
 * defines its own {@link CompositeIndex} from its indicators.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Finding from "../kernel/Finding.js"
import { IndicatorId } from "../kernel/Ids.js"
import type { ScoreSheet } from "./Assessment.js"
import { DataSourceKey, defaultTolerance } from "./IndicatorSystem.js"
import { round2 } from "./internal/location.js"
import * as Ranking from "./Ranking.js"
import type { Candidate } from "./Rating.js"

/**
 * How many places get the horse and the snail award and how a tie at either line is settled.
 *
 * @since 0.1.0
 * @category models
 */
export const AwardPolicy = Schema.Struct({
  top: Schema.Int.pipe(Schema.nonNegative()),
  bottom: Schema.Int.pipe(Schema.nonNegative()),
  ties: Schema.Literal("include-all", "exclude-all")
})
/**
 * @since 0.1.0
 * @category models
 */
export type AwardPolicy = typeof AwardPolicy.Type

/**
 * The horse and snail awards of one ranking, with findings about ties and overlaps.
 *
 * @since 0.1.0
 * @category models
 */
export interface Awards {
  /** 骏马奖: the top places, best first, with their ranks from the top. */
  readonly horse: ReadonlyArray<Ranking.Ranked<Candidate>>
  /** 蜗牛奖: the bottom places, worst first, with their ranks from the bottom. */
  readonly snail: ReadonlyArray<Ranking.Ranked<Candidate>>
  readonly findings: ReadonlyArray<Finding.Finding>
}

const straddles = <A>(ranked: ReadonlyArray<Ranking.Ranked<A>>, n: number) =>
  ranked.filter((r) => r.rank <= n && r.rank + r.tied - 1 > n)

/**
 * Gives the horse award to the top and the snail award to the bottom of the candidates' ranking.
 *
 * @since 0.1.0
 * @category rules
 */
export const awards = (candidates: ReadonlyArray<Candidate>, policy: AwardPolicy): Awards => {
  const findings: Array<Finding.Finding> = []
  const fromTop = Ranking.rank(
    candidates,
    (c) => c.total,
    (c) => c.subject
  )
  const fromBottom = Ranking.rank(
    candidates,
    (c) => c.total,
    (c) => c.subject,
    "asc"
  )
  const note = (award: string, line: ReadonlyArray<Ranking.Ranked<Candidate>>, n: number) => {
    if (line.length === 0) return
    const first = line[0]
    findings.push(
      Finding.warning(
        `assessment/${award}-tie`,
        ["candidates"],
        `${line.length} subjects tie at rank ${first?.rank ?? 0} (${first?.score ?? 0}) across the ${award} line of ${n}: ${policy.ties === "include-all" ? "all included" : "all excluded"}`
      )
    )
  }
  const horse = policy.top === 0 ? [] : Ranking.cut(fromTop, policy.top, policy.ties)
  if (policy.top > 0) note("horse", straddles(fromTop, policy.top), policy.top)
  const horseIds = new Set(horse.map((h) => h.item.subject as string))
  const snailAll = policy.bottom === 0 ? [] : Ranking.cut(fromBottom, policy.bottom, policy.ties)
  if (policy.bottom > 0) note("snail", straddles(fromBottom, policy.bottom), policy.bottom)
  const snail = snailAll.filter((s) => !horseIds.has(s.item.subject))
  for (const s of snailAll) {
    if (horseIds.has(s.item.subject)) {
      findings.push(
        Finding.warning(
          "assessment/award-overlap",
          ["candidates", s.item.subject],
          `${s.item.subject} is in both the top ${policy.top} and the bottom ${policy.bottom}: horse award only`
        )
      )
    }
  }
  return { horse, snail, findings }
}

/**
 * One component of a composite index: an indicator of a score sheet (its share of its maximum points) or a data
 * source (a rate in `[0, 1]`), with its weight.
 *
 * @since 0.1.0
 * @category models
 */
export const IndexComponent = Schema.Union(
  Schema.TaggedStruct("Indicator", { indicator: IndicatorId, weight: Schema.Number.pipe(Schema.between(0, 1)) }),
  Schema.TaggedStruct("Source", { source: DataSourceKey, weight: Schema.Number.pipe(Schema.between(0, 1)) })
)
/**
 * @since 0.1.0
 * @category models
 */
export type IndexComponent = typeof IndexComponent.Type

/**
 * A composite index (综合指数) on a 0–100 scale: the weighted sum of its components, each as a percentage. The
 * component weights sum to 1; decoding reports the sum otherwise.
 *
 * @since 0.1.0
 * @category models
 */
export class CompositeIndex extends Schema.Class<CompositeIndex>("@zhili/CompositeIndex")(
  Schema.Struct({
    name: Schema.NonEmptyTrimmedString,
    components: Schema.NonEmptyArray(IndexComponent)
  }).pipe(
    Schema.filter((i) => {
      const sum = i.components.reduce((a, c) => a + c.weight, 0)
      return (
        Math.abs(sum - 1) <= defaultTolerance || {
          path: ["components"],
          message: `the weights of the components of ${i.name} sum to ${Math.round(sum * 1e6) / 1e6}, not 1`
        }
      )
    })
  )
) {}

/**
 * The 双清 (two lists) index, as we read the seed: task-list completion (`tasks.completion-rate`, from
 * `TaskList.progress`) and responsibility-list fulfilment (`responsibility.fulfilment-rate`), equally weighted.
 * The weights are a default to be replaced.
 *
 * @since 0.1.0
 * @category policies
 */
export const shuangQing: CompositeIndex = new CompositeIndex({
  name: "双清指数",
  components: [
    { _tag: "Source", source: DataSourceKey.make("tasks.completion-rate"), weight: 0.5 },
    { _tag: "Source", source: DataSourceKey.make("responsibility.fulfilment-rate"), weight: 0.5 }
  ]
})

/**
 * The value of a composite index with the contribution of each component.
 *
 * @since 0.1.0
 * @category models
 */
export interface IndexValue {
  readonly name: string
  readonly value: number
  readonly parts: ReadonlyArray<{
    readonly component: IndexComponent
    readonly percent: number
    readonly contribution: number
  }>
  readonly findings: ReadonlyArray<Finding.Finding>
}

/**
 * Computes a composite index from a score sheet and data-source values. A missing component counts as 0 and adds
 * a finding.
 *
 * @since 0.1.0
 * @category rules
 */
export const compute = (
  index: CompositeIndex,
  inputs: { readonly sheet?: ScoreSheet; readonly sources?: Readonly<Record<string, number>> }
): IndexValue => {
  const findings: Array<Finding.Finding> = []
  const parts = index.components.map((component, i) => {
    let percent = 0
    if (component._tag === "Indicator") {
      const line = inputs.sheet?.lines.find((l) => l.indicator === component.indicator)
      if (line === undefined || line.maxPoints === 0) {
        findings.push(
          Finding.error(
            "assessment/missing-component",
            ["components", i],
            `${index.name}: indicator ${component.indicator} is not on the score sheet; counted as 0`
          )
        )
      } else percent = (line.points / line.maxPoints) * 100
    } else {
      const v = inputs.sources?.[component.source]
      if (v === undefined || v < 0 || v > 1) {
        findings.push(
          Finding.error(
            "assessment/missing-component",
            ["sources", component.source],
            `${index.name}: ${component.source} is ${v === undefined ? "missing" : `${v}, not a rate between 0 and 1`}; counted as 0`
          )
        )
      } else percent = v * 100
    }
    return { component, percent: round2(percent), contribution: round2(percent * component.weight) }
  })
  return { name: index.name, value: round2(parts.reduce((a, p) => a + p.contribution, 0)), parts, findings }
}
