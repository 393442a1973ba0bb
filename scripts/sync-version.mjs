// Writes each package's src/version.ts from its package.json; run after `changeset version`.
import { readFileSync, writeFileSync } from "node:fs"

const targets = [
  { dir: "core", pattern: /coreVersion: string = "[^"]*"/, make: (v) => `coreVersion: string = "${v}"` },
  { dir: "calendar-cn", pattern: /version: string = "[^"]*"/, make: (v) => `version: string = "${v}"` },
  { dir: "report", pattern: /version: string = "[^"]*"/, make: (v) => `version: string = "${v}"` },
  { dir: "report-xlsx", pattern: /version: string = "[^"]*"/, make: (v) => `version: string = "${v}"` },
  { dir: "policy-packs", pattern: /version: string = "[^"]*"/, make: (v) => `version: string = "${v}"` },
  { dir: "cli", pattern: /version: string = "[^"]*"/, make: (v) => `version: string = "${v}"` }
]

for (const { dir, make, pattern } of targets) {
  const file = new URL(`../packages/${dir}/src/version.ts`, import.meta.url)
  const { name, version } = JSON.parse(
    readFileSync(new URL(`../packages/${dir}/package.json`, import.meta.url), "utf8")
  )
  writeFileSync(file, readFileSync(file, "utf8").replace(pattern, make(version)))
  console.log(`${name} version ${version} written to src/version.ts`)
}
