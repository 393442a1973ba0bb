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
 * The guarded repository also keeps the access audit (访问审计, `Audit`) and applies consent (同意, `Consent`): every
 * write, every disclosure and every refused operation is recorded, and an operation whose purpose needs consent that
 * the subject has not given (or has withdrawn) is refused.
 *
 * @since 0.1.0
 */
import { Clock, DateTime, Effect, Either, Schema, type Stream } from "effect"
import type { InvalidInput, NotFoundOrNotPermitted, VersionConflict } from "../kernel/Errors.js"
import * as LocalDate from "../kernel/LocalDate.js"
import * as Plugin from "../plugin/Plugin.js"
import * as Consent from "../registry/Consent.js"
import * as Aggregates from "./Aggregates.js"
import * as Audit from "./Audit.js"
import * as Store from "./Store.js"

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
 * Who is acting (访问主体): the actor's id, the role it acts in, and its scope (which records it may see and write);
 * optionally the purpose of processing (处理目的) the operations serve, recorded in every audit entry, and the
 * resident whose consent that purpose needs (`subject`; for the `resident` aggregate, the record operated on when
 * absent), with the birth date when known so that a child's own consent does not count (`Consent.check`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Access {
  readonly actor: string
  readonly role: string
  readonly scope: Store.Scope
  readonly purpose?: string | undefined
  readonly subject?: { readonly id: string; readonly birthDate?: LocalDate.LocalDate | undefined } | undefined
}

/**
 * The repository of the access audit (`Aggregates.AccessAudit`).
 *
 * @since 0.1.0
 * @category models
 */
export type AuditLog = Store.Repository<
  Store.Stored<Audit.Entry>,
  "record" | "actor" | "aggregate" | "operation" | "outcome"
>

/**
 * What a guarded repository needs besides the permissions (保护): the audit log it writes to, the consent records it
 * reads, the purposes in force (`Consent.point`) and the time zone of "today" for consent dates. {@link protection}
 * builds it from a store.
 *
 * @since 0.1.0
 * @category models
 */
export interface Protection {
  readonly audit: AuditLog
  readonly consents: Store.Repository<Store.Stored<Consent.Consent>, "subject" | "purpose">
  readonly purposes: ReadonlyArray<Consent.Purpose>
  readonly timeZone?: string | undefined
}

/**
 * The protection of a store: its audit log and consent records, and the purposes given (default
 * `Consent.defaults`; a host with plugins passes `Runtime` `purposes`).
 *
 * @since 0.1.0
 * @category constructors
 */
export const protection = (
  store: Store.Service,
  purposes: ReadonlyArray<Consent.Purpose> = Consent.defaults
): Protection => ({
  audit: store.repository(Aggregates.AccessAudit),
  consents: store.repository(Aggregates.Consents),
  purposes
})

/**
 * Why a guarded operation may be refused before the store is touched: the role does not allow it, or its purpose
 * needs consent that is missing or withdrawn.
 *
 * @since 0.1.0
 * @category errors
 */
export type Refused = NotPermitted | Consent.ConsentMissing | Consent.ConsentWithdrawn

/**
 * The operations of a repository on behalf of one actor: the store's operations without the scope argument (the
 * actor's is passed), each checked against the permissions first (failing with {@link NotPermitted}), then against
 * consent when the actor's purpose needs it. `disclose` returns a record for showing its clear values (the actor's
 * role must allow `disclose`; the record must be in scope), and records the disclosure.
 *
 * @since 0.1.0
 * @category models
 */
export interface Guarded<A, K extends string = string, E = unknown> {
  readonly access: Access
  readonly aggregate: Store.Aggregate<A, unknown, K, E>
  readonly get: (tenant: string, id: string) => Effect.Effect<A, NotFoundOrNotPermitted | Store.StoreError | Refused>
  readonly list: (options?: Store.ListOptions<K>) => Effect.Effect<Store.Page<A>, Store.StoreError | Refused>
  readonly count: (
    options?: Store.CountOptions<K>
  ) => Effect.Effect<ReadonlyArray<Store.Group>, Store.StoreError | Refused>
  readonly events: (
    tenant: string,
    id: string
  ) => Effect.Effect<ReadonlyArray<Store.Sequenced<E>>, NotFoundOrNotPermitted | Store.StoreError | Refused>
  readonly save: (
    record: A,
    expectedVersion: number
  ) => Effect.Effect<
    void,
    VersionConflict | InvalidInput | NotFoundOrNotPermitted | Store.StoreError | Store.StoreBusy | Refused
  >
  readonly delete: (
    tenant: string,
    id: string,
    expectedVersion: number
  ) => Effect.Effect<
    void,
    VersionConflict | InvalidInput | NotFoundOrNotPermitted | Store.StoreError | Store.StoreBusy | Refused
  >
  readonly append: (
    tenant: string,
    id: string,
    events: ReadonlyArray<E>,
    expectedSeq: number
  ) => Effect.Effect<number, VersionConflict | NotFoundOrNotPermitted | Store.StoreError | Store.StoreBusy | Refused>
  readonly saveWithEvents: (
    record: A,
    expectedVersion: number,
    events: ReadonlyArray<E>
  ) => Effect.Effect<
    void,
    VersionConflict | InvalidInput | NotFoundOrNotPermitted | Store.StoreError | Store.StoreBusy | Refused
  >
  readonly import: <EX, R>(
    rows: Stream.Stream<unknown, EX, R>,
    options: Omit<Store.ImportOptions<A>, "scope">
  ) => Effect.Effect<Store.ImportReport, Store.RowRejected | Store.StoreError | Store.StoreBusy | Refused | EX, R>
  readonly disclose: (
    tenant: string,
    id: string
  ) => Effect.Effect<A, NotFoundOrNotPermitted | Store.StoreError | Refused>
}

const refusals: ReadonlySet<string> = new Set([
  "NotPermitted",
  "NotFoundOrNotPermitted",
  "ConsentMissing",
  "ConsentWithdrawn"
])

/**
 * A repository on behalf of `access`: every operation is first checked with {@link check} (reads as `read`,
 * saves and appends as `write`, `delete`, `import`, `disclose`), then against consent when `access.purpose` needs it
 * (`Consent.needsConsent`, `Consent.check` on the subject's stored consents at today's date), and runs with the
 * actor's scope; a refused one fails with {@link NotPermitted}, `ConsentMissing` or `ConsentWithdrawn` without
 * touching the records.
 *
 * The access audit: each write that is done (save, delete, append, saveWithEvents; an import as one entry per batch
 * with the number of rows it wrote) is recorded by the store in the write's own transaction, attributed to the
 * actor (`Store.WriteOptions.by`): a write that fails leaves no entry, one that stands always has one. Each
 * disclosure and each operation refused (by role, by consent, or by the store with `NotFoundOrNotPermitted`)
 * appends one `Audit.Entry` to `protection.audit` after the operation (a refused one changed nothing; a disclosure
 * whose entry cannot be written fails with a `StoreError`, operation `audit`, and discloses nothing). Entries hold
 * the actor, role, operation, aggregate, record id, purpose and outcome — never a value of the record. An operation
 * that fails for another reason (a version conflict, invalid input, a store failure) changed nothing and is not
 * recorded.
 *
 * @example
 * ```ts
 * const store = yield* Store.Store
 * const homes = Permissions.guard(store.repository(Aggregates.Households), access, policies.permissions,
 *   Permissions.protection(store, policies.purposes))
 * yield* homes.save(Store.next(read, changed), read.version)
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const guard = <A, K extends string, E>(
  repository: Store.Repository<A, K, E>,
  access: Access,
  permissions: Permissions,
  protection: Protection
): Guarded<A, K, E> => {
  const { scope } = access
  const descriptor = repository.aggregate
  const aggregate = descriptor.name
  interface Target {
    readonly tenant: string
    readonly record?: string | undefined
  }
  const write = (
    operation: Audit.Operation,
    target: Target,
    outcome: Audit.Outcome,
    extra: { readonly count?: number; readonly reason?: string } = {}
  ): Effect.Effect<void, Store.StoreError> =>
    Effect.flatMap(
      Audit.entry({
        tenant: target.tenant,
        actor: access.actor,
        role: access.role,
        operation,
        aggregate,
        outcome,
        ...(target.record === undefined ? {} : { record: target.record }),
        ...(access.purpose === undefined ? {} : { purpose: access.purpose }),
        ...extra
      }),
      (entry) =>
        protection.audit.save(Store.everything, Store.stored(entry, {}), 0).pipe(
          Effect.mapError(
            (e) =>
              new Store.StoreError({
                operation: "audit",
                entity: aggregate,
                reason: `the audit entry of ${operation} could not be written (${e._tag})`,
                cause: e
              })
          )
        )
    )
  const today = Effect.map(Clock.currentTimeMillis, (ms) =>
    LocalDate.fromDateTime(DateTime.unsafeMake(ms), protection.timeZone)
  )
  const consented = (
    target: Target
  ): Effect.Effect<void, Consent.ConsentMissing | Consent.ConsentWithdrawn | Store.StoreError> =>
    Effect.gen(function* () {
      const purpose = access.purpose
      if (purpose === undefined || !Consent.needsConsent(protection.purposes, purpose)) return
      const subject = access.subject?.id ?? (aggregate === "resident" ? target.record : undefined)
      if (subject === undefined) return yield* Effect.fail(new Consent.ConsentMissing({ subject: "", purpose }))
      const page = yield* protection.consents.list(Store.everything, {
        tenant: target.tenant,
        where: { subject, purpose },
        limit: 1000
      })
      const at = yield* today
      const answer = Consent.check(
        page.items.map((s) => s.value),
        { subject, purpose, at, birthDate: access.subject?.birthDate }
      )
      if (Either.isLeft(answer)) return yield* Effect.fail(answer.left)
    })
  /**
   * Runs one operation: the role, then consent, then the store; records it when refused, and when done if `done`
   * says what to record (undefined: a read, not recorded).
   */
  const run = <B, X, R = never>(
    operation: Audit.Operation,
    permission: Operation,
    target: Target,
    body: Effect.Effect<B, X, R>,
    done?: (result: B) => { readonly count?: number }
  ): Effect.Effect<B, X | Refused | Store.StoreError, R> =>
    Effect.gen(function* () {
      const allowed = check(permissions, { actor: access.actor, role: access.role, operation: permission, aggregate })
      const exit = yield* Effect.either(
        Either.isLeft(allowed)
          ? Effect.fail<X | Refused | Store.StoreError>(allowed.left)
          : Effect.zipRight(consented(target), body)
      )
      if (Either.isLeft(exit)) {
        const e = exit.left
        const tag = typeof e === "object" && e !== null && "_tag" in e ? String(e._tag) : ""
        if (refusals.has(tag)) yield* write(operation, target, "refused", { reason: tag })
        return yield* Effect.fail(e)
      }
      if (done !== undefined) yield* write(operation, target, "done", done(exit.right))
      return exit.right
    })
  const always = () => ({})
  const ofRecord = (record: A): Target => ({ tenant: descriptor.tenant(record), record: descriptor.id(record) })
  // the store records each write it does in the write's transaction, attributed to the actor
  const by: Store.WriteOptions = {
    by: {
      actor: access.actor,
      role: access.role,
      ...(access.purpose === undefined ? {} : { purpose: access.purpose })
    }
  }
  return {
    access,
    aggregate: descriptor,
    get: (tenant, id) => run("get", "read", { tenant, record: id }, repository.get(scope, tenant, id)),
    list: (options) => run("list", "read", { tenant: options?.tenant ?? "" }, repository.list(scope, options)),
    count: (options) => run("count", "read", { tenant: options?.tenant ?? "" }, repository.count(scope, options)),
    events: (tenant, id) => run("events", "read", { tenant, record: id }, repository.events(scope, tenant, id)),
    save: (record, expectedVersion) =>
      run("save", "write", ofRecord(record), repository.save(scope, record, expectedVersion, by)),
    delete: (tenant, id, expectedVersion) =>
      run("delete", "delete", { tenant, record: id }, repository.delete(scope, tenant, id, expectedVersion, by)),
    append: (tenant, id, events, expectedSeq) =>
      run("append", "write", { tenant, record: id }, repository.append(scope, tenant, id, events, expectedSeq, by)),
    saveWithEvents: (record, expectedVersion, events) =>
      run(
        "saveWithEvents",
        "write",
        ofRecord(record),
        repository.saveWithEvents(scope, record, expectedVersion, events, by)
      ),
    import: (rows, options) =>
      run("import", "import", { tenant: "" }, repository.import(rows, { ...options, scope, by: by.by })),
    disclose: (tenant, id) =>
      run("disclose", "disclose", { tenant, record: id }, repository.get(scope, tenant, id), always)
  }
}
