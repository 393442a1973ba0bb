import { exampleConfig } from "../tsup.example.js"

// The seed fixtures come from @zhili/testing; its `sideEffects: []` lets esbuild keep only them.
export default exampleConfig({
  entry: ["src/index.ts", "src/main.ts"],
  splitting: true,
  external: ["vitest", "@effect/vitest", "fast-check", "@effect/sql-pg", "@effect/sql-mysql2"]
})
