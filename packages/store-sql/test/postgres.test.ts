import { afterAll } from "@effect/vitest"
import { Drivers } from "@zhili/store-sql"
import { StoreSuite } from "@zhili/testing/suites"
import { postgres } from "./servers.js"

const target = await postgres()
if (target._tag === "ready") {
  afterAll(target.drop)
  StoreSuite.suite("postgresql", Drivers.layerPg({ url: target.url, aggregates: StoreSuite.aggregates }))
} else StoreSuite.unavailable("postgresql", target.reason)
