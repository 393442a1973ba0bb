// The two workflow packs on hand-written timelines (issue: cases as a command centre runs them). Every expected
// instant and figure is written out by hand, Beijing time, with the calendar-cn working days (March 2026 has no
// public holiday).
import { assert, describe, expect, it } from "@effect/vitest"
import * as CalendarCn from "@zhili/calendar-cn"
import {
  Case,
  CaseCategory,
  CaseDeadline,
  CaseMetrics,
  CaseWorkflow,
  CorePlugin,
  Ids,
  Plugin,
  Runtime
} from "@zhili/core"
import * as BeijingHotline from "@zhili/policy-packs/beijing-hotline"
import * as DigitalUrbanManagement from "@zhili/policy-packs/digital-urban-management"
import { PluginSuite } from "@zhili/testing/suites"
import { DateTime, Either, Option } from "effect"

PluginSuite.suite(DigitalUrbanManagement.plugin, CorePlugin.points)

const bj = (s: string): DateTime.Utc => DateTime.unsafeMake(`${s}:00+08:00`)
const iso = (d: DateTime.Utc | undefined) => (d === undefined ? undefined : DateTime.formatIso(d))
const core = [CorePlugin.plugin, CalendarCn.plugin]

const policyOf = (plugins: ReadonlyArray<Plugin.Plugin>, selection: Runtime.Selection = {}) => {
  const policies = Either.getOrThrow(Runtime.make(plugins, { selection }))
  const calendar = policies.calendars.get(CalendarCn.id)
  if (calendar === undefined) throw new Error("calendar-cn not composed")
  return { policies, policy: Runtime.casePolicy(policies, CaseDeadline.fromWorkingCalendar(calendar)) }
}

const actor = (role: string, id: string, unit?: string) =>
  new Case.Actor({ role, id, ...(unit === undefined ? {} : { unit: Ids.OrgUnitId.make(unit) }) })

const intake = (over: Partial<ConstructorParameters<typeof Case.Intake>[0]> = {}) =>
  new Case.Intake({
    id: Ids.CaseId.make("case_1"),
    tenant: Ids.TenantId.make("440881002001"),
    kind: "request",
    category: Ids.CategoryCode.make("property.repair"),
    source: "patrol",
    title: "井盖缺失",
    location: new Case.Location({ grid: Ids.GridId.make("micro-1") }),
    priority: "normal",
    severity: "minor",
    complex: false,
    attributes: {},
    ...over
  })

const photo = (id: string, at: string, by: string, shows: "before" | "after") =>
  new Case.Attachment({
    id,
    mediaType: "image/jpeg",
    sha256: (id.charCodeAt(0).toString(16).padStart(2, "0") + "0".repeat(62)).slice(0, 64),
    takenAt: bj(at),
    by,
    shows
  })

/** Applies events in order; a refused one fails the test with its message. */
const run = (policy: Case.Policy, events: ReadonlyArray<Case.Event>): Case.Case =>
  Either.getOrThrowWith(Case.fold(events, policy), (e) => new Error(e.message))

const refusal = (policy: Case.Policy, c: Case.Case, e: Case.Event): Case.TransitionError => {
  const r = Case.transition(c, e, policy)
  if (Either.isRight(r)) return assert.fail(`expected ${e._tag} to be refused`)
  return r.left
}

describe("digital urban management (数字城管): 受理 → 立案 → 派遣 → 处置 → 核查 → 结案", () => {
  const { policies, policy } = policyOf([...core, DigitalUrbanManagement.plugin])
  const supervisor = actor("supervisor", "sup-1")
  const otherSupervisor = actor("supervisor", "sup-2")
  const dispatcher = actor("dispatcher", "disp-1")
  const handler = actor("handler", "h-1", "city-works")
  const coHandler = actor("handler", "h-2", "greening")
  const reportedOn = (at: string): Case.Event => ({ _tag: "Reported", at: bj(at), by: supervisor, intake: intake() })
  const filed: ReadonlyArray<Case.Event> = [
    reportedOn("2026-03-09T09:00"),
    { _tag: "Accepted", at: bj("2026-03-09T09:30"), by: dispatcher },
    {
      _tag: "Dispatched",
      at: bj("2026-03-09T10:00"),
      by: dispatcher,
      to: new Case.Assignee({ unit: Ids.OrgUnitId.make("city-works") })
    },
    { _tag: "Started", at: bj("2026-03-09T11:00"), by: handler }
  ]

  it("is the workflow in force once the pack is composed after the core pack", () => {
    expect(policies.selected.workflow).toBe("digital-urban-management/command-centre")
    expect(policy.workflow).toBe(DigitalUrbanManagement.workflow)
    expect(policy.workflow.levels).toEqual([
      "micro-grid",
      "compound",
      "community",
      "street",
      "district-department",
      "command-centre"
    ])
  })

  it("files, dispatches and handles with each state named by the workflow", () => {
    const c = run(policy, filed)
    expect(Case.stageOf(c)).toBe("handling")
    expect(c.status).toBe("in-progress")
    // 7 working days from Mon 9 March 09:30: Tue 10 … Wed 18 March, at the 17:30 close of day
    expect(iso(c.due.resolve)).toBe("2026-03-18T09:30:00.000Z")
    const afterFiling = run(policy, filed.slice(0, 2))
    expect(Case.stageOf(afterFiling)).toBe("registered")
    expect(afterFiling.status).toBe("accepted")
  })

  it("refuses filing by a grid worker, naming actor, role, from and to; the core workflow lets anyone file", () => {
    const c = run(policy, filed.slice(0, 1))
    const e = refusal(policy, c, { _tag: "Accepted", at: bj("2026-03-09T09:30"), by: actor("grid-worker", "gw-7") })
    assert.instanceOf(e, Case.RoleNotPermitted)
    expect(e).toMatchObject({ actor: "gw-7", roles: ["grid-worker"], from: "received", to: "registered" })
    expect(e.message).toBe(
      "case case_1: gw-7 (grid-worker) may not Accepted (received → registered): workflow digital-urban-management/command-centre lets only dispatcher do this"
    )
    // the same event under the core pack alone applies: the refusal comes from the pack
    const corePolicy = policyOf(core).policy
    const open = run(corePolicy, filed.slice(0, 1))
    assert.isTrue(
      Either.isRight(
        Case.transition(
          open,
          { _tag: "Accepted", at: bj("2026-03-09T09:30"), by: actor("grid-worker", "gw-7") },
          corePolicy
        )
      )
    )
  })

  it("takes an actor's further roles into account", () => {
    const c = run(policy, filed.slice(0, 1))
    const both = new Case.Actor({ role: "grid-worker", id: "gw-8", roles: ["dispatcher"] })
    assert.isTrue(
      Either.isRight(Case.transition(c, { _tag: "Accepted", at: bj("2026-03-09T09:30"), by: both }, policy))
    )
  })

  it("needs the dispatcher's approval for an extension, and nobody approves their own request", () => {
    const c = run(policy, filed)
    const ask = (approvedBy?: Case.Actor): Case.Event => ({
      _tag: "ExtensionGranted",
      at: bj("2026-03-16T10:00"),
      by: handler,
      extension: { amount: 3, unit: "working-days" },
      reason: "需协调管线单位",
      ...(approvedBy === undefined ? {} : { approvedBy })
    })
    const none = refusal(policy, c, ask())
    assert.instanceOf(none, Case.IllegalTransition)
    expect(none.message).toContain("it needs the approval of a dispatcher (approvedBy)")
    const byHandler = refusal(policy, c, ask(actor("handler", "h-9")))
    assert.instanceOf(byHandler, Case.RoleNotPermitted)
    expect(byHandler).toMatchObject({ actor: "h-9", allowed: ["dispatcher"] })
    const selfApproved = new Case.Actor({ role: "handler", id: "h-1", roles: ["dispatcher"] })
    const own = refusal(policy, c, { ...ask(selfApproved), by: selfApproved } as Case.Event)
    expect(own.message).toContain("nobody may approve their own request")
    const granted = Either.getOrThrow(Case.transition(c, ask(dispatcher), policy))
    // Wed 18 March 17:30 + 3 working days → Mon 23 March 17:30
    expect(iso(granted.due.resolve)).toBe("2026-03-23T09:30:00.000Z")
    expect(Case.stageOf(granted)).toBe("handling")
  })

  it("督办 raises the priority one step and tells the assignee and the supervisor", () => {
    const c = run(policy, filed)
    const press: Case.Event = { _tag: "Supervised", at: bj("2026-03-12T10:00"), by: dispatcher, reason: "群众反映强烈" }
    expect(Case.noticesFor(c, press, policy)).toEqual(["assignee", "supervisor"])
    const pressed = Either.getOrThrow(Case.transition(c, press, policy))
    expect(pressed.priority).toBe("urgent")
    expect(pressed.supervisionCount).toBe(1)
    expect(iso(pressed.due.resolve)).toBe("2026-03-18T09:30:00.000Z") // the deadline keeps running as set
    const again = Either.getOrThrow(
      Case.transition(pressed, { ...press, at: bj("2026-03-13T10:00") } as Case.Event, policy)
    )
    expect(again.priority).toBe("emergency")
    const third = Either.getOrThrow(
      Case.transition(again, { ...press, at: bj("2026-03-14T10:00") } as Case.Event, policy)
    )
    expect(third.priority).toBe("emergency")
    expect(third.supervisionCount).toBe(3)
  })

  describe("a whole case with 协办 and independent 核查", () => {
    const withCoHandler = [
      ...filed,
      {
        _tag: "CoHandlersAssigned",
        at: bj("2026-03-10T09:00"),
        by: dispatcher,
        units: [Ids.OrgUnitId.make("greening")]
      } as Case.Event
    ]
    const resolved: Case.Event = {
      _tag: "Resolved",
      at: bj("2026-03-13T14:00"),
      by: handler,
      fixed: true,
      summary: "已补装井盖",
      attachments: [photo("after-1", "2026-03-13T13:50", "h-1", "after")]
    }
    const coReported: Case.Event = {
      _tag: "CoHandlerReported",
      at: bj("2026-03-13T11:00"),
      by: coHandler,
      unit: Ids.OrgUnitId.make("greening"),
      summary: "绿化带已恢复"
    }

    it("is not resolved while a co-handler has not reported", () => {
      const c = run(policy, withCoHandler)
      const e = refusal(policy, c, resolved)
      expect(e.message).toContain("co-handler(s) greening have not reported their part")
      expect(Case.stageOf(c)).toBe("handling")
    })

    it("is checked only by a supervisor who did not resolve it, with photos before and after", () => {
      const handled = run(policy, [...withCoHandler, coReported, resolved])
      expect(Case.stageOf(handled)).toBe("handled")
      const byHandler = refusal(policy, handled, { _tag: "Verified", at: bj("2026-03-13T16:00"), by: handler })
      assert.instanceOf(byHandler, Case.RoleNotPermitted)
      const handlerAsSupervisor = new Case.Actor({ role: "supervisor", id: "h-1" })
      const own = refusal(policy, handled, { _tag: "Verified", at: bj("2026-03-13T16:00"), by: handlerAsSupervisor })
      expect(own.message).toContain("h-1 resolved this case and may not verify their own resolution")
      const noBefore = refusal(policy, handled, { _tag: "Verified", at: bj("2026-03-13T16:00"), by: otherSupervisor })
      expect(noBefore.message).toContain("it needs a photo before the work")
      const checked = Either.getOrThrow(
        Case.transition(
          handled,
          {
            _tag: "Verified",
            at: bj("2026-03-13T16:00"),
            by: otherSupervisor,
            attachments: [photo("before-1", "2026-03-09T09:00", "sup-1", "before")]
          },
          policy
        )
      )
      expect(Case.stageOf(checked)).toBe("checked")
      const closed = Either.getOrThrow(
        Case.transition(checked, { _tag: "Closed", at: bj("2026-03-13T17:00"), by: dispatcher, fixed: true }, policy)
      )
      expect(closed.status).toBe("closed")
      expect(closed.coHandlers?.map((h) => [h.unit, iso(h.reportedAt)])).toEqual([
        ["greening", "2026-03-13T03:00:00.000Z"]
      ])
      const march = CaseMetrics.month(2026, 3)
      const onTime = CaseMetrics.onTimeClosingRate([closed], march, { policy })
      expect([onTime.numerator, onTime.denominator]).toEqual([1, 1])
      const resolution = CaseMetrics.resolutionRate([closed], march, { policy })
      expect([resolution.numerator, resolution.denominator]).toEqual([1, 1])
    })
  })

  it("escalates through the district department to the command centre, and no further", () => {
    const c = run(policy, filed)
    const up = (from: Case.Case, to: string, at: string) =>
      Case.transition(from, { _tag: "Escalated", at: bj(at), by: dispatcher, to, reason: "severity" }, policy)
    const district = Either.getOrThrow(up(c, "district-department", "2026-03-10T09:00"))
    expect(Case.stageOf(district)).toBe("registered")
    expect(Option.getOrUndefined(Case.nextLevel(district, policy.workflow.levels))).toBe("command-centre")
    const centre = Either.getOrThrow(up(district, "command-centre", "2026-03-10T10:00"))
    expect(centre.level).toBe("command-centre")
    const beyond = up(centre, "city", "2026-03-10T11:00")
    assert.isTrue(Either.isLeft(beyond))
    if (Either.isLeft(beyond)) expect(beyond.left.message).toContain("city is not a level of workflow")
    const down = up(centre, "street", "2026-03-10T11:00")
    if (Either.isLeft(down)) expect(down.left.message).toContain("escalation must go above command-centre")
    else assert.fail("escalation downwards must be refused")
  })
})

describe("Beijing-style hotline (接诉即办): 派单 → 接单 → 办理 → 回访 → 结案", () => {
  const { policies, policy } = policyOf([...core, BeijingHotline.plugin])
  const resident = actor("resident", "r-1")
  const dispatcher = actor("dispatcher", "12345-d1")
  const handler = actor("handler", "w-1", "water-co")
  const visitor = actor("return-visitor", "12345-v1")
  // A water case: 2 h to respond, 24 h to resolve, round the clock (the hotline's utilities limits).
  const water = intake({ category: Ids.CategoryCode.make("utilities.water"), source: "hotline-12345", title: "停水" })
  const replied: ReadonlyArray<Case.Event> = [
    { _tag: "Reported", at: bj("2026-03-09T20:00"), by: resident, intake: water },
    {
      _tag: "Dispatched",
      at: bj("2026-03-09T20:10"),
      by: dispatcher,
      to: new Case.Assignee({ unit: Ids.OrgUnitId.make("water-co") })
    },
    { _tag: "Accepted", at: bj("2026-03-09T21:30"), by: handler },
    { _tag: "Started", at: bj("2026-03-09T22:00"), by: handler },
    { _tag: "Resolved", at: bj("2026-03-10T08:00"), by: handler, fixed: true, summary: "管道已抢修" }
  ]
  const visit = (fixed: boolean, satisfaction: Case.Satisfaction): Case.Event => ({
    _tag: "ReturnVisited",
    at: bj("2026-03-10T10:00"),
    by: visitor,
    outcome: new Case.VisitOutcome({ reached: true, fixed, satisfaction })
  })

  it("is the workflow in force with the hotline's limits", () => {
    expect(policies.selected.workflow).toBe("beijing-hotline/hotline")
    expect(policy.workflow).toBe(BeijingHotline.workflow)
    const dispatched = run(policy, replied.slice(0, 2))
    // dispatched but not yet taken: still waiting for the unit's response
    expect([Case.stageOf(dispatched), dispatched.status]).toEqual(["assigned", "reported"])
    expect(iso(dispatched.due.response)).toBe("2026-03-09T14:00:00.000Z") // 22:00
    const taken = run(policy, replied.slice(0, 3))
    expect([Case.stageOf(taken), taken.status]).toEqual(["taken", "accepted"])
    expect(iso(taken.due.resolve)).toBe("2026-03-10T13:30:00.000Z") // 24 h after 21:30
  })

  it("takes resolution and satisfaction from the return visit, not from the handler", () => {
    const done = run(policy, replied)
    const handlerVisit = refusal(policy, done, { ...visit(true, "satisfied"), by: handler } as Case.Event)
    assert.instanceOf(handlerVisit, Case.RoleNotPermitted)
    // the visit finds the water still off: closing as fixed is refused, closing as not fixed counts against the unit
    const visited = Either.getOrThrow(Case.transition(done, visit(false, "dissatisfied"), policy))
    expect([Case.stageOf(visited), visited.status]).toEqual(["visited", "verified"])
    const asFixed = refusal(policy, visited, {
      _tag: "Closed",
      at: bj("2026-03-10T11:00"),
      by: dispatcher,
      fixed: true
    })
    expect(asFixed.message).toContain("the return visit says not fixed; close it the same way")
    const closed = Either.getOrThrow(
      Case.transition(visited, { _tag: "Closed", at: bj("2026-03-10T11:00"), by: dispatcher, fixed: false }, policy)
    )
    const march = CaseMetrics.month(2026, 3)
    const s = CaseMetrics.summarize([closed], march, { policy })
    expect([s.response.numerator, s.response.denominator]).toEqual([1, 1]) // taken at 21:30, due 22:00
    expect([s.resolution.numerator, s.resolution.denominator]).toEqual([0, 1])
    expect([s.satisfaction.numerator, s.satisfaction.denominator]).toEqual([0, 1])
  })

  it("sends a case the visit finds unfixed back to the unit with a new 24 hours", () => {
    const visited = run(policy, [...replied, visit(false, "dissatisfied")])
    const redo = Either.getOrThrow(
      Case.transition(
        visited,
        { _tag: "Reopened", at: bj("2026-03-10T10:30"), by: dispatcher, reason: "verification-failed" },
        policy
      )
    )
    expect([Case.stageOf(redo), redo.status]).toEqual(["handling", "in-progress"])
    expect(iso(redo.due.resolve)).toBe("2026-03-11T02:30:00.000Z") // 10:30 the next day
    expect(redo.returnVisit).toBeUndefined()
    expect(redo.reopenCount).toBe(1)
  })

  it("applies its own 2-hour emergency limits, and a host pack after it replaces them", () => {
    const fire = intake({ priority: "emergency", source: "hotline-12345", title: "燃气泄漏" })
    const openUnder = (p: Case.Policy) =>
      Either.getOrThrow(Case.open({ _tag: "Reported", at: bj("2026-03-09T20:00"), by: resident, intake: fire }, p))
    expect(policies.selected.emergency).toBe("beijing-hotline/emergency")
    expect(policies.emergency).toBe(BeijingHotline.limits.emergency)
    expect(iso(openUnder(policy).due.response)).toBe("2026-03-09T14:00:00.000Z") // 22:00
    const oneHour = Plugin.define({
      id: "my-city",
      version: "1.0.0",
      description: "emergencies answered within an hour",
      requires: { plugins: { core: "0.x" } },
      contributes: [
        Plugin.contribute(CaseCategory.emergencyLimitsPoint, [
          new CaseCategory.EmergencyLimitsDefinition({
            id: "my-city/emergency",
            limits: new CaseCategory.TimeLimits({
              response: CaseDeadline.duration(1, "hours"),
              resolve: CaseDeadline.duration(1, "hours"),
              source: "test"
            })
          })
        ])
      ]
    })
    const host = policyOf([...core, BeijingHotline.plugin, oneHour])
    expect(host.policies.selected.emergency).toBe("my-city/emergency")
    expect(iso(openUnder(host.policy).due.response)).toBe("2026-03-09T13:00:00.000Z") // 21:00
    // selecting the hotline's limits by key brings its two hours back
    const selected = policyOf([...core, BeijingHotline.plugin, oneHour], { emergency: "beijing-hotline/emergency" })
    expect(iso(openUnder(selected.policy).due.response)).toBe("2026-03-09T14:00:00.000Z")
  })
})

describe("a host extends a contributed workflow", () => {
  const review = Plugin.define({
    id: "my-district",
    version: "1.0.0",
    description: "a review step before closing, and the district above the street",
    requires: { plugins: { core: "0.x" } },
    contributes: [
      Plugin.contribute(CaseWorkflow.extensionsPoint, [
        CaseWorkflow.Extension.make({
          id: "my-district/review",
          workflow: "default",
          states: [
            CaseWorkflow.State.make({ id: "reviewed", phase: "verified", name: { zh: "已复核", en: "Reviewed" } })
          ],
          transitions: [
            CaseWorkflow.Transition.make({
              event: "Verified",
              from: ["resolved"],
              to: "reviewed",
              roles: ["reviewer"]
            }),
            CaseWorkflow.Transition.make({ event: "Closed", from: ["reviewed"], to: "closed" })
          ],
          levels: { after: "street", add: ["district"] }
        })
      ])
    ]
  })
  const { policies, policy } = policyOf([...core, review])
  const staff = actor("staff", "s-1")
  const toResolved: ReadonlyArray<Case.Event> = [
    { _tag: "Reported", at: bj("2026-03-09T09:00"), by: staff, intake: intake() },
    { _tag: "Accepted", at: bj("2026-03-09T09:30"), by: staff },
    {
      _tag: "Dispatched",
      at: bj("2026-03-09T10:00"),
      by: staff,
      to: new Case.Assignee({ unit: Ids.OrgUnitId.make("property") })
    },
    { _tag: "Started", at: bj("2026-03-09T11:00"), by: staff },
    { _tag: "Resolved", at: bj("2026-03-10T11:00"), by: staff, fixed: true, summary: "修好了" }
  ]

  it("verifies into the new state, by the new role only, and escalates to the new level", () => {
    expect(policies.workflow.levels).toEqual(["micro-grid", "compound", "community", "street", "district"])
    const resolved = run(policy, toResolved)
    const e = refusal(policy, resolved, { _tag: "Verified", at: bj("2026-03-10T12:00"), by: staff })
    assert.instanceOf(e, Case.RoleNotPermitted)
    const reviewed = run(policy, [
      ...toResolved,
      { _tag: "Verified", at: bj("2026-03-10T12:00"), by: actor("reviewer", "rv-1") }
    ])
    expect([Case.stageOf(reviewed), reviewed.status]).toEqual(["reviewed", "verified"])
    // without the extension, the same verification by staff applies (the default workflow names no roles)
    const plain = policyOf(core).policy
    assert.isTrue(
      Either.isRight(
        Case.transition(run(plain, toResolved), { _tag: "Verified", at: bj("2026-03-10T12:00"), by: staff }, plain)
      )
    )
  })

  it("fails to compose with a typed error when an extension names a state that does not exist", () => {
    const broken = Plugin.define({
      id: "broken",
      version: "1.0.0",
      description: "names a missing state",
      requires: { plugins: { core: "0.x" } },
      contributes: [
        Plugin.contribute(CaseWorkflow.extensionsPoint, [
          CaseWorkflow.Extension.make({
            id: "broken/x",
            workflow: "default",
            transitions: [CaseWorkflow.Transition.make({ event: "Closed", from: ["nowhere"], to: "closed" })]
          })
        ])
      ]
    })
    const r = Runtime.make([...core, broken])
    if (Either.isRight(r)) return assert.fail("expected InvalidWorkflow")
    assert.instanceOf(r.left, CaseWorkflow.InvalidWorkflow)
    expect(r.left.message).toBe(
      'workflow default extended by broken/x is invalid: transitions.26.from: "nowhere" is not one of the states'
    )
  })
})
