/**
 * A decoder for bulk import, compiled once per schema: the common AST nodes (structs, arrays, strings, numbers,
 * literals, refinements, unions of plain values, `Schema.Class`) are turned into plain functions, and every other
 * node is decoded by Effect Schema itself (`ParseResult.decodeUnknownEither` of that sub-schema), so a success means
 * exactly what Schema's decode means. It answers `undefined` for any input it does not accept; the caller then runs
 * Schema's decoder on the whole row to get the issues with their paths (bad rows are rare; good rows are the hot
 * path). It also tells whether the input had properties outside the schema at any depth (then the input is not the
 * encoded form of its record and must be re-encoded before it is stored).
 */
import { type SchemaAST as AST, Either, ParseResult, Schema } from "effect"

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
      if (ast.transformation._tag !== "FinalTransformation") return bySchema(ast)
      const from = compile(ast.from)
      const to = ParseResult.decodeUnknownEither(Schema.make(ast.to))
      const transformation = ast.transformation
      return (u, state) => {
        const a = from(u, state)
        if (a === FAIL) return FAIL
        const b = transformation.decode(a, options, ast, u)
        // a transformation that is not synchronous (an Effect) is left to Schema's decoder of the whole row
        if (!Either.isEither(b) || Either.isLeft(b)) return FAIL
        const c = to(b.right)
        return Either.isLeft(c) ? FAIL : c.right
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

/** A node that only accepts objects or arrays. */
const objectShaped = (ast: AST.AST): boolean =>
  ast._tag === "TypeLiteral" ||
  ast._tag === "TupleType" ||
  ((ast._tag === "Refinement" || ast._tag === "Transformation") && objectShaped(ast.from))

/**
 * Compiles the fast decoder of a schema. The result is `undefined` when the input does not decode (decode it with
 * Schema for the issues).
 */
export const fastDecoder = <A, I>(schema: Schema.Schema<A, I>): ((input: unknown) => Decoded | undefined) => {
  const parse = compile(schema.ast)
  return (input) => {
    const state: State = { clean: true }
    const v = parse(input, state)
    return v === FAIL ? undefined : { value: v, clean: state.clean }
  }
}
