/**
 * zhili (治理) testing: conformance suites every adapter runs, fixtures from the source document, and generators
 * for property tests.
 *
 * @packageDocumentation
 */

/** fast-check arbitraries for kernel values. */
export * as Arbitraries from "./Arbitraries.js"
/** A sample report, built from synthetic records with the seed compound's totals, for renderer tests. */
export * as ReportSample from "./fixtures/ReportSample.js"
/** The conformance suite every report renderer runs with one line. */
export * as ReporterSuite from "./ReporterSuite.js"
