/**
 * Groups of units with a lead unit (联建共建体系, e.g. the seven "五联一体" systems of Huichang) and their monthly
 * hosting rotation.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Finding from "../kernel/Finding.js"
import { OrgGroupId, OrgUnitId, TenantId } from "../kernel/Ids.js"
import * as Plugin from "../plugin/Plugin.js"

/**
 * A joint activity of a group (联建活动), lower-case words joined by `-`: the defaults are 联学 joint study, 联讲 joint
 * lecture, 联查 joint inspection and 联动 joint action ({@link defaultActivities}); a host adds its own through
 * {@link activitiesPoint}.
 *
 * @since 0.1.0
 * @category models
 */
export const Activity = Schema.String.pipe(
  Schema.pattern(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, {
    message: () => "an activity is lower-case words joined by '-', e.g. joint-study"
  })
)

/**
 * A joint activity as plugins contribute it: id, Chinese and English name, and where it comes from.
 *
 * @since 0.1.0
 * @category models
 */
export class ActivityDefinition extends Schema.Class<ActivityDefinition>("@zhili/OrgGroupActivity")({
  id: Activity,
  nameZh: Schema.NonEmptyString,
  nameEn: Schema.NonEmptyString,
  source: Schema.NonEmptyString
}) {}

const seedFive =
  "seed (Huichang 五联: 联学、联讲、联查、联动、联动 — the seed names 联动 twice, so its fifth activity is the host's to add)"

/**
 * The activities the seed names for the "五联" (Huichang): joint study, joint lecture, joint inspection, joint action.
 * The seed announces five but lists 联动 twice, so the fifth is not known: a host contributes it (e.g. 联创).
 *
 * @since 0.1.0
 * @category policies
 */
export const defaultActivities: ReadonlyArray<ActivityDefinition> = [
  new ActivityDefinition({ id: "joint-study", nameZh: "联学", nameEn: "joint study", source: seedFive }),
  new ActivityDefinition({ id: "joint-lecture", nameZh: "联讲", nameEn: "joint lecture", source: seedFive }),
  new ActivityDefinition({ id: "joint-inspection", nameZh: "联查", nameEn: "joint inspection", source: seedFive }),
  new ActivityDefinition({ id: "joint-action", nameZh: "联动", nameEn: "joint action", source: seedFive })
]

/**
 * Extension point `org.groupActivities`: the joint activities of unit groups (五联 and the like), keyed by id.
 *
 * @since 0.1.0
 * @category plugins
 */
export const activitiesPoint: Plugin.ExtensionPoint<ActivityDefinition> = Plugin.extensionPoint({
  id: "org.groupActivities",
  description: "Joint activities of unit groups (联学、联讲、联查、联动 …), keyed by id.",
  schema: ActivityDefinition,
  key: (a) => a.id
})

/**
 * The core default pack's contribution: {@link defaultActivities}.
 *
 * @since 0.1.0
 * @category plugins
 */
export const defaultContributions: ReadonlyArray<Plugin.Contribution> = [
  Plugin.contribute(activitiesPoint, defaultActivities)
]

/**
 * Checks the activities a group lists against the known ones: a finding (`org/unknown-activity`) for each it lists
 * that no plugin defines.
 *
 * @since 0.1.0
 * @category rules
 */
export const checkActivities = (
  group: OrgGroup,
  known: ReadonlyArray<ActivityDefinition> = defaultActivities
): ReadonlyArray<Finding.Finding> =>
  (group.activities ?? []).flatMap((a, i) =>
    known.some((k) => k.id === a)
      ? []
      : [
          Finding.error(
            "org/unknown-activity",
            ["activities", i],
            `${group.name} lists the activity ${a}, which no plugin defines (known: ${known.map((k) => k.id).join(", ")})`
          )
        ]
  )

/**
 * A group of units led by `lead`; `members` lists the others (the lead takes part in the rotation too).
 *
 * @since 0.1.0
 * @category models
 */
export class OrgGroup extends Schema.Class<OrgGroup>("@zhili/OrgGroup")(
  Schema.Struct({
    id: OrgGroupId,
    tenant: TenantId,
    name: Schema.NonEmptyTrimmedString,
    lead: OrgUnitId,
    members: Schema.Array(OrgUnitId),
    activities: Schema.optional(Schema.Array(Activity))
  }).pipe(
    Schema.filter((g) => {
      const i = g.members.findIndex((m, j) => m === g.lead || g.members.indexOf(m) !== j)
      return i < 0 ? undefined : { path: ["members", i], message: `member ${g.members[i]} is the lead or listed twice` }
    })
  )
) {}

/**
 * A unit that cannot host in a month (1–12).
 *
 * @since 0.1.0
 * @category models
 */
export interface OptOut {
  readonly unit: OrgUnitId
  readonly month: number
}

/**
 * The rotation year (轮值年度) of a group: the calendar month its first turn falls in and how many monthly turns it
 * has. The default is the calendar year, January to December, a turn a month: the seed's systems hold their joint
 * activities every month in turn and count them by calendar year (seed, Huichang: 每月组织系统成员单位轮流开展"五联"
 * 活动; 今年以来，各系统开展…活动40余场次). A host whose work year starts in another month (e.g. July) sets
 * `firstMonth`; one that pauses some months shortens `months`.
 *
 * @since 0.1.0
 * @category policies
 */
export class RotationPolicy extends Schema.Class<RotationPolicy>("@zhili/OrgGroupRotationPolicy")({
  /** The calendar month (1–12) of the first turn. */
  firstMonth: Schema.Int.pipe(Schema.between(1, 12, { message: () => "a rotation starts in a month from 1 to 12" })),
  /** How many consecutive monthly turns the rotation year has (1–12). */
  months: Schema.Int.pipe(Schema.between(1, 12, { message: () => "a rotation year has 1 to 12 monthly turns" }))
}) {}

/**
 * The default rotation year: the calendar year, twelve monthly turns from January (seed, Huichang: 每月…轮流开展,
 * counted 今年以来 — by calendar year).
 *
 * @since 0.1.0
 * @category policies
 */
export const defaultRotationPolicy: RotationPolicy = new RotationPolicy({ firstMonth: 1, months: 12 })

/**
 * Who hosts which month of a rotation year. `yearOffset` is 0 for a month in the calendar year the rotation starts
 * in and 1 for a month in the next (a rotation year from July runs to June of the next year).
 *
 * @since 0.1.0
 * @category models
 */
export interface Rotation {
  readonly months: ReadonlyArray<{
    readonly month: number
    readonly yearOffset: number
    readonly host: OrgUnitId | undefined
  }>
  /** Months hosted per unit over the rotation year. */
  readonly counts: ReadonlyMap<OrgUnitId, number>
  readonly findings: ReadonlyArray<Finding.Finding>
}

/**
 * The monthly hosting rotation of a group over its rotation year (每月轮流开展"五联"活动; seed, Huichang): by default
 * the twelve months of the calendar year, or the turns `policy` sets ({@link RotationPolicy}). Fair: each
 * month goes to the available unit that has hosted least so far, ties broken by the order lead, then members, then
 * by who hosted longest ago — so without opt-outs every unit hosts ⌊m/n⌋ or ⌈m/n⌉ times over m turns. A unit that
 * opts out of a (calendar) month is skipped; a month nobody can host is left empty with a finding. After this first pass, a month moves from
 * its host to another unit free that month while the host has hosted two or more times more than that unit, so in
 * the result no month could go to a free unit that hosts two fewer times (the schedule is balanced as far as the
 * opt-outs allow).
 *
 * @param group - the group
 * @param optOuts - units unavailable in given months
 * @param previous - hosts counts carried over from earlier years, so fairness extends across years (optional)
 * @param policy - the rotation year (default {@link defaultRotationPolicy}, January to December)
 * @since 0.1.0
 * @category rules
 */
export const rotation = (
  group: OrgGroup,
  optOuts: ReadonlyArray<OptOut> = [],
  previous: ReadonlyMap<OrgUnitId, number> = new Map(),
  policy: RotationPolicy = defaultRotationPolicy
): Rotation => {
  const order = [group.lead, ...group.members]
  const counts = new Map<OrgUnitId, number>(order.map((u) => [u, 0] as const))
  const total = new Map<OrgUnitId, number>(order.map((u) => [u, previous.get(u) ?? 0] as const))
  const last = new Map<OrgUnitId, number>()
  const months: Array<{ month: number; yearOffset: number; host: OrgUnitId | undefined }> = []
  const findings: Array<Finding.Finding> = []
  for (let turn = 0; turn < policy.months; turn++) {
    const month = ((policy.firstMonth - 1 + turn) % 12) + 1
    const yearOffset = policy.firstMonth - 1 + turn >= 12 ? 1 : 0
    const available = order.filter((u) => !optOuts.some((o) => o.unit === u && o.month === month))
    const host = available
      .map((u, i) => ({ u, i }))
      .sort((a, b) => {
        const d = (total.get(a.u) ?? 0) - (total.get(b.u) ?? 0)
        if (d !== 0) return d
        const l = (last.get(a.u) ?? -1) - (last.get(b.u) ?? -1)
        return l !== 0 ? l : a.i - b.i
      })[0]?.u
    months.push({ month, yearOffset, host })
    if (host === undefined) {
      findings.push(
        Finding.warning(
          "org/rotation-no-host",
          ["months", month],
          `no unit of ${group.name} can host in month ${month}`
        )
      )
      continue
    }
    counts.set(host, (counts.get(host) ?? 0) + 1)
    total.set(host, (total.get(host) ?? 0) + 1)
    last.set(host, turn)
  }
  // Balance: move a month from its host to another unit available that month while the host has hosted at least
  // two more times; each move lowers the sum of squared counts, so this ends.
  const isFree = (u: OrgUnitId, month: number) => !optOuts.some((o) => o.unit === u && o.month === month)
  let moved = true
  while (moved) {
    moved = false
    for (const slot of months) {
      const host = slot.host
      if (host === undefined) continue
      const to = order.find(
        (v) => v !== host && isFree(v, slot.month) && (total.get(host) ?? 0) - (total.get(v) ?? 0) >= 2
      )
      if (to === undefined) continue
      slot.host = to
      for (const [u, d] of [
        [host, -1],
        [to, 1]
      ] as const) {
        counts.set(u, (counts.get(u) ?? 0) + d)
        total.set(u, (total.get(u) ?? 0) + d)
      }
      moved = true
    }
  }
  return { months, counts, findings }
}

/**
 * Checks that every unit of `units` belongs to exactly one of `groups` (as lead or member), as the seed's "五联一体"
 * requires of Huichang's county organs (全县机关单位按照职能相近划分为7个党建系统): a finding `org/group-none` for a unit
 * in no group, `org/group-several` for a unit in more than one (naming the groups), and `org/group-count` when the
 * number of groups is not `expectedGroups` (when given; the seed's is 7).
 *
 * @since 0.1.0
 * @category rules
 */
export const exactlyOneGroup = (
  groups: ReadonlyArray<OrgGroup>,
  units: ReadonlyArray<OrgUnitId>,
  options: { readonly expectedGroups?: number } = {}
): ReadonlyArray<Finding.Finding> => {
  const out: Array<Finding.Finding> = []
  if (options.expectedGroups !== undefined && groups.length !== options.expectedGroups) {
    out.push(
      Finding.error(
        "org/group-count",
        ["groups"],
        `there are ${groups.length} groups, not the ${options.expectedGroups} the policy asks for`
      )
    )
  }
  for (const u of units) {
    const of = groups.filter((g) => g.lead === u || g.members.includes(u))
    if (of.length === 0) out.push(Finding.error("org/group-none", ["units", u], `unit ${u} is in no group`))
    else if (of.length > 1) {
      out.push(
        Finding.error(
          "org/group-several",
          ["units", u],
          `unit ${u} is in ${of.length} groups (${of.map((g) => g.name).join(", ")}); each unit belongs to one`
        )
      )
    }
  }
  return out
}
