/**
 * zhili (治理) testing: conformance suites every adapter runs, fixtures from the source document, and generators
 * for property tests.
 *
 * @packageDocumentation
 */

/** fast-check arbitraries for kernel values. */
export * as Arbitraries from "./Arbitraries.js"
/** 会昌县 (Huichang County, 360733): inspections, ratings, bulletins and task lists built from the seed. */
export * as HuichangCounty from "./fixtures/HuichangCounty.js"
