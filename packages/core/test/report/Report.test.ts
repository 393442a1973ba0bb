import { assert, describe, expect, it } from "@effect/vitest"
import { Labels, LocalDate, Plugin, Privacy, Report, SectionBuilder } from "@zhili/core"
import { DateTime, Either, Redacted, Schema } from "effect"
import * as fc from "fast-check"

const period = new Report.Period({ from: LocalDate.make(2025, 1, 1), to: LocalDate.make(2025, 3, 31) })
const scope = new Report.ScopeRef({ label: "锦绣华景小区", division: "440881002" })
const at = DateTime.unsafeMake("2025-04-01T01:30:00Z")

interface Rec {
  readonly visits: ReadonlyArray<{ readonly household: string }>
  readonly disputes: ReadonlyArray<{ readonly settled: boolean; readonly phone: Redacted.Redacted<string> }>
}

const labels = Labels.make({
  "t.visits": { "zh-CN": "敲门行动", en: "Door-knocking" },
  "t.households": { "zh-CN": "走访户数", en: "Households visited" },
  "t.visitKind": { "zh-CN": "走访", en: "visit" },
  "t.disputes": { "zh-CN": "矛盾联解", en: "Disputes" },
  "t.rate": { "zh-CN": "化解成功率", en: "Success rate" },
  "t.disputeKind": { "zh-CN": "纠纷", en: "dispute" }
})

const visits = SectionBuilder.make<Pick<Rec, "visits">>({
  id: "visits",
  labels,
  sources: (r) => [{ kind: "t.visitKind", count: r.visits.length }],
  build: (r, { t }) =>
    Report.section({
      id: "visits",
      title: t("t.visits"),
      figures: [
        Report.count({
          id: "households",
          label: t("t.households"),
          unit: "户",
          items: [...new Set(r.visits.map((v) => v.household))],
          inputLabel: t("t.visitKind"),
          formula: "count(distinct household)"
        })
      ]
    })
})

const disputes = SectionBuilder.make<Pick<Rec, "disputes">>({
  id: "disputes",
  labels,
  sources: (r) => [{ kind: "t.disputeKind", count: r.disputes.length }],
  build: (r, { t, disclosure }) =>
    Report.section({
      id: "disputes",
      title: t("t.disputes"),
      figures: [
        Report.rate({
          id: "rate",
          label: t("t.rate"),
          numerator: r.disputes.filter((d) => d.settled).length,
          numeratorLabel: "settled",
          denominator: r.disputes.length,
          denominatorLabel: "mediated",
          formula: "settled ÷ mediated"
        })
      ],
      tables: [
        new Report.Table({
          id: "phones",
          title: "phones",
          columns: [new Report.Column({ id: "phone", label: "phone", type: "masked" })],
          rows: r.disputes.map((d) => [Report.masked(d.phone, "phone", disclosure)])
        })
      ]
    })
})

const registry = Either.getOrThrow(SectionBuilder.register<Rec>(SectionBuilder.empty, visits, disputes))
const records: Rec = {
  visits: [{ household: "a" }, { household: "b" }, { household: "a" }],
  disputes: [
    { settled: true, phone: Redacted.make("13812345678") },
    { settled: false, phone: Redacted.make("13912345678") }
  ]
}
const spec = (extra: Partial<ConstructorParameters<typeof SectionBuilder.ReportSpec>[0]> = {}) =>
  new SectionBuilder.ReportSpec({ title: "报表", period, scope, generatedAt: at, ...extra })

describe("SectionBuilder.build", () => {
  it("composes the registered sections in order, computing figures from the records", () => {
    const doc = Either.getOrThrow(SectionBuilder.build(spec(), records, registry))
    assert.deepStrictEqual(
      doc.sections.map((s) => s.id),
      ["visits", "disputes"]
    )
    assert.strictEqual(doc.locale, "zh-CN")
    const households = doc.sections[0]?.figures[0]
    assert.strictEqual(households?.value, 2)
    assert.deepStrictEqual(
      households?.computation.inputs.map((i) => i.count),
      [2]
    )
    assert.strictEqual(doc.sections[1]?.figures[0]?.value, 0.5)
    assert.strictEqual(doc.generatedFrom, "3 条走访记录、2 条纠纷记录")
    assert.deepStrictEqual(Report.validate(doc), [])
  })

  it("is pure: the generation instant comes from the spec and the same input gives the same document", () => {
    const a = Either.getOrThrow(SectionBuilder.build(spec(), records, registry))
    const b = Either.getOrThrow(SectionBuilder.build(spec(), records, registry))
    assert.deepStrictEqual(Schema.encodeSync(Report.ReportDocument)(a), Schema.encodeSync(Report.ReportDocument)(b))
    assert.strictEqual(Schema.encodeSync(Report.ReportDocument)(a).generatedAt, "2025-04-01T01:30:00.000Z")
  })

  it("writes English labels for the en locale and keeps the chosen sections only", () => {
    const doc = Either.getOrThrow(
      SectionBuilder.build(spec({ locale: "en", sections: ["disputes"] }), records, registry)
    )
    assert.deepStrictEqual(
      doc.sections.map((s) => s.title),
      ["Disputes"]
    )
    assert.strictEqual(doc.generatedFrom, "2 dispute records")
  })

  it("masks personal data by default and reveals it only under a disclosure, which the document records", () => {
    const masked = Either.getOrThrow(SectionBuilder.build(spec(), records, registry))
    assert.deepStrictEqual(masked.sections[1]?.tables[0]?.rows, [["138****5678"], ["139****5678"]])
    assert.isUndefined(masked.disclosure)
    const disclosure = new Privacy.Disclosure({ reason: "调解回访需要联系当事人", fields: ["phone"] })
    const open = Either.getOrThrow(SectionBuilder.build(spec({ disclosure }), records, registry))
    assert.deepStrictEqual(open.sections[1]?.tables[0]?.rows, [["13812345678"], ["13912345678"]])
    assert.strictEqual(open.disclosure?.reason, "调解回访需要联系当事人")
  })

  it("fails with UnknownSection naming the registered ids", () => {
    const r = SectionBuilder.build(spec({ sections: ["visits", "fund"] }), records, registry)
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) {
      assert.instanceOf(r.left, SectionBuilder.UnknownSection)
      assert.strictEqual(r.left.message, 'report section "fund" has no builder; registered: visits, disputes')
    }
  })

  it("refuses to register two builders under one id", () => {
    const r = SectionBuilder.register<Rec>(registry, visits)
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) assert.instanceOf(r.left, SectionBuilder.DuplicateSection)
  })

  it("rejects a specification whose period ends before it starts, naming the path", () => {
    const r = Schema.decodeUnknownEither(SectionBuilder.ReportSpec)({
      title: "x",
      period: { from: "2025-03-01", to: "2025-01-01" },
      scope: { label: "x" },
      generatedAt: "2025-04-01T00:00:00Z"
    })
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) expect(r.left.message).toMatch(/period ends \(2025-01-01\) before it starts/)
  })
})

describe("Report figures and formatting", () => {
  it("gives no rate when there is nothing to rate", () => {
    const f = Report.rate({
      id: "r",
      label: "r",
      numerator: 0,
      numeratorLabel: "n",
      denominator: 0,
      denominatorLabel: "d",
      formula: "n ÷ d"
    })
    assert.isNull(f.value)
    assert.strictEqual(Report.formatFigure(f), "—")
  })

  it("formats values the same way for every renderer", () => {
    assert.strictEqual(Report.formatValue(4350, "integer"), "4350")
    assert.strictEqual(Report.formatValue(1, "percent"), "100%")
    assert.strictEqual(Report.formatValue(0.875, "percent"), "87.5%")
    assert.strictEqual(Report.formatValue(2 / 3, "decimal"), "0.67")
    assert.strictEqual(Report.formatInstant(at), "2025-04-01 09:30 (Asia/Shanghai)")
    const sum = Report.sum({
      id: "pt",
      label: "服务人次",
      unit: "人次",
      items: [{ n: 500 }, { n: 275 }],
      of: (x) => x.n,
      inputLabel: "活动",
      formula: "sum(participants)"
    })
    assert.strictEqual(Report.formatFigure(sum), "775 人次")
    assert.strictEqual(Report.formatInputs(sum.computation), "活动 2")
  })

  it("percent formatting stays within 0%–100% for any rate of counts (property)", () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), (a, b) => {
        const [n, d] = a <= b ? [a, b] : [b, a]
        if (d === 0) return true
        const text = Report.formatValue(n / d, "percent")
        const v = Number(text.replace("%", ""))
        return text.endsWith("%") && v >= 0 && v <= 100
      })
    )
  })
})

describe("Report.validate", () => {
  it("reports ragged rows, wrong cell types, short series and duplicate sections with paths", () => {
    const bad = Report.section({
      id: "s",
      title: "s",
      tables: [
        new Report.Table({
          id: "t",
          title: "t",
          columns: [
            new Report.Column({ id: "n", label: "n", type: "integer" }),
            new Report.Column({ id: "d", label: "d", type: "date" })
          ],
          rows: [[1.5, "2025-02-30"], [1]]
        })
      ],
      series: [
        new Report.Series({
          id: "x",
          title: "x",
          kind: "bar",
          unit: "",
          categories: ["a", "b"],
          data: [new Report.SeriesData({ name: "l", values: [1] })]
        })
      ]
    })
    const doc = new Report.ReportDocument({
      title: "t",
      period,
      scope,
      locale: "zh-CN",
      generatedAt: at,
      generatedFrom: "",
      sections: [bad, bad]
    })
    const findings = Report.validate(doc)
    assert.deepStrictEqual(
      findings.slice(0, 4).map((f) => [f.code, f.path]),
      [
        ["report/cell-type", ["sections", 0, "tables", 0, "rows", 0, 0]],
        ["report/cell-type", ["sections", 0, "tables", 0, "rows", 0, 1]],
        ["report/row-width", ["sections", 0, "tables", 0, "rows", 1]],
        ["report/series-length", ["sections", 0, "series", 0, "data", 0]]
      ]
    )
    assert.isTrue(findings.some((f) => f.code === "report/duplicate-section" && f.path[1] === 1))
  })
})

describe("Labels", () => {
  it("looks up Chinese by default, English on request, fills placeholders and reports missing ids", () => {
    assert.strictEqual(Labels.text(Labels.defaults, "report.period", Labels.defaultLocale), "统计期间")
    assert.strictEqual(
      Labels.text(Labels.defaults, "report.records", "en", { count: 3, kind: "visit" }),
      "3 visit records"
    )
    assert.strictEqual(Labels.text(Labels.defaults, "no.such", "en"), "no.such")
    assert.deepStrictEqual(
      Labels.missing(Labels.defaults, ["report.period", "no.such"]).map((f) => f.path),
      [["labels", "no.such"]]
    )
  })

  it("takes labels contributed by plugins through the report.labels extension point", () => {
    const city = Plugin.define({
      id: "my-city",
      version: "1.0.0",
      description: "My City wording",
      contributes: [
        Plugin.contribute(Labels.point, [
          new Labels.Definition({ id: "my-city/hotline", "zh-CN": "市民热线", en: "City hotline" })
        ])
      ]
    })
    const composed = Plugin.compose([city], [Labels.point])
    assert.isTrue(Either.isRight(composed))
    if (Either.isRight(composed)) {
      const merged = Labels.fromPlugins(composed.right)
      assert.strictEqual(Labels.text(merged, "my-city/hotline", "zh-CN"), "市民热线")
      assert.strictEqual(Labels.text(merged, "report.scope", "en"), "Scope")
    }
  })
})
