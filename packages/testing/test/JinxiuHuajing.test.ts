import { describe, expect, it } from "@effect/vitest"
import { Grid, GridWorker, Household, Membership, OrgUnit, Partnership, Post, Resident, Visit } from "@zhili/core"
import { JinxiuHuajing } from "@zhili/testing"
import { Schema } from "effect"

const c = JinxiuHuajing.compound()
const codes = (fs: ReadonlyArray<{ readonly code: string }>) => fs.map((f) => f.code)
const leaders = (x: JinxiuHuajing.Compound) =>
  Grid.leaderAssignment(
    { grids: x.grids, posts: x.posts, holdings: x.holdings, memberships: x.memberships, units: x.units },
    x.asOf
  )

describe("JinxiuHuajing: the seed's figures", () => {
  it("has 1 large, 10 small and 50 micro grids, 50 buildings, and 4,350-odd households", () => {
    const count = (level: Grid.Level) => c.grids.filter((g) => g.level === level).length
    expect([count("large"), count("small"), count("micro")]).toEqual([1, 10, 50])
    expect(c.buildings.length).toBe(50)
    expect(c.households.length).toBeGreaterThan(4350)
    expect(c.residents.length).toBeGreaterThan(c.households.length)
  })
  it("has 50 building backbones, 10 stewards and 350 workers from five sources", () => {
    const kinds = (k: string) => c.posts.filter((p) => p.kind === k).length
    expect([kinds("building-backbone"), kinds("property-steward")]).toEqual([50, 10])
    expect(c.workers.length).toBe(350)
    const bySource: Record<string, number> = {}
    for (const w of c.workers) bySource[w.source] = (bySource[w.source] ?? 0) + 1
    expect(bySource).toEqual(c.expected.workersBySource)
    expect(Object.keys(bySource).sort()).toEqual([...GridWorker.Source.literals].sort())
  })
  it("has the five-level chain and the '1+2' co-building", () => {
    const group = c.units.find((u) => u.id === JinxiuHuajing.unitIds.group(1))
    if (group === undefined) throw new Error("no grid party group")
    expect(OrgUnit.pathOf(group, c.units)).toEqual([
      JinxiuHuajing.unitIds.street,
      JinxiuHuajing.unitIds.community,
      JinxiuHuajing.unitIds.compound,
      JinxiuHuajing.unitIds.property,
      JinxiuHuajing.unitIds.group(1)
    ])
    const co = c.partnerships.filter((p) => p.type === "co-building" && p.from === JinxiuHuajing.unitIds.community)
    expect(co.map((p) => p.to).sort()).toEqual([JinxiuHuajing.unitIds.compound, JinxiuHuajing.unitIds.property].sort())
  })
  it("builds fast", () => {
    // not a timing assertion: records that building twice yields equal, independent values
    const a = JinxiuHuajing.make()
    expect(a).not.toBe(c)
    expect(a.residents.length).toBe(c.residents.length)
  })
  it("is deterministic and a seed changes it", () => {
    const again = JinxiuHuajing.make()
    expect(again.households.map((h) => h.id)).toEqual(c.households.map((h) => h.id))
    expect(again.visits.map((v) => [v.household, v.outcome])).toEqual(c.visits.map((v) => [v.household, v.outcome]))
    expect(JinxiuHuajing.make({ seed: 7 }).visits.map((v) => v.household)).not.toEqual(c.visits.map((v) => v.household))
  })
  it("bulk records are valid: every 20th household, resident and visit decodes from its encoded JSON", () => {
    const check = <A, I>(schema: Schema.Schema<A, I>, values: ReadonlyArray<A>) => {
      for (let i = 0; i < values.length; i += 20) {
        const json = JSON.parse(JSON.stringify(Schema.encodeSync(schema)(values[i] as A)))
        expect(Schema.decodeUnknownEither(schema)(json)._tag).toBe("Right")
      }
    }
    check(Household.Household, c.households)
    check(Resident.Resident, c.residents)
    check(Visit.Visit, c.visits)
  })
  it("computes the location of a resident, a visit, a worker, a post and a membership", () => {
    const U = JinxiuHuajing.unitIds
    const G = JinxiuHuajing.gridIds
    const micro1 = { division: c.tenant, grid: [G.large, G.small(1), G.micro(1)] }
    const households = new Map(c.households.map((h) => [h.id, h]))
    const buildings = new Map(c.buildings.map((b) => [b.id, b]))
    const resident = c.residents.find((r) => households.get(r.household)?.building === "jxhj-b01")
    if (resident === undefined) throw new Error("no resident in building 1")
    expect(Resident.location(resident, households, buildings, c.grids)).toEqual(micro1)
    const visit = c.visits.find((v) => v.household === resident.household)
    if (visit !== undefined) expect(Visit.location(visit, c.households, c.buildings, c.grids)).toEqual(micro1)
    expect(GridWorker.location(c.workers[0] as GridWorker.GridWorker, c.grids)).toEqual(micro1)
    const backbone = c.posts.find((p) => p.id === "post-backbone-01") as Post.Post
    expect(Post.location(backbone, c.units, c.grids)).toEqual({
      ...micro1,
      org: [U.street, U.community, U.compound, U.property, U.group(1)]
    })
    const m = c.memberships.find((x) => x.unit === U.compound) as Membership.Membership
    expect(Membership.location(m, c.units)).toEqual({ division: c.tenant, org: [U.street, U.community, U.compound] })
    expect(GridWorker.workersOf(G.micro(1), c.workers, c.asOf)).toHaveLength(7)
  })
  it("carries its tenant on every stored record", () => {
    const records = [
      ...c.memberships,
      ...c.posts,
      ...c.holdings,
      ...c.grids,
      ...c.workers,
      ...c.buildings,
      ...c.households,
      ...c.residents,
      ...c.visits
    ]
    expect(records.every((r) => r.tenant === c.tenant)).toBe(true)
  })
  it("encodes to JSON and decodes back (a sample of every model)", () => {
    const roundTrip = <A, I>(schema: Schema.Schema<A, I>, value: A) => {
      const json = JSON.parse(JSON.stringify(Schema.encodeSync(schema)(value)))
      expect(Schema.encodeSync(schema)(Schema.decodeUnknownSync(schema)(json))).toEqual(
        Schema.encodeSync(schema)(value)
      )
    }
    roundTrip(Resident.Resident, c.residents[0] as Resident.Resident)
    roundTrip(Visit.Visit, c.visits.find((v) => v.outcome === "request-opened") as Visit.Visit)
    roundTrip(Grid.Grid, c.grids[20] as Grid.Grid)
    roundTrip(OrgUnit.OrgUnit, c.units.find((u) => u.creditCode !== undefined) as OrgUnit.OrgUnit)
  })
})

describe("JinxiuHuajing: the rules hold on the seed compound", () => {
  it("hierarchy, composition, posts and leaders have no findings", () => {
    expect(OrgUnit.validateHierarchy(c.units)).toEqual([])
    expect(Membership.composition(c.units, c.memberships, c.asOf).flatMap((l) => l.findings)).toEqual([])
    expect(Post.coverage(c.posts, c.holdings, c.asOf)).toEqual([])
    expect(leaders(c)).toEqual([])
  })
  it("branch composition: compound branch 40 with a committee, general branch counts its whole subtree", () => {
    const lines = new Map(Membership.composition(c.units, c.memberships, c.asOf).map((l) => [l.unit, l]))
    expect(lines.get(JinxiuHuajing.unitIds.compound)).toMatchObject({
      fullMembers: 40,
      committee: 5,
      suggestedForm: "branch"
    })
    expect(lines.get(JinxiuHuajing.unitIds.community)).toMatchObject({
      fullMembers: 72,
      suggestedForm: "general-branch"
    })
  })
  it("grid coverage is complete", () => {
    expect(Grid.coverage({ grids: c.grids, buildings: c.buildings, community: c.tenant })).toEqual([])
  })
  it("workload: about 13 households per worker, no grid unstaffed", () => {
    const w = GridWorker.workload({ grids: c.grids, workers: c.workers, households: c.households }, c.asOf)
    expect(w.findings).toEqual([])
    const total = w.communities.get(c.tenant)
    expect(total?.workers).toBe(350)
    expect(total?.households).toBe(c.households.length)
    expect(w.grids.get(JinxiuHuajing.gridIds.large)).toEqual(total)
    expect(w.workers.size).toBe(350)
  })
  it("visits: 4,356 households reached and 25 requests opened in the year", () => {
    const v = Visit.coverage({ grids: c.grids, households: c.households, visits: c.visits }, c.period)
    expect(v.total.visited).toBe(c.expected.householdsVisited)
    expect(v.total.visited).toBeGreaterThan(4350)
    expect(v.outcomes["request-opened"]).toBe(25)
    expect(v.communities.get(c.tenant)?.visited).toBe(4356)
    expect(v.grids.get(JinxiuHuajing.gridIds.large)?.rate).toBeCloseTo(4356 / c.households.length, 10)
    const smalls = c.grids.filter((g) => g.level === "small").reduce((s, g) => s + (v.grids.get(g.id)?.visited ?? 0), 0)
    expect(smalls).toBe(4356)
  })
  it("dual registration: the hospital branch registered and 30 of its 34 members", () => {
    const hospital = c.units.filter((u) => u.id === JinxiuHuajing.unitIds.hospital)
    const r = Partnership.dualRegistration(hospital, c.memberships, c.partnerships, c.registrations, c.asOf)
    expect(r.findings).toEqual([])
    expect([r.members, r.registered]).toEqual([34, 30])
    expect(r.share).toBeCloseTo(30 / 34, 10)
  })
  it("一老一小: community totals equal the sum over micro grids, and the after-school policy counts fewer children", () => {
    const input = { residents: c.residents, households: c.households, grids: c.grids }
    const pipl = Resident.oldAndYoung(input, c.asOf)
    const afterSchool = Resident.oldAndYoung(input, c.asOf, Resident.afterSchoolAgePolicy)
    const total = pipl.communities.get(c.tenant)
    expect(total?.residents).toBe(c.residents.length)
    const micro = c.grids
      .filter((g) => g.level === "micro")
      .reduce((s, g) => s + (pipl.grids.get(g.id)?.elderly ?? 0), 0)
    expect(micro).toBe(total?.elderly)
    expect(total?.elderly).toBe(c.residents.filter((r) => r.tags.includes("elderly")).length)
    expect(total?.children).toBe(c.residents.filter((r) => r.tags.includes("child")).length)
    expect(afterSchool.communities.get(c.tenant)?.children).toBeLessThan(total?.children ?? 0)
    expect(pipl.unassigned.residents).toBe(0)
  })
})

describe("JinxiuHuajing: broken variants are caught", () => {
  const b = JinxiuHuajing.broken
  const coverage = (x: JinxiuHuajing.Compound) =>
    codes(Grid.coverage({ grids: x.grids, buildings: x.buildings, community: x.tenant }))
  it("an unassigned building: one gap and one empty micro grid", () => {
    expect(coverage(b.uncoveredBuilding(c))).toEqual(["grid/uncovered-building", "grid/empty"])
  })
  it("a building in two micro grids: one overlap", () => {
    expect(coverage(b.overlappingBuilding(c))).toEqual(["grid/overlapping-grids"])
  })
  it("a micro grid in no small grid", () => {
    const fs = Grid.coverage({ grids: b.orphanMicroGrid(c).grids, buildings: c.buildings })
    expect(fs.map((f) => [f.code, f.path])).toEqual([
      ["grid/misplaced", ["grids", JinxiuHuajing.gridIds.micro(1), "parent"]]
    ])
  })
  it("a small grid in another community", () => {
    const x = b.foreignSmallGrid(c)
    const fs = Grid.coverage({ grids: x.grids, buildings: x.buildings, community: x.tenant })
    // the small grid against the community and against its large grid, and each of its five micro grids against it
    expect(fs.map((f) => f.path[1])).toEqual([
      JinxiuHuajing.gridIds.small(1),
      JinxiuHuajing.gridIds.small(1),
      ...[1, 2, 3, 4, 5].map(JinxiuHuajing.gridIds.micro)
    ])
    expect(new Set(codes(fs))).toEqual(new Set(["grid/community-mismatch"]))
  })
  it("a vacant backbone post also leaves the micro grid without a leader", () => {
    const x = b.vacantBackbone(c)
    expect(codes(Post.coverage(x.posts, x.holdings, x.asOf))).toEqual(["post/vacant", "post/vacant"])
    expect(codes(leaders(x))).toEqual(["grid/leader-vacant"])
  })
  it("an expired term and incompatible posts", () => {
    const x = b.expiredTerm(c)
    expect(Post.coverage(x.posts, x.holdings, x.asOf).map((f) => [f.code, f.path])).toEqual([
      ["post/term-expired", ["posts", "post-backbone-02", "holder"]]
    ])
    const y = b.incompatiblePosts(c)
    expect(codes(Post.coverage(y.posts, y.holdings, y.asOf))).toEqual(["post/incompatible"])
  })
  it("a small grid led by someone who is not a steward", () => {
    expect(leaders(b.unqualifiedLeader(c)).map((f) => [f.code, f.path])).toEqual([
      ["grid/leader-unqualified", ["grids", JinxiuHuajing.gridIds.small(1), "leaderPost"]]
    ])
  })
  it("a cycle through the chain and a disallowed parent", () => {
    expect(codes(OrgUnit.validateHierarchy(b.cycle(c).units))).toEqual(["org/parent-not-allowed", "org/cycle"])
    expect(OrgUnit.validateHierarchy(b.disallowedParent(c).units).map((f) => [f.code, f.path])).toEqual([
      ["org/parent-not-allowed", ["units", JinxiuHuajing.unitIds.property, "parent"]]
    ])
  })
  it("a branch with too few members", () => {
    const x = b.tooSmallBranch(c)
    const line = Membership.composition(x.units, x.memberships, x.asOf).find(
      (l) => l.unit === JinxiuHuajing.unitIds.property
    )
    expect(codes(line?.findings ?? [])).toEqual(["org/too-few-members"])
  })
  it("a micro grid without workers", () => {
    const x = b.unstaffedGrid(c)
    const w = GridWorker.workload({ grids: x.grids, workers: x.workers, households: x.households }, x.asOf)
    expect(w.findings.map((f) => [f.code, f.path])).toEqual([
      ["grid/no-workers", ["grids", JinxiuHuajing.gridIds.micro(1)]]
    ])
  })
})
