/**
 * The PostgreSQL side of the example (服务器): the URL, and the schema the example keeps its tables in, so that it
 * shares nothing with other users of the database (the test suites make their own schemas too).
 *
 * @since 0.1.0
 */
import * as SqlClient from "@effect/sql/SqlClient"
import { Drivers } from "@zhili/store-sql"
import { Effect } from "effect"

/**
 * The server used when neither an argument nor `ZHILI_PG_URL` names one.
 *
 * @since 0.1.0
 * @category defaults
 */
export const defaultUrl = "postgres://postgres@127.0.0.1:5432/test"

/**
 * The schema the example writes to unless told otherwise.
 *
 * @since 0.1.0
 * @category defaults
 */
export const defaultSchema = "zhili_example_huichang"

const identifier = /^[a-z_][a-z0-9_]{0,62}$/

const checked = (schema: string): string => {
  if (!identifier.test(schema)) {
    throw new Error(`schema name ${JSON.stringify(schema)} must be lower-case letters, digits and _ (at most 63)`)
  }
  return schema
}

const exec = (url: string, statement: string): Promise<void> =>
  Effect.runPromise(
    Effect.flatMap(SqlClient.SqlClient, (sql) => sql.unsafe(statement)).pipe(
      Effect.asVoid,
      Effect.provide(Drivers.clientPg({ url })),
      Effect.scoped
    )
  )

/**
 * The URL of `schema` on the server of `url`: PostgreSQL selects it through the `search_path` connection option.
 *
 * @since 0.1.0
 * @category servers
 */
export const schemaUrl = (url: string, schema: string): string =>
  `${url}${url.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${checked(schema)}`)}`

/**
 * Creates the schema when it does not exist yet.
 *
 * @since 0.1.0
 * @category servers
 */
export const ensureSchema = (url: string, schema: string): Promise<void> =>
  exec(url, `CREATE SCHEMA IF NOT EXISTS ${checked(schema)}`)

/**
 * Drops the schema and everything in it (the tests' clean-up).
 *
 * @since 0.1.0
 * @category servers
 */
export const dropSchema = (url: string, schema: string): Promise<void> =>
  exec(url, `DROP SCHEMA IF EXISTS ${checked(schema)} CASCADE`)
