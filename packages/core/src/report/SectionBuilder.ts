/**
 * Section builders (报表章节): the contract each context implements to add its section to reports, the registry
 * that holds them by id, the report specification and {@link build}, which composes a document from records.
 *
 * A builder is a pure function of (records, period, scope, locale): no clock (the generation instant is part of the
 * specification), no I/O. Records are handed in already limited to the scope (the store's scoped queries do that);
 * builders count them, never read stored totals.
 *
 * @since 0.1.0
 */
import { Either, Schema } from "effect"
import * as Privacy from "../kernel/Privacy.js"
import * as Plugin from "../plugin/Plugin.js"
import * as Labels from "./Labels.js"
import * as Report from "./Report.js"

/**
 * What a builder knows besides its records: the period, scope and locale of the report, the merged labels, the
 * disclosure (if any) that allows unmasked personal data, and `t`, a shortcut for {@link Labels.text}.
 *
 * @since 0.1.0
 * @category models
 */
export interface BuildContext {
  readonly period: Report.Period
  readonly scope: Report.ScopeRef
  readonly locale: Labels.Locale
  readonly labels: Labels.Labels
  readonly disclosure: Privacy.Disclosure | undefined
  readonly t: (id: string, params?: Readonly<Record<string, string | number>>) => string
}

/**
 * How many records of one kind a section read, for the report's "computed from" note. `kind` is a label id.
 *
 * @since 0.1.0
 * @category models
 */
export interface SourceCount {
  readonly kind: string
  readonly count: number
}

/**
 * A section builder: registered by `id`, bringing its own `labels`, saying which records it read (`sources`) and
 * building its section. `R` is the record set it needs; a builder of fewer records fits a registry of more.
 *
 * @since 0.1.0
 * @category models
 */
export interface SectionBuilder<in R> {
  readonly id: string
  readonly labels: Labels.Labels
  readonly sources: (records: R, context: BuildContext) => ReadonlyArray<SourceCount>
  readonly build: (records: R, context: BuildContext) => Report.Section
}

/**
 * Builds a section builder (identity, for inference).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = <R>(builder: SectionBuilder<R>): SectionBuilder<R> => builder

/**
 * Section builders by id, in the order a default report lists them.
 *
 * @since 0.1.0
 * @category models
 */
export interface Registry<in R> {
  readonly builders: ReadonlyMap<string, SectionBuilder<R>>
}

/**
 * Two builders were registered under one id.
 *
 * @since 0.1.0
 * @category errors
 */
export class DuplicateSection extends Schema.TaggedError<DuplicateSection>()("DuplicateSection", {
  id: Schema.String
}) {
  override get message(): string {
    return `section builder "${this.id}" is registered twice; give one of them another id`
  }
}

/**
 * A report asked for a section no builder is registered for.
 *
 * @since 0.1.0
 * @category errors
 */
export class UnknownSection extends Schema.TaggedError<UnknownSection>()("UnknownSection", {
  id: Schema.String,
  known: Schema.Array(Schema.String)
}) {
  override get message(): string {
    return `report section "${this.id}" has no builder; registered: ${this.known.length === 0 ? "none" : this.known.join(", ")}`
  }
}

/**
 * A builder over a larger record set: `pick` selects the records `builder` reads (a city's and a community's records
 * in one report, each section over its own). Same id, labels and section.
 *
 * @since 0.2.0
 * @category combinators
 */
export const mapRecords = <R, S>(builder: SectionBuilder<R>, pick: (records: S) => R): SectionBuilder<S> => ({
  id: builder.id,
  labels: builder.labels,
  sources: (records, context) => builder.sources(pick(records), context),
  build: (records, context) => builder.build(pick(records), context)
})

/**
 * An empty registry.
 *
 * @since 0.1.0
 * @category constructors
 */
export const empty: Registry<unknown> = { builders: new Map() }

/**
 * Adds builders to a registry, failing on an id registered twice.
 *
 * @since 0.1.0
 * @category combinators
 */
export const register = <R>(
  registry: Registry<R>,
  ...builders: ReadonlyArray<SectionBuilder<R>>
): Either.Either<Registry<R>, DuplicateSection> => {
  const next = new Map(registry.builders)
  for (const b of builders) {
    if (next.has(b.id)) return Either.left(new DuplicateSection({ id: b.id }))
    next.set(b.id, b)
  }
  return Either.right({ builders: next })
}

/**
 * What to report: title, period, scope, locale, the section ids in order (all registered sections when omitted),
 * the generation instant (an argument, never read from a clock) and an optional disclosure with its reason.
 *
 * @since 0.1.0
 * @category models
 */
export class ReportSpec extends Schema.Class<ReportSpec>("@zhili/ReportSpec")({
  title: Schema.String,
  period: Report.Period,
  scope: Report.ScopeRef,
  locale: Schema.optionalWith(Labels.Locale, { default: () => Labels.defaultLocale }),
  sections: Schema.optional(Schema.Array(Schema.String)),
  generatedAt: Schema.DateTimeUtc,
  disclosure: Schema.optional(Privacy.Disclosure)
}) {}

/**
 * Composes a report: runs each requested builder over the records and writes the "computed from" note from the
 * record counts the builders report. Pure: the same spec and records always give the same document.
 *
 * @since 0.1.0
 * @category building
 */
export const build = <R>(
  spec: ReportSpec,
  records: R,
  registry: Registry<R>,
  labels: Labels.Labels = Labels.defaults
): Either.Either<Report.ReportDocument, UnknownSection> => {
  const ids = spec.sections ?? [...registry.builders.keys()]
  const chosen: Array<SectionBuilder<R>> = []
  for (const id of ids) {
    const builder = registry.builders.get(id)
    if (builder === undefined) return Either.left(new UnknownSection({ id, known: [...registry.builders.keys()] }))
    chosen.push(builder)
  }
  const merged = Labels.merge(Labels.defaults, ...chosen.map((b) => b.labels), labels)
  const context: BuildContext = {
    period: spec.period,
    scope: spec.scope,
    locale: spec.locale,
    labels: merged,
    disclosure: spec.disclosure,
    t: (id, params) => Labels.text(merged, id, spec.locale, params)
  }
  const sections = chosen.map((b) => b.build(records, context))
  const counts = new Map<string, number>()
  for (const b of chosen) {
    for (const s of b.sources(records, context)) counts.set(s.kind, Math.max(counts.get(s.kind) ?? 0, s.count))
  }
  return Either.right(
    new Report.ReportDocument({
      title: spec.title,
      period: spec.period,
      scope: spec.scope,
      locale: spec.locale,
      generatedAt: spec.generatedAt,
      generatedFrom: generatedFrom(counts, context),
      ...(spec.disclosure === undefined ? {} : { disclosure: spec.disclosure }),
      sections
    })
  )
}

const generatedFrom = (counts: ReadonlyMap<string, number>, context: BuildContext): string => {
  if (counts.size === 0) return context.t("report.recordsNone")
  const parts = [...counts].map(([kind, count]) => context.t("report.records", { count, kind: context.t(kind) }))
  return parts.join(context.locale === "zh-CN" ? "、" : ", ")
}

/**
 * A section builder as a plugin contributes it, whatever records it reads.
 *
 * @since 0.1.0
 * @category plugins
 */
export type AnySectionBuilder = SectionBuilder<never>

/**
 * Schema of a contributed section builder: an object with a non-empty string `id`, `labels`, and `sources` and
 * `build` functions.
 *
 * @since 0.1.0
 * @category plugins
 */
export const AnySectionBuilderSchema: Schema.Schema<AnySectionBuilder> = Plugin.contributionSchema<AnySectionBuilder>({
  identifier: "SectionBuilder",
  description: "a section builder: { id, labels, sources(), build() }",
  members: { labels: "object", sources: "function", build: "function" }
})

/**
 * Extension point `report.sections`: report section builders (报表栏目), keyed by builder id.
 *
 * @since 0.1.0
 * @category plugins
 */
export const sectionsPoint: Plugin.ExtensionPoint<AnySectionBuilder> = Plugin.extensionPoint({
  id: "report.sections",
  description: "Report section builders (报表栏目), keyed by builder id.",
  schema: AnySectionBuilderSchema,
  key: (b) => b.id
})

/**
 * The section builders of a composed registry as a section registry over the host's records `R` (the host states
 * which records its builders read; a builder of fewer records fits).
 *
 * @since 0.1.0
 * @category plugins
 */
export const fromPlugins = <R>(registry: Plugin.Registry): Registry<R> => ({
  builders: new Map(registry.values(sectionsPoint).map((b) => [b.id, b as SectionBuilder<R>]))
})
