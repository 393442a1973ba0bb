/**
 * fast-check arbitraries for community fund ledgers (社区发展基金): random sequences of income and project grants,
 * for property tests of the ledger invariants.
 *
 * @since 0.1.0
 */
import { Fund, type Ids, LocalDate, Money } from "@zhili/core"
import { Schema } from "effect"
import * as fc from "fast-check"

/**
 * Options for {@link entries}: the tenant and fund, the projects grants may name, and the largest amount in fen.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export interface Options {
  readonly tenant: Ids.TenantId
  readonly fund: Ids.FundId
  readonly projects: ReadonlyArray<Ids.ProjectId>
  readonly maxAmount?: number
  readonly maxLength?: number
}

const entry = Schema.decodeUnknownSync(Fund.Entry)

/**
 * A list of ledger entries with unique ids (`e0`, `e1`, …) and non-decreasing dates in 2025: donations, grants
 * received, revenue shares and project grants in any mix, so some grants may overdraw the fund.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const entries = (options: Options): fc.Arbitrary<ReadonlyArray<Fund.Entry>> => {
  const amount = fc.integer({ min: 1, max: options.maxAmount ?? 10_000_000 })
  const kind = fc.constantFrom("Donation", "GrantIn", "RevenueShare", "ProjectGrant")
  const project = options.projects.length === 0 ? fc.constant("p0") : fc.constantFrom(...options.projects)
  return fc
    .array(fc.tuple(kind, amount, project, fc.integer({ min: 0, max: 3 })), { maxLength: options.maxLength ?? 40 })
    .map((rows) => {
      let day = LocalDate.toEpochDay(LocalDate.make(2025, 1, 1))
      return rows.map(([tag, value, p, gap], i) => {
        day += gap
        const base = {
          tenant: options.tenant,
          id: `e${i}`,
          fund: options.fund,
          date: LocalDate.fromEpochDay(day),
          amount: Money.fen(value)
        }
        const extra =
          tag === "Donation"
            ? { donor: "donor" }
            : tag === "GrantIn"
              ? { grantor: "street office" }
              : tag === "RevenueShare"
                ? { operator: "op-1" }
                : { project: p }
        return entry({ ...base, _tag: tag, ...extra })
      })
    })
}
