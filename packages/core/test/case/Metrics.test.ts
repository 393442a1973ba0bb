import { describe, expect, it } from "@effect/vitest"
import { Case, CaseDeadline, CaseMetrics, Ids, Ranking } from "@zhili/core"
import { DateTime } from "effect"
import { bj, foldOk, happyPath, intake, policy, reported, staff } from "./support.js"

const options: CaseMetrics.Options = { policy }
const sept = CaseMetrics.month(2025, 9)

const rated = (start: string, satisfaction: Case.Satisfaction, fixed = true): Case.Case =>
  foldOk([
    ...happyPath(start, fixed),
    { _tag: "Rated", at: DateTime.add(bj(start), { hours: 30 }), by: staff, satisfaction }
  ])

describe("CaseMetrics periods", () => {
  it("builds a calendar month in Beijing time as a half-open period", () => {
    expect(DateTime.formatIso(sept.from)).toBe("2025-08-31T16:00:00.000Z")
    expect(DateTime.formatIso(sept.to)).toBe("2025-09-30T16:00:00.000Z")
    expect(CaseMetrics.contains(sept, sept.to)).toBe(false)
    expect(CaseMetrics.contains(sept, sept.from)).toBe(true)
  })
})

describe("CaseMetrics: the Beijing three rates", () => {
  const cases = [
    rated("2025-09-01T10:00", "satisfied"),
    rated("2025-09-02T10:00", "basically-satisfied"),
    rated("2025-09-03T10:00", "dissatisfied", false),
    // responded late: reported Friday 10:00, accepted the next Tuesday (response limit 1 working day)
    foldOk([reported(bj("2025-09-05T10:00")), { _tag: "Accepted", at: bj("2025-09-09T10:00"), by: staff }])
  ]

  it("response rate: accepted or refused by the response deadline ÷ reported", () => {
    const r = CaseMetrics.responseRate(cases, sept, options)
    expect([r.numerator, r.denominator]).toEqual([3, 4])
  })

  it("resolution rate: closed-not-fixed counts against it", () => {
    const r = CaseMetrics.resolutionRate(cases, sept, options)
    expect([r.numerator, r.denominator]).toEqual([2, 3])
  })

  it("satisfaction rate with the default scale and a replaced one", () => {
    expect(CaseMetrics.satisfactionRate(cases, sept, options).value).toBeCloseTo(2 / 3)
    const strict = new CaseMetrics.SatisfactionScale({
      satisfied: 1,
      "basically-satisfied": 0.5,
      dissatisfied: 0,
      source: "test"
    })
    expect(CaseMetrics.satisfactionRate(cases, sept, { ...options, satisfaction: strict }).value).toBeCloseTo(0.5)
  })

  it("weights the three rates 30/35/35 by default, and re-weights when one has nothing to count", () => {
    const s = CaseMetrics.summarize(cases, sept, options)
    expect(s.score).toBeCloseTo(100 * (0.3 * 0.75 + 0.35 * (2 / 3) + 0.35 * (2 / 3)), 5)
    expect(CaseMetrics.defaultWeights.source).toMatch(/default to be replaced/)
    const none = CaseMetrics.rate(0, 0)
    expect(CaseMetrics.score({ response: CaseMetrics.rate(1, 2), resolution: none, satisfaction: none })).toBe(50)
    expect(CaseMetrics.score({ response: none, resolution: none, satisfaction: none })).toBeNull()
  })
})

describe("CaseMetrics: closing, rework and extension", () => {
  // accepted Monday 09-01 11:00 → first resolve deadline Wednesday 09-10 11:00 (7 working days)
  const base: Array<Case.Event> = [reported(), { _tag: "Accepted", at: bj("2025-09-01T11:00"), by: staff }]
  const after = (events: ReadonlyArray<Case.Event>, hours: number): Array<Case.Event> =>
    events.map((e) => ({ ...e, at: DateTime.add(bj("2025-09-01T11:00"), { hours }) }))
  const tail = (fromHours: number, fixed = true): Array<Case.Event> => [
    ...after(
      [
        {
          _tag: "Dispatched",
          at: bj("2025-09-01T11:00"),
          by: staff,
          to: new Case.Assignee({ unit: Ids.OrgUnitId.make("u") })
        }
      ],
      fromHours
    ),
    ...after([{ _tag: "Started", at: bj("2025-09-01T11:00"), by: staff }], fromHours + 1),
    ...after([{ _tag: "Resolved", at: bj("2025-09-01T11:00"), by: staff, fixed, summary: "ok" }], fromHours + 2),
    ...after([{ _tag: "Verified", at: bj("2025-09-01T11:00"), by: staff }], fromHours + 3),
    ...after([{ _tag: "Closed", at: bj("2025-09-01T11:00"), by: staff, fixed }], fromHours + 4)
  ]
  const onTime = foldOk([...base, ...tail(1)])
  const late = foldOk([...base, ...tail(24 * 12)]) // closed 09-13, after its deadline
  const extended = foldOk([
    ...base,
    {
      _tag: "ExtensionGranted",
      at: bj("2025-09-05T10:00"),
      by: staff,
      extension: CaseDeadline.duration(5, "working-days"),
      reason: "r"
    },
    ...tail(24 * 12)
  ])
  const stillOpen = foldOk(base)
  const reworked = foldOk([
    ...base,
    ...tail(1).slice(0, 3),
    ...after([{ _tag: "Reopened", at: bj("2025-09-01T11:00"), by: staff, reason: "verification-failed" }], 5),
    ...after([{ _tag: "Started", at: bj("2025-09-01T11:00"), by: staff }], 5),
    ...after([{ _tag: "Resolved", at: bj("2025-09-01T11:00"), by: staff, fixed: true, summary: "again" }], 6),
    ...after([{ _tag: "Verified", at: bj("2025-09-01T11:00"), by: staff }], 7),
    ...after([{ _tag: "Closed", at: bj("2025-09-01T11:00"), by: staff, fixed: true }], 8)
  ])
  const all = [onTime, late, extended, stillOpen, reworked]

  it("closing rate = closed ÷ (due − deferred); on-time closing rate = closed on time ÷ (due − deferred)", () => {
    const { deferred, due } = CaseMetrics.dueAndDeferred(all, sept, options)
    expect(due).toHaveLength(5)
    expect(deferred).toEqual([extended])
    expect(CaseMetrics.closingRate(all, sept, options)).toMatchObject({ numerator: 3, denominator: 4 })
    expect(CaseMetrics.onTimeClosingRate(all, sept, options)).toMatchObject({ numerator: 2, denominator: 4 })
  })

  it("on time means the last feedback (the last Resolved) by the first deadline, however late the closing", () => {
    // deadline 09-10 11:00: resolved 09-10 10:00, verified and closed on 09-12
    const resolvedInTime = foldOk([
      ...base,
      ...tail(1).slice(0, 2),
      { _tag: "Resolved", at: bj("2025-09-10T10:00"), by: staff, fixed: true, summary: "ok" },
      { _tag: "Verified", at: bj("2025-09-12T10:00"), by: staff },
      { _tag: "Closed", at: bj("2025-09-12T11:00"), by: staff, fixed: true }
    ])
    // resolved in time, reopened, resolved again after the deadline: the last feedback is late
    const reResolvedLate = foldOk([
      ...base,
      ...tail(1).slice(0, 3),
      { _tag: "Reopened", at: bj("2025-09-09T10:00"), by: staff, reason: "verification-failed" },
      { _tag: "Started", at: bj("2025-09-09T11:00"), by: staff },
      { _tag: "Resolved", at: bj("2025-09-11T10:00"), by: staff, fixed: true, summary: "again" },
      { _tag: "Verified", at: bj("2025-09-11T11:00"), by: staff },
      { _tag: "Closed", at: bj("2025-09-11T12:00"), by: staff, fixed: true }
    ])
    expect(CaseMetrics.onTimeClosingRate([resolvedInTime], sept, options)).toMatchObject({
      numerator: 1,
      denominator: 1
    })
    expect(CaseMetrics.onTimeClosingRate([reResolvedLate], sept, options)).toMatchObject({
      numerator: 0,
      denominator: 1
    })
  })

  it("rework rate among closed cases, extension rate among accepted cases", () => {
    expect(CaseMetrics.reworkRate(all, sept, options)).toMatchObject({ numerator: 1, denominator: 4 })
    expect(CaseMetrics.extensionRate(all, sept, options)).toMatchObject({ numerator: 1, denominator: 5 })
  })

  it("filters by scope", () => {
    const s = CaseMetrics.summarize(all, sept, { ...options, scope: (c) => c === late })
    expect([s.reported, s.closed, s.closing.numerator, s.closing.denominator]).toEqual([1, 1, 1, 1])
    expect(s.onTimeClosing.numerator).toBe(0)
  })
})

describe("CaseMetrics ranking", () => {
  it("ranks with ties (1, 2, 2, 4), unscored units last", () => {
    const r = CaseMetrics.rank([
      { unit: "a", score: 80 },
      { unit: "b", score: 95 },
      { unit: "c", score: 80 },
      { unit: "d", score: 60 },
      { unit: "e", score: null }
    ])
    expect(r.map((x) => [x.unit, x.rank])).toEqual([
      ["b", 1],
      ["a", 2],
      ["c", 2],
      ["d", 4],
      ["e", null]
    ])
    expect(CaseMetrics.top(r, 2).map((x) => x.unit)).toEqual(["b", "a", "c"])
    expect(CaseMetrics.bottom(r, 1).map((x) => x.unit)).toEqual(["d"])
    expect(CaseMetrics.bottom(r, 2).map((x) => x.unit)).toEqual(["d", "c", "a"])
    expect(CaseMetrics.top(r, 0)).toEqual([])
  })

  it("orders ties by unit id whatever the input order, and compares scores at two decimals, as Ranking.rank does", () => {
    const entries = [
      { unit: "zhang", score: 89.995 },
      { unit: "li", score: 90 },
      { unit: "wang", score: 91.5 },
      { unit: "chen", score: null },
      { unit: "an", score: null }
    ]
    const want = [
      ["wang", 1, 91.5],
      ["li", 2, 90],
      ["zhang", 2, 90],
      ["an", null, null],
      ["chen", null, null]
    ]
    expect(CaseMetrics.rank(entries).map((x) => [x.unit, x.rank, x.score])).toEqual(want)
    expect(CaseMetrics.rank([...entries].reverse()).map((x) => [x.unit, x.rank, x.score])).toEqual(want)
    // the assessment ranking gives the same ranks and order on the scored units
    const assessed = Ranking.rank(
      entries.filter((e) => e.score !== null),
      (e) => e.score ?? 0,
      (e) => e.unit
    )
    expect(assessed.map((r) => [r.item.unit, r.rank, r.score])).toEqual(want.slice(0, 3))
  })

  it("ranks units by their month's composite score", () => {
    const cases = [
      rated("2025-09-01T10:00", "satisfied"),
      foldOk([...happyPath("2025-09-02T10:00").slice(0, 2), ...happyPath("2025-09-02T10:00").slice(2)]),
      foldOk([reported(bj("2025-09-03T10:00"), intake({ category: Ids.CategoryCode.make("sanitation.garbage") }))])
    ]
    const unitOf = (c: Case.Case) =>
      c.intake.category === "sanitation.garbage"
        ? "cleaning"
        : c.closure === "fixed" && c.satisfaction
          ? "property"
          : "steward"
    const r = CaseMetrics.monthlyRanking(cases, sept, unitOf, { policy, units: ["idle"] })
    expect(r.map((x) => [x.unit, x.rank])).toEqual([
      ["property", 1],
      ["steward", 1],
      ["cleaning", 3],
      ["idle", null]
    ])
  })
})

describe("the score can weight on-time closing and rework", () => {
  const r = (n: number, d: number) => CaseMetrics.rate(n, d)
  const rates = {
    response: r(9, 10), // 0.9
    resolution: r(8, 10), // 0.8
    satisfaction: r(7, 10), // 0.7
    onTimeClosing: r(1, 2), // 0.5
    rework: r(1, 4) // 0.25 → counts as 0.75
  }
  it("ignores them at the default weights and counts them when weighted", () => {
    // 30/35/35: (0.3×0.9 + 0.35×0.8 + 0.35×0.7) × 100 = 79.5
    expect(CaseMetrics.score(rates)).toBe(79.5)
    const five = new CaseMetrics.Weights({
      response: 0.2,
      resolution: 0.2,
      satisfaction: 0.2,
      onTimeClosing: 0.2,
      rework: 0.2,
      source: "test"
    })
    // (0.9 + 0.8 + 0.7 + 0.5 + 0.75) ÷ 5 × 100 = 73
    expect(CaseMetrics.score(rates, five)).toBe(73)
    // an on-time closing rate with nothing to count drops out: (0.9 + 0.8 + 0.7 + 0.75) ÷ 4 × 100 = 78.75
    expect(CaseMetrics.score({ ...rates, onTimeClosing: r(0, 0) }, five)).toBe(78.75)
  })
})
