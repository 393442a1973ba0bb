import { describe, expect, it } from "@effect/vitest"
import { Decode, LocalDate, Post } from "@zhili/core"
import { Either, Schema } from "effect"

const on = LocalDate.make(2025, 6, 1)
const post = (id: string, kind: string, termYears?: number) =>
  Schema.decodeSync(Post.Post)({
    id,
    tenant: "440881002006",
    kind,
    unit: "u1",
    ...(termYears === undefined ? {} : { termYears })
  })
const hold = (postId: string, person: string, start: string, more: { end?: string; termEnd?: string } = {}) =>
  Schema.decodeSync(Post.Holding)({
    id: `h-${postId}-${person}`,
    tenant: "440881002006",
    post: postId,
    person,
    start,
    ...more
  })

describe("Post.coverage", () => {
  it("finds vacancies, including posts whose holder left", () => {
    const posts = [post("a", "mediator"), post("b", "social-worker"), post("c", "volunteer")]
    const holdings = [hold("a", "p1", "2024-01-01"), hold("b", "p2", "2024-01-01", { end: "2025-05-31" })]
    expect(Post.coverage(posts, holdings, on).map((f) => [f.code, f.path])).toEqual([
      ["post/vacant", ["posts", "b"]],
      ["post/vacant", ["posts", "c"]]
    ])
  })
  it("finds expired terms from termEnd or from the post's term length", () => {
    const posts = [post("a", "grid-leader", 3), post("b", "mediator"), post("c", "volunteer", 3)]
    const holdings = [
      hold("a", "p1", "2022-06-01"),
      hold("b", "p2", "2020-01-01", { termEnd: "2024-12-31" }),
      hold("c", "p3", "2022-06-02")
    ]
    expect(Post.coverage(posts, holdings, on).map((f) => f.path[1])).toEqual(["a", "b"])
  })
  it("finds incompatible posts held at once, and a same-kind rule limits a person to one", () => {
    const posts = [
      post("m", "mediator"),
      post("j", "judge-volunteer"),
      post("g1", "grid-leader"),
      post("g2", "grid-leader")
    ]
    const holdings = [
      hold("m", "p1", "2024-01-01"),
      hold("j", "p1", "2024-01-01"),
      hold("g1", "p2", "2024-01-01"),
      hold("g2", "p2", "2024-01-01")
    ]
    expect(Post.coverage(posts, holdings, on).map((f) => [f.code, f.path])).toEqual([
      ["post/incompatible", ["people", "p1"]]
    ])
    const policy = new Post.CoveragePolicy({ incompatible: [{ a: "grid-leader", b: "grid-leader", source: "host" }] })
    expect(Post.coverage(posts, holdings, on, policy).map((f) => f.path)).toEqual([["people", "p2"]])
  })
  it("two holders of a single-holder post at once is a finding; the latest is the one holderOn gives", () => {
    const hs = [hold("a", "p1", "2020-01-01"), hold("a", "p2", "2025-01-01")]
    expect(Post.holderOn("a" as never, hs, on)?.person).toBe("p2")
    const single = [post("a", "grid-leader")]
    expect(Post.coverage(single, hs, on).map((f) => [f.code, f.path.join(".")])).toEqual([
      ["post/over-held", "posts.a.holders"]
    ])
    // a post that takes two holders is fine with two, and the earlier holding ending clears the single one
    const shared = [new Post.Post({ ...post("a", "grid-leader"), holders: 2 })]
    expect(Post.coverage(shared, hs, on)).toEqual([])
    const handedOver = [hold("a", "p1", "2020-01-01", { end: "2024-12-31" }), hold("a", "p2", "2025-01-01")]
    expect(Post.coverage(single, handedOver, on)).toEqual([])
  })
  it("rejects a post attached to nothing, with a path", () => {
    const r = Decode.decodeEither(Post.Post)({ id: "x", tenant: "440881002006", kind: "mediator" })
    expect(Either.isLeft(r) && r.left.issues.map((i) => i.path)).toEqual([["unit"]])
    const json = Schema.encodeSync(Post.Post)(post("a", "grid-leader", 5))
    expect(Schema.decodeUnknownSync(Post.Post)(JSON.parse(JSON.stringify(json)))).toEqual(post("a", "grid-leader", 5))
  })
})
