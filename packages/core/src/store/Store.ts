/**
 * Storage (存储): the `Store` port. Each aggregate is described once by an {@link Aggregate} descriptor (its schema,
 * how to read its tenant, id, version and location, its natural key and its filterable fields); the store then
 * gives a typed {@link Repository} for it: scoped reads, paged lists, optimistic saves, an append-only event log
 * and bulk import. Adapters: {@link layerMemory} here, `@zhili/store-sql` for SQLite, PostgreSQL and MySQL.
 *
 * @since 0.1.0
 */
import { Chunk, Context, Effect, Either, Layer, Option, Ref, Schema, Stream, type Stream as StreamT } from "effect"
import { isStackOverflow, issuesOf, nestingIssue } from "../kernel/Decode.js"
import { DecodeIssue, InvalidInput, NotFoundOrNotPermitted, VersionConflict } from "../kernel/Errors.js"
import type { Finding } from "../kernel/Finding.js"
import * as Audit from "./Audit.js"
import * as Cipher from "./Cipher.js"
import * as Encryption from "./Encryption.js"
import { fastDecoder } from "./internal/decode.js"
import * as ScopeK from "./internal/scope.js"

/**
 * Where a record sits in the division, org and grid trees (the kernel `Scope.Location`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Location {
  readonly division?: string | undefined
  readonly org?: ReadonlyArray<string> | undefined
  readonly grid?: ReadonlyArray<string> | undefined
}

/**
 * One grant of a scope: the records inside every subtree it names (no subtree: every record).
 *
 * @since 0.1.0
 * @category models
 */
export interface ScopeGrant {
  readonly division?: string | undefined
  readonly org?: ReadonlyArray<string> | undefined
  readonly grid?: ReadonlyArray<string> | undefined
}

/**
 * What the caller may see (the kernel `Scope.Scope`): a union of grants, each a set of subtrees.
 *
 * @since 0.1.0
 * @category models
 */
export interface Scope {
  readonly grants: ReadonlyArray<ScopeGrant>
}

/**
 * One grant as string prefixes of the stored location columns (fields AND-ed; a missing field is no condition).
 *
 * @since 0.1.0
 * @category adapters
 */
export interface ScopeFilter {
  readonly division?: string
  readonly org?: string
  readonly grid?: string
}

/**
 * The scope that sees everything; for imports, migrations and administrative tools.
 *
 * @since 0.1.0
 * @category constructors
 */
export const everything: Scope = ScopeK.all

/**
 * True when `scope` lets its holder see a record at `location` (same rule as the kernel `Scope.contains`).
 *
 * @since 0.1.0
 * @category predicates
 */
export const inScope = (scope: Scope, location: Location): boolean => ScopeK.contains(scope, location)

/**
 * The scope as string-prefix filters (one per grant, OR-ed; fields AND-ed) that adapters push down to SQL.
 *
 * @since 0.1.0
 * @category adapters
 */
export const scopeFilters = (scope: Scope): ReadonlyArray<ScopeFilter> => ScopeK.filters(scope)

/**
 * The scope's filters when it restricts anything, `undefined` when one of its grants sees every record (as
 * {@link everything} does): what an import hands its {@link BatchWriter}.
 *
 * @since 0.1.0
 * @category adapters
 */
export const restriction = (scope: Scope): ReadonlyArray<ScopeFilter> | undefined => {
  const filters = scopeFilters(scope)
  return filters.some((f) => f.division === undefined && f.org === undefined && f.grid === undefined)
    ? undefined
    : filters
}

/**
 * True when a record's stored location columns (a {@link Row}'s `division`, `org`, `grid`) satisfy one of the
 * scope's filters: the rule of the SQL stores' scope conditions, on strings. Adapters use it on rows they read.
 *
 * @since 0.1.0
 * @category adapters
 */
export const rowInScope = (
  row: { readonly division: string | null; readonly org: string | null; readonly grid: string | null },
  filters: ReadonlyArray<ScopeFilter>
): boolean =>
  filters.some(
    (f) =>
      (f.division === undefined || row.division?.startsWith(f.division) === true) &&
      (f.org === undefined || row.org?.startsWith(f.org) === true) &&
      (f.grid === undefined || row.grid?.startsWith(f.grid) === true)
  )

/**
 * The error of an operation on a record that is missing or outside the caller's scope, for reads and writes alike
 * (`NotFoundOrNotPermitted` at `<aggregate> <id>`). Every adapter fails this way.
 *
 * @since 0.1.0
 * @category adapters
 */
export const notPermitted = (entity: string, id: string): NotFoundOrNotPermitted =>
  new NotFoundOrNotPermitted({ entity, id })

/**
 * The value kinds a filterable field may have.
 *
 * @since 0.1.0
 * @category models
 */
export type FieldType = "string" | "number"

/**
 * A filterable (indexed) field of an aggregate: its column name, its kind and how to read it from a record.
 *
 * @since 0.1.0
 * @category models
 */
export interface Field<A, K extends string = string> {
  readonly name: K
  readonly type: FieldType
  readonly get: (record: A) => string | number | undefined
  /**
   * A blind index (盲索引) of a sensitive value (identity number, phone): the column holds the keyed index of the
   * value (`Encryption`; an unkeyed digest in a store without keys), never the value; a filter on it is given the
   * clear value. A `string` field.
   */
  readonly blind?: boolean | undefined
  /** How a value of a blind field is written before it is indexed (the record's and a filter's alike). */
  readonly normalize?: ((value: string) => string) | undefined
  /**
   * The SQL migration that adds this field's column (default 1: the table's creation). A field added to an
   * aggregate already stored names the next number, so existing tables gain the column.
   */
  readonly migration?: number | undefined
}

/**
 * The personal part (个人部分) of an aggregate's records that encryption seals as a whole when `protect` says so
 * (all personal information of a minor under 14 is sensitive, PIPL Art. 28): its paths in the encoded record, the
 * rule (given the record and today's date), and the fields whose columns are left empty for such a record.
 *
 * @since 0.1.0
 * @category models
 */
export interface Personal<A> {
  readonly paths: ReadonlyArray<ReadonlyArray<string>>
  readonly protect: (record: A, today: string) => boolean
  readonly fields?: ReadonlyArray<string> | undefined
}

/**
 * How the store handles one aggregate (聚合): the schema of its records, how to read tenant, id, version and location,
 * an optional natural key for imports, the fields lists can filter on, and whether records may be deleted. Adding an
 * aggregate to storage is writing one of these (see `Aggregates`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Aggregate<A, I = unknown, K extends string = string, E = unknown, EI = unknown> {
  /** Lower-case name, used for table names: `case` → `zhili_case`. */
  readonly name: string
  readonly schema: Schema.Schema<A, I>
  readonly tenant: (record: A) => string
  readonly id: (record: A) => string
  readonly version: (record: A) => number
  readonly location: (record: A) => Location
  /** A key unique within the tenant that identifies the same real thing across imports (e.g. a household number). */
  readonly naturalKey?: ((record: A) => string) | undefined
  /**
   * The natural key is personal data (a resident's identity number or name): the store keeps only its blind index
   * (keyed with encryption, an unkeyed digest without), never the key itself.
   */
  readonly blindKey?: boolean | undefined
  readonly fields: ReadonlyArray<Field<A, K>>
  readonly deletable: boolean
  /**
   * Append-only (只增): a record once written is never replaced through a repository: a `save` or `saveWithEvents`
   * at `expectedVersion` ≥ 1 fails with {@link appendOnlyRefused}, and the aggregate is not deletable (the access
   * audit, `Audit`). `import` applies the rule too: a row whose id or natural key is stored (or came earlier in the
   * import) is rejected with the message of {@link appendOnlyRefused}, so no path replaces or removes a record.
   */
  readonly appendOnly?: boolean | undefined
  /** The schema of the events of this aggregate's log, when it has one (cases). */
  readonly events?: Schema.Schema<E, EI> | undefined
  /** The part sealed whole for the records it protects, with encryption on (see {@link Personal}). */
  readonly personal?: Personal<A> | undefined
}

/**
 * Any aggregate descriptor, for registries.
 *
 * @since 0.1.0
 * @category models
 */
// biome-ignore lint/suspicious/noExplicitAny: a registry holds descriptors of unrelated record types
export type AnyAggregate = Aggregate<any, any, any, any, any>

/**
 * Declares an aggregate. `name` must be lower-case letters, digits and `_`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const aggregate = <A, I, const K extends string = never, E = unknown, EI = unknown>(definition: {
  readonly name: string
  readonly schema: Schema.Schema<A, I>
  readonly tenant: (record: A) => string
  readonly id: (record: A) => string
  readonly version: (record: A) => number
  readonly location: (record: A) => Location
  readonly naturalKey?: ((record: A) => string) | undefined
  readonly blindKey?: boolean | undefined
  readonly fields?: ReadonlyArray<Field<A, K>>
  readonly deletable?: boolean
  readonly appendOnly?: boolean | undefined
  readonly events?: Schema.Schema<E, EI> | undefined
  readonly personal?: Personal<A> | undefined
}): Aggregate<A, I, K, E, EI> => {
  if (!/^[a-z][a-z0-9_]{0,39}$/.test(definition.name)) {
    throw new TypeError(`aggregate name "${definition.name}" must be 1–40 lower-case letters, digits or "_"`)
  }
  for (const f of definition.fields ?? []) {
    if (!/^[a-z][a-z0-9_]{0,39}$/.test(f.name)) {
      throw new TypeError(`field "${f.name}" of ${definition.name} must be 1–40 lower-case letters, digits or "_"`)
    }
  }
  return { ...definition, fields: definition.fields ?? [], deletable: definition.deletable ?? false }
}

/**
 * The stored form of a domain record (存储记录): the record as the domain defines it (`value`), the version the store
 * compares on save (starting at 1, incremented by the caller on each save: `Stored.next`), and the location the
 * record was placed in, denormalised when it was written (computed by the caller with the domain's `location(...)`
 * function, since a household's or resident's grid path depends on other records). Domain models stay free of
 * storage fields; a model's own `version` (cases, operation and service records) is domain data the store ignores.
 *
 * @since 0.1.0
 * @category models
 */
export interface Stored<A> {
  readonly version: number
  readonly location: Location
  readonly value: A
}

/**
 * The encoded form of a {@link Stored} record.
 *
 * @since 0.1.0
 * @category models
 */
export interface StoredEncoded<I> {
  readonly version: number
  readonly location: {
    readonly division?: string | undefined
    readonly org?: ReadonlyArray<string> | undefined
    readonly grid?: ReadonlyArray<string> | undefined
  }
  readonly value: I
}

const LocationSchema = Schema.Struct({
  division: Schema.optional(Schema.String),
  org: Schema.optional(Schema.Array(Schema.String)),
  grid: Schema.optional(Schema.Array(Schema.String))
})

/**
 * The schema of {@link Stored} records of a domain schema.
 *
 * @since 0.1.0
 * @category constructors
 */
export const StoredSchema = <A, I>(value: Schema.Schema<A, I>): Schema.Schema<Stored<A>, StoredEncoded<I>> =>
  Schema.Struct({
    version: Schema.Int.pipe(Schema.greaterThanOrEqualTo(1)),
    location: LocationSchema,
    value
  })

/**
 * Wraps a record for its first save (version 1) at `location`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const stored = <A>(value: A, location: Location): Stored<A> => ({ version: 1, location, value })

/**
 * The next state of a stored record: the new value (and location, when it moved) at the next version; save it with
 * the version read, `repo.save(next(read, value), read.version)`.
 *
 * @since 0.1.0
 * @category constructors
 */
export const next = <A>(read: Stored<A>, value: A, location: Location = read.location): Stored<A> => ({
  version: read.version + 1,
  location,
  value
})

/**
 * A filterable field of a domain record, read from the stored record's value.
 *
 * @since 0.1.0
 * @category models
 */
export interface ValueField<A, K extends string = string> {
  readonly name: K
  readonly type: FieldType
  readonly get: (value: A) => string | number | undefined
  /** A blind index of a sensitive value (see {@link Field}). */
  readonly blind?: boolean | undefined
  /** How a value of a blind field is written before it is indexed. */
  readonly normalize?: ((value: string) => string) | undefined
  /** The SQL migration that adds this field's column (see {@link Field}). */
  readonly migration?: number | undefined
}

/**
 * Declares a domain aggregate stored as {@link Stored} records: tenant, id, natural key and fields are read from the
 * domain value; version and location from the envelope.
 *
 * @since 0.1.0
 * @category constructors
 */
export const domain = <A, I, const K extends string = never, E = unknown, EI = unknown>(definition: {
  readonly name: string
  readonly schema: Schema.Schema<A, I>
  readonly tenant: (value: A) => string
  readonly id: (value: A) => string
  readonly naturalKey?: ((value: A) => string) | undefined
  readonly blindKey?: boolean | undefined
  readonly fields?: ReadonlyArray<ValueField<A, K>>
  readonly deletable?: boolean
  readonly appendOnly?: boolean | undefined
  readonly events?: Schema.Schema<E, EI> | undefined
  /** The personal part, with paths in the domain value (the store prefixes them with `value`). */
  readonly personal?: Personal<A> | undefined
}): Aggregate<Stored<A>, StoredEncoded<I>, K, E, EI> => {
  const naturalKey = definition.naturalKey
  const personal = definition.personal
  return aggregate<Stored<A>, StoredEncoded<I>, K, E, EI>({
    name: definition.name,
    schema: StoredSchema(definition.schema),
    tenant: (s) => definition.tenant(s.value),
    id: (s) => definition.id(s.value),
    version: (s) => s.version,
    location: (s) => s.location,
    naturalKey: naturalKey === undefined ? undefined : (s) => naturalKey(s.value),
    blindKey: definition.blindKey,
    fields: (definition.fields ?? []).map((f) => ({
      name: f.name,
      type: f.type,
      get: (s: Stored<A>) => f.get(s.value),
      blind: f.blind,
      normalize: f.normalize,
      migration: f.migration
    })),
    ...(definition.deletable === undefined ? {} : { deletable: definition.deletable }),
    ...(definition.appendOnly === undefined ? {} : { appendOnly: definition.appendOnly }),
    events: definition.events,
    personal:
      personal === undefined
        ? undefined
        : {
            paths: personal.paths.map((p) => ["value", ...p]),
            protect: (s: Stored<A>, today: string) => personal.protect(s.value, today),
            fields: personal.fields
          }
  })
}

/**
 * The storage engine failed (connection lost, constraint the model does not know about). Carries the operation and
 * the aggregate; the cause is kept for logs.
 *
 * @since 0.1.0
 * @category errors
 */
export class StoreError extends Schema.TaggedError<StoreError>()("StoreError", {
  operation: Schema.String,
  entity: Schema.String,
  reason: Schema.String,
  cause: Schema.optional(Schema.Unknown)
}) {
  override get message(): string {
    return `store ${this.operation} of ${this.entity} failed: ${this.reason}`
  }
}

/**
 * A write that found the database locked by another writer for longer than the engine waits (SQLite's busy
 * timeout, 5 s by default; PostgreSQL's `lock_timeout`, MySQL's and MariaDB's `innodb_lock_wait_timeout`), or that
 * the engine rolled back as a deadlock victim or for a serialization failure: nothing was written, and trying again
 * later may succeed (重试). Unlike a {@link VersionConflict}, the stored version had not moved when the write gave
 * up, so the same write can be retried as it is.
 *
 * @since 0.1.0
 * @category errors
 */
export class StoreBusy extends Schema.TaggedError<StoreBusy>()("StoreBusy", {
  operation: Schema.String,
  entity: Schema.String,
  cause: Schema.optional(Schema.Unknown)
}) {
  override get message(): string {
    return `store ${this.operation} of ${this.entity}: the database stayed locked by another writer past the lock wait (or rolled the write back as a deadlock victim); nothing was written, try again`
  }
}

/**
 * An import row that could not be decoded or validated: its 1-based row number and every issue with its path.
 *
 * @since 0.1.0
 * @category errors
 */
export class RowRejected extends Schema.TaggedError<RowRejected>()("RowRejected", {
  entity: Schema.String,
  row: Schema.Number,
  issues: Schema.Array(DecodeIssue)
}) {
  override get message(): string {
    const listed = this.issues
      .slice(0, 3)
      .map((i) => (i.path.length === 0 ? i.message : `${i.path.join(".")}: ${i.message}`))
      .join("; ")
    return `${this.entity} row ${this.row} rejected: ${listed}`
  }
}

/**
 * A filter value: one value (equality) or a list (any of them).
 *
 * @since 0.1.0
 * @category models
 */
export type FilterValue = string | number | ReadonlyArray<string | number>

/**
 * What to list: an optional tenant, filters on declared fields, and a page (a cursor from the previous page, or an
 * offset). Order is always by tenant then id, so pages are stable.
 *
 * @since 0.1.0
 * @category models
 */
export interface ListOptions<K extends string = string> {
  readonly tenant?: string | undefined
  /**
   * Only records with these ids (at most {@link maxListIds}; an empty list matches nothing): a batch of lookups in
   * one query, still within the scope and the other filters.
   */
  readonly ids?: ReadonlyArray<string> | undefined
  readonly where?: { readonly [F in K]?: FilterValue } | undefined
  /** Page size, default 100, at most 10,000. */
  readonly limit?: number | undefined
  /** The `next` cursor of the previous page. */
  readonly cursor?: string | undefined
  readonly offset?: number | undefined
}

/**
 * The most ids one list may name (`ListOptions.ids`): a query's parameters are bounded on every engine.
 *
 * @since 0.1.0
 * @category models
 */
export const maxListIds = 1000

/**
 * One page of a list: the records, the total matching the filters and scope, and the cursor of the next page.
 *
 * @since 0.1.0
 * @category models
 */
export interface Page<A> {
  readonly items: ReadonlyArray<A>
  readonly total: number
  readonly next?: string | undefined
}

/**
 * A division level to group by: the first digits of the stored division (`Division.prefix`): 2 province, 4
 * prefecture, 6 county, 9 township (街道/乡镇), 12 village or community (社区/村).
 *
 * @since 0.1.0
 * @category models
 */
export type DivisionLevel = "province" | "prefecture" | "county" | "township" | "village"

/**
 * The number of significant digits of each {@link DivisionLevel}.
 *
 * @since 0.1.0
 * @category constants
 */
export const divisionDigits: Readonly<Record<DivisionLevel, number>> = {
  province: 2,
  prefecture: 4,
  county: 6,
  township: 9,
  village: 12
}

/**
 * One term of a count's grouping (分组): a declared field; the tenant; the record's division, org path or grid path as
 * stored; the division cut to a level (`{ division: "township" }`: per street); or a path cut to its first `n` ids
 * (`{ grid: 2 }`: per small grid under the large one). A record above the level or shallower than `n` groups under
 * its own, shorter, value; a record without that location groups under `null`. The names `tenant`, `division`, `org`
 * and `grid` mean the location; a declared field of the same name (the cases' `grid`) is grouped by as `{ field }`.
 *
 * @since 0.1.0
 * @category models
 */
export type GroupBy<K extends string = string> =
  | K
  | { readonly field: K }
  | "tenant"
  | "division"
  | "org"
  | "grid"
  | { readonly division: DivisionLevel }
  | { readonly org: number }
  | { readonly grid: number }

/**
 * The value of one grouping term in a group: a field value, a tenant, a division's significant digits
 * (`Division.prefix`: `370302001` for a street), or a path as its ids; `null` when the record has none.
 *
 * @since 0.1.0
 * @category models
 */
export type GroupValue = string | number | ReadonlyArray<string> | null

/**
 * What to count (计数): like a list (tenant, filters on declared fields, within the caller's scope) and what to group
 * the count by (no grouping: one group, the total).
 *
 * @since 0.1.0
 * @category models
 */
export interface CountOptions<K extends string = string> {
  readonly tenant?: string | undefined
  readonly where?: { readonly [F in K]?: FilterValue } | undefined
  readonly groupBy?: ReadonlyArray<GroupBy<K>> | undefined
}

/**
 * One group of a count: the values of the grouping terms (in the order of `groupBy`) and how many records it holds.
 *
 * @since 0.1.0
 * @category models
 */
export interface Group {
  readonly key: ReadonlyArray<GroupValue>
  readonly count: number
}

/**
 * One event of a log with its sequence number (1, 2, 3 … per aggregate).
 *
 * @since 0.1.0
 * @category models
 */
export interface Sequenced<E> {
  readonly seq: number
  readonly event: E
}

/**
 * What an import does with a bad row: `skip` reports it and goes on, `abort` fails on the first one (batches already
 * committed stay).
 *
 * @since 0.1.0
 * @category models
 */
export type BadRowPolicy = "skip" | "abort"

/**
 * How far an import has got, reported after every committed batch.
 *
 * @since 0.1.0
 * @category models
 */
export interface Progress {
  readonly rows: number
  readonly written: number
  readonly rejected: number
  readonly batches: number
}

/**
 * Options of a bulk import (批量导入). An import applies its good rows in order, as if one at a time; a batch only
 * decides which rows commit together (so the batch size never changes what is stored). A row whose natural key no
 * other record holds inserts its record or, when its id is stored (under this or another natural key: a household
 * whose room was corrected), updates that record, natural key included. A row with a new id whose natural key a
 * record with another id holds replaces that record (the record takes the row's id: a re-run with ids made anew
 * adds nothing). A row whose id is stored under another natural key while a third record holds the row's natural key
 * is refused (`store/duplicate-natural-key`, like `save`): writing it would either leave two records with one natural
 * key or delete a record of another id; under `skip` it is reported as a rejected row and the rest of its batch is
 * written, under `abort` the import fails with it and its batch writes nothing. A row outside the importer's scope,
 * or touching a stored record outside it, is refused the same way (see {@link ImportOptions.scope}). Every engine
 * does the same.
 *
 * @since 0.1.0
 * @category models
 */
export interface ImportOptions<A> {
  /**
   * The importer's scope (required; {@link everything} for an unrestricted import). A row whose record lies outside
   * it, or that would update or replace a stored record outside it (by id or by natural key), is a rejected row
   * whose one issue says `<aggregate> <id>: not found or not permitted`, the error `save` gives, and writes
   * nothing; under `abort` it fails the import as any bad row does.
   */
  readonly scope: Scope
  readonly policy: BadRowPolicy
  /** Rows per batch (one transaction each), default 500. */
  readonly batchSize?: number | undefined
  /** Rules run on each decoded record; an `error` finding rejects the row. */
  readonly validate?: ((record: A) => ReadonlyArray<Finding>) | undefined
  readonly onProgress?: ((progress: Progress) => Effect.Effect<void>) | undefined
  /**
   * Receives each rejected row (policy `skip`) as it is found: rows that do not decode or validate in row order,
   * rows the store refuses (a natural key held by another record) when their batch is written. When given, the
   * report keeps none of them in `rejected` (a file with many bad rows is imported in flat memory); `rejectedRows`
   * still counts them.
   */
  readonly onRejected?: ((rejected: RowRejected) => Effect.Effect<void>) | undefined
  /**
   * Issues found on a row as it was read, before it is decoded (a caller that placed the row knows, say, that the
   * record it names is not stored): any issue rejects the row, with the decode issues it may also have.
   */
  readonly precheck?: ((input: unknown) => ReadonlyArray<DecodeIssue>) | undefined
  /**
   * Whom the access audit records the import's batches as written by (default {@link unattributed}); each batch
   * that writes rows appends one `Audit.Entry` (operation `import`, the rows it wrote as `count`) in the batch's
   * own transaction.
   */
  readonly by?: Attribution | undefined
}

/**
 * What an import did: rows read, rows written (each inserted or updated one record, by id or natural key), rejected
 * rows (in row order), batches.
 *
 * @since 0.1.0
 * @category models
 */
export interface ImportReport {
  readonly rows: number
  readonly written: number
  /** The rejected rows, unless the import handed them to `onRejected`. */
  readonly rejected: ReadonlyArray<RowRejected>
  /** How many rows were rejected. */
  readonly rejectedRows: number
  readonly batches: number
}

/**
 * The operations on one aggregate. Every operation takes the caller's scope (数据权限范围), reads and writes alike: a
 * record outside it is never returned, and `get` of one fails exactly as for a missing record; a write whose record
 * lies outside the scope before or after it (an update that would move a record into the scope, or out of it) fails
 * with the same `NotFoundOrNotPermitted` and changes nothing. A write that expects a stored record (`save` with
 * `expectedVersion` ≥ 1, `delete`, `append`) fails with `NotFoundOrNotPermitted` when there is none, so a missing
 * record and a record out of scope cannot be told apart; a `VersionConflict` names versions of records in scope
 * only. {@link everything} is the scope of imports, migrations and administrative tools.
 *
 * Every write that is done is audited (访问审计): `save`, `delete`, `append` and `saveWithEvents` append one
 * `Audit.Entry` to {@link AuditLog} in the write's own transaction (an import, one per batch in the batch's), so a
 * write that fails leaves no entry and a write that stands always has one. The entry names whom
 * `options.by` attributes the write to, {@link unattributed} when the caller says nothing (a host's direct use of
 * the repository); `Permissions.guard` passes its actor's. Writes of the audit log itself are not audited again.
 *
 * @since 0.1.0
 * @category ports
 */
export interface Repository<A, K extends string = string, E = unknown> {
  readonly aggregate: Aggregate<A, unknown, K, E>
  readonly get: (scope: Scope, tenant: string, id: string) => Effect.Effect<A, NotFoundOrNotPermitted | StoreError>
  readonly list: (scope: Scope, options?: ListOptions<K>) => Effect.Effect<Page<A>, StoreError>
  /**
   * Counts the records in scope matching the filters, per group of `groupBy` (adapters push this down: SQL stores
   * run one `GROUP BY` query). Groups are ordered by key (`null` first, then numbers, then strings and paths by
   * code point); groups with no record are absent; with no grouping there is one group (with count 0 when nothing
   * matches).
   */
  readonly count: (scope: Scope, options?: CountOptions<K>) => Effect.Effect<ReadonlyArray<Group>, StoreError>
  /**
   * Writes `record` if the stored version is `expectedVersion` (0: must not exist yet); otherwise nothing. The
   * record's new location must lie in `scope`, and so must the stored record it replaces; else the save fails with
   * `NotFoundOrNotPermitted` (as it does for `expectedVersion` ≥ 1 and no stored record). A natural key another
   * record of the tenant holds fails with `InvalidInput` (`store/duplicate-natural-key`, see
   * {@link duplicateNaturalKey}) when that record is in scope, and with `NotFoundOrNotPermitted` for the record
   * being written when it is not: the caller learns that it may not write this record, and nothing of the other.
   */
  readonly save: (
    scope: Scope,
    record: A,
    expectedVersion: number,
    options?: WriteOptions
  ) => Effect.Effect<void, VersionConflict | InvalidInput | NotFoundOrNotPermitted | StoreError | StoreBusy>
  /**
   * Deletes a record at `expectedVersion`; fails with `InvalidInput` for an aggregate that is not deletable, and
   * with `NotFoundOrNotPermitted` when the record is missing or outside `scope`.
   */
  readonly delete: (
    scope: Scope,
    tenant: string,
    id: string,
    expectedVersion: number,
    options?: WriteOptions
  ) => Effect.Effect<void, VersionConflict | InvalidInput | NotFoundOrNotPermitted | StoreError | StoreBusy>
  /**
   * Appends events after `expectedSeq` (the last sequence number the caller read); returns the new last one. The
   * record's stored state must exist and lie in `scope`; else `NotFoundOrNotPermitted`.
   */
  readonly append: (
    scope: Scope,
    tenant: string,
    id: string,
    events: ReadonlyArray<E>,
    expectedSeq: number,
    options?: WriteOptions
  ) => Effect.Effect<number, VersionConflict | NotFoundOrNotPermitted | StoreError | StoreBusy>
  /** Saves the new state and appends the events that led to it in one transaction (refused as `save` refuses). */
  readonly saveWithEvents: (
    scope: Scope,
    record: A,
    expectedVersion: number,
    events: ReadonlyArray<E>,
    options?: WriteOptions
  ) => Effect.Effect<void, VersionConflict | InvalidInput | NotFoundOrNotPermitted | StoreError | StoreBusy>
  /** The events of a record in order. A record outside the scope (or with no stored state) fails as not found. */
  readonly events: (
    scope: Scope,
    tenant: string,
    id: string
  ) => Effect.Effect<ReadonlyArray<Sequenced<E>>, NotFoundOrNotPermitted | StoreError>
  /**
   * Decodes, validates and writes rows in batches, upserting by id and natural key so re-runs add nothing (the rules
   * for a row whose id and natural key belong to different records: {@link ImportOptions}). Every row is checked
   * against `options.scope`, as `save` is: see {@link ImportOptions.scope}.
   */
  readonly import: <EX, R>(
    rows: StreamT.Stream<unknown, EX, R>,
    options: ImportOptions<A>
  ) => Effect.Effect<ImportReport, RowRejected | StoreError | StoreBusy | EX, R>
}

/**
 * The store: a repository per aggregate, and the schema migrations.
 *
 * @since 0.1.0
 * @category ports
 */
export interface Service {
  readonly repository: <A, I, K extends string, E, EI>(aggregate: Aggregate<A, I, K, E, EI>) => Repository<A, K, E>
  /** Brings the schema up to date; returns the migrations applied now (none when already current). */
  readonly migrate: Effect.Effect<ReadonlyArray<string>, StoreError>
  /**
   * The stored rows as they are, for maintenance jobs (key rotation, `Encryption.rotate`) and audits; no scope
   * applies, so a host never hands it to a caller of the repositories. The memory and SQL stores have it.
   */
  readonly raw?: RawAccess | undefined
}

/**
 * A stored row as the engine holds it (原始行): keys, version, natural key and field columns, the record JSON
 * (sealed when the store encrypts) and the JSON of its events in order.
 *
 * @since 0.1.0
 * @category adapters
 */
export interface RawRow {
  readonly tenant: string
  readonly id: string
  readonly version: number
  readonly nkey: string | null
  readonly fields: ReadonlyArray<string | number | null>
  readonly record: string
  readonly events: ReadonlyArray<{ readonly seq: number; readonly event: string }>
}

/**
 * Raw access to a store's rows (原始行访问): pages of rows in (tenant, id) order after a position, and an atomic
 * rewrite of one row and its events that applies only if the row is still as read (same version and record JSON,
 * each event unchanged), in one transaction.
 *
 * @since 0.1.0
 * @category adapters
 */
export interface RawAccess {
  /** The store's encryption, when it has one (what the rows are sealed with). */
  readonly encryption?: Encryption.Service | undefined
  readonly scan: (
    aggregate: AnyAggregate,
    after: readonly [string, string] | undefined,
    limit: number
  ) => Effect.Effect<ReadonlyArray<RawRow>, StoreError>
  /**
   * Answers false (and writes nothing) when the row moved since it was read. The row's version becomes
   * `next.row.version`. With `audit` (the {@link auditRow} of an entry), the entry is appended in the same
   * transaction (an erasure is audited; a key rotation, which changes no value, is not).
   */
  readonly rewrite: (
    aggregate: AnyAggregate,
    read: RawRow,
    next: { readonly row: Row; readonly events: ReadonlyArray<{ readonly seq: number; readonly event: string }> },
    audit?: Row | undefined
  ) => Effect.Effect<boolean, StoreError>
}

/**
 * The storage port (存储端口).
 *
 * @since 0.1.0
 * @category ports
 */
export class Store extends Context.Tag("@zhili/core/Store")<Store, Service>() {}

/**
 * The repository of an aggregate from the store in context.
 *
 * @since 0.1.0
 * @category accessors
 */
export const repository = <A, I, K extends string, E, EI>(
  aggregate: Aggregate<A, I, K, E, EI>
): Effect.Effect<Repository<A, K, E>, never, Store> => Effect.map(Store, (s) => s.repository(aggregate))

// ---------------------------------------------------------------------------------------------------------------
// The access audit of writes

/**
 * Whom a write is recorded as done by in the access audit (记录主体): the actor's id, the role it acts in, and the
 * purpose of processing when there is one. `Permissions.guard` passes its actor's; a write given none is recorded
 * as {@link unattributed}.
 *
 * @since 0.1.0
 * @category audit
 */
export interface Attribution {
  readonly actor: string
  readonly role: string
  readonly purpose?: string | undefined
}

/**
 * The attribution of a write made through a repository directly, with no actor given (未归属): actor
 * `unattributed`, role `direct`. An audit entry with it says the host wrote without saying who; a host that lets
 * people write attributes their writes (`WriteOptions.by`) or uses a guarded repository.
 *
 * @since 0.1.0
 * @category audit
 */
export const unattributed: Attribution = { actor: "unattributed", role: "direct" }

/**
 * Options of a write (写入选项): whom the access audit records it as done by (default {@link unattributed}).
 *
 * @since 0.1.0
 * @category audit
 */
export interface WriteOptions {
  readonly by?: Attribution | undefined
}

/**
 * The access audit (访问审计, `Audit.Entry`, table `zhili_access_audit`): append-only (a stored entry is never
 * replaced, never deleted, by `save`, `delete`, `saveWithEvents` or `import`); fields `record`, `actor`,
 * `aggregate`, `operation`, `outcome` for queries. Entries are placed at no location, so only an unrestricted scope
 * (`Store.everything`) reads them. Every store writes it in the transaction of each write it audits.
 *
 * @since 0.1.0
 * @category audit
 */
export const AuditLog = domain({
  name: "access_audit",
  schema: Audit.Entry,
  tenant: (e) => e.tenant,
  id: (e) => e.id,
  appendOnly: true,
  fields: [
    { name: "record", type: "string", get: (e: Audit.Entry) => e.record },
    { name: "actor", type: "string", get: (e: Audit.Entry) => e.actor },
    { name: "aggregate", type: "string", get: (e: Audit.Entry) => e.aggregate },
    { name: "operation", type: "string", get: (e: Audit.Entry) => e.operation },
    { name: "outcome", type: "string", get: (e: Audit.Entry) => e.outcome }
  ]
})

/** The row of an audit entry (the entry has nothing to seal nor any blind field: the same with or without keys). */
let auditRowOf: ((record: Stored<Audit.Entry>) => Row) | undefined

/**
 * The row of the audit entry of a done write (`count`: the rows an import batch wrote), for adapters to insert in
 * the write's transaction.
 *
 * @since 0.1.0
 * @category adapters
 */
export const auditRow = (entry: Audit.Entry, count?: number): Row => {
  if (auditRowOf === undefined) auditRowOf = toRow(AuditLog)
  return auditRowOf(stored(count === undefined ? entry : new Audit.Entry({ ...entry, count }), {}))
}

/**
 * The audit entry of a write that is about to be done (outcome `done`), at the time of the Effect `Clock`: the
 * aggregate, the operation, the record's tenant and id, and `by` (default {@link unattributed}). `undefined` for a
 * write of the audit log itself, which is not audited again. Adapters insert its {@link auditRow} in the write's
 * transaction.
 *
 * @since 0.1.0
 * @category adapters
 */
export const auditEntry = (
  aggregate: AnyAggregate,
  operation: Audit.Operation,
  target: { readonly tenant: string; readonly record?: string | undefined },
  by: Attribution | undefined
): Effect.Effect<Audit.Entry | undefined> => {
  if (aggregate.name === AuditLog.name) return Effect.succeed(undefined)
  const who = by ?? unattributed
  return Audit.entry({
    tenant: target.tenant,
    actor: who.actor,
    role: who.role,
    operation,
    aggregate: aggregate.name,
    outcome: "done",
    ...(target.record === undefined ? {} : { record: target.record }),
    ...(who.purpose === undefined ? {} : { purpose: who.purpose })
  })
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers shared by adapters

/**
 * A record as the columns every adapter stores: key, version, location strings (division prefix, org and grid path
 * strings, so a subtree is a prefix), natural key, field values and the JSON of the encoded record.
 *
 * @since 0.1.0
 * @category adapters
 */
export interface Row {
  readonly tenant: string
  readonly id: string
  readonly version: number
  readonly division: string | null
  readonly org: string | null
  readonly grid: string | null
  readonly nkey: string | null
  readonly fields: ReadonlyArray<string | number | null>
  readonly record: string
}

/** Two optional paths of ids, equal element by element. */
const samePath = (a: ReadonlyArray<string> | undefined, b: ReadonlyArray<string> | undefined): boolean => {
  if (a === undefined || b === undefined) return a === b
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/**
 * The index a blind field's column or a blind natural key holds for a clear value: the keyed blind index under the
 * store's encryption, an unkeyed digest without it (see `Cipher.unkeyedIndex`).
 *
 * @since 0.1.0
 * @category adapters
 */
export const blindValue = (codec: Encryption.RecordCodec | undefined, domain: string, value: string): string =>
  codec === undefined ? Cipher.unkeyedIndex(domain, value) : codec.blind(domain, value)

/**
 * A list's or count's filters with the clear values given for blind fields replaced by their indexes (what the
 * columns hold); adapters call it before querying.
 *
 * @since 0.1.0
 * @category adapters
 */
export const blindFilters = <W extends { readonly [field: string]: FilterValue | undefined }>(
  aggregate: AnyAggregate,
  where: W | undefined,
  codec: Encryption.RecordCodec | undefined
): W | undefined => {
  if (where === undefined || !aggregate.fields.some((f) => f.blind === true)) return where
  const out: Record<string, FilterValue | undefined> = { ...where }
  for (const f of aggregate.fields) {
    const v = out[f.name]
    if (f.blind !== true || v === undefined) continue
    // every index a row may hold for the value (under a retired index key too, while a rotation re-indexes)
    const indexes = (x: string | number): ReadonlyArray<string> => {
      const clear = f.normalize?.(String(x)) ?? String(x)
      return codec === undefined ? [blindValue(codec, f.name, clear)] : codec.blinds(f.name, clear)
    }
    const all = (Array.isArray(v) ? v : [v as string | number]).flatMap(indexes)
    out[f.name] = !Array.isArray(v) && all.length === 1 ? (all[0] as string) : all
  }
  return out as W
}

/**
 * Encodes a record into its {@link Row}. With a codec (the store's `Encryption`), the record's sensitive values are
 * sealed into one envelope (and its whole personal part, for a record its aggregate protects, whose personal
 * fields' columns are then left empty); blind fields and a blind natural key are indexed. `encoded` is the JSON of
 * the record's encoded form when the caller has it already (an import row that is one), `input` that encoded form
 * itself (sealed instead of encoding the record again).
 *
 * @since 0.1.0
 * @category adapters
 */
export const toRow = <A, I>(
  aggregate: Aggregate<A, I, string, unknown, unknown>,
  codec?: Encryption.RecordCodec | undefined
): ((record: A, encoded?: string, input?: unknown) => Row) => {
  const encode = Schema.encodeSync(aggregate.schema)
  const { tenant, id, version, location, naturalKey } = aggregate
  const getters = aggregate.fields.map((f) => f.get)
  const n = getters.length
  const blinds = aggregate.fields.map((f) =>
    f.blind === true
      ? (v: string | number) => blindValue(codec, f.name, f.normalize?.(String(v)) ?? String(v))
      : undefined
  )
  const anyBlind = blinds.some((b) => b !== undefined)
  const keyDomain = `nkey:${aggregate.name}`
  const blindKey = aggregate.blindKey === true
  const personal = codec === undefined ? undefined : aggregate.personal
  const personalFields = (personal?.fields ?? []).map((name) => aggregate.fields.findIndex((f) => f.name === name))
  const sealing = codec !== undefined && codec.sensitive
  // the columns of the last location seen, kept while the next one is equal: an import places the records of one
  // building (or grid) after another, so consecutive rows mostly share a location
  let seen = false
  let lastDivision: string | undefined
  let lastOrg: ReadonlyArray<string> | undefined
  let lastGrid: ReadonlyArray<string> | undefined
  let division: string | null = null
  let org: string | null = null
  let grid: string | null = null
  return (record, encoded, input) => {
    const l = location(record)
    if (!seen || l.division !== lastDivision) {
      division = l.division === undefined ? null : ScopeK.divisionPrefix(l.division)
      lastDivision = l.division
    }
    if (!seen || !samePath(l.org, lastOrg)) {
      org = l.org === undefined ? null : ScopeK.pathString(l.org)
      lastOrg = l.org === undefined ? undefined : [...l.org]
    }
    if (!seen || !samePath(l.grid, lastGrid)) {
      grid = l.grid === undefined ? null : ScopeK.pathString(l.grid)
      lastGrid = l.grid === undefined ? undefined : [...l.grid]
    }
    seen = true
    const fields: Array<string | number | null> = new Array(n)
    for (let i = 0; i < n; i++) fields[i] = (getters[i] as (r: A) => string | number | undefined)(record) ?? null
    if (anyBlind) {
      for (let i = 0; i < n; i++) {
        const b = blinds[i]
        const v = fields[i]
        if (b !== undefined && v !== null && v !== undefined) fields[i] = b(v)
      }
    }
    const protect = personal !== undefined && personal.protect(record, (codec as Encryption.RecordCodec).today())
    if (protect) for (const i of personalFields) if (i >= 0) fields[i] = null
    const key = naturalKey === undefined ? null : naturalKey(record)
    return {
      tenant: tenant(record),
      id: id(record),
      version: version(record),
      division,
      org,
      grid,
      nkey: key === null || !blindKey ? key : blindValue(codec, keyDomain, key),
      fields,
      record: sealing
        ? (codec as Encryption.RecordCodec).sealRecord(input ?? encode(record), protect)
        : (encoded ?? JSON.stringify(input ?? encode(record)))
    }
  }
}

/**
 * The error of a save whose natural key another record of the tenant already holds (一户一档: one record per natural
 * key): `InvalidInput` with code `store/duplicate-natural-key` at `[aggregate, id]`. The other record is not named,
 * since it may lie outside the caller's scope. Every adapter fails this way.
 *
 * @since 0.1.0
 * @category adapters
 */
export const duplicateNaturalKey = (entity: string, tenant: string, id: string, naturalKey: string): InvalidInput =>
  new InvalidInput({
    code: "store/duplicate-natural-key",
    path: [entity, id],
    reason: `another ${entity} record of tenant ${tenant} already has the natural key "${naturalKey}"`
  })

/**
 * The error of a save that would replace a record of an append-only aggregate (see {@link Aggregate.appendOnly}):
 * `InvalidInput` with code `store/append-only` at `[aggregate, id]`. Every adapter fails this way.
 *
 * @since 0.1.0
 * @category adapters
 */
export const appendOnlyRefused = (entity: string, id: string): InvalidInput =>
  new InvalidInput({
    code: "store/append-only",
    path: [entity, id],
    reason: `${entity} records are append-only: a stored record is never replaced`
  })

/**
 * Decodes the stored JSON of a record; a row that no longer decodes is a `StoreError`. With a codec, its envelope is
 * opened first: one that does not open (changed, or of a key the keyring lacks) is a `StoreError` whose `cause` is
 * the `Cipher.CipherError`, never a record with garbage in it.
 *
 * @since 0.1.0
 * @category adapters
 */
export const fromJson = <A, I>(
  aggregate: Aggregate<A, I, string, unknown, unknown>,
  codec?: Encryption.RecordCodec | undefined
): ((json: string) => Effect.Effect<A, StoreError>) => {
  // the import's compiled decoder first (a success is what Schema's decode gives); Schema's own for the issues
  const fast = fastDecoder(aggregate.schema, { excess: false })
  const decode = Schema.decodeUnknownEither(aggregate.schema)
  return (json) => {
    let input: unknown
    if (codec === undefined) input = JSON.parse(json)
    else {
      const opened = codec.openRecord(json)
      if (Either.isLeft(opened)) {
        return Effect.fail(
          new StoreError({ operation: "read", entity: aggregate.name, reason: opened.left.message, cause: opened.left })
        )
      }
      input = opened.right
    }
    const fastly = fast(input)
    if (fastly !== undefined) return Effect.succeed(fastly.value as A)
    return Either.match(decode(input), {
      onLeft: (e) =>
        Effect.fail(
          new StoreError({
            operation: "read",
            entity: aggregate.name,
            reason:
              codec === undefined && typeof input === "object" && input !== null && "$sealed" in input
                ? "the record is encrypted at rest and this store has no keys (give the store its KeyProvider)"
                : e.message,
            cause: e
          })
        ),
      onRight: Effect.succeed
    })
  }
}

/**
 * Encodes and decodes events of an aggregate's log as JSON.
 *
 * @since 0.1.0
 * @category adapters
 */
export const eventCodec = <E, EI>(
  aggregate: Aggregate<unknown, unknown, string, E, EI>,
  sealing?: Encryption.RecordCodec | undefined
): {
  readonly encode: (event: E) => string
  readonly decode: (json: string) => Effect.Effect<E, StoreError>
} => {
  const schema = aggregate.events
  if (schema === undefined) {
    const fail = () => {
      throw new TypeError(`aggregate ${aggregate.name} has no event log`)
    }
    return { encode: fail, decode: fail }
  }
  const encode = Schema.encodeSync(schema)
  const decode = Schema.decodeUnknownEither(schema)
  const fail = (reason: string, cause?: unknown) =>
    Effect.fail(new StoreError({ operation: "read events", entity: aggregate.name, reason, cause }))
  if (sealing !== undefined) {
    return {
      encode: (e) => sealing.sealEvent(encode(e)),
      decode: (json) =>
        Either.match(sealing.openEvent(json), {
          onLeft: (e) => fail(e.message, e),
          onRight: (input) => Either.match(decode(input), { onLeft: (e) => fail(e.message), onRight: Effect.succeed })
        })
    }
  }
  return {
    encode: (e) => JSON.stringify(encode(e)),
    decode: (json) =>
      Either.match(decode(JSON.parse(json)), {
        onLeft: (e) => fail(e.message),
        onRight: Effect.succeed
      })
  }
}

/**
 * A page cursor: the tenant and id of the last record of the page, base64url-encoded.
 *
 * @since 0.1.0
 * @category adapters
 */
export const encodeCursor = (tenant: string, id: string): string =>
  Buffer.from(JSON.stringify([tenant, id]), "utf8").toString("base64url")

/**
 * Reads a cursor back; a malformed one is an `InvalidInput`-like `StoreError`.
 *
 * @since 0.1.0
 * @category adapters
 */
export const decodeCursor = (cursor: string): Either.Either<readonly [string, string], StoreError> => {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"))
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === "string" && typeof v[1] === "string") {
      return Either.right([v[0], v[1]] as const)
    }
  } catch {
    // fall through
  }
  return Either.left(new StoreError({ operation: "list", entity: "cursor", reason: `malformed cursor "${cursor}"` }))
}

/**
 * Clamps a page size to 1–10,000 (default 100).
 *
 * @since 0.1.0
 * @category adapters
 */
export const pageSize = (limit: number | undefined): number => Math.max(1, Math.min(10_000, Math.floor(limit ?? 100)))

/** Rows decoded between two turns of the event loop during an import. */
const decodeSlice = 100

/**
 * Lets the event loop run (I/O callbacks, socket writes) between slices of an import's decoding, so that the
 * database can work on the previous batch while the next one is decoded.
 */
const yieldToEventLoop: Effect.Effect<void> = Effect.async<void>((resume) => {
  const go = () => resume(Effect.void)
  if (typeof globalThis.setImmediate === "function") globalThis.setImmediate(go)
  else globalThis.setTimeout(go, 0)
})

/**
 * The keys of a row or of a stored record: what decides whether an import row inserts, updates, replaces or is
 * refused (see {@link settle}).
 *
 * @since 0.1.0
 * @category adapters
 */
export interface Keys {
  readonly tenant: string
  readonly id: string
  readonly nkey: string | null
}

/**
 * The keys of a stored record with its location columns (as in its {@link Row}): what a scoped import checks.
 *
 * @since 0.1.0
 * @category adapters
 */
export interface StoredKeys extends Keys {
  readonly division: string | null
  readonly org: string | null
  readonly grid: string | null
}

/**
 * A row of a batch the store refused: its index in the batch, its keys and why: `duplicate-natural-key` (its
 * natural key is held by another record while its id is stored under another natural key), `not-permitted` (it
 * would update or replace a stored record outside the import's scope) or `append-only` (its aggregate is
 * append-only and the row would update or replace a record: see {@link Aggregate.appendOnly}).
 *
 * @since 0.1.0
 * @category adapters
 */
export interface Refused extends Keys {
  readonly index: number
  readonly reason: "duplicate-natural-key" | "not-permitted" | "append-only"
}

/**
 * What writing a batch of import rows does to the store, worked out from the rows' keys and the stored records
 * they touch: the rows refused, the stored records that go (`removed`: replaced by a row of another id with their
 * natural key) and those written again (`rewritten`: updated by a row of their id), and the rows to write (`kept`,
 * batch indexes in batch order: the last row of each id that remains).
 *
 * @since 0.1.0
 * @category adapters
 */
export interface Settlement {
  readonly refused: ReadonlyArray<Refused>
  readonly removed: ReadonlyArray<Keys>
  readonly rewritten: ReadonlyArray<Keys>
  readonly kept: ReadonlyArray<number>
}

/**
 * Applies a batch of import rows, in order, to the stored records they touch (`stored`: every stored record of a
 * row's tenant with a row's id or natural key; more do no harm), following the rules of {@link ImportOptions}: a
 * row updates the record of its id; else it replaces the record holding its natural key, or inserts; a row whose id
 * is stored under another natural key while another record holds its natural key is refused. Adapters whose fast
 * write failed on a unique key use it to write the batch as every engine does: delete `removed` and `rewritten`,
 * then insert the `kept` rows (the final state has one record per id and per natural key, so no insert collides).
 *
 * With `within` (the scope filters of a restricted import), a row that shares its id or its natural key with a
 * stored record outside those filters is refused as `not-permitted` before anything else (it would update or
 * replace that record, or be refused for its key), so a record out of scope is never touched. With `appendOnly`,
 * a row whose id or natural key a stored record or an earlier row holds is refused as `append-only`.
 *
 * @since 0.1.0
 * @category adapters
 */
export const settle = (
  batch: ReadonlyArray<Keys>,
  stored: ReadonlyArray<StoredKeys>,
  within?: ReadonlyArray<ScopeFilter> | undefined,
  appendOnly?: boolean | undefined
): Settlement => {
  /** id → its natural key and where its current state comes from: -1 stored, else a batch index. */
  const byId = new Map<string, { readonly nkey: string | null; readonly from: number }>()
  const byKey = new Map<string, string>()
  const storedAt = new Map<string, Keys>()
  for (const r of stored) {
    const k = keyOf(r.tenant, r.id)
    if (storedAt.has(k)) continue
    storedAt.set(k, r)
    byId.set(k, { nkey: r.nkey, from: -1 })
    if (r.nkey !== null) byKey.set(keyOf(r.tenant, r.nkey), k)
  }
  // the ids and natural keys of stored records outside the scope: never touched, so they keep both
  const hiddenIds = new Set<string>()
  const hiddenKeys = new Set<string>()
  if (within !== undefined) {
    for (const r of stored) {
      if (rowInScope(r, within)) continue
      hiddenIds.add(keyOf(r.tenant, r.id))
      if (r.nkey !== null) hiddenKeys.add(keyOf(r.tenant, r.nkey))
    }
  }
  const refused: Array<Refused> = []
  for (let i = 0; i < batch.length; i++) {
    const r = batch[i] as Keys
    const k = keyOf(r.tenant, r.id)
    const nk = r.nkey === null ? undefined : keyOf(r.tenant, r.nkey)
    if (hiddenIds.has(k) || (nk !== undefined && hiddenKeys.has(nk))) {
      refused.push({ index: i, tenant: r.tenant, id: r.id, nkey: r.nkey, reason: "not-permitted" })
      continue
    }
    const current = byId.get(k)
    const holder = nk === undefined ? undefined : byKey.get(nk)
    if (appendOnly === true && (current !== undefined || holder !== undefined)) {
      refused.push({ index: i, tenant: r.tenant, id: r.id, nkey: r.nkey, reason: "append-only" })
      continue
    }
    if (holder !== undefined && holder !== k) {
      if (current !== undefined) {
        refused.push({ index: i, tenant: r.tenant, id: r.id, nkey: r.nkey, reason: "duplicate-natural-key" })
        continue
      }
      byId.delete(holder)
    }
    if (current !== undefined && current.nkey !== null && current.nkey !== r.nkey) {
      byKey.delete(keyOf(r.tenant, current.nkey))
    }
    byId.set(k, { nkey: r.nkey, from: i })
    if (nk !== undefined) byKey.set(nk, k)
  }
  const removed: Array<Keys> = []
  const rewritten: Array<Keys> = []
  for (const [k, r] of storedAt) {
    const now = byId.get(k)
    if (now === undefined) removed.push(r)
    else if (now.from >= 0) rewritten.push(r)
  }
  const kept: Array<number> = []
  for (const now of byId.values()) if (now.from >= 0) kept.push(now.from)
  kept.sort((a, b) => a - b)
  return { refused, removed, rewritten, kept }
}

/**
 * How an adapter writes an import's batches: `prepare` turns each good row into what the adapter keeps until its
 * batch is written (the {@link Row} itself, or a smaller form such as a line of PostgreSQL COPY text, so that a
 * waiting batch holds as little as possible), and `write` commits one batch atomically, following the rules of
 * {@link ImportOptions} (see {@link settle}), and answers the rows it refused. With `abort`, a batch with a refused
 * row writes nothing. `within` is the import's scope as filters, or `undefined` for an unrestricted import: when
 * given, the writer reads the stored records the rows touch with their location columns, in the batch's
 * transaction, and settles the batch with them (`settle(keys, stored, within)`), so that no stored record outside
 * the scope is touched (the rows themselves have been checked to lie in it). `audit` gives the row of the batch's
 * access audit entry for the number of rows it writes (and, for a writer that commits a batch a tenant at a time,
 * the tenant of the part: the entry is then that tenant's): the writer inserts it in the batch's transaction when
 * that number is not 0 (undefined: the aggregate is the audit log). A writer of an append-only aggregate settles every
 * batch (`settle(…, appendOnly)`) and never upserts.
 *
 * @since 0.1.0
 * @category adapters
 */
export interface BatchWriter<T> {
  readonly prepare: (row: Row) => T
  readonly write: (
    batch: ReadonlyArray<T>,
    abort: boolean,
    within: ReadonlyArray<ScopeFilter> | undefined,
    audit: ((written: number, tenant?: string) => Row) | undefined
  ) => Effect.Effect<ReadonlyArray<Refused>, StoreError | StoreBusy>
  /**
   * Batches decoded ahead while one is being written (default 2): worth it when a server does the writing; 0 for
   * an engine that writes on this thread (SQLite), where decoding ahead only holds more memory.
   */
  readonly ahead?: number | undefined
}

/**
 * The import pipeline every adapter shares: decode each row (errors carry the 1-based row number and paths), run
 * the validation rules, apply the bad-row policy, group the good records into batches of `batchSize` input rows
 * (in row order: a later row of the same id or natural key is applied after the earlier one, so the last wins),
 * turn them into {@link Row}s (and each through the writer's `prepare`) and hand each batch to the
 * {@link BatchWriter}, which must commit it atomically; the rows it refuses are rejected rows (`store/duplicate-
 * natural-key`); progress goes to `onProgress` after each batch. The next batches are decoded while one is being
 * written (the writer's `ahead`). With a codec (the store's `Encryption`), rows are sealed as `toRow` seals them: an
 * input row is never stored as it came when its aggregate has anything to seal.
 *
 * @since 0.1.0
 * @category adapters
 */
export const runImport = <A, I, EX, R, T>(
  aggregate: Aggregate<A, I, string, unknown, unknown>,
  rows: StreamT.Stream<unknown, EX, R>,
  options: ImportOptions<A>,
  writer: BatchWriter<T>,
  codec?: Encryption.RecordCodec | undefined
): Effect.Effect<ImportReport, RowRejected | StoreError | StoreBusy | EX, R> => {
  const { prepare, write, ahead = 2 } = writer
  // Fast path: a decoder compiled once for the schema (plain functions for the common nodes, Schema for the rest);
  // a row it accepts with no property outside the schema (at any depth) is itself an encoded form of its record, so
  // its JSON is stored as is. Rows it does not accept are decoded by Schema, which reports every issue with its path.
  const fast = fastDecoder(aggregate.schema)
  const decode = Schema.decodeUnknownEither(aggregate.schema, { errors: "all", onExcessProperty: "ignore" })
  const toRowOf = toRow(aggregate, codec)
  // a clean input is an encoded form of its record: stored as it came, or sealed as it is (not encoded again)
  const sealing = codec !== undefined && codec.sensitive
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 500))
  const validate = options.validate
  const within = restriction(options.scope)
  type State = { rows: number; written: number; rejected: Array<RowRejected>; rejectedRows: number; batches: number }
  const onRejected = options.onRejected
  const precheck = options.precheck
  /** The row of a good input, or its rejection (no wrapper per row: imports check millions of them). */
  const check = (input: unknown, row: number): Row | RowRejected => {
    const fastly = fast(input)
    let record: A
    let json: string | undefined
    let clean: unknown
    if (fastly !== undefined) {
      record = fastly.value as A
      if (fastly.clean) {
        if (sealing) clean = input
        else json = JSON.stringify(input)
      }
    } else {
      const decoded = decode(input)
      if (Either.isLeft(decoded)) {
        return new RowRejected({ entity: aggregate.name, row, issues: issuesOf(decoded.left) })
      }
      record = decoded.right
    }
    if (validate !== undefined) {
      const errors = validate(record).filter((f) => f.severity === "error")
      if (errors.length > 0) {
        return new RowRejected({
          entity: aggregate.name,
          row,
          issues: errors.map((f) => new DecodeIssue({ path: f.path, message: `${f.code}: ${f.message}` }))
        })
      }
    }
    const r = toRowOf(record, json, clean)
    if (within !== undefined && !rowInScope(r, within)) {
      return new RowRejected({
        entity: aggregate.name,
        row,
        issues: [new DecodeIssue({ path: [], message: notPermitted(aggregate.name, r.id).message })]
      })
    }
    return r
  }
  /** {@link check}, with a row nested too deeply to decode or encode (the stack overflows) rejected at its path. */
  const checkGuarded = (input: unknown, row: number): Row | RowRejected => {
    let r: Row | RowRejected
    try {
      r = check(input, row)
    } catch (e) {
      if (!isStackOverflow(e)) throw e
      r = new RowRejected({ entity: aggregate.name, row, issues: [nestingIssue(input)] })
    }
    const refused = precheck?.(input)
    if (refused === undefined || refused.length === 0) return r
    return new RowRejected({
      entity: aggregate.name,
      row,
      issues: r instanceof RowRejected ? [...refused, ...r.issues] : refused
    })
  }
  return Effect.suspend(() => {
    const state: State = { rows: 0, written: 0, rejected: [], rejectedRows: 0, batches: 0 }
    /** Rejections found by the slice being checked, for `onRejected`. */
    const found: Array<RowRejected> = []
    // The batch being filled, every good row in row order (the writer applies them in order), with their row
    // numbers (for the rows the writer refuses). A batch ends after `batchSize` input rows. Input chunks are checked
    // as they come (not gathered into batches first), so inputs die young and only the rows to write are kept until
    // their batch is written.
    // `tenant`: the tenant of all its rows, "" when they are of several (the batch's audit entry is of it)
    type Batch = { readonly rows: Array<T>; readonly numbers: Array<number>; tenant: string | undefined }
    let good: Batch = { rows: [], numbers: [], tenant: undefined }
    let seen = 0
    const add = (r: Row, n: number) => {
      good.rows.push(prepare(r))
      good.numbers.push(n)
      if (good.tenant === undefined) good.tenant = r.tenant
      else if (good.tenant !== r.tenant) good.tenant = ""
    }
    /** Batches filled by the chunk being checked, and the row that aborted the import (under `abort`), in order. */
    const full: Array<Batch | RowRejected> = []
    let aborted = false
    const endBatch = () => {
      full.push(good)
      good = { rows: [], numbers: [], tenant: undefined }
      seen = 0
    }
    const abort = options.policy === "abort"
    const refusal = (r: Refused, row: number) =>
      new RowRejected({
        entity: aggregate.name,
        row,
        issues: [
          new DecodeIssue({
            path: [],
            message:
              r.reason === "not-permitted"
                ? notPermitted(aggregate.name, r.id).message
                : r.reason === "append-only"
                  ? appendOnlyRefused(aggregate.name, r.id).message
                  : duplicateNaturalKey(aggregate.name, r.tenant, r.id, r.nkey ?? "").message
          })
        ]
      })
    // a server writes while this process decodes: let the event loop run between slices; in-process writers
    // (ahead 0) run on this thread anyway, so their chunks are checked in one go
    const slice = ahead > 0 ? decodeSlice : Number.POSITIVE_INFINITY
    /** Checks `inputs[from…from + slice)`; false when a rejection under the abort policy ends the import. */
    const checkSlice = (inputs: ReadonlyArray<unknown>, from: number): boolean => {
      const to = Math.min(inputs.length, from + slice)
      for (let n = from; n < to; n++) {
        state.rows += 1
        seen += 1
        const r = checkGuarded(inputs[n], state.rows)
        if (r instanceof RowRejected) {
          if (options.policy === "abort") {
            // the batches filled before it are written first; the rest of its batch is not
            aborted = true
            full.push(r)
            return false
          }
          state.rejectedRows += 1
          if (onRejected === undefined) state.rejected.push(r)
          else found.push(r)
        } else add(r, state.rows)
        if (seen === batchSize) endBatch()
      }
      return true
    }
    const checkFrom = (
      inputs: ReadonlyArray<unknown>,
      from: number
    ): Effect.Effect<Chunk.Chunk<Batch | RowRejected>> => {
      if (aborted) return Effect.succeed(Chunk.empty())
      const more = checkSlice(inputs, from) && from + slice < inputs.length
      const next = more
        ? Effect.zipRight(
            yieldToEventLoop,
            Effect.suspend(() => checkFrom(inputs, from + slice))
          )
        : Effect.sync(() => Chunk.unsafeFromArray(full.splice(0)))
      if (found.length === 0 || onRejected === undefined) return next
      return Effect.zipRight(Effect.forEach(found.splice(0), onRejected, { discard: true }), next)
    }
    return rows.pipe(
      Stream.mapChunksEffect((chunk) => checkFrom(Chunk.toReadonlyArray(chunk), 0)),
      Stream.concat(
        Stream.suspend(() => {
          if (seen === 0 || aborted) return Stream.empty
          endBatch()
          return Stream.fromIterable(full.splice(0))
        })
      ),
      // decode the next batches while one is being written by a server (overlaps this process's CPU with the
      // server's work and round trips); an in-process engine writes on this thread, so nothing is decoded ahead
      (batches) => (ahead > 0 ? Stream.buffer(batches, { capacity: ahead }) : batches),
      Stream.runForEach((batch) =>
        Effect.gen(function* () {
          if (batch instanceof RowRejected) return yield* batch
          if (batch.rows.length > 0) {
            const entry = yield* auditEntry(
              aggregate as AnyAggregate,
              "import",
              { tenant: batch.tenant ?? "" },
              options.by
            )
            const refused = yield* write(
              batch.rows,
              abort,
              within,
              entry === undefined
                ? undefined
                : (written, tenant) =>
                    auditRow(tenant === undefined ? entry : new Audit.Entry({ ...entry, tenant }), written)
            )
            if (refused.length > 0) {
              const first = refused[0] as Refused
              if (abort) return yield* refusal(first, batch.numbers[first.index] as number)
              for (const r of refused) {
                const rejected = refusal(r, batch.numbers[r.index] as number)
                state.rejectedRows += 1
                if (onRejected === undefined) state.rejected.push(rejected)
                else yield* onRejected(rejected)
              }
            }
            state.written += batch.rows.length - refused.length
            state.batches += 1
          }
          if (options.onProgress !== undefined) {
            yield* options.onProgress({
              rows: state.rows,
              written: state.written,
              rejected: state.rejectedRows,
              batches: state.batches
            })
          }
        })
      ),
      Effect.map(() => ({
        rows: state.rows,
        written: state.written,
        // rows refused when their batch was written come after the bad rows decoded ahead of it
        rejected: state.rejected.sort((a, b) => a.row - b.row),
        rejectedRows: state.rejectedRows,
        batches: state.batches
      }))
    )
  })
}

/**
 * One grouping term of a count, checked and normalised for adapters: a field (by its index in the aggregate's
 * fields), the tenant, the division (cut to `digits`, when given), or the org or grid path (cut to `depth` ids, when
 * given).
 *
 * @since 0.1.0
 * @category adapters
 */
export type GroupTerm =
  | { readonly _tag: "field"; readonly name: string; readonly index: number; readonly type: FieldType }
  | { readonly _tag: "tenant" }
  | { readonly _tag: "division"; readonly digits?: number | undefined }
  | { readonly _tag: "org" | "grid"; readonly depth?: number | undefined }

/** The deepest path cut a count may group by. */
const maxDepth = 8

/**
 * Checks a count's grouping against the declared fields (and levels, depths 1–8) and normalises it; adapters call
 * it before querying.
 *
 * @since 0.1.0
 * @category adapters
 */
export const groupTerms = (
  aggregate: AnyAggregate,
  groupBy: ReadonlyArray<GroupBy> | undefined
): Effect.Effect<ReadonlyArray<GroupTerm>, StoreError> =>
  Effect.suspend(() => {
    const terms: Array<GroupTerm> = []
    const bad = (reason: string) => Effect.fail(new StoreError({ operation: "count", entity: aggregate.name, reason }))
    const fieldTerm = (name: string) => {
      const index = aggregate.fields.findIndex((f) => f.name === name)
      const field = aggregate.fields[index]
      return field === undefined ? undefined : ({ _tag: "field", name, index, type: field.type } as const)
    }
    for (const g of groupBy ?? []) {
      if (typeof g === "string" || "field" in g) {
        const name = typeof g === "string" ? g : g.field
        if (typeof g === "string" && g === "tenant") terms.push({ _tag: "tenant" })
        else if (typeof g === "string" && g === "division") terms.push({ _tag: "division" })
        else if (typeof g === "string" && (g === "org" || g === "grid")) terms.push({ _tag: g })
        else {
          const term = fieldTerm(name)
          if (term === undefined) return bad(`${name} is not a declared field`)
          terms.push(term)
        }
      } else if ("division" in g) {
        const digits = divisionDigits[g.division]
        if (digits === undefined) return bad(`${String(g.division)} is not a division level`)
        terms.push({ _tag: "division", digits })
      } else {
        const tag = "org" in g ? "org" : "grid"
        const depth = "org" in g ? g.org : g.grid
        if (!Number.isInteger(depth) || depth < 1 || depth > maxDepth) {
          return bad(`a ${tag} depth must be a whole number from 1 to ${maxDepth}, not ${depth}`)
        }
        terms.push({ _tag: tag, depth })
      }
    }
    return Effect.succeed(terms)
  })

/**
 * The first `depth` ids of a path string (`a/b/c/`, 2 → `a/b/`); the whole string when it is shallower.
 *
 * @since 0.1.0
 * @category adapters
 */
export const cutPath = (path: string, depth: number): string => {
  let at = 0
  for (let i = 0; i < depth; i++) {
    const slash = path.indexOf("/", at)
    if (slash < 0) return path
    at = slash + 1
  }
  return path.slice(0, at)
}

/**
 * The value of a grouping term from what an adapter read for it (a column or an expression over one).
 *
 * @since 0.1.0
 * @category adapters
 */
export const groupValue = (term: GroupTerm, raw: unknown): GroupValue => {
  if (raw === null || raw === undefined) return null
  switch (term._tag) {
    case "org":
    case "grid":
      return ScopeK.parsePath(String(raw))
    case "field":
      return term.type === "number" ? Number(raw) : String(raw)
    default:
      return String(raw)
  }
}

const rank = (v: GroupValue): number => (v === null ? 0 : typeof v === "number" ? 1 : 2)

const compareValues = (a: GroupValue, b: GroupValue): number => {
  const ra = rank(a)
  const rb = rank(b)
  if (ra !== rb) return ra - rb
  if (typeof a === "number" && typeof b === "number") return a - b
  const sa = typeof a === "string" ? a : a === null ? "" : ScopeK.pathString(a as ReadonlyArray<string>)
  const sb = typeof b === "string" ? b : b === null ? "" : ScopeK.pathString(b as ReadonlyArray<string>)
  return cmp(sa, sb)
}

/**
 * Orders groups by key: `null` first, then numbers, then strings and paths by code point, term by term.
 *
 * @since 0.1.0
 * @category adapters
 */
export const sortGroups = (groups: ReadonlyArray<Group>): ReadonlyArray<Group> =>
  [...groups].sort((x, y) => {
    for (let i = 0; i < x.key.length; i++) {
      const c = compareValues(x.key[i] ?? null, y.key[i] ?? null)
      if (c !== 0) return c
    }
    return 0
  })

const rowTerm = (row: Row, term: GroupTerm): string | number | null => {
  switch (term._tag) {
    case "field":
      return row.fields[term.index] ?? null
    case "tenant":
      return row.tenant
    case "division":
      return row.division === null || term.digits === undefined ? row.division : row.division.slice(0, term.digits)
    default: {
      const path = term._tag === "org" ? row.org : row.grid
      return path === null || term.depth === undefined ? path : cutPath(path, term.depth)
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// In-memory adapter

interface MemTable {
  readonly rows: Map<string, { readonly record: unknown; readonly row: Row }>
  readonly events: Map<string, Array<unknown>>
  readonly nkeys: Map<string, string>
}

const keyOf = (tenant: string, id: string) => `${tenant}\u0000${id}`

const matches = (row: Row, fields: ReadonlyArray<Field<unknown>>, where: ListOptions["where"]): boolean => {
  if (where === undefined) return true
  for (const [name, value] of Object.entries(where)) {
    if (value === undefined) continue
    const i = fields.findIndex((f) => f.name === name)
    const v = row.fields[i]
    if (Array.isArray(value) ? !value.includes(v as string | number) : v !== value) return false
  }
  return true
}

const unknownFields = (
  aggregate: AnyAggregate,
  where: ListOptions["where"],
  operation: string
): Option.Option<StoreError> => {
  const bad = Object.keys(where ?? {}).filter((n) => !aggregate.fields.some((f) => f.name === n))
  return bad.length === 0
    ? Option.none()
    : Option.some(
        new StoreError({
          operation,
          entity: aggregate.name,
          reason: `${bad.join(", ")} ${bad.length === 1 ? "is not a" : "are not"} declared field${bad.length === 1 ? "" : "s"}`
        })
      )
}

/**
 * Checks the filters of a list (or of another `operation`, such as `count`) against the declared fields; adapters
 * call it before querying.
 *
 * @since 0.1.0
 * @category adapters
 */
export const checkFilters = (
  aggregate: AnyAggregate,
  where: ListOptions["where"],
  operation = "list"
): Effect.Effect<void, StoreError> =>
  Option.match(unknownFields(aggregate, where, operation), { onNone: () => Effect.void, onSome: Effect.fail })

/**
 * Checks a list's `ids` (at most {@link maxListIds}); adapters call it before querying.
 *
 * @since 0.1.0
 * @category adapters
 */
export const checkIds = (
  aggregate: AnyAggregate,
  ids: ReadonlyArray<string> | undefined
): Effect.Effect<void, StoreError> =>
  ids === undefined || ids.length <= maxListIds
    ? Effect.void
    : Effect.fail(
        new StoreError({
          operation: "list",
          entity: aggregate.name,
          reason: `${ids.length} ids in one list; at most ${maxListIds}`
        })
      )

/**
 * An in-memory store with exactly the contract of the SQL stores (records are kept encoded, so they round-trip
 * through their schema as they would through a database). For tests and prototypes.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerMemory: Layer.Layer<Store> = Layer.effect(
  Store,
  Effect.gen(function* () {
    // the store seals its rows when built with the encryption service (`layerMemoryEncrypted`)
    const encryption = yield* Effect.serviceOption(Encryption.Encryption)
    const codecOf = (aggregate: AnyAggregate) =>
      Option.isSome(encryption) ? encryption.value.codec(aggregate) : undefined
    const tables = new Map<string, MemTable>()
    /** Appends an audit entry's row to the audit log (called under the lock, with the write it records). */
    const putAudit = (r: Row) =>
      table(AuditLog.name).rows.set(keyOf(r.tenant, r.id), { record: JSON.parse(r.record), row: r })
    /** `write`, under the lock, then its audit entry (none for the audit log), as one step nothing can interleave. */
    const audited = <B, X>(
      aggregate: AnyAggregate,
      operation: Audit.Operation,
      target: { readonly tenant: string; readonly record?: string | undefined },
      options: WriteOptions | undefined,
      write: Effect.Effect<B, X>
    ): Effect.Effect<B, X> =>
      Effect.flatMap(auditEntry(aggregate, operation, target, options?.by), (entry) =>
        lock.withPermits(1)(
          entry === undefined ? write : Effect.tap(write, () => Effect.sync(() => putAudit(auditRow(entry))))
        )
      )
    const lock = yield* Effect.makeSemaphore(1)
    const calls = yield* Ref.make(0)
    const table = (name: string): MemTable => {
      let t = tables.get(name)
      if (t === undefined) {
        t = { rows: new Map(), events: new Map(), nkeys: new Map() }
        tables.set(name, t)
      }
      return t
    }
    const repository = <A, I, K extends string, E, EI>(aggregate: Aggregate<A, I, K, E, EI>): Repository<A, K, E> => {
      const agg = aggregate as unknown as Aggregate<A, I, string, unknown, unknown>
      const t = table(aggregate.name)
      const sealing = codecOf(aggregate as AnyAggregate)
      const row = toRow(agg, sealing)
      const read = fromJson(agg, sealing)
      const codec =
        aggregate.events === undefined
          ? undefined
          : eventCodec(agg as unknown as Aggregate<unknown, unknown, string, unknown, unknown>, sealing)
      const conflict = (id: string, expected: number, actual: number) =>
        new VersionConflict({ entity: aggregate.name, id, expected, actual })
      const put = (r: Row) => {
        const k = keyOf(r.tenant, r.id)
        const old = t.rows.get(k)?.row.nkey
        // the old natural key, unless a row of the same import batch has taken it already
        if (old !== undefined && old !== null && t.nkeys.get(keyOf(r.tenant, old)) === k) {
          t.nkeys.delete(keyOf(r.tenant, old))
        }
        if (r.nkey !== null) t.nkeys.set(keyOf(r.tenant, r.nkey), k)
        t.rows.set(k, { record: JSON.parse(r.record), row: r })
      }
      const remove = (k: string) => {
        const r = t.rows.get(k)?.row
        if (r !== undefined && r.nkey !== null) t.nkeys.delete(keyOf(r.tenant, r.nkey))
        t.rows.delete(k)
        t.events.delete(k)
      }
      /** The stored row of a record the scope may write: there and in scope, else `NotFoundOrNotPermitted`. */
      const writable = (scope: Scope, tenant: string, id: string): Either.Either<Row, NotFoundOrNotPermitted> => {
        const stored = t.rows.get(keyOf(tenant, id))?.row
        return stored === undefined || !rowInScope(stored, scopeFilters(scope))
          ? Either.left(notPermitted(aggregate.name, id))
          : Either.right(stored)
      }
      /**
       * The row to write, if it and the record it replaces lie in the scope, the version is the expected one and no
       * other record holds the natural key (one outside the scope is not named: the write is not permitted).
       */
      const checked = (
        scope: Scope,
        record: A,
        expectedVersion: number
      ): Either.Either<Row, VersionConflict | InvalidInput | NotFoundOrNotPermitted> => {
        const r = row(record)
        const filters = scopeFilters(scope)
        if (!rowInScope(r, filters)) return Either.left(notPermitted(aggregate.name, r.id))
        if (aggregate.appendOnly === true && expectedVersion !== 0) {
          return Either.left(appendOnlyRefused(aggregate.name, r.id))
        }
        const k = keyOf(r.tenant, r.id)
        const stored = t.rows.get(k)?.row
        if (stored !== undefined && !rowInScope(stored, filters)) return Either.left(notPermitted(aggregate.name, r.id))
        if (stored === undefined && expectedVersion !== 0) return Either.left(notPermitted(aggregate.name, r.id))
        const actual = stored?.version ?? 0
        if (actual !== expectedVersion) return Either.left(conflict(r.id, expectedVersion, actual))
        const holder = r.nkey === null ? undefined : t.nkeys.get(keyOf(r.tenant, r.nkey))
        if (holder !== undefined && holder !== k && r.nkey !== null) {
          const held = t.rows.get(holder)?.row
          return Either.left(
            held !== undefined && rowInScope(held, filters)
              ? duplicateNaturalKey(aggregate.name, r.tenant, r.id, r.nkey)
              : notPermitted(aggregate.name, r.id)
          )
        }
        return Either.right(r)
      }
      const putChecked = (
        scope: Scope,
        record: A,
        expectedVersion: number
      ): Effect.Effect<void, VersionConflict | InvalidInput | NotFoundOrNotPermitted> =>
        Effect.suspend(() =>
          Either.match(checked(scope, record, expectedVersion), {
            onLeft: (e) => Effect.fail(e),
            onRight: (r) => Effect.sync(() => put(r))
          })
        )
      /** Appends to the log of a record whose stored state the caller has checked. */
      const appendChecked = (
        tenant: string,
        id: string,
        events: ReadonlyArray<E>,
        expectedSeq: number
      ): Effect.Effect<number, VersionConflict | StoreError> => {
        const k = keyOf(tenant, id)
        const log = t.events.get(k) ?? []
        if (log.length !== expectedSeq) return Effect.fail(conflict(id, expectedSeq, log.length))
        if (codec === undefined) {
          return Effect.fail(
            new StoreError({ operation: "append", entity: aggregate.name, reason: "this aggregate has no event log" })
          )
        }
        t.events.set(k, [...log, ...events.map((e) => JSON.parse(codec.encode(e as never)))])
        return Effect.succeed(expectedSeq + events.length)
      }
      const decodeStored = (entry: { readonly record: unknown }) => read(JSON.stringify(entry.record))
      return {
        aggregate: aggregate as unknown as Aggregate<A, unknown, K, E>,
        get: (scope, tenant, id) =>
          Effect.gen(function* () {
            const entry = t.rows.get(keyOf(tenant, id))
            const record = entry === undefined ? undefined : yield* decodeStored(entry)
            if (record === undefined || !inScope(scope, agg.location(record))) {
              return yield* Effect.fail(new NotFoundOrNotPermitted({ entity: aggregate.name, id }))
            }
            return record
          }),
        list: (scope, options = {}) =>
          Effect.gen(function* () {
            yield* checkFilters(aggregate as AnyAggregate, options.where)
            yield* checkIds(aggregate as AnyAggregate, options.ids)
            const where = blindFilters(aggregate as AnyAggregate, options.where, sealing)
            const after = options.cursor === undefined ? undefined : yield* decodeCursor(options.cursor)
            const ids = options.ids === undefined ? undefined : new Set(options.ids)
            const all: Array<{ row: Row; record: A }> = []
            for (const entry of t.rows.values()) {
              if (options.tenant !== undefined && entry.row.tenant !== options.tenant) continue
              if (ids !== undefined && !ids.has(entry.row.id)) continue
              if (!matches(entry.row, aggregate.fields as never, where)) continue
              const record = yield* decodeStored(entry)
              if (!inScope(scope, agg.location(record))) continue
              all.push({ row: entry.row, record })
            }
            all.sort((a, b) => cmp(a.row.tenant, b.row.tenant) || cmp(a.row.id, b.row.id))
            const limit = pageSize(options.limit)
            const from =
              after === undefined
                ? Math.max(0, Math.floor(options.offset ?? 0))
                : all.findIndex(
                    (x) => cmp(x.row.tenant, after[0]) > 0 || (x.row.tenant === after[0] && x.row.id > after[1])
                  )
            const start = from < 0 ? all.length : from
            const page = all.slice(start, start + limit)
            const last = page[page.length - 1]
            return {
              items: page.map((x) => x.record),
              total: all.length,
              ...(last !== undefined && start + limit < all.length
                ? { next: encodeCursor(last.row.tenant, last.row.id) }
                : {})
            }
          }),
        count: (scope, options = {}) =>
          Effect.gen(function* () {
            yield* checkFilters(aggregate as AnyAggregate, options.where, "count")
            const terms = yield* groupTerms(aggregate as AnyAggregate, options.groupBy as ReadonlyArray<GroupBy>)
            const where = blindFilters(aggregate as AnyAggregate, options.where, sealing)
            const filters = scopeFilters(scope)
            const groups = new Map<string, { key: Array<string | number | null>; count: number }>()
            for (const { row: r } of t.rows.values()) {
              if (options.tenant !== undefined && r.tenant !== options.tenant) continue
              if (!matches(r, aggregate.fields as never, where)) continue
              if (!rowInScope(r, filters)) continue
              const key = terms.map((term) => rowTerm(r, term))
              const k = JSON.stringify(key)
              const g = groups.get(k)
              if (g === undefined) groups.set(k, { key, count: 1 })
              else g.count += 1
            }
            if (terms.length === 0) return [{ key: [], count: groups.get("[]")?.count ?? 0 }]
            return sortGroups(
              Array.from(groups.values(), (g) => ({
                key: g.key.map((v, i) => groupValue(terms[i] as GroupTerm, v)),
                count: g.count
              }))
            )
          }),
        save: (scope, record, expectedVersion, options) =>
          audited(
            aggregate as AnyAggregate,
            "save",
            { tenant: agg.tenant(record), record: agg.id(record) },
            options,
            putChecked(scope, record, expectedVersion)
          ),
        delete: (scope, tenant, id, expectedVersion, options) =>
          audited(
            aggregate as AnyAggregate,
            "delete",
            { tenant, record: id },
            options,
            Effect.suspend((): Effect.Effect<void, VersionConflict | InvalidInput | NotFoundOrNotPermitted> => {
              if (!aggregate.deletable) {
                return Effect.fail(
                  new InvalidInput({
                    code: "store/not-deletable",
                    path: [aggregate.name, id],
                    reason: `${aggregate.name} records are never deleted`
                  })
                )
              }
              const stored = writable(scope, tenant, id)
              if (Either.isLeft(stored)) return Effect.fail(stored.left)
              if (stored.right.version !== expectedVersion) {
                return Effect.fail(conflict(id, expectedVersion, stored.right.version))
              }
              remove(keyOf(tenant, id))
              return Effect.void
            })
          ),
        append: (scope, tenant, id, events, expectedSeq, options) =>
          audited(
            aggregate as AnyAggregate,
            "append",
            { tenant, record: id },
            options,
            Effect.suspend(() =>
              Either.match(writable(scope, tenant, id), {
                onLeft: (e): Effect.Effect<number, VersionConflict | NotFoundOrNotPermitted | StoreError> =>
                  Effect.fail(e),
                onRight: () => appendChecked(tenant, id, events, expectedSeq)
              })
            )
          ),
        saveWithEvents: (scope, record, expectedVersion, events, options) =>
          audited(
            aggregate as AnyAggregate,
            "saveWithEvents",
            { tenant: agg.tenant(record), record: agg.id(record) },
            options,
            Effect.suspend(
              (): Effect.Effect<void, VersionConflict | InvalidInput | NotFoundOrNotPermitted | StoreError> => {
                const r = checked(scope, record, expectedVersion)
                if (Either.isLeft(r)) return Effect.fail(r.left)
                const seq = t.events.get(keyOf(r.right.tenant, r.right.id))?.length ?? 0
                return appendChecked(r.right.tenant, r.right.id, events, seq).pipe(
                  Effect.zipRight(Effect.sync(() => put(r.right)))
                )
              }
            )
          ),
        events: (scope, tenant, id) =>
          Effect.gen(function* () {
            const entry = t.rows.get(keyOf(tenant, id))
            const record = entry === undefined ? undefined : yield* decodeStored(entry)
            if (record === undefined || !inScope(scope, agg.location(record)) || codec === undefined) {
              return yield* Effect.fail(new NotFoundOrNotPermitted({ entity: aggregate.name, id }))
            }
            const log = t.events.get(keyOf(tenant, id)) ?? []
            return yield* Effect.forEach(log, (e, i) =>
              Effect.map(codec.decode(JSON.stringify(e)), (event) => ({ seq: i + 1, event: event as E }))
            )
          }),
        import: (rows, options) =>
          runImport(
            agg,
            rows,
            options,
            {
              prepare: (r) => r,
              // written on this thread: nothing to overlap
              ahead: 0,
              write: (batch, abort, within, audit) =>
                lock.withPermits(1)(
                  Effect.sync(() => {
                    const stored: Array<Row> = []
                    for (const r of batch) {
                      const own = t.rows.get(keyOf(r.tenant, r.id))
                      if (own !== undefined) stored.push(own.row)
                      const holder = r.nkey === null ? undefined : t.nkeys.get(keyOf(r.tenant, r.nkey))
                      const held = holder === undefined ? undefined : t.rows.get(holder)
                      if (held !== undefined) stored.push(held.row)
                    }
                    const settled = settle(batch, stored, within, aggregate.appendOnly)
                    if (abort && settled.refused.length > 0) return settled.refused
                    for (const r of settled.removed) remove(keyOf(r.tenant, r.id))
                    for (const i of settled.kept) put(batch[i] as Row)
                    const written = batch.length - settled.refused.length
                    if (audit !== undefined && written > 0) putAudit(audit(written))
                    return settled.refused
                  })
                )
            },
            sealing
          )
      }
    }
    return Store.of({
      repository,
      migrate: Ref.updateAndGet(calls, (n) => n + 1).pipe(Effect.as([])),
      raw: memoryRaw(table, lock, Option.getOrUndefined(encryption), putAudit)
    })
  })
)

/** Raw access to the memory store's tables (rows kept as parsed JSON, given back as JSON text). */
const memoryRaw = (
  table: (name: string) => MemTable,
  lock: Effect.Semaphore,
  encryption: Encryption.Service | undefined,
  putAudit: (row: Row) => void
): RawAccess => ({
  encryption,
  scan: (aggregate, after, limit) =>
    Effect.sync(() => {
      const t = table(aggregate.name)
      const rows = [...t.rows.values()]
        .filter(
          ({ row: r }) =>
            after === undefined || cmp(r.tenant, after[0]) > 0 || (r.tenant === after[0] && cmp(r.id, after[1]) > 0)
        )
        .sort((a, b) => cmp(a.row.tenant, b.row.tenant) || cmp(a.row.id, b.row.id))
        .slice(0, Math.max(1, limit))
      return rows.map(({ record, row: r }) => ({
        tenant: r.tenant,
        id: r.id,
        version: r.version,
        nkey: r.nkey,
        fields: r.fields,
        record: JSON.stringify(record),
        events: (t.events.get(keyOf(r.tenant, r.id)) ?? []).map((e, i) => ({ seq: i + 1, event: JSON.stringify(e) }))
      }))
    }),
  rewrite: (aggregate, read, next, audit) =>
    lock.withPermits(1)(
      Effect.sync(() => {
        const t = table(aggregate.name)
        const k = keyOf(read.tenant, read.id)
        const entry = t.rows.get(k)
        if (entry === undefined || entry.row.version !== read.version) return false
        if (JSON.stringify(entry.record) !== read.record) return false
        const log = t.events.get(k) ?? []
        for (const e of read.events) if (JSON.stringify(log[e.seq - 1]) !== e.event) return false
        const holder = next.row.nkey === null ? undefined : t.nkeys.get(keyOf(next.row.tenant, next.row.nkey))
        if (holder !== undefined && holder !== k) return false
        if (entry.row.nkey !== null && t.nkeys.get(keyOf(read.tenant, entry.row.nkey)) === k) {
          t.nkeys.delete(keyOf(read.tenant, entry.row.nkey))
        }
        if (next.row.nkey !== null) t.nkeys.set(keyOf(next.row.tenant, next.row.nkey), k)
        t.rows.set(k, { record: JSON.parse(next.row.record), row: next.row })
        if (next.events.length > 0) {
          const updated = log.slice()
          for (const e of next.events) updated[e.seq - 1] = JSON.parse(e.event)
          t.events.set(k, updated)
        }
        if (audit !== undefined) putAudit(audit)
        return true
      })
    )
})

/**
 * The in-memory store of {@link layerMemory} with encryption at rest: sensitive values sealed, blind indexes keyed,
 * with the keys of the {@link Encryption.Encryption} service in context (`Encryption.layer` over a `KeyProvider`).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerMemoryEncrypted: Layer.Layer<Store, never, Encryption.Encryption> = Layer.fresh(
  // built afresh: a memoised plain memory store must never stand in for it (nor one encrypted with other keys)
  layerMemory as Layer.Layer<Store, never, Encryption.Encryption>
)

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
