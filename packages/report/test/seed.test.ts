/**
 * The seed compound (锦绣华景小区) reported in one call in every format, from its records: the sections of the
 * contexts that have landed (grid structure and door-knocking visits so far) computed over
 * `JinxiuHuajing.compound()`, then rendered by every reporter.
 */
import { assert, describe, it } from "@effect/vitest"
import { GridReport, OrgReport, Report, Reporter, SectionBuilder } from "@zhili/core"
import { reporters } from "@zhili/report"
import { JinxiuHuajing } from "@zhili/testing"
import { DateTime, Effect, Either } from "effect"

const compound = JinxiuHuajing.compound()
const registry = Either.getOrThrow(
  SectionBuilder.register<GridReport.Records & OrgReport.Records>(
    SectionBuilder.empty,
    OrgReport.section(),
    GridReport.structure,
    GridReport.visits
  )
)
const spec = (locale: "zh-CN" | "en") =>
  new SectionBuilder.ReportSpec({
    title: locale === "zh-CN" ? "锦绣华景小区治理报表" : "Jinxiu Huajing compound",
    period: new Report.Period(compound.period),
    scope: new Report.ScopeRef({ label: "新越社区锦绣华景小区", division: "440881002" }),
    locale,
    generatedAt: DateTime.unsafeMake("2025-01-06T02:00:00Z")
  })
const document = Either.getOrThrow(SectionBuilder.build(spec("zh-CN"), compound, registry))
const figure = (id: string) => document.sections.flatMap((s) => s.figures).find((f) => f.id === id)

describe("the seed compound's report", () => {
  it("computes the seed's grid figures from the records", () => {
    assert.deepStrictEqual(Report.validate(document), [])
    assert.deepStrictEqual(
      ["grids-large", "grids-small", "grids-micro", "grid-workers"].map((id) => figure(id)?.value),
      [1, 10, 50, 350] // 大网格1个、小网格10个、微网格50个; 350 grid workers
    )
    assert.strictEqual(figure("households-visited")?.value, compound.expected.householdsVisited) // 4350余户
    assert.isAtLeast(figure("households-visited")?.value ?? 0, 4350)
    assert.strictEqual(figure("requests-opened")?.value, compound.expected.requestsOpened) // 诉求25个
    const bySource = document.sections[1]?.tables[0]?.rows.map((r) => r[1])
    assert.deepStrictEqual(bySource, Object.values(compound.expected.workersBySource))
  })

  it("counts the five-level organisation from its records", () => {
    assert.strictEqual(figure("units-grid-party-group")?.value, 10) // 网格党小组10个
    assert.strictEqual(figure("posts-building-backbone")?.value, 50) // 党员楼栋骨干50名
    assert.strictEqual(figure("posts-property-steward")?.value, 10) // 10名物业管家
    const coBuilding = document.sections[0]?.tables[1]?.rows.find((r) => r[0] === "党建共建")
    assert.strictEqual(coBuilding?.[1], 2) // "1+2": the general branch with two branches
  })

  it.effect("renders in every format in one call, the Markdown and HTML showing each figure", () =>
    Effect.gen(function* () {
      const files = yield* Reporter.renderAll(document, reporters)
      assert.includeMembers(
        files.map((f) => f.name.split(".").pop()),
        ["md", "html", "csv", "json"]
      )
      for (const ext of ["md", "html"]) {
        const file = files.find((f) => f.name.endsWith(`.${ext}`))
        const text = new TextDecoder().decode(file?.bytes)
        for (const f of document.sections.flatMap((s) => s.figures)) {
          assert.include(text, f.label)
          assert.include(text, Report.formatValue(f.value, f.kind), `${ext}: ${f.id}`)
        }
      }
    })
  )

  it("reads in English too", () => {
    const en = Either.getOrThrow(SectionBuilder.build(spec("en"), compound, registry))
    assert.deepStrictEqual(
      en.sections.map((s) => s.title),
      ["Organisation", "Grid structure", "Door-knocking visits"]
    )
  })
})
