import { exampleConfig } from "../tsup.example.js"

// `effect` and the PostgreSQL driver are this package's dependencies; the other engines' drivers stay out.
export default exampleConfig({
  entry: ["src/main.ts"],
  tsconfig: "tsconfig.src.json",
  external: ["@effect/sql-mysql2", "@effect/sql-sqlite-node"]
})
