/**
 * Terms (术语) of the lists a deployment varies: needs categories, service types, project and claimant kinds, kinds
 * of inspected unit. Each is a plugin point whose values are terms — an id, a Chinese and an English name and where
 * the term comes from — contributed with the seed's defaults by the core pack and extended (or renamed, with an
 * override) by host plugins. Models hold a term's id as a string; rules read the list in force and report ids no
 * plugin declares.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as Finding from "./Finding.js"

/**
 * A term id: lower-case words joined by `-` (`elderly-care`), namespaced by the plugin that contributes it
 * (`my-city/housekeeping`); the core terms have no namespace.
 *
 * @since 0.1.0
 * @category models
 */
export const TermId = Schema.String.pipe(
  Schema.pattern(/^([a-z][a-z0-9]*(-[a-z0-9]+)*\/)?[a-z][a-z0-9]*(-[a-z0-9]+)*$/, {
    message: () => 'a term id is lower-case words joined by "-", optionally prefixed by "<plugin id>/"'
  }),
  Schema.annotations({ identifier: "TermId", title: "term id" })
)
/**
 * @since 0.1.0
 * @category models
 */
export type TermId = typeof TermId.Type

/**
 * One term of a list (术语条目): id, Chinese name, English name, and its source (the seed passage, a standard, or
 * the host's own rule).
 *
 * @since 0.1.0
 * @category models
 */
export class Term extends Schema.Class<Term>("@zhili/Term")({
  id: TermId,
  nameZh: Schema.NonEmptyTrimmedString,
  nameEn: Schema.NonEmptyTrimmedString,
  source: Schema.NonEmptyString
}) {}

/**
 * Builds a term.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (id: string, nameZh: string, nameEn: string, source: string): Term =>
  new Term({ id, nameZh, nameEn, source })

/**
 * True when the list declares the id.
 *
 * @since 0.1.0
 * @category rules
 */
export const has = (terms: ReadonlyArray<Term>, id: string): boolean => terms.some((t) => t.id === id)

/**
 * The name of an id in a list, in Chinese (`zh-CN`, the default) or English; the id itself when no term declares
 * it.
 *
 * @since 0.1.0
 * @category rules
 */
export const nameOf = (terms: ReadonlyArray<Term>, id: string, locale: "zh-CN" | "en" = "zh-CN"): string => {
  const term = terms.find((t) => t.id === id)
  return term === undefined ? id : locale === "en" ? term.nameEn : term.nameZh
}

/**
 * The position of an id in a list (the order reports follow); ids no term declares come after every declared one.
 *
 * @since 0.1.0
 * @category rules
 */
export const rank = (terms: ReadonlyArray<Term>, id: string): number => {
  const i = terms.findIndex((t) => t.id === id)
  return i < 0 ? terms.length : i
}

/**
 * A finding when the list does not declare an id: `code` at `path`, saying what the value is (`what`, e.g. "needs
 * category") and which ids are known.
 *
 * @since 0.1.0
 * @category rules
 */
export const check = (
  terms: ReadonlyArray<Term>,
  id: string,
  options: {
    readonly code: string
    readonly path: Finding.Path
    readonly what: string
    readonly subject: string
    readonly severity?: Finding.Severity
  }
): ReadonlyArray<Finding.Finding> =>
  has(terms, id)
    ? []
    : [
        Finding.make(
          options.code,
          options.severity ?? "error",
          options.path,
          `${options.subject} has the ${options.what} ${id}, which no plugin declares (known: ${terms.map((t) => t.id).join(", ") || "none"})`
        )
      ]
