/**
 * The conformance suite of the `Store` port (存储一致性测试): every store adapter runs it with one line —
 * `StoreSuite.suite("sqlite", layer)` — and must pass all of it. A capability an adapter lacks is declared in
 * `options.lacks` with a reason; its cases are reported as skipped with that reason, never silently.
 *
 * @since 0.1.0
 */
import { assert, describe, it } from "@effect/vitest"
import {
  Aggregates,
  Audit,
  Case,
  type Cipher,
  Errors,
  Finding,
  Fund,
  Ids,
  type KeyProvider,
  LocalDate,
  Money,
  Permissions,
  Resident,
  Store
} from "@zhili/core"
import { Arbitrary, Effect, Either, Exit, FastCheck, type Layer, Redacted, Ref, Schema, Stream } from "effect"
import * as fc from "fast-check"
import { policy } from "./CaseArbitraries.js"
import * as EncryptionSuite from "./EncryptionSuite.js"
import * as JinxiuCases from "./fixtures/JinxiuCases.js"
import * as OperationFixtures from "./fixtures/Operations.js"
import { skipped } from "./Servers.js"
import { samples } from "./StoreSamples.js"

const Tenant = Ids.TenantId
const Code = Schema.String.pipe(Schema.pattern(/^[A-Z]{2}-[0-9]{1,6}$/))
const NoteId = Schema.String.pipe(Schema.pattern(/^n[0-9a-z]{1,12}$/))
const Segment = Schema.String.pipe(Schema.pattern(/^[a-c_]{1,2}$/))
const DivisionString = Schema.String.pipe(Schema.pattern(/^44088[12](00[23](00[12])?)?$/))

/**
 * A small aggregate the suite stores: a note with a natural key (`code`), two filterable fields and a location.
 *
 * @since 0.1.0
 * @category fixtures
 */
export class Note extends Schema.Class<Note>("@zhili/testing/Note")({
  tenant: Tenant,
  id: NoteId,
  version: Schema.Int.pipe(Schema.between(0, 1_000_000)),
  code: Code,
  kind: Schema.Literal("request", "dispute", "service"),
  size: Schema.Int.pipe(Schema.between(-1_000_000, 1_000_000)),
  label: Schema.String,
  division: Schema.optional(DivisionString),
  org: Schema.optional(Schema.Array(Segment)),
  grid: Schema.optional(Schema.Array(Segment))
}) {}

const locationOf = (r: {
  readonly division?: string | undefined
  readonly org?: ReadonlyArray<string> | undefined
  readonly grid?: ReadonlyArray<string> | undefined
}): Store.Location => ({
  ...(r.division !== undefined ? { division: r.division } : {}),
  ...(r.org !== undefined ? { org: r.org } : {}),
  ...(r.grid !== undefined ? { grid: r.grid } : {})
})

/**
 * The storage descriptor of {@link Note}: deletable, natural key `code`, fields `kind` and `size`.
 *
 * @since 0.1.0
 * @category fixtures
 */
export const NoteAggregate: Store.Aggregate<Note, typeof Note.Encoded, "kind" | "size"> = Store.aggregate({
  name: "test_note",
  schema: Note,
  tenant: (n) => n.tenant,
  id: (n) => n.id,
  version: (n) => n.version,
  location: locationOf,
  naturalKey: (n) => n.code,
  fields: [
    { name: "kind", type: "string", get: (n: Note) => n.kind },
    { name: "size", type: "number", get: (n: Note) => n.size }
  ],
  deletable: true
})

/**
 * The events of a {@link Tally}.
 *
 * @since 0.1.0
 * @category fixtures
 */
export const TallyEvent = Schema.Union(
  Schema.TaggedStruct("Added", { n: Schema.Int }),
  Schema.TaggedStruct("Reset", {})
)
/**
 * @since 0.1.0
 * @category fixtures
 */
export type TallyEvent = typeof TallyEvent.Type

/**
 * An event-sourced aggregate the suite stores: a running total whose state is the fold of its events.
 *
 * @since 0.1.0
 * @category fixtures
 */
export class Tally extends Schema.Class<Tally>("@zhili/testing/Tally")({
  tenant: Tenant,
  id: NoteId,
  version: Schema.Int,
  total: Schema.Int,
  division: Schema.optional(DivisionString)
}) {}

/**
 * The state of a tally after its events (the fold the event log must reproduce).
 *
 * @since 0.1.0
 * @category fixtures
 */
export const foldTally = (start: Tally, events: ReadonlyArray<TallyEvent>): Tally => {
  let version = start.version
  let total = start.total
  for (const e of events) {
    version += 1
    total = e._tag === "Added" ? total + e.n : 0
  }
  return new Tally({ ...start, version, total })
}

/**
 * The storage descriptor of {@link Tally}: not deletable, with an event log.
 *
 * @since 0.1.0
 * @category fixtures
 */
export const TallyAggregate: Store.Aggregate<
  Tally,
  typeof Tally.Encoded,
  never,
  TallyEvent,
  typeof TallyEvent.Encoded
> = Store.aggregate({
  name: "test_tally",
  schema: Tally,
  tenant: (t) => t.tenant,
  id: (t) => t.id,
  version: (t) => t.version,
  location: locationOf,
  events: TallyEvent
})

/**
 * The aggregates a store under test must hold besides the domain's: {@link NoteAggregate} and
 * {@link TallyAggregate}. Pass them to the SQL store's layer.
 *
 * @since 0.1.0
 * @category fixtures
 */
export const aggregates: ReadonlyArray<Store.AnyAggregate> = [...Aggregates.all, NoteAggregate, TallyAggregate]

/**
 * Capabilities a store may lack, each with the reason it gives.
 *
 * @since 0.1.0
 * @category models
 */
export type Capability = "concurrency" | "migrations" | "import" | "events"

/**
 * Options of the suite: the aggregates to round-trip (default {@link aggregates}), and the capabilities the adapter
 * lacks with a reason for each.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly aggregates?: ReadonlyArray<Store.AnyAggregate> | undefined
  readonly lacks?: Partial<Record<Capability, string>> | undefined
}

let tenants = 0
/** A tenant no other case of this run uses (9 + 11 digits). */
const freshTenant = (): Ids.TenantId =>
  Ids.TenantId.make(`9${String((process.pid % 1000) * 1_000_000 + ++tenants).padStart(11, "0")}`)

const note = (tenant: Ids.TenantId, i: number, extra: Partial<Note> = {}): Note =>
  new Note({
    tenant,
    id: `n${String(i).padStart(4, "0")}`,
    version: 1,
    code: `NK-${i}`,
    kind: (["request", "dispute", "service"] as const)[i % 3] ?? "request",
    size: i,
    label: `note ${i} 便民`,
    division: "440881002001",
    ...extra
  })

/** `error` is the `NotFoundOrNotPermitted` of `entity` `id`: what a read of a hidden record gives. */
const isNotPermitted = (error: { readonly _tag: string; readonly message: string }, entity: string, id: string) =>
  assert.deepStrictEqual(
    [error._tag, error.message],
    ["NotFoundOrNotPermitted", `${entity} ${id}: not found or not permitted`]
  )

const encodedJson = <A, I>(schema: Schema.Schema<A, I>) => {
  const encode = Schema.encodeSync(schema)
  return (a: A) => JSON.stringify(encode(a))
}

const grantArb: fc.Arbitrary<Store.Scope["grants"][number]> = fc.record(
  {
    division: fc.constantFrom("440881", "440882", "440881002", "440881003", "440881002001"),
    org: fc.array(fc.constantFrom("a", "b", "c", "_"), { minLength: 1, maxLength: 2 }),
    grid: fc.array(fc.constantFrom("a", "b", "_a"), { minLength: 1, maxLength: 2 })
  },
  { requiredKeys: [] }
)

const scopeArb: fc.Arbitrary<Store.Scope> = fc.array(grantArb, { maxLength: 3 }).map((grants) => ({ grants }))

const placeArb = fc.record(
  {
    division: fc.constantFrom("440881002001", "440881003001", "440882002001", "440881002"),
    org: fc.array(fc.constantFrom("a", "b", "c", "_", "ab"), { maxLength: 3 }),
    grid: fc.array(fc.constantFrom("a", "b", "_a", "a_"), { maxLength: 3 })
  },
  { requiredKeys: [] }
)

const wideScopeArb: fc.Arbitrary<Store.Scope> = fc.constantFrom(
  { grants: [{ division: "440881002" }] },
  { grants: [{ grid: ["a"] }] },
  { grants: [{ org: ["a"] }, { division: "440882" }] },
  { grants: [{ division: "440881", grid: ["b"] }] }
)

/**
 * Registers the conformance suite for a store layer under `describe("Store conformance: <name>")`.
 *
 * @since 0.1.0
 * @category suites
 */
export const suite = <E>(name: string, layer: Layer.Layer<Store.Store, E>, options: Options = {}): void => {
  describe(`Store conformance: ${name}`, () => {
    const lacks = options.lacks ?? {}
    const registered = options.aggregates ?? aggregates
    const needs = (capability: Capability, ctx: { readonly skip: (note?: string) => never }) => {
      const reason = lacks[capability]
      if (reason !== undefined) {
        console.warn(`[StoreSuite ${name}] skipped: ${capability} — ${reason}`)
        ctx.skip(`${name} lacks ${capability}: ${reason}`)
      }
    }

    it.layer(layer, { timeout: 120_000 })((it) => {
      it.effect(
        "round-trips the seed samples of every registered domain aggregate through save and get",
        () =>
          Effect.gen(function* () {
            const store = yield* Store.Store
            const groups = samples()
            for (const a of registered.filter((x) => Aggregates.all.includes(x))) {
              const group = groups.find((g) => g.aggregate.name === a.name)
              assert.isTrue(group !== undefined && group.records.length > 0, `${a.name} has samples`)
            }
            for (const g of groups) {
              if (!registered.includes(g.aggregate)) continue
              const a = g.aggregate
              const repo = store.repository(a)
              const json = encodedJson(a.schema)
              for (const [i, r] of g.records.slice(0, 20).entries()) {
                const current = yield* repo.get(Store.everything, a.tenant(r), a.id(r)).pipe(
                  Effect.map((x) => a.version(x)),
                  Effect.catchTag("NotFoundOrNotPermitted", () => Effect.succeed(0))
                )
                const record = { ...r, version: current + 1 }
                yield* repo.save(Store.everything, record, current)
                const back = yield* repo.get(Store.everything, a.tenant(r), a.id(r))
                assert.strictEqual(json(back), json(record), `${a.name} ${a.id(r)} round-trip`)
                if (i > 2) continue
                const listed = yield* repo.list({ grants: [a.location(r)] }, { tenant: a.tenant(r), limit: 10_000 })
                assert.isTrue(
                  listed.items.some((x) => a.id(x) === a.id(r)),
                  `${a.name} ${a.id(r)} listed at its location`
                )
              }
            }
          }),
        300_000
      )

      it.effect(
        "imports the seed samples of every registered domain aggregate as encoded rows and reads the same records back",
        (ctx) =>
          Effect.gen(function* () {
            needs("import", ctx)
            const store = yield* Store.Store
            for (const g of samples()) {
              if (!registered.includes(g.aggregate)) continue
              const a = g.aggregate
              const repo = store.repository(a)
              const encode = Schema.encodeSync(a.schema)
              const json = encodedJson(a.schema)
              const records = g.records.slice(0, 20)
              // every other row carries properties outside the schema, at the top and inside the value: ignored
              const rows = records.map((r, i) => {
                const e = encode(r) as { readonly value: unknown }
                return i % 2 === 0
                  ? e
                  : {
                      ...e,
                      importedFrom: "sheet 1",
                      value: typeof e.value === "object" && e.value !== null ? { ...e.value, remark: "x" } : e.value
                    }
              })
              if (a.appendOnly === true) {
                // saved by the round trip above: an import never replaces a record of an append-only aggregate
                const refused = yield* repo.import(Stream.fromIterable(rows), {
                  scope: Store.everything,
                  policy: "skip",
                  batchSize: 7
                })
                assert.deepStrictEqual(
                  [refused.written, refused.rejected.map((x) => x.message)],
                  [
                    0,
                    records.map(
                      (r, i) =>
                        `${a.name} row ${i + 1} rejected: store/append-only at ${a.name}.${a.id(r)}: ` +
                        `${a.name} records are append-only: a stored record is never replaced`
                    )
                  ],
                  `${a.name} rows refused`
                )
                continue
              }
              const report = yield* repo.import(Stream.fromIterable(rows), {
                scope: Store.everything,
                policy: "abort",
                batchSize: 7
              })
              assert.strictEqual(report.rejected.length, 0, `${a.name} rows accepted`)
              for (const r of records) {
                const back = yield* repo.get(Store.everything, a.tenant(r), a.id(r))
                assert.strictEqual(json(back), json(r), `${a.name} ${a.id(r)} imported as it was encoded`)
              }
            }
          }),
        300_000
      )

      it.effect("stores a case as the fold of its event log, transition by transition (saveWithEvents)", (ctx) =>
        Effect.gen(function* () {
          needs("events", ctx)
          const repo = yield* Store.repository(Aggregates.Cases)
          const history = JinxiuCases.histories[0] ?? []
          const tenant = freshTenant()
          const retarget = (e: Case.Event): Case.Event =>
            e._tag === "Reported"
              ? { ...e, intake: new Case.Intake({ ...e.intake, tenant: tenant as Ids.TenantId }) }
              : e
          const events = history.map(retarget)
          let read: Store.Stored<Case.Case> | undefined
          for (let i = 1; i <= events.length; i++) {
            const folded = Either.getOrThrow(Case.fold(events.slice(0, i), policy))
            const location = { division: tenant, grid: [folded.intake.location.grid] }
            const next = read === undefined ? Store.stored(folded, location) : Store.next(read, folded)
            yield* repo.saveWithEvents(Store.everything, next, read?.version ?? 0, events.slice(i - 1, i))
            read = yield* repo.get(Store.everything, tenant, folded.id)
          }
          assert.isDefined(read)
          if (read === undefined) return
          const log = yield* repo.events(Store.everything, tenant, read.value.id)
          assert.strictEqual(log.length, events.length)
          const refolded = Either.getOrThrow(
            Case.fold(
              log.map((e) => e.event),
              policy
            )
          )
          assert.strictEqual(
            JSON.stringify(Schema.encodeSync(Case.Case)(refolded)),
            JSON.stringify(Schema.encodeSync(Case.Case)(read.value))
          )
          const stale = yield* Effect.flip(
            repo.saveWithEvents(Store.everything, Store.next(read, read.value), read.version - 1, [])
          )
          assert.instanceOf(stale, Errors.VersionConflict)
        })
      )

      it.effect("posts fund ledger entries append-only and refuses an overdraft before writing", (ctx) =>
        Effect.gen(function* () {
          needs("events", ctx)
          const repo = yield* Store.repository(Aggregates.Funds)
          const tenant = freshTenant() as Ids.TenantId
          const fund = new Fund.Fund({ ...OperationFixtures.fund, tenant, openingBalance: Money.fen(10_000) })
          yield* repo.save(Store.everything, Store.stored(fund, { division: tenant }), 0)
          const common = { tenant, fund: fund.id, date: "2025-03-01" }
          const grant = (id: string, amount: number): Fund.Entry =>
            Schema.decodeUnknownSync(Fund.Entry)({ _tag: "ProjectGrant", ...common, id, amount, project: "p-1" })
          const gift = Schema.decodeUnknownSync(Fund.Entry)({
            _tag: "Donation",
            ...common,
            id: "le-1",
            amount: 5_000,
            donor: "物业"
          })
          const ok = () => true
          const after = yield* Aggregates.postEntry(Store.everything, tenant, fund.id, gift, ok)
          assert.strictEqual(after.balance, 15_000)
          yield* Aggregates.postEntry(Store.everything, tenant, fund.id, grant("le-2", 12_000), ok)
          const over = yield* Effect.flip(
            Aggregates.postEntry(Store.everything, tenant, fund.id, grant("le-3", 4_000), ok)
          )
          assert.strictEqual(over._tag, "Overdraft")
          const log = yield* repo.events(Store.everything, tenant, fund.id)
          assert.deepStrictEqual(
            log.map((e) => e.event.id),
            ["le-1", "le-2"]
          )
          const raced = yield* Effect.flip(repo.append(Store.everything, tenant, fund.id, [grant("le-4", 1)], 1))
          assert.instanceOf(raced, Errors.VersionConflict)
        })
      )

      it.effect("round-trips sampled records of the suite's own aggregates through get and list", () =>
        Effect.gen(function* () {
          const store = yield* Store.Store
          for (const a of registered.filter((x) => !Aggregates.all.includes(x))) {
            const repo = store.repository(a)
            const sample = FastCheck.sample(Arbitrary.make(a.schema), { numRuns: 15, seed: 7 })
            const seen = new Map<string, unknown>()
            for (const r of sample) seen.set(`${a.tenant(r)}/${a.id(r)}`, r)
            const json = encodedJson(a.schema)
            for (const r of seen.values()) {
              const current = yield* repo.get(Store.everything, a.tenant(r), a.id(r)).pipe(
                Effect.map((x) => a.version(x)),
                Effect.catchTag("NotFoundOrNotPermitted", () => Effect.succeed(0))
              )
              if (a.naturalKey !== undefined) {
                const clash = yield* repo.list(Store.everything, { tenant: a.tenant(r), limit: 10_000 })
                if (clash.items.some((x) => a.naturalKey?.(x) === a.naturalKey?.(r) && a.id(x) !== a.id(r))) continue
              }
              yield* repo.save(Store.everything, r, current)
              const back = yield* repo.get(Store.everything, a.tenant(r), a.id(r))
              assert.strictEqual(json(back), json(r), `${a.name} ${a.id(r)} round-trip`)
            }
          }
        })
      )

      it.effect("pages by cursor and by offset in a stable order, with totals and filters", () =>
        Effect.gen(function* () {
          const repo = yield* Store.repository(NoteAggregate)
          const tenant = freshTenant()
          const ids = Array.from({ length: 23 }, (_, i) => i)
          for (const i of [...ids].reverse()) yield* repo.save(Store.everything, note(tenant, i), 0)
          const seen: Array<string> = []
          let cursor: string | undefined
          let pages = 0
          do {
            const page = yield* repo.list(Store.everything, { tenant, limit: 5, cursor })
            assert.strictEqual(page.total, 23)
            seen.push(...page.items.map((n) => n.id))
            cursor = page.next
            pages += 1
          } while (cursor !== undefined)
          assert.strictEqual(pages, 5)
          assert.deepStrictEqual(
            seen,
            ids.map((i) => `n${String(i).padStart(4, "0")}`)
          )
          const third = yield* repo.list(Store.everything, { tenant, limit: 5, offset: 10 })
          assert.deepStrictEqual(
            third.items.map((n) => n.id),
            seen.slice(10, 15)
          )
          const disputes = yield* repo.list(Store.everything, { tenant, where: { kind: "dispute" } })
          assert.strictEqual(disputes.total, 8)
          assert.isTrue(disputes.items.every((n) => n.kind === "dispute"))
          const some = yield* repo.list(Store.everything, { tenant, where: { size: [3, 4, 99], kind: "request" } })
          assert.deepStrictEqual(
            some.items.map((n) => n.size),
            [3]
          )
          const bad = yield* Effect.flip(repo.list(Store.everything, { tenant, where: { nope: 1 } as never }))
          assert.strictEqual(bad._tag, "StoreError")
          const badCursor = yield* Effect.flip(repo.list(Store.everything, { tenant, cursor: "%%" }))
          assert.strictEqual(badCursor._tag, "StoreError")
        })
      )

      it.effect("lists a batch of records by id, within the scope and the filters", () =>
        Effect.gen(function* () {
          const repo = yield* Store.repository(NoteAggregate)
          const tenant = freshTenant()
          for (let i = 0; i < 6; i++) {
            yield* repo.save(Store.everything, note(tenant, i, i >= 4 ? { division: "440882002001" } : {}), 0)
          }
          const asked = ["n0001", "n0003", "n0004", "n0099", "n0000"]
          const everything = yield* repo.list(Store.everything, { tenant, ids: asked })
          assert.deepStrictEqual(
            everything.items.map((n) => n.id),
            ["n0000", "n0001", "n0003", "n0004"]
          )
          // n0004 lies in another county: a caller scoped to 440881 never sees it
          const scoped = yield* repo.list({ grants: [{ division: "440881" }] }, { tenant, ids: asked })
          assert.deepStrictEqual(
            scoped.items.map((n) => n.id),
            ["n0000", "n0001", "n0003"]
          )
          const filtered = yield* repo.list(Store.everything, { tenant, ids: asked, where: { kind: "request" } })
          assert.deepStrictEqual(
            filtered.items.map((n) => n.id),
            ["n0000", "n0003"]
          )
          assert.strictEqual((yield* repo.list(Store.everything, { tenant, ids: [] })).total, 0)
          const tooMany = Array.from({ length: Store.maxListIds + 1 }, (_, i) => `n${i}`)
          const refused = yield* Effect.flip(repo.list(Store.everything, { tenant, ids: tooMany }))
          assert.strictEqual(refused._tag, "StoreError")
        })
      )

      it.effect("never returns a record outside the caller's scope, from get or list (property)", () =>
        Effect.gen(function* () {
          const repo = yield* Store.repository(NoteAggregate)
          const runs = fc.sample(
            fc.record({
              places: fc.array(placeArb, { minLength: 1, maxLength: 12 }),
              scopes: fc.array(scopeArb, { minLength: 1, maxLength: 4 })
            }),
            { numRuns: 20, seed: 20251126 }
          )
          for (const run of runs) {
            const tenant = freshTenant()
            const notes = run.places.map((p, i) =>
              note(tenant, i, { division: p.division, org: p.org, grid: p.grid } as Partial<Note>)
            )
            for (const n of notes) yield* repo.save(Store.everything, n, 0)
            for (const scope of run.scopes) {
              const expected = notes.filter((n) => Store.inScope(scope, locationOf(n))).map((n) => n.id)
              const listed = yield* repo.list(scope, { tenant, limit: 100 })
              assert.deepStrictEqual(
                listed.items.map((n) => n.id),
                expected,
                `list under ${JSON.stringify(scope)}`
              )
              assert.strictEqual(listed.total, expected.length)
              for (const n of notes) {
                const got = yield* Effect.either(repo.get(scope, tenant, n.id))
                if (expected.includes(n.id)) assert.isTrue(Either.isRight(got), `get ${n.id} in scope`)
                else {
                  assert.isTrue(Either.isLeft(got), `get ${n.id} out of scope ${JSON.stringify(scope)}`)
                  if (Either.isLeft(got)) {
                    assert.instanceOf(got.left, Errors.NotFoundOrNotPermitted)
                    assert.strictEqual(got.left.message, `test_note ${n.id}: not found or not permitted`)
                  }
                }
              }
            }
          }
          const missing = yield* Effect.flip(repo.get(Store.everything, freshTenant(), "n0"))
          assert.strictEqual(missing.message, "test_note n0: not found or not permitted")
        })
      )

      it.effect("counts per group inside the caller's scope, as the records say (property)", () =>
        Effect.gen(function* () {
          const repo = yield* Store.repository(NoteAggregate)
          const groupings: ReadonlyArray<ReadonlyArray<Store.GroupBy<"kind" | "size">>> = [
            [],
            ["division"],
            [{ division: "township" }],
            [{ division: "county" }, "kind"],
            ["grid"],
            [{ grid: 1 }],
            [{ grid: 2 }, "size"],
            ["kind", { org: 1 }],
            [{ field: "size" }, { field: "kind" }],
            ["org", "tenant"]
          ]
          const termOf = (n: Note, g: Store.GroupBy<"kind" | "size">): Store.GroupValue => {
            if (g === "kind" || g === "size") return n[g]
            if (typeof g === "object" && "field" in g) return n[g.field]
            if (g === "tenant") return n.tenant
            if (g === "division") return n.division ?? null
            if (g === "org" || g === "grid") return n[g] ?? null
            if ("division" in g) return n.division?.slice(0, Store.divisionDigits[g.division]) ?? null
            if ("org" in g) return n.org?.slice(0, g.org) ?? null
            return n.grid?.slice(0, g.grid) ?? null
          }
          // the documented order: null, then numbers, then strings and paths (as `a/b/`) by code point
          const sortKey = (v: Store.GroupValue): readonly [number, number, string] =>
            v === null
              ? [0, 0, ""]
              : typeof v === "number"
                ? [1, v, ""]
                : [2, 0, typeof v === "string" ? v : v.map((id) => `${id}/`).join("")]
          const order = (x: Store.Group, y: Store.Group): number => {
            for (let i = 0; i < x.key.length; i++) {
              const a = sortKey(x.key[i] ?? null)
              const b = sortKey(y.key[i] ?? null)
              if (a[0] !== b[0]) return a[0] - b[0]
              if (a[1] !== b[1]) return a[1] - b[1]
              if (a[2] !== b[2]) return a[2] < b[2] ? -1 : 1
            }
            return 0
          }
          const runs = fc.sample(
            fc.record({
              places: fc.array(placeArb, { minLength: 1, maxLength: 14 }),
              scopes: fc.array(scopeArb, { minLength: 1, maxLength: 3 }),
              kinds: fc.option(fc.subarray(["request", "dispute", "service"] as const), { nil: undefined })
            }),
            { numRuns: 12, seed: 20251130 }
          )
          for (const run of runs) {
            const tenant = freshTenant()
            const notes = run.places.map((p, i) =>
              note(tenant, i, { division: p.division, org: p.org, grid: p.grid, size: i % 4 } as Partial<Note>)
            )
            for (const n of notes) yield* repo.save(Store.everything, n, 0)
            for (const scope of [Store.everything, ...run.scopes]) {
              const visible = notes.filter(
                (n) => Store.inScope(scope, locationOf(n)) && (run.kinds === undefined || run.kinds.includes(n.kind))
              )
              for (const groupBy of groupings) {
                const expected = new Map<string, Store.Group>()
                for (const n of visible) {
                  const key = groupBy.map((g) => termOf(n, g))
                  const k = JSON.stringify(key)
                  expected.set(k, { key, count: (expected.get(k)?.count ?? 0) + 1 })
                }
                const want =
                  groupBy.length === 0 ? [{ key: [], count: visible.length }] : [...expected.values()].sort(order)
                const got = yield* repo.count(scope, {
                  tenant,
                  groupBy,
                  ...(run.kinds === undefined ? {} : { where: { kind: run.kinds } })
                })
                assert.deepStrictEqual(
                  got,
                  want,
                  `count by ${JSON.stringify(groupBy)} under ${JSON.stringify(scope)} where ${run.kinds}`
                )
              }
            }
          }
          const none = yield* repo.count(Store.everything, { tenant: freshTenant() })
          assert.deepStrictEqual(none, [{ key: [], count: 0 }])
          const noGroups = yield* repo.count(Store.everything, { tenant: freshTenant(), groupBy: ["kind"] })
          assert.deepStrictEqual(noGroups, [])
          const badField = yield* Effect.flip(repo.count(Store.everything, { groupBy: ["nope" as "kind"] }))
          assert.strictEqual(badField._tag, "StoreError")
          const badWhere = yield* Effect.flip(repo.count(Store.everything, { where: { nope: 1 } as never }))
          assert.strictEqual(badWhere._tag, "StoreError")
          const badDepth = yield* Effect.flip(repo.count(Store.everything, { groupBy: [{ grid: 0 }] }))
          assert.strictEqual(badDepth._tag, "StoreError")
        })
      )

      it.effect("counts stored domain records by a value field and by grid", () =>
        Effect.gen(function* () {
          const repo = yield* Store.repository(Aggregates.Households)
          const tenant = freshTenant()
          const rows = Array.from({ length: 7 }, (_, i) => ({
            version: 1,
            location: { division: tenant, grid: ["g1", `g1-${i % 2}`] },
            value: { id: `h${i}`, tenant, building: `b${i % 3}`, room: `${i}01` }
          }))
          yield* repo.import(Stream.fromIterable(rows), { scope: Store.everything, policy: "abort" })
          const byBuilding = yield* repo.count(Store.everything, { tenant, groupBy: ["building"] })
          assert.deepStrictEqual(byBuilding, [
            { key: ["b0"], count: 3 },
            { key: ["b1"], count: 2 },
            { key: ["b2"], count: 2 }
          ])
          const byGrid = yield* repo.count({ grants: [{ grid: ["g1", "g1-1"] }] }, { tenant, groupBy: ["grid"] })
          assert.deepStrictEqual(byGrid, [{ key: [["g1", "g1-1"]], count: 3 }])
        })
      )

      it.effect(
        "rejects stale versions with VersionConflict and writes nothing; deletes only at the right version",
        () =>
          Effect.gen(function* () {
            const repo = yield* Store.repository(NoteAggregate)
            const tenant = freshTenant()
            const v1 = note(tenant, 1)
            yield* repo.save(Store.everything, v1, 0)
            const again = yield* Effect.flip(repo.save(Store.everything, new Note({ ...v1, label: "clobber" }), 0))
            assert.instanceOf(again, Errors.VersionConflict)
            if (again._tag === "VersionConflict") {
              assert.deepStrictEqual([again.expected, again.actual], [0, 1])
            }
            const v2 = new Note({ ...v1, version: 2, label: "second" })
            yield* repo.save(Store.everything, v2, 1)
            const stale = yield* Effect.flip(
              repo.save(Store.everything, new Note({ ...v1, version: 2, label: "stale" }), 1)
            )
            assert.instanceOf(stale, Errors.VersionConflict)
            assert.strictEqual((yield* repo.get(Store.everything, tenant, v1.id)).label, "second")
            const wrongDelete = yield* Effect.flip(repo.delete(Store.everything, tenant, v1.id, 1))
            assert.instanceOf(wrongDelete, Errors.VersionConflict)
            yield* repo.delete(Store.everything, tenant, v1.id, 2)
            const gone = yield* Effect.flip(repo.get(Store.everything, tenant, v1.id))
            assert.instanceOf(gone, Errors.NotFoundOrNotPermitted)
            const tallies = yield* Store.repository(TallyAggregate)
            const notDeletable = yield* Effect.flip(tallies.delete(Store.everything, tenant, "n1", 1))
            assert.instanceOf(notDeletable, Errors.InvalidInput)
          })
      )

      it.effect("refuses a natural key another record already holds, on insert and on update, with InvalidInput", () =>
        Effect.gen(function* () {
          const repo = yield* Store.repository(NoteAggregate)
          const tenant = freshTenant()
          const first = note(tenant, 1)
          yield* repo.save(Store.everything, first, 0)
          const twin = yield* Effect.flip(repo.save(Store.everything, note(tenant, 2, { code: first.code }), 0))
          assert.instanceOf(twin, Errors.InvalidInput)
          if (twin._tag === "InvalidInput") {
            assert.strictEqual(twin.code, "store/duplicate-natural-key")
            assert.deepStrictEqual(twin.path, ["test_note", "n0002"])
            assert.strictEqual(
              twin.message,
              `store/duplicate-natural-key at test_note.n0002: another test_note record of tenant ${tenant} already has the natural key "NK-1"`
            )
          }
          // an update that takes the key of another record is refused too, and changes nothing
          const second = note(tenant, 3)
          yield* repo.save(Store.everything, second, 0)
          const taken = yield* Effect.flip(
            repo.save(Store.everything, new Note({ ...second, version: 2, code: first.code }), 1)
          )
          assert.instanceOf(taken, Errors.InvalidInput)
          assert.strictEqual((yield* repo.get(Store.everything, tenant, second.id)).code, "NK-3")
          // a stale version still reports the conflict first; a record keeps its own key across versions
          const stale = yield* Effect.flip(
            repo.save(Store.everything, new Note({ ...second, version: 2, code: first.code }), 0)
          )
          assert.instanceOf(stale, Errors.VersionConflict)
          yield* repo.save(Store.everything, new Note({ ...second, version: 2, label: "kept" }), 1)
          // the same key in another tenant is a different key
          yield* repo.save(Store.everything, note(freshTenant(), 2, { code: first.code }), 0)
          const page = yield* repo.list(Store.everything, { tenant, limit: 10 })
          assert.deepStrictEqual(
            page.items.map((n) => [n.id, n.code, n.version]),
            [
              ["n0001", "NK-1", 1],
              ["n0003", "NK-3", 2]
            ]
          )
        })
      )

      it.effect("lets exactly one of several concurrent writers win each version", (ctx) =>
        Effect.gen(function* () {
          needs("concurrency", ctx)
          const repo = yield* Store.repository(NoteAggregate)
          const tenant = freshTenant()
          const base = note(tenant, 7)
          yield* repo.save(Store.everything, base, 0)
          for (let version = 1; version <= 3; version++) {
            const results = yield* Effect.all(
              Array.from({ length: 6 }, (_, w) =>
                Effect.exit(
                  repo.save(Store.everything, new Note({ ...base, version: version + 1, label: `w${w}` }), version)
                )
              ),
              { concurrency: "unbounded" }
            )
            const wins = results.filter(Exit.isSuccess).length
            assert.strictEqual(wins, 1, `version ${version}`)
            for (const r of results) {
              if (Exit.isFailure(r)) {
                const e = Exit.causeOption(r)
                assert.isTrue(e._tag === "Some" && String(e.value).includes("VersionConflict"))
              }
            }
          }
          assert.strictEqual((yield* repo.get(Store.everything, tenant, base.id)).version, 4)
        })
      )

      it.effect("keeps an append-only event log whose fold equals the saved state", (ctx) =>
        Effect.gen(function* () {
          needs("events", ctx)
          const repo = yield* Store.repository(TallyAggregate)
          const tenant = freshTenant()
          const start = new Tally({ tenant, id: "n1", version: 0, total: 0, division: "440881002001" })
          const batches: ReadonlyArray<ReadonlyArray<TallyEvent>> = [
            [{ _tag: "Added", n: 5 }],
            [{ _tag: "Added", n: 7 }, { _tag: "Reset" }],
            [{ _tag: "Added", n: 2 }]
          ]
          let state = start
          for (const events of batches) {
            const next = foldTally(state, events)
            yield* repo.saveWithEvents(Store.everything, next, state.version, events)
            state = next
          }
          const log = yield* repo.events(Store.everything, tenant, "n1")
          assert.deepStrictEqual(
            log.map((e) => e.seq),
            [1, 2, 3, 4]
          )
          const folded = foldTally(
            start,
            log.map((e) => e.event)
          )
          const stored = yield* repo.get(Store.everything, tenant, "n1")
          assert.deepStrictEqual(folded, stored)
          const stale = yield* Effect.flip(
            repo.saveWithEvents(Store.everything, foldTally(state, [{ _tag: "Reset" }]), 1, [{ _tag: "Reset" }])
          )
          assert.instanceOf(stale, Errors.VersionConflict)
          assert.strictEqual((yield* repo.events(Store.everything, tenant, "n1")).length, 4)
          const appends = yield* Effect.all(
            Array.from({ length: 5 }, (_, i) =>
              Effect.exit(repo.append(Store.everything, tenant, "n1", [{ _tag: "Added", n: i }], 4))
            ),
            { concurrency: "unbounded" }
          )
          assert.strictEqual(appends.filter(Exit.isSuccess).length, 1)
          assert.strictEqual((yield* repo.events(Store.everything, tenant, "n1")).length, 5)
          const hidden = yield* Effect.flip(repo.events({ grants: [{ division: "440882" }] }, tenant, "n1"))
          assert.instanceOf(hidden, Errors.NotFoundOrNotPermitted)
        })
      )

      it.effect(
        "imports in batches, reports bad rows with row numbers and paths, and re-runs without duplicates",
        (ctx) =>
          Effect.gen(function* () {
            needs("import", ctx)
            const repo = yield* Store.repository(NoteAggregate)
            const tenant = freshTenant()
            const encode = Schema.encodeSync(Note)
            const rows: Array<unknown> = Array.from({ length: 40 }, (_, i) => encode(note(tenant, i)))
            rows[4] = { ...(rows[4] as object), kind: "party" }
            rows[16] = { ...(rows[16] as object), size: "many" }
            rows[33] = { ...(rows[33] as object), label: "" }
            // separators of bulk formats (PostgreSQL's COPY text) must survive as data
            const awkward = 'tab\there\nline\r\\N \\. back\\slash "quoted" 便民'
            rows[7] = { ...(rows[7] as object), label: awkward }
            const progress = yield* Ref.make<ReadonlyArray<Store.Progress>>([])
            const options: Store.ImportOptions<Note> = {
              scope: Store.everything,
              policy: "skip",
              batchSize: 8,
              validate: (n) => (n.label === "" ? [Finding.error("note/label", ["label"], "a note needs a label")] : []),
              onProgress: (p) => Ref.update(progress, (ps) => [...ps, p])
            }
            const first = yield* repo.import(Stream.fromIterable(rows), options)
            assert.deepStrictEqual(
              first.rejected.map((r) => [r.row, r.issues[0]?.path]),
              [
                [5, ["kind"]],
                [17, ["size"]],
                [34, ["label"]]
              ]
            )
            assert.strictEqual(first.written, 37)
            assert.strictEqual((yield* repo.get(Store.everything, tenant, "n0007")).label, awkward)
            assert.strictEqual(first.rows, 40)
            assert.strictEqual(first.rejectedRows, 3)
            const seen = yield* Ref.get(progress)
            assert.strictEqual(seen.length, 5)
            assert.deepStrictEqual(seen[seen.length - 1], { rows: 40, written: 37, rejected: 3, batches: 5 })
            // the same import again, and again with new ids for the same natural keys: still 37 records
            yield* repo.import(Stream.fromIterable(rows), options)
            const renamed = rows.map((r, i) => (i === 4 || i === 16 ? r : { ...(r as object), id: `n9${i}` }))
            yield* repo.import(Stream.fromIterable(renamed), { ...options, batchSize: 7 })
            const after = yield* repo.list(Store.everything, { tenant, limit: 1000 })
            assert.strictEqual(after.total, 37)
            assert.strictEqual(new Set(after.items.map((n) => n.code)).size, 37)
            assert.strictEqual((yield* repo.get(Store.everything, tenant, "n97")).label, awkward)
            // abort: the first bad row fails the import; batches before it stay committed
            const other = freshTenant()
            const abortRows = rows.map((r) => ({ ...(r as object), tenant: other }))
            const aborted = yield* Effect.flip(
              repo.import(Stream.fromIterable(abortRows), { scope: Store.everything, policy: "abort", batchSize: 2 })
            )
            assert.strictEqual(aborted._tag, "RowRejected")
            if (aborted._tag === "RowRejected") {
              assert.strictEqual(aborted.row, 5)
              assert.isTrue(
                aborted.message.startsWith(
                  'test_note row 5 rejected: kind: Expected "request", actual a string of 5 characters'
                )
              )
            }
            const partial = yield* repo.list(Store.everything, { tenant: other })
            assert.strictEqual(partial.total, 4)
            // onRejected: rejections are handed over as found, in row order, and the report keeps none of them
            const handed = yield* Ref.make<ReadonlyArray<number>>([])
            const streamed = yield* repo.import(
              Stream.fromIterable(rows.map((r) => ({ ...(r as object), tenant: freshTenant() }))),
              {
                ...options,
                onProgress: undefined,
                onRejected: (r) => Ref.update(handed, (rs) => [...rs, r.row])
              }
            )
            assert.deepStrictEqual(yield* Ref.get(handed), [5, 17, 34])
            assert.deepStrictEqual([streamed.rejected.length, streamed.rejectedRows, streamed.written], [0, 3, 37])
            // a failing source stream fails the import with its own error
            const broken = yield* Effect.flip(
              repo.import(Stream.concat(Stream.fromIterable(rows.slice(0, 3)), Stream.fail("disk gone" as const)), {
                scope: Store.everything,
                policy: "skip"
              })
            )
            assert.strictEqual(broken, "disk gone")
          })
      )

      it.effect(
        "imports a row whose id is stored under another natural key as an update of that record, the last row winning, at any batch size",
        (ctx) =>
          Effect.gen(function* () {
            needs("import", ctx)
            const repo = yield* Store.repository(NoteAggregate)
            const encode = Schema.encodeSync(Note)
            const listed = (tenant: string) =>
              Effect.map(repo.list(Store.everything, { tenant, limit: 100 }), (page) =>
                page.items.map((n) => `${n.id}:${n.code}:${n.label}`)
              )
            for (const batchSize of [1, 2, 500]) {
              const tenant = freshTenant()
              // one batch (or two): the same id under "NK-3", then under "NK-999": one record, under the last code
              yield* repo.import(
                Stream.fromIterable([
                  encode(note(tenant, 3, { label: "first" })),
                  encode(note(tenant, 3, { code: "NK-999", label: "corrected" })),
                  encode(note(tenant, 4))
                ]),
                { scope: Store.everything, policy: "abort", batchSize }
              )
              assert.deepStrictEqual(yield* listed(tenant), ["n0003:NK-999:corrected", "n0004:NK-4:note 4 便民"])
              // a later import moves the stored record to a new code; the code it left is free for another record
              const report = yield* repo.import(
                Stream.fromIterable([
                  encode(note(tenant, 3, { code: "NK-42", label: "moved" })),
                  encode(note(tenant, 5, { code: "NK-999", label: "takes the old code" }))
                ]),
                { scope: Store.everything, policy: "abort", batchSize }
              )
              assert.deepStrictEqual([report.written, report.rejectedRows], [2, 0])
              assert.deepStrictEqual(yield* listed(tenant), [
                "n0003:NK-42:moved",
                "n0004:NK-4:note 4 便民",
                "n0005:NK-999:takes the old code"
              ])
              assert.strictEqual((yield* repo.get(Store.everything, tenant, "n0003")).code, "NK-42")
              const counted = yield* repo.count(Store.everything, { tenant })
              assert.deepStrictEqual(counted, [{ key: [], count: 3 }])
              // a row of a new id with a stored code replaces the record holding it (re-runs with ids made anew)
              yield* repo.import(Stream.fromIterable([encode(note(tenant, 6, { code: "NK-4", label: "new id" }))]), {
                scope: Store.everything,
                policy: "abort",
                batchSize
              })
              assert.deepStrictEqual(yield* listed(tenant), [
                "n0003:NK-42:moved",
                "n0005:NK-999:takes the old code",
                "n0006:NK-4:new id"
              ])
            }
          })
      )

      it.effect(
        "refuses an import row whose id is stored under another natural key while another record holds its key",
        (ctx) =>
          Effect.gen(function* () {
            needs("import", ctx)
            const repo = yield* Store.repository(NoteAggregate)
            const encode = Schema.encodeSync(Note)
            for (const batchSize of [1, 2, 500]) {
              const tenant = freshTenant()
              yield* repo.import(Stream.fromIterable([encode(note(tenant, 1)), encode(note(tenant, 2))]), {
                scope: Store.everything,
                policy: "abort",
                batchSize
              })
              const rows = [
                encode(note(tenant, 3)),
                // n0001 is stored under NK-1 and n0002 holds NK-2: refused, nothing of either record changes
                encode(note(tenant, 1, { code: "NK-2", label: "clash" })),
                encode(note(tenant, 4))
              ]
              const skipped = yield* repo.import(Stream.fromIterable(rows), {
                scope: Store.everything,
                policy: "skip",
                batchSize
              })
              assert.deepStrictEqual(
                skipped.rejected.map((r) => [r.row, r.issues[0]?.message]),
                [
                  [
                    2,
                    `store/duplicate-natural-key at test_note.n0001: another test_note record of tenant ${tenant} already has the natural key "NK-2"`
                  ]
                ]
              )
              assert.deepStrictEqual([skipped.written, skipped.rejectedRows], [2, 1])
              const page = yield* repo.list(Store.everything, { tenant, limit: 100 })
              assert.deepStrictEqual(
                page.items.map((n) => `${n.id}:${n.code}:${n.label}`),
                ["n0001:NK-1:note 1 便民", "n0002:NK-2:note 2 便民", "n0003:NK-3:note 3 便民", "n0004:NK-4:note 4 便民"]
              )
              // abort: the import fails with the row, and its batch writes nothing
              const other = freshTenant()
              yield* repo.import(Stream.fromIterable([encode(note(other, 1)), encode(note(other, 2))]), {
                scope: Store.everything,
                policy: "abort"
              })
              const aborted = yield* Effect.flip(
                repo.import(Stream.fromIterable(rows.map((r) => ({ ...(r as object), tenant: other }))), {
                  scope: Store.everything,
                  policy: "abort",
                  batchSize
                })
              )
              assert.strictEqual(aborted._tag, "RowRejected")
              if (aborted._tag === "RowRejected") assert.strictEqual(aborted.row, 2)
              const left = yield* repo.list(Store.everything, { tenant: other, limit: 100 })
              assert.deepStrictEqual(
                left.items.map((n) => n.id),
                batchSize === 1 ? ["n0001", "n0002", "n0003"] : ["n0001", "n0002"]
              )
            }
          })
      )

      it.effect(
        "imports rows of ids and natural keys in any combination as if one at a time, whatever the batch size (property)",
        (ctx) =>
          Effect.gen(function* () {
            needs("import", ctx)
            const repo = yield* Store.repository(NoteAggregate)
            const encode = Schema.encodeSync(Note)
            const pair = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
            const runs = fc.sample(
              fc.record({
                start: fc.uniqueArray(pair, { selector: ([id]) => id, maxLength: 4 }),
                rows: fc.array(pair, { minLength: 1, maxLength: 10 })
              }),
              { numRuns: 12, seed: 20261130 }
            )
            for (const run of runs) {
              // the start: stored records, one per id and per code
              const codes = new Set<number>()
              const start: Array<readonly [number, number]> = []
              for (const [id, code] of run.start) {
                if (codes.has(code)) continue
                codes.add(code)
                start.push([id, code])
              }
              // the model: the rules of `ImportOptions`, one row at a time
              const model = new Map<string, string>(start.map(([id, code]) => [`n000${id}`, `NK-${code}:start`]))
              const refused: Array<number> = []
              for (const [i, [id, code]] of run.rows.entries()) {
                const key = `n000${id}`
                const holder = [...model].find(([, v]) => v.startsWith(`NK-${code}:`))?.[0]
                if (holder !== undefined && holder !== key) {
                  if (model.has(key)) {
                    refused.push(i + 1)
                    continue
                  }
                  model.delete(holder)
                }
                model.set(key, `NK-${code}:row ${i + 1}`)
              }
              const expected = [...model].map(([id, v]) => `${id}:${v}`).sort()
              for (const batchSize of [1, 2, 3, 50]) {
                const tenant = freshTenant()
                yield* repo.import(
                  Stream.fromIterable(
                    start.map(([id, code]) => encode(note(tenant, id, { code: `NK-${code}`, label: "start" })))
                  ),
                  { scope: Store.everything, policy: "abort" }
                )
                const report = yield* repo.import(
                  Stream.fromIterable(
                    run.rows.map(([id, code], i) =>
                      encode(note(tenant, id, { code: `NK-${code}`, label: `row ${i + 1}` }))
                    )
                  ),
                  { scope: Store.everything, policy: "skip", batchSize }
                )
                const page = yield* repo.list(Store.everything, { tenant, limit: 100 })
                const what = `${JSON.stringify({ start, rows: run.rows })} in batches of ${batchSize}`
                assert.deepStrictEqual(page.items.map((n) => `${n.id}:${n.code}:${n.label}`).sort(), expected, what)
                assert.deepStrictEqual(
                  report.rejected.map((r) => r.row),
                  refused,
                  what
                )
                assert.strictEqual(report.written, run.rows.length - refused.length, what)
              }
            }
          })
      )

      it.effect(
        "refuses to move an out-of-scope household into the caller's grid, and every other out-of-scope write",
        () =>
          Effect.gen(function* () {
            const repo = yield* Store.repository(Aggregates.Households)
            const tenant = freshTenant()
            const mine: Store.Location = { division: tenant, grid: ["g1", "g1-1"] }
            const theirs: Store.Location = { division: tenant, grid: ["g1", "g1-2"] }
            const home = (id: string, room: string) => ({ id, tenant, building: "b1", room }) as never
            yield* repo.save(Store.everything, Store.stored(home("h1", "101"), mine), 0)
            yield* repo.save(Store.everything, Store.stored(home("h2", "102"), theirs), 0)
            const snapshot = Effect.map(repo.list(Store.everything, { tenant }), (page) =>
              page.items.map(encodedJson(Aggregates.Households.schema))
            )
            const before = yield* snapshot
            // a grid worker of g1-1 who knows h2's id and version
            const worker: Store.Scope = { grants: [{ grid: ["g1", "g1-1"] }] }
            const h2 = yield* repo.get(Store.everything, tenant, "h2")
            const moved = yield* Effect.flip(repo.save(worker, Store.next(h2, h2.value, mine), h2.version))
            isNotPermitted(moved, "household", "h2")
            // the same error as for a household that does not exist, and as for a read of h2
            const missing = yield* Effect.flip(repo.save(worker, Store.stored(home("h9", "109"), mine), 1))
            isNotPermitted(missing, "household", "h9")
            const read = yield* Effect.flip(repo.get(worker, tenant, "h2"))
            assert.deepStrictEqual([read._tag, read.message], [moved._tag, moved.message])
            // in place, at a wrong version, or as a new record over its id: refused alike
            const inPlace = yield* Effect.flip(repo.save(worker, Store.next(h2, h2.value), h2.version))
            assert.strictEqual(inPlace._tag, "NotFoundOrNotPermitted")
            const wrongVersion = yield* Effect.flip(repo.save(worker, Store.next(h2, h2.value, mine), 7))
            assert.strictEqual(wrongVersion._tag, "NotFoundOrNotPermitted")
            const overId = yield* Effect.flip(repo.save(worker, Store.stored(home("h2", "199"), mine), 0))
            assert.strictEqual(overId._tag, "NotFoundOrNotPermitted")
            // nor may the worker move its own household out of its grid, or create one outside it
            const h1 = yield* repo.get(worker, tenant, "h1")
            const out = yield* Effect.flip(repo.save(worker, Store.next(h1, h1.value, theirs), h1.version))
            isNotPermitted(out, "household", "h1")
            const outside = yield* Effect.flip(repo.save(worker, Store.stored(home("h3", "103"), theirs), 0))
            isNotPermitted(outside, "household", "h3")
            assert.deepStrictEqual(yield* snapshot, before)
            // inside its grid it writes as before
            yield* repo.save(
              worker,
              Store.next(h1, { ...h1.value, room: "111" } as never, { ...mine, grid: ["g1", "g1-1", "x"] }),
              1
            )
            yield* repo.save(worker, Store.stored(home("h4", "104"), mine), 0)
            const after = yield* repo.list(Store.everything, { tenant })
            assert.deepStrictEqual(
              after.items.map((h) => [h.value.id, h.value.room, h.version, h.location.grid]),
              [
                ["h1", "111", 2, ["g1", "g1-1", "x"]],
                ["h2", "102", 1, ["g1", "g1-2"]],
                ["h4", "104", 1, ["g1", "g1-1"]]
              ]
            )
          })
      )

      it.effect("refuses a natural key held out of scope as not permitted, naming only the record written", () =>
        Effect.gen(function* () {
          const repo = yield* Store.repository(NoteAggregate)
          const tenant = freshTenant()
          const here = { division: "440881002001" }
          const there = { division: "440881003001" }
          yield* repo.save(Store.everything, note(tenant, 1, { ...here, code: "NK-1" }), 0)
          yield* repo.save(Store.everything, note(tenant, 2, { ...there, code: "NK-2" }), 0)
          yield* repo.save(Store.everything, note(tenant, 3, { ...here, code: "NK-3" }), 0)
          const street: Store.Scope = { grants: [{ division: "440881002" }] }
          // a holder in scope: the duplicate error, as before
          const seen = yield* Effect.flip(repo.save(street, note(tenant, 4, { ...here, code: "NK-1" }), 0))
          assert.strictEqual(seen._tag, "InvalidInput")
          // a holder out of scope: the record being written is not permitted, on insert and on update
          const hidden = yield* Effect.flip(repo.save(street, note(tenant, 4, { ...here, code: "NK-2" }), 0))
          isNotPermitted(hidden, "test_note", "n0004")
          assert.notInclude(hidden.message, "NK-2")
          assert.notInclude(hidden.message, "n0002")
          const update = yield* Effect.flip(
            repo.save(street, note(tenant, 3, { ...here, code: "NK-2", version: 2 }), 1)
          )
          isNotPermitted(update, "test_note", "n0003")
          const page = yield* repo.list(Store.everything, { tenant })
          assert.deepStrictEqual(
            page.items.map((n) => [n.id, n.code, n.version]),
            [
              ["n0001", "NK-1", 1],
              ["n0002", "NK-2", 1],
              ["n0003", "NK-3", 1]
            ]
          )
        })
      )

      it.effect("deletes, appends and saves with events only records in scope, before and after", (ctx) =>
        Effect.gen(function* () {
          const notes = yield* Store.repository(NoteAggregate)
          const tenant = freshTenant()
          const street: Store.Scope = { grants: [{ division: "440881002" }] }
          yield* notes.save(Store.everything, note(tenant, 1, { division: "440881003001" }), 0)
          yield* notes.save(Store.everything, note(tenant, 2), 0)
          const hidden = yield* Effect.flip(notes.delete(street, tenant, "n0001", 1))
          isNotPermitted(hidden, "test_note", "n0001")
          const missing = yield* Effect.flip(notes.delete(street, tenant, "n0009", 1))
          isNotPermitted(missing, "test_note", "n0009")
          const stale = yield* Effect.flip(notes.delete(street, tenant, "n0002", 2))
          assert.strictEqual(stale._tag, "VersionConflict")
          yield* notes.delete(street, tenant, "n0002", 1)
          assert.deepStrictEqual(
            (yield* notes.list(Store.everything, { tenant })).items.map((n) => n.id),
            ["n0001"]
          )
          needs("events", ctx)
          const tallies = yield* Store.repository(TallyAggregate)
          const far = new Tally({ tenant, id: "n1", version: 0, total: 0, division: "440881003001" })
          const near = new Tally({ tenant, id: "n2", version: 0, total: 0, division: "440881002001" })
          const add = [{ _tag: "Added", n: 1 }] as const
          yield* tallies.saveWithEvents(Store.everything, foldTally(far, add), 0, add)
          yield* tallies.saveWithEvents(street, foldTally(near, add), 0, add)
          const append = yield* Effect.flip(tallies.append(street, tenant, "n1", add, 1))
          isNotPermitted(append, "test_tally", "n1")
          const noState = yield* Effect.flip(tallies.append(Store.everything, tenant, "n7", add, 0))
          isNotPermitted(noState, "test_tally", "n7")
          const farAgain = yield* Effect.flip(
            tallies.saveWithEvents(street, foldTally(foldTally(far, add), add), 1, add)
          )
          assert.strictEqual(farAgain._tag, "NotFoundOrNotPermitted")
          const movedAway = yield* Effect.flip(
            tallies.saveWithEvents(
              street,
              new Tally({ ...foldTally(foldTally(near, add), add), division: "440881003001" }),
              1,
              add
            )
          )
          assert.strictEqual(movedAway._tag, "NotFoundOrNotPermitted")
          assert.strictEqual(yield* tallies.append(street, tenant, "n2", add, 1), 2)
          assert.deepStrictEqual(
            [
              (yield* tallies.events(Store.everything, tenant, "n1")).length,
              (yield* tallies.events(Store.everything, tenant, "n2")).length,
              (yield* tallies.get(Store.everything, tenant, "n1")).division,
              (yield* tallies.get(Store.everything, tenant, "n2")).version
            ],
            [1, 2, "440881003001", 1]
          )
        })
      )

      it.effect(
        "imports within a scope: rows placed outside it, or touching a stored record outside it, are rejected rows",
        (ctx) =>
          Effect.gen(function* () {
            needs("import", ctx)
            const repo = yield* Store.repository(NoteAggregate)
            const encode = Schema.encodeSync(Note)
            const here = { division: "440881002001" }
            const there = { division: "440881003001" }
            const street: Store.Scope = { grants: [{ division: "440881002" }] }
            for (const batchSize of [1, 3, 10]) {
              const tenant = freshTenant()
              yield* repo.save(Store.everything, note(tenant, 1, { ...there, code: "NK-1" }), 0)
              yield* repo.save(Store.everything, note(tenant, 2, { ...here, code: "NK-2" }), 0)
              yield* repo.save(Store.everything, note(tenant, 3, { ...there, code: "NK-3" }), 0)
              const rows = [
                note(tenant, 1, { ...here, code: "NK-1", label: "takes n1" }), // n1 is out of scope
                note(tenant, 2, { ...here, code: "NK-2", label: "updated" }), // in scope: written
                note(tenant, 4, { ...here, code: "NK-3", label: "replaces n3" }), // n3 holds NK-3, out of scope
                note(tenant, 5, { ...there, code: "NK-5", label: "placed outside" }), // after: out of scope
                note(tenant, 6, { ...here, code: "NK-6", label: "new" }) // written
              ].map((n) => encode(n))
              const report = yield* repo.import(Stream.fromIterable(rows), { scope: street, policy: "skip", batchSize })
              const what = `batches of ${batchSize}`
              assert.deepStrictEqual(
                report.rejected.map((r) => [r.row, r.issues.map((i) => i.message)]),
                [
                  [1, ["test_note n0001: not found or not permitted"]],
                  [3, ["test_note n0004: not found or not permitted"]],
                  [4, ["test_note n0005: not found or not permitted"]]
                ],
                what
              )
              assert.strictEqual(report.written, 2, what)
              const page = yield* repo.list(Store.everything, { tenant })
              assert.deepStrictEqual(
                page.items.map((n) => [n.id, n.code, n.label, n.division]),
                [
                  ["n0001", "NK-1", "note 1 便民", "440881003001"],
                  ["n0002", "NK-2", "updated", "440881002001"],
                  ["n0003", "NK-3", "note 3 便民", "440881003001"],
                  ["n0006", "NK-6", "new", "440881002001"]
                ],
                what
              )
              // under abort the first such row fails the import, and its batch writes nothing
              const aborted = yield* Effect.flip(
                repo.import(
                  Stream.fromIterable(
                    [note(tenant, 7, { ...here, code: "NK-7" }), note(tenant, 8, { ...here, code: "NK-1" })].map((n) =>
                      encode(n)
                    )
                  ),
                  { scope: street, policy: "abort", batchSize: 5 }
                )
              )
              assert.strictEqual(aborted._tag, "RowRejected", what)
              assert.strictEqual(aborted._tag === "RowRejected" ? aborted.row : 0, 2, what)
              assert.strictEqual((yield* repo.list(Store.everything, { tenant })).total, 4, what)
            }
          })
      )

      it.effect(
        "no write changes a record outside the writer's scope, and a refused write changes nothing (property)",
        () =>
          Effect.gen(function* () {
            const notes = yield* Store.repository(NoteAggregate)
            const tallies = yield* Store.repository(TallyAggregate)
            const withImport = lacks.import === undefined
            const withEvents = lacks.events === undefined
            const id = fc.integer({ min: 1, max: 5 })
            // a natural key of its own (NK-<id>) half of the time, else one of four shared ones
            const code = fc.integer({ min: 1, max: 8 })
            /** A version to expect: the stored one (`undefined`) or a guess. */
            const guess = fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined, freq: 3 })
            const division = fc.constantFrom("440881002001", "440881003001", "440882002001")
            // random places, and places inside some of the wide scopes and outside others
            const spot = fc.oneof(
              placeArb,
              fc.constantFrom(
                { division: "440881002001" },
                { division: "440881003001", grid: ["a"] },
                { division: "440881002001", grid: ["b", "a"] },
                { division: "440882002001", org: ["a", "b"] }
              )
            )
            const noteArb = fc.record({ id, code, place: spot })
            const opArb = fc.oneof(
              fc.record({ _tag: fc.constant("save" as const), note: noteArb, version: guess }),
              fc.record({ _tag: fc.constant("delete" as const), id, version: guess }),
              ...(withImport
                ? [
                    fc.record({
                      _tag: fc.constant("import" as const),
                      rows: fc.array(noteArb, { minLength: 1, maxLength: 4 }),
                      batchSize: fc.integer({ min: 1, max: 3 }),
                      policy: fc.constantFrom("skip" as const, "abort" as const)
                    })
                  ]
                : []),
              ...(withEvents
                ? [
                    fc.record({ _tag: fc.constant("saveWithEvents" as const), id, division, version: guess }),
                    fc.record({ _tag: fc.constant("append" as const), id, seq: guess })
                  ]
                : [])
            )
            const runs = fc.sample(
              fc.record({
                start: fc.array(noteArb, { minLength: 2, maxLength: 6 }),
                tallies: fc.array(fc.tuple(id, division), { maxLength: 3 }),
                // random scopes, and scopes of a street, a grid or an org that many places fall in
                scopes: fc.array(fc.oneof(scopeArb, wideScopeArb), { minLength: 2, maxLength: 4 }),
                // an index past the scopes: the whole scope
                steps: fc.array(fc.record({ scope: fc.nat(4), op: opArb }), { minLength: 4, maxLength: 12 })
              }),
              { numRuns: 30, seed: 20261208 }
            )
            const tally = (tenant: Ids.TenantId, i: number, division: string, version: number, total: number) =>
              new Tally({ tenant, id: `n${i}`, version, total, division })
            const noteOf = (tenant: Ids.TenantId, n: { id: number; code: number; place: Store.Location }, v = 1) =>
              note(tenant, n.id, {
                ...(n.place as Partial<Note>),
                code: `NK-${n.code > 4 ? n.id : n.code}`,
                version: v
              })
            let refused = 0
            let refusedForScope = 0
            let writtenInScope = 0
            for (const run of runs) {
              const tenant = freshTenant()
              for (const n of run.start) {
                yield* Effect.either(notes.save(Store.everything, noteOf(tenant, n), 0))
              }
              for (const [i, d] of run.tallies) {
                yield* Effect.either(
                  tallies.saveWithEvents(Store.everything, tally(tenant, i, d, 1, 1), 0, [{ _tag: "Added", n: 1 }])
                )
              }
              /** Every record of the run's tenant, as the store holds it, with its location and its log's length. */
              const snapshot = Effect.gen(function* () {
                const all = new Map<string, { readonly json: string; readonly location: Store.Location }>()
                for (const n of (yield* notes.list(Store.everything, { tenant, limit: 1000 })).items) {
                  all.set(`note ${n.id}`, { json: encodedJson(Note)(n), location: locationOf(n) })
                }
                for (const t of (yield* tallies.list(Store.everything, { tenant, limit: 1000 })).items) {
                  const log = yield* tallies.events(Store.everything, tenant, t.id)
                  all.set(`tally ${t.id}`, { json: `${encodedJson(Tally)(t)} +${log.length}`, location: locationOf(t) })
                }
                return all
              })
              const flat = (m: Map<string, { readonly json: string }>) =>
                [...m].map(([k, v]) => `${k} ${v.json}`).sort()
              for (const step of run.steps) {
                const scope = run.scopes[step.scope] ?? Store.everything
                const before = yield* snapshot
                const op = step.op
                const what = `${JSON.stringify(op)} under ${JSON.stringify(scope)}`
                const stored = (key: string) => before.get(key)
                let outcome: Either.Either<unknown, { readonly _tag: string }>
                switch (op._tag) {
                  case "save": {
                    const current = Number(
                      JSON.parse(stored(`note n${String(op.note.id).padStart(4, "0")}`)?.json ?? '{"version":0}')
                        .version
                    )
                    const expected = op.version ?? current
                    outcome = yield* Effect.either(notes.save(scope, noteOf(tenant, op.note, expected + 1), expected))
                    break
                  }
                  case "delete": {
                    const key = `n${String(op.id).padStart(4, "0")}`
                    const current = Number(JSON.parse(stored(`note ${key}`)?.json ?? '{"version":0}').version)
                    outcome = yield* Effect.either(notes.delete(scope, tenant, key, op.version ?? current))
                    break
                  }
                  case "import": {
                    const rows = op.rows.map((n) => encodedJson(Note)(noteOf(tenant, n))).map((j) => JSON.parse(j))
                    outcome = yield* Effect.either(
                      notes.import(Stream.fromIterable(rows), {
                        scope,
                        policy: op.policy,
                        // under abort, one batch: a refused import then writes nothing at all
                        batchSize: op.policy === "abort" ? 10 : op.batchSize
                      })
                    )
                    break
                  }
                  case "saveWithEvents": {
                    const json = stored(`tally n${op.id}`)?.json
                    const read = json === undefined ? undefined : JSON.parse(json.slice(0, json.lastIndexOf(" +")))
                    const expected = op.version ?? Number(read?.version ?? 0)
                    const total = Number(read?.total ?? 0) + 1
                    outcome = yield* Effect.either(
                      tallies.saveWithEvents(scope, tally(tenant, op.id, op.division, expected + 1, total), expected, [
                        { _tag: "Added", n: 1 }
                      ])
                    )
                    break
                  }
                  case "append": {
                    const json = stored(`tally n${op.id}`)?.json
                    const seq = op.seq ?? Number(json?.slice(json.lastIndexOf(" +") + 2) ?? 0)
                    outcome = yield* Effect.either(tallies.append(scope, tenant, `n${op.id}`, [{ _tag: "Reset" }], seq))
                    break
                  }
                }
                const after = yield* snapshot
                if (Either.isLeft(outcome)) {
                  refused += 1
                  if (outcome.left._tag === "NotFoundOrNotPermitted") refusedForScope += 1
                  assert.include(
                    ["VersionConflict", "NotFoundOrNotPermitted", "InvalidInput", "RowRejected"],
                    outcome.left._tag,
                    what
                  )
                  assert.deepStrictEqual(flat(after), flat(before), `refused ${what} changed the store`)
                  continue
                }
                for (const key of new Set([...before.keys(), ...after.keys()])) {
                  const was = before.get(key)
                  const is = after.get(key)
                  if (was?.json === is?.json) continue
                  assert.isTrue(
                    (was === undefined || Store.inScope(scope, was.location)) &&
                      (is === undefined || Store.inScope(scope, is.location)),
                    `${what} changed ${key} from ${was?.json} to ${is?.json}`
                  )
                  if (Store.restriction(scope) !== undefined) writtenInScope += 1
                }
              }
            }
            // the sample exercises both sides: writes inside a restricted scope, and refusals for scope
            assert.isAbove(writtenInScope, 0)
            assert.isAbove(refusedForScope, 0)
            assert.isAbove(refused, refusedForScope)
          })
      )

      it.effect(
        "audits every guarded write, disclosure and refusal, queryable by record and by actor, with no clear value",
        (ctx) =>
          Effect.gen(function* () {
            const store = yield* Store.Store
            const tenant = freshTenant()
            const protection = Permissions.protection(store)
            const reading = new Permissions.Role({
              id: "my-city/reader",
              name: "查询员",
              grants: [new Permissions.Grant({ operations: ["read"], aggregates: "*" })]
            })
            const permissions = Permissions.make([Permissions.administrator, reading])
            const admin: Permissions.Access = {
              actor: `admin-${tenant}`,
              role: "administrator",
              scope: Store.everything,
              purpose: "grid-management"
            }
            const reader: Permissions.Access = {
              actor: `reader-${tenant}`,
              role: "my-city/reader",
              scope: Store.everything
            }
            const street: Permissions.Access = {
              actor: `street-${tenant}`,
              role: "administrator",
              scope: { grants: [{ division: "440881002" }] }
            }
            const raw = store.repository(NoteAggregate)
            const notes = Permissions.guard(raw, admin, permissions, protection)
            yield* notes.save(note(tenant, 1), 0)
            yield* notes.save(new Note({ ...note(tenant, 1), version: 2, label: "changed" }), 1)
            yield* notes.delete(tenant, "n0001", 2)
            const encode = Schema.encodeSync(NoteAggregate.schema)
            const report = yield* notes.import(
              Stream.make(encode(note(tenant, 2)), encode(note(tenant, 3, { division: "440881003001" }))),
              { policy: "abort" }
            )
            assert.strictEqual(report.written, 2)
            // refused by the role, and by the scope: audited as refused, the record unchanged
            const before = yield* raw.get(Store.everything, tenant, "n0002")
            const byRole = yield* Effect.flip(
              Permissions.guard(raw, reader, permissions, protection).save(
                new Note({ ...before, version: 2, size: 99 }),
                1
              )
            )
            assert.strictEqual(byRole._tag, "NotPermitted")
            const byScope = yield* Effect.flip(
              Permissions.guard(raw, street, permissions, protection).delete(tenant, "n0003", 1)
            )
            assert.strictEqual(byScope._tag, "NotFoundOrNotPermitted")
            assert.deepStrictEqual(yield* raw.get(Store.everything, tenant, "n0002"), before)
            assert.strictEqual((yield* raw.get(Store.everything, tenant, "n0003")).version, 1)
            // a resident saved and disclosed: the audit names the record, never its values
            const who = { name: "周慧敏", id: "440881198703150022", phone: "13912345678" }
            const person = Store.stored(
              new Resident.Resident({
                id: Ids.ResidentId.make("audit-r1"),
                tenant,
                household: Ids.HouseholdId.make("h1"),
                name: Redacted.make(who.name),
                birthDate: LocalDate.LocalDate.make("1987-03-15"),
                sex: "female",
                tags: [],
                idNumber: Redacted.make(who.id) as NonNullable<Resident.Resident["idNumber"]>,
                phone: Redacted.make(who.phone)
              }),
              { division: "440881002" }
            )
            const residents = Permissions.guard(store.repository(Aggregates.Residents), admin, permissions, protection)
            yield* residents.save(person, 0)
            const shown = yield* residents.disclose(tenant, "audit-r1")
            assert.strictEqual(Redacted.value(shown.value.name), who.name)
            const refusedDisclosure = yield* Effect.flip(
              Permissions.guard(store.repository(Aggregates.Residents), reader, permissions, protection).disclose(
                tenant,
                "audit-r1"
              )
            )
            assert.strictEqual(refusedDisclosure._tag, "NotPermitted")
            // queries by record and by actor
            const audit = store.repository(Aggregates.AccessAudit)
            const rows = (where: { readonly record?: string; readonly actor?: string }) =>
              Effect.map(audit.list(Store.everything, { where, limit: 100 }), (page) =>
                page.items
                  .map((e) =>
                    [e.value.operation, e.value.outcome, e.value.actor, e.value.record ?? "", e.value.count ?? 0].join(
                      " "
                    )
                  )
                  .sort()
              )
            assert.deepStrictEqual(yield* rows({ record: "n0001", actor: admin.actor }), [
              `delete done admin-${tenant} n0001 0`,
              `save done admin-${tenant} n0001 0`,
              `save done admin-${tenant} n0001 0`
            ])
            assert.deepStrictEqual(yield* rows({ actor: admin.actor }), [
              `delete done admin-${tenant} n0001 0`,
              `disclose done admin-${tenant} audit-r1 0`,
              `import done admin-${tenant}  2`,
              `save done admin-${tenant} audit-r1 0`,
              `save done admin-${tenant} n0001 0`,
              `save done admin-${tenant} n0001 0`
            ])
            assert.deepStrictEqual(yield* rows({ actor: reader.actor }), [
              `disclose refused reader-${tenant} audit-r1 0`,
              `save refused reader-${tenant} n0002 0`
            ])
            assert.deepStrictEqual(yield* rows({ actor: street.actor }), [`delete refused street-${tenant} n0003 0`])
            const entries = (yield* audit.list(Store.everything, { where: { actor: admin.actor } })).items
            assert.isTrue(
              entries.every((e) => e.value.purpose === "grid-management" && e.value.role === "administrator")
            )
            // the stored rows of the audit hold no clear value
            const stored = store.raw
            if (stored !== undefined) {
              let after: readonly [string, string] | undefined
              const dump: Array<string> = []
              for (;;) {
                const page = yield* stored.scan(Aggregates.AccessAudit, after, 200)
                for (const r of page) dump.push(JSON.stringify(r))
                const last = page[page.length - 1]
                if (last === undefined || page.length < 200) break
                after = [last.tenant, last.id]
              }
              const text = dump.join("\n")
              assert.include(text, "audit-r1")
              for (const clear of [who.name, who.id, who.phone, who.id.slice(6, 14), "changed"]) {
                assert.notInclude(text, clear)
              }
            }
            // append-only: an entry is never replaced nor deleted
            const first = entries[0]
            assert.isDefined(first)
            if (first !== undefined) {
              const replaced = yield* Effect.flip(
                audit.save(Store.everything, Store.next(first, { ...first.value, outcome: "refused" } as never), 1)
              )
              assert.deepStrictEqual(
                [replaced._tag, "code" in replaced ? replaced.code : ""],
                ["InvalidInput", "store/append-only"]
              )
              const removed = yield* Effect.flip(audit.delete(Store.everything, first.value.tenant, first.value.id, 1))
              assert.deepStrictEqual(
                [removed._tag, "code" in removed ? removed.code : ""],
                ["InvalidInput", "store/not-deletable"]
              )
              assert.strictEqual((yield* audit.get(Store.everything, first.value.tenant, first.value.id)).version, 1)
            }
            // the writes of an event log: saveWithEvents and append
            needs("events", ctx)
            const tallies = Permissions.guard(store.repository(TallyAggregate), admin, permissions, protection)
            const add = [{ _tag: "Added", n: 1 }] as const
            const t = new Tally({ tenant, id: "n1", version: 0, total: 0 })
            yield* tallies.saveWithEvents(foldTally(t, add), 0, add)
            yield* tallies.append(tenant, "n1", add, 1)
            assert.deepStrictEqual(yield* rows({ record: "n1", actor: admin.actor }), [
              `append done admin-${tenant} n1 0`,
              `saveWithEvents done admin-${tenant} n1 0`
            ])
          })
      )

      it.effect(
        "records every write in its own transaction: a write that stands has its entry, one that fails has none",
        (ctx) =>
          Effect.gen(function* () {
            const store = yield* Store.Store
            const tenant = freshTenant()
            const notes = store.repository(NoteAggregate)
            const audit = store.repository(Aggregates.AccessAudit)
            const clerk: Store.WriteOptions = {
              by: { actor: `clerk-${tenant}`, role: "clerk", purpose: "grid-management" }
            }
            /** The entries of the clerk, or of the unattributed writes of this tenant, as `operation record count`. */
            const entries = (actor: string) =>
              Effect.map(
                audit.list(Store.everything, {
                  where: { actor },
                  ...(actor === "unattributed" ? { tenant } : {}),
                  limit: 1000
                }),
                (page) =>
                  page.items
                    .filter((e) => actor !== "unattributed" || e.value.aggregate === NoteAggregate.name)
                    .map((e) =>
                      [
                        e.value.operation,
                        e.value.record ?? "-",
                        e.value.count ?? "-",
                        e.value.role,
                        e.value.purpose ?? "-",
                        e.value.outcome
                      ].join(" ")
                    )
                    .sort()
              )
            // writes that stand
            yield* notes.save(Store.everything, note(tenant, 1), 0, clerk)
            yield* notes.save(Store.everything, note(tenant, 1, { version: 2, label: "changed" }), 1, clerk)
            yield* notes.save(Store.everything, note(tenant, 2), 0)
            // writes that fail: a stale version, a record out of scope, a natural key another record holds, a
            // delete of a record not there, a delete at a stale version
            const failed = [
              yield* Effect.flip(notes.save(Store.everything, note(tenant, 1, { version: 2 }), 0, clerk)),
              yield* Effect.flip(notes.save(Store.everything, note(tenant, 1, { version: 3 }), 1, clerk)),
              yield* Effect.flip(
                notes.save(
                  { grants: [{ division: "440882" }] },
                  note(tenant, 3, { division: "440881002001" }),
                  0,
                  clerk
                )
              ),
              yield* Effect.flip(notes.save(Store.everything, note(tenant, 4, { code: "NK-1" }), 0, clerk)),
              yield* Effect.flip(notes.delete(Store.everything, tenant, "n0009", 1, clerk)),
              yield* Effect.flip(notes.delete(Store.everything, tenant, "n0002", 5, clerk))
            ]
            assert.deepStrictEqual(
              failed.map((e) => e._tag),
              [
                "VersionConflict",
                "VersionConflict",
                "NotFoundOrNotPermitted",
                "InvalidInput",
                "NotFoundOrNotPermitted",
                "VersionConflict"
              ]
            )
            yield* notes.delete(Store.everything, tenant, "n0002", 1, clerk)
            assert.deepStrictEqual(yield* entries(`clerk-${tenant}`), [
              "delete n0002 - clerk grid-management done",
              "save n0001 - clerk grid-management done",
              "save n0001 - clerk grid-management done"
            ])
            // a write through the repository with nobody named is recorded as unattributed
            assert.deepStrictEqual(yield* entries("unattributed"), ["save n0002 - direct - done"])
            needs("import", ctx)
            // an import: one entry a batch (2 + 2 + 1 rows), in the batch's transaction
            const rows = [5, 6, 7, 8, 9].map((i) => Schema.encodeSync(Note)(note(tenant, i)))
            const report = yield* notes.import(Stream.fromIterable(rows), {
              scope: Store.everything,
              policy: "abort",
              batchSize: 2,
              by: clerk.by
            })
            assert.strictEqual(report.written, 5)
            assert.deepStrictEqual(yield* entries(`clerk-${tenant}`), [
              "delete n0002 - clerk grid-management done",
              "import - 1 clerk grid-management done",
              "import - 2 clerk grid-management done",
              "import - 2 clerk grid-management done",
              "save n0001 - clerk grid-management done",
              "save n0001 - clerk grid-management done"
            ])
            // an import that aborts on a bad row writes the batches before it, each with its entry, and no more
            const bad = [10, 11, 12].map((i) => Schema.encodeSync(Note)(note(tenant, i)))
            const aborted = yield* Effect.flip(
              notes.import(Stream.fromIterable([...bad.slice(0, 2), { ...bad[2], code: "bad" }]), {
                scope: Store.everything,
                policy: "abort",
                batchSize: 2,
                by: { actor: `importer-${tenant}`, role: "clerk" }
              })
            )
            assert.strictEqual(aborted._tag, "RowRejected")
            assert.deepStrictEqual(yield* entries(`importer-${tenant}`), ["import - 2 clerk - done"])
            // the writes of an event log
            needs("events", ctx)
            const tallies = store.repository(TallyAggregate)
            const add = [{ _tag: "Added", n: 1 }] as const
            const t = new Tally({ tenant, id: "n1", version: 0, total: 0, division: "440881002001" })
            yield* tallies.saveWithEvents(Store.everything, foldTally(t, add), 0, add, clerk)
            yield* tallies.append(Store.everything, tenant, "n1", add, 1, clerk)
            const stale = yield* Effect.flip(tallies.append(Store.everything, tenant, "n1", add, 1, clerk))
            assert.strictEqual(stale._tag, "VersionConflict")
            const tallyEntries = yield* audit.list(Store.everything, {
              tenant,
              where: { aggregate: TallyAggregate.name, actor: `clerk-${tenant}` }
            })
            assert.deepStrictEqual(tallyEntries.items.map((e) => `${e.value.operation} ${e.value.record}`).sort(), [
              "append n1",
              "saveWithEvents n1"
            ])
          })
      )

      it.effect("keeps the access audit append-only through save, delete and import", (ctx) =>
        Effect.gen(function* () {
          const store = yield* Store.Store
          const tenant = freshTenant()
          const audit = store.repository(Aggregates.AccessAudit)
          const entry = (id: string, outcome: "done" | "refused") =>
            Store.stored(
              new Audit.Entry({
                id,
                tenant,
                at: "2026-03-01T04:00:00.000Z",
                actor: "u-7",
                role: "administrator",
                operation: "save",
                aggregate: "household",
                record: "h-1",
                outcome
              }),
              {}
            )
          yield* audit.save(Store.everything, entry(`a-${tenant}-1`, "done"), 0)
          const codes = (e: { readonly _tag: string }) => [e._tag, "code" in e ? String(e.code) : ""]
          const first = entry(`a-${tenant}-1`, "done")
          const replaced = Store.next(first, entry(`a-${tenant}-1`, "refused").value)
          assert.deepStrictEqual(codes(yield* Effect.flip(audit.save(Store.everything, replaced, 1))), [
            "InvalidInput",
            "store/append-only"
          ])
          assert.deepStrictEqual(
            codes(yield* Effect.flip(audit.save(Store.everything, entry(`a-${tenant}-1`, "refused"), 0))),
            ["VersionConflict", ""]
          )
          assert.deepStrictEqual(
            codes(yield* Effect.flip(audit.delete(Store.everything, tenant, `a-${tenant}-1`, 1))),
            ["InvalidInput", "store/not-deletable"]
          )
          needs("import", ctx)
          // an unrestricted import: new entries are written, a stored one (or one twice in the import) is refused
          const encode = Schema.encodeSync(Aggregates.AccessAudit.schema)
          const report = yield* audit.import(
            Stream.fromIterable([
              encode(entry(`a-${tenant}-1`, "refused")),
              encode(entry(`a-${tenant}-2`, "done")),
              encode(entry(`a-${tenant}-2`, "refused")),
              encode(entry(`a-${tenant}-3`, "done"))
            ]),
            { scope: Store.everything, policy: "skip", batchSize: 10 }
          )
          assert.deepStrictEqual([report.written, report.rejected.map((r) => r.row)], [2, [1, 3]])
          for (const r of report.rejected) assert.include(r.message, "store/append-only")
          const aborted = yield* Effect.flip(
            audit.import(Stream.fromIterable([encode(entry(`a-${tenant}-3`, "refused"))]), {
              scope: Store.everything,
              policy: "abort"
            })
          )
          assert.deepStrictEqual([aborted._tag, aborted.message.includes("store/append-only")], ["RowRejected", true])
          const stored = yield* audit.list(Store.everything, { tenant, limit: 10 })
          assert.deepStrictEqual(
            stored.items.map((e) => `${e.value.id} ${e.version} ${e.value.outcome}`),
            [`a-${tenant}-1 1 done`, `a-${tenant}-2 1 done`, `a-${tenant}-3 1 done`]
          )
        })
      )

      it.effect("migrates once: running the migrations again applies nothing and keeps the data", (ctx) =>
        Effect.gen(function* () {
          needs("migrations", ctx)
          const store = yield* Store.Store
          const repo = store.repository(NoteAggregate)
          const tenant = freshTenant()
          yield* repo.save(Store.everything, note(tenant, 1), 0)
          assert.deepStrictEqual(yield* store.migrate, [])
          assert.deepStrictEqual(yield* store.migrate, [])
          assert.strictEqual((yield* repo.get(Store.everything, tenant, "n0001")).code, "NK-1")
        })
      )
    })
  })
}

/**
 * Registers the suite for a store that cannot run here (no server configured), as skipped cases that print why.
 *
 * @since 0.1.0
 * @category suites
 */
export const unavailable = (name: string, reason: string): void => skipped(`Store conformance: ${name}`, reason)

/**
 * The encryption-at-rest suite (存储加密): `StoreSuite.encryption("sqlite", (keys) => layer)` registers
 * `describe("Store encryption (<algorithm>): <name>")`. `make` builds the store under test with the keys it is given,
 * over a database of its own. Cases: no identity number, phone or name in clear in any stored row (records, events,
 * index columns, the import path); lookups by blind index and a unique identity number; a protected minor's
 * personal part sealed whole; a changed ciphertext a typed error; a rotation stopped midway and resumed; an erasure
 * that keeps the counts.
 *
 * @since 0.1.0
 * @category suites
 */
export const encryption: <E>(
  name: string,
  make: (keys: Layer.Layer<KeyProvider.KeyProvider, KeyProvider.KeyError>) => Layer.Layer<Store.Store, E>,
  options?: { readonly algorithm?: Cipher.Algorithm | undefined }
) => void = EncryptionSuite.suite
