import { assert, describe, it } from "@effect/vitest"
import { AssessmentReport, Labels, LocalDate, Report, SectionBuilder } from "@zhili/core"
import { HuichangCounty as H } from "@zhili/testing"
import { DateTime, Either } from "effect"

describe("assessment sections over Huichang", () => {
  it("build and validate", () => {
    const registry = Either.getOrThrow(
      SectionBuilder.register<AssessmentReport.Records>(
        SectionBuilder.empty,
        AssessmentReport.inspections,
        AssessmentReport.bulletins,
        AssessmentReport.tasks
      )
    )
    const doc = Either.getOrThrow(
      SectionBuilder.build(
        new SectionBuilder.ReportSpec({
          title: "t",
          period: new Report.Period({ from: LocalDate.make(2024, 1, 1), to: H.asOf }),
          scope: new Report.ScopeRef({ label: "x" }),
          generatedAt: DateTime.unsafeMake("2024-12-01T00:00:00Z")
        }),
        {
          inspections: H.inspections,
          rectifications: H.rectifications,
          bulletin: H.bulletin,
          taskLists: [H.reformTasks]
        },
        registry
      )
    )
    const fig = (id: string) => doc.sections.flatMap((s) => s.figures).find((f) => f.id === id)?.value
    assert.deepStrictEqual(Report.validate(doc), [])
    assert.deepStrictEqual(
      [
        "inspected-units",
        "inspections",
        "suggestions",
        "rectification-completion",
        "bulletin-praise",
        "bulletin-criticism",
        "tasks"
      ].map(fig),
      [90, 108, 229, 1, 51, 12, 398]
    )
  })
})

describe("rating sections over Huichang", () => {
  it("rates 23 four-strong branches and gives horse and snail awards", () => {
    const fourStrong = AssessmentReport.ratings({
      id: "assessment.fourStrong",
      title: new Labels.Entry({ "zh-CN": "“四强”党支部", en: "Four-strong branches" }),
      scheme: H.fourStrongScheme,
      awards: { top: 3, bottom: 3, ties: "include-all" }
    })
    const doc = Either.getOrThrow(
      SectionBuilder.build(
        new SectionBuilder.ReportSpec({
          title: "t",
          period: new Report.Period({ from: LocalDate.make(2024, 1, 1), to: H.asOf }),
          scope: new Report.ScopeRef({ label: "x" }),
          generatedAt: DateTime.unsafeMake("2024-12-01T00:00:00Z")
        }),
        { assessments: H.fourStrongAssessments },
        Either.getOrThrow(SectionBuilder.register(SectionBuilder.empty, fourStrong))
      )
    )
    const fig = (id: string) => doc.sections.flatMap((s) => s.figures).find((f) => f.id === id)?.value
    assert.deepStrictEqual(Report.validate(doc), [])
    assert.strictEqual(doc.sections[0]?.title, "“四强”党支部")
    assert.deepStrictEqual(["selected", "horse-awards", "snail-awards"].map(fig), [23, 12, 12])
  })
})
