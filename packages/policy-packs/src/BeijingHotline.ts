/**
 * The Beijing-style hotline policy pack (接诉即办, plugin id `beijing-hotline`): the three rates (响应率、解决率、满意率)
 * with their weights, the time limits of the hotline as data, and the monthly ranking of handling units (月度排名).
 *
 * Sources (STANDARDS.md, "Case handling"): the regulation (北京市接诉即办工作条例, in force 2021-09-24) assesses the
 * three rates [checked]; their weights are **open** (one county weights 30/35/35); the time limits are **open** (one
 * source: emergencies 2 h, water/power/gas/heating 24 h, general 7 days, complex 15 days). Open values are defaults
 * to be replaced, and every value carries its source.
 *
 * @since 0.1.0
 */
import {
  Assessment,
  type Case,
  CaseCategory,
  CaseDeadline,
  CaseMetrics,
  CaseWorkflow,
  Ids,
  IndicatorSystem,
  Plugin
} from "@zhili/core"
import { Schema } from "effect"
import { version } from "./version.js"

/**
 * The plugin id.
 *
 * @since 0.1.0
 * @category plugins
 */
export const id = "beijing-hotline"

const open = "STANDARDS.md marks it open: a default to be replaced"

/**
 * Weights of the three rates: 30 % response, 35 % resolution, 35 % satisfaction (one county's weighting; open).
 *
 * @since 0.1.0
 * @category policies
 */
export const weights: CaseMetrics.WeightsDefinition = new CaseMetrics.WeightsDefinition({
  id: `${id}/three-rates`,
  weights: new CaseMetrics.Weights({
    response: 0.3,
    resolution: 0.35,
    satisfaction: 0.35,
    source: `Beijing 接诉即办 three rates (regulation 2021-09-24, checked); weights 30/35/35 from one county, ${open}`
  })
})

/**
 * The hotline's time limits: emergencies 2 hours, water, power, gas and heating 24 hours, general matters 7 days and
 * complex ones 15 days (one source). The source says "days" without saying working days: they are read here as
 * calendar days, which makes them stricter than the core pack's 7 and 15 working days (open).
 *
 * @since 0.1.0
 * @category policies
 */
export const limits = {
  emergency: new CaseCategory.TimeLimits({
    response: CaseDeadline.duration(2, "hours"),
    resolve: CaseDeadline.duration(2, "hours"),
    source: `Beijing 接诉即办 emergencies 2 h (one source); ${open}`
  }),
  utilities: new CaseCategory.TimeLimits({
    response: CaseDeadline.duration(2, "hours"),
    resolve: CaseDeadline.duration(24, "hours"),
    source: `Beijing 接诉即办 water/power/gas/heating 24 h (one source); response 2 h is our guess; ${open}`
  }),
  general: new CaseCategory.TimeLimits({
    response: CaseDeadline.duration(1, "days"),
    resolve: CaseDeadline.duration(7, "days"),
    resolveComplex: CaseDeadline.duration(15, "days"),
    source: `Beijing 接诉即办 general 7 days / complex 15 days, read as calendar days (one source); response 1 day is our guess; ${open}`
  })
} as const

/**
 * The core catalogue's top-level categories with the hotline's limits in place of the core defaults (utilities get
 * the 24-hour limits, every other category with its own limits the general ones). Contributed as overrides of the
 * core pack's categories, so the pack needs the core pack listed before it.
 *
 * @since 0.1.0
 * @category policies
 */
export const categories: ReadonlyArray<CaseCategory.Category> = CaseCategory.defaultCatalogue.categories
  .filter((c) => c.limits !== undefined)
  .map((c) => CaseCategory.Category.make({ ...c, limits: c.code === "utilities" ? limits.utilities : limits.general }))

/**
 * The hotline's emergency limits as the core point `case.emergencyLimits` holds them (`beijing-hotline/emergency`):
 * {@link limits}`.emergency`, 2 hours to respond and 2 to resolve (one source; open).
 *
 * @since 0.1.0
 * @category policies
 */
export const emergency: CaseCategory.EmergencyLimitsDefinition = new CaseCategory.EmergencyLimitsDefinition({
  id: `${id}/emergency`,
  limits: limits.emergency
})

const W = CaseWorkflow.roles
const { state: s, step: t } = CaseWorkflow

/**
 * The hotline's workflow (接诉即办, `beijing-hotline/hotline`): received (受理) → dispatched to a unit (派单) → taken
 * by the unit (接单: the response, the resolve deadline starts) → handled (办理) → replied (办结反馈) → return visit
 * (回访, by a return-visit operator who is not the handler; the visit's verdict is the case's) → closed (结案, by the
 * dispatcher). A unit may hand an order back (退单) or get an extension (延期) only with the dispatcher's approval; a
 * failed visit or a dissatisfied resident sends the case back to the unit (重办); a unit may ask, and the dispatcher
 * approve, that a case be left out of the assessment (不纳入考核: duplicate, malicious, outside the jurisdiction). Levels: the core four, then district
 * departments (区级部门) and city departments (市级部门). Source: the regulation's 派单、接单、办理、回访 chain
 * (北京市接诉即办工作条例, 2021, checked in STANDARDS.md); who approves a return or extension is **open**.
 *
 * @since 0.1.0
 * @category policies
 */
export const workflow: CaseWorkflow.Workflow = CaseWorkflow.Workflow.make({
  id: `${id}/hotline`,
  name: { zh: "接诉即办流程", en: "Beijing-style hotline workflow" },
  source: `北京市接诉即办工作条例 (2021-09-24): 派单、接单、办理、回访 (checked); approvals ${open}`,
  initial: "received",
  states: [
    s("received", "reported", "已受理", "Received"),
    s("assigned", "reported", "已派单", "Dispatched to a unit"),
    s("taken", "accepted", "已接单", "Taken by the unit"),
    s("handling", "in-progress", "办理中", "Being handled"),
    s("replied", "resolved", "已办结反馈", "Replied"),
    s("visited", "verified", "已回访", "Return visit made"),
    s("closed", "closed", "已结案", "Closed"),
    s("rejected", "rejected", "不予受理", "Rejected"),
    s("withdrawn", "withdrawn", "已撤回", "Withdrawn")
  ],
  levels: ["micro-grid", "compound", "community", "street", "district-department", "city-department"],
  transitions: [
    t("Dispatched", ["received"], "assigned", { roles: [W.dispatcher] }),
    t("Rejected", ["received"], "rejected", { roles: [W.dispatcher] }),
    t("Accepted", ["assigned"], "taken", { roles: [W.handler], clock: "start-resolve" }),
    t("Returned", ["assigned", "taken"], "received", { roles: [W.handler], approval: [W.dispatcher] }),
    t("Escalated", ["received", "assigned"], "received", {
      roles: [W.dispatcher, W.system],
      clock: "restart-response"
    }),
    t("Started", ["taken"], "handling", { roles: [W.handler] }),
    t("ExtensionGranted", ["taken"], "taken", {
      roles: [W.handler],
      approval: [W.dispatcher],
      clock: "extend-resolve"
    }),
    t("ExtensionGranted", ["handling"], "handling", {
      roles: [W.handler],
      approval: [W.dispatcher],
      clock: "extend-resolve"
    }),
    t("Supervised", ["taken"], "taken", { roles: [W.dispatcher], notify: ["assignee"] }),
    t("Supervised", ["handling"], "handling", { roles: [W.dispatcher], notify: ["assignee"] }),
    t("Resolved", ["handling"], "replied", { roles: [W.handler], notify: ["dispatcher"] }),
    t("ReturnVisited", ["replied"], "visited", { roles: [W.visitor], independent: true }),
    t("Reopened", ["visited", "closed"], "handling", {
      roles: [W.dispatcher],
      clock: "restart-resolve",
      notify: ["assignee"]
    }),
    t("Closed", ["visited"], "closed", { roles: [W.dispatcher] }),
    t("Withdrawn", ["received", "assigned"], "withdrawn"),
    t("Rated", ["closed"], "closed", { roles: [W.visitor] }),
    ...CaseWorkflow.inPlace("Excluded", ["received", "assigned", "taken", "handling", "replied", "visited", "closed"], {
      roles: [W.handler, W.dispatcher],
      approval: [W.dispatcher]
    })
  ],
  selfVerification: false
})

const source = Schema.decodeSync(IndicatorSystem.DataSourceKey)

/**
 * The data-source keys the {@link indicatorSystem} reads: the three rates of a period, each between 0 and 1.
 *
 * @since 0.1.0
 * @category policies
 */
export const sources = {
  response: source("case.response-rate"),
  resolution: source("case.resolution-rate"),
  satisfaction: source("case.satisfaction-rate")
} as const

/**
 * The three rates as an indicator system (接诉即办考核指标体系, 100 points): response, resolution and satisfaction
 * rates read from their data sources, weighted as {@link weights} (30/35/35, open). Its tenant is the municipality
 * of Beijing (110000), whose regulation it follows; a host assessing its own units re-tenants it
 * (`new IndicatorSystem.IndicatorSystem({ ...indicatorSystem, tenant })`). Scored with `Assessment.score` and
 * {@link inputsOf}, its total is the weighted three-rate score of `CaseMetrics.score` when every rate has a value.
 *
 * @since 0.1.0
 * @category policies
 */
export const indicatorSystem: IndicatorSystem.IndicatorSystem = new IndicatorSystem.IndicatorSystem({
  id: Ids.IndicatorSystemId.make(`${id}/three-rates`),
  tenant: Ids.TenantId.make("110000"),
  name: "接诉即办三率考核",
  fullMarks: 100,
  indicators: (["response", "resolution", "satisfaction"] as const).map((k) => ({
    _tag: "Leaf" as const,
    id: Ids.IndicatorId.make(k),
    name: { response: "响应率", resolution: "解决率", satisfaction: "满意率" }[k],
    weight: weights.weights[k],
    method: { _tag: "DataSource" as const, source: sources[k] }
  }))
})

/**
 * The raw inputs of the {@link indicatorSystem} from three rates (e.g. a `CaseMetrics.Summary`): each rate with a
 * value becomes its data source; a rate with nothing to count is left out (and the system reports it missing).
 *
 * @since 0.1.0
 * @category policies
 */
export const inputsOf = (rates: {
  readonly response: CaseMetrics.Rate
  readonly resolution: CaseMetrics.Rate
  readonly satisfaction: CaseMetrics.Rate
}): Assessment.RawInputs =>
  new Assessment.RawInputs({
    sources: Object.fromEntries(
      (["response", "resolution", "satisfaction"] as const).flatMap((k) => {
        const v = rates[k].value
        return v === null ? [] : [[sources[k], v]]
      })
    )
  })

/**
 * The plugin: the three-rate weights (`beijing-hotline/three-rates`), the same three rates as an indicator system
 * (`beijing-hotline/three-rates` of `assessment.indicatorSystems`), the hotline's time limits on the core
 * categories (overrides), its emergency limits ({@link emergency}) and its workflow ({@link workflow}); composed
 * after the core pack, the workflow and limits are the ones in force unless the host selects others. Requires the
 * core pack.
 *
 * @since 0.1.0
 * @category plugins
 */
export const plugin: Plugin.Plugin = Plugin.define({
  id,
  version,
  description: "Beijing-style hotline (接诉即办): workflow, three-rate weights, hotline time limits, monthly ranking",
  requires: { core: "0.x", plugins: { core: "0.x" } },
  contributes: [
    Plugin.contribute(CaseMetrics.weightsPoint, [weights]),
    Plugin.contribute(IndicatorSystem.systemsPoint, [indicatorSystem]),
    Plugin.contribute(CaseCategory.extensionPoint, categories, { override: true }),
    Plugin.contribute(CaseCategory.emergencyLimitsPoint, [emergency]),
    Plugin.contribute(CaseWorkflow.workflowsPoint, [workflow])
  ]
})

/**
 * The monthly ranking (月度排名) of handling units by the weighted three rates in one month (Asia/Shanghai), ties
 * sharing a rank. `unitOf` says which unit a case counts for.
 *
 * @since 0.1.0
 * @category rules
 */
export const monthlyRanking = (
  cases: ReadonlyArray<Case.Case>,
  month: { readonly year: number; readonly month: number },
  unitOf: (c: Case.Case) => string | undefined,
  options: {
    readonly policy: Case.Policy
    readonly units?: ReadonlyArray<string>
    readonly weights?: CaseMetrics.Weights
  }
): ReadonlyArray<CaseMetrics.Ranked> =>
  CaseMetrics.monthlyRanking(cases, CaseMetrics.month(month.year, month.month), unitOf, {
    policy: options.policy,
    weights: options.weights ?? weights.weights,
    ...(options.units === undefined ? {} : { units: options.units })
  })
