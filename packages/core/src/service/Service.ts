/**
 * Services (服务): what a community offers — TCM night clinic, after-school class, childcare, the service station's
 * convenience micro-services, online health management — with provider, spaces, status, fee model, capacity,
 * eligibility, schedule and channels. Every field HSDS 3 `service` (with its `cost_option`, `service_area`,
 * `schedule`, `phone`, `language`, `required_document`, `funding`, `service_at_location`) needs has a home here, so
 * that the export loses nothing.
 *
 * @since 0.1.0
 */
import { type DateTime, Either, Schema } from "effect"
import type * as Finding from "../kernel/Finding.js"
import * as Ids from "../kernel/Ids.js"
import * as LocalDate from "../kernel/LocalDate.js"
import * as Term from "../kernel/Term.js"
import type { WorkingCalendar } from "../kernel/WorkingCalendar.js"
import * as Money from "../operation/Money.js"
import * as Plugin from "../plugin/Plugin.js"
import * as Eligibility from "./Eligibility.js"
import * as Placement from "./Placement.js"
import * as Schedule from "./Schedule.js"
import * as VolunteerTeam from "./VolunteerTeam.js"

/**
 * The kind of service (服务类型), a term id: by default property (物业), volunteer (志愿), judicial (司法), social work
 * (社工), community (社区), health (健康), childcare (托育), elderly care (养老), convenience micro-services (便民微服务),
 * party building, employment, other ({@link defaultTypes}); a host declares its own through {@link typesPoint}.
 *
 * @since 0.1.0
 * @category models
 */
export const ServiceType = VolunteerTeam.ServiceType
/**
 * @since 0.1.0
 * @category models
 */
export type ServiceType = VolunteerTeam.ServiceType

/**
 * The default service types, with the seed passage each comes from (`VolunteerTeam.defaultServiceTypes`).
 *
 * @since 0.1.0
 * @category policies
 */
export const defaultTypes: ReadonlyArray<Term.Term> = VolunteerTeam.defaultServiceTypes

/**
 * Extension point `service.types`: the kinds of service (服务类型) of services, volunteer teams and operators' service
 * obligations, keyed by id, in report order.
 *
 * @since 0.1.0
 * @category plugins
 */
export const typesPoint: Plugin.ExtensionPoint<Term.Term> = Plugin.extensionPoint({
  id: "service.types",
  description: "Kinds of service (物业服务、志愿服务、司法服务 …), keyed by id, in report order.",
  schema: Term.Term,
  key: (t) => t.id
})

/**
 * The core default pack's contribution: {@link defaultTypes}.
 *
 * @since 0.1.0
 * @category plugins
 */
export const defaultContributions: ReadonlyArray<Plugin.Contribution> = [Plugin.contribute(typesPoint, defaultTypes)]

/**
 * Who provides a service (服务提供方): an org unit (社区党总支, 党群服务站), a third-party operator, a volunteer team,
 * or an outside body named in words (廉江市人民医院, 壹基金儿童服务站) with its credit code when known.
 *
 * @since 0.1.0
 * @category models
 */
export const Provider = Schema.Union(
  Schema.TaggedStruct("OrgUnit", { id: Ids.OrgUnitId }),
  Schema.TaggedStruct("Operator", { id: Ids.OperatorId }),
  Schema.TaggedStruct("VolunteerTeam", { id: Ids.VolunteerTeamId }),
  Schema.TaggedStruct("External", { name: Schema.NonEmptyTrimmedString, creditCode: Schema.optional(Schema.String) })
)
/**
 * @since 0.1.0
 * @category models
 */
export type Provider = typeof Provider.Type

/**
 * Status of a service, as HSDS names them: active, inactive, defunct, temporarily closed.
 *
 * @since 0.1.0
 * @category models
 */
export const Status = Schema.Literal("active", "inactive", "defunct", "temporarily-closed")
/**
 * @since 0.1.0
 * @category models
 */
export type Status = typeof Status.Type

/**
 * The fee model (收费模式): free / public benefit (免费、公益), low-cost (低偿), market price (市场价).
 *
 * @since 0.1.0
 * @category models
 */
export const FeeModel = Schema.Literal("free", "low-cost", "market")
/**
 * @since 0.1.0
 * @category models
 */
export type FeeModel = typeof FeeModel.Type

/**
 * A priced option (HSDS `cost_option`): a label ("per session", "monthly, children of registered residents"), an
 * amount in fen, what it is per, and the dates it is valid for.
 *
 * @since 0.1.0
 * @category models
 */
export const CostOption = Schema.Struct({
  label: Schema.NonEmptyTrimmedString,
  amount: Money.NonNegativeFen,
  currency: Schema.optionalWith(Schema.Literal("CNY"), { default: () => "CNY" as const, exact: true }),
  per: Schema.optional(Schema.Literal("session", "hour", "day", "month", "term", "year", "item")),
  description: Schema.optional(Schema.String),
  validFrom: Schema.optional(LocalDate.LocalDate),
  validTo: Schema.optional(LocalDate.LocalDate)
})
/**
 * @since 0.1.0
 * @category models
 */
export type CostOption = typeof CostOption.Type

/**
 * Fees: the model, a description in words (HSDS `fees_description`) and the priced options.
 *
 * @since 0.1.0
 * @category models
 */
export const Fees = Schema.Struct({
  model: FeeModel,
  description: Schema.optional(Schema.String),
  options: Schema.optionalWith(Schema.Array(CostOption), { default: () => [], exact: true })
}).pipe(
  Schema.filter((f) =>
    f.model === "free" && f.options.some((o) => o.amount > 0)
      ? { path: ["options"], message: "a free service cannot have a priced option above 0" }
      : undefined
  )
)
/**
 * @since 0.1.0
 * @category models
 */
export type Fees = typeof Fees.Type

/**
 * How people reach a service (渠道): in person, online (云上), by phone, at home (上门).
 *
 * @since 0.1.0
 * @category models
 */
export const Channel = Schema.Literal("in-person", "online", "phone", "home-visit")
/**
 * @since 0.1.0
 * @category models
 */
export type Channel = typeof Channel.Type

/**
 * A public contact number of a service (not a person's phone; HSDS `phone`).
 *
 * @since 0.1.0
 * @category models
 */
export const Phone = Schema.Struct({
  number: Schema.NonEmptyTrimmedString,
  kind: Schema.optional(Schema.Literal("voice", "cell", "text", "fax", "video")),
  description: Schema.optional(Schema.String)
})

/**
 * The area a service is for (HSDS `service_area`): a named place, as a scope location, with an optional GeoJSON
 * extent.
 *
 * @since 0.1.0
 * @category models
 */
export const ServiceArea = Schema.Struct({
  name: Schema.NonEmptyTrimmedString,
  area: Placement.Location,
  description: Schema.optional(Schema.String),
  geojson: Schema.optional(Schema.String)
})

/**
 * A service (服务). `program` names the brand or programme it belongs to (HSDS `program`, e.g. 暖心惠民服务品牌);
 * `capacity` is places per session; `eligibility` the predicate people must meet (its words go to
 * HSDS `eligibility_description`, its ages to `minimum_age` / `maximum_age`); `spaces` are the spaces it is
 * delivered in (HSDS `service_at_location`); `schedule` says when it runs (HSDS `schedule`, with holidays and
 * several periods a day).
 *
 * @since 0.1.0
 * @category models
 */
export class Service extends Schema.Class<Service>("@zhili/Service")({
  tenant: Ids.TenantId,
  id: Ids.ServiceId,
  name: Schema.NonEmptyTrimmedString,
  alternateName: Schema.optional(Schema.String),
  description: Schema.optional(Schema.String),
  program: Schema.optional(Schema.String),
  type: ServiceType,
  provider: Provider,
  partners: Schema.optionalWith(Schema.Array(Provider), { default: () => [], exact: true }),
  spaces: Schema.optionalWith(Schema.Array(Ids.SpaceId), { default: () => [], exact: true }),
  status: Schema.optionalWith(Status, { default: () => "active" as const, exact: true }),
  fees: Fees,
  capacity: Schema.optional(Schema.Int.pipe(Schema.positive())),
  eligibility: Schema.optional(Eligibility.Predicate),
  eligibilityDescription: Schema.optional(Schema.String),
  schedule: Schema.optionalWith(Schedule.Schedule, { exact: true }),
  channels: Schema.NonEmptyArray(Channel),
  url: Schema.optional(Schema.String),
  email: Schema.optional(Schema.String),
  phones: Schema.optionalWith(Schema.Array(Phone), { default: () => [], exact: true }),
  languages: Schema.optionalWith(Schema.Array(Schema.String), { default: () => ["zh"], exact: true }),
  applicationProcess: Schema.optional(Schema.String),
  requiredDocuments: Schema.optionalWith(Schema.Array(Schema.String), { default: () => [], exact: true }),
  interpretationServices: Schema.optional(Schema.String),
  accreditations: Schema.optional(Schema.String),
  fundingSources: Schema.optionalWith(Schema.Array(Schema.String), { default: () => [], exact: true }),
  serviceAreas: Schema.optionalWith(Schema.Array(ServiceArea), { default: () => [], exact: true }),
  alert: Schema.optional(Schema.String),
  assuredOn: Schema.optional(LocalDate.LocalDate),
  tags: Schema.optionalWith(Schema.Array(Schema.String), { default: () => [], exact: true }),
  placement: Schema.optional(Placement.Location),
  version: Schema.optionalWith(Schema.NonNegativeInt, { default: () => 1, exact: true })
}) {}

/**
 * Where a service sits in the scope trees (its placement, the division defaulting to its tenant).
 *
 * @since 0.1.0
 * @category scope
 */
export const location = (self: Service): Placement.Location => Placement.resolve(self.tenant, self.placement)

/**
 * Checks a person against the service's eligibility on the service date; a service without eligibility is open to
 * everyone.
 *
 * @since 0.1.0
 * @category rules
 */
export const checkEligibility = (
  self: Service,
  person: Eligibility.Person,
  on: LocalDate.LocalDate
): Eligibility.Result =>
  self.eligibility === undefined ? { _tag: "Eligible" } : Eligibility.check(self.eligibility, person, on)

/**
 * True when the service is open at an instant by its schedule (a service without a schedule is never "open": ask
 * its provider). Inactive, defunct and temporarily closed services are closed whatever their schedule says.
 *
 * @since 0.1.0
 * @category rules
 */
export const isOpenAt = (
  self: Service,
  instant: DateTime.Utc,
  calendar?: WorkingCalendar
): Either.Either<boolean, Schedule.ScheduleError> =>
  self.schedule === undefined || self.status !== "active"
    ? Either.right(false)
    : Schedule.isOpenAt(self.schedule, instant, calendar)

/**
 * True when the service is free of charge for its users (公益、免费).
 *
 * @since 0.1.0
 * @category rules
 */
export const isFree = (self: Service): boolean => self.fees.model === "free"

/**
 * Services per type (按服务类型): one row per type in force, in its order, with its name (Chinese by default), the
 * services of that type and how many of them are active. Services of a type no plugin declares are in no row;
 * {@link checkTypes} reports them.
 *
 * @param types - the types in force (`Runtime.Policies.serviceTypes`; default {@link defaultTypes})
 * @since 0.1.0
 * @category statistics
 */
export const byType = (
  services: ReadonlyArray<Service>,
  types: ReadonlyArray<Term.Term> = defaultTypes,
  locale: "zh-CN" | "en" = "zh-CN"
): ReadonlyArray<{
  readonly type: ServiceType
  readonly name: string
  readonly services: number
  readonly active: number
}> =>
  types.map((t) => {
    const of = services.filter((s) => s.type === t.id)
    return {
      type: t.id,
      name: locale === "en" ? t.nameEn : t.nameZh,
      services: of.length,
      active: of.filter((s) => s.status === "active").length
    }
  })

/**
 * Checks services against the types in force: an error finding (`service/unknown-type`) for each service whose type
 * no plugin declares, at its index.
 *
 * @param types - the types in force (`Runtime.Policies.serviceTypes`; default {@link defaultTypes})
 * @since 0.1.0
 * @category rules
 */
export const checkTypes = (
  services: ReadonlyArray<Service>,
  types: ReadonlyArray<Term.Term> = defaultTypes
): ReadonlyArray<Finding.Finding> =>
  services.flatMap((s, i) =>
    Term.check(types, s.type, {
      code: "service/unknown-type",
      path: ["services", i, "type"],
      what: "service type",
      subject: `service ${s.name}`
    })
  )
