/**
 * Unified social credit codes (统一社会信用代码), GB 32100-2015: 18 characters from a 31-symbol alphabet — the
 * registering authority (登记管理部门), the organisation type (机构类别), the 6-digit division code of the
 * registering office, the 9-character organisation code (组织机构代码, GB 11714, with its own check at position 17)
 * and the check character at position 18.
 *
 * Some early pilot codes are legal yet fail the checksum (`91350100M0001TGQXM`), so a failing check character is a
 * finding whose severity the caller chooses (default `warning`), never a decode failure.
 *
 * @since 0.1.0
 */
import { type Brand, Either, Option, Schema } from "effect"
import * as Division from "./Division.js"
import { DecodeError, DecodeIssue } from "./Errors.js"
import * as Finding from "./Finding.js"

/**
 * The 31 symbols of the code (GB 32100-2015): digits and capital letters without I, O, Z, S and V; a symbol's value
 * is its index (0–30).
 *
 * @since 0.1.0
 * @category checksum
 */
export const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

/**
 * Weights of positions 1–17 for the check character: `3^(i−1) mod 31` (STANDARDS.md).
 *
 * @since 0.1.0
 * @category checksum
 */
export const weights: ReadonlyArray<number> = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

const organisationWeights = [3, 7, 9, 10, 5, 8, 4, 2]
const organisationAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

/**
 * The check character (校验码, position 18) for the first 17 characters: `c = (31 − Σ vᵢ·wᵢ mod 31) mod 31`. None
 * when the input is not 17 symbols of the alphabet.
 *
 * @since 0.1.0
 * @category checksum
 */
export const checkCharacter = (first17: string): Option.Option<string> => {
  if (typeof first17 !== "string" || first17.length !== 17) return Option.none()
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const v = alphabet.indexOf(first17[i] ?? "")
    if (v < 0) return Option.none()
    sum += v * (weights[i] ?? 0)
  }
  return Option.fromNullable(alphabet[(31 - (sum % 31)) % 31])
}

/**
 * The check character of a GB 11714 organisation code (组织机构代码) from its first 8 characters (values of
 * `0–9A-Z`, weights `3 7 9 10 5 8 4 2`): `11 − Σ mod 11`, with 10 → `X` and 11 → `0`. None for other input.
 *
 * @since 0.1.0
 * @category checksum
 */
export const organisationCheckCharacter = (first8: string): Option.Option<string> => {
  if (typeof first8 !== "string" || first8.length !== 8) return Option.none()
  let sum = 0
  for (let i = 0; i < 8; i++) {
    const v = organisationAlphabet.indexOf(first8[i] ?? "")
    if (v < 0) return Option.none()
    sum += v * (organisationWeights[i] ?? 0)
  }
  const r = 11 - (sum % 11)
  return Option.some(r === 10 ? "X" : r === 11 ? "0" : String(r))
}

/**
 * A registering authority with the organisation types it registers, keyed by their one-character codes.
 *
 * @since 0.1.0
 * @category models
 */
export interface Authority {
  readonly name: string
  readonly types: Readonly<Record<string, string>>
}

/**
 * The registering authorities and organisation types the library knows (STANDARDS.md, [one source]): `1`
 * organisation establishment (机构编制: 1 organ, 2 public institution, 3 mass organisation), `5` civil affairs
 * (民政: 1 social group, 2 private non-enterprise unit, 3 foundation), `9` market regulation (市场监管: 1
 * enterprise, 2 individual business, 3 farmers' cooperative), `N` agriculture (农业), `Y` other (其他). A default to
 * be replaced: hosts pass a fuller table through {@link Options}.
 *
 * @since 0.1.0
 * @category policies
 */
export const defaultAuthorities: Readonly<Record<string, Authority>> = {
  "1": { name: "机构编制", types: { "1": "机关", "2": "事业单位", "3": "群众团体" } },
  "5": { name: "民政", types: { "1": "社会团体", "2": "民办非企业单位", "3": "基金会" } },
  "9": { name: "市场监管", types: { "1": "企业", "2": "个体工商户", "3": "农民专业合作社" } },
  N: { name: "农业", types: {} },
  Y: { name: "其他", types: {} }
}

/**
 * Options of {@link validate} and {@link parse}: the severity of a failing check character (default `warning`, so
 * pilot codes pass; STANDARDS.md), the authority table (default {@link defaultAuthorities}) and a division dataset
 * to look the embedded division code up in.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly checksumSeverity?: Finding.Severity | undefined
  readonly authorities?: Readonly<Record<string, Authority>> | undefined
  readonly dataset?: Division.Dataset | undefined
}

/** Registrations at the national level (central organs and institutions) carry `100000` as their division. */
const nationalDivision = "100000"

/**
 * Checks a unified social credit code. Errors: `credit-code/length` (not 18), `credit-code/characters` (outside
 * the 31-symbol alphabet; I, O, Z, S and V are never used), `credit-code/division` (positions 3–8 neither a
 * well-formed division code nor `100000`, which national-level registrations carry). Severity `options.checksumSeverity` (default `warning`): `credit-code/checksum`
 * (position 18) and `credit-code/organisation-checksum` (position 17, GB 11714). Info:
 * `credit-code/unknown-authority` and `credit-code/unknown-type` when the authority table does not know them.
 * Warning: `credit-code/unknown-division` when a dataset is given and lacks the division.
 *
 * @since 0.1.0
 * @category validation
 */
export const validate = (input: string, options: Options = {}): ReadonlyArray<Finding.Finding> => {
  if (typeof input !== "string") return [Finding.error("credit-code/characters", [], "a credit code is a string")]
  const findings: Array<Finding.Finding> = []
  if (input.length !== 18) {
    findings.push(Finding.error("credit-code/length", [], `a credit code has 18 characters, not ${input.length}`))
  }
  const bad = Array.from(input.slice(0, 18)).flatMap((c, i) => (alphabet.includes(c) ? [] : [`${i + 1} ("${c}")`]))
  if (bad.length > 0) {
    findings.push(
      Finding.error(
        "credit-code/characters",
        [],
        `only digits and capital letters other than I, O, Z, S, V are allowed; wrong at ${bad.slice(0, 5).join(", ")}`
      )
    )
  }
  if (findings.length > 0) return findings
  const division = input.slice(2, 8)
  const divisionFindings = division === nationalDivision ? [] : Division.validateStructure(division)
  if (divisionFindings.length > 0) {
    findings.push(
      Finding.error(
        "credit-code/division",
        ["divisionCode"],
        `positions 3–8 (${division}) are not a division code: ${divisionFindings.map((f) => f.message).join("; ")}`
      )
    )
  } else if (
    division !== nationalDivision &&
    options.dataset !== undefined &&
    Option.isNone(Division.lookup(division, options.dataset))
  ) {
    findings.push(
      Finding.warning(
        "credit-code/unknown-division",
        ["divisionCode"],
        `division ${division} is not in the division dataset of ${options.dataset.asOf}`
      )
    )
  }
  const severity = options.checksumSeverity ?? "warning"
  const orgExpected = Option.getOrElse(organisationCheckCharacter(input.slice(8, 16)), () => "?")
  if (orgExpected !== input[16]) {
    findings.push(
      Finding.make(
        "credit-code/organisation-checksum",
        severity,
        ["organisationCode"],
        `organisation code check (position 17) is ${input[16]} but GB 11714 gives ${orgExpected}`
      )
    )
  }
  const expected = Option.getOrElse(checkCharacter(input.slice(0, 17)), () => "?")
  if (expected !== input[17]) {
    findings.push(
      Finding.make(
        "credit-code/checksum",
        severity,
        ["checkCharacter"],
        `check character (position 18) is ${input[17]} but the first 17 characters give ${expected}`
      )
    )
  }
  const authorities = options.authorities ?? defaultAuthorities
  const authority = authorities[input[0] ?? ""]
  if (authority === undefined) {
    findings.push(
      Finding.info("credit-code/unknown-authority", ["authority"], `registering authority ${input[0]} is not known`)
    )
  } else if (Object.keys(authority.types).length > 0 && authority.types[input[1] ?? ""] === undefined) {
    findings.push(
      Finding.info(
        "credit-code/unknown-type",
        ["type"],
        `organisation type ${input[1]} is not known for authority ${input[0]} (${authority.name})`
      )
    )
  }
  return findings
}

/**
 * A unified social credit code (统一社会信用代码) with the right length, alphabet and embedded division code. The
 * check characters are not enforced (pilot codes fail them): read them from {@link validate} or {@link parse}.
 *
 * @since 0.1.0
 * @category schemas
 */
export const CreditCode = Schema.String.pipe(
  Schema.filter((s) => {
    const errors = validate(s, { checksumSeverity: "info" }).filter((f) => f.severity === "error")
    return errors.length === 0 || errors.map((f) => ({ path: f.path.map(String), message: f.message }))
  }),
  Schema.brand("@zhili/CreditCode"),
  Schema.annotations({
    identifier: "CreditCode",
    title: "unified social credit code (GB 32100-2015)",
    arbitrary: () => (fc) =>
      fc
        .tuple(
          fc.constantFrom("11", "12", "51", "52", "91", "92", "93"),
          fc.constantFrom("440881", "360733", "370303", "110000"),
          fc.array(fc.constantFrom(...alphabet), { minLength: 8, maxLength: 8 })
        )
        .map(([head, division, org]) => {
          const org8 = org.join("")
          const body = head + division + org8 + Option.getOrElse(organisationCheckCharacter(org8), () => "0")
          return (body + Option.getOrElse(checkCharacter(body), () => "0")) as string & Brand.Brand<"@zhili/CreditCode">
        })
  })
)
/**
 * @since 0.1.0
 * @category schemas
 */
export type CreditCode = typeof CreditCode.Type

/**
 * What a credit code says: authority and type codes with their names when known, the division code, the
 * organisation code, the check character, whether both checks hold, and the non-error findings of {@link validate}.
 *
 * @since 0.1.0
 * @category models
 */
export class Parts extends Schema.Class<Parts>("@zhili/CreditCodeParts")({
  authority: Schema.String,
  authorityName: Schema.optional(Schema.String),
  type: Schema.String,
  typeName: Schema.optional(Schema.String),
  divisionCode: Schema.String.pipe(Schema.pattern(/^\d{6}$/)),
  organisationCode: Schema.String,
  checkCharacter: Schema.String,
  checksumValid: Schema.Boolean,
  organisationChecksumValid: Schema.Boolean,
  findings: Schema.Array(Finding.Finding)
}) {}

/**
 * Parses a credit code into its {@link Parts}. Fails with a `DecodeError` only for `error` findings (length,
 * alphabet, division, and the checksums when `options.checksumSeverity` is `error`); a pilot code with a failing
 * checksum parses with `checksumValid: false`.
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
        subject: "credit code",
        issues: errors.map((f) => new DecodeIssue({ path: f.path, message: f.message }))
      })
    )
  }
  const authority = (options.authorities ?? defaultAuthorities)[input.slice(0, 1)]
  const typeName = authority?.types[input.slice(1, 2)]
  return Either.right(
    new Parts({
      authority: input.slice(0, 1),
      ...(authority !== undefined ? { authorityName: authority.name } : {}),
      type: input.slice(1, 2),
      ...(typeName !== undefined ? { typeName } : {}),
      divisionCode: input.slice(2, 8),
      organisationCode: input.slice(8, 17),
      checkCharacter: input.slice(17),
      checksumValid: !findings.some((f) => f.code === "credit-code/checksum"),
      organisationChecksumValid: !findings.some((f) => f.code === "credit-code/organisation-checksum"),
      findings
    })
  )
}

/**
 * Tidies a credit code as people type it: drops spaces and dashes and upper-cases letters. Use before
 * {@link validate} on form input; validation itself never normalises silently.
 *
 * @since 0.1.0
 * @category conversions
 */
export const normalize = (input: string): string => input.replace(/[\s-]/g, "").toUpperCase()
