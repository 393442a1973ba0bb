/**
 * zhili (治理) core: typed models, pure rules and ports for grassroots community governance.
 *
 * Each bounded context is one namespace: `import { Finding, Privacy } from "@zhili/core"`, then
 * `Privacy.maskIdNumber(...)`.
 *
 * @packageDocumentation
 */

/** Decoding untrusted input with typed errors and findings. */
export * as Decode from "./kernel/Decode.js"
/** Typed errors shared by every context. */
export * as Errors from "./kernel/Errors.js"
/** Findings reported by validation rules. */
export * as Finding from "./kernel/Finding.js"
/** Branded identifiers of every aggregate. */
export * as Ids from "./kernel/Ids.js"
/** Calendar dates and ages. */
export * as LocalDate from "./kernel/LocalDate.js"
/** Masking and disclosure of personal information. */
export * as Privacy from "./kernel/Privacy.js"
/** Plugins: extension points, composition, conflicts and dependencies. */
export * as Plugin from "./plugin/Plugin.js"
/** The registry of stored aggregates. */
export * as Aggregates from "./store/Aggregates.js"
/** The storage port: aggregate descriptors, repositories, event logs, bulk import, an in-memory store. */
export * as Store from "./store/Store.js"
/** The Promise front door of the store, for hosts that do not use Effect. */
export * as StoreClient from "./store/StoreClient.js"
/** The version of @zhili/core. */
export { coreVersion } from "./version.js"
