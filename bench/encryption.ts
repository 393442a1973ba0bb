/**
 * One phase of the encryption benchmark, run in its own process by `bench/encryption.mjs`.
 *
 *   node encryption.mjs <off|on|on-sm4> <rows> <sqlite file>
 *
 * Imports `rows` residents (name, identity number, phone, a tenth of them children under 14) into SQLite through
 * the store, with encryption off or on, then reads them all back in pages of 10,000. Prints one JSON line:
 * { phase, rows, importSeconds, readSeconds }.
 */
import { Aggregates, IdNumber, KeyProvider, Store } from "@zhili/core"
import { Drivers } from "@zhili/store-sql"
import { Effect, Option, Redacted, Stream } from "effect"

const [phase = "off", rowsArg = "100000", file = "bench.db"] = process.argv.slice(2)
const rows = Number(rowsArg)
const tenant = "440881002001"

const pad = (n: number, w: number) => String(n).padStart(w, "0")
/** The encoded resident row `i` (as an import file would give it). */
const row = (i: number) => {
  const year = i % 10 === 0 ? 2015 : 1940 + (i % 60)
  const birth = `${year}-${pad(1 + (i % 12), 2)}-${pad(1 + (Math.floor(i / 12) % 28), 2)}`
  const body = `440881${birth.replaceAll("-", "")}${pad(Math.floor(i / 336) % 1000, 3)}`
  const id = body + Option.getOrThrow(IdNumber.checkCharacter(body))
  return {
    version: 1,
    location: { division: tenant, grid: ["g1", `g1-${i % 10}`, `g1-${i % 10}-${i % 50}`] },
    value: {
      id: `r${i}`,
      tenant,
      household: `h${Math.floor(i / 3)}`,
      name: `居民${i}`,
      birthDate: birth,
      sex: i % 2 === 0 ? "male" : "female",
      tags: [],
      idNumber: id,
      phone: `139${pad(i, 8)}`
    }
  }
}

const keys =
  phase === "off"
    ? undefined
    : KeyProvider.layerPassphrase({
        passphrase: Redacted.make("bench passphrase"),
        salt: "bench",
        algorithm: phase === "on-sm4" ? "sm4-ctr-hmac-sm3" : "aes-256-gcm"
      })

const program = Effect.gen(function* () {
  const repo = yield* Store.repository(Aggregates.Residents)
  const input = Array.from({ length: rows }, (_, i) => row(i))
  const t0 = performance.now()
  const report = yield* repo.import(Stream.fromIterable(input), {
    scope: Store.everything,
    policy: "abort",
    batchSize: 10_000
  })
  const t1 = performance.now()
  let read = 0
  let cursor: string | undefined
  for (;;) {
    const page = yield* repo.list(Store.everything, { tenant, limit: 10_000, cursor })
    read += page.items.length
    if (page.next === undefined) break
    cursor = page.next
  }
  const t2 = performance.now()
  if (report.written !== rows || read !== rows) throw new Error(`wrote ${report.written}, read ${read} of ${rows}`)
  return { phase, rows, importSeconds: (t1 - t0) / 1000, readSeconds: (t2 - t1) / 1000 }
})

const result = await Effect.runPromise(
  program.pipe(Effect.provide(Drivers.layerSqlite({ filename: file, keys })), Effect.scoped)
)
console.log(JSON.stringify(result))
