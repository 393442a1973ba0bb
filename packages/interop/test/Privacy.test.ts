import { describe, expect, it } from "@effect/vitest"
import { CaseCategory, Privacy } from "@zhili/core"
import { Hsds, Open311, Popolo } from "@zhili/interop"
import { CaseArbitraries, JinxiuCases, JinxiuHuajing, OperationFixtures, ServiceFixtures } from "@zhili/testing"
import { Redacted } from "effect"

/** Every redacted value held anywhere in a record tree. */
const secrets = (value: unknown, out: Set<string> = new Set(), seen: Set<unknown> = new Set()): Set<string> => {
  if (typeof value !== "object" || value === null || seen.has(value)) return out
  seen.add(value)
  if (Redacted.isRedacted(value)) {
    const raw = Redacted.value(value)
    if (typeof raw === "string") out.add(raw)
    return out
  }
  for (const v of Array.isArray(value) ? value : Object.values(value)) secrets(v, out, seen)
  return out
}

const compound = JinxiuHuajing.compound()
const cases = JinxiuCases.cases(CaseArbitraries.policy)
const nameDisclosure = new Privacy.Disclosure({ reason: "换届公示", fields: ["name"] })

describe("no raw identity number or phone in any export", () => {
  it("finds none in the Popolo, Open311 and HSDS exports of the fixtures", () => {
    const people = secrets([compound.people, compound.residents])
    const identity = [...people].filter((s) => /^\d{17}[\dX]$/.test(s))
    const phones = [...people].filter((s) => /^1\d{10}$/.test(s))
    expect(identity.length).toBeGreaterThan(1000)
    expect(phones.length).toBeGreaterThan(1000)
    const exports = [
      Popolo.document({
        units: compound.units,
        posts: compound.posts,
        holdings: compound.holdings,
        memberships: compound.memberships,
        people: compound.people,
        grids: compound.grids,
        disclosure: nameDisclosure
      }),
      Open311.services(CaseCategory.defaultCatalogue),
      Open311.requests(cases, { catalogue: CaseCategory.defaultCatalogue }),
      Open311.requests(cases, { catalogue: CaseCategory.defaultCatalogue, disclosure: nameDisclosure }),
      Hsds.bundle({ services: ServiceFixtures.services, operators: [OperationFixtures.operator] })
    ]
    const text = JSON.stringify(exports)
    const leaked = [...identity, ...phones].filter((s) => text.includes(s))
    expect(leaked).toEqual([])
  })

  it("keeps the reporters' names out of requests unless disclosed", () => {
    const names = [...secrets(cases.map((c) => c.intake.reporter))]
    expect(names.length).toBeGreaterThan(0)
    const plain = JSON.stringify(Open311.requests(cases, { catalogue: CaseCategory.defaultCatalogue }))
    expect(names.filter((n) => plain.includes(n))).toEqual([])
  })
})
