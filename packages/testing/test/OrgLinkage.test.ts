import { assert, describe, it } from "@effect/vitest"
import { Ids, LocalDate, OrgReport, Partnership, Report, SectionBuilder } from "@zhili/core"
import { JinxiuHuajing } from "@zhili/testing"
import { DateTime, Either } from "effect"

const compound = JinxiuHuajing.compound()
const spec = new SectionBuilder.ReportSpec({
  title: "t",
  period: new Report.Period(compound.period),
  scope: new Report.ScopeRef({ label: "x" }),
  generatedAt: DateTime.unsafeMake("2025-01-06T02:00:00Z")
})
const build = (partnerships: ReadonlyArray<Partnership.Partnership>) =>
  Either.getOrThrow(
    SectionBuilder.build(
      spec,
      { ...compound, partnerships },
      Either.getOrThrow(SectionBuilder.register(SectionBuilder.empty, OrgReport.linkage()))
    )
  )
const figures = (doc: Report.ReportDocument) =>
  Object.fromEntries(doc.sections.flatMap((s) => s.figures).map((f) => [f.id, f.value]))

describe("pairing and dual-registration section over the seed compound", () => {
  it("reports the hospital branch's registration and its missing pairings", () => {
    const doc = build(compound.partnerships)
    assert.deepStrictEqual(Report.validate(doc), [])
    const f = figures(doc)
    // the resident hospital's branch (an organ) registered with the community; its 30 serving members registered,
    // its secretary and three committee members not
    assert.deepInclude(f, { "organ-branches": 1, "units-registered": 1, "dual-registration": 30 / 34 })
    assert.deepInclude(f, { "pairing-coverage": 0, "organs-fully-paired": 0 })
    assert.isTrue(doc.sections[0]?.notes.some((n) => n.includes("1+4")))
  })

  it("counts a pairing with the compound branch as one of the four categories", () => {
    const pairing = new Partnership.Partnership({
      id: Ids.PartnershipId.make("pair-1"),
      tenant: compound.tenant,
      type: "pairing",
      from: JinxiuHuajing.unitIds.hospital,
      to: JinxiuHuajing.unitIds.compound,
      start: LocalDate.make(2024, 3, 1)
    })
    const doc = build([...compound.partnerships, pairing])
    const f = figures(doc)
    assert.strictEqual(f["pairing-coverage"], 1 / 4)
    assert.deepStrictEqual(doc.sections[0]?.tables[0]?.rows[0]?.slice(1, 3), [
      "村党组织、两新党组织、流动党员党组织",
      "是"
    ])
  })
})
