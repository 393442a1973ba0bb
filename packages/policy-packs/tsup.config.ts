import { defineConfig } from "tsup"

export default defineConfig({
  entry: ["src/index.ts", "src/BeijingHotline.ts", "src/LianjiangCompound.ts", "src/DigitalUrbanManagement.ts"],
  format: ["esm"],
  target: "node20",
  platform: "node",
  tsconfig: "tsconfig.build.json",
  dts: false,
  sourcemap: true,
  clean: true,
  splitting: true
})
