/**
 * zhili (治理) testing: conformance suites every adapter runs, fixtures from the source document, and generators
 * for property tests.
 *
 * @packageDocumentation
 */

/** fast-check arbitraries for kernel values. */
export * as Arbitraries from "./Arbitraries.js"
/** The conformance suite every Store adapter runs. */
export * as StoreSuite from "./StoreSuite.js"
