import { describe, expect, it } from "@effect/vitest"
import { Eligibility, Enrolment, Ids, LocalDate } from "@zhili/core"
import { Either, Schema } from "effect"
import * as fc from "fast-check"

const d = (s: string) => Schema.decodeSync(LocalDate.LocalDate)(s)
const p = (s: string) => Ids.PersonId.make(s)

const roster = (capacity?: number) =>
  Schema.decodeSync(Enrolment.Roster)({
    tenant: "440881002001",
    id: "roster-after-school-2025-autumn",
    target: { _tag: "Service", id: "svc-after-school" },
    ...(capacity === undefined ? {} : { capacity })
  })

const ok = <A, E>(r: Either.Either<A, E>): A => Either.getOrThrow(r)
const statuses = (r: Enrolment.Roster) => r.entries.map((e) => `${e.person}:${e.status}`)

describe("Enrolment: a hand-written term with two places", () => {
  it("registers, waitlists, promotes on cancellation and marks attendance", () => {
    let r = roster(2)
    const outcomes: Array<string> = []
    for (const who of ["a", "b", "c", "d"]) {
      const x = ok(Enrolment.enrol(r, { person: p(who), on: d("2025-09-01") }))
      outcomes.push(x.status)
      r = x.roster
    }
    expect(outcomes).toEqual(["registered", "registered", "waitlisted", "waitlisted"])
    expect(Enrolment.waitingList(r)).toEqual(["c", "d"])
    expect(Enrolment.placesLeft(r)).toBe(0)

    const cancelled = ok(Enrolment.cancel(r, p("a"), d("2025-09-03")))
    expect(cancelled.promoted).toEqual(["c"])
    r = cancelled.roster
    expect(statuses(r)).toEqual(["a:cancelled", "b:registered", "c:registered", "d:waitlisted"])

    r = ok(Enrolment.attend(r, p("b"), d("2025-09-08")))
    r = ok(Enrolment.noShow(r, p("c"), d("2025-09-08")))
    // a no-show keeps the place: d stays on the waiting list, and a newcomer joins behind d
    const e = ok(Enrolment.enrol(r, { person: p("e"), on: d("2025-09-09") }))
    expect(e.status).toBe("waitlisted")
    r = e.roster
    // d leaves the waiting list: nobody is promoted, e moves up
    const dOut = ok(Enrolment.cancel(r, p("d"), d("2025-09-10")))
    expect(dOut.promoted).toEqual([])
    r = dOut.roster
    expect(Enrolment.waitingList(r)).toEqual(["e"])
    // a third place opens: e is promoted
    const wider = Enrolment.setCapacity(r, 3, d("2025-09-11"))
    expect(wider.promoted).toEqual(["e"])
    r = wider.roster
    // a cancelled person may enrol again, at the end
    r = ok(Enrolment.enrol(r, { person: p("a"), on: d("2025-09-12") })).roster
    expect(statuses(r)).toEqual([
      "a:cancelled",
      "b:attended",
      "c:no-show",
      "d:cancelled",
      "e:registered",
      "a:waitlisted"
    ])
    expect(Enrolment.statistics(r)).toEqual({
      registered: 1,
      waitlisted: 1,
      attended: 1,
      cancelled: 2,
      "no-show": 1,
      attendanceRate: 0.5
    })
  })

  it("refuses a second enrolment and illegal steps with typed errors naming both ends", () => {
    let r = ok(Enrolment.enrol(roster(1), { person: p("a"), on: d("2025-09-01") })).roster
    r = ok(Enrolment.enrol(r, { person: p("b"), on: d("2025-09-01") })).roster
    const twice = Enrolment.enrol(r, { person: p("a"), on: d("2025-09-02") })
    expect(Either.isLeft(twice) && twice.left.message).toBe(
      "roster roster-after-school-2025-autumn: person a is already registered"
    )
    const waitAttend = Enrolment.attend(r, p("b"), d("2025-09-08"))
    expect(Either.isLeft(waitAttend) && waitAttend.left).toMatchObject({
      _tag: "EnrolmentIllegalTransition",
      from: "waitlisted",
      to: "attended"
    })
    const attended = ok(Enrolment.attend(r, p("a"), d("2025-09-08")))
    const cancelAfter = Enrolment.cancel(attended, p("a"), d("2025-09-09"))
    expect(Either.isLeft(cancelAfter) && cancelAfter.left.message).toBe(
      "roster roster-after-school-2025-autumn: person a cannot go from attended to cancelled"
    )
    const stranger = Enrolment.cancel(r, p("z"), d("2025-09-09"))
    expect(Either.isLeft(stranger) && stranger.left._tag).toBe("EnrolmentNotEnrolled")
  })

  it("has no limit without a capacity", () => {
    let r = roster()
    for (let i = 0; i < 100; i++) r = ok(Enrolment.enrol(r, { person: p(`p${i}`), on: d("2025-09-01") })).roster
    expect(Enrolment.waitingList(r)).toEqual([])
    expect(Enrolment.placesLeft(r)).toBeUndefined()
  })
})

describe("Enrolment checks eligibility and keeps children's data out", () => {
  // 四点半课堂: children aged 0–12; 托育: 1–3 in completed years (the seed's services)
  const afterSchool = Eligibility.ageRange({ min: 0, max: 12 })
  const childcare = Eligibility.ageRange({ min: 1, max: 3 })
  const on = d("2025-09-01")
  const enrolChild = (predicate: Eligibility.Predicate, birthDate: string, who = "child-1") =>
    Enrolment.enrol(roster(30), { person: p(who), on }, { predicate, person: { birthDate: d(birthDate) }, on })

  it("admits 四点半课堂 children aged 0 to 12 and refuses a 13-year-old", () => {
    expect(Either.isRight(enrolChild(afterSchool, "2012-09-02"))).toBe(true) // 12 until tomorrow
    const thirteen = enrolChild(afterSchool, "2012-09-01")
    expect(Either.isLeft(thirteen) && thirteen.left._tag).toBe("EnrolmentNotEligible")
  })

  it("admits 托育 children from the first birthday until the fourth", () => {
    expect(
      ["2024-09-02", "2024-09-01", "2021-09-02", "2021-09-01"].map((b) => Either.isRight(enrolChild(childcare, b)))
    ).toEqual([false, true, true, false])
  })

  it("states the rule, never the child's birth date or age, and stores ids only", () => {
    const refused = enrolChild(afterSchool, "2010-03-15")
    expect(Either.isLeft(refused)).toBe(true)
    if (Either.isLeft(refused)) {
      expect(refused.left.message).toBe(
        `roster roster-after-school-2025-autumn: person child-1 does not meet the eligibility (${Eligibility.describe(afterSchool)})`
      )
      expect(refused.left.message).not.toContain("2010")
      expect(refused.left.message).not.toMatch(/\b15\b/)
      expect(JSON.stringify(refused.left)).not.toContain("2010-03-15")
    }
    const admitted = ok(enrolChild(afterSchool, "2016-04-20"))
    const stored = JSON.stringify(Schema.encodeSync(Enrolment.Roster)(admitted.roster))
    expect(stored).not.toContain("2016")
    expect(Object.keys(admitted.roster.entries[0] ?? {}).sort()).toEqual(["person", "requested", "status"])
  })
})

describe("Enrolment against a naive waiting-list simulator", () => {
  type Op =
    | { readonly op: "enrol"; readonly who: number }
    | { readonly op: "cancel"; readonly who: number }
    | { readonly op: "attend"; readonly who: number }
    | { readonly op: "noShow"; readonly who: number }
  const op: fc.Arbitrary<Op> = fc.record({
    op: fc.constantFrom("enrol" as const, "cancel" as const, "attend" as const, "noShow" as const),
    who: fc.integer({ min: 0, max: 7 })
  })

  /** The simulator: a list of [person, status] in request order; a cancellation hands its place to the first waiting. */
  const simulate = (capacity: number, ops: ReadonlyArray<Op>) => {
    const list: Array<[string, string]> = []
    const outcomes: Array<boolean> = []
    for (const o of ops) {
      const who = `v${o.who}`
      const live = list.find(([x, s]) => x === who && s !== "cancelled")
      if (o.op === "enrol") {
        if (live !== undefined) outcomes.push(false)
        else {
          const taken = list.filter(([, s]) => s === "registered" || s === "attended" || s === "no-show").length
          list.push([who, taken < capacity ? "registered" : "waitlisted"])
          outcomes.push(true)
        }
      } else if (o.op === "cancel") {
        if (live === undefined || (live[1] !== "registered" && live[1] !== "waitlisted")) outcomes.push(false)
        else {
          const freed = live[1] === "registered"
          live[1] = "cancelled"
          if (freed) {
            const next = list.find(([, s]) => s === "waitlisted")
            if (next !== undefined) next[1] = "registered"
          }
          outcomes.push(true)
        }
      } else {
        if (live === undefined || live[1] !== "registered") outcomes.push(false)
        else {
          live[1] = o.op === "attend" ? "attended" : "no-show"
          outcomes.push(true)
        }
      }
    }
    return { list: list.map(([x, s]) => `${x}:${s}`), outcomes }
  }

  it("gives the simulator's statuses and outcomes, never exceeds the capacity, serves the waiting list in order", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(op, { maxLength: 40 }), (capacity, ops) => {
        let r = roster(capacity)
        const outcomes: Array<boolean> = []
        for (const o of ops) {
          const person = p(`v${o.who}`)
          const on = d("2025-09-01")
          const step: Either.Either<Enrolment.Roster, unknown> =
            o.op === "enrol"
              ? Either.map(Enrolment.enrol(r, { person, on }), (x) => x.roster)
              : o.op === "cancel"
                ? Either.map(Enrolment.cancel(r, person, on), (x) => x.roster)
                : o.op === "attend"
                  ? Enrolment.attend(r, person, on)
                  : Enrolment.noShow(r, person, on)
          outcomes.push(Either.isRight(step))
          if (Either.isRight(step)) r = step.right
          expect(Enrolment.placesTaken(r)).toBeLessThanOrEqual(capacity)
        }
        const naive = simulate(capacity, ops)
        expect(statuses(r)).toEqual(naive.list)
        expect(outcomes).toEqual(naive.outcomes)
        // nobody waits while a place is free
        if (Enrolment.waitingList(r).length > 0) expect(Enrolment.placesTaken(r)).toBe(capacity)
      })
    )
  })
})
