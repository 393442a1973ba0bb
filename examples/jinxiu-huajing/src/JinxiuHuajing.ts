/**
 * The example 锦绣华景小区 (新越社区, 城南街道, 廉江市) on embedded SQLite with the Effect API: the seed compound's
 * structure stored through the Store port, a year of door-knocking visits, cases driven through their lifecycle into
 * the case event log, services and activities, mediation with the judges' rota, and the compound report computed
 * from what is read back — under a runtime composed from plugins, so a host swaps the local rules by swapping a
 * policy pack.
 *
 * @since 0.1.0
 */
import * as fs from "node:fs/promises"
import * as path from "node:path"
import * as CalendarCn from "@zhili/calendar-cn"
import {
  Activity,
  Aggregates,
  Building,
  Case,
  CaseDeadline,
  CaseReport,
  CorePlugin,
  type Errors,
  type Finding,
  Grid,
  GridReport,
  GridWorker,
  Household,
  Ids,
  type Labels,
  LocalDate,
  Mediation,
  Membership,
  OrgReport,
  OrgUnit,
  Plugin,
  Post,
  Report,
  Reporter,
  Resident,
  Runtime,
  SectionBuilder,
  Service,
  ServiceReport,
  Store,
  Visit,
  VolunteerTeam
} from "@zhili/core"
import * as BeijingHotline from "@zhili/policy-packs/beijing-hotline"
import * as LianjiangCompound from "@zhili/policy-packs/lianjiang-compound"
import * as ReportPackage from "@zhili/report"
import * as ReportXlsx from "@zhili/report-xlsx"
import { Drivers } from "@zhili/store-sql"
import { JinxiuCases, JinxiuHuajing, SeedReports, ServiceFixtures } from "@zhili/testing"
import { DateTime, Effect, Either, Layer, Schema, Stream } from "effect"

/**
 * The example failed: what went wrong, in one line.
 *
 * @since 0.1.0
 * @category errors
 */
export class ExampleError extends Schema.TaggedError<ExampleError>()("ExampleError", {
  message: Schema.String
}) {}

/**
 * The plugins every runtime of the example starts with: the core default pack, the official working-day calendar
 * (调休) and the report renderers (HTML and Markdown from `@zhili/report`, XLSX from `@zhili/report-xlsx`).
 *
 * @since 0.1.0
 * @category plugins
 */
export const base: ReadonlyArray<Plugin.Plugin> = [
  CorePlugin.plugin,
  CalendarCn.plugin,
  ReportPackage.plugin,
  ReportXlsx.plugin
]

/**
 * The runtimes the example knows, by the name given on the command line: `lianjiang-compound` (the compound's own
 * pack, the default) and `beijing-hotline` (the Beijing-style hotline pack in its place).
 *
 * @since 0.1.0
 * @category plugins
 */
export const packs: Readonly<Record<"lianjiang-compound" | "beijing-hotline", ReadonlyArray<Plugin.Plugin>>> = {
  "lianjiang-compound": [...base, LianjiangCompound.plugin],
  "beijing-hotline": [...base, BeijingHotline.plugin]
}

/**
 * Options of {@link run}.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** The plugins the runtime is composed from, in order (e.g. {@link packs}`["lianjiang-compound"]`). */
  readonly plugins: ReadonlyArray<Plugin.Plugin>
  /** The SQLite file; it is replaced. */
  readonly database: string
  /** The folder the HTML, Markdown and XLSX reports are written to (created when missing); none: nothing is written. */
  readonly out?: string | undefined
  /** The report's locale (default `zh-CN`). */
  readonly locale?: Labels.Locale | undefined
}

/**
 * A case whose feedback (its last `Resolved`) came after the first resolve deadline the pack's time limits gave it.
 *
 * @since 0.1.0
 * @category models
 */
export interface LateCase {
  readonly id: string
  readonly category: string
  readonly due: string
  readonly resolved: string
  /** True when the case got an extension (延期), which takes it out of the on-time closing rate's base. */
  readonly extended: boolean
}

/**
 * What one run did and found.
 *
 * @since 0.1.0
 * @category models
 */
export interface Result {
  /** The plugins composed, in order, with their versions. */
  readonly plugins: ReadonlyArray<{ readonly id: string; readonly version: string }>
  /** The key of each whole policy in force (leader policy, ladder, weights, rota, org-life policy). */
  readonly selected: Runtime.Policies["selected"]
  /** Records read back from SQLite, by aggregate name. */
  readonly stored: Readonly<Record<string, number>>
  /** Events in the case event log. */
  readonly caseEvents: number
  /** The report built from the records read back. */
  readonly document: Report.ReportDocument
  /** Cases resolved after their first resolve deadline under the pack's time limits and calendar. */
  readonly lateCases: ReadonlyArray<LateCase>
  /** Grid leader findings (网格长) under the pack's leader policy, on the compound's as-of date. */
  readonly leaderFindings: ReadonlyArray<Finding.Finding>
  /** Mediation sessions held without the judge on duty under the pack's rota policy. */
  readonly sessionsWithoutDutyJudge: number
  /** The report files written. */
  readonly files: ReadonlyArray<string>
  /** A few lines to print. */
  readonly summary: ReadonlyArray<string>
}

const fail = (what: string) => (e: unknown) =>
  new ExampleError({ message: `${what}: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}` })

const tenantOnly = (r: { readonly tenant: string }): Store.Location => ({ division: r.tenant })

/** Writes records of a domain aggregate through the bulk import, each at its location, and returns how many. */
const importAll = <A, I>(
  aggregate: Store.Aggregate<Store.Stored<A>, Store.StoredEncoded<I>, string, unknown, unknown>,
  records: ReadonlyArray<A>,
  place: (record: A) => Store.Location
): Effect.Effect<number, Store.StoreError | Store.StoreBusy | Store.RowRejected, Store.Store> =>
  Effect.gen(function* () {
    const repo = yield* Store.repository(aggregate)
    const encode = Schema.encodeSync(aggregate.schema)
    const report = yield* repo.import(Stream.fromIterable(records.map((r) => encode(Store.stored(r, place(r))))), {
      scope: Store.everything,
      policy: "abort"
    })
    return report.written
  })

/** Every record of a domain aggregate (every page, everything in scope), as domain values. */
const readAll = <A, I, K extends string, E, EI>(
  aggregate: Store.Aggregate<Store.Stored<A>, I, K, E, EI>
): Effect.Effect<ReadonlyArray<A>, Store.StoreError, Store.Store> =>
  Effect.gen(function* () {
    const repo = yield* Store.repository(aggregate)
    const out: Array<A> = []
    let cursor: string | undefined
    for (;;) {
      const page = yield* repo.list(Store.everything, { limit: 5000, ...(cursor === undefined ? {} : { cursor }) })
      for (const r of page.items) out.push(r.value)
      if (page.next === undefined || page.next === null) return out
      cursor = page.next
    }
  })

/**
 * Drives one case history through the store: `Case.open` on the report, then for each later event the stored case
 * is read, `Case.transition` applied under the policy, and the new state saved with the event in one transaction
 * (`saveWithEvents`), so the event log holds the whole lifecycle.
 */
const playCase = (
  history: ReadonlyArray<Case.Event>,
  policy: Case.Policy
): Effect.Effect<
  void,
  | ExampleError
  | Store.StoreError
  | Store.StoreBusy
  | Errors.VersionConflict
  | Errors.InvalidInput
  | Errors.NotFoundOrNotPermitted,
  Store.Store
> =>
  Effect.gen(function* () {
    const repo = yield* Store.repository(Aggregates.Cases)
    const [first, ...rest] = history
    if (first === undefined || first._tag !== "Reported") {
      return yield* new ExampleError({ message: "a case history starts with its report" })
    }
    const opened = yield* Either.mapLeft(Case.open(first, policy), fail(`case ${first.intake.id}`))
    const location: Store.Location = {
      division: opened.tenant,
      grid: opened.intake.location.gridPath ?? [opened.intake.location.grid]
    }
    yield* repo.saveWithEvents(Store.everything, Store.stored(opened, location), 0, [first])
    for (const event of rest) {
      const read = yield* repo.get(Store.everything, opened.tenant, opened.id).pipe(Effect.mapError(fail("read case")))
      const next = yield* Either.mapLeft(Case.transition(read.value, event, policy), fail(`case ${opened.id}`))
      yield* repo.saveWithEvents(Store.everything, Store.next(read, next), read.version, [event])
    }
  })

const lateCasesOf = (cases: ReadonlyArray<Case.Case>, policy: Case.Policy): ReadonlyArray<LateCase> =>
  [...cases]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .flatMap((c) => {
      const due = Case.originalDue(c, policy)
      const resolved = [...c.history].reverse().find((e) => e._tag === "Resolved")
      if (due === undefined || resolved === undefined || resolved.at.epochMillis <= due.epochMillis) return []
      return [
        {
          id: c.id,
          category: c.intake.category,
          due: DateTime.formatIso(due),
          resolved: DateTime.formatIso(resolved.at),
          extended: c.extensionCount > 0
        }
      ]
    })

/**
 * The judges of the judges' room (法官工作室), the three judge volunteers of the seed.
 *
 * @since 0.1.0
 * @category constants
 */
export const judges: readonly [Ids.PersonId, ...Array<Ids.PersonId>] = [
  Ids.PersonId.make("judge-a"),
  Ids.PersonId.make("judge-b"),
  Ids.PersonId.make("judge-c")
]

/**
 * What the example's program can fail with: its own checks, the store's errors and rejected rows, a version conflict
 * or invalid input while playing the cases, and a renderer's error.
 *
 * @since 0.1.0
 * @category running
 */
export type ProgramError =
  | ExampleError
  | Store.StoreError
  | Store.StoreBusy
  | Store.RowRejected
  | Errors.VersionConflict
  | Errors.InvalidInput
  | Errors.NotFoundOrNotPermitted
  | Reporter.RenderError

/**
 * The example's program under the runtime and store in context: stores the compound, plays the year, reads it back,
 * reports and checks it under the policies in force.
 *
 * @since 0.1.0
 * @category running
 */
export const program = (
  options: { readonly out?: string | undefined; readonly locale?: Labels.Locale | undefined } = {}
): Effect.Effect<Result, ProgramError, Store.Store | Runtime.RuntimePolicies | Plugin.Plugins> =>
  Effect.gen(function* () {
    const policies = yield* Runtime.RuntimePolicies
    const registry = yield* Plugin.Plugins
    const calendar = policies.calendars.get(CalendarCn.id)
    if (calendar === undefined) {
      return yield* new ExampleError({
        message: `no working-day calendar "${CalendarCn.id}": compose CalendarCn.plugin`
      })
    }
    const policy = Runtime.casePolicy(policies, CaseDeadline.fromWorkingCalendar(calendar))

    // 1. The structure: organisation, people, posts, partnerships, grids, workers, buildings, households, residents,
    // and the year's door-knocking visits, each record at the location its domain gives.
    const c = JinxiuHuajing.compound()
    const buildings = new Map(c.buildings.map((b) => [b.id as string, b]))
    const households = new Map(c.households.map((h) => [h.id as string, h]))
    yield* importAll(Aggregates.OrgUnits, c.units, (u) => OrgUnit.location(u, c.units))
    yield* importAll(Aggregates.People, c.people, tenantOnly)
    yield* importAll(Aggregates.Memberships, c.memberships, (m) => Membership.location(m, c.units))
    yield* importAll(Aggregates.Posts, c.posts, (p) => Post.location(p, c.units, c.grids))
    yield* importAll(Aggregates.Holdings, c.holdings, tenantOnly)
    yield* importAll(Aggregates.Partnerships, c.partnerships, tenantOnly)
    yield* importAll(Aggregates.MemberRegistrations, c.registrations, tenantOnly)
    yield* importAll(Aggregates.Grids, c.grids, (g) => Grid.location(g, c.grids))
    yield* importAll(Aggregates.GridWorkers, c.workers, (w) => GridWorker.location(w, c.grids))
    yield* importAll(Aggregates.Buildings, c.buildings, (b) => Building.location(b, c.grids))
    yield* importAll(Aggregates.Households, c.households, (h) => Household.location(h, buildings, c.grids))
    yield* importAll(Aggregates.Residents, c.residents, (r) => Resident.location(r, households, buildings, c.grids))
    yield* importAll(Aggregates.Visits, c.visits, (v) => Visit.location(v, c.households, c.buildings, c.grids))

    // 2. Cases through their lifecycle (the case event log), the 锦绣议事亭 meeting that closed one, the mediations.
    for (const history of JinxiuCases.histories) yield* playCase(history, policy)
    yield* importAll(Aggregates.Deliberations, [JinxiuCases.meeting], tenantOnly)
    yield* importAll(Aggregates.Mediations, JinxiuCases.mediations, tenantOnly)

    // 3. Services, volunteer teams and their activities.
    yield* importAll(Aggregates.Services, ServiceFixtures.services, Service.location)
    yield* importAll(Aggregates.VolunteerTeams, ServiceFixtures.teams, VolunteerTeam.location)
    yield* importAll(
      Aggregates.Activities,
      [...ServiceFixtures.tcmSessions, ...ServiceFixtures.afterSchoolActivities, ...ServiceFixtures.teamActivities],
      Activity.location
    )

    // 4. Everything the report and the checks read, read back from SQLite.
    const records = yield* Effect.all({
      units: readAll(Aggregates.OrgUnits),
      memberships: readAll(Aggregates.Memberships),
      posts: readAll(Aggregates.Posts),
      holdings: readAll(Aggregates.Holdings),
      partnerships: readAll(Aggregates.Partnerships),
      registrations: readAll(Aggregates.MemberRegistrations),
      grids: readAll(Aggregates.Grids),
      workers: readAll(Aggregates.GridWorkers),
      buildings: readAll(Aggregates.Buildings),
      households: readAll(Aggregates.Households),
      residents: readAll(Aggregates.Residents),
      visits: readAll(Aggregates.Visits),
      cases: readAll(Aggregates.Cases),
      deliberations: readAll(Aggregates.Deliberations),
      mediations: readAll(Aggregates.Mediations),
      services: readAll(Aggregates.Services),
      teams: readAll(Aggregates.VolunteerTeams),
      activities: readAll(Aggregates.Activities)
    })
    const cases = yield* Store.repository(Aggregates.Cases)
    let caseEvents = 0
    for (const k of records.cases) {
      const log = yield* cases.events(Store.everything, k.tenant, k.id).pipe(Effect.mapError(fail("case events")))
      // The stored state is the fold of the stored events.
      const folded = yield* Either.mapLeft(
        Case.fold(
          log.map((e) => e.event),
          policy
        ),
        fail(`case ${k.id}`)
      )
      if (folded.status !== k.status) {
        return yield* new ExampleError({
          message: `case ${k.id}: stored ${k.status}, event log folds to ${folded.status}`
        })
      }
      caseEvents += log.length
    }
    const stored: Record<string, number> = {}
    for (const [name, values] of Object.entries(records)) stored[name] = values.length

    // 5. The report, computed from the records read back, under the pack's case policy and weights.
    const sections = Either.getOrThrow(
      SectionBuilder.register<SeedReports.CompoundRecords>(
        SectionBuilder.empty,
        OrgReport.section({ kinds: policies.unitKinds }),
        OrgReport.linkage(),
        GridReport.structure,
        GridReport.visits,
        CaseReport.section({ policy, weights: policies.weights }),
        ServiceReport.section()
      )
    )
    const locale = options.locale ?? "zh-CN"
    const spec = new SectionBuilder.ReportSpec({
      title: locale === "zh-CN" ? "锦绣华景小区治理报表" : "Jinxiu Huajing compound: governance report",
      period: new Report.Period({ from: LocalDate.make(2024, 1, 1), to: LocalDate.make(2025, 12, 31) }),
      scope: new Report.ScopeRef({
        label: locale === "zh-CN" ? "新越社区锦绣华景小区" : "Jinxiu Huajing, Xinyue community",
        division: "440881002"
      }),
      locale,
      generatedAt: SeedReports.generatedAt
    })
    const document = yield* Either.mapLeft(
      SectionBuilder.build(spec, records, sections, policies.labels),
      fail("report")
    )

    // 6. Checks under the policies in force.
    const lateCases = lateCasesOf(records.cases, policy)
    const leaderFindings = Grid.leaderAssignment(records, c.asOf, policies.leaderPolicy)
    const rota = Mediation.rotaOf(policies.rota, judges, LocalDate.make(2025, 1, 1))
    const withoutJudge = Mediation.sessionsWithoutDutyJudge(rota, records.mediations)

    // 7. The report files, rendered by the renderers the plugins contributed.
    const files: Array<string> = []
    if (options.out !== undefined) {
      const dir = path.resolve(options.out)
      const renderers = ["report/html", "report/markdown", "report-xlsx/xlsx"].flatMap((id) => {
        const r = policies.renderers.get(id)
        return r === undefined ? [] : [r]
      })
      const artifacts = yield* Reporter.renderAll(document, renderers)
      yield* Effect.tryPromise({
        try: async () => {
          await fs.mkdir(dir, { recursive: true })
          for (const a of artifacts) {
            const file = path.join(dir, a.name)
            await fs.writeFile(file, a.bytes)
            files.push(file)
          }
        },
        catch: fail(`cannot write the report to ${dir}`)
      })
    }

    const figure = (section: string, id: string) =>
      document.sections.find((s) => s.id === section)?.figures.find((f) => f.id === id)?.value ?? null
    const percent = (v: number | null) => (v === null ? "–" : `${(v * 100).toFixed(1)}%`)
    const summary = [
      `plugins: ${registry.plugins.map((p) => `${p.id}@${p.version}`).join(", ")}`,
      `policies: leaders ${policies.selected.leaderPolicy}, ladder ${policies.selected.ladder}, weights ${policies.selected.weights}, rota ${policies.selected.rota}`,
      `stored in SQLite and read back: ${records.units.length} org units, ${records.grids.length} grids, ${records.buildings.length} buildings, ${records.households.length} households, ${records.residents.length} residents, ${records.visits.length} visits`,
      `cases: ${records.cases.length} with ${caseEvents} events in the event log; ${records.mediations.length} mediations; ${records.services.length} services, ${records.activities.length} activities`,
      `requests solved ${figure("case.summary", "requests-solved")}, disputes mediated ${figure("case.summary", "disputes-mediated")} (success ${percent(figure("case.summary", "mediation-success"))}), on-time closing ${percent(figure("case.summary", "on-time-closing-rate"))}`,
      `late under this pack's time limits: ${lateCases.length === 0 ? "none" : lateCases.map((l) => l.id).join(", ")}`,
      `grid leader findings: ${leaderFindings.length}; mediation sessions without the duty judge: ${withoutJudge.length}`,
      ...files.map((f) => `report: ${f}`)
    ]
    return {
      plugins: registry.plugins,
      selected: policies.selected,
      stored,
      caseEvents,
      document,
      lateCases,
      leaderFindings,
      sessionsWithoutDutyJudge: withoutJudge.length,
      files,
      summary
    }
  })

/**
 * Runs the example: composes the runtime from `plugins` (failing at start-up with the typed composition error),
 * opens a fresh SQLite file through `@zhili/store-sql`, and runs {@link program}.
 *
 * @since 0.1.0
 * @category running
 */
export const run = (
  options: Options
): Effect.Effect<Result, ProgramError | Plugin.CompositionError | Runtime.PolicyError> =>
  Effect.gen(function* () {
    const database = path.resolve(options.database)
    yield* Effect.tryPromise({
      try: async () => {
        await fs.mkdir(path.dirname(database), { recursive: true })
        for (const suffix of ["", "-wal", "-shm"]) await fs.rm(database + suffix, { force: true })
      },
      catch: fail(`cannot prepare ${database}`)
    })
    return yield* program({ out: options.out, locale: options.locale }).pipe(
      // The compound's records follow the compound's own lifecycle, so the run keeps the default workflow whichever
      // pack supplies the limits and weights (the hotline pack also contributes its 接诉即办 workflow).
      Effect.provide(
        Layer.merge(
          Runtime.layer(options.plugins, { selection: { workflow: "default" } }),
          Drivers.layerSqlite({ filename: database })
        )
      )
    )
  })
