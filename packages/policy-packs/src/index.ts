/**
 * zhili (治理) first-party policy packs, each a plugin: the Beijing-style hotline (`beijing-hotline`) and the
 * Lianjiang compound (`lianjiang-compound`). Also importable one by one: `@zhili/policy-packs/beijing-hotline`,
 * `@zhili/policy-packs/lianjiang-compound`.
 *
 * @packageDocumentation
 */

/** The Beijing-style hotline pack (接诉即办): three-rate weights, hotline time limits, monthly ranking. */
export * as BeijingHotline from "./BeijingHotline.js"
/** The Lianjiang compound pack (锦绣华景): five-level chain, grid leaders, escalation ladder, judges' rota. */
export * as LianjiangCompound from "./LianjiangCompound.js"
/** The version of this package, stated by its plugins. */
export { version } from "./version.js"
