/**
 * Services to the Open Referral Human Services Data Specification 3 (HSDS, 服务数据开放规范): services, their
 * schedules (one HSDS row per period of a recurrence rule), eligibility ages, capacity, cost options, the
 * organisations that provide them, their locations and `service_at_location` links, following the field mapping of
 * `docs/services.md`. HSDS ids are UUIDs: {@link hsdsId} derives them deterministically (UUID v5) from the zhili
 * ids, so the same record always exports with the same id. {@link toRules} and {@link toCostOptions} read schedules
 * and cost options back.
 *
 * @since 0.1.0
 */
import {
  Eligibility,
  type Errors,
  type Operator,
  type OrgUnit,
  Recurrence,
  type Schedule,
  Service,
  type Space,
  type VolunteerTeam
} from "@zhili/core"
import { DateTime, Either, Schema } from "effect"
import { v5 as uuidV5 } from "uuid"
import { decodeWith, failure } from "./internal/common.js"

/**
 * The UUID namespace of zhili's HSDS ids (a fixed random UUID; changing it changes every exported id).
 *
 * @since 0.1.0
 * @category ids
 */
export const namespace = "6f1d3c2e-5b7a-4c1e-9a0d-2f7e8b9c4d31"

/**
 * The HSDS id (a UUID v5) of a zhili record of a kind (`service`, `organization`, `location`, `schedule`, …).
 *
 * @since 0.1.0
 * @category ids
 */
export const hsdsId = (kind: string, id: string): string => uuidV5(`${kind}:${id}`, namespace)

/**
 * An HSDS schedule row.
 *
 * @since 0.1.0
 * @category models
 */
export interface HsdsSchedule {
  readonly id: string
  readonly service_id?: string
  readonly location_id?: string
  readonly valid_from?: string
  readonly valid_to?: string
  readonly dtstart?: string
  readonly timezone?: number
  readonly until?: string
  readonly count?: number
  readonly wkst?: WeekdayCode
  readonly freq?: "WEEKLY" | "MONTHLY"
  readonly interval?: number
  readonly byday?: string
  readonly bymonthday?: string
  readonly description?: string
  readonly opens_at?: string
  readonly closes_at?: string
  readonly schedule_link?: string
  readonly attending_type?: string
  readonly notes?: string
}

/**
 * An HSDS cost option.
 *
 * @since 0.1.0
 * @category models
 */
export interface HsdsCostOption {
  readonly id: string
  readonly service_id?: string
  readonly valid_from?: string
  readonly valid_to?: string
  readonly option?: string
  readonly currency?: string
  readonly amount?: number
  readonly amount_description?: string
}

/**
 * An HSDS attribute (used for the service's capacity, which HSDS 3.0 has no field for).
 *
 * @since 0.1.0
 * @category models
 */
export interface HsdsAttribute {
  readonly id: string
  readonly link_id: string
  readonly link_type: string
  readonly link_entity: string
  readonly value: string
}

/**
 * An HSDS service.
 *
 * @since 0.1.0
 * @category models
 */
export interface HsdsService {
  readonly id: string
  readonly organization_id?: string
  readonly name: string
  readonly alternate_name?: string
  readonly description?: string
  readonly url?: string
  readonly email?: string
  readonly status: "active" | "inactive" | "defunct" | "temporarily closed"
  readonly interpretation_services?: string
  readonly application_process?: string
  readonly fees_description?: string
  readonly accreditations?: string
  readonly eligibility_description?: string
  readonly minimum_age?: number
  readonly maximum_age?: number
  readonly assured_date?: string
  readonly alert?: string
  readonly phones: ReadonlyArray<{
    readonly id: string
    readonly service_id: string
    readonly number: string
    readonly type?: string
    readonly description?: string
  }>
  readonly schedules: ReadonlyArray<HsdsSchedule>
  readonly languages: ReadonlyArray<{ readonly id: string; readonly service_id: string; readonly code: string }>
  readonly cost_options: ReadonlyArray<HsdsCostOption>
  readonly required_documents: ReadonlyArray<{
    readonly id: string
    readonly service_id: string
    readonly document: string
  }>
  readonly funding: ReadonlyArray<{ readonly id: string; readonly service_id: string; readonly source: string }>
  readonly service_areas: ReadonlyArray<{
    readonly id: string
    readonly service_id: string
    readonly name: string
    readonly description?: string
    readonly extent?: string
    readonly extent_type?: string
  }>
  readonly attributes: ReadonlyArray<HsdsAttribute>
}

/**
 * An HSDS organization.
 *
 * @since 0.1.0
 * @category models
 */
export interface HsdsOrganization {
  readonly id: string
  readonly name: string
  readonly alternate_name?: string
  readonly description: string
  readonly email?: string
  readonly website?: string
  readonly year_incorporated?: number
  readonly legal_status?: string
  readonly parent_organization_id?: string
  readonly organization_identifiers: ReadonlyArray<{
    readonly id: string
    readonly organization_id: string
    readonly identifier_scheme: string
    readonly identifier_type: string
    readonly identifier: string
  }>
}

/**
 * An HSDS location: a physical space, or a virtual one for an online channel.
 *
 * @since 0.1.0
 * @category models
 */
export interface HsdsLocation {
  readonly id: string
  readonly location_type: "physical" | "virtual"
  readonly url?: string
  readonly organization_id?: string
  readonly name: string
  readonly description?: string
  readonly latitude?: number
  readonly longitude?: number
  readonly external_identifier: string
  readonly external_identifier_type: string
}

/**
 * An HSDS service_at_location link.
 *
 * @since 0.1.0
 * @category models
 */
export interface HsdsServiceAtLocation {
  readonly id: string
  readonly service_id: string
  readonly location_id: string
}

/**
 * RFC 5545 weekday codes, Monday first.
 *
 * @since 0.1.0
 * @category models
 */
export type WeekdayCode = "MO" | "TU" | "WE" | "TH" | "FR" | "SA" | "SU"

const weekdayCodes: ReadonlyArray<WeekdayCode> = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
const code = (weekday: number): WeekdayCode => weekdayCodes[weekday - 1] ?? "MO"
const allDays = "MO,TU,WE,TH,FR,SA,SU"

/** UTC offset in hours of a zone on a date (HSDS `timezone` is a number). */
const offsetHours = (timeZone: string, on: string | undefined): number => {
  const instant = DateTime.unsafeMake(`${on ?? "2025-01-01"}T12:00:00Z`)
  return DateTime.zonedOffset(DateTime.unsafeSetZoneNamed(instant, timeZone)) / 3_600_000
}

const holidayText = (h: Recurrence.HolidayBehaviour): string | undefined =>
  h._tag === "Skip"
    ? "public holidays closed 法定节假日不开放"
    : h._tag === "FollowWorkingDays"
      ? `follows the working-day calendar; make-up working days open as weekday ${h.makeUpDayAs} 按工作日历开放（调休上班日按星期${h.makeUpDayAs}）`
      : undefined

const exceptionText = (e: Recurrence.Exception): string => JSON.stringify(Schema.encodeSync(Recurrence.Exception)(e))

const joinNotes = (parts: ReadonlyArray<string | undefined>): string | undefined => {
  const kept = parts.filter((p): p is string => p !== undefined && p.length > 0)
  return kept.length === 0 ? undefined : kept.join("\n")
}

const opt = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }

/**
 * The HSDS rows of one recurrence rule: one row per period. A `daily` rule with interval 1 exports as weekly on every
 * day; holiday behaviour and dated exceptions have no HSDS field and go to `notes` (they do not come back on import).
 * A daily rule with an interval above 1 has no HSDS form: its rows carry the times and the rule in `description` and
 * `notes` only.
 *
 * @since 0.1.0
 * @category exporters
 */
export const ruleRows = (
  rule: Recurrence.Rule,
  ids: { readonly key: string; readonly serviceId?: string; readonly locationId?: string }
): ReadonlyArray<HsdsSchedule> => {
  const expressible = rule.freq !== "daily" || rule.interval === 1
  const byday =
    rule.freq === "daily"
      ? allDays
      : rule.byDay.length === 0
        ? undefined
        : rule.byDay.map((d) => `${d.nth ?? ""}${code(d.weekday)}`).join(",")
  const notes = joinNotes([
    rule.notes,
    holidayText(rule.holidays),
    ...rule.exceptions.map(exceptionText),
    expressible ? undefined : `every ${rule.interval} days from ${rule.dtstart ?? "?"} 每${rule.interval}天`
  ])
  return rule.periods.map((p, i) => ({
    id: hsdsId("schedule", `${ids.key}#${i}`),
    ...opt("service_id", ids.serviceId),
    ...opt("location_id", ids.locationId),
    ...opt("valid_from", rule.validFrom),
    ...opt("valid_to", rule.validTo),
    ...opt("dtstart", rule.dtstart),
    timezone: offsetHours(rule.timeZone, rule.validFrom ?? rule.dtstart),
    ...opt("until", rule.until),
    ...opt("count", rule.count),
    wkst: code(rule.weekStart),
    ...(expressible
      ? {
          freq: rule.freq === "monthly" ? ("MONTHLY" as const) : ("WEEKLY" as const),
          interval: rule.interval,
          ...opt("byday", byday),
          ...opt("bymonthday", rule.byMonthDay.length === 0 ? undefined : rule.byMonthDay.join(","))
        }
      : {}),
    ...opt("description", rule.description),
    opens_at: p.start,
    closes_at: p.end,
    ...opt("notes", notes)
  }))
}

/**
 * The HSDS schedule rows of a service schedule: every period of every recurring rule; one weekly row per day group
 * and period of opening hours; all week 00:00–24:00 for `AlwaysOpen`; a row with only the description and attending
 * type for `ByAppointment`. The schedule's `description`, `link` and `attendingType` go to every row.
 *
 * @since 0.1.0
 * @category exporters
 */
export const schedules = (
  schedule: Schedule.Schedule,
  ids: { readonly key: string; readonly serviceId?: string; readonly locationId?: string }
): ReadonlyArray<HsdsSchedule> => {
  const extras = {
    ...opt("schedule_link", schedule.link),
    ...opt("attending_type", schedule.attendingType)
  }
  const withExtras = (row: HsdsSchedule): HsdsSchedule => ({
    ...row,
    ...(row.description === undefined ? opt("description", schedule.description) : {}),
    ...extras
  })
  const base = { ...opt("service_id", ids.serviceId), ...opt("location_id", ids.locationId) }
  switch (schedule._tag) {
    case "Recurring":
      return schedule.rules.flatMap((rule, r) => ruleRows(rule, { ...ids, key: `${ids.key}/${r}` }).map(withExtras))
    case "Hours": {
      const h = schedule.hours
      const notes = joinNotes([h.notes, holidayText(h.holidays), ...h.exceptions.map((e) => JSON.stringify(e))])
      return h.week.flatMap((group, g) =>
        group.periods.map((p, i) =>
          withExtras({
            id: hsdsId("schedule", `${ids.key}/h${g}#${i}`),
            ...base,
            ...opt("valid_from", h.validFrom),
            ...opt("valid_to", h.validTo),
            timezone: offsetHours(h.timeZone, h.validFrom),
            freq: "WEEKLY",
            interval: 1,
            wkst: "MO",
            byday: group.days.map(code).join(","),
            opens_at: p.start,
            closes_at: p.end,
            ...opt("notes", notes)
          })
        )
      )
    }
    case "AlwaysOpen":
      return [
        withExtras({
          id: hsdsId("schedule", `${ids.key}/always`),
          ...base,
          freq: "WEEKLY",
          interval: 1,
          byday: allDays,
          opens_at: "00:00",
          closes_at: "24:00"
        })
      ]
    case "ByAppointment":
      return [
        withExtras({
          id: hsdsId("schedule", `${ids.key}/appointment`),
          ...base,
          description: schedule.description ?? "by appointment 预约"
        })
      ]
  }
}

/**
 * The cost options of a service: amounts from fen to yuan, currency CNY, `per` and the description in
 * `amount_description` (`per month; …`), the label in `option`.
 *
 * @since 0.1.0
 * @category exporters
 */
export const costOptions = (service: Service.Service): ReadonlyArray<HsdsCostOption> => {
  const serviceId = hsdsId("service", service.id)
  return service.fees.options.map((o, i) => ({
    id: hsdsId("cost_option", `${service.id}#${i}`),
    service_id: serviceId,
    ...opt("valid_from", o.validFrom),
    ...opt("valid_to", o.validTo),
    option: o.label,
    currency: o.currency,
    amount: o.amount / 100,
    ...opt("amount_description", joinDescription(o.per, o.description))
  }))
}

const joinDescription = (per: string | undefined, description: string | undefined): string | undefined =>
  per === undefined ? description : description === undefined ? `per ${per}` : `per ${per}; ${description}`

/**
 * How a provider appears as an HSDS organisation id: org units, operators and volunteer teams by their zhili id, an
 * outside body by its name.
 *
 * @since 0.1.0
 * @category ids
 */
export const providerId = (provider: Service.Provider): string =>
  provider._tag === "External"
    ? hsdsId("organization", `external:${provider.name}`)
    : hsdsId("organization", provider.id)

/**
 * A service as an HSDS service, with its schedules, cost options, languages, phones (public service numbers only),
 * required documents, funding, service areas, eligibility (`Eligibility.toHsds`, or `eligibilityDescription` when
 * set) and capacity as an attribute (`link_type` `capacity`: HSDS 3.0 has no capacity field).
 *
 * @since 0.1.0
 * @category exporters
 */
export const service = (self: Service.Service): HsdsService => {
  const id = hsdsId("service", self.id)
  const eligibility = self.eligibility === undefined ? undefined : Eligibility.toHsds(self.eligibility)
  const child = (kind: string, i: number) => hsdsId(kind, `${self.id}#${i}`)
  return {
    id,
    organization_id: providerId(self.provider),
    name: self.name,
    ...opt("alternate_name", self.alternateName),
    ...opt("description", self.description),
    ...opt("url", self.url),
    ...opt("email", self.email),
    status: self.status === "temporarily-closed" ? "temporarily closed" : self.status,
    ...opt("interpretation_services", self.interpretationServices),
    ...opt("application_process", self.applicationProcess),
    ...opt("fees_description", self.fees.description),
    ...opt("accreditations", self.accreditations),
    ...opt("eligibility_description", self.eligibilityDescription ?? eligibility?.description),
    ...opt("minimum_age", eligibility?.minimumAge),
    ...opt("maximum_age", eligibility?.maximumAge),
    ...opt("assured_date", self.assuredOn),
    ...opt("alert", self.alert),
    phones: self.phones.map((p, i) => ({
      id: child("phone", i),
      service_id: id,
      number: p.number,
      ...opt("type", p.kind),
      ...opt("description", p.description)
    })),
    schedules: self.schedule === undefined ? [] : schedules(self.schedule, { key: self.id, serviceId: id }),
    languages: self.languages.map((code, i) => ({ id: child("language", i), service_id: id, code })),
    cost_options: costOptions(self),
    required_documents: self.requiredDocuments.map((document, i) => ({
      id: child("required_document", i),
      service_id: id,
      document
    })),
    funding: self.fundingSources.map((source, i) => ({ id: child("funding", i), service_id: id, source })),
    service_areas: self.serviceAreas.map((a, i) => ({
      id: child("service_area", i),
      service_id: id,
      name: a.name,
      ...opt("description", a.description),
      ...(a.geojson === undefined ? {} : { extent: a.geojson, extent_type: "geojson" })
    })),
    attributes:
      self.capacity === undefined
        ? []
        : [
            {
              id: child("attribute", 0),
              link_id: id,
              link_type: "capacity",
              link_entity: "service",
              value: String(self.capacity)
            }
          ]
  }
}

/**
 * An operator (运营主体) as an HSDS organisation, its unified social credit code as an identifier (scheme
 * `CN-USCC`, type 统一社会信用代码).
 *
 * @since 0.1.0
 * @category exporters
 */
export const operatorOrganization = (self: Operator.Operator): HsdsOrganization => {
  const id = hsdsId("organization", self.id)
  return {
    id,
    name: self.name,
    ...opt("alternate_name", self.alternateName),
    description: self.description ?? self.name,
    ...opt("email", self.email),
    ...opt("website", self.website),
    ...opt("year_incorporated", self.yearIncorporated),
    legal_status: self.legalForm,
    organization_identifiers: [
      {
        id: hsdsId("organization_identifier", self.id),
        organization_id: id,
        identifier_scheme: "CN-USCC",
        identifier_type: "统一社会信用代码",
        identifier: self.creditCode
      }
    ]
  }
}

/**
 * An org unit (组织) as an HSDS organisation; `description` is its kind, the parent unit becomes
 * `parent_organization_id`.
 *
 * @since 0.1.0
 * @category exporters
 */
export const unitOrganization = (self: OrgUnit.OrgUnit): HsdsOrganization => ({
  id: hsdsId("organization", self.id),
  name: self.name,
  description: self.kind,
  ...opt("parent_organization_id", self.parent === undefined ? undefined : hsdsId("organization", self.parent)),
  organization_identifiers:
    self.creditCode === undefined
      ? []
      : [
          {
            id: hsdsId("organization_identifier", self.id),
            organization_id: hsdsId("organization", self.id),
            identifier_scheme: "CN-USCC",
            identifier_type: "统一社会信用代码",
            identifier: self.creditCode
          }
        ]
})

/**
 * A space as an HSDS physical location; its zhili id is kept as `external_identifier`.
 *
 * @since 0.1.0
 * @category exporters
 */
export const location = (self: Space.Space): HsdsLocation => ({
  id: hsdsId("location", self.id),
  location_type: "physical",
  ...opt("organization_id", self.operator === undefined ? undefined : hsdsId("organization", self.operator)),
  name: self.name,
  ...opt(
    "description",
    joinNotes([self.description, self.address === undefined ? undefined : `地址 address: ${self.address}`])
  ),
  ...opt("latitude", self.latitude),
  ...opt("longitude", self.longitude),
  external_identifier: self.id,
  external_identifier_type: "zhili"
})

/**
 * What an HSDS export of services holds: the services, their organisations, their locations and the links between
 * services and locations.
 *
 * @since 0.1.0
 * @category models
 */
export interface Bundle {
  readonly services: ReadonlyArray<HsdsService>
  readonly organizations: ReadonlyArray<HsdsOrganization>
  readonly locations: ReadonlyArray<HsdsLocation>
  readonly serviceAtLocations: ReadonlyArray<HsdsServiceAtLocation>
}

/**
 * Exports services with what they refer to. Each provider becomes an organisation: from `units`, `operators` and
 * `teams` when listed there, else by name (outside bodies) or id. Each known space of a service becomes a physical
 * location with a `service_at_location`; a service with an online channel and a `url` gets a virtual location.
 * Spaces not in `spaces` are left out (no dangling links).
 *
 * @since 0.1.0
 * @category exporters
 */
export const bundle = (input: {
  readonly services: ReadonlyArray<Service.Service>
  readonly units?: ReadonlyArray<OrgUnit.OrgUnit>
  readonly operators?: ReadonlyArray<Operator.Operator>
  readonly teams?: ReadonlyArray<VolunteerTeam.VolunteerTeam>
  readonly spaces?: ReadonlyArray<Space.Space>
}): Bundle => {
  const organizations = new Map<string, HsdsOrganization>()
  const locations = new Map<string, HsdsLocation>()
  const links: Array<HsdsServiceAtLocation> = []
  for (const s of input.services) {
    const p = s.provider
    const orgId = providerId(p)
    if (!organizations.has(orgId)) {
      const org =
        p._tag === "OrgUnit"
          ? input.units?.find((u) => u.id === p.id)
          : p._tag === "Operator"
            ? input.operators?.find((o) => o.id === p.id)
            : undefined
      const team = p._tag === "VolunteerTeam" ? input.teams?.find((t) => t.id === p.id) : undefined
      organizations.set(
        orgId,
        org === undefined
          ? {
              id: orgId,
              name: p._tag === "External" ? p.name : (team?.name ?? p.id),
              description: p._tag === "External" ? p.name : p._tag,
              organization_identifiers: []
            }
          : "legalForm" in org
            ? operatorOrganization(org)
            : unitOrganization(org)
      )
    }
    const serviceId = hsdsId("service", s.id)
    for (const spaceId of s.spaces) {
      const space = input.spaces?.find((x) => x.id === spaceId)
      if (space === undefined) continue
      const loc = location(space)
      locations.set(loc.id, loc)
      links.push({
        id: hsdsId("service_at_location", `${s.id}@${spaceId}`),
        service_id: serviceId,
        location_id: loc.id
      })
    }
    if (s.channels.includes("online") && s.url !== undefined) {
      const id = hsdsId("location", `online:${s.id}`)
      locations.set(id, {
        id,
        location_type: "virtual",
        url: s.url,
        name: `${s.name} (online)`,
        external_identifier: `online:${s.id}`,
        external_identifier_type: "zhili"
      })
      links.push({ id: hsdsId("service_at_location", `${s.id}@online`), service_id: serviceId, location_id: id })
    }
  }
  return {
    services: input.services.map(service),
    organizations: [...organizations.values()],
    locations: [...locations.values()],
    serviceAtLocations: links
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------------------------

/**
 * The schema of an HSDS schedule row as read back by {@link toRules}.
 *
 * @since 0.1.0
 * @category schemas
 */
export const ScheduleInput = Schema.Struct({
  id: Schema.String,
  freq: Schema.Literal("WEEKLY", "MONTHLY"),
  interval: Schema.optional(Schema.Number),
  byday: Schema.optional(Schema.String),
  bymonthday: Schema.optional(Schema.String),
  wkst: Schema.optional(Schema.Literal(...weekdayCodes)),
  dtstart: Schema.optional(Schema.String),
  until: Schema.optional(Schema.String),
  count: Schema.optional(Schema.Number),
  valid_from: Schema.optional(Schema.String),
  valid_to: Schema.optional(Schema.String),
  opens_at: Schema.String,
  closes_at: Schema.String,
  description: Schema.optional(Schema.String),
  notes: Schema.optional(Schema.String)
})

const parseByDay = (s: string): ReadonlyArray<{ weekday: number; nth?: number }> | undefined => {
  const out: Array<{ weekday: number; nth?: number }> = []
  for (const part of s.split(",")) {
    const m = /^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(part.trim())
    if (m === null) return undefined
    const weekday = weekdayCodes.indexOf(m[2] as WeekdayCode) + 1
    out.push(m[1] === undefined ? { weekday } : { weekday, nth: Number(m[1]) })
  }
  return out
}

/**
 * Reads HSDS schedule rows back into recurrence rules: rows that differ only in `id`, `opens_at` and `closes_at`
 * are one rule with several periods, in the order they come. Lossless for rules whose holidays are `Open` and that
 * have no exceptions (those live only in `notes` and are not parsed back; `notes` comes back as written). A row
 * that is not a valid rule is a `DecodeError` with the row index in the path.
 *
 * @since 0.1.0
 * @category importers
 */
export const toRules = (
  rows: ReadonlyArray<unknown>,
  options: { readonly timeZone?: string } = {}
): Either.Either<ReadonlyArray<Recurrence.Rule>, Errors.DecodeError> =>
  Either.gen(function* () {
    const groups = new Map<
      string,
      { readonly row: typeof ScheduleInput.Type; periods: Array<{ start: string; end: string }> }
    >()
    for (const [i, raw] of rows.entries()) {
      const row = yield* decodeWith(ScheduleInput, raw, `HSDS schedule row ${i}`)
      const { id: _id, opens_at, closes_at, ...rest } = row
      const key = JSON.stringify(rest)
      const group = groups.get(key) ?? { row, periods: [] }
      group.periods.push({ start: opens_at, end: closes_at })
      groups.set(key, group)
    }
    const rules: Array<Recurrence.Rule> = []
    for (const [g, { row, periods }] of [...groups.values()].entries()) {
      const byDay = row.byday === undefined ? [] : parseByDay(row.byday)
      if (byDay === undefined) return yield* Either.left(failure("HSDS schedule", [g, "byday"], `byday ${row.byday}`))
      const byMonthDay = row.bymonthday === undefined ? [] : row.bymonthday.split(",").map((x) => Number(x.trim()))
      const rule = yield* decodeWith(
        Recurrence.Rule,
        {
          freq: row.freq === "MONTHLY" ? "monthly" : "weekly",
          interval: row.interval ?? 1,
          byDay,
          byMonthDay,
          weekStart: row.wkst === undefined ? 1 : weekdayCodes.indexOf(row.wkst) + 1,
          periods,
          ...opt("dtstart", row.dtstart),
          ...opt("until", row.until),
          ...opt("count", row.count),
          ...opt("validFrom", row.valid_from),
          ...opt("validTo", row.valid_to),
          ...opt("timeZone", options.timeZone),
          ...opt("description", row.description),
          ...opt("notes", row.notes)
        },
        `HSDS schedule rule ${g}`
      )
      rules.push(rule)
    }
    return rules
  })

/**
 * Reads HSDS cost options back into service cost options: yuan to fen, `per …` from `amount_description`. Lossless
 * for what {@link costOptions} writes.
 *
 * @since 0.1.0
 * @category importers
 */
export const toCostOptions = (
  rows: ReadonlyArray<unknown>
): Either.Either<ReadonlyArray<Service.CostOption>, Errors.DecodeError> =>
  Either.gen(function* () {
    const out: Array<Service.CostOption> = []
    for (const [i, raw] of rows.entries()) {
      const row = yield* decodeWith(
        Schema.Struct({
          option: Schema.String,
          amount: Schema.Number,
          currency: Schema.optional(Schema.String),
          amount_description: Schema.optional(Schema.String),
          valid_from: Schema.optional(Schema.String),
          valid_to: Schema.optional(Schema.String)
        }),
        raw,
        `HSDS cost option ${i}`
      )
      const m =
        row.amount_description === undefined ? null : /^per ([a-z]+)(?:; ([\s\S]*))?$/.exec(row.amount_description)
      const per = m?.[1]
      const description = m === null ? row.amount_description : m[2]
      out.push(
        yield* decodeWith(
          Service.CostOption,
          {
            label: row.option,
            amount: Math.round(row.amount * 100),
            ...opt("currency", row.currency),
            ...opt("per", per),
            ...opt("description", description),
            ...opt("validFrom", row.valid_from),
            ...opt("validTo", row.valid_to)
          },
          `HSDS cost option ${i}`
        )
      )
    }
    return out
  })
