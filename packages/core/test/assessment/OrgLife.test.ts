import { assert, describe, expect, it } from "@effect/vitest"
import { CorePlugin, Decode, Ids, LocalDate, OrgLife, Plugin, Runtime } from "@zhili/core"
import { Either, Schema } from "effect"

const d = (s: string) => Schema.decodeSync(LocalDate.LocalDate)(s)
const tenant = Ids.TenantId.make("360733")
const unit = Ids.OrgUnitId.make("branch-1")
let n = 0
const rec = (kind: OrgLife.Kind, date: string, attendance?: { present: number; members: number }) =>
  new OrgLife.OrgLifeRecord({
    id: Ids.OrgLifeRecordId.make(`r${++n}`),
    tenant,
    unit,
    kind,
    date: d(date),
    ...(attendance === undefined ? {} : { attendance })
  })

const onlyMembers: OrgLife.FrequencyPolicy = {
  ...OrgLife.defaultPolicy,
  frequencies: {
    "members-meeting": "quarterly",
    "committee-meeting": "none",
    "group-meeting": "none",
    "party-lecture": "none",
    "theme-party-day": "none",
    "heart-to-heart-talk": "none",
    "org-life-meeting": "none",
    "democratic-appraisal": "none"
  }
}

describe("OrgLife.compliance", () => {
  it("uses the STANDARDS.md defaults, the party lecture as an open default", () => {
    expect(OrgLife.defaultPolicy.frequencies).toEqual({
      "members-meeting": "quarterly",
      "committee-meeting": "monthly",
      "group-meeting": "monthly",
      "party-lecture": "quarterly",
      "theme-party-day": "monthly",
      "heart-to-heart-talk": "yearly",
      "org-life-meeting": "yearly",
      "democratic-appraisal": "yearly"
    })
  })

  it("a gap across a quarter boundary: meetings on 28 March and 2 July miss Q2 although only 96 days apart", () => {
    const records = [rec("members-meeting", "2025-03-28"), rec("members-meeting", "2025-07-02")]
    const c = OrgLife.compliance(records, unit, d("2025-01-01"), d("2025-09-30"), onlyMembers)
    const m = c.kinds.find((k) => k.kind === "members-meeting")
    expect(m).toMatchObject({ required: 3, met: 2 })
    expect(m?.missed.map((b) => b.label)).toEqual(["2025-Q2"])
    expect(c.compliant).toBe(false)
    expect(c.findings.map((f) => [f.code, f.path.join(".")])).toEqual([
      ["assessment/org-life-missed", "members-meeting.2025-Q2"]
    ])
  })

  it("and meetings on 2 January and 30 June meet both quarters although almost six months apart", () => {
    const records = [rec("members-meeting", "2025-01-02"), rec("members-meeting", "2025-06-30")]
    const c = OrgLife.compliance(records, unit, d("2025-01-01"), d("2025-06-30"), onlyMembers)
    expect(c.compliant).toBe(true)
  })

  it("requires only calendar buckets wholly inside the period", () => {
    expect(OrgLife.buckets("quarterly", d("2025-02-15"), d("2025-12-31")).map((b) => b.label)).toEqual([
      "2025-Q2",
      "2025-Q3",
      "2025-Q4"
    ])
    expect(OrgLife.buckets("monthly", d("2024-12-01"), d("2025-02-27")).map((b) => b.label)).toEqual([
      "2024-12",
      "2025-01"
    ])
    expect(OrgLife.buckets("half-yearly", d("2025-01-01"), d("2025-12-31")).map((b) => b.label)).toEqual([
      "2025-H1",
      "2025-H2"
    ])
    expect(OrgLife.buckets("yearly", d("2025-01-02"), d("2025-12-31"))).toEqual([])
    expect(OrgLife.buckets("none", d("2025-01-01"), d("2025-12-31"))).toEqual([])
  })

  it("does not count a members' meeting without a quorum of more than half", () => {
    const records = [rec("members-meeting", "2025-02-01", { present: 10, members: 20 })]
    const c = OrgLife.compliance(records, unit, d("2025-01-01"), d("2025-03-31"), onlyMembers)
    expect(c.findings.map((f) => f.code)).toEqual(["assessment/no-quorum", "assessment/org-life-missed"])
    const ok = OrgLife.compliance(
      [rec("members-meeting", "2025-02-01", { present: 11, members: 20 })],
      unit,
      d("2025-01-01"),
      d("2025-03-31"),
      onlyMembers
    )
    expect(ok.compliant).toBe(true)
  })

  it("checks every kind under the default policy", () => {
    const c = OrgLife.compliance([rec("committee-meeting", "2025-01-05")], unit, d("2025-01-01"), d("2025-03-31"))
    expect(c.kinds.map((k) => [k.kind, k.required, k.met])).toEqual([
      ["members-meeting", 1, 0],
      ["committee-meeting", 3, 1],
      ["group-meeting", 3, 0],
      ["party-lecture", 1, 0],
      ["theme-party-day", 3, 0],
      ["heart-to-heart-talk", 0, 0],
      ["org-life-meeting", 0, 0],
      ["democratic-appraisal", 0, 0]
    ])
  })

  it("rejects attendance above membership with a path", () => {
    const r = Decode.decodeEither(OrgLife.OrgLifeRecord)({
      id: "x",
      tenant: "360733",
      unit: "branch-1",
      kind: "members-meeting",
      date: "2025-01-01",
      attendance: { present: 21, members: 20 }
    })
    assert.isTrue(Either.isLeft(r) && r.left.issues[0]?.path.join(".") === "attendance.present")
  })
})

describe("organisational life by unit kind, 谈心谈话, and a host policy", () => {
  const monthly = (kind: string, day: string) =>
    Array.from({ length: 12 }, (_, i) => rec(kind, `2025-${String(i + 1).padStart(2, "0")}-${day}`))
  const branchYear = [
    ...monthly("committee-meeting", "05"),
    ...monthly("group-meeting", "10"),
    ...monthly("theme-party-day", "15"),
    ...["03", "06", "09", "12"].flatMap((m) => [
      rec("members-meeting", `2025-${m}-20`, { present: 30, members: 34 }),
      rec("party-lecture", `2025-${m}-21`)
    ]),
    rec("org-life-meeting", "2025-01-25"),
    rec("democratic-appraisal", "2025-01-26")
  ]

  it("asks a branch for its yearly heart-to-heart talks (谈心谈话)", () => {
    const without = OrgLife.compliance(branchYear, unit, d("2025-01-01"), d("2025-12-31"))
    expect(without.findings.map((f) => f.path.join("."))).toEqual(["heart-to-heart-talk.2025"])
    const talked = [...branchYear, rec("heart-to-heart-talk", "2025-02-14")]
    expect(OrgLife.compliance(talked, unit, d("2025-01-01"), d("2025-12-31")).compliant).toBe(true)
  })

  it("does not ask a grid party group for a committee meeting: only its monthly group meeting", () => {
    const group = monthly("group-meeting", "10")
    const asGroup = OrgLife.compliance(
      group,
      unit,
      d("2025-01-01"),
      d("2025-12-31"),
      OrgLife.defaultPolicy,
      "grid-party-group"
    )
    expect(asGroup.compliant).toBe(true)
    expect(asGroup.kinds.find((k) => k.kind === "group-meeting")).toMatchObject({ required: 12, met: 12 })
    // the same records checked as a branch miss 12 committee meetings, among others
    const asBranch = OrgLife.compliance(group, unit, d("2025-01-01"), d("2025-12-31"))
    expect(asBranch.kinds.find((k) => k.kind === "committee-meeting")).toMatchObject({ required: 12, met: 0 })
  })

  it("a host pack's policy changes the outcome: talks every quarter", () => {
    const host = Plugin.define({
      id: "my-county",
      version: "1.0.0",
      description: "谈心谈话 every quarter",
      requires: { plugins: { core: "0.x" } },
      contributes: [
        Plugin.contribute(OrgLife.policiesPoint, [
          new OrgLife.PolicyDefinition({
            id: "my-county/org-life",
            policy: {
              ...OrgLife.defaultPolicy,
              frequencies: { ...OrgLife.defaultPolicy.frequencies, "heart-to-heart-talk": "quarterly" }
            },
            source: "test"
          })
        ])
      ]
    })
    const talked = [...branchYear, rec("heart-to-heart-talk", "2025-02-14")]
    const core = Either.getOrThrow(Runtime.make([CorePlugin.plugin]))
    const county = Either.getOrThrow(Runtime.make([CorePlugin.plugin, host]))
    expect(OrgLife.compliance(talked, unit, d("2025-01-01"), d("2025-12-31"), core.orgLife).compliant).toBe(true)
    const checked = OrgLife.compliance(talked, unit, d("2025-01-01"), d("2025-12-31"), county.orgLife)
    expect(checked.findings.map((f) => f.path.join("."))).toEqual([
      "heart-to-heart-talk.2025-Q2",
      "heart-to-heart-talk.2025-Q3",
      "heart-to-heart-talk.2025-Q4"
    ])
  })
})
