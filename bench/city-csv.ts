/**
 * Writes the generated city's registry as the CSV files `zhili import` reads, streamed (one community in memory at a
 * time, waiting for the file to drain): grids.csv, buildings.csv and households.csv (Chinese headers).
 *
 *   node city-csv.mjs <scale> <folder>
 *
 * Prints one JSON line: { grids, buildings, households, bytes, seconds }.
 */
import { createWriteStream, type WriteStream } from "node:fs"
import { join } from "node:path"
import { City } from "@zhili/testing"

const [scaleArg = "1", dir = "."] = process.argv.slice(2)
const started = performance.now()

const cell = (v: string | undefined): string => {
  const s = v ?? ""
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

const writer = (file: string, headers: ReadonlyArray<string>) => {
  const out: WriteStream = createWriteStream(join(dir, file))
  let pending: Array<string> = [`\uFEFF${headers.join(",")}\n`]
  let rows = 0
  const flush = async () => {
    if (pending.length === 0) return
    const text = pending.join("")
    pending = []
    if (!out.write(text)) await new Promise((resolve) => out.once("drain", resolve))
  }
  return {
    row: async (cells: ReadonlyArray<string | undefined>) => {
      pending.push(`${cells.map(cell).join(",")}\n`)
      rows += 1
      if (pending.length >= 1000) await flush()
    },
    close: async () => {
      await flush()
      await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())))
      return { rows, bytes: out.bytesWritten }
    }
  }
}

const grids = writer("grids.csv", [
  "网格编号",
  "社区代码",
  "层级",
  "网格名称",
  "网格代码",
  "所属社区",
  "上级网格",
  "楼栋"
])
const buildings = writer("buildings.csv", ["楼栋编号", "社区代码", "所属社区", "楼栋名称"])
const households = writer("households.csv", ["编号", "社区代码", "楼栋", "房号"])
const levels = { large: "大网格", small: "小网格", micro: "微网格" } as const

for (const c of City.communities({ scale: Number(scaleArg) })) {
  for (const g of c.grids)
    await grids.row([g.id, g.tenant, levels[g.level], g.name, g.code, g.community, g.parent, g.buildings?.join("、")])
  for (const b of c.buildings) await buildings.row([b.id, b.tenant, b.community, b.name])
  for (const h of c.households) await households.row([h.id, h.tenant, h.building, h.room])
}
const g = await grids.close()
const b = await buildings.close()
const h = await households.close()
process.stdout.write(
  `${JSON.stringify({
    grids: g.rows,
    buildings: b.rows,
    households: h.rows,
    bytes: g.bytes + b.bytes + h.bytes,
    seconds: (performance.now() - started) / 1000
  })}\n`
)
