import { assert, describe, expect, it } from "@effect/vitest"
import { Aggregates, CorePlugin, Permissions, Plugin, Runtime, Store } from "@zhili/core"
import { Effect, Either, Schema, Stream } from "effect"

const gridWorker = new Permissions.Role({
  id: "my-city/grid-worker",
  name: "网格员",
  grants: [
    new Permissions.Grant({ operations: ["read", "write"], aggregates: ["household", "resident"] }),
    new Permissions.Grant({ operations: ["read"], aggregates: ["case"] })
  ]
})
const permissions = Permissions.make([Permissions.administrator, gridWorker])

const city = (roles: ReadonlyArray<Permissions.Role>, options: { readonly override?: boolean } = {}, id = "my-city") =>
  Plugin.define({
    id,
    version: "1.0.0",
    description: "My City",
    requires: { plugins: { core: "0.x" } },
    contributes: [Plugin.contribute(Permissions.point, roles, options)]
  })

describe("Permissions.check", () => {
  it("allows what a grant of the role covers, and nothing else", () => {
    const ask = (role: string, operation: Permissions.Operation, aggregate: string) =>
      Either.isRight(Permissions.check(permissions, { actor: "u-7", role, operation, aggregate }))
    expect(ask("my-city/grid-worker", "read", "household")).toBe(true)
    expect(ask("my-city/grid-worker", "write", "resident")).toBe(true)
    expect(ask("my-city/grid-worker", "read", "case")).toBe(true)
    expect(ask("my-city/grid-worker", "write", "case")).toBe(false)
    expect(ask("my-city/grid-worker", "delete", "household")).toBe(false)
    expect(ask("my-city/grid-worker", "import", "household")).toBe(false)
    expect(ask("my-city/grid-worker", "disclose", "resident")).toBe(false)
    expect(ask("my-city/grid-worker", "read", "fund")).toBe(false)
    for (const operation of ["read", "write", "delete", "import", "disclose"] as const) {
      expect(ask("administrator", operation, "fund")).toBe(true)
    }
    // a role nobody defined may do nothing
    expect(ask("my-city/auditor", "read", "household")).toBe(false)
    expect(
      Either.isLeft(
        Permissions.check(Permissions.make([]), {
          actor: "u",
          role: "administrator",
          operation: "read",
          aggregate: "x"
        })
      )
    ).toBe(true)
  })

  it("names actor, role, operation and aggregate in the refusal", () => {
    const refused = Permissions.check(permissions, {
      actor: "u-7",
      role: "my-city/grid-worker",
      operation: "delete",
      aggregate: "household"
    })
    assert.isTrue(Either.isLeft(refused))
    if (Either.isLeft(refused)) {
      const e = refused.left
      expect([e._tag, e.actor, e.role, e.operation, e.aggregate]).toEqual([
        "NotPermitted",
        "u-7",
        "my-city/grid-worker",
        "delete",
        "household"
      ])
      expect(e.message).toBe("actor u-7 (role my-city/grid-worker) may not delete household records")
    }
  })

  it("decodes roles as data and rejects a grant without operations", () => {
    const decode = Schema.decodeUnknownEither(Permissions.Role)
    const role = decode({ id: "x/reader", name: "读者", grants: [{ operations: ["read"], aggregates: "*" }] })
    expect(Either.isRight(role)).toBe(true)
    expect(Either.isLeft(decode({ id: "x/none", name: "无", grants: [{ operations: [], aggregates: "*" }] }))).toBe(
      true
    )
    expect(
      Either.isLeft(decode({ id: "x/bad", name: "坏", grants: [{ operations: ["erase"], aggregates: "*" }] }))
    ).toBe(true)
  })
})

describe("Permissions from plugins", () => {
  it("has the administrator by default and every role plugins contribute", () => {
    const core = Either.getOrThrow(Runtime.make([CorePlugin.plugin]))
    expect(core.permissions.roles.map((r) => r.id)).toEqual(["administrator"])
    expect(core.permissions).toEqual(Permissions.defaults)
    const policies = Either.getOrThrow(Runtime.make([CorePlugin.plugin, city([gridWorker])]))
    expect(policies.permissions.roles.map((r) => r.id)).toEqual(["administrator", "my-city/grid-worker"])
  })

  it("reports two plugins defining one role as a conflict, unless the later one overrides it", () => {
    const again = Plugin.compose(
      [CorePlugin.plugin, city([gridWorker]), city([gridWorker], {}, "other-city")],
      CorePlugin.points
    )
    assert.isTrue(Either.isLeft(again))
    if (Either.isLeft(again)) {
      expect(again.left).toMatchObject({
        _tag: "PluginConflict",
        point: "store.roles",
        key: "my-city/grid-worker",
        first: "my-city",
        second: "other-city"
      })
    }
    const narrower = new Permissions.Role({ ...gridWorker, grants: [] })
    const overridden = Either.getOrThrow(
      Runtime.make([CorePlugin.plugin, city([gridWorker]), city([narrower], { override: true }, "other-city")])
    )
    expect(
      Permissions.allows(overridden.permissions, {
        role: "my-city/grid-worker",
        operation: "read",
        aggregate: "household"
      })
    ).toBe(false)
  })
})

describe("Permissions.guard", () => {
  const tenant = "440881002001"
  const mine: Store.Location = { division: tenant, grid: ["g1", "g1-1"] }
  const theirs: Store.Location = { division: tenant, grid: ["g1", "g1-2"] }
  const home = (id: string, room: string) => ({ id, tenant, building: "b1", room }) as never
  const worker: Permissions.Access = {
    actor: "u-7",
    role: "my-city/grid-worker",
    scope: { grants: [{ grid: ["g1", "g1-1"] }] }
  }
  const snapshot = (repo: Store.Repository<Store.Stored<unknown>>) =>
    Effect.map(repo.list(Store.everything, { tenant }), (p) => p.items.map((h) => JSON.stringify(h)))

  it.effect("runs allowed operations in the actor's scope and refuses the others before touching the store", () =>
    Effect.gen(function* () {
      const repo = yield* Store.repository(Aggregates.Households)
      yield* repo.save(Store.everything, Store.stored(home("h1", "101"), mine), 0)
      yield* repo.save(Store.everything, Store.stored(home("h2", "102"), theirs), 0)
      const homes = Permissions.guard(repo, worker, permissions, Permissions.protection(yield* Store.Store))
      // allowed, within the scope
      const h1 = yield* homes.get(tenant, "h1")
      yield* homes.save(Store.next(h1, { ...h1.value, room: "111" } as never), h1.version)
      expect((yield* homes.list()).items.map((h) => h.value.id)).toEqual(["h1"])
      expect(yield* homes.count()).toEqual([{ key: [], count: 1 }])
      // allowed, outside the scope: the store's NotFoundOrNotPermitted
      const h2 = yield* repo.get(Store.everything, tenant, "h2")
      const moved = yield* Effect.flip(homes.save(Store.next(h2, h2.value, mine), h2.version))
      expect(moved._tag).toBe("NotFoundOrNotPermitted")
      const before = yield* snapshot(repo as never)
      // refused by the role: NotPermitted, whether the record exists or not, and nothing changes
      const deleted = yield* Effect.flip(homes.delete(tenant, "h1", 2))
      const deletedMissing = yield* Effect.flip(homes.delete(tenant, "h9", 1))
      expect([deleted._tag, deleted.message]).toEqual([
        "NotPermitted",
        "actor u-7 (role my-city/grid-worker) may not delete household records"
      ])
      expect(deletedMissing.message).toBe(deleted.message)
      const imported = yield* Effect.flip(
        homes.import(Stream.make({ version: 1, location: mine, value: home("h5", "105") }), { policy: "abort" })
      )
      expect(imported._tag).toBe("NotPermitted")
      expect((yield* Effect.flip(homes.disclose(tenant, "h1")))._tag).toBe("NotPermitted")
      expect(yield* snapshot(repo as never)).toEqual(before)
      // a role that may not read households sees no record and learns of none
      const funds = Permissions.guard(
        repo,
        { ...worker, role: "my-city/auditor" },
        permissions,
        Permissions.protection(yield* Store.Store)
      )
      const hidden = yield* Effect.flip(funds.get(tenant, "h1"))
      const absent = yield* Effect.flip(funds.get(tenant, "h9"))
      expect([hidden._tag, hidden.message]).toEqual([absent._tag, absent.message])
      expect((yield* Effect.flip(funds.list()))._tag).toBe("NotPermitted")
      // the administrator with the whole scope may do everything, import included
      const admin = Permissions.guard(
        repo,
        { actor: "root", role: "administrator", scope: Store.everything },
        permissions,
        Permissions.protection(yield* Store.Store)
      )
      yield* admin.disclose(tenant, "h1")
      const report = yield* admin.import(Stream.make({ version: 1, location: theirs, value: home("h5", "105") }), {
        policy: "abort"
      })
      expect(report.written).toBe(1)
      expect((yield* admin.list()).items.map((h) => [h.value.id, h.value.room, h.version])).toEqual([
        ["h1", "111", 2],
        ["h2", "102", 1],
        ["h5", "105", 1]
      ])
    }).pipe(Effect.provide(Store.layerMemory))
  )

  it.effect("passes the actor's scope to a guarded import: rows outside it are rejected rows", () =>
    Effect.gen(function* () {
      const repo = yield* Store.repository(Aggregates.Households)
      const importer = Permissions.guard(
        repo,
        { ...worker, role: "administrator" },
        permissions,
        Permissions.protection(yield* Store.Store)
      )
      const report = yield* importer.import(
        Stream.make(
          { version: 1, location: mine, value: home("h1", "101") },
          { version: 1, location: theirs, value: home("h2", "102") }
        ),
        { policy: "skip" }
      )
      expect([report.written, report.rejected.map((r) => [r.row, r.message])]).toEqual([
        1,
        [[2, "household row 2 rejected: household h2: not found or not permitted"]]
      ])
    }).pipe(Effect.provide(Store.layerMemory))
  )
})
