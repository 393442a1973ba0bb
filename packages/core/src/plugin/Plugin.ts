/**
 * Plugins (插件): how hosts in different cities run the same practice with different local rules. A plugin is a
 * plain, typed object that contributes values to named extension points (org unit kinds, case categories,
 * working-day calendars, facility standards, …). Composing plugins validates every contribution with its schema,
 * checks versions and dependencies, detects conflicting keys, and yields one runtime configuration.
 *
 * @since 0.1.0
 */
import { Context, Effect, Either, Layer, Schema } from "effect"
import semver from "semver"
import { issuesOf } from "../kernel/Decode.js"
import { DecodeIssue } from "../kernel/Errors.js"
import { coreVersion } from "../version.js"

/**
 * A named place where plugins contribute values of one schema, each identified by a key (a kind id, a category
 * code, a calendar id). Two contributions with the same key conflict unless the later one is an explicit override.
 *
 * @since 0.1.0
 * @category models
 */
export interface ExtensionPoint<A> {
  /** Stable id, `context.name`, e.g. `org.unitKinds`. */
  readonly id: string
  /** What the point is for, in one sentence. */
  readonly description: string
  /** Schema every contributed value is validated against when plugins are composed. */
  // biome-ignore lint/suspicious/noExplicitAny: the encoded side of a point's schema is whatever the schema decodes from
  readonly schema: Schema.Schema<A, any>
  /** The registry key of a value. */
  readonly key: (value: A) => string
}

/**
 * Any extension point, whatever its value type.
 *
 * @since 0.1.0
 * @category models
 */
// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous list of points needs an existential value type
export type AnyExtensionPoint = ExtensionPoint<any>

/**
 * Declares an extension point.
 *
 * @since 0.1.0
 * @category constructors
 */
export const extensionPoint = <A>(options: {
  readonly id: string
  readonly description: string
  // biome-ignore lint/suspicious/noExplicitAny: the encoded side of a point's schema is whatever the schema decodes from
  readonly schema: Schema.Schema<A, any>
  readonly key: (value: A) => string
}): ExtensionPoint<A> => options

/**
 * The schema of contributed objects of an extension point whose values are host objects (renderers, section
 * builders): an object with a non-empty string `id` and each named member of the given kind, checked without
 * decoding (the value is passed through as it is).
 *
 * @since 0.1.0
 * @category constructors
 */
export const contributionSchema = <A>(options: {
  readonly identifier: string
  readonly description: string
  readonly members: Readonly<Record<string, "string" | "object" | "function">>
}): Schema.Schema<A> => {
  const members = Object.entries(options.members)
  return Schema.declare(
    (u: unknown): u is A => {
      if (typeof u !== "object" || u === null) return false
      const o = u as Record<string, unknown>
      if (typeof o.id !== "string" || o.id.length === 0) return false
      for (const [name, kind] of members) if (!(name in o) || typeof o[name] !== kind) return false
      return true
    },
    { identifier: options.identifier, description: options.description }
  )
}

/**
 * Values a plugin adds to one extension point. `override: true` says the plugin replaces, on purpose, values with
 * the same keys contributed by an earlier plugin.
 *
 * @since 0.1.0
 * @category models
 */
export interface Contribution {
  readonly point: string
  readonly values: ReadonlyArray<unknown>
  readonly override?: boolean | undefined
}

/**
 * Builds a typed contribution to an extension point.
 *
 * @since 0.1.0
 * @category constructors
 */
export const contribute = <A>(
  point: ExtensionPoint<A>,
  values: ReadonlyArray<A>,
  options: { readonly override?: boolean } = {}
): Contribution => ({ point: point.id, values, override: options.override })

/**
 * What a plugin needs: a range of `@zhili/core` versions and other plugins with version ranges (semver ranges such
 * as `^0.1.0`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Requirements {
  readonly core?: string | undefined
  readonly plugins?: Readonly<Record<string, string>> | undefined
}

/**
 * A plugin: id, version, description, what it requires and what it contributes.
 *
 * Ids are lower-case words joined by `-` (`calendar-cn`, `beijing-hotline`); keys it contributes to namespaced
 * points should start with `<id>/` (the core default pack, id `core`, owns the keys without a namespace).
 *
 * @since 0.1.0
 * @category models
 */
export interface Plugin {
  readonly id: string
  readonly version: string
  readonly description: string
  readonly requires?: Requirements | undefined
  readonly contributes: ReadonlyArray<Contribution>
}

/**
 * Defines a plugin; only fixes its type (a plugin is a plain object).
 *
 * @since 0.1.0
 * @category constructors
 */
export const define = (plugin: Plugin): Plugin => plugin

/**
 * Shape of a plugin's identity fields, checked when plugins are composed.
 *
 * @since 0.1.0
 * @category schemas
 */
export const PluginHeader = Schema.Struct({
  id: Schema.String.pipe(
    Schema.pattern(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, {
      message: () => "a plugin id is lower-case words joined by '-', e.g. calendar-cn"
    })
  ),
  version: Schema.String.pipe(
    Schema.filter((v) => semver.valid(v) !== null || `"${v}" is not a semantic version like 1.2.3`)
  ),
  description: Schema.String.pipe(Schema.minLength(1, { message: () => "a plugin needs a description" })),
  requires: Schema.optional(
    Schema.Struct({
      core: Schema.optional(Schema.String),
      plugins: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.String }))
    })
  ),
  contributes: Schema.Array(
    Schema.Struct({
      point: Schema.String,
      values: Schema.Array(Schema.Unknown),
      override: Schema.optional(Schema.Boolean)
    })
  )
})

/**
 * A plugin is malformed or one of its contributions does not match the extension point's schema. The plugin is
 * rejected whole; `issues` carry the path of what is wrong.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidPlugin extends Schema.TaggedError<InvalidPlugin>()("InvalidPlugin", {
  plugin: Schema.String,
  issues: Schema.Array(DecodeIssue)
}) {
  override get message(): string {
    const first = this.issues
      .slice(0, 3)
      .map((i) => `${i.path.join(".")}: ${i.message}`)
      .join("; ")
    return `plugin ${this.plugin} is invalid: ${first}${this.issues.length > 3 ? ` (and ${this.issues.length - 3} more)` : ""}`
  }
}

/**
 * Two plugins contribute the same key to an extension point and the later one does not say `override`.
 *
 * @since 0.1.0
 * @category errors
 */
export class PluginConflict extends Schema.TaggedError<PluginConflict>()("PluginConflict", {
  point: Schema.String,
  key: Schema.String,
  first: Schema.String,
  second: Schema.String
}) {
  override get message(): string {
    return `plugins ${this.first} and ${this.second} both define ${this.point} "${this.key}"; mark the later contribution as an override if it is meant to replace the earlier one`
  }
}

/**
 * A plugin needs another plugin that is not in the list, or that comes after it.
 *
 * @since 0.1.0
 * @category errors
 */
export class MissingDependency extends Schema.TaggedError<MissingDependency>()("MissingDependency", {
  plugin: Schema.String,
  requires: Schema.String,
  range: Schema.String,
  reason: Schema.Literal("absent", "after")
}) {
  override get message(): string {
    return this.reason === "absent"
      ? `plugin ${this.plugin} requires plugin ${this.requires} ${this.range}, which is not installed`
      : `plugin ${this.plugin} requires plugin ${this.requires} ${this.range}; list ${this.requires} before ${this.plugin}`
  }
}

/**
 * A plugin needs a version of core or of another plugin that is not the one installed.
 *
 * @since 0.1.0
 * @category errors
 */
export class IncompatibleVersion extends Schema.TaggedError<IncompatibleVersion>()("IncompatibleVersion", {
  plugin: Schema.String,
  requires: Schema.String,
  range: Schema.String,
  found: Schema.String
}) {
  override get message(): string {
    return `plugin ${this.plugin} requires ${this.requires} ${this.range}, but ${this.found} is installed`
  }
}

/**
 * The same plugin id appears twice.
 *
 * @since 0.1.0
 * @category errors
 */
export class DuplicatePlugin extends Schema.TaggedError<DuplicatePlugin>()("DuplicatePlugin", {
  plugin: Schema.String
}) {
  override get message(): string {
    return `plugin ${this.plugin} is listed twice`
  }
}

/**
 * Every way composing plugins can fail.
 *
 * @since 0.1.0
 * @category errors
 */
export type CompositionError =
  | InvalidPlugin
  | PluginConflict
  | MissingDependency
  | IncompatibleVersion
  | DuplicatePlugin

/**
 * One registered value and the plugin it came from (and the plugins it overrode, oldest first).
 *
 * @since 0.1.0
 * @category models
 */
export interface Entry<A> {
  readonly key: string
  readonly value: A
  readonly plugin: string
  readonly overrode: ReadonlyArray<string>
}

/**
 * The composed configuration: for every extension point, its values by key, in contribution order.
 *
 * @since 0.1.0
 * @category models
 */
export interface Registry {
  /** The plugins composed, in order, with their versions. */
  readonly plugins: ReadonlyArray<{ readonly id: string; readonly version: string }>
  /** Every entry of an extension point, in contribution order. */
  readonly entries: <A>(point: ExtensionPoint<A>) => ReadonlyArray<Entry<A>>
  /** The values of an extension point, in contribution order. */
  readonly values: <A>(point: ExtensionPoint<A>) => ReadonlyArray<A>
  /** The value with a key, if any. */
  readonly get: <A>(point: ExtensionPoint<A>, key: string) => A | undefined
}

const validateValue = (point: AnyExtensionPoint, value: unknown): Either.Either<unknown, Array<DecodeIssue>> => {
  if (Schema.is(point.schema)(value)) return Either.right(value)
  return Schema.decodeUnknownEither(point.schema, { errors: "all" })(value).pipe(Either.mapLeft(issuesOf))
}

const prefixIssues = (issues: ReadonlyArray<DecodeIssue>, prefix: ReadonlyArray<string | number>) =>
  issues.map((i) => new DecodeIssue({ path: [...prefix, ...i.path], message: i.message }))

/**
 * Composes plugins, in order, into one registry. Checks, in this order: plugin shape; duplicate ids; core and
 * plugin version requirements (a dependency must be listed earlier); every contribution against its extension
 * point's schema (the plugin is rejected whole, with paths); key conflicts (a later plugin may replace a key only
 * with `override: true`). Contributions to points not in `points` are rejected as invalid.
 *
 * @since 0.1.0
 * @category composition
 */
export const compose = (
  plugins: ReadonlyArray<Plugin>,
  points: ReadonlyArray<AnyExtensionPoint>,
  options: { readonly coreVersion?: string } = {}
): Either.Either<Registry, CompositionError> => {
  const core = options.coreVersion ?? coreVersion
  const pointById = new Map(points.map((p) => [p.id, p]))
  const seen = new Map<string, string>()
  const tables = new Map<string, Map<string, Entry<unknown>>>()

  for (const [index, plugin] of plugins.entries()) {
    const header = Schema.decodeUnknownEither(PluginHeader, { errors: "all" })(plugin)
    if (Either.isLeft(header)) {
      const id = typeof plugin?.id === "string" ? plugin.id : `#${index}`
      return Either.left(new InvalidPlugin({ plugin: id, issues: issuesOf(header.left) }))
    }
    if (seen.has(plugin.id)) return Either.left(new DuplicatePlugin({ plugin: plugin.id }))

    const coreRange = plugin.requires?.core
    if (coreRange !== undefined && !semver.satisfies(core, coreRange, { includePrerelease: true })) {
      return Either.left(
        new IncompatibleVersion({ plugin: plugin.id, requires: "@zhili/core", range: coreRange, found: core })
      )
    }
    for (const [dependency, range] of Object.entries(plugin.requires?.plugins ?? {})) {
      const found = seen.get(dependency)
      if (found === undefined) {
        const later = plugins.slice(index + 1).some((p) => p.id === dependency)
        return Either.left(
          new MissingDependency({ plugin: plugin.id, requires: dependency, range, reason: later ? "after" : "absent" })
        )
      }
      if (!semver.satisfies(found, range, { includePrerelease: true })) {
        return Either.left(new IncompatibleVersion({ plugin: plugin.id, requires: dependency, range, found }))
      }
    }

    const accepted: Array<{ point: AnyExtensionPoint; contribution: Contribution; values: Array<unknown> }> = []
    const issues: Array<DecodeIssue> = []
    for (const [c, contribution] of plugin.contributes.entries()) {
      const point = pointById.get(contribution.point)
      if (point === undefined) {
        issues.push(
          new DecodeIssue({
            path: ["contributes", c, "point"],
            message: `unknown extension point "${contribution.point}"; known: ${[...pointById.keys()].join(", ")}`
          })
        )
        continue
      }
      const values: Array<unknown> = []
      for (const [v, value] of contribution.values.entries()) {
        Either.match(validateValue(point, value), {
          onLeft: (is) => issues.push(...prefixIssues(is, ["contributes", c, "values", v])),
          onRight: (ok) => values.push(ok)
        })
      }
      accepted.push({ point, contribution, values })
    }
    if (issues.length > 0) return Either.left(new InvalidPlugin({ plugin: plugin.id, issues }))

    const staged = new Map<string, Map<string, Entry<unknown>>>()
    for (const { contribution, point, values } of accepted) {
      const table = staged.get(point.id) ?? new Map(tables.get(point.id) ?? [])
      staged.set(point.id, table)
      for (const value of values) {
        const key = point.key(value)
        const existing = table.get(key)
        if (existing !== undefined && (existing.plugin === plugin.id || contribution.override !== true)) {
          return Either.left(new PluginConflict({ point: point.id, key, first: existing.plugin, second: plugin.id }))
        }
        table.set(key, {
          key,
          value,
          plugin: plugin.id,
          overrode: existing === undefined ? [] : [...existing.overrode, existing.plugin]
        })
      }
    }
    for (const [id, table] of staged) tables.set(id, table)
    seen.set(plugin.id, plugin.version)
  }

  const entries = <A>(point: ExtensionPoint<A>): ReadonlyArray<Entry<A>> =>
    [...(tables.get(point.id)?.values() ?? [])] as ReadonlyArray<Entry<A>>
  return Either.right({
    plugins: [...seen].map(([id, version]) => ({ id, version })),
    entries,
    values: (point) => entries(point).map((e) => e.value),
    get: <A>(point: ExtensionPoint<A>, key: string) => tables.get(point.id)?.get(key)?.value as A | undefined
  })
}

/**
 * The composed plugin registry as a service, for Effect hosts.
 *
 * @since 0.1.0
 * @category services
 */
export class Plugins extends Context.Tag("@zhili/core/Plugins")<Plugins, Registry>() {}

/**
 * A layer that composes plugins when it is built; it fails with the composition error, so a bad plugin stops the
 * host at start-up, not at first use.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  plugins: ReadonlyArray<Plugin>,
  points: ReadonlyArray<AnyExtensionPoint>,
  options: { readonly coreVersion?: string } = {}
): Layer.Layer<Plugins, CompositionError> =>
  Layer.effect(
    Plugins,
    Either.match(compose(plugins, points, options), { onLeft: Effect.fail, onRight: Effect.succeed })
  )

/**
 * The Promise front door: composes plugins and resolves with the registry, or rejects with the typed composition
 * error.
 *
 * @since 0.1.0
 * @category composition
 */
export const composeAsync = (
  plugins: ReadonlyArray<Plugin>,
  points: ReadonlyArray<AnyExtensionPoint>,
  options: { readonly coreVersion?: string } = {}
): Promise<Registry> =>
  Either.match(compose(plugins, points, options), {
    onLeft: (e) => Promise.reject(e),
    onRight: (r) => Promise.resolve(r)
  })

/**
 * Checks a plugin on its own, the way the plugin conformance test does: its header is well formed, every
 * contribution decodes against its point, and keys contributed to points are namespaced by the plugin id
 * (`<id>/…`) unless the contribution is an override or the plugin is the core default pack (`core`).
 *
 * @since 0.1.0
 * @category validation
 */
export const check = (plugin: Plugin, points: ReadonlyArray<AnyExtensionPoint>): ReadonlyArray<DecodeIssue> => {
  const alone: Plugin = { ...plugin, requires: { core: plugin.requires?.core } }
  const composed = compose([alone], points)
  if (Either.isLeft(composed)) {
    const e = composed.left
    return e._tag === "InvalidPlugin" ? e.issues : [new DecodeIssue({ path: [], message: e.message })]
  }
  const issues: Array<DecodeIssue> = []
  if (plugin.id === "core") return issues
  const pointById = new Map(points.map((p) => [p.id, p]))
  for (const [c, contribution] of plugin.contributes.entries()) {
    const point = pointById.get(contribution.point)
    if (point === undefined || contribution.override === true) continue
    for (const [v, value] of contribution.values.entries()) {
      const decoded = validateValue(point, value)
      if (Either.isLeft(decoded)) continue
      const key = point.key(decoded.right)
      if (!key.startsWith(`${plugin.id}/`)) {
        issues.push(
          new DecodeIssue({
            path: ["contributes", c, "values", v],
            message: `key "${key}" of ${point.id} is not namespaced by the plugin id; use "${plugin.id}/…"`
          })
        )
      }
    }
  }
  return issues
}
