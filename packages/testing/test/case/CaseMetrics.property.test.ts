import { describe, expect, it } from "@effect/vitest"
import { Case, type CaseCategory, CaseMetrics, Escalation } from "@zhili/core"
import { CaseArbitraries } from "@zhili/testing"
import { DateTime, Either } from "effect"
import * as fc from "fast-check"

// The case metrics count in one pass and compute each case's first resolve deadline once. Property: on random cases
// (random lifecycles, the same case object listed more than once, with and without a scope) they equal the
// straightforward definitions below, written as filters over the whole list.

const policy = CaseArbitraries.policy
const start = fc
  .integer({ min: 0, max: 330 })
  .map((d) => DateTime.add(DateTime.unsafeMake("2025-01-02T02:00:00Z"), { days: d }))
// Random lifecycles rarely reach closing, so most steps take the next step of the usual path when it is allowed
// (accept, dispatch, start, resolve, verify, close), and some cases are hurried (gaps scaled down), so that many cases
// close, on time or late, some after an extension, a shelving or a reopening.
const forward: ReadonlyArray<Case.EventTag> = ["Accepted", "Dispatched", "Started", "Resolved", "Verified", "Closed"]
const steps = fc.tuple(
  fc.array(fc.tuple(CaseArbitraries.step, fc.integer({ min: 0, max: 9 })), { minLength: 6, maxLength: 30 }),
  fc.constantFrom(0.05, 0.2, 0.5, 1)
)
const aCase = fc.tuple(CaseArbitraries.intake, start, steps).map(([intake, at, [xs, hurry]]) => {
  const first: Case.Event = { _tag: "Reported", at, by: new Case.Actor({ role: "resident", id: "r" }), intake }
  let current = Either.getOrThrow(Case.fold([first], policy))
  for (const [step, roll] of xs) {
    const allowed = Case.allowedEvents(current.status)
    const next = allowed.findIndex((t) => forward.includes(t))
    const s: CaseArbitraries.Step = {
      ...step,
      gapMinutes: Math.round(step.gapMinutes * hurry),
      ...(roll < 8 && next >= 0 ? { legal: true, pick: next } : { legal: roll < 9 })
    }
    const r = Case.transition(current, CaseArbitraries.eventFor(current, s, intake), policy)
    if (Either.isRight(r)) current = r.right
  }
  return current
})
const severities = ["minor", "major", "critical"] as const
const input = fc
  .record({
    distinct: fc.array(aCase, { maxLength: 25 }),
    repeats: fc.array(fc.nat(), { maxLength: 6 }),
    from: fc.integer({ min: 1, max: 12 }),
    months: fc.integer({ min: 0, max: 11 }),
    severity: fc.option(fc.constantFrom(...severities), { nil: undefined })
  })
  .map(({ distinct, from, months, repeats, severity }) => {
    const cases = [...distinct]
    for (const r of repeats) if (distinct.length > 0) cases.push(distinct[r % distinct.length] as Case.Case)
    const to = Math.min(12, from + months)
    const options: CaseMetrics.Options =
      severity === undefined ? { policy } : { policy, scope: (c) => c.intake.severity === severity }
    return { cases, period: CaseMetrics.months({ year: 2025, month: from }, { year: 2025, month: to }), options }
  })

// ---------------------------------------------------------------------------------------------------------------
// The definitions, as filters (the formulas of the doc comments)
// ---------------------------------------------------------------------------------------------------------------
type Cases = ReadonlyArray<Case.Case>
// A case left out of the assessment (an Excluded event before the period's end) counts nowhere.
const assessed = (c: Case.Case, p: CaseMetrics.Period) =>
  !c.history.some((e) => e._tag === "Excluded" && e.at.epochMillis < p.to.epochMillis)
const inScope = (cases: Cases, o: CaseMetrics.Options) => (o.scope === undefined ? cases : cases.filter(o.scope))
const closedIn = (cases: Cases, p: CaseMetrics.Period) =>
  cases.filter(
    (c) => c.status === "closed" && c.closedAt !== undefined && CaseMetrics.contains(p, c.closedAt) && assessed(c, p)
  )
const pair = (n: number, d: number) => [n, d] as const
const naive = {
  response: (cases: Cases, p: CaseMetrics.Period, o: CaseMetrics.Options) => {
    // read at the period's end: an answer after it has not happened yet; an unanswered case whose response deadline
    // is still ahead, or that the resident withdrew before any answer, is not counted
    const end = p.to.epochMillis
    const answered = (c: Case.Case) => c.respondedAt !== undefined && c.respondedAt.epochMillis < end
    const withdrawnFirst = (c: Case.Case) => {
      const w = c.history.findIndex((e) => e._tag === "Withdrawn" && e.at.epochMillis < end)
      const a = c.history.findIndex((e) => e._tag === "Accepted" || e._tag === "Rejected")
      return w >= 0 && (a < 0 || a > w)
    }
    const reported = inScope(cases, o)
      .filter((c) => CaseMetrics.contains(p, c.reportedAt) && assessed(c, p))
      .filter(
        (c) =>
          answered(c) || !(withdrawnFirst(c) || (c.due.response !== undefined && c.due.response.epochMillis >= end))
      )
    const onTime = reported.filter(
      (c) =>
        answered(c) &&
        c.respondedAt !== undefined &&
        (c.due.response === undefined || c.respondedAt.epochMillis <= c.due.response.epochMillis)
    )
    return pair(onTime.length, reported.length)
  },
  resolution: (cases: Cases, p: CaseMetrics.Period, o: CaseMetrics.Options) => {
    const closed = closedIn(inScope(cases, o), p)
    return pair(closed.filter((c) => c.closure === "fixed").length, closed.length)
  },
  satisfaction: (cases: Cases, p: CaseMetrics.Period, o: CaseMetrics.Options) => {
    const scale = o.satisfaction ?? CaseMetrics.defaultSatisfactionScale
    const rated = closedIn(inScope(cases, o), p).filter((c) => c.satisfaction !== undefined)
    return pair(
      rated.reduce((s, c) => s + (c.satisfaction === undefined ? 0 : scale[c.satisfaction]), 0),
      rated.length
    )
  },
  dueAndDeferred: (cases: Cases, p: CaseMetrics.Period, o: CaseMetrics.Options) => {
    const due = inScope(cases, o).filter((c) => {
      const d = Case.originalDue(c, o.policy)
      return d !== undefined && CaseMetrics.contains(p, d) && assessed(c, p)
    })
    const deferred = due.filter((c) =>
      c.history.some(
        (e) => (e._tag === "ExtensionGranted" || e._tag === "Shelved") && e.at.epochMillis < p.to.epochMillis
      )
    )
    return { due, deferred }
  },
  closedBy: (c: Case.Case, p: CaseMetrics.Period) =>
    c.status === "closed" && c.closedAt !== undefined && c.closedAt.epochMillis < p.to.epochMillis,
  closing: (cases: Cases, p: CaseMetrics.Period, o: CaseMetrics.Options) => {
    const { deferred, due } = naive.dueAndDeferred(cases, p, o)
    const base = due.filter((c) => !deferred.includes(c))
    return pair(base.filter((c) => naive.closedBy(c, p)).length, base.length)
  },
  onTimeClosing: (cases: Cases, p: CaseMetrics.Period, o: CaseMetrics.Options) => {
    const { deferred, due } = naive.dueAndDeferred(cases, p, o)
    const base = due.filter((c) => !deferred.includes(c))
    const onTime = base.filter((c) => {
      if (!naive.closedBy(c, p)) return false
      const original = Case.originalDue(c, o.policy)
      const reversed = [...c.history].reverse()
      const feedback = reversed.find((e) => e._tag === "Resolved") ?? reversed.find((e) => e._tag === "Closed")
      return original !== undefined && feedback !== undefined && feedback.at.epochMillis <= original.epochMillis
    })
    return pair(onTime.length, base.length)
  },
  rework: (cases: Cases, p: CaseMetrics.Period, o: CaseMetrics.Options) => {
    const closed = closedIn(inScope(cases, o), p)
    return pair(closed.filter((c) => c.reopenCount > 0).length, closed.length)
  },
  extension: (cases: Cases, p: CaseMetrics.Period, o: CaseMetrics.Options) => {
    const accepted = inScope(cases, o).filter(
      (c) => c.acceptedAt !== undefined && CaseMetrics.contains(p, c.acceptedAt) && assessed(c, p)
    )
    const extendedBy = (c: Case.Case) =>
      c.history.some((e) => e._tag === "ExtensionGranted" && e.at.epochMillis < p.to.epochMillis)
    return pair(accepted.filter(extendedBy).length, accepted.length)
  }
}
const rank = (level: CaseCategory.HandlingLevel): number =>
  ["micro-grid", "compound", "community", "street"].indexOf(level)
const naiveSettled = (cases: Cases, p: CaseMetrics.Period, scope: (c: Case.Case) => boolean) => {
  const closed = cases.filter((c) => scope(c) && c.closedAt !== undefined && CaseMetrics.contains(p, c.closedAt))
  const atMost = (level: CaseCategory.HandlingLevel) => closed.filter((c) => rank(c.level) <= rank(level)).length
  return [closed.length, atMost("compound"), atMost("community")]
}
const parts = (r: CaseMetrics.Rate) => [r.numerator, r.denominator] as const

describe("CaseMetrics properties", () => {
  it("each rate equals its definition", () => {
    fc.assert(
      fc.property(input, ({ cases, options, period }) => {
        expect(parts(CaseMetrics.responseRate(cases, period, options))).toEqual(naive.response(cases, period, options))
        expect(parts(CaseMetrics.resolutionRate(cases, period, options))).toEqual(
          naive.resolution(cases, period, options)
        )
        expect(parts(CaseMetrics.satisfactionRate(cases, period, options))).toEqual(
          naive.satisfaction(cases, period, options)
        )
        expect(parts(CaseMetrics.closingRate(cases, period, options))).toEqual(naive.closing(cases, period, options))
        expect(parts(CaseMetrics.onTimeClosingRate(cases, period, options))).toEqual(
          naive.onTimeClosing(cases, period, options)
        )
        expect(parts(CaseMetrics.reworkRate(cases, period, options))).toEqual(naive.rework(cases, period, options))
        expect(parts(CaseMetrics.extensionRate(cases, period, options))).toEqual(
          naive.extension(cases, period, options)
        )
        const got = CaseMetrics.dueAndDeferred(cases, period, options)
        const want = naive.dueAndDeferred(cases, period, options)
        // the same case objects, in the same order
        expect(got.due.length).toBe(want.due.length)
        expect(got.due.every((c, i) => c === want.due[i])).toBe(true)
        expect(got.deferred.length).toBe(want.deferred.length)
        expect(got.deferred.every((c, i) => c === want.deferred[i])).toBe(true)
      }),
      { numRuns: 150 }
    )
  })

  it("the summary agrees with the rates and the counts of closed cases", () => {
    fc.assert(
      fc.property(input, ({ cases, options, period }) => {
        const s = CaseMetrics.summarize(cases, period, options)
        const closed = closedIn(inScope(cases, options), period)
        expect([s.reported, s.closed, s.closedFixed, s.closedNotFixed]).toEqual([
          inScope(cases, options).filter((c) => CaseMetrics.contains(period, c.reportedAt)).length,
          closed.length,
          closed.filter((c) => c.closure === "fixed").length,
          closed.filter((c) => c.closure === "not-fixed").length
        ])
        expect(parts(s.closing)).toEqual(naive.closing(cases, period, options))
        expect(parts(s.onTimeClosing)).toEqual(naive.onTimeClosing(cases, period, options))
        expect(parts(s.rework)).toEqual(naive.rework(cases, period, options))
        expect(parts(s.extension)).toEqual(naive.extension(cases, period, options))
      }),
      { numRuns: 100 }
    )
  })

  it("settled shares equal their definition", () => {
    fc.assert(
      fc.property(input, ({ cases, options, period }) => {
        const s = Escalation.settledShares(cases, period, options.scope)
        expect([s.closed, s.inCompound.numerator, s.inCommunity.numerator]).toEqual(
          naiveSettled(cases, period, options.scope ?? (() => true))
        )
      }),
      { numRuns: 150 }
    )
  })

  it("the monthly ranking scores each unit on its own cases", () => {
    fc.assert(
      fc.property(input, ({ cases, options, period }) => {
        const unitOf = (c: Case.Case) => c.intake.location.grid
        const byUnit = new Map<string, Array<Case.Case>>()
        for (const c of inScope(cases, options)) {
          const u = unitOf(c)
          if (u !== undefined) byUnit.set(u, [...(byUnit.get(u) ?? []), c])
        }
        const want = CaseMetrics.rank(
          [...byUnit].map(([unit, cs]) => ({
            unit,
            score: CaseMetrics.score({
              response: CaseMetrics.responseRate(cs, period, { policy }),
              resolution: CaseMetrics.resolutionRate(cs, period, { policy }),
              satisfaction: CaseMetrics.satisfactionRate(cs, period, { policy })
            })
          }))
        )
        expect(CaseMetrics.monthlyRanking(cases, period, unitOf, options)).toEqual(want)
      }),
      { numRuns: 100 }
    )
  })
})
