/**
 * Report sections of community operations (社区运营统计): space compliance with the facility standard (阵地达标),
 * the community development fund and its projects (社区发展基金与项目), and the needs list (需求清单), computed
 * from space, ledger, project and need records.
 *
 * @since 0.1.0
 */
import type { TenantId } from "../kernel/Ids.js"
import * as Labels from "../report/Labels.js"
import * as Report from "../report/Report.js"
import * as SectionBuilder from "../report/SectionBuilder.js"
import type * as FacilityStandard from "./FacilityStandard.js"
import * as Fund from "./Fund.js"
import * as Needs from "./Needs.js"
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
 * The fund section (`operation.fund`): balances and income of the period from the ledger (never a stored balance),
 * projects by kind. Seed (Zibo): 144 micro-renovation projects in old compounds, 672 projects in new ones.
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
 * kinds and mentions per category. Seed (Zibo): 5 categories, about 300 kinds of need.
 *
 * @since 0.1.0
 * @category sections
 */
export const needs: SectionBuilder.SectionBuilder<NeedsRecords> = SectionBuilder.make<NeedsRecords>({
  id: "operation.needs",
  labels,
  sources: (r) => [{ kind: "operation.records.needs", count: r.needs.length }],
  build: (r, { t }) => {
    const list = Needs.needsList(r.needs, r.community)
    const categories = Needs.byCategory(r.needs, r.community)
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
          rows: list.map((e) => [e.rank, t(`operation.need.${e.category}`), e.kind, e.mentions])
        })
      ],
      series: [
        new Report.Series({
          id: "needs-by-category",
          title: t("operation.needs.byCategory"),
          kind: "pie",
          unit: t("unit.mentions"),
          categories: categories.map((c) => t(`operation.need.${c.category}`)),
          data: [
            new Report.SeriesData({ name: t("operation.needs.mentions"), values: categories.map((c) => c.mentions) })
          ]
        })
      ]
    })
  }
})
