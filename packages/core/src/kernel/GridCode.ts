/**
 * Grid codes (网格编码). Two forms:
 * - the 15-digit unit grid code (单元网格代码) of digital urban management: county (6) + street (3) + community
 *   (3) + grid sequence (3), numbered west→east, north→south within the community. Every grid belongs to one
 *   community, never directly to a street (STANDARDS.md, after Xi'an DB6101/T 3185-2024, [one source]);
 * - the 20-digit community grid code of CJ/T 349-2010: object code (6) + county (6) + street (3) + community (3) +
 *   grid (2), with `00` for a community not divided into grids.
 *
 * In both, county + street + community is the 12-digit statistical division code of the community.
 *
 * @since 0.1.0
 */
import { Either, Schema } from "effect"
import * as Division from "./Division.js"
import { DecodeError, DecodeIssue, InvalidInput } from "./Errors.js"
import * as Finding from "./Finding.js"

const clip = (s: string): string => (s.length > 24 ? `${s.slice(0, 24)}…` : s)

const communityFindings = (community: string, path: ReadonlyArray<string>): Array<Finding.Finding> => {
  const structural = Division.validateStructure(community)
  if (structural.length > 0) {
    return [
      Finding.error(
        "grid-code/community",
        path,
        `the community part ${community} is not a division code: ${structural.map((f) => f.message).join("; ")}`
      )
    ]
  }
  if (Division.level(community as Division.DivisionCode) !== "village") {
    return [
      Finding.error(
        "grid-code/community",
        path,
        `the community part ${community} is not a village-level unit: a grid belongs to one community, never directly to a street or county`
      )
    ]
  }
  return []
}

/**
 * Options of {@link validate}: a division dataset in which the community should exist.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly dataset?: Division.Dataset | undefined
}

/**
 * Checks a grid code of either form (15-digit unit grid or 20-digit community grid). Errors: `grid-code/length`
 * (neither 15 nor 20 characters), `grid-code/characters` (not all digits), `grid-code/community` (the embedded
 * county + street + community is not a village-level division code), `grid-code/sequence` (unit grid sequence
 * `000`). Warning: `grid-code/unknown-community` when a dataset is given and lacks the community.
 *
 * @since 0.1.0
 * @category validation
 */
export const validate = (input: string, options: Options = {}): ReadonlyArray<Finding.Finding> => {
  if (typeof input !== "string") return [Finding.error("grid-code/characters", [], "a grid code is a string")]
  const findings: Array<Finding.Finding> = []
  if (input.length !== 15 && input.length !== 20) {
    findings.push(
      Finding.error(
        "grid-code/length",
        [],
        `a grid code has 15 digits (unit grid) or 20 digits (community grid), not ${input.length}: "${clip(input)}"`
      )
    )
  }
  if (!/^\d*$/.test(input)) {
    findings.push(Finding.error("grid-code/characters", [], `a grid code has only digits: "${clip(input)}"`))
  }
  if (findings.length > 0) return findings
  const community = input.length === 15 ? input.slice(0, 12) : input.slice(6, 18)
  findings.push(...communityFindings(community, ["community"]))
  if (input.length === 15 && input.slice(12) === "000") {
    findings.push(Finding.error("grid-code/sequence", ["sequence"], "a unit grid sequence runs from 001 to 999"))
  }
  if (findings.length === 0 && options.dataset !== undefined) {
    const found = Division.lookup(community, options.dataset)
    if (found._tag === "None") {
      findings.push(
        Finding.warning(
          "grid-code/unknown-community",
          ["community"],
          `community ${community} is not in the division dataset of ${options.dataset.asOf}`
        )
      )
    }
  }
  return findings
}

const schemaOf = <const B extends string>(length: 15 | 20, brand: B, identifier: string, title: string) =>
  Schema.String.pipe(
    Schema.filter((s) => {
      if (s.length !== length) return `a ${title} has ${length} digits, not ${s.length}`
      const errors = validate(s).filter((f) => f.severity === "error")
      return errors.length === 0 || errors.map((f) => ({ path: f.path.map(String), message: f.message }))
    }),
    Schema.brand(brand),
    Schema.annotations({ identifier, title })
  )

/**
 * A 15-digit unit grid code (单元网格代码): county + street + community + sequence `001–999`.
 *
 * @since 0.1.0
 * @category schemas
 */
export const UnitGridCode = schemaOf(15, "@zhili/UnitGridCode", "UnitGridCode", "unit grid code")
/**
 * @since 0.1.0
 * @category schemas
 */
export type UnitGridCode = typeof UnitGridCode.Type

/**
 * A 20-digit community grid code (社区网格编码, CJ/T 349-2010): object code + county + street + community + grid
 * (`00` when the community is not divided).
 *
 * @since 0.1.0
 * @category schemas
 */
export const CommunityGridCode = schemaOf(20, "@zhili/CommunityGridCode", "CommunityGridCode", "community grid code")
/**
 * @since 0.1.0
 * @category schemas
 */
export type CommunityGridCode = typeof CommunityGridCode.Type

/**
 * The parts of a 15-digit unit grid code.
 *
 * @since 0.1.0
 * @category models
 */
export class UnitParts extends Schema.TaggedClass<UnitParts>("@zhili/UnitGridCodeParts")("Unit", {
  code: UnitGridCode,
  community: Division.DivisionCode,
  sequence: Schema.Int
}) {}

/**
 * The parts of a 20-digit community grid code; `grid` is 0 (and `undivided` true) for a community without grids.
 *
 * @since 0.1.0
 * @category models
 */
export class CommunityParts extends Schema.TaggedClass<CommunityParts>("@zhili/CommunityGridCodeParts")("Community", {
  code: CommunityGridCode,
  objectCode: Schema.String,
  community: Division.DivisionCode,
  grid: Schema.Int,
  undivided: Schema.Boolean
}) {}

/**
 * Parses a grid code of either form; fails with a `DecodeError` listing every error of {@link validate}.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parse = (input: string): Either.Either<UnitParts | CommunityParts, DecodeError> => {
  const errors = validate(input).filter((f) => f.severity === "error")
  if (errors.length > 0) {
    return Either.left(
      new DecodeError({
        subject: "grid code",
        issues: errors.map((f) => new DecodeIssue({ path: f.path, message: f.message }))
      })
    )
  }
  return Either.right(
    input.length === 15
      ? new UnitParts({
          code: input as UnitGridCode,
          community: input.slice(0, 12) as Division.DivisionCode,
          sequence: Number(input.slice(12))
        })
      : new CommunityParts({
          code: input as CommunityGridCode,
          objectCode: input.slice(0, 6),
          community: input.slice(6, 18) as Division.DivisionCode,
          grid: Number(input.slice(18)),
          undivided: input.slice(18) === "00"
        })
  )
}

/**
 * Checks a grid code against the community it is meant to sit in: the findings of {@link validate}, errors when
 * `communityCode` is not a 12-digit village-level code (`grid-code/community`, path `communityCode`), and
 * `grid-code/community-mismatch` when the code's embedded community differs.
 *
 * @since 0.1.0
 * @category validation
 */
export const validateIn = (code: string, communityCode: string): ReadonlyArray<Finding.Finding> => {
  const findings = [...validate(code)]
  findings.push(...communityFindings(communityCode, ["communityCode"]))
  if (findings.length === 0) {
    const embedded = code.length === 15 ? code.slice(0, 12) : code.slice(6, 18)
    if (embedded !== communityCode) {
      findings.push(
        Finding.error(
          "grid-code/community-mismatch",
          ["community"],
          `grid ${code} belongs to community ${embedded}, not ${communityCode}`
        )
      )
    }
  }
  return findings
}

/**
 * No free sequence is left in the community: every unit grid sequence up to 999 (or community grid number up to
 * 99) is taken.
 *
 * @since 0.1.0
 * @category errors
 */
export class SequenceExhausted extends Schema.TaggedError<SequenceExhausted>()("SequenceExhausted", {
  community: Schema.String,
  kind: Schema.Literal("unit", "community"),
  max: Schema.Int
}) {
  override get message(): string {
    return `community ${this.community}: no free ${this.kind} grid number left (all ${this.max} are taken)`
  }
}

/**
 * How {@link next} picks a number: `fillGaps: false` (the default) takes one after the highest number in use, so a
 * retired code, which old records may still name, is never handed out again; `fillGaps: true` takes the smallest
 * free number.
 *
 * @since 0.1.0
 * @category models
 */
export interface NextOptions {
  readonly fillGaps?: boolean | undefined
}

const checkCommunity = (community: string): Either.Either<string, InvalidInput> => {
  const first = communityFindings(community, ["community"])[0]
  return first === undefined
    ? Either.right(community)
    : Either.left(new InvalidInput({ code: first.code, path: first.path, reason: first.message }))
}

const pick = (used: ReadonlySet<number>, max: number, fillGaps: boolean): number | undefined => {
  if (fillGaps) {
    for (let n = 1; n <= max; n++) if (!used.has(n)) return n
    return undefined
  }
  const highest = Math.max(0, ...used)
  return highest < max ? highest + 1 : undefined
}

/**
 * The next unit grid code (15 digits) of a community, given the codes already in use (codes of other communities
 * and malformed strings among them are ignored). Fails with `InvalidInput` when `community` is not a 12-digit
 * village-level code and with {@link SequenceExhausted} when no sequence is left.
 *
 * @since 0.1.0
 * @category constructors
 */
export const next = (
  existingCodes: Iterable<string>,
  community: string,
  options: NextOptions = {}
): Either.Either<UnitGridCode, SequenceExhausted | InvalidInput> =>
  Either.flatMap(checkCommunity(community), (): Either.Either<UnitGridCode, SequenceExhausted | InvalidInput> => {
    const used = new Set<number>()
    for (const code of existingCodes) {
      if (
        typeof code === "string" &&
        code.length === 15 &&
        code.startsWith(community) &&
        /^\d{3}$/.test(code.slice(12))
      )
        used.add(Number(code.slice(12)))
    }
    const n = pick(used, 999, options.fillGaps ?? false)
    return n === undefined
      ? Either.left(new SequenceExhausted({ community, kind: "unit", max: 999 }))
      : Either.right(`${community}${String(n).padStart(3, "0")}` as UnitGridCode)
  })

/**
 * The next community grid code (20 digits, CJ/T 349-2010) of a community for an object code, given the codes in
 * use (`00`, the undivided community, is never handed out). Fails with `InvalidInput` for a bad community or an
 * object code that is not 6 digits, and with {@link SequenceExhausted} past grid 99.
 *
 * @since 0.1.0
 * @category constructors
 */
export const nextCommunityGrid = (
  existingCodes: Iterable<string>,
  community: string,
  objectCode: string,
  options: NextOptions = {}
): Either.Either<CommunityGridCode, SequenceExhausted | InvalidInput> =>
  Either.flatMap(checkCommunity(community), (): Either.Either<CommunityGridCode, SequenceExhausted | InvalidInput> => {
    if (typeof objectCode !== "string" || !/^\d{6}$/.test(objectCode)) {
      return Either.left(
        new InvalidInput({ code: "grid-code/object", path: ["objectCode"], reason: "an object code has 6 digits" })
      )
    }
    const prefix = objectCode + community
    const used = new Set<number>()
    for (const code of existingCodes) {
      if (typeof code === "string" && code.length === 20 && code.startsWith(prefix) && /^\d{2}$/.test(code.slice(18)))
        used.add(Number(code.slice(18)))
    }
    used.delete(0)
    const n = pick(used, 99, options.fillGaps ?? false)
    return n === undefined
      ? Either.left(new SequenceExhausted({ community, kind: "community", max: 99 }))
      : Either.right(`${prefix}${String(n).padStart(2, "0")}` as CommunityGridCode)
  })
