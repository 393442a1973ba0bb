import { describe, expect, it } from "@effect/vitest"
import { Decode, LocalDate, Membership, OrgUnit, Partnership } from "@zhili/core"
import { Either, Schema } from "effect"
import * as fc from "fast-check"

const on = LocalDate.make(2024, 10, 1)
const unit = (id: string, kind: string, parent?: string) =>
  Schema.decodeSync(OrgUnit.OrgUnit)({
    id,
    tenant: "360733",
    kind,
    name: id,
    division: "360733",
    ...(parent === undefined ? {} : { parent })
  })
let seq = 0
const edge = (type: Partnership.Type, from: string, to: string, more: { end?: string } = {}) =>
  Schema.decodeSync(Partnership.Partnership)({
    id: `e${++seq}`,
    tenant: "360733",
    type,
    from,
    to,
    start: "2024-01-01",
    ...more
  })

describe("Partnership.pairingCoverage ('1+4')", () => {
  const units = [
    unit("organ-a", "county-organ-branch"),
    unit("organ-b", "county-organ-branch"),
    unit("village", "village-branch"),
    unit("community", "community-general-branch"),
    unit("grid", "grid-party-group"),
    unit("firm", "two-new-branch"),
    unit("floating", "floating-member-branch"),
    unit("other-village", "village-branch")
  ]
  it("lists which organ lacks which category and which targets are unpaired", () => {
    const r = Partnership.pairingCoverage(
      units,
      [
        edge("pairing", "organ-a", "village"),
        edge("pairing", "community", "organ-a"),
        edge("pairing", "organ-a", "firm"),
        edge("pairing", "organ-a", "floating"),
        edge("pairing", "organ-b", "grid"),
        edge("pairing", "organ-b", "other-village", { end: "2024-06-30" }),
        edge("co-building", "organ-b", "firm")
      ],
      on
    )
    expect(r.missing).toEqual([{ organ: "organ-b", categories: ["village", "two-new", "floating"] }])
    expect(r.unpaired).toEqual(["other-village"])
    expect(r.findings.map((f) => [f.code, f.path])).toEqual([
      ["org/pairing-incomplete", ["units", "organ-b"]],
      ["org/unpaired-target", ["units", "other-village"]]
    ])
  })
})

describe("Partnership.pairingCoverage at the seed's scale", () => {
  it("covers 124 villages, 10 communities, 66 grid organisations, 83 two-new and 21 floating-member organisations", () => {
    const targets = [
      ...Array.from({ length: 124 }, (_, i) => unit(`v${i}`, "village-branch")),
      ...Array.from({ length: 10 }, (_, i) => unit(`c${i}`, "community-general-branch")),
      ...Array.from({ length: 66 }, (_, i) => unit(`g${i}`, "grid-party-group")),
      ...Array.from({ length: 83 }, (_, i) => unit(`t${i}`, "two-new-branch")),
      ...Array.from({ length: 21 }, (_, i) => unit(`f${i}`, "floating-member-branch"))
    ]
    const organs = Array.from({ length: 71 }, (_, i) => unit(`o${i}`, "county-organ-branch"))
    const byKind = (k: string) => targets.filter((t) => t.kind === k)
    const edges = organs.flatMap((o, i) =>
      [
        byKind("village-branch"),
        [...byKind("community-general-branch"), ...byKind("grid-party-group")],
        byKind("two-new-branch"),
        byKind("floating-member-branch")
      ].flatMap((list) =>
        list
          .filter((_, j) => j % organs.length === i || (j === i % list.length && list.length < organs.length))
          .map((t) => edge("pairing", o.id, t.id))
      )
    )
    const r = Partnership.pairingCoverage([...organs, ...targets], edges, on)
    expect(r.missing).toEqual([])
    expect(r.unpaired).toEqual([])
    const dropped = edges.filter((e) => e.to !== "t5")
    expect(Partnership.pairingCoverage([...organs, ...targets], dropped, on).unpaired).toEqual(["t5"])
  })
})

describe("Partnership.dualRegistration (双报到)", () => {
  it("computes the share of members registered per unit and overall", () => {
    const units = [unit("organ-a", "county-organ-branch"), unit("organ-b", "county-organ-branch")]
    const ms = ["p1", "p2", "p3", "p4", "q1"].map((p, i) =>
      Schema.decodeSync(Membership.Membership)({
        id: `m${i}`,
        tenant: "360733",
        person: p,
        unit: p.startsWith("p") ? "organ-a" : "organ-b",
        role: "member",
        standing: "full",
        start: "2020-01-01"
      })
    )
    const regs = ["p1", "p2", "p3", "q1"].map((p, i) =>
      Schema.decodeSync(Partnership.MemberRegistration)({
        id: `r${i}`,
        tenant: "360733",
        person: p,
        community: "c",
        registeredOn: p === "p3" ? "2024-12-01" : "2024-02-01"
      })
    )
    const r = Partnership.dualRegistration(units, ms, [edge("dual-registration", "organ-a", "c")], regs, on)
    expect(r.lines.map((l) => [l.unit, l.unitRegistered, l.members, l.registered, l.share])).toEqual([
      ["organ-a", true, 4, 2, 0.5],
      ["organ-b", false, 1, 1, 1]
    ])
    expect([r.members, r.registered, r.share]).toEqual([5, 3, 0.6])
    expect(r.findings.map((f) => f.path)).toEqual([["units", "organ-b"]])
  })
  it("rejects a unit partnering with itself, with a path", () => {
    const r = Decode.decodeEither(Partnership.Partnership)({
      id: "e",
      tenant: "360733",
      type: "pairing",
      from: "a",
      to: "a",
      start: "2024-01-01"
    })
    expect(Either.isLeft(r) && r.left.issues.map((i) => i.path)).toEqual([["to"]])
  })
})

describe('Partnership.coBuildingCoverage ("1+2")', () => {
  // the seed's chain: 社区党总支 — 小区党支部 — 物业党支部 (Lianjiang, 锦绣华景)
  const units = [
    unit("xinyue", "community-general-branch"),
    unit("jinxiu", "compound-branch", "xinyue"),
    unit("jinxiu-property", "property-branch", "jinxiu"),
    unit("other-community", "community-general-branch"),
    unit("other-compound", "compound-branch", "other-community"),
    unit("grid-1", "grid-party-group", "jinxiu")
  ]
  it("finds nothing when the general branch co-builds with its compound and property branches", () => {
    const r = Partnership.coBuildingCoverage(
      units.slice(0, 3),
      [edge("co-building", "xinyue", "jinxiu"), edge("co-building", "jinxiu-property", "xinyue")],
      on
    )
    expect(r).toEqual({ missing: [], unpartnered: [], outsideTree: [], findings: [] })
  })
  it("names the missing partner category, the partner without co-building and the one co-building outside its tree", () => {
    const r = Partnership.coBuildingCoverage(
      units,
      [
        edge("co-building", "xinyue", "jinxiu"),
        // the property branch co-builds with another community's general branch, not the one above it
        edge("co-building", "other-community", "jinxiu-property"),
        // a pairing or an ended co-building does not count
        edge("pairing", "other-community", "other-compound"),
        edge("co-building", "other-community", "other-compound", { end: "2024-06-30" })
      ],
      on
    )
    expect(r.missing).toEqual([
      { hub: "xinyue", categories: ["property"] },
      { hub: "other-community", categories: ["compound"] }
    ])
    expect(r.unpartnered).toEqual(["other-compound"])
    expect(r.outsideTree).toEqual([{ unit: "jinxiu-property", hub: "xinyue" }])
    expect(r.findings.map((f) => [f.code, f.path])).toEqual([
      ["org/co-building-incomplete", ["units", "xinyue"]],
      ["org/co-building-incomplete", ["units", "other-community"]],
      ["org/co-building-outside-tree", ["units", "jinxiu-property"]],
      ["org/co-building-missing", ["units", "other-compound"]]
    ])
  })
  it("finds the general branch above a property branch that sits directly under it (the policy's option)", () => {
    const beside = [
      unit("xinyue", "community-general-branch"),
      unit("jinxiu", "compound-branch", "xinyue"),
      unit("jinxiu-property", "property-branch", "xinyue"),
      unit("other-community", "community-general-branch")
    ]
    const r = Partnership.coBuildingCoverage(
      beside,
      [edge("co-building", "xinyue", "jinxiu"), edge("co-building", "other-community", "jinxiu-property")],
      on
    )
    expect(r.outsideTree).toEqual([{ unit: "jinxiu-property", hub: "xinyue" }])
  })
  it("takes the hub and partner kinds from the policy", () => {
    const r = Partnership.coBuildingCoverage(
      [unit("street", "street-working-committee"), unit("c", "community-committee", "street")],
      [],
      on,
      { hubKinds: ["street-working-committee"], categories: [{ id: "community", kinds: ["community-committee"] }] }
    )
    expect(r.missing).toEqual([{ hub: "street", categories: ["community"] }])
    expect(r.unpartnered).toEqual(["c"])
    expect(Partnership.coBuildingCoverage(units.slice(0, 1), [], on).missing).toEqual([
      { hub: "xinyue", categories: ["compound", "property"] }
    ])
  })
  it("reports exactly the partners whose co-building was dropped, and the hubs left without a category", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ compounds: fc.integer({ min: 0, max: 3 }), property: fc.boolean() }), {
          minLength: 1,
          maxLength: 4
        }),
        fc.array(fc.boolean(), { minLength: 32, maxLength: 32 }),
        (communities, keep) => {
          const us: Array<OrgUnit.OrgUnit> = []
          const edges: Array<Partnership.Partnership> = []
          const partners: Array<{ id: string; hub: string; category: string; kept: boolean }> = []
          communities.forEach((c, i) => {
            const hub = `h${i}`
            us.push(unit(hub, "community-general-branch"))
            for (let j = 0; j < c.compounds; j++) {
              const id = `h${i}c${j}`
              us.push(unit(id, "compound-branch", hub))
              partners.push({ id, hub, category: "compound", kept: keep[partners.length] ?? true })
              if (c.property && j === 0) {
                us.push(unit(`${id}p`, "property-branch", id))
                partners.push({ id: `${id}p`, hub, category: "property", kept: keep[partners.length] ?? true })
              }
            }
          })
          for (const p of partners) if (p.kept) edges.push(edge("co-building", p.hub, p.id))
          const r = Partnership.coBuildingCoverage(us, edges, on)
          expect(r.unpartnered).toEqual(partners.filter((p) => !p.kept).map((p) => p.id))
          expect(r.outsideTree).toEqual([])
          const expected = communities
            .map((_, i) => ({
              hub: `h${i}`,
              categories: ["compound", "property"].filter(
                (c) => !partners.some((p) => p.hub === `h${i}` && p.category === c && p.kept)
              )
            }))
            .filter((m) => m.categories.length > 0)
          expect(r.missing).toEqual(expected)
        }
      )
    )
  })
})
