import { describe, expect, it } from "@effect/vitest"
import { Case } from "@zhili/core"
import { CaseArbitraries } from "@zhili/testing"
import { DateTime, Either } from "effect"
import * as fc from "fast-check"

const policy = CaseArbitraries.policy
const start = fc
  .integer({ min: 0, max: 300 })
  .map((d) => DateTime.add(DateTime.unsafeMake("2025-01-02T02:00:00Z"), { days: d }))

const run = (intake: Case.Intake, at: DateTime.Utc, steps: ReadonlyArray<CaseArbitraries.Step>) => {
  const first: Case.Event = { _tag: "Reported", at, by: new Case.Actor({ role: "resident", id: "r" }), intake }
  let current = Either.getOrThrow(Case.fold([first], policy))
  const accepted: Array<Case.Event> = [first]
  const trace: Array<{ readonly before: Case.Case; readonly after: Case.Case; readonly ok: boolean }> = []
  for (const s of steps) {
    const event = CaseArbitraries.eventFor(current, s, intake)
    const r = Case.transition(current, event, policy)
    if (Either.isRight(r)) {
      accepted.push(event)
      trace.push({ before: current, after: r.right, ok: true })
      current = r.right
    } else {
      trace.push({ before: current, after: current, ok: false })
    }
  }
  return { accepted, current, trace }
}

describe("Case lifecycle properties", () => {
  it("folding the accepted events gives the case reached one event at a time", () => {
    fc.assert(
      fc.property(
        CaseArbitraries.intake,
        start,
        fc.array(CaseArbitraries.step, { maxLength: 40 }),
        (intake, at, steps) => {
          const { accepted, current } = run(intake, at, steps)
          const folded = Case.fold(accepted, policy)
          expect(Either.isRight(folded) && folded.right).toEqual(current)
        }
      ),
      { numRuns: 200 }
    )
  })

  it("a refused transition leaves the case unchanged and says why", () => {
    fc.assert(
      fc.property(
        CaseArbitraries.intake,
        start,
        fc.array(CaseArbitraries.step, { maxLength: 40 }),
        (intake, at, steps) => {
          let current = Either.getOrThrow(
            Case.fold([{ _tag: "Reported", at, by: new Case.Actor({ role: "resident", id: "r" }), intake }], policy)
          )
          for (const s of steps) {
            const snapshot = JSON.stringify(current)
            const r = Case.transition(current, CaseArbitraries.eventFor(current, s, intake), policy)
            if (Either.isLeft(r)) {
              expect(JSON.stringify(current)).toBe(snapshot)
              expect(r.left.from).toBe(current.status)
              expect(r.left.message).toContain(`case ${current.id}:`)
              expect(r.left.reason.length).toBeGreaterThan(0)
            } else {
              current = r.right
            }
          }
        }
      ),
      { numRuns: 200 }
    )
  })

  it("no sequence reaches a state that breaks a case invariant", () => {
    fc.assert(
      fc.property(
        CaseArbitraries.intake,
        start,
        fc.array(CaseArbitraries.step, { maxLength: 60 }),
        (intake, at, steps) => {
          const { trace } = run(intake, at, steps)
          for (const t of trace) {
            expect(Case.validate(t.after, policy)).toEqual([])
            if (t.ok) {
              expect(t.after.version).toBe(t.before.version + 1)
              expect(Case.allowedEvents(t.before.status)).toContain(t.after.history.at(-1)?._tag)
            }
          }
        }
      ),
      { numRuns: 200 }
    )
  })

  it("the generator reaches every status", () => {
    const seen = new Set<Case.Status>()
    fc.assert(
      fc.property(
        CaseArbitraries.intake,
        start,
        fc.array(CaseArbitraries.step, { minLength: 20, maxLength: 40 }),
        (intake, at, steps) => {
          for (const t of run(intake, at, steps).trace) seen.add(t.after.status)
        }
      ),
      { numRuns: 1000, seed: 42 }
    )
    expect([...seen].sort()).toEqual([...Case.Status.literals].sort())
  })
})
