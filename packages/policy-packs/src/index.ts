/**
 * zhili (治理) first-party policy packs, each a plugin: the Beijing-style hotline (`beijing-hotline`), digital urban
 * management (`digital-urban-management`) and the Lianjiang compound (`lianjiang-compound`). Also importable one by
 * one: `@zhili/policy-packs/beijing-hotline`, `@zhili/policy-packs/digital-urban-management`,
 * `@zhili/policy-packs/lianjiang-compound`.
 *
 * @packageDocumentation
 */

/** The Beijing-style hotline pack (接诉即办): workflow, three-rate weights, hotline time limits, monthly ranking. */
export * as BeijingHotline from "./BeijingHotline.js"
/** The digital urban-management pack (数字城管): the command centre's workflow, roles, approvals and levels. */
export * as DigitalUrbanManagement from "./DigitalUrbanManagement.js"
/** The Lianjiang compound pack (锦绣华景): five-level chain, grid leaders, escalation ladder, judges' rota. */
export * as LianjiangCompound from "./LianjiangCompound.js"
/** The version of this package, stated by its plugins. */
export { version } from "./version.js"
