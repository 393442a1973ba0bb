import { afterAll } from "@effect/vitest"
import { Drivers } from "@zhili/store-sql"
import { StoreSuite } from "@zhili/testing/suites"
import { postgres } from "./servers.js"

const aes = await postgres()
const sm4 = await postgres()
if (aes._tag === "ready" && sm4._tag === "ready") {
  afterAll(aes.drop)
  afterAll(sm4.drop)
  StoreSuite.encryption("postgresql", (keys) => Drivers.layerPg({ url: aes.url, keys }))
  StoreSuite.encryption("postgresql", (keys) => Drivers.layerPg({ url: sm4.url, keys }), {
    algorithm: "sm4-ctr-hmac-sm3"
  })
} else StoreSuite.unavailable("postgresql (encryption)", aes._tag === "unavailable" ? aes.reason : "no server")
