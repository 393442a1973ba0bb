import { assert, describe, it } from "@effect/vitest"
import { CaseReport, LocalDate, Report, SectionBuilder } from "@zhili/core"
import { CaseArbitraries, JinxiuCases } from "@zhili/testing"
import { DateTime, Either } from "effect"

describe("case section over the seed compound", () => {
  it("shows the seed's figures", () => {
    const policy = CaseArbitraries.policy
    const registry = Either.getOrThrow(SectionBuilder.register(SectionBuilder.empty, CaseReport.section({ policy })))
    const doc = Either.getOrThrow(
      SectionBuilder.build(
        new SectionBuilder.ReportSpec({
          title: "t",
          period: new Report.Period({ from: LocalDate.make(2025, 1, 1), to: LocalDate.make(2025, 12, 31) }),
          scope: new Report.ScopeRef({ label: "x" }),
          generatedAt: DateTime.unsafeMake("2026-01-01T00:00:00Z")
        }),
        { cases: JinxiuCases.cases(policy), mediations: JinxiuCases.mediations },
        registry
      )
    )
    const fig = (id: string) => doc.sections.flatMap((s) => s.figures).find((f) => f.id === id)?.value
    assert.deepStrictEqual(Report.validate(doc), [])
    assert.strictEqual(fig("requests-solved"), 25)
    assert.strictEqual(fig("disputes-mediated"), 3)
    assert.strictEqual(fig("mediation-success"), 1)
  })
})
