import { assert, describe, expect, it } from "@effect/vitest"
import { Privacy } from "@zhili/core"
import { Popolo } from "@zhili/interop"
import { JinxiuHuajing } from "@zhili/testing"
import { Either, Redacted } from "effect"
import { draft03to04, popolo } from "./schemas.js"

const compound = JinxiuHuajing.compound()
const doc = Popolo.document({
  units: compound.units,
  posts: compound.posts,
  holdings: compound.holdings,
  memberships: compound.memberships,
  people: compound.people,
  grids: compound.grids,
  divisions: [
    { code: compound.street, name: "城南街道", parent: "440881" },
    { code: compound.tenant, name: "新越社区", parent: compound.street }
  ]
})

describe("Popolo export of the seed compound", () => {
  it("exports every unit, post, membership, person and grid, each valid against its schema", () => {
    expect(doc.organizations).toHaveLength(compound.units.length)
    expect(doc.posts).toHaveLength(compound.posts.length)
    expect(doc.memberships).toHaveLength(compound.memberships.length + compound.holdings.length)
    expect(doc.persons).toHaveLength(compound.people.length)
    expect(doc.areas).toHaveLength(compound.grids.length + 2)
    const checks: ReadonlyArray<readonly [string, ReadonlyArray<unknown>]> = [
      ["organization.json", doc.organizations],
      ["post.json", doc.posts],
      ["membership.json", doc.memberships],
      ["person.json", doc.persons],
      ["area.json", doc.areas]
    ]
    for (const [file, items] of checks) {
      const check = popolo(file)
      for (const item of items) expect(check(item)).toEqual([])
    }
  })

  it("links grids into a tree under the community and posts to their grids", () => {
    const large = doc.areas.find((a) => a.id === JinxiuHuajing.gridIds.large)
    expect(large).toMatchObject({ classification: "grid/large", parent_id: compound.tenant })
    expect(doc.areas.find((a) => a.id === JinxiuHuajing.gridIds.micro(1))?.classification).toBe("grid/micro")
    assert.isTrue(doc.posts.some((p) => p.area_id === JinxiuHuajing.gridIds.micro(1)))
  })

  it("masks names and exports neither identity numbers nor phones, even under a disclosure of names", () => {
    const first = compound.people[0]
    if (first === undefined) assert.fail("no people")
    const masked = doc.persons[0]
    expect(masked?.name).toBe(Privacy.maskName(first.displayName))
    expect(masked?.name).not.toBe(first.displayName)
    const named = Popolo.person(first, new Privacy.Disclosure({ reason: "换届公示", fields: ["name"] }))
    expect(named.name).toBe(first.displayName)
    expect(Object.keys(named).sort()).toEqual(["id", "name"])
    if (first.phone !== undefined) expect(JSON.stringify(named)).not.toContain(Redacted.value(first.phone))
  })

  it("reads organizations back without loss", () => {
    for (const unit of compound.units) {
      const back = Either.getOrThrow(Popolo.toOrgUnit(Popolo.organization(unit), unit.tenant))
      expect(back).toEqual(unit)
    }
  })

  it("fails with a path on an organization without a name", () => {
    const bad = Popolo.toOrgUnit({ id: "x", classification: "branch", area_id: "440881002" }, compound.tenant)
    if (Either.isRight(bad)) assert.fail("expected an error")
    expect(bad.left.issues.map((i) => i.path[0])).toContain("name")
  })
})

describe("draft-03 conversion", () => {
  it("moves required: true into the parent's required list", () => {
    expect(
      draft03to04({
        $schema: "http://json-schema.org/draft-03/schema#",
        properties: { a: { type: "string", required: true }, b: { type: "string" } }
      })
    ).toEqual({
      $schema: "http://json-schema.org/draft-04/schema#",
      properties: { a: { type: "string" }, b: { type: "string" } },
      required: ["a"]
    })
  })

  it("makes the converted schemas enforce what draft-03 required", () => {
    expect(popolo("count.json")({ value: 3 })).not.toEqual([])
    expect(popolo("membership.json")({ start_date: "not a date" })).not.toEqual([])
  })
})
