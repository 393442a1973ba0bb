/**
 * Money (金额) as whole fen (分, hundredths of a yuan) in safe integers: no floating point anywhere in fees, budgets
 * or fund ledgers.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * An amount in fen (分): a safe integer, possibly negative (a balance change). `123456` is ¥1,234.56.
 *
 * @since 0.1.0
 * @category models
 */
export const Fen = Schema.Int.pipe(
  Schema.filter((n) => Number.isSafeInteger(n) || "an amount in fen must be a safe integer"),
  Schema.brand("@zhili/Fen"),
  Schema.annotations({ identifier: "Fen", title: "amount in fen (分)" })
)
/**
 * @since 0.1.0
 * @category models
 */
export type Fen = typeof Fen.Type

/**
 * A positive amount in fen, for ledger entries, budgets and fees that are not free.
 *
 * @since 0.1.0
 * @category models
 */
export const PositiveFen = Fen.pipe(
  Schema.filter((n) => n > 0 || "an amount must be more than 0 fen"),
  Schema.annotations({ identifier: "PositiveFen" })
)

/**
 * A non-negative amount in fen (a price that may be 0, a budget).
 *
 * @since 0.1.0
 * @category models
 */
export const NonNegativeFen = Fen.pipe(
  Schema.filter((n) => n >= 0 || "an amount must not be negative"),
  Schema.annotations({ identifier: "NonNegativeFen" })
)

/**
 * Builds an amount from whole fen; throws a `RangeError` for a non-integer (use {@link Fen} for untrusted input).
 *
 * @since 0.1.0
 * @category constructors
 */
export const fen = (n: number): Fen => {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${n} is not a whole number of fen`)
  return n as Fen
}

/**
 * Builds an amount from whole yuan (元).
 *
 * @since 0.1.0
 * @category constructors
 */
export const yuan = (n: number): Fen => fen(n * 100)

/**
 * Sums amounts.
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const sum = (amounts: Iterable<Fen>): Fen => {
  let total = 0
  for (const a of amounts) total += a
  return fen(total)
}

/**
 * A share of an amount in basis points (1/10,000), rounded down to whole fen: the payer keeps the odd fen.
 *
 * @since 0.1.0
 * @category arithmetic
 */
export const share = (amount: Fen, basisPoints: number): Fen => {
  const scaled = BigInt(amount) * BigInt(basisPoints)
  const q = scaled / 10_000n
  const floored = scaled < 0n && q * 10_000n !== scaled ? q - 1n : q
  return fen(Number(floored))
}

/**
 * Formats an amount as yuan with two decimals and thousands separators: `¥1,234.56`, `-¥0.05`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const format = (amount: Fen): string => {
  const sign = amount < 0 ? "-" : ""
  const abs = Math.abs(amount)
  const whole = Math.floor(abs / 100)
  const cents = String(abs % 100).padStart(2, "0")
  return `${sign}¥${whole.toLocaleString("en-US")}.${cents}`
}
