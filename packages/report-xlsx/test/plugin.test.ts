import { readFileSync } from "node:fs"
import { describe, expect, it } from "@effect/vitest"
import { CorePlugin, Reporter, Runtime } from "@zhili/core"
import * as ZhiliReport from "@zhili/report"
import * as ReportXlsx from "@zhili/report-xlsx"
import { ReportSample } from "@zhili/testing"
import { PluginSuite } from "@zhili/testing/suites"
import { Effect, Either } from "effect"

PluginSuite.suite(ReportXlsx.plugin, CorePlugin.points)

describe("@zhili/report-xlsx plugin", () => {
  it.effect("contributes the XLSX renderer under report-xlsx/xlsx, next to the report plugin's, and it renders", () =>
    Effect.gen(function* () {
      const policies = Either.getOrThrow(Runtime.make([CorePlugin.plugin, ZhiliReport.plugin, ReportXlsx.plugin]))
      expect([...policies.renderers.keys()]).toEqual([
        "report/markdown",
        "report/html",
        "report/csv",
        "report/json",
        "report-xlsx/xlsx"
      ])
      const xlsx = policies.renderers.get("report-xlsx/xlsx")
      expect(xlsx?.fileExtension).toBe("xlsx")
      if (xlsx === undefined) return
      const [file] = yield* Reporter.renderAll(ReportSample.document(), [xlsx])
      expect(file?.name.endsWith(".xlsx")).toBe(true)
      // an XLSX file is a ZIP archive: it starts with "PK"
      expect([...(file?.bytes.slice(0, 2) ?? [])]).toEqual([0x50, 0x4b])
    })
  )

  it("states the package version", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
    expect(ReportXlsx.plugin.version).toBe(pkg.version)
    expect(ReportXlsx.version).toBe(pkg.version)
  })
})
