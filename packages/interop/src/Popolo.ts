/**
 * Organisations to Popolo (组织与人员开放格式): org units as organizations, posts, memberships (party memberships and
 * post holdings), persons with masked names and no identity numbers or phones, and areas for statistical divisions
 * and grids. {@link toOrgUnit} reads an organization back.
 *
 * @since 0.1.0
 */
import { type Errors, type Grid, type Membership, OrgUnit, type Person, type Post, Privacy } from "@zhili/core"
import type { Either } from "effect"
import { decodeWith } from "./internal/common.js"

/**
 * A Popolo identifier.
 *
 * @since 0.1.0
 * @category models
 */
export interface Identifier {
  readonly identifier: string
  readonly scheme: string
}

/**
 * A Popolo organization.
 *
 * @since 0.1.0
 * @category models
 */
export interface Organization {
  readonly id: string
  readonly name: string
  readonly classification: string
  readonly parent_id?: string
  readonly area_id: string
  readonly identifiers: ReadonlyArray<Identifier>
}

/**
 * A Popolo post.
 *
 * @since 0.1.0
 * @category models
 */
export interface PopoloPost {
  readonly id: string
  readonly label: string
  readonly role: string
  readonly organization_id?: string
  readonly area_id?: string
}

/**
 * A Popolo membership: of a person in an organisation (with a role), or in a post.
 *
 * @since 0.1.0
 * @category models
 */
export interface PopoloMembership {
  readonly id: string
  readonly person_id: string
  readonly organization_id?: string
  readonly post_id?: string
  readonly role: string
  readonly label?: string
  readonly start_date: string
  readonly end_date?: string
}

/**
 * A Popolo person: id and a name masked by default (`张**`). Identity numbers and phones are never exported.
 *
 * @since 0.1.0
 * @category models
 */
export interface PopoloPerson {
  readonly id: string
  readonly name: string
}

/**
 * A Popolo area: a statistical division (行政区划) or a grid (网格).
 *
 * @since 0.1.0
 * @category models
 */
export interface Area {
  readonly id: string
  readonly name: string
  readonly identifier: string
  readonly classification: string
  readonly parent_id?: string
}

/**
 * The identifier scheme of unified social credit codes (统一社会信用代码).
 *
 * @since 0.1.0
 * @category ids
 */
export const creditCodeScheme = "CN-USCC"

/**
 * An org unit as a Popolo organization: `classification` is its kind, `area_id` its division code, the credit code
 * an identifier.
 *
 * @since 0.1.0
 * @category exporters
 */
export const organization = (self: OrgUnit.OrgUnit): Organization => ({
  id: self.id,
  name: self.name,
  classification: self.kind,
  ...(self.parent === undefined ? {} : { parent_id: self.parent }),
  area_id: self.division,
  identifiers: self.creditCode === undefined ? [] : [{ identifier: self.creditCode, scheme: creditCodeScheme }]
})

/**
 * A post: `role` is its kind, `label` its title (or kind), `area_id` its grid.
 *
 * @since 0.1.0
 * @category exporters
 */
export const post = (self: Post.Post): PopoloPost => ({
  id: self.id,
  label: self.title ?? self.kind,
  role: self.kind,
  ...(self.unit === undefined ? {} : { organization_id: self.unit }),
  ...(self.grid === undefined ? {} : { area_id: self.grid })
})

/**
 * A party membership (党员组织关系): `role` is the role in the unit, `label` the standing (full or probationary).
 *
 * @since 0.1.0
 * @category exporters
 */
export const membership = (self: Membership.Membership): PopoloMembership => ({
  id: self.id,
  person_id: self.person,
  organization_id: self.unit,
  role: self.role,
  label: self.standing,
  start_date: self.start,
  ...(self.end === undefined ? {} : { end_date: self.end })
})

/**
 * A post holding (任职) as a membership in the post, in the post's unit when it has one.
 *
 * @since 0.1.0
 * @category exporters
 */
export const holding = (self: Post.Holding, posts: ReadonlyArray<Post.Post>): PopoloMembership => {
  const p = posts.find((x) => x.id === self.post)
  return {
    id: self.id,
    person_id: self.person,
    post_id: self.post,
    ...(p?.unit === undefined ? {} : { organization_id: p.unit }),
    role: p?.kind ?? "post-holder",
    start_date: self.start,
    ...(self.end === undefined ? {} : { end_date: self.end })
  }
}

/**
 * A person: the masked name (revealed only when a disclosure names the `name` field). The identity number and the
 * phone are never exported, whatever the disclosure.
 *
 * @since 0.1.0
 * @category exporters
 */
export const person = (self: Person.Person, disclosure?: Privacy.Disclosure): PopoloPerson => ({
  id: self.id,
  name: Privacy.present(self.displayName, "name", { disclosure })
})

/**
 * A statistical division as an area (`classification` `division`), its code as id and identifier.
 *
 * @since 0.1.0
 * @category exporters
 */
export const divisionArea = (code: string, name: string, parent?: string): Area => ({
  id: code,
  name,
  identifier: code,
  classification: "division",
  ...(parent === undefined ? {} : { parent_id: parent })
})

/**
 * A grid as an area: `classification` `grid/<level>`, its grid code as identifier, the parent grid (or the
 * community division for the top grid) as parent.
 *
 * @since 0.1.0
 * @category exporters
 */
export const gridArea = (self: Grid.Grid): Area => ({
  id: self.id,
  name: self.name,
  identifier: self.code,
  classification: `grid/${self.level}`,
  parent_id: self.parent ?? self.community
})

/**
 * A Popolo export of an organisation tree: organizations, posts, memberships (party memberships and post holdings),
 * persons and areas.
 *
 * @since 0.1.0
 * @category models
 */
export interface Document {
  readonly organizations: ReadonlyArray<Organization>
  readonly posts: ReadonlyArray<PopoloPost>
  readonly memberships: ReadonlyArray<PopoloMembership>
  readonly persons: ReadonlyArray<PopoloPerson>
  readonly areas: ReadonlyArray<Area>
}

/**
 * Exports units, posts, holdings, memberships, people and grids in one document. `divisions` names the division
 * codes the units and grids refer to (each becomes an area).
 *
 * @since 0.1.0
 * @category exporters
 */
export const document = (input: {
  readonly units: ReadonlyArray<OrgUnit.OrgUnit>
  readonly posts?: ReadonlyArray<Post.Post>
  readonly holdings?: ReadonlyArray<Post.Holding>
  readonly memberships?: ReadonlyArray<Membership.Membership>
  readonly people?: ReadonlyArray<Person.Person>
  readonly grids?: ReadonlyArray<Grid.Grid>
  readonly divisions?: ReadonlyArray<{ readonly code: string; readonly name: string; readonly parent?: string }>
  readonly disclosure?: Privacy.Disclosure
}): Document => {
  const posts = input.posts ?? []
  return {
    organizations: input.units.map(organization),
    posts: posts.map(post),
    memberships: [
      ...(input.memberships ?? []).map(membership),
      ...(input.holdings ?? []).map((h) => holding(h, posts))
    ],
    persons: (input.people ?? []).map((p) => person(p, input.disclosure)),
    areas: [
      ...(input.divisions ?? []).map((d) => divisionArea(d.code, d.name, d.parent)),
      ...(input.grids ?? []).map(gridArea)
    ]
  }
}

/**
 * Reads a Popolo organization back into an org unit (tenant given): id, name, kind from `classification`, division
 * from `area_id`, parent, credit code from the `CN-USCC` identifier. Lossless for what {@link organization} writes.
 *
 * @since 0.1.0
 * @category importers
 */
export const toOrgUnit = (input: unknown, tenant: string): Either.Either<OrgUnit.OrgUnit, Errors.DecodeError> => {
  const o = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>
  const ids = Array.isArray(o.identifiers) ? (o.identifiers as ReadonlyArray<Record<string, unknown>>) : []
  const credit = ids.find((i) => i.scheme === creditCodeScheme)?.identifier
  return decodeWith(
    OrgUnit.OrgUnit,
    {
      id: o.id,
      tenant,
      kind: o.classification,
      name: o.name,
      division: o.area_id,
      ...(o.parent_id === undefined || o.parent_id === null ? {} : { parent: o.parent_id }),
      ...(credit === undefined ? {} : { creditCode: credit })
    },
    "Popolo organization"
  )
}
