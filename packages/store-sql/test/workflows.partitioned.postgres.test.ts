// A year of cases per workflow through the PostgreSQL store in the tenant-partitioned layout (see
// partitioned.postgres.test.ts), its tables guarded against transactions that cross tenants.
import { afterAll } from "@effect/vitest"
import { StoreSuite, WorkflowSuite } from "@zhili/testing/suites"
import { layer, partitions } from "./partitioned.js"
import { postgres } from "./servers.js"
import { packs } from "./workflows.js"

const target = await postgres("zhili_part")
if (target._tag === "ready") {
  afterAll(target.drop)
  WorkflowSuite.suite(`postgresql, partitioned by tenant (${partitions})`, layer(target.url), packs)
} else StoreSuite.unavailable("postgresql, partitioned by tenant (a year of cases per workflow)", target.reason)
