/**
 * One phase of the store benchmark, run in its own process by `bench/store.mjs` so that peak RSS is per phase.
 *
 *   node store.mjs <phase> <rows> <target>
 *
 * phases: raw-sqlite, store-sqlite (target: a file name), raw-pg, store-pg (target: a URL with its search_path).
 * Prints one JSON line: { phase, rows, seconds, rowsPerSecond, maxRssMb }.
 */
import { Ids, Store } from "@zhili/core"
import { Drivers, SqlStore } from "@zhili/store-sql"
import Database from "better-sqlite3"
import { Effect, Schema, Stream } from "effect"
import pg from "pg"

/** The benchmark's household: the fields a household record carries (户号, address, members, grid, tags). */
class Household extends Schema.Class<Household>("BenchHousehold")({
  tenant: Ids.TenantId,
  id: Schema.String,
  version: Schema.Int,
  number: Schema.String,
  address: Schema.String,
  building: Schema.String,
  members: Schema.Int,
  elderly: Schema.Int,
  children: Schema.Int,
  grid: Schema.Array(Schema.String),
  tags: Schema.Array(Schema.String)
}) {}

const HouseholdAggregate = Store.aggregate({
  name: "bench_household",
  schema: Household,
  tenant: (h) => h.tenant,
  id: (h) => h.id,
  version: (h) => h.version,
  location: (h) => ({ division: h.tenant, grid: h.grid }),
  naturalKey: (h) => h.number,
  fields: [
    { name: "building", type: "string", get: (h: Household) => h.building },
    { name: "members", type: "number", get: (h: Household) => h.members }
  ]
})

const row = (i: number) => ({
  tenant: "440881002001",
  id: `h${i}`,
  version: 1,
  number: `HH-${String(i).padStart(8, "0")}`,
  address: `广东省湛江市廉江市城南街道锦绣小区 ${Math.floor(i / 200)} 栋 ${i % 200} 号`,
  building: `b${Math.floor(i / 200)}`,
  members: 1 + (i % 6),
  elderly: i % 3 === 0 ? 1 : 0,
  children: i % 4 === 0 ? 1 : 0,
  grid: ["g1", `g1-${i % 10}`, `g1-${i % 10}-${i % 50}`],
  tags: i % 5 === 0 ? ["一老一小"] : []
})

/** The columns the store writes, computed the way a hand-written importer would (no schema decode). */
const rawValues = (r: ReturnType<typeof row>): Array<unknown> => [
  r.tenant,
  r.id,
  r.version,
  "440881002001",
  null,
  `${r.grid.join("/")}/`,
  r.number,
  r.building,
  r.members,
  JSON.stringify(r)
]

const columns = "tenant, id, version, division, org_path, grid_path, nkey, f_building, f_members, record"

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
  const tuple = `(${Array(10).fill("?").join(", ")})`
  const full = db.prepare(
    `INSERT INTO zhili_bench_household (${columns}) VALUES ${Array(batch).fill(tuple).join(", ")}`
  )
  db.transaction(() => {
    for (let i = 1; i <= rows; i += batch) {
      const n = Math.min(batch, rows - i + 1)
      const params: Array<unknown> = []
      for (let k = 0; k < n; k++) params.push(...rawValues(row(i + k)))
      if (n === batch) full.run(params)
      else
        db.prepare(`INSERT INTO zhili_bench_household (${columns}) VALUES ${Array(n).fill(tuple).join(", ")}`).run(
          params
        )
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
    await client.query(`INSERT INTO zhili_bench_household (${columns}) VALUES ${tuples.join(", ")}`, params)
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
