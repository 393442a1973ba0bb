/**
 * Report section of the organisation context (组织体系统计): organisation units by kind (e.g. 10 grid party groups
 * under the compound branch), posts held at the end of the period by kind (50 party-member building backbones,
 * 10 property stewards), and partnerships by type ("1+2" co-building), computed from unit, post, holding and
 * partnership records.
 *
 * @since 0.1.0
 */
import * as Labels from "../report/Labels.js"
import * as Report from "../report/Report.js"
import * as SectionBuilder from "../report/SectionBuilder.js"
import * as OrgKind from "./OrgKind.js"
import type * as OrgUnit from "./OrgUnit.js"
import * as Partnership from "./Partnership.js"
import * as Post from "./Post.js"

/**
 * The labels of the organisation section.
 *
 * @since 0.1.0
 * @category labels
 */
export const labels: Labels.Labels = Labels.make({
  "org.title": { "zh-CN": "组织体系", en: "Organisation" },
  "org.units": { "zh-CN": "组织", en: "Organisation units" },
  "org.unitsByKind": { "zh-CN": "各类组织", en: "Units by kind" },
  "org.kind": { "zh-CN": "类型", en: "Kind" },
  "org.count": { "zh-CN": "数量", en: "Count" },
  "org.postsHeld": { "zh-CN": "在岗人员", en: "Posts held" },
  "org.postsByKind": { "zh-CN": "各类岗位在岗人数", en: "Posts held by kind" },
  "org.partnerships": { "zh-CN": "共建结对", en: "Partnerships" },
  "org.partnershipsByType": { "zh-CN": "共建结对类型", en: "Partnerships by type" },
  "org.partnership.co-building": { "zh-CN": "党建共建", en: "Co-building" },
  "org.partnership.pairing": { "zh-CN": "结对共建", en: "Pairing" },
  "org.partnership.dual-registration": { "zh-CN": "双报到", en: "Dual registration" },
  "org.partnership.enlarged-committee": { "zh-CN": "大党委", en: "Enlarged committee" },
  "org.records.units": { "zh-CN": "组织", en: "organisation unit" },
  "org.records.holdings": { "zh-CN": "任职", en: "post holding" },
  "org.records.partnerships": { "zh-CN": "共建", en: "partnership" },
  "unit.items": { "zh-CN": "个", en: "" },
  "unit.people": { "zh-CN": "人", en: "people" }
})

/**
 * Records the organisation section reads.
 *
 * @since 0.1.0
 * @category models
 */
export interface Records {
  readonly units: ReadonlyArray<OrgUnit.OrgUnit>
  readonly posts: ReadonlyArray<Post.Post>
  readonly holdings: ReadonlyArray<Post.Holding>
  readonly partnerships: ReadonlyArray<Partnership.Partnership>
}

const kindName = (registry: OrgKind.Registry, id: string, locale: Labels.Locale): string => {
  const k = OrgKind.lookup(registry, id)
  return k === undefined ? id : locale === "zh-CN" ? k.nameZh : k.nameEn
}

const postName = (kind: string, locale: Labels.Locale): string => {
  const k = Post.knownKinds[kind]
  return k === undefined ? kind : locale === "zh-CN" ? k.nameZh : k.nameEn
}

const countBy = <A>(items: ReadonlyArray<A>, key: (a: A) => string): Array<readonly [string, number]> => {
  const m = new Map<string, number>()
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1)
  return [...m]
}

/**
 * The organisation section (`org.structure`), with the kinds of unit named from a kind registry (default
 * {@link OrgKind.defaultRegistry}). Seed: five-level linkage — 10 grid party groups, 50 party-member building
 * backbones; "1+2" co-building of the community general branch with the compound and property-company branches.
 *
 * @since 0.1.0
 * @category sections
 */
export const section = (options: { readonly kinds?: OrgKind.Registry } = {}): SectionBuilder.SectionBuilder<Records> =>
  SectionBuilder.make<Records>({
    id: "org.structure",
    labels,
    sources: (r) => [
      { kind: "org.records.units", count: r.units.length },
      { kind: "org.records.holdings", count: r.holdings.length },
      { kind: "org.records.partnerships", count: r.partnerships.length }
    ],
    build: (r, { locale, period, t }) => {
      const kinds = options.kinds ?? OrgKind.defaultRegistry
      const unitsByKind = countBy(r.units, (u) => u.kind)
      const postKind = new Map(r.posts.map((p) => [p.id, p.kind]))
      const held = r.holdings.filter((h) => Post.isActive(h, period.to) && postKind.has(h.post))
      const heldByKind = countBy(held, (h) => postKind.get(h.post) ?? "")
      const active = r.partnerships
      const byType = Partnership.Type.literals.map(
        (type) => [type, active.filter((p) => p.type === type).length] as const
      )
      return Report.section({
        id: "org.structure",
        title: t("org.title"),
        figures: [
          Report.count({
            id: "org-units",
            label: t("org.units"),
            unit: t("unit.items"),
            items: r.units,
            inputLabel: t("org.records.units"),
            formula: "count(organisation units)"
          }),
          ...unitsByKind.map(
            ([kind, n]) =>
              new Report.Figure({
                id: `units-${kind}`,
                label: kindName(kinds, kind, locale),
                value: n,
                kind: "integer",
                unit: t("unit.items"),
                computation: new Report.Computation({
                  formula: `count(units of kind ${kind})`,
                  inputs: [new Report.Input({ label: t("org.records.units"), count: r.units.length })]
                })
              })
          ),
          ...heldByKind.map(
            ([kind, n]) =>
              new Report.Figure({
                id: `posts-${kind}`,
                label: postName(kind, locale),
                value: n,
                kind: "integer",
                unit: t("unit.people"),
                computation: new Report.Computation({
                  formula: `count(holdings of ${kind} posts active on ${period.to})`,
                  inputs: [new Report.Input({ label: t("org.records.holdings"), count: r.holdings.length })]
                })
              })
          ),
          Report.count({
            id: "partnerships",
            label: t("org.partnerships"),
            unit: t("unit.items"),
            items: active,
            inputLabel: t("org.records.partnerships"),
            formula: "count(partnerships)"
          })
        ],
        tables: [
          new Report.Table({
            id: "units-by-kind",
            title: t("org.unitsByKind"),
            columns: [
              new Report.Column({ id: "kind", label: t("org.kind"), type: "text" }),
              new Report.Column({ id: "count", label: t("org.count"), type: "integer" })
            ],
            rows: unitsByKind.map(([kind, n]) => [kindName(kinds, kind, locale), n])
          }),
          new Report.Table({
            id: "partnerships-by-type",
            title: t("org.partnershipsByType"),
            columns: [
              new Report.Column({ id: "type", label: t("org.kind"), type: "text" }),
              new Report.Column({ id: "count", label: t("org.count"), type: "integer" })
            ],
            rows: byType.map(([type, n]) => [t(`org.partnership.${type}`), n])
          })
        ],
        series: [
          new Report.Series({
            id: "posts-by-kind",
            title: t("org.postsByKind"),
            kind: "bar",
            unit: t("unit.people"),
            categories: heldByKind.map(([kind]) => postName(kind, locale)),
            data: [new Report.SeriesData({ name: t("org.postsHeld"), values: heldByKind.map(([, n]) => n) })]
          })
        ]
      })
    }
  })
