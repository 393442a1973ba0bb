import { describe, expect, it } from "@effect/vitest"
import { Decode, Person, Privacy } from "@zhili/core"
import { Either, Redacted, Schema } from "effect"

describe("Person", () => {
  it("holds identity number and phone redacted and shows the name masked unless disclosed", () => {
    const p = Schema.decodeUnknownSync(Person.Person)({
      id: "p1",
      tenant: "440881002006",
      displayName: "李明华",
      idNumber: "44011320141005001X",
      phone: "13812345678"
    })
    expect(String(p.phone)).toBe("<redacted>")
    expect(JSON.stringify(p)).not.toContain("13812345678")
    expect(Person.displayName(p)).toBe("李**")
    expect(Person.displayName(p, new Privacy.Disclosure({ reason: "case handling 2025-3", fields: ["name"] }))).toBe(
      "李明华"
    )
    expect(Redacted.value(p.idNumber ?? Redacted.make(""))).toBe("44011320141005001X")
    const json = JSON.parse(JSON.stringify(Schema.encodeSync(Person.Person)(p)))
    expect(Schema.encodeSync(Person.Person)(Schema.decodeUnknownSync(Person.Person)(json))).toEqual(json)
  })
  it("rejects an empty name and a bad tenant with their paths", () => {
    const r = Decode.decodeEither(Person.Person)({ id: "p1", tenant: "x", displayName: "  " })
    expect(Either.isLeft(r) && r.left.issues.map((i) => i.path)).toEqual([["tenant"], ["displayName"]])
  })
})
