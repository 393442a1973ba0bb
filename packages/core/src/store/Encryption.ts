/**
 * Encryption at rest (静态加密) of stored records: what the stores seal and how. Built from the host's
 * {@link KeyProvider.KeyProvider}; the stores (the memory store's {@link Store.layerMemoryEncrypted}, the SQL store
 * with `keys`) use it for every row they write and read.
 *
 * - Sensitive values: every value a `Schema.Redacted` node of the aggregate's schema encodes (identity numbers,
 *   phones, names of residents and reporters, parties, visit needs …), found from the schema at any depth, and for an
 *   aggregate that declares a `personal` part (residents) the whole personal part of a record it protects (a child
 *   under 14, PIPL Art. 28). They leave the record JSON and go into one envelope per record, under the property
 *   `$sealed`: `zh1:<keyId>:<alg>:<base64url>` (see `Cipher`) of the JSON list of `[path, value]` pairs, with the
 *   aggregate's name as associated data. Events of a log are sealed the same way, one envelope per event.
 * - Blind indexes: the columns of fields declared `blind` (identity number, phone) and a natural key declared
 *   `blindKey` hold `Cipher.blindIndex` of the value under the keyring's index key, never the value; a list filter
 *   on such a field is given the clear value and the store looks up its index.
 *
 * @since 0.1.0
 */
import { Context, Effect, Either, Layer } from "effect"
import * as Cipher from "./Cipher.js"
import * as Seal from "./internal/seal.js"
import * as KeyProvider from "./KeyProvider.js"
import type * as Store from "./Store.js"

/**
 * The property of a stored record's JSON that holds its envelope.
 *
 * @since 0.1.0
 * @category constants
 */
export const sealedProperty = "$sealed"

/**
 * How one aggregate's rows are sealed and opened, for adapters (`Store.toRow`, `Store.fromJson`,
 * `Store.eventCodec` take it).
 *
 * @since 0.1.0
 * @category adapters
 */
export interface RecordCodec {
  /** The id of the key new envelopes are sealed with. */
  readonly keyId: string
  /** True when the aggregate's schema (or its personal part) has values to seal. */
  readonly sensitive: boolean
  /** The JSON of an encoded record with its sensitive values (and, when `protect`, its personal part) sealed. */
  readonly sealRecord: (encoded: unknown, protect: boolean) => string
  /** The encoded record of a stored JSON, sealed values restored; a typed error when an envelope does not open. */
  readonly openRecord: (json: string) => Either.Either<unknown, Cipher.CipherError>
  /** The JSON of an encoded event, its sensitive values sealed. */
  readonly sealEvent: (encoded: unknown) => string
  /** The encoded event of a stored JSON. */
  readonly openEvent: (json: string) => Either.Either<unknown, Cipher.CipherError>
  /** The keyed blind index of a value in a domain (a field name, or `nkey:<aggregate>`). */
  readonly blind: (domain: string, value: string) => string
  /**
   * Every index a stored row may hold for a value: under the current index key, then under each of
   * `Keyring.previousIndex` (what a lookup matches while a rotation re-indexes).
   */
  readonly blinds: (domain: string, value: string) => ReadonlyArray<string>
  /** Today's date (YYYY-MM-DD, China Standard Time unless the host says otherwise): whom `personal` protects. */
  readonly today: () => string
}

/**
 * The encryption service of a store: the keyring and a codec per aggregate.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** The id of the key new envelopes are sealed with. */
  readonly currentKeyId: () => string
  readonly codec: (aggregate: Store.AnyAggregate) => RecordCodec
  /**
   * Reads the keyring from the provider again (a new current key, a key retired): the next rows written and read
   * use it. A keyring that fails its checks leaves the one in use.
   */
  readonly refresh: Effect.Effect<void, KeyProvider.KeyError>
}

/**
 * The encryption of a store (存储加密), built from the host's keys.
 *
 * @since 0.1.0
 * @category ports
 */
export class Encryption extends Context.Tag("@zhili/core/Encryption")<Encryption, Service>() {}

/**
 * The key id of a stored JSON's envelope, or `undefined` when it has none (nothing sensitive, or written without
 * encryption).
 *
 * @since 0.1.0
 * @category adapters
 */
export const keyIdOf = (json: string): string | undefined => {
  const at = json.indexOf(`"${sealedProperty}":"zh1:`)
  if (at < 0) return undefined
  const from = at + sealedProperty.length + 8
  const end = json.indexOf(":", from)
  return end < 0 ? undefined : json.slice(from, end)
}

/**
 * Today in China Standard Time (UTC+8, no daylight saving), worked out once a day: a store asks for every record it
 * writes. The date is kept with the instant of the next midnight there.
 */
const chinaToday = (() => {
  const day = 86_400_000
  const offset = 8 * 3_600_000
  let date = ""
  let until = Number.NEGATIVE_INFINITY
  return (): string => {
    const now = Date.now()
    if (now >= until || now < until - day) {
      const local = now + offset
      date = new Date(local).toISOString().slice(0, 10)
      until = Math.floor(local / day) * day + day - offset
    }
    return date
  }
})()

const idOf = (parsed: Record<string, unknown>): string | undefined => {
  const value = parsed.value
  const id =
    typeof value === "object" && value !== null && "id" in value ? (value as { readonly id: unknown }).id : parsed.id
  return typeof id === "string" ? id : undefined
}

/**
 * The encryption service over a keyring. `today` (default: the date in China Standard Time) decides whom an
 * aggregate's `personal` rule protects when a record is written.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  keyring: KeyProvider.Keyring,
  options: {
    readonly today?: (() => string) | undefined
    readonly reload?: Effect.Effect<KeyProvider.Keyring, KeyProvider.KeyError> | undefined
  } = {}
): Service => {
  const state = { keyring, keys: new Map(keyring.keys.map((k) => [k.id, k] as const)) }
  const find = (id: string) => state.keys.get(id)
  const today = options.today ?? chinaToday
  const blind = (domain: string, value: string) => Cipher.blindIndex(state.keyring.index, domain, value)
  const blinds = (domain: string, value: string): ReadonlyArray<string> => {
    const previous = state.keyring.previousIndex
    if (previous === undefined || previous.length === 0) return [blind(domain, value)]
    return [blind(domain, value), ...previous.map((k) => Cipher.blindIndex(k, domain, value))]
  }
  const codecs = new Map<string, RecordCodec>()
  const build = (aggregate: Store.AnyAggregate): RecordCodec => {
    const name = aggregate.name
    const walker = Seal.compile(aggregate.schema.ast)
    const eventWalker = aggregate.events === undefined ? undefined : Seal.compile(aggregate.events.ast)
    const personal: ReadonlyArray<Seal.Path> = aggregate.personal?.paths ?? []
    const recordAad = `${name}/record`
    const eventAad = `${name}/event`
    const seal = (w: Seal.Walker | undefined, extra: ReadonlyArray<Seal.Path>, aad: string) => (encoded: unknown) => {
      const pairs: Array<[Seal.Path, unknown]> = []
      w?.(encoded, [], pairs)
      if (extra.length > 0) {
        const taken = new Set(pairs.map(([p]) => p.join("\u0000")))
        for (const p of extra) {
          const v = Seal.at(encoded, p)
          if (v !== undefined && !taken.has(p.join("\u0000"))) pairs.push([p, v])
        }
      }
      if (pairs.length === 0) return JSON.stringify(encoded)
      const rest = Seal.without(
        encoded,
        pairs.map(([p]) => p)
      ) as Record<string, unknown>
      rest[sealedProperty] = Cipher.seal(state.keyring.current, JSON.stringify(pairs), aad)
      return JSON.stringify(rest)
    }
    const open = (aad: string, what: string) => (json: string) => {
      const parsed: unknown = JSON.parse(json)
      if (typeof parsed !== "object" || parsed === null || !(sealedProperty in parsed)) return Either.right(parsed)
      const record = parsed as Record<string, unknown>
      const envelope = record[sealedProperty]
      // the text of `where` is only built for an error
      const where = () => {
        const id = idOf(record)
        return `${name} ${id === undefined ? what : `${id} ${what}`}`
      }
      if (typeof envelope !== "string")
        return Either.left(new Cipher.CipherError({ reason: "malformed", where: where() }))
      const opened = Cipher.open(find, envelope, aad, where)
      if (Either.isLeft(opened)) return opened
      let pairs: unknown
      try {
        pairs = JSON.parse(opened.right)
      } catch {
        pairs = undefined
      }
      delete record[sealedProperty]
      return Array.isArray(pairs) && Seal.restore(record, pairs as ReadonlyArray<readonly [Seal.Path, unknown]>)
        ? Either.right(record)
        : Either.left(
            new Cipher.CipherError({ reason: "malformed", where: where(), keyId: Cipher.header(envelope)?.keyId })
          )
    }
    const sealRecord = seal(walker, [], recordAad)
    const sealProtected = seal(walker, personal, recordAad)
    return {
      get keyId() {
        return state.keyring.current.id
      },
      sensitive: walker !== undefined || personal.length > 0,
      sealRecord: (encoded, protect) => (protect ? sealProtected(encoded) : sealRecord(encoded)),
      openRecord: open(recordAad, "record"),
      sealEvent: seal(eventWalker, [], eventAad),
      openEvent: open(eventAad, "event"),
      blind,
      blinds,
      today
    }
  }
  const reload = options.reload
  return {
    currentKeyId: () => state.keyring.current.id,
    refresh:
      reload === undefined
        ? Effect.void
        : Effect.flatMap(reload, (next) =>
            Either.match(KeyProvider.make(next), {
              onLeft: (e) => Effect.fail(e),
              onRight: (k) =>
                k.index.id !== state.keyring.index.id &&
                !(k.previousIndex ?? []).some((x) => x.id === state.keyring.index.id)
                  ? Effect.fail(
                      new KeyProvider.KeyError({
                        reason: `the index key changed (${state.keyring.index.id} → ${k.index.id}) without keeping the old one in previousIndex; rebuild the store to re-index`
                      })
                    )
                  : Effect.sync(() => {
                      state.keyring = k
                      state.keys = new Map(k.keys.map((x) => [x.id, x] as const))
                    })
            })
          ),
    codec: (aggregate) => {
      let c = codecs.get(aggregate.name)
      if (c === undefined) {
        c = build(aggregate)
        codecs.set(aggregate.name, c)
      }
      return c
    }
  }
}

/**
 * The encryption service from the {@link KeyProvider.KeyProvider} in context (the keyring is read once).
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: { readonly today?: (() => string) | undefined } = {}
): Layer.Layer<Encryption, KeyProvider.KeyError, KeyProvider.KeyProvider> =>
  Layer.effect(
    Encryption,
    Effect.gen(function* () {
      const provider = yield* KeyProvider.KeyProvider
      return make(yield* provider.keyring, { ...options, reload: provider.keyring })
    })
  )
