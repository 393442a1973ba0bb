/**
 * Erasure (个人信息删除, PIPL Art. 47): removing a person's personal information from the store while every count
 * over it stays right. An erased resident keeps its record, ids, household (hence its place in every grid and
 * community) and the attributes the statistics count (birth date, sex, tags); the name becomes
 * `Resident.erasedName` and the identity number and phone are gone, from the record, its envelope and its blind
 * indexes. The record is rewritten (the next version), so the ciphertext that held the values is overwritten too.
 *
 * {@link erase} does the same wherever else the resident appears by id: a case they reported (`Case.Reporter`,
 * in the case and in its event log) and a mediation they are a party to (`Mediation.Party`) keep the record, its
 * status, dates and links (so every count and rate stays), with the person's name replaced by `Resident.erasedName`
 * and their phone removed.
 *
 * @since 0.1.0
 */
import { Effect, Redacted, Schema } from "effect"
import type { InvalidInput, NotFoundOrNotPermitted, VersionConflict } from "../kernel/Errors.js"
import * as Resident from "../registry/Resident.js"
import * as Aggregates from "./Aggregates.js"
import * as Store from "./Store.js"

/**
 * Erases a resident's personal fields (see the module): reads the record (in `scope`), writes the erased one at the
 * next version and answers it. Erasing an erased resident changes nothing more than the version.
 *
 * @since 0.1.0
 * @category erasure
 */
export const eraseResident = <K extends string>(
  repo: Store.Repository<Store.Stored<Resident.Resident>, K>,
  scope: Store.Scope,
  tenant: string,
  id: string,
  options?: Store.WriteOptions
): Effect.Effect<
  Store.Stored<Resident.Resident>,
  NotFoundOrNotPermitted | VersionConflict | InvalidInput | Store.StoreError | Store.StoreBusy
> =>
  Effect.gen(function* () {
    const read = yield* repo.get(scope, tenant, id)
    const r = read.value
    const erased = new Resident.Resident({
      id: r.id,
      tenant: r.tenant,
      household: r.household,
      name: Redacted.make(Resident.erasedName),
      birthDate: r.birthDate,
      sex: r.sex,
      tags: r.tags
    })
    const next = Store.next(read, erased)
    yield* repo.save(scope, next, read.version, options)
    return next
  })

/**
 * True when a resident has been erased.
 *
 * @since 0.1.0
 * @category erasure
 */
export const isErased = (resident: Resident.Resident): boolean =>
  Redacted.value(resident.name) === Resident.erasedName &&
  resident.idNumber === undefined &&
  resident.phone === undefined

/**
 * An encoded value with the personal fields of every object that names `resident` (its `resident` property)
 * erased: `name` becomes `Resident.erasedName`, `phone` goes. `undefined` when nothing names the resident.
 */
const forget = (value: unknown, resident: string): unknown => {
  if (Array.isArray(value)) {
    let changed = false
    const out = value.map((v) => {
      const w = forget(v, resident)
      if (w === undefined) return v
      changed = true
      return w
    })
    return changed ? out : undefined
  }
  if (typeof value !== "object" || value === null) return undefined
  const record = value as Record<string, unknown>
  let out: Record<string, unknown> | undefined
  if (record.resident === resident && (typeof record.name === "string" || "phone" in record)) {
    const { phone: _phone, ...rest } = record
    out = { ...rest, ...(typeof record.name === "string" ? { name: Resident.erasedName } : {}) }
  }
  for (const [k, v] of Object.entries(out ?? record)) {
    const w = forget(v, resident)
    if (w === undefined) continue
    out = { ...(out ?? record), [k]: w }
  }
  return out
}

/**
 * What {@link erase} did: the resident erased, and the ids of the records that named them and were rewritten, per
 * aggregate (`case`, `mediation`). `outOfScope` counts the records that name the resident but lie outside the
 * eraser's scope: left as they are, for someone with that scope to erase.
 *
 * @since 0.1.0
 * @category models
 */
export interface Report {
  readonly resident: Store.Stored<Resident.Resident>
  readonly rewritten: Readonly<Record<string, ReadonlyArray<string>>>
  readonly outOfScope: number
}

/**
 * The aggregates {@link erase} looks through by default: cases (the reporter, in the record and its events) and
 * mediations (the parties).
 *
 * @since 0.1.0
 * @category erasure
 */
export const mentioning: ReadonlyArray<Store.AnyAggregate> = [Aggregates.Cases, Aggregates.Mediations]

/**
 * Erases a resident (个人信息删除, PIPL Art. 47) and their personal fields wherever a record of the tenant names
 * them by id (see the module): {@link eraseResident}, then, in each aggregate of `aggregates` (default
 * {@link mentioning}), every record and event that names the resident is rewritten at its next version with the
 * name replaced by `Resident.erasedName` and the phone removed, resealed under the current key, atomically with its
 * access audit entry (operation `erase`, attributed to `options.by`). Needs a store with raw access (the memory and
 * SQL stores); a record that moves meanwhile is read again. Counts and every other field stay as they were.
 *
 * @since 0.1.0
 * @category erasure
 */
export const erase = (
  store: Store.Service,
  scope: Store.Scope,
  tenant: string,
  id: string,
  options: Store.WriteOptions & { readonly aggregates?: ReadonlyArray<Store.AnyAggregate> | undefined } = {}
): Effect.Effect<
  Report,
  NotFoundOrNotPermitted | VersionConflict | InvalidInput | Store.StoreError | Store.StoreBusy
> =>
  Effect.gen(function* () {
    const raw = store.raw
    if (raw === undefined) {
      return yield* new Store.StoreError({
        operation: "erase",
        entity: "store",
        reason: "this store gives no raw access to its rows, so the records that name a resident cannot be rewritten"
      })
    }
    const resident = yield* eraseResident(store.repository(Aggregates.Residents), scope, tenant, id, options)
    const rewritten: Record<string, Array<string>> = {}
    let outOfScope = 0
    const filters = Store.scopeFilters(scope)
    for (const aggregate of options.aggregates ?? mentioning) {
      const codec = raw.encryption?.codec(aggregate)
      const read = Store.fromJson(aggregate, codec)
      const toRow = Store.toRow(aggregate, codec)
      const encode = Schema.encodeSync(aggregate.schema)
      const decode = Schema.decodeUnknownSync(aggregate.schema)
      const events = aggregate.events === undefined ? undefined : Store.eventCodec(aggregate, codec)
      const encodeEvent = aggregate.events === undefined ? undefined : Schema.encodeSync(aggregate.events)
      const decodeEvent = aggregate.events === undefined ? undefined : Schema.decodeUnknownSync(aggregate.events)
      const done: Array<string> = []
      let after: readonly [string, string] | undefined = [tenant, ""]
      for (;;) {
        const page: ReadonlyArray<Store.RawRow> = yield* raw.scan(aggregate, after, 200)
        const mine = page.filter((r) => r.tenant === tenant)
        for (const first of mine) {
          let r = first
          for (;;) {
            const record = yield* read(r.record)
            const forgotten = forget(encode(record), id)
            const changedEvents: Array<{ readonly seq: number; readonly event: string }> = []
            if (events !== undefined && encodeEvent !== undefined && decodeEvent !== undefined) {
              for (const e of r.events) {
                const f = forget(encodeEvent(yield* events.decode(e.event)), id)
                if (f !== undefined) changedEvents.push({ seq: e.seq, event: events.encode(decodeEvent(f)) })
              }
            }
            if (forgotten === undefined && changedEvents.length === 0) break
            const row = toRow(decode({ ...((forgotten ?? encode(record)) as object), version: r.version + 1 }))
            if (!Store.rowInScope(row, filters)) {
              outOfScope += 1
              break
            }
            const entry = yield* Store.auditEntry(aggregate, "erase", { tenant, record: r.id }, options.by)
            const ok = yield* raw.rewrite(
              aggregate,
              r,
              { row, events: changedEvents },
              entry === undefined ? undefined : Store.auditRow(entry)
            )
            if (ok) {
              done.push(r.id)
              break
            }
            // moved meanwhile: read it again
            const again = (yield* raw.scan(aggregate, [r.tenant, r.id.slice(0, -1)], 1000)).find(
              (x) => x.tenant === r.tenant && x.id === r.id
            )
            if (again === undefined) break
            r = again
          }
        }
        const last: Store.RawRow | undefined = page[page.length - 1]
        if (last === undefined || page.length < 200 || last.tenant !== tenant) break
        after = [last.tenant, last.id]
      }
      rewritten[aggregate.name] = done
    }
    return { resident, rewritten, outOfScope }
  })
