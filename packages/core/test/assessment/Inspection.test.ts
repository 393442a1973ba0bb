import { assert, describe, expect, it } from "@effect/vitest"
import { Decode, Ids, Inspection, LocalDate, Scope, WorkingCalendar } from "@zhili/core"
import { DateTime, Either, Schema } from "effect"

const d = (s: string) => Schema.decodeSync(LocalDate.LocalDate)(s)
const tenant = Ids.TenantId.make("360733")
const person = Ids.PersonId.make("inspector-1")

const sitting = (id: string, unit: string, kind: Inspection.UnitKind, n: number) =>
  new Inspection.Inspection({
    id: Ids.InspectionId.make(id),
    tenant,
    unit: Ids.OrgUnitId.make(unit),
    unitKind: kind,
    date: d("2024-05-10"),
    inspectors: [person],
    suggestions: Array.from({ length: n }, (_, i) => ({
      id: Ids.SuggestionId.make(`s${i + 1}`),
      text: "会议记录不规范"
    }))
  })

const rect = (
  insp: Inspection.Inspection,
  s: number,
  deadline: string,
  verified?: { on: string; passed?: boolean }
): Inspection.Rectification =>
  new Inspection.Rectification({
    id: Ids.RectificationId.make(`${insp.id}-s${s}`),
    tenant,
    inspection: insp.id,
    suggestion: Ids.SuggestionId.make(`s${s}`),
    unit: insp.unit,
    owner: Ids.PersonId.make("secretary-1"),
    deadline: d(deadline),
    status: verified?.passed === false ? "rectified" : verified === undefined ? "in-progress" : "verified",
    evidence: [],
    ...(verified === undefined ? {} : { rectifiedOn: d(verified.on) }),
    verifications: verified === undefined ? [] : [{ by: person, on: d(verified.on), passed: verified.passed ?? true }]
  })

const town = sitting("i1", "town-1", "township", 3)
const unit = sitting("i2", "unit-1", "county-unit", 1)
const rects = [
  rect(town, 1, "2024-06-10", { on: "2024-06-01" }), // on time
  rect(town, 2, "2024-06-10", { on: "2024-06-20" }), // verified after its deadline: completed late
  rect(town, 3, "2024-06-10", { on: "2024-06-05", passed: false }), // failed verification: still open
  rect(unit, 1, "2024-07-01") // not verified yet
]

describe("Inspection rectification", () => {
  it("counts a rectification verified after its deadline as completed, late, and not on time", () => {
    const r = Inspection.report([town, unit], rects, d("2024-06-30"))
    const t = r.units.find((x) => x.unit === "town-1")
    expect(t).toMatchObject({
      suggestions: 3,
      completed: 2,
      onTime: 1,
      late: 1,
      overdue: 1,
      pending: 0,
      signedOff: false
    })
    expect(t?.completionRate).toBeCloseTo(2 / 3)
    expect(t?.onTimeRate).toBeCloseTo(1 / 3)
    expect(Inspection.outcomeAt(rects[1] as Inspection.Rectification, d("2024-06-15"))).toBe("overdue")
    expect(Inspection.outcomeAt(rects[1] as Inspection.Rectification, d("2024-06-20"))).toBe("late")
    expect(Inspection.outcomeAt(rects[0] as Inspection.Rectification, d("2024-06-10"))).toBe("on-time")
  })

  it("rolls up per unit kind and in total", () => {
    const r = Inspection.report([town, unit], rects, d("2024-06-30"))
    expect(r.byKind.township).toMatchObject({ units: 1, inspections: 1, suggestions: 3, completed: 2 })
    expect(r.byKind["county-unit"]).toMatchObject({ units: 1, suggestions: 1, completed: 0, pending: 1 })
    expect(r.total).toMatchObject({ units: 2, inspections: 2, suggestions: 4, completed: 2, late: 1, signedOff: false })
    expect(r.findings).toEqual([])
  })

  it("lists what is overdue at an instant, in the tenant's zone", () => {
    // 2024-07-01T16:30Z is 2024-07-02 00:30 in Shanghai: the unit's deadline of 1 July has passed there
    const at = DateTime.unsafeMake("2024-07-01T16:30:00Z")
    expect(Inspection.overdueAt(rects, at).map((o) => [o.rectification.id, o.daysOverdue])).toEqual([
      ["i1-s3", 22],
      ["i2-s1", 1]
    ])
    expect(Inspection.overdueAt(rects, at, "UTC").map((o) => o.rectification.id)).toEqual(["i1-s3"])
    // before the late verification, that one was on the list too
    expect(
      Inspection.overdueAt(rects, DateTime.unsafeMake("2024-06-15T04:00:00Z")).map((o) => o.rectification.id)
    ).toEqual(["i1-s2", "i1-s3"])
  })

  it("signs a unit off only when every suggestion is rectified and verified", () => {
    const before = Inspection.signOff(town.unit, [town, unit], rects, d("2024-06-30"))
    expect(before.signedOff).toBe(false)
    expect(before.findings.map((f) => f.path.join("."))).toEqual(["inspections.0.suggestions.2"])
    const fixed = [...rects, rect(town, 3, "2024-06-10", { on: "2024-07-05" })].map((r, i) =>
      i === 4 ? new Inspection.Rectification({ ...r, id: Ids.RectificationId.make("i1-s3-again") }) : r
    )
    expect(Inspection.signOff(town.unit, [town, unit], fixed, d("2024-07-05")).signedOff).toBe(true)
    expect(Inspection.signOff(town.unit, [town, unit], fixed, d("2024-07-04")).signedOff).toBe(false)
  })

  it("takes the latest verification: a failed re-check undoes a pass, and a rectification still open is not done", () => {
    const one = sitting("i3", "town-2", "township", 2)
    const base = rect(one, 1, "2024-06-10", { on: "2024-06-01" })
    const rechecked = new Inspection.Rectification({
      ...base,
      status: "rectified",
      verifications: [
        { by: person, on: d("2024-06-01"), passed: true },
        { by: person, on: d("2024-06-08"), passed: false, note: "复查不合格" }
      ]
    })
    const stillOpen = new Inspection.Rectification({
      ...rect(one, 2, "2024-06-10", { on: "2024-06-02" }),
      status: "open"
    })
    // before the re-check the pass stands; from the re-check on it is not done, and after the deadline overdue
    expect(Inspection.outcomeAt(rechecked, d("2024-06-05"))).toBe("on-time")
    expect(Inspection.outcomeAt(rechecked, d("2024-06-08"))).toBe("pending")
    expect(Inspection.outcomeAt(rechecked, d("2024-06-30"))).toBe("overdue")
    expect(Inspection.outcomeAt(stillOpen, d("2024-06-30"))).toBe("overdue")
    expect(Inspection.completedOn(rechecked)).toBeUndefined()
    expect(Inspection.completedOn(stillOpen)).toBeUndefined()
    const r = Inspection.report([one], [rechecked, stillOpen], d("2024-06-30"))
    expect(r.total).toMatchObject({ suggestions: 2, completed: 0, onTime: 0, overdue: 2, signedOff: false })
    expect(Inspection.signOff(one.unit, [one], [rechecked, stillOpen], d("2024-06-30")).signedOff).toBe(false)
    // passed again after the deadline: completed, late, from the date of that new pass
    const again = new Inspection.Rectification({
      ...rechecked,
      status: "verified",
      verifications: [...rechecked.verifications, { by: person, on: d("2024-06-20"), passed: true }]
    })
    expect(Inspection.completedOn(again)).toBe("2024-06-20")
    expect(Inspection.outcomeAt(again, d("2024-06-30"))).toBe("late")
  })

  it("takes the deadline from the policy's limit, in working days where it says so", () => {
    // inspected on Friday 2024-05-10: 10 working days end on Friday 2024-05-24, 10 calendar days on 2024-05-20
    const one = sitting("i4", "town-3", "township", 1)
    const calendar = WorkingCalendar.weekendsOnly("test", [2024])
    const r = new Inspection.Rectification({
      ...rect(one, 1, "2024-05-20", { on: "2024-05-23" }),
      id: Ids.RectificationId.make("i4-s1")
    })
    const asOf = d("2024-06-30")
    expect(Inspection.report([one], [r], asOf).total).toMatchObject({ onTime: 0, late: 1 })
    const working = Inspection.report([one], [r], asOf, { limit: { days: 10, unit: "working-days" }, calendar })
    expect(working.total).toMatchObject({ completed: 1, onTime: 1, late: 0 })
    expect(working.findings).toEqual([])
    const calendarDays = Inspection.report([one], [r], asOf, { limit: { days: 10, unit: "calendar-days" } })
    expect(calendarDays.total).toMatchObject({ completed: 1, onTime: 0, late: 1 })
    expect(Inspection.limitDeadline(one.date, { days: 10, unit: "working-days" }, calendar)).toEqual(
      Either.right("2024-05-24")
    )
    // a working-day limit without a calendar cannot be applied: a finding, and the record's own deadline
    const noCalendar = Inspection.report([one], [r], asOf, { limit: { days: 10, unit: "working-days" } })
    expect(noCalendar.findings.map((f) => [f.code, f.path.join(".")])).toEqual([
      ["assessment/no-calendar", "inspections.0"]
    ])
    expect(noCalendar.total).toMatchObject({ onTime: 0, late: 1 })
  })

  it("does not count inspections dated after asOf", () => {
    const later = new Inspection.Inspection({ ...sitting("i5", "town-1", "township", 2), date: d("2024-07-10") })
    const r = Inspection.report([town, unit, later], rects, d("2024-06-30"))
    expect(r.total).toMatchObject({ units: 2, inspections: 2, suggestions: 4, completed: 2 })
    expect(r.findings).toEqual([])
    const signOff = Inspection.signOff(
      unit.unit,
      [unit, new Inspection.Inspection({ ...later, unit: unit.unit })],
      [rect(unit, 1, "2024-07-01", { on: "2024-06-20" })],
      d("2024-06-30")
    )
    expect(signOff).toEqual({ signedOff: true, findings: [] })
  })

  it("reports a suggestion without a rectification and a rectification of an unknown suggestion", () => {
    const stray = new Inspection.Rectification({
      ...(rects[0] as Inspection.Rectification),
      suggestion: Ids.SuggestionId.make("s9")
    })
    const r = Inspection.report([town], [stray], d("2024-06-30"))
    expect(r.findings.map((f) => [f.code, f.path.join(".")])).toEqual([
      ["assessment/unknown-suggestion", "rectifications.0"],
      ["assessment/unrectified-suggestion", "inspections.0.suggestions.0"],
      ["assessment/unrectified-suggestion", "inspections.0.suggestions.1"],
      ["assessment/unrectified-suggestion", "inspections.0.suggestions.2"]
    ])
  })

  it("rejects a 'verified' rectification without a passing verification, with the path", () => {
    const r = Decode.decodeEither(Inspection.Rectification)({
      ...Schema.encodeSync(Inspection.Rectification)(rects[3] as Inspection.Rectification),
      status: "verified",
      rectifiedOn: "2024-06-01"
    })
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) expect(r.left.issues.map((i) => i.path.join("."))).toEqual(["verifications"])
    const noInspector = Decode.decodeEither(Inspection.Inspection)({
      ...Schema.encodeSync(Inspection.Inspection)(town),
      inspectors: []
    })
    assert.isTrue(Either.isLeft(noInspector) && noInspector.left.issues[0]?.path.join(".") === "inspectors.0")
  })

  it("locates records in the tenant's division and the unit's org path", () => {
    expect(Inspection.location(town)).toEqual({ division: "360733", org: ["town-1"] })
    expect(Inspection.location(town, (id) => ["county", id])).toEqual({ division: "360733", org: ["county", "town-1"] })
    const county = Scope.org(["county"])
    expect(
      Scope.contains(
        county,
        Inspection.location(town, (id) => ["county", id])
      )
    ).toBe(true)
    expect(
      Scope.contains(
        Scope.org(["other"]),
        Inspection.location(town, (id) => ["county", id])
      )
    ).toBe(false)
  })
})
