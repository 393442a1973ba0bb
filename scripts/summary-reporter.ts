/**
 * A vitest reporter that ends every run with one plain line, `tests: N passed, N failed, N skipped`, so CI logs
 * state the outcome in a form any reader (or log scraper) understands; with `ZHILI_TEST_SUMMARY=file` it also
 * appends the three numbers to that file, which `.ci/run` sums for its last line. Skipped suites print their
 * reason themselves.
 */
import { appendFileSync } from "node:fs"
import type { Reporter, TestModule } from "vitest/node"

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0
    let failed = 0
    let skipped = 0
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state
        if (state === "passed") passed++
        else if (state === "failed") failed++
        else skipped++
      }
    }
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`)
    const file = process.env.ZHILI_TEST_SUMMARY
    if (file !== undefined && file !== "") appendFileSync(file, `${passed} ${failed} ${skipped}\n`)
  }
}
