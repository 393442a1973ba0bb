import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll } from "@effect/vitest"
import { Drivers } from "@zhili/store-sql"
import { WorkflowSuite } from "@zhili/testing/suites"
import { packs } from "./workflows.js"

const dir = mkdtempSync(join(tmpdir(), "zhili-sqlite-workflows-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

WorkflowSuite.suite("sqlite", Drivers.layerSqlite({ filename: join(dir, "cases.db") }), packs)
