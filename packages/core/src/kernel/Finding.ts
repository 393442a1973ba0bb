/**
 * Findings (检查发现): what a validation rule reports instead of throwing.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * How serious a finding is: `error` must be fixed, `warning` should be looked at, `info` is a note.
 *
 * @since 0.1.0
 * @category models
 */
export const Severity = Schema.Literal("error", "warning", "info")
/**
 * @since 0.1.0
 * @category models
 */
export type Severity = typeof Severity.Type

/**
 * A path into the checked value: property names and array indices.
 *
 * @since 0.1.0
 * @category models
 */
export const Path = Schema.Array(Schema.Union(Schema.String, Schema.Number))
/**
 * @since 0.1.0
 * @category models
 */
export type Path = typeof Path.Type

/**
 * One problem a rule found: a stable code, how serious it is, where it is and a sentence a person can act on.
 *
 * @since 0.1.0
 * @category models
 */
export class Finding extends Schema.Class<Finding>("@zhili/Finding")({
  code: Schema.String,
  severity: Severity,
  path: Path,
  message: Schema.String
}) {
  /** The finding as one line: `error grid/uncovered-building at buildings.b7: …`. */
  override toString(): string {
    const where = this.path.length === 0 ? "" : ` at ${formatPath(this.path)}`
    return `${this.severity} ${this.code}${where}: ${this.message}`
  }
}

/**
 * Builds a finding.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  code: string,
  severity: Severity,
  path: ReadonlyArray<string | number>,
  message: string
): Finding => new Finding({ code, severity, path, message }, trusted)

// the fields are typed by the signature; validating them again on every finding cost about 5 µs each, and rules
// make thousands of findings at city scale
const trusted = { disableValidation: true } as const

/**
 * Builds an `error` finding.
 *
 * @since 0.1.0
 * @category constructors
 */
export const error = (code: string, path: ReadonlyArray<string | number>, message: string): Finding =>
  make(code, "error", path, message)

/**
 * Builds a `warning` finding.
 *
 * @since 0.1.0
 * @category constructors
 */
export const warning = (code: string, path: ReadonlyArray<string | number>, message: string): Finding =>
  make(code, "warning", path, message)

/**
 * Builds an `info` finding.
 *
 * @since 0.1.0
 * @category constructors
 */
export const info = (code: string, path: ReadonlyArray<string | number>, message: string): Finding =>
  make(code, "info", path, message)

/**
 * Renders a path the way people read it: `households[3].residents[0].idNumber`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const formatPath = (path: ReadonlyArray<string | number | symbol>): string =>
  path.reduce<string>((acc, part) => {
    if (typeof part === "number") return `${acc}[${part}]`
    const name = String(part)
    return acc === "" ? name : `${acc}.${name}`
  }, "")

/**
 * True when any finding is an `error`.
 *
 * @since 0.1.0
 * @category predicates
 */
export const hasErrors = (findings: ReadonlyArray<Finding>): boolean => findings.some((f) => f.severity === "error")

/**
 * Prefixes every finding's path, so a rule over a part reports paths from the whole.
 *
 * @since 0.1.0
 * @category combinators
 */
export const prefix = (findings: ReadonlyArray<Finding>, path: ReadonlyArray<string | number>): Array<Finding> =>
  findings.map((f) => new Finding({ ...f, path: [...path, ...f.path] }))

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

/**
 * Groups findings by severity, errors first, keeping the order of each group.
 *
 * @since 0.1.0
 * @category combinators
 */
export const bySeverity = (
  findings: ReadonlyArray<Finding>
): ReadonlyArray<readonly [Severity, ReadonlyArray<Finding>]> =>
  (["error", "warning", "info"] as const)
    .map((s) => [s, findings.filter((f) => f.severity === s)] as const)
    .filter(([, fs]) => fs.length > 0)
    .sort(([a], [b]) => severityRank[a] - severityRank[b])
