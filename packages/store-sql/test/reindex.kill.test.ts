// Blind-index key rotation killed with SIGKILL midway (issue: protection): the index key changes from ix to ix2
// (ix kept as a previous index key); lookups by phone and identity number find every resident midway, whether its
// row is re-indexed yet or not; the checkpoint resumes the job; at the end the new index key alone finds them all.
import { existsSync } from "node:fs"
import { join } from "node:path"
import { assert, describe, it } from "@effect/vitest"
import { Aggregates, KeyProvider, Store } from "@zhili/core"
import { Drivers } from "@zhili/store-sql"
import { Effect, Redacted } from "effect"
import { importChild } from "./fixtures/childProcess.js"

const { work, killAfter, runToEnd } = importChild("rotation-child.ts", "reindex-")
const secret = (s: string) => Redacted.make(Buffer.alloc(32, s).toString("base64url"))
const keys = (previous: boolean) =>
  KeyProvider.layerSecrets({
    current: "k1",
    keys: { k1: secret("1") },
    index: { id: "ix2", secret: secret("j") },
    ...(previous ? { previousIndex: [{ id: "ix", secret: secret("i") }] } : {})
  })
const tenant = "440881002001"
/** Residents of the seed (rotation-child.ts): r10 comes early in (tenant, id) order, r999 late. */
const sample = [
  { id: "r10", phone: "13900000010" },
  { id: "r999", phone: "13900000999" }
] as const

/** The ids found by each phone, and by both phones in one filter, with or without the previous index key. */
const lookups = (file: string, previous: boolean) =>
  Effect.runPromise(
    Effect.gen(function* () {
      const repo = (yield* Store.Store).repository(Aggregates.Residents)
      const found: Array<string> = []
      for (const s of sample) {
        const page = yield* repo.list(Store.everything, { tenant, where: { phone: s.phone } })
        found.push(...page.items.map((r) => r.value.id))
      }
      const both = yield* repo.list(Store.everything, { tenant, where: { phone: [sample[0].phone, sample[1].phone] } })
      return { found, both: both.total }
    }).pipe(Effect.provide(Drivers.layerSqlite({ filename: file, keys: keys(previous) })), Effect.scoped)
  )

describe("blind-index key rotation killed with SIGKILL: sqlite", () => {
  it("finds every resident by phone during and after the re-index, resumes from its checkpoint", async () => {
    const file = join(work, "reindex.db")
    const checkpoint = join(work, "checkpoint.json")
    const rows = 3000
    assert.include(await runToEnd(["seed", file, String(rows)]), `done ${rows}`)
    // before: the new index key alone finds nobody (every row is indexed under ix)
    assert.deepStrictEqual(await lookups(file, false), { found: [], both: 0 })
    await killAfter(["reindex", file, checkpoint], 10)
    assert.isTrue(existsSync(checkpoint), "a checkpoint was written before the kill")
    // midway: r10 is re-indexed, r999 not yet; with the previous key kept, both are found
    assert.deepStrictEqual(await lookups(file, true), { found: ["r10", "r999"], both: 2 })
    assert.deepStrictEqual(await lookups(file, false), { found: ["r10"], both: 1 })
    const out = await runToEnd(["reindex", file, checkpoint])
    const rewritten = Number(/done (\d+)/.exec(out)?.[1])
    assert.isBelow(rewritten, rows, "the resumed job starts at the checkpoint, not at the beginning")
    assert.isAbove(rewritten, 0)
    // after: the new index key alone finds both
    assert.deepStrictEqual(await lookups(file, false), { found: ["r10", "r999"], both: 2 })
  }, 240_000)
})
