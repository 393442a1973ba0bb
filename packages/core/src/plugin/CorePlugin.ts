/**
 * The core default policy pack (默认策略包) as a plugin, and the list of every extension point core declares. A host
 * composes `[CorePlugin.plugin, …its plugins]` over {@link points}, so it can see every default and replace any of
 * them with an override.
 *
 * @since 0.1.0
 */
import * as AssessmentReport from "../assessment/AssessmentReport.js"
import * as IndicatorSystem from "../assessment/IndicatorSystem.js"
import * as Inspection from "../assessment/Inspection.js"
import * as OrgLife from "../assessment/OrgLife.js"
import * as Rating from "../assessment/Rating.js"
import * as CaseCategory from "../case/Category.js"
import * as Escalation from "../case/Escalation.js"
import * as Mediation from "../case/Mediation.js"
import * as CaseMetrics from "../case/Metrics.js"
import * as Routing from "../case/Routing.js"
import * as Workflow from "../case/Workflow.js"
import * as Grid from "../grid/Grid.js"
import * as GridReport from "../grid/GridReport.js"
import * as WorkingCalendar from "../kernel/WorkingCalendar.js"
import * as FacilityStandard from "../operation/FacilityStandard.js"
import * as Needs from "../operation/Needs.js"
import * as Project from "../operation/Project.js"
import * as OrgGroup from "../org/OrgGroup.js"
import * as OrgKind from "../org/OrgKind.js"
import * as OrgReport from "../org/OrgReport.js"
import * as Post from "../org/Post.js"
import * as Consent from "../registry/Consent.js"
import * as Labels from "../report/Labels.js"
import * as Reporter from "../report/Reporter.js"
import * as SectionBuilder from "../report/SectionBuilder.js"
import * as Service from "../service/Service.js"
import * as Permissions from "../store/Permissions.js"
import { coreVersion } from "../version.js"
import * as Plugin from "./Plugin.js"

/**
 * Every extension point core declares, in context order: org unit kinds, allowed parent edges and roots, post kinds,
 * joint activities of unit groups;
 * grid leader policies; case categories, emergency time limits, case workflows and their extensions, case routes, escalation
 * ladders, case metric weights, judges' rota policies; working-day
 * calendars; service types; facility standards, needs categories, "一老一小" recommendation policies, project kinds and
 * claimant kinds; indicator systems, rating schemes, organisational-life frequency policies, kinds of inspected unit; report
 * sections, renderers and labels (the locale pack point: label translations); the roles of the store's permissions.
 *
 * @since 0.1.0
 * @category points
 */
export const points: ReadonlyArray<Plugin.AnyExtensionPoint> = [
  OrgKind.unitKindsPoint,
  OrgKind.parentEdgesPoint,
  OrgKind.parentRootsPoint,
  Post.postKindsPoint,
  OrgGroup.activitiesPoint,
  Grid.leaderPoliciesPoint,
  CaseCategory.extensionPoint,
  CaseCategory.emergencyLimitsPoint,
  Workflow.workflowsPoint,
  Workflow.extensionsPoint,
  Routing.routesPoint,
  Escalation.laddersPoint,
  CaseMetrics.weightsPoint,
  Mediation.rotaPoliciesPoint,
  WorkingCalendar.calendars,
  Service.typesPoint,
  FacilityStandard.standardsPoint,
  Needs.categoriesPoint,
  Needs.recommendationPoliciesPoint,
  Project.kindsPoint,
  Project.claimantKindsPoint,
  IndicatorSystem.systemsPoint,
  Rating.schemesPoint,
  OrgLife.policiesPoint,
  Inspection.unitKindsPoint,
  SectionBuilder.sectionsPoint,
  Reporter.renderersPoint,
  Labels.point,
  Permissions.point,
  Consent.point
]

/**
 * The id of the core default pack; it alone contributes keys without a `<plugin-id>/` namespace.
 *
 * @since 0.1.0
 * @category plugins
 */
export const id = "core"

/**
 * The core default policy pack (plugin id `core`, the version of `@zhili/core`): the seed's org unit kinds and
 * parent policy, post kinds and grid leader policy, the default case category catalogue, the 2-hour emergency limits, the core case workflow, the "小事不出小区、大事不出社区"
 * escalation ladder, the 30/35/35 metric weights, the judges' rota policy, the service types, the example facility
 * standard, the five needs categories and the "一老一小" policy, the project and claimant kinds, the
 * organisational-life frequency policy, the "五讲五比" indicator system, the kinds of inspected unit, the core report
 * sections, the report labels and the administrator role (every
 * operation on every aggregate). Each default says its source
 * in its own module (the seed, STANDARDS.md, or "default to be replaced").
 *
 * @since 0.1.0
 * @category plugins
 */
export const plugin: Plugin.Plugin = Plugin.define({
  id,
  version: coreVersion,
  description: "zhili core default policy pack: the defaults of every extension point, with their sources",
  contributes: [
    ...OrgKind.defaultContributions,
    ...Post.defaultContributions,
    ...OrgGroup.defaultContributions,
    ...Grid.defaultContributions,
    CaseCategory.defaultContribution,
    CaseCategory.defaultEmergencyContribution,
    ...Workflow.defaultContributions,
    ...Escalation.defaultContributions,
    ...CaseMetrics.defaultContributions,
    ...Mediation.defaultContributions,
    ...Service.defaultContributions,
    ...FacilityStandard.defaultContributions,
    ...Needs.defaultContributions,
    ...Project.defaultContributions,
    ...OrgLife.defaultContributions,
    ...IndicatorSystem.defaultContributions,
    ...Inspection.defaultContributions,
    Plugin.contribute(SectionBuilder.sectionsPoint, [
      OrgReport.section(),
      GridReport.structure,
      GridReport.visits,
      AssessmentReport.inspections,
      AssessmentReport.bulletins,
      AssessmentReport.tasks
    ]),
    ...Labels.defaultContributions,
    ...Permissions.defaultContributions,
    ...Consent.defaultContributions
  ]
})
