/**
 * Finds the sensitive values of an encoded record (every value a `Schema.Redacted` node encodes, at any depth:
 * inside classes, structs, optional fields, arrays, records, unions and suspended schemas) and moves them into, or
 * back out of, one sealed list of `[path, value]` pairs. Compiled once per schema; a schema with no sensitive node
 * compiles to `undefined`, so its records cost nothing.
 */
import { SchemaAST as AST, ParseResult, Schema } from "effect"

/** A path into an encoded value: property names and array indexes. */
export type Path = ReadonlyArray<string | number>

/** Collects the sensitive values under `value` (at `path`) into `out`. */
export type Walker = (value: unknown, path: Array<string | number>, out: Array<[Path, unknown]>) => void

const isRedacted = (ast: AST.AST): boolean =>
  ast._tag === "Transformation" &&
  ast.to._tag === "Declaration" &&
  (ast.to.annotations[AST.TypeConstructorAnnotationId] as { readonly _tag?: string } | undefined)?._tag ===
    "effect/Redacted"

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

/** The literal `_tag` of an encoded struct member of a union, when it has one. */
const tagOf = (ast: AST.AST): string | undefined => {
  const enc = AST.encodedAST(ast)
  if (enc._tag !== "TypeLiteral") return undefined
  const p = enc.propertySignatures.find((s) => s.name === "_tag")
  return p !== undefined && p.type._tag === "Literal" && typeof p.type.literal === "string" ? p.type.literal : undefined
}

/** Compiles the walker of a schema's encoded side; `undefined` when nothing under it is sensitive. */
export const compile = (root: AST.AST): Walker | undefined => {
  const memo = new Map<AST.AST, Walker | undefined | "pending">()
  const go = (ast: AST.AST): Walker | undefined => {
    const known = memo.get(ast)
    if (known === "pending") {
      // a recursive schema: resolve lazily through the memo
      return (value, path, out) => (memo.get(ast) as Walker | undefined)?.(value, path, out)
    }
    if (memo.has(ast)) return known as Walker | undefined
    memo.set(ast, "pending")
    const w = build(ast)
    memo.set(ast, w)
    return w
  }
  const build = (ast: AST.AST): Walker | undefined => {
    switch (ast._tag) {
      case "Transformation":
        if (isRedacted(ast)) {
          return (value, path, out) => {
            if (value !== undefined) out.push([path.slice(), value])
          }
        }
        return go(ast.from)
      case "Refinement":
        return go(ast.from)
      case "Suspend":
        return go(ast.f())
      case "TypeLiteral": {
        const props = ast.propertySignatures
          .map((p) => [p.name, go(p.type)] as const)
          .filter((x): x is readonly [PropertyKey, Walker] => x[1] !== undefined && typeof x[0] === "string")
        const named = new Set(ast.propertySignatures.map((p) => p.name))
        const index = ast.indexSignatures.map((s) => go(s.type)).filter((w): w is Walker => w !== undefined)
        if (props.length === 0 && index.length === 0) return undefined
        return (value, path, out) => {
          if (!isObject(value)) return
          for (const [name, w] of props) {
            const v = value[name as string]
            if (v === undefined) continue
            path.push(name as string)
            w(v, path, out)
            path.pop()
          }
          if (index.length === 0) return
          for (const k of Object.keys(value)) {
            if (named.has(k)) continue
            path.push(k)
            for (const w of index) w(value[k], path, out)
            path.pop()
          }
        }
      }
      case "TupleType": {
        const elements = ast.elements.map((e) => go(e.type))
        const rest = ast.rest.map((r) => go(r.type))
        const restWalker = rest[0]
        if (elements.every((w) => w === undefined) && rest.every((w) => w === undefined)) return undefined
        const head = elements.length
        return (value, path, out) => {
          if (!Array.isArray(value)) return
          for (let i = 0; i < value.length; i++) {
            const w = i < head ? elements[i] : restWalker
            if (w === undefined) continue
            path.push(i)
            w(value[i], path, out)
            path.pop()
          }
        }
      }
      case "Union": {
        const members = ast.types.map((m) => ({ ast: m, walker: go(m) }))
        if (members.every((m) => m.walker === undefined)) return undefined
        const tags = members.map((m) => tagOf(m.ast))
        if (tags.every((t) => t !== undefined) && new Set(tags).size === tags.length) {
          // a tagged union: the member is the one of the value's `_tag`
          const byTag = new Map(members.map((m, i) => [tags[i] as string, m.walker] as const))
          return (value, path, out) => {
            if (isObject(value) && typeof value._tag === "string") byTag.get(value._tag)?.(value, path, out)
          }
        }
        // otherwise the first member whose encoded form the value is (as Schema's decode would choose)
        const guards = members.map((m) => ({
          is: ParseResult.is(Schema.make(AST.encodedAST(m.ast))),
          walker: m.walker
        }))
        return (value, path, out) => {
          if (value === undefined) return
          for (const g of guards) {
            if (g.is(value)) {
              g.walker?.(value, path, out)
              return
            }
          }
        }
      }
      default:
        return undefined
    }
  }
  return go(root)
}

/** The paths to remove, as a tree: a key maps to `true` (remove it) or to the removals under it. */
type Removals = Map<string | number, Removals | true>

/**
 * A copy of `value` without the values at `paths` (objects and arrays on the way are copied, the rest shared): an
 * object property is removed, an array element becomes `null`. Objects are copied without the removed keys rather
 * than copied and then `delete`d from, which would turn them into slow dictionary-mode objects.
 */
export const without = (value: unknown, paths: ReadonlyArray<Path>): unknown => {
  const tree: Removals = new Map()
  for (const path of paths) {
    if (path.length === 0) continue
    let node: Removals | undefined = tree
    for (let i = 0; i < path.length - 1 && node !== undefined; i++) {
      const k = path[i] as string | number
      const next: Removals | true | undefined = node.get(k)
      if (next === true)
        node = undefined // a whole value above is removed already
      else if (next === undefined) {
        const fresh: Removals = new Map()
        node.set(k, fresh)
        node = fresh
      } else node = next
    }
    node?.set(path[path.length - 1] as string | number, true)
  }
  return copyWithout(value, tree)
}

const copyWithout = (value: unknown, tree: Removals): unknown => {
  if (Array.isArray(value)) {
    const out = value.slice()
    for (const [k, r] of tree) {
      // a walker names array elements by index
      if (typeof k !== "number" || k < 0 || k >= out.length) continue
      if (r === true) out[k] = null
      else {
        const child = out[k]
        if (typeof child === "object" && child !== null) out[k] = copyWithout(child, r)
      }
    }
    return out
  }
  if (typeof value !== "object" || value === null) return value
  const out: Record<string, unknown> = {}
  const source = value as Record<string, unknown>
  for (const k of Object.keys(source)) {
    const r = tree.get(k)
    if (r === true) continue
    const child = source[k]
    out[k] = r !== undefined && typeof child === "object" && child !== null ? copyWithout(child, r) : child
  }
  return out
}

/** Puts the sealed values back into `target` (owned by the caller, changed in place); false when a path is broken. */
export const restore = (target: unknown, pairs: ReadonlyArray<readonly [Path, unknown]>): boolean => {
  for (const [path, v] of pairs) {
    if (path.length === 0) return false
    let node = target as Record<string | number, unknown>
    for (let i = 0; i < path.length - 1; i++) {
      const child = node[path[i] as string | number]
      if (typeof child !== "object" || child === null) return false
      node = child as Record<string | number, unknown>
    }
    node[path[path.length - 1] as string | number] = v
  }
  return true
}

/** The value at `path` of an encoded value, if there is one. */
export const at = (value: unknown, path: Path): unknown => {
  let node = value
  for (const k of path) {
    if (typeof node !== "object" || node === null) return undefined
    node = (node as Record<string | number, unknown>)[k]
  }
  return node
}
