// The judges' rota with holidays, absences and swaps, and a mediation's outcome settling its dispute case, on
// hand-written schedules (issue: cases as a command centre runs them).
import { assert, describe, expect, it } from "@effect/vitest"
import { Case, Ids, type LocalDate, Mediation } from "@zhili/core"
import { Either, Option, Redacted } from "effect"
import { bj, foldOk, intake, official2025, policy, reported, staff, unit } from "./support.js"

const [a, b, c] = [Ids.PersonId.make("judge-a"), Ids.PersonId.make("judge-b"), Ids.PersonId.make("judge-c")]
const d = (s: string) => s as LocalDate.LocalDate

describe("the judges' rota by duty day (Wednesdays from 3 September 2025)", () => {
  const base = {
    judges: [a, b, c] as const,
    anchor: d("2025-09-03"),
    dutyWeekdays: [3] as const,
    turn: "duty-day" as const
  }
  const shut = Mediation.closedDays(official2025, d("2025-09-01"), d("2025-11-30"))

  it("skips the National Day holiday without using a turn", () => {
    // 1 and 8 October 2025 are holidays (2025-10-01 … 10-08)
    expect(shut).toContain("2025-10-01")
    expect(shut).toContain("2025-10-08")
    const rota = new Mediation.Rota({ ...base, closed: shut })
    expect(Mediation.schedule(rota, d("2025-09-01"), d("2025-10-31"))).toEqual([
      { date: "2025-09-03", judge: "judge-a" },
      { date: "2025-09-10", judge: "judge-b" },
      { date: "2025-09-17", judge: "judge-c" },
      { date: "2025-09-24", judge: "judge-a" },
      { date: "2025-10-15", judge: "judge-b" },
      { date: "2025-10-22", judge: "judge-c" },
      { date: "2025-10-29", judge: "judge-a" }
    ])
    // without the holidays the room would sit on 1 and 8 October and 15 October would be judge-a's
    const naive = new Mediation.Rota(base)
    expect(Option.getOrUndefined(Mediation.onDuty(naive, d("2025-10-15")))).toBe("judge-a")
  })

  it("passes an absent judge's day to the next judge present, and a swap gives a day to another judge", () => {
    const rota = new Mediation.Rota({
      ...base,
      closed: shut,
      absences: [new Mediation.Absence({ judge: b, from: d("2025-10-13"), to: d("2025-10-17") })],
      swaps: [new Mediation.Swap({ date: d("2025-10-29"), judge: b })]
    })
    const on = (date: string) => Option.getOrUndefined(Mediation.onDuty(rota, d(date)))
    expect([on("2025-10-15"), on("2025-10-22"), on("2025-10-29"), on("2025-11-05")]).toEqual([
      "judge-c", // judge-b away: the next judge present
      "judge-c", // the order is unchanged: judge-c's own turn
      "judge-b", // swapped in for judge-a
      "judge-b"
    ])
  })

  it("lists the duty days nobody can cover", () => {
    const rota = new Mediation.Rota({
      ...base,
      closed: shut,
      absences: [a, b, c].map((judge) => new Mediation.Absence({ judge, from: d("2025-11-12"), to: d("2025-11-12") }))
    })
    expect(Mediation.uncovered(rota, d("2025-09-01"), d("2025-11-30"))).toEqual(["2025-11-12"])
  })
})

describe("a mediation's outcome settles its dispute case", () => {
  const dispute = foldOk([
    reported(bj("2025-09-01T10:00"), intake({ kind: "dispute", category: Ids.CategoryCode.make("neighbour.noise") })),
    { _tag: "Accepted", at: bj("2025-09-01T11:00"), by: staff },
    { _tag: "Dispatched", at: bj("2025-09-01T12:00"), by: staff, to: unit("hejia-studio") },
    { _tag: "Started", at: bj("2025-09-02T09:00"), by: staff }
  ])
  const mediator = new Case.Actor({ role: "mediator", id: "hejia-1" })
  const mediation = (outcome?: Mediation.Outcome, caseId = "case_1") =>
    new Mediation.Mediation({
      id: Ids.MediationId.make("med-1"),
      tenant: Ids.TenantId.make("440881002001"),
      case: Ids.CaseId.make(caseId),
      parties: [
        new Mediation.Party({ role: "applicant", name: Redacted.make("甲") }),
        new Mediation.Party({ role: "respondent", name: Redacted.make("乙") })
      ],
      mediators: [new Mediation.Mediator({ person: Ids.PersonId.make("hejia-1"), role: "hejia-volunteer" })],
      sessions: [new Mediation.Session({ at: bj("2025-09-03T15:00"), mediators: [Ids.PersonId.make("hejia-1")] })],
      ...(outcome === undefined ? {} : { outcome })
    })

  it("an agreement resolves it as fixed, a failure as not fixed with the referral, a partial one leaves it", () => {
    const agreed = Either.getOrThrow(
      Mediation.settle(
        dispute,
        mediation({ _tag: "Agreement", at: bj("2025-09-03T17:00"), written: true }),
        mediator,
        policy
      )
    )
    expect([agreed.status, agreed.resolvedFixed, iso(agreed.resolvedAt)]).toEqual([
      "resolved",
      true,
      "2025-09-03T09:00:00.000Z"
    ])
    const failed = Either.getOrThrow(
      Mediation.settle(
        dispute,
        mediation({ _tag: "Failed", at: bj("2025-09-03T17:00"), referral: "litigation" }),
        mediator,
        policy
      )
    )
    expect([failed.status, failed.resolvedFixed]).toEqual(["resolved", false])
    const last = failed.history[failed.history.length - 1]
    expect(last?._tag === "Resolved" ? last.summary : undefined).toBe("调解不成，引导诉讼")
    const partial = Either.getOrThrow(
      Mediation.settle(dispute, mediation({ _tag: "Partial", at: bj("2025-09-03T17:00") }), mediator, policy)
    )
    expect(partial).toBe(dispute)
  })

  it("refuses a mediation about another case", () => {
    const other = Mediation.settle(
      dispute,
      mediation({ _tag: "Agreement", at: bj("2025-09-03T17:00"), written: false }, "case_2"),
      mediator,
      policy
    )
    if (Either.isRight(other)) return assert.fail("expected a refusal")
    expect(other.left.message).toContain("mediation med-1 is about case case_2, not this one")
  })
})

const iso = (x: { readonly epochMillis: number } | undefined) =>
  x === undefined ? undefined : new Date(x.epochMillis).toISOString()
