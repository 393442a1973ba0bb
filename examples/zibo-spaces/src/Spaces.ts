/**
 * 淄博 (Zibo) community spaces on MySQL / MariaDB through the Effect API: a service complex checked against a
 * facility standard (阵地达标), its operator and operating agreement (第三方运营), the community development fund and
 * its ledger (社区发展基金), micro-renovation projects (微改造) and the needs list (一社一策需求清单).
 *
 * {@link program} runs on any `Store` (the memory store too); {@link run} provides the MySQL store of `@zhili/store-sql`.
 * The records come from `ZiboCity` of `@zhili/testing` (the city: 490 operators, 1,600 services, 816 projects, 25
 * surveys and their needs) with 城南社区's from `OperationFixtures`; they are written as `Store.Stored` envelopes
 * (through the bulk import), the ledger is posted entry by entry with `Aggregates.postEntry`, and everything is read
 * back before the rules of `@zhili/core` compute the figures and the report (`SeedReports.ziboRegistry`: the city
 * overview with the seed's own figures, the agreements by name, then the community's spaces, fund and needs).
 *
 * @since 0.1.0
 */
import * as fs from "node:fs/promises"
import * as path from "node:path"
import type { SqlError } from "@effect/sql/SqlError"
import {
  Aggregates,
  type Errors,
  FacilityStandard,
  Fund,
  Ids,
  LocalDate,
  Money,
  Needs,
  Operator,
  Project,
  Report,
  SectionBuilder,
  Service,
  Space,
  Store
} from "@zhili/core"
import { Markdown } from "@zhili/report"
import { Drivers } from "@zhili/store-sql"
import { OperationFixtures, SeedReports, ZiboCity } from "@zhili/testing"
import { DateTime, Effect, Either, Schema, Stream } from "effect"
import * as Server from "./Server.js"

/**
 * What the program needs besides the store.
 *
 * @since 0.1.0
 * @category models
 */
export interface ProgramOptions {
  /** Where to write the Markdown report; no file when absent. */
  readonly out?: string | undefined
  /** The instant the report says it was generated at; default now. */
  readonly generatedAt?: DateTime.Utc | undefined
  /** Progress lines; default none. */
  readonly log?: ((line: string) => void) | undefined
}

/**
 * What to run against: the server and the database (created when missing; default `zhili_example_zibo`).
 *
 * @since 0.1.0
 * @category models
 */
export interface Options extends ProgramOptions {
  readonly url: string
  readonly database?: string | undefined
}

/**
 * The figures, each computed from the records read back from the store. Amounts are in fen (分).
 *
 * @since 0.1.0
 * @category models
 */
export interface Figures {
  /**
   * The city's figures as the report shows them (`operation.overview` and `operation.agreements`), from every
   * record of the city read back: the seed's 7 aspects and 41 functions, 11,000 surveyors, 5 categories and 300 kinds
   * of need, 490 operators, 1,600 everyday services, 144 micro-renovations in old compounds, 672 projects in new
   * compounds, and the agreements by name with their savings in yuan.
   */
  readonly city: {
    readonly aspects: number
    readonly functions: number
    readonly surveyors: number
    readonly needCategories: number
    readonly needKinds: number
    readonly operators: number
    readonly lifeServices: number
    readonly microRenovationsOld: number
    readonly projectsNew: number
    readonly agreements: ReadonlyArray<{ readonly name: string; readonly renovation: number; readonly annual: number }>
  }
  /** The spaces against the facility standard (`FacilityStandard.exampleStandard`). */
  readonly spaces: {
    readonly spaces: number
    readonly areaSquareMetres: number
    readonly operated: number
    readonly requiredPresent: number
    readonly requiredTotal: number
    readonly recommendedPresent: number
    readonly recommendedTotal: number
    readonly score: number
    readonly compliant: boolean
    readonly missingRequired: ReadonlyArray<string>
  }
  /** Operators and their agreements on the last day of the period. */
  readonly operators: {
    readonly operators: number
    readonly creditCodeFindings: number
    readonly agreementsInForce: number
    readonly overlaps: number
    /** Revenue share of the agreements in force, in basis points. */
    readonly revenueShareBasisPoints: ReadonlyArray<number>
    readonly savedOnRenovation: number
    readonly savedEachYear: number
  }
  /** The fund's ledger, replayed from its event log. */
  readonly fund: {
    readonly entries: number
    readonly revenueShare: number
    readonly donations: number
    readonly grantsIn: number
    readonly spending: number
    readonly balance: number
    readonly auditFindings: number
    /** The overdraft the example tries on purpose, refused by `Fund.post` before anything is written. */
    readonly refused: string
  }
  /** Projects (微改造 and others), progress by milestones and funding from the ledger. */
  readonly projects: {
    readonly projects: number
    readonly microRenovations: number
    readonly overallProgress: number
    readonly byProject: ReadonlyArray<{
      readonly id: string
      readonly progress: number
      readonly granted: number
      readonly remaining: number
    }>
  }
  /** The needs list (一社一策). */
  readonly needs: {
    readonly items: number
    readonly kinds: number
    readonly mentions: number
    readonly top: ReadonlyArray<{ readonly kind: string; readonly mentions: number }>
    readonly byCategory: Readonly<Record<Needs.Category, number>>
  }
}

/**
 * What a run did and found.
 *
 * @since 0.1.0
 * @category models
 */
export interface Result {
  /** Records of the city read back per aggregate (the fund's ledger entries under `ledger_entry`). */
  readonly stored: Readonly<Record<string, number>>
  /** Records written (inserted or changed) by this run; 0 when the store already held them all. */
  readonly written: number
  /** Ledger entries posted by this run; 0 when the ledger already held them all. */
  readonly posted: number
  readonly figures: Figures
  readonly document: Report.ReportDocument
  readonly markdown: string
  /** The report file, when `out` was given. */
  readonly file?: string | undefined
}

/**
 * The aggregates the example stores; only their tables are migrated.
 *
 * @since 0.1.0
 * @category running
 */
export const aggregates: ReadonlyArray<Store.AnyAggregate> = [
  Aggregates.Operators,
  Aggregates.Services,
  Aggregates.Spaces,
  Aggregates.OperatingAgreements,
  Aggregates.Funds,
  Aggregates.Projects,
  Aggregates.NeedsSurveys,
  Aggregates.NeedItems
]

const ops = OperationFixtures
const tenant = ops.tenant
const community = Ids.TenantId.make(ops.tenant)
const from = LocalDate.make(2024, 1, 1)
const to = LocalDate.make(2025, 12, 31)

/** Every record of the tenant (of every tenant: the city, when `of` is `"city"`), page by page. */
const readAll = <A, I, K extends string, E, EI>(aggregate: Store.Aggregate<A, I, K, E, EI>, of?: "city") =>
  Effect.gen(function* () {
    const repo = yield* Store.repository(aggregate)
    const out: Array<A> = []
    let cursor: string | undefined
    do {
      const page = yield* repo.list(Store.everything, {
        tenant: of === "city" ? undefined : tenant,
        limit: 1000,
        cursor
      })
      out.push(...page.items)
      cursor = page.next
    } while (cursor !== undefined)
    return out
  })

/**
 * Writes records of the city as `Store.Stored` envelopes, idempotently: new ones at version 1 (`Store.stored`),
 * changed ones at the next version (`Store.next`), unchanged ones not at all; the writes go through the store's bulk
 * import (`repo.import`, 500 rows a transaction). Succeeds with how many were written.
 */
const put = <A, I, K extends string, E, EI>(
  aggregate: Store.Aggregate<Store.Stored<A>, I, K, E, EI>,
  values: ReadonlyArray<A>,
  location: (value: A) => Store.Location
) =>
  Effect.gen(function* () {
    const repo = yield* Store.repository(aggregate)
    const encode = Schema.encodeSync(aggregate.schema)
    const same = (a: Store.Stored<A>, b: Store.Stored<A>) =>
      JSON.stringify(encode({ ...a, version: 1 })) === JSON.stringify(encode({ ...b, version: 1 }))
    const existing = new Map((yield* readAll(aggregate, "city")).map((s) => [aggregate.id(s), s] as const))
    const rows: Array<I> = []
    for (const value of values) {
      const record = Store.stored(value, location(value))
      const read = existing.get(aggregate.id(record))
      if (read !== undefined && same(read, record)) continue
      rows.push(encode(read === undefined ? record : Store.next(read, value, record.location)))
    }
    if (rows.length === 0) return 0
    const report = yield* repo.import(Stream.fromIterable(rows), {
      scope: Store.everything,
      policy: "abort",
      batchSize: 500
    })
    return report.written
  })

const values = <A>(stored: ReadonlyArray<Store.Stored<A>>): ReadonlyArray<A> => stored.map((s) => s.value)

/**
 * A grant the fund cannot pay (¥80,000 to the greening project), posted on purpose to show the refusal.
 *
 * @since 0.1.0
 * @category fixtures
 */
export const overdraw: Fund.Entry = Schema.decodeUnknownSync(Fund.Entry)({
  tenant,
  _tag: "ProjectGrant",
  id: "le-greening-overdraw",
  fund: ops.fund.id,
  date: "2025-12-01",
  amount: 8_000_000,
  project: "prj-greening"
})

/**
 * The report's sections (as `SeedReports.ziboRegistry`): the city overview and its operating agreements, then the
 * community's spaces, fund (with projects) and needs.
 *
 * @since 0.1.0
 * @category sections
 */
export const registry: SectionBuilder.Registry<SeedReports.ZiboRecords> = SeedReports.ziboRegistry

/**
 * How the program can fail: the store's errors, a ledger entry `Fund.post` refuses, a report file that cannot be
 * written.
 *
 * @since 0.1.0
 * @category errors
 */
export type ProgramError =
  | Store.StoreError
  | Errors.VersionConflict
  | Errors.NotFoundOrNotPermitted
  | Fund.Overdraft
  | Fund.UnknownProject
  | Fund.RejectedEntry
  | Error

/**
 * The example on the `Store` in context: writes the records (idempotently), posts the ledger entries the fund's
 * log does not hold yet, tries an overdraft, reads everything back, computes the figures and builds the report
 * (written as Markdown when `out` is given).
 *
 * @since 0.1.0
 * @category running
 */
export const program = (options: ProgramOptions = {}): Effect.Effect<Result, ProgramError, Store.Store> =>
  Effect.gen(function* () {
    const log = options.log ?? (() => {})
    // The city's records (ZiboCity), 城南社区's among them (OperationFixtures).
    const writes = [
      yield* put(Aggregates.Operators, ZiboCity.operators, Operator.location),
      yield* put(Aggregates.Services, ZiboCity.services, Service.location),
      yield* put(Aggregates.Spaces, ZiboCity.spaces, Space.location),
      yield* put(Aggregates.OperatingAgreements, [ZiboCity.agreement], Operator.agreementLocation),
      yield* put(Aggregates.Funds, [ops.fund], Fund.location),
      yield* put(Aggregates.Projects, ZiboCity.projects, Project.location),
      yield* put(Aggregates.NeedsSurveys, ZiboCity.surveys, Needs.location),
      yield* put(Aggregates.NeedItems, ZiboCity.needs, Needs.itemLocation)
    ]
    const written = writes.reduce((n, w) => n + w, 0)
    log(`written: ${written} records${written === 0 ? " (the store already held them all)" : ""}`)

    // The ledger: each entry goes through `Fund.post` (overdraft, unknown project, duplicate) before it is appended.
    const projects = values(yield* readAll(Aggregates.Projects))
    const known = new Set<string>(projects.map((p) => p.id))
    const funds = yield* Store.repository(Aggregates.Funds)
    const logged = new Set((yield* funds.events(Store.everything, tenant, ops.fund.id)).map((e) => e.event.id))
    let posted = 0
    for (const entry of ops.ledger) {
      if (logged.has(entry.id)) continue
      yield* Aggregates.postEntry(Store.everything, tenant, ops.fund.id, entry, (p) => known.has(p))
      posted += 1
    }
    log(`posted: ${posted} ledger entries${posted === 0 ? " (the ledger already held them all)" : ""}`)
    const refused = yield* Aggregates.postEntry(Store.everything, tenant, ops.fund.id, overdraw, (p) =>
      known.has(p)
    ).pipe(
      Effect.flatMap(() => Effect.dieMessage("the fund accepted a grant beyond its balance")),
      Effect.catchTag("Overdraft", (e) => Effect.succeed(e.message))
    )

    // Everything below is computed from what the store gives back: the city's records, and the community's.
    const city = {
      operators: values(yield* readAll(Aggregates.Operators, "city")),
      services: values(yield* readAll(Aggregates.Services, "city")),
      spaces: values(yield* readAll(Aggregates.Spaces, "city")),
      agreements: values(yield* readAll(Aggregates.OperatingAgreements, "city")),
      projects: values(yield* readAll(Aggregates.Projects, "city")),
      surveys: values(yield* readAll(Aggregates.NeedsSurveys, "city")),
      needs: values(yield* readAll(Aggregates.NeedItems, "city"))
    }
    const spaces = values(yield* readAll(Aggregates.Spaces))
    const operators = values(yield* readAll(Aggregates.Operators))
    const agreements = values(yield* readAll(Aggregates.OperatingAgreements))
    const fundRead = yield* funds.get(Store.everything, tenant, ops.fund.id)
    const ledger = (yield* funds.events(Store.everything, tenant, ops.fund.id)).map((e) => e.event)
    const needs = values(yield* readAll(Aggregates.NeedItems))
    const fund = fundRead.value

    const standard = FacilityStandard.exampleStandard
    const checks = spaces.map((s) => Space.compliance(s, standard))
    const inventory = Space.inventory(spaces)
    const inForce = agreements.filter((a) => Operator.isInForce(a, to))
    const summary = Fund.summary(fund, ledger)
    const list = Needs.needsList(needs, community)
    const sumOf = (f: (c: FacilityStandard.Compliance) => number) => checks.reduce((n, c) => n + f(c), 0)
    const document = Either.getOrThrow(
      SectionBuilder.build(
        new SectionBuilder.ReportSpec({
          title: "淄博市社区运营报表（示例）",
          period: new Report.Period({ from, to }),
          scope: new Report.ScopeRef({ label: "淄博市", division: ZiboCity.city }),
          locale: "zh-CN",
          generatedAt: options.generatedAt ?? DateTime.unsafeNow()
        }),
        {
          city: { ...city, standard },
          community: { spaces, standard, fund, ledger, projects, community, needs }
        },
        registry
      )
    )
    const shown = (section: string, id: string): number => {
      const value = document.sections.find((s) => s.id === section)?.figures.find((f) => f.id === id)?.value
      return typeof value === "number" ? value : Number.NaN
    }
    const agreementRows =
      document.sections.find((s) => s.id === "operation.agreements")?.tables.find((t) => t.id === "agreements")?.rows ??
      []
    const figures: Figures = {
      city: {
        aspects: shown("operation.overview", "standard-aspects"),
        functions: shown("operation.overview", "standard-functions"),
        surveyors: shown("operation.overview", "surveyors"),
        needCategories: shown("operation.overview", "need-categories"),
        needKinds: shown("operation.overview", "need-kinds"),
        operators: shown("operation.overview", "operators"),
        lifeServices: shown("operation.overview", "life-services"),
        microRenovationsOld: shown("operation.overview", "micro-renovations-old-compound"),
        projectsNew: shown("operation.overview", "new-compound-projects"),
        agreements: agreementRows.map((row) => ({
          name: String(row[1]),
          renovation: Number(row[4]),
          annual: Number(row[5])
        }))
      },
      spaces: {
        spaces: inventory.spaces,
        areaSquareMetres: inventory.areaSquareMetres,
        operated: inventory.operated,
        requiredPresent: sumOf((c) => c.requiredPresent),
        requiredTotal: sumOf((c) => c.requiredTotal),
        recommendedPresent: sumOf((c) => c.recommendedPresent),
        recommendedTotal: sumOf((c) => c.recommendedTotal),
        score: checks.length === 0 ? 0 : Math.round((sumOf((c) => c.score) / checks.length) * 10) / 10,
        compliant: checks.every((c) => c.compliant),
        missingRequired: checks.flatMap((c) => c.missingRequired.map((f) => f.code))
      },
      operators: {
        operators: operators.length,
        creditCodeFindings: operators.flatMap(Operator.creditCodeFindings).length,
        agreementsInForce: inForce.length,
        overlaps: Operator.overlaps(agreements).length,
        revenueShareBasisPoints: inForce.map((a) => a.revenueShareBasisPoints),
        savedOnRenovation: inForce.reduce((n, a) => n + (a.savings?.renovation ?? 0), 0),
        savedEachYear: inForce.reduce((n, a) => n + (a.savings?.annualRunning ?? 0), 0)
      },
      fund: {
        entries: ledger.length,
        revenueShare: summary.income.revenueShare,
        donations: summary.income.donations,
        grantsIn: summary.income.grantsIn,
        spending: summary.spending,
        balance: Fund.balanceOf(fund, ledger),
        auditFindings: Fund.audit(fund, ledger, (p) => known.has(p)).length,
        refused
      },
      projects: {
        projects: projects.length,
        microRenovations: projects.filter((p) => p.kind === "micro-renovation").length,
        overallProgress: Project.overallProgress(projects),
        byProject: projects.map((p) => {
          const f = Project.funding(p, ledger)
          return { id: p.id, progress: Project.progress(p), granted: f.granted, remaining: f.remaining }
        })
      },
      needs: {
        items: needs.length,
        kinds: list.length,
        mentions: list.reduce((n, e) => n + e.mentions, 0),
        top: list.slice(0, 3).map((e) => ({ kind: e.kind, mentions: e.mentions })),
        byCategory: Object.fromEntries(
          Needs.byCategory(needs, community).map((c) => [c.category, c.mentions])
        ) as Figures["needs"]["byCategory"]
      }
    }
    const stored = {
      space: city.spaces.length,
      operator: city.operators.length,
      service: city.services.length,
      operating_agreement: city.agreements.length,
      fund: 1,
      ledger_entry: ledger.length,
      project: city.projects.length,
      needs_survey: city.surveys.length,
      need_item: city.needs.length
    }

    const markdown = Markdown.toMarkdown(document)
    const out = options.out
    const file = out === undefined ? undefined : path.resolve(out)
    if (file !== undefined) {
      yield* Effect.tryPromise({
        try: async () => {
          await fs.mkdir(path.dirname(file), { recursive: true })
          await fs.writeFile(file, markdown, "utf8")
        },
        catch: (e) => new Error(`cannot write ${file}: ${e instanceof Error ? e.message : String(e)}`)
      })
    }
    const result: Result = { stored, written, posted, figures, document, markdown, file }
    return result
  })

/**
 * The example on MySQL / MariaDB: creates the database when missing and runs {@link program} on the migrated SQL
 * store of `@zhili/store-sql` (`Drivers.layerMysql`).
 *
 * @since 0.1.0
 * @category running
 */
export const run = (options: Options): Effect.Effect<Result, ProgramError | SqlError> => {
  const database = options.database ?? Server.defaultDatabase
  return Server.ensureDatabase(options.url, database).pipe(
    Effect.zipRight(
      program(options).pipe(
        Effect.provide(Drivers.layerMysql({ url: Server.databaseUrl(options.url, database), aggregates })),
        Effect.scoped
      )
    )
  )
}

/**
 * Formats an amount in fen as yuan (¥1,234.50).
 *
 * @since 0.1.0
 * @category formatting
 */
export const yuan = (fen: number): string => Money.format(Money.fen(fen))
