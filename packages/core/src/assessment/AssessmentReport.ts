/**
 * Report sections of the assessment context (考核评价统计): sit-in inspections and the rectification of their
 * suggestions (巡学旁听与整改), praise and criticism bulletins (表扬栏、批评栏) and task lists (任务清单), computed
 * from inspection, rectification, bulletin and task records.
 *
 * @since 0.1.0
 */
import type { IndicatorSystemId, OrgUnitId } from "../kernel/Ids.js"
import * as Term from "../kernel/Term.js"
import * as Labels from "../report/Labels.js"
import * as Report from "../report/Report.js"
import * as SectionBuilder from "../report/SectionBuilder.js"
import type * as Assessment from "./Assessment.js"
import * as Award from "./Award.js"
import * as Brand from "./Brand.js"
import type * as Bulletin from "./Bulletin.js"
import * as Inspection from "./Inspection.js"
import * as OrgLife from "./OrgLife.js"
import * as Rating from "./Rating.js"
import * as ResponsibilityList from "./ResponsibilityList.js"
import * as TaskList from "./TaskList.js"

/**
 * The labels of the assessment sections.
 *
 * @since 0.1.0
 * @category labels
 */
export const labels: Labels.Labels = Labels.make({
  "assessment.inspections.title": { "zh-CN": "巡学旁听与整改", en: "Sit-in inspections and rectification" },
  "assessment.inspections.units": { "zh-CN": "旁听单位", en: "Units inspected" },
  "assessment.inspections.count": { "zh-CN": "巡学旁听场次", en: "Inspections" },
  "assessment.inspections.suggestions": { "zh-CN": "提出意见建议", en: "Suggestions" },
  "assessment.inspections.completed": { "zh-CN": "已整改", en: "Rectified" },
  "assessment.inspections.completion": { "zh-CN": "整改完成率", en: "Rectification completion" },
  "assessment.inspections.onTime": { "zh-CN": "按期整改率", en: "Rectified on time" },
  "assessment.inspections.overdue": { "zh-CN": "逾期未整改", en: "Overdue" },
  "assessment.inspections.byKind": { "zh-CN": "按单位类型", en: "By kind of unit" },
  "assessment.inspections.kind": { "zh-CN": "单位类型", en: "Kind of unit" },
  "assessment.unitKind.township": { "zh-CN": "乡（镇）", en: "Townships" },
  "assessment.unitKind.county-unit": { "zh-CN": "县直（驻县）单位", en: "County units" },
  "assessment.bulletins.title": { "zh-CN": "表扬栏与批评栏", en: "Praise and criticism bulletins" },
  "assessment.bulletins.praise": { "zh-CN": "表扬栏", en: "Praise entries" },
  "assessment.bulletins.criticism": { "zh-CN": "批评栏", en: "Criticism entries" },
  "assessment.tasks.title": { "zh-CN": "任务清单", en: "Task lists" },
  "assessment.tasks.total": { "zh-CN": "任务", en: "Tasks" },
  "assessment.tasks.done": { "zh-CN": "已完成", en: "Done" },
  "assessment.tasks.completion": { "zh-CN": "任务完成率", en: "Task completion" },
  "assessment.tasks.list": { "zh-CN": "清单", en: "List" },
  "assessment.tasks.overdue": { "zh-CN": "逾期任务", en: "Overdue tasks" },
  "assessment.tasks.byPost": { "zh-CN": "责任岗位任务进度", en: "Task progress per post" },
  "assessment.tasks.level": { "zh-CN": "层级", en: "Level" },
  "assessment.tasks.post": { "zh-CN": "岗位", en: "Post" },
  "assessment.ratings.assessed": { "zh-CN": "参评单位", en: "Units assessed" },
  "assessment.ratings.selected": { "zh-CN": "评定数量", en: "Selected" },
  "assessment.ratings.mean": { "zh-CN": "平均得分", en: "Mean score" },
  "assessment.ratings.horse": { "zh-CN": "骏马奖", en: "Horse awards" },
  "assessment.ratings.snail": { "zh-CN": "蜗牛奖", en: "Snail awards" },
  "assessment.ratings.table": { "zh-CN": "评定结果", en: "Rating decisions" },
  "assessment.ratings.subject": { "zh-CN": "单位", en: "Unit" },
  "assessment.ratings.total": { "zh-CN": "得分", en: "Score" },
  "assessment.ratings.rank": { "zh-CN": "名次", en: "Rank" },
  "assessment.ratings.result": { "zh-CN": "结果", en: "Result" },
  "assessment.ratings.yes": { "zh-CN": "评定", en: "selected" },
  "assessment.ratings.no": { "zh-CN": "未评定", en: "not selected" },
  "assessment.records.assessments": { "zh-CN": "考核", en: "assessment" },
  "assessment.records.inspections": { "zh-CN": "巡学旁听", en: "inspection" },
  "assessment.records.rectifications": { "zh-CN": "整改", en: "rectification" },
  "assessment.records.bulletins": { "zh-CN": "栏目", en: "bulletin" },
  "assessment.records.tasks": { "zh-CN": "任务", en: "task" },
  "assessment.inspections.overdueTotal": { "zh-CN": "逾期未整改意见建议", en: "Suggestions overdue" },
  "assessment.index.parts": { "zh-CN": "指数构成", en: "Components" },
  "assessment.index.component": { "zh-CN": "构成项", en: "Component" },
  "assessment.index.weight": { "zh-CN": "权重", en: "Weight" },
  "assessment.index.percent": { "zh-CN": "得分率", en: "Percent" },
  "assessment.index.contribution": { "zh-CN": "贡献分值", en: "Contribution" },
  "assessment.index.points": { "zh-CN": "分", en: "points" },
  "assessment.index.source.tasks.completion-rate": { "zh-CN": "任务清单完成率", en: "Task-list completion" },
  "assessment.index.source.responsibility.fulfilment-rate": {
    "zh-CN": "责任清单履职率",
    en: "Responsibility-list fulfilment"
  },
  "assessment.index.duties": { "zh-CN": "责任事项", en: "duties" },
  "assessment.index.fulfilled": { "zh-CN": "已履职事项", en: "duties fulfilled" },
  "assessment.orgLife.title": { "zh-CN": "组织生活落实情况", en: "Organisational life" },
  "assessment.orgLife.units": { "zh-CN": "检查党组织", en: "Units checked" },
  "assessment.orgLife.compliant": { "zh-CN": "组织生活达标", en: "Units compliant" },
  "assessment.orgLife.rate": { "zh-CN": "组织生活达标率", en: "Compliance rate" },
  "assessment.orgLife.required": { "zh-CN": "应开展", en: "Required" },
  "assessment.orgLife.met": { "zh-CN": "已开展", en: "Held" },
  "assessment.orgLife.missed": { "zh-CN": "缺项", en: "Missed" },
  "assessment.orgLife.kind": { "zh-CN": "组织生活", en: "Kind" },
  "assessment.orgLife.frequency": { "zh-CN": "频次", en: "Frequency" },
  "assessment.orgLife.byKind": { "zh-CN": "按组织生活类型", en: "By kind" },
  "assessment.orgLife.kind.committee-meeting": { "zh-CN": "支委会", en: "Committee meeting" },
  "assessment.orgLife.kind.members-meeting": { "zh-CN": "党员大会", en: "Members' meeting" },
  "assessment.orgLife.kind.group-meeting": { "zh-CN": "党小组会", en: "Group meeting" },
  "assessment.orgLife.kind.party-lecture": { "zh-CN": "党课", en: "Party lecture" },
  "assessment.orgLife.kind.theme-party-day": { "zh-CN": "主题党日", en: "Theme party day" },
  "assessment.orgLife.kind.org-life-meeting": { "zh-CN": "组织生活会", en: "Organisational-life meeting" },
  "assessment.orgLife.kind.democratic-appraisal": { "zh-CN": "民主评议党员", en: "Democratic appraisal" },
  "assessment.orgLife.kind.heart-to-heart-talk": { "zh-CN": "谈心谈话", en: "Heart-to-heart talks" },
  "assessment.orgLife.frequency.monthly": { "zh-CN": "每月", en: "monthly" },
  "assessment.orgLife.frequency.quarterly": { "zh-CN": "每季度", en: "quarterly" },
  "assessment.orgLife.frequency.half-yearly": { "zh-CN": "每半年", en: "half-yearly" },
  "assessment.orgLife.frequency.yearly": { "zh-CN": "每年", en: "yearly" },
  "assessment.orgLife.frequency.none": { "zh-CN": "不作要求", en: "not required" },
  "assessment.brands.title": { "zh-CN": "党建品牌", en: "Party-building brands" },
  "assessment.brands.count": { "zh-CN": "党建品牌", en: "Brands" },
  "assessment.brands.passed": { "zh-CN": "四有达标品牌", en: "Brands meeting all four requirements" },
  "assessment.brands.rate": { "zh-CN": "品牌达标率", en: "Brands meeting the checklist" },
  "assessment.brands.name": { "zh-CN": "品牌", en: "Brand" },
  "assessment.brands.missing": { "zh-CN": "缺少", en: "Missing" },
  "assessment.brands.unnamed": { "zh-CN": "（未命名）", en: "(unnamed)" },
  "assessment.brands.req.name": { "zh-CN": "品牌名称", en: "name" },
  "assessment.brands.req.practice": { "zh-CN": "具体做法", en: "practice" },
  "assessment.brands.req.sectorFeatures": { "zh-CN": "行业特色", en: "sector features" },
  "assessment.brands.req.results": { "zh-CN": "工作实效", en: "results" },
  "assessment.records.orgLife": { "zh-CN": "组织生活", en: "organisational-life record" },
  "assessment.records.brands": { "zh-CN": "品牌", en: "brand" },
  "assessment.records.responsibilityLists": { "zh-CN": "责任清单", en: "responsibility list" },
  "unit.items": { "zh-CN": "个", en: "" },
  "unit.sessions": { "zh-CN": "场", en: "sessions" },
  "unit.entries": { "zh-CN": "条", en: "entries" },
  "unit.tasks": { "zh-CN": "项", en: "tasks" }
})

/**
 * Records the inspection section reads.
 *
 * @since 0.1.0
 * @category models
 */
export interface InspectionRecords {
  readonly inspections: ReadonlyArray<Inspection.Inspection>
  readonly rectifications: ReadonlyArray<Inspection.Rectification>
}

/**
 * The inspection section (`assessment.inspections`) under a policy's rectification limit (in calendar or working
 * days, with the working calendar; see `Inspection.ReportOptions`), as of the last day of the period.
 *
 * @since 0.2.0
 * @category sections
 */
export const inspectionsWith = (
  options: Inspection.ReportOptions = {}
): SectionBuilder.SectionBuilder<InspectionRecords> =>
  SectionBuilder.make<InspectionRecords>({
    id: "assessment.inspections",
    labels,
    sources: (r) => [
      { kind: "assessment.records.inspections", count: r.inspections.length },
      { kind: "assessment.records.rectifications", count: r.rectifications.length }
    ],
    build: (r, { locale, period, t }) => {
      const inPeriod = r.inspections.filter((i) => i.date >= period.from && i.date <= period.to)
      const rep = Inspection.report(inPeriod, r.rectifications, period.to, options)
      const input = (count: number) => [new Report.Input({ label: t("assessment.records.inspections"), count })]
      const unitKinds = options.unitKinds ?? Inspection.defaultUnitKinds
      const kinds = unitKinds.map((k) => k.id)
      // every kind in force has its entry in byKind (Inspection.report); zeros only satisfy the index type
      const figuresOf = (k: string) =>
        rep.byKind[k] ?? { units: 0, inspections: 0, suggestions: 0, completed: 0, overdue: 0 }
      const kindName = (k: string) => {
        const label = `assessment.unitKind.${k}`
        const text = t(label)
        return text === label ? Term.nameOf(unitKinds, k, locale) : text
      }
      return Report.section({
        id: "assessment.inspections",
        title: t("assessment.inspections.title"),
        figures: [
          new Report.Figure({
            id: "inspected-units",
            label: t("assessment.inspections.units"),
            value: rep.total.units,
            kind: "integer",
            unit: t("unit.items"),
            computation: new Report.Computation({
              formula: "count(distinct units inspected)",
              inputs: input(inPeriod.length)
            })
          }),
          Report.count({
            id: "inspections",
            label: t("assessment.inspections.count"),
            unit: t("unit.sessions"),
            items: inPeriod,
            inputLabel: t("assessment.records.inspections"),
            formula: "count(inspections in the period)"
          }),
          new Report.Figure({
            id: "suggestions",
            label: t("assessment.inspections.suggestions"),
            value: rep.total.suggestions,
            kind: "integer",
            unit: t("unit.entries"),
            computation: new Report.Computation({
              formula: "sum(suggestions raised at each inspection)",
              inputs: input(inPeriod.length)
            })
          }),
          Report.rate({
            id: "rectification-completion",
            label: t("assessment.inspections.completion"),
            numerator: rep.total.completed,
            numeratorLabel: t("assessment.inspections.completed"),
            denominator: rep.total.suggestions,
            denominatorLabel: t("assessment.inspections.suggestions"),
            formula: `suggestions rectified and verified by ${period.to} ÷ suggestions`
          }),
          Report.rate({
            id: "rectification-on-time",
            label: t("assessment.inspections.onTime"),
            numerator: rep.total.onTime,
            numeratorLabel: t("assessment.inspections.onTime"),
            denominator: rep.total.suggestions,
            denominatorLabel: t("assessment.inspections.suggestions"),
            formula: "suggestions verified by their deadline ÷ suggestions"
          }),
          new Report.Figure({
            id: "rectification-overdue",
            label: t("assessment.inspections.overdueTotal"),
            value: rep.total.overdue,
            kind: "integer",
            unit: t("unit.entries"),
            computation: new Report.Computation({
              formula: `suggestions past their deadline and not rectified on ${period.to}`,
              inputs: [
                new Report.Input({ label: t("assessment.records.rectifications"), count: r.rectifications.length })
              ]
            })
          })
        ],
        tables: [
          new Report.Table({
            id: "by-unit-kind",
            title: t("assessment.inspections.byKind"),
            columns: [
              new Report.Column({ id: "kind", label: t("assessment.inspections.kind"), type: "text" }),
              new Report.Column({ id: "units", label: t("assessment.inspections.units"), type: "integer" }),
              new Report.Column({ id: "inspections", label: t("assessment.inspections.count"), type: "integer" }),
              new Report.Column({ id: "suggestions", label: t("assessment.inspections.suggestions"), type: "integer" }),
              new Report.Column({ id: "completed", label: t("assessment.inspections.completed"), type: "integer" }),
              new Report.Column({ id: "overdue", label: t("assessment.inspections.overdue"), type: "integer" }),
              new Report.Column({ id: "rate", label: t("assessment.inspections.completion"), type: "percent" })
            ],
            rows: kinds.map((k) => {
              const f = figuresOf(k)
              return [
                kindName(k),
                f.units,
                f.inspections,
                f.suggestions,
                f.completed,
                f.overdue,
                f.suggestions === 0 ? null : f.completed / f.suggestions
              ]
            })
          })
        ],
        series: [
          new Report.Series({
            id: "inspections-by-kind",
            title: t("assessment.inspections.byKind"),
            kind: "bar",
            unit: "",
            categories: kinds.map(kindName),
            data: [
              new Report.SeriesData({
                name: t("assessment.inspections.count"),
                values: kinds.map((k) => figuresOf(k).inspections)
              }),
              new Report.SeriesData({
                name: t("assessment.inspections.suggestions"),
                values: kinds.map((k) => figuresOf(k).suggestions)
              })
            ]
          })
        ]
      })
    }
  })

/**
 * The inspection section (`assessment.inspections`) with each rectification's own deadline, as of the last day of
 * the period. Seed (Huichang): 108 sit-in inspections of 19 townships and 71 county units, 229 suggestions, all
 * rectified.
 *
 * @since 0.1.0
 * @category sections
 */
export const inspections: SectionBuilder.SectionBuilder<InspectionRecords> = inspectionsWith()

/**
 * Records the bulletin section reads.
 *
 * @since 0.1.0
 * @category models
 */
export interface BulletinRecords {
  readonly bulletin: ReadonlyArray<Bulletin.BulletinEntry>
}

/**
 * The bulletin section (`assessment.bulletins`). Seed (Huichang): 51 praise and 12 criticism entries this year.
 *
 * @since 0.1.0
 * @category sections
 */
export const bulletins: SectionBuilder.SectionBuilder<BulletinRecords> = SectionBuilder.make<BulletinRecords>({
  id: "assessment.bulletins",
  labels,
  sources: (r) => [{ kind: "assessment.records.bulletins", count: r.bulletin.length }],
  build: (r, { period, t }) => {
    const inPeriod = r.bulletin.filter((e) => e.date >= period.from && e.date <= period.to)
    const of = (kind: Bulletin.Kind) => inPeriod.filter((e) => e.kind === kind)
    return Report.section({
      id: "assessment.bulletins",
      title: t("assessment.bulletins.title"),
      figures: (["praise", "criticism"] as const).map((kind) =>
        Report.count({
          id: `bulletin-${kind}`,
          label: t(`assessment.bulletins.${kind}`),
          unit: t("unit.entries"),
          items: of(kind),
          inputLabel: t("assessment.records.bulletins"),
          formula: `count(bulletin entries of kind ${kind} dated in the period)`
        })
      )
    })
  }
})

/**
 * Records the task section reads.
 *
 * @since 0.1.0
 * @category models
 */
export interface TaskRecords {
  readonly taskLists: ReadonlyArray<TaskList.TaskList>
  /**
   * The responsibility lists (责任清单) the task lists name (`TaskList.responsibilityList`), for the progress per post
   * (optional).
   */
  readonly responsibilityLists?: ReadonlyArray<ResponsibilityList.ResponsibilityList>
}

/**
 * The task section (`assessment.tasks`), as of the last day of the period. Seed (Huichang): reform measures turned
 * into 398 tasks with responsibility lists. When a task list names a responsibility list among the records, the
 * section adds the table `task-posts` (责任岗位任务进度): for each post of that list (e.g. the "四级八岗"), by name with
 * its level's name, the tasks naming it, done, overdue and the completion rate (`TaskList.progressByPost`).
 *
 * @since 0.1.0
 * @category sections
 */
export const tasks: SectionBuilder.SectionBuilder<TaskRecords> = SectionBuilder.make<TaskRecords>({
  id: "assessment.tasks",
  labels,
  sources: (r) => [
    { kind: "assessment.records.tasks", count: r.taskLists.reduce((n, l) => n + l.tasks.length, 0) },
    ...(r.responsibilityLists === undefined
      ? []
      : [{ kind: "assessment.records.responsibilityLists", count: r.responsibilityLists.length }])
  ],
  build: (r, { period, t }) => {
    const lists = r.taskLists.map((l) => [l, TaskList.progress(l, period.to).total] as const)
    const total = lists.reduce((n, [, p]) => n + p.total, 0)
    const done = lists.reduce((n, [, p]) => n + p.done, 0)
    return Report.section({
      id: "assessment.tasks",
      title: t("assessment.tasks.title"),
      figures: [
        Report.sum({
          id: "tasks",
          label: t("assessment.tasks.total"),
          unit: t("unit.tasks"),
          items: lists,
          of: ([, p]) => p.total,
          inputLabel: t("assessment.tasks.list"),
          formula: "sum(tasks of each list)"
        }),
        Report.rate({
          id: "task-completion",
          label: t("assessment.tasks.completion"),
          numerator: done,
          numeratorLabel: t("assessment.tasks.done"),
          denominator: total,
          denominatorLabel: t("assessment.tasks.total"),
          formula: `tasks done by ${period.to} ÷ tasks`
        })
      ],
      tables: [
        new Report.Table({
          id: "task-lists",
          title: t("assessment.tasks.title"),
          columns: [
            new Report.Column({ id: "list", label: t("assessment.tasks.list"), type: "text" }),
            new Report.Column({ id: "tasks", label: t("assessment.tasks.total"), type: "integer" }),
            new Report.Column({ id: "done", label: t("assessment.tasks.done"), type: "integer" }),
            new Report.Column({ id: "overdue", label: t("assessment.tasks.overdue"), type: "integer" }),
            new Report.Column({ id: "rate", label: t("assessment.tasks.completion"), type: "percent" })
          ],
          rows: lists.map(([l, p]) => [l.name, p.total, p.done, p.overdue.length, p.completionRate])
        }),
        ...postTable(r, period.to, t)
      ]
    })
  }
})

const postTable = (
  r: TaskRecords,
  asOf: Report.Period["to"],
  t: (key: string) => string
): ReadonlyArray<Report.Table> => {
  const rows = r.taskLists.flatMap((l) => {
    const responsibility = (r.responsibilityLists ?? []).find((x) => x.id === l.responsibilityList)
    if (responsibility === undefined) return []
    return TaskList.progressByPost(l, responsibility, asOf).posts.map((p) => [
      l.name,
      p.levelName,
      p.name,
      p.total,
      p.done,
      p.overdue.length,
      p.completionRate
    ])
  })
  if (rows.length === 0) return []
  return [
    new Report.Table({
      id: "task-posts",
      title: t("assessment.tasks.byPost"),
      columns: [
        new Report.Column({ id: "list", label: t("assessment.tasks.list"), type: "text" }),
        new Report.Column({ id: "level", label: t("assessment.tasks.level"), type: "text" }),
        new Report.Column({ id: "post", label: t("assessment.tasks.post"), type: "text" }),
        new Report.Column({ id: "tasks", label: t("assessment.tasks.total"), type: "integer" }),
        new Report.Column({ id: "done", label: t("assessment.tasks.done"), type: "integer" }),
        new Report.Column({ id: "overdue", label: t("assessment.tasks.overdue"), type: "integer" }),
        new Report.Column({ id: "rate", label: t("assessment.tasks.completion"), type: "percent" })
      ],
      rows
    })
  ]
}

/**
 * Records a rating section reads.
 *
 * @since 0.1.0
 * @category models
 */
export interface RatingRecords {
  readonly assessments: ReadonlyArray<Assessment.Assessment>
}

/**
 * A rating section (评星定级、评选) for one rating scheme, over the assessments whose period ends in the report
 * period: units assessed, units selected by the scheme (threshold or quota), mean score, the decisions, and, with an
 * award policy, the horse and snail awards (骏马奖/蜗牛奖). Seed (Huichang): 23 "four-strong" branches; 25 model
 * organs.
 *
 * @since 0.1.0
 * @category sections
 */
export const ratings = (options: {
  readonly id: string
  readonly title: Labels.Entry
  readonly scheme: Rating.RatingScheme
  readonly awards?: Award.AwardPolicy
  /** Only the assessments scored with this indicator system (all of them when absent). */
  readonly system?: IndicatorSystemId
}): SectionBuilder.SectionBuilder<RatingRecords> =>
  SectionBuilder.make<RatingRecords>({
    id: options.id,
    labels: Labels.merge(labels, { entries: new Map([[`${options.id}.title`, options.title]]) }),
    sources: (r) => [{ kind: "assessment.records.assessments", count: r.assessments.length }],
    build: (r, { period, t }) => {
      const assessed = r.assessments.filter(
        (a) =>
          a.period.to >= period.from &&
          a.period.to <= period.to &&
          (options.system === undefined || a.system === options.system)
      )
      const result = Rating.rate(options.scheme, assessed)
      const awards = options.awards === undefined ? undefined : Award.awards(assessed, options.awards)
      const input = [new Report.Input({ label: t("assessment.records.assessments"), count: assessed.length })]
      return Report.section({
        id: options.id,
        title: t(`${options.id}.title`),
        figures: [
          Report.count({
            id: "assessed",
            label: t("assessment.ratings.assessed"),
            unit: t("unit.items"),
            items: assessed,
            inputLabel: t("assessment.records.assessments"),
            formula: "count(assessments whose period ends in the report period)"
          }),
          new Report.Figure({
            id: "selected",
            label: t("assessment.ratings.selected"),
            value: result.selected.length,
            kind: "integer",
            unit: t("unit.items"),
            computation: new Report.Computation({
              formula:
                options.scheme._tag === "Quota"
                  ? "top places by total within the quota"
                  : "totals at or above the threshold",
              inputs: input
            })
          }),
          new Report.Figure({
            id: "mean-score",
            label: t("assessment.ratings.mean"),
            value: assessed.length === 0 ? null : assessed.reduce((n, a) => n + a.total, 0) / assessed.length,
            kind: "decimal",
            unit: "",
            computation: new Report.Computation({ formula: "sum(totals) ÷ units assessed", inputs: input })
          }),
          ...(awards === undefined
            ? []
            : [
                new Report.Figure({
                  id: "horse-awards",
                  label: t("assessment.ratings.horse"),
                  value: awards.horse.length,
                  kind: "integer",
                  unit: t("unit.items"),
                  computation: new Report.Computation({
                    formula: "top places of the ranking, ties included",
                    inputs: input
                  })
                }),
                new Report.Figure({
                  id: "snail-awards",
                  label: t("assessment.ratings.snail"),
                  value: awards.snail.length,
                  kind: "integer",
                  unit: t("unit.items"),
                  computation: new Report.Computation({
                    formula: "bottom places of the ranking, ties included",
                    inputs: input
                  })
                })
              ])
        ],
        tables: [
          new Report.Table({
            id: "decisions",
            title: t("assessment.ratings.table"),
            columns: [
              new Report.Column({ id: "subject", label: t("assessment.ratings.subject"), type: "text" }),
              new Report.Column({ id: "total", label: t("assessment.ratings.total"), type: "decimal" }),
              new Report.Column({ id: "rank", label: t("assessment.ratings.rank"), type: "integer" }),
              new Report.Column({ id: "result", label: t("assessment.ratings.result"), type: "text" })
            ],
            rows: result.decisions.map((d) => [
              d.subject,
              d.total,
              d.rank,
              t(d.selected ? "assessment.ratings.yes" : "assessment.ratings.no")
            ])
          })
        ]
      })
    }
  })

/**
 * Every record the inspection, bulletin and task sections read.
 *
 * @since 0.1.0
 * @category models
 */
export type Records = InspectionRecords & BulletinRecords & TaskRecords

/**
 * Records the composite-index section reads: the task lists, and each responsibility list with the ids of the
 * duties fulfilled.
 *
 * @since 0.1.0
 * @category models
 */
export interface IndexRecords {
  readonly taskLists: ReadonlyArray<TaskList.TaskList>
  readonly responsibility: ReadonlyArray<{
    readonly list: ResponsibilityList.ResponsibilityList
    readonly fulfilled: ReadonlyArray<string>
  }>
}

/**
 * A composite-index section (综合指数, by default the "双清" index {@link Award.shuangQing}), as of the last day of the
 * period: the index on a 0–100 scale and the contribution of each component. It feeds the sources
 * `tasks.completion-rate` (tasks done ÷ tasks over every list) and `responsibility.fulfilment-rate` (duties
 * fulfilled ÷ duties over every list); a component the records cannot feed counts 0 and is noted. Seed (Huichang):
 * "双清" lists and the horse and snail awards.
 *
 * @since 0.1.0
 * @category sections
 */
export const index = (
  options: { readonly id?: string; readonly index?: Award.CompositeIndex; readonly title?: Labels.Entry } = {}
): SectionBuilder.SectionBuilder<IndexRecords> => {
  const composite = options.index ?? Award.shuangQing
  const id = options.id ?? "assessment.index"
  const title = `${id}.title`
  return SectionBuilder.make<IndexRecords>({
    id,
    labels: Labels.merge(
      labels,
      Labels.make({ [title]: options.title ?? { "zh-CN": composite.name, en: `${composite.name} index` } })
    ),
    sources: (r) => [
      { kind: "assessment.records.tasks", count: r.taskLists.reduce((n, l) => n + l.tasks.length, 0) },
      { kind: "assessment.records.responsibilityLists", count: r.responsibility.length }
    ],
    build: (r, { period, t }) => {
      const progress = r.taskLists.map((l) => TaskList.progress(l, period.to).total)
      const tasks = progress.reduce((n, p) => n + p.total, 0)
      const done = progress.reduce((n, p) => n + p.done, 0)
      const duties = r.responsibility.reduce((n, x) => n + x.list.duties.length, 0)
      const fulfilled = r.responsibility.reduce(
        (n, x) => n + Math.round(ResponsibilityList.fulfilmentRate(x.list, x.fulfilled) * x.list.duties.length),
        0
      )
      const sources: Record<string, number> = {}
      if (tasks > 0) sources["tasks.completion-rate"] = done / tasks
      if (duties > 0) sources["responsibility.fulfilment-rate"] = fulfilled / duties
      const value = Award.compute(composite, { sources })
      const componentName = (c: Award.IndexComponent) => {
        const key = c._tag === "Source" ? `assessment.index.source.${c.source}` : ""
        const label = key === "" ? key : t(key)
        return c._tag === "Indicator" ? c.indicator : label === key ? c.source : label
      }
      return Report.section({
        id,
        title: t(title),
        figures: [
          new Report.Figure({
            id: "index",
            label: composite.name,
            value: value.value,
            kind: "decimal",
            unit: t("assessment.index.points"),
            computation: new Report.Computation({
              formula: composite.components.map((c) => `${c.weight} × ${componentName(c)}`).join(" + "),
              inputs: [
                new Report.Input({ label: t("assessment.records.tasks"), count: tasks }),
                new Report.Input({ label: t("assessment.index.duties"), count: duties })
              ]
            })
          }),
          Report.rate({
            id: "index-task-completion",
            label: t("assessment.index.source.tasks.completion-rate"),
            numerator: done,
            numeratorLabel: t("assessment.tasks.done"),
            denominator: tasks,
            denominatorLabel: t("assessment.tasks.total"),
            formula: `tasks done by ${period.to} ÷ tasks`
          }),
          Report.rate({
            id: "index-responsibility-fulfilment",
            label: t("assessment.index.source.responsibility.fulfilment-rate"),
            numerator: fulfilled,
            numeratorLabel: t("assessment.index.fulfilled"),
            denominator: duties,
            denominatorLabel: t("assessment.index.duties"),
            formula: "duties fulfilled ÷ duties"
          })
        ],
        tables: [
          new Report.Table({
            id: "index-parts",
            title: t("assessment.index.parts"),
            columns: [
              new Report.Column({ id: "component", label: t("assessment.index.component"), type: "text" }),
              new Report.Column({ id: "weight", label: t("assessment.index.weight"), type: "decimal" }),
              new Report.Column({ id: "percent", label: t("assessment.index.percent"), type: "decimal" }),
              new Report.Column({ id: "contribution", label: t("assessment.index.contribution"), type: "decimal" })
            ],
            rows: value.parts.map((p) => [componentName(p.component), p.component.weight, p.percent, p.contribution])
          })
        ],
        notes: value.findings.map((f) => f.message)
      })
    }
  })
}

/**
 * Records the organisational-life section reads: the records and the units expected to hold them.
 *
 * @since 0.1.0
 * @category models
 */
export interface OrgLifeRecords {
  readonly orgLifeRecords: ReadonlyArray<OrgLife.OrgLifeRecord>
  readonly orgLifeUnits: ReadonlyArray<OrgUnitId>
}

/**
 * The organisational-life section (`assessment.orgLife`, 组织生活落实情况, "三会一课" and the rest) over the report
 * period: units checked, units meeting the frequency policy, and per kind the required and held buckets, with
 * {@link OrgLife.compliance}. The policy defaults to {@link OrgLife.defaultPolicy}.
 *
 * @since 0.1.0
 * @category sections
 */
export const orgLife = (
  options: { readonly policy?: OrgLife.FrequencyPolicy } = {}
): SectionBuilder.SectionBuilder<OrgLifeRecords> =>
  SectionBuilder.make<OrgLifeRecords>({
    id: "assessment.orgLife",
    labels,
    sources: (r) => [{ kind: "assessment.records.orgLife", count: r.orgLifeRecords.length }],
    build: (r, { period, t }) => {
      const results = r.orgLifeUnits.map((u) =>
        OrgLife.compliance(r.orgLifeRecords, u, period.from, period.to, options.policy)
      )
      const compliant = results.filter((c) => c.compliant).length
      const policy = options.policy ?? OrgLife.defaultPolicy
      const rows = Object.keys(policy.frequencies).map((kind) => {
        const lines = results.flatMap((c) => c.kinds.filter((k) => k.kind === kind))
        const required = lines.reduce((n, k) => n + k.required, 0)
        const met = lines.reduce((n, k) => n + k.met, 0)
        const frequency = lines[0]?.frequency ?? policy.frequencies[kind] ?? "none"
        return { kind, frequency, required, met }
      })
      return Report.section({
        id: "assessment.orgLife",
        title: t("assessment.orgLife.title"),
        figures: [
          Report.count({
            id: "org-life-units",
            label: t("assessment.orgLife.units"),
            unit: t("unit.items"),
            items: r.orgLifeUnits,
            inputLabel: t("assessment.orgLife.units"),
            formula: "count(units expected to hold organisational life)"
          }),
          Report.rate({
            id: "org-life-compliance",
            label: t("assessment.orgLife.rate"),
            numerator: compliant,
            numeratorLabel: t("assessment.orgLife.compliant"),
            denominator: results.length,
            denominatorLabel: t("assessment.orgLife.units"),
            formula: `units with every required meeting held in ${period.from} to ${period.to} ÷ units`
          }),
          Report.sum({
            id: "org-life-missed",
            label: t("assessment.orgLife.missed"),
            unit: t("unit.items"),
            items: results,
            of: (c) => c.kinds.reduce((n, k) => n + k.missed.length, 0),
            inputLabel: t("assessment.orgLife.units"),
            formula: "sum(required periods without a counted meeting)"
          })
        ],
        tables: [
          new Report.Table({
            id: "org-life-by-kind",
            title: t("assessment.orgLife.byKind"),
            columns: [
              new Report.Column({ id: "kind", label: t("assessment.orgLife.kind"), type: "text" }),
              new Report.Column({ id: "frequency", label: t("assessment.orgLife.frequency"), type: "text" }),
              new Report.Column({ id: "required", label: t("assessment.orgLife.required"), type: "integer" }),
              new Report.Column({ id: "met", label: t("assessment.orgLife.met"), type: "integer" }),
              new Report.Column({ id: "rate", label: t("assessment.orgLife.rate"), type: "percent" })
            ],
            rows: rows.map((x) => [
              t(`assessment.orgLife.kind.${x.kind}`),
              t(`assessment.orgLife.frequency.${x.frequency}`),
              x.required,
              x.met,
              x.required === 0 ? null : x.met / x.required
            ])
          })
        ],
        notes: results.flatMap((c) => c.findings.map((f) => f.message))
      })
    }
  })

/**
 * Records the brand section reads.
 *
 * @since 0.1.0
 * @category models
 */
export interface BrandRecords {
  readonly brands: ReadonlyArray<Brand.BrandChecklist>
}

/**
 * The brand section (`assessment.brands`, 一机关一品牌): brands declared and those meeting the four requirements
 * ({@link Brand.check}). Seed (Huichang): more than ten organ brands.
 *
 * @since 0.1.0
 * @category sections
 */
export const brands: SectionBuilder.SectionBuilder<BrandRecords> = SectionBuilder.make<BrandRecords>({
  id: "assessment.brands",
  labels,
  sources: (r) => [{ kind: "assessment.records.brands", count: r.brands.length }],
  build: (r, { t }) => {
    const checks = r.brands.map((b) => [b, Brand.check(b)] as const)
    const passed = checks.filter(([, c]) => c.passed).length
    return Report.section({
      id: "assessment.brands",
      title: t("assessment.brands.title"),
      figures: [
        Report.count({
          id: "brands",
          label: t("assessment.brands.count"),
          unit: t("unit.items"),
          items: r.brands,
          inputLabel: t("assessment.records.brands"),
          formula: "count(brand checklists)"
        }),
        Report.rate({
          id: "brands-passed",
          label: t("assessment.brands.rate"),
          numerator: passed,
          numeratorLabel: t("assessment.brands.passed"),
          denominator: r.brands.length,
          denominatorLabel: t("assessment.brands.count"),
          formula: "brands with a name, practice, sector features and results ÷ brands"
        })
      ],
      tables: [
        new Report.Table({
          id: "brand-checklists",
          title: t("assessment.brands.title"),
          columns: [
            new Report.Column({ id: "brand", label: t("assessment.brands.name"), type: "text" }),
            new Report.Column({ id: "unit", label: t("assessment.ratings.subject"), type: "text" }),
            new Report.Column({ id: "missing", label: t("assessment.brands.missing"), type: "text" })
          ],
          rows: checks.map(([b, c]) => [
            b.name ?? t("assessment.brands.unnamed"),
            b.unit,
            c.missing.map((m) => t(`assessment.brands.req.${m}`)).join("、")
          ])
        })
      ],
      notes: checks.flatMap(([, c]) => c.findings.map((f) => f.message))
    })
  }
})
