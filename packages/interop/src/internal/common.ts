import { Decode, Errors } from "@zhili/core"
import { DateTime, type Either, type Schema } from "effect"

/** Decodes untrusted input, every issue reported with its path. */
export const decodeWith = <A, I>(
  schema: Schema.Schema<A, I, never>,
  input: unknown,
  subject: string
): Either.Either<A, Errors.DecodeError> => Decode.decodeEither(schema, subject)(input)

/** A decode error with one issue. */
export const failure = (subject: string, path: ReadonlyArray<string | number>, message: string): Errors.DecodeError =>
  new Errors.DecodeError({ subject, issues: [new Errors.DecodeIssue({ path: [...path], message })] })

/** An instant as ISO 8601 with the offset of a zone (`2025-01-06T10:00:00.000+08:00`). */
export const isoOffset = (instant: DateTime.Utc, zone: string): string =>
  DateTime.formatIsoOffset(DateTime.unsafeSetZoneNamed(instant, zone))
