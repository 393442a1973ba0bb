/**
 * zhili (治理) testing: fixtures from the source document and generators for property tests, importable anywhere (a
 * script, a seed loader, a demo): nothing here imports a test runner. The conformance suites, which run under vitest,
 * are `@zhili/testing/suites`.
 *
 * @packageDocumentation
 */

/** fast-check arbitraries for kernel values. */
export * as Arbitraries from "./Arbitraries.js"
/** Generators and a test policy for case property tests. */
export * as CaseArbitraries from "./CaseArbitraries.js"
/** A deterministic, streamed city the size of 淄博 (Zibo), with a `scale` factor for tests. */
export * as City from "./City.js"
/** fast-check arbitraries for fund ledgers. */
export * as FundArbitraries from "./FundArbitraries.js"
/** 会昌县 (Huichang County, 360733): inspections, ratings, bulletins and task lists built from the seed. */
export * as HuichangCounty from "./fixtures/HuichangCounty.js"
/** A year of the seed compound's cases: 25 requests solved, 3 disputes mediated. */
export * as JinxiuCases from "./fixtures/JinxiuCases.js"
/** The seed compound 锦绣华景小区 (新越社区, 城南街道, 廉江市) as a deterministic builder, with broken variants. */
export * as JinxiuHuajing from "./fixtures/JinxiuHuajing.js"
/** The seed's community operations: a space with an operator, a fund and projects, a needs survey (淄博). */
export * as OperationFixtures from "./fixtures/Operations.js"
/** A sample report, built from synthetic records with the seed compound's totals, for renderer tests. */
export * as ReportSample from "./fixtures/ReportSample.js"
/** The seed's report documents in one call each: the compound (锦绣华景), Huichang County, Zibo operations. */
export * as SeedReports from "./fixtures/SeedReports.js"
/** The seed's services, volunteer teams and activities (锦绣华景小区). */
export * as ServiceFixtures from "./fixtures/Services.js"
/** 淄博市 (Zibo, 370300): the city's standard, needs surveys, operators, services and projects built from the seed. */
export * as ZiboCity from "./fixtures/ZiboCity.js"
/** fast-check generators of valid organisations and grids. */
export * as OrgGridArbitraries from "./OrgGridArbitraries.js"
/** Sample stored records of every registered aggregate, from the seed fixtures. */
export * as StoreSamples from "./StoreSamples.js"
