/**
 * Ranking with ties (排名).
 *
 * Ranks are competition ranks ("1224" ranking, as in sports tables): items with equal scores share a rank, and the
 * next rank skips as many places as were shared, so scores 98, 95, 95, 90 rank 1, 2, 2, 4. Scores are compared
 * after rounding to two decimals (the precision of every score in this context), so 89.995 and 90 tie. Tied items
 * are listed in the order of their key, so the output never depends on the input order.
 *
 * @since 0.1.0
 */
import { round2 } from "./internal/location.js"

/**
 * An item with its score and competition rank.
 *
 * @since 0.1.0
 * @category models
 */
export interface Ranked<A> {
  readonly item: A
  readonly score: number
  readonly rank: number
  /** How many items share this rank (1 when there is no tie). */
  readonly tied: number
}

/**
 * Ranks items by score with competition ranking; `direction: "desc"` (the default) puts the highest score first.
 *
 * @since 0.1.0
 * @category rules
 */
export const rank = <A>(
  items: ReadonlyArray<A>,
  score: (a: A) => number,
  key: (a: A) => string,
  direction: "desc" | "asc" = "desc"
): Array<Ranked<A>> => {
  const sign = direction === "desc" ? -1 : 1
  const sorted = items
    .map((item) => ({ item, score: round2(score(item)), key: key(item) }))
    .sort((a, b) => sign * (a.score - b.score) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  const counts = new Map<number, number>()
  for (const s of sorted) counts.set(s.score, (counts.get(s.score) ?? 0) + 1)
  const out: Array<Ranked<A>> = []
  sorted.forEach((s, i) => {
    const prev = out[i - 1]
    const r = prev !== undefined && prev.score === s.score ? prev.rank : i + 1
    out.push({ item: s.item, score: s.score, rank: r, tied: counts.get(s.score) ?? 1 })
  })
  return out
}

/**
 * How a tie that straddles a cut-off line is settled: include every tied item (the list grows past the line),
 * or exclude every tied item (the list stops short of it).
 *
 * @since 0.1.0
 * @category models
 */
export type TieAtLine = "include-all" | "exclude-all"

/**
 * The first `n` places of a ranking with ties at the line settled by `ties`: with `include-all` every item whose
 * rank is at most `n`; with `exclude-all` only the items whose whole tie group fits within `n`.
 *
 * @since 0.1.0
 * @category rules
 */
export const cut = <A>(ranked: ReadonlyArray<Ranked<A>>, n: number, ties: TieAtLine): Array<Ranked<A>> =>
  ranked.filter((r) => r.rank <= n && (ties === "include-all" || r.rank + r.tied - 1 <= n))
