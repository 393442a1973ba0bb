/**
 * Report section of the organisation context (组织体系统计): organisation units by kind (e.g. 10 grid party groups
 * under the compound branch), posts held at the end of the period by kind (50 party-member building backbones,
 * 10 property stewards), and partnerships in force at the end of the period by type ("1+2" co-building), computed
 * from unit, post, holding and partnership records.
 *
 * @since 0.1.0
 */
import * as Labels from "../report/Labels.js"
import * as Report from "../report/Report.js"
import * as SectionBuilder from "../report/SectionBuilder.js"
import type * as Membership from "./Membership.js"
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
  "org.linkage.title": { "zh-CN": "结对共建与双报到", en: "Pairing and dual registration" },
  "org.linkage.organs": { "zh-CN": "机关党组织", en: "Organ branches" },
  "org.linkage.fullyPaired": { "zh-CN": "“1+4”结对全覆盖", en: "Organs paired in all four categories" },
  "org.linkage.pairingCoverage": { "zh-CN": "“1+4”结对覆盖率", en: '"1+4" pairing coverage' },
  "org.linkage.categoriesCovered": { "zh-CN": "已结对类别", en: "categories paired" },
  "org.linkage.categoriesRequired": { "zh-CN": "应结对类别", en: "categories required" },
  "org.linkage.unpaired": { "zh-CN": "未结对基层组织", en: "Unpaired grassroots units" },
  "org.linkage.unitsRegistered": { "zh-CN": "组织双报到", en: "Units registered with a community" },
  "org.linkage.dualRegistration": { "zh-CN": "党员双报到率", en: "Dual-registration rate" },
  "org.linkage.members": { "zh-CN": "在册党员", en: "members" },
  "org.linkage.registered": { "zh-CN": "已报到党员", en: "members registered" },
  "org.linkage.unit": { "zh-CN": "组织", en: "Unit" },
  "org.linkage.missing": { "zh-CN": "未结对类别", en: "Categories not paired" },
  "org.linkage.unitRegistered": { "zh-CN": "组织已报到", en: "Unit registered" },
  "org.linkage.yes": { "zh-CN": "是", en: "yes" },
  "org.linkage.no": { "zh-CN": "否", en: "no" },
  "org.linkage.share": { "zh-CN": "报到率", en: "Share registered" },
  "org.linkage.lines": { "zh-CN": "机关党组织结对与报到", en: "Organ branches: pairing and registration" },
  "org.pairingCategory.village": { "zh-CN": "村党组织", en: "village" },
  "org.pairingCategory.community": { "zh-CN": "社区党组织", en: "community" },
  "org.pairingCategory.two-new": { "zh-CN": "两新党组织", en: "two-new" },
  "org.pairingCategory.floating": { "zh-CN": "流动党员党组织", en: "floating members" },
  "org.records.memberships": { "zh-CN": "党员组织关系", en: "membership" },
  "org.records.registrations": { "zh-CN": "党员报到", en: "member registration" },
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
      const active = r.partnerships.filter((p) => Partnership.isActive(p, period.to))
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
            formula: `count(partnerships active on ${period.to})`
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

/**
 * Records the pairing and dual-registration section reads.
 *
 * @since 0.1.0
 * @category models
 */
export interface LinkageRecords {
  readonly units: ReadonlyArray<OrgUnit.OrgUnit>
  readonly memberships: ReadonlyArray<Membership.Membership>
  readonly partnerships: ReadonlyArray<Partnership.Partnership>
  readonly registrations: ReadonlyArray<Partnership.MemberRegistration>
}

/**
 * The pairing and dual-registration section (`org.linkage`, 结对共建与双报到) on the last day of the period: "1+4"
 * pairing coverage of the organ branches ({@link Partnership.pairingCoverage}; share of the organ × category pairs
 * covered, organs covering all four, unpaired grassroots units) and dual registration of the organ branches and
 * their members ({@link Partnership.dualRegistration}). The organs are the units whose kind is one of the pairing
 * policy's `organKinds`. Source: seed (Huichang "1+4" 结对共建; "双报到").
 *
 * @since 0.1.0
 * @category sections
 */
export const linkage = (
  options: { readonly pairing?: Partnership.PairingPolicy } = {}
): SectionBuilder.SectionBuilder<LinkageRecords> =>
  SectionBuilder.make<LinkageRecords>({
    id: "org.linkage",
    labels,
    sources: (r) => [
      { kind: "org.records.units", count: r.units.length },
      { kind: "org.records.memberships", count: r.memberships.length },
      { kind: "org.records.partnerships", count: r.partnerships.length },
      { kind: "org.records.registrations", count: r.registrations.length }
    ],
    build: (r, { period, t }) => {
      const policy = options.pairing ?? Partnership.defaultPairingPolicy
      const organs = r.units.filter((u) => policy.organKinds.includes(u.kind))
      const pairing = Partnership.pairingCoverage(r.units, r.partnerships, period.to, policy)
      const reg = Partnership.dualRegistration(organs, r.memberships, r.partnerships, r.registrations, period.to)
      const missingOf = new Map(pairing.missing.map((m) => [m.organ as string, m.categories] as const))
      const required = organs.length * policy.categories.length
      const notCovered = pairing.missing.reduce((n, m) => n + m.categories.length, 0)
      const category = (c: string) => {
        const key = `org.pairingCategory.${c}`
        const label = t(key)
        return label === key ? c : label
      }
      const organInput = [new Report.Input({ label: t("org.linkage.organs"), count: organs.length })]
      return Report.section({
        id: "org.linkage",
        title: t("org.linkage.title"),
        figures: [
          Report.count({
            id: "organ-branches",
            label: t("org.linkage.organs"),
            unit: t("unit.items"),
            items: organs,
            inputLabel: t("org.records.units"),
            formula: `count(units of kinds ${policy.organKinds.join(", ")})`
          }),
          Report.rate({
            id: "pairing-coverage",
            label: t("org.linkage.pairingCoverage"),
            numerator: required - notCovered,
            numeratorLabel: t("org.linkage.categoriesCovered"),
            denominator: required,
            denominatorLabel: t("org.linkage.categoriesRequired"),
            formula: `(organ, category) pairs with an active pairing on ${period.to} ÷ organs × ${policy.categories.length}`
          }),
          new Report.Figure({
            id: "organs-fully-paired",
            label: t("org.linkage.fullyPaired"),
            value: organs.length - pairing.missing.length,
            kind: "integer",
            unit: t("unit.items"),
            computation: new Report.Computation({
              formula: "count(organs with a pairing in every category)",
              inputs: organInput
            })
          }),
          new Report.Figure({
            id: "units-unpaired",
            label: t("org.linkage.unpaired"),
            value: pairing.unpaired.length,
            kind: "integer",
            unit: t("unit.items"),
            computation: new Report.Computation({
              formula: "count(units of a pairing category paired with no organ)",
              inputs: [new Report.Input({ label: t("org.records.units"), count: r.units.length })]
            })
          }),
          new Report.Figure({
            id: "units-registered",
            label: t("org.linkage.unitsRegistered"),
            value: reg.lines.filter((l) => l.unitRegistered).length,
            kind: "integer",
            unit: t("unit.items"),
            computation: new Report.Computation({
              formula: `count(organs with an active dual-registration partnership on ${period.to})`,
              inputs: organInput
            })
          }),
          Report.rate({
            id: "dual-registration",
            label: t("org.linkage.dualRegistration"),
            numerator: reg.registered,
            numeratorLabel: t("org.linkage.registered"),
            denominator: reg.members,
            denominatorLabel: t("org.linkage.members"),
            formula: `active members of the organs registered where they live on ${period.to} ÷ active members of the organs`
          })
        ],
        tables: [
          new Report.Table({
            id: "organs",
            title: t("org.linkage.lines"),
            columns: [
              new Report.Column({ id: "unit", label: t("org.linkage.unit"), type: "text" }),
              new Report.Column({ id: "missing", label: t("org.linkage.missing"), type: "text" }),
              new Report.Column({ id: "registered", label: t("org.linkage.unitRegistered"), type: "text" }),
              new Report.Column({ id: "members", label: t("org.linkage.members"), type: "integer" }),
              new Report.Column({ id: "membersRegistered", label: t("org.linkage.registered"), type: "integer" }),
              new Report.Column({ id: "share", label: t("org.linkage.share"), type: "percent" })
            ],
            rows: organs.map((u, i) => {
              const line = reg.lines[i]
              return [
                u.name,
                (missingOf.get(u.id) ?? []).map(category).join("、"),
                t(line?.unitRegistered === true ? "org.linkage.yes" : "org.linkage.no"),
                line?.members ?? 0,
                line?.registered ?? 0,
                line?.share ?? null
              ]
            })
          })
        ],
        notes: [...pairing.findings, ...reg.findings].map((f) => f.message)
      })
    }
  })
