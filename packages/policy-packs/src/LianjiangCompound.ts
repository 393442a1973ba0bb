/**
 * The Lianjiang compound policy pack (廉江锦绣华景小区, plugin id `lianjiang-compound`), from the seed: the five-level
 * chain (社区党总支 down to the party-member building backbones), the leader of each grid level, the
 * "小事不出小区、大事不出社区" escalation ladder and the judges' room rota. Used by the `jinxiu-huajing` example.
 *
 * The core pack's defaults are read from the same seed, so this pack restates them under its own keys with the
 * compound's sources: a host selects them by key (`Runtime.policiesFrom(registry, { ladder: "lianjiang-compound/…" })`)
 * or simply lists the pack after the core pack (the last contributed policy is in force).
 *
 * @since 0.1.0
 */
import { Escalation, Grid, Mediation, Plugin } from "@zhili/core"
import { version } from "./version.js"

/**
 * The plugin id.
 *
 * @since 0.1.0
 * @category plugins
 */
export const id = "lianjiang-compound"

/**
 * The five-level chain (五级联动), top down: 社区党总支 → 小区党支部 → 物业党支部 → 网格党小组 as core org unit kinds,
 * and the fifth level, 党员楼栋骨干, a post held by a person rather than a unit. Source: the seed (Lianjiang) and
 * MODEL.md.
 *
 * @since 0.1.0
 * @category policies
 */
export const chain: {
  readonly units: readonly [string, string, string, string]
  readonly post: string
} = {
  units: ["community-general-branch", "compound-branch", "property-branch", "grid-party-group"],
  post: "building-backbone"
}

/**
 * The leader of each grid level: the compound branch secretary leads the large grid, one of the 10 property
 * stewards each small grid, one of the 50 party-member building backbones each micro grid. Source: the seed
 * (由小区党支部书记担任大网格长，10名物业管家担任小网格长，50名党员楼栋骨干担任微网格长).
 *
 * @since 0.1.0
 * @category policies
 */
export const leaders: Grid.LeaderPolicyDefinition = Grid.LeaderPolicyDefinition.make({
  id: `${id}/leaders`,
  large: {
    requirement: { _tag: "UnitRole", unitKind: "compound-branch", roles: ["secretary"] },
    source: "seed: 由小区党支部书记担任大网格长"
  },
  small: { requirement: { _tag: "Post", postKind: "property-steward" }, source: "seed: 10名物业管家担任小网格长" },
  micro: { requirement: { _tag: "Post", postKind: "building-backbone" }, source: "seed: 50名党员楼栋骨干担任微网格长" }
})

/**
 * The ladder "小事不出小区、大事不出社区": minor matters start at the micro grid (and stay in the compound), major ones
 * at the community, critical ones at the street. Source: the seed; the street for critical matters is a default to
 * be replaced.
 *
 * @since 0.1.0
 * @category policies
 */
export const ladder: Escalation.LadderDefinition = new Escalation.LadderDefinition({
  id: `${id}/small-matters-stay-in-the-compound`,
  ladder: new Escalation.Ladder({
    floors: { minor: "micro-grid", major: "community", critical: "street" },
    source: "seed (锦绣华景): 小事不出小区、大事不出社区; critical → street is a default to be replaced"
  })
})

/**
 * The judges' room rota (法官工作室): the three judge volunteers take turns, a week each, on one duty day. Source: the
 * seed (3名法官志愿者采取轮流制定期驻点); the seed gives no day or frequency, so Wednesday weekly is a default to be
 * replaced.
 *
 * @since 0.1.0
 * @category policies
 */
export const judgesRota: Mediation.RotaPolicy = new Mediation.RotaPolicy({
  id: `${id}/judges-room`,
  dutyWeekdays: [3],
  turn: "week",
  source: "seed: 3名法官志愿者采取轮流制定期驻点; the weekday and weekly turn are defaults to be replaced"
})

/**
 * The plugin: leaders per grid level, the escalation ladder and the judges' rota, under `lianjiang-compound/…` keys.
 * Requires the core pack (for the org kinds and post kinds its policies name).
 *
 * @since 0.1.0
 * @category plugins
 */
export const plugin: Plugin.Plugin = Plugin.define({
  id,
  version,
  description: "Lianjiang compound (锦绣华景): five-level chain, grid leaders, 小事不出小区 ladder, judges' rota",
  requires: { core: "0.x", plugins: { core: "0.x" } },
  contributes: [
    Plugin.contribute(Grid.leaderPoliciesPoint, [leaders]),
    Plugin.contribute(Escalation.laddersPoint, [ladder]),
    Plugin.contribute(Mediation.rotaPoliciesPoint, [judgesRota])
  ]
})
