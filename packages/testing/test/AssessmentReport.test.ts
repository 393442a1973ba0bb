import { assert, describe, it } from "@effect/vitest"
import { AssessmentReport, Brand, Labels, LocalDate, Report, SectionBuilder } from "@zhili/core"
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
    assert.strictEqual(fig("rectification-overdue"), 0)
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

describe("index, organisational-life and brand sections over Huichang", () => {
  const spec = new SectionBuilder.ReportSpec({
    title: "t",
    period: new Report.Period({ from: LocalDate.make(2024, 1, 1), to: H.asOf }),
    scope: new Report.ScopeRef({ label: "x" }),
    generatedAt: DateTime.unsafeMake("2024-12-01T00:00:00Z")
  })
  const registry = Either.getOrThrow(
    SectionBuilder.register<
      AssessmentReport.IndexRecords & AssessmentReport.OrgLifeRecords & AssessmentReport.BrandRecords
    >(SectionBuilder.empty, AssessmentReport.index(), AssessmentReport.orgLife(), AssessmentReport.brands)
  )
  const fulfilled = H.responsibilityList.duties.slice(0, 12).map((d) => d.id)
  const build = (brands: ReadonlyArray<Brand.BrandChecklist>) =>
    Either.getOrThrow(
      SectionBuilder.build(
        spec,
        {
          taskLists: [H.reformTasks],
          responsibility: [{ list: H.responsibilityList, fulfilled }],
          orgLifeRecords: H.orgLifeRecords,
          orgLifeUnits: H.townships.slice(0, 2),
          brands
        },
        registry
      )
    )

  it("computes the 双清 index from the task and responsibility lists", () => {
    const doc = build(H.brands)
    const fig = (id: string) => doc.sections.flatMap((s) => s.figures).find((f) => f.id === id)?.value
    assert.deepStrictEqual(Report.validate(doc), [])
    // 320 of 398 tasks done by 30 November (80.4%), 12 of 16 duties fulfilled (75%), equally weighted
    assert.deepStrictEqual(["index", "index-task-completion", "index-responsibility-fulfilment"].map(fig), [
      77.7,
      320 / 398,
      0.75
    ])
    assert.strictEqual(doc.sections[0]?.title, "双清指数")
  })

  it("notes a component the records cannot feed", () => {
    const doc = Either.getOrThrow(
      SectionBuilder.build(
        spec,
        { taskLists: [H.reformTasks], responsibility: [] },
        Either.getOrThrow(SectionBuilder.register(SectionBuilder.empty, AssessmentReport.index()))
      )
    )
    assert.strictEqual(doc.sections[0]?.figures[0]?.value, 40.2)
    assert.match(doc.sections[0]?.notes[0] ?? "", /responsibility\.fulfilment-rate is missing/)
  })

  it("checks organisational life against the frequency policy", () => {
    const doc = build(H.brands)
    const fig = (id: string) => doc.sections.flatMap((s) => s.figures).find((f) => f.id === id)?.value
    // township 1 holds every meeting; township 2 has no record at all
    assert.deepStrictEqual(["org-life-units", "org-life-compliance"].map(fig), [2, 0.5])
    assert.isAbove(fig("org-life-missed") ?? 0, 0)
    const orgLife = doc.sections.find((s) => s.id === "assessment.orgLife")
    assert.deepInclude(orgLife?.tables[0]?.rows ?? [], ["支委会", "每月", 22, 11, 0.5])
    assert.isTrue(orgLife?.notes.some((n) => n.includes(H.townships[1] ?? "?")))
  })

  it("checks brands against the four requirements", () => {
    const [first, ...rest] = H.brands
    assert.isDefined(first)
    const lacking = new Brand.BrandChecklist({ ...first, results: [] })
    const doc = build([...rest, lacking])
    const fig = (id: string) => doc.sections.flatMap((s) => s.figures).find((f) => f.id === id)?.value
    assert.deepStrictEqual(["brands", "brands-passed"].map(fig), [12, 11 / 12])
    const brands = doc.sections.find((s) => s.id === "assessment.brands")
    assert.deepInclude(brands?.tables[0]?.rows ?? [], ["“红蓝绿”三色司法党建", H.countyUnits[0] ?? "", "工作实效"])
  })
})
