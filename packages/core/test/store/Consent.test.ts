import { assert, describe, expect, it } from "@effect/vitest"
import { Aggregates, type Audit, Consent, Ids, LocalDate, Permissions, Resident, Store } from "@zhili/core"
import { Effect, Either, Redacted, TestClock } from "effect"

const tenant = "440881002001"
const date = (s: string) => LocalDate.LocalDate.make(s)
const consent = (id: string, fields: Partial<ConstructorParameters<typeof Consent.Consent>[0]> = {}): Consent.Consent =>
  new Consent.Consent({
    id,
    tenant,
    subject: "r-child",
    purpose: "minor-records",
    scope: "为开展未成年人关爱服务处理儿童的姓名、出生日期与住址",
    givenBy: { _tag: "guardian", relation: "母亲" },
    givenAt: date("2026-01-10"),
    ...fields
  })

describe("Consent.make", () => {
  it("requires a guardian for a child under 14 on the date given, and accepts a 14-year-old's own", () => {
    const child = { birthDate: date("2016-06-01") }
    const own = Consent.make({ ...consent("c1"), givenBy: { _tag: "self" } }, child)
    assert.isTrue(Either.isLeft(own))
    if (Either.isLeft(own)) {
      expect([own.left._tag, own.left.message]).toEqual([
        "GuardianRequired",
        'resident r-child is under 14: consent to "minor-records" must be given by a guardian'
      ])
    }
    assert.isTrue(Either.isRight(Consent.make(consent("c2"), child)))
    // 14 years old exactly on 2026-01-10: the person's own consent counts
    const teen = { birthDate: date("2012-01-10") }
    assert.isTrue(Either.isRight(Consent.make({ ...consent("c3"), givenBy: { _tag: "self" } }, teen)))
    // one day short of 14
    const almost = { birthDate: date("2012-01-11") }
    assert.isTrue(Either.isLeft(Consent.make({ ...consent("c4"), givenBy: { _tag: "self" } }, almost)))
  })
})

describe("Consent.check", () => {
  const ask = (consents: ReadonlyArray<Consent.Consent>, at: string, birthDate?: string) =>
    Consent.check(consents, {
      subject: "r-child",
      purpose: "minor-records",
      at: date(at),
      birthDate: birthDate === undefined ? undefined : date(birthDate)
    })
  it("finds the consent in force, and tells a missing one from a withdrawn one", () => {
    const given = consent("c1")
    expect(ask([given], "2026-01-10")).toEqual(Either.right(given))
    expect(Either.getLeft(ask([given], "2026-01-09")).pipe((o) => o._tag === "Some" && o.value._tag)).toBe(
      "ConsentMissing"
    )
    const other = consent("c2", { purpose: "health-notes" })
    const missing = ask([other, consent("c3", { subject: "r-other" })], "2026-02-01")
    assert.isTrue(Either.isLeft(missing))
    if (Either.isLeft(missing)) {
      expect([missing.left._tag, missing.left.message]).toEqual([
        "ConsentMissing",
        'no consent of resident r-child covers the purpose "minor-records"'
      ])
    }
    const withdrawn = consent("c4", { withdrawnAt: date("2026-02-01") })
    // in force the day before the withdrawal, refused from that day on
    expect(ask([withdrawn], "2026-01-31")).toEqual(Either.right(withdrawn))
    const refused = ask([withdrawn], "2026-02-01")
    assert.isTrue(Either.isLeft(refused))
    if (Either.isLeft(refused)) {
      expect([refused.left._tag, refused.left.message]).toEqual([
        "ConsentWithdrawn",
        'resident r-child withdrew consent to "minor-records" on 2026-02-01'
      ])
    }
    // a consent given again after the withdrawal is in force
    const again = consent("c5", { givenAt: date("2026-03-01") })
    expect(ask([withdrawn, again], "2026-03-02")).toEqual(Either.right(again))
  })

  it("does not count a child's own consent when the birth date is known", () => {
    const own = consent("c1", { givenBy: { _tag: "self" } })
    expect(ask([own], "2026-02-01")).toEqual(Either.right(own))
    expect(Either.isLeft(ask([own], "2026-02-01", "2016-06-01"))).toBe(true)
    expect(ask([own], "2026-02-01", "1990-01-01")).toEqual(Either.right(own))
  })

  it("knows which default purposes need consent, and presumes an unknown one does", () => {
    expect(Consent.needsConsent(Consent.defaults, "health-notes")).toBe(true)
    expect(Consent.needsConsent(Consent.defaults, "minor-records")).toBe(true)
    expect(Consent.needsConsent(Consent.defaults, "grid-management")).toBe(false)
    expect(Consent.needsConsent(Consent.defaults, "marketing")).toBe(true)
    for (const p of Consent.defaults) expect(p.source).toMatch(/^PIPL Art\. /)
  })
})

const person = (id: string, name: string, birthDate: string) =>
  Store.stored(
    new Resident.Resident({
      id: Ids.ResidentId.make(id),
      tenant: Ids.TenantId.make(tenant),
      household: Ids.HouseholdId.make("h1"),
      name: Redacted.make(name),
      birthDate: date(birthDate),
      sex: "female",
      tags: []
    }),
    { division: "440881002" }
  )

describe("consent in a guarded repository", () => {
  const worker = new Permissions.Role({
    id: "my-city/grid-worker",
    name: "网格员",
    grants: [new Permissions.Grant({ operations: ["read", "write"], aggregates: ["resident"] })]
  })
  const permissions = Permissions.make([Permissions.administrator, worker])

  it.effect("refuses a child's record without a guardian's consent or after its withdrawal, and audits it", () =>
    Effect.gen(function* () {
      yield* TestClock.setTime(Date.UTC(2026, 2, 1, 4))
      const store = yield* Store.Store
      const protection = Permissions.protection(store)
      const residents = store.repository(Aggregates.Residents)
      yield* residents.save(Store.everything, person("r-child", "李小红", "2016-06-01"), 0)
      yield* residents.save(Store.everything, person("r-adult", "王秀英", "1980-05-05"), 0)
      const as = (purpose: string, subject?: Permissions.Access["subject"]) =>
        Permissions.guard(
          residents,
          { actor: "u-7", role: "my-city/grid-worker", scope: Store.everything, purpose, subject },
          permissions,
          protection
        )
      const child = { id: "r-child", birthDate: date("2016-06-01") }
      // no consent yet: refused, and the refusal names the id and the purpose, not the child
      const missing = yield* Effect.flip(as("minor-records", child).get(tenant, "r-child"))
      expect([missing._tag, missing.message]).toEqual([
        "ConsentMissing",
        'no consent of resident r-child covers the purpose "minor-records"'
      ])
      // the child's own consent does not count
      const consents = store.repository(Aggregates.Consents)
      yield* consents.save(Store.everything, Store.stored(consent("c-own", { givenBy: { _tag: "self" } }), {}), 0)
      expect((yield* Effect.flip(as("minor-records", child).get(tenant, "r-child")))._tag).toBe("ConsentMissing")
      // the guardian's does; the subject defaults to the resident operated on
      const given = Store.stored(consent("c-mother"), {})
      yield* consents.save(Store.everything, given, 0)
      const read = yield* as("minor-records", child).get(tenant, "r-child")
      expect(read.value.id).toBe("r-child")
      yield* as("minor-records").save(Store.next(read, read.value), read.version)
      // withdrawn on 2026-02-20: refused from then on, a write changing nothing
      yield* consents.save(
        Store.everything,
        Store.next(given, consent("c-mother", { withdrawnAt: date("2026-02-20") })),
        1
      )
      const current = yield* residents.get(Store.everything, tenant, "r-child")
      expect(current.version).toBe(2)
      const withdrawn = yield* Effect.flip(as("minor-records", child).save(Store.next(current, current.value), 2))
      expect([withdrawn._tag, withdrawn.message]).toEqual([
        "ConsentWithdrawn",
        'resident r-child withdrew consent to "minor-records" on 2026-02-20'
      ])
      expect(yield* residents.get(Store.everything, tenant, "r-child")).toEqual(current)
      // an adult's own consent to health notes works; grid management needs none
      const adult = as("health-notes", { id: "r-adult", birthDate: date("1980-05-05") })
      expect((yield* Effect.flip(adult.get(tenant, "r-adult")))._tag).toBe("ConsentMissing")
      yield* consents.save(
        Store.everything,
        Store.stored(
          consent("c-adult", {
            subject: "r-adult",
            purpose: "health-notes",
            givenBy: { _tag: "self" },
            scope: "记录慢性病随访所需的健康信息"
          }),
          {}
        ),
        0
      )
      expect((yield* adult.get(tenant, "r-adult")).value.id).toBe("r-adult")
      expect((yield* as("grid-management").get(tenant, "r-child")).value.id).toBe("r-child")
      // the audit of the child's record: writes done and refusals, each with its reason and purpose
      const audit = yield* store.repository(Aggregates.AccessAudit).list(Store.everything, {
        where: { record: "r-child" }
      })
      const seen = audit.items
        .map((e: Store.Stored<Audit.Entry>) =>
          [e.value.operation, e.value.outcome, e.value.reason ?? "", e.value.purpose ?? "", e.value.at].join(" ")
        )
        .sort()
      expect(seen).toEqual([
        "get refused ConsentMissing minor-records 2026-03-01T04:00:00.000Z",
        "get refused ConsentMissing minor-records 2026-03-01T04:00:00.000Z",
        "save done   2026-03-01T04:00:00.000Z",
        "save done  minor-records 2026-03-01T04:00:00.000Z",
        "save refused ConsentWithdrawn minor-records 2026-03-01T04:00:00.000Z"
      ])
    }).pipe(Effect.provide(Store.layerMemory))
  )
})
