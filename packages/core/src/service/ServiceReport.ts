/**
 * Report section of the service context (服务统计): activities (场次), person-times (人次) and volunteer hours, per
 * service and per volunteer team and per month, computed from activity records with {@link Activity.statistics}.
 * "Team" figures name what they count: the activities of the services a team provides (the seed's 志愿服务队开展活动
 * 180 场) and, per team, also the activities it ran (the activity's own `team`, which may staff another provider's
 * service).
 *
 * @since 0.1.0
 */
import * as Labels from "../report/Labels.js"
import * as Report from "../report/Report.js"
import * as SectionBuilder from "../report/SectionBuilder.js"
import * as Activity from "./Activity.js"
import type * as Service from "./Service.js"
import type * as VolunteerTeam from "./VolunteerTeam.js"

/**
 * The labels of the service section.
 *
 * @since 0.1.0
 * @category labels
 */
export const labels: Labels.Labels = Labels.make({
  "service.title": { "zh-CN": "服务活动", en: "Services and activities" },
  "service.activities": { "zh-CN": "开展活动", en: "Activities" },
  "service.personTimes": { "zh-CN": "服务人次", en: "Person-times" },
  "service.volunteerHours": { "zh-CN": "志愿服务时长", en: "Volunteer hours" },
  "service.teamActivities": {
    "zh-CN": "志愿服务队所提供服务的活动",
    en: "Activities of services volunteer teams provide"
  },
  "service.teamPersonTimes": {
    "zh-CN": "志愿服务队所提供服务的人次",
    en: "Person-times of services volunteer teams provide"
  },
  "service.team.serviceActivities": { "zh-CN": "所提供服务的活动", en: "Activities of its services" },
  "service.team.servicePersonTimes": { "zh-CN": "所提供服务的人次", en: "Person-times of its services" },
  "service.team.ranActivities": { "zh-CN": "开展（承担）的活动", en: "Activities it ran" },
  "service.team.ranPersonTimes": { "zh-CN": "开展（承担）活动的人次", en: "Person-times of activities it ran" },
  "service.byService": { "zh-CN": "各项服务活动与人次", en: "Activities and person-times per service" },
  "service.byTeam": { "zh-CN": "各志愿服务队活动与人次", en: "Activities and person-times per volunteer team" },
  "service.byMonth": { "zh-CN": "每月服务人次", en: "Person-times per month" },
  "service.service": { "zh-CN": "服务", en: "Service" },
  "service.team": { "zh-CN": "服务队", en: "Team" },
  "service.month": { "zh-CN": "月份", en: "Month" },
  "service.records.activities": { "zh-CN": "活动", en: "activity" },
  "unit.sessions": { "zh-CN": "场", en: "sessions" },
  "unit.personTimes": { "zh-CN": "人次", en: "person-times" },
  "unit.hours": { "zh-CN": "小时", en: "hours" }
})

/**
 * Records the service section reads.
 *
 * @since 0.1.0
 * @category models
 */
export interface Records {
  readonly services: ReadonlyArray<Service.Service>
  readonly teams: ReadonlyArray<VolunteerTeam.VolunteerTeam>
  readonly activities: ReadonlyArray<Activity.Activity>
}

/**
 * The service section (`service.activities`). Seed: five volunteer teams, 180 activities, 8,000 person-times; TCM
 * night clinic 15 sessions, 775 person-times; after-school class 129 activities, 5,547 person-times.
 *
 * @since 0.1.0
 * @category sections
 */
export const section = (options: { readonly timeZone?: string } = {}): SectionBuilder.SectionBuilder<Records> =>
  SectionBuilder.make<Records>({
    id: "service.activities",
    labels,
    sources: (r) => [{ kind: "service.records.activities", count: r.activities.length }],
    build: (r, { period, t }) => {
      const filter = {
        from: period.from,
        to: period.to,
        ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone })
      }
      const inPeriod = r.activities.filter((a) => Activity.matches(a, filter))
      const all = Activity.totals(inPeriod)
      const teamOf = new Map(
        r.services.flatMap((s) => (s.provider._tag === "VolunteerTeam" ? [[s.id, s.provider.id] as const] : []))
      )
      const byTeamActivities = inPeriod.filter((a) => teamOf.has(a.service))
      const team = Activity.totals(byTeamActivities)
      const byService = new Map(Activity.statistics(inPeriod, { groupBy: "service" }).map((s) => [s.key, s]))
      const byTeam = new Map(
        r.teams.map((x) => [x.id, Activity.totals(byTeamActivities.filter((a) => teamOf.get(a.service) === x.id))])
      )
      const ran = new Map(Activity.statistics(inPeriod, { groupBy: "runningTeam" }).map((s) => [s.key, s]))
      const byMonth = Activity.statistics(inPeriod, { groupBy: "month", ...filter })
      const services = r.services.filter((s) => byService.has(s.id))
      return Report.section({
        id: "service.activities",
        title: t("service.title"),
        figures: [
          Report.count({
            id: "activities",
            label: t("service.activities"),
            unit: t("unit.sessions"),
            items: inPeriod,
            inputLabel: t("service.records.activities"),
            formula: "count(activities in the period)"
          }),
          Report.sum({
            id: "person-times",
            label: t("service.personTimes"),
            unit: t("unit.personTimes"),
            items: inPeriod,
            of: Activity.personTimes,
            inputLabel: t("service.records.activities"),
            formula: "sum(head count or roster size + guests of each activity)"
          }),
          Report.count({
            id: "team-activities",
            label: t("service.teamActivities"),
            unit: t("unit.sessions"),
            items: byTeamActivities,
            inputLabel: t("service.records.activities"),
            formula: "count(activities in the period of services a volunteer team provides)"
          }),
          new Report.Figure({
            id: "team-person-times",
            label: t("service.teamPersonTimes"),
            value: team.personTimes,
            kind: "integer",
            unit: t("unit.personTimes"),
            computation: new Report.Computation({
              formula: "sum(person-times of activities of services a volunteer team provides)",
              inputs: [new Report.Input({ label: t("service.records.activities"), count: team.activities })]
            })
          }),
          new Report.Figure({
            id: "volunteer-hours",
            label: t("service.volunteerHours"),
            value: all.volunteerHours,
            kind: "decimal",
            unit: t("unit.hours"),
            computation: new Report.Computation({
              formula: "sum(volunteer minutes) ÷ 60",
              inputs: [new Report.Input({ label: t("service.records.activities"), count: all.activities })]
            })
          })
        ],
        tables: [
          new Report.Table({
            id: "by-service",
            title: t("service.byService"),
            columns: [
              new Report.Column({ id: "service", label: t("service.service"), type: "text" }),
              new Report.Column({ id: "activities", label: t("service.activities"), type: "integer" }),
              new Report.Column({ id: "personTimes", label: t("service.personTimes"), type: "integer" })
            ],
            rows: services.map((s) => [
              s.name,
              byService.get(s.id)?.activities ?? 0,
              byService.get(s.id)?.personTimes ?? 0
            ])
          }),
          new Report.Table({
            id: "by-team",
            title: t("service.byTeam"),
            columns: [
              new Report.Column({ id: "team", label: t("service.team"), type: "text" }),
              new Report.Column({
                id: "serviceActivities",
                label: t("service.team.serviceActivities"),
                type: "integer"
              }),
              new Report.Column({
                id: "servicePersonTimes",
                label: t("service.team.servicePersonTimes"),
                type: "integer"
              }),
              new Report.Column({ id: "ranActivities", label: t("service.team.ranActivities"), type: "integer" }),
              new Report.Column({ id: "ranPersonTimes", label: t("service.team.ranPersonTimes"), type: "integer" })
            ],
            rows: r.teams.map((x) => [
              x.name,
              byTeam.get(x.id)?.activities ?? 0,
              byTeam.get(x.id)?.personTimes ?? 0,
              ran.get(x.id)?.activities ?? 0,
              ran.get(x.id)?.personTimes ?? 0
            ])
          })
        ],
        series: [
          new Report.Series({
            id: "by-team",
            title: t("service.byTeam"),
            kind: "bar",
            unit: "",
            categories: r.teams.map((x) => x.name),
            data: [
              new Report.SeriesData({
                name: t("service.team.serviceActivities"),
                values: r.teams.map((x) => byTeam.get(x.id)?.activities ?? 0)
              }),
              new Report.SeriesData({
                name: t("service.team.servicePersonTimes"),
                values: r.teams.map((x) => byTeam.get(x.id)?.personTimes ?? 0)
              })
            ]
          }),
          new Report.Series({
            id: "by-month",
            title: t("service.byMonth"),
            kind: "line",
            unit: t("unit.personTimes"),
            categories: byMonth.map((m) => m.key),
            data: [new Report.SeriesData({ name: t("service.personTimes"), values: byMonth.map((m) => m.personTimes) })]
          })
        ]
      })
    }
  })
