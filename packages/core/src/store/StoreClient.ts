/**
 * The Promise front door of the store (存储客户端) for hosts that do not use Effect: the same operations as the
 * `Store` port, each returning a Promise, over a `ManagedRuntime` built from any store layer. A failed operation
 * rejects with the same typed error the Effect API fails with (`VersionConflict`, `NotFoundOrNotPermitted`,
 * `RowRejected`, `StoreError` …), so hosts can branch on `error._tag`.
 *
 * @since 0.1.0
 */
import { Cause, Effect, Exit, type Layer, ManagedRuntime, Stream } from "effect"
import type { Finding } from "../kernel/Finding.js"
import type * as Consent from "../registry/Consent.js"
import * as Permissions from "./Permissions.js"
import * as Store from "./Store.js"

/**
 * Import options in plain callbacks.
 *
 * @since 0.1.0
 * @category models
 */
export interface ImportOptions<A> {
  /** The importer's scope (`Store.everything` for an unrestricted import); see `Store.ImportOptions`. */
  readonly scope: Store.Scope
  readonly policy: Store.BadRowPolicy
  readonly batchSize?: number | undefined
  readonly validate?: ((record: A) => ReadonlyArray<Finding>) | undefined
  readonly onProgress?: ((progress: Store.Progress) => void) | undefined
  /** Receives each rejected row as it is found; the report then keeps none (see `Store.ImportOptions`). */
  readonly onRejected?: ((rejected: Store.RowRejected) => void) | undefined
  /** Whom the access audit records the import's batches as written by (default `Store.unattributed`). */
  readonly by?: Store.Attribution | undefined
}

/**
 * The operations on one aggregate, as Promises.
 *
 * @since 0.1.0
 * @category models
 */
export interface Repository<A, K extends string = string, E = unknown> {
  readonly get: (scope: Store.Scope, tenant: string, id: string) => Promise<A>
  readonly list: (scope: Store.Scope, options?: Store.ListOptions<K>) => Promise<Store.Page<A>>
  readonly count: (scope: Store.Scope, options?: Store.CountOptions<K>) => Promise<ReadonlyArray<Store.Group>>
  /** `options.by`: whom the access audit records the write as done by (default `Store.unattributed`). */
  readonly save: (scope: Store.Scope, record: A, expectedVersion: number, options?: Store.WriteOptions) => Promise<void>
  readonly delete: (
    scope: Store.Scope,
    tenant: string,
    id: string,
    expectedVersion: number,
    options?: Store.WriteOptions
  ) => Promise<void>
  readonly append: (
    scope: Store.Scope,
    tenant: string,
    id: string,
    events: ReadonlyArray<E>,
    expectedSeq: number,
    options?: Store.WriteOptions
  ) => Promise<number>
  readonly saveWithEvents: (
    scope: Store.Scope,
    record: A,
    expectedVersion: number,
    events: ReadonlyArray<E>,
    options?: Store.WriteOptions
  ) => Promise<void>
  readonly events: (scope: Store.Scope, tenant: string, id: string) => Promise<ReadonlyArray<Store.Sequenced<E>>>
  readonly import: (
    rows: Iterable<unknown> | AsyncIterable<unknown>,
    options: ImportOptions<A>
  ) => Promise<Store.ImportReport>
}

/**
 * The operations on one aggregate on behalf of one actor, as Promises (`Permissions.guard`): no scope argument (the
 * actor's is passed), every operation checked against the actor's role first, then against consent when the actor's
 * purpose needs it; a refused one rejects with `NotPermitted`, `ConsentMissing` or `ConsentWithdrawn` without
 * touching the records. Writes, disclosures and refusals are recorded in the access audit (`Audit`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Guarded<A, K extends string = string, E = unknown> {
  readonly get: (tenant: string, id: string) => Promise<A>
  readonly list: (options?: Store.ListOptions<K>) => Promise<Store.Page<A>>
  readonly count: (options?: Store.CountOptions<K>) => Promise<ReadonlyArray<Store.Group>>
  readonly save: (record: A, expectedVersion: number) => Promise<void>
  readonly delete: (tenant: string, id: string, expectedVersion: number) => Promise<void>
  readonly append: (tenant: string, id: string, events: ReadonlyArray<E>, expectedSeq: number) => Promise<number>
  readonly saveWithEvents: (record: A, expectedVersion: number, events: ReadonlyArray<E>) => Promise<void>
  readonly events: (tenant: string, id: string) => Promise<ReadonlyArray<Store.Sequenced<E>>>
  readonly import: (
    rows: Iterable<unknown> | AsyncIterable<unknown>,
    options: Omit<ImportOptions<A>, "scope">
  ) => Promise<Store.ImportReport>
  /**
   * The record, for showing its clear values, when the actor may see them (`disclose`) and the record is in scope;
   * records the disclosure in the access audit. Rejects with `NotPermitted` or `NotFoundOrNotPermitted` otherwise.
   */
  readonly disclose: (tenant: string, id: string) => Promise<A>
}

/**
 * A store client: repositories, migrations, and `dispose` to close connections.
 *
 * @since 0.1.0
 * @category models
 */
export interface Client {
  readonly repository: <A, I, K extends string, E, EI>(
    aggregate: Store.Aggregate<A, I, K, E, EI>
  ) => Repository<A, K, E>
  /**
   * The repository of an aggregate on behalf of `access` (actor, role, scope, purpose), checked against
   * `permissions` and consent to the purposes given (default `Consent.defaults`), audited into the store's
   * `Aggregates.AccessAudit`.
   */
  readonly guarded: <A, I, K extends string, E, EI>(
    aggregate: Store.Aggregate<A, I, K, E, EI>,
    access: Permissions.Access,
    permissions: Permissions.Permissions,
    purposes?: ReadonlyArray<Consent.Purpose>
  ) => Guarded<A, K, E>
  readonly migrate: () => Promise<ReadonlyArray<string>>
  readonly dispose: () => Promise<void>
}

const streamOf = (rows: Iterable<unknown> | AsyncIterable<unknown>): Stream.Stream<unknown, unknown> =>
  Symbol.asyncIterator in rows
    ? Stream.fromAsyncIterable(rows as AsyncIterable<unknown>, (e) => e)
    : Stream.fromIterable(rows as Iterable<unknown>)

const importOptions = <A>(options: ImportOptions<A>): Store.ImportOptions<A> => {
  const { onProgress, onRejected } = options
  return {
    scope: options.scope,
    policy: options.policy,
    batchSize: options.batchSize,
    validate: options.validate,
    onProgress: onProgress === undefined ? undefined : (p) => Effect.sync(() => onProgress(p)),
    onRejected: onRejected === undefined ? undefined : (x) => Effect.sync(() => onRejected(x)),
    by: options.by
  }
}

/**
 * Builds a client over a store layer (`Store.layerMemory`, or a layer of `@zhili/store-sql`). The layer is built on
 * first use and kept until `dispose`.
 *
 * @example
 * ```ts
 * const client = StoreClient.make(Drivers.layerSqlite({ filename: "zhili.db" }))
 * await client.repository(Aggregates.Case).save(Store.everything, c, 0)
 * await client.dispose()
 * ```
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <E>(layer: Layer.Layer<Store.Store, E>): Client => {
  const runtime = ManagedRuntime.make(layer)
  const run = <A, X>(effect: Effect.Effect<A, X, Store.Store>): Promise<A> =>
    runtime.runPromiseExit(effect).then((exit) => {
      if (Exit.isSuccess(exit)) return exit.value
      const failure = Cause.failureOption(exit.cause)
      throw failure._tag === "Some" ? failure.value : Cause.squash(exit.cause)
    })
  const repository = <A, I, K extends string, E, EI>(
    aggregate: Store.Aggregate<A, I, K, E, EI>
  ): Repository<A, K, E> => {
    const use = <B, X>(f: (r: Store.Repository<A, K, E>) => Effect.Effect<B, X>) =>
      run(Effect.flatMap(Store.Store, (s) => f(s.repository(aggregate))))
    return {
      get: (scope, tenant, id) => use((r) => r.get(scope, tenant, id)),
      list: (scope, options) => use((r) => r.list(scope, options)),
      count: (scope, options) => use((r) => r.count(scope, options)),
      save: (scope, record, expectedVersion, options) => use((r) => r.save(scope, record, expectedVersion, options)),
      delete: (scope, tenant, id, expectedVersion, options) =>
        use((r) => r.delete(scope, tenant, id, expectedVersion, options)),
      append: (scope, tenant, id, events, expectedSeq, options) =>
        use((r) => r.append(scope, tenant, id, events, expectedSeq, options)),
      saveWithEvents: (scope, record, expectedVersion, events, options) =>
        use((r) => r.saveWithEvents(scope, record, expectedVersion, events, options)),
      events: (scope, tenant, id) => use((r) => r.events(scope, tenant, id)),
      import: (rows, options) => use((r) => r.import(streamOf(rows), importOptions(options)))
    }
  }
  const guarded = <A, I, K extends string, E, EI>(
    aggregate: Store.Aggregate<A, I, K, E, EI>,
    access: Permissions.Access,
    permissions: Permissions.Permissions,
    purposes?: ReadonlyArray<Consent.Purpose>
  ): Guarded<A, K, E> => {
    const use = <B, X>(f: (r: Permissions.Guarded<A, K, E>) => Effect.Effect<B, X>) =>
      run(
        Effect.flatMap(Store.Store, (s) =>
          f(Permissions.guard(s.repository(aggregate), access, permissions, Permissions.protection(s, purposes)))
        )
      )
    return {
      get: (tenant, id) => use((r) => r.get(tenant, id)),
      list: (options) => use((r) => r.list(options)),
      count: (options) => use((r) => r.count(options)),
      save: (record, expectedVersion) => use((r) => r.save(record, expectedVersion)),
      delete: (tenant, id, expectedVersion) => use((r) => r.delete(tenant, id, expectedVersion)),
      append: (tenant, id, events, expectedSeq) => use((r) => r.append(tenant, id, events, expectedSeq)),
      saveWithEvents: (record, expectedVersion, events) =>
        use((r) => r.saveWithEvents(record, expectedVersion, events)),
      events: (tenant, id) => use((r) => r.events(tenant, id)),
      import: (rows, options) =>
        use((r) => r.import(streamOf(rows), importOptions({ ...options, scope: access.scope }))),
      disclose: (tenant, id) => use((r) => r.disclose(tenant, id))
    }
  }
  return {
    repository,
    guarded,
    migrate: () => run(Effect.flatMap(Store.Store, (s) => s.migrate)),
    dispose: () => runtime.dispose()
  }
}
