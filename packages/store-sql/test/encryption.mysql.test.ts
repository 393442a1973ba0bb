import { afterAll } from "@effect/vitest"
import { Drivers } from "@zhili/store-sql"
import { StoreSuite } from "@zhili/testing/suites"
import { mysql } from "./servers.js"

const aes = await mysql()
const sm4 = await mysql()
if (aes._tag === "ready" && sm4._tag === "ready") {
  afterAll(aes.drop)
  afterAll(sm4.drop)
  StoreSuite.encryption("mariadb", (keys) => Drivers.layerMysql({ url: aes.url, keys }))
  StoreSuite.encryption("mariadb", (keys) => Drivers.layerMysql({ url: sm4.url, keys }), {
    algorithm: "sm4-ctr-hmac-sm3"
  })
} else StoreSuite.unavailable("mariadb (encryption)", aes._tag === "unavailable" ? aes.reason : "no server")
