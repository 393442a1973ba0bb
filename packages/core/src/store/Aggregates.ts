/**
 * The registry of stored aggregates (聚合登记): one {@link Store.Aggregate} descriptor per aggregate of the domain.
 * Storing a new aggregate is one step: declare its descriptor here and add it to {@link all} (append only: SQL
 * stores create its tables from the descriptor when they migrate).
 *
 * @since 0.1.0
 */
import type * as Store from "./Store.js"

/**
 * Every aggregate the stores hold, in registration order.
 *
 * @since 0.1.0
 * @category registry
 */
export const all: ReadonlyArray<Store.AnyAggregate> = []
