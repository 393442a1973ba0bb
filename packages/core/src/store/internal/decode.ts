/**
 * A decoder for bulk import, compiled once per schema: the common AST nodes (structs, struct fields with defaults or
 * renamed keys, arrays, strings, numbers, literals, refinements, unions of plain values, `Schema.Class`) are turned
 * into plain functions, and every other
 * node is decoded by Effect Schema itself (`ParseResult.decodeUnknownEither` of that sub-schema), so a success means
 * exactly what Schema's decode means. It answers `undefined` for any input it does not accept; the caller then runs
 * Schema's decoder on the whole row to get the issues with their paths (bad rows are rare; good rows are the hot
 * path). It also tells whether the input had properties outside the schema at any depth (then the input is not the
 * encoded form of its record and must be re-encoded before it is stored).
 */
import { type SchemaAST as AST, Either, Option, ParseResult, Schema } from "effect"

/** The outcome of a fast decode: the decoded value, and whether the input carried excess properties. */
export interface Decoded {
  readonly value: unknown
  readonly clean: boolean
}

const FAIL: unique symbol = Symbol("fail")

/** Per-call state: set when an excess property was seen. */
interface State {
  clean: boolean
}

type Parser = (input: unknown, state: State) => unknown

/** A state already unclean: parsers given it skip the work of finding excess properties (no one reads it). */
const untracked: State = { clean: false }

const options: AST.ParseOptions = {}

const isRecord = (u: unknown): u is Record<PropertyKey, unknown> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/** Plain values: decoding them is the identity and they hold no properties. */
const leaf = (ast: AST.AST): ((u: unknown) => boolean) | undefined => {
  switch (ast._tag) {
    case "StringKeyword":
      return (u) => typeof u === "string"
    case "NumberKeyword":
      return (u) => typeof u === "number"
    case "BooleanKeyword":
      return (u) => typeof u === "boolean"
    case "UndefinedKeyword":
      return (u) => u === undefined
    case "Literal": {
      const l = ast.literal
      return (u) => u === l
    }
    case "Refinement": {
      const from = leaf(ast.from)
      if (from === undefined) return undefined
      return (u) => from(u) && ast.filter(u, options, ast)._tag === "None"
    }
    case "Union": {
      const members = ast.types.map(leaf)
      if (members.some((m) => m === undefined)) return undefined
      const checks = members as Array<(u: unknown) => boolean>
      return (u) => {
        for (const c of checks) if (c(u)) return true
        return false
      }
    }
    default:
      return undefined
  }
}

/** Decodes a node with Effect Schema (sync); also marks the row unclean when the node may hold objects. */
const bySchema = (ast: AST.AST): Parser => {
  const decode = ParseResult.decodeUnknownEither(Schema.make(ast))
  const strict = ParseResult.decodeUnknownEither(Schema.make(ast), { onExcessProperty: "error" })
  return (u, state) => {
    const r = decode(u)
    if (Either.isLeft(r)) return FAIL
    if (state.clean && typeof u === "object" && u !== null && Either.isLeft(strict(u))) state.clean = false
    return r.right
  }
}

const compile = (ast: AST.AST): Parser => {
  const plain = leaf(ast)
  if (plain !== undefined) return (u) => (plain(u) ? u : FAIL)
  switch (ast._tag) {
    case "Refinement": {
      const from = compile(ast.from)
      return (u, state) => {
        const a = from(u, state)
        return a === FAIL || ast.filter(a, options, ast)._tag === "Some" ? FAIL : a
      }
    }
    case "TypeLiteral": {
      if (ast.indexSignatures.length > 0 || ast.propertySignatures.some((ps) => typeof ps.name !== "string")) {
        return bySchema(ast)
      }
      if (ast.propertySignatures.length === 0) return bySchema(ast)
      const props = ast.propertySignatures.map((ps) => ({
        name: ps.name as string,
        optional: ps.isOptional,
        parse: compile(ps.type)
      }))
      const known = new Set(props.map((p) => p.name))
      /** The first `n` declared properties of `u` (those decoded to themselves so far) in a new object. */
      const copyDeclared = (u: Record<PropertyKey, unknown>, n: number): Record<string, unknown> => {
        const out: Record<string, unknown> = {}
        for (let j = 0; j < n; j++) {
          const q = props[j] as (typeof props)[number]
          if (Object.hasOwn(u, q.name) || !q.optional) out[q.name] = u[q.name]
        }
        return out
      }
      return (u, state) => {
        if (!isRecord(u)) return FAIL
        // the input itself is the output while it is a plain object whose properties decode to themselves; a new
        // object is made only when one does not (a class instance inside, a missing required key, an excess key)
        let out: Record<string, unknown> | undefined = Object.getPrototypeOf(u) === Object.prototype ? undefined : {}
        for (let i = 0; i < props.length; i++) {
          const p = props[i] as (typeof props)[number]
          const has = Object.hasOwn(u, p.name)
          if (!has && p.optional) continue
          const x = u[p.name]
          const v = p.parse(x, state)
          if (v === FAIL) return FAIL
          if (out === undefined && (v !== x || !has)) out = copyDeclared(u, i)
          if (out !== undefined) out[p.name] = v
        }
        for (const k in u) {
          if (!known.has(k) || !Object.hasOwn(u, k)) {
            state.clean = false
            if (out === undefined) out = copyDeclared(u, props.length)
            break
          }
        }
        return out ?? u
      }
    }
    case "TupleType": {
      if (ast.elements.length > 0 || ast.rest.length !== 1 || ast.rest[0] === undefined) return bySchema(ast)
      const item = compile(ast.rest[0].type)
      return (u, state) => {
        if (!Array.isArray(u)) return FAIL
        let out: Array<unknown> | undefined
        for (let i = 0; i < u.length; i++) {
          const x = u[i]
          const v = item(x, state)
          if (v === FAIL) return FAIL
          if (v !== x && out === undefined) out = u.slice(0, i)
          if (out !== undefined) out[i] = v
        }
        return out ?? u
      }
    }
    case "Transformation": {
      if (ast.transformation._tag === "TypeLiteralTransformation" && objectShaped(ast.from)) {
        // struct fields with defaults or renamed keys (`optionalWith(…, { default })`, `fromKey`): the struct is
        // decoded, each property signature transformation is applied to a copy (as Schema does), and the result is
        // decoded by the type side (its refinements checked again, as Schema does)
        const from = compile(ast.from)
        const to = compile(ast.to)
        const transformations = ast.transformation.propertySignatureTransformations
        return (u, state) => {
          const a = from(u, state)
          if (a === FAIL || !isRecord(a)) return FAIL
          const b: Record<PropertyKey, unknown> = { ...a }
          for (const t of transformations) {
            const o = t.decode(Object.hasOwn(b, t.from) ? Option.some(b[t.from]) : Option.none())
            delete b[t.from]
            if (Option.isSome(o)) b[t.to] = o.value
          }
          // the type side sees the decoded value, whose keys say nothing about the input's excess properties
          return to(b, untracked)
        }
      }
      if (ast.transformation._tag !== "FinalTransformation") return bySchema(ast)
      const from = compile(ast.from)
      const to = ParseResult.decodeUnknownEither(Schema.make(ast.to))
      const transformation = ast.transformation
      // A `Schema.Class` is this node (cached as its class's `ast`): it decodes into `new Class(props, true)` and its
      // type side only checks `instanceof Class`. Once a first value shows that constructing is copying the props
      // onto an instance (see `plainClass`), values are made that way: the class's prototype and the props, without
      // the constructor's copy and defaults pass (a third of the decoding time of a class) nor the type-side check.
      let classProto: object | null | undefined
      return (u, state) => {
        const a = from(u, state)
        if (a === FAIL) return FAIL
        if (classProto !== undefined && classProto !== null && isRecord(a)) {
          return Object.assign(Object.create(classProto) as object, a)
        }
        const b = transformation.decode(a, options, ast, u)
        // a transformation that is not synchronous (an Effect) is left to Schema's decoder of the whole row
        if (!Either.isEither(b) || Either.isLeft(b)) return FAIL
        const c = to(b.right)
        if (Either.isLeft(c)) return FAIL
        if (classProto === undefined) classProto = plainClass(ast, a, c.right)
        return c.right
      }
    }
    case "Union": {
      // plain values or one object-shaped member (an optional struct or array): the two never accept the same input
      const leaves = ast.types.map(leaf)
      const objects = ast.types.filter((_, i) => leaves[i] === undefined)
      const only = objects[0]
      if (objects.length !== 1 || only === undefined || !objectShaped(only)) return bySchema(ast)
      const plains = leaves.filter((l) => l !== undefined)
      const object = compile(only)
      return (u, state) => {
        for (const p of plains) if (p(u)) return u
        return typeof u === "object" && u !== null ? object(u, state) : FAIL
      }
    }
    default:
      return bySchema(ast)
  }
}

/**
 * The prototype of the `Schema.Class` whose node `ast` is, when constructing one of its values from props is
 * copying them onto an object with that prototype: `v` (made from `props`) is an instance of the class whose cached
 * AST is `ast`, with exactly the props as own properties (in order: no class fields, no `_tag` moved); no field has
 * a constructor default; and no class of the chain below Effect's own declares a constructor. Otherwise `null`.
 */
const plainClass = (ast: AST.Transformation, props: unknown, v: unknown): object | null => {
  try {
    if (ast.to._tag !== "Declaration" || !isRecord(props) || !isRecord(v)) return null
    if (Object.getPrototypeOf(props) !== Object.prototype) return null
    const ctor = (v as { readonly constructor?: unknown }).constructor
    if (typeof ctor !== "function" || (ctor as { readonly ast?: unknown }).ast !== ast) return null
    // the host's classes (below the first one Effect made, which owns `identifier`) must not declare a constructor
    let c: unknown = ctor
    while (typeof c === "function" && !Object.hasOwn(c, "identifier")) {
      if (/\bconstructor\s*\(/.test(Function.prototype.toString.call(c))) return null
      c = Object.getPrototypeOf(c)
    }
    const fields = (c as { readonly fields?: Record<PropertyKey, unknown> } | undefined)?.fields
    if (fields === undefined) return null
    for (const k of Reflect.ownKeys(fields)) {
      const f = fields[k]
      if (Schema.isPropertySignature(f)) {
        const psAst = f.ast
        const d = psAst._tag === "PropertySignatureDeclaration" ? psAst.defaultValue : psAst.to.defaultValue
        if (d !== undefined) return null
      }
    }
    const own = Reflect.ownKeys(v)
    const given = Reflect.ownKeys(props)
    if (own.length !== given.length) return null
    for (let i = 0; i < own.length; i++) {
      const k = own[i] as PropertyKey
      if (k !== given[i] || v[k] !== props[k]) return null
    }
    return Object.getPrototypeOf(v) as object
  } catch {
    return null
  }
}

/** A node that only accepts objects or arrays. */
const objectShaped = (ast: AST.AST): boolean =>
  ast._tag === "TypeLiteral" ||
  ast._tag === "TupleType" ||
  ((ast._tag === "Refinement" || ast._tag === "Transformation") && objectShaped(ast.from))

/**
 * Compiles the fast decoder of a schema. The result is `undefined` when the input does not decode (decode it with
 * Schema for the issues); otherwise one object reused by every call, to be read before the next call. With
 * `excess: false` (a reader of stored records, which never stores the input again) `clean` is not worked out: the
 * nodes decoded by Schema are then decoded once, not twice.
 */
export const fastDecoder = <A, I>(
  schema: Schema.Schema<A, I>,
  options: { readonly excess?: boolean } = {}
): ((input: unknown) => Decoded | undefined) => {
  const parse = compile(schema.ast)
  const excess = options.excess ?? true
  // one state and one result object for every call (imports decode millions of rows): the caller reads the result
  // before the next call
  const state: State = { clean: excess }
  const out: { value: unknown; clean: boolean } = { value: undefined, clean: excess }
  return (input) => {
    state.clean = excess
    const v = parse(input, state)
    if (v === FAIL) return undefined
    out.value = v
    out.clean = state.clean
    return out
  }
}
