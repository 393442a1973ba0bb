/**
 * Volunteer teams (志愿服务队): the teams that run a compound's services, such as the five party-and-masses teams
 * of 锦绣华景 providing property, volunteer, judicial, social-work and community services.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Ids from "../kernel/Ids.js"
import * as Term from "../kernel/Term.js"
import * as Placement from "./Placement.js"

/**
 * The kind of service a team provides (服务类型), shared with `Service.ServiceType`: a term id. The core pack declares
 * {@link defaultServiceTypes}; a host declares its own through `Service.typesPoint`.
 *
 * @since 0.1.0
 * @category models
 */
export const ServiceType = Term.TermId.annotations({ identifier: "ServiceType" })
/**
 * @since 0.1.0
 * @category models
 */
export type ServiceType = typeof ServiceType.Type

const lianjiangFive = "seed (廉江锦绣华景: 物业服务、志愿服务、司法服务、社工服务、社区服务五类服务)"
const seedServices =
  "seed (廉江锦绣华景 service station: 中医夜市、云上健康管理、1岁至3岁幼儿的托育照护、便民服务、党员组织关系转接、就业帮助)"

/**
 * The default service types, in report order: the five of the Lianjiang compound (物业服务, 志愿服务, 司法服务, 社工服务,
 * 社区服务), then those of the services the seed describes there (健康服务, 托育服务, 养老服务, 便民微服务, 党建服务,
 * 就业服务), and 其他 (other: a catch-all, a default to be replaced).
 *
 * @since 0.1.0
 * @category policies
 */
export const defaultServiceTypes: ReadonlyArray<Term.Term> = [
  Term.make("property", "物业服务", "property services", lianjiangFive),
  Term.make("volunteer", "志愿服务", "volunteer services", lianjiangFive),
  Term.make("judicial", "司法服务", "judicial services", lianjiangFive),
  Term.make("social-work", "社工服务", "social work", lianjiangFive),
  Term.make("community", "社区服务", "community services", lianjiangFive),
  Term.make("health", "健康服务", "health services", seedServices),
  Term.make("childcare", "托育服务", "childcare", seedServices),
  Term.make("elderly-care", "养老服务", "elderly care", "seed (淄博: 养老服务; 廉江: 一老一小)"),
  Term.make("convenience", "便民微服务", "convenience micro-services", seedServices),
  Term.make("party-building", "党建服务", "party-building services", seedServices),
  Term.make("employment", "就业服务", "employment services", seedServices),
  Term.make("other", "其他", "other", "a catch-all; a default to be replaced")
]

/**
 * Chinese names of the default service types ({@link defaultServiceTypes}), for reports: 物业服务, 志愿服务, 司法服务,
 * 社工服务, 社区服务, 健康服务, 托育服务, 养老服务, 便民微服务, 党建服务, 就业服务, 其他. A host's names are in the list in
 * force (`Term.nameOf`).
 *
 * @since 0.1.0
 * @category models
 */
export const serviceTypeNames: Readonly<Record<string, string>> = Object.fromEntries(
  defaultServiceTypes.map((t) => [t.id, t.nameZh])
)

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
