import { assert, describe, it } from "@effect/vitest"
import { Ids, Permissions, Scope, Store, StoreClient } from "@zhili/core"
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

describe("StoreClient guarded repositories", () => {
  const reader = new Permissions.Role({
    id: "my-city/reader",
    name: "查阅员",
    grants: [new Permissions.Grant({ operations: ["read"], aggregates: ["counter"] })]
  })
  const permissions = Permissions.make([Permissions.administrator, reader])
  const failure = (p: Promise<unknown>) =>
    p.then(
      () => undefined,
      (e: { readonly _tag: string; readonly message: string }) => [e._tag, e.message]
    )

  it("acts in the actor's role and scope, and refuses before touching the store", async () => {
    const client = StoreClient.make(Store.layerMemory)
    const admin = client.guarded(
      CounterAggregate,
      { actor: "root", role: "administrator", scope: Scope.grid(["g1"]) },
      permissions
    )
    await admin.save(c1, 0)
    assert.deepStrictEqual(await failure(admin.save(new Counter({ ...c1, id: "c2", grid: ["g2"] }), 0)), [
      "NotFoundOrNotPermitted",
      "counter c2: not found or not permitted"
    ])
    const report = await admin.import(
      [
        { tenant, id: "c3", version: 1, n: 3, grid: ["g1"] },
        { tenant, id: "c4", version: 1, n: 4, grid: ["g2"] }
      ],
      { policy: "skip" }
    )
    assert.deepStrictEqual([report.written, report.rejectedRows], [1, 1])
    const guest = client.guarded(
      CounterAggregate,
      { actor: "u-9", role: "my-city/reader", scope: Scope.all },
      permissions
    )
    assert.deepStrictEqual(
      (await guest.list()).items.map((c) => c.id),
      ["c1", "c3"]
    )
    assert.deepStrictEqual(await failure(guest.save(new Counter({ ...c1, version: 2, n: 9 }), 1)), [
      "NotPermitted",
      "actor u-9 (role my-city/reader) may not write counter records"
    ])
    assert.deepStrictEqual((await failure(guest.disclose(tenant, "c1")))?.[0], "NotPermitted")
    assert.strictEqual((await admin.get(tenant, "c1")).n, 1)
    await client.dispose()
  })
})
