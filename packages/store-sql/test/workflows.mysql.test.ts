import { afterAll } from "@effect/vitest"
import { Drivers } from "@zhili/store-sql"
import { StoreSuite, WorkflowSuite } from "@zhili/testing/suites"
import { mysql } from "./servers.js"
import { packs } from "./workflows.js"

const target = await mysql()
if (target._tag === "ready") {
  afterAll(target.drop)
  WorkflowSuite.suite("mariadb", Drivers.layerMysql({ url: target.url }), packs)
} else StoreSuite.unavailable("mariadb (a year of cases per workflow)", target.reason)
