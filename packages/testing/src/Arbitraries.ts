/**
 * fast-check arbitraries for kernel values, for property tests in zhili and in host applications.
 *
 * @since 0.1.0
 */
import { LocalDate } from "@zhili/core"
import * as fc from "fast-check"

/**
 * Any real calendar date between two dates (defaults: 1900-01-01 to 2100-12-31).
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const localDate = (
  min: LocalDate.LocalDate = LocalDate.make(1900, 1, 1),
  max: LocalDate.LocalDate = LocalDate.make(2100, 12, 31)
): fc.Arbitrary<LocalDate.LocalDate> =>
  fc
    .integer({ min: LocalDate.toEpochDay(min), max: LocalDate.toEpochDay(max) })
    .map((day) => LocalDate.fromEpochDay(day))
