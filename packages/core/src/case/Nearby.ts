/**
 * Cases on the map (案件定位与查重): a reported point placed in its micro grid, nearby open cases of the same category
 * offered as duplicates (重复件), and merging a duplicate into the case it repeats so that both histories are kept and
 * the matter counts once.
 *
 * @since 0.1.0
 */
import { type Either, Option } from "effect"
import type * as Grid from "../grid/Grid.js"
import * as Geo from "../kernel/Geo.js"
import type { GridId } from "../kernel/Ids.js"
import * as Case from "./Case.js"

const depth: Record<Grid.Level, number> = { micro: 3, small: 2, large: 1 }

/**
 * The grid a point lies in: of the grids with a boundary containing it, the one of the lowest level (micro before
 * small before large), then the first listed. None when no drawn grid contains it.
 *
 * @since 0.1.0
 * @category rules
 */
export const placeInGrid = (point: Geo.Point, grids: ReadonlyArray<Grid.Grid>): Option.Option<GridId> => {
  let best: Grid.Grid | undefined
  for (const g of grids) {
    if (g.boundary === undefined || !Geo.contains(g.boundary, point)) continue
    if (best === undefined || depth[g.level] > depth[best.level]) best = g
  }
  return Option.fromNullable(best?.id)
}

/**
 * How near and how recent another case must be to be offered as a duplicate: within `radiusMeters` of the new case's
 * point and reported at most `withinHours` before it. Default: 100 m and 72 h (defaults to be replaced: no standard
 * names them).
 *
 * @since 0.1.0
 * @category models
 */
export interface DuplicatePolicy {
  readonly radiusMeters: number
  readonly withinHours: number
}

/**
 * The default duplicate policy: 100 m, 72 hours (defaults to be replaced).
 *
 * @since 0.1.0
 * @category policies
 */
export const defaultDuplicatePolicy: DuplicatePolicy = { radiusMeters: 100, withinHours: 72 }

/**
 * The open cases (not closed, rejected or withdrawn, not excluded) of the same category with a point within the
 * radius of the new case's point, reported in the window before it (or at the same instant), nearest first, with
 * their distance in metres. None when the new case has no point.
 *
 * @since 0.1.0
 * @category rules
 */
export const duplicates = (
  candidate: Case.Case,
  others: ReadonlyArray<Case.Case>,
  policy: DuplicatePolicy = defaultDuplicatePolicy
): ReadonlyArray<{ readonly case: Case.Case; readonly meters: number }> => {
  const here = candidate.intake.location.point
  if (here === undefined) return []
  const to = candidate.reportedAt.epochMillis
  const from = to - policy.withinHours * 3_600_000
  const out: Array<{ readonly case: Case.Case; readonly meters: number }> = []
  for (const c of others) {
    if (c.id === candidate.id || Case.isFinal(c) || c.exclusion !== undefined) continue
    if (c.intake.category !== candidate.intake.category) continue
    const at = c.reportedAt.epochMillis
    if (at < from || at > to) continue
    const there = c.intake.location.point
    if (there === undefined) continue
    const meters = Geo.distanceMeters(here, there)
    if (meters <= policy.radiusMeters) out.push({ case: c, meters })
  }
  return out.sort((a, b) => a.meters - b.meters)
}

/**
 * Merges a duplicate into the case it repeats (并案): the duplicate is excluded from the assessment as a
 * `duplicate` of the primary (an `Excluded` event, so its history is kept and it counts once, through the primary),
 * approved by `approvedBy`. Refused when both are the same case, or as the workflow refuses the exclusion.
 *
 * @since 0.1.0
 * @category rules
 */
export const merge = (
  duplicate: Case.Case,
  primary: Case.Case,
  options: {
    readonly at: Case.Event["at"]
    readonly by: Case.Actor
    readonly approvedBy: Case.Actor
    readonly policy: Case.Policy
    readonly note?: string
  }
): Either.Either<Case.Case, Case.TransitionError> =>
  Case.transition(
    duplicate,
    {
      _tag: "Excluded",
      at: options.at,
      by: options.by,
      approvedBy: options.approvedBy,
      reason: "duplicate",
      duplicateOf: primary.id,
      note: options.note ?? `并入 ${primary.id}`
    },
    options.policy
  )
