import { assert, describe, expect, it } from "@effect/vitest"
import { Case, CaseCategory, CaseDeadline, Ids, Plugin, Scope } from "@zhili/core"
import { DateTime, Either, Option, Redacted, Schema } from "effect"
import { bj, foldOk, happyPath, intake, policy, reported, staff, unit } from "./support.js"

const iso = (d: DateTime.Utc | undefined) => (d === undefined ? undefined : DateTime.formatIso(d))

describe("Case lifecycle", () => {
  it("walks reported → accepted → dispatched → in progress → resolved → verified → closed (fixed)", () => {
    const events = happyPath("2025-09-01T10:00")
    let c = Either.getOrThrow(Case.open(events[0] as typeof Case.Reported.Type, policy))
    const seen: Array<Case.Status> = [c.status]
    for (const e of events.slice(1)) {
      c = Either.getOrThrow(Case.transition(c, e, policy))
      seen.push(c.status)
    }
    expect(seen).toEqual(["reported", "accepted", "dispatched", "in-progress", "resolved", "verified", "closed"])
    expect(c.closure).toBe("fixed")
    expect(c.version).toBe(7)
    expect(c.history).toHaveLength(7)
    expect(Case.validate(c, policy)).toEqual([])
    expect(foldOk(events)).toEqual(c)
  })

  it("distinguishes closed-not-fixed, and refuses to close a verified case other than its feedback said", () => {
    const c = foldOk(happyPath("2025-09-01T10:00", false))
    expect(c.closure).toBe("not-fixed")
    const verified = foldOk(happyPath("2025-09-01T10:00").slice(0, 6))
    const r = Case.transition(verified, { _tag: "Closed", at: bj("2025-09-03T10:00"), by: staff, fixed: false }, policy)
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) expect(r.left.message).toMatch(/verified feedback says fixed/)
  })

  it("names from, to and why for an event the status does not allow", () => {
    const c = foldOk([reported()])
    const r = Case.transition(c, { _tag: "Closed", at: bj("2025-09-02T10:00"), by: staff, fixed: true }, policy)
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) {
      assert.instanceOf(r.left, Case.IllegalTransition)
      expect(r.left.from).toBe("reported")
      expect(r.left.event).toBe("Closed")
      expect(r.left.message).toBe(
        "case case_1: Closed (reported) is not allowed: Closed is not allowed while reported; it applies only from verified, ledger"
      )
    }
  })

  it("names the target status when the event applies but a finer rule refuses it", () => {
    const c = foldOk([reported(), { _tag: "Accepted", at: bj("2025-09-01T11:00"), by: staff }])
    const r = Case.transition(
      c,
      { _tag: "Escalated", at: bj("2025-09-01T12:00"), by: staff, to: "micro-grid", reason: "severity" },
      policy
    )
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) {
      expect(r.left.to).toBe("accepted")
      expect(r.left.message).toMatch(/escalation must go above compound, not to micro-grid/)
    }
  })

  it("refuses an event dated before the last one", () => {
    const c = foldOk([reported()])
    const r = Case.transition(c, { _tag: "Accepted", at: bj("2025-09-01T09:00"), by: staff }, policy)
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) expect(r.left.reason).toMatch(/before the last event/)
  })

  it("rejects with a reason (不予受理), and nothing follows a rejection", () => {
    const c = foldOk([
      reported(),
      { _tag: "Rejected", at: bj("2025-09-01T11:00"), by: staff, reason: "not a community matter" }
    ])
    expect(c.status).toBe("rejected")
    expect(Case.isFinal(c)).toBe(true)
    expect(Case.allowedEvents("rejected")).toEqual([])
    expect(() =>
      Schema.decodeUnknownSync(Case.Rejected)({ _tag: "Rejected", at: "2025-09-01T03:00:00Z", by: staff, reason: "" })
    ).toThrow(/reason is required/)
  })

  it("lets an assignee who is not responsible return the case for a new dispatch (退回)", () => {
    const c = foldOk([
      reported(),
      { _tag: "Accepted", at: bj("2025-09-01T11:00"), by: staff },
      { _tag: "Dispatched", at: bj("2025-09-01T12:00"), by: staff, to: unit("wrong-unit") },
      { _tag: "Returned", at: bj("2025-09-01T15:00"), by: staff, reason: "water mains belong to the utility" },
      { _tag: "Dispatched", at: bj("2025-09-01T16:00"), by: staff, to: unit("property") }
    ])
    expect(c.status).toBe("dispatched")
    expect(c.assignee?.unit).toBe("property")
    expect(c.returnCount).toBe(1)
  })

  it("sets the response deadline on report and the resolve deadline on acceptance, in working days", () => {
    // Friday 2025-09-05: response 1 working day → close (17:30) of Monday 09-08; resolve 7 working days → 09-16 17:30
    const c = foldOk([reported(bj("2025-09-05T10:00")), { _tag: "Accepted", at: bj("2025-09-05T11:00"), by: staff }])
    expect(iso(c.due.response)).toBe("2025-09-08T09:30:00.000Z")
    expect(iso(c.due.resolve)).toBe("2025-09-16T09:30:00.000Z")
  })

  it("runs emergencies on the 2-hour limit and complex cases on the complex limit", () => {
    const e = foldOk([
      reported(bj("2025-09-06T22:00"), intake({ priority: "emergency" })),
      { _tag: "Accepted", at: bj("2025-09-06T22:10"), by: staff }
    ])
    expect(iso(e.due.response)).toBe("2025-09-06T16:00:00.000Z") // Saturday 22:00 + 2 h round the clock
    expect(iso(e.due.resolve)).toBe("2025-09-06T16:10:00.000Z")
    const x = foldOk([
      reported(bj("2025-09-01T10:00"), intake({ complex: true })),
      { _tag: "Accepted", at: bj("2025-09-01T10:00"), by: staff }
    ])
    expect(iso(x.due.resolve)).toBe("2025-09-22T09:30:00.000Z") // 15 working days
  })

  it("moves the deadline on an extension (延期) and refuses more than the policy allows", () => {
    const ext = (at: string): Case.Event => ({
      _tag: "ExtensionGranted",
      at: bj(at),
      by: staff,
      extension: CaseDeadline.duration(3, "working-days"),
      reason: "parts on order"
    })
    const base = [reported(), { _tag: "Accepted", at: bj("2025-09-01T10:00"), by: staff } as Case.Event]
    const once = foldOk([...base, ext("2025-09-03T10:00")])
    expect(iso(once.due.resolve)).toBe("2025-09-15T09:30:00.000Z") // 09-10 + 3 working days
    expect(once.extensionCount).toBe(1)
    const twice = foldOk([...base, ext("2025-09-03T10:00"), ext("2025-09-04T10:00")])
    const r = Case.transition(twice, ext("2025-09-05T10:00"), policy)
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) expect(r.left.reason).toMatch(/already had 2 extension/)
  })

  it("reopens (返工) after failed verification and after dissatisfaction, restarting the deadline each time", () => {
    const path = happyPath("2025-09-01T10:00")
    const afterResolve = path.slice(0, 5)
    const c = foldOk([
      ...afterResolve,
      { _tag: "Reopened", at: bj("2025-09-03T09:00"), by: staff, reason: "verification-failed" },
      { _tag: "Started", at: bj("2025-09-03T10:00"), by: staff },
      { _tag: "Resolved", at: bj("2025-09-04T10:00"), by: staff, fixed: true, summary: "again" },
      { _tag: "Verified", at: bj("2025-09-04T11:00"), by: staff },
      { _tag: "Closed", at: bj("2025-09-04T12:00"), by: staff, fixed: true },
      { _tag: "Rated", at: bj("2025-09-05T12:00"), by: staff, satisfaction: "dissatisfied" },
      { _tag: "Reopened", at: bj("2025-09-05T13:00"), by: staff, reason: "dissatisfied" }
    ])
    expect(c.status).toBe("dispatched")
    expect(c.reopenCount).toBe(2)
    expect(c.closure).toBeUndefined()
    expect(c.satisfaction).toBeUndefined()
    expect(iso(c.due.resolve)).toBe("2025-09-16T09:30:00.000Z") // 7 working days from Fri 09-05
    expect(Case.validate(c, policy)).toEqual([])
  })

  it("refuses to reopen a resolved case for dissatisfaction or a closed one for failed verification", () => {
    const resolved = foldOk(happyPath("2025-09-01T10:00").slice(0, 5))
    const r = Case.transition(
      resolved,
      { _tag: "Reopened", at: bj("2025-09-03T09:00"), by: staff, reason: "dissatisfied" },
      policy
    )
    assert.isTrue(Either.isLeft(r))
  })

  it("escalates a case up a level, clears the assignee and restarts the deadline", () => {
    const c = foldOk([
      ...happyPath("2025-09-01T10:00").slice(0, 4),
      { _tag: "Escalated", at: bj("2025-09-02T10:00"), by: staff, to: "community", reason: "assignee-request" }
    ])
    expect(c.status).toBe("accepted")
    expect(c.level).toBe("community")
    expect(c.assignee).toBeUndefined()
    expect(c.escalationCount).toBe(1)
    expect(iso(c.due.resolve)).toBe("2025-09-11T09:30:00.000Z")
  })

  it("accepts below the required level never", () => {
    const c = foldOk([reported()])
    const r = Case.transition(
      c,
      { _tag: "Accepted", at: bj("2025-09-01T11:00"), by: staff, level: "micro-grid" },
      policy
    )
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) expect(r.left.reason).toMatch(/must be handled at compound or above/)
  })

  it("puts a case on the problem ledger (挂账) without a deadline, and takes it off with a fresh one", () => {
    const shelved = foldOk([
      reported(),
      { _tag: "Accepted", at: bj("2025-09-01T11:00"), by: staff },
      { _tag: "Shelved", at: bj("2025-09-02T11:00"), by: staff, reason: "needs the 2026 renovation budget" }
    ])
    expect(shelved.status).toBe("ledger")
    expect(shelved.due.resolve).toBeUndefined()
    expect(Case.isOverdue(shelved, bj("2026-01-01T00:00"))).toBe(false)
    const off = Either.getOrThrow(
      Case.transition(shelved, { _tag: "Unshelved", at: bj("2025-12-01T09:00"), by: staff }, policy)
    )
    expect(off.status).toBe("accepted")
    expect(iso(off.due.resolve)).toBe("2025-12-10T09:30:00.000Z")
    const closed = Either.getOrThrow(
      Case.transition(shelved, { _tag: "Closed", at: bj("2025-12-01T09:00"), by: staff, fixed: false }, policy)
    )
    expect(closed.closure).toBe("not-fixed")
    assert.isTrue(
      Either.isLeft(
        Case.transition(shelved, { _tag: "Closed", at: bj("2025-12-01T09:00"), by: staff, fixed: true }, policy)
      )
    )
  })

  it("lets the reporter withdraw (撤回) an open case but not a closed one", () => {
    const w = foldOk([
      reported(),
      { _tag: "Withdrawn", at: bj("2025-09-01T12:00"), by: staff, reason: "fixed it myself" }
    ])
    expect(w.status).toBe("withdrawn")
    const closed = foldOk(happyPath("2025-09-01T10:00"))
    assert.isTrue(
      Either.isLeft(Case.transition(closed, { _tag: "Withdrawn", at: bj("2025-09-05T12:00"), by: staff }, policy))
    )
  })

  it("refuses a history that does not start with Reported, and a second report", () => {
    const r = Case.fold([{ _tag: "Accepted", at: bj("2025-09-01T11:00"), by: staff }], policy)
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) expect(r.left.message).toMatch(/must start with Reported/)
    assert.isTrue(Either.isLeft(Case.fold([reported(), reported(bj("2025-09-01T11:00"))], policy)))
  })

  it("refuses a category the catalogue does not know, naming it", () => {
    const r = Case.fold(
      [reported(bj("2025-09-01T10:00"), intake({ category: Ids.CategoryCode.make("no.such") }))],
      policy
    )
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) expect(r.left.reason).toMatch(/category no.such is not in the catalogue/)
  })

  it("refuses a working-time limit when the clock has no calendar, instead of guessing", () => {
    const noCalendar = Case.makePolicy({ clock: CaseDeadline.elapsedClock() })
    const r = Case.fold([reported()], noCalendar)
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) expect(r.left.reason).toMatch(/deadline\/no-working-calendar/)
  })

  it("records satisfaction feedback only on closed cases", () => {
    const closed = foldOk(happyPath("2025-09-01T10:00"))
    const rated = Either.getOrThrow(
      Case.transition(
        closed,
        { _tag: "Rated", at: bj("2025-09-03T12:00"), by: staff, satisfaction: "satisfied", comment: "很快" },
        policy
      )
    )
    expect(rated.satisfaction).toBe("satisfied")
    const open = foldOk([reported()])
    assert.isTrue(
      Either.isLeft(
        Case.transition(
          open,
          { _tag: "Rated", at: bj("2025-09-03T12:00"), by: staff, satisfaction: "satisfied" },
          policy
        )
      )
    )
  })
})

describe("Case reporter and location", () => {
  it("holds an identified reporter's name and phone redacted, and allows anonymous reports", () => {
    const c = foldOk([
      reported(
        bj("2025-09-01T10:00"),
        intake({ reporter: { _tag: "Identified", name: Redacted.make("王小明"), phone: Redacted.make("13812345678") } })
      )
    ])
    expect(JSON.stringify(Schema.encodeSync(Case.Case)(c))).toContain("王小明") // encoding for storage reveals
    expect(String(c.intake.reporter?._tag === "Identified" ? c.intake.reporter.name : "")).toBe("<redacted>")
    const anon = foldOk([reported(bj("2025-09-01T10:00"), intake({ reporter: { _tag: "Anonymous" } }))])
    expect(anon.intake.reporter?._tag).toBe("Anonymous")
    const none = foldOk([reported()])
    expect(none.intake.reporter).toBeUndefined()
  })

  it("computes its scope location from the tenant and the grid path", () => {
    const i = intake({
      location: new Case.Location({
        grid: Ids.GridId.make("micro-12"),
        building: Ids.BuildingId.make("b-6"),
        gridPath: [Ids.GridId.make("large"), Ids.GridId.make("small-3"), Ids.GridId.make("micro-12")]
      })
    })
    const c = foldOk([reported(bj("2025-09-01T10:00"), i)])
    expect(Case.scopeLocation(c)).toEqual({ division: "440881002001", grid: ["large", "small-3", "micro-12"] })
    expect(Scope.contains(Scope.all, Case.scopeLocation(c))).toBe(true)
    const d = foldOk([...happyPath("2025-09-01T10:00").slice(0, 3)])
    expect(Case.scopeLocation(d, (u) => ["street", u])).toEqual({
      division: "440881002001",
      grid: ["micro-1"],
      org: ["street", "property"]
    })
  })
})

describe("Case.decode", () => {
  it("round-trips a stored case and checks it against its history", () => {
    const c = foldOk(happyPath("2025-09-01T10:00"))
    const stored = Schema.encodeSync(Case.Case)(c)
    const back = Case.decode(stored, policy)
    assert.isTrue(Either.isRight(back))
    if (Either.isRight(back)) expect(back.right).toEqual(c)
  })

  it("rejects a stored case whose fields disagree with its history, naming the field", () => {
    const c = foldOk(happyPath("2025-09-01T10:00", false))
    const stored = { ...Schema.encodeSync(Case.Case)(c), closure: "fixed" }
    const r = Case.decode(stored, policy)
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r))
      expect(r.left.message).toBe("invalid Case case_1: closure: does not match what the event history gives")
  })

  it("rejects malformed input with paths", () => {
    const r = Case.decode({ id: "case 1", status: "lost" }, policy)
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r) && r.left._tag === "DecodeError") {
      expect(r.left.issues.map((i) => i.path[0])).toContain("id")
      expect(r.left.issues.map((i) => i.path[0])).toContain("status")
    }
  })
})

describe("CaseCategory", () => {
  const cat = CaseCategory.defaultCatalogue
  it("ships a sound default catalogue", () => {
    expect(CaseCategory.validate(cat)).toEqual([])
    expect(CaseCategory.children(cat).map((c) => c.code)).toEqual([
      "property",
      "utilities",
      "neighbour",
      "family",
      "labour",
      "facilities",
      "sanitation",
      "safety",
      "care",
      "proxy",
      "policy",
      "other"
    ])
  })
  it("inherits limits and level from the nearest ancestor", () => {
    expect(Option.getOrUndefined(CaseCategory.limitsOf(cat, "utilities.gas"))?.resolve.toString()).toBe("24 hours")
    expect(Option.getOrUndefined(CaseCategory.levelOf(cat, "utilities.gas"))).toBe("community")
    expect(Option.getOrUndefined(CaseCategory.levelOf(cat, "utilities.water"))).toBe("compound")
    expect(Option.isNone(CaseCategory.lookup(cat, "nope"))).toBe(true)
    expect(CaseCategory.isUnder(cat, "neighbour.noise", "neighbour")).toBe(true)
    expect(CaseCategory.isUnder(cat, "neighbour.noise", "family")).toBe(false)
  })
  it("marks open time limits as defaults to be replaced", () => {
    for (const l of [
      CaseCategory.generalLimits,
      CaseCategory.utilityLimits,
      CaseCategory.emergencyLimits,
      CaseCategory.disputeLimits
    ]) {
      expect(l.source).toMatch(/default to be replaced/)
    }
  })
  it("merges intake fields down the tree in Open311 order", () => {
    expect(CaseCategory.attributesOf(cat, "neighbour.noise").map((a) => a.code)).toEqual(["parties", "time_of_day"])
    expect(CaseCategory.AttributeDatatype.literals).toEqual([
      "string",
      "number",
      "datetime",
      "text",
      "singlevaluelist",
      "multivaluelist"
    ])
  })
  it("reports duplicate codes, unknown parents, cycles, rootless limits and list fields without options", () => {
    const bad = Schema.decodeUnknownSync(CaseCategory.Catalogue)({
      categories: [
        { code: "a", name: "甲", nameEn: "A", parent: "b" },
        { code: "b", name: "乙", nameEn: "B", parent: "a" },
        {
          code: "c",
          name: "丙",
          nameEn: "C",
          parent: "zz",
          attributes: [{ code: "x", variable: true, datatype: "singlevaluelist", required: true }]
        },
        { code: "c", name: "丙", nameEn: "C" }
      ]
    })
    const codes = CaseCategory.validate(bad).map((f) => `${f.code}@${f.path.join(".")}`)
    expect(codes).toEqual([
      "case-category/duplicate-code@categories.3.code",
      "case-category/cycle@categories.0.parent",
      "case-category/cycle@categories.1.parent",
      "case-category/unknown-parent@categories.2.parent",
      "case-category/list-without-values@categories.2.attributes.0.values",
      "case-category/root-without-limits@categories.3.limits",
      "case-category/root-without-level@categories.3.level"
    ])
  })
})

describe("CaseDeadline", () => {
  it("adds elapsed hours and days without a calendar, and counts a deadline as overdue only after it", () => {
    const clock = CaseDeadline.elapsedClock()
    const due = Either.getOrThrow(clock(bj("2025-09-30T18:00"), CaseDeadline.duration(24, "hours")))
    expect(DateTime.formatIso(due)).toBe("2025-10-01T10:00:00.000Z")
    expect(CaseDeadline.isOverdue(due, due)).toBe(false)
    expect(CaseDeadline.isOverdue(due, DateTime.add(due, { millis: 1 }))).toBe(true)
  })
  it("rejects a non-positive time limit", () => {
    expect(() => Schema.decodeUnknownSync(CaseDeadline.Duration)({ amount: 0, unit: "days" })).toThrow(
      /positive whole number/
    )
  })
})

describe("CaseCategory as a plugin extension point", () => {
  it("builds the catalogue from composed plugins, a city overriding a default limit", () => {
    const core = Plugin.define({
      id: "core",
      version: "0.1.0",
      description: "defaults",
      contributes: [CaseCategory.defaultContribution]
    })
    const base = Option.getOrThrow(CaseCategory.lookup(CaseCategory.defaultCatalogue, "utilities"))
    const city = Plugin.define({
      id: "my-city",
      version: "1.0.0",
      description: "local limits",
      contributes: [
        Plugin.contribute(
          CaseCategory.extensionPoint,
          [
            new CaseCategory.Category({
              ...base,
              limits: new CaseCategory.TimeLimits({
                ...CaseCategory.utilityLimits,
                resolve: CaseDeadline.duration(12, "hours"),
                source: "my city rule"
              })
            })
          ],
          { override: true }
        )
      ]
    })
    const registry = Either.getOrThrow(
      Plugin.compose([core, city], [CaseCategory.extensionPoint], { coreVersion: "0.1.0" })
    )
    const catalogue = CaseCategory.fromRegistry(registry)
    expect(CaseCategory.validate(catalogue)).toEqual([])
    expect(Option.getOrUndefined(CaseCategory.limitsOf(catalogue, "utilities.water"))?.resolve.toString()).toBe(
      "12 hours"
    )
    expect(catalogue.categories).toHaveLength(CaseCategory.defaultCatalogue.categories.length)
  })
})
