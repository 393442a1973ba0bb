/**
 * The `Store` port over `@effect/sql` (SQL 存储): one implementation for SQLite, PostgreSQL and MySQL/MariaDB that
 * branches on the dialect only where the SQL differs (column types, upsert, row locks). One table per aggregate,
 * keyed by (tenant, id); one event table per aggregate with a log, keyed by (tenant, aggregate id, seq).
 *
 * @since 0.1.0
 */
import * as Migrator from "@effect/sql/Migrator"
import * as SqlClient from "@effect/sql/SqlClient"
import { type SqlError, SqlError as SqlErrorClass } from "@effect/sql/SqlError"
import { Aggregates, Encryption, Errors, type KeyProvider, Store } from "@zhili/core"
import { Effect, Layer, Option, Scope } from "effect"
import * as SqliteWriter from "./internal/sqliteWriter.js"

type Dialect = "sqlite" | "pg" | "mysql"

const dialectOf = (sql: SqlClient.SqlClient): Dialect =>
  sql.onDialectOrElse({ orElse: () => "sqlite" as Dialect, pg: () => "pg" as Dialect, mysql: () => "mysql" as Dialect })

/** Table names: `zhili_<aggregate>` and `zhili_<aggregate>_event`. */
const tableOf = (a: Store.AnyAggregate) => `zhili_${a.name}`
const eventTableOf = (a: Store.AnyAggregate) => `zhili_${a.name}_event`

const fixedColumns = ["tenant", "id", "version", "division", "org_path", "grid_path", "nkey"] as const

const columnsOf = (a: Store.AnyAggregate): ReadonlyArray<string> => [
  ...fixedColumns,
  ...a.fields.map((f) => `f_${f.name}`),
  "record"
]

/** The migration that adds a field's column (1: the table's creation). */
const migrationOf = (f: Store.AnyAggregate["fields"][number]): number => f.migration ?? 1

/** Column types per dialect. */
const types = (dialect: Dialect) =>
  ({
    sqlite: { key: "TEXT", id: "TEXT", path: "TEXT", str: "TEXT", num: "REAL", int: "INTEGER", doc: "TEXT" },
    pg: {
      key: 'VARCHAR(12) COLLATE "C"',
      id: 'VARCHAR(128) COLLATE "C"',
      path: 'TEXT COLLATE "C"',
      str: 'VARCHAR(255) COLLATE "C"',
      num: "DOUBLE PRECISION",
      int: "BIGINT",
      doc: "TEXT"
    },
    mysql: {
      key: "VARCHAR(12) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin",
      id: "VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin",
      path: "VARCHAR(512) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin",
      str: "VARCHAR(191) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin",
      num: "DOUBLE",
      int: "BIGINT",
      doc: "LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
    }
  })[dialect]

/**
 * The DDL of the migrations after the first: each adds the columns (and indexes) of the fields that name it.
 * Returns the statements per migration number, in order.
 */
const laterDdl = (a: Store.AnyAggregate, dialect: Dialect): ReadonlyArray<readonly [number, ReadonlyArray<string>]> => {
  const t = tableOf(a)
  const ty = types(dialect)
  const numbers = [...new Set(a.fields.map(migrationOf).filter((n) => n > 1))].sort((x, y) => x - y)
  return numbers.map((n) => {
    const added = a.fields.filter((f) => migrationOf(f) === n)
    return [
      n,
      [
        ...added.map((f) => `ALTER TABLE ${t} ADD COLUMN f_${f.name} ${f.type === "number" ? ty.num : ty.str}`),
        ...added.map((f) => `CREATE INDEX ${t}_f_${f.name} ON ${t} (tenant, f_${f.name})`)
      ]
    ] as const
  })
}

/**
 * The statements that attach `partitions` hash partitions of the tenant to a PostgreSQL table created
 * `PARTITION BY HASH (tenant)`: `<table>_p0` … `<table>_p<N-1>`.
 */
const partitionsOf = (table: string, partitions: number): ReadonlyArray<string> =>
  Array.from(
    { length: partitions },
    (_, i) =>
      `CREATE TABLE ${table}_p${i} PARTITION OF ${table} FOR VALUES WITH (MODULUS ${partitions}, REMAINDER ${i})`
  )

/**
 * The DDL of an aggregate's tables as migration 1 creates them, per dialect. Tenant leads every key and index. With
 * `partitions` (PostgreSQL), each table is `PARTITION BY HASH (tenant)` with that many partitions, so PostgreSQL
 * refuses any unique key or index that does not include the tenant.
 */
const ddl = (a: Store.AnyAggregate, dialect: Dialect, partitions?: number | undefined): ReadonlyArray<string> => {
  const t = tableOf(a)
  const ty = types(dialect)
  const partitioned = dialect === "pg" && partitions !== undefined
  const suffix = dialect === "mysql" ? " ENGINE=InnoDB" : partitioned ? " PARTITION BY HASH (tenant)" : ""
  const first = a.fields.filter((f) => migrationOf(f) === 1)
  const fields = first.map((f) => `f_${f.name} ${f.type === "number" ? ty.num : ty.str}`)
  const statements = [
    `CREATE TABLE ${t} (tenant ${ty.key} NOT NULL, id ${ty.id} NOT NULL, version ${ty.int} NOT NULL, ` +
      `division ${ty.key}, org_path ${ty.path}, grid_path ${ty.path}, nkey ${ty.str}, ` +
      fields.map((f) => `${f}, `).join("") +
      `record ${ty.doc} NOT NULL, PRIMARY KEY (tenant, id))${suffix}`,
    ...(partitioned ? partitionsOf(t, partitions) : []),
    `CREATE INDEX ${t}_division ON ${t} (tenant, division)`,
    `CREATE INDEX ${t}_org ON ${t} (tenant, org_path)`,
    `CREATE INDEX ${t}_grid ON ${t} (tenant, grid_path)`,
    ...(a.naturalKey === undefined ? [] : [`CREATE UNIQUE INDEX ${t}_nkey ON ${t} (tenant, nkey)`]),
    ...first.map((f) => `CREATE INDEX ${t}_f_${f.name} ON ${t} (tenant, f_${f.name})`)
  ]
  if (a.events !== undefined) {
    statements.push(
      `CREATE TABLE ${eventTableOf(a)} (tenant ${ty.key} NOT NULL, aggregate_id ${ty.id} NOT NULL, ` +
        `seq ${ty.int} NOT NULL, event ${ty.doc} NOT NULL, PRIMARY KEY (tenant, aggregate_id, seq))${suffix}`,
      ...(partitioned ? partitionsOf(eventTableOf(a), partitions) : [])
    )
  }
  return statements
}

/**
 * The SQL that creates an aggregate's tables on a dialect (`sqlite`, `pg` or `mysql`), for review or for a host's
 * own migration tool. With `partitions` (PostgreSQL only, see {@link Options.partitions}; the other dialects ignore
 * it), the tables are partitioned by a hash of the tenant.
 *
 * @since 0.1.0
 * @category migrations
 */
export const schemaOf = (
  aggregate: Store.AnyAggregate,
  dialect: "sqlite" | "pg" | "mysql",
  options: { readonly partitions?: number | undefined } = {}
): ReadonlyArray<string> => [
  ...ddl(aggregate, dialect, options.partitions),
  ...laterDdl(aggregate, dialect).flatMap(([, statements]) => statements)
]

const storeError =
  (operation: string, entity: string) =>
  (e: SqlError | Migrator.MigrationError): Store.StoreError =>
    new Store.StoreError({
      operation,
      entity,
      reason: `${e.message}${"cause" in e && e.cause instanceof Error ? `: ${e.cause.message}` : ""}`,
      cause: e
    })

/** PostgreSQL's SQLSTATEs of a write worth retrying: serialization failure, deadlock, lock not available. */
const pgRetryable: ReadonlySet<string> = new Set(["40001", "40P01", "55P03"])
/** MySQL's and MariaDB's error numbers of a write worth retrying: lock wait timeout, deadlock. */
const mysqlRetryable: ReadonlySet<number> = new Set([1205, 1213])

/**
 * Whether a statement failed because another connection held what it needed, so that the same write may succeed
 * when tried again: SQLite's `SQLITE_BUSY` and `SQLITE_LOCKED` (past the busy timeout, as better-sqlite3 and the
 * import writer thread report them); PostgreSQL's serialization failure (`40001`), deadlock (`40P01`) and lock not
 * available (`55P03`, `lock_timeout`); MySQL's and MariaDB's lock wait timeout (1205) and deadlock (1213). The
 * engine has rolled the transaction back in each case.
 */
const isBusy = (e: SqlError): boolean => {
  const cause = e.cause as
    | { readonly code?: unknown; readonly errno?: unknown; readonly sqlState?: unknown }
    | undefined
  const code = cause?.code
  if (typeof code === "string" && (/^SQLITE_(BUSY|LOCKED)/.test(code) || pgRetryable.has(code))) return true
  if (typeof code === "string" && (code === "ER_LOCK_WAIT_TIMEOUT" || code === "ER_LOCK_DEADLOCK")) return true
  return typeof cause?.errno === "number" && mysqlRetryable.has(cause.errno)
}

/** The error of a failed write: `Store.StoreBusy` when the database was locked (retryable), else a StoreError. */
const writeError =
  (operation: string, entity: string) =>
  (e: SqlError): Store.StoreError | Store.StoreBusy =>
    isBusy(e) ? new Store.StoreBusy({ operation, entity, cause: e }) : storeError(operation, entity)(e)

/** The most hash partitions a table may have (PostgreSQL itself has no small limit; each is a table). */
const maxPartitions = 1024

/** `partitions` is a whole number 1–1024, and the engine is PostgreSQL; else a StoreError saying so. */
const checkPartitions = (dialect: Dialect, partitions: number | undefined): Effect.Effect<void, Store.StoreError> => {
  if (partitions === undefined) return Effect.void
  const bad = (reason: string) =>
    Effect.fail(new Store.StoreError({ operation: "migrate", entity: "partitions", reason }))
  if (dialect !== "pg") return bad(`partitions: the partitioned layout is for PostgreSQL, not ${dialect}`)
  if (!Number.isInteger(partitions) || partitions < 1 || partitions > maxPartitions) {
    return bad(`partitions: ${partitions} is not a whole number from 1 to ${maxPartitions}`)
  }
  return Effect.void
}

/**
 * Brings the tables of the given aggregates up to date. Each aggregate has its own migration history (table
 * `zhili_migrations_<name>`), so aggregates can be added in any order; running it again is a no-op. Returns the
 * migrations applied now, as `<aggregate>/<id>_<name>`. With `partitions` (PostgreSQL, see
 * {@link Options.partitions}) the tables it creates are partitioned by a hash of the tenant, and a table already
 * created without partitions fails it with a `StoreError` (the layout of a stored table is not changed in place).
 *
 * @since 0.1.0
 * @category migrations
 */
export const migrate = (
  aggregates: ReadonlyArray<Store.AnyAggregate>,
  options: { readonly partitions?: number | undefined } = {}
): Effect.Effect<ReadonlyArray<string>, Store.StoreError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const dialect = dialectOf(sql)
    yield* checkPartitions(dialect, options.partitions)
    const applied: Array<string> = []
    for (const a of aggregates) {
      const ran = yield* Migrator.make({})({
        loader: Migrator.fromRecord({
          "1_create": Effect.forEach(ddl(a, dialect, options.partitions), (s) => sql.unsafe(s), { discard: true }),
          ...Object.fromEntries(
            laterDdl(a, dialect).map(([n, statements]) => [
              `${n}_fields`,
              Effect.forEach(statements, (s) => sql.unsafe(s), { discard: true })
            ])
          )
        }),
        table: `zhili_migrations_${a.name}`
      }).pipe(Effect.mapError(storeError("migrate", a.name)))
      for (const [id, name] of ran) applied.push(`${a.name}/${id}_${name}`)
      if (options.partitions !== undefined) {
        for (const table of a.events === undefined ? [tableOf(a)] : [tableOf(a), eventTableOf(a)]) {
          const found = yield* sql
            .unsafe<{ n: number | string }>(
              "SELECT COUNT(*) AS n FROM pg_partitioned_table WHERE partrelid = to_regclass($1)",
              [table]
            )
            .pipe(Effect.mapError(storeError("migrate", a.name)))
          if (Number(found[0]?.n ?? 0) === 0) {
            return yield* new Store.StoreError({
              operation: "migrate",
              entity: a.name,
              reason:
                `${table} exists without partitions: the partitioned layout (partitions: ${options.partitions}) ` +
                "creates its tables anew, in a schema or database of their own"
            })
          }
        }
      }
    }
    return applied
  })

/** The next string after every string starting with `prefix` (binary collation): `a/b/` → `a/b0`. */
const successor = (prefix: string): string =>
  prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)

/** Bind parameters one statement may carry: SQLite's default limit is 32,766, PostgreSQL's and MySQL's 65,535. */
const maxParams: Record<Dialect, number> = { sqlite: 32_766, pg: 65_535, mysql: 65_535 }
/** Rows per multi-row INSERT statement (an import batch larger than this is written as several statements). */
const rowsPerStatement = 500

/** The distinct values of `value` (skipping nulls) of each tenant's keys. */
const byTenant = (
  keys: ReadonlyArray<Store.Keys>,
  value: (k: Store.Keys) => string | null
): Map<string, ReadonlyArray<string>> => {
  const sets = new Map<string, Set<string>>()
  for (const k of keys) {
    const v = value(k)
    if (v === null) continue
    const set = sets.get(k.tenant)
    if (set === undefined) sets.set(k.tenant, new Set([v]))
    else set.add(v)
  }
  return new Map([...sets].map(([tenant, set]) => [tenant, [...set]] as const))
}

const copySpecial = /[\\\t\n\r]/
const copyEscapes: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" }
/** One value in PostgreSQL's COPY text format: `\N` for null, backslash escapes for the separators. */
const copyValue = (v: string | number | null): string =>
  v === null
    ? "\\N"
    : typeof v === "number"
      ? String(v)
      : copySpecial.test(v)
        ? v.replace(/[\\\t\n\r]/g, (c) => copyEscapes[c] ?? c)
        : v

/** A value of COPY text read back (`copyValue` undone); numbers stay strings, which the column's type converts. */
const copyCell = (cell: string): string | null =>
  cell === "\\N"
    ? null
    : cell.indexOf("\\") < 0
      ? cell
      : cell.replace(/\\(.)/g, (_, c: string) => (c === "t" ? "\t" : c === "n" ? "\n" : c === "r" ? "\r" : c))

/** The keys of a row from its line of COPY text. */
const copyKeys = (line: string): Store.Keys => {
  const cells = line.split("\t", 7)
  return {
    tenant: copyCell(cells[0] ?? "") ?? "",
    id: copyCell(cells[1] ?? "") ?? "",
    nkey: copyCell(cells[6] ?? "\\N")
  }
}

/** The column values of a row from its line of COPY text (what the SQLite writer thread binds). */
const copyValues = (line: string): Array<unknown> => line.slice(0, -1).split("\t").map(copyCell)

/**
 * One row as a line of COPY text, built by `join` (a flat string: a concatenation would keep every part alive,
 * linked, until the batch is written).
 */
const copyLine = (r: Store.Row): string => {
  const n = r.fields.length
  // sized once (pushing past a literal's length would grow it, a second allocation per row)
  const cells: Array<string> = new Array(8 + n)
  cells[0] = copyValue(r.tenant)
  cells[1] = copyValue(r.id)
  cells[2] = String(r.version)
  cells[3] = copyValue(r.division)
  cells[4] = copyValue(r.org)
  cells[5] = copyValue(r.grid)
  cells[6] = copyValue(r.nkey)
  for (let i = 0; i < n; i++) cells[7 + i] = copyValue(r.fields[i] as string | number | null)
  // the record is JSON, which has no raw tab or line break (JSON.stringify escapes them): only its backslashes are
  // doubled, found with one native scan instead of the pattern
  const record = r.record.includes("\\") ? r.record.replaceAll("\\", "\\\\") : r.record
  cells[7 + n] = `${record}\n`
  return cells.join("\t")
}

/** The COPY text of a batch of lines, in pieces of about 64 KiB. */
const copyPayload = (lines: ReadonlyArray<string>): Array<string> => {
  const pieces: Array<string> = []
  let piece = ""
  for (const line of lines) {
    piece += line
    if (piece.length >= 65_536) {
      pieces.push(piece)
      piece = ""
    }
  }
  if (piece.length > 0) pieces.push(piece)
  return pieces
}

/** The part of `pg` a COPY needs: a client that runs a submittable query. */
interface PgQueryable {
  readonly query: (q: unknown) => unknown
}

/** The part of `pg-copy-streams` the store uses. */
interface CopyStreams {
  readonly from: (text: string) => NodeJS.WritableStream & { on(e: string, f: (x?: unknown) => void): unknown }
}

/** The `pg` client under the transaction's connection (`@effect/sql-pg` keeps it as `pg`), if there is one. */
const pgClientOf = (connection: Option.Option<readonly [unknown, number]>): PgQueryable | undefined => {
  if (Option.isNone(connection)) return undefined
  const pg = (connection.value[0] as { readonly pg?: unknown }).pg
  return typeof pg === "object" && pg !== null && typeof (pg as PgQueryable).query === "function"
    ? (pg as PgQueryable)
    : undefined
}

/** Streams `pieces` into `COPY ... FROM STDIN` on `client`; a failure is the server's error, as a `SqlError`. */
const copyIn = (
  client: PgQueryable,
  copy: CopyStreams,
  text: string,
  pieces: ReadonlyArray<string>
): Effect.Effect<void, SqlError> =>
  Effect.async<void, SqlError>((resume) => {
    const stream = copy.from(text)
    let done = false
    const finish = (e?: unknown) => {
      if (done) return
      done = true
      resume(e === undefined ? Effect.void : Effect.fail(new SqlErrorClass({ cause: e, message: "COPY failed" })))
    }
    stream.on("error", (e) => finish(e ?? new Error("COPY failed")))
    stream.on("finish", () => finish())
    client.query(stream)
    for (const piece of pieces) stream.write(piece)
    stream.end()
    return Effect.sync(() => {
      if (!done) (stream as unknown as { destroy: (e: Error) => void }).destroy(new Error("import interrupted"))
    })
  })

/** A tiny builder of SQL text with placeholders in the dialect's style. */
const builder = (dialect: Dialect) => {
  const params: Array<unknown> = []
  const p = (v: unknown): string => {
    params.push(v)
    return dialect === "pg" ? `$${params.length}` : "?"
  }
  return { params, p }
}

const scopeClause = (scope: Store.Scope, p: (v: unknown) => string): string => {
  const grants = Store.scopeFilters(scope)
  if (grants.length === 0) return "1=0"
  const range = (col: string, prefix: string) =>
    prefix === "" ? `${col} IS NOT NULL` : `(${col} >= ${p(prefix)} AND ${col} < ${p(successor(prefix))})`
  const parts = grants.map((g) => {
    const c = [
      ...(g.division !== undefined ? [range("division", g.division)] : []),
      ...(g.org !== undefined ? [range("org_path", g.org)] : []),
      ...(g.grid !== undefined ? [range("grid_path", g.grid)] : [])
    ]
    return c.length === 0 ? "1=1" : c.join(" AND ")
  })
  return `(${parts.join(" OR ")})`
}

/** The conditions of a list or count: scope, tenant and field filters, AND-ed. */
const whereClause = (
  scope: Store.Scope,
  tenant: string | undefined,
  where: Readonly<Record<string, Store.FilterValue | undefined>> | undefined,
  p: (v: unknown) => string
): string => {
  const conds: Array<string> = [scopeClause(scope, p)]
  if (tenant !== undefined) conds.push(`tenant = ${p(tenant)}`)
  for (const [field, value] of Object.entries(where ?? {})) {
    if (value === undefined) continue
    const col = `f_${field}`
    if (Array.isArray(value)) {
      conds.push(value.length === 0 ? "1=0" : `${col} IN (${value.map((v) => p(v)).join(", ")})`)
    } else conds.push(`${col} = ${p(value)}`)
  }
  return conds.join(" AND ")
}

/**
 * The SQL expression of a count's grouping term. A path cut to `depth` ids is the prefix up to its `depth`-th `/`,
 * found by nested position searches (`instr` in SQLite and MySQL, `strpos` in PostgreSQL); a shallower path has no
 * more slashes, so the search adds 0 and the whole path is kept.
 */
const groupExpression = (term: Store.GroupTerm, dialect: Dialect): string => {
  switch (term._tag) {
    case "field":
      return `f_${term.name}`
    case "tenant":
      return "tenant"
    case "division":
      return term.digits === undefined ? "division" : `SUBSTR(division, 1, ${term.digits})`
    default: {
      const col = term._tag === "org" ? "org_path" : "grid_path"
      if (term.depth === undefined) return col
      const find = (x: string) => (dialect === "pg" ? `STRPOS(${x}, '/')` : `INSTR(${x}, '/')`)
      let pos = find(col)
      for (let i = 1; i < term.depth; i++) pos = `(${pos} + ${find(`SUBSTR(${col}, ${pos} + 1)`)})`
      return `SUBSTR(${col}, 1, ${pos})`
    }
  }
}

/** The tenant of a row from its line of COPY text (its first cell). */
const copyTenant = (line: string): string => copyCell(line.slice(0, line.indexOf("\t"))) ?? ""

/**
 * A writer that commits each tenant's rows of a batch in a transaction of their own, in the order the tenants first
 * appear in the batch (each part applied in row order, as `Store.settle` would: ids and natural keys are per
 * tenant, so the parts do not interact), so that no transaction writes rows of two tenants. The refused rows keep
 * their indexes in the whole batch. With `abort`, the parts after one with a refused row are not written.
 */
const perTenant = <X>(writer: Store.BatchWriter<X>, tenantOf: (item: X) => string): Store.BatchWriter<X> => ({
  ...writer,
  write: (batch, abort, within, audit) => {
    const parts = new Map<string, { readonly items: Array<X>; readonly indexes: Array<number> }>()
    for (let i = 0; i < batch.length; i++) {
      const item = batch[i] as X
      const tenant = tenantOf(item)
      const part = parts.get(tenant)
      if (part === undefined) parts.set(tenant, { items: [item], indexes: [i] })
      else {
        part.items.push(item)
        part.indexes.push(i)
      }
    }
    // each part's audit entry is of its tenant, so that its transaction holds that tenant's rows only
    const auditOf = (tenant: string) => (audit === undefined ? undefined : (written: number) => audit(written, tenant))
    if (parts.size <= 1) return writer.write(batch, abort, within, auditOf(parts.keys().next().value ?? ""))
    return Effect.gen(function* () {
      const refused: Array<Store.Refused> = []
      for (const [tenant, part] of parts) {
        const some = yield* writer.write(part.items, abort, within, auditOf(tenant))
        for (const r of some) refused.push({ ...r, index: part.indexes[r.index] as number })
        if (abort && some.length > 0) break
      }
      return refused.sort((a, b) => a.index - b.index)
    })
  }
})

/** The aggregates a store holds: the given ones, and the access audit every write is recorded in. */
const withAuditLog = (aggregates: ReadonlyArray<Store.AnyAggregate>): ReadonlyArray<Store.AnyAggregate> =>
  aggregates.some((a) => a.name === Store.AuditLog.name) ? aggregates : [...aggregates, Store.AuditLog]

/** A row's column values, in the order of `columnsOf`. */
const rowValues = (r: Store.Row): Array<unknown> => [
  r.tenant,
  r.id,
  r.version,
  r.division,
  r.org,
  r.grid,
  r.nkey,
  ...r.fields,
  r.record
]

const make = (
  registered: ReadonlyArray<Store.AnyAggregate>,
  options: Options
): Effect.Effect<Store.Service, never, SqlClient.SqlClient | Scope.Scope> =>
  Effect.gen(function* () {
    const sqliteImportFile = options.sqliteImportFile
    /** Every transaction writes the rows of one tenant (the partitioned layout's rule, or asked for). */
    const tenantTransactions = options.tenantTransactions ?? options.partitions !== undefined
    const sql = yield* SqlClient.SqlClient
    const dialect = dialectOf(sql)
    // rows are sealed when the store is built with the encryption service (`Options.keys`)
    const encryption = yield* Effect.serviceOption(Encryption.Encryption)
    const codecOf = (a: Store.AnyAggregate) => (Option.isSome(encryption) ? encryption.value.codec(a) : undefined)
    const scope = yield* Effect.scope
    /** SQLite: the import writer thread, started by the first import and ended with the store's scope. */
    const sqliteWriter = yield* Effect.cached(
      dialect !== "sqlite" || sqliteImportFile === undefined
        ? Effect.succeed(undefined)
        : Effect.sync(() => SqliteWriter.start(sqliteImportFile)).pipe(
            Effect.tap((thread) => (thread === undefined ? Effect.void : Scope.addFinalizer(scope, thread.close)))
          )
    )
    const forUpdate = dialect === "sqlite" ? "" : " FOR UPDATE"
    const names = new Set(registered.map((a) => a.name))
    const auditText = (() => {
      const { p } = builder(dialect)
      const auditCols = columnsOf(Store.AuditLog as Store.AnyAggregate)
      return `INSERT INTO ${tableOf(Store.AuditLog as Store.AnyAggregate)} (${auditCols.join(", ")}) VALUES (${auditCols.map(() => p(null)).join(", ")})`
    })()
    /** Inserts the row of an audit entry, in the transaction it runs in (the write's). */
    const insertAudit = (row: Store.Row) => sql.unsafe(auditText, rowValues(row))
    /** `pg-copy-streams` (an optional peer): imports on PostgreSQL use COPY when it is installed. */
    const copyStreams = yield* Effect.cached(
      dialect !== "pg"
        ? Effect.succeed(Option.none<CopyStreams>())
        : Effect.tryPromise(() => import("pg-copy-streams")).pipe(
            Effect.map((m) => {
              const mod = m as unknown as CopyStreams & { readonly default?: CopyStreams }
              const from = mod.from ?? mod.default?.from
              return from === undefined ? Option.none<CopyStreams>() : Option.some<CopyStreams>({ from })
            }),
            Effect.orElseSucceed(() => Option.none<CopyStreams>())
          )
    )

    const repository = <A, I, K extends string, E, EI>(
      aggregate: Store.Aggregate<A, I, K, E, EI>
    ): Store.Repository<A, K, E> => {
      const agg = aggregate as unknown as Store.Aggregate<A, I, string, unknown, unknown>
      const name = aggregate.name
      const t = tableOf(aggregate as Store.AnyAggregate)
      const et = eventTableOf(aggregate as Store.AnyAggregate)
      const cols = columnsOf(aggregate as Store.AnyAggregate)
      const sealing = codecOf(aggregate as Store.AnyAggregate)
      const toRow = Store.toRow(agg, sealing)
      const fromJson = Store.fromJson(agg, sealing)
      const codec =
        aggregate.events === undefined
          ? undefined
          : Store.eventCodec(agg as unknown as Store.Aggregate<unknown, unknown, string, unknown, unknown>, sealing)
      const fail = (operation: string) => storeError(operation, name)
      const failWrite = (operation: string) => writeError(operation, name)
      const unregistered = Effect.fail(
        new Store.StoreError({
          operation: "open",
          entity: name,
          reason: `aggregate ${name} is not registered with this store (pass it in the layer's aggregates)`
        })
      )
      const guard = <X, Y, Z>(eff: Effect.Effect<X, Y, Z>): Effect.Effect<X, Y | Store.StoreError, Z> =>
        names.has(name) ? eff : unregistered
      /** A row's column values, in the order of `columnsOf` (one flat array: what an import batch keeps per row). */
      const values = (r: Store.Row): Array<unknown> => {
        // sized once: an array grown by push keeps spare capacity, which a waiting batch would hold
        const n = r.fields.length
        const out: Array<unknown> = new Array(8 + n)
        out[0] = r.tenant
        out[1] = r.id
        out[2] = r.version
        out[3] = r.division
        out[4] = r.org
        out[5] = r.grid
        out[6] = r.nkey
        for (let i = 0; i < n; i++) out[7 + i] = r.fields[i]
        out[7 + n] = r.record
        return out
      }
      const conflict = (id: string, expected: number, actual: number) =>
        new Errors.VersionConflict({ entity: name, id, expected, actual })

      const notPermitted = (id: string) => Store.notPermitted(name, id)

      /**
       * Runs `write` (a transaction's body) and inserts its audit entry after it in the same transaction (none for
       * the audit log itself): the entry commits with the write or not at all.
       */
      const inTransaction = <B, X, R>(
        operation: Parameters<typeof Store.auditEntry>[1],
        target: { readonly tenant: string; readonly record?: string | undefined },
        options: Store.WriteOptions | undefined,
        write: Effect.Effect<B, X, R>
      ) =>
        Effect.flatMap(Store.auditEntry(aggregate as Store.AnyAggregate, operation, target, options?.by), (entry) =>
          sql.withTransaction(entry === undefined ? write : Effect.tap(write, () => insertAudit(Store.auditRow(entry))))
        )
      const appendOnly = aggregate.appendOnly === true

      /**
       * The stored version of a record and whether it lies in `scope` (its location columns against the scope's
       * conditions, as reads test them), or `undefined` when there is none; with `lock`, the row is locked until
       * the transaction ends (`FOR UPDATE`), so that its location cannot change between the check and the write.
       */
      const located = (scope: Store.Scope, tenant: string, id: string, lock: boolean) => {
        const { p, params } = builder(dialect)
        const visible = scopeClause(scope, p)
        const text =
          `SELECT version, CASE WHEN ${visible} THEN 1 ELSE 0 END AS visible FROM ${t} ` +
          `WHERE tenant = ${p(tenant)} AND id = ${p(id)}${lock ? forUpdate : ""}`
        return sql
          .unsafe<{ version: number | string; visible: number | string }>(text, params)
          .pipe(
            Effect.map((rows) =>
              rows[0] === undefined
                ? undefined
                : { version: Number(rows[0].version), visible: Number(rows[0].visible) === 1 }
            )
          )
      }

      /**
       * The stored version of a record the scope may write, in the transaction it runs in (the row locked): a
       * missing record and one outside the scope both fail with `NotFoundOrNotPermitted`.
       */
      const writableVersion = (scope: Store.Scope, tenant: string, id: string) =>
        Effect.flatMap(located(scope, tenant, id, true), (current) =>
          current === undefined || !current.visible ? Effect.fail(notPermitted(id)) : Effect.succeed(current.version)
        )

      /**
       * The upsert clause of an import: on the natural key (or the id), every column but the tenant is replaced.
       * MySQL's matches either unique key; SQLite's has a second target, the id, so a row whose id is stored under
       * another natural key updates that record there too (PostgreSQL allows one target: such a batch is settled).
       */
      const upsertClause = (): string => {
        const updated = cols.filter((c) => c !== "tenant" && (agg.naturalKey !== undefined || c !== "id"))
        if (dialect === "mysql") {
          return ` ON DUPLICATE KEY UPDATE ${updated.map((c) => `${c} = VALUES(${c})`).join(", ")}`
        }
        const set = ` DO UPDATE SET ${updated.map((c) => `${c} = excluded.${c}`).join(", ")}`
        if (agg.naturalKey === undefined) return ` ON CONFLICT (tenant, id)${set}`
        return ` ON CONFLICT (tenant, nkey)${set}${dialect === "sqlite" ? ` ON CONFLICT (tenant, id)${set}` : ""}`
      }
      const insertText = (n: number, upsert: boolean): string => {
        const { p } = builder(dialect)
        const tuples: Array<string> = []
        for (let i = 0; i < n; i++) tuples.push(`(${cols.map(() => p(null)).join(", ")})`)
        const base = `INSERT INTO ${t} (${cols.join(", ")}) VALUES ${tuples.join(", ")}`
        return upsert ? base + upsertClause() : base
      }
      const textCache = new Map<string, string>()
      const cachedInsert = (n: number, upsert: boolean) => {
        const k = `${n}:${upsert}`
        let text = textCache.get(k)
        if (text === undefined) {
          text = insertText(n, upsert)
          textCache.set(k, text)
        }
        return text
      }

      /**
       * The write part of a save, to run inside a transaction: the new row must lie in the scope; an insert fails on
       * the primary key when the id is stored (explained by `explainSave`); an update reads and locks the stored
       * row, which must lie in the scope and be at the expected version, before it is written.
       */
      const writeChecked = (scope: Store.Scope, record: A, expectedVersion: number) =>
        Effect.gen(function* () {
          const r = toRow(record)
          if (!Store.rowInScope(r, Store.scopeFilters(scope))) return yield* Effect.fail(notPermitted(r.id))
          if (aggregate.appendOnly === true && expectedVersion !== 0) {
            return yield* Effect.fail(Store.appendOnlyRefused(aggregate.name, r.id))
          }
          if (expectedVersion === 0) {
            yield* sql.unsafe(cachedInsert(1, false), values(r))
            return r
          }
          const actual = yield* writableVersion(scope, r.tenant, r.id)
          if (actual !== expectedVersion) return yield* Effect.fail(conflict(r.id, expectedVersion, actual))
          const { p, params } = builder(dialect)
          const sets = cols
            .slice(2)
            .map((c) => `${c} = ${p(null)}`)
            .join(", ")
          const text = `UPDATE ${t} SET ${sets} WHERE tenant = ${p(null)} AND id = ${p(null)}`
          params.length = 0
          params.push(...values(r).slice(2), r.tenant, r.id)
          yield* sql.unsafe(text, params)
          return r
        })

      /** Maps a failed write to a conflict when the stored version moved, else to a StoreError. */
      const explain =
        (operation: string, id: string, expected: number, current: Effect.Effect<number, SqlError>) =>
        (e: SqlError): Effect.Effect<never, Errors.VersionConflict | Store.StoreError | Store.StoreBusy> =>
          current.pipe(
            Effect.orElseSucceed(() => expected),
            Effect.flatMap(
              (actual): Effect.Effect<never, Errors.VersionConflict | Store.StoreError | Store.StoreBusy> =>
                actual !== expected ? Effect.fail(conflict(id, expected, actual)) : Effect.fail(failWrite(operation)(e))
            )
          )

      /** The id of the record holding a natural key, if any, and whether it lies in `scope`. */
      const holderOf = (scope: Store.Scope, tenant: string, nkey: string) => {
        const { p, params } = builder(dialect)
        const visible = scopeClause(scope, p)
        const text = `SELECT id, CASE WHEN ${visible} THEN 1 ELSE 0 END AS visible FROM ${t} WHERE tenant = ${p(tenant)} AND nkey = ${p(nkey)}`
        return sql
          .unsafe<{ id: string; visible: number | string }>(text, params)
          .pipe(
            Effect.map((rows) =>
              rows[0] === undefined ? undefined : { id: rows[0].id, visible: Number(rows[0].visible) === 1 }
            )
          )
      }

      /**
       * Maps a failed save (its transaction rolled back: nothing was written): `NotFoundOrNotPermitted` when the
       * stored record is outside the scope (or missing, for an update); a conflict when the stored version moved;
       * when another record holds the natural key (the unique index refused the write),
       * `store/duplicate-natural-key` if that record is in the scope and `NotFoundOrNotPermitted` if it is not (the
       * other record is not revealed); else a StoreError.
       */
      const explainSave = (scope: Store.Scope, record: A, expected: number) => {
        const tenant = agg.tenant(record)
        const id = agg.id(record)
        // the natural key as stored (a blind key's index)
        const nkey = agg.naturalKey === undefined ? undefined : (toRow(record).nkey ?? undefined)
        return (
          e: SqlError
        ): Effect.Effect<
          never,
          | Errors.VersionConflict
          | Errors.InvalidInput
          | Errors.NotFoundOrNotPermitted
          | Store.StoreError
          | Store.StoreBusy
        > =>
          Effect.gen(function* () {
            const current = yield* located(scope, tenant, id, false).pipe(Effect.option)
            if (Option.isSome(current)) {
              const c = current.value
              if ((c !== undefined && !c.visible) || (c === undefined && expected !== 0)) {
                return yield* Effect.fail(notPermitted(id))
              }
              const actual = c?.version ?? 0
              if (actual !== expected) return yield* Effect.fail(conflict(id, expected, actual))
            }
            if (nkey !== undefined) {
              const holder = yield* holderOf(scope, tenant, nkey).pipe(Effect.orElseSucceed(() => undefined))
              if (holder !== undefined && holder.id !== id) {
                return yield* Effect.fail(
                  holder.visible ? Store.duplicateNaturalKey(name, tenant, id, nkey) : notPermitted(id)
                )
              }
            }
            return yield* Effect.fail(failWrite("save")(e))
          })
      }

      const maxSeq = (tenant: string, id: string) =>
        sql
          .unsafe<{ n: number | string | null }>(
            dialect === "pg"
              ? `SELECT MAX(seq) AS n FROM ${et} WHERE tenant = $1 AND aggregate_id = $2`
              : `SELECT MAX(seq) AS n FROM ${et} WHERE tenant = ? AND aggregate_id = ?`,
            [tenant, id]
          )
          .pipe(Effect.map((rows) => Number(rows[0]?.n ?? 0)))

      const insertEvents = (tenant: string, id: string, from: number, events: ReadonlyArray<E>) => {
        if (events.length === 0) return Effect.void
        if (codec === undefined) {
          return Effect.fail(new Store.StoreError({ operation: "append", entity: name, reason: "no event log" }))
        }
        const { p, params } = builder(dialect)
        const tuples = events.map((e, i) => `(${p(tenant)}, ${p(id)}, ${p(from + i + 1)}, ${p(codec.encode(e))})`)
        return sql.unsafe(`INSERT INTO ${et} (tenant, aggregate_id, seq, event) VALUES ${tuples.join(", ")}`, params)
      }

      const visible = (scope: Store.Scope, tenant: string, id: string, what: string) => {
        const { p, params } = builder(dialect)
        const text = `SELECT record FROM ${t} WHERE tenant = ${p(tenant)} AND id = ${p(id)} AND ${scopeClause(scope, p)}`
        return sql.unsafe<{ record: string }>(text, params).pipe(
          Effect.mapError(fail(what)),
          Effect.flatMap((rows) =>
            rows[0] === undefined
              ? Effect.fail(new Errors.NotFoundOrNotPermitted({ entity: name, id }))
              : Effect.succeed(rows[0].record)
          )
        )
      }

      /** Rows per multi-row statement: at most `rowsPerStatement`, and within the dialect's parameter limit. */
      const step = Math.max(1, Math.min(rowsPerStatement, Math.floor(maxParams[dialect] / cols.length)))
      /**
       * Writes rows as multi-row upserts (or plain inserts) of at most `step` rows. Each statement's parameters are
       * gathered when it runs, not all before the first one: a waiting batch is not held twice.
       */
      const insertRows = (batch: ReadonlyArray<ReadonlyArray<unknown>>, upsert: boolean) => {
        const statements: Array<Effect.Effect<unknown, SqlError>> = []
        for (let from = 0; from < batch.length; from += step) {
          const to = Math.min(batch.length, from + step)
          statements.push(
            Effect.suspend(() => {
              const params: Array<unknown> = []
              for (let i = from; i < to; i++) for (const v of batch[i] as ReadonlyArray<unknown>) params.push(v)
              return sql.unsafe(cachedInsert(to - from, upsert), params)
            })
          )
        }
        return Effect.all(statements, { discard: true })
      }
      /** Ids or natural keys per lookup or delete statement. */
      const keysPerStatement = 500
      /** `SELECT` or `DELETE` of the records of one tenant whose `column` is one of `values`, a statement a slice. */
      const byColumn = <X extends object>(
        head: string,
        column: "id" | "nkey",
        tenant: string,
        values: ReadonlyArray<string>,
        tail: string
      ): Effect.Effect<ReadonlyArray<X>, SqlError> =>
        Effect.map(
          Effect.forEach(
            Array.from({ length: Math.ceil(values.length / keysPerStatement) }, (_, n) =>
              values.slice(n * keysPerStatement, (n + 1) * keysPerStatement)
            ),
            (slice) => {
              const { p, params } = builder(dialect)
              const text = `${head} WHERE tenant = ${p(tenant)} AND ${column} IN (${slice.map((v) => p(v)).join(", ")})${tail}`
              return sql.unsafe<X>(text, params)
            }
          ),
          (results) => results.flat()
        )
      /**
       * The keys and location columns of every stored record sharing a tenant and an id or a natural key with the
       * rows (locked).
       */
      const storedKeys = (rows: ReadonlyArray<Store.Keys>) => {
        const ids = byTenant(rows, (r) => r.id)
        const nkeys = byTenant(rows, (r) => r.nkey)
        const head = `SELECT tenant, id, nkey, division, org_path, grid_path FROM ${t}`
        type Found = Store.Keys & {
          readonly division: string | null
          readonly org_path: string | null
          readonly grid_path: string | null
        }
        const keys = (f: Found): Store.StoredKeys => ({
          tenant: f.tenant,
          id: f.id,
          nkey: f.nkey,
          division: f.division,
          org: f.org_path,
          grid: f.grid_path
        })
        return Effect.map(
          Effect.all([
            Effect.forEach(ids, ([tenant, values]) => byColumn<Found>(head, "id", tenant, values, forUpdate)),
            Effect.forEach(nkeys, ([tenant, values]) => byColumn<Found>(head, "nkey", tenant, values, forUpdate))
          ]),
          ([a, b]) => [...a.flat(), ...b.flat()].map(keys)
        )
      }
      const none: ReadonlyArray<Store.Refused> = []
      /**
       * Writes a batch whose fast write failed on a unique key (an id stored under another natural key, a natural
       * key held by a record of another id, one key twice in the batch), in one transaction: the stored records the
       * rows touch are read and locked, `Store.settle` works out what the rows do in order, and the records that go
       * or change are deleted before the rows that remain are inserted. Answers the refused rows; with `abort` and
       * a refused row, writes nothing. A restricted import (`within`: its scope's filters) writes every batch this
       * way: the stored records are read with their location columns in the batch's transaction, and the rows that
       * touch one outside the scope are refused.
       */
      const settleBatch = <X>(
        batch: ReadonlyArray<X>,
        keysOf: (item: X) => Store.Keys,
        insert: (items: ReadonlyArray<X>) => Effect.Effect<unknown, SqlError>,
        abort: boolean,
        within: ReadonlyArray<Store.ScopeFilter> | undefined,
        audit: ((written: number) => Store.Row) | undefined
      ) =>
        sql.withTransaction(
          Effect.gen(function* () {
            const keys = batch.map(keysOf)
            const settled = Store.settle(keys, yield* storedKeys(keys), within, appendOnly)
            if (abort && settled.refused.length > 0) return settled.refused
            const gone = byTenant([...settled.removed, ...settled.rewritten], (r) => r.id)
            for (const [tenant, ids] of gone) yield* byColumn(`DELETE FROM ${t}`, "id", tenant, ids, "")
            yield* insert(settled.kept.map((i) => batch[i] as X))
            const written = batch.length - settled.refused.length
            if (audit !== undefined && written > 0) yield* insertAudit(audit(written))
            return settled.refused
          })
        )
      const valueKeys = (v: ReadonlyArray<unknown>): Store.Keys => ({
        tenant: v[0] as string,
        id: v[1] as string,
        nkey: v[6] as string | null
      })
      const stage = `zhili_stage_${name}`
      const copyColumns = cols.join(", ")
      /**
       * PostgreSQL: COPY the batch (its rows as lines of COPY text) straight into the table in its own transaction
       * (a first import, or new rows); when that fails (a natural key or id is already there: a re-run), the
       * transaction is rolled back and the batch is COPied into a temporary staging table and upserted from there,
       * in a second transaction. No savepoint: each round trip to the server is time the server does not spend on
       * the rows. When the upsert fails too (an id stored under another natural key, a natural key twice in the
       * batch), the batch is settled (`settleBatch`) in a third.
       */
      const copyBatch = (
        copy: CopyStreams,
        lines: ReadonlyArray<string>,
        abort: boolean,
        within: ReadonlyArray<Store.ScopeFilter> | undefined,
        audit: ((written: number) => Store.Row) | undefined
      ) => {
        // a restricted import (or one of an append-only aggregate) copies nothing in one go (see below)
        const settling = within !== undefined || appendOnly
        const pieces = settling ? [] : copyPayload(lines)
        const audited: Effect.Effect<unknown, SqlError> =
          audit === undefined ? Effect.void : insertAudit(audit(lines.length))
        /** In one transaction: `before`, then COPY into `target` on the transaction's connection, then `after`. */
        /** COPY of `text` (pieces of COPY text) into `target` on the connection of the transaction it runs in. */
        const copyOnConnection = (target: string, text: ReadonlyArray<string>) =>
          Effect.gen(function* () {
            const client = pgClientOf(yield* Effect.serviceOption(SqlClient.TransactionConnection))
            if (client === undefined) {
              return yield* new SqlErrorClass({ message: "the transaction's connection has no pg client for COPY" })
            }
            yield* copyIn(client, copy, `COPY ${target} (${copyColumns}) FROM STDIN`, text)
          })
        const copyInto = (
          before: Effect.Effect<unknown, SqlError>,
          target: string,
          after: Effect.Effect<unknown, SqlError>
        ) => sql.withTransaction(Effect.zipRight(Effect.zipRight(before, copyOnConnection(target, pieces)), after))
        // the temporary table lives on the connection; its rows go at commit
        const staged = copyInto(
          sql.unsafe(`CREATE TEMP TABLE IF NOT EXISTS ${stage} (LIKE ${t} INCLUDING DEFAULTS) ON COMMIT DELETE ROWS`),
          stage,
          Effect.zipRight(
            sql.unsafe(`INSERT INTO ${t} (${copyColumns}) SELECT ${copyColumns} FROM ${stage}${upsertClause()}`),
            audited
          )
        )
        const copyLines = (rows: ReadonlyArray<string>) =>
          rows.length === 0 ? Effect.void : copyOnConnection(t, copyPayload(rows))
        // a restricted import: settled in one transaction, where the scope of the records it touches is checked
        if (settling) return settleBatch(lines, copyKeys, copyLines, abort, within, audit)
        return copyInto(Effect.void, t, audited).pipe(
          Effect.catchAll(() => staged),
          Effect.as(none),
          Effect.catchAll(() => settleBatch(lines, copyKeys, copyLines, abort, undefined, audit))
        )
      }
      /** Multi-row upserts, one transaction a batch (SQLite, MySQL, and PostgreSQL without COPY). */
      const upsertWriter: Store.BatchWriter<ReadonlyArray<unknown>> = {
        // a flat array of column values per row: a waiting batch holds one object per row, not a Row and its fields
        prepare: values,
        ahead: dialect === "sqlite" ? 0 : 2,
        write: (batch, abort, within, audit) =>
          (within !== undefined || appendOnly
            ? settleBatch(batch, valueKeys, (rows) => insertRows(rows, false), abort, within, audit)
            : sql
                .withTransaction(
                  Effect.zipRight(
                    insertRows(batch, true),
                    audit === undefined
                      ? (Effect.void as Effect.Effect<unknown, SqlError>)
                      : insertAudit(audit(batch.length))
                  )
                )
                .pipe(
                  Effect.as(none),
                  Effect.catchAll(() =>
                    settleBatch(batch, valueKeys, (rows) => insertRows(rows, false), abort, undefined, audit)
                  )
                )
          ).pipe(Effect.mapError(failWrite("import")))
      }
      /**
       * The writer of an import: on SQLite a writer thread when the store knows its file (`sqliteImportFile`); COPY
       * on PostgreSQL when `pg-copy-streams` is installed and the connection is `pg` (checked once, in an empty
       * transaction); multi-row upserts on this thread otherwise.
       */
      let chosenWriter: Store.BatchWriter<unknown> | undefined
      const chooseWriter = Effect.gen(function* () {
        if (dialect === "sqlite") {
          const thread = yield* sqliteWriter
          if (thread === undefined) return upsertWriter
          const writer: Store.BatchWriter<string> = {
            // a row as a line of COPY text: the batch goes to the thread as one string
            prepare: copyLine,
            // the writer thread commits one batch while this thread decodes the next one
            ahead: 1,
            write: (lines, abort, within, audit) => {
              const settled = settleBatch(
                lines,
                copyKeys,
                (rows) => insertRows(rows.map(copyValues), false),
                abort,
                within,
                audit
              )
              // a restricted import (or one of an append-only aggregate) is settled on this thread's connection,
              // where the scope and the stored records are checked
              if (within !== undefined || appendOnly) return settled.pipe(Effect.mapError(fail("import")))
              return thread
                .write(
                  { step, full: cachedInsert(step, true), last: cachedInsert(lines.length % step || step, true) },
                  lines,
                  audit === undefined ? undefined : { text: auditText, params: rowValues(audit(lines.length)) }
                )
                .pipe(
                  Effect.as(none),
                  // settled on this thread's connection (the thread's transaction is rolled back)
                  Effect.catchAll(() => settled),
                  Effect.mapError(failWrite("import"))
                )
            }
          }
          return writer
        }
        const copy = yield* copyStreams
        if (Option.isNone(copy)) return upsertWriter
        const client = yield* sql.withTransaction(
          Effect.map(Effect.serviceOption(SqlClient.TransactionConnection), pgClientOf)
        )
        if (client === undefined) return upsertWriter
        const writer: Store.BatchWriter<string> = {
          prepare: copyLine,
          write: (lines, abort, within, audit) =>
            copyBatch(copy.value, lines, abort, within, audit).pipe(Effect.mapError(failWrite("import")))
        }
        return writer
      }).pipe(Effect.orElseSucceed(() => upsertWriter))
      /** The chosen writer, split per tenant when every transaction is to hold one tenant's rows. */
      const oneTenantEach = (w: Store.BatchWriter<unknown>): Store.BatchWriter<unknown> =>
        !tenantTransactions
          ? w
          : w === (upsertWriter as Store.BatchWriter<unknown>)
            ? perTenant(w, (v) => (v as ReadonlyArray<unknown>)[0] as string)
            : perTenant(w, (line) => copyTenant(line as string))
      const importWriter = Effect.suspend(() =>
        chosenWriter !== undefined
          ? Effect.succeed(chosenWriter)
          : Effect.map(chooseWriter, (w) => {
              chosenWriter = oneTenantEach(w as Store.BatchWriter<unknown>)
              return chosenWriter
            })
      )

      return {
        aggregate: aggregate as unknown as Store.Aggregate<A, unknown, K, E>,
        get: (scope, tenant, id) => guard(visible(scope, tenant, id, "get").pipe(Effect.flatMap(fromJson))),
        list: (scope, options = {}) =>
          guard(
            Effect.gen(function* () {
              yield* Store.checkFilters(aggregate as Store.AnyAggregate, options.where)
              yield* Store.checkIds(aggregate as Store.AnyAggregate, options.ids)
              const after = options.cursor === undefined ? undefined : yield* Store.decodeCursor(options.cursor)
              const { p, params } = builder(dialect)
              const conds: Array<string> = [scopeClause(scope, p)]
              if (options.tenant !== undefined) conds.push(`tenant = ${p(options.tenant)}`)
              if (options.ids !== undefined) {
                conds.push(options.ids.length === 0 ? "1=0" : `id IN (${options.ids.map((id) => p(id)).join(", ")})`)
              }
              const filters = Store.blindFilters(aggregate as Store.AnyAggregate, options.where, sealing)
              for (const [field, value] of Object.entries(filters ?? {})) {
                if (value === undefined) continue
                const col = `f_${field}`
                if (Array.isArray(value)) {
                  conds.push(value.length === 0 ? "1=0" : `${col} IN (${value.map((v) => p(v)).join(", ")})`)
                } else conds.push(`${col} = ${p(value)}`)
              }
              const where = conds.join(" AND ")
              const countParams = [...params]
              const limit = Store.pageSize(options.limit)
              let pageWhere = where
              if (after !== undefined) {
                pageWhere += ` AND (tenant > ${p(after[0])} OR (tenant = ${p(after[0])} AND id > ${p(after[1])}))`
              }
              const offset = after === undefined ? Math.max(0, Math.floor(options.offset ?? 0)) : 0
              const pageText = `SELECT tenant, id, record FROM ${t} WHERE ${pageWhere} ORDER BY tenant, id LIMIT ${limit + 1}${offset > 0 ? ` OFFSET ${offset}` : ""}`
              const [rows, count] = yield* Effect.all(
                [
                  sql.unsafe<{ tenant: string; id: string; record: string }>(pageText, params),
                  sql.unsafe<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${t} WHERE ${where}`, countParams)
                ],
                { concurrency: 1 }
              ).pipe(Effect.mapError(fail("list")))
              const page = rows.slice(0, limit)
              const items = yield* Effect.forEach(page, (r) => fromJson(r.record))
              const last = page[page.length - 1]
              return {
                items,
                total: Number(count[0]?.n ?? 0),
                ...(rows.length > limit && last !== undefined ? { next: Store.encodeCursor(last.tenant, last.id) } : {})
              }
            })
          ),
        count: (scope, options = {}) =>
          guard(
            Effect.gen(function* () {
              yield* Store.checkFilters(aggregate as Store.AnyAggregate, options.where, "count")
              const terms = yield* Store.groupTerms(
                aggregate as Store.AnyAggregate,
                options.groupBy as ReadonlyArray<Store.GroupBy> | undefined
              )
              const { p, params } = builder(dialect)
              const where = whereClause(
                scope,
                options.tenant,
                Store.blindFilters(aggregate as Store.AnyAggregate, options.where, sealing),
                p
              )
              const exprs = terms.map((term) => groupExpression(term, dialect))
              const text =
                exprs.length === 0
                  ? `SELECT COUNT(*) AS n FROM ${t} WHERE ${where}`
                  : `SELECT ${exprs.map((e, i) => `${e} AS g${i}, `).join("")}COUNT(*) AS n FROM ${t} ` +
                    `WHERE ${where} GROUP BY ${exprs.join(", ")}`
              const rows = yield* sql.unsafe<Record<string, unknown>>(text, params).pipe(Effect.mapError(fail("count")))
              const groups = rows.map((r) => ({
                key: terms.map((term, i) => Store.groupValue(term, r[`g${i}`])),
                count: Number(r.n ?? 0)
              }))
              return exprs.length === 0 ? groups : Store.sortGroups(groups)
            })
          ),
        save: (scope, record, expectedVersion, options) =>
          guard(
            inTransaction(
              "save",
              { tenant: agg.tenant(record), record: agg.id(record) },
              options,
              writeChecked(scope, record, expectedVersion)
            ).pipe(Effect.asVoid, Effect.catchTag("SqlError", explainSave(scope, record, expectedVersion)))
          ),
        delete: (scope, tenant, id, expectedVersion, options) =>
          guard(
            Effect.suspend(
              (): Effect.Effect<
                void,
                | Errors.VersionConflict
                | Errors.InvalidInput
                | Errors.NotFoundOrNotPermitted
                | Store.StoreError
                | Store.StoreBusy
              > => {
                if (!aggregate.deletable) {
                  return Effect.fail(
                    new Errors.InvalidInput({
                      code: "store/not-deletable",
                      path: [name, id],
                      reason: `${name} records are never deleted`
                    })
                  )
                }
                return inTransaction(
                  "delete",
                  { tenant, record: id },
                  options,
                  Effect.gen(function* () {
                    const actual = yield* writableVersion(scope, tenant, id)
                    if (actual !== expectedVersion) return yield* Effect.fail(conflict(id, expectedVersion, actual))
                    const w = dialect === "pg" ? "tenant = $1 AND id = $2" : "tenant = ? AND id = ?"
                    yield* sql.unsafe(`DELETE FROM ${t} WHERE ${w}`, [tenant, id])
                    if (codec !== undefined) {
                      const we =
                        dialect === "pg" ? "tenant = $1 AND aggregate_id = $2" : "tenant = ? AND aggregate_id = ?"
                      yield* sql.unsafe(`DELETE FROM ${et} WHERE ${we}`, [tenant, id])
                    }
                  })
                ).pipe(Effect.mapError((e) => (e._tag === "SqlError" ? failWrite("delete")(e) : e)))
              }
            )
          ),
        append: (scope, tenant, id, events, expectedSeq, options) =>
          guard(
            inTransaction(
              "append",
              { tenant, record: id },
              options,
              Effect.gen(function* () {
                // the record's state, locked: its location cannot change before the events are written
                yield* writableVersion(scope, tenant, id)
                const actual = yield* maxSeq(tenant, id)
                if (actual !== expectedSeq) return yield* Effect.fail(conflict(id, expectedSeq, actual))
                yield* insertEvents(tenant, id, actual, events)
                return actual + events.length
              })
            ).pipe(Effect.catchTag("SqlError", explain("append", id, expectedSeq, maxSeq(tenant, id))))
          ),
        saveWithEvents: (scope, record, expectedVersion, events, options) =>
          guard(
            inTransaction(
              "saveWithEvents",
              { tenant: agg.tenant(record), record: agg.id(record) },
              options,
              Effect.gen(function* () {
                const r = yield* writeChecked(scope, record, expectedVersion)
                const seq = yield* maxSeq(r.tenant, r.id)
                yield* insertEvents(r.tenant, r.id, seq, events)
              })
            ).pipe(Effect.catchTag("SqlError", explainSave(scope, record, expectedVersion)))
          ),
        events: (scope, tenant, id) =>
          guard(
            Effect.gen(function* () {
              if (codec === undefined)
                return yield* Effect.fail(new Errors.NotFoundOrNotPermitted({ entity: name, id }))
              yield* visible(scope, tenant, id, "read events")
              const rows = yield* sql
                .unsafe<{ seq: number | string; event: string }>(
                  dialect === "pg"
                    ? `SELECT seq, event FROM ${et} WHERE tenant = $1 AND aggregate_id = $2 ORDER BY seq`
                    : `SELECT seq, event FROM ${et} WHERE tenant = ? AND aggregate_id = ? ORDER BY seq`,
                  [tenant, id]
                )
                .pipe(Effect.mapError(fail("read events")))
              return yield* Effect.forEach(rows, (r) =>
                Effect.map(codec.decode(r.event), (event) => ({ seq: Number(r.seq), event: event as E }))
              )
            })
          ),
        import: (rows, options) =>
          names.has(name)
            ? Effect.flatMap(importWriter, (writer) =>
                Store.runImport(agg, rows, options, writer as Store.BatchWriter<unknown>, sealing)
              )
            : unregistered
      }
    }

    return Store.Store.of({
      repository,
      migrate: migrate(registered, { partitions: options.partitions }).pipe(
        Effect.provideService(SqlClient.SqlClient, sql)
      ),
      raw: rawAccess(sql, dialect, names, Option.getOrUndefined(encryption), insertAudit)
    })
  })

/** Raw access to the rows of the registered aggregates (see `Store.RawAccess`). */
const rawAccess = (
  sql: SqlClient.SqlClient,
  dialect: Dialect,
  names: ReadonlySet<string>,
  encryption: Encryption.Service | undefined,
  insertAudit: (row: Store.Row) => Effect.Effect<unknown, SqlError>
): Store.RawAccess => {
  const forUpdate = dialect === "sqlite" ? "" : " FOR UPDATE"
  const check = (a: Store.AnyAggregate) =>
    names.has(a.name)
      ? Effect.void
      : Effect.fail(
          new Store.StoreError({ operation: "raw", entity: a.name, reason: `aggregate ${a.name} is not registered` })
        )
  return {
    encryption,
    scan: (a, after, limit) =>
      Effect.gen(function* () {
        yield* check(a)
        const t = tableOf(a)
        const { p, params } = builder(dialect)
        const fields = a.fields.map((f) => `f_${f.name}`)
        const where =
          after === undefined ? "1=1" : `(tenant > ${p(after[0])} OR (tenant = ${p(after[0])} AND id > ${p(after[1])}))`
        const rows = yield* sql.unsafe<Record<string, unknown>>(
          `SELECT tenant, id, version, nkey, ${fields.map((f) => `${f}, `).join("")}record FROM ${t} ` +
            `WHERE ${where} ORDER BY tenant, id LIMIT ${Math.max(1, Math.floor(limit))}`,
          params
        )
        const events = new Map<string, Array<{ seq: number; event: string }>>()
        if (a.events !== undefined && rows.length > 0) {
          for (const r of rows) {
            const e = yield* sql.unsafe<{ seq: number | string; event: string }>(
              dialect === "pg"
                ? `SELECT seq, event FROM ${eventTableOf(a)} WHERE tenant = $1 AND aggregate_id = $2 ORDER BY seq`
                : `SELECT seq, event FROM ${eventTableOf(a)} WHERE tenant = ? AND aggregate_id = ? ORDER BY seq`,
              [r.tenant, r.id]
            )
            events.set(
              `${r.tenant}\u0000${r.id}`,
              e.map((x) => ({ seq: Number(x.seq), event: x.event }))
            )
          }
        }
        return rows.map(
          (r): Store.RawRow => ({
            tenant: String(r.tenant),
            id: String(r.id),
            version: Number(r.version),
            nkey: r.nkey === null || r.nkey === undefined ? null : String(r.nkey),
            fields: a.fields.map((f) => {
              const v = r[`f_${f.name}`]
              return v === null || v === undefined ? null : f.type === "number" ? Number(v) : String(v)
            }),
            record: String(r.record),
            events: events.get(`${r.tenant}\u0000${r.id}`) ?? []
          })
        )
      }).pipe(Effect.mapError((e) => (e._tag === "SqlError" ? storeError("raw scan", a.name)(e) : e))),
    rewrite: (a, read, next, audit) =>
      Effect.gen(function* () {
        yield* check(a)
        const t = tableOf(a)
        const et = eventTableOf(a)
        const key = dialect === "pg" ? "tenant = $1 AND id = $2" : "tenant = ? AND id = ?"
        return yield* sql.withTransaction(
          Effect.gen(function* () {
            const now = yield* sql.unsafe<{ version: number | string; record: string }>(
              `SELECT version, record FROM ${t} WHERE ${key}${forUpdate}`,
              [read.tenant, read.id]
            )
            const row = now[0]
            if (row === undefined || Number(row.version) !== read.version || String(row.record) !== read.record) {
              return false
            }
            const ekey =
              dialect === "pg"
                ? "tenant = $1 AND aggregate_id = $2 AND seq = $3"
                : "tenant = ? AND aggregate_id = ? AND seq = ?"
            for (const e of read.events) {
              const stored = yield* sql.unsafe<{ event: string }>(`SELECT event FROM ${et} WHERE ${ekey}${forUpdate}`, [
                read.tenant,
                read.id,
                e.seq
              ])
              if (stored[0] === undefined || String(stored[0].event) !== e.event) return false
            }
            const { p, params } = builder(dialect)
            const sets = [
              `version = ${p(next.row.version)}`,
              `nkey = ${p(next.row.nkey)}`,
              ...a.fields.map((f, i) => `f_${f.name} = ${p(next.row.fields[i] ?? null)}`),
              `record = ${p(next.row.record)}`
            ]
            yield* sql.unsafe(
              `UPDATE ${t} SET ${sets.join(", ")} WHERE tenant = ${p(read.tenant)} AND id = ${p(read.id)}`,
              params
            )
            for (const e of next.events) {
              yield* sql.unsafe(
                dialect === "pg"
                  ? `UPDATE ${et} SET event = $1 WHERE tenant = $2 AND aggregate_id = $3 AND seq = $4`
                  : `UPDATE ${et} SET event = ? WHERE tenant = ? AND aggregate_id = ? AND seq = ?`,
                [e.event, read.tenant, read.id, e.seq]
              )
            }
            if (audit !== undefined) yield* insertAudit(audit)
            return true
          })
        )
      }).pipe(Effect.mapError((e) => (e._tag === "SqlError" ? storeError("raw rewrite", a.name)(e) : e)))
  }
}

/**
 * Options of the SQL store: the aggregates it holds (default: every aggregate in `Aggregates.all`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly aggregates?: ReadonlyArray<Store.AnyAggregate> | undefined
  /**
   * SQLite only: the database file. Imports then write their batches from a worker thread with its own connection
   * to it (each batch one transaction), while this thread decodes the next batches. `Drivers.layerSqlite` sets it;
   * without it (or for `:memory:`) imports write on this thread.
   */
  readonly sqliteImportFile?: string | undefined
  /**
   * The keys for encryption at rest (the host's `KeyProvider` layer). When given, the store seals every sensitive
   * value and keys its blind indexes (see `Encryption`); without it, rows hold the encoded records in clear and
   * blind columns an unkeyed digest.
   */
  readonly keys?: Layer.Layer<KeyProvider.KeyProvider, KeyProvider.KeyError> | undefined
  /** With `keys`: today's date (YYYY-MM-DD) for the personal-part rule (default: China Standard Time). */
  readonly today?: (() => string) | undefined
  /**
   * PostgreSQL only: the tenant-partitioned layout (按租户分区). The migration creates every table (each aggregate's
   * and each event log) `PARTITION BY HASH (tenant)` with this many partitions (1–1024; `<table>_p0` …), so
   * PostgreSQL refuses any unique key or index without the tenant, as Citus does for a table distributed by tenant;
   * and every transaction writes one tenant's rows (`tenantTransactions`). The count is fixed when the tables are
   * created: a table that exists without partitions fails the migration with a `StoreError`. Other engines fail
   * the layer with a `StoreError`.
   *
   * @since 0.1.0
   */
  readonly partitions?: number | undefined
  /**
   * Whether every transaction writes the rows of one tenant only (default: `true` with `partitions`, else
   * `false`). Single-record writes always do; an import then commits each tenant's rows of a batch in a
   * transaction of their own (the tenants in the order they first appear in the batch), so on a cluster sharded by
   * tenant (Citus, TiDB, OceanBase) no import batch becomes a distributed transaction. An import killed half-way
   * then leaves whole tenant parts of batches; under `"abort"` a refused row fails the import after the parts
   * written before its own.
   *
   * @since 0.1.0
   */
  readonly tenantTransactions?: boolean | undefined
}

/** The encryption layer of the options, when they carry keys (a key error is a `StoreError` of the store). */
const withKeys = <R>(
  options: Options,
  store: Layer.Layer<Store.Store, Store.StoreError, R>
): Layer.Layer<Store.Store, Store.StoreError, R> =>
  options.keys === undefined
    ? store
    : Layer.provide(
        store,
        Encryption.layer({ today: options.today }).pipe(
          Layer.provide(options.keys),
          Layer.mapError(
            (e) => new Store.StoreError({ operation: "open", entity: "keyring", reason: e.message, cause: e })
          )
        )
      )

/**
 * The SQL store over the `SqlClient` in context. Migrates the aggregates' tables when built.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options = {}): Layer.Layer<Store.Store, Store.StoreError, SqlClient.SqlClient> =>
  withKeys(
    options,
    Layer.scoped(
      Store.Store,
      Effect.gen(function* () {
        const aggregates = withAuditLog(options.aggregates ?? Aggregates.all)
        yield* migrate(aggregates, { partitions: options.partitions })
        return yield* make(aggregates, options)
      })
    )
  )

/**
 * Like {@link layer} without migrating: for hosts that run {@link migrate} (or the SQL of {@link schemaOf}) from
 * their own deployment step.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerWithoutMigrations = (
  options: Options = {}
): Layer.Layer<Store.Store, Store.StoreError, SqlClient.SqlClient> =>
  withKeys(options, Layer.scoped(Store.Store, make(withAuditLog(options.aggregates ?? Aggregates.all), options)))
