/**
 * zhili (治理) conformance suites (一致性测试) every adapter and plugin runs with one line, under vitest (with
 * `@effect/vitest`): the Store, report renderer, plugin and workflow suites, and where the suites that need a
 * PostgreSQL or MySQL/MariaDB server run. The fixtures and generators they use are `@zhili/testing`.
 *
 * @since 0.1.0
 * @packageDocumentation
 */

/** The plugin conformance suite every plugin runs with one line. */
export * as PluginSuite from "./PluginSuite.js"
/** The conformance suite every report renderer runs with one line. */
export * as ReporterSuite from "./ReporterSuite.js"
/** Where suites that need a PostgreSQL or MySQL/MariaDB server run (`ZHILI_PG_URL`, `ZHILI_MYSQL_URL`). */
export * as Servers from "./Servers.js"
/** The conformance suite every Store adapter runs. */
export * as StoreSuite from "./StoreSuite.js"
/** A year of cases under each workflow through a store: records, logs, counts and monthly figures come back. */
export * as WorkflowSuite from "./WorkflowSuite.js"
