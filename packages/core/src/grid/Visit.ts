/**
 * Door-knocking visits (敲门行动): a grid worker visits a household; the visit coverage rule.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { CaseId, type GridId, GridWorkerId, HouseholdId, TenantId, VisitId } from "../kernel/Ids.js"
import * as LocalDate from "../kernel/LocalDate.js"
import * as Privacy from "../kernel/Privacy.js"
import type * as Scope from "../kernel/Scope.js"
import * as Grid from "./Grid.js"

/**
 * What came of a visit: 无人在家 no one home, 记录需求 needs recorded, 帮办代办 proxy service done, 诉求立案 request opened.
 *
 * @since 0.1.0
 * @category models
 */
export const Outcome = Schema.Literal("no-one-home", "needs-recorded", "proxy-service-done", "request-opened")
/**
 * @since 0.1.0
 * @category models
 */
export type Outcome = typeof Outcome.Type

/**
 * One visit: household, worker, instant (UTC), outcome; the needs heard are held redacted; a request opened names its
 * case.
 *
 * @since 0.1.0
 * @category models
 */
export class Visit extends Schema.Class<Visit>("@zhili/Visit")(
  Schema.Struct({
    id: VisitId,
    tenant: TenantId,
    household: HouseholdId,
    worker: GridWorkerId,
    at: Schema.DateTimeUtc,
    outcome: Outcome,
    needs: Schema.optional(Privacy.SensitiveString),
    case: Schema.optional(CaseId)
  }).pipe(
    Schema.filter((v) =>
      v.case !== undefined && v.outcome !== "request-opened"
        ? { path: ["case"], message: `a visit with outcome ${v.outcome} cannot name a case; only request-opened does` }
        : undefined
    )
  )
) {}

/**
 * Where a visit sits: the community and micro-grid path of the visited household's building.
 *
 * @since 0.1.0
 * @category getters
 */
export const location = (
  visit: Visit,
  households: ReadonlyArray<{ readonly id: HouseholdId; readonly building: string }>,
  buildings: ReadonlyArray<{ readonly id: string; readonly community: string }>,
  grids: ReadonlyArray<Grid.Grid>
): Scope.Location => {
  const building = households.find((h) => h.id === visit.household)?.building
  const b = buildings.find((x) => x.id === building)
  if (b === undefined) return {}
  const micro = Grid.microGridByBuilding(grids).get(b.id as never)
  return micro === undefined ? { division: b.community } : { division: b.community, grid: Grid.pathOf(micro, grids) }
}

/**
 * Visit coverage of one grid or community: households, households visited at least once, visits, and the rate.
 *
 * @since 0.1.0
 * @category models
 */
export interface Coverage {
  readonly households: number
  readonly visited: number
  readonly visits: number
  /** visited ÷ households; 0 with no households. */
  readonly rate: number
}

const dayMs = 86_400_000

const cov = (v: Record<"households" | "visited" | "visits", number>): Coverage => ({
  ...v,
  rate: v.households === 0 ? 0 : v.visited / v.households
})

/**
 * Visit coverage for a period (走访覆盖率): households visited at least once between `from` and `to` (dates in
 * `timeZone`, default Asia/Shanghai, both included) ÷ households, per grid rolled up and per community, plus counts of
 * outcomes. A visit whose outcome is "no one home" counts as a visit but not as the household being reached unless
 * `countNoOneHome` is true. Source: seed ("累计走访4350余户"), MODEL.md §2 ("visit coverage in a period").
 *
 * @since 0.1.0
 * @category rules
 */
export const coverage = (
  input: {
    readonly grids: ReadonlyArray<Grid.Grid>
    readonly households: ReadonlyArray<{ readonly id: HouseholdId; readonly building: string }>
    readonly visits: ReadonlyArray<Visit>
  },
  period: { readonly from: LocalDate.LocalDate; readonly to: LocalDate.LocalDate },
  options: { readonly timeZone?: string; readonly countNoOneHome?: boolean } = {}
): {
  readonly grids: ReadonlyMap<GridId, Coverage>
  readonly communities: ReadonlyMap<string, Coverage>
  readonly total: Coverage
  readonly outcomes: Readonly<Record<Outcome, number>>
} => {
  const zone = options.timeZone ?? "Asia/Shanghai"
  const microOf = Grid.microGridByBuilding(input.grids)
  // each household's micro grid's figures, `null` for a household in no micro grid (so one lookup per visit tells
  // whether the household is known, whether it has a micro grid, and where to count)
  type Acc = Record<"households" | "visited" | "visits", number>
  const values = new Map<string, Acc>()
  const householdAcc = new Map<HouseholdId, Acc | null>()
  for (const h of input.households) {
    const g = microOf.get(h.building as never)
    let acc: Acc | null = null
    if (g !== undefined) {
      acc = values.get(g) ?? null
      if (acc === null) {
        acc = { households: 0, visited: 0, visits: 0 }
        values.set(g, acc)
      }
    }
    householdAcc.set(h.id, acc)
  }
  const outcomes: Record<Outcome, number> = {
    "no-one-home": 0,
    "needs-recorded": 0,
    "proxy-service-done": 0,
    "request-opened": 0
  }
  const reached = new Set<string>()
  let visits = 0
  // The local date of an instant is the UTC date of the instant shifted by the zone's offset, and an offset is always
  // less than a day either way. So an instant at least a day after the UTC start of `from` and a day before the UTC
  // end of `to` is inside the period whatever the zone, one more than a day outside those bounds is outside, and
  // only the instants within a day of either bound need the zone's offset.
  const lo = LocalDate.toEpochDay(period.from) * dayMs
  const hi = (LocalDate.toEpochDay(period.to) + 1) * dayMs
  // an unknown zone fails as it did when every visit was converted
  const first = input.visits[0]
  if (first !== undefined) LocalDate.fromDateTime(first.at, zone)
  const countNoOneHome = options.countNoOneHome === true
  for (const v of input.visits) {
    const ms = v.at.epochMillis
    if (ms < lo + dayMs || ms >= hi - dayMs) {
      if (ms < lo - dayMs || ms >= hi + dayMs) continue
      if (!LocalDate.isBetween(LocalDate.fromDateTime(v.at, zone), period.from, period.to)) continue
    }
    const acc = householdAcc.get(v.household)
    if (acc === undefined) continue
    outcomes[v.outcome]++
    visits++
    if (acc !== null) acc.visits++
    if (countNoOneHome || v.outcome !== "no-one-home") reached.add(v.household)
  }
  let visited = 0
  for (const [h, acc] of householdAcc) {
    const isVisited = reached.has(h)
    if (isVisited) visited++
    if (acc === null) continue
    acc.households++
    if (isVisited) acc.visited++
  }
  const householdGrid = householdAcc
  const rolled = Grid.rollup(input.grids, values, ["households", "visited", "visits"])
  const map = (m: ReadonlyMap<string, Record<"households" | "visited" | "visits", number>>) =>
    new Map([...m].map(([k, v]) => [k, cov(v)] as const))
  return {
    grids: map(rolled.grids) as Map<GridId, Coverage>,
    communities: map(rolled.communities),
    total: cov({ households: householdGrid.size, visited, visits }),
    outcomes
  }
}
