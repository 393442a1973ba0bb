/**
 * Decoding untrusted input into models, with failures as typed errors or findings that name the path.
 *
 * @since 0.1.0
 */
import { Effect, Either, Option, type ParseResult, Schema, SchemaAST } from "effect"
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
 * Decodes unknown input with a schema; every issue is reported, not only the first.
 *
 * @since 0.1.0
 * @category decoding
 */
export const decodeEither =
  <A, I>(schema: Schema.Schema<A, I, never>, subject?: string) =>
  (input: unknown): Either.Either<A, DecodeError> =>
    Schema.decodeUnknownEither(schema, { errors: "all", onExcessProperty: "ignore" })(input).pipe(
      Either.mapLeft((e) => toDecodeError(subject ?? schemaName(schema), e))
    )

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
 * Decodes unknown input and returns either the value or the findings that explain why not.
 *
 * @since 0.1.0
 * @category decoding
 */
export const validate =
  <A, I>(schema: Schema.Schema<A, I, never>) =>
  (input: unknown): Either.Either<A, ReadonlyArray<Finding>> =>
    Schema.decodeUnknownEither(schema, { errors: "all" })(input).pipe(Either.mapLeft((e) => toFindings(e)))

const schemaName = (schema: Schema.Schema.AnyNoContext): string => {
  const ast = SchemaAST.isTransformation(schema.ast) ? schema.ast.to : schema.ast
  return SchemaAST.getIdentifierAnnotation(ast).pipe(
    Option.orElse(() => SchemaAST.getTitleAnnotation(ast)),
    Option.getOrElse(() => "input")
  )
}
