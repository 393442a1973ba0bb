import { assert, describe, it } from "@effect/vitest"
import { Report } from "@zhili/core"
import { Charts, Csv, Html, Json, Markdown } from "@zhili/report"
import { ReportSample } from "@zhili/testing"
import { Effect, Schema } from "effect"
import * as fc from "fast-check"

const decoder = new TextDecoder("utf-8", { ignoreBOM: true })

/** A small RFC 4180 reader, to check the writer against (quoted fields, doubled quotes, CRLF records). */
const parseCsv = (text: string): Array<Array<string>> => {
  const rows: Array<Array<string>> = []
  let row: Array<string> = []
  let field = ""
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ",") {
      row.push(field)
      field = ""
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field)
      rows.push(row)
      row = []
      field = ""
      i++
    } else field += c
  }
  return rows
}

describe("CSV", () => {
  it.effect("writes one UTF-8 file with BOM per table, plus report.csv and figures.csv", () =>
    Effect.gen(function* () {
      const document = ReportSample.document()
      const files = yield* Csv.reporter.render(document)
      const tables = document.sections.flatMap((s) => s.tables)
      assert.strictEqual(files.length, tables.length + 2)
      for (const f of files) assert.deepStrictEqual([...f.bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], f.name)
      const contacts = files.find((f) => f.name === "sample-disputes.contacts.csv")
      assert.isDefined(contacts)
      const rows = parseCsv(decoder.decode(contacts?.bytes).slice(1))
      assert.deepStrictEqual(rows[1], ["微网格长", "王**", "440881********0028", "139****5678", "***", "2024-03-01"])
    })
  )

  it("quotes by RFC 4180 so that any text reads back unchanged (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: "binary" }), { minLength: 1, maxLength: 5 }), { maxLength: 5 }),
        (rows) => {
          const safe = rows.map((r) => r.map((s) => s.replace(/^[=+\-@]/, "x")))
          const back = parseCsv(Csv.toCsv(safe))
          return JSON.stringify(back) === JSON.stringify(safe)
        }
      )
    )
  })

  it("keeps spreadsheet formulas from running", () => {
    assert.strictEqual(Csv.field("=1+2"), "'=1+2")
    assert.strictEqual(Csv.field('say "hi", then'), '"say ""hi"", then"')
  })
})

describe("JSON", () => {
  it("decodes back to the same document", () => {
    const document = ReportSample.document({ locale: "en" })
    const back = Schema.decodeUnknownSync(Report.ReportDocument)(JSON.parse(Json.toJson(document)))
    assert.deepStrictEqual(
      Schema.encodeSync(Report.ReportDocument)(back),
      Schema.encodeSync(Report.ReportDocument)(document)
    )
  })
})

describe("Markdown", () => {
  it("escapes table cells so a pipe or a line break cannot break a table", () => {
    const document = ReportSample.document()
    const evil = new Report.ReportDocument({
      ...document,
      sections: [
        Report.section({
          id: "x",
          title: "x",
          tables: [
            new Report.Table({
              id: "t",
              title: "t",
              columns: [new Report.Column({ id: "a", label: "a", type: "text" })],
              rows: [["a|b\nc"]]
            })
          ]
        })
      ]
    })
    assert.include(Markdown.toMarkdown(evil), "| a\\|b c |")
  })
})

describe("HTML", () => {
  it("is self-contained: no script, no external reference", () => {
    const html = Html.toHtml(ReportSample.document())
    assert.notMatch(html, /<script/i)
    assert.notMatch(html, /(src|href)="(https?:)?\/\//i)
    assert.notMatch(html, /@import|url\((?!#)/i) // only fragment references inside the page
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1])
    assert.strictEqual(new Set(ids).size, ids.length, "element ids are unique across charts")
    assert.match(html, /<meta name="viewport"/)
  })

  it("escapes text so a title cannot inject markup", () => {
    const document = ReportSample.document()
    const html = Html.toHtml(new Report.ReportDocument({ ...document, title: '<img src=x onerror="alert(1)">' }))
    assert.notInclude(html, "<img src=x")
    assert.include(html, "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;")
  })

  it("draws each chart kind as SVG with the series names", () => {
    for (const series of ReportSample.document().sections.flatMap((s) => s.series)) {
      const svg = Charts.toSvg(series)
      assert.match(svg, /^<svg[^>]+viewBox="0 0 640 360"/)
      const names = series.kind === "pie" ? series.categories : series.data.map((d) => d.name)
      for (const name of names) assert.include(svg, name)
    }
  })
})
