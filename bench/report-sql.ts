/**
 * The report-from-SQL benchmark, run by `bench/run.mjs --only report` (bundled with esbuild first):
 *
 *   node report-sql.mjs <scale> <iterations> <sqlite file> [<postgres url>] [<mysql url>]
 *
 * Loads a generated city subset (`City` of @zhili/testing: households, residents and a year of visits, each placed at
 * its building's community and micro grid) into SQLite, PostgreSQL and MariaDB (each when its URL is given) through
 * the store's import, then times the report's counts — households, residents and visits (by outcome) per community,
 * households per micro grid — for one street and for the whole city, through `repo.count` (GROUP BY pushed into SQL,
 * called through the Promise front door `StoreClient`) against the same GROUP BY written by hand against the raw
 * driver (better-sqlite3, pg, mysql2). Both answers are checked equal before timing. Prints one JSON line with the
 * medians and the ratios.
 */
import { Aggregates, Building, Resident, Store, StoreClient, Visit } from "@zhili/core"
import { Drivers } from "@zhili/store-sql"
import { City } from "@zhili/testing"
import Database from "better-sqlite3"
import { Schema } from "effect"
import mysql from "mysql2/promise"
import pg from "pg"

const [scaleArg = "0.1", iterationsArg = "15", sqliteFile = "", pgUrl, mysqlUrl] = process.argv.slice(2)
const scale = Number(scaleArg)
const iterations = Number(iterationsArg)
const aggregates = [Aggregates.Households, Aggregates.Residents, Aggregates.Visits]

/** The stored rows (encoded `Store.Stored` records) of the generated city, community by community. */
function* cityRows(kind: "household" | "resident" | "visit"): Generator<Store.StoredEncoded<unknown>> {
  const encodeResident = Schema.encodeSync(Resident.Resident)
  const encodeVisit = Schema.encodeSync(Visit.Visit)
  for (const c of City.communities({ scale })) {
    const places = new Map<string, Store.Location>()
    for (const b of c.buildings) places.set(b.id, Building.location(b, c.grids))
    const at = new Map<string, Store.Location>()
    for (const h of c.households) at.set(h.id, places.get(h.building) ?? {})
    if (kind === "household")
      for (const h of c.households)
        yield {
          version: 1,
          location: at.get(h.id) ?? {},
          value: { id: h.id, tenant: h.tenant, building: h.building, room: h.room }
        }
    if (kind === "resident")
      for (const r of c.residents) yield { version: 1, location: at.get(r.household) ?? {}, value: encodeResident(r) }
    if (kind === "visit")
      for (const v of City.visits(c, { scale }))
        yield { version: 1, location: at.get(v.household) ?? {}, value: encodeVisit(v) }
  }
}

/** The street of the first community, and the whole city (Zibo, 370300). */
const street = City.place(0).street
const scopes = {
  street: { grants: [{ division: street }] } satisfies Store.Scope,
  city: { grants: [{ division: "370300000000" }] } satisfies Store.Scope
}
const prefixes = { street: street.slice(0, 9), city: "3703" }
const successor = (p: string) => p.slice(0, -1) + String.fromCharCode(p.charCodeAt(p.length - 1) + 1)

/** What the report reads: the counts of one scope, as plain rows `[...key, count]` for comparison. */
type Answer = ReadonlyArray<ReadonlyArray<unknown>>

/** The report's counts through the store (`repo.count`: one GROUP BY each). */
const viaStore = async (client: StoreClient.Client, scope: Store.Scope): Promise<Answer> => {
  const flat = (groups: ReadonlyArray<Store.Group>, tag: string) =>
    groups.map((g) => [tag, ...g.key.map((k) => (Array.isArray(k) ? k.join("/") : k)), g.count])
  // one after the other, as the hand-written queries run on their one connection
  const households = await client.repository(Aggregates.Households).count(scope, { groupBy: ["division"] })
  const residents = await client.repository(Aggregates.Residents).count(scope, { groupBy: ["division"] })
  const visits = await client.repository(Aggregates.Visits).count(scope, { groupBy: ["division", "outcome"] })
  const micro = await client.repository(Aggregates.Households).count(scope, { groupBy: ["grid"] })
  return [
    ...flat(households, "households"),
    ...flat(residents, "residents"),
    ...flat(visits, "visits"),
    ...flat(micro, "micro")
  ]
}

/** The same four GROUP BY queries written by hand (a range on the indexed division column for the scope). */
const handQueries = (placeholder: (i: number) => string) => {
  const range = `division >= ${placeholder(1)} AND division < ${placeholder(2)}`
  return [
    ["households", `SELECT division AS k, COUNT(*) AS n FROM zhili_household WHERE ${range} GROUP BY division`],
    ["residents", `SELECT division AS k, COUNT(*) AS n FROM zhili_resident WHERE ${range} GROUP BY division`],
    [
      "visits",
      `SELECT division AS k, f_outcome AS o, COUNT(*) AS n FROM zhili_visit WHERE ${range} GROUP BY division, f_outcome`
    ],
    ["micro", `SELECT grid_path AS k, COUNT(*) AS n FROM zhili_household WHERE ${range} GROUP BY grid_path`]
  ] as const
}

const sortRows = (rows: Array<Array<unknown>>) =>
  rows.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0))

const handRows = (tag: string, r: { k: string; o?: string; n: number | string }): Array<unknown> => [
  tag,
  tag === "micro" ? r.k.slice(0, -1) : r.k,
  ...(r.o === undefined ? [] : [r.o]),
  Number(r.n)
]

const median = (xs: ReadonlyArray<number>) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? Number.NaN
}

/** Times store and hand-written alternately, `iterations` times each after one warm-up, and returns the medians. */
const time = async (store: () => Promise<unknown>, hand: () => Promise<unknown>) => {
  await store()
  await hand()
  const s: Array<number> = []
  const h: Array<number> = []
  for (let i = 0; i < iterations; i++) {
    let t = performance.now()
    await store()
    s.push(performance.now() - t)
    t = performance.now()
    await hand()
    h.push(performance.now() - t)
  }
  return { storeMs: median(s), handMs: median(h), ratio: median(s) / median(h) }
}

const load = async (client: StoreClient.Client) => {
  const counts: Record<string, number> = {}
  for (const [kind, aggregate] of [
    ["household", Aggregates.Households],
    ["resident", Aggregates.Residents],
    ["visit", Aggregates.Visits]
  ] as const) {
    const report = await client
      .repository(aggregate as Store.AnyAggregate)
      .import(cityRows(kind), { scope: Store.everything, policy: "abort", batchSize: 1000 })
    counts[kind] = report.written
  }
  return counts
}

const results: Array<Record<string, unknown>> = []
let loaded: Record<string, number> = {}

/** Checks that the store and the hand-written queries answer alike for a scope, then times both (one result row). */
const measure = async (
  engine: "sqlite" | "pg" | "mysql",
  which: "street" | "city",
  client: StoreClient.Client,
  hand: () => Promise<Answer>,
  loadSeconds: number
) => {
  const a = sortRows([...(await viaStore(client, scopes[which]))] as Array<Array<unknown>>)
  const b = sortRows([...(await hand())] as Array<Array<unknown>>)
  if (JSON.stringify(a) !== JSON.stringify(b))
    throw new Error(`${engine} ${which}: the store and the hand query differ`)
  results.push({
    engine,
    scope: which,
    groups: a.length,
    loadSeconds,
    ...(await time(
      () => viaStore(client, scopes[which]),
      () => hand()
    ))
  })
}

// SQLite
{
  const client = StoreClient.make(Drivers.layerSqlite({ filename: sqliteFile, aggregates }))
  const t0 = performance.now()
  loaded = await load(client)
  const loadSeconds = (performance.now() - t0) / 1000
  const db = new Database(sqliteFile, { readonly: true })
  const queries = handQueries(() => "?").map(([tag, text]) => [tag, db.prepare(text)] as const)
  for (const which of ["street", "city"] as const) {
    const p = prefixes[which]
    // better-sqlite3 is synchronous; wrapped in a Promise as the store's answer is
    const hand = async (): Promise<Answer> =>
      queries.flatMap(([tag, q]) =>
        (q.all(p, successor(p)) as Array<{ k: string; n: number }>).map((r) => handRows(tag, r))
      )
    await measure("sqlite", which, client, hand, loadSeconds)
  }
  db.close()
  await client.dispose()
}

// PostgreSQL
if (pgUrl !== undefined && pgUrl !== "") {
  const client = StoreClient.make(Drivers.layerPg({ url: pgUrl, aggregates }))
  const t0 = performance.now()
  await load(client)
  const loadSeconds = (performance.now() - t0) / 1000
  const raw = new pg.Client({ connectionString: pgUrl })
  await raw.connect()
  const queries = handQueries((i) => `$${i}`)
  for (const which of ["street", "city"] as const) {
    const p = prefixes[which]
    const hand = async (): Promise<Answer> => {
      const all: Array<Array<unknown>> = []
      for (const [tag, text] of queries) {
        const r = await raw.query<{ k: string; n: string }>({ text, values: [p, successor(p)] })
        for (const x of r.rows) all.push(handRows(tag, x))
      }
      return all
    }
    await measure("pg", which, client, hand, loadSeconds)
  }
  await raw.end()
  await client.dispose()
}

// MariaDB
if (mysqlUrl !== undefined && mysqlUrl !== "") {
  const client = StoreClient.make(Drivers.layerMysql({ url: mysqlUrl, aggregates }))
  const t0 = performance.now()
  await load(client)
  const loadSeconds = (performance.now() - t0) / 1000
  const raw = await mysql.createConnection({ uri: mysqlUrl })
  const queries = handQueries(() => "?")
  for (const which of ["street", "city"] as const) {
    const p = prefixes[which]
    const hand = async (): Promise<Answer> => {
      const all: Array<Array<unknown>> = []
      for (const [tag, text] of queries) {
        const [rows] = await raw.execute(text, [p, successor(p)])
        for (const x of rows as Array<{ k: string; o?: string; n: number | string }>) all.push(handRows(tag, x))
      }
      return all
    }
    await measure("mysql", which, client, hand, loadSeconds)
  }
  await raw.end()
  await client.dispose()
}

process.stdout.write(`${JSON.stringify({ scale, iterations, street, loaded, results })}\n`)
