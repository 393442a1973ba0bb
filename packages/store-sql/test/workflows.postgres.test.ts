import { afterAll } from "@effect/vitest"
import { Drivers } from "@zhili/store-sql"
import { StoreSuite, WorkflowSuite } from "@zhili/testing/suites"
import { postgres } from "./servers.js"
import { packs } from "./workflows.js"

const target = await postgres()
if (target._tag === "ready") {
  afterAll(target.drop)
  WorkflowSuite.suite("postgresql", Drivers.layerPg({ url: target.url }), packs)
} else StoreSuite.unavailable("postgresql (a year of cases per workflow)", target.reason)
