import { describe, expect, it } from "@effect/vitest"
import { LocalDate, WallClock } from "@zhili/core"
import { DateTime, Either, Schema } from "effect"
import * as fc from "fast-check"

const d = (s: string) => Schema.decodeSync(LocalDate.LocalDate)(s)
const iso = (t: DateTime.DateTime) => DateTime.formatIso(t)

describe("WallClock", () => {
  it("decodes times of day from 00:00 to 24:00 and rejects the rest", () => {
    const decode = Schema.decodeUnknownEither(WallClock.TimeOfDay)
    for (const ok of ["00:00", "08:30", "23:59:59", "24:00"]) expect(Either.isRight(decode(ok)), ok).toBe(true)
    for (const bad of ["25:00", "24:01", "12:60", "9:00", "noon", ""])
      expect(Either.isLeft(decode(bad)), bad).toBe(true)
    expect(() => WallClock.time(25)).toThrow(RangeError)
    expect(WallClock.toSeconds(WallClock.time(13, 30))).toBe(48_600)
  })

  it("rejects unknown zones and accepts IANA names", () => {
    expect(Either.isRight(Schema.decodeUnknownEither(WallClock.TimeZoneId)("Asia/Urumqi"))).toBe(true)
    expect(Either.isLeft(Schema.decodeUnknownEither(WallClock.TimeZoneId)("Asia/Peking"))).toBe(true)
  })

  it("converts wall-clock time in Asia/Shanghai to instants and back", () => {
    expect(iso(WallClock.toInstant(d("2025-10-11"), WallClock.time(17, 30)))).toBe("2025-10-11T09:30:00.000Z")
    expect(iso(WallClock.toInstant(d("2025-10-11"), WallClock.time(24)))).toBe("2025-10-11T16:00:00.000Z")
    expect(WallClock.fromInstant(DateTime.unsafeMake("2025-10-11T16:30:00Z"))).toEqual({
      date: "2025-10-12",
      secondOfDay: 1800
    })
  })

  it("uses the zone's rules for daylight saving, not a fixed offset", () => {
    // New York moved clocks from 02:00 to 03:00 on 2025-03-09: 02:30 does not exist and resolves to 03:30 EDT.
    expect(iso(WallClock.toInstant(d("2025-03-09"), WallClock.time(2, 30), "America/New_York"))).toBe(
      "2025-03-09T07:30:00.000Z"
    )
    expect(iso(WallClock.toInstant(d("2025-01-09"), WallClock.time(9), "America/New_York"))).toBe(
      "2025-01-09T14:00:00.000Z"
    )
    expect(iso(WallClock.toInstant(d("2025-07-09"), WallClock.time(9), "America/New_York"))).toBe(
      "2025-07-09T13:00:00.000Z"
    )
  })

  it("property: fromInstant inverts toInstant in Asia/Shanghai (no daylight saving since 1992)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: LocalDate.toEpochDay(d("1992-01-01")), max: LocalDate.toEpochDay(d("2099-12-31")) }),
        fc.integer({ min: 0, max: 86_399 }),
        (day, second) => {
          const date = LocalDate.fromEpochDay(day)
          const back = WallClock.fromInstant(WallClock.toInstant(date, second))
          return back.date === date && back.secondOfDay === second
        }
      )
    )
  })

  it("rejects a period that ends before it starts", () => {
    expect(() => WallClock.period("17:00", "09:00")).toThrow(/must end after it starts/)
    expect(String(WallClock.period("08:30", "11:30"))).toBe("08:30–11:30")
  })
})
