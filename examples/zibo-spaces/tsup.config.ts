import { exampleConfig } from "../tsup.example.js"

// `effect` and the MySQL driver are this package's dependencies; the other engines' drivers stay out.
export default exampleConfig({
  entry: ["src/main.ts"],
  tsconfig: "tsconfig.src.json",
  external: ["@effect/sql-pg", "@effect/sql-sqlite-node"]
})
