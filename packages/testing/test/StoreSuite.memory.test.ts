import { Store } from "@zhili/core"
import { StoreSuite } from "@zhili/testing/suites"

StoreSuite.suite("memory", Store.layerMemory)
