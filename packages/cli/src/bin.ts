#!/usr/bin/env node
/**
 * The `zhili` binary.
 *
 * @since 0.1.0
 */
import * as v8 from "node:v8"
import * as vm from "node:vm"
// the modules themselves, not the packages' index modules, so starting does not compile the unused ones
import * as NodeContext from "@effect/platform-node/NodeContext"
import { Effect } from "effect"
import * as Program from "./Program.js"

// Long imports collect garbage between batches (Program's import) so memory stays flat: expose the collector.
if (typeof (globalThis as { gc?: unknown }).gc !== "function") {
  v8.setFlagsFromString("--expose-gc")
  Object.assign(globalThis, { gc: vm.runInNewContext("gc") })
}

Effect.runPromise(Program.exec(process.argv.slice(2)).pipe(Effect.provide(NodeContext.layer))).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`)
    process.exitCode = 1
  }
)
