import { describe, expect, it } from "@effect/vitest"
import { LocalDate, OrgReport, OrgUnit, Partnership, Report, SectionBuilder } from "@zhili/core"
import { DateTime, Either, Schema } from "effect"

// A hand-written community: a general branch with four partnerships, one of which ended before the report date and
// one of which starts after it. On 2024-12-31 two are in force.
const unit = (id: string, kind: string) =>
  Schema.decodeSync(OrgUnit.OrgUnit)({ id, tenant: "360733", kind, name: id, division: "360733" })
const edge = (id: string, type: Partnership.Type, from: string, to: string, start: string, end?: string) =>
  Schema.decodeSync(Partnership.Partnership)({
    id,
    tenant: "360733",
    type,
    from,
    to,
    start,
    ...(end === undefined ? {} : { end })
  })

const units = [
  unit("community", "community-general-branch"),
  unit("compound", "compound-branch"),
  unit("property", "two-new-branch"),
  unit("hospital", "county-organ-branch")
]
const partnerships = [
  edge("p-compound", "co-building", "community", "compound", "2023-03-01"),
  edge("p-property", "co-building", "community", "property", "2023-03-01", "2024-06-30"),
  edge("p-hospital", "dual-registration", "hospital", "community", "2024-02-01", "2025-01-31"),
  edge("p-future", "pairing", "hospital", "compound", "2025-03-01")
]

const build = (to: LocalDate.LocalDate) => {
  const spec = new SectionBuilder.ReportSpec({
    title: "t",
    period: new Report.Period({ from: LocalDate.make(2024, 1, 1), to }),
    scope: new Report.ScopeRef({ label: "community" }),
    locale: "en",
    generatedAt: DateTime.unsafeMake("2025-01-06T02:00:00Z")
  })
  const registry = Either.getOrThrow(SectionBuilder.register(SectionBuilder.empty, OrgReport.section()))
  const doc = Either.getOrThrow(SectionBuilder.build(spec, { units, posts: [], holdings: [], partnerships }, registry))
  const section = doc.sections[0]
  return {
    partnerships: section?.figures.find((f) => f.id === "partnerships")?.value,
    byType: section?.tables.find((t) => t.id === "partnerships-by-type")?.rows
  }
}

describe("OrgReport.section counts the partnerships in force at the end of the period", () => {
  it("leaves out a partnership that ended and one not yet started", () => {
    const r = build(LocalDate.make(2024, 12, 31))
    expect(r.partnerships).toBe(2)
    expect(r.byType).toEqual([
      ["Co-building", 1],
      ["Pairing", 0],
      ["Dual registration", 1],
      ["Enlarged committee", 0]
    ])
  })

  it("counts a partnership on the day it ends and from the day it starts", () => {
    expect(build(LocalDate.make(2024, 6, 30)).partnerships).toBe(3)
    expect(build(LocalDate.make(2025, 3, 1)).partnerships).toBe(2)
  })
})

describe("Partnership.isActive", () => {
  it("is inclusive at both ends and open-ended without an end", () => {
    const ended = partnerships[1] as Partnership.Partnership
    expect(Partnership.isActive(ended, LocalDate.make(2023, 2, 28))).toBe(false)
    expect(Partnership.isActive(ended, LocalDate.make(2023, 3, 1))).toBe(true)
    expect(Partnership.isActive(ended, LocalDate.make(2024, 6, 30))).toBe(true)
    expect(Partnership.isActive(ended, LocalDate.make(2024, 7, 1))).toBe(false)
    expect(Partnership.isActive(partnerships[0] as Partnership.Partnership, LocalDate.make(2099, 1, 1))).toBe(true)
  })
})
