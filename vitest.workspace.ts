/**
 * The one list of test projects. `vitest.config.ts` feeds it to `test.projects`.
 *
 * Every project resolves workspace packages through the `@zhili/source` export condition,
 * so tests run against `src/` without a build.
 */
import { defineProject, type TestProjectConfiguration } from "vitest/config"

const conditions = ["@zhili/source", "module", "node", "import", "default"]

const project = (name: string, root: string, extra: { readonly include?: ReadonlyArray<string> } = {}) =>
  defineProject({
    root,
    resolve: { conditions },
    ssr: { resolve: { conditions } },
    test: {
      name,
      include: [...(extra.include ?? ["test/**/*.test.ts"])],
      testTimeout: 60_000,
      hookTimeout: 120_000
    }
  })

/**
 * Projects that load better-sqlite3. Its 12.x addon aborts in Node 24's environment teardown
 * (`RemoveEnvironmentCleanupHook` assertion, WiseLibs/better-sqlite3 with Node 24), and 13.x does not run on Node 20,
 * so `.ci/run` runs these on Node 20 only: it sets `ZHILI_WITHOUT_BETTER_SQLITE3=1` for its Node 24 pass.
 */
const loadsBetterSqlite3 = new Set(["store-sql", "cli", "example-jinxiu-huajing"])

const all: Array<{ readonly name: string; readonly config: TestProjectConfiguration }> = [
  { name: "core", config: project("core", "./packages/core") },
  { name: "testing", config: project("testing", "./packages/testing") },
  { name: "store-sql", config: project("store-sql", "./packages/store-sql") },
  { name: "report", config: project("report", "./packages/report") },
  { name: "report-xlsx", config: project("report-xlsx", "./packages/report-xlsx") },
  { name: "calendar-cn", config: project("calendar-cn", "./packages/calendar-cn") },
  { name: "interop", config: project("interop", "./packages/interop") },
  { name: "policy-packs", config: project("policy-packs", "./packages/policy-packs") },
  { name: "docs", config: project("docs", "./docs") },
  { name: "cli", config: project("cli", "./packages/cli") },
  { name: "example-jinxiu-huajing", config: project("example-jinxiu-huajing", "./examples/jinxiu-huajing") },
  { name: "example-huichang-county", config: project("example-huichang-county", "./examples/huichang-county") },
  { name: "example-zibo-spaces", config: project("example-zibo-spaces", "./examples/zibo-spaces") }
]

const projects: Array<TestProjectConfiguration> = all
  .filter((p) => process.env.ZHILI_WITHOUT_BETTER_SQLITE3 !== "1" || !loadsBetterSqlite3.has(p.name))
  .map((p) => p.config)

export default projects
