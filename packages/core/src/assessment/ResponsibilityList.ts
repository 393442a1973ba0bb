/**
 * Responsibility lists (责任清单): posts arranged in levels, each with its duties, e.g. the "四级八岗" list of
 * principal responsibility (four levels, eight posts).
 *
 * The seed names "四级八岗" without listing the levels and posts, so the library checks only the shape (how many
 * levels and posts, every post in a level, every post with at least one duty); the host supplies the content.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Finding from "../kernel/Finding.js"
import { OrgUnitId, PostId, ResponsibilityListId, TenantId } from "../kernel/Ids.js"
import type { Location, ResolveOrgPath } from "./Assessment.js"
import { locate } from "./internal/location.js"

/**
 * A level of responsibility (层级), ordered from the top (1).
 *
 * @since 0.1.0
 * @category models
 */
export const Level = Schema.Struct({
  id: Schema.NonEmptyTrimmedString,
  name: Schema.NonEmptyTrimmedString,
  order: Schema.Int.pipe(Schema.positive())
})

/**
 * A post (岗位) at a level.
 *
 * @since 0.1.0
 * @category models
 */
export const Post = Schema.Struct({ id: PostId, name: Schema.NonEmptyTrimmedString, level: Schema.String })

/**
 * A duty (职责) of a post.
 *
 * @since 0.1.0
 * @category models
 */
export const Duty = Schema.Struct({
  id: Schema.NonEmptyTrimmedString,
  post: PostId,
  text: Schema.NonEmptyTrimmedString
})

/**
 * A responsibility list: levels × posts × duties of one unit.
 *
 * @since 0.1.0
 * @category models
 */
export class ResponsibilityList extends Schema.Class<ResponsibilityList>("@zhili/ResponsibilityList")({
  id: ResponsibilityListId,
  tenant: TenantId,
  unit: OrgUnitId,
  name: Schema.NonEmptyTrimmedString,
  levels: Schema.Array(Level),
  posts: Schema.Array(Post),
  duties: Schema.Array(Duty)
}) {}

/**
 * The expected shape of a list: how many levels and posts.
 *
 * @since 0.1.0
 * @category models
 */
export interface Shape {
  readonly levels: number
  readonly posts: number
}

/**
 * "四级八岗": four levels, eight posts (from the seed).
 *
 * @since 0.1.0
 * @category policies
 */
export const fourLevelsEightPosts: Shape = { levels: 4, posts: 8 }

/**
 * Checks a list against a shape: level and post counts, posts in unknown levels, duties of unknown posts, posts
 * without a duty, duplicate duty ids.
 *
 * @since 0.1.0
 * @category rules
 */
export const check = (list: ResponsibilityList, shape: Shape = fourLevelsEightPosts): Array<Finding.Finding> => {
  const out: Array<Finding.Finding> = []
  if (list.levels.length !== shape.levels) {
    out.push(
      Finding.error(
        "assessment/level-count",
        ["levels"],
        `${list.name} has ${list.levels.length} levels, the shape asks for ${shape.levels}`
      )
    )
  }
  if (list.posts.length !== shape.posts) {
    out.push(
      Finding.error(
        "assessment/post-count",
        ["posts"],
        `${list.name} has ${list.posts.length} posts, the shape asks for ${shape.posts}`
      )
    )
  }
  const levels = new Set(list.levels.map((l) => l.id))
  const posts = new Set<string>(list.posts.map((p) => p.id))
  list.posts.forEach((p, i) => {
    if (!levels.has(p.level)) {
      out.push(
        Finding.error("assessment/unknown-level", ["posts", i, "level"], `post ${p.id} is in unknown level ${p.level}`)
      )
    }
    if (!list.duties.some((d) => d.post === p.id)) {
      out.push(Finding.error("assessment/post-without-duty", ["posts", i], `post ${p.id} (${p.name}) has no duty`))
    }
  })
  const seen = new Set<string>()
  list.duties.forEach((d, i) => {
    if (!posts.has(d.post)) {
      out.push(
        Finding.error(
          "assessment/unknown-post",
          ["duties", i, "post"],
          `duty ${d.id} belongs to unknown post ${d.post}`
        )
      )
    }
    if (seen.has(d.id))
      out.push(Finding.error("assessment/duplicate-duty", ["duties", i, "id"], `duty id ${d.id} is used twice`))
    seen.add(d.id)
  })
  return out
}

/**
 * The share of duties fulfilled (1 when the list has no duty): feeds `responsibility.fulfilment-rate`.
 *
 * @since 0.1.0
 * @category rules
 */
export const fulfilmentRate = (list: ResponsibilityList, fulfilled: ReadonlyArray<string>): number => {
  const done = new Set(fulfilled)
  return list.duties.length === 0 ? 1 : list.duties.filter((d) => done.has(d.id)).length / list.duties.length
}

/**
 * The `Scope.Location` of a list.
 *
 * @since 0.1.0
 * @category getters
 */
export const location = (self: ResponsibilityList, orgPath?: ResolveOrgPath): Location =>
  locate(self.tenant, self.unit, orgPath)
