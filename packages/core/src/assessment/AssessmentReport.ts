/**
 * Report sections of the assessment context (考核评价统计): sit-in inspections and the rectification of their
 * suggestions (巡学旁听与整改), praise and criticism bulletins (表扬栏、批评栏) and task lists (任务清单), computed
 * from inspection, rectification, bulletin and task records.
 *
 * @since 0.1.0
 */
import * as Labels from "../report/Labels.js"
import * as Report from "../report/Report.js"
import * as SectionBuilder from "../report/SectionBuilder.js"
import type * as Assessment from "./Assessment.js"
import * as Award from "./Award.js"
import type * as Bulletin from "./Bulletin.js"
import * as Inspection from "./Inspection.js"
import * as Rating from "./Rating.js"
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
 * The inspection section (`assessment.inspections`), as of the last day of the period. Seed (Huichang): 108 sit-in
 * inspections of 19 townships and 71 county units, 229 suggestions, all rectified.
 *
 * @since 0.1.0
 * @category sections
 */
export const inspections: SectionBuilder.SectionBuilder<InspectionRecords> = SectionBuilder.make<InspectionRecords>({
  id: "assessment.inspections",
  labels,
  sources: (r) => [
    { kind: "assessment.records.inspections", count: r.inspections.length },
    { kind: "assessment.records.rectifications", count: r.rectifications.length }
  ],
  build: (r, { period, t }) => {
    const inPeriod = r.inspections.filter((i) => i.date >= period.from && i.date <= period.to)
    const rep = Inspection.report(inPeriod, r.rectifications, period.to)
    const input = (count: number) => [new Report.Input({ label: t("assessment.records.inspections"), count })]
    const kinds = Inspection.UnitKind.literals
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
            const f = rep.byKind[k]
            return [
              t(`assessment.unitKind.${k}`),
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
          categories: kinds.map((k) => t(`assessment.unitKind.${k}`)),
          data: [
            new Report.SeriesData({
              name: t("assessment.inspections.count"),
              values: kinds.map((k) => rep.byKind[k].inspections)
            }),
            new Report.SeriesData({
              name: t("assessment.inspections.suggestions"),
              values: kinds.map((k) => rep.byKind[k].suggestions)
            })
          ]
        })
      ]
    })
  }
})

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
}

/**
 * The task section (`assessment.tasks`), as of the last day of the period. Seed (Huichang): reform measures turned
 * into 398 tasks with responsibility lists.
 *
 * @since 0.1.0
 * @category sections
 */
export const tasks: SectionBuilder.SectionBuilder<TaskRecords> = SectionBuilder.make<TaskRecords>({
  id: "assessment.tasks",
  labels,
  sources: (r) => [{ kind: "assessment.records.tasks", count: r.taskLists.reduce((n, l) => n + l.tasks.length, 0) }],
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
        })
      ]
    })
  }
})

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
}): SectionBuilder.SectionBuilder<RatingRecords> =>
  SectionBuilder.make<RatingRecords>({
    id: options.id,
    labels: Labels.merge(labels, { entries: new Map([[`${options.id}.title`, options.title]]) }),
    sources: (r) => [{ kind: "assessment.records.assessments", count: r.assessments.length }],
    build: (r, { period, t }) => {
      const assessed = r.assessments.filter((a) => a.period.to >= period.from && a.period.to <= period.to)
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
