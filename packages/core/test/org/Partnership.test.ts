import { describe, expect, it } from "@effect/vitest"
import { Decode, LocalDate, Membership, OrgUnit, Partnership } from "@zhili/core"
import { Either, Schema } from "effect"

const on = LocalDate.make(2024, 10, 1)
const unit = (id: string, kind: string) =>
  Schema.decodeSync(OrgUnit.OrgUnit)({ id, tenant: "360733", kind, name: id, division: "360733" })
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
