import { describe, expect, it } from "@effect/vitest"
import { Claim, LocalDate, Project } from "@zhili/core"
import { Either, Schema } from "effect"
import * as fc from "fast-check"

const d = (s: string) => Schema.decodeSync(LocalDate.LocalDate)(s)
const id = (s: string) => Schema.decodeSync(Claim.ClaimId)(s)

const project = (pid: string, fields: Partial<{ claimable: boolean; status: Project.Status }> = {}) =>
  Schema.decodeSync(Project.Project)({
    tenant: "370303001001",
    id: pid,
    name: `重点人群走访慰问 ${pid}`,
    kind: "visiting",
    budget: 500_000,
    status: fields.status ?? "approved",
    claimable: fields.claimable ?? true
  })

const supermarket: Claim.Claimant = { kind: "merchant", ref: "op-chengnan-market", name: "城南超市" }
const team: Claim.Claimant = { kind: "volunteer-team", ref: "team-red-vest", name: "红马甲志愿服务队" }

const ok = <A, E>(r: Either.Either<A, E>): A => Either.getOrThrow(r)

describe("Claim: a hand-written review", () => {
  const visits = project("prj-visits")

  it("requests, approves and withdraws, recording each step", () => {
    const c = ok(
      Claim.request([], visits, { id: id("cl-1"), claimant: supermarket, role: "sponsor", on: d("2025-03-01") })
    )
    expect(Claim.status(c)).toBe("requested")
    const approved = ok(Claim.approve(c, { on: d("2025-03-03"), by: "城南社区党委" }))
    expect(Claim.status(approved)).toBe("approved")
    expect(Claim.approvedOf([approved], visits.id).map((x) => x.claimant.name)).toEqual(["城南超市"])
    const withdrawn = ok(Claim.withdraw(approved, d("2025-05-01"), "店面搬迁"))
    expect(withdrawn.steps.map((s) => [s.status, s.on, s.by ?? s.reason])).toEqual([
      ["requested", "2025-03-01", undefined],
      ["approved", "2025-03-03", "城南社区党委"],
      ["withdrawn", "2025-05-01", "店面搬迁"]
    ])
    expect(withdrawn.version).toBe(3)
  })

  it("refuses illegal steps with typed errors naming both ends", () => {
    const c = ok(Claim.request([], visits, { id: id("cl-1"), claimant: team, role: "undertake", on: d("2025-03-01") }))
    const rejected = ok(Claim.reject(c, { on: d("2025-03-02"), reason: "已有服务队承办" }))
    const again = Claim.approve(rejected, { on: d("2025-03-03") })
    expect(Either.isLeft(again) && again.left.message).toBe("claim cl-1: cannot go from rejected to approved")
    const back = Claim.approve(c, { on: d("2025-02-01") })
    expect(Either.isLeft(back) && back.left._tag).toBe("ClaimOutOfOrder")
    const withdrawTwice = Claim.withdraw(ok(Claim.withdraw(c, d("2025-03-05"))), d("2025-03-06"))
    expect(Either.isLeft(withdrawTwice) && withdrawTwice.left).toMatchObject({ from: "withdrawn", to: "withdrawn" })
  })

  it("refuses projects that take no claims, kinds not allowed, duplicates and claimants at their limit", () => {
    const req = (claims: ReadonlyArray<Claim.ProjectClaim>, p: Project.Project, n: number, who = supermarket) =>
      Claim.request(claims, p, { id: id(`cl-${n}`), claimant: who, role: "sponsor", on: d("2025-03-01") })
    const closed = req([], project("prj-shed", { status: "completed" }), 1)
    expect(Either.isLeft(closed) && closed.left.message).toBe("project prj-shed takes no claims: it is completed")
    const notOpen = req([], project("prj-road", { claimable: false }), 1)
    expect(Either.isLeft(notOpen) && notOpen.left._tag).toBe("ClaimNotClaimable")
    const school: Claim.Claimant = { kind: "school", ref: "school-1", name: "城南小学" }
    const kind = req([], visits, 1, school)
    expect(Either.isLeft(kind) && kind.left.message).toBe(
      '城南小学: claimants of kind "school" may not claim projects (allowed: merchant, organisation, volunteer-team, volunteer, building-head)'
    )
    const first = ok(req([], visits, 1))
    const dup = req([first], visits, 2)
    expect(Either.isLeft(dup) && dup.left.message).toBe(
      "城南超市 already claims project prj-visits in that role (claim cl-1)"
    )
    // three active claims (the default limit), the fourth refused; one withdrawn frees a place
    const held = [first, ok(req([first], project("p2"), 2)), ok(req([first], project("p3"), 3))]
    const fourth = req(held, project("p4"), 4)
    expect(Either.isLeft(fourth) && fourth.left.message).toBe("城南超市 already holds 3 active claims (limit 3)")
    const freed = [ok(Claim.withdraw(held[0] as Claim.ProjectClaim, d("2025-03-02"))), ...held.slice(1)]
    expect(Either.isRight(req(freed, project("p4"), 4))).toBe(true)
  })

  it("follows a host policy: a wider list of kinds, a limit of 1, a project taking one approved claim", () => {
    const policy = new Claim.Policy({
      kinds: [...Claim.defaultPolicy.kinds, "school"],
      maxActivePerClaimant: 1,
      maxApprovedPerProject: 1
    })
    const school: Claim.Claimant = { kind: "school", ref: "school-1", name: "城南小学" }
    const a = ok(
      Claim.request([], visits, { id: id("a"), claimant: school, role: "participate", on: d("2025-03-01") }, policy)
    )
    const second = Claim.request(
      [a],
      project("p2"),
      { id: id("b"), claimant: school, role: "participate", on: d("2025-03-01") },
      policy
    )
    expect(Either.isLeft(second) && second.left._tag).toBe("ClaimLimitReached")
    const b = ok(
      Claim.request([a], visits, { id: id("b"), claimant: team, role: "undertake", on: d("2025-03-01") }, policy)
    )
    const approvedA = ok(Claim.approve(a, { on: d("2025-03-02") }, [a, b], policy))
    const full = Claim.approve(b, { on: d("2025-03-02") }, [approvedA, b], policy)
    expect(Either.isLeft(full) && full.left.message).toBe("project prj-visits already has 1 approved claims")
    // under the default policy neither refusal happens
    expect(Either.isRight(Claim.approve(b, { on: d("2025-03-02") }, [approvedA, b]))).toBe(true)
  })
})

describe("Claim limits against a naive count", () => {
  type Op =
    | { readonly op: "request"; readonly who: number; readonly project: number }
    | { readonly op: "withdraw"; readonly at: number }
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({
      op: fc.constant("request" as const),
      who: fc.integer({ min: 0, max: 2 }),
      project: fc.integer({ min: 0, max: 5 })
    }),
    fc.record({ op: fc.constant("withdraw" as const), at: fc.nat({ max: 30 }) })
  )
  const claimants: ReadonlyArray<Claim.Claimant> = [0, 1, 2].map((n) => ({
    kind: "merchant",
    ref: `m${n}`,
    name: `商户${n}`
  }))
  const projects = [0, 1, 2, 3, 4, 5].map((n) => project(`p${n}`))

  it("never lets a claimant hold more active claims than the limit, and refuses exactly when the naive count says so", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(op, { maxLength: 30 }), (limit, ops) => {
        const policy = new Claim.Policy({ kinds: ["merchant"], maxActivePerClaimant: limit })
        let claims: Array<Claim.ProjectClaim> = []
        /** naive: per claim, who, project and whether still active */
        const naive: Array<{ who: number; project: number; active: boolean }> = []
        ops.forEach((o, i) => {
          if (o.op === "request") {
            const mine = naive.filter((c) => c.who === o.who && c.active)
            const expectOk = mine.length < limit && !mine.some((c) => c.project === o.project)
            const r = Claim.request(
              claims,
              projects[o.project] as Project.Project,
              { id: id(`c${i}`), claimant: claimants[o.who] as Claim.Claimant, role: "sponsor", on: d("2025-01-01") },
              policy
            )
            expect(Either.isRight(r)).toBe(expectOk)
            if (Either.isRight(r)) {
              claims.push(r.right)
              naive.push({ who: o.who, project: o.project, active: true })
            }
          } else if (claims.length > 0) {
            const at = o.at % claims.length
            const r = Claim.withdraw(claims[at] as Claim.ProjectClaim, d("2025-01-02"))
            expect(Either.isRight(r)).toBe((naive[at] as { active: boolean }).active)
            if (Either.isRight(r)) {
              claims = claims.map((c, j) => (j === at ? r.right : c))
              ;(naive[at] as { active: boolean }).active = false
            }
          }
          for (const c of claimants) expect(Claim.activeOf(claims, c).length).toBeLessThanOrEqual(limit)
        })
      })
    )
  })
})
