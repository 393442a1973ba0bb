/**
 * Community projects (社区项目): micro-renovations in old compounds (微改造: road repair, bicycle sheds), greening and
 * smart upgrades in new ones, public-benefit services — with a budget, weighted milestones whose progress rolls up
 * Decidim-style, funding grants from a community fund, and claims (认领) by merchants, organisations and
 * volunteers.
 *
 * @since 0.1.0
 */
import { Either, Schema } from "effect"
import { Finding } from "../kernel/Finding.js"
import * as Ids from "../kernel/Ids.js"
import * as LocalDate from "../kernel/LocalDate.js"
import * as Term from "../kernel/Term.js"
import * as Plugin from "../plugin/Plugin.js"
import * as Placement from "../service/Placement.js"
import type * as Fund from "./Fund.js"
import * as Money from "./Money.js"

/**
 * The kind of a project (项目类型), a term id: by default micro-renovation (微改造), greening (绿化提升), smart upgrade
 * (智慧改造), a public-benefit service (普惠性公共服务), visits to people in focus (重点人群走访慰问), hosting a governance
 * activity (治理服务活动承办), other ({@link defaultKinds}); a host declares its own through {@link kindsPoint}.
 *
 * @since 0.1.0
 * @category models
 */
export const Kind = Term.TermId
/**
 * @since 0.1.0
 * @category models
 */
export type Kind = typeof Kind.Type

const zibo = "seed (淄博"

/**
 * The default project kinds, in report order, each from the seed's Zibo passage.
 *
 * @since 0.1.0
 * @category policies
 */
export const defaultKinds: ReadonlyArray<Term.Term> = [
  Term.make("micro-renovation", "微改造", "micro-renovation", `${zibo}: 维修路面、建设车棚等社区"微改造"项目144个)`),
  Term.make("greening", "绿化提升", "greening", `${zibo}: 绿化提升、智慧改造等项目672个)`),
  Term.make("smart-upgrade", "智慧改造", "smart upgrade", `${zibo}: 绿化提升、智慧改造等项目672个)`),
  Term.make("public-service", "普惠性公共服务", "public-benefit service", `${zibo}: 认领、参与社区普惠性公共服务)`),
  Term.make("visiting", "重点人群走访慰问", "visits to people in focus", `${zibo}: 重点人群走访慰问)`),
  Term.make("activity-hosting", "治理服务活动承办", "hosting a governance activity", `${zibo}: 治理服务活动承办)`),
  Term.make("other", "其他", "other", "a catch-all; a default to be replaced")
]

/**
 * Extension point `operation.projectKinds`: the kinds of community project (项目类型), keyed by id.
 *
 * @since 0.1.0
 * @category plugins
 */
export const kindsPoint: Plugin.ExtensionPoint<Term.Term> = Plugin.extensionPoint({
  id: "operation.projectKinds",
  description: "Kinds of community project (微改造、绿化提升、智慧改造 …), keyed by id.",
  schema: Term.Term,
  key: (k) => k.id
})

/**
 * Where a project stands.
 *
 * @since 0.1.0
 * @category models
 */
export const Status = Schema.Literal("proposed", "approved", "in-progress", "completed", "cancelled")
/**
 * @since 0.1.0
 * @category models
 */
export type Status = typeof Status.Type

/**
 * A milestone (节点) with a weight (a positive integer; shares are weight ÷ total) and progress in whole percent.
 *
 * @since 0.1.0
 * @category models
 */
export const Milestone = Schema.Struct({
  code: Schema.NonEmptyTrimmedString,
  name: Schema.NonEmptyTrimmedString,
  weight: Schema.Int.pipe(Schema.positive()),
  progress: Schema.Int.pipe(Schema.between(0, 100, { message: () => "progress is a whole percent from 0 to 100" })),
  due: Schema.optional(LocalDate.LocalDate),
  completedOn: Schema.optional(LocalDate.LocalDate)
})
/**
 * @since 0.1.0
 * @category models
 */
export type Milestone = typeof Milestone.Type

/**
 * Who claims a project (认领主体), a term id: by default a merchant (商户), a social organisation (社会组织), a
 * volunteer (志愿者), a building head (楼栋长), a unit stationed in the community (驻区单位) ({@link
 * defaultClaimantKinds}); a host declares its own through {@link claimantKindsPoint}.
 *
 * @since 0.1.0
 * @category models
 */
export const ClaimantKind = Term.TermId
/**
 * @since 0.1.0
 * @category models
 */
export type ClaimantKind = typeof ClaimantKind.Type

const claimants = `${zibo}: 充分调动辖区内外企商户、社会组织、楼栋长、志愿者等群体…常态化认领)`

/**
 * The default claimant kinds: the four groups the seed's Zibo passage names, and the resident unit (驻区单位, named
 * by the seed's Lianjiang passage among the forces that take part).
 *
 * @since 0.1.0
 * @category policies
 */
export const defaultClaimantKinds: ReadonlyArray<Term.Term> = [
  Term.make("merchant", "企业商户", "merchant", claimants),
  Term.make("organisation", "社会组织", "social organisation", claimants),
  Term.make("volunteer", "志愿者", "volunteer", claimants),
  Term.make("building-head", "楼栋长", "building head", claimants),
  Term.make("resident-unit", "驻区单位", "resident unit", "seed (廉江: 驻区单位、“双报到”单位党组织…共同参与)")
]

/**
 * Extension point `operation.claimantKinds`: who may claim a project (认领主体), keyed by id.
 *
 * @since 0.1.0
 * @category plugins
 */
export const claimantKindsPoint: Plugin.ExtensionPoint<Term.Term> = Plugin.extensionPoint({
  id: "operation.claimantKinds",
  description: "Who may claim a project (企业商户、社会组织、楼栋长、志愿者 …), keyed by id.",
  schema: Term.Term,
  key: (k) => k.id
})

/**
 * The core default pack's contributions: {@link defaultKinds} and {@link defaultClaimantKinds}.
 *
 * @since 0.1.0
 * @category plugins
 */
export const defaultContributions: ReadonlyArray<Plugin.Contribution> = [
  Plugin.contribute(kindsPoint, defaultKinds),
  Plugin.contribute(claimantKindsPoint, defaultClaimantKinds)
]

/**
 * Checks projects against the kinds in force: an error finding (`project/unknown-kind`) for each project whose kind
 * no plugin declares, and one (`project/unknown-claimant-kind`) for each claim by a kind of claimant no plugin
 * declares.
 *
 * @param kinds - the project kinds in force (`Runtime.Policies.projectKinds`; default {@link defaultKinds})
 * @param claimantKinds - the claimant kinds in force (`Runtime.Policies.claimantKinds`; default
 *   {@link defaultClaimantKinds})
 * @since 0.1.0
 * @category rules
 */
export const checkKinds = (
  projects: ReadonlyArray<Project>,
  kinds: ReadonlyArray<Term.Term> = defaultKinds,
  claimantKinds: ReadonlyArray<Term.Term> = defaultClaimantKinds
): ReadonlyArray<Finding> =>
  projects.flatMap((p, i) => [
    ...Term.check(kinds, p.kind, {
      code: "project/unknown-kind",
      path: ["projects", i, "kind"],
      what: "project kind",
      subject: `project ${p.name}`
    }),
    ...p.claims.flatMap((c, j) =>
      Term.check(claimantKinds, c.claimant.kind, {
        code: "project/unknown-claimant-kind",
        path: ["projects", i, "claims", j, "claimant", "kind"],
        what: "claimant kind",
        subject: `the claim by ${c.claimant.name} on project ${p.name}`
      })
    )
  ])

/**
 * A claim (认领): who takes on a project or a part of it, and how (sponsor it, carry it out, take part).
 *
 * @since 0.1.0
 * @category models
 */
export const Claim = Schema.Struct({
  claimant: Schema.Struct({
    kind: ClaimantKind,
    name: Schema.NonEmptyTrimmedString,
    operator: Schema.optional(Ids.OperatorId),
    person: Schema.optional(Ids.PersonId)
  }),
  role: Schema.Literal("sponsor", "undertake", "participate"),
  on: LocalDate.LocalDate,
  note: Schema.optional(Schema.String)
})
/**
 * @since 0.1.0
 * @category models
 */
export type Claim = typeof Claim.Type

/**
 * A project (项目). `claimable` says whether outsiders may claim it (可认领).
 *
 * @since 0.1.0
 * @category models
 */
export class Project extends Schema.Class<Project>("@zhili/Project")({
  tenant: Ids.TenantId,
  id: Ids.ProjectId,
  name: Schema.NonEmptyTrimmedString,
  kind: Kind,
  description: Schema.optional(Schema.String),
  budget: Money.NonNegativeFen,
  status: Status,
  milestones: Schema.optionalWith(Schema.Array(Milestone), { default: () => [], exact: true }),
  claimable: Schema.optionalWith(Schema.Boolean, { default: () => false, exact: true }),
  claims: Schema.optionalWith(Schema.Array(Claim), { default: () => [], exact: true }),
  fund: Schema.optional(Ids.FundId),
  space: Schema.optional(Ids.SpaceId),
  compound: Schema.optional(Schema.Literal("old", "new")),
  placement: Schema.optional(Placement.Location),
  version: Schema.optionalWith(Schema.NonNegativeInt, { default: () => 1, exact: true })
}) {}

/**
 * Where a project sits in the scope trees (its placement, the division defaulting to its tenant).
 *
 * @since 0.1.0
 * @category scope
 */
export const location = (self: Project): Placement.Location => Placement.resolve(self.tenant, self.placement)

/**
 * Progress of a project in percent, rolled up from its milestones by weight (as Decidim's accountability module
 * does): Σ weight × progress ÷ Σ weight, rounded to one decimal. A project without milestones is 100 when
 * completed and 0 otherwise.
 *
 * @since 0.1.0
 * @category rules
 */
export const progress = (self: Project): number => {
  if (self.milestones.length === 0) return self.status === "completed" ? 100 : 0
  let weights = 0
  let weighted = 0
  for (const m of self.milestones) {
    weights += m.weight
    weighted += m.weight * m.progress
  }
  return Math.round((weighted / weights) * 10) / 10
}

/**
 * Progress over many projects, weighted by budget (projects with a zero budget count with weight 1 fen so they
 * are not ignored), rounded to one decimal; 0 for none.
 *
 * @since 0.1.0
 * @category rules
 */
export const overallProgress = (projects: ReadonlyArray<Project>): number => {
  if (projects.length === 0) return 0
  let weights = 0
  let weighted = 0
  for (const p of projects) {
    const w = Math.max(1, p.budget)
    weights += w
    weighted += w * progress(p)
  }
  return Math.round((weighted / weights) * 10) / 10
}

/**
 * Problems in a project: duplicate milestone codes, a milestone marked done below 100 %, a completed project with
 * unfinished milestones, claims on a project that is not claimable.
 *
 * @since 0.1.0
 * @category rules
 */
export const validate = (self: Project): ReadonlyArray<Finding> => {
  const out: Array<Finding> = []
  const codes = new Set<string>()
  self.milestones.forEach((m, i) => {
    if (codes.has(m.code)) {
      out.push(
        new Finding({
          code: "project/duplicate-milestone",
          severity: "error",
          path: ["milestones", i, "code"],
          message: `milestone ${m.code} appears twice in project ${self.id}`
        })
      )
    }
    codes.add(m.code)
    if (m.completedOn !== undefined && m.progress < 100) {
      out.push(
        new Finding({
          code: "project/completed-below-100",
          severity: "error",
          path: ["milestones", i, "progress"],
          message: `milestone ${m.code} is marked completed on ${m.completedOn} at ${m.progress} %`
        })
      )
    }
  })
  if (self.status === "completed" && progress(self) < 100) {
    out.push(
      new Finding({
        code: "project/unfinished",
        severity: "warning",
        path: ["status"],
        message: `project ${self.id} is completed but its milestones are at ${progress(self)} %`
      })
    )
  }
  if (!self.claimable && self.claims.length > 0) {
    out.push(
      new Finding({
        code: "project/claims-not-allowed",
        severity: "warning",
        path: ["claims"],
        message: `project ${self.id} is not claimable but has ${self.claims.length} claim(s)`
      })
    )
  }
  return out
}

/**
 * Funding of a project from fund ledgers: the grants made to it, the budget left, and a finding when grants exceed
 * the budget.
 *
 * @since 0.1.0
 * @category rules
 */
export const funding = (
  self: Project,
  entries: ReadonlyArray<Fund.Entry>
): { readonly granted: Money.Fen; readonly remaining: Money.Fen; readonly findings: ReadonlyArray<Finding> } => {
  const granted = Money.sum(
    entries.flatMap((e) => (e._tag === "ProjectGrant" && e.project === self.id ? [e.amount] : []))
  )
  const remaining = Money.fen(self.budget - granted)
  return {
    granted,
    remaining,
    findings:
      remaining < 0
        ? [
            new Finding({
              code: "project/over-budget",
              severity: "warning",
              path: ["budget"],
              message: `project ${self.id} received ${Money.format(granted)} against a budget of ${Money.format(self.budget)}`
            })
          ]
        : []
  }
}

/**
 * A claim the project cannot take.
 *
 * @since 0.1.0
 * @category errors
 */
export class ClaimRefused extends Schema.TaggedError<ClaimRefused>()("ClaimRefused", {
  project: Ids.ProjectId,
  claimant: Schema.String,
  reason: Schema.String
}) {
  override get message(): string {
    return `project ${this.project}: claim by ${this.claimant} refused: ${this.reason}`
  }
}

/**
 * Records a claim (认领). Refused when the claimant's kind is not one in force, the project is not claimable, is
 * completed or cancelled, or the same claimant already holds the same role.
 *
 * @param claimantKinds - the claimant kinds in force (`Runtime.Policies.claimantKinds`; default
 *   {@link defaultClaimantKinds})
 * @since 0.1.0
 * @category rules
 */
export const claim = (
  self: Project,
  claim: Claim,
  claimantKinds: ReadonlyArray<Term.Term> = defaultClaimantKinds
): Either.Either<Project, ClaimRefused> => {
  const refuse = (reason: string) =>
    Either.left(new ClaimRefused({ project: self.id, claimant: claim.claimant.name, reason }))
  if (!Term.has(claimantKinds, claim.claimant.kind)) {
    return refuse(
      `no plugin declares the claimant kind ${claim.claimant.kind} (known: ${claimantKinds.map((k) => k.id).join(", ")})`
    )
  }
  if (!self.claimable) return refuse("the project is not open for claims")
  if (self.status === "completed" || self.status === "cancelled") return refuse(`the project is ${self.status}`)
  if (
    self.claims.some(
      (c) => c.claimant.kind === claim.claimant.kind && c.claimant.name === claim.claimant.name && c.role === claim.role
    )
  ) {
    return refuse(`they already hold the role "${claim.role}"`)
  }
  return Either.right(new Project({ ...self, claims: [...self.claims, claim], version: self.version + 1 }))
}

/**
 * Counts and totals per kind of project (e.g. 144 micro-renovations in old compounds): projects, budget, and
 * progress weighted by budget.
 *
 * @since 0.1.0
 * @category statistics
 */
export const byKind = (
  projects: ReadonlyArray<Project>
): ReadonlyArray<{
  readonly kind: Kind
  readonly projects: number
  readonly budget: Money.Fen
  readonly progress: number
}> => {
  const groups = new Map<Kind, Array<Project>>()
  for (const p of projects) groups.set(p.kind, [...(groups.get(p.kind) ?? []), p])
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([kind, ps]) => ({
      kind,
      projects: ps.length,
      budget: Money.sum(ps.map((p) => p.budget)),
      progress: overallProgress(ps)
    }))
}

/**
 * Counts and budgets of projects by kind of compound (小区类型): old compounds (老旧小区) and new ones (新建小区),
 * then projects that record neither (`unrecorded`, only when there are some). The seed's Zibo figures are of this
 * shape: 144 micro-renovations in old compounds, 672 projects in new ones.
 *
 * @since 0.2.0
 * @category statistics
 */
export const byCompound = (
  projects: ReadonlyArray<Project>
): ReadonlyArray<{
  readonly compound: "old" | "new" | "unrecorded"
  readonly projects: number
  readonly budget: Money.Fen
}> => {
  const of = (compound: "old" | "new" | "unrecorded") => {
    const ps = projects.filter((p) => (p.compound ?? "unrecorded") === compound)
    return { compound, projects: ps.length, budget: Money.sum(ps.map((p) => p.budget)) }
  }
  const unrecorded = of("unrecorded")
  return unrecorded.projects > 0 ? [of("old"), of("new"), unrecorded] : [of("old"), of("new")]
}
