import { assert, describe, expect, it } from "@effect/vitest"
import { Case, CaseMetrics, Deliberation, Ids, LocalDate, Mediation } from "@zhili/core"
import { Either, Option, Redacted, Schema } from "effect"
import { bj, foldOk, happyPath, intake, policy } from "./support.js"

const judges = [Ids.PersonId.make("judge-a"), Ids.PersonId.make("judge-b"), Ids.PersonId.make("judge-c")] as const
const hejia = Ids.PersonId.make("hejia-1")

const mediation = (n: number, outcome?: Mediation.Outcome) =>
  new Mediation.Mediation({
    id: Ids.MediationId.make(`med-${n}`),
    tenant: Ids.TenantId.make("440881002001"),
    case: Ids.CaseId.make(`case_${n}`),
    parties: [
      new Mediation.Party({ role: "applicant", name: Redacted.make("甲") }),
      new Mediation.Party({ role: "respondent", name: Redacted.make("乙") })
    ],
    mediators: [new Mediation.Mediator({ person: hejia, role: "hejia-volunteer" })],
    sessions: [new Mediation.Session({ at: bj("2025-09-03T15:00"), mediators: [hejia] })],
    ...(outcome === undefined ? {} : { outcome })
  })

describe("Mediation", () => {
  it("counts agreements as successes; partial only when asked; failures with their referrals", () => {
    const ms = [
      mediation(1, { _tag: "Agreement", at: bj("2025-09-03T17:00"), written: true }),
      mediation(2, { _tag: "Partial", at: bj("2025-09-03T17:00") }),
      mediation(3, { _tag: "Failed", at: bj("2025-09-03T17:00"), referral: "litigation" }),
      mediation(4)
    ]
    const sept = CaseMetrics.month(2025, 9)
    expect(Mediation.successRate(ms, sept)).toMatchObject({ numerator: 1, denominator: 3 })
    expect(Mediation.successRate(ms, sept, { partialCounts: true })).toMatchObject({ numerator: 2, denominator: 3 })
    expect(Mediation.referrals(ms, sept).map((m) => m.id)).toEqual(["med-3"])
    expect(Mediation.successRate(ms, CaseMetrics.month(2025, 10)).value).toBeNull()
  })

  it("finds too few parties, unknown mediators, sessions out of order and an outcome before the last session", () => {
    const bad = new Mediation.Mediation({
      ...mediation(5),
      parties: [new Mediation.Party({ role: "applicant", name: Redacted.make("甲") })],
      sessions: [
        new Mediation.Session({ at: bj("2025-09-05T15:00"), mediators: [hejia] }),
        new Mediation.Session({ at: bj("2025-09-04T15:00"), mediators: [judges[0]] })
      ],
      outcome: { _tag: "Agreement", at: bj("2025-09-04T14:00"), written: false }
    })
    expect(Mediation.validate(bad).map((f) => `${f.code}@${f.path.join(".")}`)).toEqual([
      "mediation/too-few-parties@parties",
      "mediation/unknown-mediator@sessions.1.mediators.0",
      "mediation/session-order@sessions.1.at",
      "mediation/outcome-before-session@outcome.at"
    ])
    expect(Mediation.validate(mediation(6, { _tag: "Agreement", at: bj("2025-09-03T17:00"), written: true }))).toEqual(
      []
    )
  })

  it("keeps party names redacted", () => {
    const m = mediation(7)
    expect(m.parties.map((p) => String(p.name))).toEqual(["<redacted>", "<redacted>"])
  })
})

describe("Mediation judges' rota", () => {
  it("rotates three judges week by week on the duty weekday", () => {
    const rota = Mediation.weeklyRota(judges, LocalDate.make(2025, 1, 1)) // a Wednesday
    const s = Mediation.schedule(rota, LocalDate.make(2025, 1, 1), LocalDate.make(2025, 1, 31))
    expect(s.map((x) => [x.date, x.judge])).toEqual([
      ["2025-01-01", "judge-a"],
      ["2025-01-08", "judge-b"],
      ["2025-01-15", "judge-c"],
      ["2025-01-22", "judge-a"],
      ["2025-01-29", "judge-b"]
    ])
    expect(Option.isNone(Mediation.onDuty(rota, LocalDate.make(2025, 1, 2)))).toBe(true)
    expect(Option.isNone(Mediation.onDuty(rota, LocalDate.make(2024, 12, 25)))).toBe(true)
  })

  it("rotates per duty day when several weekdays are duty days, and repeats with period 3", () => {
    const rota = new Mediation.Rota({
      judges: [...judges],
      anchor: LocalDate.make(2025, 9, 1),
      dutyWeekdays: [2, 4],
      turn: "duty-day"
    })
    const s = Mediation.schedule(rota, LocalDate.make(2025, 9, 1), LocalDate.make(2025, 9, 21))
    expect(s.map((x) => `${x.date}:${x.judge}`)).toEqual([
      "2025-09-02:judge-a",
      "2025-09-04:judge-b",
      "2025-09-09:judge-c",
      "2025-09-11:judge-a",
      "2025-09-16:judge-b",
      "2025-09-18:judge-c"
    ])
  })

  it("finds sessions held without the judge on duty", () => {
    const rota = Mediation.weeklyRota(judges, LocalDate.make(2025, 9, 3))
    const m = mediation(8) // session on Wednesday 2025-09-03 with only a 和家 volunteer
    expect(Mediation.sessionsWithoutDutyJudge(rota, [m]).map((x) => x.mediation)).toEqual(["med-8"])
  })

  it("rejects a rota without judges or with an impossible weekday", () => {
    expect(() =>
      Schema.decodeUnknownSync(Mediation.Rota)({ judges: [], anchor: "2025-01-01", dutyWeekdays: [3], turn: "week" })
    ).toThrow()
    expect(() =>
      Schema.decodeUnknownSync(Mediation.Rota)({ judges: ["j"], anchor: "2025-01-01", dutyWeekdays: [8], turn: "week" })
    ).toThrow()
  })
})

describe("Deliberation (议事亭)", () => {
  const tenant = Ids.TenantId.make("440881002001")
  const id = Ids.DeliberationId.make("meeting-1")
  const opened = intake({ id: Ids.CaseId.make("case_9"), source: "deliberation", deliberation: id })
  const meeting = new Deliberation.Deliberation({
    id,
    tenant,
    at: bj("2025-09-04T19:30"),
    place: "锦绣议事亭",
    participants: [
      new Deliberation.Participant({ role: "street-leader", count: 1 }),
      new Deliberation.Participant({ role: "resident", count: 12 }),
      new Deliberation.Participant({ role: "resident", person: Ids.PersonId.make("p-1"), count: 1 })
    ],
    topics: [
      new Deliberation.Topic({ key: "lights", title: "楼道灯", case: Ids.CaseId.make("case_1") }),
      new Deliberation.Topic({ key: "bikes", title: "非机动车棚" })
    ],
    decisions: [
      { _tag: "CloseCase", topic: "lights", case: Ids.CaseId.make("case_1"), fixed: true },
      { _tag: "OpenCase", topic: "bikes", intake: opened },
      { _tag: "Resolution", topic: "bikes", text: "物业三十日内出方案" }
    ]
  })

  it("counts attendance by role and finds nothing wrong with a sound meeting", () => {
    expect(Deliberation.attendance(meeting)).toEqual({ "street-leader": 1, resident: 13 })
    expect(Deliberation.validate(meeting)).toEqual([])
  })

  it("turns decisions into case events that the lifecycle applies", () => {
    const evs = Deliberation.events(meeting)
    expect(evs.map((e) => [e.case, e.event._tag])).toEqual([
      ["case_1", "Closed"],
      ["case_9", "Reported"]
    ])
    const verified = foldOk(happyPath("2025-09-01T10:00").slice(0, 6))
    const [close, open] = evs
    assert.isDefined(close)
    assert.isDefined(open)
    const closed = Case.transition(verified, close.event, policy)
    expect(Either.isRight(closed) && closed.right.closure).toBe("fixed")
    expect(Either.isRight(closed) && closed.right.history.at(-1)?.by).toEqual(
      new Case.Actor({ role: "meeting", id: "meeting-1" })
    )
    const fresh = Case.fold([open.event], policy)
    expect(Either.isRight(fresh) && fresh.right.intake.source).toBe("deliberation")
  })

  it("finds a meeting without residents, decisions on unlisted topics and unlinked opened cases", () => {
    const bad = new Deliberation.Deliberation({
      ...meeting,
      participants: [new Deliberation.Participant({ role: "community-cadre", count: 2 })],
      decisions: [
        { _tag: "OpenCase", topic: "nope", intake: intake() },
        { _tag: "CloseCase", topic: "lights", case: Ids.CaseId.make("case_2"), fixed: false }
      ]
    })
    expect(Deliberation.validate(bad).map((f) => `${f.code}@${f.path.join(".")}`)).toEqual([
      "deliberation/no-residents@participants",
      "deliberation/unknown-topic@decisions.0.topic",
      "deliberation/source@decisions.0.intake.source",
      "deliberation/link@decisions.0.intake.deliberation",
      "deliberation/case-mismatch@decisions.1.case"
    ])
  })
})
