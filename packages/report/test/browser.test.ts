/**
 * Opens the HTML report in headless Chromium (Debian's `chromium`, driven by playwright-core) and checks what a
 * reader sees: the figures, and the charts drawn as SVG with their series, on a desktop and a phone-width
 * viewport. Screenshots go to `test-artifacts/` at the repository root.
 *
 * Without `/usr/bin/chromium` the test is skipped with a printed reason, except in CI (`CI` set), where a missing
 * browser fails the run.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs"
import { dirname, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { assert, describe, it } from "@effect/vitest"
import { Report } from "@zhili/core"
import { Html } from "@zhili/report"
import { ReportSample } from "@zhili/testing"
import { chromium } from "playwright-core"

const executablePath = process.env.ZHILI_CHROMIUM ?? "/usr/bin/chromium"
const available = existsSync(executablePath)
const inCi = process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false"
const artifacts = resolve(dirname(fileURLToPath(import.meta.url)), "../../../test-artifacts")

if (!available) {
  console.warn(
    `[browser test] skipped: no Chromium at ${executablePath} (install it with \`apt-get install -y chromium\` or set ZHILI_CHROMIUM)`
  )
}

describe("HTML report in a real browser", () => {
  if (!available && inCi) {
    it("has Chromium installed in CI", () => {
      assert.fail(`CI is set but ${executablePath} does not exist: install Debian's chromium before the tests`)
    })
  }

  const viewports = [
    { name: "desktop", width: 1280, height: 900, visible: ".wide" },
    { name: "phone", width: 390, height: 844, visible: ".narrow" }
  ] as const

  for (const viewport of viewports) {
    it.skipIf(!available)(`shows the figures and draws every chart (${viewport.name})`, async () => {
      const report = ReportSample.document()
      const html = Html.toHtml(report)
      mkdirSync(artifacts, { recursive: true })
      const file = resolve(artifacts, `report-${viewport.name}.html`)
      writeFileSync(file, html)
      const browser = await chromium.launch({
        executablePath,
        args: [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync"
        ]
      })
      try {
        const page = await browser.newPage({ viewport: { width: viewport.width, height: viewport.height } })
        const requests: Array<string> = []
        page.on("request", (r) => {
          if (!r.url().startsWith("file:")) requests.push(r.url())
        })
        await page.goto(`file://${file}`)
        // biome-ignore lint/performance/useDomNodeTextContent: innerText is what a reader sees (hidden text excluded)
        const body = await page.locator("body").innerText()
        for (const section of report.sections) {
          assert.include(body, section.title)
          for (const figure of section.figures) {
            assert.include(body, figure.label)
            assert.include(body, Report.formatValue(figure.value, figure.kind))
          }
        }
        const charts = report.sections.flatMap((s) => s.series)
        const shown = await page.$$eval(`figure.chart ${viewport.visible}`, (els) =>
          els.map((el) => {
            const svg = el.querySelector("svg")
            const box = svg?.getBoundingClientRect()
            return {
              width: box?.width ?? 0,
              height: box?.height ?? 0,
              paths: svg?.querySelectorAll("path").length ?? 0,
              text: Array.from(svg?.querySelectorAll("text") ?? []).map((t) => t.textContent ?? "")
            }
          })
        )
        assert.strictEqual(shown.length, charts.length)
        charts.forEach((series, i) => {
          const chart = shown[i]
          assert.isDefined(chart)
          assert.isAbove(chart?.width ?? 0, 200, `chart ${series.id} is drawn with a width`)
          assert.isAbove(chart?.height ?? 0, 100, `chart ${series.id} is drawn with a height`)
          assert.isAbove(chart?.paths ?? 0, series.kind === "pie" ? 1 : series.categories.length - 1)
          const names = series.kind === "pie" ? series.categories : series.data.map((d) => d.name)
          for (const name of names)
            assert.isTrue(
              chart?.text.some((t) => t.includes(name)),
              `legend shows ${name}`
            )
        })
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        assert.isAtMost(overflow, 0, "the page does not scroll sideways")
        assert.deepStrictEqual(requests, [], "the page loads nothing from the network")
        await page.screenshot({ path: resolve(artifacts, `report-${viewport.name}.png`), fullPage: true })
      } finally {
        await browser.close()
      }
    })
  }
})
