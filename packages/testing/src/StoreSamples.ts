/**
 * Sample stored records of every registered aggregate (存储样例), built from the seed fixtures (锦绣华景, JinxiuCases,
 * ServiceFixtures, OperationFixtures, HuichangCounty), each wrapped as a `Store.Stored` record at the location the
 * domain's `location(...)` function gives. The conformance suite round-trips them through every store.
 *
 * @since 0.1.0
 */
import {
  Activity,
  Aggregates,
  Assessment,
  Audit,
  Building,
  Bulletin,
  Claim,
  Consent,
  Enrolment,
  Fund,
  Grid,
  GridWorker,
  Household,
  Ids,
  IndicatorSystem,
  Inspection,
  LocalDate,
  Membership,
  Needs,
  Operator,
  OrgGroup,
  OrgLife,
  OrgUnit,
  Post,
  Project,
  ProjectStatus,
  Rating,
  Resident,
  Service,
  Space,
  Store,
  TaskList,
  Visit,
  VolunteerHours,
  VolunteerTeam
} from "@zhili/core"
import { policy } from "./CaseArbitraries.js"
import * as HuichangCounty from "./fixtures/HuichangCounty.js"
import * as JinxiuCases from "./fixtures/JinxiuCases.js"
import * as JinxiuHuajing from "./fixtures/JinxiuHuajing.js"
import * as OperationFixtures from "./fixtures/Operations.js"
import * as ServiceFixtures from "./fixtures/Services.js"

/**
 * Sample records of one aggregate.
 *
 * @since 0.1.0
 * @category models
 */
export interface Samples {
  readonly aggregate: Store.AnyAggregate
  readonly records: ReadonlyArray<Store.Stored<unknown>>
}

const at =
  <A, I, K extends string, E, EI>(aggregate: Store.Aggregate<Store.Stored<A>, I, K, E, EI>) =>
  (records: ReadonlyArray<A>, location: (value: A) => Store.Location): Samples => ({
    aggregate: aggregate as unknown as Store.AnyAggregate,
    records: records.map((value) => Store.stored(value, location(value)) as Store.Stored<unknown>)
  })

/**
 * One group of samples per registered aggregate, in registration order; every aggregate of `Aggregates.all` has at
 * least one record.
 *
 * @since 0.1.0
 * @category fixtures
 */
export const samples = (): ReadonlyArray<Samples> => {
  const c = JinxiuHuajing.compound()
  const { grids, units } = c
  const buildings = new Map(c.buildings.map((b) => [b.id as string, b]))
  const households = new Map(c.households.map((h) => [h.id as string, h]))
  const tenantOnly = (value: { readonly tenant: string }): Store.Location => ({ division: value.tenant })
  const lead = units[0]
  const others = units.slice(1, 3)
  const groups =
    lead === undefined
      ? []
      : [
          new OrgGroup.OrgGroup({
            id: Ids.OrgGroupId.make("og-1"),
            tenant: c.tenant,
            name: "锦绣华景联建组",
            lead: lead.id,
            members: others.map((u) => u.id),
            activities: ["joint-study"]
          })
        ]
  const cases = JinxiuCases.cases(policy)
  const ops = OperationFixtures
  const hc = HuichangCounty
  return [
    at(Aggregates.OrgUnits)(units, (u) => OrgUnit.location(u, units)),
    at(Aggregates.People)(c.people, tenantOnly),
    at(Aggregates.Posts)(c.posts, (p) => Post.location(p, units, grids)),
    at(Aggregates.Holdings)(c.holdings, tenantOnly),
    at(Aggregates.Memberships)(c.memberships, (m) => Membership.location(m, units)),
    at(Aggregates.Partnerships)(c.partnerships, tenantOnly),
    at(Aggregates.MemberRegistrations)(c.registrations, tenantOnly),
    at(Aggregates.OrgGroups)(groups, tenantOnly),
    at(Aggregates.Grids)(grids, (g) => Grid.location(g, grids)),
    at(Aggregates.GridWorkers)(c.workers, (w) => GridWorker.location(w, grids)),
    at(Aggregates.Buildings)(c.buildings, (b) => Building.location(b, grids)),
    at(Aggregates.Households)(c.households, (h) => Household.location(h, buildings, grids)),
    at(Aggregates.Residents)(c.residents, (r) => Resident.location(r, households, buildings, grids)),
    at(Aggregates.Visits)(c.visits, (v) => Visit.location(v, c.households, c.buildings, grids)),
    at(Aggregates.Cases)(cases, (k) => ({
      division: k.tenant,
      grid: k.intake.location.gridPath ?? [k.intake.location.grid]
    })),
    at(Aggregates.Mediations)(JinxiuCases.mediations, tenantOnly),
    at(Aggregates.Deliberations)([JinxiuCases.meeting], tenantOnly),
    at(Aggregates.Services)(ServiceFixtures.services, Service.location),
    at(Aggregates.VolunteerTeams)(ServiceFixtures.teams, VolunteerTeam.location),
    at(Aggregates.Activities)(
      [...ServiceFixtures.tcmSessions.slice(0, 5), ...ServiceFixtures.teamActivities.slice(0, 5)],
      Activity.location
    ),
    at(Aggregates.Rosters)([ServiceFixtures.afterSchoolRoster], Enrolment.location),
    at(Aggregates.VolunteerHoursEntries)(ServiceFixtures.volunteerHours, VolunteerHours.location),
    at(Aggregates.Spaces)([ops.serviceComplex], Space.location),
    at(Aggregates.Operators)([ops.operator], Operator.location),
    at(Aggregates.OperatingAgreements)([ops.agreement], tenantOnly),
    at(Aggregates.Funds)([ops.fund], Fund.location),
    at(Aggregates.Projects)(ops.projects, Project.location),
    at(Aggregates.NeedsSurveys)([ops.survey], Needs.location),
    at(Aggregates.NeedItems)(ops.needs, tenantOnly),
    at(Aggregates.ProjectHistories)([ops.roadHistory], ProjectStatus.location),
    at(Aggregates.ProjectClaims)(ops.visitClaims, Claim.location),
    at(Aggregates.IndicatorSystems)([hc.fourStrongSystem, hc.modelOrganSystem], IndicatorSystem.location),
    at(Aggregates.Assessments)(
      [...hc.fourStrongAssessments.slice(0, 5), ...hc.modelOrganAssessments.slice(0, 5)],
      (a) => Assessment.location(a)
    ),
    at(Aggregates.Ratings)([hc.fourStrongScheme, hc.modelOrganScheme], Rating.location),
    at(Aggregates.BulletinEntries)(hc.bulletin, (b) => Bulletin.location(b)),
    at(Aggregates.Inspections)(hc.inspections.slice(0, 10), (i) => Inspection.location(i)),
    at(Aggregates.Rectifications)(hc.rectifications.slice(0, 10), (r) => Inspection.location(r)),
    at(Aggregates.OrgLifeRecords)(hc.orgLifeRecords.slice(0, 10), (r) => OrgLife.location(r)),
    at(Aggregates.TaskLists)([hc.reformTasks], (t) => TaskList.location(t)),
    at(Aggregates.AccessAudit)(
      [
        new Audit.Entry({
          id: "audit-sample-1",
          tenant: c.tenant,
          at: "2026-03-01T04:00:00.000Z",
          actor: "u-7",
          role: "administrator",
          operation: "save",
          aggregate: "household",
          record: "h-sample",
          purpose: "grid-management",
          outcome: "done"
        }),
        new Audit.Entry({
          id: "audit-sample-2",
          tenant: c.tenant,
          at: "2026-03-01T04:00:01.000Z",
          actor: "u-8",
          role: "my-city/reader",
          operation: "import",
          aggregate: "resident",
          count: 0,
          outcome: "refused",
          reason: "NotPermitted"
        })
      ],
      () => ({})
    ),
    at(Aggregates.Consents)(
      [
        new Consent.Consent({
          id: "consent-sample-1",
          tenant: c.tenant,
          subject: "r-sample",
          purpose: "minor-records",
          scope: "为开展未成年人关爱服务处理儿童的姓名与出生日期",
          givenBy: { _tag: "guardian", relation: "父亲" },
          givenAt: LocalDate.LocalDate.make("2026-01-10"),
          withdrawnAt: LocalDate.LocalDate.make("2026-02-20")
        })
      ],
      tenantOnly
    )
  ]
}
