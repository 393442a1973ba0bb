import { defineConfig } from "tsup"

// The example runs without building the workspace packages first: the @zhili/* packages are bundled from their
// sources (the `@zhili/source` condition), their third-party dependencies stay external and are this package's
// dependencies. The seed fixtures come from @zhili/testing; its `sideEffects: []` lets esbuild keep only them.
export default defineConfig({
  entry: ["src/index.ts", "src/main.ts"],
  format: ["esm"],
  target: "node20",
  platform: "node",
  dts: false,
  sourcemap: true,
  clean: true,
  splitting: true,
  noExternal: [/^@zhili\//],
  external: ["vitest", "@effect/vitest", "fast-check", "@effect/sql-pg", "@effect/sql-mysql2"],
  esbuildOptions: (options) => {
    options.conditions = ["@zhili/source"]
  }
})
