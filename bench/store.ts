/**
 * One phase of the store benchmark, run in its own process by `bench/store.mjs` so that peak RSS is per phase.
 *
 *   node store.mjs <phase> <rows> <target> [batch] [partitions] [tenants] [--encryption]
 *
 * phases: raw-sqlite, store-sqlite (target: a file name), raw-pg, store-pg (target: a URL with its search_path),
 * raw-mysql (multi-row INSERT with mysql2), load-mysql (LOAD DATA LOCAL INFILE with mysql2), store-mysql (target: a
 * mysql:// URL of an empty database); with `--encryption`, residents instead of households: store-<engine> with
 * encryption off and enc-<engine> with it on (AES-256-GCM, an in-process key).
 * partitions > 0: PostgreSQL tables `PARTITION BY HASH (tenant)` (the store's `partitions` option, and the same
 * tables for the raw phase); tenants: the rows spread over that many communities, in contiguous runs.
 * Prints one JSON line: { phase, rows, seconds, cpuSeconds, rowsPerSecond, maxRssMb } (cpuSeconds: this process only).
 */
import { randomBytes } from "node:crypto"
import { Readable } from "node:stream"
import { Aggregates, IdNumber, KeyProvider, Store } from "@zhili/core"
import { Drivers, SqlStore } from "@zhili/store-sql"
import Database from "better-sqlite3"
import { Effect, Option, Stream } from "effect"
import mysql from "mysql2/promise"
import pg from "pg"
import { from as copyFrom } from "pg-copy-streams"

/** The registry's household descriptor: `Store.Stored<Household.Household>` records (户: building + room number). */
const HouseholdAggregate = Aggregates.Households

const [phase = "", rowsArg = "1000000", target = "", batchArg = "10000", partitionsArg = "0", tenantsArg = "1"] =
  process.argv.slice(2).filter((a) => a !== "--encryption")
const partitions = Number(partitionsArg) > 0 ? Number(partitionsArg) : undefined
const tenants = Math.max(1, Math.min(999, Number(tenantsArg)))

/** The community of row `i` (1-based): `tenants` contiguous runs of rows, 440881002001 … 440881002999. */
const tenantOf = (i: number) =>
  tenants === 1 ? "440881002001" : `440881002${String(1 + Math.floor(((i - 1) * tenants) / rows)).padStart(3, "0")}`

const row = (i: number) => {
  const tenant = tenantOf(i)
  return {
    version: 1,
    location: { division: tenant, grid: ["g1", `g1-${i % 10}`, `g1-${i % 10}-${i % 50}`] },
    value: { id: `h${i}`, tenant, building: `b${Math.floor(i / 200)}`, room: `${i % 200}` }
  }
}

/** The columns the store writes, computed the way a hand-written importer would (no schema decode). */
const rawValues = (r: ReturnType<typeof row>): Array<unknown> => [
  r.value.tenant,
  r.value.id,
  r.version,
  r.location.division,
  null,
  `${r.location.grid.join("/")}/`,
  `${r.value.building}/${r.value.room}`,
  r.value.building,
  JSON.stringify(r)
]

const columns = "tenant, id, version, division, org_path, grid_path, nkey, f_building, record"

const pad = (n: number, w: number) => String(n).padStart(w, "0")
/** The encoded resident row `i` (name, identity number, phone; a tenth of them children under 14). */
const resident = (i: number) => {
  const year = i % 10 === 0 ? 2015 : 1940 + (i % 60)
  const birth = `${year}-${pad(1 + (i % 12), 2)}-${pad(1 + (Math.floor(i / 12) % 28), 2)}`
  const body = `440881${birth.replaceAll("-", "")}${pad(Math.floor(i / 336) % 1000, 3)}`
  return {
    version: 1,
    location: { division: "440881002001", grid: ["g1", `g1-${i % 10}`, `g1-${i % 10}-${i % 50}`] },
    value: {
      id: `r${i}`,
      tenant: "440881002001",
      household: `h${Math.floor(i / 3)}`,
      name: `居民${i}`,
      birthDate: birth,
      sex: i % 2 === 0 ? "male" : "female",
      tags: [],
      idNumber: body + Option.getOrThrow(IdNumber.checkCharacter(body)),
      phone: `139${pad(i, 8)}`
    }
  }
}

const storeBatch = Number(batchArg)
const rows = Number(rowsArg)
/** Set when the timed part starts: after connecting and creating the table, so only the import is measured. */
let started = 0
/** CPU time of this process (user + system, µs) when the timed part started. */
let cpuStarted = 0
const cpuNow = () => {
  const u = process.cpuUsage()
  return u.user + u.system
}

const rawSqlite = () => {
  const db = new Database(target)
  db.pragma("journal_mode = WAL")
  db.pragma("synchronous = NORMAL")
  for (const s of SqlStore.schemaOf(HouseholdAggregate, "sqlite")) db.exec(s)
  const batch = 500
  started = performance.now()
  cpuStarted = cpuNow()
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

/** The raw PostgreSQL baseline: COPY FROM STDIN (pg-copy-streams) of the same rows, in one transaction. */
const rawPg = async () => {
  const client = new pg.Client({ connectionString: target })
  await client.connect()
  for (const s of SqlStore.schemaOf(HouseholdAggregate, "pg", { partitions })) await client.query(s)
  started = performance.now()
  cpuStarted = cpuNow()
  await client.query("BEGIN")
  const stream = client.query(copyFrom(`COPY zhili_household (${columns}) FROM STDIN`))
  const done = new Promise<void>((resolve, reject) => {
    stream.on("finish", resolve)
    stream.on("error", reject)
  })
  const esc = (v: unknown) =>
    v === null
      ? "\\N"
      : typeof v === "string"
        ? v.replace(/[\\\t\n\r]/g, (c) => `\\${c === "\t" ? "t" : c === "\n" ? "n" : c === "\r" ? "r" : c}`)
        : String(v)
  let piece = ""
  for (let i = 1; i <= rows; i++) {
    piece += `${rawValues(row(i)).map(esc).join("\t")}\n`
    if (piece.length >= 65_536) {
      if (!stream.write(piece)) await new Promise((resolve) => stream.once("drain", resolve))
      piece = ""
    }
  }
  stream.end(piece)
  await done
  await client.query("COMMIT")
  await client.end()
}

/** A row's escaped value in tab-separated text (PostgreSQL COPY and MySQL LOAD DATA share the escapes). */
const tsv = (v: unknown) =>
  v === null
    ? "\\N"
    : typeof v === "string"
      ? v.replace(/[\\\t\n\r]/g, (c) => `\\${c === "\t" ? "t" : c === "\n" ? "n" : c === "\r" ? "r" : c}`)
      : String(v)

/** The database of a mysql:// URL, and the URL's options as mysql2 takes them. */
const mysqlConnect = (url: string, extra: Record<string, unknown> = {}) =>
  mysql.createConnection({ uri: url, ...extra } as mysql.ConnectionOptions)

/** The raw MariaDB baseline: mysql2, 500-row multi-VALUES prepared `INSERT`s of the same rows, in one transaction. */
const rawMysql = async () => {
  const conn = await mysqlConnect(target)
  for (const s of SqlStore.schemaOf(HouseholdAggregate, "mysql")) await conn.query(s)
  const batch = 500
  started = performance.now()
  cpuStarted = cpuNow()
  const tuple = `(${Array(9).fill("?").join(", ")})`
  const text = (n: number) => `INSERT INTO zhili_household (${columns}) VALUES ${Array(n).fill(tuple).join(", ")}`
  const full = text(batch)
  await conn.query("START TRANSACTION")
  for (let i = 1; i <= rows; i += batch) {
    const n = Math.min(batch, rows - i + 1)
    const params: Array<unknown> = []
    for (let k = 0; k < n; k++) params.push(...rawValues(row(i + k)))
    await conn.execute(n === batch ? full : text(n), params)
  }
  await conn.query("COMMIT")
  await conn.end()
}

/** The MariaDB bulk ceiling: `LOAD DATA LOCAL INFILE` of the same rows as tab-separated text, streamed, one transaction. */
const loadMysql = async () => {
  async function* lines() {
    let piece = ""
    for (let i = 1; i <= rows; i++) {
      piece += `${rawValues(row(i)).map(tsv).join("\t")}\n`
      if (piece.length >= 65_536) {
        yield Buffer.from(piece)
        piece = ""
      }
    }
    yield Buffer.from(piece)
  }
  const conn = await mysqlConnect(target)
  for (const s of SqlStore.schemaOf(HouseholdAggregate, "mysql")) await conn.query(s)
  started = performance.now()
  cpuStarted = cpuNow()
  await conn.query("START TRANSACTION")
  await conn.query({
    sql: `LOAD DATA LOCAL INFILE 'households.tsv' INTO TABLE zhili_household CHARACTER SET utf8mb4 (${columns})`,
    infileStreamFactory: () => Readable.from(lines())
  } as never)
  await conn.query("COMMIT")
  await conn.end()
}

const viaStore = (layer: ReturnType<typeof Drivers.layerFromUrl>, batchSize: number, residents = false) =>
  Effect.runPromise(
    Effect.gen(function* () {
      const repo = yield* Store.repository(residents ? (Aggregates.Residents as never) : HouseholdAggregate)
      started = performance.now()
      cpuStarted = cpuNow()
      const report = yield* repo.import(Stream.range(1, rows).pipe(Stream.map(residents ? resident : row)), {
        scope: Store.everything,
        policy: "abort",
        batchSize
      })
      if (report.written !== rows) throw new Error(`wrote ${report.written} of ${rows}`)
    }).pipe(Effect.provide(layer))
  )

/** With encryption on (enc-*): an in-process keyring, as a host's KMS would hand it (AES-256-GCM). */
const keys = () => {
  const key = { id: "bench-1", algorithm: "aes-256-gcm" as const, secret: randomBytes(32) }
  return KeyProvider.layer({ current: key, keys: [key], index: { ...key, id: "bench-index", secret: randomBytes(32) } })
}
const residentAggregates = [Aggregates.Residents]
const [kind, engine] = phase.split("-") as [string, string]
if ((kind === "store" && process.argv.includes("--encryption")) || kind === "enc") {
  const options = { aggregates: residentAggregates, ...(kind === "enc" ? { keys: keys() } : {}) }
  await viaStore(
    engine === "sqlite"
      ? Drivers.layerSqlite({ filename: target, ...options })
      : engine === "pg"
        ? Drivers.layerPg({ url: target, ...options })
        : Drivers.layerMysql({ url: target, ...options }),
    storeBatch,
    true
  )
} else
  switch (phase) {
    case "raw-mysql":
      await rawMysql()
      break
    case "load-mysql":
      await loadMysql()
      break
    case "store-mysql":
      await viaStore(Drivers.layerMysql({ url: target, aggregates: [HouseholdAggregate] }), storeBatch)
      break
    case "raw-sqlite":
      rawSqlite()
      break
    case "store-sqlite":
      await viaStore(Drivers.layerSqlite({ filename: target, aggregates: [HouseholdAggregate] }), storeBatch)
      break
    case "raw-pg":
      await rawPg()
      break
    case "store-pg":
      await viaStore(Drivers.layerPg({ url: target, aggregates: [HouseholdAggregate], partitions }), storeBatch)
      break
    default:
      throw new Error(`unknown phase ${phase}`)
  }
const seconds = (performance.now() - started) / 1000
const cpuSeconds = (cpuNow() - cpuStarted) / 1e6
process.stdout.write(
  `${JSON.stringify({ phase, rows, seconds, cpuSeconds, rowsPerSecond: rows / seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`
)
