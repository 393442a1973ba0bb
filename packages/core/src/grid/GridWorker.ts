/**
 * Grid workers (网格员) and the workload rule (households per worker).
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Finding from "../kernel/Finding.js"
import { GridId, GridWorkerId, PersonId, TenantId } from "../kernel/Ids.js"
import * as LocalDate from "../kernel/LocalDate.js"
import type * as Scope from "../kernel/Scope.js"
import * as Grid from "./Grid.js"

/**
 * Where a worker comes from (seed: 整合社区、物业公司、小区退休干部、在职党员、志愿服务骨干): community staff, property
 * company, retired cadre, serving party member, volunteer.
 *
 * @since 0.1.0
 * @category models
 */
export const Source = Schema.Literal(
  "community",
  "property-company",
  "retired-cadre",
  "serving-party-member",
  "volunteer"
)
/**
 * @since 0.1.0
 * @category models
 */
export type Source = typeof Source.Type

/**
 * A person working in a grid (usually a micro grid) from `start` to `end`.
 *
 * @since 0.1.0
 * @category models
 */
export class GridWorker extends Schema.Class<GridWorker>("@zhili/GridWorker")({
  id: GridWorkerId,
  tenant: TenantId,
  person: PersonId,
  grid: GridId,
  source: Source,
  start: LocalDate.LocalDate,
  end: Schema.optional(LocalDate.LocalDate)
}) {}

/**
 * True when the worker is in post on the date.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isActive = (w: GridWorker, on: LocalDate.LocalDate): boolean =>
  w.start <= on && (w.end === undefined || on <= w.end)

/**
 * The workers of a grid in post on a date (the grid's 网格员队伍).
 *
 * @since 0.1.0
 * @category getters
 */
export const workersOf = (
  grid: GridId,
  workers: ReadonlyArray<GridWorker>,
  on: LocalDate.LocalDate
): ReadonlyArray<GridWorker> => workers.filter((w) => w.grid === grid && isActive(w, on))

/**
 * Where a worker sits: the community and path of their grid (only the grid id when the grid is unknown).
 *
 * @since 0.1.0
 * @category getters
 */
export const location = (worker: GridWorker, grids: ReadonlyArray<Grid.Grid>): Scope.Location => {
  const grid = grids.find((g) => g.id === worker.grid)
  return grid === undefined ? { grid: [worker.grid] } : Grid.location(grid, grids)
}

/**
 * Workload policy: households per worker above which a grid is flagged. STANDARDS.md finds no national figure
 * (households per grid is **open**), so the default 300 is a default to be replaced.
 *
 * @since 0.1.0
 * @category policies
 */
export interface WorkloadPolicy {
  readonly maxHouseholdsPerWorker: number
}

/**
 * Default: 300 households per worker — default to be replaced (STANDARDS.md: open).
 *
 * @since 0.1.0
 * @category policies
 */
export const defaultWorkloadPolicy: WorkloadPolicy = { maxHouseholdsPerWorker: 300 }

/**
 * Households and workers of one grid or community, and households per worker (`Infinity` with households and no
 * worker, 0 with neither).
 *
 * @since 0.1.0
 * @category models
 */
export interface Load {
  readonly households: number
  readonly workers: number
  readonly perWorker: number
}

const load = (households: number, workers: number): Load => ({
  households,
  workers,
  perWorker: workers === 0 ? (households === 0 ? 0 : Number.POSITIVE_INFINITY) : households / workers
})

/**
 * Workload on a date (网格员工作量): per grid (rolled up), per community and per worker — the households of the
 * grid a worker serves divided by the grid's active workers. Findings: `grid/no-workers` (a micro grid with
 * households and no active worker, error) and `grid/overloaded` (above the policy, warning). Source: MODEL.md §2
 * ("workload per worker").
 *
 * @param input.households - each household's building
 * @since 0.1.0
 * @category rules
 */
export const workload = (
  input: {
    readonly grids: ReadonlyArray<Grid.Grid>
    readonly workers: ReadonlyArray<GridWorker>
    readonly households: ReadonlyArray<{ readonly building: string }>
  },
  on: LocalDate.LocalDate,
  policy: WorkloadPolicy = defaultWorkloadPolicy
): {
  readonly grids: ReadonlyMap<GridId, Load>
  readonly communities: ReadonlyMap<string, Load>
  readonly workers: ReadonlyMap<GridWorkerId, number>
  readonly findings: ReadonlyArray<Finding.Finding>
} => {
  const microOf = Grid.microGridByBuilding(input.grids)
  const values = new Map<string, { households: number; workers: number }>()
  const at = (g: string) => values.get(g) ?? { households: 0, workers: 0 }
  for (const h of input.households) {
    const g = microOf.get(h.building as never)
    if (g !== undefined) values.set(g, { ...at(g), households: at(g).households + 1 })
  }
  const active = input.workers.filter((w) => isActive(w, on))
  for (const w of active) values.set(w.grid, { ...at(w.grid), workers: at(w.grid).workers + 1 })
  const rolled = Grid.rollup(input.grids, values, ["households", "workers"])
  const toLoad = (m: ReadonlyMap<string, Record<"households" | "workers", number>>) =>
    new Map([...m].map(([k, v]) => [k, load(v.households, v.workers)] as const))
  const grids = toLoad(rolled.grids) as Map<GridId, Load>
  const workers = new Map<GridWorkerId, number>()
  for (const w of active) workers.set(w.id, grids.get(w.grid)?.perWorker ?? 0)
  const findings: Array<Finding.Finding> = []
  for (const g of input.grids) {
    const own = values.get(g.id)
    if (g.level !== "micro" || own === undefined) continue
    if (own.workers === 0 && own.households > 0) {
      findings.push(
        Finding.error(
          "grid/no-workers",
          ["grids", g.id],
          `micro grid ${g.id} has ${own.households} households and no active worker on ${on}`
        )
      )
    } else if (own.workers > 0 && own.households / own.workers > policy.maxHouseholdsPerWorker) {
      findings.push(
        Finding.warning(
          "grid/overloaded",
          ["grids", g.id],
          `micro grid ${g.id} has ${(own.households / own.workers).toFixed(1)} households per worker (policy: at most ${policy.maxHouseholdsPerWorker})`
        )
      )
    }
  }
  return { grids, communities: toLoad(rolled.communities), workers, findings }
}
