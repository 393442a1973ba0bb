import { defineConfig } from "tsup"

export default defineConfig({
  entry: ["src/index.ts", "src/bin.ts"],
  format: ["esm"],
  target: "node20",
  platform: "node",
  tsconfig: "tsconfig.build.json",
  dts: false,
  sourcemap: true,
  clean: true,
  splitting: true,
  // The demo's fixture is bundled from @zhili/testing's sources: that package is a test helper (it imports vitest)
  // and is not a runtime dependency of the CLI. Its `sideEffects: []` lets esbuild keep only the fixture.
  noExternal: ["@zhili/testing"],
  // the test runner that @zhili/testing's suites import is never reached from the fixture: left out, so its
  // lazily-loaded parts are not emitted as unused chunks
  external: ["vitest", "@effect/vitest"],
  esbuildOptions: (options) => {
    options.conditions = ["@zhili/source"]
  }
})
