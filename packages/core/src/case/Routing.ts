/**
 * Routing (派遣规则): which unit, at which level, is responsible for a case of a category in a place — FixMyStreet's
 * "contacts per body and category", the command centre's 派遣对照表. A route names a category (it covers the
 * category's subtree unless a route for a narrower category exists), optionally an area (a grid, covering its
 * subtree), the unit and the level. The most specific route wins: the narrowest category, then the deepest area, then
 * a route with an area over one without. A category with no route is a finding, never a silent default.
 *
 * @since 0.1.0
 */
import { Either, Schema } from "effect"
import * as Finding from "../kernel/Finding.js"
import { CategoryCode, GridId, OrgUnitId } from "../kernel/Ids.js"
import * as Plugin from "../plugin/Plugin.js"
import * as Case from "./Case.js"
import { type Catalogue, HandlingLevel } from "./Category.js"

/**
 * A route (派遣规则): id (`<plugin-id>/…` when a plugin contributes it), the category it covers (with its subtree),
 * the grid it is limited to (with its subtree; absent: everywhere), the responsible unit, the level it handles at,
 * and where the rule comes from.
 *
 * @since 0.1.0
 * @category models
 */
export class Route extends Schema.Class<Route>("@zhili/CaseRoute")({
  id: Schema.NonEmptyString,
  category: CategoryCode,
  grid: Schema.optional(GridId),
  unit: OrgUnitId,
  level: HandlingLevel,
  source: Schema.NonEmptyString
}) {}

/** How far below the route's category a case's category is (0: the same), or -1 when it is outside it. */
const categoryDepth = (route: string, category: string): number => {
  if (category === route) return 0
  return category.startsWith(`${route}.`) ? category.split(".").length - route.split(".").length : -1
}

/** How deep the route's grid sits in the case's grid path (0 for a route without an area), or -1 when outside. */
const areaDepth = (route: Route, location: Case.Location): number => {
  if (route.grid === undefined) return 0
  const path = location.gridPath ?? [location.grid]
  const i = path.indexOf(route.grid)
  return i < 0 ? -1 : i + 1
}

/**
 * The route of a case's intake: the most specific route covering its category and location, or a finding
 * (`case/no-route`) naming the category and grid when none does.
 *
 * @since 0.1.0
 * @category rules
 */
export const route = (routes: ReadonlyArray<Route>, intake: Case.Intake): Either.Either<Route, Finding.Finding> => {
  let best: Route | undefined
  let bestCategory = Number.POSITIVE_INFINITY
  let bestArea = -1
  for (const r of routes) {
    const c = categoryDepth(r.category, intake.category)
    if (c < 0) continue
    const a = areaDepth(r, intake.location)
    if (a < 0) continue
    if (c < bestCategory || (c === bestCategory && a > bestArea)) {
      best = r
      bestCategory = c
      bestArea = a
    }
  }
  return best === undefined
    ? Either.left(
        Finding.error(
          "case/no-route",
          ["intake", "category"],
          `no route sends a ${intake.category} case in grid ${intake.location.grid} to a unit; add a route for the category or the area`
        )
      )
    : Either.right(best)
}

/**
 * A case that cannot be dispatched because no route covers it: carries the `case/no-route` finding.
 *
 * @since 0.1.0
 * @category errors
 */
export class NoRoute extends Schema.TaggedError<NoRoute>()("NoRoute", {
  caseId: Schema.String,
  finding: Finding.Finding
}) {
  override get message(): string {
    return `case ${this.caseId}: ${this.finding.message}`
  }
}

/**
 * Dispatches a case (派遣) to the unit its route names, or to `to` when the dispatcher names one: the `Dispatched`
 * event applied under the policy's workflow. Fails with {@link NoRoute} when no unit is named and no route covers the
 * case, and with the lifecycle's error when the workflow refuses the dispatch.
 *
 * @since 0.1.0
 * @category rules
 */
export const dispatch = (
  self: Case.Case,
  options: {
    readonly at: Case.Event["at"]
    readonly by: Case.Actor
    readonly routes: ReadonlyArray<Route>
    readonly policy: Case.Policy
    readonly to?: Case.Assignee
  }
): Either.Either<Case.Case, NoRoute | Case.TransitionError> => {
  const to =
    options.to === undefined
      ? Either.map(route(options.routes, self.intake), (r) => new Case.Assignee({ unit: r.unit }))
      : Either.right(options.to)
  if (Either.isLeft(to)) return Either.left(new NoRoute({ caseId: self.id, finding: to.left }))
  return Case.transition(self, { _tag: "Dispatched", at: options.at, by: options.by, to: to.right }, options.policy)
}

/**
 * Checks routes against a catalogue: a finding (`case/no-route`) for every category that no route covers anywhere
 * (a route for the category, for one above it or for one below it), and one (`case/route-unknown-category`) for every route whose category is not in the catalogue.
 *
 * @since 0.1.0
 * @category rules
 */
export const check = (routes: ReadonlyArray<Route>, catalogue: Catalogue): ReadonlyArray<Finding.Finding> => {
  const out: Array<Finding.Finding> = []
  const codes = new Set(catalogue.categories.map((c) => c.code))
  routes.forEach((r, i) => {
    if (!codes.has(r.category)) {
      out.push(
        Finding.error(
          "case/route-unknown-category",
          ["routes", i, "category"],
          `route ${r.id} names category ${r.category}, which is not in the catalogue`
        )
      )
    }
  })
  for (const c of catalogue.categories) {
    const covered = routes.some((r) => categoryDepth(r.category, c.code) >= 0 || categoryDepth(c.code, r.category) > 0)
    if (!covered) {
      out.push(
        Finding.error("case/no-route", ["catalogue", c.code], `no route sends a ${c.code} case to a unit, anywhere`)
      )
    }
  }
  return out
}

/**
 * Extension point `case.routes`: routes (派遣规则), keyed by id. The core pack contributes none: which unit handles
 * what is the host's to say.
 *
 * @since 0.1.0
 * @category plugins
 */
export const routesPoint: Plugin.ExtensionPoint<Route> = Plugin.extensionPoint({
  id: "case.routes",
  description: "Case routes (派遣规则): category and area to the responsible unit and level, keyed by id.",
  schema: Route,
  key: (r) => r.id
})

/**
 * The routes a composed registry holds, in the order contributed.
 *
 * @since 0.1.0
 * @category plugins
 */
export const fromRegistry = (registry: Plugin.Registry): ReadonlyArray<Route> =>
  registry.entries(routesPoint).map((e) => e.value)
