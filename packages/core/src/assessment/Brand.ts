/**
 * The "one organ, one brand" checklist (一机关一品牌): a party-building brand meets four requirements — a brand name
 * (有品牌名称), concrete practice (有具体做法), sector features (有行业特色) and results (有工作实效) — as the seed
 * lists them.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Finding from "../kernel/Finding.js"
import { BrandId, OrgUnitId, TenantId } from "../kernel/Ids.js"
import type { Location, ResolveOrgPath } from "./Assessment.js"
import { locate } from "./internal/location.js"

/**
 * A unit's brand as declared: the name and what backs each requirement.
 *
 * @since 0.1.0
 * @category models
 */
export class BrandChecklist extends Schema.Class<BrandChecklist>("@zhili/BrandChecklist")({
  id: BrandId,
  tenant: TenantId,
  unit: OrgUnitId,
  name: Schema.optional(Schema.String),
  practice: Schema.Array(Schema.String),
  sectorFeatures: Schema.Array(Schema.String),
  results: Schema.Array(Schema.String)
}) {}

/**
 * The four requirements.
 *
 * @since 0.1.0
 * @category models
 */
export type Requirement = "name" | "practice" | "sectorFeatures" | "results"

const labels: Record<Requirement, string> = {
  name: "a brand name (有品牌名称)",
  practice: "concrete practice (有具体做法)",
  sectorFeatures: "sector features (有行业特色)",
  results: "results (有工作实效)"
}

/**
 * Checks a brand against the four requirements: the met and missing ones, and one finding per missing one.
 *
 * @since 0.1.0
 * @category rules
 */
export const check = (
  brand: BrandChecklist
): {
  readonly met: ReadonlyArray<Requirement>
  readonly missing: ReadonlyArray<Requirement>
  readonly passed: boolean
  readonly findings: ReadonlyArray<Finding.Finding>
} => {
  const has = (xs: ReadonlyArray<string>) => xs.some((x) => x.trim() !== "")
  const ok: Record<Requirement, boolean> = {
    name: brand.name !== undefined && brand.name.trim() !== "",
    practice: has(brand.practice),
    sectorFeatures: has(brand.sectorFeatures),
    results: has(brand.results)
  }
  const all: ReadonlyArray<Requirement> = ["name", "practice", "sectorFeatures", "results"]
  const missing = all.filter((r) => !ok[r])
  return {
    met: all.filter((r) => ok[r]),
    missing,
    passed: missing.length === 0,
    findings: missing.map((r) =>
      Finding.error("assessment/brand-requirement", [r], `brand of ${brand.unit} lacks ${labels[r]}`)
    )
  }
}

/**
 * The `Scope.Location` of a brand.
 *
 * @since 0.1.0
 * @category getters
 */
export const location = (self: BrandChecklist, orgPath?: ResolveOrgPath): Location =>
  locate(self.tenant, self.unit, orgPath)
