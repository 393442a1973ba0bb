/**
 * The county example against a live PostgreSQL (`ZHILI_PG_URL`), in a fresh schema dropped afterwards. Outside CI
 * an unset URL skips the suite with the reason; under CI it fails.
 */
import * as fs from "node:fs/promises"
import * as os from "node:os"
import * as path from "node:path"
import { Aggregates, Inspection, Store, StoreClient } from "@zhili/core"
import { Drivers } from "@zhili/store-sql"
import { HuichangCounty, SeedReports } from "@zhili/testing"
import { Servers } from "@zhili/testing/suites"
import { afterAll, describe, expect, it } from "vitest"
import * as County from "../src/County.js"
import * as Server from "../src/Server.js"

const server = Servers.fromEnv("ZHILI_PG_URL", "the huichang-county example against PostgreSQL")

const units = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `hc-unit-${String(from + i).padStart(2, "0")}`)

/** The figures the seed gives (and the fixture's synthetic distribution implies), computed from stored records. */
const expected: County.Figures = {
  pairing: {
    organs: 71,
    paired: { village: 124, community: 76, "two-new": 83, floating: 21 },
    // every target once, plus the 50 organs that share the 21 floating-member organisations
    pairings: 124 + 76 + 83 + 71,
    coverage: 1,
    fullyPaired: 71,
    unpaired: 0
  },
  inspections: {
    townships: 19,
    countyUnits: 71,
    inspections: 108,
    suggestions: 229,
    rectified: 229,
    onTime: 229,
    completionRate: 1
  },
  bulletins: { praise: 51, criticism: 12 },
  tasks: { total: 398, done: 320, open: 78, overdue: 39 },
  fourStrong: {
    assessed: 71,
    selected: 23,
    holders: 23,
    // the strong odd-numbered units tie at the top, the criticised units 24–35 at the bottom: ties included
    horse: units(1, 23).filter((_, i) => i % 2 === 0),
    snail: units(24, 35)
  },
  modelOrgans: {
    assessed: 71,
    selected: 25,
    holders: 25,
    horse: units(1, 3),
    snail: units(69, 71).reverse()
  }
}

const stored = {
  org_unit: 71 + 124 + 10 + 66 + 83 + 21,
  partnership: 354,
  inspection: 108,
  rectification: 229,
  bulletin_entry: 63,
  task_list: 1,
  org_life_record: HuichangCounty.orgLifeRecords.length,
  indicator_system: 2,
  assessment: 142,
  rating: 2
}
const records = Object.values(stored).reduce((n, c) => n + c, 0)

if (server._tag === "unavailable") Servers.skipped("huichang-county example", server.reason)
else {
  const url = server.url
  const schema = `zx_huichang_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "zhili-huichang-"))
  afterAll(async () => {
    await Server.dropSchema(url, schema)
    await fs.rm(dir, { recursive: true, force: true })
  })

  describe("huichang-county example", () => {
    it("stores the county, reads it back and computes the seed's figures", async () => {
      const out = path.join(dir, "county.md")
      const r = await County.run({ url, schema, out, generatedAt: SeedReports.generatedAt })
      expect(r.written).toBe(records)
      expect(r.stored).toEqual(stored)
      expect(r.figures).toEqual(expected)
      // 23 four-strong titles and 25 model-organ titles awarded for 2024 in the schemes' event logs
      expect(r.titleEvents).toBe(23 + 25)
      expect(r.file).toBe(out)
      expect(await fs.readFile(out, "utf8")).toBe(r.markdown)
      expect(r.markdown).toContain("“1+4”结对覆盖率 | 100%")
    })

    it("builds every section of the seed's county report identically from the stored records", async () => {
      const r = await County.run({ url, schema, generatedAt: SeedReports.generatedAt })
      const seed = SeedReports.county()
      expect(r.document.sections.map((s) => s.id)).toEqual(["county.pairing", ...seed.sections.map((s) => s.id)])
      for (const section of seed.sections) {
        expect(r.document.sections.find((s) => s.id === section.id)).toEqual(section)
      }
    })

    it("is idempotent, and a rerun puts back a record changed in the store", async () => {
      const again = await County.run({ url, schema })
      expect(again.written).toBe(0)
      expect(again.titleEvents).toBe(0)
      expect(again.stored).toEqual(stored)
      expect(again.figures).toEqual(expected)

      // Someone reopens one rectification in the store; the next run puts the fixture's record back (version 3).
      const client = StoreClient.make(
        Drivers.layerPg({ url: Server.schemaUrl(url, schema), aggregates: County.aggregates })
      )
      const repo = client.repository(Aggregates.Rectifications)
      const first = HuichangCounty.rectifications[0] as Inspection.Rectification
      try {
        const read = await repo.get(Store.everything, HuichangCounty.tenant, first.id)
        const { rectifiedOn: _done, ...open } = first
        const reopened = new Inspection.Rectification({ ...open, status: "open", evidence: [], verifications: [] })
        await repo.save(Store.everything, Store.next(read, reopened), read.version)
        await expect(repo.save(Store.everything, Store.next(read, reopened), read.version)).rejects.toMatchObject({
          _tag: "VersionConflict"
        })
        const restored = await County.run({ url, schema })
        expect(restored.written).toBe(1)
        const back = await repo.get(Store.everything, HuichangCounty.tenant, first.id)
        expect(back.version).toBe(read.version + 2)
        expect(back.value).toEqual(first)
        expect(restored.figures).toEqual(expected)
      } finally {
        await client.dispose()
      }
    })
  })
}
