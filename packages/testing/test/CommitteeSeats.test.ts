import { describe, expect, it } from "@effect/vitest"
import { LocalDate, Partnership } from "@zhili/core"
import { JinxiuHuajing } from "@zhili/testing"
import { Schema } from "effect"

const c = JinxiuHuajing.compound()
const community = JinxiuHuajing.unitIds.community
const on = Schema.decodeSync(LocalDate.LocalDate)("2024-12-31")

describe("enlarged-committee seats (大党委)", () => {
  it("lists the hospital's seat on the community committee, partnered by dual registration", () => {
    const r = Partnership.committeeSeats(c.partnerships, community, on)
    expect(r.seats.map((s) => [s.partner, s.partnered])).toEqual([[JinxiuHuajing.unitIds.hospital, true]])
    expect(r.findings).toEqual([])
  })
  it("flags a seat whose partner has no active partnership, with its path", () => {
    const without = c.partnerships.filter((p) => p.type !== "dual-registration")
    const r = Partnership.committeeSeats(without, community, on)
    expect(r.seats.map((s) => s.partnered)).toEqual([false])
    expect(r.findings.map((f) => [f.code, f.path[0]])).toEqual([
      ["partnership/seat-without-partnership", "partnerships"]
    ])
  })
})
