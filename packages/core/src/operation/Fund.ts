/**
 * Community development funds (社区发展基金) as an append-only ledger: income (an operator's revenue share, donations,
 * grants received) and spending (grants to projects). The balance is never stored, always replayed from the ledger;
 * a grant beyond the balance is a typed error, and every grant names a project.
 *
 * @since 0.1.0
 */
import { Either, Schema } from "effect"
import { Finding } from "../kernel/Finding.js"
import * as Ids from "../kernel/Ids.js"
import * as LocalDate from "../kernel/LocalDate.js"
import * as Placement from "../service/Placement.js"
import * as Money from "./Money.js"

/**
 * A community development fund (社区发展基金). `openingBalance` is what it held when the ledger started.
 *
 * @since 0.1.0
 * @category models
 */
export class Fund extends Schema.Class<Fund>("@zhili/Fund")({
  tenant: Ids.TenantId,
  id: Ids.FundId,
  name: Schema.NonEmptyTrimmedString,
  openingBalance: Schema.optionalWith(Money.NonNegativeFen, { default: () => Money.fen(0), exact: true }),
  placement: Schema.optional(Placement.Location),
  version: Schema.optionalWith(Schema.NonNegativeInt, { default: () => 1, exact: true })
}) {}

/**
 * Where a fund sits in the scope trees (its placement, the division defaulting to its tenant).
 *
 * @since 0.1.0
 * @category scope
 */
export const location = (self: Fund): Placement.Location => Placement.resolve(self.tenant, self.placement)

const common = {
  tenant: Ids.TenantId,
  id: Ids.LedgerEntryId,
  fund: Ids.FundId,
  date: LocalDate.LocalDate,
  amount: Money.PositiveFen,
  memo: Schema.optional(Schema.String)
}

/**
 * Income: an operator's share of revenue under an operating agreement (运营收益分成).
 *
 * @since 0.1.0
 * @category entries
 */
export const RevenueShare = Schema.TaggedStruct("RevenueShare", {
  ...common,
  operator: Ids.OperatorId,
  agreement: Schema.optional(Ids.AgreementId)
})

/**
 * Income: a donation (捐赠) from a firm, organisation or person.
 *
 * @since 0.1.0
 * @category entries
 */
export const Donation = Schema.TaggedStruct("Donation", { ...common, donor: Schema.NonEmptyTrimmedString })

/**
 * Income: a grant received (拨款) from a government body or foundation.
 *
 * @since 0.1.0
 * @category entries
 */
export const GrantIn = Schema.TaggedStruct("GrantIn", { ...common, grantor: Schema.NonEmptyTrimmedString })

/**
 * Spending: a grant to a project (项目资助); it must name the project.
 *
 * @since 0.1.0
 * @category entries
 */
export const ProjectGrant = Schema.TaggedStruct("ProjectGrant", { ...common, project: Ids.ProjectId })

/**
 * One ledger entry (收支记录).
 *
 * @since 0.1.0
 * @category entries
 */
export const Entry = Schema.Union(RevenueShare, Donation, GrantIn, ProjectGrant).annotations({
  identifier: "Fund.Entry"
})
/**
 * @since 0.1.0
 * @category entries
 */
export type Entry = typeof Entry.Type

/**
 * True for income entries (revenue share, donation, grant received).
 *
 * @since 0.1.0
 * @category entries
 */
export const isIncome = (entry: Entry): boolean => entry._tag !== "ProjectGrant"

/**
 * The signed change an entry makes to the balance: positive for income, negative for spending.
 *
 * @since 0.1.0
 * @category entries
 */
export const signed = (entry: Entry): Money.Fen => Money.fen(isIncome(entry) ? entry.amount : -entry.amount)

/**
 * A grant larger than the balance (透支): nothing was posted.
 *
 * @since 0.1.0
 * @category errors
 */
export class Overdraft extends Schema.TaggedError<Overdraft>()("Overdraft", {
  fund: Ids.FundId,
  entry: Ids.LedgerEntryId,
  balance: Money.Fen,
  amount: Money.Fen
}) {
  override get message(): string {
    return `fund ${this.fund}: entry ${this.entry} spends ${Money.format(this.amount)} but the balance is ${Money.format(this.balance)} (short by ${Money.format(Money.fen(this.amount - this.balance))})`
  }
}

/**
 * A grant to a project the caller does not know: nothing was posted.
 *
 * @since 0.1.0
 * @category errors
 */
export class UnknownProject extends Schema.TaggedError<UnknownProject>()("UnknownProject", {
  fund: Ids.FundId,
  entry: Ids.LedgerEntryId,
  project: Ids.ProjectId
}) {
  override get message(): string {
    return `fund ${this.fund}: entry ${this.entry} grants to project ${this.project}, which does not exist`
  }
}

/**
 * An entry that does not belong in this ledger: it names another fund, or its id is already posted.
 *
 * @since 0.1.0
 * @category errors
 */
export class RejectedEntry extends Schema.TaggedError<RejectedEntry>()("RejectedEntry", {
  fund: Ids.FundId,
  entry: Ids.LedgerEntryId,
  reason: Schema.String
}) {
  override get message(): string {
    return `fund ${this.fund}: entry ${this.entry} rejected: ${this.reason}`
  }
}

/**
 * A ledger: the fund, its posted entries in posting order, and the balance they give (always equal to
 * `balanceOf(fund, entries)`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Ledger {
  readonly fund: Fund
  readonly entries: ReadonlyArray<Entry>
  readonly balance: Money.Fen
}

/**
 * An empty ledger holding the opening balance.
 *
 * @since 0.1.0
 * @category constructors
 */
export const open = (fund: Fund): Ledger => ({ fund, entries: [], balance: fund.openingBalance })

/**
 * The balance a list of entries gives: opening balance plus income minus spending. Pure and order-independent.
 *
 * @since 0.1.0
 * @category rules
 */
export const balanceOf = (fund: Fund, entries: Iterable<Entry>): Money.Fen => {
  let b: number = fund.openingBalance
  for (const e of entries) b += signed(e)
  return Money.fen(b)
}

/**
 * What a grant dated `date` may spend (可用余额): the lowest balance the ledger shows on `date` or any later date,
 * the ledger read in date order whatever order it was posted in. A grant up to this amount leaves no date with a
 * negative balance; one dated before the income that pays for it gets less than the ledger's final balance.
 *
 * @since 0.2.0
 * @category rules
 */
export const availableOn = (ledger: Ledger, date: LocalDate.LocalDate): Money.Fen => {
  const sorted = [...ledger.entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  let b: number = ledger.fund.openingBalance
  let i = 0
  for (; i < sorted.length && (sorted[i] as Entry).date <= date; i++) b += signed(sorted[i] as Entry)
  let lowest = b
  // the balance changes only on entry dates: check it at the end of each later date
  for (; i < sorted.length; i++) {
    const e = sorted[i] as Entry
    b += signed(e)
    const next = sorted[i + 1]
    if ((next === undefined || next.date !== e.date) && b < lowest) lowest = b
  }
  return Money.fen(lowest)
}

/**
 * Posts one entry (记账). Refuses, with a typed error and nothing changed: an entry for another fund or tenant, one with an id
 * already posted, a grant to a project `projectExists` does not know, and a grant beyond the balance available on its
 * date ({@link availableOn}): posting checks the running balance in date order, so no posting order can leave a date
 * with a negative balance.
 *
 * @param projectExists - whether a project id refers to a real project (e.g. `(id) => projects.has(id)`)
 * @since 0.1.0
 * @category rules
 */
export const post = (
  ledger: Ledger,
  entry: Entry,
  projectExists: (project: Ids.ProjectId) => boolean
): Either.Either<Ledger, Overdraft | UnknownProject | RejectedEntry> => {
  const fund = ledger.fund.id
  if (entry.fund !== fund) {
    return Either.left(new RejectedEntry({ fund, entry: entry.id, reason: `it belongs to fund ${entry.fund}` }))
  }
  if (entry.tenant !== ledger.fund.tenant) {
    return Either.left(
      new RejectedEntry({
        fund,
        entry: entry.id,
        reason: `it belongs to tenant ${entry.tenant}, not ${ledger.fund.tenant}`
      })
    )
  }
  if (ledger.entries.some((e) => e.id === entry.id)) {
    return Either.left(new RejectedEntry({ fund, entry: entry.id, reason: "an entry with this id is already posted" }))
  }
  if (entry._tag === "ProjectGrant") {
    if (!projectExists(entry.project)) {
      return Either.left(new UnknownProject({ fund, entry: entry.id, project: entry.project }))
    }
    const available = availableOn(ledger, entry.date)
    if (entry.amount > available) {
      return Either.left(new Overdraft({ fund, entry: entry.id, balance: available, amount: entry.amount }))
    }
  }
  return Either.right({
    fund: ledger.fund,
    entries: [...ledger.entries, entry],
    balance: Money.fen(ledger.balance + signed(entry))
  })
}

/**
 * Replays entries in order from an empty ledger, stopping at the first refused one.
 *
 * @since 0.1.0
 * @category rules
 */
export const replay = (
  fund: Fund,
  entries: Iterable<Entry>,
  projectExists: (project: Ids.ProjectId) => boolean
): Either.Either<Ledger, Overdraft | UnknownProject | RejectedEntry> => {
  let ledger = open(fund)
  for (const entry of entries) {
    const next = post(ledger, entry, projectExists)
    if (Either.isLeft(next)) return next
    ledger = next.right
  }
  return Either.right(ledger)
}

/**
 * The balance after each entry, in posting order.
 *
 * @since 0.1.0
 * @category rules
 */
export const runningBalances = (
  fund: Fund,
  entries: ReadonlyArray<Entry>
): ReadonlyArray<{ readonly entry: Entry; readonly balance: Money.Fen }> => {
  let b: number = fund.openingBalance
  return entries.map((entry) => {
    b += signed(entry)
    return { entry, balance: Money.fen(b) }
  })
}

/**
 * Audits a stored ledger without stopping at the first problem: entries of another fund or tenant, duplicate ids, grants to
 * unknown projects and grants {@link post} would refuse (beyond the balance available on their date among the entries
 * above them, so no date goes below zero) are errors; entries dated earlier than the entry before them are warnings.
 * Paths are `entries[i]`.
 *
 * @since 0.1.0
 * @category rules
 */
export const audit = (
  fund: Fund,
  entries: ReadonlyArray<Entry>,
  projectExists: (project: Ids.ProjectId) => boolean
): ReadonlyArray<Finding> => {
  const out: Array<Finding> = []
  const ids = new Set<string>()
  let b: number = fund.openingBalance
  let latest: LocalDate.LocalDate | undefined
  entries.forEach((e, i) => {
    const path = ["entries", i]
    if (e.fund !== fund.id || e.tenant !== fund.tenant) {
      out.push(
        new Finding({
          code: "fund/foreign-entry",
          severity: "error",
          path,
          message: `entry ${e.id} belongs to fund ${e.fund} of tenant ${e.tenant}, not ${fund.id} of ${fund.tenant}`
        })
      )
    }
    if (ids.has(e.id)) {
      out.push(
        new Finding({
          code: "fund/duplicate-entry",
          severity: "error",
          path,
          message: `entry id ${e.id} is posted twice`
        })
      )
    }
    ids.add(e.id)
    if (e._tag === "ProjectGrant" && !projectExists(e.project)) {
      out.push(
        new Finding({
          code: "fund/unknown-project",
          severity: "error",
          path: [...path, "project"],
          message: `entry ${e.id} grants to project ${e.project}, which does not exist`
        })
      )
    }
    // what post would have allowed: the balance available on the entry's date among the entries above it
    const available =
      e._tag !== "ProjectGrant"
        ? b
        : latest === undefined || e.date >= latest
          ? b
          : availableOn({ fund, entries: entries.slice(0, i), balance: Money.fen(b) }, e.date)
    b += signed(e)
    if (latest === undefined || e.date > latest) latest = e.date
    if (e._tag === "ProjectGrant" && e.amount > available) {
      out.push(
        new Finding({
          code: "fund/overdraft",
          severity: "error",
          path,
          message: `entry ${e.id} spends ${Money.format(e.amount)} with only ${Money.format(Money.fen(available))} in the fund on ${e.date}`
        })
      )
    }
    const prev = entries[i - 1]
    if (prev !== undefined && e.date < prev.date) {
      out.push(
        new Finding({
          code: "fund/out-of-order",
          severity: "warning",
          path: [...path, "date"],
          message: `entry ${e.id} is dated ${e.date}, before the entry above it (${prev.date})`
        })
      )
    }
  })
  return out
}

/**
 * A fund's figures over a period (both ends included; all entries when left out): income by kind, spending,
 * grants per project, and the balances at the start and end of the period.
 *
 * @since 0.1.0
 * @category statistics
 */
export const summary = (
  fund: Fund,
  entries: ReadonlyArray<Entry>,
  period: { readonly from?: LocalDate.LocalDate; readonly to?: LocalDate.LocalDate } = {}
): {
  readonly opening: Money.Fen
  readonly income: { readonly revenueShare: Money.Fen; readonly donations: Money.Fen; readonly grantsIn: Money.Fen }
  readonly spending: Money.Fen
  readonly byProject: ReadonlyMap<Ids.ProjectId, Money.Fen>
  readonly closing: Money.Fen
} => {
  const before = entries.filter((e) => period.from !== undefined && e.date < period.from)
  const inside = entries.filter(
    (e) => (period.from === undefined || e.date >= period.from) && (period.to === undefined || e.date <= period.to)
  )
  const sumOf = (tag: Entry["_tag"]) => Money.sum(inside.filter((e) => e._tag === tag).map((e) => e.amount))
  const byProject = new Map<Ids.ProjectId, Money.Fen>()
  for (const e of inside) {
    if (e._tag === "ProjectGrant") byProject.set(e.project, Money.fen((byProject.get(e.project) ?? 0) + e.amount))
  }
  const opening = balanceOf(fund, before)
  return {
    opening,
    income: { revenueShare: sumOf("RevenueShare"), donations: sumOf("Donation"), grantsIn: sumOf("GrantIn") },
    spending: sumOf("ProjectGrant"),
    byProject,
    closing: Money.fen(opening + Money.sum(inside.map(signed)))
  }
}
