/**
 * Report sections of the grid context (网格统计): the grid structure (large, small and micro grids; grid workers by
 * source) and the door-knocking visits (敲门行动: households visited, visits, outcomes, visits per month), computed
 * from grid, worker, household and visit records.
 *
 * @since 0.1.0
 */
import * as LocalDate from "../kernel/LocalDate.js"
import * as Labels from "../report/Labels.js"
import * as Report from "../report/Report.js"
import * as SectionBuilder from "../report/SectionBuilder.js"
import type * as Grid from "./Grid.js"
import * as GridWorker from "./GridWorker.js"
import * as Visit from "./Visit.js"

/**
 * The labels of the grid sections.
 *
 * @since 0.1.0
 * @category labels
 */
export const labels: Labels.Labels = Labels.make({
  "grid.structure.title": { "zh-CN": "网格体系", en: "Grid structure" },
  "grid.level.large": { "zh-CN": "大网格", en: "Large grids" },
  "grid.level.small": { "zh-CN": "小网格", en: "Small grids" },
  "grid.level.micro": { "zh-CN": "微网格", en: "Micro grids" },
  "grid.workers": { "zh-CN": "网格员", en: "Grid workers" },
  "grid.workersBySource": { "zh-CN": "网格员来源", en: "Grid workers by source" },
  "grid.source.community": { "zh-CN": "社区", en: "Community" },
  "grid.source.property-company": { "zh-CN": "物业公司", en: "Property company" },
  "grid.source.retired-cadre": { "zh-CN": "退休干部", en: "Retired cadres" },
  "grid.source.serving-party-member": { "zh-CN": "在职党员", en: "Serving party members" },
  "grid.source.volunteer": { "zh-CN": "志愿服务骨干", en: "Volunteers" },
  "grid.records.grids": { "zh-CN": "网格", en: "grid" },
  "grid.records.workers": { "zh-CN": "网格员", en: "grid worker" },
  "grid.visits.title": { "zh-CN": "敲门行动", en: "Door-knocking visits" },
  "grid.visits.households": { "zh-CN": "走访户数", en: "Households visited" },
  "grid.visits.visits": { "zh-CN": "走访次数", en: "Visits" },
  "grid.visits.requests": { "zh-CN": "收集诉求", en: "Requests opened" },
  "grid.visits.proxy": { "zh-CN": "帮办代办", en: "Proxy services done" },
  "grid.visits.coverage": { "zh-CN": "走访覆盖率", en: "Visit coverage" },
  "grid.visits.outcomes": { "zh-CN": "走访结果", en: "Visit outcomes" },
  "grid.visits.byMonth": { "zh-CN": "每月走访次数", en: "Visits per month" },
  "grid.visits.month": { "zh-CN": "月份", en: "Month" },
  "grid.outcome.no-one-home": { "zh-CN": "无人在家", en: "No one home" },
  "grid.outcome.needs-recorded": { "zh-CN": "记录需求", en: "Needs recorded" },
  "grid.outcome.proxy-service-done": { "zh-CN": "帮办代办", en: "Proxy service" },
  "grid.outcome.request-opened": { "zh-CN": "形成诉求", en: "Request opened" },
  "grid.records.visits": { "zh-CN": "走访", en: "visit" },
  "grid.records.households": { "zh-CN": "住户", en: "household" },
  "unit.grids": { "zh-CN": "个", en: "grids" },
  "unit.people": { "zh-CN": "人", en: "people" },
  "unit.households": { "zh-CN": "户", en: "households" },
  "unit.visits": { "zh-CN": "次", en: "visits" },
  "unit.items": { "zh-CN": "个", en: "" }
})

/**
 * Records the grid structure section reads.
 *
 * @since 0.1.0
 * @category models
 */
export interface StructureRecords {
  readonly grids: ReadonlyArray<Grid.Grid>
  readonly workers: ReadonlyArray<GridWorker.GridWorker>
}

/**
 * Records the door-knocking section reads.
 *
 * @since 0.1.0
 * @category models
 */
export interface VisitRecords {
  readonly grids: ReadonlyArray<Grid.Grid>
  readonly households: ReadonlyArray<{ readonly id: Visit.Visit["household"]; readonly building: string }>
  readonly visits: ReadonlyArray<Visit.Visit>
}

const levels = ["large", "small", "micro"] as const
const sources = GridWorker.Source.literals

/**
 * The grid structure section (`grid.structure`): grids per level (seed: 1 large, 10 small, 50 micro) and grid
 * workers active at the end of the period by source (seed: 350 from community, property company, retired cadres,
 * serving party members and volunteers).
 *
 * @since 0.1.0
 * @category sections
 */
export const structure: SectionBuilder.SectionBuilder<StructureRecords> = SectionBuilder.make<StructureRecords>({
  id: "grid.structure",
  labels,
  sources: (r) => [
    { kind: "grid.records.grids", count: r.grids.length },
    { kind: "grid.records.workers", count: r.workers.length }
  ],
  build: (r, { period, t }) => {
    const active = r.workers.filter((w) => GridWorker.isActive(w, period.to))
    const bySource = sources.map((s) => active.filter((w) => w.source === s).length)
    return Report.section({
      id: "grid.structure",
      title: t("grid.structure.title"),
      figures: [
        ...levels.map((level) =>
          Report.count({
            id: `grids-${level}`,
            label: t(`grid.level.${level}`),
            unit: t("unit.grids"),
            items: r.grids.filter((g) => g.level === level),
            inputLabel: t("grid.records.grids"),
            formula: `count(grids where level = ${level})`
          })
        ),
        Report.count({
          id: "grid-workers",
          label: t("grid.workers"),
          unit: t("unit.people"),
          items: active,
          inputLabel: t("grid.records.workers"),
          formula: `count(grid workers active on ${period.to})`
        })
      ],
      tables: [
        new Report.Table({
          id: "workers-by-source",
          title: t("grid.workersBySource"),
          columns: [
            new Report.Column({ id: "source", label: t("grid.workersBySource"), type: "text" }),
            new Report.Column({ id: "workers", label: t("grid.workers"), type: "integer" }),
            new Report.Column({ id: "share", label: "%", type: "percent" })
          ],
          rows: sources.map((s, i) => [
            t(`grid.source.${s}`),
            bySource[i] ?? 0,
            active.length === 0 ? null : (bySource[i] ?? 0) / active.length
          ])
        })
      ],
      series: [
        new Report.Series({
          id: "workers-by-source",
          title: t("grid.workersBySource"),
          kind: "pie",
          unit: t("unit.people"),
          categories: sources.map((s) => t(`grid.source.${s}`)),
          data: [new Report.SeriesData({ name: t("grid.workers"), values: bySource })]
        })
      ]
    })
  }
})

/**
 * The door-knocking section (`grid.visits`): households visited in the period (a household counts once; a visit
 * that found no one home does not count), visits, requests opened and proxy services done on visits, coverage of
 * the households of the grids, outcomes and visits per month (seed: 4,350 households visited).
 *
 * @since 0.1.0
 * @category sections
 */
export const visits: SectionBuilder.SectionBuilder<VisitRecords> = SectionBuilder.make<VisitRecords>({
  id: "grid.visits",
  labels,
  sources: (r) => [
    { kind: "grid.records.visits", count: r.visits.length },
    { kind: "grid.records.households", count: r.households.length }
  ],
  build: (r, { period, t }) => {
    const c = Visit.coverage(r, period)
    const dated = r.visits
      .map((v) => ({ v, day: LocalDate.fromDateTime(v.at) }))
      .filter((x) => LocalDate.isBetween(x.day, period.from, period.to))
    const inPeriod = dated.map((x) => x.v)
    const months = monthsOf(period)
    const byMonth = new Map<string, number>()
    for (const x of dated) byMonth.set(x.day.slice(0, 7), (byMonth.get(x.day.slice(0, 7)) ?? 0) + 1)
    const perMonth = months.map((m) => byMonth.get(m) ?? 0)
    const outcomes = Visit.Outcome.literals
    return Report.section({
      id: "grid.visits",
      title: t("grid.visits.title"),
      figures: [
        new Report.Figure({
          id: "households-visited",
          label: t("grid.visits.households"),
          value: c.total.visited,
          kind: "integer",
          unit: t("unit.households"),
          computation: new Report.Computation({
            formula: "count(distinct household with a visit in the period whose outcome is not no-one-home)",
            inputs: [new Report.Input({ label: t("grid.records.visits"), count: c.total.visits })]
          })
        }),
        new Report.Figure({
          id: "visits",
          label: t("grid.visits.visits"),
          value: c.total.visits,
          kind: "integer",
          unit: t("unit.visits"),
          computation: new Report.Computation({
            formula: "count(visits in the period to households of the grids)",
            inputs: [new Report.Input({ label: t("grid.records.visits"), count: r.visits.length })]
          })
        }),
        Report.count({
          id: "requests-opened",
          label: t("grid.visits.requests"),
          unit: t("unit.items"),
          items: inPeriod.filter((v) => v.outcome === "request-opened"),
          inputLabel: t("grid.records.visits"),
          formula: "count(visits in the period with outcome request-opened)"
        }),
        Report.count({
          id: "proxy-services",
          label: t("grid.visits.proxy"),
          unit: t("unit.items"),
          items: inPeriod.filter((v) => v.outcome === "proxy-service-done"),
          inputLabel: t("grid.records.visits"),
          formula: "count(visits in the period with outcome proxy-service-done)"
        }),
        Report.rate({
          id: "visit-coverage",
          label: t("grid.visits.coverage"),
          numerator: c.total.visited,
          numeratorLabel: t("grid.visits.households"),
          denominator: c.total.households,
          denominatorLabel: t("grid.records.households"),
          formula: "households visited ÷ households of the grids"
        })
      ],
      tables: [
        new Report.Table({
          id: "visits-by-month",
          title: t("grid.visits.byMonth"),
          columns: [
            new Report.Column({ id: "month", label: t("grid.visits.month"), type: "text" }),
            new Report.Column({ id: "visits", label: t("grid.visits.visits"), type: "integer" })
          ],
          rows: months.map((m, i) => [m, perMonth[i] ?? 0])
        })
      ],
      series: [
        new Report.Series({
          id: "visits-by-month",
          title: t("grid.visits.byMonth"),
          kind: "line",
          unit: t("unit.visits"),
          categories: months,
          data: [new Report.SeriesData({ name: t("grid.visits.visits"), values: perMonth })]
        }),
        new Report.Series({
          id: "visit-outcomes",
          title: t("grid.visits.outcomes"),
          kind: "pie",
          unit: t("unit.visits"),
          categories: outcomes.map((o) => t(`grid.outcome.${o}`)),
          data: [new Report.SeriesData({ name: t("grid.visits.visits"), values: outcomes.map((o) => c.outcomes[o]) })]
        })
      ]
    })
  }
})

const monthsOf = (period: Report.Period): ReadonlyArray<string> => {
  const out: Array<string> = []
  for (let d = LocalDate.startOfMonth(period.from); d <= period.to; d = LocalDate.addDays(LocalDate.endOfMonth(d), 1)) {
    out.push(d.slice(0, 7))
  }
  return out
}

/**
 * Every record the grid sections read.
 *
 * @since 0.1.0
 * @category models
 */
export type Records = StructureRecords & VisitRecords
