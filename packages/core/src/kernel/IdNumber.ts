/**
 * Citizen identity numbers (公民身份号码), GB 11643-1999: 18 characters — a 6-digit address code (the county of
 * first registration, GB/T 2260), the birth date `YYYYMMDD`, a 3-digit sequence whose last digit is odd for men and
 * even for women, and a check character (ISO 7064 MOD 11-2, `0–9` or `X`).
 *
 * Identity numbers are sensitive personal information: hold them as {@link SensitiveIdNumber} and mask them with
 * `Privacy.maskIdNumber` in every output.
 *
 * @since 0.1.0
 */
import { type Brand, Either, Option, Schema } from "effect"
import * as Division from "./Division.js"
import { DecodeError, DecodeIssue } from "./Errors.js"
import * as Finding from "./Finding.js"
import * as LocalDate from "./LocalDate.js"

/**
 * Weights of positions 1–17 in the MOD 11-2 check: `2^(18−i) mod 11` (GB 11643-1999, STANDARDS.md).
 *
 * @since 0.1.0
 * @category checksum
 */
export const weights: ReadonlyArray<number> = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

const checkCharacters = "10X98765432"

/**
 * The check character (校验码) for the first 17 digits of an identity number: `"10X98765432"[Σ dᵢ·wᵢ mod 11]`. None
 * when the input is not exactly 17 digits.
 *
 * @since 0.1.0
 * @category checksum
 */
export const checkCharacter = (first17: string): Option.Option<string> => {
  if (typeof first17 !== "string" || !/^\d{17}$/.test(first17)) return Option.none()
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (weights[i] ?? 0)
  return Option.fromNullable(checkCharacters[sum % 11])
}

/**
 * Options of {@link validate} and {@link parse}: `asOf`, when given, is "today" for the check that the birth date
 * is not in the future (rules take no clock); `dataset`, when given, is asked whether the address code exists.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly asOf?: LocalDate.LocalDate | undefined
  readonly dataset?: Division.Dataset | undefined
}

/**
 * Trims an identity number as people type it: drops spaces and dashes and upper-cases a final `x`. Use before
 * {@link validate} on form input; validation itself never normalises silently.
 *
 * @since 0.1.0
 * @category conversions
 */
export const normalize = (input: string): string => input.replace(/[\s-]/g, "").replace(/x$/, "X")

/** The happy path of {@link validate} without building findings, for bulk imports; false sends it the slow way. */
const isValidFast = (input: string, asOf: LocalDate.LocalDate | undefined): boolean => {
  if (!/^\d{17}[\dX]$/.test(input) || !Division.provinces.has(input.slice(0, 2))) return false
  const y = Number(input.slice(6, 10))
  const m = Number(input.slice(10, 12))
  const d = Number(input.slice(12, 14))
  if (!LocalDate.isRealDate(y, m, d)) return false
  if (asOf !== undefined && `${input.slice(6, 10)}-${input.slice(10, 12)}-${input.slice(12, 14)}` > asOf) return false
  let sum = 0
  for (let i = 0; i < 17; i++) sum += (input.charCodeAt(i) - 48) * (weights[i] ?? 0)
  return checkCharacters[sum % 11] === input[17]
}

/**
 * Checks an identity number and lists every problem. Errors (the number is invalid):
 * - `id-number/length` — not 18 characters;
 * - `id-number/characters` — characters 1–17 must be digits, the 18th a digit or `X`;
 * - `id-number/province` — the first two digits are no province of GB/T 2260 (11–82);
 * - `id-number/date` — characters 7–14 are no real calendar date, or a date after `options.asOf`;
 * - `id-number/checksum` — the check character does not match (it names the expected one).
 *
 * No message quotes the number or any part of it longer than one character (identity numbers and birth dates are
 * sensitive, PIPL Art. 28); a number of the wrong length gets the length finding only.
 *
 * Warning: `id-number/unknown-division` — `options.dataset` is given and the address code is not in it (codes
 * change over time; a person keeps the code of first registration). Paths name the part: `divisionCode`,
 * `birthDate`, `checkCharacter`; `[]` for the whole.
 *
 * @since 0.1.0
 * @category validation
 */
export const validate = (input: string, options: Options = {}): ReadonlyArray<Finding.Finding> => {
  if (typeof input !== "string") return [Finding.error("id-number/characters", [], "an identity number is a string")]
  if (options.dataset === undefined && isValidFast(input, options.asOf)) return []
  const findings: Array<Finding.Finding> = []
  if (input.length !== 18) {
    const firstGeneration =
      input.length === 15 ? "; a 15-digit first-generation number converts with IdNumber.fromFirstGeneration" : ""
    return [
      Finding.error(
        "id-number/length",
        [],
        `an identity number has 18 characters, not ${input.length}${firstGeneration}`
      )
    ]
  }
  const bad = Array.from(input.slice(0, 18)).flatMap((c, i) =>
    (i < 17 ? /\d/.test(c) : /[\dX]/.test(c)) ? [] : [`${i + 1} ("${c}")`]
  )
  if (bad.length > 0) {
    const x = input.length === 18 && input[17] === "x" ? "; the check character X must be upper case" : ""
    findings.push(
      Finding.error(
        "id-number/characters",
        [],
        `characters 1–17 must be digits and the 18th a digit or X; wrong at ${bad.slice(0, 5).join(", ")}${x}`
      )
    )
  }
  const province = input.slice(0, 2)
  if (/^\d{2}$/.test(province) && !Division.provinces.has(province)) {
    findings.push(
      Finding.error("id-number/province", ["divisionCode"], `${province} is not a province code of GB/T 2260 (11–82)`)
    )
  }
  const date = input.slice(6, 14)
  if (/^\d{8}$/.test(date)) {
    const [y, m, d] = [Number(date.slice(0, 4)), Number(date.slice(4, 6)), Number(date.slice(6, 8))]
    if (!LocalDate.isRealDate(y, m, d)) {
      findings.push(
        Finding.error("id-number/date", ["birthDate"], "characters 7–14 are not a real calendar date (YYYYMMDD)")
      )
    } else if (options.asOf !== undefined && LocalDate.make(y, m, d) > options.asOf) {
      findings.push(
        Finding.error("id-number/date", ["birthDate"], `the birth date (characters 7–14) is after ${options.asOf}`)
      )
    }
  } else if (input.length >= 14 && bad.length === 0) {
    findings.push(Finding.error("id-number/date", ["birthDate"], "characters 7–14 are not a date (YYYYMMDD)"))
  }
  if (input.length === 18 && bad.length === 0) {
    const expected = Option.getOrElse(checkCharacter(input.slice(0, 17)), () => "?")
    if (expected !== input[17]) {
      findings.push(
        Finding.error(
          "id-number/checksum",
          ["checkCharacter"],
          `check character is ${input[17]} but the first 17 digits give ${expected} (ISO 7064 MOD 11-2)`
        )
      )
    }
  }
  if (options.dataset !== undefined && findings.length === 0) {
    const county = input.slice(0, 6)
    if (Option.isNone(Division.lookup(county, options.dataset))) {
      findings.push(
        Finding.warning(
          "id-number/unknown-division",
          ["divisionCode"],
          `the address code (characters 1–6) is not in the division dataset of ${options.dataset.asOf}; it may be an older code`
        )
      )
    }
  }
  return findings
}

/**
 * A citizen identity number (公民身份号码) that passes every structural check of {@link validate} (length,
 * characters, province, real birth date, check character). The decode failure lists what is wrong. Birth dates in
 * the future and unknown counties are not checked here (they need a date and a dataset); call {@link validate}
 * with options for those.
 *
 * @since 0.1.0
 * @category schemas
 */
export const IdNumber = Schema.String.pipe(
  Schema.filter((s) => {
    const errors = validate(s).filter((f) => f.severity === "error")
    return errors.length === 0 || errors.map((f) => ({ path: f.path.map(String), message: f.message }))
  }),
  Schema.brand("@zhili/IdNumber"),
  Schema.annotations({
    identifier: "IdNumber",
    title: "citizen identity number (GB 11643-1999)",
    arbitrary: () => (fc) =>
      fc
        .tuple(
          fc.constantFrom("440881", "360733", "370303", "110102"),
          fc.integer({ min: LocalDate.toEpochDay(LocalDate.make(1920, 1, 1)), max: 20_000 }),
          fc.integer({ min: 0, max: 999 })
        )
        .map(([county, day, seq]) => {
          const body = county + LocalDate.fromEpochDay(day).replaceAll("-", "") + String(seq).padStart(3, "0")
          return (body + Option.getOrElse(checkCharacter(body), () => "0")) as string & Brand.Brand<"@zhili/IdNumber">
        })
  })
)
/**
 * @since 0.1.0
 * @category schemas
 */
export type IdNumber = typeof IdNumber.Type

/**
 * An identity number held as `Redacted`: decodes a plain string, checks it like {@link IdNumber}, and never prints
 * it (`String(v)` is `<redacted>`). Use this in models of people.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SensitiveIdNumber = Schema.Redacted(IdNumber).annotations({
  identifier: "SensitiveIdNumber",
  title: "citizen identity number (held redacted)"
})
/**
 * @since 0.1.0
 * @category schemas
 */
export type SensitiveIdNumber = typeof SensitiveIdNumber.Type

/**
 * Sex (性别) as the identity number encodes it: the 17th digit is odd for male, even for female.
 *
 * @since 0.1.0
 * @category models
 */
export const Sex = Schema.Literal("male", "female")
/**
 * @since 0.1.0
 * @category models
 */
export type Sex = typeof Sex.Type

/**
 * What an identity number says: the 6-digit address code of first registration (a GB/T 2260 code that may have
 * changed since; check it with `Division.validate`), birth date, sex, the 3-digit sequence
 * (顺序码) and the check character (校验码), plus any warnings {@link validate} gave (an unknown county).
 *
 * @since 0.1.0
 * @category models
 */
export class Parts extends Schema.Class<Parts>("@zhili/IdNumberParts")({
  divisionCode: Schema.String.pipe(Schema.pattern(/^\d{6}$/)),
  birthDate: LocalDate.LocalDate,
  sex: Sex,
  sequence: Schema.String,
  checkCharacter: Schema.String,
  warnings: Schema.Array(Finding.Finding)
}) {}

/**
 * Parses an identity number into its {@link Parts}. Fails with a `DecodeError` listing every error finding of
 * {@link validate}; warnings (unknown county) do not fail and are returned in `warnings`.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parse = (input: string, options: Options = {}): Either.Either<Parts, DecodeError> => {
  const findings = validate(input, options)
  const errors = findings.filter((f) => f.severity === "error")
  if (errors.length > 0) {
    return Either.left(
      new DecodeError({
        subject: "identity number",
        issues: errors.map((f) => new DecodeIssue({ path: f.path, message: f.message }))
      })
    )
  }
  return Either.right(
    new Parts({
      divisionCode: input.slice(0, 6),
      birthDate: LocalDate.make(Number(input.slice(6, 10)), Number(input.slice(10, 12)), Number(input.slice(12, 14))),
      sex: Number(input[16]) % 2 === 1 ? "male" : "female",
      sequence: input.slice(14, 17),
      checkCharacter: input.slice(17),
      warnings: findings.filter((f) => f.severity !== "error")
    })
  )
}

/**
 * Converts a 15-digit first-generation identity number (GB 11643-1989: address code, `YYMMDD` birth date in the
 * 1900s, 3-digit sequence, no check character) to its 18-digit form by inserting `19` before the year and adding
 * the check character. Fails with a `DecodeError` when the input is not 15 digits or the result does not validate
 * (an impossible date, an unknown province).
 *
 * @since 0.1.0
 * @category conversions
 */
export const fromFirstGeneration = (input: string): Either.Either<IdNumber, DecodeError> => {
  if (typeof input !== "string" || !/^\d{15}$/.test(input)) {
    return Either.left(
      new DecodeError({
        subject: "first-generation identity number",
        issues: [new DecodeIssue({ path: [], message: "a first-generation identity number has exactly 15 digits" })]
      })
    )
  }
  const body = `${input.slice(0, 6)}19${input.slice(6)}`
  const full = body + Option.getOrElse(checkCharacter(body), () => "")
  return Either.map(parse(full), () => full as IdNumber)
}
