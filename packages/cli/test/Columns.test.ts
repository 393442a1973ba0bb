import { describe, expect, it } from "@effect/vitest"
import { Columns } from "@zhili/cli"
import { Either } from "effect"

const right = <A, E>(e: Either.Either<A, E>): A => {
  if (Either.isLeft(e)) throw new Error(`expected a right, got ${String(e.left)}`)
  return e.right
}

describe("Columns", () => {
  it("detects each kind from Chinese headers", () => {
    expect(Columns.detect(["编号", "社区代码", "楼栋", "房号"])).toBe("household")
    expect(Columns.detect(["居民编号", "租户", "户编号", "姓名", "出生日期", "性别", "身份证号"])).toBe("resident")
    expect(Columns.detect(["楼栋编号", "社区代码", "所属社区", "楼栋名称"])).toBe("building")
    expect(Columns.detect(["网格编号", "社区代码", "层级", "网格名称", "网格代码", "所属社区"])).toBe("grid")
    expect(Columns.detect(["foo", "bar"])).toBeUndefined()
  })

  it("names the required columns a header row lacks", () => {
    expect(Columns.missing("household", ["编号", "社区代码"])).toEqual(["building (楼栋)", "room (房号)"])
    expect(Columns.missing("household", ["id", "tenant", "building", "room"])).toEqual([])
  })

  it("maps cells to the record's encoded fields, with Chinese values and lists", () => {
    expect(
      right(
        Columns.toRaw("resident", {
          " 居民编号 ": "r1",
          租户: "440881002001",
          户编号: "h1",
          姓名: "王伟",
          出生日期: "1950-03-01",
          性别: "男",
          标签: "老年人、党员",
          手机: ""
        })
      )
    ).toEqual({
      id: "r1",
      tenant: "440881002001",
      household: "h1",
      name: "王伟",
      birthDate: "1950-03-01",
      sex: "male",
      tags: ["老年人", "党员"]
    })
    expect(right(Columns.toRaw("grid", { 层级: "微网格", 楼栋: "b1, b2" }))).toEqual({
      level: "micro",
      buildings: ["b1", "b2"]
    })
  })

  it("refuses a header row that names a column twice, naming the header and both columns", () => {
    const same = Columns.reader("household", ["编号", "社区代码", "楼栋", " 编号 ", "房号"])
    expect(Either.isLeft(same)).toBe(true)
    if (Either.isLeft(same)) {
      expect(same.left._tag).toBe("DuplicateHeader")
      expect(same.left.message).toBe('header "编号" appears twice, in columns 1 and 4')
    }
    // case is ignored, as when headers are matched
    const cased = Columns.reader("household", ["ID", "tenant", "building", "room", "id"])
    expect(Either.isLeft(cased) && cased.left.message).toBe('header "ID" appears twice, in columns 1 and 5')
    // two spellings of one field: which cell counts is not knowable
    const aliases = Columns.reader("household", ["id", "tenant", "building", "room", "户编号"])
    expect(Either.isLeft(aliases) && aliases.left.message).toBe(
      'headers "id" (column 1) and "户编号" (column 5) both name the field id'
    )
    expect(
      Either.isLeft(Columns.toRaw("resident", { 手机: "13800000000", 联系电话: "13900000000" })) &&
        Columns.toRaw("resident", { 手机: "13800000000", 联系电话: "13900000000" }).pipe(Either.flip, Either.getOrThrow)
          .message
    ).toBe('headers "手机" (column 1) and "联系电话" (column 2) both name the field phone')
    // unknown columns repeated are refused too; empty headers are not compared
    expect(Columns.duplicate(["note", "id", "Note"])?.message).toBe('header "note" appears twice, in columns 1 and 3')
    expect(Columns.duplicate(["", "id", ""])).toBeUndefined()
    expect(Either.isRight(Columns.reader("household", ["编号", "社区代码", "楼栋", "房号"]))).toBe(true)
    // a first row of data taken for the header row: its phone and identity number are not repeated
    expect(Columns.duplicate(["王伟", "13800138000", "44088119620715042X", "13800138000"])?.message).toBe(
      "header (a header of 11 characters, not shown: it looks like data) appears twice, in columns 2 and 4"
    )
  })
})
