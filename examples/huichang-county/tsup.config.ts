import { defineConfig } from "tsup"

// The example is bundled with the zhili packages it uses, from their sources (the `@zhili/source` condition), so
// `pnpm start` needs no build of the workspace packages. `effect` and the PostgreSQL driver stay external: they are
// this package's own dependencies, loaded from its node_modules.
export default defineConfig({
  entry: ["src/main.ts"],
  format: ["esm"],
  target: "node20",
  platform: "node",
  tsconfig: "tsconfig.src.json",
  dts: false,
  sourcemap: true,
  clean: true,
  noExternal: [/^@zhili\//],
  // the drivers of the other engines: loaded by `@zhili/store-sql` only when their layer is built, never here
  external: ["@effect/sql-mysql2", "@effect/sql-sqlite-node"],
  esbuildOptions: (options) => {
    options.conditions = ["@zhili/source"]
  }
})
