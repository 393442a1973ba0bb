/**
 * Report labels (报表标签): the words a report prints, in Chinese (default) and English, looked up by a stable label
 * id. Contexts and plugins extend the registry with {@link merge}; a missing label prints its id and is reported by
 * {@link missing}, never thrown.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Finding } from "../kernel/Finding.js"
import * as Plugin from "../plugin/Plugin.js"

/**
 * The languages a report is written in: simplified Chinese (default) and English.
 *
 * @since 0.1.0
 * @category models
 */
export const Locale = Schema.Literal("zh-CN", "en")
/**
 * @since 0.1.0
 * @category models
 */
export type Locale = typeof Locale.Type

/**
 * The locale used when none is given: simplified Chinese, the language of the practice the library serves.
 *
 * @since 0.1.0
 * @category defaults
 */
export const defaultLocale: Locale = "zh-CN"

/**
 * One label in every supported locale. Text may hold `{name}` placeholders filled by {@link text}.
 *
 * @since 0.1.0
 * @category models
 */
export class Entry extends Schema.Class<Entry>("@zhili/LabelEntry")({
  "zh-CN": Schema.String,
  en: Schema.String
}) {}

/**
 * A registry of labels keyed by label id (`report.period`, `visit.households`). Immutable: {@link merge} returns a
 * new registry.
 *
 * @since 0.1.0
 * @category models
 */
export interface Labels {
  readonly entries: ReadonlyMap<string, Entry>
}

/**
 * Builds a registry from plain `{ id: { "zh-CN": …, en: … } }` data.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (entries: Readonly<Record<string, { readonly "zh-CN": string; readonly en: string }>>): Labels => ({
  entries: new Map(Object.entries(entries).map(([id, e]) => [id, new Entry({ "zh-CN": e["zh-CN"], en: e.en })]))
})

/**
 * Combines registries; a later registry overrides an earlier one for the same id, so a host can reword any label.
 *
 * @since 0.1.0
 * @category combinators
 */
export const merge = (...registries: ReadonlyArray<Labels>): Labels => ({
  entries: new Map(registries.flatMap((r) => [...r.entries]))
})

/**
 * The text of a label in a locale with `{name}` placeholders filled from `params`. An unknown id prints as the id
 * itself so that a report still renders; use {@link missing} to find such ids.
 *
 * @since 0.1.0
 * @category lookup
 */
export const text = (
  labels: Labels,
  id: string,
  locale: Locale,
  params: Readonly<Record<string, string | number>> = {}
): string => {
  const entry = labels.entries.get(id)
  const template = entry === undefined ? id : entry[locale]
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
    const value = params[name]
    return value === undefined ? whole : String(value)
  })
}

/**
 * Lists the ids a registry lacks, as `report/missing-label` findings.
 *
 * @since 0.1.0
 * @category rules
 */
export const missing = (labels: Labels, ids: ReadonlyArray<string>): ReadonlyArray<Finding> =>
  ids
    .filter((id) => !labels.entries.has(id))
    .map(
      (id) =>
        new Finding({
          code: "report/missing-label",
          severity: "warning",
          path: ["labels", id],
          message: `label "${id}" has no text; the report prints the id instead`
        })
    )

/**
 * The labels of the report itself (period, scope, formula, masking notes …) that every renderer prints.
 *
 * @since 0.1.0
 * @category defaults
 */
export const report: Labels = make({
  "report.title": { "zh-CN": "标题", en: "Title" },
  "report.item": { "zh-CN": "项目", en: "Item" },
  "report.period": { "zh-CN": "统计期间", en: "Period" },
  "report.scope": { "zh-CN": "统计范围", en: "Scope" },
  "report.generatedAt": { "zh-CN": "生成时间", en: "Generated at" },
  "report.generatedFrom": { "zh-CN": "数据来源", en: "Computed from" },
  "report.contents": { "zh-CN": "目录", en: "Contents" },
  "report.figures": { "zh-CN": "主要指标", en: "Key figures" },
  "report.figure": { "zh-CN": "指标", en: "Figure" },
  "report.value": { "zh-CN": "数值", en: "Value" },
  "report.unit": { "zh-CN": "单位", en: "Unit" },
  "report.section": { "zh-CN": "章节", en: "Section" },
  "report.formula": { "zh-CN": "计算方法", en: "How computed" },
  "report.inputs": { "zh-CN": "计算依据", en: "Inputs" },
  "report.tables": { "zh-CN": "表格", en: "Tables" },
  "report.charts": { "zh-CN": "图表", en: "Charts" },
  "report.notes": { "zh-CN": "说明", en: "Notes" },
  "report.noData": { "zh-CN": "无数据", en: "no data" },
  "report.masked": {
    "zh-CN": "个人信息已按默认规则脱敏。",
    en: "Personal information is masked by default."
  },
  "report.disclosed": {
    "zh-CN": "本报表按申请披露了部分个人信息，理由：{reason}",
    en: "Some personal information is disclosed on request; reason: {reason}"
  },
  "report.records": { "zh-CN": "{count} 条{kind}记录", en: "{count} {kind} records" },
  "report.recordsNone": { "zh-CN": "无记录", en: "no records" },
  "report.sections": { "zh-CN": "章节", en: "Sections" },
  "report.table": { "zh-CN": "表", en: "Table" },
  "unit.percent": { "zh-CN": "%", en: "%" }
})

/**
 * The default registry: the report labels. Contexts add theirs with {@link merge} when they register a section.
 *
 * @since 0.1.0
 * @category defaults
 */
export const defaults: Labels = report

/**
 * One label as a plugin contributes it: the id and its text in every locale. Plugins namespace their ids by plugin
 * id (`my-city/case.hotline`) or override an existing id with `{ override: true }` to reword it.
 *
 * @since 0.1.0
 * @category models
 */
export class Definition extends Schema.Class<Definition>("@zhili/LabelDefinition")({
  id: Schema.String.pipe(Schema.minLength(1, { message: () => "a label id is not empty" })),
  "zh-CN": Schema.String,
  en: Schema.String
}) {}

/**
 * The extension point `report.labels`: plugins contribute report labels here.
 *
 * @since 0.1.0
 * @category plugins
 */
export const point: Plugin.ExtensionPoint<Definition> = Plugin.extensionPoint({
  id: "report.labels",
  description: "Report labels (报表标签) in Chinese and English, keyed by label id",
  schema: Definition,
  key: (d) => d.id
})

/**
 * The labels contributed by composed plugins, over the {@link defaults} (a contributed id replaces the default).
 *
 * @since 0.1.0
 * @category plugins
 */
export const fromPlugins = (registry: Plugin.Registry, base: Labels = defaults): Labels =>
  merge(base, {
    entries: new Map(registry.values(point).map((d) => [d.id, new Entry({ "zh-CN": d["zh-CN"], en: d.en })]))
  })

/**
 * A registry's labels as definitions, for contributing them to {@link point}.
 *
 * @since 0.1.0
 * @category plugins
 */
export const definitionsOf = (labels: Labels): ReadonlyArray<Definition> =>
  [...labels.entries].map(([id, e]) => new Definition({ id, "zh-CN": e["zh-CN"], en: e.en }))

/**
 * The core default pack's contribution: the {@link defaults} report labels, so a plugin rewording one says
 * `override: true`.
 *
 * @since 0.1.0
 * @category plugins
 */
export const defaultContributions: ReadonlyArray<Plugin.Contribution> = [
  Plugin.contribute(point, definitionsOf(defaults))
]
