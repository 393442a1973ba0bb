/**
 * The MySQL / MariaDB side of the example (服务器): the URL, and the database the example keeps its tables in, so
 * that it shares nothing with other users of the server (the test suites make their own databases too).
 *
 * @since 0.1.0
 */
import * as SqlClient from "@effect/sql/SqlClient"
import type { SqlError } from "@effect/sql/SqlError"
import type { Store } from "@zhili/core"
import { Drivers } from "@zhili/store-sql"
import { Effect } from "effect"

/**
 * The server used when neither an argument nor `ZHILI_MYSQL_URL` names one.
 *
 * @since 0.1.0
 * @category defaults
 */
export const defaultUrl = "mysql://root@127.0.0.1:3306/test"

/**
 * The database the example writes to unless told otherwise.
 *
 * @since 0.1.0
 * @category defaults
 */
export const defaultDatabase = "zhili_example_zibo"

const identifier = /^[a-z_][a-z0-9_]{0,63}$/

const checked = (database: string): Effect.Effect<string, Error> =>
  identifier.test(database)
    ? Effect.succeed(database)
    : Effect.fail(new Error(`database name ${JSON.stringify(database)} must be lower-case letters, digits and _`))

const exec = (
  url: string,
  statement: (database: string) => string,
  database: string
): Effect.Effect<void, Error | SqlError | Store.StoreError> =>
  Effect.flatMap(checked(database), (name) =>
    Effect.flatMap(SqlClient.SqlClient, (sql) => sql.unsafe(statement(name))).pipe(
      Effect.asVoid,
      Effect.provide(Drivers.clientMysql({ url })),
      Effect.scoped
    )
  )

/**
 * The URL of `database` on the server of `url`.
 *
 * @since 0.1.0
 * @category servers
 */
export const databaseUrl = (url: string, database: string): string => {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

/**
 * Creates the database when it does not exist yet.
 *
 * @since 0.1.0
 * @category servers
 */
export const ensureDatabase = (
  url: string,
  database: string
): Effect.Effect<void, Error | SqlError | Store.StoreError> =>
  exec(url, (name) => `CREATE DATABASE IF NOT EXISTS ${name}`, database)

/**
 * Drops the database and everything in it (the tests' clean-up).
 *
 * @since 0.1.0
 * @category servers
 */
export const dropDatabase = (url: string, database: string): Effect.Effect<void, Error | SqlError | Store.StoreError> =>
  exec(url, (name) => `DROP DATABASE IF EXISTS ${name}`, database)
