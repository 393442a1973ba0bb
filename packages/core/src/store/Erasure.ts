/**
 * Erasure (个人信息删除, PIPL Art. 47): removing a person's personal information from the store while every count
 * over it stays right. An erased resident keeps its record, ids, household (hence its place in every grid and
 * community) and the attributes the statistics count (birth date, sex, tags); the name becomes
 * `Resident.erasedName` and the identity number and phone are gone, from the record, its envelope and its blind
 * indexes. The record is rewritten (the next version), so the ciphertext that held the values is overwritten too.
 *
 * @since 0.1.0
 */
import { Effect, Redacted } from "effect"
import type { InvalidInput, NotFoundOrNotPermitted, VersionConflict } from "../kernel/Errors.js"
import * as Resident from "../registry/Resident.js"
import * as Store from "./Store.js"

/**
 * Erases a resident's personal fields (see the module): reads the record (in `scope`), writes the erased one at the
 * next version and answers it. Erasing an erased resident changes nothing more than the version.
 *
 * @since 0.1.0
 * @category erasure
 */
export const eraseResident = <K extends string>(
  repo: Store.Repository<Store.Stored<Resident.Resident>, K>,
  scope: Store.Scope,
  tenant: string,
  id: string
): Effect.Effect<
  Store.Stored<Resident.Resident>,
  NotFoundOrNotPermitted | VersionConflict | InvalidInput | Store.StoreError | Store.StoreBusy
> =>
  Effect.gen(function* () {
    const read = yield* repo.get(scope, tenant, id)
    const r = read.value
    const erased = new Resident.Resident({
      id: r.id,
      tenant: r.tenant,
      household: r.household,
      name: Redacted.make(Resident.erasedName),
      birthDate: r.birthDate,
      sex: r.sex,
      tags: r.tags
    })
    const next = Store.next(read, erased)
    yield* repo.save(scope, next, read.version)
    return next
  })

/**
 * True when a resident has been erased.
 *
 * @since 0.1.0
 * @category erasure
 */
export const isErased = (resident: Resident.Resident): boolean =>
  Redacted.value(resident.name) === Resident.erasedName &&
  resident.idNumber === undefined &&
  resident.phone === undefined
