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

const projects: Array<TestProjectConfiguration> = [
  project("core", "./packages/core"),
  project("testing", "./packages/testing"),
  project("store-sql", "./packages/store-sql"),
  project("report", "./packages/report"),
  project("report-xlsx", "./packages/report-xlsx"),
  project("calendar-cn", "./packages/calendar-cn"),
  project("interop", "./packages/interop"),
  project("policy-packs", "./packages/policy-packs"),
  project("docs", "./docs"),
  project("cli", "./packages/cli"),
  project("example-jinxiu-huajing", "./examples/jinxiu-huajing"),
  project("example-huichang-county", "./examples/huichang-county"),
  project("example-zibo-spaces", "./examples/zibo-spaces")
]

export default projects
