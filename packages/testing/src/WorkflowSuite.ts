/**
 * A year of cases under a workflow, through a store (流程全年入库测试): {@link year} drives generated cases along any
 * workflow (each step an event the workflow allows from the case's state, by an actor of a permitted role, approved
 * where it must be, verified by someone other than the resolver); {@link suite} stores a year of them for each
 * workflow in a store with their event logs and checks that what comes back is what went in — each record, its log
 * folding back to it, the counts per status the store groups, and every month's figures.
 *
 * @since 0.1.0
 */
import { assert, describe, it } from "@effect/vitest"
import { Aggregates, Case, CaseMetrics, type CaseWorkflow, Ids, Store } from "@zhili/core"
import { DateTime, Effect, Either, type Layer, Schema } from "effect"

/** A small deterministic generator (mulberry32). */
const rngOf = (seed: number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const categories = ["property.repair", "facilities.road", "sanitation.garbage", "utilities.water", "neighbour.noise"]
const sha = "c".repeat(64)

/** How often a driven case takes a side event (withdrawal, extension, supervision …) instead of the next step. */
const forward: ReadonlyArray<CaseWorkflow.EventName> = [
  "Accepted",
  "Dispatched",
  "Started",
  "Resolved",
  "Verified",
  "ReturnVisited",
  "Closed",
  "Rated"
]

const eventOf = (
  name: CaseWorkflow.EventName,
  current: Case.Case,
  transition: CaseWorkflow.Transition,
  at: DateTime.Utc,
  n: () => number
): Case.Event => {
  const role = transition.roles?.[0] ?? "staff"
  // the handler resolves; anyone verifying is someone else
  const id = name === "Verified" || name === "ReturnVisited" ? `checker-${role}` : `actor-${role}`
  const by = new Case.Actor({ role, id })
  const approval = transition.approval?.[0] ?? (name === "Excluded" ? "staff" : undefined)
  const base = {
    at,
    by,
    ...(approval === undefined ? {} : { approvedBy: new Case.Actor({ role: approval, id: `approver-${approval}` }) }),
    ...(transition.evidence.length === 0
      ? {}
      : {
          attachments: transition.evidence.map(
            (shows) =>
              new Case.Attachment({
                id: `photo-${shows}`,
                mediaType: "image/jpeg",
                sha256: sha,
                takenAt: at,
                by: id,
                shows
              })
          )
        })
  }
  const unit = Ids.OrgUnitId.make("unit-works")
  switch (name) {
    case "Accepted":
      return { _tag: "Accepted", ...base }
    case "Rejected":
      return { _tag: "Rejected", ...base, reason: "不属于受理范围" }
    case "Dispatched":
      return { _tag: "Dispatched", ...base, to: new Case.Assignee({ unit }) }
    case "Started":
      return { _tag: "Started", ...base }
    case "Returned":
      return { _tag: "Returned", ...base, reason: "非本单位职责" }
    case "ExtensionGranted":
      return { _tag: "ExtensionGranted", ...base, extension: { amount: 2, unit: "working-days" }, reason: "待料" }
    case "Escalated":
      return { _tag: "Escalated", ...base, to: "street", reason: "severity" }
    case "Supervised":
      return { _tag: "Supervised", ...base, reason: "督办" }
    case "CoHandlersAssigned":
      return { _tag: "CoHandlersAssigned", ...base, units: [Ids.OrgUnitId.make(`co-${current.version}`)] }
    case "CoHandlerReported": {
      const open = current.coHandlers?.find((c) => c.reportedAt === undefined)
      return { _tag: "CoHandlerReported", ...base, unit: open?.unit ?? unit, summary: "协办完成" }
    }
    case "Resolved":
      return { _tag: "Resolved", ...base, fixed: n() < 0.85, summary: "已处置" }
    case "Verified":
      return { _tag: "Verified", ...base }
    case "ReturnVisited":
      return {
        _tag: "ReturnVisited",
        ...base,
        outcome: new Case.VisitOutcome({
          reached: true,
          fixed: current.resolvedFixed ?? true,
          satisfaction: n() < 0.8 ? "satisfied" : n() < 0.5 ? "basically-satisfied" : "dissatisfied"
        })
      }
    case "Reopened":
      return { _tag: "Reopened", ...base, reason: current.status === "closed" ? "dissatisfied" : "verification-failed" }
    case "Closed":
      return { _tag: "Closed", ...base, fixed: current.status === "ledger" ? false : (current.resolvedFixed ?? false) }
    case "Withdrawn":
      return { _tag: "Withdrawn", ...base }
    case "Shelved":
      return { _tag: "Shelved", ...base, reason: "需列入预算" }
    case "Unshelved":
      return { _tag: "Unshelved", ...base }
    case "Rated":
      return { _tag: "Rated", ...base, satisfaction: n() < 0.85 ? "satisfied" : "dissatisfied" }
    case "Excluded":
      return { _tag: "Excluded", ...base, reason: "duplicate" }
  }
}

/**
 * A year of generated cases under the policy's workflow: `perMonth` cases reported in each month of `year` (Beijing
 * time), each driven along the workflow — mostly forward, sometimes a side event the workflow allows — until it is
 * final or out of steps. Deterministic for a seed. Each case comes with the events that built it.
 *
 * @since 0.1.0
 * @category generators
 */
export const year = (
  policy: Case.Policy,
  options: { readonly tenant: Ids.TenantId; readonly year?: number; readonly perMonth?: number; readonly seed?: number }
): ReadonlyArray<{ readonly case: Case.Case; readonly events: ReadonlyArray<Case.Event> }> => {
  const n = rngOf(options.seed ?? 2026)
  const y = options.year ?? 2025
  const perMonth = options.perMonth ?? 12
  const out: Array<{ readonly case: Case.Case; readonly events: ReadonlyArray<Case.Event> }> = []
  for (let month = 1; month <= 12; month++) {
    for (let k = 0; k < perMonth; k++) {
      const day = 1 + Math.floor(n() * 27)
      let at = DateTime.unsafeMake(
        `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}T${String(1 + Math.floor(n() * 9)).padStart(2, "0")}:00:00Z`
      )
      const reported: Case.Event = {
        _tag: "Reported",
        at,
        by: new Case.Actor({ role: "resident", id: "resident-1" }),
        intake: new Case.Intake({
          id: Ids.CaseId.make(`wf-${month}-${k}`),
          tenant: options.tenant,
          kind: "request",
          category: Ids.CategoryCode.make(categories[Math.floor(n() * categories.length)] as string),
          source: "hotline-12345",
          title: "generated case",
          location: new Case.Location({ grid: Ids.GridId.make(`grid-${k % 3}`) }),
          priority: "normal",
          severity: "minor"
        })
      }
      let current = Either.getOrThrow(Case.open(reported, policy))
      const events: Array<Case.Event> = [reported]
      for (let steps = 0; steps < 14 && !Case.isFinal(current); steps++) {
        at = DateTime.add(at, { hours: 1 + Math.floor(n() * 60) })
        const stage = Case.stageOf(current)
        const allowed = policy.workflow.transitions.filter((t) => t.from.includes(stage))
        if (allowed.length === 0) break
        const ahead = allowed.filter((t) => forward.includes(t.event))
        const pool = ahead.length > 0 && n() < 0.85 ? ahead : allowed
        const t = pool[Math.floor(n() * pool.length)] as CaseWorkflow.Transition
        const event = eventOf(t.event, current, t, at, n)
        const next = Case.transition(current, event, policy)
        if (Either.isLeft(next)) continue
        current = next.right
        events.push(event)
      }
      out.push({ case: current, events })
    }
  }
  return out
}

let tenants = 0
const freshTenant = (): Ids.TenantId =>
  Ids.TenantId.make(`8${String((process.pid % 1000) * 1_000_000 + ++tenants).padStart(11, "0")}`)

const json = (c: Case.Case) => JSON.stringify(Schema.encodeSync(Case.Case)(c))

/**
 * Registers `describe("A year of cases through the store: <name>")`: for each named policy (a workflow pack's), a year
 * of {@link year}'s cases is saved with their event logs in a fresh tenant; each comes back as it went in, its log
 * folds back to it, the store's counts per status equal the generated ones, and every month's `CaseMetrics.summarize`
 * over the stored cases equals the one over the generated cases.
 *
 * @since 0.1.0
 * @category suites
 */
export const suite = (
  name: string,
  layer: Layer.Layer<Store.Store, unknown>,
  policies: ReadonlyArray<{ readonly name: string; readonly policy: Case.Policy }>,
  options: { readonly perMonth?: number } = {}
): void => {
  describe(`A year of cases through the store: ${name}`, () => {
    for (const { name: pack, policy } of policies) {
      it.effect(
        `${pack}: every case, its log, the counts per status and every month's figures come back`,
        () =>
          Effect.gen(function* () {
            const store = yield* Store.Store
            yield* store.migrate
            const repo = store.repository(Aggregates.Cases)
            const tenant = freshTenant()
            const generated = year(policy, { tenant, ...(options.perMonth === undefined ? {} : options) })
            for (const g of generated) {
              const location = { division: tenant, grid: [g.case.intake.location.grid] }
              yield* repo.saveWithEvents(Store.everything, Store.stored(g.case, location), 0, g.events)
            }
            const stored: Array<Case.Case> = []
            let cursor: string | undefined
            do {
              const page = yield* repo.list(Store.everything, {
                tenant,
                limit: 500,
                ...(cursor === undefined ? {} : { cursor })
              })
              for (const r of page.items) stored.push(r.value)
              cursor = page.next
            } while (cursor !== undefined)
            assert.strictEqual(stored.length, generated.length)
            const byId = new Map(stored.map((c) => [c.id, c]))
            for (const g of generated) {
              const back = byId.get(g.case.id)
              assert.isDefined(back, `${g.case.id} stored`)
              if (back === undefined) continue
              assert.strictEqual(json(back), json(g.case), `${g.case.id} comes back as it went in`)
              const log = yield* repo.events(Store.everything, tenant, g.case.id)
              const refolded = Either.getOrThrow(
                Case.fold(
                  log.map((e) => e.event),
                  policy
                )
              )
              assert.strictEqual(json(refolded), json(g.case), `${g.case.id}'s log folds back to it`)
            }
            const groups = yield* repo.count(Store.everything, { tenant, groupBy: ["status"] })
            const counted = Object.fromEntries(groups.map((g) => [String(g.key[0]), g.count]))
            const expected: Record<string, number> = {}
            for (const g of generated) expected[g.case.status] = (expected[g.case.status] ?? 0) + 1
            assert.deepStrictEqual(counted, expected)
            assert.isAbove(expected.closed ?? 0, generated.length / 4, "a good share of the cases close")
            for (let month = 1; month <= 12; month++) {
              const period = CaseMetrics.month(2025, month)
              const want = CaseMetrics.summarize(
                generated.map((g) => g.case),
                period,
                { policy }
              )
              const got = CaseMetrics.summarize(stored, period, { policy })
              assert.deepStrictEqual(
                Schema.encodeSync(CaseMetrics.Summary)(got),
                Schema.encodeSync(CaseMetrics.Summary)(want)
              )
            }
          }).pipe(Effect.provide(layer)),
        300_000
      )
    }
  })
}
