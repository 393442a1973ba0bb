/**
 * Consent records (同意记录, PIPL Art. 14, 29, 31): who agreed to which purpose of processing a resident's personal
 * information, in which words (scope), when, and whether it was withdrawn; the purposes that need consent as data
 * ({@link point}); and the pure rule {@link check} that a guarded repository applies before an operation given such a
 * purpose (`Permissions.Access.purpose`).
 *
 * A child under 14 (PIPL Art. 28, 31) can only be consented for by a guardian: {@link make} refuses a consent the
 * child gives, and {@link check} does not count one when it knows the birth date.
 *
 * @since 0.1.0
 */
import { Either, Schema } from "effect"
import * as LocalDate from "../kernel/LocalDate.js"
import * as Privacy from "../kernel/Privacy.js"
import * as Plugin from "../plugin/Plugin.js"

/**
 * Who gave a consent (同意主体): the person (`self`), or a guardian (`guardian`, 监护人) with the guardian's
 * relation to the person (`父亲`, `母亲`, `祖母`, `法定监护人` …). The guardian's identity is the host's record.
 *
 * @since 0.1.0
 * @category models
 */
export const GivenBy = Schema.Union(
  Schema.TaggedStruct("self", {}),
  Schema.TaggedStruct("guardian", { relation: Schema.String.pipe(Schema.minLength(1)) })
)

/**
 * @since 0.1.0
 * @category models
 */
export type GivenBy = typeof GivenBy.Type

/**
 * A consent (同意记录): an id, the tenant, the subject (the resident's id), the purpose (an id of {@link Purpose}),
 * the scope as shown to the person (告知范围), who gave it, the date given and the date withdrawn (撤回), if it was.
 *
 * @since 0.1.0
 * @category models
 */
export class Consent extends Schema.Class<Consent>("@zhili/core/Consent")({
  id: Schema.String.pipe(Schema.minLength(1)),
  tenant: Schema.String.pipe(Schema.minLength(1)),
  subject: Schema.String.pipe(Schema.minLength(1)),
  purpose: Schema.String.pipe(Schema.minLength(1)),
  scope: Schema.String.pipe(Schema.minLength(1)),
  givenBy: GivenBy,
  givenAt: LocalDate.LocalDate,
  withdrawnAt: Schema.optional(LocalDate.LocalDate)
}) {}

/**
 * A consent for a child under 14 on the date given that the child gave, not a guardian (PIPL Art. 31). Names the
 * subject's id and the purpose, never a name.
 *
 * @since 0.1.0
 * @category errors
 */
export class GuardianRequired extends Schema.TaggedError<GuardianRequired>()("GuardianRequired", {
  subject: Schema.String,
  purpose: Schema.String
}) {
  override get message(): string {
    return `resident ${this.subject} is under 14: consent to "${this.purpose}" must be given by a guardian`
  }
}

/**
 * A consent from its fields, checked against the subject's birth date: a subject under 14 on `givenAt` needs a
 * guardian ({@link GuardianRequired}).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  fields: ConstructorParameters<typeof Consent>[0],
  subject: { readonly birthDate: LocalDate.LocalDate }
): Either.Either<Consent, GuardianRequired> =>
  fields.givenBy._tag === "self" && Privacy.isProtectedMinor(subject.birthDate, fields.givenAt)
    ? Either.left(new GuardianRequired({ subject: fields.subject, purpose: fields.purpose }))
    : Either.right(new Consent(fields))

/**
 * No consent of the subject covers the purpose at that date (未取得同意): none was given, none given by then, or
 * (for a child under 14) none by a guardian. Names the subject's id and the purpose.
 *
 * @since 0.1.0
 * @category errors
 */
export class ConsentMissing extends Schema.TaggedError<ConsentMissing>()("ConsentMissing", {
  subject: Schema.String,
  purpose: Schema.String
}) {
  override get message(): string {
    return `no consent of resident ${this.subject} covers the purpose "${this.purpose}"`
  }
}

/**
 * The subject's consent to the purpose was withdrawn on or before that date (同意已撤回, PIPL Art. 15).
 *
 * @since 0.1.0
 * @category errors
 */
export class ConsentWithdrawn extends Schema.TaggedError<ConsentWithdrawn>()("ConsentWithdrawn", {
  subject: Schema.String,
  purpose: Schema.String,
  withdrawnAt: LocalDate.LocalDate
}) {
  override get message(): string {
    return `resident ${this.subject} withdrew consent to "${this.purpose}" on ${this.withdrawnAt}`
  }
}

/**
 * What {@link check} asks: whose consent, for which purpose, on which date, and (when known) the subject's birth date.
 *
 * @since 0.1.0
 * @category models
 */
export interface Question {
  readonly subject: string
  readonly purpose: string
  readonly at: LocalDate.LocalDate
  readonly birthDate?: LocalDate.LocalDate | undefined
}

/**
 * The consent rule: the subject's consent to the purpose in force at `at` — given on or before it and not withdrawn
 * on or before it; with `birthDate`, one the subject gave while under 14 does not count. Fails with
 * {@link ConsentWithdrawn} when the only consents given were withdrawn, else {@link ConsentMissing}. Of several in
 * force, the latest given.
 *
 * @since 0.1.0
 * @category rules
 */
export const check = (
  consents: Iterable<Consent>,
  question: Question
): Either.Either<Consent, ConsentMissing | ConsentWithdrawn> => {
  let inForce: Consent | undefined
  let withdrawn: Consent | undefined
  for (const c of consents) {
    if (c.subject !== question.subject || c.purpose !== question.purpose || c.givenAt > question.at) continue
    const birthDate = question.birthDate
    if (birthDate !== undefined && c.givenBy._tag === "self" && Privacy.isProtectedMinor(birthDate, c.givenAt)) {
      continue
    }
    if (c.withdrawnAt !== undefined && c.withdrawnAt <= question.at) {
      if (withdrawn === undefined || (withdrawn.withdrawnAt as string) < c.withdrawnAt) withdrawn = c
    } else if (inForce === undefined || inForce.givenAt < c.givenAt) inForce = c
  }
  if (inForce !== undefined) return Either.right(inForce)
  if (withdrawn !== undefined) {
    return Either.left(
      new ConsentWithdrawn({
        subject: question.subject,
        purpose: question.purpose,
        withdrawnAt: withdrawn.withdrawnAt as LocalDate.LocalDate
      })
    )
  }
  return Either.left(new ConsentMissing({ subject: question.subject, purpose: question.purpose }))
}

/**
 * A purpose of processing (处理目的): an id (namespaced by the contributing plugin, except the core pack's), a name
 * for people, whether it needs the subject's consent, and where that comes from (the law or the host's policy).
 *
 * @since 0.1.0
 * @category models
 */
export class Purpose extends Schema.Class<Purpose>("@zhili/core/Consent/Purpose")({
  id: Schema.String.pipe(Schema.minLength(1)),
  name: Schema.String.pipe(Schema.minLength(1)),
  needsConsent: Schema.Boolean,
  source: Schema.String.pipe(Schema.minLength(1))
}) {}

/**
 * The default purposes, the minimum the law sets out (no seed's own):
 * - `health-notes` (健康信息) needs separate consent: health information is sensitive (PIPL Art. 28, 29);
 * - `minor-records` (未成年人信息) needs a guardian's consent: all information of a child under 14 is sensitive
 *   (PIPL Art. 28, 31);
 * - `grid-management` (网格化服务管理) does not: processing needed to perform statutory duties (PIPL Art. 13(3), 34).
 *
 * @since 0.1.0
 * @category constants
 */
export const defaults: ReadonlyArray<Purpose> = [
  new Purpose({
    id: "health-notes",
    name: "健康信息",
    needsConsent: true,
    source: "PIPL Art. 28, 29: health information is sensitive; separate consent"
  }),
  new Purpose({
    id: "minor-records",
    name: "未成年人信息",
    needsConsent: true,
    source: "PIPL Art. 28, 31: information of a child under 14 is sensitive; a guardian's consent"
  }),
  new Purpose({
    id: "grid-management",
    name: "网格化服务管理",
    needsConsent: false,
    source: "PIPL Art. 13(3), 34: necessary to perform statutory duties"
  })
]

/**
 * The extension point of purposes (`consent.purposes`), keyed by purpose id.
 *
 * @since 0.1.0
 * @category points
 */
export const point: Plugin.ExtensionPoint<Purpose> = Plugin.extensionPoint({
  id: "consent.purposes",
  description: "purposes of processing personal information and whether each needs the subject's consent",
  schema: Purpose,
  key: (purpose) => purpose.id
})

/**
 * What the core pack contributes to {@link point}: {@link defaults}.
 *
 * @since 0.1.0
 * @category points
 */
export const defaultContributions: ReadonlyArray<Plugin.Contribution> = [Plugin.contribute(point, defaults)]

/**
 * The purposes of a composed registry.
 *
 * @since 0.1.0
 * @category constructors
 */
export const fromPlugins = (registry: Plugin.Registry): ReadonlyArray<Purpose> => registry.values(point)

/**
 * True when the purpose needs consent. An unknown purpose needs it (a purpose nobody declared is not presumed free).
 *
 * @since 0.1.0
 * @category rules
 */
export const needsConsent = (purposes: ReadonlyArray<Purpose>, purpose: string): boolean =>
  purposes.find((p) => p.id === purpose)?.needsConsent ?? true
