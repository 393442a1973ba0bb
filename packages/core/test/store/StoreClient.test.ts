import { assert, describe, it } from "@effect/vitest"
import { Ids, Scope, Store, StoreClient } from "@zhili/core"
import { Schema } from "effect"

class Counter extends Schema.Class<Counter>("Counter")({
  tenant: Ids.TenantId,
  id: Schema.String,
  version: Schema.Int,
  n: Schema.Int,
  grid: Schema.Array(Schema.String)
}) {}

const CounterAggregate = Store.aggregate({
  name: "counter",
  schema: Counter,
  tenant: (c) => c.tenant,
  id: (c) => c.id,
  version: (c) => c.version,
  location: (c) => ({ grid: c.grid }),
  fields: [{ name: "n", type: "number", get: (c: Counter) => c.n }]
})

const tenant = Schema.decodeSync(Ids.TenantId)("440881002001")
const c1 = new Counter({ tenant, id: "c1", version: 1, n: 1, grid: ["g1", "g1a"] })

describe("StoreClient (Promise front door)", () => {
  it("saves, reads in scope and rejects with the typed errors of the Effect API", async () => {
    const client = StoreClient.make(Store.layerMemory)
    const repo = client.repository(CounterAggregate)
    await repo.save(Store.everything, c1, 0)
    assert.deepStrictEqual(await repo.get(Store.everything, tenant, "c1"), c1)
    const conflict = await repo.save(Store.everything, c1, 0).then(
      () => undefined,
      (e: unknown) => e
    )
    assert.strictEqual((conflict as { _tag: string })._tag, "VersionConflict")
    const hidden = await repo.get({ grants: [{ grid: ["g2"] }] }, tenant, "c1").then(
      () => undefined,
      (e: unknown) => e
    )
    assert.strictEqual((hidden as Error).message, "counter c1: not found or not permitted")
    const page = await repo.list({ grants: [{ grid: ["g1"] }] }, { where: { n: 1 } })
    assert.strictEqual(page.total, 1)
    assert.deepStrictEqual(await client.migrate(), [])
    await client.dispose()
  })

  it("imports from an async iterable with progress callbacks and bad rows reported by row number", async () => {
    const client = StoreClient.make(Store.layerMemory)
    const seen: Array<number> = []
    async function* rows() {
      for (let i = 0; i < 5; i++) yield { tenant, id: `c${i}`, version: 1, n: i === 2 ? "two" : i, grid: ["g1"] }
    }
    const report = await client
      .repository(CounterAggregate)
      .import(rows(), { scope: Store.everything, policy: "skip", batchSize: 2, onProgress: (p) => seen.push(p.rows) })
    assert.strictEqual(report.written, 4)
    assert.deepStrictEqual(
      report.rejected.map((r) => [r.row, r.issues[0]?.path]),
      [[3, ["n"]]]
    )
    assert.deepStrictEqual(seen, [2, 4, 5])
    await client.dispose()
  })
})

describe("Store and kernel scopes", () => {
  it("accepts kernel Scope values and agrees with Scope.contains", async () => {
    const client = StoreClient.make(Store.layerMemory)
    const repo = client.repository(CounterAggregate)
    await repo.save(Store.everything, c1, 0)
    await repo.save(Store.everything, new Counter({ tenant, id: "c2", version: 1, n: 2, grid: ["g2"] }), 0)
    for (const scope of [Scope.grid(["g1"]), Scope.grid(["g2"]), Scope.all, Scope.none, Scope.grid(["g1", "g1a"])]) {
      const page = await repo.list(scope)
      const expected = ["c1", "c2"].filter((id) => Scope.contains(scope, { grid: id === "c1" ? c1.grid : ["g2"] }))
      assert.deepStrictEqual(
        page.items.map((c) => c.id),
        expected
      )
    }
    await client.dispose()
  })
})
