/**
 * Personal-information protection (个人信息保护): sensitive values are held as `Redacted`, masked in every output by
 * default, and revealed only on an explicit request that carries a reason. Defaults follow the Personal
 * Information Protection Law (PIPL, in force 2021-11-01) and GB/T 35273-2020; no standard fixes a masking pattern,
 * so each mask is a replaceable policy.
 *
 * @since 0.1.0
 */
import { Redacted, Schema } from "effect"
import * as LocalDate from "./LocalDate.js"

/**
 * A sensitive string (identity number, phone, health note): decoded from a plain string into `Redacted` so it never
 * prints by accident; `String(value)` and `JSON.stringify` show `<redacted>`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const SensitiveString = Schema.Redacted(Schema.String).annotations({
  identifier: "SensitiveString",
  title: "sensitive text (held redacted)"
})
/**
 * @since 0.1.0
 * @category schemas
 */
export type SensitiveString = typeof SensitiveString.Type

/**
 * How much of a value stays visible: `keepStart` leading and `keepEnd` trailing characters; the rest become
 * `maskChar`. `fixedLength`, when set, prints exactly that many mask characters whatever the hidden length.
 *
 * @since 0.1.0
 * @category policies
 */
export class MaskPolicy extends Schema.Class<MaskPolicy>("@zhili/MaskPolicy")({
  keepStart: Schema.NonNegativeInt,
  keepEnd: Schema.NonNegativeInt,
  maskChar: Schema.optionalWith(Schema.String.pipe(Schema.length(1)), { default: () => "*" }),
  fixedLength: Schema.optional(Schema.NonNegativeInt)
}) {}

/**
 * Identity numbers keep the 6-digit address code and the last 4 characters: `440881********1234`.
 * Source: STANDARDS.md "Personal information" (common practice; no standard fixes a pattern).
 *
 * @since 0.1.0
 * @category policies
 */
export const defaultIdNumberMask: MaskPolicy = new MaskPolicy({ keepStart: 6, keepEnd: 4, maskChar: "*" })

/**
 * A stricter identity-number mask keeping only the first and last character: `4****************4`.
 *
 * @since 0.1.0
 * @category policies
 */
export const strictIdNumberMask: MaskPolicy = new MaskPolicy({ keepStart: 1, keepEnd: 1, maskChar: "*" })

/**
 * Mobile numbers keep 3 + 4: `138****5678`. Source: STANDARDS.md "Personal information".
 *
 * @since 0.1.0
 * @category policies
 */
export const defaultMobileMask: MaskPolicy = new MaskPolicy({ keepStart: 3, keepEnd: 4, maskChar: "*" })

/**
 * Names keep the first character: `张**`. Source: STANDARDS.md "Personal information".
 *
 * @since 0.1.0
 * @category policies
 */
export const defaultNameMask: MaskPolicy = new MaskPolicy({ keepStart: 1, keepEnd: 0, maskChar: "*" })

/**
 * Free text such as health notes is hidden whole.
 *
 * @since 0.1.0
 * @category policies
 */
export const hideAll: MaskPolicy = new MaskPolicy({ keepStart: 0, keepEnd: 0, maskChar: "*", fixedLength: 3 })

/**
 * Masks a string by a policy, counting Unicode code points (so Chinese names mask per character). When the value is
 * too short to keep both ends and still hide something, everything after the first character is hidden.
 *
 * @since 0.1.0
 * @category masking
 */
export const mask = (value: string, policy: MaskPolicy): string => {
  const chars = Array.from(value)
  let keepStart = policy.keepStart
  let keepEnd = policy.keepEnd
  if (keepStart + keepEnd >= chars.length) {
    keepStart = Math.min(1, keepStart, Math.max(chars.length - 1, 0))
    keepEnd = 0
  }
  const hidden = chars.length - keepStart - keepEnd
  const stars = policy.maskChar.repeat(policy.fixedLength ?? hidden)
  return chars.slice(0, keepStart).join("") + stars + (keepEnd > 0 ? chars.slice(chars.length - keepEnd).join("") : "")
}

const unwrap = (value: string | Redacted.Redacted<string>): string =>
  Redacted.isRedacted(value) ? Redacted.value(value) : value

/**
 * Masks an identity number (default: keep 6 + 4).
 *
 * @since 0.1.0
 * @category masking
 */
export const maskIdNumber = (
  value: string | Redacted.Redacted<string>,
  policy: MaskPolicy = defaultIdNumberMask
): string => mask(unwrap(value), policy)

/**
 * Masks a phone number (default: keep 3 + 4). Spaces, dashes and a leading `+86` are dropped first.
 *
 * @since 0.1.0
 * @category masking
 */
export const maskMobile = (value: string | Redacted.Redacted<string>, policy: MaskPolicy = defaultMobileMask): string =>
  mask(
    unwrap(value)
      .replace(/[\s-]/g, "")
      .replace(/^\+?86(?=1\d{10}$)/, ""),
    policy
  )

/**
 * Masks a person's name (default: keep the first character).
 *
 * @since 0.1.0
 * @category masking
 */
export const maskName = (value: string | Redacted.Redacted<string>, policy: MaskPolicy = defaultNameMask): string =>
  mask(unwrap(value), policy)

/**
 * Masks free text such as a health note (default: `***`).
 *
 * @since 0.1.0
 * @category masking
 */
export const maskText = (value: string | Redacted.Redacted<string>, policy: MaskPolicy = hideAll): string =>
  mask(unwrap(value), policy)

/**
 * Ages below which everything about a person is sensitive personal information: 14, PIPL Art. 28 ("all personal
 * information of minors under 14"), with guardian consent required by Art. 31.
 *
 * @since 0.1.0
 * @category policies
 */
export const minorAgeThreshold = 14

/**
 * True when a person born on `birthDate` is under the threshold age (default 14, PIPL Art. 28) on `on`, so that
 * everything about them is sensitive and must be masked or left out.
 *
 * @since 0.1.0
 * @category rules
 */
export const isProtectedMinor = (
  birthDate: LocalDate.LocalDate,
  on: LocalDate.LocalDate,
  threshold: number = minorAgeThreshold
): boolean => LocalDate.ageInYears(birthDate, on) < threshold

/**
 * A request to show sensitive values unmasked. It must say why (PIPL Art. 6, minimum necessary), and the reason is
 * meant to be logged by the host.
 *
 * @since 0.1.0
 * @category models
 */
export class Disclosure extends Schema.Class<Disclosure>("@zhili/Disclosure")({
  reason: Schema.Trim.pipe(
    Schema.minLength(4, { message: () => "a disclosure needs a reason of at least 4 characters" })
  ),
  fields: Schema.optional(Schema.Array(Schema.Literal("idNumber", "phone", "name", "healthNote", "minor")))
}) {}

/**
 * Shows a sensitive value: masked by `policy` unless `disclosure` asks for that field, in which case the raw value.
 *
 * @since 0.1.0
 * @category masking
 */
export const present = (
  value: string | Redacted.Redacted<string>,
  field: "idNumber" | "phone" | "name" | "healthNote" | "minor",
  options: { readonly policy?: MaskPolicy; readonly disclosure?: Disclosure | undefined } = {}
): string => {
  const disclosure = options.disclosure
  if (disclosure !== undefined && (disclosure.fields === undefined || disclosure.fields.includes(field))) {
    return unwrap(value)
  }
  switch (field) {
    case "idNumber":
      return maskIdNumber(value, options.policy)
    case "phone":
      return maskMobile(value, options.policy)
    case "name":
      return maskName(value, options.policy)
    case "healthNote":
    case "minor":
      return maskText(value, options.policy)
  }
}
