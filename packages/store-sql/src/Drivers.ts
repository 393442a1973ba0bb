/**
 * Driver layers (数据库连接): build the `SqlClient` of a dialect from a file name or URL, and the SQL store over it.
 * The drivers are optional peer dependencies, loaded only when their layer is built: install
 * `@effect/sql-sqlite-node`, `@effect/sql-pg` or `@effect/sql-mysql2` for the engines you use.
 *
 * @since 0.1.0
 */

import type * as SqlClient from "@effect/sql/SqlClient"
import * as SqlClientModule from "@effect/sql/SqlClient"
import type * as Connection from "@effect/sql/SqlConnection"
import { Store } from "@zhili/core"
import { Effect, Layer, Redacted, Scope } from "effect"
import * as SqlStore from "./SqlStore.js"

const missing = (pkg: string) => (cause: unknown) =>
  new Store.StoreError({
    operation: "connect",
    entity: pkg,
    reason: `the driver ${pkg} could not be loaded; install it next to @zhili/store-sql`,
    cause
  })

/**
 * Why a connection to a database server failed (连接失败原因), read from the driver's error: the server is not
 * reachable (nothing listens at the host and port, or the host is unknown), it refused the user or password, the
 * database does not exist, or something else.
 *
 * @since 0.1.0
 * @category errors
 */
export type ConnectProblem = "unreachable" | "unknown-host" | "authentication" | "missing-database" | "other"

/** The error codes of each problem: Node's socket errors, PostgreSQL's SQLSTATE and MySQL's error names. */
const problemCodes: ReadonlyArray<readonly [ConnectProblem, ReadonlyArray<string>]> = [
  ["unreachable", ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE"]],
  ["unknown-host", ["ENOTFOUND", "EAI_AGAIN"]],
  // 28000 invalid_authorization_specification (no such role), 28P01 invalid_password
  [
    "authentication",
    ["28000", "28P01", "ER_ACCESS_DENIED_ERROR", "ER_DBACCESS_DENIED_ERROR", "ER_NOT_SUPPORTED_AUTH_MODE"]
  ],
  // 3D000 invalid_catalog_name
  ["missing-database", ["3D000", "ER_BAD_DB_ERROR"]]
]

/**
 * The {@link ConnectProblem} of a failed connection: the `code` of the first error along the chain of causes (a
 * `StoreError` of `connect`, the `SqlError` inside it, the driver's error) that names one.
 *
 * @since 0.1.0
 * @category errors
 */
export const connectProblem = (error: unknown): ConnectProblem => {
  let at: unknown = error
  for (let depth = 0; depth < 8 && typeof at === "object" && at !== null; depth++) {
    const code = (at as { readonly code?: unknown }).code
    if (typeof code === "string") for (const [problem, codes] of problemCodes) if (codes.includes(code)) return problem
    at = (at as { readonly cause?: unknown }).cause
  }
  return "other"
}

/**
 * The driver's own words for a failure: the message of the deepest error along the chain of causes that has one
 * (the driver's error under the `SqlError` under a `StoreError`).
 *
 * @since 0.1.0
 * @category errors
 */
export const deepestMessage = (cause: unknown): string => {
  let message = cause instanceof Error ? cause.message : String(cause)
  let at: unknown = cause
  for (let depth = 0; depth < 8 && typeof at === "object" && at !== null; depth++) {
    const m = (at as { readonly message?: unknown }).message
    if (typeof m === "string" && m !== "") message = m
    at = (at as { readonly cause?: unknown }).cause
  }
  return message
}

const problemText: Record<ConnectProblem, string> = {
  unreachable: "the server is not reachable (is it running, on this host and port?)",
  "unknown-host": "the host name is not known",
  authentication: "the server refused the user or password",
  "missing-database": "the database does not exist on the server",
  other: "the connection failed"
}

const connectError = (what: string) => (cause: unknown) => {
  const problem = connectProblem(cause)
  return new Store.StoreError({
    operation: "connect",
    entity: what,
    reason: `${problemText[problem]}: ${deepestMessage(cause)}`,
    cause
  })
}

/**
 * How long a SQLite connection waits for another connection's write lock before giving up (`PRAGMA busy_timeout`,
 * ms): a write that still finds the file locked then fails with `Store.StoreBusy`, which is worth retrying.
 *
 * @since 0.1.0
 * @category constants
 */
export const sqliteBusyTimeoutMs = 5000

/**
 * The client with transactions that take SQLite's write lock when they begin (`BEGIN IMMEDIATE`), waiting for it up
 * to the busy timeout. SQLite's default `BEGIN` (deferred) takes it at the first write: a transaction that read
 * first (a save reads the stored version) and finds that another connection has committed since cannot take it, and
 * fails at once with "database is locked" whatever the busy timeout, even when the other write was to another record.
 */
const immediateTransactions = (sql: SqlClient.SqlClient): SqlClient.SqlClient => {
  const run = (text: string) => (conn: Connection.Connection) =>
    Effect.asVoid(conn.executeUnprepared(text, [], undefined))
  const withTransaction = SqlClientModule.makeWithTransaction({
    transactionTag: SqlClientModule.TransactionConnection,
    spanAttributes: [["db.system.name", "sqlite"]],
    acquireConnection: Effect.flatMap(Scope.make(), (scope) =>
      Effect.map(Scope.extend(sql.reserve, scope), (conn) => [scope, conn] as const)
    ),
    begin: run("BEGIN IMMEDIATE"),
    savepoint: (conn, id) => run(`SAVEPOINT effect_sql_${id}`)(conn),
    commit: run("COMMIT"),
    // after a BEGIN IMMEDIATE that found the database locked there is no transaction to roll back
    rollback: (conn) =>
      run("ROLLBACK")(conn).pipe(
        Effect.catchIf(
          (e) => /no transaction is active/.test(e.cause instanceof Error ? e.cause.message : ""),
          () => Effect.void
        )
      ),
    rollbackSavepoint: (conn, id) => run(`ROLLBACK TO SAVEPOINT effect_sql_${id}`)(conn)
  })
  // the client is a function (the sql tag) with the statement helpers as properties: a copy with another
  // withTransaction
  const client = Object.assign(
    ((...args: Parameters<SqlClient.SqlClient>) => sql(...args)) as SqlClient.SqlClient,
    sql,
    { withTransaction }
  )
  return Object.assign(client, { safe: client })
}

/**
 * A SQLite `SqlClient` on a file (created when missing), in WAL mode with `synchronous = NORMAL` (durable at every
 * checkpoint, safe against crashes of the process) and a 5 s busy timeout ({@link sqliteBusyTimeoutMs}; a write still
 * locked out after it fails with `Store.StoreBusy`). Its
 * transactions take the write lock when they begin (`BEGIN IMMEDIATE`), so a writer that has to wait for another
 * waits the busy timeout, instead of failing at once when the other has committed in between.
 *
 * @since 0.1.0
 * @category drivers
 */
export const clientSqlite = (options: {
  readonly filename: string
  /** How long a write waits for another connection's lock (ms), default {@link sqliteBusyTimeoutMs}. */
  readonly busyTimeoutMs?: number | undefined
}): Layer.Layer<SqlClient.SqlClient, Store.StoreError> =>
  Layer.unwrapEffect(
    Effect.tryPromise({ try: () => import("@effect/sql-sqlite-node"), catch: missing("@effect/sql-sqlite-node") }).pipe(
      Effect.map(({ SqliteClient }) =>
        Layer.effect(
          SqlClientModule.SqlClient,
          Effect.gen(function* () {
            const sql = yield* SqliteClient.SqliteClient
            yield* Effect.all([
              sql.unsafe("PRAGMA synchronous = NORMAL"),
              sql.unsafe(
                `PRAGMA busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? sqliteBusyTimeoutMs))}`
              )
            ])
            return immediateTransactions(sql)
          }).pipe(Effect.mapError(connectError("sqlite")))
        ).pipe(
          Layer.provide(SqliteClient.layer({ filename: options.filename })),
          Layer.mapError(connectError("sqlite"))
        )
      )
    )
  )

/**
 * A PostgreSQL `SqlClient` from a URL (`postgres://user@host:5432/db`).
 *
 * @since 0.1.0
 * @category drivers
 */
export const clientPg = (options: {
  readonly url: string
  readonly maxConnections?: number | undefined
}): Layer.Layer<SqlClient.SqlClient, Store.StoreError> =>
  Layer.unwrapEffect(
    Effect.tryPromise({ try: () => import("@effect/sql-pg"), catch: missing("@effect/sql-pg") }).pipe(
      Effect.map(({ PgClient }) =>
        PgClient.layer({
          url: Redacted.make(options.url),
          ...(options.maxConnections !== undefined ? { maxConnections: options.maxConnections } : {})
        }).pipe(Layer.mapError(connectError("postgresql")))
      )
    )
  )

/**
 * A MySQL / MariaDB `SqlClient` from a URL (`mysql://root@127.0.0.1:3306/db`).
 *
 * @since 0.1.0
 * @category drivers
 */
export const clientMysql = (options: {
  readonly url: string
  readonly maxConnections?: number | undefined
}): Layer.Layer<SqlClient.SqlClient, Store.StoreError> =>
  Layer.unwrapEffect(
    Effect.tryPromise({ try: () => import("@effect/sql-mysql2"), catch: missing("@effect/sql-mysql2") }).pipe(
      Effect.map(({ MysqlClient }) =>
        MysqlClient.layer({
          url: Redacted.make(options.url),
          ...(options.maxConnections !== undefined ? { maxConnections: options.maxConnections } : {})
        }).pipe(Layer.mapError(connectError("mysql")))
      )
    )
  )

/**
 * A `SqlClient` chosen by URL: `postgres://` or `postgresql://` → PostgreSQL, `mysql://` or `mariadb://` →
 * MySQL, `sqlite:<file>`, `file:<file>` or a plain file name → SQLite.
 *
 * @since 0.1.0
 * @category drivers
 */
export const clientFromUrl = (url: string): Layer.Layer<SqlClient.SqlClient, Store.StoreError> => {
  if (/^postgres(ql)?:\/\//.test(url)) return clientPg({ url })
  if (/^(mysql|mariadb):\/\//.test(url)) return clientMysql({ url: url.replace(/^mariadb:/, "mysql:") })
  return clientSqlite({ filename: sqliteFileOf(url) })
}

/** The file a SQLite URL names (`sqlite:<file>`, `file:<file>` or the plain file name). */
const sqliteFileOf = (url: string): string => url.replace(/^(sqlite|file):(\/\/)?/, "")

/** Whether a URL names a SQLite file (not a PostgreSQL or MySQL server). */
const isSqlite = (url: string): boolean => !/^(postgres(ql)?|mysql|mariadb):\/\//.test(url)

/**
 * The SQL store on a SQLite file (the embedded default), migrated. The `SqlClient` is provided too. Imports write
 * their batches from a worker thread with its own connection to the file (`SqlStore.Options.sqliteImportFile`;
 * pass `sqliteImportFile: undefined` to write them on this thread).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerSqlite = (
  options: { readonly filename: string; readonly busyTimeoutMs?: number | undefined } & SqlStore.Options
): Layer.Layer<Store.Store | SqlClient.SqlClient, Store.StoreError> =>
  SqlStore.layer({ sqliteImportFile: options.filename, ...options }).pipe(Layer.provideMerge(clientSqlite(options)))

/**
 * The SQL store on PostgreSQL, migrated.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerPg = (
  options: { readonly url: string; readonly maxConnections?: number | undefined } & SqlStore.Options
): Layer.Layer<Store.Store | SqlClient.SqlClient, Store.StoreError> =>
  SqlStore.layer(options).pipe(Layer.provideMerge(clientPg(options)))

/**
 * The SQL store on MySQL or MariaDB, migrated.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerMysql = (
  options: { readonly url: string; readonly maxConnections?: number | undefined } & SqlStore.Options
): Layer.Layer<Store.Store | SqlClient.SqlClient, Store.StoreError> =>
  SqlStore.layer(options).pipe(Layer.provideMerge(clientMysql(options)))

/**
 * The SQL store on the engine a URL names (see {@link clientFromUrl}), migrated.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerFromUrl = (
  url: string,
  options: SqlStore.Options = {}
): Layer.Layer<Store.Store | SqlClient.SqlClient, Store.StoreError> =>
  SqlStore.layer(isSqlite(url) ? { sqliteImportFile: sqliteFileOf(url), ...options } : options).pipe(
    Layer.provideMerge(clientFromUrl(url))
  )
