/**
 * The runtime configuration (运行配置) read back from composed plugins: the policies the rules take as arguments
 * (kind registry, parent policy, leader policy, catalogue, escalation ladder, weights, frequencies, calendars,
 * standards, the lists a deployment varies — service types, needs categories, project and claimant kinds, kinds of
 * inspected unit — the "一老一小" policy, sections, renderers, labels, permissions), as a plain function, a Layer and a
 * Promise.
 *
 * A point that holds whole policies (leader policies, ladders, weights, rota, org-life and recommendation policies) may
 * hold several;
 * the one in force is the one the host selects by key, or else the one contributed last — so listing a policy pack
 * after the core pack swaps the policy.
 *
 * @since 0.1.0
 */
import { Context, Effect, Either, Layer, Schema } from "effect"
import * as IndicatorSystem from "../assessment/IndicatorSystem.js"
import * as Inspection from "../assessment/Inspection.js"
import * as OrgLife from "../assessment/OrgLife.js"
import * as Rating from "../assessment/Rating.js"
import * as Case from "../case/Case.js"
import * as CaseCategory from "../case/Category.js"
import type { Clock } from "../case/Deadline.js"
import * as Escalation from "../case/Escalation.js"
import * as Mediation from "../case/Mediation.js"
import * as CaseMetrics from "../case/Metrics.js"
import * as Routing from "../case/Routing.js"
import * as Workflow from "../case/Workflow.js"
import * as Grid from "../grid/Grid.js"
import type { CategoryCode } from "../kernel/Ids.js"
import type * as Term from "../kernel/Term.js"
import * as WorkingCalendar from "../kernel/WorkingCalendar.js"
import * as FacilityStandard from "../operation/FacilityStandard.js"
import * as Needs from "../operation/Needs.js"
import * as Project from "../operation/Project.js"
import * as OrgGroup from "../org/OrgGroup.js"
import * as OrgKind from "../org/OrgKind.js"
import * as Post from "../org/Post.js"
import * as Consent from "../registry/Consent.js"
import * as Labels from "../report/Labels.js"
import * as Reporter from "../report/Reporter.js"
import * as SectionBuilder from "../report/SectionBuilder.js"
import * as Service from "../service/Service.js"
import * as Permissions from "../store/Permissions.js"
import * as CorePlugin from "./CorePlugin.js"
import * as Plugin from "./Plugin.js"

/**
 * Every policy the rules take, read from a composed registry.
 *
 * @since 0.1.0
 * @category models
 */
export interface Policies {
  /** Org unit kinds (`OrgKind.Registry`). */
  readonly unitKinds: OrgKind.Registry
  /** Allowed parents (`OrgKind.ParentPolicy`) for `OrgUnit` hierarchy rules. */
  readonly parentPolicy: OrgKind.ParentPolicy
  /** Joint activities of unit groups (五联 …), in the order contributed. */
  readonly groupActivities: ReadonlyArray<OrgGroup.ActivityDefinition>
  /** Post kinds (`Post.KindRegistry`). */
  readonly postKinds: Post.KindRegistry
  /** Grid leader policy for `Grid.leaderAssignment`, and its key. */
  readonly leaderPolicy: Grid.LeaderPolicy
  /** The case category catalogue. */
  readonly catalogue: CaseCategory.Catalogue
  /** The case workflow in force, with every contributed extension of it applied. */
  readonly workflow: Workflow.Workflow
  /** The time limits of emergency cases in force. */
  readonly emergency: CaseCategory.TimeLimits
  /** The case routes (category and area to unit and level), in the order contributed. */
  readonly routes: ReadonlyArray<Routing.Route>
  /** The escalation ladder in force. */
  readonly ladder: Escalation.Ladder
  /** The lowest handling level of a case: the ladder over the catalogue, for `Case.makePolicy`. */
  readonly requiredLevel: (category: CategoryCode, severity: Case.Severity) => CaseCategory.HandlingLevel
  /** Weights of the three rates. */
  readonly weights: CaseMetrics.Weights
  /** Rota policy of the judges' room. */
  readonly rota: Mediation.RotaPolicy
  /** Organisational-life frequency policy. */
  readonly orgLife: OrgLife.FrequencyPolicy
  /** Kinds of inspected unit, in roll-up order (for `Inspection.report`'s `unitKinds`). */
  readonly inspectionUnitKinds: ReadonlyArray<Term.Term>
  /** Service types (服务类型), in report order (for `Service.byType`, `Service.checkTypes`). */
  readonly serviceTypes: ReadonlyArray<Term.Term>
  /** Needs categories (需求类别), in report order (for `Needs.needsList`, `Needs.byCategory`, `Needs.checkItems`). */
  readonly needsCategories: ReadonlyArray<Term.Term>
  /** The "一老一小" recommendation policy in force (for `Needs.recommend`, `Needs.demographicsOf`). */
  readonly recommendation: Needs.RecommendationPolicy
  /** Project kinds (项目类型) (for `Project.checkKinds`). */
  readonly projectKinds: ReadonlyArray<Term.Term>
  /** Claimant kinds (认领主体) (for `Project.claim`, `Project.checkKinds`). */
  readonly claimantKinds: ReadonlyArray<Term.Term>
  /** Working-day calendars by id. */
  readonly calendars: ReadonlyMap<string, WorkingCalendar.WorkingCalendar>
  /** Facility standards by id. */
  readonly facilityStandards: ReadonlyMap<string, FacilityStandard.FacilityStandard>
  /** Indicator systems by id. */
  readonly indicatorSystems: ReadonlyMap<string, IndicatorSystem.IndicatorSystem>
  /** Rating schemes by id. */
  readonly ratingSchemes: ReadonlyMap<string, Rating.RatingScheme>
  /** Report section builders by id. */
  readonly sections: ReadonlyMap<string, SectionBuilder.AnySectionBuilder>
  /** Renderers by id. */
  readonly renderers: ReadonlyMap<string, Reporter.Reporter>
  /**
   * Report labels: the defaults, the names of the project kinds, needs categories and kinds of inspected unit host
   * plugins contribute (as `operation.project.<id>`, `operation.need.<id>`, `assessment.unitKind.<id>`), and every
   * contributed label over them.
   */
  readonly labels: Labels.Labels
  /** The roles of the store's permissions (`Permissions.guard`): every role contributed. */
  readonly permissions: Permissions.Permissions
  /** The purposes of processing and whether each needs consent (`Consent.point`), for `Permissions.guard`. */
  readonly purposes: ReadonlyArray<Consent.Purpose>
  /** Which key of each whole-policy point is in force. */
  readonly selected: Required<Selection>
}

/**
 * Keys of the whole policies the host chooses; a point without a choice uses the value contributed last.
 *
 * @since 0.1.0
 * @category models
 */
export interface Selection {
  readonly leaderPolicy?: string
  readonly workflow?: string
  readonly emergency?: string
  readonly ladder?: string
  readonly weights?: string
  readonly rota?: string
  readonly orgLife?: string
  readonly recommendation?: string
}

/**
 * A whole policy the rules need is missing: no plugin contributed to the point, or the selected key is not there.
 *
 * @since 0.1.0
 * @category errors
 */
export class MissingPolicy extends Schema.TaggedError<MissingPolicy>()("MissingPolicy", {
  point: Schema.String,
  key: Schema.optional(Schema.String),
  known: Schema.Array(Schema.String)
}) {
  override get message(): string {
    return this.key === undefined
      ? `no plugin contributes to ${this.point}; compose the core pack (CorePlugin.plugin) or a policy pack`
      : `${this.point} has no "${this.key}"; known: ${this.known.join(", ") || "none"}`
  }
}

/**
 * Why the policies cannot be read from composed plugins: a whole policy is missing, or a contributed workflow
 * extension does not fit its workflow.
 *
 * @since 0.1.0
 * @category errors
 */
export type PolicyError = MissingPolicy | Workflow.InvalidWorkflow

const pick = <A>(
  registry: Plugin.Registry,
  point: Plugin.ExtensionPoint<A>,
  key: string | undefined
): Either.Either<Plugin.Entry<A>, MissingPolicy> => {
  const entries = registry.entries(point)
  const known = entries.map((e) => e.key)
  const found = key === undefined ? entries[entries.length - 1] : entries.find((e) => e.key === key)
  return found === undefined
    ? Either.left(new MissingPolicy({ point: point.id, ...(key === undefined ? {} : { key }), known }))
    : Either.right(found)
}

/**
 * Report labels of the terms host plugins contribute (or rename with an override), under the label ids the sections
 * name them by, so that a host's kinds are named in reports built with {@link Policies.labels}. Core's own terms keep
 * the sections' labels; a label contributed to `report.labels` wins over a term's name.
 */
const termLabels = (registry: Plugin.Registry): Labels.Labels =>
  Labels.make(
    Object.fromEntries(
      (
        [
          [Project.kindsPoint, "operation.project."],
          [Needs.categoriesPoint, "operation.need."],
          [Inspection.unitKindsPoint, "assessment.unitKind."]
        ] as const
      ).flatMap(([point, prefix]) =>
        registry
          .entries(point)
          .filter((e) => e.plugin !== CorePlugin.id)
          .map((e) => [`${prefix}${e.key}`, { "zh-CN": e.value.nameZh, en: e.value.nameEn }])
      )
    )
  )

const byKey = <A>(registry: Plugin.Registry, point: Plugin.ExtensionPoint<A>): ReadonlyMap<string, A> =>
  new Map(registry.entries(point).map((e) => [e.key, e.value]))

/**
 * Reads a composed registry back into the policies the rules take. Fails with {@link MissingPolicy} when a whole
 * policy is missing or a selected key is unknown, and with `Workflow.InvalidWorkflow` when a contributed workflow
 * extension does not fit the workflow in force.
 *
 * @since 0.1.0
 * @category constructors
 */
export const policiesFrom = (
  registry: Plugin.Registry,
  selection: Selection = {}
): Either.Either<Policies, PolicyError> =>
  Either.gen(function* () {
    const leader = yield* pick(registry, Grid.leaderPoliciesPoint, selection.leaderPolicy)
    const baseWorkflow = yield* pick(registry, Workflow.workflowsPoint, selection.workflow)
    const workflow = yield* Workflow.withExtensions(
      baseWorkflow.value,
      registry.entries(Workflow.extensionsPoint).map((e) => e.value)
    )
    const emergency = yield* pick(registry, CaseCategory.emergencyLimitsPoint, selection.emergency)
    const ladder = yield* pick(registry, Escalation.laddersPoint, selection.ladder)
    const weights = yield* pick(registry, CaseMetrics.weightsPoint, selection.weights)
    const rota = yield* pick(registry, Mediation.rotaPoliciesPoint, selection.rota)
    const orgLife = yield* pick(registry, OrgLife.policiesPoint, selection.orgLife)
    const recommendation = yield* pick(registry, Needs.recommendationPoliciesPoint, selection.recommendation)
    const org = OrgKind.fromPlugins(registry)
    const catalogue = CaseCategory.fromRegistry(registry)
    return {
      unitKinds: org.registry,
      parentPolicy: org.policy,
      postKinds: Post.kindsFromPlugins(registry),
      groupActivities: registry.entries(OrgGroup.activitiesPoint).map((e) => e.value),
      leaderPolicy: Grid.leaderPolicyOf(leader.value),
      catalogue,
      workflow,
      emergency: emergency.value.limits,
      routes: Routing.fromRegistry(registry),
      ladder: ladder.value.ladder,
      requiredLevel: Escalation.requiredLevel(ladder.value.ladder, catalogue, workflow.levels),
      weights: weights.value.weights,
      rota: rota.value,
      orgLife: orgLife.value.policy,
      inspectionUnitKinds: registry.values(Inspection.unitKindsPoint),
      serviceTypes: registry.values(Service.typesPoint),
      needsCategories: registry.values(Needs.categoriesPoint),
      recommendation: recommendation.value.policy,
      projectKinds: registry.values(Project.kindsPoint),
      claimantKinds: registry.values(Project.claimantKindsPoint),
      calendars: byKey(registry, WorkingCalendar.calendars),
      facilityStandards: byKey(registry, FacilityStandard.standardsPoint),
      indicatorSystems: byKey(registry, IndicatorSystem.systemsPoint),
      ratingSchemes: byKey(registry, Rating.schemesPoint),
      sections: byKey(registry, SectionBuilder.sectionsPoint),
      renderers: byKey(registry, Reporter.renderersPoint),
      labels: Labels.fromPlugins(registry, Labels.merge(Labels.defaults, termLabels(registry))),
      permissions: Permissions.fromPlugins(registry),
      purposes: Consent.fromPlugins(registry),
      selected: {
        leaderPolicy: leader.key,
        workflow: baseWorkflow.key,
        emergency: emergency.key,
        ladder: ladder.key,
        weights: weights.key,
        rota: rota.key,
        orgLife: orgLife.key,
        recommendation: recommendation.key
      }
    }
  })

/**
 * The case lifecycle policy of these policies: their workflow, emergency limits, catalogue and required level (the
 * ladder), with the host's
 * deadline clock (built over one of {@link Policies.calendars}).
 *
 * @since 0.1.0
 * @category constructors
 */
export const casePolicy = (
  policies: Policies,
  clock: Clock,
  options: { readonly maxExtensions?: number } = {}
): Case.Policy =>
  Case.makePolicy({
    clock,
    workflow: policies.workflow,
    emergency: policies.emergency,
    catalogue: policies.catalogue,
    requiredLevel: policies.requiredLevel,
    ...(options.maxExtensions === undefined ? {} : { maxExtensions: options.maxExtensions })
  })

/**
 * The policies as a service, for Effect hosts.
 *
 * @since 0.1.0
 * @category services
 */
export class RuntimePolicies extends Context.Tag("@zhili/core/RuntimePolicies")<RuntimePolicies, Policies>() {}

/**
 * A layer reading the policies from the composed {@link Plugin.Plugins} registry.
 *
 * @since 0.1.0
 * @category layers
 */
export const fromPlugins = (selection: Selection = {}): Layer.Layer<RuntimePolicies, PolicyError, Plugin.Plugins> =>
  Layer.effect(
    RuntimePolicies,
    Effect.flatMap(Plugin.Plugins, (registry) =>
      Either.match(policiesFrom(registry, selection), { onLeft: Effect.fail, onRight: Effect.succeed })
    )
  )

/**
 * Options of {@link layer} and {@link make}: the extension points (default {@link CorePlugin.points}), the policy
 * selection and the core version to check requirements against.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly points?: ReadonlyArray<Plugin.AnyExtensionPoint>
  readonly selection?: Selection
  readonly coreVersion?: string
}

/**
 * The whole runtime configuration as one layer: composes the plugins (failing at start-up with the composition
 * error) and provides both the registry and the policies.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  plugins: ReadonlyArray<Plugin.Plugin>,
  options: Options = {}
): Layer.Layer<Plugin.Plugins | RuntimePolicies, Plugin.CompositionError | PolicyError> =>
  fromPlugins(options.selection).pipe(
    Layer.provideMerge(
      Plugin.layer(
        plugins,
        options.points ?? CorePlugin.points,
        options.coreVersion === undefined ? {} : { coreVersion: options.coreVersion }
      )
    )
  )

/**
 * Composes plugins and reads the policies, as an Either.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  plugins: ReadonlyArray<Plugin.Plugin>,
  options: Options = {}
): Either.Either<Policies, Plugin.CompositionError | PolicyError> =>
  Either.flatMap(
    Plugin.compose(
      plugins,
      options.points ?? CorePlugin.points,
      options.coreVersion === undefined ? {} : { coreVersion: options.coreVersion }
    ),
    (registry) => policiesFrom(registry, options.selection)
  )

/**
 * The Promise front door: resolves with the policies, or rejects with the typed composition or policy error.
 *
 * @since 0.1.0
 * @category constructors
 */
export const makeAsync = (plugins: ReadonlyArray<Plugin.Plugin>, options: Options = {}): Promise<Policies> =>
  Either.match(make(plugins, options), { onLeft: (e) => Promise.reject(e), onRight: (p) => Promise.resolve(p) })
