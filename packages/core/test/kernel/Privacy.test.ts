import { describe, expect, it } from "@effect/vitest"
import { LocalDate, Privacy } from "@zhili/core"
import { Redacted, Schema } from "effect"

const d = (s: string) => Schema.decodeSync(LocalDate.LocalDate)(s)

describe("Privacy masking", () => {
  it("keeps 6 + 4 of an identity number by default", () => {
    expect(Privacy.maskIdNumber("44088120141005001X")).toBe("440881********001X")
  })
  it("masks a redacted value without revealing it elsewhere", () => {
    const phone = Schema.decodeSync(Privacy.SensitiveString)("13812345678")
    expect(String(phone)).toBe("<redacted>")
    expect(Privacy.maskMobile(phone)).toBe("138****5678")
    expect(Privacy.maskMobile("+86 138-1234-5678")).toBe("138****5678")
  })
  it("masks a Chinese name per character", () => {
    expect(Privacy.maskName("张三丰")).toBe("张**")
    expect(Privacy.maskName("李")).toBe("*")
  })
  it("accepts a replacement policy", () => {
    expect(Privacy.maskIdNumber("44088120141005001X", Privacy.strictIdNumberMask)).toBe("4****************X")
  })
  it("reveals only the fields a disclosure names, and only with a reason", () => {
    const disclosure = new Privacy.Disclosure({ reason: "court order 2025-17", fields: ["phone"] })
    expect(Privacy.present("13812345678", "phone", { disclosure })).toBe("13812345678")
    expect(Privacy.present("44088120141005001X", "idNumber", { disclosure })).toBe("440881********001X")
    expect(() => Schema.decodeUnknownSync(Privacy.Disclosure)({ reason: " " })).toThrow(/reason/)
  })
  it("treats everyone under 14 as a protected minor (PIPL Art. 28)", () => {
    expect(Privacy.isProtectedMinor(d("2011-09-27"), d("2025-09-26"))).toBe(true)
    expect(Privacy.isProtectedMinor(d("2011-09-26"), d("2025-09-26"))).toBe(false)
    expect(Redacted.value(Schema.decodeSync(Privacy.SensitiveString)("x"))).toBe("x")
  })
})
