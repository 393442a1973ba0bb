import { describe, expect, it } from "@effect/vitest"
import { Decode, Resident } from "@zhili/core"
import { Either, Schema } from "effect"
import * as fc from "fast-check"

describe("Decode: messages never repeat the input", () => {
  it("describes a wrong value by its kind and length, at its path", () => {
    const r = Decode.decodeEither(
      Schema.Struct({ phone: Schema.Number, age: Schema.String }),
      "person"
    )({
      phone: "13800138000",
      age: 41
    })
    if (Either.isRight(r)) throw new Error("expected a decode error")
    expect(r.left.issues.map((i) => [i.path, i.message])).toEqual([
      [["phone"], "Expected number, actual a string of 11 characters"],
      [["age"], "Expected string, actual a number"]
    ])
    expect(r.left.message).not.toContain("13800138000")
  })

  it("keeps an identity number given where none is expected out of a resident's decode error", () => {
    const idNumber = "440881199305120417"
    const r = Decode.decodeEither(Resident.Resident)({
      id: "r-1",
      tenant: "440881002001",
      household: 12,
      name: { nested: idNumber },
      idNumber: Number(idNumber),
      birthDate: idNumber
    })
    if (Either.isRight(r)) throw new Error("expected a decode error")
    expect(r.left.issues.length).toBeGreaterThan(0)
    expect(JSON.stringify(r.left.issues)).not.toMatch(/4408811993/)
    expect(r.left.message).not.toMatch(/4408811993/)
  })

  it("property: no string input of 6 or more characters ever appears in a decode error's messages", () => {
    const schema = Schema.Struct({ a: Schema.Number, b: Schema.Literal("x"), c: Schema.Array(Schema.Boolean) })
    fc.assert(
      fc.property(
        fc.string({ minLength: 6, maxLength: 40 }).filter((s) => s.trim().length >= 6),
        fc.nat(3),
        (secret, at) => {
          const input = [
            { a: secret, b: "x", c: [] },
            { a: 1, b: secret, c: [] },
            { a: 1, b: "x", c: [true, secret] },
            { a: 1, b: "x", c: [], [secret]: secret }
          ][at]
          const r = Decode.decodeEither(schema, "thing")(input)
          if (Either.isLeft(r)) for (const i of r.left.issues) expect(i.message).not.toContain(secret)
        }
      )
    )
  })
})
