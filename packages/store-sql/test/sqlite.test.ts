import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll } from "@effect/vitest"
import { Drivers } from "@zhili/store-sql"
import { StoreSuite } from "@zhili/testing/suites"

const dir = mkdtempSync(join(tmpdir(), "zhili-sqlite-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

StoreSuite.suite("sqlite", Drivers.layerSqlite({ filename: join(dir, "store.db"), aggregates: StoreSuite.aggregates }))
