// Key rotation killed with SIGKILL midway (issue: protection): every row stays readable with the old and new keys,
// the checkpoint resumes the job, and at the end only the new key seals anything.
import { existsSync } from "node:fs"
import { join } from "node:path"
import { assert, describe, it } from "@effect/vitest"
import { Aggregates, KeyProvider, Rotation, Store } from "@zhili/core"
import { Drivers } from "@zhili/store-sql"
import { Effect, Redacted } from "effect"
import { importChild } from "./fixtures/childProcess.js"

const { work, killAfter, runToEnd } = importChild("rotation-child.ts", "rotate-")
const secret = (s: string) => Redacted.make(Buffer.alloc(32, s).toString("base64url"))
const both = KeyProvider.layerSecrets({
  current: "k2",
  keys: { k1: secret("1"), k2: secret("2") },
  index: { id: "ix", secret: secret("i") }
})

const inspect = (file: string) =>
  Effect.runPromise(
    Effect.gen(function* () {
      const store = yield* Store.Store
      const repo = store.repository(Aggregates.Residents)
      let read = 0
      let cursor: string | undefined
      do {
        const page = yield* repo.list(Store.everything, { limit: 5000, ...(cursor === undefined ? {} : { cursor }) })
        read += page.items.length
        cursor = page.next
      } while (cursor !== undefined)
      const inUse = yield* Rotation.keysInUse(store, [Aggregates.Residents])
      return { read, k1: inUse.get("k1") ?? 0, k2: inUse.get("k2") ?? 0 }
    }).pipe(Effect.provide(Drivers.layerSqlite({ filename: file, keys: both })), Effect.scoped)
  )

describe("key rotation killed with SIGKILL: sqlite", () => {
  it("leaves every row readable, resumes from its checkpoint and ends with the new key alone", async () => {
    const file = join(work, "rotate.db")
    const checkpoint = join(work, "checkpoint.json")
    const rows = 20_000
    assert.include(await runToEnd(["seed", file, String(rows)]), `done ${rows}`)
    await killAfter(["rotate", file, checkpoint], 20)
    assert.isTrue(existsSync(checkpoint), "a checkpoint was written before the kill")
    const midway = await inspect(file)
    assert.strictEqual(midway.read, rows, "every row reads after the kill")
    assert.isAtLeast(midway.k2, 20 * 100 - 100, "the pages before the kill are under the new key")
    assert.isAbove(midway.k1, 0, "the job was killed before the end")
    assert.strictEqual(midway.k1 + midway.k2, rows)
    const out = await runToEnd(["rotate", file, checkpoint])
    const rewritten = Number(/done (\d+)/.exec(out)?.[1])
    assert.isAtMost(rewritten, midway.k1 + 100, "the resumed job starts at the checkpoint, not at the beginning")
    assert.deepStrictEqual(await inspect(file), { read: rows, k1: 0, k2: rows })
  }, 180_000)
})
