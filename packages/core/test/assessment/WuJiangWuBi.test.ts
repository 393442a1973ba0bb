import { describe, expect, it } from "@effect/vitest"
import { Assessment, CorePlugin, IndicatorSystem, Plugin, Runtime } from "@zhili/core"
import { Either } from "effect"
import * as fc from "fast-check"

// the seed (Huichang): 持续在机关单位开展"讲政治、比忠诚、讲学习、比能力、讲协作、比团结、讲执行、比担当、讲规矩、比作风""五讲五比"活动
const seedItems = ["讲政治", "比忠诚", "讲学习", "比能力", "讲协作", "比团结", "讲执行", "比担当", "讲规矩", "比作风"]

const system = IndicatorSystem.wuJiangWuBi
const ids = IndicatorSystem.leaves(system).map((l) => l.leaf.id)
const inputs = (levels: ReadonlyArray<number>) =>
  new Assessment.RawInputs({ values: Object.fromEntries(ids.map((id, i) => [id, levels[i] ?? 1])) })

describe("IndicatorSystem.wuJiangWuBi (五讲五比)", () => {
  it("has the seed's ten items, in its order, as the leaves of five pairs", () => {
    expect(IndicatorSystem.wuJiangWuBiItems.map((i) => i.nameZh)).toEqual(seedItems)
    expect(IndicatorSystem.leaves(system).map((l) => l.leaf.name)).toEqual(seedItems)
    expect(system.indicators.map((g) => g.name)).toEqual([
      "讲政治、比忠诚",
      "讲学习、比能力",
      "讲协作、比团结",
      "讲执行、比担当",
      "讲规矩、比作风"
    ])
    expect(system.name).toBe("五讲五比")
    expect(system.fullMarks).toBe(100)
    for (const l of IndicatorSystem.leaves(system)) expect(l.maxPoints).toBeCloseTo(10, 9)
  })
  it("decodes from its own JSON through IndicatorSystem.make (weights sum to 1 at every level)", () => {
    const r = IndicatorSystem.make(JSON.parse(JSON.stringify(system)))
    expect(Either.isRight(r)).toBe(true)
  })
  it("scores 100 at the top level of every item, 0 at the bottom, and the points of each level by hand", () => {
    expect(Assessment.score(system, inputs(Array(10).fill(5))).total).toBe(100)
    expect(Assessment.score(system, inputs(Array(10).fill(1))).total).toBe(0)
    // 比作风 at level 3 (half of its 10 points) and 讲学习 at level 4 (7.5 of 10): 100 − 5 − 2.5
    const sheet = Assessment.score(system, inputs([5, 5, 4, 5, 5, 5, 5, 5, 5, 3]))
    expect(sheet.total).toBe(92.5)
    expect(sheet.lines.filter((l) => l.kind === "group").map((l) => [l.name, l.points])).toEqual([
      ["讲政治、比忠诚", 20],
      ["讲学习、比能力", 17.5],
      ["讲协作、比团结", 20],
      ["讲执行、比担当", 20],
      ["讲规矩、比作风", 15]
    ])
  })
  it("reports an item not appraised, by its Chinese name, and scores it 0", () => {
    const partial = new Assessment.RawInputs({
      values: Object.fromEntries(ids.filter((id) => id !== "compare-unity").map((id) => [id, 5]))
    })
    const sheet = Assessment.score(system, partial)
    expect(sheet.total).toBe(90)
    expect(sheet.findings.map((f) => [f.code, f.path])).toEqual([
      ["assessment/missing-input", ["values", "compare-unity"]]
    ])
    expect(sheet.findings[0]?.message).toMatch(/^比团结/)
  })
  it("never scores less when one item is appraised a level higher", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 10, maxLength: 10 }),
        fc.integer({ min: 0, max: 9 }),
        (levels, i) => {
          const up = levels.map((l, j) => (j === i ? Math.min(5, l + 1) : l))
          const before = Assessment.score(system, inputs(levels)).total
          const after = Assessment.score(system, inputs(up)).total
          expect(after).toBeGreaterThanOrEqual(before)
          expect(before).toBeGreaterThanOrEqual(0)
          expect(after).toBeLessThanOrEqual(100)
        }
      )
    )
  })
  it("is contributed by the core pack, and a host plugin can replace it", () => {
    const core = Either.getOrThrow(Plugin.compose([CorePlugin.plugin], CorePlugin.points))
    const policies = Either.getOrThrow(Runtime.policiesFrom(core))
    expect(policies.indicatorSystems.get("wu-jiang-wu-bi")?.name).toBe("五讲五比")
    const replaced = new IndicatorSystem.IndicatorSystem({ ...system, name: "五讲五比（本市）" })
    const host = Plugin.define({
      id: "my-city",
      version: "1.0.0",
      description: "my city's own 五讲五比",
      requires: { plugins: { core: "0.x" } },
      contributes: [Plugin.contribute(IndicatorSystem.systemsPoint, [replaced], { override: true })]
    })
    const withHost = Either.getOrThrow(Plugin.compose([CorePlugin.plugin, host], CorePlugin.points))
    expect(Either.getOrThrow(Runtime.policiesFrom(withHost)).indicatorSystems.get("wu-jiang-wu-bi")?.name).toBe(
      "五讲五比（本市）"
    )
  })
})
