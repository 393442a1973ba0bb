/**
 * The typed errors shared by every context: decode failures, version conflicts and scoped misses.
 * Domain-specific errors (an illegal case transition, an overdrawn fund) live in their context.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { formatPath, Path } from "./Finding.js"

/**
 * One problem in decoded input: where it is and what is wrong.
 *
 * @since 0.1.0
 * @category models
 */
export class DecodeIssue extends Schema.Class<DecodeIssue>("@zhili/DecodeIssue")({
  path: Path,
  message: Schema.String
}) {}

/**
 * Input did not match its schema. `issues` lists every problem with its path; `subject` names what was decoded
 * (`Resident`, `row 17 of households.csv`).
 *
 * @since 0.1.0
 * @category errors
 */
export class DecodeError extends Schema.TaggedError<DecodeError>()("DecodeError", {
  subject: Schema.String,
  issues: Schema.Array(DecodeIssue)
}) {
  override get message(): string {
    const listed = this.issues
      .slice(0, 5)
      .map((i) => (i.path.length === 0 ? i.message : `${formatPath(i.path)}: ${i.message}`))
      .join("; ")
    const more = this.issues.length > 5 ? ` (and ${this.issues.length - 5} more)` : ""
    return `invalid ${this.subject}: ${listed}${more}`
  }
}

/**
 * A save raced another writer: the stored version is not the one the caller read. Nothing was written.
 *
 * @since 0.1.0
 * @category errors
 */
export class VersionConflict extends Schema.TaggedError<VersionConflict>()("VersionConflict", {
  entity: Schema.String,
  id: Schema.String,
  expected: Schema.Number,
  actual: Schema.Number
}) {
  override get message(): string {
    return `${this.entity} ${this.id}: expected version ${this.expected} but the stored version is ${this.actual}; reload and retry`
  }
}

/**
 * A record was asked for that does not exist or lies outside the caller's scope. Deliberately does not say which.
 *
 * @since 0.1.0
 * @category errors
 */
export class NotFoundOrNotPermitted extends Schema.TaggedError<NotFoundOrNotPermitted>()("NotFoundOrNotPermitted", {
  entity: Schema.String,
  id: Schema.String
}) {
  override get message(): string {
    return `${this.entity} ${this.id}: not found or not permitted`
  }
}

/**
 * A value the rules cannot accept, for a reason that is not a schema mismatch (an unknown division, a year the
 * calendar has no data for). Carries a stable code like findings do.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidInput extends Schema.TaggedError<InvalidInput>()("InvalidInput", {
  code: Schema.String,
  path: Path,
  reason: Schema.String
}) {
  override get message(): string {
    return this.path.length === 0
      ? `${this.code}: ${this.reason}`
      : `${this.code} at ${formatPath(this.path)}: ${this.reason}`
  }
}
