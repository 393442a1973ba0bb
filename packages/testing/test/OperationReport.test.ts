import { assert, describe, it } from "@effect/vitest"
import { FacilityStandard, Ids, LocalDate, OperationReport, Report, SectionBuilder } from "@zhili/core"
import { OperationFixtures as O } from "@zhili/testing"
import { DateTime, Either } from "effect"

describe("operation sections over the Zibo fixture", () => {
  it("build and validate", () => {
    const registry = Either.getOrThrow(
      SectionBuilder.register<
        OperationReport.SpaceRecords & OperationReport.FundRecords & OperationReport.NeedsRecords
      >(SectionBuilder.empty, OperationReport.spaces, OperationReport.fund, OperationReport.needs)
    )
    const doc = Either.getOrThrow(
      SectionBuilder.build(
        new SectionBuilder.ReportSpec({
          title: "t",
          period: new Report.Period({ from: LocalDate.make(2024, 1, 1), to: LocalDate.make(2025, 12, 31) }),
          scope: new Report.ScopeRef({ label: "x" }),
          generatedAt: DateTime.unsafeMake("2026-01-01T00:00:00Z")
        }),
        {
          spaces: [O.serviceComplex],
          standard: FacilityStandard.exampleStandard,
          fund: O.fund,
          ledger: O.ledger,
          projects: O.projects,
          community: Ids.TenantId.make(O.tenant),
          needs: O.needs
        },
        registry
      )
    )
    const fig = (id: string) => doc.sections.flatMap((s) => s.figures).find((f) => f.id === id)?.value
    assert.deepStrictEqual(Report.validate(doc), [])
    assert.strictEqual(fig("spaces-compliant"), 0) // the complex lacks the mediation room
    assert.strictEqual(fig("fund-closing"), 70500)
  })
})
