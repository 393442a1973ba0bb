/**
 * The encryption-at-rest suite of the `Store` port (存储加密一致性测试), run by every engine through
 * `StoreSuite.encryption(name, make)`: the stored rows hold no identity number, phone or name in clear, lookups go
 * through blind indexes, a protected minor's personal part is sealed whole, a changed ciphertext is a typed error,
 * a key rotation can stop midway and resume with everything readable, and an erasure keeps the counts.
 *
 * @since 0.1.0
 */
import { randomBytes } from "node:crypto"
import { assert, describe, it } from "@effect/vitest"
import {
  Aggregates,
  Case,
  type Cipher,
  Erasure,
  Errors,
  IdNumber,
  Ids,
  KeyProvider,
  LocalDate,
  Mediation,
  Person,
  Resident,
  Rotation,
  Store
} from "@zhili/core"
import { Effect, Either, Layer, Option, Redacted, Schema, Stream } from "effect"
import { policy } from "./CaseArbitraries.js"
import * as JinxiuCases from "./fixtures/JinxiuCases.js"

let tenants = 0
/** A tenant no other case of this run uses (8 + 11 digits after a 1: 12 digits). */
const freshTenant = (): Ids.TenantId =>
  Ids.TenantId.make(`8${String((process.pid % 1000) * 1_000_000 + ++tenants).padStart(11, "0")}`)

/** A valid identity number from its first 17 digits. */
const idNumber = (first17: string): string => first17 + Option.getOrThrow(IdNumber.checkCharacter(first17))

/** The people of the suite: their clear values, none of which may appear in a stored row. */
const people = {
  adult: { name: "王建国", id: idNumber("44088119870315002"), phone: "13912345678", birth: "1987-03-15" },
  elder: { name: "陈桂英", id: idNumber("44088119500101004"), phone: "13700001111", birth: "1950-01-01" },
  child: { name: "李小明", id: idNumber("44088120160601003"), phone: "13600002222", birth: "2016-06-01" },
  reporter: { name: "赵大妈", phone: "13555556666" }
} as const

const clearValues: ReadonlyArray<string> = [
  ...Object.values(people).flatMap((p) => [p.name, p.phone, ...("id" in p ? [p.id] : [])]),
  // the middle digits alone, as a dump search would try
  people.adult.id.slice(6, 14),
  people.adult.phone.slice(3)
]

const resident = (
  tenant: Ids.TenantId,
  n: number,
  who: { readonly name: string; readonly id: string; readonly phone: string; readonly birth: string },
  household: string,
  sex: "male" | "female"
) =>
  Store.stored(
    new Resident.Resident({
      id: Ids.ResidentId.make(`enc-r${n}`),
      tenant,
      household: Ids.HouseholdId.make(household),
      name: Redacted.make(who.name),
      birthDate: LocalDate.LocalDate.make(who.birth),
      sex,
      tags: [],
      idNumber: Redacted.make(who.id) as NonNullable<Resident.Resident["idNumber"]>,
      phone: Redacted.make(who.phone)
    }),
    { division: tenant, grid: ["g1", household === "h1" ? "m1" : "m2"] }
  )

/** Every row of an aggregate (all tenants), as stored. */
const rawRows = (store: Store.Service, aggregate: Store.AnyAggregate) =>
  Effect.gen(function* () {
    const raw = store.raw
    assert.isDefined(raw, "the store gives raw access")
    if (raw === undefined) return []
    const all: Array<Store.RawRow> = []
    let after: readonly [string, string] | undefined
    for (;;) {
      const page = yield* raw.scan(aggregate, after, 200)
      all.push(...page)
      const last = page[page.length - 1]
      if (last === undefined || page.length < 200) return all
      after = [last.tenant, last.id]
    }
  })

/** The text of a raw row: every column and every event, as a dump of the database would show them. */
const dumpOf = (r: Store.RawRow): string =>
  [
    r.tenant,
    r.id,
    r.nkey ?? "",
    ...r.fields.map((f) => String(f ?? "")),
    r.record,
    ...r.events.map((e) => e.event)
  ].join("\n")

/** The envelope of a raw record JSON with one character of its body changed. */
const tamper = (record: string): string => {
  const parsed = JSON.parse(record) as Record<string, unknown>
  const envelope = String(parsed.$sealed)
  const at = envelope.length - 10
  const c = envelope[at] === "A" ? "B" : "A"
  parsed.$sealed = envelope.slice(0, at) + c + envelope.slice(at + 1)
  return JSON.stringify(parsed)
}

const key = (id: string, algorithm: Cipher.Algorithm): Cipher.Key => ({ id, algorithm, secret: randomBytes(32) })

/**
 * Registers the encryption suite under `describe("Store encryption: <name>")`. `make` builds the store under test
 * over a database of its own (shared by the suite's cases, and by no other suite), with the keys it is given.
 *
 * @since 0.1.0
 * @category suites
 */
export const suite = <E>(
  name: string,
  make: (keys: Layer.Layer<KeyProvider.KeyProvider, KeyProvider.KeyError>) => Layer.Layer<Store.Store, E>,
  options: { readonly algorithm?: Cipher.Algorithm | undefined } = {}
): void => {
  const algorithm = options.algorithm ?? "aes-256-gcm"
  const code = algorithm === "aes-256-gcm" ? "a256gcm" : "sm4ctr-hsm3"
  const k1 = key("k1", algorithm)
  const k2 = key("k2", algorithm)
  const index: Cipher.IndexKey = { id: "ix", algorithm, secret: randomBytes(32) }
  // the keyring the provider answers now: a rotation changes it, as a KMS would
  let keyring: KeyProvider.Keyring = { current: k1, keys: [k1], index }
  const provider = Layer.succeed(KeyProvider.KeyProvider, { keyring: Effect.sync(() => keyring) })

  describe(`Store encryption (${algorithm}): ${name}`, () => {
    it.layer(make(provider), { timeout: 120_000 })((it) => {
      it.effect("keeps no identity number, phone or name in clear in any stored row, and reads them back", () =>
        Effect.gen(function* () {
          const store = yield* Store.Store
          const tenant = freshTenant()
          const residents = store.repository(Aggregates.Residents)
          const saved = [
            resident(tenant, 1, people.adult, "h1", "male"),
            resident(tenant, 2, people.child, "h1", "male")
          ]
          for (const r of saved) yield* residents.save(Store.everything, r, 0)
          // the import path too: rows that are already encoded records are sealed, not stored as they came
          const imported = resident(tenant, 3, people.elder, "h2", "female")
          const report = yield* residents.import(
            Stream.make(Schema.encodeSync(Aggregates.Residents.schema)(imported)),
            { scope: Store.everything, policy: "abort" }
          )
          assert.strictEqual(report.written, 1)
          yield* store.repository(Aggregates.People).save(
            Store.everything,
            Store.stored(
              new Person.Person({
                id: Ids.PersonId.make("enc-p1"),
                tenant,
                displayName: "网格员甲",
                idNumber: Redacted.make(people.adult.id) as never,
                phone: Redacted.make(people.adult.phone)
              }),
              { division: tenant }
            ),
            0
          )
          // a case whose reporter left a name and a phone: the record and every event of its log
          const cases = store.repository(Aggregates.Cases)
          const history = (JinxiuCases.histories[0] ?? []).map(
            (e): Case.Event =>
              e._tag === "Reported"
                ? {
                    ...e,
                    intake: new Case.Intake({
                      ...e.intake,
                      tenant,
                      reporter: {
                        _tag: "Identified",
                        name: Redacted.make(people.reporter.name),
                        phone: Redacted.make(people.reporter.phone)
                      }
                    })
                  }
                : e
          )
          let read: Store.Stored<Case.Case> | undefined
          for (let i = 1; i <= history.length; i++) {
            const folded = Either.getOrThrow(Case.fold(history.slice(0, i), policy))
            const next =
              read === undefined
                ? Store.stored(folded, { division: tenant, grid: [folded.intake.location.grid] })
                : Store.next(read, folded)
            yield* cases.saveWithEvents(Store.everything, next, read?.version ?? 0, history.slice(i - 1, i))
            read = yield* cases.get(Store.everything, tenant, folded.id)
          }
          for (const aggregate of [Aggregates.Residents, Aggregates.People, Aggregates.Cases]) {
            const rows = (yield* rawRows(store, aggregate)).filter((r) => r.tenant === tenant)
            assert.isAbove(rows.length, 0, aggregate.name)
            for (const r of rows) {
              const dump = dumpOf(r)
              for (const v of clearValues) assert.notInclude(dump, v, `${aggregate.name} ${r.id}`)
              assert.include(r.record, `"$sealed":"zh1:k1:${code}:`, `${aggregate.name} ${r.id} is sealed`)
            }
          }
          const caseRow = (yield* rawRows(store, Aggregates.Cases)).find((r) => r.tenant === tenant)
          assert.strictEqual(caseRow?.events.length, history.length)
          assert.include(caseRow?.events[0]?.event ?? "", `"$sealed":"zh1:k1:${code}:`)
          // read back whole
          const back = yield* residents.get(Store.everything, tenant, "enc-r1")
          assert.strictEqual(Redacted.value(back.value.name), people.adult.name)
          assert.strictEqual(Redacted.value(back.value.idNumber as Redacted.Redacted<string>), people.adult.id)
          assert.strictEqual(Redacted.value(back.value.phone as Redacted.Redacted<string>), people.adult.phone)
          const elder = yield* residents.get(Store.everything, tenant, "enc-r3")
          assert.strictEqual(Redacted.value(elder.value.phone as Redacted.Redacted<string>), people.elder.phone)
          const log = yield* cases.events(Store.everything, tenant, read?.value.id ?? "")
          const first = log[0]?.event
          assert.isTrue(
            first?._tag === "Reported" &&
              first.intake.reporter?._tag === "Identified" &&
              Redacted.value(first.intake.reporter.name) === people.reporter.name
          )
        })
      )

      it.effect(
        "finds residents by identity number and phone through the blind index; one identity number is one resident",
        () =>
          Effect.gen(function* () {
            const residents = yield* Store.repository(Aggregates.Residents)
            const tenant = freshTenant()
            yield* residents.save(Store.everything, resident(tenant, 1, people.adult, "h1", "male"), 0)
            yield* residents.save(Store.everything, resident(tenant, 2, people.elder, "h2", "female"), 0)
            const byId = yield* residents.list(Store.everything, { tenant, where: { id_number: people.adult.id } })
            assert.deepStrictEqual(
              byId.items.map((r) => r.value.id),
              ["enc-r1"]
            )
            // the phone as people type it: spaces, dashes, +86
            const byPhone = yield* residents.list(Store.everything, { tenant, where: { phone: "+86 137-0000-1111" } })
            assert.deepStrictEqual(
              byPhone.items.map((r) => r.value.id),
              ["enc-r2"]
            )
            const counted = yield* residents.count(Store.everything, {
              tenant,
              where: { id_number: [people.adult.id, people.elder.id] }
            })
            assert.deepStrictEqual(counted, [{ key: [], count: 2 }])
            const none = yield* residents.list(Store.everything, { tenant, where: { id_number: people.child.id } })
            assert.strictEqual(none.total, 0)
            // another record with the adult's identity number, in another household
            const twin = resident(tenant, 9, { ...people.adult, name: "王建国2" }, "h2", "male")
            const refused = yield* Effect.flip(residents.save(Store.everything, twin, 0))
            assert.instanceOf(refused, Errors.InvalidInput)
            assert.strictEqual((refused as Errors.InvalidInput).code, "store/duplicate-natural-key")
            for (const v of clearValues) assert.notInclude(refused.message, v)
            assert.strictEqual((yield* residents.list(Store.everything, { tenant })).total, 2)
          })
      )

      it.effect("seals the whole personal part of a child under 14 and leaves its sex column empty", () =>
        Effect.gen(function* () {
          const store = yield* Store.Store
          const residents = store.repository(Aggregates.Residents)
          const tenant = freshTenant()
          yield* residents.save(Store.everything, resident(tenant, 1, people.adult, "h1", "male"), 0)
          yield* residents.save(Store.everything, resident(tenant, 2, people.child, "h1", "male"), 0)
          const rows = (yield* rawRows(store, Aggregates.Residents)).filter((r) => r.tenant === tenant)
          const adult = rows.find((r) => r.id === "enc-r1")
          const child = rows.find((r) => r.id === "enc-r2")
          // household, sex, id_number, phone
          assert.include(adult?.record ?? "", `"birthDate":"${people.adult.birth}"`)
          assert.strictEqual(adult?.fields[1], "male")
          assert.notInclude(child?.record ?? "", people.child.birth)
          assert.notInclude(child?.record ?? "", "birthDate")
          assert.notInclude(child?.record ?? "", "male")
          assert.strictEqual(child?.fields[1], null)
          assert.strictEqual(child?.fields[0], "h1")
          const back = yield* residents.get(Store.everything, tenant, "enc-r2")
          assert.strictEqual(back.value.birthDate as string, people.child.birth)
          assert.strictEqual(back.value.sex, "male")
          const bySex = yield* residents.count(Store.everything, { tenant, groupBy: ["sex"] })
          assert.deepStrictEqual(bySex, [
            { key: [null], count: 1 },
            { key: ["male"], count: 1 }
          ])
        })
      )

      it.effect("fails with a typed error naming the record, not garbage, when a ciphertext was changed", () =>
        Effect.gen(function* () {
          const store = yield* Store.Store
          const raw = store.raw
          assert.isDefined(raw)
          if (raw === undefined) return
          const residents = store.repository(Aggregates.Residents)
          const tenant = freshTenant()
          yield* residents.save(Store.everything, resident(tenant, 1, people.adult, "h1", "male"), 0)
          const row = (yield* rawRows(store, Aggregates.Residents)).find((r) => r.tenant === tenant)
          assert.isDefined(row)
          if (row === undefined) return
          const changed: Store.Row = {
            tenant: row.tenant,
            id: row.id,
            version: row.version,
            division: null,
            org: null,
            grid: null,
            nkey: row.nkey,
            fields: row.fields,
            record: tamper(row.record)
          }
          assert.isTrue(yield* raw.rewrite(Aggregates.Residents, row, { row: changed, events: [] }))
          const error = yield* Effect.flip(residents.get(Store.everything, tenant, "enc-r1"))
          assert.strictEqual(error._tag, "StoreError")
          const cause = (error as Store.StoreError).cause as Cipher.CipherError
          assert.strictEqual(cause._tag, "CipherError")
          assert.strictEqual(cause.reason, "tampered")
          assert.include(error.message, "resident enc-r1 record: the ciphertext failed authentication (key k1)")
          for (const v of clearValues) assert.notInclude(error.message, v)
          const listed = yield* Effect.flip(residents.list(Store.everything, { tenant }))
          assert.strictEqual(listed._tag, "StoreError")
          // put the row back as it was, for the rotation case
          const now = (yield* rawRows(store, Aggregates.Residents)).find((r) => r.tenant === tenant)
          assert.isTrue(
            yield* raw.rewrite(Aggregates.Residents, now as Store.RawRow, {
              row: { ...changed, record: row.record },
              events: []
            })
          )
          assert.strictEqual((yield* residents.get(Store.everything, tenant, "enc-r1")).value.id, "enc-r1")
        })
      )

      it.effect(
        "rotates to a new key: stopped midway everything stays readable, resumed it finishes, the old key retires",
        () =>
          Effect.gen(function* () {
            const store = yield* Store.Store
            const residents = store.repository(Aggregates.Residents)
            const tenant = freshTenant()
            for (let n = 1; n <= 12; n++) {
              yield* residents.save(
                Store.everything,
                resident(
                  tenant,
                  n,
                  { ...people.adult, id: idNumber(`44088119870315${String(500 + n)}`), name: `居民${n}` },
                  "h1",
                  "male"
                ),
                0
              )
            }
            const aggregates = [Aggregates.People, Aggregates.Residents, Aggregates.Cases]
            keyring = { current: k2, keys: [k1, k2], index }
            const checkpoints: Array<Rotation.Checkpoint> = []
            const progress: Array<number> = []
            // the job is stopped (as a kill would) after its fourth page
            const stopped = yield* Effect.flip(
              Rotation.run(store, {
                aggregates,
                pageSize: 3,
                onCheckpoint: (c) =>
                  checkpoints.length === 4
                    ? Effect.fail(new Store.StoreError({ operation: "rotate", entity: "test", reason: "killed" }))
                    : Effect.sync(() => {
                        checkpoints.push(c)
                      }),
                onProgress: (p) => Effect.sync(() => progress.push(p.scanned))
              })
            )
            assert.strictEqual(stopped.reason, "killed")
            const midway = yield* Rotation.keysInUse(store, aggregates)
            assert.isAbove(midway.get("k1") ?? 0, 0, "old-key rows are left")
            assert.isAbove(midway.get("k2") ?? 0, 0, "new-key rows are written")
            // everything readable, old and new
            const all = yield* residents.list(Store.everything, { tenant, limit: 100 })
            assert.strictEqual(all.total, 12)
            const resumed = yield* Rotation.run(store, {
              aggregates,
              pageSize: 3,
              from: checkpoints[checkpoints.length - 1],
              onProgress: (p) => Effect.sync(() => progress.push(p.scanned))
            })
            assert.isAbove(resumed.rewritten, 0)
            for (let i = 1; i < progress.length; i++) assert.isTrue((progress[i] as number) >= 0)
            const after = yield* Rotation.keysInUse(store, aggregates)
            assert.deepStrictEqual([...after.keys()], ["k2"])
            // the old key retired: the store still reads every row
            keyring = { current: k2, keys: [k2], index }
            const again = yield* Rotation.run(store, { aggregates })
            assert.strictEqual(again.rewritten, 0)
            const reread = yield* residents.list(Store.everything, { tenant, limit: 100 })
            assert.deepStrictEqual(
              reread.items.map((r) => Redacted.value(r.value.name)).sort(),
              Array.from({ length: 12 }, (_, i) => `居民${i + 1}`).sort()
            )
            const byId = yield* residents.list(Store.everything, {
              tenant,
              where: { id_number: idNumber("44088119870315507") }
            })
            assert.deepStrictEqual(
              byId.items.map((r) => r.value.id),
              ["enc-r7"]
            )
          })
      )

      it.effect("erases a resident's personal fields and keeps every count", () =>
        Effect.gen(function* () {
          const store = yield* Store.Store
          const residents = store.repository(Aggregates.Residents)
          const tenant = freshTenant()
          yield* residents.save(Store.everything, resident(tenant, 1, people.adult, "h1", "male"), 0)
          yield* residents.save(Store.everything, resident(tenant, 2, people.child, "h1", "male"), 0)
          yield* residents.save(Store.everything, resident(tenant, 3, people.elder, "h2", "female"), 0)
          const on = LocalDate.LocalDate.make("2025-06-30")
          /** The "一老一小" figures and counts per household and per grid, as a report shows them. */
          const report = Effect.gen(function* () {
            const listed = yield* residents.list(Store.everything, { tenant })
            const figures = Resident.oldAndYoung(
              {
                residents: listed.items.map((r) => r.value),
                households: [
                  { id: Ids.HouseholdId.make("h1"), building: "b1" },
                  { id: Ids.HouseholdId.make("h2"), building: "b2" }
                ],
                grids: []
              },
              on
            )
            return {
              unassigned: figures.unassigned,
              perHousehold: yield* residents.count(Store.everything, { tenant, groupBy: ["household"] }),
              perGrid: yield* residents.count(Store.everything, { tenant, groupBy: [{ grid: 2 }] })
            }
          })
          const expected = {
            unassigned: { residents: 3, elderly: 1, children: 1 },
            perHousehold: [
              { key: ["h1"], count: 2 },
              { key: ["h2"], count: 1 }
            ],
            perGrid: [
              { key: [["g1", "m1"]], count: 2 },
              { key: [["g1", "m2"]], count: 1 }
            ]
          }
          assert.deepStrictEqual(yield* report, expected)
          const erased = yield* Erasure.eraseResident(residents, Store.everything, tenant, "enc-r3")
          assert.isTrue(Erasure.isErased(erased.value))
          assert.deepStrictEqual(yield* report, expected)
          const row = (yield* rawRows(store, Aggregates.Residents)).find(
            (r) => r.tenant === tenant && r.id === "enc-r3"
          )
          for (const v of [people.elder.name, people.elder.id, people.elder.phone]) {
            assert.notInclude(dumpOf(row as Store.RawRow), v)
          }
          // household, sex, id_number, phone: no index of the erased values is left
          assert.deepStrictEqual(row?.fields.slice(2), [null, null])
          const found = yield* residents.list(Store.everything, { tenant, where: { id_number: people.elder.id } })
          assert.strictEqual(found.total, 0)
          const back = yield* residents.get(Store.everything, tenant, "enc-r3")
          assert.strictEqual(Redacted.value(back.value.name), Resident.erasedName)
          assert.strictEqual(back.value.birthDate as string, people.elder.birth)
        })
      )

      it.effect(
        "erases a resident from the case they reported and the mediation they are a party to, keeping every count",
        () =>
          Effect.gen(function* () {
            const store = yield* Store.Store
            const tenant = freshTenant()
            const residents = store.repository(Aggregates.Residents)
            const cases = store.repository(Aggregates.Cases)
            const mediations = store.repository(Aggregates.Mediations)
            yield* residents.save(Store.everything, resident(tenant, 1, people.adult, "h1", "male"), 0)
            const me = Ids.ResidentId.make("enc-r1")
            // dispute 1 of the seed year, reported by the resident, who is also the applicant of its mediation
            const history = JinxiuCases.histories.find(
              (h) => h[0]?._tag === "Reported" && h[0].intake.id === "jx-dis-01"
            )
            assert.isDefined(history)
            const events = (history ?? []).map(
              (e): Case.Event =>
                e._tag === "Reported"
                  ? {
                      ...e,
                      intake: new Case.Intake({
                        ...e.intake,
                        tenant,
                        reporter: {
                          _tag: "Identified",
                          name: Redacted.make(people.adult.name),
                          phone: Redacted.make(people.adult.phone),
                          resident: me
                        }
                      })
                    }
                  : e
            )
            const folded = Either.getOrThrow(Case.fold(events, policy))
            yield* cases.saveWithEvents(
              Store.everything,
              Store.stored(folded, { division: tenant, grid: [folded.intake.location.grid] }),
              0,
              events
            )
            const seedMediation = JinxiuCases.mediations[0] as Mediation.Mediation
            const mediation = new Mediation.Mediation({
              ...seedMediation,
              tenant,
              parties: [
                new Mediation.Party({ role: "applicant", name: Redacted.make(people.adult.name), resident: me }),
                ...seedMediation.parties.filter((p) => p.role !== "applicant")
              ]
            })
            yield* mediations.save(Store.everything, Store.stored(mediation, { division: tenant }), 0)
            /** What a report of the tenant shows: cases per status and kind, mediations and their outcomes. */
            const report = Effect.gen(function* () {
              const listed = yield* mediations.list(Store.everything, { tenant })
              return {
                cases: yield* cases.count(Store.everything, { tenant, groupBy: ["status", "kind"] }),
                events: (yield* cases.events(Store.everything, tenant, "jx-dis-01")).length,
                mediations: listed.total,
                agreed: listed.items.filter((m) => Mediation.isSuccess(m.value)).length,
                parties: listed.items.flatMap((m) => m.value.parties.map((p): string => p.role))
              }
            })
            const expected = {
              cases: [{ key: ["closed", "dispute"], count: 1 }],
              events: 8,
              mediations: 1,
              agreed: 1,
              parties: ["applicant", "respondent"]
            }
            assert.deepStrictEqual(yield* report, expected)
            const done = yield* Erasure.erase(store, Store.everything, tenant, "enc-r1", {
              by: { actor: "dpo-1", role: "administrator", purpose: "erasure-request" }
            })
            assert.deepStrictEqual(
              [done.rewritten, done.outOfScope],
              [{ case: ["jx-dis-01"], mediation: ["jx-med-01"] }, 0]
            )
            assert.deepStrictEqual(yield* report, expected)
            // the reporter and the party keep their links, not their name or phone
            const c = yield* cases.get(Store.everything, tenant, "jx-dis-01")
            const reporter = c.value.intake.reporter
            assert.deepStrictEqual(
              reporter?._tag === "Identified"
                ? [Redacted.value(reporter.name), reporter.phone === undefined, reporter.resident]
                : [],
              [Resident.erasedName, true, "enc-r1"]
            )
            assert.strictEqual(c.version, 2)
            const log = yield* cases.events(Store.everything, tenant, "jx-dis-01")
            const first = log[0]?.event
            assert.deepStrictEqual(
              first?._tag === "Reported" && first.intake.reporter?._tag === "Identified"
                ? Redacted.value(first.intake.reporter.name)
                : "",
              Resident.erasedName
            )
            const m = yield* mediations.get(Store.everything, tenant, "jx-med-01")
            assert.deepStrictEqual(
              m.value.parties.map((p) => [p.role, Redacted.value(p.name)]),
              [
                ["applicant", Resident.erasedName],
                ["respondent", "被申请人1"]
              ]
            )
            // nothing of the person is left in the stored rows, and each rewrite is in the access audit
            for (const a of [Aggregates.Cases, Aggregates.Mediations, Aggregates.Residents]) {
              for (const r of (yield* rawRows(store, a)).filter((x) => x.tenant === tenant)) {
                for (const v of [people.adult.name, people.adult.phone, people.adult.id])
                  assert.notInclude(dumpOf(r), v)
              }
            }
            const audit = yield* store
              .repository(Aggregates.AccessAudit)
              .list(Store.everything, { tenant, where: { actor: "dpo-1" } })
            assert.deepStrictEqual(
              audit.items.map((e) => `${e.value.operation} ${e.value.aggregate} ${e.value.record}`).sort(),
              ["erase case jx-dis-01", "erase mediation jx-med-01", "save resident enc-r1"]
            )
          })
      )
    })
  })
}
