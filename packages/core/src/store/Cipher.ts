/**
 * Encryption primitives (加密原语) for data at rest: authenticated encryption of a text into a self-describing
 * envelope, and keyed blind indexes for lookups. Two algorithms, both from `node:crypto` (OpenSSL), no home-made
 * cipher mode:
 *
 * - `aes-256-gcm` (default): AES-256 in GCM mode, a 96-bit random nonce, a 128-bit tag; blind indexes are
 *   HMAC-SHA-256.
 * - `sm4-ctr-hmac-sm3` (国密, GB/T 32907 SM4 and GB/T 32905 SM3): OpenSSL has no SM4-GCM, so the authenticated
 *   construction is encrypt-then-MAC: SM4-CTR with a 128-bit random initial counter, then HMAC-SM3 over the header,
 *   the associated data, the counter and the ciphertext, checked (in constant time) before anything is decrypted.
 *   Encryption and MAC keys are separate, derived from the key's secret; blind indexes are HMAC-SM3.
 *
 * The envelope is `zh1:<keyId>:<alg>:<base64url(nonce ‖ ciphertext ‖ tag)>` with `alg` `a256gcm` or `sm4ctr-hsm3`;
 * the header (version, key id, algorithm) and the caller's associated data are authenticated, so a changed key id,
 * algorithm, byte or context is detected. A key id in every envelope is what makes rotation possible: a store reads
 * with any key of its keyring and writes with the current one.
 *
 * @since 0.1.0
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createSecretKey,
  hkdfSync,
  type KeyObject,
  randomBytes,
  timingSafeEqual
} from "node:crypto"
import { Either, Schema } from "effect"

/**
 * An encryption algorithm a key is used with: AES-256-GCM, or SM4-CTR with HMAC-SM3 (国密).
 *
 * @since 0.1.0
 * @category models
 */
export const Algorithm = Schema.Literal("aes-256-gcm", "sm4-ctr-hmac-sm3")
/**
 * @since 0.1.0
 * @category models
 */
export type Algorithm = typeof Algorithm.Type

/**
 * The envelope version this module writes (the `zh1` prefix).
 *
 * @since 0.1.0
 * @category constants
 */
export const envelopeVersion = "zh1"

const codes: Readonly<Record<Algorithm, string>> = { "aes-256-gcm": "a256gcm", "sm4-ctr-hmac-sm3": "sm4ctr-hsm3" }
const byCode: ReadonlyMap<string, Algorithm> = new Map(
  (Object.entries(codes) as ReadonlyArray<readonly [Algorithm, string]>).map(([a, c]) => [c, a] as const)
)

/**
 * The form of a key id: 1–64 letters, digits, `_`, `.` or `-` (it is written into every envelope).
 *
 * @since 0.1.0
 * @category models
 */
export const KeyId = Schema.String.pipe(
  Schema.pattern(/^[A-Za-z0-9_.-]{1,64}$/, { message: () => "a key id is 1–64 letters, digits, _, . or -" })
)

/**
 * A data key (数据密钥): its id, the algorithm it is used with, and its secret (at least 32 bytes of key material;
 * the encryption and MAC keys are derived from it with HKDF). The secret never prints.
 *
 * @since 0.1.0
 * @category models
 */
export interface Key {
  readonly id: string
  readonly algorithm: Algorithm
  readonly secret: Uint8Array
}

/**
 * Why a ciphertext could not be opened or a key could not be used (加解密错误): `malformed` (not an envelope of a
 * known version), `unknown-key` (no key of that id in the keyring), `unsupported` (an algorithm this build does
 * not know, or a key used with another algorithm), `tampered` (the authentication check failed: a changed byte,
 * key id, algorithm or context, or the wrong key), `bad-key` (key material too short). `where` says which value
 * (an aggregate and a path); the message never contains the value or the key.
 *
 * @since 0.1.0
 * @category errors
 */
export class CipherError extends Schema.TaggedError<CipherError>()("CipherError", {
  reason: Schema.Literal("malformed", "unknown-key", "unsupported", "tampered", "bad-key"),
  where: Schema.String,
  keyId: Schema.optional(Schema.String)
}) {
  override get message(): string {
    const key = this.keyId === undefined ? "" : ` (key ${this.keyId})`
    const what: Record<CipherError["reason"], string> = {
      malformed: `not a ${envelopeVersion} envelope`,
      "unknown-key": `encrypted with a key the keyring does not hold${key}`,
      unsupported: `unsupported algorithm${key}`,
      tampered: `the ciphertext failed authentication${key}; it was changed or the key is wrong`,
      "bad-key": `the key material is shorter than 32 bytes${key}`
    }
    return `${this.where}: ${what[this.reason]}`
  }
}

/** The keys actually used for one data key, derived once. */
interface Derived {
  readonly enc: KeyObject
  readonly mac: KeyObject | undefined
  /** The envelope header of the key (`zh1:<id>:<alg>:`). */
  readonly header: string
}

const derivedCache = new WeakMap<Key, Derived>()

const hkdf = (digest: string, secret: Uint8Array, info: string, length: number): Buffer =>
  Buffer.from(hkdfSync(digest, secret, Buffer.alloc(0), info, length))

const derive = (key: Key): Derived => {
  let d = derivedCache.get(key)
  if (d === undefined) {
    d =
      key.algorithm === "aes-256-gcm"
        ? {
            enc: createSecretKey(hkdf("sha256", key.secret, "zhili/zh1/aes-256-gcm/enc", 32)),
            mac: undefined,
            header: headerOf(key)
          }
        : {
            enc: createSecretKey(hkdf("sm3", key.secret, "zhili/zh1/sm4-ctr/enc", 16)),
            mac: createSecretKey(hkdf("sm3", key.secret, "zhili/zh1/hmac-sm3/mac", 32)),
            header: headerOf(key)
          }
    derivedCache.set(key, d)
  }
  return d
}

/**
 * Checks a key: a well-formed id and at least 32 bytes of secret.
 *
 * @since 0.1.0
 * @category constructors
 */
export const checkKey = (key: Key, where = "key"): Either.Either<Key, CipherError> =>
  !Schema.is(KeyId)(key.id)
    ? Either.left(new CipherError({ reason: "malformed", where: `${where}: key id` }))
    : key.secret.byteLength < 32
      ? Either.left(new CipherError({ reason: "bad-key", where, keyId: key.id }))
      : Either.right(key)

// Nonces and counters come from the CSPRNG a page at a time (one system call per 4 KiB instead of one per record);
// each byte is used once.
let randomPage = Buffer.alloc(0)
let randomAt = 0
const freshBytes = (n: number): Buffer => {
  if (randomAt + n > randomPage.length) {
    randomPage = randomBytes(4096)
    randomAt = 0
  }
  const out = randomPage.subarray(randomAt, randomAt + n)
  randomAt += n
  return out
}

const headerOf = (key: Key): string => `${envelopeVersion}:${key.id}:${codes[key.algorithm]}:`

const authenticatedCache = new Map<string, Buffer>()

/**
 * The bytes authenticated besides the ciphertext: the header and the associated data, length-prefixed. A store
 * has a few headers (one per key) and a few associated data (one per aggregate and kind): built once each.
 */
const authenticated = (header: string, aad: string): Buffer => {
  const cacheKey = `${header}\u0000${aad}`
  let bytes = authenticatedCache.get(cacheKey)
  if (bytes === undefined) {
    bytes = authenticatedBytes(header, aad)
    if (authenticatedCache.size < 1024) authenticatedCache.set(cacheKey, bytes)
  }
  return bytes
}

const authenticatedBytes = (header: string, aad: string): Buffer => {
  const h = Buffer.from(header, "utf8")
  const a = Buffer.from(aad, "utf8")
  const n = Buffer.alloc(8)
  n.writeUInt32BE(h.length, 0)
  n.writeUInt32BE(a.length, 4)
  return Buffer.concat([n, h, a])
}

/**
 * Encrypts `plaintext` under `key` into an envelope (`zh1:<keyId>:<alg>:<base64url>`), binding `aad` (associated
 * data: the context the ciphertext belongs to, which `open` must be given again). A fresh random nonce each call.
 *
 * @since 0.1.0
 * @category encryption
 */
export const seal = (key: Key, plaintext: string, aad: string): string => {
  const { enc, mac, header } = derive(key)
  const extra = authenticated(header, aad)
  if (key.algorithm === "aes-256-gcm") {
    const nonce = freshBytes(12)
    const cipher = createCipheriv("aes-256-gcm", enc, nonce)
    cipher.setAAD(extra)
    // nonce ‖ ciphertext ‖ tag in one buffer (GCM's final() gives no more bytes)
    const ct = cipher.update(plaintext, "utf8")
    cipher.final()
    const body = Buffer.allocUnsafe(28 + ct.length)
    nonce.copy(body, 0)
    ct.copy(body, 12)
    cipher.getAuthTag().copy(body, 12 + ct.length)
    return header + body.toString("base64url")
  }
  const counter = freshBytes(16)
  const cipher = createCipheriv("sm4-ctr", enc, counter)
  // CTR is a stream mode: final() gives no more bytes
  const ct = cipher.update(plaintext, "utf8")
  cipher.final()
  const body = Buffer.allocUnsafe(48 + ct.length)
  counter.copy(body, 0)
  ct.copy(body, 16)
  createHmac("sm3", mac as KeyObject)
    .update(extra)
    .update(counter)
    .update(ct)
    .digest()
    .copy(body, 16 + ct.length)
  return header + body.toString("base64url")
}

/**
 * The header of an envelope: its key id and algorithm, or `undefined` when the text is not a `zh1` envelope.
 *
 * @since 0.1.0
 * @category encryption
 */
export const header = (
  envelope: string
): { readonly keyId: string; readonly algorithm: Algorithm | undefined } | undefined => {
  if (!envelope.startsWith(`${envelopeVersion}:`)) return undefined
  const second = envelope.indexOf(":", 4)
  const third = second < 0 ? -1 : envelope.indexOf(":", second + 1)
  if (third < 0) return undefined
  return { keyId: envelope.slice(4, second), algorithm: byCode.get(envelope.slice(second + 1, third)) }
}

/**
 * Opens an envelope with the key of its id from `keys`, checking `aad`. Fails with a {@link CipherError} (naming
 * `where`, a text or a function giving it, called only on failure) when it is malformed, its key is unknown, or it
 * does not authenticate; never returns garbage.
 *
 * @since 0.1.0
 * @category encryption
 */
export const open = (
  keys: (id: string) => Key | undefined,
  envelope: string,
  aad: string,
  where: string | (() => string)
): Either.Either<string, CipherError> => {
  const fail = (reason: CipherError["reason"], keyId?: string) =>
    Either.left(
      new CipherError({
        reason,
        where: typeof where === "string" ? where : where(),
        ...(keyId === undefined ? {} : { keyId })
      })
    )
  const h = header(envelope)
  if (h === undefined) return fail("malformed")
  if (h.algorithm === undefined) return fail("unsupported", h.keyId)
  const key = keys(h.keyId)
  if (key === undefined) return fail("unknown-key", h.keyId)
  if (key.algorithm !== h.algorithm) return fail("unsupported", h.keyId)
  const { enc, mac, header: head } = derive(key)
  const body = Buffer.from(envelope.slice(head.length), "base64url")
  const tampered = () => fail("tampered", h.keyId)
  if (key.algorithm === "aes-256-gcm") {
    if (body.length < 28) return tampered()
    try {
      const decipher = createDecipheriv("aes-256-gcm", enc, body.subarray(0, 12))
      decipher.setAAD(authenticated(head, aad))
      decipher.setAuthTag(body.subarray(body.length - 16))
      const text = decipher.update(body.subarray(12, body.length - 16), undefined, "utf8")
      // final() checks the tag: the text is only returned once it has authenticated
      return Either.right(text + decipher.final("utf8"))
    } catch {
      return tampered()
    }
  }
  if (body.length < 48) return tampered()
  const counter = body.subarray(0, 16)
  const ct = body.subarray(16, body.length - 32)
  const expected = createHmac("sm3", mac as KeyObject)
    .update(authenticated(head, aad))
    .update(counter)
    .update(ct)
    .digest()
  if (!timingSafeEqual(expected, body.subarray(body.length - 32))) return tampered()
  const decipher = createDecipheriv("sm4-ctr", enc, counter)
  const text = decipher.update(ct, undefined, "utf8")
  return Either.right(text + decipher.final("utf8"))
}

/**
 * A blind-index key (盲索引密钥): its id and secret. Blind indexes are HMACs under a key derived from it, with
 * SHA-256 (AES stores) or SM3 (SM4 stores).
 *
 * @since 0.1.0
 * @category models
 */
export interface IndexKey {
  readonly id: string
  readonly algorithm: Algorithm
  readonly secret: Uint8Array
}

const indexCache = new WeakMap<IndexKey, { readonly key: KeyObject; readonly digest: string }>()

/**
 * The keyed blind index of a value (盲索引) in a domain (a field name such as `id_number`, so that the same value in
 * two domains gives unrelated indexes): base64url of HMAC-SHA-256, or HMAC-SM3 for an SM4 key, 43 characters.
 * Deterministic, so equal values have equal indexes (lookups and unique keys work), and without the key nobody can
 * test a guess.
 *
 * @since 0.1.0
 * @category blind indexes
 */
export const blindIndex = (key: IndexKey, domain: string, value: string): string => {
  let k = indexCache.get(key)
  if (k === undefined) {
    const digest = key.algorithm === "aes-256-gcm" ? "sha256" : "sm3"
    k = { key: createSecretKey(hkdf(digest, key.secret, "zhili/zh1/blind-index", 32)), digest }
    indexCache.set(key, k)
  }
  // one update of `domain ‖ NUL ‖ value` (the same bytes as three)
  return createHmac(k.digest, k.key).update(`${domain}\u0000${value}`).digest("base64url")
}

/**
 * The unkeyed digest a store without keys puts where a blind index goes (SHA-256, base64url): it keeps the clear
 * value out of index columns, but anyone can test a guess against it, so it protects nothing a dictionary of
 * identity numbers or phones can reach. Only for stores without encryption (tests, prototypes).
 *
 * @since 0.1.0
 * @category blind indexes
 */
export const unkeyedIndex = (domain: string, value: string): string =>
  createHash("sha256").update(`${domain}\u0000${value}`).digest("base64url")
