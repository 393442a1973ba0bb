import { describe, expect, it } from "@effect/vitest"
import { Store } from "@zhili/core"
import { Schema } from "effect"
import * as fc from "fast-check"

const Item = Schema.Struct({ tenant: Schema.String, id: Schema.String, key: Schema.String })
type Item = typeof Item.Type

const Items = Store.domain({
  name: "to_row_item",
  schema: Item,
  tenant: (a: Item) => a.tenant,
  id: (a: Item) => a.id,
  naturalKey: (a: Item) => a.key,
  fields: [{ name: "key", type: "string", get: (a: Item) => a.key }]
})

const path = fc.option(fc.array(fc.constantFrom("g1", "g2", "a/b", "50%"), { maxLength: 3 }), { nil: undefined })
const location = fc.record(
  { division: fc.constantFrom("440881", "440881002", "440881002001"), org: path, grid: path },
  { requiredKeys: [] }
)

describe("Store.toRow", () => {
  it("gives every record the columns of its own location, whatever the records before it (shared, equal or changed locations)", () =>
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(3), location, fc.boolean()), { minLength: 1, maxLength: 30 }), (steps) => {
        // a few location objects, reused by several records and sometimes changed in place between two of them
        const shared: Array<Store.Location> = steps.slice(0, 4).map(([, l]) => ({ ...l }))
        const convert = Store.toRow(Items)
        steps.forEach(([which, l, mutate], i) => {
          const at = shared[which % shared.length] as { -readonly [K in keyof Store.Location]: Store.Location[K] }
          if (mutate) {
            // a caller reusing one mutable object, and the same arrays changed in place
            Object.assign(at, l)
            if (at.grid !== undefined && at.grid.length > 0) (at.grid as Array<string>)[0] = `x${i}`
          }
          const record = Store.stored({ tenant: "440881", id: `i${i}`, key: `k${i}` }, at)
          const fresh = Store.toRow(Items)(record)
          expect(convert(record)).toEqual(fresh)
        })
      }),
      { numRuns: 300 }
    ))
})
