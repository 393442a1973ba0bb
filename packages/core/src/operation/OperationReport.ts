/**
 * Report sections of community operations (社区运营统计): space compliance with the facility standard (阵地达标),
 * the community development fund and its projects (社区发展基金与项目), and the needs list (需求清单), computed
 * from space, ledger, project and need records.
 *
 * @since 0.1.0
 */
import type { TenantId } from "../kernel/Ids.js"
import * as Term from "../kernel/Term.js"
import * as Labels from "../report/Labels.js"
import * as Report from "../report/Report.js"
import * as SectionBuilder from "../report/SectionBuilder.js"
import type * as Service from "../service/Service.js"
import * as FacilityStandard from "./FacilityStandard.js"
import * as Fund from "./Fund.js"
import * as Needs from "./Needs.js"
import * as Operator from "./Operator.js"
import * as Project from "./Project.js"
import * as Space from "./Space.js"

/**
 * The labels of the operation sections.
 *
 * @since 0.1.0
 * @category labels
 */
export const labels: Labels.Labels = Labels.make({
  "operation.spaces.title": { "zh-CN": "阵地建设", en: "Community spaces" },
  "operation.spaces.count": { "zh-CN": "阵地数量", en: "Spaces" },
  "operation.spaces.area": { "zh-CN": "阵地面积", en: "Floor area" },
  "operation.spaces.compliant": { "zh-CN": "必设功能达标率", en: "Spaces with every required function" },
  "operation.spaces.operated": { "zh-CN": "第三方运营阵地", en: "Spaces run by an operator" },
  "operation.spaces.table": { "zh-CN": "阵地功能达标情况", en: "Space compliance" },
  "operation.spaces.name": { "zh-CN": "阵地", en: "Space" },
  "operation.spaces.required": { "zh-CN": "必设功能", en: "Required functions" },
  "operation.spaces.recommended": { "zh-CN": "推荐功能", en: "Recommended functions" },
  "operation.spaces.missing": { "zh-CN": "缺少的必设功能", en: "Missing required functions" },
  "operation.spaces.score": { "zh-CN": "得分", en: "Score" },
  "operation.fund.title": { "zh-CN": "社区发展基金", en: "Community development fund" },
  "operation.fund.opening": { "zh-CN": "期初余额", en: "Opening balance" },
  "operation.fund.income": { "zh-CN": "本期收入", en: "Income" },
  "operation.fund.spending": { "zh-CN": "项目支出", en: "Project grants" },
  "operation.fund.closing": { "zh-CN": "期末余额", en: "Closing balance" },
  "operation.fund.projects": { "zh-CN": "资助项目", en: "Projects" },
  "operation.fund.byKind": { "zh-CN": "各类项目", en: "Projects by kind" },
  "operation.fund.kind": { "zh-CN": "类别", en: "Kind" },
  "operation.fund.budget": { "zh-CN": "预算（元）", en: "Budget (yuan)" },
  "operation.fund.progress": { "zh-CN": "进度", en: "Progress" },
  "operation.project.micro-renovation": { "zh-CN": "微改造", en: "Micro-renovation" },
  "operation.project.greening": { "zh-CN": "绿化提升", en: "Greening" },
  "operation.project.smart-upgrade": { "zh-CN": "智慧改造", en: "Smart upgrade" },
  "operation.project.public-service": { "zh-CN": "普惠公共服务", en: "Public service" },
  "operation.project.visiting": { "zh-CN": "走访慰问", en: "Visiting" },
  "operation.project.activity-hosting": { "zh-CN": "活动承办", en: "Activity hosting" },
  "operation.project.other": { "zh-CN": "其他", en: "Other" },
  "operation.fund.byCompound": { "zh-CN": "按小区类型的项目", en: "Projects by kind of compound" },
  "operation.fund.compound": { "zh-CN": "小区类型", en: "Compound" },
  "operation.fund.projectsOld": { "zh-CN": "老旧小区项目", en: "Projects in old compounds" },
  "operation.fund.projectsNew": { "zh-CN": "新建小区项目", en: "Projects in new compounds" },
  "operation.compound.old": { "zh-CN": "老旧小区", en: "Old compounds" },
  "operation.compound.new": { "zh-CN": "新建小区", en: "New compounds" },
  "operation.compound.unrecorded": { "zh-CN": "未注明", en: "Not recorded" },
  "operation.agreements.title": { "zh-CN": "运营协议", en: "Operating agreements" },
  "operation.agreements.count": { "zh-CN": "运营协议", en: "Agreements" },
  "operation.agreements.space": { "zh-CN": "阵地", en: "Space" },
  "operation.agreements.agreement": { "zh-CN": "运营协议", en: "Agreement" },
  "operation.agreements.publicBenefit": { "zh-CN": "公益服务", en: "Public-benefit services" },
  "operation.agreements.market": { "zh-CN": "市场服务", en: "Market services" },
  "operation.agreements.renovation": { "zh-CN": "一次性节省装修成本（元）", en: "Fit-out saved once (yuan)" },
  "operation.agreements.annual": { "zh-CN": "每年节省运营费用（元）", en: "Running costs saved a year (yuan)" },
  "operation.records.agreements": { "zh-CN": "运营协议", en: "agreement" },
  "operation.agreements.unknownSpace": { "zh-CN": "（未登记的阵地）", en: "(space not on record)" },
  "operation.overview.title": { "zh-CN": "社区运营概况", en: "Community operations at a glance" },
  "operation.overview.aspects": { "zh-CN": "建设标准方面", en: "Aspects of the facility standard" },
  "operation.overview.functions": {
    "zh-CN": "必设功能和推荐功能",
    en: "Required and recommended functions of the standard"
  },
  "operation.overview.surveyors": { "zh-CN": "走访摸排党员干部", en: "Party members and cadres surveying needs" },
  "operation.overview.needCategories": { "zh-CN": "生活类服务需求大类", en: "Categories of need" },
  "operation.overview.needKinds": { "zh-CN": "生活类服务需求", en: "Kinds of need" },
  "operation.overview.operators": { "zh-CN": "引进经营主体", en: "Operators brought in" },
  "operation.overview.lifeServices": { "zh-CN": "生活配套项目", en: "Everyday services run by operators" },
  "operation.overview.microRenovationsOld": {
    "zh-CN": "老旧小区微改造项目",
    en: "Micro-renovation projects in old compounds"
  },
  "operation.overview.projectsNew": { "zh-CN": "新建社区项目", en: "Projects in new compounds" },
  "operation.records.surveys": { "zh-CN": "摸排", en: "survey" },
  "operation.records.operators": { "zh-CN": "经营主体", en: "operator" },
  "operation.records.services": { "zh-CN": "服务", en: "service" },
  "operation.records.standard": { "zh-CN": "建设标准", en: "standard" },
  "unit.people": { "zh-CN": "人", en: "people" },
  "unit.operators": { "zh-CN": "家", en: "" },
  "operation.needs.title": { "zh-CN": "需求清单", en: "Needs list" },
  "operation.needs.kinds": { "zh-CN": "需求种类", en: "Kinds of need" },
  "operation.needs.mentions": { "zh-CN": "提出户次", en: "Mentions" },
  "operation.needs.categories": { "zh-CN": "需求大类", en: "Categories" },
  "operation.needs.rank": { "zh-CN": "排名", en: "Rank" },
  "operation.needs.category": { "zh-CN": "大类", en: "Category" },
  "operation.needs.kind": { "zh-CN": "需求", en: "Need" },
  "operation.needs.byCategory": { "zh-CN": "各类需求", en: "Needs by category" },
  "operation.need.elderly-care": { "zh-CN": "养老服务", en: "Elderly care" },
  "operation.need.wellness": { "zh-CN": "康养", en: "Wellness" },
  "operation.need.dining-leisure": { "zh-CN": "餐饮娱乐", en: "Dining and leisure" },
  "operation.need.medical-care": { "zh-CN": "医疗康养", en: "Medical care" },
  "operation.need.employment": { "zh-CN": "就业创业", en: "Employment" },
  "operation.records.spaces": { "zh-CN": "阵地", en: "space" },
  "operation.records.ledger": { "zh-CN": "收支", en: "ledger" },
  "operation.records.projects": { "zh-CN": "项目", en: "project" },
  "operation.records.needs": { "zh-CN": "需求", en: "need" },
  "unit.items": { "zh-CN": "个", en: "" },
  "unit.squareMetres": { "zh-CN": "平方米", en: "m²" },
  "unit.yuan": { "zh-CN": "元", en: "yuan" },
  "unit.kinds": { "zh-CN": "项", en: "kinds" },
  "unit.mentions": { "zh-CN": "户次", en: "mentions" }
})

/**
 * Records the space section reads, with the facility standard the spaces are checked against.
 *
 * @since 0.1.0
 * @category models
 */
export interface SpaceRecords {
  readonly spaces: ReadonlyArray<Space.Space>
  readonly standard: FacilityStandard.FacilityStandard
}

/**
 * The space section (`operation.spaces`). Seed (Zibo): spaces inventoried by area, functions and ownership; a
 * standard of 7 aspects and 41 required and recommended functions.
 *
 * @since 0.1.0
 * @category sections
 */
export const spaces: SectionBuilder.SectionBuilder<SpaceRecords> = SectionBuilder.make<SpaceRecords>({
  id: "operation.spaces",
  labels,
  sources: (r) => [{ kind: "operation.records.spaces", count: r.spaces.length }],
  build: (r, { t }) => {
    const inv = Space.inventory(r.spaces)
    const checked = r.spaces.map((s) => [s, Space.compliance(s, r.standard)] as const)
    return Report.section({
      id: "operation.spaces",
      title: t("operation.spaces.title"),
      figures: [
        Report.count({
          id: "spaces",
          label: t("operation.spaces.count"),
          unit: t("unit.items"),
          items: r.spaces,
          inputLabel: t("operation.records.spaces"),
          formula: "count(spaces)"
        }),
        Report.sum({
          id: "area",
          label: t("operation.spaces.area"),
          unit: t("unit.squareMetres"),
          items: r.spaces,
          of: (s) => s.areaSquareMetres,
          inputLabel: t("operation.records.spaces"),
          formula: "sum(floor area of each space)",
          kind: "decimal"
        }),
        Report.rate({
          id: "spaces-compliant",
          label: t("operation.spaces.compliant"),
          numerator: checked.filter(([, c]) => c.compliant).length,
          numeratorLabel: t("operation.spaces.compliant"),
          denominator: r.spaces.length,
          denominatorLabel: t("operation.records.spaces"),
          formula: "spaces missing no required function ÷ spaces"
        }),
        new Report.Figure({
          id: "spaces-operated",
          label: t("operation.spaces.operated"),
          value: inv.operated,
          kind: "integer",
          unit: t("unit.items"),
          computation: new Report.Computation({
            formula: "count(spaces with an operator)",
            inputs: [new Report.Input({ label: t("operation.records.spaces"), count: inv.spaces })]
          })
        })
      ],
      tables: [
        new Report.Table({
          id: "compliance",
          title: t("operation.spaces.table"),
          columns: [
            new Report.Column({ id: "space", label: t("operation.spaces.name"), type: "text" }),
            new Report.Column({ id: "required", label: t("operation.spaces.required"), type: "text" }),
            new Report.Column({ id: "recommended", label: t("operation.spaces.recommended"), type: "text" }),
            new Report.Column({ id: "score", label: t("operation.spaces.score"), type: "decimal" }),
            new Report.Column({ id: "missing", label: t("operation.spaces.missing"), type: "text" })
          ],
          rows: checked.map(([s, c]) => [
            s.name,
            `${c.requiredPresent}/${c.requiredTotal}`,
            `${c.recommendedPresent}/${c.recommendedTotal}`,
            c.score,
            c.missingRequired.map((f) => f.name).join("、")
          ])
        })
      ]
    })
  }
})

/**
 * Records the fund section reads.
 *
 * @since 0.1.0
 * @category models
 */
export interface FundRecords {
  readonly fund: Fund.Fund
  readonly ledger: ReadonlyArray<Fund.Entry>
  readonly projects: ReadonlyArray<Project.Project>
}

const yuan = (fen: number): number => fen / 100

/**
 * The lists in force the operation sections group by: the needs categories (`Runtime.Policies.needsCategories`;
 * default `Needs.defaultCategories`). A term is named by the section's label where there is one (so locale packs
 * translate it), else by its own Chinese or English name.
 *
 * @since 0.1.0
 * @category sections
 */
export interface ListOptions {
  readonly needsCategories?: ReadonlyArray<Term.Term> | undefined
}

const termName =
  (t: SectionBuilder.BuildContext["t"], prefix: string, terms: ReadonlyArray<Term.Term>, locale: Labels.Locale) =>
  (id: string): string => {
    const label = `${prefix}${id}`
    const text = t(label)
    return text === label ? Term.nameOf(terms, id, locale) : text
  }

/**
 * The fund section (`operation.fund`): balances and income of the period from the ledger (never a stored balance),
 * projects by kind and by old/new compound (`Project.byCompound`). Seed (Zibo): 144 micro-renovation projects in old compounds, 672 projects in new ones.
 *
 * @since 0.1.0
 * @category sections
 */
export const fund: SectionBuilder.SectionBuilder<FundRecords> = SectionBuilder.make<FundRecords>({
  id: "operation.fund",
  labels,
  sources: (r) => [
    { kind: "operation.records.ledger", count: r.ledger.length },
    { kind: "operation.records.projects", count: r.projects.length }
  ],
  build: (r, { period, t }) => {
    const s = Fund.summary(r.fund, r.ledger, { from: period.from, to: period.to })
    const income = s.income.revenueShare + s.income.donations + s.income.grantsIn
    const money = (id: string, label: string, fen: number, formula: string) =>
      new Report.Figure({
        id,
        label,
        value: yuan(fen),
        kind: "decimal",
        unit: t("unit.yuan"),
        computation: new Report.Computation({
          formula,
          inputs: [new Report.Input({ label: t("operation.records.ledger"), count: r.ledger.length })]
        })
      })
    const kinds = Project.byKind(r.projects).filter((k) => k.projects > 0)
    const compounds = Project.byCompound(r.projects)
    const inCompound = (compound: "old" | "new") => compounds.find((c) => c.compound === compound)?.projects ?? 0
    const projectInput = [new Report.Input({ label: t("operation.records.projects"), count: r.projects.length })]
    return Report.section({
      id: "operation.fund",
      title: t("operation.fund.title"),
      figures: [
        money("fund-opening", t("operation.fund.opening"), s.opening, "opening balance + entries before the period"),
        money(
          "fund-income",
          t("operation.fund.income"),
          income,
          "revenue shares + donations + grants received in the period"
        ),
        money("fund-spending", t("operation.fund.spending"), s.spending, "project grants paid in the period"),
        money("fund-closing", t("operation.fund.closing"), s.closing, "opening + income − project grants"),
        Report.count({
          id: "projects",
          label: t("operation.fund.projects"),
          unit: t("unit.items"),
          items: r.projects,
          inputLabel: t("operation.records.projects"),
          formula: "count(projects)"
        }),
        new Report.Figure({
          id: "projects-old-compound",
          label: t("operation.fund.projectsOld"),
          value: inCompound("old"),
          kind: "integer",
          unit: t("unit.items"),
          computation: new Report.Computation({ formula: "count(projects in old compounds)", inputs: projectInput })
        }),
        new Report.Figure({
          id: "projects-new-compound",
          label: t("operation.fund.projectsNew"),
          value: inCompound("new"),
          kind: "integer",
          unit: t("unit.items"),
          computation: new Report.Computation({ formula: "count(projects in new compounds)", inputs: projectInput })
        })
      ],
      tables: [
        new Report.Table({
          id: "projects-by-kind",
          title: t("operation.fund.byKind"),
          columns: [
            new Report.Column({ id: "kind", label: t("operation.fund.kind"), type: "text" }),
            new Report.Column({ id: "projects", label: t("operation.fund.projects"), type: "integer" }),
            new Report.Column({ id: "budget", label: t("operation.fund.budget"), type: "decimal" }),
            new Report.Column({ id: "progress", label: t("operation.fund.progress"), type: "percent" })
          ],
          rows: kinds.map((k) => [t(`operation.project.${k.kind}`), k.projects, yuan(k.budget), k.progress / 100])
        }),
        new Report.Table({
          id: "projects-by-compound",
          title: t("operation.fund.byCompound"),
          columns: [
            new Report.Column({ id: "compound", label: t("operation.fund.compound"), type: "text" }),
            new Report.Column({ id: "projects", label: t("operation.fund.projects"), type: "integer" }),
            new Report.Column({ id: "budget", label: t("operation.fund.budget"), type: "decimal" })
          ],
          rows: compounds.map((c) => [t(`operation.compound.${c.compound}`), c.projects, yuan(c.budget)])
        })
      ],
      series: [
        new Report.Series({
          id: "projects-by-kind",
          title: t("operation.fund.byKind"),
          kind: "bar",
          unit: t("unit.items"),
          categories: kinds.map((k) => t(`operation.project.${k.kind}`)),
          data: [new Report.SeriesData({ name: t("operation.fund.projects"), values: kinds.map((k) => k.projects) })]
        })
      ]
    })
  }
})

/**
 * Records the agreement section reads: the operating agreements and the spaces they cover (for the spaces' names).
 *
 * @since 0.2.0
 * @category models
 */
export interface AgreementRecords {
  readonly agreements: ReadonlyArray<Operator.OperatingAgreement>
  readonly spaces: ReadonlyArray<Space.Space>
}

/**
 * The agreement section (`operation.agreements`): per operating agreement, the 公益/市场 mix of the services the
 * space's operator owes (`Operator.serviceMix`) and what the agreement saves the community (`Operator.savingsOf`),
 * with totals. Seed (Zibo): the 车站街道城南社区 agreement saves ¥600,000 of fit-out once and ¥200,000 a year.
 *
 * @since 0.2.0
 * @category sections
 */
export const agreements: SectionBuilder.SectionBuilder<AgreementRecords> = SectionBuilder.make<AgreementRecords>({
  id: "operation.agreements",
  labels,
  sources: (r) => [{ kind: "operation.records.agreements", count: r.agreements.length }],
  build: (r, { t }) => {
    const rows = r.agreements.map((a) => ({ a, mix: Operator.serviceMix(a), saved: Operator.savingsOf(a) }))
    const spaceName = new Map(r.spaces.map((s) => [s.id as string, s.name]))
    const input = [new Report.Input({ label: t("operation.records.agreements"), count: r.agreements.length })]
    const total = (
      id: string,
      label: string,
      value: number,
      kind: "integer" | "decimal",
      unit: string,
      formula: string
    ) =>
      new Report.Figure({
        id,
        label,
        value,
        kind,
        unit,
        computation: new Report.Computation({ formula, inputs: input })
      })
    const sum = (f: (x: (typeof rows)[number]) => number) => rows.reduce((n, x) => n + f(x), 0)
    return Report.section({
      id: "operation.agreements",
      title: t("operation.agreements.title"),
      figures: [
        Report.count({
          id: "agreements",
          label: t("operation.agreements.count"),
          unit: t("unit.items"),
          items: r.agreements,
          inputLabel: t("operation.records.agreements"),
          formula: "count(operating agreements)"
        }),
        total(
          "obligations-public-benefit",
          t("operation.agreements.publicBenefit"),
          sum((x) => x.mix.publicBenefit),
          "integer",
          t("unit.items"),
          "count(services owed marked public benefit)"
        ),
        total(
          "obligations-market",
          t("operation.agreements.market"),
          sum((x) => x.mix.market),
          "integer",
          t("unit.items"),
          "count(services owed not marked public benefit)"
        ),
        total(
          "savings-renovation",
          t("operation.agreements.renovation"),
          yuan(sum((x) => x.saved.renovation)),
          "decimal",
          t("unit.yuan"),
          "sum(fit-out cost saved once of each agreement)"
        ),
        total(
          "savings-annual",
          t("operation.agreements.annual"),
          yuan(sum((x) => x.saved.annualRunning)),
          "decimal",
          t("unit.yuan"),
          "sum(running costs saved a year of each agreement)"
        )
      ],
      tables: [
        new Report.Table({
          id: "agreements",
          title: t("operation.agreements.title"),
          columns: [
            new Report.Column({ id: "space", label: t("operation.agreements.space"), type: "text" }),
            new Report.Column({ id: "agreement", label: t("operation.agreements.agreement"), type: "text" }),
            new Report.Column({ id: "publicBenefit", label: t("operation.agreements.publicBenefit"), type: "integer" }),
            new Report.Column({ id: "market", label: t("operation.agreements.market"), type: "integer" }),
            new Report.Column({ id: "renovation", label: t("operation.agreements.renovation"), type: "decimal" }),
            new Report.Column({ id: "annualRunning", label: t("operation.agreements.annual"), type: "decimal" })
          ],
          rows: rows.map(({ a, mix, saved }) => [
            spaceName.get(a.space) ?? t("operation.agreements.unknownSpace"),
            a.name ?? `${spaceName.get(a.space) ?? ""}${t("operation.agreements.agreement")}`,
            mix.publicBenefit,
            mix.market,
            yuan(saved.renovation),
            yuan(saved.annualRunning)
          ])
        })
      ]
    })
  }
})

/**
 * Records the needs section reads, with the community the list is for.
 *
 * @since 0.1.0
 * @category models
 */
export interface NeedsRecords {
  readonly community: TenantId
  readonly needs: ReadonlyArray<Needs.NeedItem>
}

/**
 * The needs section (`operation.needs`): the community's needs list, ranked by mentions ("一社一策"), and its
 * kinds and mentions per category in force (`o.needsCategories`, see {@link ListOptions}). Seed (Zibo): 5
 * categories, about 300 kinds of need.
 *
 * @since 0.1.0
 * @category sections
 */
export const needsWith = (o: ListOptions = {}): SectionBuilder.SectionBuilder<NeedsRecords> =>
  SectionBuilder.make<NeedsRecords>({
    id: "operation.needs",
    labels,
    sources: (r) => [{ kind: "operation.records.needs", count: r.needs.length }],
    build: (r, { locale, t }) => {
      const inForce = o.needsCategories ?? Needs.defaultCategories
      const categoryName = termName(t, "operation.need.", inForce, locale)
      const list = Needs.needsList(r.needs, r.community, inForce)
      const categories = Needs.byCategory(r.needs, r.community, inForce)
      return Report.section({
        id: "operation.needs",
        title: t("operation.needs.title"),
        figures: [
          Report.count({
            id: "need-kinds",
            label: t("operation.needs.kinds"),
            unit: t("unit.kinds"),
            items: list,
            inputLabel: t("operation.records.needs"),
            formula: "count(distinct category and kind of need in the community)"
          }),
          Report.count({
            id: "need-categories",
            label: t("operation.needs.categories"),
            unit: t("unit.items"),
            items: categories.filter((c) => c.kinds > 0),
            inputLabel: t("operation.records.needs"),
            formula: "count(categories with at least one need)"
          }),
          Report.sum({
            id: "need-mentions",
            label: t("operation.needs.mentions"),
            unit: t("unit.mentions"),
            items: list,
            of: (e) => e.mentions,
            inputLabel: t("operation.records.needs"),
            formula: "sum(households raising each need)"
          })
        ],
        tables: [
          new Report.Table({
            id: "needs-list",
            title: t("operation.needs.title"),
            columns: [
              new Report.Column({ id: "rank", label: t("operation.needs.rank"), type: "integer" }),
              new Report.Column({ id: "category", label: t("operation.needs.category"), type: "text" }),
              new Report.Column({ id: "kind", label: t("operation.needs.kind"), type: "text" }),
              new Report.Column({ id: "mentions", label: t("operation.needs.mentions"), type: "integer" })
            ],
            rows: list.map((e) => [e.rank, categoryName(e.category), e.kind, e.mentions])
          })
        ],
        series: [
          new Report.Series({
            id: "needs-by-category",
            title: t("operation.needs.byCategory"),
            kind: "pie",
            unit: t("unit.mentions"),
            categories: categories.map((c) => categoryName(c.category)),
            data: [
              new Report.SeriesData({ name: t("operation.needs.mentions"), values: categories.map((c) => c.mentions) })
            ]
          })
        ]
      })
    }
  })

/**
 * The needs section (`operation.needs`) under the seed's five categories ({@link needsWith} with no options).
 *
 * @since 0.1.0
 * @category sections
 */
export const needs: SectionBuilder.SectionBuilder<NeedsRecords> = needsWith()

/**
 * Records the overview section reads: a city's (or district's) facility standard, needs surveys and items,
 * operators, services and projects, already limited to the report's scope.
 *
 * @since 0.2.0
 * @category models
 */
export interface OverviewRecords {
  readonly standard: FacilityStandard.FacilityStandard
  readonly surveys: ReadonlyArray<Needs.NeedsSurvey>
  readonly needs: ReadonlyArray<Needs.NeedItem>
  readonly operators: ReadonlyArray<Operator.Operator>
  readonly services: ReadonlyArray<Service.Service>
  readonly projects: ReadonlyArray<Project.Project>
}

/**
 * Distinct (category, kind) pairs of need over every community in the records: the scope's needs inventory, where
 * {@link Needs.needsList} ranks one community's.
 */
const needKindsOf = (needs: ReadonlyArray<Needs.NeedItem>) => {
  const kinds = new Map<string, Needs.NeedItem>()
  for (const n of needs) {
    const key = `${n.category}\u0000${n.kind}`
    if (!kinds.has(key)) kinds.set(key, n)
  }
  return [...kinds.values()]
}

/**
 * The overview section (`operation.overview`, 社区运营概况) of a city or district, every figure counted from records:
 * the aspects and functions of the facility standard, the party members and cadres who surveyed needs (Σ
 * `NeedsSurvey.surveyors`), the categories and kinds of need raised, the operators, the services they provide (a
 * service whose provider is a stored operator: 生活配套项目), micro-renovation projects in old compounds and
 * projects in new compounds. Seed (Zibo): 7 aspects and 41 functions, 1.1万 surveyors, 5 categories and nearly 300
 * kinds of need, 490 operators and 1,600 projects, 144 micro-renovations in old compounds and 672 projects in new.
 *
 * @since 0.2.0
 * @category sections
 */
export const overview: SectionBuilder.SectionBuilder<OverviewRecords> = SectionBuilder.make<OverviewRecords>({
  id: "operation.overview",
  labels,
  sources: (r) => [
    { kind: "operation.records.surveys", count: r.surveys.length },
    { kind: "operation.records.needs", count: r.needs.length },
    { kind: "operation.records.operators", count: r.operators.length },
    { kind: "operation.records.services", count: r.services.length },
    { kind: "operation.records.projects", count: r.projects.length }
  ],
  build: (r, { t }) => {
    const aspects = r.standard.aspects
    const functions = FacilityStandard.functions(r.standard)
    const kinds = needKindsOf(r.needs)
    const categories = [...new Set(kinds.map((k) => k.category))]
    const operatorIds = new Set<string>(r.operators.map((o) => o.id))
    const lifeServices = r.services.filter((s) => s.provider._tag === "Operator" && operatorIds.has(s.provider.id))
    const oldMicro = r.projects.filter((p) => p.compound === "old" && p.kind === "micro-renovation")
    const newCompound = r.projects.filter((p) => p.compound === "new")
    const of = (label: string, count: number) => [new Report.Input({ label, count })]
    const figure = (
      id: string,
      label: string,
      value: number,
      unit: string,
      formula: string,
      inputs: Array<Report.Input>
    ) =>
      new Report.Figure({
        id,
        label,
        value,
        kind: "integer",
        unit,
        computation: new Report.Computation({ formula, inputs })
      })
    return Report.section({
      id: "operation.overview",
      title: t("operation.overview.title"),
      figures: [
        figure(
          "standard-aspects",
          t("operation.overview.aspects"),
          aspects.length,
          t("unit.items"),
          "count(aspects of the standard)",
          of(t("operation.records.standard"), 1)
        ),
        figure(
          "standard-functions",
          t("operation.overview.functions"),
          functions.length,
          t("unit.kinds"),
          "count(required and recommended functions of the standard)",
          of(t("operation.records.standard"), 1)
        ),
        Report.sum({
          id: "surveyors",
          label: t("operation.overview.surveyors"),
          unit: t("unit.people"),
          items: r.surveys,
          of: (s) => s.surveyors ?? 0,
          inputLabel: t("operation.records.surveys"),
          formula: "sum(surveyors of each needs survey)"
        }),
        figure(
          "need-categories",
          t("operation.overview.needCategories"),
          categories.length,
          t("unit.items"),
          "count(categories with at least one need)",
          of(t("operation.records.needs"), r.needs.length)
        ),
        figure(
          "need-kinds",
          t("operation.overview.needKinds"),
          kinds.length,
          t("unit.kinds"),
          "count(distinct category and kind of need over every community)",
          of(t("operation.records.needs"), r.needs.length)
        ),
        Report.count({
          id: "operators",
          label: t("operation.overview.operators"),
          unit: t("unit.operators"),
          items: r.operators,
          inputLabel: t("operation.records.operators"),
          formula: "count(operators)"
        }),
        figure(
          "life-services",
          t("operation.overview.lifeServices"),
          lifeServices.length,
          t("unit.items"),
          "count(services provided by a stored operator)",
          of(t("operation.records.services"), r.services.length)
        ),
        figure(
          "micro-renovations-old-compound",
          t("operation.overview.microRenovationsOld"),
          oldMicro.length,
          t("unit.items"),
          "count(micro-renovation projects in old compounds)",
          of(t("operation.records.projects"), r.projects.length)
        ),
        figure(
          "new-compound-projects",
          t("operation.overview.projectsNew"),
          newCompound.length,
          t("unit.items"),
          "count(projects in new compounds)",
          of(t("operation.records.projects"), r.projects.length)
        )
      ]
    })
  }
})
