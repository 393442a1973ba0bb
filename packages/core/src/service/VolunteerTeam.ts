/**
 * Volunteer teams (志愿服务队): the teams that run a compound's services, such as the five party-and-masses teams
 * of 锦绣华景 providing property, volunteer, judicial, social-work and community services.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Ids from "../kernel/Ids.js"
import * as Placement from "./Placement.js"

/**
 * The kind of service a team provides (服务类型), shared with `Service.ServiceType`.
 *
 * @since 0.1.0
 * @category models
 */
export const ServiceType = Schema.Literal(
  "property",
  "volunteer",
  "judicial",
  "social-work",
  "community",
  "health",
  "childcare",
  "elderly-care",
  "convenience",
  "party-building",
  "employment",
  "other"
).annotations({ identifier: "ServiceType" })
/**
 * @since 0.1.0
 * @category models
 */
export type ServiceType = typeof ServiceType.Type

/**
 * Chinese names of the service types, for reports: 物业服务, 志愿服务, 司法服务, 社工服务, 社区服务, 健康服务, 托育服务,
 * 养老服务, 便民微服务, 党建服务, 就业服务, 其他.
 *
 * @since 0.1.0
 * @category models
 */
export const serviceTypeNames: Readonly<Record<ServiceType, string>> = {
  property: "物业服务",
  volunteer: "志愿服务",
  judicial: "司法服务",
  "social-work": "社工服务",
  community: "社区服务",
  health: "健康服务",
  childcare: "托育服务",
  "elderly-care": "养老服务",
  convenience: "便民微服务",
  "party-building": "党建服务",
  employment: "就业服务",
  other: "其他"
}

/**
 * A volunteer team (志愿服务队): its kind of service, the org unit that leads it, and its members by person id.
 *
 * @since 0.1.0
 * @category models
 */
export class VolunteerTeam extends Schema.Class<VolunteerTeam>("@zhili/VolunteerTeam")({
  tenant: Ids.TenantId,
  id: Ids.VolunteerTeamId,
  name: Schema.NonEmptyTrimmedString,
  serviceType: ServiceType,
  ledBy: Schema.optional(Ids.OrgUnitId),
  leader: Schema.optional(Ids.PersonId),
  members: Schema.optionalWith(Schema.Array(Ids.PersonId), { default: () => [], exact: true }),
  placement: Schema.optional(Placement.Location),
  version: Schema.optionalWith(Schema.NonNegativeInt, { default: () => 1, exact: true })
}) {}

/**
 * Where a team sits in the scope trees (its placement, the division defaulting to its tenant).
 *
 * @since 0.1.0
 * @category scope
 */
export const location = (self: VolunteerTeam): Placement.Location => Placement.resolve(self.tenant, self.placement)
