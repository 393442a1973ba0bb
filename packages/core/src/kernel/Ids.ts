/**
 * Branded identifiers (标识) of every aggregate. An id is unique within its tenant; hosts may bring their own ids
 * as long as they match {@link IdPattern}.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * What every identifier looks like: 1–64 characters of letters, digits and `_ . : / -` (`/` after a plugin id, as in
 * `my-city/night-watch`), starting with a letter or
 * digit.
 *
 * @since 0.1.0
 * @category patterns
 */
export const IdPattern: RegExp = /^[A-Za-z0-9][A-Za-z0-9_.:/-]{0,63}$/

const id = <const B extends string>(brand: B, title: string) =>
  Schema.String.pipe(
    Schema.pattern(IdPattern, {
      message: () =>
        `${title} must be 1–64 letters, digits, "_", ".", ":", "/" (after a plugin id, as in my-city/x) or "-", starting with a letter or digit`
    }),
    Schema.brand(brand),
    Schema.annotations({ identifier: brand.replace("@zhili/", ""), title })
  )

/**
 * The tenant of a record: the 12-digit statistical division code of the community (社区) that owns it, or a
 * shorter division code for records owned by a street, county or city. Every table's key starts with it.
 *
 * @since 0.1.0
 * @category identifiers
 */
export const TenantId = Schema.String.pipe(
  Schema.pattern(/^(\d{6}|\d{9}|\d{12})$/, {
    message: () => "a tenant is a division code of 6, 9 or 12 digits (county, township or community)"
  }),
  Schema.brand("@zhili/TenantId"),
  Schema.annotations({ identifier: "TenantId", title: "tenant division code" })
)
/** @since 0.1.0 @category identifiers */
export type TenantId = typeof TenantId.Type

/** Organisation unit (党组织、机关、单位) id. @since 0.1.0 @category identifiers */
export const OrgUnitId = id("@zhili/OrgUnitId", "org unit id")
/** @since 0.1.0 @category identifiers */
export type OrgUnitId = typeof OrgUnitId.Type

/** Person (人员) id. @since 0.1.0 @category identifiers */
export const PersonId = id("@zhili/PersonId", "person id")
/** @since 0.1.0 @category identifiers */
export type PersonId = typeof PersonId.Type

/** Post (岗位) id. @since 0.1.0 @category identifiers */
export const PostId = id("@zhili/PostId", "post id")
/** @since 0.1.0 @category identifiers */
export type PostId = typeof PostId.Type

/** Membership or post holding (任职) id. @since 0.1.0 @category identifiers */
export const MembershipId = id("@zhili/MembershipId", "membership id")
/** @since 0.1.0 @category identifiers */
export type MembershipId = typeof MembershipId.Type

/** Partnership (共建、结对、双报到) id. @since 0.1.0 @category identifiers */
export const PartnershipId = id("@zhili/PartnershipId", "partnership id")
/** @since 0.1.0 @category identifiers */
export type PartnershipId = typeof PartnershipId.Type

/** Organisation group (联合体, e.g. 五联一体 system) id. @since 0.1.0 @category identifiers */
export const OrgGroupId = id("@zhili/OrgGroupId", "org group id")
/** @since 0.1.0 @category identifiers */
export type OrgGroupId = typeof OrgGroupId.Type

/** Grid (网格) id. @since 0.1.0 @category identifiers */
export const GridId = id("@zhili/GridId", "grid id")
/** @since 0.1.0 @category identifiers */
export type GridId = typeof GridId.Type

/** Grid worker (网格员) id. @since 0.1.0 @category identifiers */
export const GridWorkerId = id("@zhili/GridWorkerId", "grid worker id")
/** @since 0.1.0 @category identifiers */
export type GridWorkerId = typeof GridWorkerId.Type

/** Building (楼栋) id. @since 0.1.0 @category identifiers */
export const BuildingId = id("@zhili/BuildingId", "building id")
/** @since 0.1.0 @category identifiers */
export type BuildingId = typeof BuildingId.Type

/** Household (户) id. @since 0.1.0 @category identifiers */
export const HouseholdId = id("@zhili/HouseholdId", "household id")
/** @since 0.1.0 @category identifiers */
export type HouseholdId = typeof HouseholdId.Type

/** Resident (居民) id. @since 0.1.0 @category identifiers */
export const ResidentId = id("@zhili/ResidentId", "resident id")
/** @since 0.1.0 @category identifiers */
export type ResidentId = typeof ResidentId.Type

/** Door-knocking visit (敲门行动走访) id. @since 0.1.0 @category identifiers */
export const VisitId = id("@zhili/VisitId", "visit id")
/** @since 0.1.0 @category identifiers */
export type VisitId = typeof VisitId.Type

/** Case (诉求、纠纷、事件) id. @since 0.1.0 @category identifiers */
export const CaseId = id("@zhili/CaseId", "case id")
/** @since 0.1.0 @category identifiers */
export type CaseId = typeof CaseId.Type

/** Case category (事项类别) code in the category catalogue. @since 0.1.0 @category identifiers */
export const CategoryCode = id("@zhili/CategoryCode", "category code")
/** @since 0.1.0 @category identifiers */
export type CategoryCode = typeof CategoryCode.Type

/** Mediation (调解) id. @since 0.1.0 @category identifiers */
export const MediationId = id("@zhili/MediationId", "mediation id")
/** @since 0.1.0 @category identifiers */
export type MediationId = typeof MediationId.Type

/** Deliberation meeting (议事会、议事亭) id. @since 0.1.0 @category identifiers */
export const DeliberationId = id("@zhili/DeliberationId", "deliberation id")
/** @since 0.1.0 @category identifiers */
export type DeliberationId = typeof DeliberationId.Type

/** Service (服务) id. @since 0.1.0 @category identifiers */
export const ServiceId = id("@zhili/ServiceId", "service id")
/** @since 0.1.0 @category identifiers */
export type ServiceId = typeof ServiceId.Type

/** Activity, one session of a service (活动、场次) id. @since 0.1.0 @category identifiers */
export const ActivityId = id("@zhili/ActivityId", "activity id")
/** @since 0.1.0 @category identifiers */
export type ActivityId = typeof ActivityId.Type

/** Volunteer team (志愿服务队) id. @since 0.1.0 @category identifiers */
export const VolunteerTeamId = id("@zhili/VolunteerTeamId", "volunteer team id")
/** @since 0.1.0 @category identifiers */
export type VolunteerTeamId = typeof VolunteerTeamId.Type

/** Space (阵地) id. @since 0.1.0 @category identifiers */
export const SpaceId = id("@zhili/SpaceId", "space id")
/** @since 0.1.0 @category identifiers */
export type SpaceId = typeof SpaceId.Type

/** Facility standard (建设标准) id. @since 0.1.0 @category identifiers */
export const FacilityStandardId = id("@zhili/FacilityStandardId", "facility standard id")
/** @since 0.1.0 @category identifiers */
export type FacilityStandardId = typeof FacilityStandardId.Type

/** Third-party operator (运营主体) id. @since 0.1.0 @category identifiers */
export const OperatorId = id("@zhili/OperatorId", "operator id")
/** @since 0.1.0 @category identifiers */
export type OperatorId = typeof OperatorId.Type

/** Operating agreement (运营协议) id. @since 0.1.0 @category identifiers */
export const AgreementId = id("@zhili/AgreementId", "operating agreement id")
/** @since 0.1.0 @category identifiers */
export type AgreementId = typeof AgreementId.Type

/** Community development fund (社区发展基金) id. @since 0.1.0 @category identifiers */
export const FundId = id("@zhili/FundId", "fund id")
/** @since 0.1.0 @category identifiers */
export type FundId = typeof FundId.Type

/** Fund ledger entry (收支记录) id. @since 0.1.0 @category identifiers */
export const LedgerEntryId = id("@zhili/LedgerEntryId", "ledger entry id")
/** @since 0.1.0 @category identifiers */
export type LedgerEntryId = typeof LedgerEntryId.Type

/** Project, e.g. micro-renovation (微改造项目) id. @since 0.1.0 @category identifiers */
export const ProjectId = id("@zhili/ProjectId", "project id")
/** @since 0.1.0 @category identifiers */
export type ProjectId = typeof ProjectId.Type

/** Needs survey (需求调查) id. @since 0.1.0 @category identifiers */
export const NeedsSurveyId = id("@zhili/NeedsSurveyId", "needs survey id")
/** @since 0.1.0 @category identifiers */
export type NeedsSurveyId = typeof NeedsSurveyId.Type

/** Need item (需求条目) id. @since 0.1.0 @category identifiers */
export const NeedItemId = id("@zhili/NeedItemId", "need item id")
/** @since 0.1.0 @category identifiers */
export type NeedItemId = typeof NeedItemId.Type

/** Indicator system (指标体系) id. @since 0.1.0 @category identifiers */
export const IndicatorSystemId = id("@zhili/IndicatorSystemId", "indicator system id")
/** @since 0.1.0 @category identifiers */
export type IndicatorSystemId = typeof IndicatorSystemId.Type

/** Indicator (指标) id, unique within its system. @since 0.1.0 @category identifiers */
export const IndicatorId = id("@zhili/IndicatorId", "indicator id")
/** @since 0.1.0 @category identifiers */
export type IndicatorId = typeof IndicatorId.Type

/** Assessment (考核) id. @since 0.1.0 @category identifiers */
export const AssessmentId = id("@zhili/AssessmentId", "assessment id")
/** @since 0.1.0 @category identifiers */
export type AssessmentId = typeof AssessmentId.Type

/** Rating scheme (评星定级、评选方案) id. @since 0.1.0 @category identifiers */
export const RatingSchemeId = id("@zhili/RatingSchemeId", "rating scheme id")
/** @since 0.1.0 @category identifiers */
export type RatingSchemeId = typeof RatingSchemeId.Type

/** Bulletin entry (通报表扬、通报批评) id. @since 0.1.0 @category identifiers */
export const BulletinEntryId = id("@zhili/BulletinEntryId", "bulletin entry id")
/** @since 0.1.0 @category identifiers */
export type BulletinEntryId = typeof BulletinEntryId.Type

/** Inspection, sitting in on organisational life (巡学旁听) id. @since 0.1.0 @category identifiers */
export const InspectionId = id("@zhili/InspectionId", "inspection id")
/** @since 0.1.0 @category identifiers */
export type InspectionId = typeof InspectionId.Type

/** Rectification (整改) id. @since 0.1.0 @category identifiers */
export const RectificationId = id("@zhili/RectificationId", "rectification id")
/** @since 0.1.0 @category identifiers */
export type RectificationId = typeof RectificationId.Type

/** Organisational-life record (组织生活记录) id. @since 0.1.0 @category identifiers */
export const OrgLifeRecordId = id("@zhili/OrgLifeRecordId", "organisational-life record id")
/** @since 0.1.0 @category identifiers */
export type OrgLifeRecordId = typeof OrgLifeRecordId.Type

/** Task list (任务清单) id. @since 0.1.0 @category identifiers */
export const TaskListId = id("@zhili/TaskListId", "task list id")
/** @since 0.1.0 @category identifiers */
export type TaskListId = typeof TaskListId.Type

/** Task (任务) id. @since 0.1.0 @category identifiers */
export const TaskId = id("@zhili/TaskId", "task id")
/** @since 0.1.0 @category identifiers */
export type TaskId = typeof TaskId.Type

/** Responsibility list (责任清单) id. @since 0.1.0 @category identifiers */
export const ResponsibilityListId = id("@zhili/ResponsibilityListId", "responsibility list id")
/** @since 0.1.0 @category identifiers */
export type ResponsibilityListId = typeof ResponsibilityListId.Type

/** Brand checklist (一机关一品牌) id. @since 0.1.0 @category identifiers */
export const BrandId = id("@zhili/BrandId", "brand id")
/** @since 0.1.0 @category identifiers */
export type BrandId = typeof BrandId.Type

/** Suggestion raised at an inspection (巡学旁听意见建议) id. @since 0.1.0 @category identifiers */
export const SuggestionId = id("@zhili/SuggestionId", "suggestion id")
/** @since 0.1.0 @category identifiers */
export type SuggestionId = typeof SuggestionId.Type
