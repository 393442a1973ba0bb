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

const connectError = (what: string) => (cause: unknown) =>
  new Store.StoreError({
    operation: "connect",
    entity: what,
    reason: cause instanceof Error ? cause.message : String(cause),
    cause
  })

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
