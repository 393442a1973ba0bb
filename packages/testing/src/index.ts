/**
 * zhili (治理) testing: conformance suites every adapter runs, fixtures from the source document, and generators
 * for property tests.
 *
 * @packageDocumentation
 */

/** fast-check arbitraries for kernel values. */
export * as Arbitraries from "./Arbitraries.js"
/** Generators and a stand-in working-time calendar for case property tests. */
export * as CaseArbitraries from "./CaseArbitraries.js"
/** A year of the seed compound's cases: 25 requests solved, 3 disputes mediated. */
export * as JinxiuCases from "./fixtures/JinxiuCases.js"
