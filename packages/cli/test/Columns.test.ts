import { describe, expect, it } from "@effect/vitest"
import { Columns } from "@zhili/cli"

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
    ).toEqual({
      id: "r1",
      tenant: "440881002001",
      household: "h1",
      name: "王伟",
      birthDate: "1950-03-01",
      sex: "male",
      tags: ["老年人", "党员"]
    })
    expect(Columns.toRaw("grid", { 层级: "微网格", 楼栋: "b1, b2" })).toEqual({
      level: "micro",
      buildings: ["b1", "b2"]
    })
  })
})
