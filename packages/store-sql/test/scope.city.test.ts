/**
 * Scope check at city scale (a tiny city): an actor scoped to one micro grid reads nothing outside it through any
 * read operation of the store (get, list with every filter and paging, events), on the in-memory store and on
 * SQLite, nor through a report built from what it read. Households and cases of two communities are written with
 * their grid locations; the actor's view is compared with the records that lie in its grid.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, assert, describe, it } from "@effect/vitest"
import { Case, Household, Report, Scope, Store } from "@zhili/core"
import { Drivers } from "@zhili/store-sql"
import { City } from "@zhili/testing"
import { Effect, Either, type Layer, Schema, Stream } from "effect"

const tiny = { seed: 11, scale: 0.002 } as const
const communities = [...City.communities(tiny)]
const microOfBuilding = new Map(
  communities.flatMap((c) =>
    c.grids.filter((g) => g.level === "micro").flatMap((g) => g.buildings.map((b) => [b, g.id] as const))
  )
)
const gridPath = (community: string, micro: string) => {
  const m = [4, 5, 6, 7, 8, 9, 10].findIndex((s) => micro.endsWith(`-${String(s).padStart(2, "0")}`))
  return City.microPath(community, m)
}
const householdLocation = (h: Household.Household): Store.Location => ({
  division: h.tenant,
  grid: gridPath(h.tenant, microOfBuilding.get(h.building) as string)
})

const Households = Store.aggregate({
  name: "scope_household",
  schema: Household.Household,
  tenant: (h) => h.tenant,
  id: (h) => h.id,
  version: () => 1,
  location: householdLocation,
  fields: [{ name: "building", type: "string", get: (h: Household.Household) => h.building }]
})
const Cases = Store.aggregate({
  name: "scope_case",
  schema: Case.Case,
  tenant: (c) => c.tenant,
  id: (c) => c.id,
  version: (c) => c.version,
  location: (c) => Case.scopeLocation(c),
  fields: [{ name: "status", type: "string", get: (c: Case.Case) => c.status }],
  events: Case.Event
})

const households = communities.flatMap((c) => c.households)
const cases = [...City.cases(tiny)].filter((_, i) => i % 3 === 0)
const target = communities[1] as City.Community
const path = City.microPath(target.community, 3)
const actor = Scope.grid(path as unknown as [string, ...Array<string>])
const inGrid = (l: Store.Location) => Scope.contains(actor, l)
const expectedHouseholds = households.filter((h) => inGrid(householdLocation(h)))
const expectedCases = cases.filter((c) => inGrid(Case.scopeLocation(c)))

const dir = mkdtempSync(join(tmpdir(), "zhili-scope-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const stores: ReadonlyArray<readonly [string, Layer.Layer<Store.Store, unknown>]> = [
  ["memory", Store.layerMemory],
  ["sqlite", Drivers.layerSqlite({ filename: join(dir, "scope.db"), aggregates: [Households, Cases] })]
]

const listAll = <A, K extends string, E>(
  repo: Store.Repository<A, K, E>,
  scope: Store.Scope,
  options: Store.ListOptions<K> = {}
) =>
  Effect.gen(function* () {
    const out: Array<A> = []
    let cursor: string | undefined
    for (;;) {
      const page = yield* repo.list(scope, { ...options, limit: 97, ...(cursor === undefined ? {} : { cursor }) })
      out.push(...page.items)
      if (page.next === undefined) return { items: out, total: page.total }
      cursor = page.next
    }
  })

describe("scope: an actor scoped to one micro grid", () => {
  it("has records on both sides of its grid", () => {
    assert.isAbove(expectedHouseholds.length, 10)
    assert.isAbove(households.length - expectedHouseholds.length, 1000)
    assert.isAbove(expectedCases.length, 0)
    assert.isAbove(cases.length - expectedCases.length, 100)
  })

  for (const [name, layer] of stores) {
    it.effect(`${name}: reads nothing outside the grid through get, list, events or a report`, () =>
      Effect.gen(function* () {
        const store = yield* Store.Store
        yield* store.migrate
        const homes = store.repository(Households)
        const caseRepo = store.repository(Cases)
        yield* homes.import(Stream.fromIterable(households.map((h) => Schema.encodeSync(Household.Household)(h))), {
          scope: Store.everything,
          policy: "abort"
        })
        for (const c of cases) yield* caseRepo.saveWithEvents(Store.everything, c, 0, c.history)

        // list: whole store, per tenant, with filters, with offsets
        const all = yield* listAll(homes, actor)
        assert.deepStrictEqual(all.items.map((h) => h.id).sort(), expectedHouseholds.map((h) => h.id).sort())
        assert.strictEqual(all.total, expectedHouseholds.length)
        for (const c of communities) {
          const mine = yield* listAll(homes, actor, { tenant: c.community })
          assert.isTrue(mine.items.every((h) => inGrid(householdLocation(h))))
        }
        const outsideBuilding = households.find((h) => !inGrid(householdLocation(h)))?.building as string
        const filtered = yield* homes.list(actor, { where: { building: outsideBuilding } })
        assert.deepStrictEqual([filtered.items.length, filtered.total], [0, 0])
        const far = yield* homes.list(actor, { offset: 1_000_000 })
        assert.strictEqual(far.items.length, 0)

        // get and events: every record outside fails as not found / not permitted
        for (const h of households.filter((_, i) => i % 7 === 0)) {
          const got = yield* Effect.either(homes.get(actor, h.tenant, h.id))
          assert.strictEqual(Either.isRight(got), inGrid(householdLocation(h)), h.id)
        }
        for (const c of cases) {
          const got = yield* Effect.either(caseRepo.get(actor, c.tenant, c.id))
          const log = yield* Effect.either(caseRepo.events(actor, c.tenant, c.id))
          const inside = inGrid(Case.scopeLocation(c))
          assert.strictEqual(Either.isRight(got), inside, c.id)
          assert.strictEqual(Either.isRight(log), inside, c.id)
        }
        const seen = yield* listAll(caseRepo, actor, {
          where: { status: ["closed", "rejected", "withdrawn", "in-progress"] }
        })
        assert.deepStrictEqual(seen.items.map((c) => c.id).sort(), expectedCases.map((c) => c.id).sort())

        // a report over what the actor read counts only its grid
        const figure = Report.count({
          id: "households",
          label: "户数",
          unit: "户",
          items: all.items,
          inputLabel: "households",
          formula: "count"
        })
        assert.strictEqual(figure.value, expectedHouseholds.length)
      }).pipe(Effect.provide(layer))
    )
  }
})
