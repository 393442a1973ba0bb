import { assert, describe, expect, it } from "@effect/vitest"
import { Recurrence, Space } from "@zhili/core"
import { Hsds } from "@zhili/interop"
import { OperationFixtures, ServiceFixtures } from "@zhili/testing"
import { Either, Schema as S } from "effect"
import { hsds } from "./schemas.js"

const station = S.decodeUnknownSync(Space.Space)({
  tenant: ServiceFixtures.tenant,
  id: "space-jx-station",
  name: "锦绣华景小区党群服务站",
  areaSquareMetres: 120,
  functions: [],
  ownership: "community-owned",
  kind: "service-station",
  address: "廉江市城南街道新越社区锦绣华景小区",
  latitude: 21.6,
  longitude: 110.28
})
const services = [...ServiceFixtures.services]
const doc = Hsds.bundle({
  services,
  teams: ServiceFixtures.teams,
  operators: [OperationFixtures.operator],
  spaces: [station, OperationFixtures.serviceComplex]
})
const byName = (name: string) => {
  const s = doc.services.find((x) => x.name === name)
  if (s === undefined) throw new Error(`no service ${name}`)
  return s
}

describe("HSDS export", () => {
  it("exports every fixture service, valid against service.json", () => {
    expect(doc.services).toHaveLength(services.length)
    const check = hsds("service.json")
    for (const s of doc.services) expect(check(s)).toEqual([])
  })

  it("exports organizations, locations and service_at_location links, each valid", () => {
    for (const o of doc.organizations) expect(hsds("organization.json")(o)).toEqual([])
    for (const l of doc.locations) expect(hsds("location.json")(l)).toEqual([])
    for (const l of doc.serviceAtLocations) expect(hsds("service_at_location.json")(l)).toEqual([])
    const hospital = doc.organizations.find((o) => o.name === "廉江市人民医院")
    expect(byName("中医夜市").organization_id).toBe(hospital?.id)
    const ids = new Set(doc.locations.map((l) => l.id))
    for (const link of doc.serviceAtLocations) assert.isTrue(ids.has(link.location_id))
    expect(doc.locations.find((l) => l.external_identifier === "space-jx-station")?.latitude).toBe(21.6)
  })

  it("exports an operator with its credit code as a CN-USCC identifier", () => {
    const org = Hsds.operatorOrganization(OperationFixtures.operator)
    expect(hsds("organization.json")(org)).toEqual([])
    expect(org.organization_identifiers[0]).toMatchObject({
      identifier_scheme: "CN-USCC",
      identifier: OperationFixtures.operator.creditCode
    })
  })

  it("maps the weekly TCM clinic to a WEEKLY MO row 19:00-21:00 with the holiday rule in notes", () => {
    const [row, ...rest] = byName("中医夜市").schedules
    expect(rest).toEqual([])
    expect(row).toMatchObject({
      freq: "WEEKLY",
      interval: 1,
      byday: "MO",
      wkst: "MO",
      opens_at: "19:00",
      closes_at: "21:00",
      valid_from: "2025-09-01",
      timezone: 8,
      attending_type: "walk in 现场排队"
    })
    expect(row?.notes).toContain("法定节假日不开放")
    expect(hsds("schedule.json")(row)).toEqual([])
  })

  it("exports opening hours one row per day group, ages from eligibility, capacity and cost options", () => {
    const station = byName("小区党群服务站")
    expect(station.schedules.map((r) => [r.byday, r.opens_at, r.closes_at])).toEqual([
      ["MO,TU,WE,TH,FR", "09:00", "21:00"],
      ["SA", "09:00", "17:00"]
    ])
    expect(byName("四点半课堂")).toMatchObject({ minimum_age: 0, maximum_age: 12 })
    const childcare = byName("幼有所育示范点")
    expect(childcare).toMatchObject({ minimum_age: 1, maximum_age: 3, fees_description: "低偿" })
    expect(childcare.attributes).toMatchObject([{ link_type: "capacity", value: "20" }])
    expect(childcare.cost_options).toMatchObject([
      { option: "月托 monthly place", amount: 1200, currency: "CNY", amount_description: "per month" }
    ])
    for (const c of childcare.cost_options) expect(hsds("cost_option.json")(c)).toEqual([])
    expect(byName("云上健康管理").schedules[0]).toMatchObject({ byday: "MO,TU,WE,TH,FR,SA,SU", opens_at: "00:00" })
  })

  it("derives stable UUIDs", () => {
    expect(Hsds.hsdsId("service", "svc-tcm-night-clinic")).toBe(Hsds.hsdsId("service", "svc-tcm-night-clinic"))
    expect(Hsds.hsdsId("service", "a")).not.toBe(Hsds.hsdsId("location", "a"))
    expect(hsds("service.json")({ id: "svc-1", name: "x", status: "active" })).not.toEqual([])
    const tcm = byName("中医夜市")
    const daily = { ...tcm, schedules: tcm.schedules.map((r) => ({ ...r, freq: "DAILY" })) }
    expect(hsds("service.json")(daily).join()).toContain("/schedules/0/freq")
  })
})

describe("HSDS import", () => {
  const encode = S.encodeSync(Recurrence.Rule)
  const rules = [
    Recurrence.weekly(
      [1, 3],
      [
        ["08:30", "11:30"],
        ["14:30", "17:30"]
      ],
      {
        validFrom: "2025-03-01",
        validTo: "2025-12-31",
        description: "周一周三 Mon and Wed",
        notes: "bring the card"
      }
    ),
    Recurrence.make({
      freq: "monthly",
      interval: 2,
      byDay: [
        { weekday: 2, nth: 2 },
        { weekday: 5, nth: -1 }
      ],
      periods: [{ start: "19:00", end: "21:00" }],
      dtstart: "2025-01-01",
      count: 6
    }),
    Recurrence.make({
      freq: "monthly",
      byMonthDay: [1, 15, -1],
      weekStart: 7,
      periods: [{ start: "09:00", end: "10:00" }],
      until: "2026-01-01",
      dtstart: "2025-01-01"
    })
  ]

  it("reads rules back without loss, one rule from its rows", () => {
    for (const [i, rule] of rules.entries()) {
      const rows = Hsds.ruleRows(rule, { key: `r${i}` })
      for (const r of rows) expect(hsds("schedule.json")(r)).toEqual([])
      const back = Either.getOrThrow(Hsds.toRules(rows))
      expect(back.map((r) => encode(r))).toEqual([encode(rule)])
    }
  })

  it("reads the schedule of a fixture service back to its recurrence fields", () => {
    const back = Either.getOrThrow(Hsds.toRules(byName("中医夜市").schedules))
    expect(back).toHaveLength(1)
    expect(back[0]).toMatchObject({ freq: "weekly", byDay: [{ weekday: 1 }], validFrom: "2025-09-01" })
  })

  it("reads cost options back without loss", () => {
    const original = ServiceFixtures.childcare.fees.options
    const back = Either.getOrThrow(Hsds.toCostOptions(Hsds.costOptions(ServiceFixtures.childcare)))
    expect(back).toEqual(original)
  })

  it("fails with a path on bad rows", () => {
    const bad = Hsds.toRules([{ id: "x", freq: "YEARLY", opens_at: "09:00", closes_at: "10:00" }])
    if (Either.isRight(bad)) assert.fail("expected an error")
    expect(bad.left.issues[0]?.path).toEqual(["freq"])
    const day = Hsds.toRules([{ id: "x", freq: "WEEKLY", byday: "XX", opens_at: "09:00", closes_at: "10:00" }])
    if (Either.isRight(day)) assert.fail("expected an error")
    expect(day.left.issues[0]?.path).toEqual([0, "byday"])
    const times = Hsds.toRules([{ id: "x", freq: "WEEKLY", byday: "MO", opens_at: "10:00", closes_at: "09:00" }])
    assert.isTrue(Either.isLeft(times))
  })
})
