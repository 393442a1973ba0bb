import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll } from "@effect/vitest"
import { Drivers } from "@zhili/store-sql"
import { StoreSuite } from "@zhili/testing/suites"

const dir = mkdtempSync(join(tmpdir(), "zhili-sqlite-enc-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

StoreSuite.encryption("sqlite", (keys) => Drivers.layerSqlite({ filename: join(dir, "aes.db"), keys }))
StoreSuite.encryption("sqlite", (keys) => Drivers.layerSqlite({ filename: join(dir, "sm4.db"), keys }), {
  algorithm: "sm4-ctr-hmac-sm3"
})
