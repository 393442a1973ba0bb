/**
 * People (人员): the minimum the rules need. A person holds posts, memberships and grid work; everything else about
 * them stays in the host's systems (PIPL Art. 6, minimum necessary).
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import * as IdNumber from "../kernel/IdNumber.js"
import { PersonId, TenantId } from "../kernel/Ids.js"
import * as Privacy from "../kernel/Privacy.js"

/**
 * A person: a display name, and optionally an identity number and phone held redacted (masked by default).
 *
 * @since 0.1.0
 * @category models
 */
export class Person extends Schema.Class<Person>("@zhili/Person")({
  id: PersonId,
  tenant: TenantId,
  displayName: Schema.NonEmptyTrimmedString,
  idNumber: Schema.optional(IdNumber.SensitiveIdNumber),
  phone: Schema.optional(Privacy.SensitiveString)
}) {}

/**
 * The person's name as shown by default: masked (`张**`) unless a disclosure asks for names.
 *
 * @since 0.1.0
 * @category getters
 */
export const displayName = (person: Person, disclosure?: Privacy.Disclosure): string =>
  Privacy.present(person.displayName, "name", { disclosure })
