import { defineConfig } from "tsup"

const common = {
  format: ["esm"],
  target: "node20",
  platform: "node",
  tsconfig: "tsconfig.build.json",
  dts: false,
  sourcemap: false,
  splitting: true,
  esbuildOptions: (options: { conditions?: Array<string> }) => {
    options.conditions = ["@zhili/source"]
  }
} as const

export default defineConfig([
  {
    ...common,
    // the library: its dependencies stay packages, shared with the application that imports it
    entry: ["src/index.ts"],
    clean: true,
    // The demo's fixture is bundled from @zhili/testing's sources: that package is a test helper, not a runtime
    // dependency of the CLI. Its `sideEffects: false` lets esbuild keep only the fixture.
    noExternal: ["@zhili/testing"],
    // the test runner of @zhili/testing/suites is never reached from the fixtures: left out
    external: ["vitest", "@effect/vitest"]
  },
  {
    ...common,
    // the `zhili` binary runs in its own process: its JavaScript dependencies are bundled (the database drivers
    // too, which the CLI does not depend on directly), so starting it reads a few files instead of resolving hundreds
    // of modules (Effect's among them). better-sqlite3 (native) and ExcelJS (CommonJS, loaded only by the commands
    // that use it) stay packages, both dependencies of the CLI; pg-native is pg's optional native binding
    entry: { bin: "src/bin.ts" },
    outDir: "dist/bin",
    noExternal: [/^(?!better-sqlite3$|exceljs$|pg-native$|vitest$|@effect\/vitest$).*/],
    // bundled CommonJS modules `require` Node's built-in modules
    banner: {
      js: 'import { createRequire as __zhiliRequire } from "node:module"; const require = __zhiliRequire(import.meta.url);'
    },
    external: ["better-sqlite3", "exceljs", "pg-native", "vitest", "@effect/vitest"]
  }
])
