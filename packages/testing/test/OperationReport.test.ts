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

  it("reports the 公益/市场 mix of a space's services, an agreement's savings and projects by old/new compound", () => {
    const registry = Either.getOrThrow(
      SectionBuilder.register<OperationReport.FundRecords & OperationReport.AgreementRecords>(
        SectionBuilder.empty,
        OperationReport.fund,
        OperationReport.agreements
      )
    )
    const spec = (locale?: "en") =>
      new SectionBuilder.ReportSpec({
        title: "t",
        period: new Report.Period({ from: LocalDate.make(2024, 1, 1), to: LocalDate.make(2025, 12, 31) }),
        scope: new Report.ScopeRef({ label: "x" }),
        generatedAt: DateTime.unsafeMake("2026-01-01T00:00:00Z"),
        ...(locale === undefined ? {} : { locale })
      })
    const records = {
      fund: O.fund,
      ledger: O.ledger,
      projects: O.projects,
      agreements: [O.agreement],
      spaces: [O.serviceComplex]
    }
    const doc = Either.getOrThrow(SectionBuilder.build(spec(), records, registry))
    assert.deepStrictEqual(Report.validate(doc), [])
    const fig = (id: string) => doc.sections.flatMap((s) => s.figures).find((f) => f.id === id)?.value
    assert.deepStrictEqual(
      ["obligations-public-benefit", "obligations-market", "savings-renovation", "savings-annual"].map(fig),
      [1, 1, 600000, 200000]
    )
    assert.deepStrictEqual(["projects-old-compound", "projects-new-compound"].map(fig), [2, 1])
    const table = (id: string) => doc.sections.flatMap((s) => s.tables).find((t) => t.id === id)
    assert.deepStrictEqual(table("agreements")?.rows, [
      ["城南社区便民服务综合体", "城南社区便民服务综合体运营协议", 1, 1, 600000, 200000]
    ])
    assert.deepStrictEqual(table("projects-by-compound")?.rows, [
      ["老旧小区", 2, 130000],
      ["新建小区", 1, 30000],
      ["未注明", 1, 5000]
    ])
    assert.deepStrictEqual(
      table("agreements")?.columns.map((c) => c.label),
      ["阵地", "运营协议", "公益服务", "市场服务", "一次性节省装修成本（元）", "每年节省运营费用（元）"]
    )
    const en = Either.getOrThrow(SectionBuilder.build(spec("en"), records, registry))
    assert.deepStrictEqual(
      en.sections
        .flatMap((s) => s.tables)
        .find((t) => t.id === "agreements")
        ?.columns.map((c) => c.label),
      [
        "Space",
        "Agreement",
        "Public-benefit services",
        "Market services",
        "Fit-out saved once (yuan)",
        "Running costs saved a year (yuan)"
      ]
    )
  })
})
