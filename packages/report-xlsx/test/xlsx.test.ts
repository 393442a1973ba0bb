import { assert, describe, it } from "@effect/vitest"
import type { Report } from "@zhili/core"
import { Xlsx } from "@zhili/report-xlsx"
import { ReportSample } from "@zhili/testing"
import { ReporterSuite } from "@zhili/testing/suites"
import { Effect } from "effect"
import ExcelJS from "exceljs"
import * as fc from "fast-check"

const load = (bytes: Uint8Array) =>
  Effect.promise(async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
    return wb
  })

const text = (wb: ExcelJS.Workbook): string =>
  wb.worksheets
    .flatMap((ws) => {
      const out = [ws.name]
      ws.eachRow((row) => row.eachCell((cell) => out.push(cell.text, String(cell.value))))
      return out
    })
    .join("\n")

ReporterSuite.suite("xlsx", Xlsx.reporter, {
  text: (artifacts) =>
    Effect.forEach(artifacts, (a) => load(a.bytes).pipe(Effect.map(text))).pipe(Effect.map((t) => t.join("\n")))
})

describe("Xlsx workbook", () => {
  const render = (document: Report.ReportDocument) =>
    Xlsx.reporter
      .render(document)
      .pipe(Effect.flatMap(([file]) => (file === undefined ? Effect.die("no file") : load(file.bytes))))

  it.effect("has a summary sheet then one sheet per section, with frozen header rows", () =>
    Effect.gen(function* () {
      const document = ReportSample.document()
      const wb = yield* render(document)
      assert.strictEqual(wb.worksheets.length, document.sections.length + 1)
      document.sections.forEach((s, i) => {
        const ws = wb.worksheets[i + 1]
        assert.isDefined(ws)
        assert.include(ws?.name ?? "", s.title)
        assert.deepInclude(ws?.views[0], { state: "frozen", ySplit: 3 })
        assert.strictEqual(ws?.getRow(3).getCell(1).font?.bold, true)
      })
    })
  )

  it.effect("formats numbers by column type and keeps masked cells as text", () =>
    Effect.gen(function* () {
      const wb = yield* render(ReportSample.document())
      const cells: Array<ExcelJS.Cell> = []
      for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => cells.push(c)))
      const byValue = (v: unknown) => cells.find((c) => c.value === v)
      assert.strictEqual(byValue(4350)?.numFmt, "0")
      const rateLabel = cells.find((c) => c.value === "纠纷化解成功率")
      const rate = rateLabel === undefined ? undefined : rateLabel.worksheet.getRow(Number(rateLabel.row)).getCell(2)
      assert.strictEqual(rate?.value, 1)
      assert.strictEqual(rate?.numFmt, "0.0%")
      const phone = cells.find((c) => typeof c.value === "string" && c.value.includes("****"))
      assert.strictEqual(phone?.numFmt, "@")
      const date = cells.find((c) => c.value instanceof Date)
      assert.strictEqual(date?.numFmt, "yyyy-mm-dd")
      assert.strictEqual(date?.value instanceof Date ? date.value.toISOString().slice(0, 10) : "", "2024-03-01")
    })
  )
})

describe("Xlsx.sheetName", () => {
  it("keeps names valid, at most 31 characters and unique", () => {
    const taken = new Set<string>()
    const a = Xlsx.sheetName("敲门行动：走访户数/解决诉求 [2024] 年度统计报表之一二三四五六七八九十", taken)
    taken.add(a)
    const b = Xlsx.sheetName("敲门行动：走访户数/解决诉求 [2024] 年度统计报表之一二三四五六七八九十", taken)
    assert.isAtMost(Array.from(a).length, 31)
    assert.notMatch(a, /[[\]:*?/\\]/)
    assert.notStrictEqual(a, b)
    assert.isTrue(b.endsWith("~2"))
    assert.strictEqual(Xlsx.sheetName("  ''  ", new Set()), "Sheet")
  })
  it("gives valid unique names for any titles (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 60 }), { maxLength: 20 }), (titles) => {
        const taken = new Set<string>()
        for (const title of titles) {
          const name = Xlsx.sheetName(title, taken)
          if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) return false
          if ([...taken].some((n) => n.toLowerCase() === name.toLowerCase())) return false
          taken.add(name)
        }
        return true
      })
    )
  })
})
