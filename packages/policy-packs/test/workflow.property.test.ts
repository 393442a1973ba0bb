// Property: under each shipped workflow, on random event scripts by random actors, Case.transition accepts exactly
// the events a deliberately naive reading of the workflow's table allows (state and event listed, a permitted role,
// an approval by another actor of an approving role, no self-verification where the workflow forbids it), and
// leads to the state the table names. The naive reading below is written from the workflow's documentation, not
// from the interpreter; the lifecycle's other checks (levels, deadlines, co-handlers, closure) are kept out of its
// way by the event builder, and any refusal the naive reading does not predict must be one of them.

import { describe, expect, it } from "@effect/vitest"
import * as CalendarCn from "@zhili/calendar-cn"
import { Case, CaseDeadline, CaseWorkflow, CorePlugin, Ids, Runtime } from "@zhili/core"
import * as BeijingHotline from "@zhili/policy-packs/beijing-hotline"
import * as DigitalUrbanManagement from "@zhili/policy-packs/digital-urban-management"
import { DateTime, Either } from "effect"
import * as fc from "fast-check"

const roles = ["resident", "grid-worker", "dispatcher", "handler", "supervisor", "return-visitor", "staff", "system"]
const events: ReadonlyArray<CaseWorkflow.EventName> = CaseWorkflow.EventName.literals

const policyFor = (
  selection: Runtime.Selection,
  plugins: ReadonlyArray<Parameters<typeof Runtime.make>[0][number]>
) => {
  const policies = Either.getOrThrow(Runtime.make([CorePlugin.plugin, CalendarCn.plugin, ...plugins], { selection }))
  const calendar = policies.calendars.get(CalendarCn.id)
  if (calendar === undefined) throw new Error("calendar-cn not composed")
  return Runtime.casePolicy(policies, CaseDeadline.fromWorkingCalendar(calendar))
}
const workflows = [
  { name: "default", policy: policyFor({}, []) },
  { name: "digital-urban-management", policy: policyFor({}, [DigitalUrbanManagement.plugin]) },
  { name: "beijing-hotline", policy: policyFor({}, [BeijingHotline.plugin]) }
]

interface Step {
  readonly event: number
  readonly actor: number
  readonly actorId: number
  readonly approver: number
  readonly approverSame: boolean
  readonly withApproval: boolean
  readonly photos: boolean
  readonly fixed: boolean
}
const step: fc.Arbitrary<Step> = fc.record({
  event: fc.nat(),
  actor: fc.nat(),
  actorId: fc.nat({ max: 2 }),
  approver: fc.nat(),
  approverSame: fc.boolean(),
  withApproval: fc.boolean(),
  photos: fc.boolean(),
  fixed: fc.boolean()
})

const intake = new Case.Intake({
  id: Ids.CaseId.make("case_p"),
  tenant: Ids.TenantId.make("440881002001"),
  kind: "request",
  category: Ids.CategoryCode.make("property.repair"),
  source: "patrol",
  title: "generated",
  location: new Case.Location({ grid: Ids.GridId.make("micro-1") }),
  priority: "normal",
  severity: "minor"
})

const sha = "a".repeat(64)

/** An event of a kind, by an actor, shaped so that only the workflow's own rules can refuse it. */
const build = (
  name: CaseWorkflow.EventName,
  current: Case.Case,
  s: Step,
  at: DateTime.Utc,
  by: Case.Actor,
  approvedBy: Case.Actor | undefined
): Case.Event => {
  const base = {
    at,
    by,
    ...(approvedBy === undefined ? {} : { approvedBy }),
    ...(s.photos
      ? {
          attachments: [
            new Case.Attachment({
              id: "b",
              mediaType: "image/jpeg",
              sha256: sha,
              takenAt: at,
              by: "x",
              shows: "before"
            }),
            new Case.Attachment({ id: "a", mediaType: "image/jpeg", sha256: sha, takenAt: at, by: "x", shows: "after" })
          ]
        }
      : {})
  }
  const unit = Ids.OrgUnitId.make("unit-1")
  switch (name) {
    case "Accepted":
      return { _tag: "Accepted", ...base }
    case "Rejected":
      return { _tag: "Rejected", ...base, reason: "r" }
    case "Dispatched":
      return { _tag: "Dispatched", ...base, to: new Case.Assignee({ unit }) }
    case "Started":
      return { _tag: "Started", ...base }
    case "Returned":
      return { _tag: "Returned", ...base, reason: "r" }
    case "ExtensionGranted":
      return { _tag: "ExtensionGranted", ...base, extension: { amount: 1, unit: "working-days" }, reason: "r" }
    case "Escalated": {
      const levels = current.level === "street" ? "district-department" : "street"
      return { _tag: "Escalated", ...base, to: levels, reason: "severity" }
    }
    case "Supervised":
      return { _tag: "Supervised", ...base, reason: "r" }
    case "CoHandlersAssigned":
      return { _tag: "CoHandlersAssigned", ...base, units: [Ids.OrgUnitId.make(`co-${current.version}`)] }
    case "CoHandlerReported":
      return { _tag: "CoHandlerReported", ...base, unit: Ids.OrgUnitId.make("co-none"), summary: "s" }
    case "Resolved":
      return { _tag: "Resolved", ...base, fixed: s.fixed, summary: "s" }
    case "Verified":
      return { _tag: "Verified", ...base }
    case "ReturnVisited":
      return {
        _tag: "ReturnVisited",
        ...base,
        outcome: new Case.VisitOutcome({ reached: true, fixed: s.fixed, satisfaction: "satisfied" })
      }
    case "Reopened":
      return { _tag: "Reopened", ...base, reason: current.status === "closed" ? "dissatisfied" : "verification-failed" }
    case "Closed":
      return { _tag: "Closed", ...base, fixed: current.status === "ledger" ? false : (current.resolvedFixed ?? false) }
    case "Withdrawn":
      return { _tag: "Withdrawn", ...base }
    case "Shelved":
      return { _tag: "Shelved", ...base, reason: "r" }
    case "Unshelved":
      return { _tag: "Unshelved", ...base }
    case "Rated":
      return { _tag: "Rated", ...base, satisfaction: "satisfied" }
    case "Excluded":
      return { _tag: "Excluded", ...base, reason: "duplicate" }
  }
}

/** The naive reading of a workflow's table: may this event by this actor apply from this state, and to where? */
const naive = (
  workflow: CaseWorkflow.Workflow,
  state: string,
  event: Case.Event,
  lastResolver: string | undefined
): { readonly ok: true; readonly to: string } | { readonly ok: false } => {
  let row: CaseWorkflow.Transition | undefined
  for (const t of workflow.transitions) {
    if (t.event === event._tag && t.from.indexOf(state) !== -1) {
      row = t
      break
    }
  }
  if (row === undefined) return { ok: false }
  const held = [event.by.role, ...(event.by.roles ?? [])]
  const allowed: ReadonlyArray<string> | undefined = row.roles
  if (allowed !== undefined && !held.some((r) => allowed.indexOf(r) !== -1)) return { ok: false }
  const approval = row.approval
  if (approval !== undefined || event._tag === "Excluded") {
    const a = event.approvedBy
    if (a === undefined || a.id === event.by.id) return { ok: false }
    if (approval !== undefined && !approval.includes(a.role)) return { ok: false }
  }
  const verifying = event._tag === "Verified" || event._tag === "ReturnVisited"
  if ((row.independent || (verifying && !workflow.selfVerification)) && lastResolver === event.by.id) {
    return { ok: false }
  }
  if (row.evidence.length > 0 && !(event.attachments ?? []).length) return { ok: false }
  return { ok: true, to: row.to }
}

/** Refusals that come from the lifecycle's own checks, which the naive table reading leaves out. */
const lifecycleReasons = [
  "must be handled at",
  "already had",
  "no resolve deadline",
  "before the deadline",
  "escalation must go above",
  "is not a level of workflow",
  "co-handler",
  "already handle",
  "is not a co-handler",
  "close it the same way",
  "only close as not fixed",
  "no assignee",
  "reopens a",
  "already excluded",
  "a failed verification",
  "dissatisfaction reopens"
]

describe.each(workflows)("workflow $name against a naive reading of its table", ({ policy }) => {
  it("accepts exactly what the table allows, and goes where it says", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 40 }), (steps) => {
        let at = DateTime.unsafeMake("2026-03-09T01:00:00Z")
        let current = Either.getOrThrow(
          Case.open({ _tag: "Reported", at, by: new Case.Actor({ role: "resident", id: "r" }), intake }, policy)
        )
        let lastResolver: string | undefined
        for (const s of steps) {
          at = DateTime.add(at, { minutes: 30 })
          const name = events[s.event % events.length] as CaseWorkflow.EventName
          const by = new Case.Actor({ role: roles[s.actor % roles.length] as string, id: `p-${s.actorId}` })
          const approvedBy = !s.withApproval
            ? undefined
            : s.approverSame
              ? new Case.Actor({ role: roles[s.approver % roles.length] as string, id: by.id })
              : new Case.Actor({ role: roles[s.approver % roles.length] as string, id: "approver" })
          const event = build(name, current, s, at, by, approvedBy)
          const expected = naive(policy.workflow, Case.stageOf(current), event, lastResolver)
          const got = Case.transition(current, event, policy)
          if (Either.isRight(got)) {
            expect(expected).toEqual({ ok: true, to: Case.stageOf(got.right) })
            const target = policy.workflow.states.find((x) => x.id === Case.stageOf(got.right))
            expect(got.right.status).toBe(target?.phase)
            if (event._tag === "Resolved") lastResolver = event.by.id
            current = got.right
          } else if (expected.ok) {
            // allowed by the table: only a lifecycle check may refuse it
            expect(got.left._tag).toBe("IllegalTransition")
            expect(lifecycleReasons.some((r) => got.left.message.includes(r))).toBe(true)
          }
        }
      }),
      { numRuns: 300 }
    )
  })
})
