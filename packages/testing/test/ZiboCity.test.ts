/**
 * The Zibo report computes the seed's own figures from the records of `ZiboCity`. Each expected value is a literal
 * taken from the seed (中共淄博市委组织部, "阵地服务亲民化 项目运营市场化"), quoted beside it; none is recomputed from
 * the fixture's constants.
 */
import { assert, describe, it } from "@effect/vitest"
import { LocalDate, OperationReport, Report, SectionBuilder } from "@zhili/core"
import { ZiboCity } from "@zhili/testing"
import { DateTime, Either } from "effect"

/** [figure id, section id, value, the seed's passage]. */
const seed: ReadonlyArray<readonly [string, string, number, string]> = [
  ["standard-aspects", "operation.overview", 7, "制定建设标准，明确7个方面，41项必设功能和推荐功能"],
  ["standard-functions", "operation.overview", 41, "制定建设标准，明确7个方面，41项必设功能和推荐功能"],
  ["surveyors", "operation.overview", 11_000, "组织1.1万余名党员干部开展走访摸排"],
  [
    "need-categories",
    "operation.overview",
    5,
    "养老服务、康养、餐饮娱乐、医疗康养、就业创业5大类近300项生活类服务需求"
  ],
  ["need-kinds", "operation.overview", 300, "养老服务、康养、餐饮娱乐、医疗康养、就业创业5大类近300项生活类服务需求"],
  ["operators", "operation.overview", 490, "全市城市社区共引进各类经营主体490余家"],
  ["life-services", "operation.overview", 1_600, "开展各类生活配套项目1600余个"],
  ["micro-renovations-old-compound", "operation.overview", 144, "开展维修路面、建设车棚等社区“微改造”项目144个"],
  ["new-compound-projects", "operation.overview", 672, "在新建社区，策划实施绿化提升、智慧改造等项目672个"],
  ["savings-renovation", "operation.agreements", 600_000, "车站街道城南社区……一次性节省装修成本60余万元"],
  ["savings-annual", "operation.agreements", 200_000, "每年节省场地运营、水电暖等费用支出20万元以上"]
]

type Records = OperationReport.OverviewRecords & OperationReport.AgreementRecords

const registry = Either.getOrThrow(
  SectionBuilder.register<Records>(SectionBuilder.empty, OperationReport.overview, OperationReport.agreements)
)

const records: Records = {
  standard: ZiboCity.standard,
  surveys: ZiboCity.surveys,
  needs: ZiboCity.needs,
  operators: ZiboCity.operators,
  services: ZiboCity.services,
  projects: ZiboCity.projects,
  agreements: [ZiboCity.agreement],
  spaces: ZiboCity.spaces
}

const build = (locale?: "en") =>
  Either.getOrThrow(
    SectionBuilder.build(
      new SectionBuilder.ReportSpec({
        title: "淄博市社区运营报表",
        period: new Report.Period({ from: LocalDate.make(2024, 1, 1), to: LocalDate.make(2025, 12, 31) }),
        scope: new Report.ScopeRef({ label: "淄博市", division: "370300" }),
        generatedAt: DateTime.unsafeMake("2026-01-01T00:00:00Z"),
        ...(locale === undefined ? {} : { locale })
      }),
      records,
      registry
    )
  )

describe("the Zibo report over ZiboCity", () => {
  const doc = build()

  it("is a valid document", () => {
    assert.deepStrictEqual(Report.validate(doc), [])
  })

  for (const [id, section, value, passage] of seed) {
    it(`shows ${id} = ${value} (seed: ${passage})`, () => {
      const figure = doc.sections.find((s) => s.id === section)?.figures.find((f) => f.id === id)
      assert.strictEqual(figure?.value, value)
    })
  }

  it("labels the figures in Chinese and names the agreement and its space, not their ids", () => {
    const overview = doc.sections.find((s) => s.id === "operation.overview")
    assert.strictEqual(overview?.title, "社区运营概况")
    assert.deepStrictEqual(
      overview?.figures.map((f) => `${f.label} ${f.value}${f.unit}`),
      [
        "建设标准方面 7个",
        "必设功能和推荐功能 41项",
        "走访摸排党员干部 11000人",
        "生活类服务需求大类 5个",
        "生活类服务需求 300项",
        "引进经营主体 490家",
        "生活配套项目 1600个",
        "老旧小区微改造项目 144个",
        "新建社区项目 672个"
      ]
    )
    const table = doc.sections.find((s) => s.id === "operation.agreements")?.tables.find((t) => t.id === "agreements")
    assert.deepStrictEqual(table?.rows, [
      ["城南社区便民服务综合体", "城南社区便民服务综合体运营协议", 1, 1, 600000, 200000]
    ])
    const cells = JSON.stringify(doc.sections.flatMap((s) => s.tables.flatMap((t) => t.rows)))
    assert.notInclude(cells, "agr-chengnan-2024")
    assert.notInclude(cells, "space-chengnan-complex")
  })

  it("speaks English on request", () => {
    const en = build("en")
    assert.strictEqual(
      en.sections.find((s) => s.id === "operation.overview")?.title,
      "Community operations at a glance"
    )
  })

  it("counts only services of stored operators and only micro-renovations among old-compound projects", () => {
    const partial = Either.getOrThrow(
      SectionBuilder.build(
        new SectionBuilder.ReportSpec({
          title: "t",
          period: new Report.Period({ from: LocalDate.make(2024, 1, 1), to: LocalDate.make(2025, 12, 31) }),
          scope: new Report.ScopeRef({ label: "x" }),
          generatedAt: DateTime.unsafeMake("2026-01-01T00:00:00Z")
        }),
        { ...records, operators: ZiboCity.operators.slice(0, 1) },
        registry
      )
    )
    const fig = (id: string) => partial.sections.flatMap((s) => s.figures).find((f) => f.id === id)?.value
    // the 城南社区 partner runs services 1–4 (the first 130 operators run four each)
    assert.strictEqual(fig("life-services"), 4)
    assert.strictEqual(fig("operators"), 1)
  })
})
