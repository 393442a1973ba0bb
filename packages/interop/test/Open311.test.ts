import { assert, describe, expect, it } from "@effect/vitest"
import { Case, CaseCategory, Ids, Privacy } from "@zhili/core"
import { Open311 } from "@zhili/interop"
import { CaseArbitraries, JinxiuCases } from "@zhili/testing"
import { Either, Option } from "effect"
import { open311 } from "./schemas.js"

const policy = CaseArbitraries.policy
const catalogue = CaseCategory.defaultCatalogue
const cases = JinxiuCases.cases(policy)
const options: Open311.RequestOptions = { catalogue }
const first = cases[0] as Case.Case
/** A case still being handled: reported and accepted only. */
const openCase = Either.getOrThrow(Case.fold((JinxiuCases.histories[0] ?? []).slice(0, 2), policy))

describe("Open311 services and service definitions", () => {
  it("lists every category, valid against services.json", () => {
    const list = Open311.services(catalogue)
    expect(list).toHaveLength(catalogue.categories.length)
    expect(open311("services.json")(list)).toEqual([])
    expect(list.find((s) => s.service_code === "facilities.lift")).toMatchObject({
      service_name: "电梯",
      metadata: true,
      group: "公共设施"
    })
    expect(Open311.services(catalogue, { locale: "en" })[0]?.service_name).toBe("Property services")
  })

  it("builds every category's definition from its intake fields, valid against service-definition.json", () => {
    const check = open311("service-definition.json")
    for (const c of catalogue.categories) {
      const def = Option.getOrThrow(Open311.serviceDefinition(catalogue, c.code))
      expect(check(def)).toEqual([])
      expect(def.attributes.map((a) => a.code)).toEqual(CaseCategory.attributesOf(catalogue, c.code).map((a) => a.code))
    }
    const lift = Option.getOrThrow(Open311.serviceDefinition(catalogue, "facilities.lift"))
    expect(lift.attributes[1]).toEqual({
      variable: true,
      code: "trapped",
      datatype: "singlevaluelist",
      required: true,
      datatype_description: null,
      order: 2,
      description: "是否有人被困 / is someone trapped",
      values: [
        { key: "yes", name: "是" },
        { key: "no", name: "否" }
      ]
    })
    assert.isTrue(Option.isNone(Open311.serviceDefinition(catalogue, "no.such")))
  })

  it("the schema rejects a definition without attributes (the validator can fail)", () => {
    expect(open311("service-definition.json")({ service_code: "x" })).not.toEqual([])
  })
})

describe("Open311 requests", () => {
  it("exports the fixture year, valid against requests.json", () => {
    const list = Open311.requests(cases, options)
    expect(list).toHaveLength(28)
    expect(open311("requests.json")(list)).toEqual([])
    for (const r of list) expect(open311("request.json")(r)).toEqual([])
    const { status: _status, ...withoutStatus } = list[0] ?? { status: "open" }
    expect(open311("requests.json")([withoutStatus])).not.toEqual([])
  })

  it("maps statuses by the documented table", () => {
    for (const status of Case.Status.literals) {
      const final = status === "closed" || status === "rejected" || status === "withdrawn"
      expect(Open311.statusMapping[status].status).toBe(final ? "closed" : "open")
    }
    const closed = Open311.request(first, options)
    expect(closed.status).toBe("closed")
    expect(closed.status_notes).toBe("已结案 (已解决)")
    assert.isUndefined(closed.expected_datetime)
  })

  it("fills dates, agency, notice and address from the case", () => {
    const r = Open311.request(first, {
      ...options,
      agencyName: (u) => (u === JinxiuCases.units.branch ? "小区党支部" : undefined)
    })
    expect(r).toMatchObject({
      service_request_id: "jx-req-01",
      service_code: "facilities.lighting",
      service_name: "照明",
      description: "楼道灯不亮",
      agency_responsible: "小区党支部",
      service_notice: "1个工作日内响应，7个工作日内办结",
      requested_datetime: "2025-01-06T10:00:00.000+08:00",
      address_id: "jx-b02"
    })
    assert.isDefined(r.updated_datetime)
  })

  it("takes expected_datetime from the running deadline of an open case", () => {
    expect(openCase.status).toBe("accepted")
    const r = Open311.request(openCase, options)
    expect(r.status).toBe("open")
    assert.isDefined(openCase.due.resolve)
    expect(r.expected_datetime).toBe(
      Open311.request(openCase, { ...options, timeZone: "Asia/Shanghai" }).expected_datetime
    )
    expect(Date.parse(r.expected_datetime ?? "")).toBe(Number(openCase.due.resolve?.epochMillis))
    expect(open311("request.json")(r)).toEqual([])
  })

  it("never exports the reporter without a disclosure, and masks what the disclosure does not name", () => {
    const plain = Open311.request(first, options)
    expect(JSON.stringify(plain)).not.toContain("住户1")
    assert.isUndefined(plain.first_name)
    const names = Open311.request(first, {
      ...options,
      disclosure: new Privacy.Disclosure({ reason: "回访核实", fields: ["name"] })
    })
    expect(names.first_name).toBe("住户1")
    const phonesOnly = Open311.request(first, {
      ...options,
      disclosure: new Privacy.Disclosure({ reason: "回访核实", fields: ["phone"] })
    })
    expect(phonesOnly.first_name).toBe("住**")
    expect(open311("request.json")(names)).toEqual([])
  })
})

describe("Open311 request import", () => {
  const gridOf = (id: string | undefined, request: string) =>
    cases.find((c) => c.intake.location.building === id && c.id === request)?.intake.location.grid
  const importOptions = { tenant: JinxiuCases.tenant, catalogue, gridOf }

  it("round-trips id, category, title, description and location of every fixture case", () => {
    for (const c of cases) {
      const back = Either.getOrThrow(Open311.toIntake(Open311.request(c, options), importOptions))
      expect(back.id).toBe(c.intake.id)
      expect(back.category).toBe(c.intake.category)
      expect(back.title).toBe(c.intake.title)
      expect(back.description).toBe(c.intake.description)
      expect(back.location.building).toBe(c.intake.location.building)
      expect(back.location.grid).toBe(c.intake.location.grid)
      assert.isUndefined(back.reporter)
    }
  })

  it("keeps a multi-line description apart from the title", () => {
    const r = { ...Open311.request(first, options), description: "标题\n第一行\n第二行" }
    const back = Either.getOrThrow(Open311.toIntake(r, importOptions))
    expect([back.title, back.description]).toEqual(["标题", "第一行\n第二行"])
  })

  it("fails with a path on a malformed request, an unknown category or an unknown address", () => {
    const bad = Open311.toIntake({ status: "pending" }, importOptions)
    assert.isTrue(Either.isLeft(bad))
    if (Either.isLeft(bad)) expect(bad.left.issues.map((i) => i.path[0])).toContain("service_request_id")
    const unknown = Open311.toIntake({ ...Open311.request(first, options), service_code: "no.such" }, importOptions)
    if (Either.isRight(unknown)) assert.fail("expected an error")
    expect(unknown.left.issues[0]?.path).toEqual(["service_code"])
    const nowhere = Open311.toIntake({ ...Open311.request(first, options), address_id: "elsewhere" }, importOptions)
    if (Either.isRight(nowhere)) assert.fail("expected an error")
    expect(nowhere.left.issues[0]?.path).toEqual(["address_id"])
  })

  it("a request nested 5,000 levels deep is a DecodeError at its path, not a RangeError", () => {
    let deep: unknown = "x"
    for (let i = 0; i < 5000; i++) deep = [deep]
    const r = Open311.toIntake({ ...Open311.request(first, options), description: deep }, importOptions)
    if (Either.isRight(r)) assert.fail("expected an error")
    // the request object, then 5,000 arrays
    expect(r.left.issues.map((i) => [i.path, i.message])).toEqual([
      [["description", 0, 0, 0], "nested 5001 levels deep below here: too deep to decode"]
    ])
  })

  it("keeps ids branded", () => {
    const back = Either.getOrThrow(Open311.toIntake(Open311.request(first, options), importOptions))
    expect(back.id).toBe(Ids.CaseId.make("jx-req-01"))
  })
})
