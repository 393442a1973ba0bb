import { assert, describe, expect, it } from "@effect/vitest"
import { Decode, Ids, LocalDate, OrgLife } from "@zhili/core"
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
