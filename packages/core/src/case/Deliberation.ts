/**
 * Deliberation meetings (协商议事, the seed's 锦绣议事亭): participants by role, topics, and decisions that open new
 * cases or close existing ones. Decisions become case events; the case lifecycle decides whether they apply.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Finding from "../kernel/Finding.js"
import { CaseId, DeliberationId, PersonId, TenantId } from "../kernel/Ids.js"
import * as Case from "./Case.js"

/**
 * Who takes part (参与方), as in the seed: the street's resident leader (街道驻点领导), community cadres (社区干部), the
 * property company (物业公司), social workers (社工, "双百"), residents (居民群众), party members, and others.
 *
 * @since 0.1.0
 * @category models
 */
export const Role = Schema.Literal(
  "street-leader",
  "community-cadre",
  "property-company",
  "social-worker",
  "resident",
  "party-member",
  "other"
)
/**
 * @since 0.1.0
 * @category models
 */
export type Role = typeof Role.Type

/**
 * A participant, by role; `person` when known, else a headcount for a group (e.g. 12 residents).
 *
 * @since 0.1.0
 * @category models
 */
export class Participant extends Schema.Class<Participant>("@zhili/DeliberationParticipant")({
  role: Role,
  person: Schema.optional(PersonId),
  count: Schema.optionalWith(Schema.Int.pipe(Schema.greaterThan(0)), { default: () => 1 })
}) {}

/**
 * A topic (议题), optionally about an existing case.
 *
 * @since 0.1.0
 * @category models
 */
export class Topic extends Schema.Class<Topic>("@zhili/DeliberationTopic")({
  key: Schema.String.pipe(Schema.minLength(1)),
  title: Schema.String.pipe(Schema.minLength(1)),
  case: Schema.optional(CaseId)
}) {}

/**
 * A decision (议定事项) on a topic: open a case with an intake, close a case (fixed or not), or a resolution that
 * changes no case.
 *
 * @since 0.1.0
 * @category models
 */
export const Decision = Schema.Union(
  Schema.TaggedStruct("OpenCase", { topic: Schema.String, intake: Case.Intake }),
  Schema.TaggedStruct("CloseCase", { topic: Schema.String, case: CaseId, fixed: Schema.Boolean }),
  Schema.TaggedStruct("Resolution", { topic: Schema.String, text: Schema.String.pipe(Schema.minLength(1)) })
)
/**
 * @since 0.1.0
 * @category models
 */
export type Decision = typeof Decision.Type

/**
 * A deliberation meeting (议事会).
 *
 * @since 0.1.0
 * @category models
 */
export class Deliberation extends Schema.Class<Deliberation>("@zhili/Deliberation")({
  id: DeliberationId,
  tenant: TenantId,
  at: Schema.DateTimeUtc,
  place: Schema.String,
  participants: Schema.Array(Participant),
  topics: Schema.Array(Topic),
  decisions: Schema.Array(Decision)
}) {}

/**
 * Headcount per role.
 *
 * @since 0.1.0
 * @category getters
 */
export const attendance = (self: Deliberation): Readonly<Partial<Record<Role, number>>> => {
  const out: Partial<Record<Role, number>> = {}
  for (const p of self.participants) out[p.role] = (out[p.role] ?? 0) + p.count
  return out
}

/**
 * Checks a meeting: residents take part (居民自治: a meeting without residents is not deliberation); every decision is
 * on a listed topic; a case is opened from this meeting, in its tenant, with source `deliberation`; a closing
 * decision names the case of its topic when the topic has one.
 *
 * @returns one finding per problem (code `deliberation/…`)
 * @since 0.1.0
 * @category rules
 */
export const validate = (self: Deliberation): ReadonlyArray<Finding.Finding> => {
  const out: Array<Finding.Finding> = []
  if (!self.participants.some((p) => p.role === "resident")) {
    out.push(
      Finding.error("deliberation/no-residents", ["participants"], `meeting ${self.id} has no resident participants`)
    )
  }
  const topics = new Map(self.topics.map((t) => [t.key, t]))
  self.decisions.forEach((d, i) => {
    const topic = topics.get(d.topic)
    if (topic === undefined) {
      out.push(
        Finding.error(
          "deliberation/unknown-topic",
          ["decisions", i, "topic"],
          `decision ${i} is on topic ${d.topic}, which the meeting did not list`
        )
      )
    }
    if (d._tag === "OpenCase") {
      if (d.intake.source !== "deliberation") {
        out.push(
          Finding.error(
            "deliberation/source",
            ["decisions", i, "intake", "source"],
            `a case opened by meeting ${self.id} must have source deliberation`
          )
        )
      }
      if (d.intake.deliberation !== self.id) {
        out.push(
          Finding.error(
            "deliberation/link",
            ["decisions", i, "intake", "deliberation"],
            `a case opened by meeting ${self.id} must name it`
          )
        )
      }
      if (d.intake.tenant !== self.tenant) {
        out.push(
          Finding.error(
            "deliberation/tenant",
            ["decisions", i, "intake", "tenant"],
            `a case opened by meeting ${self.id} must be in tenant ${self.tenant}`
          )
        )
      }
    }
    if (d._tag === "CloseCase" && topic?.case !== undefined && topic.case !== d.case) {
      out.push(
        Finding.error(
          "deliberation/case-mismatch",
          ["decisions", i, "case"],
          `decision ${i} closes ${d.case} but its topic is about ${topic.case}`
        )
      )
    }
  })
  return out
}

/**
 * The case events the meeting's decisions produce, in decision order, dated at the meeting and done by it
 * (`Reported` for an opened case, `Closed` for a closed one). Apply them with `Case.open` / `Case.transition`: a
 * meeting cannot close a case the lifecycle does not allow to close.
 *
 * @since 0.1.0
 * @category rules
 */
export const events = (self: Deliberation): ReadonlyArray<{ readonly case: CaseId; readonly event: Case.Event }> => {
  const by = new Case.Actor({ role: "meeting", id: self.id })
  return self.decisions.flatMap((d): Array<{ readonly case: CaseId; readonly event: Case.Event }> => {
    if (d._tag === "OpenCase") {
      return [{ case: d.intake.id, event: { _tag: "Reported", at: self.at, by, intake: d.intake } }]
    }
    if (d._tag === "CloseCase") return [{ case: d.case, event: { _tag: "Closed", at: self.at, by, fixed: d.fixed } }]
    return []
  })
}
