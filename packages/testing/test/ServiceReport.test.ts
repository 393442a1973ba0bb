import { assert, describe, it } from "@effect/vitest"
import { LocalDate, Report, SectionBuilder, ServiceReport } from "@zhili/core"
import { ServiceFixtures as Services } from "@zhili/testing"
import { DateTime, Either } from "effect"

describe("service section over the seed compound", () => {
  it("shows the seed's figures", () => {
    const registry = Either.getOrThrow(SectionBuilder.register(SectionBuilder.empty, ServiceReport.section()))
    const doc = Either.getOrThrow(
      SectionBuilder.build(
        new SectionBuilder.ReportSpec({
          title: "t",
          period: new Report.Period({ from: LocalDate.make(2025, 1, 1), to: LocalDate.make(2025, 12, 31) }),
          scope: new Report.ScopeRef({ label: "x" }),
          generatedAt: DateTime.unsafeMake("2026-01-01T00:00:00Z")
        }),
        {
          services: Services.services,
          teams: Services.teams,
          activities: [...Services.tcmSessions, ...Services.afterSchoolActivities, ...Services.teamActivities]
        },
        registry
      )
    )
    const fig = (id: string) => doc.sections.flatMap((s) => s.figures).find((f) => f.id === id)?.value
    assert.deepStrictEqual(Report.validate(doc), [])
    assert.deepStrictEqual([fig("team-activities"), fig("team-person-times")], [180, 8000])
    const rows = doc.sections[0]?.tables[0]?.rows ?? []
    assert.deepInclude(rows, ["中医夜市", 15, 775])
    assert.deepInclude(rows, ["四点半课堂", 129, 5547])
    // one name per meaning: activities of the services a team provides, and activities the team ran
    const byTeam = doc.sections[0]?.tables.find((t) => t.id === "by-team")
    assert.deepStrictEqual(
      byTeam?.columns.map((c) => [c.id, c.label]),
      [
        ["team", "服务队"],
        ["serviceActivities", "所提供服务的活动"],
        ["servicePersonTimes", "所提供服务的人次"],
        ["ranActivities", "开展（承担）的活动"],
        ["ranPersonTimes", "开展（承担）活动的人次"]
      ]
    )
    assert.deepInclude(byTeam?.rows ?? [], ["志愿服务队", 36, 1600, 165, 7147])
    assert.deepInclude(byTeam?.rows ?? [], ["司法服务队", 36, 1600, 36, 1600])
  })
})
