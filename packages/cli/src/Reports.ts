/**
 * The report `zhili report` writes: every section whose records are stored — organisation and pairing, grids and
 * door-knocking visits, cases, services, the operations overview (社区运营概况) and operating agreements, community
 * spaces, the fund, the needs list, inspections, bulletins, task
 * lists and the composite index, ratings, organisational life — and the counts of households, residents and visits
 * per community and per grid computed by the store (`repo.count`, a `GROUP BY` on the SQL stores); rendered by the
 * reporters of `@zhili/report` and `@zhili/report-xlsx`.
 *
 * @since 0.1.0
 */
import {
  AssessmentReport,
  Case,
  CaseDeadline,
  CaseReport,
  FacilityStandard,
  type Fund,
  GridReport,
  Labels,
  LocalDate,
  OperationReport,
  OrgReport,
  Report,
  type Reporter,
  SectionBuilder,
  ServiceReport,
  WorkingCalendar
} from "@zhili/core"
import { Csv, Html, Json, Markdown } from "@zhili/report"
import { Xlsx } from "@zhili/report-xlsx"
import { DateTime, Either, Schema } from "effect"
import type { Count, Records } from "./Stored.js"

/**
 * The output formats and their reporters.
 *
 * @since 0.1.0
 * @category constants
 */
export const formats = {
  md: Markdown.reporter,
  html: Html.reporter,
  csv: Csv.reporter,
  xlsx: Xlsx.reporter,
  json: Json.reporter
} as const satisfies Record<string, Reporter.Reporter>

/**
 * A format name.
 *
 * @since 0.1.0
 * @category models
 */
export type Format = keyof typeof formats

/**
 * What the report is built from: the stored records, the ledger of each stored fund (by fund id), the store's counts
 * and the facility standard spaces are measured against.
 *
 * @since 0.1.0
 * @category models
 */
export interface Input extends Records {
  readonly ledgers: ReadonlyMap<string, ReadonlyArray<Fund.Entry>>
  readonly counts: ReadonlyArray<Count>
  readonly standard: FacilityStandard.FacilityStandard
}

/**
 * The facility standard used when none is given: `FacilityStandard.exampleStandard` (an EXAMPLE in the shape of
 * Zibo's 2024 standard, 7 aspects and 41 functions; not an official list — pass your city's with `--standard`).
 *
 * @since 0.1.0
 * @category constants
 */
export const defaultStandard: FacilityStandard.FacilityStandard = FacilityStandard.exampleStandard

const yearOf = (instant: DateTime.DateTime): number => DateTime.toParts(instant).year

/**
 * The case policy of the report: the default catalogue and a weekends-only working calendar (no public holidays;
 * official holidays are in `@zhili/calendar-cn`) over every year the cases and the period touch.
 *
 * @since 0.1.0
 * @category policies
 */
export const casePolicy = (input: Pick<Input, "cases">, period: Report.Period): Case.Policy => {
  const years = [Number(period.from.slice(0, 4)), Number(period.to.slice(0, 4))]
  for (const c of input.cases) years.push(yearOf(c.reportedAt))
  const from = Math.min(...years) - 1
  const to = Math.max(...years) + 1
  return Case.makePolicy({
    clock: CaseDeadline.fromWorkingCalendar(
      WorkingCalendar.weekendsOnly(
        "zhili-cli/weekends",
        Array.from({ length: to - from + 1 }, (_, i) => from + i)
      )
    )
  })
}

/** A builder over part of the input (or over records derived from it), under the builder's own id. */
const over = <R>(
  builder: SectionBuilder.SectionBuilder<R>,
  pick: (input: Input) => R
): SectionBuilder.SectionBuilder<Input> =>
  SectionBuilder.make<Input>({
    id: builder.id,
    labels: builder.labels,
    sources: (input, context) => builder.sources(pick(input), context),
    build: (input, context) => builder.build(pick(input), context)
  })

const countLabels = Labels.make({
  "store.counts.title": { "zh-CN": "户、人、走访计数", en: "Households, residents and visits counted" },
  "store.counts.community": { "zh-CN": "按社区", en: "Per community" },
  "store.counts.grid": { "zh-CN": "按网格", en: "Per grid" },
  "store.counts.place": { "zh-CN": "社区或网格", en: "Community or grid" },
  "store.counts.households": { "zh-CN": "户数", en: "Households" },
  "store.counts.residents": { "zh-CN": "人数", en: "Residents" },
  "store.counts.visits": { "zh-CN": "走访次数", en: "Visits" },
  "store.counts.note": {
    "zh-CN": "由存储按社区和网格分组计数（SQL GROUP BY），未逐条读取记录；走访不限于报告期间。",
    en: "Counted by the store per community and per grid (SQL GROUP BY) without reading the records; visits are not limited to the period."
  },
  "store.records.counts": { "zh-CN": "分组计数", en: "grouped counts" }
})

/**
 * The counts section (`store.counts`): households, residents and visits per community and per grid, from the
 * store's `count` (see {@link Input}).
 *
 * @since 0.1.0
 * @category sections
 */
export const countsSection: SectionBuilder.SectionBuilder<Input> = SectionBuilder.make<Input>({
  id: "store.counts",
  labels: countLabels,
  sources: (input) => [{ kind: "store.records.counts", count: input.counts.length }],
  build: (input, { t }) => {
    const table = (by: Count["by"]) => {
      const rows = new Map<string, Record<Count["what"], number>>()
      for (const c of input.counts) {
        if (c.by !== by) continue
        const row = rows.get(c.place) ?? { households: 0, residents: 0, visits: 0 }
        row[c.what] = c.count
        rows.set(c.place, row)
      }
      return new Report.Table({
        id: `store-counts-${by}`,
        title: t(`store.counts.${by}`),
        columns: [
          new Report.Column({ id: "place", label: t("store.counts.place"), type: "text" }),
          ...(["households", "residents", "visits"] as const).map(
            (w) => new Report.Column({ id: w, label: t(`store.counts.${w}`), type: "integer" })
          )
        ],
        rows: [...rows].map(([place, r]) => [place, r.households, r.residents, r.visits])
      })
    }
    return Report.section({
      id: "store.counts",
      title: t("store.counts.title"),
      tables: [table("community"), table("grid")],
      notes: [t("store.counts.note")]
    })
  }
})

const nonEmpty = (...lists: ReadonlyArray<ReadonlyArray<unknown>>): boolean => lists.some((l) => l.length > 0)

/**
 * The sections of a report over the input: the organisation, grid and door-knocking sections always; every other
 * section when the records it reads are stored in the scope (the operations overview, 社区运营概况, when needs
 * surveys, operators or projects are; the operating agreements when agreements are). The fund section needs one fund and the needs section
 * one community: with several in scope they are left out (narrow `--scope` to one community). A rating section is
 * built for each stored rating scheme.
 *
 * @since 0.1.0
 * @category building
 */
export const sections = (input: Input, period: Report.Period): ReadonlyArray<SectionBuilder.SectionBuilder<Input>> => {
  const out: Array<SectionBuilder.SectionBuilder<Input>> = [OrgReport.section()]
  if (nonEmpty(input.memberships, input.registrations, input.partnerships)) out.push(OrgReport.linkage())
  out.push(GridReport.structure, GridReport.visits)
  if (nonEmpty(input.cases, input.mediations)) {
    out.push(CaseReport.section({ policy: casePolicy(input, period) }))
  }
  if (nonEmpty(input.services, input.teams, input.activities)) out.push(ServiceReport.section())
  if (nonEmpty(input.surveys, input.operators, input.projects)) {
    out.push(
      over(OperationReport.overview, (i) => ({
        standard: i.standard,
        surveys: i.surveys,
        needs: i.needs,
        operators: i.operators,
        services: i.services,
        projects: i.projects
      }))
    )
  }
  if (nonEmpty(input.agreements))
    out.push(over(OperationReport.agreements, (i) => ({ agreements: i.agreements, spaces: i.spaces })))
  if (nonEmpty(input.spaces))
    out.push(over(OperationReport.spaces, (i) => ({ spaces: i.spaces, standard: i.standard })))
  const fund = input.funds.length === 1 ? input.funds[0] : undefined
  if (fund !== undefined) {
    out.push(
      over(OperationReport.fund, (i) => ({
        fund,
        ledger: i.ledgers.get(fund.id) ?? [],
        projects: i.projects.filter((p) => p.fund === undefined || p.fund === fund.id)
      }))
    )
  }
  const communities = [...new Set(input.needs.map((n) => n.tenant))]
  const community = communities.length === 1 ? communities[0] : undefined
  if (community !== undefined) out.push(over(OperationReport.needs, (i) => ({ community, needs: i.needs })))
  if (nonEmpty(input.inspections, input.rectifications)) out.push(AssessmentReport.inspections)
  if (nonEmpty(input.bulletin)) out.push(AssessmentReport.bulletins)
  if (nonEmpty(input.taskLists)) {
    out.push(
      AssessmentReport.tasks,
      over(AssessmentReport.index(), (i) => ({ taskLists: i.taskLists, responsibility: [] }))
    )
  }
  for (const scheme of input.ratings) {
    out.push(
      AssessmentReport.ratings({
        id: `assessment.rating.${scheme.id}`,
        title: { "zh-CN": scheme.title, en: scheme.title },
        scheme
      })
    )
  }
  if (nonEmpty(input.orgLifeRecords)) {
    out.push(
      over(AssessmentReport.orgLife(), (i) => ({
        orgLifeRecords: i.orgLifeRecords,
        orgLifeUnits: [...new Set(i.orgLifeRecords.map((r) => r.unit))]
      }))
    )
  }
  if (nonEmpty(input.counts)) out.push(countsSection)
  return out
}

/**
 * A reporting period from `2025` (the calendar year) or `2025-01-01..2025-06-30`; `undefined` when unreadable.
 *
 * @since 0.1.0
 * @category parsing
 */
export const period = (text: string): Report.Period | undefined => {
  const year = /^(\d{4})$/.exec(text.trim())
  if (year !== null) {
    const y = Number(year[1])
    return new Report.Period({ from: LocalDate.make(y, 1, 1), to: LocalDate.make(y, 12, 31) })
  }
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text.trim())
  if (range === null) return undefined
  const from = Schema.decodeUnknownEither(LocalDate.LocalDate)(range[1])
  const to = Schema.decodeUnknownEither(LocalDate.LocalDate)(range[2])
  if (Either.isLeft(from) || Either.isLeft(to) || from.right > to.right) return undefined
  return new Report.Period({ from: from.right, to: to.right })
}

/**
 * Builds the report document from the sections of {@link sections}.
 *
 * @since 0.1.0
 * @category building
 */
export const document = (options: {
  readonly title: string
  readonly period: Report.Period
  readonly scope: string
  readonly generatedAt: DateTime.Utc
  readonly input: Input
}): Report.ReportDocument => {
  const spec = new SectionBuilder.ReportSpec({
    title: options.title,
    period: options.period,
    scope: new Report.ScopeRef({ label: options.scope === "" ? "全部" : options.scope, division: options.scope }),
    generatedAt: options.generatedAt
  })
  const registry = Either.getOrThrow(
    SectionBuilder.register<Input>(SectionBuilder.empty, ...sections(options.input, options.period))
  )
  return Either.getOrThrow(SectionBuilder.build(spec, options.input, registry))
}
