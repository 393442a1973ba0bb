/**
 * Cases to Open311 GeoReport v2 (市民诉求开放接口): the service list from the case category catalogue, a service
 * definition per category from its intake fields, and service requests from cases, with the case lifecycle mapped to
 * `open` / `closed` as in {@link statusMapping}. The reporter is never exported unless a `Privacy.Disclosure` asks
 * for it. {@link toIntake} reads a request back into a case intake (立案前的草稿).
 *
 * @since 0.1.0
 */
import { Case, CaseCategory, type Errors, type Ids, Privacy } from "@zhili/core"
import { type DateTime, Either, Option, Schema } from "effect"
import { decodeWith, failure, isoOffset } from "./internal/common.js"

/**
 * One entry of the Open311 service list (`GET services`): a case category.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  readonly service_code: string
  readonly service_name: string
  readonly description?: string
  /** True when the category asks intake fields, i.e. has a service definition. */
  readonly metadata: boolean
  readonly type: "realtime" | "batch" | "blackbox"
  readonly keywords?: string
  /** The name of the category's root, grouping sub-categories under it. */
  readonly group?: string
}

/**
 * An Open311 service-definition attribute: a category intake field, field for field.
 *
 * @since 0.1.0
 * @category models
 */
export interface Attribute {
  readonly variable: boolean
  readonly code: string
  readonly datatype: CaseCategory.AttributeDatatype
  readonly required: boolean
  readonly datatype_description: string | null
  readonly order: number | null
  readonly description: string | null
  readonly values?: ReadonlyArray<{ readonly key: string; readonly name: string }>
}

/**
 * An Open311 service definition (`GET services/{service_code}`).
 *
 * @since 0.1.0
 * @category models
 */
export interface ServiceDefinition {
  readonly service_code: string
  readonly attributes: ReadonlyArray<Attribute>
}

/**
 * An Open311 service request (`GET requests`). `first_name` and `phone` appear only under a disclosure, masked or
 * revealed field by field as the disclosure says.
 *
 * @since 0.1.0
 * @category models
 */
export interface Request {
  readonly service_request_id: string
  readonly status: "open" | "closed"
  readonly status_notes?: string
  readonly service_name?: string
  readonly service_code: string
  readonly description?: string
  readonly agency_responsible?: string
  readonly service_notice?: string
  readonly requested_datetime: string
  readonly updated_datetime?: string
  readonly expected_datetime?: string
  readonly address?: string
  readonly address_id?: string
  readonly lat?: number
  readonly long?: number
  readonly first_name?: string
  readonly phone?: string
}

/**
 * Names shown in exports: Chinese (default) or English category names and notes.
 *
 * @since 0.1.0
 * @category models
 */
export type Locale = "zh" | "en"

const nameOf = (c: CaseCategory.Category, locale: Locale) => (locale === "en" ? c.nameEn : c.name)

/**
 * The Open311 service list: one service per category of the catalogue, in catalogue order; `group` is the name of
 * the category's root and `metadata` says whether it has intake fields.
 *
 * @since 0.1.0
 * @category exporters
 */
export const services = (
  catalogue: CaseCategory.Catalogue,
  options: { readonly locale?: Locale } = {}
): ReadonlyArray<Service> => {
  const locale = options.locale ?? "zh"
  return catalogue.categories.map((c) => {
    const lineage = CaseCategory.lineage(catalogue, c.code)
    const root = lineage[lineage.length - 1] ?? c
    return {
      service_code: c.code,
      service_name: nameOf(c, locale),
      ...(c.description === undefined ? {} : { description: c.description }),
      metadata: CaseCategory.attributesOf(catalogue, c.code).length > 0,
      type: "realtime" as const,
      keywords: [c.name, c.nameEn].join(","),
      group: nameOf(root, locale)
    }
  })
}

/**
 * The Open311 service definition of a category: its intake fields with its ancestors' (see
 * `CaseCategory.attributesOf`), in `order`. None for an unknown code.
 *
 * @since 0.1.0
 * @category exporters
 */
export const serviceDefinition = (catalogue: CaseCategory.Catalogue, code: string): Option.Option<ServiceDefinition> =>
  CaseCategory.lookup(catalogue, code).pipe(
    Option.map((c) => ({
      service_code: c.code,
      attributes: CaseCategory.attributesOf(catalogue, c.code).map(
        (a): Attribute => ({
          variable: a.variable,
          code: a.code,
          datatype: a.datatype,
          required: a.required,
          datatype_description: a.datatypeDescription ?? null,
          order: a.order ?? null,
          description: a.description ?? null,
          ...(a.values === undefined ? {} : { values: a.values.map((v) => ({ key: v.key, name: v.name })) })
        })
      )
    }))
  )

/**
 * The case lifecycle mapped to Open311 status, with the `status_notes` text in Chinese and English. A case is
 * `closed` only in a final state (closed, rejected, withdrawn); a resolved case awaiting verification stays `open`
 * because verification may send it back, and the problem ledger (挂账) stays `open` because the matter is not settled.
 *
 * | zhili status  | Open311 | status_notes                |
 * | ------------- | ------- | --------------------------- |
 * | `reported`    | open    | 已上报 / reported            |
 * | `accepted`    | open    | 已受理 / accepted            |
 * | `dispatched`  | open    | 已派单 / dispatched          |
 * | `in-progress` | open    | 办理中 / in progress         |
 * | `resolved`    | open    | 已办结待核实 / awaiting check |
 * | `verified`    | open    | 已核实待结案 / verified       |
 * | `ledger`      | open    | 已挂账 / on the ledger        |
 * | `closed`      | closed  | 已结案 / closed (+ fixed)     |
 * | `rejected`    | closed  | 不予受理 / rejected           |
 * | `withdrawn`   | closed  | 已撤回 / withdrawn            |
 *
 * @since 0.1.0
 * @category mappings
 */
export const statusMapping: Readonly<
  Record<Case.Status, { readonly status: "open" | "closed"; readonly zh: string; readonly en: string }>
> = {
  reported: { status: "open", zh: "已上报", en: "reported" },
  accepted: { status: "open", zh: "已受理", en: "accepted" },
  dispatched: { status: "open", zh: "已派单", en: "dispatched" },
  "in-progress": { status: "open", zh: "办理中", en: "in progress" },
  resolved: { status: "open", zh: "已办结待核实", en: "resolved, awaiting verification" },
  verified: { status: "open", zh: "已核实待结案", en: "verified, awaiting closure" },
  ledger: { status: "open", zh: "已挂账", en: "on the problem ledger" },
  closed: { status: "closed", zh: "已结案", en: "closed" },
  rejected: { status: "closed", zh: "不予受理", en: "rejected" },
  withdrawn: { status: "closed", zh: "已撤回", en: "withdrawn" }
}

/**
 * Where a case is, as Open311 address fields: a readable address, an address id (the building id by default), and
 * coordinates when the host knows them.
 *
 * @since 0.1.0
 * @category models
 */
export interface Address {
  readonly address?: string
  readonly address_id?: string
  readonly lat?: number
  readonly long?: number
}

/**
 * What the request exporter needs besides the case.
 *
 * @since 0.1.0
 * @category models
 */
export interface RequestOptions {
  readonly catalogue: CaseCategory.Catalogue
  readonly locale?: Locale
  /** The responsible agency's name from the assignee's unit (default: the unit id). */
  readonly agencyName?: (unit: Ids.OrgUnitId) => string | undefined
  /** The address of a case location (default: the building id as `address_id`). */
  readonly address?: (location: Case.Location) => Address
  /** Time zone of the exported instants (default Asia/Shanghai). */
  readonly timeZone?: string
  /** Exports the reporter's name and phone (masked unless the disclosure names the field). Omitted: no reporter. */
  readonly disclosure?: Privacy.Disclosure
}

const limitText = (limits: CaseCategory.TimeLimits, complex: boolean, locale: Locale): string => {
  const resolve = complex && limits.resolveComplex !== undefined ? limits.resolveComplex : limits.resolve
  const units: Record<string, readonly [string, string]> = {
    hours: ["小时", "hours"],
    days: ["天", "days"],
    "working-hours": ["个工作小时", "working hours"],
    "working-days": ["个工作日", "working days"]
  }
  const u = (d: { readonly amount: number; readonly unit: string }) => {
    const [zh, en] = units[d.unit] ?? [d.unit, d.unit]
    return locale === "en" ? `${d.amount} ${en}` : `${d.amount}${zh}`
  }
  return locale === "en"
    ? `respond within ${u(limits.response)}, resolve within ${u(resolve)}`
    : `${u(limits.response)}内响应，${u(resolve)}内办结`
}

/**
 * A case as an Open311 service request. `expected_datetime` is the running deadline (response while reported,
 * resolve while handled) or else the resolve deadline while the case is open; `updated_datetime` is the last event;
 * `service_notice` states the category's time limits; `description` is the title, then the description on the next
 * lines. Instants are ISO 8601 with the offset of `timeZone`.
 *
 * @since 0.1.0
 * @category exporters
 */
export const request = (self: Case.Case, options: RequestOptions): Request => {
  const locale = options.locale ?? "zh"
  const zone = options.timeZone ?? "Asia/Shanghai"
  const at = (d: DateTime.Utc) => isoOffset(d, zone)
  const category = CaseCategory.lookup(options.catalogue, self.intake.category)
  const mapped = statusMapping[self.status]
  const last = self.history[self.history.length - 1]
  const expected =
    Case.runningDue(self) ?? (mapped.status === "open" && self.status !== "ledger" ? self.due.resolve : undefined)
  const limits = CaseCategory.limitsOf(options.catalogue, self.intake.category)
  const notes =
    self.status === "closed" && self.closure !== undefined
      ? `${locale === "en" ? mapped.en : mapped.zh} (${self.closure === "fixed" ? (locale === "en" ? "fixed" : "已解决") : locale === "en" ? "not fixed" : "未解决"})`
      : locale === "en"
        ? mapped.en
        : mapped.zh
  const address = options.address?.(self.intake.location) ?? {
    ...(self.intake.location.building === undefined ? {} : { address_id: self.intake.location.building })
  }
  const reporter = self.intake.reporter
  const disclosed =
    options.disclosure !== undefined && reporter !== undefined && reporter._tag === "Identified"
      ? {
          first_name: Privacy.present(reporter.name, "name", { disclosure: options.disclosure }),
          ...(reporter.phone === undefined
            ? {}
            : { phone: Privacy.present(reporter.phone, "phone", { disclosure: options.disclosure }) })
        }
      : {}
  const unit = self.assignee?.unit
  const agency = unit === undefined ? undefined : (options.agencyName?.(unit) ?? unit)
  return {
    service_request_id: self.id,
    status: mapped.status,
    status_notes: notes,
    ...(Option.isSome(category) ? { service_name: nameOf(category.value, locale) } : {}),
    service_code: self.intake.category,
    description:
      self.intake.description === undefined ? self.intake.title : `${self.intake.title}\n${self.intake.description}`,
    ...(agency === undefined ? {} : { agency_responsible: agency }),
    ...(Option.isSome(limits) ? { service_notice: limitText(limits.value, self.intake.complex, locale) } : {}),
    requested_datetime: at(self.reportedAt),
    ...(last === undefined ? {} : { updated_datetime: at(last.at) }),
    ...(expected === undefined ? {} : { expected_datetime: at(expected) }),
    ...address,
    ...disclosed
  }
}

/**
 * Every case as an Open311 request list.
 *
 * @since 0.1.0
 * @category exporters
 */
export const requests = (cases: ReadonlyArray<Case.Case>, options: RequestOptions): ReadonlyArray<Request> =>
  cases.map((c) => request(c, options))

/**
 * The schema of an Open311 request as read back by {@link toIntake}: the required fields and those the import uses.
 *
 * @since 0.1.0
 * @category schemas
 */
export const RequestInput = Schema.Struct({
  service_request_id: Schema.String.pipe(Schema.minLength(1)),
  status: Schema.Literal("open", "closed"),
  service_code: Schema.String.pipe(Schema.minLength(1)),
  requested_datetime: Schema.String,
  description: Schema.optional(Schema.NullOr(Schema.String)),
  address_id: Schema.optional(Schema.NullOr(Schema.String))
})

/**
 * What the import needs besides the request: the tenant, and the grid of an address id (the building's micro grid; the request id is passed too, for hosts that keep
 * the grid per case).
 * Defaults for what Open311 does not carry: kind `request`, source `online`, priority `normal`, severity `minor`.
 *
 * @since 0.1.0
 * @category models
 */
export interface ImportOptions {
  readonly tenant: Ids.TenantId
  readonly catalogue: CaseCategory.Catalogue
  readonly gridOf: (addressId: string | undefined, requestId: string) => Ids.GridId | undefined
  readonly kind?: Case.Kind
  readonly source?: Case.Source
}

/**
 * Reads an Open311 request back into a case intake (the draft a host files with `Case.open`): id, category, title
 * (first line of the description) and description (the rest), building (from `address_id`) and grid. Round trip:
 * `toIntake(request(c))` gives back the intake's id, category, title, description and location of a case whose
 * building lies in the grid `gridOf` returns. An unknown category, a missing grid or a malformed request is a
 * `DecodeError` with the path.
 *
 * @since 0.1.0
 * @category importers
 */
export const toIntake = (input: unknown, options: ImportOptions): Either.Either<Case.Intake, Errors.DecodeError> =>
  Either.gen(function* () {
    const req = yield* decodeWith(RequestInput, input, "Open311 request")
    if (Option.isNone(CaseCategory.lookup(options.catalogue, req.service_code))) {
      return yield* Either.left(
        failure("Open311 request", ["service_code"], `unknown service_code ${req.service_code}`)
      )
    }
    const addressId = req.address_id ?? undefined
    const grid = options.gridOf(addressId, req.service_request_id)
    if (grid === undefined) {
      return yield* Either.left(
        failure("Open311 request", ["address_id"], `no grid known for address_id ${addressId ?? "(none)"}`)
      )
    }
    const text = req.description ?? ""
    const newline = text.indexOf("\n")
    const title = newline < 0 ? text : text.slice(0, newline)
    const description = newline < 0 ? undefined : text.slice(newline + 1)
    return yield* decodeWith(
      Case.Intake,
      {
        id: req.service_request_id,
        tenant: options.tenant,
        kind: options.kind ?? "request",
        category: req.service_code,
        source: options.source ?? "online",
        title: title.length > 0 ? title : req.service_code,
        ...(description === undefined ? {} : { description }),
        location: { grid, ...(addressId === undefined ? {} : { building: addressId }) },
        priority: "normal",
        severity: "minor"
      },
      "Open311 request"
    )
  })
