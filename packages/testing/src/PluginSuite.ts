/**
 * The plugin conformance suite every plugin runs with one line: `PluginSuite.suite(plugin, points)`. It checks that
 * the plugin's header is well formed, that every contribution targets a known extension point and decodes against
 * its schema, that the keys it adds are namespaced by its id (`<id>/…`; overrides and the core pack excepted), and
 * that it composes after the core default pack (or the base plugins given), its values registered under its id.
 *
 * @since 0.1.0
 */
import { assert, describe, it } from "@effect/vitest"
import { CorePlugin, Plugin } from "@zhili/core"
import { Either, Schema } from "effect"

/**
 * Options of the suite: the plugins composed before the plugin under test (default: the core pack; give the
 * plugins it requires, in order) and the core version requirements are checked against.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly base?: ReadonlyArray<Plugin.Plugin>
  readonly coreVersion?: string
}

const describeIssues = (issues: ReadonlyArray<{ readonly path: ReadonlyArray<unknown>; readonly message: string }>) =>
  issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n")

/**
 * Runs the plugin conformance suite for one plugin over the host's extension points (usually
 * `CorePlugin.points`, plus the points of other packages).
 *
 * @since 0.1.0
 * @category suites
 */
export const suite = (
  plugin: Plugin.Plugin,
  points: ReadonlyArray<Plugin.AnyExtensionPoint> = CorePlugin.points,
  options: Options = {}
): void => {
  const base = (options.base ?? [CorePlugin.plugin]).filter((p) => p.id !== plugin.id)
  const composeOptions = options.coreVersion === undefined ? {} : { coreVersion: options.coreVersion }
  const pointById = new Map(points.map((p) => [p.id, p]))

  describe(`Plugin conformance: ${plugin.id}`, () => {
    it("has a well-formed header: id, semantic version, description", () => {
      const header = Schema.decodeUnknownEither(Plugin.PluginHeader, { errors: "all" })(plugin)
      assert.isTrue(Either.isRight(header), `the header of ${plugin.id} does not decode`)
    })

    it("contributes only to known extension points, at least one value", () => {
      assert.isAbove(plugin.contributes.length, 0, "a plugin contributes something")
      for (const c of plugin.contributes) {
        assert.isTrue(pointById.has(c.point), `unknown extension point ${c.point}`)
      }
    })

    it("every contribution decodes and every key it adds is namespaced by the plugin id", () => {
      const issues = Plugin.check(plugin, points)
      assert.deepStrictEqual(issues.length, 0, describeIssues(issues))
    })

    it("keys are unique within the plugin", () => {
      const seen = new Set<string>()
      for (const c of plugin.contributes) {
        const point = pointById.get(c.point)
        if (point === undefined) continue
        for (const value of c.values) {
          const key = `${c.point} ${point.key(value)}`
          assert.isFalse(seen.has(key), `${key} is contributed twice`)
          seen.add(key)
        }
      }
    })

    it(`composes after ${base.map((p) => p.id).join(", ") || "nothing"} and registers its values under its id`, () => {
      const composed = Plugin.compose([...base, plugin], points, composeOptions)
      if (Either.isLeft(composed)) assert.fail(composed.left.message)
      const registry = composed.right
      assert.deepStrictEqual(registry.plugins.at(-1), { id: plugin.id, version: plugin.version })
      for (const c of plugin.contributes) {
        const point = pointById.get(c.point)
        if (point === undefined) continue
        const entries = registry.entries(point)
        for (const value of c.values) {
          const key = point.key(value)
          const entry = entries.find((e) => e.key === key)
          assert.strictEqual(entry?.plugin, plugin.id, `${c.point} "${key}" is not registered from ${plugin.id}`)
          if (c.override !== true) assert.deepStrictEqual(entry?.overrode, [], `${c.point} "${key}" overrides silently`)
        }
      }
    })
  })
}
