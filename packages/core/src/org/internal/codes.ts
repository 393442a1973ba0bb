// Code strings used by the org, grid and registry models until the kernel's Division, CreditCode and GridCode
// contracts land; then these become those schemas.
import { Schema } from "effect"

/** A 6-, 9- or 12-digit statistical division code. */
export const DivisionCodeString = Schema.String.pipe(
  Schema.pattern(/^(\d{6}|\d{9}|\d{12})$/, {
    message: () => "a division code has 6, 9 or 12 digits (county, township, village level)"
  })
)

/** The 12-digit statistical division code of a community (居委会). */
export const CommunityCodeString = Schema.String.pipe(
  Schema.pattern(/^\d{9}(0\d\d|1\d\d)$/, {
    message: () => "a community code has 12 digits and a village-level part 001–199 (residents' committee)"
  })
)

/** A unified social credit code: 18 characters of the GB 32100 alphabet (checksum checked elsewhere). */
export const CreditCodeString = Schema.String.pipe(
  Schema.pattern(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, {
    message: () => "a unified social credit code has 18 characters from 0-9 and A-Y without I, O, S, V, Z"
  })
)

/** A 15-digit unit grid code or a 20-digit community grid code. */
export const GridCodeString = Schema.String.pipe(
  Schema.pattern(/^(\d{15}|\d{20})$/, {
    message: () => "a grid code has 15 digits (unit grid) or 20 digits (community grid, CJ/T 349-2010)"
  })
)

/** The community code a grid code embeds: digits 1–12 of a 15-digit code, digits 7–18 of a 20-digit code. */
export const communityOfGridCode = (code: string): string =>
  code.length === 15 ? code.slice(0, 12) : code.slice(6, 18)
