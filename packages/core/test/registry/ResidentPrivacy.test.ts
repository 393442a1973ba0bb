import { inspect } from "node:util"
import { describe, expect, it } from "@effect/vitest"
import { LocalDate, Privacy, Resident } from "@zhili/core"
import { Schema } from "effect"

// A hand-made child born 2015-03-04 (11 on 2026-12-07) and an adult born 1980-06-15.
const child = Schema.decodeSync(Resident.Resident)({
  id: "r-child",
  tenant: "440113",
  household: "h1",
  name: "李小明",
  birthDate: "2015-03-04",
  sex: "male",
  tags: ["child", "left-behind"],
  idNumber: "440113201503040013",
  phone: "13812345678"
})
const adult = Schema.decodeSync(Resident.Resident)({
  id: "r-adult",
  tenant: "440113",
  household: "h1",
  name: "王建国",
  birthDate: "1980-06-15",
  sex: "female",
  idNumber: "440113198006150022",
  phone: "13987654321"
})
const at = LocalDate.make(2026, 12, 7)
const childSecrets = [
  "2015-03-04",
  "20150304",
  "2015年3月4日",
  "2015/3/4",
  "李小明",
  "小明",
  "440113201503040013",
  "13812345678",
  "left-behind",
  "male"
]

const expectNoChildSecret = (text: string) => {
  for (const secret of childSecrets) expect(text).not.toContain(secret)
}

describe("Resident printing hides the personal part (PIPL Art. 28)", () => {
  it("String, JSON.stringify and util.inspect show ids only", () => {
    for (const text of [
      String(child),
      `${child}`,
      JSON.stringify(child),
      inspect(child),
      inspect([child], { depth: 5 })
    ]) {
      expectNoChildSecret(text)
      expect(text).toContain("r-child")
    }
    for (const text of [String(adult), JSON.stringify(adult), inspect(adult)]) {
      expect(text).not.toContain("1980-06-15")
      expect(text).not.toContain("王建国")
      expect(text).not.toContain("440113198006150022")
    }
  })
  it("the store's encoding still keeps every field", () => {
    expect(Schema.encodeSync(Resident.Resident)(child)).toMatchObject({ birthDate: "2015-03-04", name: "李小明" })
  })
})

describe("Resident.view", () => {
  it("a child under 14 at the date is protected whole: ids only", () => {
    const v = Resident.view(child, { at })
    expect(v).toEqual({ _tag: "Protected", id: "r-child", household: "h1" })
    expectNoChildSecret(JSON.stringify(v))
  })
  it("a disclosure of name, id number and phone does not reveal a child; one naming `minor` does", () => {
    const disclosure = new Privacy.Disclosure({ reason: "court order 2026-3", fields: ["name", "idNumber", "phone"] })
    expect(Resident.view(child, { at, disclosure })._tag).toBe("Protected")
    const minor = new Privacy.Disclosure({ reason: "guardian request", fields: ["minor"] })
    expect(Resident.view(child, { at, disclosure: minor })).toMatchObject({ _tag: "Shown", name: "李**" })
  })
  it("the same child turning 14 (2029-03-04) is shown masked", () => {
    expect(Resident.view(child, { at: LocalDate.make(2029, 3, 3) })._tag).toBe("Protected")
    expect(Resident.view(child, { at: LocalDate.make(2029, 3, 4) })).toMatchObject({ _tag: "Shown", name: "李**" })
  })
  it("an adult is shown with masked name, id number and phone", () => {
    expect(Resident.view(adult, { at })).toEqual({
      _tag: "Shown",
      id: "r-adult",
      household: "h1",
      name: "王**",
      birthDate: "1980-06-15",
      sex: "female",
      tags: [],
      idNumber: "440113********0022",
      phone: "139****4321"
    })
  })
})
