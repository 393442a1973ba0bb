import { describe, expect, it } from "@effect/vitest"
import { Plugin, Post } from "@zhili/core"
import { Either } from "effect"

describe("post kinds registry (org.postKinds)", () => {
  it("composes the core default post kinds with a plugin's kind", () => {
    const core = Plugin.define({
      id: "core",
      version: "0.1.0",
      description: "core defaults",
      contributes: Post.defaultContributions
    })
    const city = Plugin.define({
      id: "my-city",
      version: "1.0.0",
      description: "night watch",
      contributes: [
        Plugin.contribute(Post.postKindsPoint, [
          new Post.PostKindDefinition({ id: "my-city/night-watch", nameZh: "夜巡员", nameEn: "night watch" })
        ])
      ]
    })
    const composed = Plugin.compose([core, city], [Post.postKindsPoint], { coreVersion: "0.1.0" })
    if (Either.isLeft(composed)) throw new Error(composed.left.message)
    const kinds = Post.kindsFromPlugins(composed.right)
    expect(Object.keys(kinds).sort()).toEqual([...Object.keys(Post.defaultKindRegistry), "my-city/night-watch"].sort())
    expect(kinds["grid-leader"]?.nameZh).toBe("网格长")
  })
  it("rejects a malformed post kind id with its path", () => {
    expect(() => new Post.PostKindDefinition({ id: "Night Watch", nameZh: "夜巡员", nameEn: "night watch" })).toThrow(
      /post kind/
    )
  })
})
