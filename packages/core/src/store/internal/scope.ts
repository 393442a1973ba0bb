/**
 * The slice of the kernel Scope contract the store needs (a scope is a union of grants, each a conjunction of
 * subtrees of the division, org and grid trees). Kept here until `kernel/Scope.ts` lands on main; then this file
 * re-exports from it.
 */

import type { ScopeFilter as Filter, ScopeGrant as Grant, Location, Scope } from "../Store.js"

export type { Filter, Grant, Location, Scope }

/** The significant digits of a division code: `440881000000` → `440881`, `440881002000` → `440881002`. */
export const divisionPrefix = (code: string): string => {
  let c = code
  if (c.length === 12 && c.endsWith("000")) c = c.slice(0, 9)
  if (c.length === 9 && c.endsWith("000")) c = c.slice(0, 6)
  if (c.length === 6 && c.endsWith("00")) c = c.slice(0, 4)
  if (c.length === 4 && c.endsWith("00")) c = c.slice(0, 2)
  return c
}

const encodeId = (id: string): string => id.replaceAll("%", "%25").replaceAll("/", "%2F")

export const pathString = (path: ReadonlyArray<string>): string => path.map((id) => `${encodeId(id)}/`).join("")

const isPrefix = (p: ReadonlyArray<string>, of: ReadonlyArray<string>): boolean =>
  p.length <= of.length && p.every((id, i) => of[i] === id)

const grantContains = (g: Grant, l: Location): boolean =>
  (g.division === undefined ||
    (l.division !== undefined && divisionPrefix(l.division).startsWith(divisionPrefix(g.division)))) &&
  (g.org === undefined || (l.org !== undefined && isPrefix(g.org, l.org))) &&
  (g.grid === undefined || (l.grid !== undefined && isPrefix(g.grid, l.grid)))

export const contains = (scope: Scope, location: Location): boolean =>
  scope.grants.some((g) => grantContains(g, location))

export const filters = (scope: Scope): ReadonlyArray<Filter> =>
  scope.grants.map((g) => ({
    ...(g.division !== undefined ? { division: divisionPrefix(g.division) } : {}),
    ...(g.org !== undefined ? { org: pathString(g.org) } : {}),
    ...(g.grid !== undefined ? { grid: pathString(g.grid) } : {})
  }))

export const all: Scope = { grants: [{}] }
