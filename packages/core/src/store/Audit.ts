/**
 * The access audit (访问审计): one append-only entry per write, per disclosure of a clear value and per refused
 * operation made through a guarded repository (`Permissions.guard`, `StoreClient.guarded`), written by the library
 * itself into the store (aggregate `Aggregates.AccessAudit`). An entry says who (actor, role), did what (operation,
 * aggregate, record id or the row count of an import), for which purpose, when, and whether it was done or refused —
 * never a value of the record (PIPL Art. 51, 55; GB/T 35273 §8 and §9 record of processing).
 *
 * @since 0.1.0
 */
import { Clock, Effect, Schema } from "effect"

/**
 * What an entry records (审计操作): the write operations of a repository (`save`, `delete`, `append`,
 * `saveWithEvents`, `import`), an erasure of a person from a record that mentions them (`erase`, `Erasure`), a
 * disclosure of a clear value (`disclose`), and the reads (`get`, `list`, `count`,
 * `events`), which are recorded only when refused.
 *
 * @since 0.1.0
 * @category models
 */
export const Operation = Schema.Literal(
  "save",
  "delete",
  "append",
  "saveWithEvents",
  "import",
  "erase",
  "disclose",
  "get",
  "list",
  "count",
  "events"
)

/**
 * @since 0.1.0
 * @category models
 */
export type Operation = typeof Operation.Type

/**
 * The outcome of an audited operation (结果): `done`, or `refused` (not permitted, not found or out of scope,
 * consent missing or withdrawn). An operation that failed for another reason (a version conflict, invalid input, a
 * store failure) changed nothing and is not recorded.
 *
 * @since 0.1.0
 * @category models
 */
export const Outcome = Schema.Literal("done", "refused")

/**
 * @since 0.1.0
 * @category models
 */
export type Outcome = typeof Outcome.Type

/**
 * One entry of the access audit (审计记录). `record` is the id of the record operated on (absent for a list, a count
 * or an import), `count` the number of rows an import wrote; `reason` the tag of the refusal (`NotPermitted`,
 * `NotFoundOrNotPermitted`, `ConsentMissing`, `ConsentWithdrawn`). `at` is an ISO-8601 instant (UTC). No field holds a
 * value of the record.
 *
 * @since 0.1.0
 * @category models
 */
export class Entry extends Schema.Class<Entry>("@zhili/core/Audit/Entry")({
  id: Schema.String.pipe(Schema.minLength(1)),
  tenant: Schema.String,
  at: Schema.String,
  actor: Schema.String,
  role: Schema.String,
  operation: Operation,
  aggregate: Schema.String,
  record: Schema.optional(Schema.String),
  count: Schema.optional(Schema.Number),
  purpose: Schema.optional(Schema.String),
  outcome: Outcome,
  reason: Schema.optional(Schema.String)
}) {}

/**
 * What an entry is about, before it gets its id and time.
 *
 * @since 0.1.0
 * @category models
 */
export type Draft = Omit<ConstructorParameters<typeof Entry>[0], "id" | "at">

/**
 * A new entry at the current time of the Effect `Clock`, with a random id (UUID v4 from WebCrypto, in Node and
 * browsers).
 *
 * @since 0.1.0
 * @category constructors
 */
export const entry = (draft: Draft): Effect.Effect<Entry> =>
  Effect.map(
    Clock.currentTimeMillis,
    (ms) => new Entry({ ...draft, id: globalThis.crypto.randomUUID(), at: new Date(ms).toISOString() })
  )
