// The tenant-partitioned layout under test: PostgreSQL stores built with `partitions`, on tables guarded by a
// trigger that fails any transaction writing rows of a second tenant. Native partitioning enforces the unique-key
// rule of a cluster sharded by tenant (a unique key must hold the tenant) but lets a transaction write any
// partition; the guard adds the other rule, that a tenant's transaction stays on the tenant's shard.
import * as SqlClient from "@effect/sql/SqlClient"
import { Drivers, type SqlStore } from "@zhili/store-sql"
import { Context, Effect, Layer } from "effect"

/** Partitions per table in the partitioned suites. */
export const partitions = 8

/** The name of the guard's trigger on every partitioned table. */
export const guardTrigger = "zhili_part_one_tenant"

const guardFunction = `CREATE OR REPLACE FUNCTION ${guardTrigger}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  seen text := current_setting('zhili_part.tenant', true);
  written text;
BEGIN
  IF TG_OP = 'DELETE' THEN written := OLD.tenant; ELSE written := NEW.tenant; END IF;
  IF seen IS NULL OR seen = '' THEN
    PERFORM set_config('zhili_part.tenant', written, true);
  ELSIF seen <> written THEN
    RAISE EXCEPTION 'transaction crosses tenants: % then % (%)', seen, written, TG_TABLE_NAME;
  END IF;
  RETURN NULL;
END $$`

/**
 * Installs the guard on every partitioned table of the current schema: a row trigger (cloned to each partition)
 * that remembers, for the rest of the transaction (`set_config(…, true)`), the tenant of the first row written,
 * and fails the statement on a row of another tenant.
 */
export const installGuard = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  yield* sql.unsafe(guardFunction)
  const tables = yield* sql.unsafe<{ relname: string }>(
    "SELECT c.relname FROM pg_class c JOIN pg_partitioned_table p ON p.partrelid = c.oid " +
      "WHERE c.relnamespace = current_schema()::regnamespace ORDER BY c.relname"
  )
  for (const { relname } of tables) {
    yield* sql.unsafe(
      `CREATE OR REPLACE TRIGGER ${guardTrigger} AFTER INSERT OR UPDATE OR DELETE ON ${relname} ` +
        `FOR EACH ROW EXECUTE FUNCTION ${guardTrigger}()`
    )
  }
})

/** The PostgreSQL store on `url` in the partitioned layout, its tables guarded once migrated. */
export const layer = (url: string, options: SqlStore.Options = {}): ReturnType<typeof Drivers.layerPg> =>
  Drivers.layerPg({ url, partitions, ...options }).pipe(
    Layer.tap((context) =>
      installGuard.pipe(
        Effect.provideService(SqlClient.SqlClient, Context.get(context, SqlClient.SqlClient)),
        Effect.orDie
      )
    )
  )
