import { assert, describe, it } from "@effect/vitest"
import { GridReport, Report, SectionBuilder } from "@zhili/core"
import { JinxiuHuajing } from "@zhili/testing"
import { DateTime, Either } from "effect"

describe("grid sections over the seed compound", () => {
  it("shows the seed's figures", () => {
    const c = JinxiuHuajing.compound()
    const registry = Either.getOrThrow(
      SectionBuilder.register(SectionBuilder.empty, GridReport.structure, GridReport.visits)
    )
    const doc = Either.getOrThrow(
      SectionBuilder.build(
        new SectionBuilder.ReportSpec({
          title: "t",
          period: new Report.Period(c.period),
          scope: new Report.ScopeRef({ label: "x" }),
          generatedAt: DateTime.unsafeMake("2025-01-01T00:00:00Z")
        }),
        c,
        registry
      )
    )
    const fig = (id: string) => doc.sections.flatMap((s) => s.figures).find((f) => f.id === id)?.value
    assert.deepStrictEqual(Report.validate(doc), [])
    assert.strictEqual(fig("grids-large"), 1)
    assert.strictEqual(fig("grids-small"), 10)
    assert.strictEqual(fig("grids-micro"), 50)
    assert.strictEqual(fig("grid-workers"), 350)
    assert.strictEqual(fig("households-visited"), c.expected.householdsVisited)
  })
})
