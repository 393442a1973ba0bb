import { Store } from "@zhili/core"
import { StoreSuite } from "@zhili/testing"

StoreSuite.suite("memory", Store.layerMemory)
