/**
 * `pnpm start [url] [--database <name>] [--out <file>]`: runs the Zibo example and prints its figures.
 *
 * The server is the argument, else `ZHILI_MYSQL_URL`, else `mysql://root@127.0.0.1:3306/test`.
 *
 * @since 0.1.0
 */
import { Cause, Console, Effect, Exit } from "effect"
import * as Server from "./Server.js"
import * as Spaces from "./Spaces.js"

const args = process.argv.slice(2)
const option = (name: string): string | undefined => {
  const at = args.indexOf(name)
  return at >= 0 ? args[at + 1] : undefined
}
const positional = args.filter((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"))
const url = positional[0] ?? process.env.ZHILI_MYSQL_URL ?? Server.defaultUrl
const out = option("--out") ?? "out/zibo-spaces.md"

const main = Effect.gen(function* () {
  yield* Console.log(`淄博 (Zibo) community spaces on ${url.replace(/\/\/[^@/]*@/, "//…@")}`)
  const r = yield* Spaces.run({ url, database: option("--database"), out, log: (line) => console.log(`  ${line}`) })
  const { city, fund, needs, operators, projects, spaces } = r.figures
  yield* Console.log(
    [
      `淄博市 全市: 建设标准 ${city.aspects} 个方面、${city.functions} 项必设和推荐功能; ${city.surveyors} 名党员干部走访摸排; ${city.needCategories} 大类 ${city.needKinds} 项生活类服务需求; 经营主体 ${city.operators} 家, 生活配套项目 ${city.lifeServices} 个; 老旧小区微改造 ${city.microRenovationsOld} 个, 新建社区项目 ${city.projectsNew} 个`,
      ...city.agreements.map(
        (a) => `  ${a.name}: 一次性节省装修成本 ${a.renovation} 元, 每年节省运营费用 ${a.annual} 元`
      ),
      `阵地达标 facility standard: ${spaces.spaces} space(s), ${spaces.areaSquareMetres} m²; required functions ${spaces.requiredPresent}/${spaces.requiredTotal}, recommended ${spaces.recommendedPresent}/${spaces.recommendedTotal}, score ${spaces.score}; ${spaces.compliant ? "compliant" : `missing ${spaces.missingRequired.join(", ")}`}`,
      `运营方 operators: ${operators.operators}, ${operators.agreementsInForce} agreement(s) in force (revenue share ${operators.revenueShareBasisPoints.map((b) => `${b / 100}%`).join(", ")}); saved ${Spaces.yuan(operators.savedOnRenovation)} on renovation and ${Spaces.yuan(operators.savedEachYear)} a year`,
      `社区发展基金 fund: ${fund.entries} entries; revenue share ${Spaces.yuan(fund.revenueShare)}, donations ${Spaces.yuan(fund.donations)}, grants in ${Spaces.yuan(fund.grantsIn)}, spent ${Spaces.yuan(fund.spending)}; balance ${Spaces.yuan(fund.balance)}; audit findings ${fund.auditFindings}`,
      `  refused on purpose: ${fund.refused}`,
      `微改造 projects: ${projects.projects} (${projects.microRenovations} micro-renovations), overall progress ${projects.overallProgress}%`,
      ...projects.byProject.map(
        (p) =>
          `  ${p.id}: ${p.progress}% done, granted ${Spaces.yuan(p.granted)}, ${Spaces.yuan(p.remaining)} of the budget left`
      ),
      `需求清单 needs: ${needs.items} items, ${needs.kinds} kinds, ${needs.mentions} mentions; top ${needs.top.map((n) => `${n.kind} ${n.mentions}`).join(", ")}`,
      `report: ${r.file ?? "(not written)"}`
    ].join("\n")
  )
})

const exit = await Effect.runPromiseExit(main)
if (Exit.isFailure(exit)) {
  const error = Cause.squash(exit.cause)
  const message = error instanceof Error ? error.message : String(error)
  console.error(`zibo-spaces failed: ${message.split("\n")[0]}`)
  console.error(`  is MySQL/MariaDB running at ${url}? pass another URL as the first argument or set ZHILI_MYSQL_URL`)
  process.exitCode = 1
}
