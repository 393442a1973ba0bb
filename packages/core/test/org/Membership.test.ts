import { describe, expect, it } from "@effect/vitest"
import { Decode, LocalDate, Membership, OrgUnit } from "@zhili/core"
import { Either, Schema } from "effect"

const on = LocalDate.make(2025, 1, 1)
const unit = (id: string, kind: string, parent?: string) =>
  Schema.decodeSync(OrgUnit.OrgUnit)({
    id,
    tenant: "440881002006",
    kind,
    name: id,
    division: "440881002006",
    ...(parent === undefined ? {} : { parent })
  })
let seq = 0
const members = (
  u: string,
  n: number,
  roles: ReadonlyArray<Membership.Role> = ["secretary"],
  extra: Partial<{ standing: "full" | "probationary"; end: string }> = {}
) =>
  Array.from({ length: n }, (_, i) =>
    Schema.decodeSync(Membership.Membership)({
      id: `m${++seq}`,
      tenant: "440881002006",
      person: `${u}-p${i}`,
      unit: u,
      role: roles[i] ?? "member",
      standing: "full",
      start: "2020-01-01",
      ...extra
    })
  )
const report = (units: ReadonlyArray<OrgUnit.OrgUnit>, ms: ReadonlyArray<Membership.Membership>) =>
  new Map(Membership.composition(units, ms, on).map((l) => [l.unit as string, l]))

describe("Membership.composition (Branch Work Regulations 2018)", () => {
  it("a branch needs 3 full members and a secretary; probationary and ended memberships do not count", () => {
    const units = [unit("b", "compound-branch")]
    const ms = [
      ...members("b", 2),
      ...Array.from({ length: 1 }, () => members("b", 1, ["member"], { standing: "probationary" }))
        .flat()
        .map((m) => new Membership.Membership({ ...m, person: "late" as never })),
      ...members("b", 1, ["member"], { end: "2024-12-31" }).map(
        (m) => new Membership.Membership({ ...m, person: "gone" as never })
      )
    ]
    const line = report(units, ms).get("b")
    expect(line).toMatchObject({ fullMembers: 2, probationaryMembers: 1, hasSecretary: true })
    expect(line?.findings.map((f) => f.code)).toEqual(["org/too-few-members"])
    expect(
      report(units, members("b", 3, ["member"]))
        .get("b")
        ?.findings.map((f) => f.code)
    ).toEqual(["org/no-secretary"])
  })
  it("at 7 full members a branch should have a committee of 3–5; never more than 7", () => {
    const units = [unit("b", "compound-branch")]
    expect(
      report(units, members("b", 7))
        .get("b")
        ?.findings.map((f) => f.code)
    ).toEqual(["org/committee-required"])
    expect(
      report(units, members("b", 7, ["secretary", "committee-member", "committee-member"])).get("b")?.findings
    ).toEqual([])
    const big = members("b", 20, ["secretary", ...Array.from({ length: 7 }, () => "committee-member" as const)])
    expect(
      report(units, big)
        .get("b")
        ?.findings.map((f) => f.code)
    ).toEqual(["org/committee-too-large"])
    const six = members("b", 20, ["secretary", ...Array.from({ length: 5 }, () => "committee-member" as const)])
    expect(
      report(units, six)
        .get("b")
        ?.findings.map((f) => f.code)
    ).toEqual(["org/committee-size"])
  })
  it("a branch over 50 is flagged and a general branch counts the units below it", () => {
    const units = [
      unit("g", "community-general-branch"),
      unit("b1", "compound-branch", "g"),
      unit("b2", "property-branch", "b1")
    ]
    const ms = [
      ...members("g", 3, ["secretary", "committee-member", "committee-member"]),
      ...members("b1", 51, ["secretary", "committee-member", "committee-member"]),
      ...members("b2", 50, ["secretary", "committee-member", "committee-member"])
    ]
    const r = report(units, ms)
    expect(r.get("b1")?.findings.map((f) => f.code)).toEqual(["org/branch-too-large", "org/form-mismatch"])
    expect(r.get("b1")?.fullMembers).toBe(51)
    expect(r.get("g")).toMatchObject({ fullMembers: 104, suggestedForm: "committee" })
    expect(r.get("g")?.findings.map((f) => f.code)).toEqual(["org/form-mismatch"])
  })
  it("skips party groups and working committees", () => {
    const units = [unit("s", "street-working-committee"), unit("grp", "grid-party-group")]
    expect(Membership.composition(units, [], on)).toEqual([])
  })
  it("rejects a membership with a bad role or date, naming the path", () => {
    const r = Decode.decodeEither(Membership.Membership)({
      id: "m",
      tenant: "440881002006",
      person: "p",
      unit: "u",
      role: "boss",
      standing: "full",
      start: "2024-02-30"
    })
    expect(Either.isLeft(r) && [...new Set(r.left.issues.map((i) => i.path[0]))].sort()).toEqual(["role", "start"])
  })
})
