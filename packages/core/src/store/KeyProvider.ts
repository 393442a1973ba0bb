/**
 * Keys for encryption at rest (密钥提供): the `KeyProvider` port the host supplies, and in-process adapters for tests,
 * demos and small deployments. A provider answers a {@link Keyring}: the data key new ciphertexts use, every data key
 * old ciphertexts may still use (so a rotation can run while everything stays readable), and the blind-index key.
 * A production host wires its KMS (key management service, 密钥管理系统) behind the same port: it unwraps the data
 * keys once when the store starts.
 *
 * @since 0.1.0
 */
import { scryptSync } from "node:crypto"
import { Context, Effect, Either, Layer, Redacted, Schema } from "effect"
import * as Cipher from "./Cipher.js"

/**
 * The keys of one store (密钥环): `current` encrypts every new ciphertext; `keys` (current included) open the ones
 * already written, by the key id in their envelope; `index` computes blind indexes (it is not rotated with the data
 * keys: changing it means recomputing every index, which the rotation job does).
 *
 * @since 0.1.0
 * @category models
 */
export interface Keyring {
  readonly current: Cipher.Key
  readonly keys: ReadonlyArray<Cipher.Key>
  readonly index: Cipher.IndexKey
  /**
   * Blind-index keys retired from `index` whose indexes may still be stored (盲索引密钥轮换): while a rotation
   * (`Rotation.run`) recomputes every index under `index`, a lookup by identity number or phone matches the index
   * under any of these too, so it keeps finding every record; drop them when the rotation has finished.
   */
  readonly previousIndex?: ReadonlyArray<Cipher.IndexKey> | undefined
}

/**
 * The key provider could not give a usable keyring: what is wrong with which key (never the key itself).
 *
 * @since 0.1.0
 * @category errors
 */
export class KeyError extends Schema.TaggedError<KeyError>()("KeyError", {
  reason: Schema.String
}) {
  override get message(): string {
    return `key provider: ${this.reason}`
  }
}

/**
 * The port the host supplies the keys through (密钥提供端口).
 *
 * @since 0.1.0
 * @category ports
 */
export class KeyProvider extends Context.Tag("@zhili/core/KeyProvider")<
  KeyProvider,
  { readonly keyring: Effect.Effect<Keyring, KeyError> }
>() {}

/**
 * Checks a keyring: well-formed ids, secrets of at least 32 bytes, one algorithm for every key, distinct ids, and
 * the current key among `keys` (it is added when missing).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (keyring: Keyring): Either.Either<Keyring, KeyError> => {
  const keys = keyring.keys.some((k) => k.id === keyring.current.id) ? keyring.keys : [keyring.current, ...keyring.keys]
  const ids = new Set<string>()
  for (const k of [...keys, keyring.index]) {
    const checked = Cipher.checkKey(k)
    if (Either.isLeft(checked)) return Either.left(new KeyError({ reason: checked.left.message }))
  }
  for (const k of keys) {
    if (ids.has(k.id)) return Either.left(new KeyError({ reason: `two data keys have the id ${k.id}` }))
    ids.add(k.id)
    if (k.algorithm !== keyring.current.algorithm) {
      return Either.left(
        new KeyError({ reason: `key ${k.id} is for ${k.algorithm}, the current key for ${keyring.current.algorithm}` })
      )
    }
  }
  if (keyring.index.algorithm !== keyring.current.algorithm) {
    return Either.left(new KeyError({ reason: `the index key ${keyring.index.id} is for another algorithm` }))
  }
  const previousIndex = keyring.previousIndex ?? []
  const indexIds = new Set([keyring.index.id])
  for (const k of previousIndex) {
    const checked = Cipher.checkKey(k)
    if (Either.isLeft(checked)) return Either.left(new KeyError({ reason: checked.left.message }))
    if (k.algorithm !== keyring.current.algorithm) {
      return Either.left(new KeyError({ reason: `the index key ${k.id} is for another algorithm` }))
    }
    if (indexIds.has(k.id)) return Either.left(new KeyError({ reason: `two index keys have the id ${k.id}` }))
    indexIds.add(k.id)
  }
  return Either.right({
    current: keyring.current,
    keys,
    index: keyring.index,
    ...(previousIndex.length === 0 ? {} : { previousIndex })
  })
}

/**
 * A provider of a fixed keyring (checked when the layer is built).
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (keyring: Keyring): Layer.Layer<KeyProvider, KeyError> =>
  Layer.effect(
    KeyProvider,
    Either.match(make(keyring), {
      onLeft: (e) => Effect.fail(e),
      onRight: (k) => Effect.succeed(KeyProvider.of({ keyring: Effect.succeed(k) }))
    })
  )

const bytes = (secret: Redacted.Redacted<Uint8Array | string>): Uint8Array => {
  const v = Redacted.value(secret)
  return typeof v === "string" ? Buffer.from(v, "base64url") : v
}

/**
 * A provider from raw key bytes (base64url text or bytes, at least 32 bytes each, held `Redacted`), for a host that
 * keeps its keys in a secret store: `current` names the data key that encrypts, `keys` lists every data key by id
 * (old ones stay until a rotation has rewritten their ciphertexts), `index` is the blind-index key.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerSecrets = (config: {
  readonly algorithm?: Cipher.Algorithm | undefined
  readonly current: string
  readonly keys: Readonly<Record<string, Redacted.Redacted<Uint8Array | string>>>
  readonly index: { readonly id: string; readonly secret: Redacted.Redacted<Uint8Array | string> }
  /** Retired blind-index keys, kept while a rotation re-indexes (see {@link Keyring.previousIndex}). */
  readonly previousIndex?:
    | ReadonlyArray<{ readonly id: string; readonly secret: Redacted.Redacted<Uint8Array | string> }>
    | undefined
}): Layer.Layer<KeyProvider, KeyError> => {
  const algorithm = config.algorithm ?? "aes-256-gcm"
  const keys = Object.entries(config.keys).map(([id, secret]) => ({ id, algorithm, secret: bytes(secret) }))
  const current = keys.find((k) => k.id === config.current)
  if (current === undefined) {
    return Layer.fail(new KeyError({ reason: `the current key ${config.current} is not among the keys` }))
  }
  return layer({
    current,
    keys,
    index: { id: config.index.id, algorithm, secret: bytes(config.index.secret) },
    previousIndex: (config.previousIndex ?? []).map((k) => ({ id: k.id, algorithm, secret: bytes(k.secret) }))
  })
}

/** scrypt cost: 2^15 (about 50 ms and 32 MiB a key), once when the layer is built. */
const scryptOptions = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }

/**
 * Derives a 32-byte secret from a passphrase with scrypt (N = 2^15, r = 8, p = 1), salted with `salt` and the
 * purpose (a key id, or `index`), so each key of a passphrase keyring is independent.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromPassphrase = (passphrase: Redacted.Redacted<string>, salt: string, purpose: string): Uint8Array =>
  scryptSync(Redacted.value(passphrase), `zhili/zh1/${salt}/${purpose}`, 32, scryptOptions)

/**
 * A provider of keys derived from passphrases (口令派生密钥), for tests, the demo and a deployment without a KMS:
 * the data key `keyId` (default `p1`) and the index key from `passphrase`; `previous` lists the passphrases of
 * older data keys by id, kept readable until a rotation has rewritten their ciphertexts. The index key always comes
 * from the current passphrase's salt and `indexPassphrase` (default: `passphrase`), so set it explicitly before you
 * rotate the passphrase.
 *
 * @since 0.1.0
 * @category layers
 */
export const layerPassphrase = (config: {
  readonly passphrase: Redacted.Redacted<string>
  readonly salt: string
  readonly keyId?: string | undefined
  readonly algorithm?: Cipher.Algorithm | undefined
  readonly previous?: Readonly<Record<string, Redacted.Redacted<string>>> | undefined
  readonly indexPassphrase?: Redacted.Redacted<string> | undefined
}): Layer.Layer<KeyProvider, KeyError> =>
  Layer.unwrapEffect(
    Effect.sync(() => {
      const algorithm = config.algorithm ?? "aes-256-gcm"
      const id = config.keyId ?? "p1"
      const current: Cipher.Key = { id, algorithm, secret: fromPassphrase(config.passphrase, config.salt, id) }
      const previous = Object.entries(config.previous ?? {}).map(
        ([pid, p]): Cipher.Key => ({ id: pid, algorithm, secret: fromPassphrase(p, config.salt, pid) })
      )
      const index: Cipher.IndexKey = {
        id: "index",
        algorithm,
        secret: fromPassphrase(config.indexPassphrase ?? config.passphrase, config.salt, "index")
      }
      return layer({ current, keys: [current, ...previous], index })
    })
  )
