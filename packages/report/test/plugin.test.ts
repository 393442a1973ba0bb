import { readFileSync } from "node:fs"
import { describe, expect, it } from "@effect/vitest"
import { CorePlugin, Plugin, Reporter, Runtime } from "@zhili/core"
import * as ZhiliReport from "@zhili/report"
import { PluginSuite } from "@zhili/testing/suites"
import { Either } from "effect"

PluginSuite.suite(ZhiliReport.plugin, CorePlugin.points)

describe("@zhili/report plugin", () => {
  it("contributes every renderer under report/<format>, readable back from the runtime", () => {
    const policies = Either.getOrThrow(Runtime.make([CorePlugin.plugin, ZhiliReport.plugin]))
    expect([...policies.renderers.keys()]).toEqual(["report/markdown", "report/html", "report/csv", "report/json"])
    expect(policies.renderers.get("report/csv")?.fileExtension).toBe("csv")
    const registry = Either.getOrThrow(Plugin.compose([ZhiliReport.plugin], [Reporter.renderersPoint]))
    expect(registry.get(Reporter.renderersPoint, "report/markdown")?.render).toBe(ZhiliReport.Markdown.reporter.render)
  })

  it("states the package version", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
    expect(ZhiliReport.plugin.version).toBe(pkg.version)
  })
})
