#!/usr/bin/env node
/**
 * The `zhili` binary.
 *
 * @since 0.1.0
 */
import { NodeContext } from "@effect/platform-node"
import { Effect } from "effect"
import { Program } from "./index.js"

Effect.runPromise(Program.exec(process.argv.slice(2)).pipe(Effect.provide(NodeContext.layer))).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`)
    process.exitCode = 1
  }
)
