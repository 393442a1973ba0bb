import { assert, describe, expect, it } from "@effect/vitest"
import { Decode, Fund, Ids, LocalDate, Money, Project } from "@zhili/core"
import { FundArbitraries, OperationFixtures } from "@zhili/testing"
import { Either, Schema } from "effect"
import * as fc from "fast-check"

const { fund, ledger, projects } = OperationFixtures
const known = new Set<string>(projects.map((p) => p.id))
const exists = (id: Ids.ProjectId) => known.has(id)

describe("Fund ledger", () => {
  it("replays the seed fund's ledger to its balance: income ¥180,500, spending ¥110,000, balance ¥70,500", () => {
    const replayed = Fund.replay(fund, ledger, exists)
    assert.isTrue(Either.isRight(replayed))
    if (Either.isRight(replayed)) expect(Money.format(replayed.right.balance)).toBe("¥70,500.00")
    const s = Fund.summary(fund, ledger)
    expect(Money.format(Money.sum([s.income.revenueShare, s.income.donations, s.income.grantsIn]))).toBe("¥180,500.00")
    expect(Money.format(s.spending)).toBe("¥110,000.00")
    expect(s.byProject.get(Schema.decodeSync(Ids.ProjectId)("prj-road"))).toBe(6_000_000)
    expect(Fund.audit(fund, ledger, exists)).toEqual([])
  })

  it("summarises a period with opening and closing balances", () => {
    const s = Fund.summary(fund, ledger, { from: Schema.decodeSync(LocalDate.LocalDate)("2025-05-01") })
    expect([s.opening, s.closing]).toEqual([14_750_000, 7_050_000])
  })

  it("refuses a grant beyond the balance, naming the balance and the amount, and changes nothing", () => {
    const ok = Fund.replay(fund, ledger, exists)
    if (Either.isLeft(ok)) return assert.fail(ok.left.message)
    const overspend = Schema.decodeUnknownSync(Fund.Entry)({
      tenant: fund.tenant,
      _tag: "ProjectGrant",
      id: "le-99",
      fund: fund.id,
      date: "2025-09-01",
      amount: 8_000_000,
      project: "prj-greening"
    })
    const r = Fund.post(ok.right, overspend, exists)
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) {
      assert.instanceOf(r.left, Fund.Overdraft)
      expect(r.left.message).toBe(
        "fund fund-chengnan: entry le-99 spends ¥80,000.00 but the balance is ¥70,500.00 (short by ¥9,500.00)"
      )
    }
    expect(ok.right.balance).toBe(7_050_000)
  })

  it("refuses a grant to an unknown project, a foreign entry and a duplicate id", () => {
    const led = Fund.open(fund)
    const grant = Schema.decodeUnknownSync(Fund.Entry)({
      tenant: fund.tenant,
      _tag: "ProjectGrant",
      id: "x1",
      fund: fund.id,
      date: "2025-01-01",
      amount: 1,
      project: "nope"
    })
    const r1 = Fund.post(led, grant, exists)
    assert.isTrue(Either.isLeft(r1) && r1.left._tag === "UnknownProject")
    const foreign = Schema.decodeUnknownSync(Fund.Entry)({
      tenant: fund.tenant,
      _tag: "Donation",
      id: "x2",
      fund: "other",
      date: "2025-01-01",
      amount: 1,
      donor: "d"
    })
    const r2 = Fund.post(led, foreign, exists)
    assert.isTrue(Either.isLeft(r2) && r2.left._tag === "RejectedEntry")
    const first = Fund.post(led, { ...foreign, fund: fund.id }, exists)
    if (Either.isLeft(first)) return assert.fail(first.left.message)
    const r3 = Fund.post(first.right, { ...foreign, fund: fund.id }, exists)
    assert.isTrue(Either.isLeft(r3) && r3.left.message.includes("already posted"))
    const otherTenant = Schema.decodeUnknownSync(Fund.Entry)({
      ...Schema.encodeSync(Fund.Entry)(foreign),
      id: "x3",
      fund: fund.id,
      tenant: "440881002001"
    })
    const r4 = Fund.post(led, otherTenant, exists)
    assert.isTrue(
      Either.isLeft(r4) &&
        r4.left.message === "fund fund-chengnan: entry x3 rejected: it belongs to tenant 440881002001, not 370303001001"
    )
  })

  it("audits a stored ledger with an overdraft and an unknown project, with paths", () => {
    const bad = [
      ...ledger.slice(0, 3),
      Schema.decodeUnknownSync(Fund.Entry)({
        tenant: fund.tenant,
        _tag: "ProjectGrant",
        id: "le-x",
        fund: fund.id,
        date: "2025-01-02",
        amount: 20_000_000,
        project: "ghost"
      })
    ]
    expect(Fund.audit(fund, bad, exists).map((f) => [f.code, f.path])).toEqual([
      ["fund/unknown-project", ["entries", 3, "project"]],
      ["fund/overdraft", ["entries", 3]],
      ["fund/out-of-order", ["entries", 3, "date"]]
    ])
  })

  it("rejects amounts that are not positive whole fen, with paths", () => {
    const r = Decode.decodeEither(Fund.Entry)({
      tenant: fund.tenant,
      _tag: "Donation",
      id: "x",
      fund: "f",
      date: "2025-01-01",
      amount: 12.5,
      donor: "d"
    })
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) expect(r.left.issues[0]?.path).toEqual(["amount"])
    assert.isTrue(
      Either.isLeft(
        Decode.decodeEither(Fund.Entry)({
          tenant: fund.tenant,
          _tag: "GrantIn",
          id: "x",
          fund: "f",
          date: "2025-01-01",
          amount: 0,
          grantor: "g"
        })
      )
    )
  })

  it("property: posting never overdraws, and the balance is the replay of what was posted", () => {
    const projectIds = ["p1", "p2"].map((p) => Schema.decodeSync(Ids.ProjectId)(p))
    fc.assert(
      fc.property(FundArbitraries.entries({ tenant: fund.tenant, fund: fund.id, projects: projectIds }), (entries) => {
        let led = Fund.open(fund)
        for (const e of entries) {
          const next = Fund.post(led, e, () => true)
          if (Either.isRight(next)) led = next.right
          else {
            expect(next.left._tag).toBe("Overdraft")
            expect(e.amount).toBeGreaterThan(led.balance)
          }
          expect(led.balance).toBeGreaterThanOrEqual(0)
        }
        expect(led.balance).toBe(Fund.balanceOf(fund, led.entries))
        const again = Fund.replay(fund, led.entries, () => true)
        expect(Either.isRight(again) && again.right.balance === led.balance).toBe(true)
        expect(Fund.audit(fund, led.entries, () => true)).toEqual([])
        const running = Fund.runningBalances(fund, led.entries)
        expect(running.every((r) => r.balance >= 0)).toBe(true)
        expect(running.at(-1)?.balance ?? fund.openingBalance).toBe(led.balance)
      })
    )
  })

  it("refuses a grant dated before the income that would pay for it, so no date shows a negative balance", () => {
    const empty = new Fund.Fund({ ...fund, openingBalance: Money.fen(0) })
    const donation = Schema.decodeUnknownSync(Fund.Entry)({
      tenant: fund.tenant,
      _tag: "Donation",
      id: "d1",
      fund: fund.id,
      date: "2025-03-10",
      amount: 10_000,
      donor: "donor"
    })
    const early = Schema.decodeUnknownSync(Fund.Entry)({
      tenant: fund.tenant,
      _tag: "ProjectGrant",
      id: "g1",
      fund: fund.id,
      date: "2025-03-01",
      amount: 10_000,
      project: "prj-road"
    })
    const first = Fund.post(Fund.open(empty), donation, exists)
    if (Either.isLeft(first)) return assert.fail(first.left.message)
    const r = Fund.post(first.right, early, exists)
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) {
      assert.instanceOf(r.left, Fund.Overdraft)
      expect(r.left.message).toBe(
        "fund fund-chengnan: entry g1 spends ¥100.00 but the balance is ¥0.00 (short by ¥100.00)"
      )
    }
    expect(first.right.entries.map((e) => e.id)).toEqual(["d1"])
    expect(
      Fund.summary(empty, first.right.entries, { to: Schema.decodeSync(LocalDate.LocalDate)("2025-03-05") }).closing
    ).toBe(0)
    // a ledger stored before this rule: the audit finds the date that goes below zero
    expect(Fund.audit(empty, [donation, early], exists).map((f) => [f.code, f.path.join("."), f.message])).toEqual([
      ["fund/overdraft", "entries.1", "entry g1 spends ¥100.00 with only ¥0.00 in the fund on 2025-03-01"],
      ["fund/out-of-order", "entries.1.date", "entry g1 is dated 2025-03-01, before the entry above it (2025-03-10)"]
    ])
    const late = Schema.decodeUnknownSync(Fund.Entry)({
      ...Schema.encodeSync(Fund.Entry)(early),
      id: "g2",
      date: "2025-03-10"
    })
    const ok = Fund.post(first.right, late, exists)
    assert.isTrue(Either.isRight(ok) && ok.right.balance === 0)
  })

  it("property: in any posting order and with any dates, the balance at every date stays ≥ 0 (day-by-day simulator)", () => {
    const start = LocalDate.toEpochDay(LocalDate.make(2025, 1, 1))
    const days = 20
    const row = fc.record({
      grant: fc.boolean(),
      amount: fc.integer({ min: 1, max: 5_000 }),
      day: fc.integer({ min: 0, max: days - 1 })
    })
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_000 }), fc.array(row, { maxLength: 25 }), (opening, rows) => {
        const f = new Fund.Fund({ ...fund, openingBalance: Money.fen(opening) })
        // naive simulator: the balance on day d is the opening plus every accepted entry dated on or before d
        const accepted: Array<{ readonly day: number; readonly delta: number }> = []
        const balanceOn = (list: ReadonlyArray<{ readonly day: number; readonly delta: number }>, d: number) => {
          let b = opening
          for (const x of list) if (x.day <= d) b += x.delta
          return b
        }
        const neverNegative = (list: ReadonlyArray<{ readonly day: number; readonly delta: number }>) => {
          for (let d = 0; d < days; d++) if (balanceOn(list, d) < 0) return false
          return true
        }
        let led = Fund.open(f)
        rows.forEach((x, i) => {
          const date = LocalDate.fromEpochDay(start + x.day)
          const e = Schema.decodeUnknownSync(Fund.Entry)(
            x.grant
              ? {
                  tenant: f.tenant,
                  _tag: "ProjectGrant",
                  id: `e${i}`,
                  fund: f.id,
                  date,
                  amount: x.amount,
                  project: "p"
                }
              : { tenant: f.tenant, _tag: "Donation", id: `e${i}`, fund: f.id, date, amount: x.amount, donor: "d" }
          )
          const candidate = { day: x.day, delta: x.grant ? -x.amount : x.amount }
          const next = Fund.post(led, e, () => true)
          if (Either.isRight(next)) {
            led = next.right
            accepted.push(candidate)
          } else {
            expect(next.left._tag).toBe("Overdraft")
            // refused only when accepting it would have made some date negative
            expect(neverNegative([...accepted, candidate])).toBe(false)
          }
          for (let d = 0; d < days; d++) {
            const to = LocalDate.fromEpochDay(start + d)
            const closing = Fund.summary(f, led.entries, { to }).closing
            expect(closing).toBe(balanceOn(accepted, d))
            expect(closing).toBeGreaterThanOrEqual(0)
          }
          expect(Fund.audit(f, led.entries, () => true).filter((x) => x.severity === "error")).toEqual([])
        })
      }),
      { numRuns: 200 }
    )
  })

  it("property: a ledger's balance does not depend on the order it is summed in", () => {
    fc.assert(
      fc.property(FundArbitraries.entries({ tenant: fund.tenant, fund: fund.id, projects: [] }), (entries) => {
        expect(Fund.balanceOf(fund, [...entries].reverse())).toBe(Fund.balanceOf(fund, entries))
      })
    )
  })
})

describe("Project", () => {
  const [road, shed, greening, visits] = projects
  it("rolls progress up from weighted milestones (Decidim-style)", () => {
    if (road === undefined || shed === undefined || greening === undefined) return assert.fail("fixtures")
    expect(Project.progress(road)).toBe(50)
    expect(Project.progress(shed)).toBe(100)
    expect(Project.progress(greening)).toBe(0)
    expect(Project.overallProgress([road, shed])).toBe(
      Math.round(((8_000_000 * 50 + 5_000_000 * 100) / 13_000_000) * 10) / 10
    )
    expect(Project.byKind(projects).map((r) => [r.kind, r.projects, r.budget])).toEqual([
      ["greening", 1, 3_000_000],
      ["micro-renovation", 2, 13_000_000],
      ["visiting", 1, 500_000]
    ])
  })

  it("sums the grants a project received from the ledger and flags grants over budget", () => {
    if (road === undefined) return assert.fail("fixtures")
    const f = Project.funding(road, ledger)
    expect([f.granted, f.remaining, f.findings]).toEqual([6_000_000, 2_000_000, []])
    const small = new Project.Project({ ...road, budget: Money.fen(5_000_000) })
    expect(Project.funding(small, ledger).findings.map((x) => x.code)).toEqual(["project/over-budget"])
  })

  it("takes claims (认领) on a claimable project and refuses the rest", () => {
    if (visits === undefined || road === undefined) return assert.fail("fixtures")
    const claim = Schema.decodeUnknownSync(Project.Claim)({
      claimant: { kind: "volunteer", name: "楼栋长 王" },
      role: "participate",
      on: "2025-04-01"
    })
    const r = Project.claim(visits, claim)
    assert.isTrue(Either.isRight(r) && r.right.claims.length === 2 && r.right.version === 2)
    const again = Either.flatMap(r, (p) => Project.claim(p, claim))
    assert.isTrue(
      Either.isLeft(again) &&
        again.left.message ===
          'project prj-visits: claim by 楼栋长 王 refused: they already hold the role "participate"'
    )
    const closed = Project.claim(road, claim)
    assert.isTrue(Either.isLeft(closed) && closed.left.reason === "the project is not open for claims")
  })

  it("finds inconsistent milestones with paths and rejects bad progress on decode", () => {
    if (road === undefined) return assert.fail("fixtures")
    const p = Schema.decodeUnknownSync(Project.Project)({
      ...Schema.encodeSync(Project.Project)(road),
      status: "completed",
      milestones: [
        { code: "a", name: "A", weight: 1, progress: 80, completedOn: "2025-01-01" },
        { code: "a", name: "A again", weight: 1, progress: 100 }
      ]
    })
    expect(Project.validate(p).map((f) => [f.code, f.path])).toEqual([
      ["project/completed-below-100", ["milestones", 0, "progress"]],
      ["project/duplicate-milestone", ["milestones", 1, "code"]],
      ["project/unfinished", ["status"]]
    ])
    const bad = Decode.decodeEither(Project.Project)({
      ...Schema.encodeSync(Project.Project)(road),
      milestones: [{ code: "a", name: "A", weight: 0, progress: 101 }]
    })
    assert.isTrue(Either.isLeft(bad))
    if (Either.isLeft(bad))
      expect(bad.left.issues.map((i) => i.path)).toEqual([
        ["milestones", 0, "weight"],
        ["milestones", 0, "progress"]
      ])
  })
})
