/**
 * Praise and criticism bulletins (表扬栏 / 批评栏): dated entries about a unit, each with its reason.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { BulletinEntryId, IndicatorId, OrgUnitId, TenantId } from "../kernel/Ids.js"
import { LocalDate } from "../kernel/LocalDate.js"
import type { Location, ResolveOrgPath } from "./Assessment.js"
import { locate } from "./internal/location.js"

/**
 * Which bulletin an entry is on: praise (表扬栏) or criticism (批评栏).
 *
 * @since 0.1.0
 * @category models
 */
export const Kind = Schema.Literal("praise", "criticism")
/**
 * @since 0.1.0
 * @category models
 */
export type Kind = typeof Kind.Type

/**
 * One bulletin entry (通报): the unit, the date, why, and optionally the indicator it bears on (so a criticism can
 * be counted as an occurrence of a deduction indicator).
 *
 * @since 0.1.0
 * @category models
 */
export class BulletinEntry extends Schema.Class<BulletinEntry>("@zhili/BulletinEntry")({
  id: BulletinEntryId,
  tenant: TenantId,
  kind: Kind,
  subject: OrgUnitId,
  date: LocalDate,
  reason: Schema.NonEmptyTrimmedString,
  indicator: Schema.optional(IndicatorId)
}) {}

/**
 * Counts of a period's entries, overall and per unit (units in id order).
 *
 * @since 0.1.0
 * @category models
 */
export interface Tally {
  readonly praise: number
  readonly criticism: number
  readonly bySubject: ReadonlyArray<{
    readonly subject: OrgUnitId
    readonly praise: number
    readonly criticism: number
  }>
}

/**
 * Counts the entries dated within `[from, to]`.
 *
 * @since 0.1.0
 * @category rules
 */
export const tally = (entries: ReadonlyArray<BulletinEntry>, from: LocalDate, to: LocalDate): Tally => {
  const by = new Map<OrgUnitId, { subject: OrgUnitId; praise: number; criticism: number }>()
  let praise = 0
  let criticism = 0
  for (const e of entries) {
    if (e.date < from || e.date > to) continue
    const row = by.get(e.subject) ?? { subject: e.subject, praise: 0, criticism: 0 }
    row[e.kind] += 1
    by.set(e.subject, row)
    if (e.kind === "praise") praise += 1
    else criticism += 1
  }
  return {
    praise,
    criticism,
    bySubject: [...by.values()].sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0))
  }
}

/**
 * The number of entries of a kind about a unit in `[from, to]`: the occurrences to feed a deduction indicator.
 *
 * @since 0.1.0
 * @category rules
 */
export const occurrences = (
  entries: ReadonlyArray<BulletinEntry>,
  kind: Kind,
  subject: OrgUnitId,
  from: LocalDate,
  to: LocalDate
): number => entries.filter((e) => e.kind === kind && e.subject === subject && e.date >= from && e.date <= to).length

/**
 * The `Scope.Location` of an entry.
 *
 * @since 0.1.0
 * @category getters
 */
export const location = (self: BulletinEntry, orgPath?: ResolveOrgPath): Location =>
  locate(self.tenant, self.subject, orgPath)
