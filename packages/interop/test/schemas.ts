/**
 * Validators for the published JSON Schemas copied into `fixtures/schemas/` (see the NOTICE files there).
 *
 * Draft per format:
 * - Open311 GeoReport v2: the files declare no `$schema`; they use only draft-04 keywords (`required` arrays, `anyOf`,
 *   `enum`) and come from a Swagger 2.0 API whose schema dialect is draft-04, so they run on `ajv-draft-04`. They
 *   refer to each other by file name (`"$ref": "request.json"`); each file is registered under an `id` with a common
 *   base so the relative references resolve. The files leave out `type` beside `properties` / `minItems`, which
 *   ajv's strict-types mode would log about; it is turned off for them (validation is unchanged).
 * - HSDS 3: no `$schema` either; Open Referral publishes HSDS 3.0 as JSON Schema 2020-12, so `Ajv2020`. The files
 *   carry non-validation keywords (`name`, `datapackage_metadata`, `constraints`, `order`, `example`) and non-standard
 *   formats (`uid`, `double`, `uint`, …), so strict mode is off and those formats are accepted; `uuid`, `uri`,
 *   `email` and `date-time` are checked by ajv-formats. Files refer to each other by name and get a `$id` under the
 *   specification's published base URL.
 * - Popolo: draft-03 (`"required": true` on properties), which ajv does not implement. The test converts each file
 *   to draft-04 by moving every `"required": true` into the enclosing object's `required` array (the only draft-03
 *   keyword these files use), then validates with `ajv-draft-04`; references are absolute
 *   (`http://www.popoloproject.com/schemas/x.json#`) and resolve through each file's `id`.
 */
import { readdirSync, readFileSync } from "node:fs"
import Ajv2020 from "ajv/dist/2020.js"
import AjvDraft04 from "ajv-draft-04"
import addFormats from "ajv-formats"

type Json = Record<string, unknown>

const dir = (name: string) => new URL(`./fixtures/schemas/${name}/`, import.meta.url)
const load = (name: string): Map<string, Json> => {
  const out = new Map<string, Json>()
  for (const file of readdirSync(dir(name)).filter((f) => f.endsWith(".json"))) {
    out.set(file, JSON.parse(readFileSync(new URL(file, dir(name)), "utf8")) as Json)
  }
  return out
}

/** A validator: the errors (empty when valid). */
export type Check = (value: unknown) => ReadonlyArray<string>

const checker =
  (validate: ((value: unknown) => boolean) & { errors?: ReadonlyArray<unknown> | null | undefined }): Check =>
  (value) =>
    validate(JSON.parse(JSON.stringify(value))) ? [] : (validate.errors ?? []).map((e) => JSON.stringify(e))

const open311Base = "https://schemas.open311.invalid/georeport-v2/"
const open311Ajv = (() => {
  const ajv = new AjvDraft04.default({ allErrors: true, strictTypes: false })
  addFormats.default(ajv)
  for (const [file, schema] of load("open311-georeport-v2")) ajv.addSchema({ ...schema, id: open311Base + file })
  return ajv
})()

/** Open311 validators by file name (`services.json`, `service-definition.json`, `requests.json`, …). */
export const open311 = (file: string): Check => {
  const v = open311Ajv.getSchema(open311Base + file)
  if (v === undefined) throw new Error(`no Open311 schema ${file}`)
  return checker(v)
}

const hsdsBase = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
const hsdsAjv = (() => {
  const ajv = new Ajv2020.default({ allErrors: true, strict: false })
  addFormats.default(ajv)
  for (const f of ["uid", "double", "uint", "datetime", "csv"]) ajv.addFormat(f, true)
  for (const [file, schema] of load("hsds-3")) ajv.addSchema({ ...schema, $id: hsdsBase + file })
  return ajv
})()

/** HSDS 3 validators by file name (`service.json`, `organization.json`, …). */
export const hsds = (file: string): Check => {
  const v = hsdsAjv.getSchema(hsdsBase + file)
  if (v === undefined) throw new Error(`no HSDS schema ${file}`)
  return checker(v)
}

/** Rewrites a draft-03 schema as draft-04: `"required": true` on a property joins the parent's `required` list. */
export const draft03to04 = (schema: unknown): unknown => {
  if (Array.isArray(schema)) return schema.map(draft03to04)
  if (typeof schema !== "object" || schema === null) return schema
  const out: Json = {}
  for (const [k, v] of Object.entries(schema as Json)) {
    if (k === "required" && typeof v === "boolean") continue
    out[k] = k === "$schema" ? "http://json-schema.org/draft-04/schema#" : draft03to04(v)
  }
  const props = (schema as Json).properties
  if (typeof props === "object" && props !== null) {
    const required = Object.entries(props as Json)
      .filter(([, p]) => typeof p === "object" && p !== null && (p as Json).required === true)
      .map(([name]) => name)
    if (required.length > 0) out.required = required
  }
  return out
}

const popoloBase = "http://www.popoloproject.com/schemas/"
const popoloAjv = (() => {
  const ajv = new AjvDraft04.default({ allErrors: true })
  addFormats.default(ajv)
  for (const [, schema] of load("popolo")) ajv.addSchema(draft03to04(schema) as Json)
  return ajv
})()

/** Popolo validators by file name (`organization.json`, `person.json`, …). */
export const popolo = (file: string): Check => {
  const v = popoloAjv.getSchema(`${popoloBase}${file}#`) ?? popoloAjv.getSchema(popoloBase + file)
  if (v === undefined) throw new Error(`no Popolo schema ${file}`)
  return checker(v)
}
