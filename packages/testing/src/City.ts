/**
 * A deterministic, streamed city the size of 淄博 (Zibo, 370300): about 4.7 million residents in 1.6 million
 * households, 10,000 grids under 88 streets and 1,000 communities, a year of 1 million cases, 10 million activity
 * participations and county-style assessments of every community. Everything is generated community by community
 * from a seed, so a consumer holds one community at a time; `scale` shrinks or grows the number of communities (tests
 * use a tiny city, benchmarks the whole one).
 *
 * @since 0.1.0
 */
import {
  Activity,
  Assessment,
  Building,
  Case,
  CaseCategory,
  CaseDeadline,
  type Division,
  Grid,
  Household,
  type Ids,
  IndicatorSystem,
  LocalDate,
  Resident,
  Visit,
  WorkingCalendar
} from "@zhili/core"
import { DateTime, Either, Option, Redacted, Stream } from "effect"

/**
 * What to generate: the seed, the scale (1 = Zibo; the number of communities is `round(1000 × scale)`, at least 1)
 * and the year of cases, visits and activities (2024–2026, the years the case policy's calendar covers).
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly seed?: number
  readonly scale?: number
  readonly year?: number
}

/**
 * The sizes of a city, per community and in total.
 *
 * @since 0.1.0
 * @category models
 */
export interface Sizes {
  readonly communities: number
  readonly gridsPerCommunity: number
  readonly buildingsPerCommunity: number
  readonly householdsPerCommunity: number
  readonly casesPerCommunity: number
  readonly activitiesPerCommunity: number
  readonly participantsPerActivity: number
  readonly visitsPerCommunity: number
  readonly grids: number
  readonly households: number
  readonly cases: number
  readonly participations: number
}

const perCommunity = {
  gridsPerCommunity: 10, // 1 large, 2 small, 7 micro
  buildingsPerCommunity: 80,
  householdsPerCommunity: 1_600,
  casesPerCommunity: 1_000,
  activitiesPerCommunity: 200,
  participantsPerActivity: 50,
  visitsPerCommunity: 2_400
} as const

/**
 * The sizes a scale gives: at scale 1, 1,000 communities, 10,000 grids, 1.6 M households (about 4.7 M residents),
 * 1 M cases, 10 M participations, 2.4 M visits.
 *
 * @since 0.1.0
 * @category getters
 */
export const sizes = (scale = 1): Sizes => {
  const communities = Math.max(1, Math.round(1_000 * scale))
  return {
    communities,
    ...perCommunity,
    grids: communities * perCommunity.gridsPerCommunity,
    households: communities * perCommunity.householdsPerCommunity,
    cases: communities * perCommunity.casesPerCommunity,
    participations: communities * perCommunity.activitiesPerCommunity * perCommunity.participantsPerActivity
  }
}

/** Zibo's five districts and three counties (GB/T 2260). */
const counties: ReadonlyArray<readonly [string, string]> = [
  ["370302", "淄川区"],
  ["370303", "张店区"],
  ["370304", "博山区"],
  ["370305", "临淄区"],
  ["370306", "周村区"],
  ["370321", "桓台县"],
  ["370322", "高青县"],
  ["370323", "沂源县"]
]
const streetsPerCounty = 11

/** mulberry32: a small, fast, seedable generator; plenty for test data. */
class Rng {
  private s: number
  constructor(seed: number) {
    this.s = seed >>> 0
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0
    let t = this.s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  int(n: number): number {
    return Math.floor(this.next() * n)
  }
  pick<T>(xs: ReadonlyArray<T>): T {
    return xs[this.int(xs.length)] as T
  }
}

const rngFor = (seed: number, community: number, stream: number): Rng =>
  new Rng(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(community + 1, 0xc2b2ae35) ^ (stream * 0x27d4eb2f))

const pad = (n: number, width: number) => String(n).padStart(width, "0")

/**
 * Where a community sits: its index, county, street and community codes and names.
 *
 * @since 0.1.0
 * @category models
 */
export interface Place {
  readonly index: number
  readonly county: Division.DivisionCode
  readonly countyName: string
  readonly street: Division.DivisionCode
  readonly community: Division.DivisionCode
  readonly name: string
}

/**
 * The place of community `index`: communities are dealt round-robin to the 88 streets (11 in each county), so every
 * street has about the same number; the community part of the code runs 001–199 (residents' committees).
 *
 * @since 0.1.0
 * @category getters
 */
export const place = (index: number): Place => {
  const streets = counties.length * streetsPerCounty
  const s = index % streets
  const [county, countyName] = counties[s % counties.length] as readonly [string, string]
  const street = `${county}${pad(1 + Math.floor(s / counties.length), 3)}`
  const seq = 1 + Math.floor(index / streets)
  if (seq > 199) throw new RangeError(`City: community ${index} exceeds 199 communities per street`)
  const community = `${street}${pad(seq, 3)}`
  return {
    index,
    county: county as Division.DivisionCode,
    countyName,
    street: street as Division.DivisionCode,
    community: community as Division.DivisionCode,
    name: `${countyName}第${1 + Math.floor(s / counties.length)}街道第${seq}社区`
  }
}

/**
 * One community's registry and grids: three grid levels (1 large, 2 small, 7 micro) with 15-digit unit grid codes,
 * the buildings (each in exactly one micro grid), households and residents. Residents carry a valid identity number
 * and a phone, both redacted.
 *
 * @since 0.1.0
 * @category models
 */
export interface Community extends Place {
  readonly grids: ReadonlyArray<Grid.Grid>
  readonly buildings: ReadonlyArray<Building.Building>
  readonly households: ReadonlyArray<Household.Household>
  readonly residents: ReadonlyArray<Resident.Resident>
}

const unchecked = { disableValidation: true } as const

/** Grid ids are unique across the city: the community code and the grid's sequence. */
const gridId = (community: string, seq: number) => `g${community}-${pad(seq, 2)}` as Ids.GridId
const microSeqs = [4, 5, 6, 7, 8, 9, 10] as const
const smallOf = (micro: number) => (micro <= 7 ? 2 : 3)

/**
 * The grid path (large, small, micro) of the `m`-th micro grid (0–6) of a community.
 *
 * @since 0.1.0
 * @category getters
 */
export const microPath = (community: string, m: number): ReadonlyArray<Ids.GridId> => {
  const seq = microSeqs[m % microSeqs.length] as number
  return [gridId(community, 1), gridId(community, smallOf(seq)), gridId(community, seq)]
}

const gridsOf = (p: Place, buildings: ReadonlyArray<Building.Building>): Array<Grid.Grid> => {
  const tenant = p.community as unknown as Ids.TenantId
  const base = { tenant, community: p.community }
  const grids: Array<Grid.Grid> = [
    new Grid.Grid(
      {
        ...base,
        id: gridId(p.community, 1),
        level: "large",
        name: `${p.name}大网格`,
        code: `${p.community}001` as Grid.Grid["code"]
      },
      unchecked
    )
  ]
  for (const s of [2, 3])
    grids.push(
      new Grid.Grid(
        {
          ...base,
          id: gridId(p.community, s),
          level: "small",
          name: `第${s - 1}小网格`,
          code: `${p.community}${pad(s, 3)}` as Grid.Grid["code"],
          parent: gridId(p.community, 1)
        },
        unchecked
      )
    )
  microSeqs.forEach((seq, m) => {
    grids.push(
      new Grid.Grid(
        {
          ...base,
          id: gridId(p.community, seq),
          level: "micro",
          name: `第${m + 1}微网格`,
          code: `${p.community}${pad(seq, 3)}` as Grid.Grid["code"],
          parent: gridId(p.community, smallOf(seq)),
          buildings: buildings.filter((_, i) => i % microSeqs.length === m).map((b) => b.id)
        },
        unchecked
      )
    )
  })
  return grids
}

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const idCheck = "10X98765432"

/**
 * A GB 11643 identity number with a valid check character.
 *
 * @since 0.1.0
 * @category constructors
 */
export const identityNumber = (division: string, birth: LocalDate.LocalDate, seq: number): string => {
  const body = `${division}${birth.replaceAll("-", "")}${pad(seq % 1000, 3)}`
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * (idWeights[i] as number)
  return `${body}${idCheck[sum % 11]}`
}

const surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "孙", "徐"]
const given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "华"]
const householdSizes = [1, 2, 2, 2, 3, 3, 3, 4, 4, 5]

/** The `h`-th household of a community lives in building `h mod buildings`, two to a floor: rooms 101, 102, 201 … */
const roomOf = (h: number, buildings: number): string => {
  const k = Math.floor(h / buildings)
  return `${1 + Math.floor(k / 2)}0${1 + (k % 2)}`
}

/**
 * Identity numbers already given, per county: birth date (epoch day) × 1000 + sequence. A number is unique in the
 * city (一人一号): a drawn sequence already taken moves on to the next free one of the same parity (the sex digit).
 */
type TakenNumbers = Map<string, Set<number>>

const freeSequence = (taken: TakenNumbers | undefined, county: string, birth: LocalDate.LocalDate, drawn: number) => {
  if (taken === undefined) return drawn
  let used = taken.get(county)
  if (used === undefined) {
    used = new Set()
    taken.set(county, used)
  }
  const day = LocalDate.toEpochDay(birth) * 1000
  let seq = drawn
  for (let tries = 0; used.has(day + seq) && tries < 500; tries++) seq = (seq + 2) % 1000
  used.add(day + seq)
  return seq
}

const buildCommunity = (seed: number, index: number, year: number, taken?: TakenNumbers): Community => {
  const p = place(index)
  const rng = rngFor(seed, index, 1)
  const tenant = p.community as unknown as Ids.TenantId
  const buildings: Array<Building.Building> = []
  for (let b = 0; b < perCommunity.buildingsPerCommunity; b++)
    buildings.push(
      new Building.Building(
        {
          id: `b${p.community}-${pad(b + 1, 3)}` as Ids.BuildingId,
          tenant,
          community: p.community,
          name: `${b + 1}号楼`
        },
        unchecked
      )
    )
  const households: Array<Household.Household> = []
  const residents: Array<Resident.Resident> = []
  const on = LocalDate.make(year, 1, 1)
  for (let h = 0; h < perCommunity.householdsPerCommunity; h++) {
    const building = buildings[h % buildings.length] as Building.Building
    const id = `h${p.community}-${pad(h + 1, 4)}` as Ids.HouseholdId
    households.push(
      new Household.Household({ id, tenant, building: building.id, room: roomOf(h, buildings.length) }, unchecked)
    )
    const size = rng.pick(householdSizes)
    for (let r = 0; r < size; r++) {
      const age = r < 2 ? 20 + rng.int(70) : rng.int(18)
      const birth = LocalDate.addDays(on, -(age * 365 + rng.int(365)))
      const sex = rng.next() < 0.5 ? ("male" as const) : ("female" as const)
      const seq = freeSequence(taken, p.county, birth, 2 * rng.int(500) + (sex === "male" ? 1 : 0))
      residents.push(
        new Resident.Resident(
          {
            id: `${id}-${r + 1}` as Ids.ResidentId,
            tenant,
            household: id,
            name: Redacted.make(`${rng.pick(surnames)}${rng.pick(given)}${rng.pick(given)}`),
            birthDate: birth,
            sex,
            tags: age >= 60 ? ["elderly"] : [],
            idNumber: Redacted.make(identityNumber(p.county, birth, seq)) as NonNullable<Resident.Resident["idNumber"]>,
            phone: Redacted.make(`13${pad(rng.int(1_000_000_000), 9)}`)
          },
          unchecked
        )
      )
    }
  }
  return { ...p, grids: gridsOf(p, buildings), buildings, households, residents }
}

const resolve = (o: Options) => ({ seed: o.seed ?? 1, count: sizes(o.scale).communities, year: o.year ?? 2025 })

/**
 * The city's communities, one at a time (a generator: only the community being consumed is in memory).
 *
 * @since 0.1.0
 * @category generators
 */
export function* communities(options: Options = {}): Generator<Community> {
  const { count, seed, year } = resolve(options)
  const taken: TakenNumbers = new Map()
  for (let i = 0; i < count; i++) yield buildCommunity(seed, i, year, taken)
}

/**
 * The city's communities as an Effect `Stream`.
 *
 * @since 0.1.0
 * @category generators
 */
export const stream = (options: Options = {}): Stream.Stream<Community> =>
  Stream.fromIterable({ [Symbol.iterator]: () => communities(options) })

/**
 * The working-day calendar of the generated cases: weekends only (no holidays), Asia/Shanghai, covering 2024–2026.
 *
 * @since 0.1.0
 * @category policies
 */
export const calendar: WorkingCalendar.WorkingCalendar = WorkingCalendar.weekendsOnly(
  "testing/city",
  [2024, 2025, 2026]
)

/**
 * The case policy the generated cases follow: the default catalogue and {@link calendar}.
 *
 * @since 0.1.0
 * @category policies
 */
export const casePolicy: Case.Policy = Case.makePolicy({
  clock: CaseDeadline.fromWorkingCalendar(calendar)
})

const categories = CaseCategory.defaultCatalogue.categories
  .filter((c) => Option.isSome(CaseCategory.limitsOf(CaseCategory.defaultCatalogue, c.code)))
  .map((c) => c.code)

const staff = new Case.Actor({ role: "staff", id: "staff-1" })
const hour = 3_600_000

/** Start of the year in Asia/Shanghai (UTC+8, no DST). */
const yearStart = (year: number) => Date.UTC(year, 0, 1) - 8 * hour

/** An instant in working hours (09:00–17:00 local) on a weekday of the year. */
const workingInstant = (rng: Rng, year: number): number => {
  for (;;) {
    const day = rng.int(365)
    const date = LocalDate.addDays(LocalDate.make(year, 1, 1), day)
    if (LocalDate.dayOfWeek(date) <= 5)
      return yearStart(year) + day * 24 * hour + (9 + rng.int(8)) * hour + rng.int(60) * 60_000
  }
}

const must = (e: Either.Either<Case.Case, Case.TransitionError>): Case.Case => {
  if (Either.isLeft(e)) throw new Error(`City: generated an illegal case history: ${e.left.message}`)
  return e.right
}

const caseOf = (p: Place, rng: Rng, n: number, year: number): Case.Case => {
  const m = rng.int(microSeqs.length)
  const path = microPath(p.community, m)
  let at = workingInstant(rng, year)
  const instant = () => DateTime.unsafeMake(at)
  const later = (hours: number) => {
    at += Math.max(1, Math.round(hours * hour))
    return instant()
  }
  const intake = new Case.Intake(
    {
      id: `c${p.community}-${pad(n + 1, 4)}` as Ids.CaseId,
      tenant: p.community as unknown as Ids.TenantId,
      kind: rng.pick(Case.Kind.literals),
      category: rng.pick(categories),
      source: rng.pick(Case.Source.literals),
      title: `第${n + 1}号诉求`,
      reporter: { _tag: "Anonymous" },
      location: new Case.Location({ grid: path[2] as Ids.GridId, gridPath: path }, unchecked),
      priority: rng.next() < 0.9 ? "normal" : "urgent",
      severity: rng.pick(Case.Severity.literals),
      complex: rng.next() < 0.1,
      attributes: {}
    },
    unchecked
  )
  let c = must(Case.open({ _tag: "Reported", at: instant(), by: staff, intake }, casePolicy))
  const apply = (e: Case.Event) => {
    c = must(Case.transition(c, e, casePolicy))
  }
  const roll = rng.next()
  if (roll < 0.04) {
    apply({ _tag: "Rejected", at: later(1 + rng.int(6)), by: staff, reason: "不属于受理范围" })
    return c
  }
  if (roll < 0.07) {
    apply({ _tag: "Withdrawn", at: later(1 + rng.int(6)), by: staff })
    return c
  }
  apply({ _tag: "Accepted", at: later(rng.next() < 0.9 ? 0.5 + rng.int(4) : 30 + rng.int(40)), by: staff })
  if (rng.next() < 0.12) {
    const next = Case.nextLevel(c)
    if (Option.isSome(next)) apply({ _tag: "Escalated", at: later(2), by: staff, to: next.value, reason: "severity" })
  }
  apply({
    _tag: "Dispatched",
    at: later(1),
    by: staff,
    to: new Case.Assignee({ unit: `u${p.community}` as Ids.OrgUnitId })
  })
  apply({ _tag: "Started", at: later(1 + rng.int(8)), by: staff })
  if (rng.next() < 0.06)
    apply({
      _tag: "ExtensionGranted",
      at: later(4),
      by: staff,
      extension: CaseDeadline.duration(3, "working-days"),
      reason: "等待配件"
    })
  if (rng.next() < 0.03) return c // still in progress at the year's end
  apply({ _tag: "Resolved", at: later(8 + rng.int(24 * 12)), by: staff, fixed: rng.next() < 0.93, summary: "已处理" })
  apply({ _tag: "Verified", at: later(2 + rng.int(24)), by: staff })
  apply({ _tag: "Closed", at: later(1), by: staff, fixed: c.resolvedFixed ?? true })
  if (rng.next() < 0.7) {
    const r = rng.next()
    apply({
      _tag: "Rated",
      at: later(24),
      by: staff,
      satisfaction: r < 0.8 ? "satisfied" : r < 0.95 ? "basically-satisfied" : "dissatisfied"
    })
  }
  return c
}

/**
 * A year of cases, community by community: every history built through `Case.open` and `Case.transition` under
 * {@link casePolicy} (so every sequence is valid), with rejections, withdrawals, escalations, extensions, cases still
 * open at the year's end, and satisfaction ratings.
 *
 * @since 0.1.0
 * @category generators
 */
export function* cases(options: Options = {}): Generator<Case.Case> {
  const { count, seed, year } = resolve(options)
  for (let i = 0; i < count; i++) {
    const p = place(i)
    const rng = rngFor(seed, i, 2)
    for (let n = 0; n < perCommunity.casesPerCommunity; n++) yield caseOf(p, rng, n, year)
  }
}

/**
 * Door-knocking visits of a community's households over the year (about 1.5 per household; some households never
 * visited).
 *
 * @since 0.1.0
 * @category generators
 */
export function* visits(community: Community, options: Options = {}): Generator<Visit.Visit> {
  const { seed, year } = resolve(options)
  const rng = rngFor(seed, community.index, 3)
  const outcomes = Visit.Outcome.literals
  for (let v = 0; v < perCommunity.visitsPerCommunity; v++) {
    const h = community.households[rng.int(community.households.length)] as Household.Household
    const outcome = rng.next() < 0.15 ? "no-one-home" : (rng.pick(outcomes.slice(1, 3)) as Visit.Outcome)
    yield new Visit.Visit(
      {
        id: `v${community.community}-${pad(v + 1, 4)}` as Ids.VisitId,
        tenant: community.community as unknown as Ids.TenantId,
        household: h.id,
        worker: `w${community.community}-${rng.int(7)}` as Ids.GridWorkerId,
        at: DateTime.unsafeMake(workingInstant(rng, year)),
        outcome
      },
      unchecked
    )
  }
}

/**
 * A community's activities of the year, each with a roster of residents: 200 activities of 50 participants, 10,000
 * participations per community.
 *
 * @since 0.1.0
 * @category generators
 */
export function* activities(community: Community, options: Options = {}): Generator<Activity.Activity> {
  const { seed, year } = resolve(options)
  const rng = rngFor(seed, community.index, 4)
  for (let a = 0; a < perCommunity.activitiesPerCommunity; a++) {
    const start = workingInstant(rng, year)
    const residents: Array<Ids.ResidentId> = []
    for (let r = 0; r < perCommunity.participantsPerActivity; r++)
      residents.push((community.residents[rng.int(community.residents.length)] as Resident.Resident).id)
    yield new Activity.Activity(
      {
        tenant: community.community as unknown as Ids.TenantId,
        id: `a${community.community}-${pad(a + 1, 3)}` as Ids.ActivityId,
        service: `s${community.community}-${rng.int(10)}` as Ids.ServiceId,
        kind: "session",
        start: DateTime.unsafeMake(start),
        end: DateTime.unsafeMake(start + 2 * hour),
        participants: { _tag: "Roster", residents, guests: 0 },
        volunteers: [],
        version: 1
      },
      unchecked
    )
  }
}

/**
 * Activity participations of the whole city (resident, activity, tenant), streamed: 10 M at scale 1.
 *
 * @since 0.1.0
 * @category generators
 */
export function* participations(
  options: Options = {}
): Generator<{ readonly tenant: string; readonly activity: Ids.ActivityId; readonly resident: Ids.ResidentId }> {
  for (const c of communities(options))
    for (const a of activities(c, options))
      if (a.participants._tag === "Roster")
        for (const resident of a.participants.residents) yield { tenant: c.community, activity: a.id, resident }
}

const either = <A, E>(e: Either.Either<A, E>): A => {
  if (Either.isLeft(e)) throw new Error(`City: ${String(e.left)}`)
  return e.right
}

/**
 * The county-style indicator system every community is assessed on (100 points): party building (三会一课 by level,
 * branch activities against a target), grid work (visit coverage, grid coverage), case handling (the three rates as
 * data sources), and a deduction for complaints.
 *
 * @since 0.1.0
 * @category fixtures
 */
export const indicatorSystem: IndicatorSystem.IndicatorSystem = either(
  IndicatorSystem.make({
    id: "zibo-community-2025",
    tenant: "370300",
    name: "淄博市社区治理年度考核",
    fullMarks: 100,
    indicators: [
      {
        _tag: "Group",
        id: "party",
        name: "党建引领",
        weight: 0.3,
        children: [
          {
            _tag: "Leaf",
            id: "party.meetings",
            name: "三会一课",
            weight: 0.5,
            method: { _tag: "Scale", levels: [1, 2, 3, 4, 5].map((level) => ({ level, fraction: level / 5 })) }
          },
          {
            _tag: "Leaf",
            id: "party.activities",
            name: "主题党日",
            weight: 0.5,
            method: { _tag: "CountTarget", target: 12 }
          }
        ]
      },
      {
        _tag: "Group",
        id: "grid",
        name: "网格治理",
        weight: 0.3,
        children: [
          {
            _tag: "Leaf",
            id: "grid.visits",
            name: "走访覆盖",
            weight: 0.6,
            method: {
              _tag: "Ratio",
              bands: [
                { atLeast: 0.95, fraction: 1 },
                { atLeast: 0.8, fraction: 0.8 },
                { atLeast: 0.6, fraction: 0.5 },
                { atLeast: 0, fraction: 0 }
              ]
            }
          },
          { _tag: "Leaf", id: "grid.coverage", name: "网格全覆盖", weight: 0.4, method: { _tag: "YesNo" } }
        ]
      },
      {
        _tag: "Group",
        id: "cases",
        name: "接诉即办",
        weight: 0.3,
        children: [
          {
            _tag: "Leaf",
            id: "cases.response",
            name: "响应率",
            weight: 0.3,
            method: { _tag: "DataSource", source: "case.response-rate" }
          },
          {
            _tag: "Leaf",
            id: "cases.resolution",
            name: "解决率",
            weight: 0.3,
            method: { _tag: "DataSource", source: "case.resolution-rate" }
          },
          {
            _tag: "Leaf",
            id: "cases.satisfaction",
            name: "满意率",
            weight: 0.4,
            method: { _tag: "DataSource", source: "case.satisfaction-rate" }
          }
        ]
      },
      {
        _tag: "Leaf",
        id: "complaints",
        name: "有效投诉",
        weight: 0.1,
        method: { _tag: "Deduction", perOccurrence: 2, floor: 0 }
      }
    ]
  })
)

/**
 * One unit's raw inputs for {@link indicatorSystem}.
 *
 * @since 0.1.0
 * @category models
 */
export interface AssessmentInput {
  readonly unit: Division.DivisionCode
  readonly inputs: Assessment.RawInputs
}

/**
 * The raw inputs of every community for the year's assessment, one at a time.
 *
 * @since 0.1.0
 * @category generators
 */
export function* assessmentInputs(options: Options = {}): Generator<AssessmentInput> {
  const { count, seed } = resolve(options)
  for (let i = 0; i < count; i++) {
    const rng = rngFor(seed, i, 5)
    const households = perCommunity.householdsPerCommunity
    yield {
      unit: place(i).community,
      inputs: new Assessment.RawInputs(
        {
          values: {
            "party.meetings": 1 + rng.int(5),
            "party.activities": rng.int(15),
            "grid.visits": { numerator: Math.floor(households * (0.5 + rng.next() / 2)), denominator: households },
            "grid.coverage": rng.next() < 0.9,
            complaints: rng.int(4)
          },
          sources: {
            "case.response-rate": 0.8 + rng.next() / 5,
            "case.resolution-rate": 0.7 + rng.next() / 4,
            "case.satisfaction-rate": 0.75 + rng.next() / 4
          }
        },
        unchecked
      )
    }
  }
}
