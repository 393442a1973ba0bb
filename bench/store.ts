/**
 * One phase of the store benchmark, run in its own process by `bench/store.mjs` so that peak RSS is per phase.
 *
 *   node store.mjs <phase> <rows> <target>
 *
 * phases: raw-sqlite, store-sqlite (target: a file name), raw-pg, store-pg (target: a URL with its search_path).
 * Prints one JSON line: { phase, rows, seconds, rowsPerSecond, maxRssMb }.
 */
import { Aggregates, Store } from "@zhili/core"
import { Drivers, SqlStore } from "@zhili/store-sql"
import Database from "better-sqlite3"
import { Effect, Stream } from "effect"
import pg from "pg"

/** The registry's household descriptor: `Store.Stored<Household.Household>` records (户: building + room number). */
const HouseholdAggregate = Aggregates.Households

const row = (i: number) => ({
  version: 1,
  location: { division: "440881002001", grid: ["g1", `g1-${i % 10}`, `g1-${i % 10}-${i % 50}`] },
  value: { id: `h${i}`, tenant: "440881002001", building: `b${Math.floor(i / 200)}`, room: `${i % 200}` }
})

/** The columns the store writes, computed the way a hand-written importer would (no schema decode). */
const rawValues = (r: ReturnType<typeof row>): Array<unknown> => [
  r.value.tenant,
  r.value.id,
  r.version,
  "440881002001",
  null,
  `${r.location.grid.join("/")}/`,
  `${r.value.building}/${r.value.room}`,
  r.value.building,
  JSON.stringify(r)
]

const columns = "tenant, id, version, division, org_path, grid_path, nkey, f_building, record"

const [phase = "", rowsArg = "1000000", target = ""] = process.argv.slice(2)
const rows = Number(rowsArg)
/** Set when the timed part starts: after connecting and creating the table, so only the import is measured. */
let started = 0

const rawSqlite = () => {
  const db = new Database(target)
  db.pragma("journal_mode = WAL")
  db.pragma("synchronous = NORMAL")
  for (const s of SqlStore.schemaOf(HouseholdAggregate, "sqlite")) db.exec(s)
  const batch = 500
  started = performance.now()
  const tuple = `(${Array(9).fill("?").join(", ")})`
  const full = db.prepare(`INSERT INTO zhili_household (${columns}) VALUES ${Array(batch).fill(tuple).join(", ")}`)
  db.transaction(() => {
    for (let i = 1; i <= rows; i += batch) {
      const n = Math.min(batch, rows - i + 1)
      const params: Array<unknown> = []
      for (let k = 0; k < n; k++) params.push(...rawValues(row(i + k)))
      if (n === batch) full.run(params)
      else db.prepare(`INSERT INTO zhili_household (${columns}) VALUES ${Array(n).fill(tuple).join(", ")}`).run(params)
    }
  })()
  db.close()
}

const rawPg = async () => {
  const client = new pg.Client({ connectionString: target })
  await client.connect()
  for (const s of SqlStore.schemaOf(HouseholdAggregate, "pg")) await client.query(s)
  const batch = 1000
  started = performance.now()
  await client.query("BEGIN")
  for (let i = 1; i <= rows; i += batch) {
    const n = Math.min(batch, rows - i + 1)
    const params: Array<unknown> = []
    const tuples: Array<string> = []
    for (let k = 0; k < n; k++) {
      const v = rawValues(row(i + k))
      tuples.push(`(${v.map((_, j) => `$${params.length + j + 1}`).join(", ")})`)
      params.push(...v)
    }
    await client.query(`INSERT INTO zhili_household (${columns}) VALUES ${tuples.join(", ")}`, params)
  }
  await client.query("COMMIT")
  await client.end()
}

const viaStore = (layer: ReturnType<typeof Drivers.layerFromUrl>, batchSize: number) =>
  Effect.runPromise(
    Effect.gen(function* () {
      const repo = yield* Store.repository(HouseholdAggregate)
      started = performance.now()
      const report = yield* repo.import(Stream.range(1, rows).pipe(Stream.map(row)), { policy: "abort", batchSize })
      if (report.written !== rows) throw new Error(`wrote ${report.written} of ${rows}`)
    }).pipe(Effect.provide(layer))
  )

switch (phase) {
  case "raw-sqlite":
    rawSqlite()
    break
  case "store-sqlite":
    await viaStore(Drivers.layerSqlite({ filename: target, aggregates: [HouseholdAggregate] }), 500)
    break
  case "raw-pg":
    await rawPg()
    break
  case "store-pg":
    await viaStore(Drivers.layerPg({ url: target, aggregates: [HouseholdAggregate] }), 1000)
    break
  default:
    throw new Error(`unknown phase ${phase}`)
}
const seconds = (performance.now() - started) / 1000
process.stdout.write(
  `${JSON.stringify({ phase, rows, seconds, rowsPerSecond: rows / seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`
)
