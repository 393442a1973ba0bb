/**
 * 会昌县 (Huichang County) on PostgreSQL through the Promise API (`StoreClient`): the county organs' "1+4" pairing
 * (结对共建), sit-in inspections and their rectification (巡学旁听、督查整改), ratings and awards (评星定级、骏马奖/蜗牛奖).
 *
 * {@link run} stores the records of the `HuichangCounty` fixture (and the pairing network of {@link Pairing})
 * through the store as `Store.Stored` envelopes, reads them back, computes the figures with the pure rules of
 * `@zhili/core` and writes the county report as Markdown with `@zhili/report`.
 *
 * @since 0.1.0
 */
import * as fs from "node:fs/promises"
import * as path from "node:path"
import {
  Aggregates,
  Assessment,
  AssessmentReport,
  Award,
  Bulletin,
  IndicatorSystem,
  Inspection,
  Labels,
  LocalDate,
  OrgLife,
  OrgUnit,
  Partnership,
  Rating,
  Report,
  SectionBuilder,
  Store,
  StoreClient,
  TaskList
} from "@zhili/core"
import { Markdown } from "@zhili/report"
import { Drivers } from "@zhili/store-sql"
import { HuichangCounty } from "@zhili/testing"
import { DateTime, Either, Schema } from "effect"
import * as Pairing from "./Pairing.js"
import * as Server from "./Server.js"

/**
 * What to run against and where to write the report.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** The PostgreSQL server, e.g. `postgres://postgres@127.0.0.1:5432/test`. */
  readonly url: string
  /** The schema the example keeps its tables in (created when missing); default `zhili_example_huichang`. */
  readonly schema?: string | undefined
  /** Where to write the Markdown report; no file when absent. */
  readonly out?: string | undefined
  /** The instant the report says it was generated at; default now. */
  readonly generatedAt?: DateTime.Utc | undefined
  /** Progress lines; default none. */
  readonly log?: ((line: string) => void) | undefined
}

/**
 * The ratings of one scheme: units assessed, units selected, the title holders recorded in the scheme's event log,
 * and the horse and snail awards (骏马奖/蜗牛奖, the best and worst three).
 *
 * @since 0.1.0
 * @category models
 */
export interface RatingFigures {
  readonly assessed: number
  readonly selected: number
  readonly holders: number
  readonly horse: ReadonlyArray<string>
  readonly snail: ReadonlyArray<string>
}

/**
 * The county's figures, each computed from the records read back from the store.
 *
 * @since 0.1.0
 * @category models
 */
export interface Figures {
  /** "1+4" pairing (结对共建) on {@link HuichangCounty.asOf}. */
  readonly pairing: {
    readonly organs: number
    /** Targets paired with at least one organ, per category. */
    readonly paired: Readonly<Record<"village" | "community" | "two-new" | "floating", number>>
    readonly pairings: number
    /** (organ, category) pairs covered ÷ organs × 4. */
    readonly coverage: number
    readonly fullyPaired: number
    readonly unpaired: number
  }
  /** Sit-in inspections (巡学旁听) and their rectification (整改). */
  readonly inspections: {
    readonly townships: number
    readonly countyUnits: number
    readonly inspections: number
    readonly suggestions: number
    readonly rectified: number
    readonly onTime: number
    readonly completionRate: number
  }
  /** Praise and criticism bulletins (红黑榜). */
  readonly bulletins: { readonly praise: number; readonly criticism: number }
  /** The reform task list (改革任务清单). */
  readonly tasks: { readonly total: number; readonly done: number; readonly open: number; readonly overdue: number }
  /** 四强党支部 (threshold 90). */
  readonly fourStrong: RatingFigures
  /** 模范机关 (quota 25, bar 80). */
  readonly modelOrgans: RatingFigures
}

/**
 * What a run did and found.
 *
 * @since 0.1.0
 * @category models
 */
export interface Result {
  /** Records read back per aggregate. */
  readonly stored: Readonly<Record<string, number>>
  /** Records written (inserted or changed) by this run; 0 when the store already held them all. */
  readonly written: number
  /** Title events appended to the rating schemes' logs by this run. */
  readonly titleEvents: number
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
  Aggregates.OrgUnits,
  Aggregates.Partnerships,
  Aggregates.Inspections,
  Aggregates.Rectifications,
  Aggregates.BulletinEntries,
  Aggregates.TaskLists,
  Aggregates.OrgLifeRecords,
  Aggregates.IndicatorSystems,
  Aggregates.Assessments,
  Aggregates.Ratings
]

const tenant = HuichangCounty.tenant
const period = HuichangCounty.year2024
const tenantOnly = (value: { readonly tenant: string }): Store.Location => ({ division: value.tenant })

/**
 * Writes records as `Store.Stored` envelopes, idempotently: a record the store does not have is saved at version 1
 * (`Store.stored`), one whose value or location changed is saved at the next version (`Store.next`), an unchanged
 * one is left alone. Returns how many records were written.
 */
const put = async <A, I, K extends string, E, EI>(
  client: StoreClient.Client,
  aggregate: Store.Aggregate<Store.Stored<A>, I, K, E, EI>,
  values: ReadonlyArray<A>,
  location: (value: A) => Store.Location
): Promise<number> => {
  const repo = client.repository(aggregate)
  const encode = Schema.encodeSync(aggregate.schema)
  const same = (a: Store.Stored<A>, b: Store.Stored<A>) =>
    JSON.stringify(encode({ ...a, version: 1 })) === JSON.stringify(encode({ ...b, version: 1 }))
  const existing = new Map((await readAll(client, aggregate)).map((s) => [aggregate.id(s), s] as const))
  let written = 0
  const batch = 16
  for (let i = 0; i < values.length; i += batch) {
    await Promise.all(
      values.slice(i, i + batch).map(async (value) => {
        const record = Store.stored(value, location(value))
        const read = existing.get(aggregate.id(record))
        if (read !== undefined && same(read, record)) return
        await (read === undefined
          ? repo.save(Store.everything, record, 0)
          : repo.save(Store.everything, Store.next(read, value, record.location), read.version))
        written += 1
      })
    )
  }
  return written
}

/** Every record of the tenant, page by page. */
const readAll = async <A, I, K extends string, E, EI>(
  client: StoreClient.Client,
  aggregate: Store.Aggregate<A, I, K, E, EI>
): Promise<ReadonlyArray<A>> => {
  const repo = client.repository(aggregate)
  const out: Array<A> = []
  let cursor: string | undefined
  do {
    const page = await repo.list(Store.everything, { tenant, limit: 1000, cursor })
    out.push(...page.items)
    cursor = page.next
  } while (cursor !== undefined)
  return out
}

const values = <A>(stored: ReadonlyArray<Store.Stored<A>>): ReadonlyArray<A> => stored.map((s) => s.value)

/** The records the county report reads, as read back from the store. */
interface Records extends SeedRecords {
  readonly units: ReadonlyArray<OrgUnit.OrgUnit>
  readonly partnerships: ReadonlyArray<Partnership.Partnership>
}

type SeedRecords = AssessmentReport.Records &
  AssessmentReport.RatingRecords &
  AssessmentReport.IndexRecords &
  AssessmentReport.OrgLifeRecords &
  AssessmentReport.BrandRecords

const categories = ["village", "community", "two-new", "floating"] as const

const pairingFigures = (
  units: ReadonlyArray<OrgUnit.OrgUnit>,
  partnerships: ReadonlyArray<Partnership.Partnership>
) => {
  const policy = Partnership.defaultPairingPolicy
  const coverage = Partnership.pairingCoverage(units, partnerships, period.to, policy)
  const organs = units.filter((u) => policy.organKinds.includes(u.kind))
  const unpaired = new Set<string>(coverage.unpaired)
  const inCategory = (c: string) => {
    const kinds = policy.categories.find((x) => x.id === c)?.kinds ?? []
    return units.filter((u) => kinds.includes(u.kind))
  }
  const required = organs.length * policy.categories.length
  const missing = coverage.missing.reduce((n, m) => n + m.categories.length, 0)
  return {
    organs: organs.length,
    paired: Object.fromEntries(
      categories.map((c) => [c, inCategory(c).filter((u) => !unpaired.has(u.id)).length])
    ) as Figures["pairing"]["paired"],
    byCategory: categories.map((c) => ({
      category: c,
      units: inCategory(c).length,
      paired: inCategory(c).filter((u) => !unpaired.has(u.id)).length
    })),
    pairings: partnerships.filter((p) => p.type === "pairing").length,
    required,
    covered: required - missing,
    coverage: required === 0 ? 1 : (required - missing) / required,
    fullyPaired: organs.length - coverage.missing.length,
    unpaired: coverage.unpaired.length
  }
}

const labels = Labels.make({
  "county.pairing.title": { "zh-CN": "机关党组织“1+4”结对共建", en: 'Organs\' "1+4" pairing' },
  "county.pairing.organs": { "zh-CN": "机关党组织", en: "Organ party organisations" },
  "county.pairing.pairings": { "zh-CN": "结对关系", en: "Pairings" },
  "county.pairing.coverage": { "zh-CN": "“1+4”结对覆盖率", en: '"1+4" pairing coverage' },
  "county.pairing.covered": { "zh-CN": "已结对类别", en: "categories paired" },
  "county.pairing.required": { "zh-CN": "应结对类别", en: "categories required" },
  "county.pairing.fullyPaired": { "zh-CN": "四类全覆盖的机关党组织", en: "Organs paired in all four categories" },
  "county.pairing.unpaired": { "zh-CN": "未结对基层组织", en: "Grassroots units paired with no organ" },
  "county.pairing.table": { "zh-CN": "各类结对对象", en: "Pairing targets by category" },
  "county.pairing.category": { "zh-CN": "类别", en: "Category" },
  "county.pairing.units": { "zh-CN": "组织数", en: "Units" },
  "county.pairing.paired": { "zh-CN": "已结对", en: "Paired" },
  "county.pairing.village": { "zh-CN": "村党组织", en: "Village organisations" },
  "county.pairing.community": { "zh-CN": "社区党组织（含网格党组织）", en: "Community organisations (with grids)" },
  "county.pairing.two-new": { "zh-CN": "两新党组织", en: "Two-new organisations" },
  "county.pairing.floating": { "zh-CN": "流动党员党组织", en: "Floating-member organisations" },
  "county.records.units": { "zh-CN": "组织", en: "org units" },
  "county.records.partnerships": { "zh-CN": "结对关系", en: "partnerships" }
})

/**
 * The pairing section (`county.pairing`, 结对共建): organs, pairings, "1+4" coverage, organs covering all four
 * categories, unpaired targets, and the targets per category; by `Partnership.pairingCoverage` on the last day of
 * the period. Source: seed (Huichang "1+4" 结对共建机制).
 *
 * @since 0.1.0
 * @category sections
 */
export const pairingSection: SectionBuilder.SectionBuilder<{
  readonly units: ReadonlyArray<OrgUnit.OrgUnit>
  readonly partnerships: ReadonlyArray<Partnership.Partnership>
}> = SectionBuilder.make({
  id: "county.pairing",
  labels,
  sources: (r) => [
    { kind: "county.records.units", count: r.units.length },
    { kind: "county.records.partnerships", count: r.partnerships.length }
  ],
  build: (r, { t }) => {
    const f = pairingFigures(r.units, r.partnerships)
    const unitInput = [new Report.Input({ label: t("county.records.units"), count: r.units.length })]
    const integer = (id: string, label: string, value: number, formula: string) =>
      new Report.Figure({
        id,
        label,
        value,
        kind: "integer",
        unit: t("unit.items"),
        computation: new Report.Computation({ formula, inputs: unitInput })
      })
    return Report.section({
      id: "county.pairing",
      title: t("county.pairing.title"),
      figures: [
        integer("organs", t("county.pairing.organs"), f.organs, "count(units of kind county-organ-branch)"),
        Report.count({
          id: "pairings",
          label: t("county.pairing.pairings"),
          unit: t("unit.items"),
          items: r.partnerships.filter((p) => p.type === "pairing"),
          inputLabel: t("county.records.partnerships"),
          formula: "count(partnerships of type pairing)"
        }),
        Report.rate({
          id: "pairing-coverage",
          label: t("county.pairing.coverage"),
          numerator: f.covered,
          numeratorLabel: t("county.pairing.covered"),
          denominator: f.required,
          denominatorLabel: t("county.pairing.required"),
          formula: "(organ, category) pairs with an active pairing ÷ organs × 4"
        }),
        integer(
          "organs-fully-paired",
          t("county.pairing.fullyPaired"),
          f.fullyPaired,
          "count(organs with a pairing in every category)"
        ),
        integer(
          "units-unpaired",
          t("county.pairing.unpaired"),
          f.unpaired,
          "count(units of a pairing category paired with no organ)"
        )
      ],
      tables: [
        new Report.Table({
          id: "categories",
          title: t("county.pairing.table"),
          columns: [
            new Report.Column({ id: "category", label: t("county.pairing.category"), type: "text" }),
            new Report.Column({ id: "units", label: t("county.pairing.units"), type: "integer" }),
            new Report.Column({ id: "paired", label: t("county.pairing.paired"), type: "integer" })
          ],
          rows: f.byCategory.map((c) => [t(`county.pairing.${c.category}`), c.units, c.paired])
        })
      ]
    })
  }
})

/**
 * The report's sections: the pairing section, then the sections of the seed's county report with the same options
 * (`SeedReports.countyRegistry`): inspections, bulletins, tasks, the 双清 index, four-strong branches and model organs
 * (each with the horse and snail awards), organisational life, brands.
 *
 * @since 0.1.0
 * @category sections
 */
export const registry: SectionBuilder.Registry<Records> = Either.getOrThrow(
  SectionBuilder.register<Records>(
    SectionBuilder.empty,
    pairingSection,
    AssessmentReport.inspections,
    AssessmentReport.bulletins,
    AssessmentReport.tasks,
    AssessmentReport.index(),
    AssessmentReport.ratings({
      id: "assessment.fourStrong",
      title: new Labels.Entry({ "zh-CN": "“四强”党支部", en: "Four-strong branches" }),
      scheme: HuichangCounty.fourStrongScheme,
      system: HuichangCounty.fourStrongSystem.id,
      awards: { top: 3, bottom: 3, ties: "include-all" }
    }),
    AssessmentReport.ratings({
      id: "assessment.modelOrgan",
      title: new Labels.Entry({ "zh-CN": "模范机关", en: "Model organs" }),
      scheme: HuichangCounty.modelOrganScheme,
      system: HuichangCounty.modelOrganSystem.id,
      awards: { top: 3, bottom: 3, ties: "include-all" }
    }),
    AssessmentReport.orgLife(),
    AssessmentReport.brands
  )
)

/** Re-scores the stored assessments of one indicator system with the stored system, and ranks them. */
const rescore = (
  system: IndicatorSystem.IndicatorSystem,
  assessments: ReadonlyArray<Assessment.Assessment>
): ReadonlyArray<Assessment.Assessment> =>
  Assessment.rankAll(
    assessments
      .filter((a) => a.system === system.id)
      .map(
        (a) =>
          Assessment.assess(system, {
            id: a.id,
            tenant: a.tenant,
            subject: a.subject,
            period: a.period,
            inputs: a.inputs
          }).assessment
      )
  )

/**
 * Rates one scheme, gives the awards, and records the titles awarded in the scheme's event log (once per period:
 * a run that finds the period's events already logged appends nothing).
 */
const rateAndRecord = async (
  client: StoreClient.Client,
  scheme: Rating.RatingScheme,
  assessed: ReadonlyArray<Assessment.Assessment>
): Promise<{ readonly figures: RatingFigures; readonly appended: number }> => {
  const result = Rating.rate(scheme, assessed)
  const awards = Award.awards(assessed, { top: 3, bottom: 3, ties: "include-all" })
  const repo = client.repository(Aggregates.Ratings)
  const log = await repo.events(Store.everything, tenant, scheme.id)
  let appended = 0
  if (!log.some((e) => e.event.period === period.label)) {
    const history = Rating.manage(scheme, [{ period: period.label, candidates: assessed }])
    await repo.append(Store.everything, tenant, scheme.id, history.events, log.length)
    appended = history.events.length
  }
  const holders = new Set<string>()
  for (const { event } of await repo.events(Store.everything, tenant, scheme.id)) {
    if (event._tag === "Revoked") holders.delete(event.subject)
    else holders.add(event.subject)
  }
  return {
    appended,
    figures: {
      assessed: assessed.length,
      selected: result.selected.length,
      holders: holders.size,
      horse: awards.horse.map((h) => h.item.subject),
      snail: awards.snail.map((s) => s.item.subject)
    }
  }
}

/**
 * Runs the example: migrates the store in its schema, writes the county's records (idempotently), reads them back,
 * computes the figures and builds the report; writes the Markdown when `out` is given. The store is disposed of
 * before the promise settles.
 *
 * @since 0.1.0
 * @category running
 */
export const run = async (options: Options): Promise<Result> => {
  const log = options.log ?? (() => {})
  const schema = options.schema ?? Server.defaultSchema
  await Server.ensureSchema(options.url, schema)
  const client = StoreClient.make(Drivers.layerPg({ url: Server.schemaUrl(options.url, schema), aggregates }))
  try {
    // Building the layer migrates the tables; `migrate` is shown here as a host would call it (nothing left to do).
    const applied = await client.migrate()
    log(`schema ${schema}: tables ready${applied.length === 0 ? "" : ` (${applied.length} migrations applied)`}`)

    const hc = HuichangCounty
    const writes = [
      await put(client, Aggregates.OrgUnits, Pairing.units, (u) => OrgUnit.location(u, Pairing.units)),
      await put(client, Aggregates.Partnerships, Pairing.partnerships, tenantOnly),
      await put(client, Aggregates.Inspections, hc.inspections, (i) => Inspection.location(i)),
      await put(client, Aggregates.Rectifications, hc.rectifications, (r) => Inspection.location(r)),
      await put(client, Aggregates.BulletinEntries, hc.bulletin, (b) => Bulletin.location(b)),
      await put(client, Aggregates.TaskLists, [hc.reformTasks], (t) => TaskList.location(t)),
      await put(client, Aggregates.OrgLifeRecords, hc.orgLifeRecords, (r) => OrgLife.location(r)),
      await put(
        client,
        Aggregates.IndicatorSystems,
        [hc.fourStrongSystem, hc.modelOrganSystem],
        IndicatorSystem.location
      ),
      await put(client, Aggregates.Assessments, [...hc.fourStrongAssessments, ...hc.modelOrganAssessments], (a) =>
        Assessment.location(a)
      ),
      await put(client, Aggregates.Ratings, [hc.fourStrongScheme, hc.modelOrganScheme], Rating.location)
    ]
    const written = writes.reduce((n, w) => n + w, 0)
    log(`written: ${written} records${written === 0 ? " (the store already held them all)" : ""}`)

    // Everything below is computed from what the store gives back.
    const units = values(await readAll(client, Aggregates.OrgUnits))
    const partnerships = values(await readAll(client, Aggregates.Partnerships))
    const inspections = values(await readAll(client, Aggregates.Inspections))
    const rectifications = values(await readAll(client, Aggregates.Rectifications))
    const bulletin = values(await readAll(client, Aggregates.BulletinEntries))
    const taskLists = values(await readAll(client, Aggregates.TaskLists))
    const orgLifeRecords = values(await readAll(client, Aggregates.OrgLifeRecords))
    const systems = values(await readAll(client, Aggregates.IndicatorSystems))
    const storedAssessments = values(await readAll(client, Aggregates.Assessments))
    const schemes = values(await readAll(client, Aggregates.Ratings))
    const stored = {
      org_unit: units.length,
      partnership: partnerships.length,
      inspection: inspections.length,
      rectification: rectifications.length,
      bulletin_entry: bulletin.length,
      task_list: taskLists.length,
      org_life_record: orgLifeRecords.length,
      indicator_system: systems.length,
      assessment: storedAssessments.length,
      rating: schemes.length
    }

    const system = (id: string) => {
      const s = systems.find((x) => x.id === id)
      if (s === undefined) throw new Error(`indicator system ${id} is not in the store`)
      return s
    }
    const scheme = (id: string) => {
      const s = schemes.find((x) => x.id === id)
      if (s === undefined) throw new Error(`rating scheme ${id} is not in the store`)
      return s
    }
    const fourStrong = rescore(system(hc.fourStrongSystem.id), storedAssessments)
    const modelOrgans = rescore(system(hc.modelOrganSystem.id), storedAssessments)
    const four = await rateAndRecord(client, scheme(hc.fourStrongScheme.id), fourStrong)
    const model = await rateAndRecord(client, scheme(hc.modelOrganScheme.id), modelOrgans)

    const rectification = Inspection.report(inspections, rectifications, period.to)
    const tally = Bulletin.tally(bulletin, period.from, period.to)
    const progress = taskLists.map((l) => TaskList.progress(l, period.to).total)
    const sum = (f: (p: TaskList.Progress) => number) => progress.reduce((n, p) => n + f(p), 0)
    const pairing = pairingFigures(units, partnerships)
    const figures: Figures = {
      pairing: {
        organs: pairing.organs,
        paired: pairing.paired,
        pairings: pairing.pairings,
        coverage: pairing.coverage,
        fullyPaired: pairing.fullyPaired,
        unpaired: pairing.unpaired
      },
      inspections: {
        townships: rectification.byKind.township?.units ?? 0,
        countyUnits: rectification.byKind["county-unit"]?.units ?? 0,
        inspections: rectification.total.inspections,
        suggestions: rectification.total.suggestions,
        rectified: rectification.total.completed,
        onTime: rectification.total.onTime,
        completionRate: rectification.total.completionRate
      },
      bulletins: { praise: tally.praise, criticism: tally.criticism },
      tasks: {
        total: sum((p) => p.total),
        done: sum((p) => p.done),
        open: sum((p) => p.total - p.done),
        overdue: sum((p) => p.overdue.length)
      },
      fourStrong: four.figures,
      modelOrgans: model.figures
    }

    const records: Records = {
      units,
      partnerships,
      inspections,
      rectifications,
      bulletin,
      taskLists,
      assessments: [...fourStrong, ...modelOrgans],
      // The responsibility list, the brands and the units checked for organisational life are not stored
      // aggregates: they come from the fixture, as in `SeedReports.countyRecords`.
      responsibility: [
        { list: hc.responsibilityList, fulfilled: hc.responsibilityList.duties.slice(0, 12).map((d) => d.id) }
      ],
      orgLifeRecords,
      orgLifeUnits: hc.townships.slice(0, 2),
      brands: hc.brands
    }
    const document = Either.getOrThrow(
      SectionBuilder.build(
        new SectionBuilder.ReportSpec({
          title: "会昌县机关党建考核报表（示例）",
          period: new Report.Period({ from: LocalDate.make(2024, 1, 1), to: period.to }),
          scope: new Report.ScopeRef({ label: "会昌县", division: tenant }),
          locale: "zh-CN",
          generatedAt: options.generatedAt ?? DateTime.unsafeNow()
        }),
        records,
        registry
      )
    )
    const markdown = Markdown.toMarkdown(document)
    let file: string | undefined
    if (options.out !== undefined) {
      file = path.resolve(options.out)
      await fs.mkdir(path.dirname(file), { recursive: true })
      await fs.writeFile(file, markdown, "utf8")
    }
    return { stored, written, titleEvents: four.appended + model.appended, figures, document, markdown, file }
  } finally {
    await client.dispose()
  }
}
