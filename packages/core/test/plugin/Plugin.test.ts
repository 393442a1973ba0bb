import { readFileSync } from "node:fs"
import { assert, describe, expect, it } from "@effect/vitest"
import { coreVersion, Plugin } from "@zhili/core"
import { Effect, Either, Exit, Schema } from "effect"

class Kind extends Schema.Class<Kind>("test/Kind")({
  id: Schema.String,
  name: Schema.String.pipe(Schema.minLength(1))
}) {}
const Kinds = Plugin.extensionPoint({ id: "test.kinds", description: "kinds", schema: Kind, key: (k) => k.id })
const Limits = Plugin.extensionPoint({
  id: "test.limits",
  description: "time limits in hours",
  schema: Schema.Struct({ category: Schema.String, hours: Schema.Positive }),
  key: (l) => l.category
})
const points = [Kinds, Limits]

const base = Plugin.define({
  id: "core",
  version: "0.1.0",
  description: "defaults",
  contributes: [
    Plugin.contribute(Kinds, [new Kind({ id: "branch", name: "支部" })]),
    Plugin.contribute(Limits, [{ category: "general", hours: 168 }])
  ]
})
const city = (extra: Partial<Plugin.Plugin> = {}): Plugin.Plugin => ({
  id: "city-a",
  version: "1.2.0",
  description: "city A rules",
  contributes: [Plugin.contribute(Kinds, [new Kind({ id: "city-a/grid-group", name: "网格党小组" })])],
  ...extra
})

const left = <E>(r: Either.Either<unknown, E>): E => {
  if (Either.isRight(r)) throw new Error("expected a composition error")
  return r.left
}

describe("Plugin.compose", () => {
  it("keeps contribution order across plugins and records where each value came from", () => {
    const registry = Either.getOrThrow(Plugin.compose([base, city()], points, { coreVersion: "0.1.0" }))
    expect(registry.values(Kinds).map((k) => k.id)).toEqual(["branch", "city-a/grid-group"])
    expect(registry.entries(Kinds)[1]?.plugin).toBe("city-a")
    expect(registry.get(Limits, "general")?.hours).toBe(168)
    expect(registry.plugins).toEqual([
      { id: "core", version: "0.1.0" },
      { id: "city-a", version: "1.2.0" }
    ])
  })

  it("decodes contributions given as plain JSON", () => {
    const fromJson = city({ contributes: [{ point: "test.kinds", values: [{ id: "city-a/x", name: "X" }] }] })
    const registry = Either.getOrThrow(Plugin.compose([base, fromJson], points, { coreVersion: "0.1.0" }))
    assert.instanceOf(registry.get(Kinds, "city-a/x"), Kind)
  })

  it("rejects the same key from two plugins without an override, naming both", () => {
    const clash = city({ contributes: [Plugin.contribute(Limits, [{ category: "general", hours: 24 }])] })
    const error = left(Plugin.compose([base, clash], points))
    assert.instanceOf(error, Plugin.PluginConflict)
    expect(error.message).toBe(
      'plugins core and city-a both define test.limits "general"; mark the later contribution as an override if it is meant to replace the earlier one'
    )
  })

  it("lets a later plugin replace a key with an explicit override and keeps the history", () => {
    const stricter = city({
      contributes: [Plugin.contribute(Limits, [{ category: "general", hours: 24 }], { override: true })]
    })
    const registry = Either.getOrThrow(Plugin.compose([base, stricter], points))
    expect(registry.get(Limits, "general")?.hours).toBe(24)
    expect(registry.entries(Limits)[0]?.overrode).toEqual(["core"])
  })

  it("rejects a key defined twice by the same plugin even with override", () => {
    const twice = city({
      contributes: [
        Plugin.contribute(Limits, [{ category: "x", hours: 1 }]),
        Plugin.contribute(Limits, [{ category: "x", hours: 2 }], { override: true })
      ]
    })
    assert.instanceOf(left(Plugin.compose([twice], points)), Plugin.PluginConflict)
  })

  it("says when a required plugin is absent or listed after its dependant", () => {
    const needsCore = city({ requires: { plugins: { core: "^0.1.0" } } })
    const absent = left(Plugin.compose([needsCore], points))
    assert.instanceOf(absent, Plugin.MissingDependency)
    expect(absent.message).toBe("plugin city-a requires plugin core ^0.1.0, which is not installed")
    const after = left(Plugin.compose([needsCore, base], points))
    expect(after.message).toBe("plugin city-a requires plugin core ^0.1.0; list core before city-a")
  })

  it("rejects a plugin that needs a newer core or a newer dependency", () => {
    const newer = left(Plugin.compose([city({ requires: { core: ">=0.5.0" } })], points, { coreVersion: "0.1.0" }))
    assert.instanceOf(newer, Plugin.IncompatibleVersion)
    expect(newer.message).toBe("plugin city-a requires @zhili/core >=0.5.0, but 0.1.0 is installed")
    const dep = left(Plugin.compose([base, city({ requires: { plugins: { core: "^2.0.0" } } })], points))
    expect(dep.message).toBe("plugin city-a requires core ^2.0.0, but 0.1.0 is installed")
  })

  it("rejects an invalid contribution whole, with the path of what is wrong", () => {
    const bad = city({
      contributes: [
        Plugin.contribute(Kinds, [new Kind({ id: "city-a/ok", name: "ok" })]),
        { point: "test.limits", values: [{ category: "general", hours: -3 }] }
      ]
    })
    const error = left(Plugin.compose([bad], points))
    assert.instanceOf(error, Plugin.InvalidPlugin)
    if (error._tag !== "InvalidPlugin") return
    expect(error.issues.map((i) => i.path)).toEqual([["contributes", 1, "values", 0, "hours"]])
    expect(error.message).toMatch(/^plugin city-a is invalid: contributes\.1\.values\.0\.hours: /)
  })

  it("rejects unknown extension points, malformed headers and duplicates", () => {
    const unknown = left(Plugin.compose([city({ contributes: [{ point: "nope", values: [] }] })], points))
    expect(unknown.message).toContain('unknown extension point "nope"')
    const header = left(Plugin.compose([city({ id: "City A", version: "one" })], points))
    assert.instanceOf(header, Plugin.InvalidPlugin)
    if (header._tag === "InvalidPlugin") expect(header.issues.map((i) => i.path[0])).toEqual(["id", "version"])
    assert.instanceOf(left(Plugin.compose([base, base], points)), Plugin.DuplicatePlugin)
  })
})

describe("Plugin front doors", () => {
  it.effect("the layer fails at composition, before first use", () =>
    Effect.gen(function* () {
      const exit = yield* Effect.exit(
        Effect.provide(Plugin.Plugins, Plugin.layer([city({ requires: { core: ">=9.0.0" } })], points))
      )
      assert.isTrue(Exit.isFailure(exit))
      const registry = yield* Effect.provide(Plugin.Plugins, Plugin.layer([base], points))
      expect(registry.values(Kinds)).toHaveLength(1)
    })
  )

  it("the Promise API resolves the registry or rejects with the typed error", async () => {
    await expect(Plugin.composeAsync([base, city()], points)).resolves.toMatchObject({
      plugins: [{ id: "core" }, { id: "city-a" }]
    })
    await expect(Plugin.composeAsync([base, base], points)).rejects.toBeInstanceOf(Plugin.DuplicatePlugin)
  })
})

describe("Plugin.check", () => {
  it("accepts a well-formed plugin with namespaced keys, and the core pack's plain keys", () => {
    expect(Plugin.check(city(), points)).toEqual([])
    expect(Plugin.check(base, points)).toEqual([])
  })
  it("reports keys that are not namespaced by the plugin id", () => {
    const sloppy = city({ contributes: [Plugin.contribute(Kinds, [new Kind({ id: "grid-group", name: "x" })])] })
    expect(Plugin.check(sloppy, points).map((i) => i.message)).toEqual([
      'key "grid-group" of test.kinds is not namespaced by the plugin id; use "city-a/…"'
    ])
  })
})

describe("coreVersion", () => {
  it("matches the package version", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }
    expect(coreVersion).toBe(pkg.version)
  })
})
