/**
 * The seed compound (锦绣华景小区) reported in one call in every format (Markdown, HTML, CSV, JSON, XLSX), from its
 * records through the contexts' own sections (`SeedReports.compound()`): every figure the seed quotes for the
 * compound is computed, and shown in the Markdown and the HTML.
 */
import { assert, describe, it } from "@effect/vitest"
import { Report, Reporter } from "@zhili/core"
import { reporters } from "@zhili/report"
import { Xlsx } from "@zhili/report-xlsx"
import { SeedReports } from "@zhili/testing"
import { Effect } from "effect"

const document = SeedReports.compound()
const figure = (section: string, id: string) =>
  document.sections.find((s) => s.id === section)?.figures.find((f) => f.id === id)
const row = (section: string, label: string) =>
  document.sections
    .find((s) => s.id === section)
    ?.tables.flatMap((t) => t.rows)
    .find((r) => r[0] === label)

/** The seed's figures for the compound: section, figure id, value. */
const seedFigures: ReadonlyArray<readonly [string, string, number]> = [
  ["grid.visits", "requests-opened", 25], // 解决诉求25个
  ["case.summary", "requests-solved", 25],
  ["service.activities", "team-activities", 180], // 志愿服务队开展活动180场
  ["service.activities", "team-person-times", 8000], // 服务群众8000人次
  ["case.summary", "disputes-mediated", 3], // 调解纠纷3起
  ["case.summary", "mediation-success", 1], // 成功率100%
  ["grid.structure", "grids-large", 1], // 大网格1个
  ["grid.structure", "grids-small", 10], // 小网格10个
  ["grid.structure", "grids-micro", 50], // 微网格50个
  ["grid.structure", "grid-workers", 350], // 网格员350名
  ["org.structure", "units-grid-party-group", 10], // 网格党小组10个
  ["org.structure", "posts-building-backbone", 50] // 党员楼栋骨干50名
]

/** The seed's rows: TCM night clinic 15 sessions / 775 person-times; after-school class 129 / 5,547. */
const seedRows: ReadonlyArray<readonly [string, number, number]> = [
  ["中医夜市", 15, 775],
  ["四点半课堂", 129, 5547]
]

describe("the seed compound's report", () => {
  it("computes every figure the seed quotes from the records", () => {
    assert.deepStrictEqual(Report.validate(document), [])
    for (const [section, id, value] of seedFigures) assert.strictEqual(figure(section, id)?.value, value, id)
    assert.isAtLeast(figure("grid.visits", "households-visited")?.value ?? 0, 4350) // 走访4350余户
    for (const [label, sessions, personTimes] of seedRows)
      assert.deepStrictEqual(row("service.activities", label), [label, sessions, personTimes])
  })

  it.effect("renders in every format in one call, the Markdown and HTML showing each seed figure", () =>
    Effect.gen(function* () {
      const files = yield* Reporter.renderAll(document, [...reporters, Xlsx.reporter])
      assert.includeMembers(
        files.map((f) => f.name.split(".").pop()),
        ["md", "html", "csv", "json", "xlsx"]
      )
      for (const f of files) assert.isAbove(f.bytes.length, 0, f.name)
      const households = figure("grid.visits", "households-visited")
      for (const ext of ["md", "html"]) {
        const text = new TextDecoder().decode(files.find((f) => f.name.endsWith(`.${ext}`))?.bytes)
        for (const [section, id] of [...seedFigures, ["grid.visits", "households-visited"] as const]) {
          const f = figure(section, id)
          assert.isDefined(f, id)
          assert.include(text, f?.label ?? "?", `${ext}: label of ${id}`)
          assert.include(text, Report.formatValue(f?.value ?? null, f?.kind ?? "integer"), `${ext}: ${id}`)
        }
        assert.include(text, String(households?.value))
        for (const [label, sessions, personTimes] of seedRows) {
          for (const cell of [label, String(sessions), String(personTimes)])
            assert.include(text, cell, `${ext}: ${cell}`)
        }
        assert.include(text, "100%")
      }
    })
  )

  it("reads in English too", () => {
    assert.deepStrictEqual(
      SeedReports.compound({ locale: "en" }).sections.map((s) => s.title),
      [
        "Organisation",
        "Pairing and dual registration",
        "Grid structure",
        "Door-knocking visits",
        "Requests and disputes",
        "Services and activities"
      ]
    )
  })
})

const figuresOf = (doc: Report.ReportDocument, section: string) =>
  Object.fromEntries(doc.sections.find((s) => s.id === section)?.figures.map((f) => [f.id, f.value]) ?? [])

const rendersEachFigure = (doc: Report.ReportDocument) =>
  Effect.gen(function* () {
    const files = yield* Reporter.renderAll(doc, [...reporters, Xlsx.reporter])
    assert.includeMembers(
      files.map((f) => f.name.split(".").pop()),
      ["md", "html", "csv", "json", "xlsx"]
    )
    for (const ext of ["md", "html"]) {
      const text = new TextDecoder().decode(files.find((f) => f.name.endsWith(`.${ext}`))?.bytes)
      for (const s of doc.sections) {
        assert.include(text, s.title)
        for (const f of s.figures) assert.include(text, Report.formatValue(f.value, f.kind), `${ext}: ${s.id}/${f.id}`)
      }
    }
  })

describe("the Huichang County report", () => {
  const county = SeedReports.county()

  it("computes the seed's inspection, rectification, bulletin, rating and award figures", () => {
    assert.deepStrictEqual(Report.validate(county), [])
    // 对90个单位开展巡学旁听108场次，提出意见建议229条，整改完成率100%
    assert.deepInclude(figuresOf(county, "assessment.inspections"), {
      "inspected-units": 90,
      inspections: 108,
      suggestions: 229,
      "rectification-completion": 1,
      "rectification-overdue": 0
    })
    // 表扬栏51条、批评栏12条
    assert.deepInclude(figuresOf(county, "assessment.bulletins"), { "bulletin-praise": 51, "bulletin-criticism": 12 })
    assert.deepInclude(figuresOf(county, "assessment.tasks"), { tasks: 398 }) // 398项任务
    // 评定"四强"党支部23个; the best and worst three (ties included) get horse and snail awards
    assert.deepInclude(figuresOf(county, "assessment.fourStrong"), { assessed: 71, selected: 23 })
    assert.deepInclude(figuresOf(county, "assessment.modelOrgan"), {
      selected: 25, // 25 model organs
      "horse-awards": 3,
      "snail-awards": 3
    })
    assert.deepInclude(figuresOf(county, "assessment.index"), { index: 77.7 })
    assert.deepInclude(figuresOf(county, "assessment.brands"), { brands: 12, "brands-passed": 1 }) // 10余个品牌
  })

  it.effect("renders in every format, each figure in the Markdown and HTML", () => rendersEachFigure(county))
})

describe("the Zibo-style operations report", () => {
  const operations = SeedReports.operations()

  it("computes spaces, fund, projects and needs from the records", () => {
    assert.deepStrictEqual(Report.validate(operations), [])
    assert.deepInclude(figuresOf(operations, "operation.spaces"), { spaces: 1, "spaces-compliant": 0 })
    assert.deepInclude(figuresOf(operations, "operation.fund"), {
      "fund-income": 180500,
      "fund-spending": 110000,
      "fund-closing": 70500,
      projects: 4
    })
    assert.deepInclude(figuresOf(operations, "operation.needs"), { "need-kinds": 7, "need-mentions": 650 })
    const needs = operations.sections.find((s) => s.id === "operation.needs")?.tables[0]?.rows
    assert.deepStrictEqual(needs?.[0], [1, "养老服务", "助餐", 210])
  })

  it.effect("renders in every format, each figure in the Markdown and HTML", () => rendersEachFigure(operations))
})

describe("the Zibo report", () => {
  const zibo = SeedReports.zibo()

  it("shows the seed's city figures and the community's sections", () => {
    assert.deepStrictEqual(Report.validate(zibo), [])
    assert.deepStrictEqual(
      zibo.sections.map((s) => s.id),
      ["operation.overview", "operation.agreements", "operation.spaces", "operation.fund", "operation.needs"]
    )
    // 7个方面，41项必设功能和推荐功能; 1.1万余名党员干部; 5大类近300项; 经营主体490余家; 生活配套项目1600余个;
    // "微改造"项目144个; 新建社区项目672个
    assert.deepInclude(figuresOf(zibo, "operation.overview"), {
      "standard-aspects": 7,
      "standard-functions": 41,
      surveyors: 11000,
      "need-categories": 5,
      "need-kinds": 300,
      operators: 490,
      "life-services": 1600,
      "micro-renovations-old-compound": 144,
      "new-compound-projects": 672
    })
    // 一次性节省装修成本60余万元，每年节省……20万元以上
    assert.deepInclude(figuresOf(zibo, "operation.agreements"), {
      "savings-renovation": 600000,
      "savings-annual": 200000
    })
  })

  it.effect("renders in every format, each figure in the Markdown and HTML", () => rendersEachFigure(zibo))
})
