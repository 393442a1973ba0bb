/**
 * The SQLite import writer thread (导入写线程): a worker thread with its own better-sqlite3 connection to the store's
 * file, which runs an import's batches (each one transaction) while the main thread decodes the next ones. SQLite is
 * an in-process engine: without it, decoding and writing take turns on one thread.
 *
 * The worker's code is a string evaluated by `node:worker_threads` (no file to locate after bundling); it loads the
 * better-sqlite3 that `@effect/sql-sqlite-node` loads.
 */
import { createRequire } from "node:module"
import { Worker } from "node:worker_threads"
import { type SqlError, SqlError as SqlErrorClass } from "@effect/sql/SqlError"
import { Effect } from "effect"

/**
 * The statements a batch is written with: the multi-row upsert of `step` rows (`full`) and the one of the rows left
 * over at the end (`last`), as the store builds them.
 */
export interface Insert {
  readonly step: number
  readonly full: string
  readonly last: string
}

/** One more statement a batch runs in its transaction, after its rows (the batch's access audit entry). */
export interface Statement {
  readonly text: string
  readonly params: ReadonlyArray<unknown>
}

/**
 * A running writer: `write` commits one batch (its rows as lines of PostgreSQL COPY text: one string to send, so
 * the thread, not this one, splits it into values); `close` ends the thread.
 */
export interface SqliteWriter {
  readonly write: (
    insert: Insert,
    lines: ReadonlyArray<string>,
    after?: Statement | undefined
  ) => Effect.Effect<void, SqlError>
  readonly close: Effect.Effect<void>
}

// String.raw: the thread's code is written as it runs (its backslashes are its own)
const workerSource = String.raw`
const { parentPort, workerData } = require("node:worker_threads")
const Database = require(workerData.driver)
const db = new Database(workerData.filename)
db.pragma("journal_mode = WAL")
db.pragma("synchronous = NORMAL")
db.pragma("busy_timeout = 5000")
const cache = new Map()
const prepared = (text) => {
  let s = cache.get(text)
  if (s === undefined) {
    s = db.prepare(text)
    cache.set(text, s)
  }
  return s
}
const unescape = (cell) =>
  cell.replace(/\\(.)/g, (_, c) => (c === "t" ? "\t" : c === "n" ? "\n" : c === "r" ? "\r" : c))
const valueOf = (cell) => (cell === "\\N" ? null : cell.indexOf("\\") < 0 ? cell : unescape(cell))
const batch = db.transaction((insert, text, after) => {
  const lines = text.split("\n")
  lines.pop()
  for (let from = 0; from < lines.length; from += insert.step) {
    const to = Math.min(lines.length, from + insert.step)
    const params = []
    for (let i = from; i < to; i++) for (const cell of lines[i].split("\t")) params.push(valueOf(cell))
    prepared(to - from === insert.step ? insert.full : insert.last).run(params)
  }
  if (after) prepared(after.text).run(after.params)
})
parentPort.on("message", (m) => {
  if (m.close) {
    cache.clear()
    db.close()
    parentPort.close()
    return
  }
  try {
    batch.immediate(m.insert, m.text, m.after)
    parentPort.postMessage({ id: m.id })
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: { message: String((e && e.message) || e), code: e && e.code } })
  }
})
`

/** The better-sqlite3 entry `@effect/sql-sqlite-node` resolves to, or undefined when it cannot be found. */
const driverPath = (): string | undefined => {
  try {
    const here = createRequire(import.meta.url)
    const client = here.resolve("@effect/sql-sqlite-node")
    return createRequire(client).resolve("better-sqlite3")
  } catch {
    return undefined
  }
}

/**
 * Starts a writer thread on `filename`, or answers undefined when that is not possible (no file: `:memory:` or an
 * empty name; better-sqlite3 not found; threads unavailable).
 */
export const start = (filename: string): SqliteWriter | undefined => {
  if (filename === "" || filename === ":memory:" || filename.startsWith("file::memory:")) return undefined
  const driver = driverPath()
  if (driver === undefined) return undefined
  let worker: Worker
  try {
    // a small young generation: the thread keeps nothing between batches
    worker = new Worker(workerSource, {
      eval: true,
      workerData: { driver, filename },
      resourceLimits: { maxYoungGenerationSizeMb: 4 }
    })
  } catch {
    return undefined
  }
  // an idle writer does not keep the process alive; a pending batch does
  worker.unref()
  let next = 0
  let failure: Error | undefined
  const pending = new Map<number, (e: SqlError | undefined) => void>()
  const settle = (id: number, e: SqlError | undefined) => {
    const done = pending.get(id)
    if (done === undefined) return
    pending.delete(id)
    if (pending.size === 0) worker.unref()
    done(e)
  }
  worker.on("message", (m: { id: number; error?: { message: string; code?: string } }) =>
    settle(m.id, m.error === undefined ? undefined : new SqlErrorClass({ message: m.error.message, cause: m.error }))
  )
  const fail = (e: Error) => {
    failure = e
    for (const id of [...pending.keys()]) settle(id, new SqlErrorClass({ message: e.message, cause: e }))
  }
  worker.on("error", fail)
  worker.on("exit", () => fail(new Error("the SQLite writer thread has stopped")))
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()))
  return {
    write: (insert, lines, after) =>
      Effect.async<void, SqlError>((resume) => {
        if (failure !== undefined) {
          resume(Effect.fail(new SqlErrorClass({ message: failure.message, cause: failure })))
          return
        }
        const id = next++
        pending.set(id, (e) => resume(e === undefined ? Effect.void : Effect.fail(e)))
        worker.ref()
        worker.postMessage({ id, insert, text: lines.join(""), after })
      }),
    close: Effect.promise(() => {
      if (failure === undefined) {
        // waiting for the thread to finish keeps the process alive
        worker.ref()
        worker.postMessage({ close: true })
      }
      return exited
    })
  }
}
