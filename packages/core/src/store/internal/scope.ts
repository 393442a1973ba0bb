/**
 * The store's view of kernel scopes: the same rules as `kernel/Scope.ts` (`contains`, `filters`, `pathString`) over
 * the structural types of `Store`, so that a kernel `Scope.Scope` is accepted as is and records whose division is
 * not a valid code (tests, hosts' own aggregates) still get a stable prefix.
 */
import * as Division from "../../kernel/Division.js"
import * as KScope from "../../kernel/Scope.js"

import type { ScopeFilter as Filter, ScopeGrant as Grant, Location, Scope } from "../Store.js"

export type { Filter, Grant, Location, Scope }

/** The significant digits of a division code: `440881000000` → `440881`, `440881002000` → `440881002`. */
const computePrefix = (code: string): string => {
  if (Division.isDivisionCode(code)) return Division.prefix(Division.canonical(code))
  let c = code
  if (c.length === 12 && c.endsWith("000")) c = c.slice(0, 9)
  if (c.length === 9 && c.endsWith("000")) c = c.slice(0, 6)
  if (c.length === 6 && c.endsWith("00")) c = c.slice(0, 4)
  if (c.length === 4 && c.endsWith("00")) c = c.slice(0, 2)
  return c
}

/** Codes repeat across the rows of an import: the prefixes are kept (a bounded cache, cleared when full). */
const prefixes = new Map<string, string>()

/** The significant digits of a division code: `440881000000` → `440881`, `440881002000` → `440881002`. */
export const divisionPrefix = (code: string): string => {
  let p = prefixes.get(code)
  if (p === undefined) {
    p = computePrefix(code)
    if (prefixes.size >= 4096) prefixes.clear()
    prefixes.set(code, p)
  }
  return p
}

/** The kernel's `Scope.pathString`, without the escaping work for the (usual) ids that hold no `%` or `/`. */
export const pathString = (path: ReadonlyArray<string>): string => {
  let s = ""
  for (const id of path) {
    if (id.includes("%") || id.includes("/")) return KScope.pathString(path)
    s += `${id}/`
  }
  return s
}

/** The ids of a path string (the inverse of `pathString`): `a/b%2Fc/` → `["a", "b/c"]`. */
export const parsePath = (path: string): ReadonlyArray<string> =>
  path === ""
    ? []
    : path
        .slice(0, path.endsWith("/") ? -1 : undefined)
        .split("/")
        .map((id) => id.replace(/%2F|%25/g, (m) => (m === "%2F" ? "/" : "%")))

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
