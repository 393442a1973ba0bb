// Writes packages/core/src/version.ts from packages/core/package.json; run after `changeset version`.
import { readFileSync, writeFileSync } from "node:fs"

const file = new URL("../packages/core/src/version.ts", import.meta.url)
const { version } = JSON.parse(readFileSync(new URL("../packages/core/package.json", import.meta.url), "utf8"))
const source = readFileSync(file, "utf8").replace(/coreVersion: string = "[^"]*"/, `coreVersion: string = "${version}"`)
writeFileSync(file, source)
console.log(`@zhili/core version ${version} written to src/version.ts`)
