/**
 * Privacy leak check: the seed compound's residents get known identity numbers, phones and children's names; every
 * core section builder reports over them, a host-built resident table shows them through `Report.masked`, and every
 * renderer (@zhili/report: Markdown, HTML, CSV, JSON; @zhili/report-xlsx) renders the document while every log line
 * the library writes is captured. None of the raw values may appear in any output, unless a disclosure names the
 * field (then exactly that field appears).
 */
import { assert, describe, it } from "@effect/vitest"
import {
  GridReport,
  Labels,
  LocalDate,
  OrgReport,
  Privacy,
  Report,
  Reporter,
  type Resident,
  SectionBuilder
} from "@zhili/core"
import { reporters } from "@zhili/report"
import { Xlsx } from "@zhili/report-xlsx"
import { JinxiuHuajing } from "@zhili/testing"
import { DateTime, Effect, Either, HashMap, List, Logger, LogLevel, Redacted } from "effect"
import ExcelJS from "exceljs"

const compound = JinxiuHuajing.compound()
const raw = (r: Redacted.Redacted<string> | undefined) => (r === undefined ? undefined : Redacted.value(r))
const isChild = (birth: LocalDate.LocalDate) => LocalDate.ageInYears(birth, compound.asOf) < Privacy.minorAgeThreshold

const secrets = {
  idNumber: compound.residents.flatMap((r) => raw(r.idNumber) ?? []),
  phone: compound.residents.flatMap((r) => raw(r.phone) ?? []),
  minor: compound.residents.filter((r) => isChild(r.birthDate)).map((r) => raw(r.name) as string)
}
// names of two characters or fewer also occur as parts of longer names and labels; test the distinctive ones
const childNames = [...new Set(secrets.minor)].filter((n) => n.length >= 3)

type Records = GridReport.Records & OrgReport.Records & { readonly residents: ReadonlyArray<Resident.Resident> }
const residentTable = SectionBuilder.make<Records>({
  id: "test/residents",
  labels: Labels.make({}),
  sources: (r) => [{ kind: "residents", count: r.residents.length }],
  build: (r, context) =>
    Report.section({
      id: "test/residents",
      title: "居民名册",
      tables: [
        new Report.Table({
          id: "residents",
          title: "居民",
          columns: [
            new Report.Column({ id: "name", label: "姓名", type: "masked" }),
            new Report.Column({ id: "idNumber", label: "身份证号", type: "masked" }),
            new Report.Column({ id: "phone", label: "电话", type: "masked" })
          ],
          rows: r.residents.map((x) => [
            Report.masked(x.name, isChild(x.birthDate) ? "minor" : "name", context.disclosure),
            x.idNumber === undefined ? null : Report.masked(x.idNumber, "idNumber", context.disclosure),
            x.phone === undefined ? null : Report.masked(x.phone, "phone", context.disclosure)
          ])
        })
      ]
    })
})

const registry = Either.getOrThrow(
  SectionBuilder.register<Records>(
    SectionBuilder.empty,
    OrgReport.section(),
    GridReport.structure,
    GridReport.visits,
    residentTable
  )
)
const documentWith = (disclosure?: Privacy.Disclosure) =>
  Either.getOrThrow(
    SectionBuilder.build(
      new SectionBuilder.ReportSpec({
        title: "锦绣华景小区治理报表",
        period: new Report.Period(compound.period),
        scope: new Report.ScopeRef({ label: "新越社区锦绣华景小区", division: "440881002" }),
        locale: "zh-CN",
        generatedAt: DateTime.unsafeMake("2025-01-06T02:00:00Z"),
        ...(disclosure === undefined ? {} : { disclosure })
      }),
      compound,
      registry
    )
  )

/** Every text a renderer produced: text files decoded, workbooks read cell by cell. */
const texts = (files: ReadonlyArray<Reporter.Artifact>) =>
  Effect.forEach(files, (f) =>
    f.name.endsWith(".xlsx")
      ? Effect.promise(async () => {
          const wb = new ExcelJS.Workbook()
          await wb.xlsx.load(f.bytes as unknown as ArrayBuffer)
          const out: Array<string> = []
          wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => out.push(String(cell.text)))))
          return out.join("\n")
        })
      : Effect.succeed(new TextDecoder().decode(f.bytes))
  )

/** Renders with every reporter, capturing every log line the library writes at any level. */
const renderCapturing = (document: Report.ReportDocument) => {
  const lines: Array<string> = []
  const capture = Logger.make(({ annotations, message, spans }) => {
    lines.push(JSON.stringify({ message, annotations: HashMap.toEntries(annotations), spans: List.toArray(spans) }))
  })
  return Reporter.renderAll(document, [...reporters, Xlsx.reporter]).pipe(
    Effect.flatMap(texts),
    Effect.map((outputs) => ({ outputs, logs: lines.join("\n") })),
    Effect.provide(Logger.replace(Logger.defaultLogger, capture)),
    Logger.withMinimumLogLevel(LogLevel.All)
  )
}

/** The needles found in the text: digit runs and CJK runs are scanned once and looked up in a set (bounded work). */
const leaks = (haystack: string, needles: ReadonlyArray<string>) => {
  const set = new Set(needles)
  const found = new Set<string>()
  for (const m of haystack.matchAll(/\d{11}(?:\d{6}[\dX])?/g)) {
    if (set.has(m[0])) found.add(m[0])
    if (set.has(m[0].slice(0, 11))) found.add(m[0].slice(0, 11))
  }
  for (const m of haystack.matchAll(/[\u4e00-\u9fff]{2,}/g))
    for (let i = 0; i < m[0].length; i++)
      for (const len of [3, 4]) if (set.has(m[0].slice(i, i + len))) found.add(m[0].slice(i, i + len))
  return [...found]
}

describe("privacy: nothing sensitive leaves through a renderer or a log line", () => {
  it("has sensitive values to look for", () => {
    assert.isAbove(secrets.idNumber.length, 1000)
    assert.isAbove(secrets.phone.length, 1000)
    assert.isAbove(childNames.length, 50)
  })

  it.effect("masks identity numbers, phones and children's names in every format and every log line", () =>
    Effect.gen(function* () {
      const { logs, outputs } = yield* renderCapturing(documentWith())
      assert.isAtLeast(outputs.length, 5)
      const all = [...outputs, logs, JSON.stringify(documentWith()), String(documentWith())].join("\n\u0000\n")
      assert.include(all, "居民名册") // the resident table was rendered
      assert.deepStrictEqual(leaks(all, secrets.idNumber), [])
      assert.deepStrictEqual(leaks(all, secrets.phone), [])
      assert.deepStrictEqual(leaks(all, childNames), [])
    })
  )
})
