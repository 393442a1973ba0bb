import { describe, expect, it } from "@effect/vitest"
import { Building, Decode, Grid, Household, Ids, LocalDate, Membership, OrgUnit, Post } from "@zhili/core"
import { Either, Schema } from "effect"
import { C, grid } from "../fixtures/grids.js"

const building = (id: string, community = C) =>
  Schema.decodeSync(Building.Building)({ id, tenant: C, community, name: id })
const tree = [
  grid("L", "large", 1),
  grid("S1", "small", 2, "L"),
  grid("S2", "small", 3, "L"),
  grid("M1", "micro", 4, "S1", ["b1", "b2"]),
  grid("M2", "micro", 5, "S2", ["b3"])
]
const buildings = ["b1", "b2", "b3"].map((b) => building(b))

describe("Grid model", () => {
  it("decodes from and encodes to JSON; buildings default to none", () => {
    const json = { id: "L", tenant: C, level: "large", name: "大网格", code: `${C}001`, community: C }
    const g = Schema.decodeUnknownSync(Grid.Grid)(json)
    expect(g.buildings).toEqual([])
    expect(Schema.encodeSync(Grid.Grid)(g)).toEqual({ ...json, buildings: [] })
    expect(Schema.decodeUnknownSync(Grid.Grid)({ ...json, code: "440881002006009" }).code).toHaveLength(15)
  })
  it("rejects a bad level, code and community with their paths", () => {
    const r = Decode.decodeEither(Grid.Grid)({
      id: "x",
      tenant: C,
      level: "huge",
      name: "x",
      code: "12345",
      community: "440881002250"
    })
    expect(Either.isLeft(r) && [...new Set(r.left.issues.map((i) => i.path[0]))].sort()).toEqual([
      "code",
      "community",
      "level"
    ])
  })
})

describe("Grid.coverage", () => {
  it("finds nothing on a complete tree", () => {
    expect(Grid.coverage({ grids: tree, buildings, community: C })).toEqual([])
  })
  it("lists gaps and overlaps at the building level", () => {
    const grids = tree.map((g) =>
      g.id === "M2"
        ? new Grid.Grid({ ...g, buildings: Schema.decodeSync(Schema.Array(Ids.BuildingId))(["b2", "b9"]) })
        : g
    )
    expect(Grid.coverage({ grids, buildings }).map((f) => [f.code, f.path])).toEqual([
      ["grid/unknown-building", ["grids", "M2", "buildings", 1]],
      ["grid/overlapping-grids", ["buildings", "b2"]],
      ["grid/uncovered-building", ["buildings", "b3"]]
    ])
  })
  it("lists misplaced grids, unknown parents, empty grids, duplicate ids and codes", () => {
    const grids = [
      ...tree,
      grid("M3", "micro", 6, "L", ["b4"]),
      grid("S3", "small", 7, "nowhere"),
      grid("L2", "large", 8, "L"),
      grid("S1", "small", 9, "L"),
      grid("M4", "micro", 5, "S1", ["b5"]),
      grid("S4", "small", 10, "L", ["b6"])
    ]
    const bs = [...buildings, ...["b4", "b5", "b6"].map((b) => building(b))]
    expect(Grid.coverage({ grids, buildings: bs }).map((f) => [f.code, f.path[1]])).toEqual([
      ["grid/duplicate-grid", "S1"],
      ["grid/misplaced", "M3"],
      ["grid/unknown-parent", "S3"],
      ["grid/misplaced", "L2"],
      ["grid/duplicate-code", "M4"],
      ["grid/buildings-above-micro", "S4"],
      ["grid/uncovered-building", "b6"],
      ["grid/empty", "S3"],
      ["grid/empty", "L2"],
      ["grid/empty", "S4"]
    ])
  })
  it("checks that every grid and building lies in one community", () => {
    const grids = [...tree, grid("M9", "micro", 1, "S1", ["x"], { code: "440881002007011", community: "440881002007" })]
    const fs = Grid.coverage({ grids, buildings: [...buildings, building("x", "440881002008")], community: C })
    expect(fs.map((f) => [f.code, f.path[1]])).toEqual([
      ["grid/community-mismatch", "M9"],
      ["grid/community-mismatch", "M9"],
      ["grid/building-community", "M9"]
    ])
    // a 20-digit community grid code (CJ/T 349-2010) embeds the community at digits 7–18
    expect(
      Grid.coverage({ grids: [grid("L", "large", 1, undefined, [], { code: `100000${C}01` })], buildings: [] }).map(
        (f) => f.code
      )
    ).toEqual(["grid/empty"])
    const bad = [grid("L", "large", 1, undefined, [], { code: "440881002007001" })]
    expect(Grid.coverage({ grids: bad, buildings: [] }).map((f) => f.code)).toEqual([
      "grid/code-outside-community",
      "grid/empty"
    ])
  })
})

describe("Grid paths, locations and roll-ups", () => {
  it("computes a grid's path, a building's and a household's location", () => {
    expect(Grid.location(tree[3] as Grid.Grid, tree)).toEqual({ division: C, grid: ["L", "S1", "M1"] })
    expect(Building.location(buildings[2] as Building.Building, tree)).toEqual({ division: C, grid: ["L", "S2", "M2"] })
    expect(Building.location(building("lone"), tree)).toEqual({ division: C })
    const h = Schema.decodeSync(Household.Household)({ id: "h1", tenant: C, building: "b1", room: "1-101" })
    expect(Household.location(h, new Map(buildings.map((b) => [b.id, b])), tree)).toEqual({
      division: C,
      grid: ["L", "S1", "M1"]
    })
  })
  it("rolls per-grid figures up to every ancestor and the community", () => {
    const r = Grid.rollup(
      tree,
      new Map([
        ["M1", { n: 2 }],
        ["M2", { n: 3 }],
        ["S2", { n: 1 }]
      ]),
      ["n"]
    )
    expect(Object.fromEntries([...r.grids].map(([k, v]) => [k, v.n]))).toEqual({ L: 6, S1: 2, S2: 4, M1: 2, M2: 3 })
    expect(r.communities.get(C)).toEqual({ n: 6 })
  })
})

describe("Grid.leaderAssignment", () => {
  const on = LocalDate.make(2025, 1, 1)
  const units = [
    Schema.decodeSync(OrgUnit.OrgUnit)({
      id: "branch",
      tenant: C,
      kind: "compound-branch",
      name: "小区党支部",
      division: C
    })
  ]
  const memberships = [
    Schema.decodeSync(Membership.Membership)({
      id: "m1",
      tenant: C,
      person: "sec",
      unit: "branch",
      role: "secretary",
      standing: "full",
      start: "2020-01-01"
    })
  ]
  const post = (id: string, kind: string, g?: string) =>
    Schema.decodeSync(Post.Post)({ id, tenant: C, kind, ...(g === undefined ? { unit: "branch" } : { grid: g }) })
  const hold = (p: string, person: string) =>
    Schema.decodeSync(Post.Holding)({ id: `h-${p}`, tenant: C, post: p, person, start: "2024-01-01" })
  const grids = [
    grid("L", "large", 1, undefined, [], { leaderPost: "lead-L" }),
    grid("S1", "small", 2, "L", [], { leaderPost: "lead-S1" }),
    grid("M1", "micro", 3, "S1", ["b1"], { leaderPost: "lead-M1" }),
    grid("M2", "micro", 4, "S1", ["b2"], { leaderPost: "lead-M2" }),
    grid("M3", "micro", 5, "S1", ["b3"])
  ]
  const posts = [
    post("lead-L", "grid-leader", "L"),
    post("lead-S1", "grid-leader", "S1"),
    post("steward-S1", "property-steward", "S1"),
    post("lead-M1", "grid-leader", "M1"),
    post("backbone-M1", "building-backbone", "M1"),
    post("backbone-M2", "building-backbone", "M1"),
    post("lead-M2", "grid-leader", "M2")
  ]
  it("accepts the seed's assignment (secretary, steward, backbone) and lists violations", () => {
    const holdings = [
      hold("lead-L", "sec"),
      hold("lead-S1", "stew"),
      hold("steward-S1", "stew"),
      hold("lead-M1", "bb1"),
      hold("backbone-M1", "bb1"),
      hold("backbone-M2", "bb2"),
      hold("lead-M2", "bb2")
    ]
    const fs = Grid.leaderAssignment({ grids, posts, holdings, memberships, units }, on)
    // bb2's backbone post belongs to M1, not M2; M3 has no leader post
    expect(fs.map((f) => [f.code, f.path[1]])).toEqual([
      ["grid/leader-unqualified", "M2"],
      ["grid/no-leader-post", "M3"]
    ])
  })
  it("flags a large grid led by someone who is not the compound branch secretary, and vacant posts", () => {
    const holdings = [
      hold("lead-L", "stew"),
      hold("steward-S1", "stew"),
      hold("lead-M1", "bb1"),
      hold("backbone-M1", "bb1")
    ]
    const fs = Grid.leaderAssignment({ grids: grids.slice(0, 3), posts, holdings, memberships, units }, on)
    expect(fs.map((f) => [f.code, f.path[1]])).toEqual([
      ["grid/leader-unqualified", "L"],
      ["grid/leader-vacant", "S1"]
    ])
    const policy: Grid.LeaderPolicy = {
      ...Grid.defaultLeaderPolicy,
      large: { requirement: { _tag: "Post", postKind: "property-steward" }, source: "host" }
    }
    // a steward of a small grid inside the large grid qualifies under the host's policy
    expect(
      Grid.leaderAssignment({ grids: grids.slice(0, 3), posts, holdings, memberships, units }, on, policy).map(
        (f) => f.code
      )
    ).toEqual(["grid/leader-vacant"])
  })

  it("checks the large grid's leader against the secretary of its own compound's branch", () => {
    const two = [
      ...units,
      Schema.decodeSync(OrgUnit.OrgUnit)({
        id: "branch-b",
        tenant: C,
        kind: "compound-branch",
        name: "乙小区党支部",
        division: C
      })
    ]
    const secretaryOfB = Schema.decodeSync(Membership.Membership)({
      id: "m2",
      tenant: C,
      person: "sec-b",
      unit: "branch-b",
      role: "secretary",
      standing: "full",
      start: "2020-01-01"
    })
    const large = (partyUnit?: string) => [
      grid("L", "large", 1, undefined, [], { leaderPost: "lead-L", ...(partyUnit === undefined ? {} : { partyUnit }) })
    ]
    const ledByB = [hold("lead-L", "sec-b")]
    const check = (gs: ReadonlyArray<Grid.Grid>) =>
      Grid.leaderAssignment(
        { grids: gs, posts, holdings: ledByB, memberships: [...memberships, secretaryOfB], units: two },
        on
      ).map((f) => f.message)
    // naming the grid's own branch, the secretary of another compound's branch does not qualify
    expect(check(large("branch"))).toEqual([
      "sec-b leads large grid L but is not a secretary of compound-branch branch (seed (小区党支部书记担任大网格长))"
    ])
    expect(check(large("branch-b"))).toEqual([])
    // without a party unit named, any compound branch's secretary qualifies (the old reading)
    expect(check(large())).toEqual([])
  })
})
