/**
 * Key rotation (密钥轮换): a job that rewrites a store's rows under its current key — every record and event whose
 * envelope names another key (or has none yet, in a store that was written without encryption), and every row
 * whose blind indexes or natural key differ from what the store computes now. Resumable: it goes through each
 * aggregate in (tenant, id) order and hands a {@link Checkpoint} to the host after every page, which it starts from
 * again. Safe to kill at any moment (`kill -9` included): each row is rewritten on its own, atomically and only if
 * it is still as read, and every key stays readable until the job has finished and the host retires it.
 *
 * Usage: the host adds the new key to its provider as current, keeping the old one; runs {@link run} (it reloads
 * the keyring first) until it completes; then drops the old key from the provider.
 *
 * @since 0.1.0
 */
import { Effect, Option } from "effect"
import * as Encryption from "./Encryption.js"
import * as Store from "./Store.js"

/**
 * Where a rotation stands: the aggregate it is in and the last row it has dealt with (none: the aggregate's start).
 *
 * @since 0.1.0
 * @category models
 */
export interface Checkpoint {
  readonly aggregate: string
  readonly after?: readonly [string, string] | undefined
}

/**
 * How far a rotation has got, reported after every page: rows scanned and rewritten so far, rows that moved while
 * the job ran (written meanwhile by someone else, hence already under the current key), and the checkpoint.
 *
 * @since 0.1.0
 * @category models
 */
export interface Progress {
  readonly aggregate: string
  readonly scanned: number
  readonly rewritten: number
  readonly moved: number
  readonly checkpoint: Checkpoint
}

/**
 * What a finished rotation did.
 *
 * @since 0.1.0
 * @category models
 */
export interface Report {
  readonly scanned: number
  readonly rewritten: number
  readonly moved: number
}

const sameFields = (a: ReadonlyArray<string | number | null>, b: ReadonlyArray<string | number | null>): boolean =>
  a.length === b.length && a.every((v, i) => v === b[i])

/**
 * Runs (or resumes, from `from`) the rotation over `aggregates` (e.g. `Aggregates.all`), `pageSize` rows at a time
 * (default 200). A row that does not open or decode stops the job with its `StoreError` (the checkpoint before it
 * is kept).
 *
 * @since 0.1.0
 * @category jobs
 */
export const run = (
  store: Store.Service,
  options: {
    readonly aggregates: ReadonlyArray<Store.AnyAggregate>
    readonly pageSize?: number | undefined
    readonly from?: Checkpoint | undefined
    readonly onCheckpoint?: ((checkpoint: Checkpoint) => Effect.Effect<void, Store.StoreError>) | undefined
    readonly onProgress?: ((progress: Progress) => Effect.Effect<void>) | undefined
  }
): Effect.Effect<Report, Store.StoreError> =>
  Effect.gen(function* () {
    const raw = store.raw
    if (raw === undefined) {
      return yield* new Store.StoreError({
        operation: "rotate",
        entity: "store",
        reason: "this store gives no raw access to its rows"
      })
    }
    const encryption = raw.encryption
    if (encryption !== undefined) {
      yield* encryption.refresh.pipe(
        Effect.mapError(
          (e) => new Store.StoreError({ operation: "rotate", entity: "keyring", reason: e.message, cause: e })
        )
      )
    }
    const pageSize = Math.max(1, Math.floor(options.pageSize ?? 200))
    const totals = { scanned: 0, rewritten: 0, moved: 0 }
    const start =
      options.from === undefined ? 0 : options.aggregates.findIndex((a) => a.name === options.from?.aggregate)
    if (start < 0) {
      return yield* new Store.StoreError({
        operation: "rotate",
        entity: options.from?.aggregate ?? "",
        reason: "the checkpoint names an aggregate that is not in the list"
      })
    }
    for (let n = start; n < options.aggregates.length; n++) {
      const aggregate = options.aggregates[n] as Store.AnyAggregate
      const codec = encryption?.codec(aggregate)
      const read = Store.fromJson(aggregate, codec)
      const toRow = Store.toRow(aggregate, codec)
      const events = aggregate.events === undefined ? undefined : Store.eventCodec(aggregate, codec)
      let after = n === start ? options.from?.after : undefined
      for (;;) {
        const page = yield* raw.scan(aggregate, after, pageSize)
        for (const r of page) {
          totals.scanned += 1
          const record = yield* read(r.record)
          const row = toRow(record)
          const recordChanged =
            Encryption.keyIdOf(row.record) !== Encryption.keyIdOf(r.record) ||
            row.nkey !== r.nkey ||
            !sameFields(row.fields, r.fields)
          const rewritten: Array<{ readonly seq: number; readonly event: string }> = []
          if (events !== undefined) {
            for (const e of r.events) {
              const next = events.encode(yield* events.decode(e.event))
              if (Encryption.keyIdOf(next) !== Encryption.keyIdOf(e.event)) {
                rewritten.push({ seq: e.seq, event: next })
              }
            }
          }
          if (!recordChanged && rewritten.length === 0) continue
          const done = yield* raw.rewrite(aggregate, r, {
            row: recordChanged ? row : { ...row, record: r.record },
            events: rewritten
          })
          if (done) totals.rewritten += 1
          else totals.moved += 1
        }
        const last = page[page.length - 1]
        if (last !== undefined) after = [last.tenant, last.id]
        const finished = page.length < pageSize
        const checkpoint: Checkpoint =
          finished && n + 1 < options.aggregates.length
            ? { aggregate: (options.aggregates[n + 1] as Store.AnyAggregate).name }
            : { aggregate: aggregate.name, after }
        if (options.onCheckpoint !== undefined) yield* options.onCheckpoint(checkpoint)
        if (options.onProgress !== undefined) {
          yield* options.onProgress({ aggregate: aggregate.name, ...totals, checkpoint })
        }
        if (finished) break
      }
    }
    return { ...totals }
  })

/**
 * How many envelopes (records and events) of `aggregates` each key id seals, read from the rows' headers: after a
 * finished rotation only the current key is left, the check a host runs before it retires the old one.
 *
 * @since 0.1.0
 * @category jobs
 */
export const keysInUse = (
  store: Store.Service,
  aggregates: ReadonlyArray<Store.AnyAggregate>
): Effect.Effect<ReadonlyMap<string, number>, Store.StoreError> =>
  Effect.gen(function* () {
    const raw = store.raw
    const counts = new Map<string, number>()
    if (raw === undefined) return counts
    for (const a of aggregates) {
      let after: readonly [string, string] | undefined
      for (;;) {
        const page = yield* raw.scan(a, after, 500)
        for (const r of page) {
          for (const json of [r.record, ...r.events.map((e) => e.event)]) {
            const id = Option.fromNullable(Encryption.keyIdOf(json))
            if (Option.isSome(id)) counts.set(id.value, (counts.get(id.value) ?? 0) + 1)
          }
        }
        const last = page[page.length - 1]
        if (last === undefined || page.length < 500) break
        after = [last.tenant, last.id]
      }
    }
    return counts
  })
