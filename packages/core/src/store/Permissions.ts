/**
 * Permissions (权限) as data: which roles may do which operations — read, write, delete, import, disclose a clear
 * value (明文查看) — on which aggregates. Roles are contributed by plugins to {@link point} (the core pack contributes
 * {@link administrator}, who may do everything, as every caller could before roles existed), {@link check} is the
 * pure rule, and {@link guard} gives a host a repository that checks the rule on every operation and passes the
 * actor's scope (数据权限范围) to the store, so neither can be forgotten.
 *
 * Roles answer "may this actor do this to this kind of record at all"; scopes answer "which records". A refused
 * operation fails with {@link NotPermitted} before the store is touched: it reveals nothing about records and changes
 * nothing. An operation the role allows still sees only the records in the actor's scope, and fails with
 * `NotFoundOrNotPermitted` for the others (see `Store.Repository`).
 *
 * @since 0.1.0
 */
import { Effect, Either, Schema, type Stream } from "effect"
import type { InvalidInput, NotFoundOrNotPermitted, VersionConflict } from "../kernel/Errors.js"
import * as Plugin from "../plugin/Plugin.js"
import type * as Store from "./Store.js"

/**
 * What a role may be allowed to do: `read` (get, list, count, events), `write` (save, save with events, append),
 * `delete`, `import` (bulk import) and `disclose` (see a sensitive value in clear, such as an identity number,
 * where the host would otherwise show it masked; checked by the host with {@link check}).
 *
 * @since 0.1.0
 * @category models
 */
export const Operation = Schema.Literal("read", "write", "delete", "import", "disclose")

/**
 * @since 0.1.0
 * @category models
 */
export type Operation = typeof Operation.Type

/**
 * Every operation, in the order of {@link Operation}.
 *
 * @since 0.1.0
 * @category constants
 */
export const operations: ReadonlyArray<Operation> = Operation.literals

/**
 * One grant of a role (授权): these operations on these aggregates (by `Aggregate.name`, e.g. `household`), or on
 * every aggregate (`"*"`).
 *
 * @since 0.1.0
 * @category models
 */
export class Grant extends Schema.Class<Grant>("@zhili/core/Permissions/Grant")({
  operations: Schema.NonEmptyArray(Operation),
  aggregates: Schema.Union(Schema.Literal("*"), Schema.NonEmptyArray(Schema.String.pipe(Schema.minLength(1))))
}) {}

/**
 * A role (角色): an id (namespaced by the contributing plugin, `jinxiu/grid-worker`, except the core pack's), a
 * name for people (`网格员`), and what it may do: the union of its grants. A role with no grant may do nothing.
 *
 * @since 0.1.0
 * @category models
 */
export class Role extends Schema.Class<Role>("@zhili/core/Permissions/Role")({
  id: Schema.String.pipe(Schema.minLength(1)),
  name: Schema.String.pipe(Schema.minLength(1)),
  grants: Schema.Array(Grant)
}) {}

/**
 * The permissions in force: the known roles. A role that is not among them may do nothing.
 *
 * @since 0.1.0
 * @category models
 */
export interface Permissions {
  readonly roles: ReadonlyArray<Role>
}

/**
 * Permissions of the given roles.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (roles: ReadonlyArray<Role>): Permissions => ({ roles })

/**
 * The administrator (管理员, id `administrator`): every operation on every aggregate, what any caller of the store
 * could do before permissions existed. The core pack contributes it.
 *
 * @since 0.1.0
 * @category constants
 */
export const administrator: Role = new Role({
  id: "administrator",
  name: "管理员",
  grants: [new Grant({ operations: ["read", "write", "delete", "import", "disclose"], aggregates: "*" })]
})

/**
 * The default permissions: {@link administrator} alone.
 *
 * @since 0.1.0
 * @category constants
 */
export const defaults: Permissions = make([administrator])

/**
 * The extension point of roles (`store.roles`), keyed by role id: two plugins defining the same role conflict
 * (`PluginConflict`) unless the later one is an override.
 *
 * @since 0.1.0
 * @category points
 */
export const point: Plugin.ExtensionPoint<Role> = Plugin.extensionPoint({
  id: "store.roles",
  description: "roles and the operations they may do on each aggregate (read, write, delete, import, disclose)",
  schema: Role,
  key: (role) => role.id
})

/**
 * What the core pack contributes to {@link point}: {@link administrator}.
 *
 * @since 0.1.0
 * @category points
 */
export const defaultContributions: ReadonlyArray<Plugin.Contribution> = [Plugin.contribute(point, [administrator])]

/**
 * The permissions of a composed registry: every role contributed to {@link point} (none: nobody may do anything).
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromPlugins = (registry: Plugin.Registry): Permissions => make(registry.values(point))

/**
 * An actor's role does not allow an operation on an aggregate (无权操作). Raised before any record is read, so it
 * says nothing about records.
 *
 * @since 0.1.0
 * @category errors
 */
export class NotPermitted extends Schema.TaggedError<NotPermitted>()("NotPermitted", {
  actor: Schema.String,
  role: Schema.String,
  operation: Operation,
  aggregate: Schema.String
}) {
  override get message(): string {
    return `actor ${this.actor} (role ${this.role}) may not ${this.operation} ${this.aggregate} records`
  }
}

/**
 * What to check: who (the actor's id, for the error), in which role, wants to do what to which aggregate.
 *
 * @since 0.1.0
 * @category models
 */
export interface Request {
  readonly actor: string
  readonly role: string
  readonly operation: Operation
  readonly aggregate: string
}

/**
 * True when some grant of the role (of every role with that id) covers the operation on the aggregate.
 *
 * @since 0.1.0
 * @category rules
 */
export const allows = (permissions: Permissions, request: Omit<Request, "actor">): boolean =>
  permissions.roles.some(
    (role) =>
      role.id === request.role &&
      role.grants.some(
        (g) =>
          g.operations.includes(request.operation) && (g.aggregates === "*" || g.aggregates.includes(request.aggregate))
      )
  )

/**
 * The permission rule: succeeds when the role allows the operation on the aggregate ({@link allows}), else fails
 * with {@link NotPermitted} naming actor, role, operation and aggregate.
 *
 * @since 0.1.0
 * @category rules
 */
export const check = (permissions: Permissions, request: Request): Either.Either<void, NotPermitted> =>
  allows(permissions, request) ? Either.void : Either.left(new NotPermitted(request))

/**
 * Who is acting (访问主体): the actor's id, the role it acts in, and its scope (which records it may see and write).
 *
 * @since 0.1.0
 * @category models
 */
export interface Access {
  readonly actor: string
  readonly role: string
  readonly scope: Store.Scope
}

/**
 * The operations of a repository on behalf of one actor: the store's operations without the scope argument (the
 * actor's is passed), each checked against the permissions first, and failing with {@link NotPermitted} when the
 * role does not allow it. `disclose` checks whether the actor may see clear values of this aggregate.
 *
 * @since 0.1.0
 * @category models
 */
export interface Guarded<A, K extends string = string, E = unknown> {
  readonly access: Access
  readonly aggregate: Store.Aggregate<A, unknown, K, E>
  readonly get: (
    tenant: string,
    id: string
  ) => Effect.Effect<A, NotFoundOrNotPermitted | Store.StoreError | NotPermitted>
  readonly list: (options?: Store.ListOptions<K>) => Effect.Effect<Store.Page<A>, Store.StoreError | NotPermitted>
  readonly count: (
    options?: Store.CountOptions<K>
  ) => Effect.Effect<ReadonlyArray<Store.Group>, Store.StoreError | NotPermitted>
  readonly events: (
    tenant: string,
    id: string
  ) => Effect.Effect<ReadonlyArray<Store.Sequenced<E>>, NotFoundOrNotPermitted | Store.StoreError | NotPermitted>
  readonly save: (
    record: A,
    expectedVersion: number
  ) => Effect.Effect<
    void,
    VersionConflict | InvalidInput | NotFoundOrNotPermitted | Store.StoreError | Store.StoreBusy | NotPermitted
  >
  readonly delete: (
    tenant: string,
    id: string,
    expectedVersion: number
  ) => Effect.Effect<
    void,
    VersionConflict | InvalidInput | NotFoundOrNotPermitted | Store.StoreError | Store.StoreBusy | NotPermitted
  >
  readonly append: (
    tenant: string,
    id: string,
    events: ReadonlyArray<E>,
    expectedSeq: number
  ) => Effect.Effect<
    number,
    VersionConflict | NotFoundOrNotPermitted | Store.StoreError | Store.StoreBusy | NotPermitted
  >
  readonly saveWithEvents: (
    record: A,
    expectedVersion: number,
    events: ReadonlyArray<E>
  ) => Effect.Effect<
    void,
    VersionConflict | InvalidInput | NotFoundOrNotPermitted | Store.StoreError | Store.StoreBusy | NotPermitted
  >
  readonly import: <EX, R>(
    rows: Stream.Stream<unknown, EX, R>,
    options: Omit<Store.ImportOptions<A>, "scope">
  ) => Effect.Effect<Store.ImportReport, Store.RowRejected | Store.StoreError | Store.StoreBusy | NotPermitted | EX, R>
  readonly disclose: Effect.Effect<void, NotPermitted>
}

/**
 * A repository on behalf of `access`: every operation is first checked with {@link check} (reads as `read`,
 * saves and appends as `write`, `delete`, `import`) and runs with the actor's scope; a refused one fails with
 * {@link NotPermitted} without touching the store.
 *
 * @example
 * ```ts
 * const homes = Permissions.guard(yield* Store.repository(Aggregates.Households), access, policies.permissions)
 * yield* homes.save(Store.next(read, changed), read.version)
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const guard = <A, K extends string, E>(
  repository: Store.Repository<A, K, E>,
  access: Access,
  permissions: Permissions
): Guarded<A, K, E> => {
  const { scope } = access
  const aggregate = repository.aggregate.name
  const may = (operation: Operation): Effect.Effect<void, NotPermitted> =>
    Effect.suspend(() => check(permissions, { actor: access.actor, role: access.role, operation, aggregate }))
  return {
    access,
    aggregate: repository.aggregate,
    get: (tenant, id) => Effect.zipRight(may("read"), repository.get(scope, tenant, id)),
    list: (options) => Effect.zipRight(may("read"), repository.list(scope, options)),
    count: (options) => Effect.zipRight(may("read"), repository.count(scope, options)),
    events: (tenant, id) => Effect.zipRight(may("read"), repository.events(scope, tenant, id)),
    save: (record, expectedVersion) => Effect.zipRight(may("write"), repository.save(scope, record, expectedVersion)),
    delete: (tenant, id, expectedVersion) =>
      Effect.zipRight(may("delete"), repository.delete(scope, tenant, id, expectedVersion)),
    append: (tenant, id, events, expectedSeq) =>
      Effect.zipRight(may("write"), repository.append(scope, tenant, id, events, expectedSeq)),
    saveWithEvents: (record, expectedVersion, events) =>
      Effect.zipRight(may("write"), repository.saveWithEvents(scope, record, expectedVersion, events)),
    import: (rows, options) => Effect.zipRight(may("import"), repository.import(rows, { ...options, scope })),
    disclose: may("disclose")
  }
}
