/**
 * fast-check arbitraries for kernel values, for property tests in zhili and in host applications.
 *
 * @since 0.1.0
 */
import { CreditCode, Division, GridCode, IdNumber, LocalDate, Scope } from "@zhili/core"
import { Option, Schema } from "effect"
import * as fc from "fast-check"

/**
 * Any real calendar date between two dates (defaults: 1900-01-01 to 2100-12-31).
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const localDate = (
  min: LocalDate.LocalDate = LocalDate.make(1900, 1, 1),
  max: LocalDate.LocalDate = LocalDate.make(2100, 12, 31)
): fc.Arbitrary<LocalDate.LocalDate> =>
  fc
    .integer({ min: LocalDate.toEpochDay(min), max: LocalDate.toEpochDay(max) })
    .map((day) => LocalDate.fromEpochDay(day))

const pad = (n: number, width: number): string => String(n).padStart(width, "0")

/**
 * Any structurally valid division code (行政区划代码) in canonical form, at any level or at the levels asked for:
 * a known province, then non-zero prefecture (01–99), county (01–99), township (001–999) and village (001–999)
 * parts down to the level.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const divisionCode = (
  options: { readonly levels?: ReadonlyArray<Division.Level>; readonly province?: string } = {}
): fc.Arbitrary<Division.DivisionCode> => {
  const levels = options.levels ?? ["province", "prefecture", "county", "township", "village"]
  const depth: Record<Division.Level, number> = { province: 0, prefecture: 1, county: 2, township: 3, village: 4 }
  return fc
    .record({
      province:
        options.province === undefined ? fc.constantFrom(...Division.provinces.keys()) : fc.constant(options.province),
      level: fc.constantFrom(...levels),
      prefecture: fc.integer({ min: 1, max: 99 }),
      county: fc.integer({ min: 1, max: 99 }),
      township: fc.integer({ min: 1, max: 999 }),
      village: fc.integer({ min: 1, max: 999 })
    })
    .map((r) => {
      const d = depth[r.level]
      const six = `${r.province}${d >= 1 ? pad(r.prefecture, 2) : "00"}${d >= 2 ? pad(r.county, 2) : "00"}`
      const code = d <= 2 ? six : d === 3 ? six + pad(r.township, 3) : six + pad(r.township, 3) + pad(r.village, 3)
      return Schema.decodeSync(Division.DivisionCode)(code)
    })
}

/**
 * Any 12-digit community (village-level) division code, the part of a grid code that names its community.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const communityCode = (): fc.Arbitrary<Division.DivisionCode> => divisionCode({ levels: ["village"] })

/**
 * Any valid citizen identity number (公民身份号码, GB 11643-1999): a county code, a real birth date in the range
 * (default 1900-01-01 to 2024-12-31), any sequence (or one of the given sex) and the right MOD 11-2 check character.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const idNumber = (
  options: {
    readonly county?: fc.Arbitrary<string>
    readonly minBirthDate?: LocalDate.LocalDate
    readonly maxBirthDate?: LocalDate.LocalDate
    readonly sex?: IdNumber.Sex
  } = {}
): fc.Arbitrary<IdNumber.IdNumber> =>
  fc
    .tuple(
      options.county ?? divisionCode({ levels: ["county"] }),
      localDate(
        options.minBirthDate ?? LocalDate.make(1900, 1, 1),
        options.maxBirthDate ?? LocalDate.make(2024, 12, 31)
      ),
      fc.integer({ min: 0, max: 99 }),
      options.sex === undefined
        ? fc.integer({ min: 0, max: 9 })
        : fc.integer({ min: 0, max: 4 }).map((n) => 2 * n + (options.sex === "male" ? 1 : 0))
    )
    .map(([county, birth, seq, last]) => {
      const body = `${county}${birth.replaceAll("-", "")}${pad(seq, 2)}${last}`
      return Schema.decodeSync(IdNumber.IdNumber)(body + Option.getOrThrow(IdNumber.checkCharacter(body)))
    })

/**
 * Any unified social credit code (统一社会信用代码) with both check characters right: an authority and type from
 * the default table, a county division code and a random organisation code.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const creditCode = (): fc.Arbitrary<CreditCode.CreditCode> =>
  fc
    .tuple(
      fc.constantFrom(
        ...Object.entries(CreditCode.defaultAuthorities).flatMap(([a, auth]) =>
          Object.keys(auth.types).length === 0 ? [`${a}9`] : Object.keys(auth.types).map((t) => a + t)
        )
      ),
      divisionCode({ levels: ["county"] }),
      fc.array(fc.constantFrom(...CreditCode.alphabet), { minLength: 8, maxLength: 8 })
    )
    .map(([head, division, org]) => {
      const org8 = org.join("")
      const body = head + division + org8 + Option.getOrThrow(CreditCode.organisationCheckCharacter(org8))
      return Schema.decodeSync(CreditCode.CreditCode)(body + Option.getOrThrow(CreditCode.checkCharacter(body)))
    })

/**
 * Any 15-digit unit grid code (单元网格代码), in the given community or any.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const unitGridCode = (community?: Division.DivisionCode): fc.Arbitrary<GridCode.UnitGridCode> =>
  fc
    .tuple(community === undefined ? communityCode() : fc.constant(community), fc.integer({ min: 1, max: 999 }))
    .map(([c, n]) => Schema.decodeSync(GridCode.UnitGridCode)(c + pad(n, 3)))

/**
 * Any 20-digit community grid code (社区网格编码, CJ/T 349-2010), in the given community or any; grid `00` (an
 * undivided community) included.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const communityGridCode = (community?: Division.DivisionCode): fc.Arbitrary<GridCode.CommunityGridCode> =>
  fc
    .tuple(
      fc.integer({ min: 0, max: 999_999 }),
      community === undefined ? communityCode() : fc.constant(community),
      fc.integer({ min: 0, max: 99 })
    )
    .map(([o, c, n]) => Schema.decodeSync(GridCode.CommunityGridCode)(pad(o, 6) + c + pad(n, 2)))

/** Division codes of a small tree, so that generated scopes and locations often meet. */
const grantDivisions = ["440000", "440800", "440881", "440881002", "440881002001", "440100", "360000", "360733"]
const locationDivisions = [
  "440881002001",
  "440881002002",
  "440881100201",
  "440881002",
  "440881",
  "440881000000",
  "440000",
  "360733100201",
  "not-a-code"
]

const treePath = (maxTail: number): fc.Arbitrary<[string, ...Array<string>]> =>
  fc
    .tuple(fc.constantFrom("r1", "r2"), fc.array(fc.constantFrom("a", "b", "c_1"), { maxLength: maxTail }))
    .map(([h, t]) => [h, ...t])

const sometimes = <A>(arb: fc.Arbitrary<A>, freq: number): fc.Arbitrary<A | undefined> =>
  fc.option(arb, { nil: undefined, freq })

/**
 * A location of a record in small division, org and grid trees (each part sometimes absent, the division sometimes
 * malformed), so that property tests over {@link scope} often hit and often miss.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const location = (): fc.Arbitrary<Scope.Location> =>
  fc.record({
    division: sometimes(fc.constantFrom(...locationDivisions), 6),
    org: sometimes(fc.oneof(treePath(3), fc.constant([])), 6),
    grid: sometimes(treePath(3), 6)
  })

/**
 * A scope over the same small trees as {@link location}: a union of up to three grants, each constraining some of
 * the division, org and grid trees.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const scope = (): fc.Arbitrary<Scope.Scope> =>
  fc
    .array(
      fc.record({
        division: sometimes(
          fc.constantFrom(...grantDivisions).map((c) => Schema.decodeSync(Division.DivisionCode)(c)),
          2
        ),
        org: sometimes(treePath(1), 2),
        grid: sometimes(treePath(1), 2)
      }),
      { maxLength: 3 }
    )
    .map((grants) => Scope.union(Scope.none, ...grants.map((g) => Scope.make(g))))
