import { describe, expect, it } from "@effect/vitest"
import { LocalDate } from "@zhili/core"
import { Arbitraries } from "@zhili/testing"
import { Schema } from "effect"
import * as fc from "fast-check"

describe("Arbitraries.localDate", () => {
  it("generates only real dates inside the range, and they round-trip through epoch days", () => {
    const min = LocalDate.make(2000, 2, 28)
    const max = LocalDate.make(2000, 3, 1)
    fc.assert(
      fc.property(Arbitraries.localDate(min, max), (d) => {
        expect(Schema.is(LocalDate.LocalDate)(d)).toBe(true)
        expect(d >= min && d <= max).toBe(true)
        expect(LocalDate.fromEpochDay(LocalDate.toEpochDay(d))).toBe(d)
      })
    )
  })
})
