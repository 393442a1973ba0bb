/**
 * Decoding untrusted input into models, with failures as typed errors or findings that name the path.
 *
 * @since 0.1.0
 */
import { Cause, Effect, Either, Option, type ParseResult, Runtime, Schema, SchemaAST } from "effect"
import { ArrayFormatter } from "effect/ParseResult"
import { DecodeError, DecodeIssue } from "./Errors.js"
import { Finding } from "./Finding.js"

/** What a quoted input value was, without the value: `a string of 18 characters`, `a number`, `an object`, …. */
const describeActual = (shown: string): string => {
  const text = shown.trim()
  if (text === "true" || text === "false" || text === "null" || text === "undefined") return text
  if (text.startsWith('"')) {
    try {
      const value: unknown = JSON.parse(text)
      if (typeof value === "string") return `a string of ${[...value].length} characters`
    } catch {
      // not a complete JSON string: described below
    }
    return "a string"
  }
  if (text.startsWith("[")) return "an array"
  if (text.startsWith("{")) return "an object"
  if (/^-?(\d|NaN|Infinity)/.test(text)) return "a number"
  return "a value"
}

/**
 * Flattens a schema parse failure into `{ path, message }` issues, one per problem. Messages never repeat the input
 * (Effect's `…, actual "4408…"` becomes `…, actual a string of 18 characters`): decode errors end up in logs and
 * import reports, and the input may be an identity number, a phone or a child's name (personal data is never echoed;
 * the path says where the value was).
 *
 * @since 0.1.0
 * @category conversions
 */
export const issuesOf = (error: ParseResult.ParseError): Array<DecodeIssue> =>
  ArrayFormatter.formatErrorSync(error).map(
    (issue) =>
      new DecodeIssue({
        path: issue.path.map((p) => (typeof p === "number" ? p : String(p))),
        message: issue.message.replace(/\bactual ([\s\S]*)$/, (_, shown: string) => `actual ${describeActual(shown)}`)
      })
  )

/**
 * Whether a thrown value is the engine's stack overflow (`RangeError: Maximum call stack size exceeded`, also when an
 * Effect run synchronously wraps it in a `FiberFailure`), as
 * decoding, encoding or `JSON.stringify` of a value nested thousands of levels deep throws.
 *
 * @since 0.1.0
 * @category guards
 */
export const isStackOverflow = (e: unknown): boolean => {
  // Schema's synchronous decoders run an Effect: a defect comes out wrapped in a FiberFailure
  const thrown = Runtime.isFiberFailure(e) ? Cause.squash(e[Runtime.FiberFailureCauseId]) : e
  return thrown instanceof RangeError && /call stack/i.test(thrown.message)
}

/** How many path segments an issue of {@link nestingIssue} shows: where the deep branch starts. */
const shownSegments = 4

/**
 * How deep a value is nested, and the path to its deepest point, found without recursion (so a value of any depth
 * is measured): `{ depth: 0, path: [] }` for a primitive, 1 for an empty array or object, 1 + its deepest element's
 * for the others.
 *
 * @since 0.1.0
 * @category guards
 */
export const nesting = (input: unknown): { readonly depth: number; readonly path: ReadonlyArray<string | number> } => {
  type Frame = {
    readonly value: unknown
    readonly depth: number
    readonly parent: Frame | undefined
    readonly key: string | number
  }
  let deepest: Frame = { value: input, depth: 0, parent: undefined, key: "" }
  const stack: Array<Frame> = [deepest]
  const seen = new Set<object>()
  while (stack.length > 0) {
    const frame = stack.pop() as Frame
    const v = frame.value
    if (typeof v !== "object" || v === null || seen.has(v)) continue
    seen.add(v)
    const here: Frame = { ...frame, depth: frame.depth + 1 }
    if (here.depth > deepest.depth) deepest = here
    const entries: Array<readonly [string | number, unknown]> = Array.isArray(v)
      ? v.map((e, i) => [i, e] as const)
      : Object.entries(v)
    for (const [key, value] of entries) stack.push({ value, depth: here.depth, parent: here, key })
  }
  const path: Array<string | number> = []
  for (let f: Frame | undefined = deepest; f?.parent !== undefined; f = f.parent) path.push(f.key)
  return { depth: deepest.depth, path: path.reverse() }
}

/**
 * The issue of a value too deeply nested to decode (the stack overflowed): at the start of its deepest branch (the
 * first path segments), with the depth, and nothing of the value itself.
 *
 * @since 0.1.0
 * @category conversions
 */
export const nestingIssue = (input: unknown, prefix: ReadonlyArray<string | number> = []): DecodeIssue => {
  const { depth, path } = nesting(input)
  const shown = path.slice(0, shownSegments)
  return new DecodeIssue({
    path: [...prefix, ...shown],
    message: `nested ${depth} levels deep${path.length > shown.length ? " below here" : ""}: too deep to decode`
  })
}

/**
 * Turns a schema parse failure into a `DecodeError` naming what was decoded.
 *
 * @since 0.1.0
 * @category conversions
 */
export const toDecodeError = (subject: string, error: ParseResult.ParseError): DecodeError =>
  new DecodeError({ subject, issues: issuesOf(error) })

/**
 * Turns a schema parse failure into `error` findings with code `decode/invalid`, ready to merge with rule findings.
 *
 * @since 0.1.0
 * @category conversions
 */
export const toFindings = (error: ParseResult.ParseError, code = "decode/invalid"): Array<Finding> =>
  issuesOf(error).map((i) => new Finding({ code, severity: "error", path: i.path, message: i.message }))

/**
 * Decodes unknown input with a schema; every issue is reported, not only the first. A value nested too deeply to
 * decode (thousands of levels: the stack overflows) is a `DecodeError` too ({@link nestingIssue}), never a thrown
 * `RangeError`.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeEither =
  <A, I>(schema: Schema.Schema<A, I, never>, subject?: string) =>
  (input: unknown): Either.Either<A, DecodeError> => {
    try {
      return Schema.decodeUnknownEither(schema, { errors: "all", onExcessProperty: "ignore" })(input).pipe(
        Either.mapLeft((e) => toDecodeError(subject ?? schemaName(schema), e))
      )
    } catch (e) {
      if (!isStackOverflow(e)) throw e
      return Either.left(new DecodeError({ subject: subject ?? schemaName(schema), issues: [nestingIssue(input)] }))
    }
  }

/**
 * Decodes unknown input with a schema as an Effect failing with `DecodeError`.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decode =
  <A, I>(schema: Schema.Schema<A, I, never>, subject?: string) =>
  (input: unknown): Effect.Effect<A, DecodeError> =>
    Either.match(decodeEither(schema, subject)(input), { onLeft: Effect.fail, onRight: Effect.succeed })

/**
 * Decodes unknown input and returns either the value or the findings that explain why not (a value nested too
 * deeply to decode: one `decode/too-deep` finding).
 *
 * @since 0.1.0
 * @category decoding
 */
export const validate =
  <A, I>(schema: Schema.Schema<A, I, never>) =>
  (input: unknown): Either.Either<A, ReadonlyArray<Finding>> => {
    try {
      return Schema.decodeUnknownEither(schema, { errors: "all" })(input).pipe(Either.mapLeft((e) => toFindings(e)))
    } catch (e) {
      if (!isStackOverflow(e)) throw e
      const issue = nestingIssue(input)
      return Either.left([
        new Finding({ code: "decode/too-deep", severity: "error", path: issue.path, message: issue.message })
      ])
    }
  }

const schemaName = (schema: Schema.Schema.AnyNoContext): string => {
  const ast = SchemaAST.isTransformation(schema.ast) ? schema.ast.to : schema.ast
  return SchemaAST.getIdentifierAnnotation(ast).pipe(
    Option.orElse(() => SchemaAST.getTitleAnnotation(ast)),
    Option.getOrElse(() => "input")
  )
}
