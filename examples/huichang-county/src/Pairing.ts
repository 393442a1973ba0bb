/**
 * The "1+4" pairing network (结对共建) of 会昌县's county organs, as the seed reports it: the party organisations of
 * the county organs, enterprises and institutions pair with 124 villages, 10 urban communities and 66 grid party
 * organisations, 83 two-new organisations and 21 floating-member organisations. The seed gives the counts; which
 * organ pairs with which unit is synthetic and deterministic (target `i` of a category pairs with organ `i mod 71`,
 * and every organ without a floating-member partner pairs with one of the 21 in turn), so every organ covers all four
 * categories. The organs are the 71 county units of the `HuichangCounty` fixture (`hc-unit-01…71`).
 *
 * @since 0.1.0
 */
import { Division, Ids, LocalDate, OrgUnit, Partnership } from "@zhili/core"
import { HuichangCounty } from "@zhili/testing"

const pad = (n: number, width: number) => String(n).padStart(width, "0")
const county = Division.DivisionCode.make("360733")

const unit = (id: string, kind: string, name: string): OrgUnit.OrgUnit =>
  OrgUnit.OrgUnit.make({
    id: Ids.OrgUnitId.make(id),
    tenant: HuichangCounty.tenant,
    kind,
    name,
    division: county
  })

const many = (n: number, prefix: string, width: number, kind: string, name: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => unit(`${prefix}-${pad(i + 1, width)}`, kind, name(i + 1)))

/**
 * The 71 organ party organisations (机关党组织), one per county unit of the fixture.
 *
 * @since 0.1.0
 * @category fixtures
 */
export const organs: ReadonlyArray<OrgUnit.OrgUnit> = HuichangCounty.countyUnits.map((id, i) =>
  unit(id, "county-organ-branch", `会昌县直单位${i + 1}党组织`)
)

/**
 * The pairing targets by "1+4" category (村、社区（含网格）、两新、流动党员): 124, 10 + 66, 83 and 21 units.
 *
 * @since 0.1.0
 * @category fixtures
 */
export const targets: {
  readonly village: ReadonlyArray<OrgUnit.OrgUnit>
  readonly community: ReadonlyArray<OrgUnit.OrgUnit>
  readonly "two-new": ReadonlyArray<OrgUnit.OrgUnit>
  readonly floating: ReadonlyArray<OrgUnit.OrgUnit>
} = {
  village: many(124, "hc-village", 3, "village-branch", (i) => `会昌县第${i}村党支部`),
  community: [
    ...many(10, "hc-community", 2, "community-general-branch", (i) => `会昌县城市社区${i}党总支`),
    ...many(66, "hc-grid", 2, "grid-party-group", (i) => `会昌县网格党组织${i}`)
  ],
  "two-new": many(83, "hc-two-new", 2, "two-new-branch", (i) => `两新党组织${i}`),
  floating: many(21, "hc-floating", 2, "floating-member-branch", (i) => `流动党员党组织${i}`)
}

/**
 * Every unit of the network: the organs, then the targets.
 *
 * @since 0.1.0
 * @category fixtures
 */
export const units: ReadonlyArray<OrgUnit.OrgUnit> = [
  ...organs,
  ...targets.village,
  ...targets.community,
  ...targets["two-new"],
  ...targets.floating
]

/**
 * The day the pairings start.
 *
 * @since 0.1.0
 * @category fixtures
 */
export const since: LocalDate.LocalDate = LocalDate.make(2024, 3, 1)

const pairing = (organ: OrgUnit.OrgUnit, target: OrgUnit.OrgUnit) =>
  Partnership.Partnership.make({
    id: Ids.PartnershipId.make(`hc-pair-${organ.id}-${target.id}`),
    tenant: HuichangCounty.tenant,
    type: "pairing",
    from: organ.id,
    to: target.id,
    start: since
  })

const spread = (category: ReadonlyArray<OrgUnit.OrgUnit>) => {
  const out: Array<Partnership.Partnership> = []
  const covered = new Set<number>()
  category.forEach((target, i) => {
    const k = i % organs.length
    covered.add(k)
    out.push(pairing(organs[k] as OrgUnit.OrgUnit, target))
  })
  organs.forEach((organ, k) => {
    if (!covered.has(k)) out.push(pairing(organ, category[k % category.length] as OrgUnit.OrgUnit))
  })
  return out
}

/**
 * The pairing partnerships (type `pairing`), organ → target.
 *
 * @since 0.1.0
 * @category fixtures
 */
export const partnerships: ReadonlyArray<Partnership.Partnership> = [
  ...spread(targets.village),
  ...spread(targets.community),
  ...spread(targets["two-new"]),
  ...spread(targets.floating)
]
