import { describe, expect, it } from "@effect/vitest"
import { Decode, Ids, LocalDate, Privacy, Resident } from "@zhili/core"
import { Either, Redacted, Schema } from "effect"
import { C, grids } from "../fixtures/grids.js"

const households = [
  { id: "h1", building: "b1" },
  { id: "h2", building: "b2" },
  { id: "h3", building: "b9" }
].map((h) => ({ ...h, id: Schema.decodeSync(Ids.HouseholdId)(h.id) }))
let seq = 0
const resident = (household: string, birthDate: string, tags: ReadonlyArray<Resident.Tag> = []) =>
  Schema.decodeSync(Resident.Resident)({
    id: `r${++seq}`,
    tenant: C,
    household,
    name: "张三",
    birthDate,
    sex: "female",
    tags,
    idNumber: "44011320141005001X"
  })

describe("Resident model", () => {
  it("holds name and identity number redacted, and round-trips through JSON", () => {
    const r = resident("h1", "2014-10-05", ["child"])
    expect(String(r.name)).toBe("<redacted>")
    expect(JSON.stringify(r)).not.toContain("44011320141005001X")
    expect(Privacy.maskIdNumber(r.idNumber ?? Redacted.make(""))).toBe("440113********001X")
    const json = JSON.parse(JSON.stringify(Schema.encodeSync(Resident.Resident)(r)))
    expect(json).toMatchObject({ name: "张三", birthDate: "2014-10-05", tags: ["child"] })
    expect(Schema.encodeSync(Resident.Resident)(Schema.decodeUnknownSync(Resident.Resident)(json))).toEqual(json)
  })
  it("rejects a bad birth date, sex and tag with their paths", () => {
    const r = Decode.decodeEither(Resident.Resident)({
      id: "r",
      tenant: C,
      household: "h1",
      name: "x",
      birthDate: "2014-02-30",
      sex: "x",
      tags: ["rich"]
    })
    expect(Either.isLeft(r) && [...new Set(r.left.issues.map((i) => i.path.join(".")))].sort()).toEqual([
      "birthDate",
      "sex",
      "tags",
      "tags.0"
    ])
  })
})

describe("Resident.oldAndYoung (一老一小)", () => {
  const on = LocalDate.make(2025, 9, 26)
  const residents = [
    resident("h1", "1965-09-26"), // 60 today: elderly
    resident("h1", "1965-09-27"), // 59
    resident("h1", "2011-09-27"), // 13: child
    resident("h2", "2011-09-26"), // 14 today: not a child under PIPL
    resident("h2", "2012-09-26"), // 13: a child, but not 0–12
    resident("h2", "2026-01-01"), // not yet born
    resident("h3", "1940-01-01") // household in no grid
  ]
  it("counts from completed years at the date, per grid, rolled up and per community", () => {
    const r = Resident.oldAndYoung({ residents, households, grids }, on)
    expect(r.grids.get("M1" as never)).toEqual({ residents: 3, elderly: 1, children: 1 })
    expect(r.grids.get("M2" as never)).toEqual({ residents: 2, elderly: 0, children: 1 })
    expect(r.grids.get("L" as never)).toEqual({ residents: 5, elderly: 1, children: 2 })
    expect(r.communities.get(C)).toEqual({ residents: 5, elderly: 1, children: 2 })
    expect(r.unassigned).toEqual({ residents: 1, elderly: 1, children: 0 })
  })
  it("the after-school policy (0–12) counts children below 13", () => {
    const r = Resident.oldAndYoung({ residents, households, grids }, on, Resident.afterSchoolAgePolicy)
    expect(r.grids.get("L" as never)?.children).toBe(0)
    expect(Resident.defaultAgePolicy).toEqual({ elderlyFromAge: 60, childBelowAge: 14 })
  })
})
