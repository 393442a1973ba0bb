/**
 * Scopes (数据权限范围): what an actor may see, as a union of grants, each a conjunction of subtrees of the three
 * trees records hang in — the division tree (行政区划), the organisation tree (组织体系) and the grid tree (网格).
 * A record carries a {@link Location}; a scope contains it when one of its grants does.
 *
 * Deny by default: a grant that constrains a tree contains only records that have a place in that tree. A scope
 * given by a grid subtree does not contain a record that has only a division, however close.
 *
 * Scopes are plain data ({@link Scope} decodes from JSON), closed under {@link union} and {@link intersect}, and
 * turn into prefix filters ({@link filters}) that a store pushes down to SQL.
 *
 * @since 0.1.0
 */
import { type Array as Arr, Schema } from "effect"
import * as Division from "./Division.js"

/**
 * Where a record sits: its division code (any level, any form), and the id paths from the root of the org and
 * grid trees down to the unit or grid that owns it (`["org-root", "branch-1"]`). Absent means "not placed in that
 * tree".
 *
 * @since 0.1.0
 * @category models
 */
export const Location = Schema.Struct({
  division: Schema.optional(Schema.String),
  org: Schema.optional(Schema.Array(Schema.String)),
  grid: Schema.optional(Schema.Array(Schema.String))
}).annotations({ identifier: "ScopeLocation", title: "location of a record in the division, org and grid trees" })
/**
 * @since 0.1.0
 * @category models
 */
export interface Location {
  readonly division?: string | undefined
  readonly org?: ReadonlyArray<string> | undefined
  readonly grid?: ReadonlyArray<string> | undefined
}

/**
 * An id path from the root of a tree: at least one id, each a non-empty string.
 *
 * @since 0.1.0
 * @category models
 */
export const TreePath = Schema.NonEmptyArray(Schema.NonEmptyString).annotations({
  identifier: "TreePath",
  title: "id path from the root of a tree"
})
/**
 * @since 0.1.0
 * @category models
 */
export type TreePath = typeof TreePath.Type

/**
 * One grant: the records inside every subtree it names (a division's subtree, an org subtree, a grid subtree). A
 * grant that names nothing contains every record.
 *
 * @since 0.1.0
 * @category models
 */
export class Grant extends Schema.Class<Grant>("@zhili/ScopeGrant")({
  division: Schema.optional(Division.DivisionCode),
  org: Schema.optional(TreePath),
  grid: Schema.optional(TreePath)
}) {}

/**
 * What an actor may see: the union of its grants. No grants: nothing; one empty grant: everything.
 *
 * @since 0.1.0
 * @category models
 */
export class Scope extends Schema.Class<Scope>("@zhili/Scope")({
  grants: Schema.Array(Grant)
}) {}

/**
 * The subtrees one grant is made of, for {@link make}: a division code and id paths in the org and grid trees,
 * each optional.
 *
 * @since 0.1.0
 * @category models
 */
export interface Constraints {
  readonly division?: Division.DivisionCode | undefined
  readonly org?: Arr.NonEmptyReadonlyArray<string> | undefined
  readonly grid?: Arr.NonEmptyReadonlyArray<string> | undefined
}

const grantOf = (c: Constraints): Grant =>
  new Grant({
    ...(c.division !== undefined ? { division: Division.canonical(c.division) } : {}),
    ...(c.org !== undefined ? { org: [...c.org] as unknown as TreePath } : {}),
    ...(c.grid !== undefined ? { grid: [...c.grid] as unknown as TreePath } : {})
  })

const isPrefix = (p: ReadonlyArray<string>, of: ReadonlyArray<string>): boolean =>
  p.length <= of.length && p.every((id, i) => of[i] === id)

/** True when every record `g` contains, `h` contains too (exact: trees are open-ended, see {@link isSubset}). */
const grantWithin = (g: Grant, h: Grant): boolean =>
  (h.division === undefined || (g.division !== undefined && Division.contains(h.division, g.division))) &&
  (h.org === undefined || (g.org !== undefined && isPrefix(h.org, g.org))) &&
  (h.grid === undefined || (g.grid !== undefined && isPrefix(h.grid, g.grid)))

/** Drops grants that another grant already covers, keeping the first of equal ones. */
const simplify = (grants: ReadonlyArray<Grant>): Scope =>
  new Scope({
    grants: grants.filter(
      (g, i) => !grants.some((h, j) => j !== i && grantWithin(g, h) && (!grantWithin(h, g) || j < i))
    )
  })

/**
 * A scope of the given grants, with grants that others already cover dropped.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromGrants = (grants: ReadonlyArray<Grant>): Scope => simplify(grants)

/**
 * A scope of one grant (division codes kept in canonical form): the records inside all the subtrees given (`make({ division, org })` is "this org subtree
 * within this division"). `make({})` is {@link all}.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (constraints: Constraints): Scope => new Scope({ grants: [grantOf(constraints)] })

/**
 * Everything (全部): one grant with no constraint.
 *
 * @since 0.1.0
 * @category constructors
 */
export const all: Scope = make({})

/**
 * Nothing: no grant.
 *
 * @since 0.1.0
 * @category constructors
 */
export const none: Scope = new Scope({ grants: [] })

/**
 * The subtree of a division (辖区): `division("440881")` contains records at `440881`, `440881002` and
 * `440881002001`, by level rather than string prefix.
 *
 * @since 0.1.0
 * @category constructors
 */
export const division = (code: Division.DivisionCode): Scope => make({ division: code })

/**
 * The subtree of an organisation unit, by its id path from the root of the org tree.
 *
 * @since 0.1.0
 * @category constructors
 */
export const org = (path: Arr.NonEmptyReadonlyArray<string>): Scope => make({ org: path })

/**
 * The subtree of a grid, by its id path from the root of the grid tree (large → small → micro grid).
 *
 * @since 0.1.0
 * @category constructors
 */
export const grid = (path: Arr.NonEmptyReadonlyArray<string>): Scope => make({ grid: path })

const grantContains = (g: Grant, location: Location): boolean =>
  (g.division === undefined || (location.division !== undefined && Division.contains(g.division, location.division))) &&
  (g.org === undefined || (location.org !== undefined && isPrefix(g.org, location.org))) &&
  (g.grid === undefined || (location.grid !== undefined && isPrefix(g.grid, location.grid)))

/**
 * True when the scope lets its holder see a record at `location`: some grant contains it in every tree that grant
 * constrains. A record not placed in a constrained tree is outside (deny by default).
 *
 * @since 0.1.0
 * @category predicates
 */
export const contains = (scope: Scope, location: Location): boolean =>
  scope.grants.some((g) => grantContains(g, location))

/**
 * Everything either scope contains: `contains(union(a, b), x) === contains(a, x) || contains(b, x)`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const union = (...scopes: ReadonlyArray<Scope>): Scope => simplify(scopes.flatMap((s) => s.grants))

const meetDivision = (
  a: Division.DivisionCode | undefined,
  b: Division.DivisionCode | undefined
): Division.DivisionCode | undefined | null => {
  if (a === undefined) return b
  if (b === undefined) return a
  return Division.contains(a, b) ? b : Division.contains(b, a) ? a : null
}

const meetPath = (
  a: Arr.NonEmptyReadonlyArray<string> | undefined,
  b: Arr.NonEmptyReadonlyArray<string> | undefined
): Arr.NonEmptyReadonlyArray<string> | undefined | null => {
  if (a === undefined) return b
  if (b === undefined) return a
  return isPrefix(a, b) ? b : isPrefix(b, a) ? a : null
}

const meetGrant = (a: Grant, b: Grant): Grant | null => {
  const d = meetDivision(a.division, b.division)
  const o = meetPath(a.org, b.org)
  const g = meetPath(a.grid, b.grid)
  return d === null || o === null || g === null ? null : grantOf({ division: d, org: o, grid: g })
}

/**
 * What both scopes contain: `contains(intersect(a, b), x) === contains(a, x) && contains(b, x)` for every
 * location. Use it to narrow a request ("this grid") to what the actor may see.
 *
 * @since 0.1.0
 * @category combinators
 */
export const intersect = (a: Scope, b: Scope): Scope =>
  simplify(a.grants.flatMap((ga) => b.grants.flatMap((gb) => meetGrant(ga, gb) ?? [])))

/**
 * True when everything `a` contains, `b` contains. Exact: because a grant contains the root of each of its
 * subtrees, `a` is within `b` only when each grant of `a` lies within a single grant of `b`.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isSubset = (a: Scope, b: Scope): boolean => a.grants.every((g) => b.grants.some((h) => grantWithin(g, h)))

/**
 * True when both scopes contain the same records.
 *
 * @since 0.1.0
 * @category predicates
 */
export const equals = (a: Scope, b: Scope): boolean => isSubset(a, b) && isSubset(b, a)

/**
 * True when the scope contains nothing.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isNone = (scope: Scope): boolean => scope.grants.length === 0

/**
 * True when the scope contains everything.
 *
 * @since 0.1.0
 * @category predicates
 */
export const isAll = (scope: Scope): boolean =>
  scope.grants.some((g) => g.division === undefined && g.org === undefined && g.grid === undefined)

const encodeId = (id: string): string => id.replaceAll("%", "%25").replaceAll("/", "%2F")

/**
 * A tree path as one stable string for a column: ids joined and ended by `/` — `["a", "b", "c"]` → `a/b/c/`. In
 * each id `%` becomes `%25` and `/` becomes `%2F` (in that order), so any id is safe and distinct paths give
 * distinct strings. A node's string is a prefix of each descendant's, and only of those: the trailing `/` keeps
 * `a/b/` from matching `a/bc/`.
 *
 * @since 0.1.0
 * @category sql
 */
export const pathString = (path: ReadonlyArray<string>): string => path.map((id) => `${encodeId(id)}/`).join("")

/**
 * The prefix that selects a subtree: every record at or below `path` has a {@link pathString} starting with it.
 * The same string as `pathString(path)`; use it with `substr(col, 1, n) = prefix` or through {@link likePattern}.
 *
 * @since 0.1.0
 * @category sql
 */
export const toPathPrefix = (path: ReadonlyArray<string>): string => pathString(path)

/**
 * A SQL `LIKE` pattern for a prefix: the characters `LIKE` treats specially (`%`, `_` and the escape character
 * itself, default `\`) are escaped, then `%` appended — use with `LIKE ? ESCAPE '\'`. Ids may contain `_` (see
 * `Ids.IdPattern`), so this escaping is needed: `grid_1/` unescaped would match `gridX1/`.
 *
 * @since 0.1.0
 * @category sql
 */
export const likePattern = (prefix: string, escapeChar = "\\"): string =>
  `${prefix.replaceAll(escapeChar, escapeChar + escapeChar).replace(/[%_]/g, (c) => escapeChar + c)}%`

/**
 * One grant as string prefixes for a store: a record matches when its division code starts with `division`
 * (`Division.prefix`, codes stored canonical or 12-digit) and its org and grid {@link pathString}s start with
 * `org` and `grid`. A field left out is no condition.
 *
 * @since 0.1.0
 * @category sql
 */
export interface Filter {
  readonly division?: string
  readonly org?: string
  readonly grid?: string
}

/**
 * A scope as prefix filters, one per grant, to be OR-ed (each filter's fields AND-ed): `[]` selects nothing and
 * `[{}]` everything.
 *
 * @since 0.1.0
 * @category sql
 */
export const filters = (scope: Scope): ReadonlyArray<Filter> =>
  scope.grants.map((g) => ({
    ...(g.division !== undefined ? { division: Division.prefix(g.division) } : {}),
    ...(g.org !== undefined ? { org: toPathPrefix(g.org) } : {}),
    ...(g.grid !== undefined ? { grid: toPathPrefix(g.grid) } : {})
  }))

/**
 * A scope as a short line for messages and logs: `division 440881 & org a/b/ | grid g1/`, `all`, `none`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const format = (scope: Scope): string =>
  scope.grants.length === 0
    ? "none"
    : scope.grants
        .map((g) => {
          const parts = [
            ...(g.division !== undefined ? [`division ${g.division}`] : []),
            ...(g.org !== undefined ? [`org ${pathString(g.org)}`] : []),
            ...(g.grid !== undefined ? [`grid ${pathString(g.grid)}`] : [])
          ]
          return parts.length === 0 ? "all" : parts.join(" & ")
        })
        .join(" | ")
