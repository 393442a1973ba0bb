/**
 * Report section of the case context (诉求与纠纷统计): requests solved, disputes mediated and the mediation success
 * rate, the three rates (response, resolution, satisfaction), closing and on-time closing rates, and the share of
 * cases settled inside the compound ("小事不出小区"), computed from case and mediation records with
 * {@link CaseMetrics} and {@link Mediation.successRate}.
 *
 * @since 0.1.0
 */
import { DateTime } from "effect"
import * as LocalDate from "../kernel/LocalDate.js"
import * as Labels from "../report/Labels.js"
import * as Report from "../report/Report.js"
import * as SectionBuilder from "../report/SectionBuilder.js"
import type * as Case from "./Case.js"
import * as Category from "./Category.js"
import * as Mediation from "./Mediation.js"
import * as CaseMetrics from "./Metrics.js"

/**
 * The labels of the case section.
 *
 * @since 0.1.0
 * @category labels
 */
export const labels: Labels.Labels = Labels.make({
  "case.title": { "zh-CN": "诉求办理与矛盾化解", en: "Requests and disputes" },
  "case.reported": { "zh-CN": "受理诉求与纠纷", en: "Cases reported" },
  "case.requestsSolved": { "zh-CN": "解决诉求", en: "Requests solved" },
  "case.disputesMediated": { "zh-CN": "调解纠纷", en: "Disputes mediated" },
  "case.mediationSuccess": { "zh-CN": "纠纷化解成功率", en: "Mediation success rate" },
  "case.mediationsSucceeded": { "zh-CN": "调解成功", en: "mediations succeeded" },
  "case.response": { "zh-CN": "响应率", en: "Response rate" },
  "case.resolution": { "zh-CN": "解决率", en: "Resolution rate" },
  "case.satisfaction": { "zh-CN": "满意率", en: "Satisfaction rate" },
  "case.closing": { "zh-CN": "结案率", en: "Closing rate" },
  "case.onTimeClosing": { "zh-CN": "按期结案率", en: "On-time closing rate" },
  "case.settledInCompound": { "zh-CN": "小区内化解占比", en: "Settled inside the compound" },
  "case.closedInCompound": { "zh-CN": "小区内办结", en: "closed at micro-grid or compound level" },
  "case.closed": { "zh-CN": "办结", en: "closed" },
  "case.numerator": { "zh-CN": "分子", en: "numerator" },
  "case.denominator": { "zh-CN": "分母", en: "denominator" },
  "case.byLevel": { "zh-CN": "办结层级", en: "Closed by handling level" },
  "case.byKind": { "zh-CN": "诉求与纠纷类型", en: "Cases by kind" },
  "case.level.micro-grid": { "zh-CN": "微网格", en: "Micro grid" },
  "case.level.compound": { "zh-CN": "小区", en: "Compound" },
  "case.level.community": { "zh-CN": "社区", en: "Community" },
  "case.level.street": { "zh-CN": "街道", en: "Street" },
  "case.level.district-department": { "zh-CN": "区级部门", en: "District department" },
  "case.level.command-centre": { "zh-CN": "指挥中心", en: "Command centre" },
  "case.level.city-department": { "zh-CN": "市级部门", en: "City department" },
  "case.kind.request": { "zh-CN": "诉求", en: "Request" },
  "case.kind.dispute": { "zh-CN": "纠纷", en: "Dispute" },
  "case.kind.incident": { "zh-CN": "事件", en: "Incident" },
  "case.kind.proxy-service": { "zh-CN": "帮办代办", en: "Proxy service" },
  "case.records.cases": { "zh-CN": "案件", en: "case" },
  "case.records.mediations": { "zh-CN": "调解", en: "mediation" },
  "unit.items": { "zh-CN": "个", en: "" },
  "unit.cases": { "zh-CN": "件", en: "cases" }
})

/**
 * Records the case section reads.
 *
 * @since 0.1.0
 * @category models
 */
export interface Records {
  readonly cases: ReadonlyArray<Case.Case>
  readonly mediations: ReadonlyArray<Mediation.Mediation>
}

/**
 * The metrics period of a report period: from the start of its first day to the start of the day after its last
 * day, in a time zone (default Asia/Shanghai).
 *
 * @since 0.1.0
 * @category conversions
 */
export const metricsPeriod = (period: Report.Period, timeZone = "Asia/Shanghai"): CaseMetrics.Period => {
  const start = (d: LocalDate.LocalDate) =>
    DateTime.toUtc(DateTime.unsafeMakeZoned(LocalDate.toParts(d), { timeZone, adjustForTimeZone: true }))
  return new CaseMetrics.Period({ from: start(period.from), to: start(LocalDate.addDays(period.to, 1)) })
}

const fromRate = (
  id: string,
  label: string,
  r: CaseMetrics.Rate,
  formula: string,
  numeratorLabel: string,
  denominatorLabel: string
): Report.Figure =>
  new Report.Figure({
    id,
    label,
    value: r.value,
    kind: "percent",
    unit: "%",
    computation: new Report.Computation({
      formula,
      inputs: [
        new Report.Input({ label: numeratorLabel, count: r.numerator }),
        new Report.Input({ label: denominatorLabel, count: r.denominator })
      ]
    })
  })

const inCompound: ReadonlyArray<Category.HandlingLevel> = ["micro-grid", "compound"]

/**
 * The case section (`case.summary`) under a case policy (time limits, calendar, required levels), with the closed
 * cases by level over `levels` (default the core levels; pass `policy.workflow.levels` for another workflow). Seed: 25 requests
 * solved; 3 disputes mediated with 100% success; "small matters do not leave the compound".
 *
 * @since 0.1.0
 * @category sections
 */
export const section = (
  options: CaseMetrics.Options & { readonly timeZone?: string; readonly levels?: ReadonlyArray<string> }
): SectionBuilder.SectionBuilder<Records> =>
  SectionBuilder.make<Records>({
    id: "case.summary",
    labels,
    sources: (r) => [
      { kind: "case.records.cases", count: r.cases.length },
      { kind: "case.records.mediations", count: r.mediations.length }
    ],
    build: (r, { period, t }) => {
      const p = metricsPeriod(period, options.timeZone)
      const s = CaseMetrics.summarize(r.cases, p, options)
      const closed = r.cases.filter((c) => c.closedAt !== undefined && CaseMetrics.contains(p, c.closedAt))
      const solved = closed.filter((c) => c.intake.kind !== "dispute" && c.closure === "fixed")
      const mediation = Mediation.successRate(r.mediations, p)
      const levels = options.levels ?? Category.levels
      const kinds = ["request", "dispute", "incident", "proxy-service"] as const
      const nums = t("case.numerator")
      const dens = t("case.denominator")
      return Report.section({
        id: "case.summary",
        title: t("case.title"),
        figures: [
          new Report.Figure({
            id: "cases-reported",
            label: t("case.reported"),
            value: s.reported,
            kind: "integer",
            unit: t("unit.cases"),
            computation: new Report.Computation({
              formula: "count(cases reported in the period)",
              inputs: [new Report.Input({ label: t("case.records.cases"), count: r.cases.length })]
            })
          }),
          Report.count({
            id: "requests-solved",
            label: t("case.requestsSolved"),
            unit: t("unit.items"),
            items: solved,
            inputLabel: t("case.closed"),
            formula: "count(cases other than disputes closed as fixed in the period)"
          }),
          new Report.Figure({
            id: "disputes-mediated",
            label: t("case.disputesMediated"),
            value: mediation.denominator,
            kind: "integer",
            unit: t("unit.cases"),
            computation: new Report.Computation({
              formula: "count(mediations that ended in the period)",
              inputs: [new Report.Input({ label: t("case.records.mediations"), count: r.mediations.length })]
            })
          }),
          fromRate(
            "mediation-success",
            t("case.mediationSuccess"),
            mediation,
            "mediations ending in agreement ÷ mediations ended",
            t("case.mediationsSucceeded"),
            t("case.disputesMediated")
          ),
          fromRate("response-rate", t("case.response"), s.response, "responded in time ÷ due a response", nums, dens),
          fromRate("resolution-rate", t("case.resolution"), s.resolution, "resolved as fixed ÷ resolved", nums, dens),
          fromRate("satisfaction-rate", t("case.satisfaction"), s.satisfaction, "satisfied ÷ rated", nums, dens),
          fromRate("closing-rate", t("case.closing"), s.closing, "closed ÷ (due − deferred)", nums, dens),
          fromRate(
            "on-time-closing-rate",
            t("case.onTimeClosing"),
            s.onTimeClosing,
            "closed on time ÷ (due − deferred)",
            nums,
            dens
          ),
          Report.rate({
            id: "settled-in-compound",
            label: t("case.settledInCompound"),
            numerator: closed.filter((c) => inCompound.includes(c.level)).length,
            numeratorLabel: t("case.closedInCompound"),
            denominator: closed.length,
            denominatorLabel: t("case.closed"),
            formula: "closed at micro-grid or compound level ÷ closed in the period"
          })
        ],
        series: [
          new Report.Series({
            id: "closed-by-level",
            title: t("case.byLevel"),
            kind: "pie",
            unit: t("unit.cases"),
            categories: levels.map((l) => t(`case.level.${l}`)),
            data: [
              new Report.SeriesData({
                name: t("case.closed"),
                values: levels.map((l) => closed.filter((c) => c.level === l).length)
              })
            ]
          }),
          new Report.Series({
            id: "cases-by-kind",
            title: t("case.byKind"),
            kind: "bar",
            unit: t("unit.cases"),
            categories: kinds.map((k) => t(`case.kind.${k}`)),
            data: [
              new Report.SeriesData({
                name: t("case.closed"),
                values: kinds.map((k) => closed.filter((c) => c.intake.kind === k).length)
              })
            ]
          })
        ]
      })
    }
  })
