import { Encryption, Store } from "@zhili/core"
import { StoreSuite } from "@zhili/testing/suites"
import { Layer } from "effect"

const memory = (keys: Parameters<Parameters<typeof StoreSuite.encryption>[1]>[0]) =>
  Store.layerMemoryEncrypted.pipe(Layer.provide(Encryption.layer()), Layer.provide(keys))

StoreSuite.encryption("memory", memory)
StoreSuite.encryption("memory", memory, { algorithm: "sm4-ctr-hmac-sm3" })
