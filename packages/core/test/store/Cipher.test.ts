import { assert, describe, it } from "@effect/vitest"
import { Cipher, KeyProvider } from "@zhili/core"
import { Effect, Either, Exit, Redacted } from "effect"

const secret = (fill: number) => new Uint8Array(32).fill(fill)
const keyOf = (id: string, algorithm: Cipher.Algorithm, fill = 7): Cipher.Key => ({
  id,
  algorithm,
  secret: secret(fill)
})
const ring =
  (...keys: ReadonlyArray<Cipher.Key>) =>
  (id: string) =>
    keys.find((k) => k.id === id)

/** The body of an envelope with one byte changed at `at` (counted in decoded bytes). */
const flipByte = (envelope: string, at: number): string => {
  const cut = envelope.lastIndexOf(":") + 1
  const body = Buffer.from(envelope.slice(cut), "base64url")
  body[at] = (body[at] as number) ^ 0x01
  return envelope.slice(0, cut) + body.toString("base64url")
}

const algorithms: ReadonlyArray<readonly [Cipher.Algorithm, string]> = [
  ["aes-256-gcm", "a256gcm"],
  ["sm4-ctr-hmac-sm3", "sm4ctr-hsm3"]
]

describe("Cipher", () => {
  it("runs on this Node: OpenSSL offers aes-256-gcm, sm4-ctr and sm3 (and no sm4-gcm)", async () => {
    const crypto = await import("node:crypto")
    assert.include(crypto.getCiphers(), "aes-256-gcm")
    assert.include(crypto.getCiphers(), "sm4-ctr")
    assert.notInclude(crypto.getCiphers(), "sm4-gcm")
    assert.include(crypto.getHashes(), "sm3")
  })

  for (const [algorithm, code] of algorithms) {
    describe(algorithm, () => {
      const k1 = keyOf("k1", algorithm)
      const text = "440881198703150028 / 13812345678 / 张三"

      it("round-trips a text through an envelope that names its version, key and algorithm", () => {
        const envelope = Cipher.seal(k1, text, "resident")
        assert.isTrue(envelope.startsWith(`zh1:k1:${code}:`))
        assert.notInclude(envelope, "440881")
        assert.deepStrictEqual(Cipher.header(envelope), { keyId: "k1", algorithm })
        assert.deepStrictEqual(Cipher.open(ring(k1), envelope, "resident", "t"), Either.right(text))
      })

      it("uses a fresh nonce each time: two envelopes of one text differ", () => {
        assert.notStrictEqual(Cipher.seal(k1, text, "a"), Cipher.seal(k1, text, "a"))
      })

      it("refuses every changed byte of the body as tampered, never returning garbage", () => {
        const envelope = Cipher.seal(k1, "13812345678", "resident")
        const length = Buffer.from(envelope.slice(envelope.lastIndexOf(":") + 1), "base64url").length
        for (let at = 0; at < length; at++) {
          const r = Cipher.open(ring(k1), flipByte(envelope, at), "resident", "resident r1 value.phone")
          assert.isTrue(Either.isLeft(r), `byte ${at}`)
          if (Either.isLeft(r)) {
            assert.strictEqual(r.left._tag, "CipherError")
            assert.strictEqual(r.left.reason, "tampered")
            assert.strictEqual(
              r.left.message,
              "resident r1 value.phone: the ciphertext failed authentication (key k1); it was changed or the key is wrong"
            )
          }
        }
      })

      it("refuses another context, a truncated body, another key under the same id, and an unknown key id", () => {
        const envelope = Cipher.seal(k1, text, "resident")
        const reason = (r: Either.Either<string, Cipher.CipherError>) => (Either.isLeft(r) ? r.left.reason : "opened")
        assert.strictEqual(reason(Cipher.open(ring(k1), envelope, "person", "w")), "tampered")
        assert.strictEqual(reason(Cipher.open(ring(k1), envelope.slice(0, 30), "resident", "w")), "tampered")
        assert.strictEqual(reason(Cipher.open(ring(keyOf("k1", algorithm, 8)), envelope, "resident", "w")), "tampered")
        assert.strictEqual(reason(Cipher.open(ring(keyOf("k2", algorithm)), envelope, "resident", "w")), "unknown-key")
        // the same secret under another id: the header is authenticated
        const renamed = envelope.replace("zh1:k1:", "zh1:k2:")
        assert.strictEqual(reason(Cipher.open(ring(keyOf("k2", algorithm)), renamed, "resident", "w")), "tampered")
        assert.strictEqual(reason(Cipher.open(ring(k1), "440881198703150028", "resident", "w")), "malformed")
        assert.strictEqual(
          reason(Cipher.open(ring(k1), envelope.replace(code, "rot13"), "resident", "w")),
          "unsupported"
        )
      })
    })
  }

  it("does not open an AES envelope with an SM4 key of the same id and secret", () => {
    const envelope = Cipher.seal(keyOf("k1", "aes-256-gcm"), "x", "a")
    const r = Cipher.open(ring(keyOf("k1", "sm4-ctr-hmac-sm3")), envelope, "a", "w")
    assert.isTrue(Either.isLeft(r) && r.left.reason === "unsupported")
  })

  it("gives deterministic blind indexes that depend on the key, the domain, the value and the algorithm", () => {
    const index = (algorithm: Cipher.Algorithm, fill: number): Cipher.IndexKey => ({
      id: "i",
      algorithm,
      secret: secret(fill)
    })
    const a = Cipher.blindIndex(index("aes-256-gcm", 1), "id_number", "440881198703150028")
    assert.strictEqual(a, Cipher.blindIndex(index("aes-256-gcm", 1), "id_number", "440881198703150028"))
    assert.match(a, /^[A-Za-z0-9_-]{43}$/)
    const others = [
      Cipher.blindIndex(index("aes-256-gcm", 2), "id_number", "440881198703150028"),
      Cipher.blindIndex(index("aes-256-gcm", 1), "phone", "440881198703150028"),
      Cipher.blindIndex(index("aes-256-gcm", 1), "id_number", "440881198703150029"),
      Cipher.blindIndex(index("sm4-ctr-hmac-sm3", 1), "id_number", "440881198703150028")
    ]
    assert.strictEqual(new Set([a, ...others]).size, 5)
  })
})

describe("KeyProvider", () => {
  it.effect("derives passphrase keyrings deterministically: the same passphrase opens what it sealed", () =>
    Effect.gen(function* () {
      const provider = KeyProvider.layerPassphrase({ passphrase: Redacted.make("correct horse"), salt: "demo" })
      const first = yield* Effect.flatMap(KeyProvider.KeyProvider, (p) => p.keyring).pipe(Effect.provide(provider))
      const again = yield* Effect.flatMap(KeyProvider.KeyProvider, (p) => p.keyring).pipe(Effect.provide(provider))
      assert.strictEqual(first.current.id, "p1")
      const envelope = Cipher.seal(first.current, "13812345678", "x")
      const find = (id: string) => again.keys.find((k) => k.id === id)
      assert.deepStrictEqual(Cipher.open(find, envelope, "x", "w"), Either.right("13812345678"))
      const other = yield* Effect.flatMap(KeyProvider.KeyProvider, (p) => p.keyring).pipe(
        Effect.provide(KeyProvider.layerPassphrase({ passphrase: Redacted.make("wrong horse"), salt: "demo" }))
      )
      const r = Cipher.open((id) => other.keys.find((k) => k.id === id), envelope, "x", "w")
      assert.isTrue(Either.isLeft(r) && r.left.reason === "tampered")
    })
  )

  it.effect("refuses short secrets, a missing current key and mixed algorithms, naming the key but not its bytes", () =>
    Effect.gen(function* () {
      const build = (layer: ReturnType<typeof KeyProvider.layerSecrets>) =>
        Effect.exit(Effect.flatMap(KeyProvider.KeyProvider, (p) => p.keyring).pipe(Effect.provide(layer)))
      const short = yield* build(
        KeyProvider.layerSecrets({
          current: "k1",
          keys: { k1: Redacted.make(new Uint8Array(16)) },
          index: { id: "i", secret: Redacted.make(secret(3)) }
        })
      )
      assert.isTrue(Exit.isFailure(short))
      assert.include(String(Exit.isFailure(short) ? short.cause : ""), "shorter than 32 bytes (key k1)")
      const missing = yield* build(
        KeyProvider.layerSecrets({
          current: "k9",
          keys: { k1: Redacted.make(secret(1)) },
          index: { id: "i", secret: Redacted.make(secret(3)) }
        })
      )
      assert.include(String(Exit.isFailure(missing) ? missing.cause : ""), "the current key k9 is not among the keys")
      const mixed = KeyProvider.make({
        current: keyOf("k1", "aes-256-gcm"),
        keys: [keyOf("k0", "sm4-ctr-hmac-sm3")],
        index: { id: "i", algorithm: "aes-256-gcm", secret: secret(3) }
      })
      assert.isTrue(Either.isLeft(mixed) && mixed.left.message.includes("key k0 is for sm4-ctr-hmac-sm3"))
    })
  )
})
