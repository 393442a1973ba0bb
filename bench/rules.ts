/**
 * The rule benchmarks, run by `bench/run.mjs` in their own process:
 *
 *   node rules.mjs <scale> <caseSample>
 *
 * Over the generated city (`City` from @zhili/testing at `scale`), each rule is timed beside an independent reference:
 * the fastest straightforward plain-JS program for the same figure, calling no library function on the path it times
 * (no deadline arithmetic, no date conversion, no decoding: it reads the records' fields and the policy's data), in
 * the same run (alternating; median of 5 runs, of 3 for figures over 20 s; fast figures
 * repeated to about 250 ms a sample); the two results are compared before timing.
 * Cases: `caseSample` distinct cases come from the generator (through `Case.transition`); they are repeated with fresh
 * ids up to the city's case count, because generating a case costs about 1 ms here (see README.md).
 * Prints one JSON line: { results: [{ name, rule, baseline, ratio, n }], ... }.
 */
import {
  Assessment,
  Case,
  CaseMetrics,
  Escalation,
  Grid,
  type Ids,
  Inspection,
  type LocalDate,
  OrgLife,
  Visit
} from "@zhili/core"
import { City } from "@zhili/testing"
import type { DateTime } from "effect"

const [scaleArg = "1", sampleArg = "100000"] = process.argv.slice(2)
const scale = Number(scaleArg)
const sizes = City.sizes(scale)
const options = { seed: 2025, scale, year: 2025 }
const log = (s: string) => process.stderr.write(`${s}\n`)

const time = (f: () => unknown): number => {
  const t = performance.now()
  f()
  return performance.now() - t
}
const median = (xs: Array<number>) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

// `RULES_ONLY=coverage,cases,org,assessment` (any of them) runs only those sections, for development
const only = process.env.RULES_ONLY?.split(",")
const wanted = (section: string) => only === undefined || only.includes(section)
let section = "coverage"
const results: Array<{ name: string; rule: number; baseline: number; ratio: number; n: number }> = []
const compare = <T>(
  name: string,
  n: number,
  rule: () => T,
  baseline: () => T,
  same: (a: T, b: T) => boolean,
  informational = false
) => {
  if (!wanted(section)) return
  let a: T | undefined
  let b: T | undefined
  const s: Array<number> = [time(() => (b = baseline()))]
  const r: Array<number> = [time(() => (a = rule()))]
  if (!same(a, b))
    throw new Error(`${name}: the rule and the baseline disagree: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`)
  // slow figures (over 20 s for the rule) take two more runs of each side, the median of 3 with the checked run; the
  // others take the median of 5 more. A side that runs in under 250 ms is repeated within a sample so that the sample
  // takes about 250 ms, so that the timer and the collector's pauses do not decide the ratio; times are per run.
  if ((r[0] as number) > 20_000) {
    for (let i = 0; i < 2; i++) {
      s.push(time(baseline))
      r.push(time(rule))
    }
  } else {
    const reps = (first: number) => Math.min(10_000, Math.max(1, Math.ceil(250 / Math.max(first, 0.01))))
    const repeated = (f: () => unknown, n: number) => () => {
      for (let k = 0; k < n; k++) f()
    }
    const rn = reps(r[0] as number)
    const sn = reps(s[0] as number)
    r.length = 0
    s.length = 0
    for (let i = 0; i < 5; i++) {
      s.push(time(repeated(baseline, sn)) / sn)
      r.push(time(repeated(rule, rn)) / rn)
    }
  }
  const out = { name, rule: median(r), baseline: median(s), ratio: median(r) / median(s), n, informational }
  log(`${name}: rule ${out.rule.toFixed(0)} ms, baseline ${out.baseline.toFixed(0)} ms, ${out.ratio.toFixed(2)}×`)
  results.push(out)
}

// ---------------------------------------------------------------------------------------------------------------
// The city's registry: grids, buildings, households, visits (what the coverage rules take, held in memory)
// ---------------------------------------------------------------------------------------------------------------
const t0 = performance.now()
const grids: Array<Grid.Grid> = []
const buildings: Array<{ id: Ids.BuildingId; community: string }> = []
const households: Array<{ id: Ids.HouseholdId; building: string }> = []
const visits: Array<Visit.Visit> = []
for (const c of wanted("coverage") ? City.communities(options) : []) {
  grids.push(...c.grids)
  for (const b of c.buildings) buildings.push({ id: b.id, community: b.community })
  for (const h of c.households) households.push({ id: h.id, building: h.building })
  for (const v of City.visits(c, options)) visits.push(v)
}
log(
  `city: ${grids.length} grids, ${buildings.length} buildings, ${households.length} households, ${visits.length} visits in ${((performance.now() - t0) / 1000).toFixed(0)} s`
)

// Grid coverage: the number of error findings (0 for the generated city), by the rule and by a plain loop.
const gridBaseline = () => {
  const byId = new Map<string, Grid.Grid>()
  let errors = 0
  for (const g of grids) byId.has(g.id) ? errors++ : byId.set(g.id, g)
  const codes = new Set<string>()
  const want: Record<string, string | undefined> = { large: undefined, small: "large", micro: "small" }
  const claims = new Map<string, number>()
  const known = new Map<string, string>()
  for (const b of buildings) known.set(b.id, b.community)
  for (const g of byId.values()) {
    if (codes.has(g.code)) errors++
    codes.add(g.code)
    if (g.code.slice(0, 12) !== g.community) errors++
    if (g.level !== "micro" && g.buildings.length > 0) errors++
    const p = g.parent === undefined ? undefined : byId.get(g.parent)
    if (
      g.parent === undefined
        ? want[g.level] !== undefined
        : p === undefined || p.level !== want[g.level] || p.community !== g.community
    )
      errors++
    if (g.level === "micro")
      for (const b of g.buildings) {
        const community = known.get(b)
        if (community === undefined || community !== g.community) errors++
        claims.set(b, (claims.get(b) ?? 0) + 1)
      }
  }
  for (const b of buildings) if ((claims.get(b.id) ?? 0) !== 1) errors++
  return errors
}
compare(
  "grid coverage (whole city)",
  grids.length,
  () => Grid.coverage({ grids, buildings }).filter((f) => f.severity === "error").length,
  gridBaseline,
  (a, b) => a === b
)

// Visit coverage: households reached at least once in the year ÷ households, city-wide and per micro grid.
const period = { from: "2025-01-01", to: "2025-12-31" } as const
// Asia/Shanghai is UTC+8 all year (no daylight saving since 1991): the period's bounds by arithmetic.
const hourMs = 3_600_000
const from = Date.UTC(2025, 0, 1) - 8 * hourMs
const to = Date.UTC(2026, 0, 1) - 8 * hourMs
/** Households reached, visits and households per micro grid, rolled up to the grid's parents and its community. */
const visitBaseline = () => {
  const byId = new Map<string, Grid.Grid>()
  for (const g of grids) byId.set(g.id, g)
  const microOf = new Map<string, number>()
  const gridIds: Array<string> = []
  for (const g of grids)
    if (g.level === "micro") {
      for (const b of g.buildings) microOf.set(b, gridIds.length)
      gridIds.push(g.id)
    }
  const gridOf = new Map<string, number>()
  for (const h of households) gridOf.set(h.id, microOf.get(h.building) ?? -1)
  const n = gridIds.length
  const visitsOf = new Float64Array(n)
  const householdsOf = new Float64Array(n)
  const visitedOf = new Float64Array(n)
  const reached = new Set<string>()
  for (const v of visits) {
    const ms = v.at.epochMillis
    if (ms < from || ms >= to) continue
    const g = gridOf.get(v.household)
    if (g === undefined) continue
    if (g >= 0) visitsOf[g]++
    if (v.outcome !== "no-one-home") reached.add(v.household)
  }
  let visited = 0
  for (const [h, g] of gridOf) {
    const r = reached.has(h)
    if (r) visited++
    if (g < 0) continue
    householdsOf[g]++
    if (r) visitedOf[g]++
  }
  // roll up: every grid with values (its micro grids', its own) and every community
  const rolled = new Map<string, { households: number; visited: number; visits: number }>()
  const communities = new Map<string, { households: number; visited: number; visits: number }>()
  const add = (m: Map<string, { households: number; visited: number; visits: number }>, k: string, i: number) => {
    let acc = m.get(k)
    if (acc === undefined) {
      acc = { households: 0, visited: 0, visits: 0 }
      m.set(k, acc)
    }
    acc.households += householdsOf[i] as number
    acc.visited += visitedOf[i] as number
    acc.visits += visitsOf[i] as number
  }
  for (let i = 0; i < n; i++) {
    if (householdsOf[i] === 0 && visitsOf[i] === 0) continue
    let g = byId.get(gridIds[i] as string)
    const community = g?.community as string
    while (g !== undefined) {
      add(rolled, g.id, i)
      g = g.parent === undefined ? undefined : byId.get(g.parent)
    }
    add(communities, community, i)
  }
  let communityVisited = 0
  for (const c of communities.values()) communityVisited += c.visited
  return { rate: visited / gridOf.size, communityVisited }
}
compare(
  "visit coverage (whole city, a year)",
  visits.length,
  () => {
    const c = Visit.coverage({ grids, households, visits }, period)
    let communityVisited = 0
    for (const v of c.communities.values()) communityVisited += v.visited
    return { rate: c.total.rate, communityVisited }
  },
  visitBaseline,
  (a, b) => a.rate === b.rate && a.communityVisited === b.communityVisited
)
grids.length = 0
buildings.length = 0
households.length = 0
visits.length = 0

// ---------------------------------------------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------------------------------------------
section = "cases"
const t1 = performance.now()
const sample: Array<Case.Case> = []
for (const c of wanted("cases") ? City.cases(options) : []) {
  sample.push(c)
  if (sample.length >= Number(sampleArg)) break
}
const cases: Array<Case.Case> = []
for (let i = 0; sample.length > 0 && cases.length < sizes.cases; i++) {
  const c = sample[i % sample.length] as Case.Case
  cases.push(
    i < sample.length
      ? c
      : new Case.Case(
          { ...c, id: `${c.id}-${Math.floor(i / sample.length)}` as Ids.CaseId },
          { disableValidation: true }
        )
  )
}
log(`cases: ${sample.length} generated, ${cases.length} in all, in ${((performance.now() - t1) / 1000).toFixed(0)} s`)
const year = CaseMetrics.months({ year: 2025, month: 1 }, { year: 2025, month: 12 })
const metricOptions = { policy: City.casePolicy }
// the year in UTC+8, by arithmetic (the rule takes `year`, built by `CaseMetrics.months`)
const pf = from
const pt = to
if (pf !== year.from.epochMillis || pt !== year.to.epochMillis) throw new Error("the year's bounds differ")
const inYear = (d: DateTime.Utc | undefined) => d !== undefined && d.epochMillis >= pf && d.epochMillis < pt
const value = (r: CaseMetrics.Rate) => r.value

compare(
  `case response rate (${sizes.cases.toLocaleString("en-US")} cases)`,
  cases.length,
  () => value(CaseMetrics.responseRate(cases, year, metricOptions)),
  () => {
    // read at the end of the year: left out are cases unanswered then and not yet late, cases withdrawn before
    // anyone answered, and cases left out of the assessment
    const asOf = pt - 1
    let n = 0
    let d = 0
    for (const c of cases) {
      if (!inYear(c.reportedAt) || (c.exclusion !== undefined && c.exclusion.at.epochMillis <= asOf)) continue
      const responded = c.respondedAt !== undefined && c.respondedAt.epochMillis <= asOf ? c.respondedAt : undefined
      const due = c.due.response
      if (responded === undefined) {
        if (due !== undefined && due.epochMillis > asOf) continue
        let withdrawn = false
        for (const e of c.history) {
          if (e.at.epochMillis > asOf || e._tag === "Accepted" || e._tag === "Rejected") break
          if (e._tag === "Withdrawn") {
            withdrawn = true
            break
          }
        }
        if (withdrawn) continue
      }
      d++
      if (responded !== undefined && (due === undefined || responded.epochMillis <= due.epochMillis)) n++
    }
    return d === 0 ? null : n / d
  },
  (a, b) => a === b
)
compare(
  "case resolution rate",
  cases.length,
  () => value(CaseMetrics.resolutionRate(cases, year, metricOptions)),
  () => {
    let n = 0
    let d = 0
    for (const c of cases)
      if (
        c.status === "closed" &&
        inYear(c.closedAt) &&
        (c.exclusion === undefined || c.exclusion.at.epochMillis >= pt)
      ) {
        d++
        if (c.closure === "fixed") n++
      }
    return d === 0 ? null : n / d
  },
  (a, b) => a === b
)
const scaleOf = CaseMetrics.defaultSatisfactionScale
compare(
  "case satisfaction rate",
  cases.length,
  () => value(CaseMetrics.satisfactionRate(cases, year, metricOptions)),
  () => {
    let n = 0
    let d = 0
    for (const c of cases)
      if (
        c.status === "closed" &&
        inYear(c.closedAt) &&
        c.satisfaction !== undefined &&
        (c.exclusion === undefined || c.exclusion.at.epochMillis >= pt)
      ) {
        d++
        n += scaleOf[c.satisfaction]
      }
    return d === 0 ? null : n / d
  },
  (a, b) => Math.abs((a ?? 0) - (b ?? 0)) < 1e-9
)
/**
 * The reference's working-day index of a calendar, from its data (covered years, weekend, holidays, make-up days): a
 * prefix count of working days per calendar day and the position of every working day, so the nth working day after
 * a day is one lookup (-1 when the count leaves the covered years or crosses an uncovered one).
 */
const workingIndex = (cal: typeof City.calendar) => {
  const dayMs = 86_400_000
  const years = cal.years.map((y) => y.year).sort((a, b) => a - b)
  const base = Date.UTC(years[0] as number, 0, 1) / dayMs
  const length = Date.UTC((years[years.length - 1] as number) + 1, 0, 1) / dayMs - base
  const off = new Set<number>()
  const on = new Set<number>()
  const dayOf = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / dayMs
  for (const y of cal.years) {
    for (const h of y.holidays) off.add(dayOf(h.date))
    for (const m of y.makeUpDays) on.add(dayOf(m.date))
  }
  const weekend = new Set<number>(cal.weekend)
  const covered = new Set(years)
  const count = new Int32Array(length + 1) // working days before each day
  const uncovered = new Int32Array(length + 1) // days in uncovered years before each day
  const positions: Array<number> = []
  for (let i = 0; i < length; i++) {
    const day = base + i
    const date = new Date(day * dayMs)
    const known = covered.has(date.getUTCFullYear())
    const works = known && !off.has(day) && (on.has(day) || !weekend.has(((date.getUTCDay() + 6) % 7) + 1))
    if (works) positions.push(i)
    count[i + 1] = (count[i] as number) + (works ? 1 : 0)
    uncovered[i + 1] = (uncovered[i] as number) + (known ? 0 : 1)
  }
  return {
    /** The day `n` (≥ 1) working days after `day` (days since 1970-01-01), or -1. */
    addWorkingDays: (day: number, n: number): number => {
      const first = day - base + 1
      if (first < 0 || first >= length) return -1
      const rank = (count[first] as number) + n - 1
      if (rank >= positions.length) return -1
      const at = positions[rank] as number
      return uncovered[at + 1] !== uncovered[first] ? -1 : base + at
    }
  }
}

// The on-time closing reference computes each case's first resolve deadline itself, from the policy's data (the
// catalogue's limits, the emergency limits) and the calendar's data through `workingIndex`; UTC+8 local days by
// arithmetic; the close of the default working hours, 17:30 (`WorkingCalendar`'s documented default;
// `City.casePolicy` passes no other).
const onTimeBaseline = () => {
  const cal = City.calendar
  if (cal.timeZone !== "Asia/Shanghai") throw new Error("the reference assumes UTC+8")
  const dayMs = 86_400_000
  const offset = 8 * hourMs
  const close = 17.5 * hourMs
  const ix = workingIndex(cal)
  /** The close of the nth working day after the local date of `ms`, or -1 outside the covered years. */
  const workingDays = (ms: number, n: number): number => {
    const day = ix.addWorkingDays(Math.floor((ms + offset) / dayMs), n)
    return day < 0 ? -1 : day * dayMs + close - offset
  }
  // each category's limits: its own or its nearest ancestor's
  const byCode = new Map(City.casePolicy.catalogue.categories.map((c) => [c.code as string, c]))
  const limitsOf = new Map<string, Case.Policy["emergency"] | undefined>()
  for (const c of byCode.values()) {
    let k: typeof c | undefined = c
    while (k !== undefined && k.limits === undefined) k = k.parent === undefined ? undefined : byCode.get(k.parent)
    limitsOf.set(c.code, k?.limits)
  }
  const emergency = City.casePolicy.emergency
  let n = 0
  let d = 0
  for (const c of cases) {
    if (c.exclusion !== undefined && c.exclusion.at.epochMillis < pt) continue
    let accepted: number | undefined
    let deferred = false
    let feedback: number | undefined
    let closing: number | undefined
    for (const e of c.history) {
      if (e._tag === "Accepted" && accepted === undefined) accepted = e.at.epochMillis
      if ((e._tag === "ExtensionGranted" || e._tag === "Shelved") && e.at.epochMillis < pt) deferred = true
      if (e._tag === "Resolved") feedback = e.at.epochMillis
      if (e._tag === "Closed") closing = e.at.epochMillis
    }
    if (accepted === undefined) continue
    const limits = c.intake.priority === "emergency" ? emergency : limitsOf.get(c.intake.category)
    if (limits === undefined) continue
    const limit = c.intake.complex && limits.resolveComplex !== undefined ? limits.resolveComplex : limits.resolve
    let due: number
    if (limit.unit === "working-days") due = workingDays(accepted, limit.amount)
    else if (limit.unit === "hours") due = accepted + limit.amount * hourMs
    else if (limit.unit === "days") due = accepted + limit.amount * dayMs
    else throw new Error(`the reference has no ${limit.unit} limits (the catalogue has none)`)
    if (due < 0 || due < pf || due >= pt || deferred) continue
    d++
    const last = feedback ?? closing
    if (
      c.status === "closed" &&
      c.closedAt !== undefined &&
      c.closedAt.epochMillis < pt &&
      last !== undefined &&
      last <= due
    )
      n++
  }
  return d === 0 ? null : n / d
}
compare(
  "case on-time closing rate",
  cases.length,
  () => value(CaseMetrics.onTimeClosingRate(cases, year, metricOptions)),
  onTimeBaseline,
  (a, b) => a === b
)
const rank: Record<string, number> = { "micro-grid": 0, compound: 1, community: 2, street: 3 }
compare(
  "case escalation shares (settled in compound / community)",
  cases.length,
  () => {
    const s = Escalation.settledShares(cases, year)
    return [s.inCompound.value, s.inCommunity.value]
  },
  () => {
    let closed = 0
    let compound = 0
    let community = 0
    for (const c of cases) {
      if (!inYear(c.closedAt)) continue
      closed++
      const r = rank[c.level] as number
      if (r <= 1) compound++
      if (r <= 2) community++
    }
    return closed === 0 ? [null, null] : [compound / closed, community / closed]
  },
  (a, b) => a[0] === b[0] && a[1] === b[1]
)
sample.length = 0
cases.length = 0

// ---------------------------------------------------------------------------------------------------------------
// Organisational life (三会一课) and rectification (整改) of every community's party units, generated here (the
// city generator has neither): a seeded random year, most requirements met, some missed, some members' meetings
// without a quorum; inspections with suggestions, rectifications with failing and passing verifications.
// ---------------------------------------------------------------------------------------------------------------
section = "org"
let seed = 20_250_101
const rand = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
  return seed / 2_147_483_648
}
const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10) as LocalDate.LocalDate
const jan1 = Date.UTC(2025, 0, 1) / 86_400_000
const trusted = { disableValidation: true } as const
const partyUnits: Array<{ unit: Ids.OrgUnitId; kind: string | undefined }> = []
const records: Array<OrgLife.OrgLifeRecord> = []
for (let c = 0; c < sizes.communities; c++) {
  for (let u = 0; u < 13; u++) {
    const unit = `party-${c}-${u}` as Ids.OrgUnitId
    const kind = u < 3 ? undefined : "grid-party-group"
    partyUnits.push({ unit, kind })
    const record = (kindOf: string, day: number, attendance?: { present: number; members: number }) =>
      records.push(
        new OrgLife.OrgLifeRecord(
          {
            id: `olr-${c}-${u}-${records.length}` as Ids.OrgLifeRecordId,
            tenant: `t${c}` as Ids.TenantId,
            unit,
            kind: kindOf,
            date: isoDay(day),
            ...(attendance === undefined ? {} : { attendance })
          },
          trusted
        )
      )
    const every = (kindOf: string, months: number) => {
      for (let m = 0; m < 12; m += months)
        if (rand() < 0.95) {
          const start = Date.UTC(2025, m, 1) / 86_400_000
          const end = Date.UTC(2025, m + months, 1) / 86_400_000
          const members = 10 + Math.floor(rand() * 30)
          record(
            kindOf,
            start + Math.floor(rand() * (end - start)),
            kindOf === "members-meeting" ? { present: Math.floor(members * (0.4 + rand() * 0.6)), members } : undefined
          )
        }
    }
    every("group-meeting", 1)
    if (kind === undefined) {
      every("committee-meeting", 1)
      every("theme-party-day", 1)
      every("members-meeting", 3)
      every("party-lecture", 3)
      every("heart-to-heart-talk", 12)
      every("org-life-meeting", 12)
      every("democratic-appraisal", 12)
    }
  }
}
const inspections: Array<Inspection.Inspection> = []
const rectifications: Array<Inspection.Rectification> = []
for (let c = 0; c < sizes.communities; c++)
  for (let k = 0; k < 3; k++) {
    const id = `insp-${c}-${k}` as Ids.InspectionId
    const date = jan1 + Math.floor(rand() * 340)
    const suggestions = Array.from({ length: 2 + Math.floor(rand() * 5) }, (_, i) => ({
      id: `s${i}` as Ids.SuggestionId,
      text: "整改意见"
    }))
    inspections.push(
      new Inspection.Inspection(
        {
          id,
          tenant: `t${c}` as Ids.TenantId,
          unit: `party-${c}-${k}` as Ids.OrgUnitId,
          unitKind: k === 0 ? "county-unit" : "township",
          date: isoDay(date),
          inspectors: ["p-1" as Ids.PersonId],
          suggestions
        },
        trusted
      )
    )
    for (const s of suggestions) {
      if (rand() < 0.05) continue // no rectification on record
      const roll = rand()
      const status = roll < 0.1 ? "open" : roll < 0.3 ? "in-progress" : roll < 0.5 ? "rectified" : "verified"
      const verifications: Array<Inspection.Verification> = []
      let on = date + 5 + Math.floor(rand() * 20)
      if (status !== "open")
        for (let v = 0, n = Math.floor(rand() * 3); v < n; v++) {
          verifications.push({ by: "p-2" as Ids.PersonId, on: isoDay(on), passed: rand() < 0.7 })
          on += 1 + Math.floor(rand() * 15)
        }
      if (status === "verified") verifications.push({ by: "p-2" as Ids.PersonId, on: isoDay(on), passed: true })
      rectifications.push(
        new Inspection.Rectification(
          {
            id: `r-${c}-${k}-${s.id}` as Ids.RectificationId,
            tenant: `t${c}` as Ids.TenantId,
            inspection: id,
            suggestion: s.id,
            unit: `party-${c}-${k}` as Ids.OrgUnitId,
            owner: "p-3" as Ids.PersonId,
            deadline: isoDay(date + 30),
            status,
            evidence: [],
            ...(status === "rectified" || status === "verified" ? { rectifiedOn: isoDay(on) } : {}),
            verifications
          },
          trusted
        )
      )
    }
  }
log(
  `org life: ${partyUnits.length} party units, ${records.length} records; ${inspections.length} inspections, ${rectifications.length} rectifications`
)

compare(
  `org-life compliance (${partyUnits.length.toLocaleString("en-US")} party units, ${records.length.toLocaleString("en-US")} records)`,
  records.length,
  () => {
    const byUnit = new Map<string, Array<OrgLife.OrgLifeRecord>>()
    for (const r of records) {
      const list = byUnit.get(r.unit)
      if (list === undefined) byUnit.set(r.unit, [r])
      else list.push(r)
    }
    let compliant = 0
    let met = 0
    for (const u of partyUnits) {
      const c = OrgLife.compliance(
        byUnit.get(u.unit) ?? [],
        u.unit,
        period.from,
        period.to,
        OrgLife.defaultPolicy,
        u.kind
      )
      if (c.compliant) compliant++
      for (const k of c.kinds) met += k.met
    }
    return { compliant, met }
  },
  () => {
    // per unit and kind, a bit per month of 2025 with a counted record; a kind's buckets are met when any of its
    // months has one. Frequencies from the policy's data.
    const policy = OrgLife.defaultPolicy
    const months = { monthly: 1, quarterly: 3, "half-yearly": 6, yearly: 12, none: 0 } as const
    const kinds = Object.keys(policy.frequencies)
    const slot = new Map(kinds.map((k, i) => [k, i]))
    const bits = new Map<string, Int32Array>()
    for (const r of records) {
      if (r.date < period.from || r.date > period.to) continue
      if (r.kind === "members-meeting" && r.attendance !== undefined)
        if (r.attendance.present <= r.attendance.members * policy.quorum) continue
      const k = slot.get(r.kind)
      if (k === undefined) continue
      let b = bits.get(r.unit)
      if (b === undefined) {
        b = new Int32Array(kinds.length)
        bits.set(r.unit, b)
      }
      b[k] = (b[k] as number) | (1 << (Number(r.date.slice(5, 7)) - 1))
    }
    let compliant = 0
    let met = 0
    for (const u of partyUnits) {
      const b = bits.get(u.unit)
      const own = u.kind === undefined ? undefined : policy.byUnitKind?.[u.kind]
      let ok = true
      for (let k = 0; k < kinds.length; k++) {
        const kind = kinds[k] as string
        const step = months[own?.[kind] ?? (policy.frequencies[kind] as OrgLife.Frequency)]
        if (step === 0) continue
        const mask = (1 << step) - 1
        for (let m = 0; m < 12; m += step)
          if ((((b?.[k] ?? 0) >> m) & mask) !== 0) met++
          else ok = false
      }
      if (ok) compliant++
    }
    return { compliant, met }
  },
  (a, b) => a.compliant === b.compliant && a.met === b.met
)

const rectificationLimit = { days: 15, unit: "working-days" } as const
const asOf = "2025-12-31" as LocalDate.LocalDate
compare(
  `rectification completion (${inspections.length.toLocaleString("en-US")} inspections, ${rectifications.length.toLocaleString("en-US")} rectifications; 15 working days)`,
  rectifications.length,
  () => {
    const r = Inspection.report(inspections, rectifications, asOf, {
      limit: rectificationLimit,
      calendar: City.calendar
    })
    return [r.total.completed, r.total.onTime, r.total.late, r.total.overdue, r.total.pending, r.units.length]
  },
  () => {
    const ix = workingIndex(City.calendar)
    const dayOf = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000
    const bySuggestion = new Map<string, Array<Inspection.Rectification>>()
    for (const r of rectifications) {
      const key = `${r.inspection}/${r.suggestion}`
      const list = bySuggestion.get(key)
      if (list === undefined) bySuggestion.set(key, [r])
      else list.push(r)
    }
    const asOfDay = dayOf(asOf)
    // the completion day at asOf: the latest verification wins, the first pass since the last failure
    const completed = (r: Inspection.Rectification): number => {
      if (r.status === "open") return -1
      const vs =
        r.verifications.length > 1
          ? [...r.verifications].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
          : r.verifications
      let done = -1
      for (const v of vs) {
        if (v.on > asOf) continue
        if (!v.passed) done = -1
        else if (done < 0) done = dayOf(v.on)
      }
      return done
    }
    const units = new Set<string>()
    const t = [0, 0, 0, 0, 0]
    for (const i of inspections) {
      if (i.date > asOf) continue
      units.add(i.unit)
      const deadline = ix.addWorkingDays(dayOf(i.date), rectificationLimit.days)
      for (const s of i.suggestions) {
        const rs = bySuggestion.get(`${i.id}/${s.id}`)
        let best = 4 // 0 on time, 1 late, 2 overdue, 3 pending; 4 none
        if (rs === undefined) best = 3
        else
          for (const r of rs) {
            const due = deadline < 0 ? dayOf(r.deadline) : deadline
            const done = completed(r)
            const o = done >= 0 ? (done <= due ? 0 : 1) : due < asOfDay ? 2 : 3
            if (o < best) best = o
          }
        if (best <= 1) t[0]++
        if (best === 0) t[1]++
        else if (best === 1) t[2]++
        else if (best === 2) t[3]++
        else t[4]++
      }
    }
    return [...t, units.size]
  },
  (a, b) => a.join() === b.join()
)
records.length = 0
inspections.length = 0
rectifications.length = 0

// ---------------------------------------------------------------------------------------------------------------
// Assessment scoring for every unit (each community; repeated so the timing is measurable)
// ---------------------------------------------------------------------------------------------------------------
section = "assessment"
const inputs = [...City.assessmentInputs(options)]
const rounds = Math.max(1, Math.round(20 / Math.max(scale, 0.05)))
const round2 = (n: number) => {
  const clean = Math.round(n * 1e9) / 1e9
  return (Math.sign(clean) * Math.round(Math.abs(clean) * 100)) / 100
}
/** The county system scored by hand: the same leaves, weights and bands as `City.indicatorSystem`. */
const scoreByHand = (i: Assessment.RawInputs): number => {
  const v = i.values as Record<string, unknown>
  const s = i.sources
  const visits = v["grid.visits"] as { numerator: number; denominator: number }
  const ratio = visits.numerator / visits.denominator
  const band = ratio >= 0.95 ? 1 : ratio >= 0.8 ? 0.8 : ratio >= 0.6 ? 0.5 : 0
  const complaints = v.complaints as number
  const party =
    round2(15 * ((v["party.meetings"] as number) / 5)) +
    round2(15 * Math.min(1, (v["party.activities"] as number) / 12))
  const grid = round2(18 * band) + round2(v["grid.coverage"] === true ? 12 : 0)
  const cases =
    round2(9 * (s["case.response-rate"] ?? 0)) +
    round2(9 * (s["case.resolution-rate"] ?? 0)) +
    round2(12 * (s["case.satisfaction-rate"] ?? 0))
  const deduction = round2(complaints === 0 ? 10 : Math.max(0, 10 - complaints * 2))
  return round2(party + grid + cases + deduction)
}
// The figure is every unit's total: the rule is the system compiled once (`Assessment.totalScorer`), as a ranking of
// every unit uses it. The explained sheet (`Assessment.score`: a line with its reason per indicator) is timed on its
// own line below against the same baseline, to show what the explanation costs.
compare(
  `assessment scoring (${inputs.length} units × ${rounds})`,
  inputs.length * rounds,
  () => {
    const totalOf = Assessment.totalScorer(City.indicatorSystem)
    let t = 0
    for (let r = 0; r < rounds; r++) for (const u of inputs) t += totalOf(u.inputs)
    return round2(t / rounds)
  },
  () => {
    let t = 0
    for (let r = 0; r < rounds; r++) for (const u of inputs) t += scoreByHand(u.inputs)
    return round2(t / rounds)
  },
  (a, b) => Math.abs(a - b) < 0.01 * inputs.length
)
compare(
  `assessment score sheets, explained (${inputs.length} units × ${rounds})`,
  inputs.length * rounds,
  () => {
    let t = 0
    for (let r = 0; r < rounds; r++) for (const u of inputs) t += Assessment.score(City.indicatorSystem, u.inputs).total
    return round2(t / rounds)
  },
  () => {
    let t = 0
    for (let r = 0; r < rounds; r++) for (const u of inputs) t += scoreByHand(u.inputs)
    return round2(t / rounds)
  },
  (a, b) => Math.abs(a - b) < 0.01 * inputs.length,
  // the goal is on the figure (the totals, above); this line shows what the explained sheet costs on top
  true
)

console.log(
  JSON.stringify({
    scale,
    caseSample: Number(sampleArg),
    sizes,
    results,
    maxRssMb: process.resourceUsage().maxRSS / 1024
  })
)
