import { afterAll } from "@effect/vitest"
import { Drivers } from "@zhili/store-sql"
import { StoreSuite } from "@zhili/testing/suites"
import { mysql } from "./servers.js"

const target = await mysql()
if (target._tag === "ready") {
  afterAll(target.drop)
  StoreSuite.suite("mariadb", Drivers.layerMysql({ url: target.url, aggregates: StoreSuite.aggregates }))
} else StoreSuite.unavailable("mariadb", target.reason)
