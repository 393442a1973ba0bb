// Encryption at rest on the PostgreSQL store in the tenant-partitioned layout (see partitioned.postgres.test.ts),
// its tables guarded against transactions that cross tenants: key rotation and re-sealing stay within a tenant.
import { afterAll } from "@effect/vitest"
import { StoreSuite } from "@zhili/testing/suites"
import { layer, partitions } from "./partitioned.js"
import { postgres } from "./servers.js"

const target = await postgres("zhili_part")
if (target._tag === "ready") {
  afterAll(target.drop)
  StoreSuite.encryption(`postgresql, partitioned by tenant (${partitions})`, (keys) => layer(target.url, { keys }))
} else StoreSuite.unavailable("postgresql, partitioned by tenant (encryption)", target.reason)
