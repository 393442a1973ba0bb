import * as fs from "node:fs/promises"
import * as os from "node:os"
import * as path from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { Files } from "@zhili/cli"
import { Effect, Either } from "effect"
import ExcelJS from "exceljs"

const tmp = () => fs.mkdtemp(path.join(os.tmpdir(), "zhili-files-"))

describe("Files.read", () => {
  it.effect("reads UTF-8 CSV with a BOM and Chinese headers", () =>
    Effect.gen(function* () {
      const dir = yield* Effect.promise(tmp)
      const file = path.join(dir, "h.csv")
      yield* Effect.promise(() => fs.writeFile(file, '\uFEFF编号,社区代码,楼栋,房号\nh1,440881002001,b1,"1-101"\n\n'))
      const table = yield* Files.read(file)
      expect(table.headers).toEqual(["编号", "社区代码", "楼栋", "房号"])
      expect(table.rows).toEqual([{ 编号: "h1", 社区代码: "440881002001", 楼栋: "b1", 房号: "1-101" }])
    })
  )

  it.effect("reads the first sheet of an XLSX workbook", () =>
    Effect.gen(function* () {
      const dir = yield* Effect.promise(tmp)
      const file = path.join(dir, "b.xlsx")
      const wb = new ExcelJS.Workbook()
      const ws = wb.addWorksheet("楼栋")
      ws.addRow(["楼栋编号", "社区代码", "所属社区", "楼栋名称"])
      ws.addRow(["b1", "440881002001", "440881002001", "1栋"])
      ws.addRow([])
      yield* Effect.promise(() => wb.xlsx.writeFile(file))
      const table = yield* Files.read(file)
      expect(table.headers).toEqual(["楼栋编号", "社区代码", "所属社区", "楼栋名称"])
      expect(table.rows).toEqual([
        { 楼栋编号: "b1", 社区代码: "440881002001", 所属社区: "440881002001", 楼栋名称: "1栋" }
      ])
    })
  )

  it.effect("fails with the file, the reason and a fix", () =>
    Effect.gen(function* () {
      const dir = yield* Effect.promise(tmp)
      const missing = yield* Effect.either(Files.read(path.join(dir, "nope.csv")))
      assertFileError(missing, "no such file")
      const ragged = path.join(dir, "r.csv")
      yield* Effect.promise(() => fs.writeFile(ragged, "a,b\n1,2,3\n"))
      assertFileError(yield* Effect.either(Files.read(ragged)), "")
      const bad = path.join(dir, "x.xlsx")
      yield* Effect.promise(() => fs.writeFile(bad, "not a workbook"))
      assertFileError(yield* Effect.either(Files.read(bad)), "")
    })
  )
})

const assertFileError = (result: Either.Either<unknown, Files.FileError>, reason: string) => {
  expect(Either.isLeft(result)).toBe(true)
  if (Either.isLeft(result)) {
    expect(result.left._tag).toBe("FileError")
    expect(result.left.reason).toContain(reason)
    expect(result.left.fix.length).toBeGreaterThan(0)
  }
}
