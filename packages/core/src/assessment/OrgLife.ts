/**
 * Organisational-life records (组织生活: 三会一课, 主题党日, 组织生活会, 民主评议党员) and their compliance with a
 * frequency policy over a period.
 *
 * ## Reading of a frequency
 *
 * "About once a quarter" is read as at least one record in every calendar quarter (month, half-year, year for the
 * other frequencies). Only calendar buckets lying wholly inside the checked period are required; records outside
 * the period are ignored. So a branch meeting on 28 March and next on 2 July has missed the second quarter although
 * the gap is only 96 days, and one meeting on 2 January and the next on 30 June meets both quarters although the
 * gap is almost six months. A members' meeting counts only if more than half of the members with a vote attend
 * (Branch Work Regulations Art. 11) when attendance is recorded.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Finding from "../kernel/Finding.js"
import { OrgLifeRecordId, OrgUnitId, TenantId } from "../kernel/Ids.js"
import * as LocalDate from "../kernel/LocalDate.js"
import * as Plugin from "../plugin/Plugin.js"
import type { Location, ResolveOrgPath } from "./Assessment.js"
import { locate } from "./internal/location.js"

/**
 * A kind of organisational life (组织生活), lower-case words joined by `-`. The default kinds are the branch members'
 * meeting (支部党员大会), branch committee meeting (支部委员会), party group meeting (党小组会), party lecture (党课),
 * theme party day (主题党日), heart-to-heart talk (谈心谈话), organisational-life meeting (组织生活会) and democratic
 * appraisal of members (民主评议党员); a frequency policy may name others.
 *
 * @since 0.1.0
 * @category models
 */
export const Kind = Schema.String.pipe(
  Schema.pattern(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, {
    message: () => "an organisational-life kind is lower-case words joined by '-', e.g. theme-party-day"
  })
)
/**
 * @since 0.1.0
 * @category models
 */
export type Kind = typeof Kind.Type

/**
 * The default kinds, in the order reports list them (the seed's order: 三会一课, 主题党日, 谈心谈话, 组织生活会,
 * 民主评议党员).
 *
 * @since 0.1.0
 * @category models
 */
export const kinds: ReadonlyArray<Kind> = [
  "members-meeting",
  "committee-meeting",
  "group-meeting",
  "party-lecture",
  "theme-party-day",
  "heart-to-heart-talk",
  "org-life-meeting",
  "democratic-appraisal"
]

/**
 * How often a kind is required: at least once per calendar month, quarter, half-year or year, or not at all.
 *
 * @since 0.1.0
 * @category models
 */
export const Frequency = Schema.Literal("monthly", "quarterly", "half-yearly", "yearly", "none")
/**
 * @since 0.1.0
 * @category models
 */
export type Frequency = typeof Frequency.Type

/**
 * A frequency per kind (the kinds a unit is checked for, in report order), the frequencies that differ for a kind of
 * unit (`byUnitKind`: e.g. a grid party group holds group meetings, not committee meetings), and the quorum of a
 * members' meeting (the share of members that must be exceeded).
 *
 * @since 0.1.0
 * @category models
 */
export const FrequencyPolicy = Schema.Struct({
  frequencies: Schema.Record({ key: Kind, value: Frequency }),
  byUnitKind: Schema.optional(
    Schema.Record({ key: Schema.String, value: Schema.Record({ key: Kind, value: Frequency }) })
  ),
  quorum: Schema.Number.pipe(Schema.between(0, 1))
})
/**
 * @since 0.1.0
 * @category models
 */
export type FrequencyPolicy = typeof FrequencyPolicy.Type

/**
 * The default policy, from STANDARDS.md: members' meeting quarterly (Branch Work Regulations Art. 11, checked),
 * committee meeting monthly (Art. 12, checked), party group meeting monthly (Art. 13, checked), theme party day
 * monthly and organisational-life meeting and democratic appraisal yearly (one source); quorum more than half
 * (Art. 11, checked). The party lecture is **quarterly as an open default to be replaced**: the regulations only
 * ask for at least one a year by the secretary, quarterly is common practice. The heart-to-heart talk (谈心谈话, named
 * by the seed among the Huichang systems) is **yearly, a default to be replaced**: STANDARDS.md gives no frequency. A
 * grid party group (`grid-party-group`, 网格党小组) holds its group meeting monthly and is due none of the branch's
 * meetings (Art. 13: the party group is part of the branch; a default to be replaced).
 *
 * @since 0.1.0
 * @category policies
 */
export const defaultPolicy: FrequencyPolicy = {
  frequencies: {
    "members-meeting": "quarterly",
    "committee-meeting": "monthly",
    "group-meeting": "monthly",
    "party-lecture": "quarterly",
    "theme-party-day": "monthly",
    "heart-to-heart-talk": "yearly",
    "org-life-meeting": "yearly",
    "democratic-appraisal": "yearly"
  },
  byUnitKind: {
    "grid-party-group": {
      "members-meeting": "none",
      "committee-meeting": "none",
      "party-lecture": "none",
      "theme-party-day": "none",
      "heart-to-heart-talk": "none",
      "org-life-meeting": "none",
      "democratic-appraisal": "none"
    }
  },
  quorum: 0.5
}

/**
 * The frequencies a unit of a kind is held to: the policy's, with those of its unit kind over them.
 *
 * @since 0.1.0
 * @category rules
 */
export const frequenciesFor = (policy: FrequencyPolicy, unitKind?: string): Readonly<Record<string, Frequency>> => ({
  ...policy.frequencies,
  ...(unitKind === undefined ? {} : (policy.byUnitKind?.[unitKind] ?? {}))
})

/**
 * One record of organisational life: the unit, the kind, the date, the topic and, optionally, attendance.
 *
 * @since 0.1.0
 * @category models
 */
export class OrgLifeRecord extends Schema.Class<OrgLifeRecord>("@zhili/OrgLifeRecord")(
  Schema.Struct({
    id: OrgLifeRecordId,
    tenant: TenantId,
    unit: OrgUnitId,
    kind: Kind,
    date: LocalDate.LocalDate,
    topic: Schema.optional(Schema.String),
    attendance: Schema.optional(
      Schema.Struct({ present: Schema.Int.pipe(Schema.nonNegative()), members: Schema.Int.pipe(Schema.positive()) })
    )
  }).pipe(
    Schema.filter(
      (r) =>
        r.attendance === undefined ||
        r.attendance.present <= r.attendance.members || {
          path: ["attendance", "present"],
          message: `${r.attendance.present} present is more than the ${r.attendance.members} members`
        }
    )
  )
) {}

/**
 * A calendar bucket (month, quarter, half-year, year) with its label, e.g. `2025-03`, `2025-Q2`, `2025-H1`, `2025`.
 *
 * @since 0.1.0
 * @category models
 */
export interface Bucket {
  readonly label: string
  readonly from: LocalDate.LocalDate
  readonly to: LocalDate.LocalDate
}

/**
 * The buckets of a frequency lying wholly inside `[from, to]`.
 *
 * @since 0.1.0
 * @category rules
 */
export const buckets = (frequency: Frequency, from: LocalDate.LocalDate, to: LocalDate.LocalDate): Array<Bucket> => {
  if (frequency === "none" || from > to) return []
  const months = { monthly: 1, quarterly: 3, "half-yearly": 6, yearly: 12 }[frequency]
  const out: Array<Bucket> = []
  const start = LocalDate.toParts(from)
  let year = start.year
  let month = Math.floor((start.month - 1) / months) * months + 1
  for (;;) {
    const bFrom = LocalDate.make(year, month, 1)
    const endMonth = month + months - 1
    const bTo = LocalDate.endOfMonth(LocalDate.make(year, endMonth, 1))
    if (bFrom > to) break
    if (bFrom >= from && bTo <= to) {
      const n = (month - 1) / months + 1
      const label =
        frequency === "monthly"
          ? bFrom.slice(0, 7)
          : frequency === "quarterly"
            ? `${year}-Q${n}`
            : frequency === "half-yearly"
              ? `${year}-H${n}`
              : `${year}`
      out.push({ label, from: bFrom, to: bTo })
    }
    month += months
    if (month > 12) {
      month -= 12
      year += 1
    }
  }
  return out
}

interface PlannedKind {
  readonly kind: string
  /** The kind as words for messages: `theme party day`. */
  readonly words: string
  readonly frequency: Frequency
  readonly buckets: ReadonlyArray<Bucket>
}

interface Plan {
  readonly kinds: ReadonlyArray<PlannedKind>
  readonly index: ReadonlyMap<string, number>
  /** True when a kind has more than 31 buckets (marks then do not fit a bit mask). */
  readonly wide: boolean
}

// What compliance checks a unit kind for over a period (each kind's frequency and buckets), worked out once per
// policy, unit kind and period: every unit of a city asks for the same.
const plans = new WeakMap<FrequencyPolicy, Map<string, Plan>>()
const planOf = (
  policy: FrequencyPolicy,
  unitKind: string | undefined,
  from: LocalDate.LocalDate,
  to: LocalDate.LocalDate
): Plan => {
  let byKey = plans.get(policy)
  if (byKey === undefined) {
    byKey = new Map()
    plans.set(policy, byKey)
  }
  const key = `${unitKind === undefined ? "" : `=${unitKind}`}|${from}|${to}`
  let plan = byKey.get(key)
  if (plan === undefined) {
    const frequencies = frequenciesFor(policy, unitKind)
    const kinds = Object.keys(frequencies).map((kind): PlannedKind => {
      const frequency = frequencies[kind] ?? "none"
      return {
        kind,
        words: kind.replace(/-/g, " "),
        frequency,
        buckets: buckets(frequency, from, to).map((b) => Object.freeze(b))
      }
    })
    plan = { kinds, index: new Map(kinds.map((k, i) => [k.kind, i])), wide: kinds.some((k) => k.buckets.length > 31) }
    if (byKey.size >= 1_000) byKey.clear()
    byKey.set(key, plan)
  }
  return plan
}

/**
 * Compliance of one kind: required buckets, how many were met, and the missed ones.
 *
 * @since 0.1.0
 * @category models
 */
export interface KindCompliance {
  readonly kind: Kind
  readonly frequency: Frequency
  readonly required: number
  readonly met: number
  readonly missed: ReadonlyArray<Bucket>
}

/**
 * Compliance of one unit over a period.
 *
 * @since 0.1.0
 * @category models
 */
export interface Compliance {
  readonly unit: OrgUnitId
  readonly from: LocalDate.LocalDate
  readonly to: LocalDate.LocalDate
  readonly kinds: ReadonlyArray<KindCompliance>
  readonly compliant: boolean
  readonly findings: ReadonlyArray<Finding.Finding>
}

/**
 * Checks a unit's records over `[from, to]` against a frequency policy (with the frequencies of its `unitKind`, when
 * given, over the policy's): one finding per missed bucket (code `assessment/org-life-missed`) and per members'
 * meeting without a quorum (`assessment/no-quorum`, which then does not count).
 *
 * @since 0.1.0
 * @category rules
 */
export const compliance = (
  records: ReadonlyArray<OrgLifeRecord>,
  unit: OrgUnitId,
  from: LocalDate.LocalDate,
  to: LocalDate.LocalDate,
  policy: FrequencyPolicy = defaultPolicy,
  unitKind?: string
): Compliance => {
  const plan = planOf(policy, unitKind, from, to)
  const findings: Array<Finding.Finding> = []
  // per kind, the buckets met: buckets are in order and do not overlap, so each counted record marks the one its
  // date falls in, found by bisection
  // (a bit mask per kind when no kind has more than 31 buckets, as over a year; else an array of marks per kind)
  const masks: Array<number> = plan.wide ? [] : plan.kinds.map(() => 0)
  const hit = plan.wide ? plan.kinds.map((k) => new Uint8Array(k.buckets.length)) : []
  for (let index = 0; index < records.length; index++) {
    const r = records[index] as OrgLifeRecord
    if (r.unit !== unit || r.date < from || r.date > to) continue
    if (r.kind === "members-meeting" && r.attendance !== undefined) {
      if (r.attendance.present <= r.attendance.members * policy.quorum) {
        findings.push(
          Finding.warning(
            "assessment/no-quorum",
            ["records", index, "attendance"],
            `${unit}: members' meeting on ${r.date} had ${r.attendance.present} of ${r.attendance.members} members, not more than ${policy.quorum * 100}%; it does not count`
          )
        )
        continue
      }
    }
    const k = plan.index.get(r.kind)
    if (k === undefined) continue
    const bs = (plan.kinds[k] as PlannedKind).buckets
    const d = r.date
    let lo = 0
    let hi = bs.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const b = bs[mid] as Bucket
      if (d < b.from) hi = mid - 1
      else if (d > b.to) lo = mid + 1
      else {
        if (plan.wide) (hit[k] as Uint8Array)[mid] = 1
        else masks[k] = (masks[k] as number) | (1 << mid)
        break
      }
    }
  }
  const result: Array<KindCompliance> = []
  for (let k = 0; k < plan.kinds.length; k++) {
    const { buckets: bs, frequency, kind, words } = plan.kinds[k] as PlannedKind
    const marks = hit[k]
    const mask = masks[k] as number
    const missed: Array<Bucket> = []
    for (let i = 0; i < bs.length; i++) {
      if (marks === undefined ? (mask & (1 << i)) !== 0 : marks[i] === 1) continue
      const b = bs[i] as Bucket
      missed.push(b)
      findings.push(
        Finding.error(
          "assessment/org-life-missed",
          [kind, b.label],
          `${unit}: no ${words} in ${b.label} (${b.from} to ${b.to}); required ${frequency}`
        )
      )
    }
    result.push({ kind, frequency, required: bs.length, met: bs.length - missed.length, missed })
  }
  return {
    unit,
    from,
    to,
    kinds: result,
    compliant: result.every((k) => k.missed.length === 0),
    findings
  }
}

/**
 * The `Scope.Location` of a record.
 *
 * @since 0.1.0
 * @category getters
 */
export const location = (self: OrgLifeRecord, orgPath?: ResolveOrgPath): Location =>
  locate(self.tenant, self.unit, orgPath)

/**
 * A named frequency policy as plugins contribute it: an id (`core` owns `default`, plugins use `<plugin-id>/…`), the
 * policy and where it comes from.
 *
 * @since 0.1.0
 * @category plugins
 */
export class PolicyDefinition extends Schema.Class<PolicyDefinition>("@zhili/OrgLifePolicyDefinition")({
  id: Schema.NonEmptyString,
  policy: FrequencyPolicy,
  source: Schema.String
}) {}

/**
 * Extension point `assessment.orgLifePolicies`: organisational-life frequency policies (组织生活频次), keyed by id.
 *
 * @since 0.1.0
 * @category plugins
 */
export const policiesPoint: Plugin.ExtensionPoint<PolicyDefinition> = Plugin.extensionPoint({
  id: "assessment.orgLifePolicies",
  description: "Organisational-life frequency policies (三会一课 频次) and the members' meeting quorum, keyed by id.",
  schema: PolicyDefinition,
  key: (p) => p.id
})

/**
 * The core default pack's contribution: {@link defaultPolicy} under the key `default`.
 *
 * @since 0.1.0
 * @category plugins
 */
export const defaultContributions: ReadonlyArray<Plugin.Contribution> = [
  Plugin.contribute(policiesPoint, [
    new PolicyDefinition({
      id: "default",
      policy: defaultPolicy,
      source: "STANDARDS.md (Branch Work Regulations 2018); party lecture quarterly is a default to be replaced"
    })
  ])
]
