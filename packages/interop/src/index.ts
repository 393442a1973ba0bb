/**
 * zhili (治理) open formats: cases to Open311 GeoReport v2, services to the Open Referral Human Services Data
 * Specification 3 (HSDS), organisations to Popolo. Exports are plain JSON-ready objects; personal data stays masked
 * and reporters stay out unless a disclosure asks for them. Imports read back what each format carries without loss.
 *
 * @packageDocumentation
 */

/** Services, schedules, eligibility, organisations and locations to HSDS 3, and schedules and cost options back. */
export * as Hsds from "./Hsds.js"
/** Cases to Open311 GeoReport v2 (services, service definitions, requests), and a request back to a case intake. */
export * as Open311 from "./Open311.js"
/** Org units, posts, memberships, masked persons and areas to Popolo, and organizations back. */
export * as Popolo from "./Popolo.js"
