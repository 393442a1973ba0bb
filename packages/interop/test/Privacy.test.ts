import { describe, expect, it } from "@effect/vitest"
import { Case, CaseCategory, LocalDate, Privacy } from "@zhili/core"
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

/** The paths (`$.persons[3].name`) of every string in a JSON tree that contains `value`. */
const where = (tree: unknown, value: string, at = "$", out: Array<string> = []): Array<string> => {
  if (typeof tree === "string") {
    if (tree.includes(value)) out.push(at)
  } else if (Array.isArray(tree)) {
    for (const [i, v] of tree.entries()) where(v, value, `${at}[${i}]`, out)
  } else if (typeof tree === "object" && tree !== null)
    for (const [k, v] of Object.entries(tree)) where(v, value, `${at}.${k}`, out)
  return out
}

const residentSecrets = (() => {
  const raw = (r: Redacted.Redacted<string> | undefined) => (r === undefined ? [] : [Redacted.value(r)])
  const isChild = (r: (typeof compound.residents)[number]) =>
    LocalDate.ageInYears(r.birthDate, compound.asOf) < Privacy.minorAgeThreshold
  return {
    identity: compound.residents.flatMap((r) => raw(r.idNumber)),
    phones: compound.residents.flatMap((r) => raw(r.phone)),
    // children's names of three characters or more (shorter ones also occur inside longer names and labels)
    children: [...new Set(compound.residents.filter(isChild).flatMap((r) => raw(r.name)))].filter((n) => n.length >= 3),
    // the committee members' names, which a disclosure of names reveals (the generated names share one pool)
    people: new Set(compound.people.map((p) => p.displayName))
  }
})()

describe("no resident's identity number, phone or child's name in any export", () => {
  it("finds none in the Popolo (with and without a disclosure of names), Open311 and HSDS exports", () => {
    expect(residentSecrets.children.length).toBeGreaterThan(50)
    const everything = (disclosure?: Privacy.Disclosure) =>
      JSON.stringify([
        Popolo.document({
          units: compound.units,
          posts: compound.posts,
          holdings: compound.holdings,
          memberships: compound.memberships,
          people: compound.people,
          grids: compound.grids,
          ...(disclosure === undefined ? {} : { disclosure })
        }),
        Open311.requests(cases, {
          catalogue: CaseCategory.defaultCatalogue,
          ...(disclosure === undefined ? {} : { disclosure })
        }),
        Hsds.bundle({ services: ServiceFixtures.services, operators: [OperationFixtures.operator] })
      ])
    for (const [text, revealedNames] of [
      [everything(), false],
      [everything(nameDisclosure), true]
    ] as const) {
      const found = new Set([...text.matchAll(/\d{11}(?:\d{6}[\dX])?/g)].flatMap((m) => [m[0], m[0].slice(0, 11)]))
      expect(residentSecrets.identity.filter((s) => found.has(s))).toEqual([])
      expect(residentSecrets.phones.filter((s) => found.has(s))).toEqual([])
      const children = residentSecrets.children.filter((n) => !revealedNames || !residentSecrets.people.has(n))
      expect(children.filter((n) => text.includes(n))).toEqual([])
    }
  })
})

describe("explicitly revealed: a disclosed value appears exactly where the disclosure puts it", () => {
  // the fixture's identified reporters, each given a phone (139 and the case's index)
  const phoned = cases.map((c, i) => {
    const reporter = c.intake.reporter
    if (reporter?._tag !== "Identified") return c
    const phone = Redacted.make(`139${String(i).padStart(8, "0")}`)
    return new Case.Case({ ...c, intake: new Case.Intake({ ...c.intake, reporter: { ...reporter, phone } }) })
  })
  const identified = phoned.flatMap((c, i) =>
    c.intake.reporter?._tag === "Identified" ? [{ i, reporter: c.intake.reporter }] : []
  )
  const open311 = (disclosure?: Privacy.Disclosure) =>
    Open311.requests(phoned, {
      catalogue: CaseCategory.defaultCatalogue,
      ...(disclosure === undefined ? {} : { disclosure })
    })

  it("Popolo: a disclosure of names shows each person's name in their own persons[].name, nowhere else", () => {
    const input = {
      units: compound.units,
      posts: compound.posts,
      holdings: compound.holdings,
      memberships: compound.memberships,
      people: compound.people,
      grids: compound.grids
    }
    const revealed = Popolo.document({ ...input, disclosure: nameDisclosure })
    const plain = Popolo.document(input)
    const names = compound.people.map((p) => p.displayName)
    expect(names.length).toBeGreaterThan(10)
    for (const name of new Set(names)) {
      // every person whose name holds this one (a name may sit inside a longer one)
      const expected = names.flatMap((n, j) => (n.includes(name) ? [`$.persons[${j}].name`] : []))
      expect(where(revealed, name).filter((p) => p.startsWith("$.persons"))).toEqual(expected)
      expect(where(revealed.persons, name, "$.persons")).toEqual(expected)
      if (name.length >= 3) expect(where(plain, name)).toEqual([])
    }
  })

  it("Open311: a disclosure of phones reveals each identified reporter's phone in its request's phone only, names stay masked", () => {
    const phoneOnly = new Privacy.Disclosure({ reason: "办结回访核实", fields: ["phone"] })
    const withPhone = identified.filter((x) => x.reporter.phone !== undefined)
    expect(withPhone.length).toBeGreaterThan(0)
    const revealed = open311(phoneOnly)
    const phones = identified.map((x) =>
      x.reporter.phone === undefined ? undefined : Redacted.value(x.reporter.phone)
    )
    for (const { reporter } of withPhone) {
      const phone = Redacted.value(reporter.phone as Redacted.Redacted<string>)
      const expected = identified.flatMap((x, k) => (phones[k] === phone ? [`$[${x.i}].phone`] : []))
      expect(where(revealed, phone)).toEqual(expected)
      expect(where(open311(), phone)).toEqual([])
      expect(where(open311(nameDisclosure), phone)).toEqual([])
    }
    for (const { i, reporter } of identified) {
      const name = Redacted.value(reporter.name)
      expect(revealed[i]?.first_name).not.toBe(name)
    }
  })

  it("Open311: a disclosure of names reveals each reporter's name as its request's first_name only", () => {
    const revealed = open311(nameDisclosure)
    const names = identified.map((x) => Redacted.value(x.reporter.name))
    for (const name of new Set(names)) {
      const expected = identified.flatMap((x, k) =>
        (names[k] as string).includes(name) ? [`$[${x.i}].first_name`] : []
      )
      expect(where(revealed, name)).toEqual(expected)
    }
  })
})
