/**
 * The escalation ladder (分级处置, "小事不出小区、大事不出社区"): category and severity give the lowest level that must
 * handle a case; a case overdue at its level goes one level up; and the share of cases settled inside the compound
 * and inside the community.
 *
 * @since 0.1.0
 */
import { type DateTime, Either, Option, Schema } from "effect"
import type { CategoryCode } from "../kernel/Ids.js"
import * as Plugin from "../plugin/Plugin.js"
import * as Case from "./Case.js"
import { type Catalogue, HandlingLevel, levelAbove, levelOf, levelRank, levels, maxLevel } from "./Category.js"
import { type Period, Rate, rate } from "./Metrics.js"

/**
 * The ladder: for each severity, the lowest level that must handle it (`floors`); a case goes to the higher of this
 * floor and its category's level.
 *
 * @since 0.1.0
 * @category models
 */
export class Ladder extends Schema.Class<Ladder>("@zhili/EscalationLadder")({
  floors: Schema.Struct({ minor: HandlingLevel, major: HandlingLevel, critical: HandlingLevel }),
  source: Schema.String
}) {}

/**
 * The seed's ladder, "小事不出小区、大事不出社区" (Lianjiang compound): small matters start at the category's own level
 * (micro grid or compound), large ones at the community, major ones at the street. Source: the seed; the street
 * level for major matters is a default to be replaced.
 *
 * @since 0.1.0
 * @category policies
 */
export const defaultLadder: Ladder = new Ladder({
  floors: { minor: "micro-grid", major: "community", critical: "street" },
  source: "seed: 小事不出小区、大事不出社区; critical → street is a default to be replaced"
})

/**
 * The lowest level that must handle a case of a category and severity: the higher of the category's level (from
 * the catalogue; `community` when the category is unknown) and the ladder's floor for the severity, in the order of
 * `order` (default the core levels; pass the workflow's levels). Plug it into
 * `Case.makePolicy({ requiredLevel })`.
 *
 * @since 0.1.0
 * @category rules
 */
export const requiredLevel =
  (ladder: Ladder, catalogue: Catalogue, order: ReadonlyArray<HandlingLevel> = levels) =>
  (category: CategoryCode, severity: Case.Severity): HandlingLevel =>
    maxLevel(
      Option.getOrElse(levelOf(catalogue, category), () => "community" as const),
      ladder.floors[severity],
      order
    )

/**
 * The escalation an overdue case is due at `at`: one level up, by the system, for `overdue`. None when the case is
 * not overdue (at the due instant itself it is still on time), is not being handled, or is already at the top of
 * `order` (default the core levels, up to the street; pass the workflow's levels).
 *
 * @since 0.1.0
 * @category rules
 */
export const overdueEscalation = (
  self: Case.Case,
  at: DateTime.Utc,
  order: ReadonlyArray<HandlingLevel> = levels
): Option.Option<Case.Event> =>
  Case.isOverdue(self, at)
    ? Option.map(
        levelAbove(self.level, order),
        (to): Case.Event => ({ _tag: "Escalated", at, by: Case.system, to, reason: "overdue" })
      )
    : Option.none()

/**
 * Escalates every case overdue at `at` one level up; the others are returned unchanged.
 *
 * @since 0.1.0
 * @category rules
 */
export const escalateOverdue = (
  cases: ReadonlyArray<Case.Case>,
  at: DateTime.Utc,
  policy: Case.Policy
): ReadonlyArray<Case.Case> =>
  cases.map((c) =>
    Option.match(overdueEscalation(c, at, policy.workflow.levels), {
      onNone: () => c,
      onSome: (e) => Either.getOrElse(Case.transition(c, e, policy), () => c)
    })
  )

/**
 * Where cases were settled: of the cases closed in the period, the share closed at the compound level or below
 * (小事不出小区) and at the community level or below (大事不出社区).
 *
 * @since 0.1.0
 * @category models
 */
export class Settled extends Schema.Class<Settled>("@zhili/SettledShares")({
  closed: Schema.NonNegativeInt,
  inCompound: Rate,
  inCommunity: Rate
}) {}

/**
 * The settled-in-compound and settled-in-community shares of the cases closed in a period (optionally only those in
 * `scope`). Formula: cases closed in the period whose level at closing is at most compound (resp. community) ÷ cases
 * closed in the period. Source: the seed's "小事不出小区、大事不出社区".
 *
 * @since 0.1.0
 * @category metrics
 */
export const settledShares = (
  cases: ReadonlyArray<Case.Case>,
  period: Period,
  scope: (c: Case.Case) => boolean = () => true
): Settled => {
  const from = period.from.epochMillis
  const to = period.to.epochMillis
  const compound = levelRank("compound")
  const community = levelRank("community")
  let closed = 0
  let inCompound = 0
  let inCommunity = 0
  for (const c of cases) {
    if (!scope(c) || c.closedAt === undefined) continue
    const at = c.closedAt.epochMillis
    if (at < from || at >= to) continue
    closed++
    const r = levelRank(c.level)
    if (r <= compound) inCompound++
    if (r <= community) inCommunity++
  }
  return new Settled({ closed, inCompound: rate(inCompound, closed), inCommunity: rate(inCommunity, closed) })
}

/**
 * A named escalation ladder as plugins contribute it: an id (`core` owns `default`, plugins use `<plugin-id>/…`)
 * and the ladder.
 *
 * @since 0.1.0
 * @category plugins
 */
export class LadderDefinition extends Schema.Class<LadderDefinition>("@zhili/EscalationLadderDefinition")({
  id: Schema.NonEmptyString,
  ladder: Ladder
}) {}

/**
 * Extension point `case.escalationLadders`: escalation ladders (分级处置), keyed by id.
 *
 * @since 0.1.0
 * @category plugins
 */
export const laddersPoint: Plugin.ExtensionPoint<LadderDefinition> = Plugin.extensionPoint({
  id: "case.escalationLadders",
  description: "Escalation ladders (分级处置): the lowest handling level per severity, keyed by id.",
  schema: LadderDefinition,
  key: (l) => l.id
})

/**
 * The core default pack's contribution: {@link defaultLadder} under the key `default`.
 *
 * @since 0.1.0
 * @category plugins
 */
export const defaultContributions: ReadonlyArray<Plugin.Contribution> = [
  Plugin.contribute(laddersPoint, [new LadderDefinition({ id: "default", ladder: defaultLadder })])
]
