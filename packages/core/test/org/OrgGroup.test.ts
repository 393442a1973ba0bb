import { describe, expect, it } from "@effect/vitest"
import { CorePlugin, Decode, OrgGroup, Plugin, Runtime } from "@zhili/core"
import { Either, Schema } from "effect"
import * as fc from "fast-check"

const group = (n: number) =>
  Schema.decodeSync(OrgGroup.OrgGroup)({
    id: "sys-1",
    tenant: "360733",
    name: "政法系统",
    lead: "u0",
    members: Array.from({ length: n - 1 }, (_, i) => `u${i + 1}`),
    activities: ["joint-study", "joint-lecture", "joint-inspection", "joint-action"]
  })

describe("OrgGroup.rotation (五联一体, monthly)", () => {
  it("is fair over a year: every unit hosts ⌊12/n⌋ or ⌈12/n⌉ times, the lead first", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 15 }), (n) => {
        const r = OrgGroup.rotation(group(n))
        const counts = [...r.counts.values()]
        expect(counts.reduce((a, b) => a + b, 0)).toBe(12)
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1)
        expect(r.months[0]?.host).toBe("u0")
      })
    )
  })
  it("skips units that opt out of a month, and leaves no month that a free unit with two fewer turns could take", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }),
        fc.array(fc.record({ unit: fc.integer({ min: 0, max: 7 }), month: fc.integer({ min: 1, max: 12 }) }), {
          maxLength: 30
        }),
        (n, raw) => {
          const optOuts = raw.map((o) => ({ unit: `u${o.unit % n}` as never, month: o.month }))
          const free = (u: string, month: number) => !optOuts.some((o) => o.unit === u && o.month === month)
          const r = OrgGroup.rotation(group(n), optOuts)
          const units = [...r.counts.keys()]
          for (const m of r.months) {
            if (m.host === undefined) {
              expect(units.some((u) => free(u, m.month))).toBe(false)
              continue
            }
            expect(free(m.host, m.month)).toBe(true)
            for (const v of units.filter((u) => free(u, m.month))) {
              expect((r.counts.get(m.host) ?? 0) - (r.counts.get(v) ?? 0)).toBeLessThanOrEqual(1)
            }
          }
        }
      )
    )
  })
  it("balances a unit that is away for half the year", () => {
    const away = [7, 8, 9, 10, 11, 12].map((month) => ({ unit: "u0" as never, month }))
    expect([...OrgGroup.rotation(group(3), away).counts.values()]).toEqual([4, 4, 4])
  })
  it("rotates in order and leaves a month empty, with a finding, when everyone opts out", () => {
    const r = OrgGroup.rotation(group(3), [
      { unit: "u0" as never, month: 5 },
      { unit: "u1" as never, month: 5 },
      { unit: "u2" as never, month: 5 }
    ])
    expect(r.months.slice(0, 4).map((m) => m.host)).toEqual(["u0", "u1", "u2", "u0"])
    expect(r.months[4]?.host).toBeUndefined()
    expect(r.findings.map((f) => [f.code, f.path])).toEqual([["org/rotation-no-host", ["months", 5]]])
  })
  it("carries counts over from an earlier year", () => {
    const r = OrgGroup.rotation(group(5), [], new Map([["u0" as never, 3]]))
    expect([...r.counts.values()]).toEqual([0, 3, 3, 3, 3])
    expect(r.months[0]?.host).toBe("u1")
  })
  it("runs over the calendar year by default: January to December, in the year it starts", () => {
    const r = OrgGroup.rotation(group(3))
    expect(r.months.map((m) => [m.month, m.yearOffset])).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => [m, 0])
    )
  })
  it("runs over the rotation year the policy sets: from July to June of the next year", () => {
    const policy = new OrgGroup.RotationPolicy({ firstMonth: 7, months: 12 })
    const r = OrgGroup.rotation(group(3), [{ unit: "u0" as never, month: 7 }], new Map(), policy)
    expect(r.months.map((m) => [m.month, m.yearOffset, m.host])).toEqual([
      // July: u0 is away, u1 before u2; August: u0 and u2 have not hosted, u0 first in order; then each month the
      // unit that hosted longest ago
      [7, 0, "u1"],
      [8, 0, "u0"],
      [9, 0, "u2"],
      [10, 0, "u1"],
      [11, 0, "u0"],
      [12, 0, "u2"],
      [1, 1, "u1"],
      [2, 1, "u0"],
      [3, 1, "u2"],
      [4, 1, "u1"],
      [5, 1, "u0"],
      [6, 1, "u2"]
    ])
  })
  it("shares a shorter rotation year fairly: ten turns from March among four units", () => {
    const r = OrgGroup.rotation(group(4), [], new Map(), new OrgGroup.RotationPolicy({ firstMonth: 3, months: 10 }))
    expect(r.months.map((m) => m.month)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    expect([...r.counts.values()]).toEqual([3, 3, 2, 2])
  })
  it("is fair over any rotation year: each unit hosts ⌊m/n⌋ or ⌈m/n⌉ of the m turns, each month once", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        (n, firstMonth, months) => {
          const r = OrgGroup.rotation(group(n), [], new Map(), new OrgGroup.RotationPolicy({ firstMonth, months }))
          expect(r.months.length).toBe(months)
          expect(new Set(r.months.map((m) => m.month)).size).toBe(months)
          expect(r.months[0]?.month).toBe(firstMonth)
          const counts = [...r.counts.values()]
          expect(counts.reduce((a, b) => a + b, 0)).toBe(months)
          for (const c of counts) {
            expect(c === Math.floor(months / n) || c === Math.ceil(months / n)).toBe(true)
          }
        }
      )
    )
  })
  it("refuses a rotation policy outside the calendar, saying what and where", () => {
    const r = Decode.decodeEither(OrgGroup.RotationPolicy)({ firstMonth: 13, months: 12 })
    expect(Either.isLeft(r) && r.left.issues.map((i) => [i.path, i.message])).toEqual([
      [["firstMonth"], "a rotation starts in a month from 1 to 12"]
    ])
  })
  it("rejects a lead listed among the members, with a path", () => {
    const r = Decode.decodeEither(OrgGroup.OrgGroup)({
      id: "g",
      tenant: "360733",
      name: "x",
      lead: "a",
      members: ["b", "a"]
    })
    expect(Either.isLeft(r) && r.left.issues.map((i) => i.path)).toEqual([["members", 1]])
  })
})

describe("the joint activities of a group (五联) as plugin data", () => {
  const withCreation = Schema.decodeSync(OrgGroup.OrgGroup)({
    id: "sys-2",
    tenant: "360733",
    name: "经济系统",
    lead: "u0",
    members: ["u1"],
    activities: ["joint-study", "joint-lecture", "joint-inspection", "joint-action", "joint-creation"]
  })
  const host = Plugin.define({
    id: "huichang",
    version: "1.0.0",
    description: "the fifth 联: 联创",
    requires: { plugins: { core: "0.x" } },
    contributes: [
      Plugin.contribute(OrgGroup.activitiesPoint, [
        new OrgGroup.ActivityDefinition({
          id: "joint-creation",
          nameZh: "联创",
          nameEn: "joint creation",
          source: "host"
        })
      ])
    ]
  })

  it("knows the seed's four by default and a host's fifth once its pack is composed", () => {
    expect(OrgGroup.defaultActivities.map((a) => a.nameZh)).toEqual(["联学", "联讲", "联查", "联动"])
    const core = Either.getOrThrow(Runtime.make([CorePlugin.plugin]))
    expect(OrgGroup.checkActivities(withCreation, core.groupActivities).map((f) => f.path.join("."))).toEqual([
      "activities.4"
    ])
    const county = Either.getOrThrow(Runtime.make([CorePlugin.plugin, host]))
    expect(county.groupActivities.map((a) => a.nameZh)).toEqual(["联学", "联讲", "联查", "联动", "联创"])
    expect(OrgGroup.checkActivities(withCreation, county.groupActivities)).toEqual([])
  })
})

describe("every organ in exactly one system (五联一体: 7 systems)", () => {
  const g = (id: string, name: string, lead: string, members: ReadonlyArray<string>) =>
    Schema.decodeSync(OrgGroup.OrgGroup)({ id, tenant: "360733", name, lead, members })
  const systems = [g("s1", "政法系统", "u1", ["u2", "u3"]), g("s2", "经济系统", "u4", ["u5", "u3"])]
  it("finds a unit in no system, one in two, and the wrong number of systems", () => {
    const units = ["u1", "u2", "u3", "u4", "u5", "u6"].map((u) => u as never)
    const found = OrgGroup.exactlyOneGroup(systems, units, { expectedGroups: 7 })
    expect(found.map((f) => [f.code, f.path.join(".")])).toEqual([
      ["org/group-count", "groups"],
      ["org/group-several", "units.u3"],
      ["org/group-none", "units.u6"]
    ])
    expect(found[1]?.message).toBe("unit u3 is in 2 groups (政法系统, 经济系统); each unit belongs to one")
    expect(
      OrgGroup.exactlyOneGroup(
        systems,
        ["u1", "u2", "u4", "u5"].map((u) => u as never)
      )
    ).toEqual([])
  })
})
