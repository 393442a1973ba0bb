/**
 * `pnpm start [url] [--schema <name>] [--out <file>]`: runs the county example and prints its figures.
 *
 * The server is the argument, else `ZHILI_PG_URL`, else `postgres://postgres@127.0.0.1:5432/test`.
 *
 * @since 0.1.0
 */
import * as County from "./County.js"
import * as Server from "./Server.js"

const args = process.argv.slice(2)
const option = (name: string): string | undefined => {
  const at = args.indexOf(name)
  return at >= 0 ? args[at + 1] : undefined
}
const positional = args.filter((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"))
const url = positional[0] ?? process.env.ZHILI_PG_URL ?? Server.defaultUrl
const out = option("--out") ?? "out/huichang-county.md"
const percent = (x: number) => `${(x * 100).toFixed(1)}%`

try {
  console.log(`会昌县 (Huichang County) on ${url.replace(/\/\/[^@/]*@/, "//…@")}`)
  const r = await County.run({ url, schema: option("--schema"), out, log: (line) => console.log(`  ${line}`) })
  const f = r.figures
  console.log(
    [
      `结对共建 pairing: ${f.pairing.organs} organs, ${f.pairing.pairings} pairings; villages ${f.pairing.paired.village}, communities and grids ${f.pairing.paired.community}, two-new ${f.pairing.paired["two-new"]}, floating ${f.pairing.paired.floating}; coverage ${percent(f.pairing.coverage)}, ${f.pairing.fullyPaired} organs in all four, ${f.pairing.unpaired} unpaired`,
      `巡学旁听 inspections: ${f.inspections.inspections} sittings at ${f.inspections.townships} townships and ${f.inspections.countyUnits} county units, ${f.inspections.suggestions} suggestions, ${f.inspections.rectified} rectified (${percent(f.inspections.completionRate)}), ${f.inspections.onTime} on time`,
      `红黑榜 bulletins: ${f.bulletins.praise} praise, ${f.bulletins.criticism} criticism`,
      `改革任务 tasks: ${f.tasks.total}, ${f.tasks.done} done, ${f.tasks.open} open, ${f.tasks.overdue} overdue`,
      `四强党支部 four-strong: ${f.fourStrong.selected} of ${f.fourStrong.assessed} (title holders ${f.fourStrong.holders}); 骏马奖 ${f.fourStrong.horse.join(", ")}; 蜗牛奖 ${f.fourStrong.snail.join(", ")}`,
      `模范机关 model organs: ${f.modelOrgans.selected} of ${f.modelOrgans.assessed} (title holders ${f.modelOrgans.holders}); 骏马奖 ${f.modelOrgans.horse.join(", ")}; 蜗牛奖 ${f.modelOrgans.snail.join(", ")}`,
      `report: ${r.file ?? "(not written)"}`
    ].join("\n")
  )
} catch (e) {
  const message = e instanceof Error ? e.message : String(e)
  console.error(`huichang-county failed: ${message.split("\n")[0]}`)
  console.error(`  is PostgreSQL running at ${url}? pass another URL as the first argument or set ZHILI_PG_URL`)
  process.exitCode = 1
}
