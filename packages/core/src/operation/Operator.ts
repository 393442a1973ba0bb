/**
 * Operators (运营主体) and operating agreements (运营协议): the third parties that run community spaces under the
 * "public benefit + market" model (公益+市场), what they owe the community (services, a share of revenue into the
 * community development fund) and for how long.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as KernelCreditCode from "../kernel/CreditCode.js"
import { Finding, prefix } from "../kernel/Finding.js"
import * as Ids from "../kernel/Ids.js"
import * as LocalDate from "../kernel/LocalDate.js"
import * as Activity from "../service/Activity.js"
import * as Placement from "../service/Placement.js"
import * as VolunteerTeam from "../service/VolunteerTeam.js"
import * as Money from "./Money.js"

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): the kernel `CreditCode` schema (structure and
 * alphabet). On its own a checksum failure is not a decode failure, since early pilot codes are legal yet fail it;
 * an {@link Operator} refuses one unless its `creditCodeChecksum` is `warning` (see {@link creditCodeFindings}).
 *
 * @since 0.1.0
 * @category models
 */
export const CreditCode = KernelCreditCode.CreditCode
/**
 * @since 0.1.0
 * @category models
 */
export type CreditCode = KernelCreditCode.CreditCode

/**
 * The legal form of an operator: an enterprise, a social enterprise (社区社会企业), a social organisation, an
 * individual business (个体工商户), a public institution, or another form.
 *
 * @since 0.1.0
 * @category models
 */
export const LegalForm = Schema.Literal(
  "enterprise",
  "social-enterprise",
  "social-organisation",
  "individual-business",
  "public-institution",
  "other"
)
/**
 * @since 0.1.0
 * @category models
 */
export type LegalForm = typeof LegalForm.Type

/**
 * What a failing check character of an operator's credit code is: `error` (the default: the operator is refused)
 * or `warning` (the host accepts an early pilot code, 试点期代码, and {@link creditCodeFindings} reports it).
 *
 * @since 0.2.0
 * @category models
 */
export const ChecksumSeverity = Schema.Literal("error", "warning")
/**
 * @since 0.2.0
 * @category models
 */
export type ChecksumSeverity = typeof ChecksumSeverity.Type

const checksumCodes = new Set(["credit-code/checksum", "credit-code/organisation-checksum"])

/**
 * A third-party operator (第三方运营主体, 社区合伙人). Exported to HSDS as an `organization` with the credit code as an
 * `organization_identifier` (scheme `CN-USCC`). A credit code whose check characters fail (positions 17 and 18) is
 * refused at `creditCode` unless `creditCodeChecksum` is `warning`, the host's opt-in for early pilot codes.
 *
 * @since 0.1.0
 * @category models
 */
export class Operator extends Schema.Class<Operator>("@zhili/Operator")(
  Schema.Struct({
    tenant: Ids.TenantId,
    id: Ids.OperatorId,
    name: Schema.NonEmptyTrimmedString,
    alternateName: Schema.optional(Schema.String),
    description: Schema.optional(Schema.String),
    creditCode: CreditCode,
    creditCodeChecksum: Schema.optional(ChecksumSeverity),
    legalForm: LegalForm,
    website: Schema.optional(Schema.String),
    email: Schema.optional(Schema.String),
    yearIncorporated: Schema.optional(Schema.Int.pipe(Schema.between(1900, 2200))),
    placement: Schema.optional(Placement.Location),
    version: Schema.optionalWith(Schema.NonNegativeInt, { default: () => 1, exact: true })
  }).pipe(
    Schema.filter((o) => {
      if (o.creditCodeChecksum === "warning") return undefined
      const failed = KernelCreditCode.validate(o.creditCode).filter((f) => checksumCodes.has(f.code))
      if (failed.length === 0) return undefined
      return {
        path: ["creditCode"],
        message: `${failed.map((f) => f.message).join("; ")}; an early pilot code is accepted only with creditCodeChecksum: "warning"`
      }
    })
  )
) {}

/**
 * Where an operator sits in the scope trees (its placement, the division defaulting to its tenant).
 *
 * @since 0.1.0
 * @category scope
 */
export const location = (self: Operator): Placement.Location => Placement.resolve(self.tenant, self.placement)

/**
 * Findings on an operator's credit code (a failing checksum, at the severity of its `creditCodeChecksum`; an unknown
 * authority), with paths from the operator.
 *
 * @since 0.1.0
 * @category rules
 */
export const creditCodeFindings = (self: Operator): ReadonlyArray<Finding> =>
  prefix(KernelCreditCode.validate(self.creditCode, { checksumSeverity: self.creditCodeChecksum ?? "error" }), [
    "creditCode"
  ])

/**
 * A service an operator owes under an agreement (服务承诺): a kind of service, optionally a specific service record,
 * and a minimum number of sessions per calendar month.
 *
 * @since 0.1.0
 * @category models
 */
export const Obligation = Schema.Struct({
  description: Schema.NonEmptyTrimmedString,
  serviceType: VolunteerTeam.ServiceType,
  service: Schema.optional(Ids.ServiceId),
  minimumSessionsPerMonth: Schema.optional(Schema.Int.pipe(Schema.positive())),
  publicBenefit: Schema.optionalWith(Schema.Boolean, { default: () => true, exact: true })
})
/**
 * @since 0.1.0
 * @category models
 */
export type Obligation = typeof Obligation.Type

/**
 * An operating agreement (运营协议): an operator runs a space for a term, owes services, and pays a share of its
 * revenue (in basis points, 1/10,000) into a community fund. `savings` records what the community no longer pays
 * (装修成本, 年运营费用), as the seed reports for 城南社区 (¥600,000+ once, ¥200,000+ a year).
 *
 * @since 0.1.0
 * @category models
 */
export class OperatingAgreement extends Schema.Class<OperatingAgreement>("@zhili/OperatingAgreement")(
  Schema.Struct({
    tenant: Ids.TenantId,
    id: Ids.AgreementId,
    /** What officials call the agreement (城南社区便民服务综合体运营协议); reports show it instead of the id. */
    name: Schema.optional(Schema.NonEmptyTrimmedString),
    operator: Ids.OperatorId,
    space: Ids.SpaceId,
    from: LocalDate.LocalDate,
    to: LocalDate.LocalDate,
    obligations: Schema.Array(Obligation),
    revenueShareBasisPoints: Schema.Int.pipe(
      Schema.between(0, 10_000, { message: () => "a revenue share is 0 to 10,000 basis points (0–100 %)" })
    ),
    fund: Schema.optional(Ids.FundId),
    savings: Schema.optional(
      Schema.Struct({
        renovation: Schema.optional(Money.NonNegativeFen),
        annualRunning: Schema.optional(Money.NonNegativeFen)
      })
    ),
    placement: Schema.optional(Placement.Location),
    version: Schema.optionalWith(Schema.NonNegativeInt, { default: () => 1, exact: true })
  }).pipe(
    Schema.filter((a) =>
      a.from <= a.to ? undefined : { path: ["to"], message: `the term ends (${a.to}) before it starts (${a.from})` }
    )
  )
) {}

/**
 * Where an agreement sits in the scope trees (its placement, the division defaulting to its tenant).
 *
 * @since 0.1.0
 * @category scope
 */
export const agreementLocation = (self: OperatingAgreement): Placement.Location =>
  Placement.resolve(self.tenant, self.placement)

/**
 * True when the agreement's term covers the date.
 *
 * @since 0.1.0
 * @category rules
 */
export const isInForce = (self: OperatingAgreement, on: LocalDate.LocalDate): boolean =>
  LocalDate.isBetween(on, self.from, self.to)

/**
 * The revenue share owed on an amount of revenue, in whole fen rounded down.
 *
 * @since 0.1.0
 * @category rules
 */
export const revenueShareDue = (self: OperatingAgreement, revenue: Money.Fen): Money.Fen =>
  Money.share(revenue, self.revenueShareBasisPoints)

/**
 * Agreements over the same space with overlapping terms: one error per overlapping pair.
 *
 * @since 0.1.0
 * @category rules
 */
export const overlaps = (agreements: ReadonlyArray<OperatingAgreement>): ReadonlyArray<Finding> => {
  const out: Array<Finding> = []
  agreements.forEach((a, i) => {
    agreements.forEach((b, j) => {
      if (j <= i || a.space !== b.space) return
      if (a.from <= b.to && b.from <= a.to) {
        out.push(
          new Finding({
            code: "operation/overlapping-agreements",
            severity: "error",
            path: [j],
            message: `agreements ${a.id} (${a.from}–${a.to}) and ${b.id} (${b.from}–${b.to}) both cover space ${a.space}`
          })
        )
      }
    })
  })
  return out
}

/**
 * Obligations not met in a month (履约): for each obligation with a monthly minimum, counts the activities of its
 * service held in the agreement's space in that month (dates in the time zone, default Asia/Shanghai) and reports a
 * warning for each shortfall. Months outside the term report nothing.
 *
 * @param month - any date in the month to check
 * @since 0.1.0
 * @category rules
 */
export const obligationShortfalls = (
  self: OperatingAgreement,
  activities: ReadonlyArray<Activity.Activity>,
  month: LocalDate.LocalDate,
  timeZone = "Asia/Shanghai"
): ReadonlyArray<Finding> => {
  const from = LocalDate.startOfMonth(month)
  const to = LocalDate.endOfMonth(month)
  if (to < self.from || from > self.to) return []
  return self.obligations.flatMap((o, i) => {
    if (o.minimumSessionsPerMonth === undefined) return []
    const held = activities.filter(
      (a) =>
        (o.service === undefined || a.service === o.service) &&
        a.space === self.space &&
        Activity.matches(a, { from, to, timeZone })
    ).length
    return held >= o.minimumSessionsPerMonth
      ? []
      : [
          new Finding({
            code: "operation/obligation-shortfall",
            severity: "warning",
            path: ["obligations", i],
            message: `${o.description}: ${held} of ${o.minimumSessionsPerMonth} sessions held in ${from.slice(0, 7)} under agreement ${self.id}`
          })
        ]
  })
}

/**
 * The 公益/市场 mix of the services an agreement owes: obligations marked public benefit (公益, the default) and
 * market ones (市场, `publicBenefit: false`).
 *
 * @since 0.2.0
 * @category statistics
 */
export const serviceMix = (self: OperatingAgreement): { readonly publicBenefit: number; readonly market: number } => {
  const publicBenefit = self.obligations.filter((o) => o.publicBenefit).length
  return { publicBenefit, market: self.obligations.length - publicBenefit }
}

/**
 * What an agreement saves the community (节省成本): the fit-out cost once (装修成本) and the running costs a year
 * (年运营费用), 0 where not recorded.
 *
 * @since 0.2.0
 * @category statistics
 */
export const savingsOf = (
  self: OperatingAgreement
): { readonly renovation: Money.Fen; readonly annualRunning: Money.Fen } => ({
  renovation: self.savings?.renovation ?? Money.fen(0),
  annualRunning: self.savings?.annualRunning ?? Money.fen(0)
})
