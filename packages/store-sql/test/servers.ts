/**
 * Where the server suites run: `ZHILI_PG_URL` / `ZHILI_MYSQL_URL`. Unset outside CI: the suite is reported as
 * skipped with the reason. Unset or unreachable in CI (`CI` set): the suite fails.
 */

import * as SqlClient from "@effect/sql/SqlClient"
import { Drivers } from "@zhili/store-sql"
import { Servers } from "@zhili/testing/suites"
import { Effect, type Layer } from "effect"

export type Target =
  | { readonly _tag: "ready"; readonly url: string; readonly drop: () => Promise<void> }
  | { readonly _tag: "unavailable"; readonly reason: string }

const unique = (prefix = "zt") => `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`

const run = (client: Layer.Layer<SqlClient.SqlClient, unknown>, statement: string) =>
  Effect.runPromise(
    Effect.flatMap(SqlClient.SqlClient, (sql) => sql.unsafe(statement)).pipe(
      Effect.asVoid,
      Effect.provide(client),
      Effect.scoped
    )
  )

/**
 * A fresh PostgreSQL schema for this test file (named `<prefix>_<pid>_<random>`); the URL selects it through
 * `search_path`.
 */
export const postgres = async (prefix?: string): Promise<Target> => {
  const server = Servers.fromEnv("ZHILI_PG_URL", "the server suites (see docs/storage.md)")
  if (server._tag === "unavailable") return server
  const base = server.url
  const schema = unique(prefix)
  await run(Drivers.clientPg({ url: base }), `CREATE SCHEMA ${schema}`)
  const url = `${base}${base.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`
  return { _tag: "ready", url, drop: () => run(Drivers.clientPg({ url: base }), `DROP SCHEMA ${schema} CASCADE`) }
}

/** A fresh MariaDB/MySQL database for this test file. */
export const mysql = async (): Promise<Target> => {
  const server = Servers.fromEnv("ZHILI_MYSQL_URL", "the server suites (see docs/storage.md)")
  if (server._tag === "unavailable") return server
  const base = server.url
  const database = unique()
  await run(Drivers.clientMysql({ url: base }), `CREATE DATABASE ${database}`)
  const u = new URL(base)
  u.pathname = `/${database}`
  return {
    _tag: "ready",
    url: u.toString(),
    drop: () => run(Drivers.clientMysql({ url: base }), `DROP DATABASE ${database}`)
  }
}
