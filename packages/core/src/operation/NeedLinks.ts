/**
 * Links from needs to what answers them (需求对接): a need of the list (一社一策需求清单) answered by a project
 * (a micro-renovation, a claimable public-benefit project) or by a service (助餐, 托育), as Decidim links a proposal to
 * the results that implement it. Pure rules: what answers a need, which needs nothing answers yet, and the answered
 * share per category.
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import * as Ids from "../kernel/Ids.js"
import * as LocalDate from "../kernel/LocalDate.js"
import type * as Needs from "./Needs.js"

/**
 * What answers a need: a project or a service.
 *
 * @since 0.2.0
 * @category models
 */
export const Answer = Schema.Union(
  Schema.TaggedStruct("Project", { id: Ids.ProjectId }),
  Schema.TaggedStruct("Service", { id: Ids.ServiceId })
)
/**
 * @since 0.2.0
 * @category models
 */
export type Answer = typeof Answer.Type

/**
 * One link (对接): the need item, what answers it, since when, and a note.
 *
 * @since 0.2.0
 * @category models
 */
export const Link = Schema.Struct({
  tenant: Ids.TenantId,
  need: Ids.NeedItemId,
  answer: Answer,
  since: Schema.optional(LocalDate.LocalDate),
  note: Schema.optional(Schema.String)
})
/**
 * @since 0.2.0
 * @category models
 */
export type Link = typeof Link.Type

/**
 * What answers one need: the projects and the services linked to it, each id once, in the order linked.
 *
 * @since 0.2.0
 * @category rules
 */
export const answersOf = (
  links: ReadonlyArray<Link>,
  need: Ids.NeedItemId
): { readonly projects: ReadonlyArray<Ids.ProjectId>; readonly services: ReadonlyArray<Ids.ServiceId> } => {
  const projects: Array<Ids.ProjectId> = []
  const services: Array<Ids.ServiceId> = []
  for (const l of links) {
    if (l.need !== need) continue
    if (l.answer._tag === "Project") {
      if (!projects.includes(l.answer.id)) projects.push(l.answer.id)
    } else if (!services.includes(l.answer.id)) services.push(l.answer.id)
  }
  return { projects, services }
}

/**
 * The needs a project or a service answers (the reverse of {@link answersOf}), each once, in the order linked.
 *
 * @since 0.2.0
 * @category rules
 */
export const needsAnsweredBy = (links: ReadonlyArray<Link>, answer: Answer): ReadonlyArray<Ids.NeedItemId> => {
  const out: Array<Ids.NeedItemId> = []
  for (const l of links)
    if (l.answer._tag === answer._tag && l.answer.id === answer.id && !out.includes(l.need)) out.push(l.need)
  return out
}

/**
 * Needs no project or service answers yet (待对接需求), in the order given. A link to a project or service that is not
 * among `known` (cancelled, deleted) does not count when `known` is given.
 *
 * @since 0.2.0
 * @category rules
 */
export const unanswered = (
  needs: ReadonlyArray<Needs.NeedItem>,
  links: ReadonlyArray<Link>,
  known?: (answer: Answer) => boolean
): ReadonlyArray<Needs.NeedItem> => {
  const answered = new Set<string>()
  for (const l of links) if (known === undefined || known(l.answer)) answered.add(`${l.tenant}\u0000${l.need}`)
  return needs.filter((n) => !answered.has(`${n.tenant}\u0000${n.id}`))
}

/**
 * Per category of need, in the order categories first appear among the needs: need items, items answered, and
 * mentions (households) answered.
 *
 * @since 0.2.0
 * @category statistics
 */
export const coverage = (
  needs: ReadonlyArray<Needs.NeedItem>,
  links: ReadonlyArray<Link>
): ReadonlyArray<{
  readonly category: Needs.Category
  readonly items: number
  readonly answered: number
  readonly mentions: number
  readonly mentionsAnswered: number
}> => {
  const open = new Set(unanswered(needs, links).map((n) => `${n.tenant}\u0000${n.id}`))
  const categories = [...new Set(needs.map((n) => n.category))]
  return categories.map((category) => {
    const of = needs.filter((n) => n.category === category)
    const done = of.filter((n) => !open.has(`${n.tenant}\u0000${n.id}`))
    return {
      category,
      items: of.length,
      answered: done.length,
      mentions: of.reduce((s, n) => s + n.mentions, 0),
      mentionsAnswered: done.reduce((s, n) => s + n.mentions, 0)
    }
  })
}
