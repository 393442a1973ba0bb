/**
 * Eligibility (服务对象条件): who may use a service, as typed predicates — an age range evaluated at the service date,
 * resident tags, residency in an area — combined with and / or / not, and evaluated to "eligible" or a list of
 * reasons a person can read.
 *
 * @since 0.1.0
 */
import { Array as Arr, Schema } from "effect"
import { Finding } from "../kernel/Finding.js"
import * as LocalDate from "../kernel/LocalDate.js"
import * as Placement from "./Placement.js"

/**
 * How the upper bound of an age range is read:
 *
 * - `completed` (周岁, the usual reading of "0–12岁"): eligible while the age in completed years is at most `max`, so
 *   a 0–12 class takes a child up to the day before the 13th birthday; `max` must then be a whole number.
 * - `below`: eligible while the exact age (with its fraction, 1.5 = halfway to the second birthday) is below `max`.
 *
 * @since 0.1.0
 * @category models
 */
export const UpperBound = Schema.Literal("completed", "below")
/**
 * @since 0.1.0
 * @category models
 */
export type UpperBound = typeof UpperBound.Type

const Years = Schema.Number.pipe(
  Schema.finite(),
  Schema.between(0, 150, { message: () => "an age in years must be between 0 and 150" })
)

/**
 * Age at the service date (年龄条件): `min` is an exact age (1.5 = eighteen months), inclusive; `max` is read by
 * `upper` (default `completed`). Either bound may be left out.
 *
 * @since 0.1.0
 * @category predicates
 */
export const AgeRange = Schema.TaggedStruct("AgeRange", {
  min: Schema.optional(Years),
  max: Schema.optional(Years),
  upper: Schema.optionalWith(UpperBound, { default: () => "completed" as const, exact: true })
}).pipe(
  Schema.filter((r) => {
    if (r.min !== undefined && r.max !== undefined && r.min > r.max) return `min ${r.min} is above max ${r.max}`
    if (r.upper === "completed" && r.max !== undefined && !Number.isInteger(r.max)) {
      return `max ${r.max} must be whole years when read as completed years (use upper "below" for ${r.max})`
    }
    return undefined
  })
)
/**
 * @since 0.1.0
 * @category predicates
 */
export type AgeRange = typeof AgeRange.Type

/**
 * A resident tag the person must carry (标签: `elderly`, `disabled`, `party-member`, `low-income` …).
 *
 * @since 0.1.0
 * @category predicates
 */
export const HasTag = Schema.TaggedStruct("HasTag", { tag: Schema.NonEmptyTrimmedString })
/**
 * @since 0.1.0
 * @category predicates
 */
export type HasTag = typeof HasTag.Type

/**
 * Residency (居住地): the person's home lies within an area (a division code prefix, an org or grid subtree).
 *
 * @since 0.1.0
 * @category predicates
 */
export const ResidesIn = Schema.TaggedStruct("ResidesIn", {
  area: Placement.Location,
  label: Schema.optional(Schema.String)
})
/**
 * @since 0.1.0
 * @category predicates
 */
export type ResidesIn = typeof ResidesIn.Type

/**
 * A predicate over a person at a date: a leaf or a combination with and / or / not.
 *
 * @since 0.1.0
 * @category predicates
 */
export type Predicate =
  | AgeRange
  | HasTag
  | ResidesIn
  | { readonly _tag: "All"; readonly of: ReadonlyArray<Predicate> }
  | { readonly _tag: "Any"; readonly of: ReadonlyArray<Predicate> }
  | { readonly _tag: "Not"; readonly predicate: Predicate }

/**
 * The encoded form of a {@link Predicate}.
 *
 * @since 0.1.0
 * @category predicates
 */
export type PredicateEncoded =
  | typeof AgeRange.Encoded
  | typeof HasTag.Encoded
  | typeof ResidesIn.Encoded
  | { readonly _tag: "All"; readonly of: ReadonlyArray<PredicateEncoded> }
  | { readonly _tag: "Any"; readonly of: ReadonlyArray<PredicateEncoded> }
  | { readonly _tag: "Not"; readonly predicate: PredicateEncoded }

/**
 * Schema of an eligibility predicate (a recursive union), for decoding host configuration with paths in errors.
 *
 * @since 0.1.0
 * @category predicates
 */
export const Predicate: Schema.Schema<Predicate, PredicateEncoded> = Schema.Union(
  AgeRange,
  HasTag,
  ResidesIn,
  Schema.TaggedStruct("All", {
    of: Schema.Array(Schema.suspend((): Schema.Schema<Predicate, PredicateEncoded> => Predicate))
  }),
  Schema.TaggedStruct("Any", {
    of: Schema.Array(Schema.suspend((): Schema.Schema<Predicate, PredicateEncoded> => Predicate))
  }),
  Schema.TaggedStruct("Not", {
    predicate: Schema.suspend((): Schema.Schema<Predicate, PredicateEncoded> => Predicate)
  })
).annotations({ identifier: "Eligibility.Predicate" })

/**
 * An age range; `ageRange({ min: 0, max: 12 })` is the after-school class's "0–12岁".
 *
 * @since 0.1.0
 * @category constructors
 */
export const ageRange = (range: {
  readonly min?: number
  readonly max?: number
  readonly upper?: UpperBound
}): Predicate => Schema.decodeSync(AgeRange)({ _tag: "AgeRange", ...range })

/**
 * A required resident tag.
 *
 * @since 0.1.0
 * @category constructors
 */
export const hasTag = (tag: string): Predicate => ({ _tag: "HasTag", tag })

/**
 * Residency within an area, with an optional name for the reasons ("锦绣华景小区").
 *
 * @since 0.1.0
 * @category constructors
 */
export const residesIn = (area: Placement.Location, label?: string): Predicate =>
  label === undefined ? { _tag: "ResidesIn", area } : { _tag: "ResidesIn", area, label }

/**
 * Every predicate must hold (and).
 *
 * @since 0.1.0
 * @category constructors
 */
export const all = (...of: ReadonlyArray<Predicate>): Predicate => ({ _tag: "All", of })

/**
 * At least one predicate must hold (or).
 *
 * @since 0.1.0
 * @category constructors
 */
export const any = (...of: ReadonlyArray<Predicate>): Predicate => ({ _tag: "Any", of })

/**
 * The predicate must not hold (not).
 *
 * @since 0.1.0
 * @category constructors
 */
export const not = (predicate: Predicate): Predicate => ({ _tag: "Not", predicate })

/**
 * What eligibility needs to know about a person: birth date (if known), tags and where they live. Build it from a
 * resident record; nothing else is read.
 *
 * @since 0.1.0
 * @category models
 */
export interface Person {
  readonly birthDate?: LocalDate.LocalDate | undefined
  readonly tags?: ReadonlyArray<string> | undefined
  readonly home?: Placement.Location | undefined
}

/**
 * The outcome of a check: eligible, or not with every reason (each a finding whose path points into the predicate).
 *
 * @since 0.1.0
 * @category models
 */
export type Result =
  | { readonly _tag: "Eligible" }
  | { readonly _tag: "NotEligible"; readonly reasons: Arr.NonEmptyReadonlyArray<Finding> }

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100))

/**
 * Describes a predicate in plain language: `aged 0 to 12 (completed years) and tagged "resident"`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const describe = (p: Predicate): string => {
  switch (p._tag) {
    case "AgeRange": {
      const upper = p.upper === "completed" ? " (completed years)" : ""
      if (p.min !== undefined && p.max !== undefined) {
        return p.upper === "completed"
          ? `aged ${fmt(p.min)} to ${fmt(p.max)}${upper}`
          : `aged at least ${fmt(p.min)} and under ${fmt(p.max)}`
      }
      if (p.min !== undefined) return `aged at least ${fmt(p.min)}`
      if (p.max !== undefined)
        return p.upper === "completed" ? `aged ${fmt(p.max)} or younger${upper}` : `under ${fmt(p.max)}`
      return "of any age"
    }
    case "HasTag":
      return `tagged "${p.tag}"`
    case "ResidesIn":
      return `living in ${p.label ?? Placement.describe(p.area)}`
    case "All":
      return p.of.length === 0 ? "anyone" : p.of.map((q) => wrap(q)).join(" and ")
    case "Any":
      return p.of.length === 0 ? "no one" : p.of.map((q) => wrap(q)).join(" or ")
    case "Not":
      return `not ${wrap(p.predicate)}`
  }
}

const wrap = (p: Predicate): string => (p._tag === "All" || p._tag === "Any" ? `(${describe(p)})` : describe(p))

const reason = (code: string, path: ReadonlyArray<string | number>, message: string) =>
  new Finding({ code, severity: "error", path, message })

const evalAt = (
  p: Predicate,
  person: Person,
  on: LocalDate.LocalDate,
  path: Array<string | number>
): Array<Finding> => {
  switch (p._tag) {
    case "AgeRange": {
      if (p.min === undefined && p.max === undefined) return []
      if (person.birthDate === undefined) {
        return [
          reason(
            "eligibility/unknown-age",
            path,
            `the birth date is unknown, so the age on ${on} cannot be checked (must be ${describe(p)})`
          )
        ]
      }
      if (LocalDate.compare(on, person.birthDate) < 0) {
        return [reason("eligibility/not-born", path, `the person is not born yet on ${on}`)]
      }
      const exact = LocalDate.exactAge(person.birthDate, on)
      const completed = LocalDate.ageInYears(person.birthDate, on)
      const out: Array<Finding> = []
      if (p.min !== undefined && exact < p.min) {
        const from = earliestDateAtLeast(person.birthDate, p.min)
        out.push(
          reason(
            "eligibility/too-young",
            path,
            `aged ${fmt(exact)} on ${on}; must be at least ${fmt(p.min)} (from ${from})`
          )
        )
      }
      if (p.max !== undefined) {
        if (p.upper === "completed" && completed > p.max) {
          out.push(
            reason(
              "eligibility/too-old",
              path,
              `aged ${completed} on ${on}; must be ${fmt(p.max)} or younger (turned ${fmt(p.max + 1)} on ${LocalDate.dateOfAge(person.birthDate, p.max + 1)})`
            )
          )
        }
        if (p.upper === "below" && exact >= p.max) {
          out.push(reason("eligibility/too-old", path, `aged ${fmt(exact)} on ${on}; must be under ${fmt(p.max)}`))
        }
      }
      return out
    }
    case "HasTag":
      return (person.tags ?? []).includes(p.tag)
        ? []
        : [reason("eligibility/missing-tag", path, `is not tagged "${p.tag}"`)]
    case "ResidesIn":
      if (person.home === undefined) {
        return [reason("eligibility/unknown-home", path, `the home address is unknown; must be ${describe(p)}`)]
      }
      return Placement.within(person.home, p.area)
        ? []
        : [
            reason(
              "eligibility/outside-area",
              path,
              `lives in ${Placement.describe(person.home)}; must be ${describe(p)}`
            )
          ]
    case "All":
      return p.of.flatMap((q, i) => evalAt(q, person, on, [...path, "of", i]))
    case "Any": {
      if (p.of.length === 0) return [reason("eligibility/no-alternative", path, "no alternative is allowed")]
      const branches = p.of.map((q, i) => evalAt(q, person, on, [...path, "of", i]))
      if (branches.some((b) => b.length === 0)) return []
      return [
        reason("eligibility/no-alternative-holds", path, `none of these holds: ${p.of.map((q) => wrap(q)).join("; ")}`),
        ...branches.flat()
      ]
    }
    case "Not":
      return evalAt(p.predicate, person, on, [...path, "predicate"]).length === 0
        ? [reason("eligibility/excluded", path, `must not be ${describe(p.predicate)}`)]
        : []
  }
}

// The first date on which the exact age reaches `years` (fractional ages land between two birthdays).
const earliestDateAtLeast = (birthDate: LocalDate.LocalDate, years: number): LocalDate.LocalDate => {
  const whole = Math.floor(years)
  let date = LocalDate.dateOfAge(birthDate, whole)
  while (LocalDate.exactAge(birthDate, date) < years) date = LocalDate.addDays(date, 1)
  return date
}

/**
 * Checks a person against a predicate on a date (the service date: ages are computed on it). Total: an unknown
 * birth date or home is a reason, not an exception.
 *
 * @param predicate - the service's eligibility
 * @param person - birth date, tags and home of the person
 * @param on - the service date
 * @since 0.1.0
 * @category rules
 */
export const check = (predicate: Predicate, person: Person, on: LocalDate.LocalDate): Result => {
  const reasons = evalAt(predicate, person, on, [])
  return Arr.isNonEmptyReadonlyArray(reasons) ? { _tag: "NotEligible", reasons } : { _tag: "Eligible" }
}

/**
 * True when the person is eligible on the date.
 *
 * @since 0.1.0
 * @category rules
 */
export const isEligible = (predicate: Predicate, person: Person, on: LocalDate.LocalDate): boolean =>
  check(predicate, person, on)._tag === "Eligible"

/**
 * A stretch of days with the same outcome.
 *
 * @since 0.1.0
 * @category models
 */
export interface Stretch {
  readonly from: LocalDate.LocalDate
  readonly to: LocalDate.LocalDate
  readonly result: Result
}

/**
 * Eligibility over a term (学期): the days from `from` to `to` split into stretches of equal outcome, so a child
 * who turns 13 in the middle of the 0–12 class's term shows as eligible up to the day before the birthday and not
 * eligible from it. Evaluates once per day of the term.
 *
 * @since 0.1.0
 * @category rules
 */
export const overTerm = (
  predicate: Predicate,
  person: Person,
  from: LocalDate.LocalDate,
  to: LocalDate.LocalDate
): ReadonlyArray<Stretch> => {
  const out: Array<Stretch> = []
  for (const day of LocalDate.range(from, to)) {
    const result = check(predicate, person, day)
    const last = out[out.length - 1]
    if (last !== undefined && last.result._tag === result._tag) {
      out[out.length - 1] = { ...last, to: day }
    } else {
      out.push({ from: day, to: day, result })
    }
  }
  return out
}

/**
 * The plain HSDS reading of a predicate, for export: the tightest `minimum_age` / `maximum_age` an all-of
 * combination implies (in whole or decimal years as HSDS takes them) and a description of the rest. A
 * `completed` maximum of 12 exports as `maximum_age: 12`.
 *
 * @since 0.1.0
 * @category conversions
 */
export const toHsds = (
  predicate: Predicate
): { readonly minimumAge?: number; readonly maximumAge?: number; readonly description: string } => {
  const leaves = predicate._tag === "All" ? predicate.of : [predicate]
  let minimumAge: number | undefined
  let maximumAge: number | undefined
  for (const leaf of leaves) {
    if (leaf._tag !== "AgeRange") continue
    if (leaf.min !== undefined) minimumAge = Math.max(minimumAge ?? leaf.min, leaf.min)
    if (leaf.max !== undefined) maximumAge = Math.min(maximumAge ?? leaf.max, leaf.max)
  }
  return {
    ...(minimumAge === undefined ? {} : { minimumAge }),
    ...(maximumAge === undefined ? {} : { maximumAge }),
    description: describe(predicate)
  }
}
