/**
 * zhili (治理) storage over `@effect/sql`: the `Store` port of `@zhili/core` on SQLite (the embedded default),
 * PostgreSQL and MySQL/MariaDB, with migrations and driver layers.
 *
 * @packageDocumentation
 */

/** Driver layers from a file name or URL. */
export * as Drivers from "./Drivers.js"
/** The Store port over a `SqlClient`: tables, migrations, queries. */
export * as SqlStore from "./SqlStore.js"
