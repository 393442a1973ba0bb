import { defineConfig, type Options } from "tsup"

/**
 * The build every example shares: the @zhili/* packages are bundled from their sources (the `@zhili/source`
 * condition), so `pnpm start` needs no build of the workspace packages; third-party dependencies stay external and
 * are the example's own dependencies. `external` adds what must never be bundled (the other engines' drivers, which
 * `@zhili/store-sql` loads only when their layer is built; test-only packages reached through `@zhili/testing`).
 */
export const exampleConfig = (options: { readonly entry: Array<string>; readonly external: Array<string> } & Options) =>
  defineConfig({
    format: ["esm"],
    target: "node20",
    platform: "node",
    dts: false,
    sourcemap: true,
    clean: true,
    noExternal: [/^@zhili\//],
    ...options,
    esbuildOptions: (o) => {
      o.conditions = ["@zhili/source"]
    }
  })
