/**
 * What the CLI reads from and writes to a store: the database a command names (a SQLite file or a server URL), the
 * registered aggregates found by name, and the records the checks and reports read.
 *
 * @since 0.1.0
 */
import {
  type Activity,
  Aggregates,
  type Assessment,
  type Building,
  type Bulletin,
  type Case,
  Errors,
  type Fund,
  Grid,
  type GridWorker,
  type Household,
  type Inspection,
  KeyProvider,
  type Mediation,
  type Membership,
  type Needs,
  type Operator,
  type OrgLife,
  type OrgUnit,
  type Partnership,
  type Post,
  type Project,
  type Rating,
  type Resident,
  type Service,
  type Space,
  Store,
  type TaskList,
  type Visit,
  type VolunteerTeam
} from "@zhili/core"
import { Drivers } from "@zhili/store-sql"
import { Chunk, Effect, Either, type Layer, Redacted, Schema, Stream } from "effect"
import type * as Columns from "./Columns.js"
import { say } from "./Text.js"

/**
 * A command-line failure: one line saying what went wrong, and one saying how to fix it.
 *
 * @since 0.1.0
 * @category errors
 */
export class CliError extends Schema.TaggedError<CliError>()("CliError", {
  message: Schema.String,
  fix: Schema.String
}) {}

/**
 * The store URL of a command's `<db>` argument and `--url` option: the URL when given (it must be `postgres://`,
 * `postgresql://`, `mysql://` or `mariadb://`), else the SQLite file.
 *
 * @since 0.1.0
 * @category database
 */
export const target = (db: string | undefined, url: string | undefined): Effect.Effect<string, CliError> => {
  if (url !== undefined) {
    return /^(postgres(ql)?|mysql|mariadb):\/\/\S+$/.test(url)
      ? Effect.succeed(url)
      : Effect.fail(
          new CliError({
            message: say(
              `"${shown(url)}" 不是 zhili 认识的数据库网址`,
              `"${shown(url)}" is not a database URL zhili knows`
            ),
            fix: say(
              "写 postgres://用户@主机:5432/库 或 mysql://用户@主机:3306/库，或改写一个 SQLite 文件名",
              "use postgres://user@host:5432/db or mysql://user@host:3306/db, or give a SQLite file name instead"
            )
          })
        )
  }
  if (db === undefined || db.trim() === "") {
    return Effect.fail(
      new CliError({
        message: say("没有指定数据库", "no database given"),
        fix: say(
          "写一个 SQLite 文件名（zhili.db）或 --url postgres://…",
          "name a SQLite file (zhili.db) or pass --url postgres://…"
        )
      })
    )
  }
  return Effect.succeed(db)
}

/**
 * Whether a target (as the `target` function answers it) is a server URL (PostgreSQL, MySQL or MariaDB) rather
 * than a SQLite file.
 *
 * @since 0.1.0
 * @category database
 */
export const isServer = (target: string): boolean => /^(postgres|mysql|mariadb)/.test(target)

/**
 * The keys of the command line's stores (加密密钥): derived from the passphrase in `ZHILI_PASSPHRASE` (salt
 * `ZHILI_KEY_SALT`, default `zhili`), or none when it is unset (the store then writes in clear).
 *
 * @since 0.1.0
 * @category database
 */
export const keysFromEnv = (
  env: Readonly<Record<string, string | undefined>> = process.env
): Layer.Layer<KeyProvider.KeyProvider, KeyProvider.KeyError> | undefined => {
  const passphrase = env.ZHILI_PASSPHRASE
  if (passphrase === undefined || passphrase === "") return undefined
  return KeyProvider.layerPassphrase({
    passphrase: Redacted.make(passphrase),
    salt: env.ZHILI_KEY_SALT === undefined || env.ZHILI_KEY_SALT === "" ? "zhili" : env.ZHILI_KEY_SALT
  })
}

/**
 * The migrated store at a target (migrated when the layer is built), encrypted at rest with `keys` (default:
 * {@link keysFromEnv}).
 *
 * @since 0.1.0
 * @category database
 */
export const layer = (
  target: string,
  keys: Layer.Layer<KeyProvider.KeyProvider, KeyProvider.KeyError> | undefined = keysFromEnv()
): Layer.Layer<Store.Store, Store.StoreError> => Drivers.layerFromUrl(target, { keys })

/**
 * Maps a storage failure to a CLI error naming the database.
 *
 * @since 0.1.0
 * @category database
 */
export const storeFailure = (
  target: string,
  e: { readonly message: string; readonly operation?: string }
): CliError => {
  const detail = e.message.split("\n")[0] ?? e.message
  if (isServer(target) && e.operation === "connect") {
    const problem = Drivers.connectProblem(e)
    return new CliError({
      message: say(
        `无法连接数据库 ${shown(target)}：${connectProblemZh[problem]}（${Drivers.deepestMessage(e).split("\n")[0] ?? ""}）`,
        `cannot connect to the database ${shown(target)}: ${detail}`
      ),
      fix: say(connectFixZh[problem], connectFixEn[problem])
    })
  }
  return new CliError({
    message: say(`数据库 ${shown(target)}：${detail}`, `database ${shown(target)}: ${detail}`),
    fix: isServer(target)
      ? say(
          "检查服务器是否在运行，网址中的用户、主机、端口和库名是否正确",
          "check that the server is running and the URL (user, host, port, database) is right"
        )
      : say(
          "检查文件夹是否存在且可写，或先运行 zhili init",
          "check that the folder exists and is writable, or run zhili init first"
        )
  })
}

const connectProblemZh: Record<Drivers.ConnectProblem, string> = {
  unreachable: "服务器无法访问",
  "unknown-host": "主机名无法解析",
  authentication: "服务器拒绝了用户名或密码",
  "missing-database": "服务器上没有这个数据库",
  other: "连接失败"
}

const connectFixZh: Record<Drivers.ConnectProblem, string> = {
  unreachable: "启动数据库服务器，或检查网址中的主机和端口",
  "unknown-host": "检查网址中的主机名",
  authentication: "检查网址中的用户名和密码，以及服务器是否允许该用户从本机登录",
  "missing-database": "先在服务器上创建该数据库（CREATE DATABASE …），或改正网址中的库名",
  other: "检查服务器是否在运行，网址中的用户、主机、端口和库名是否正确"
}

const connectFixEn: Record<Drivers.ConnectProblem, string> = {
  unreachable: "start the database server, or check the host and port in the URL",
  "unknown-host": "check the host name in the URL",
  authentication: "check the user and password in the URL, and that the server lets that user in from this host",
  "missing-database": "create the database on the server first (CREATE DATABASE …), or correct its name in the URL",
  other: "check that the server is running and the URL (user, host, port, database) is right"
}

/** The Chinese names of the records an import refers to. */
const whatZh: Readonly<Record<string, string>> = {
  building: "楼栋",
  buildings: "楼栋",
  grid: "网格",
  "parent grids": "上级网格",
  household: "户",
  households: "户"
}

/**
 * A database target as messages show it: a server URL with its password masked (`postgres://u:***@h/db`).
 *
 * @since 0.1.0
 * @category database
 */
export const shown = (target: string): string => target.replace(/^([a-z]+:\/\/[^:/@]*:)[^@]*@/i, "$1***@")

/** The domain value of a stored record (`Store.Stored` envelopes of `Store.domain` aggregates), else the record. */
const domainValue = (record: unknown): unknown =>
  typeof record === "object" && record !== null && "value" in record && "version" in record && "location" in record
    ? (record as Store.Stored<unknown>).value
    : record

const key = (name: string): string => name.toLowerCase().replace(/[^a-z]/g, "")

/**
 * The registered aggregate with a name (compared without case, dashes or underscores: `org-unit` = `OrgUnit`), if
 * any. Aggregates are registered in `Aggregates.all` of `@zhili/core`.
 *
 * @since 0.1.0
 * @category database
 */
export const find = (name: string): Store.AnyAggregate | undefined =>
  Aggregates.all.find((a) => key(a.name) === key(name))

/**
 * The domain value of every record of a registered aggregate under a division code prefix (all when the prefix is
 * empty); an aggregate that is not registered yields none.
 *
 * @since 0.1.0
 * @category database
 */
export const listAll = <A>(
  name: string,
  prefix: string
): Effect.Effect<ReadonlyArray<A>, Store.StoreError, Store.Store> =>
  Effect.gen(function* () {
    const aggregate = find(name)
    if (aggregate === undefined) return []
    const repo = yield* Store.repository(aggregate)
    const out: Array<A> = []
    let cursor: string | undefined
    for (;;) {
      const page = yield* repo.list(Store.everything, { limit: 10_000, ...(cursor === undefined ? {} : { cursor }) })
      for (const r of page.items) if (aggregate.tenant(r).startsWith(prefix)) out.push(domainValue(r) as A)
      if (page.next === undefined || page.next === null) return out
      cursor = page.next
    }
  })

/**
 * The records the checks and the report read.
 *
 * @since 0.1.0
 * @category models
 */
export interface Records {
  readonly units: ReadonlyArray<OrgUnit.OrgUnit>
  readonly posts: ReadonlyArray<Post.Post>
  readonly holdings: ReadonlyArray<Post.Holding>
  readonly partnerships: ReadonlyArray<Partnership.Partnership>
  readonly grids: ReadonlyArray<Grid.Grid>
  readonly workers: ReadonlyArray<GridWorker.GridWorker>
  readonly buildings: ReadonlyArray<Building.Building>
  readonly households: ReadonlyArray<Household.Household>
  readonly residents: ReadonlyArray<Resident.Resident>
  readonly visits: ReadonlyArray<Visit.Visit>
  readonly memberships: ReadonlyArray<Membership.Membership>
  readonly registrations: ReadonlyArray<Partnership.MemberRegistration>
  readonly cases: ReadonlyArray<Case.Case>
  readonly mediations: ReadonlyArray<Mediation.Mediation>
  readonly services: ReadonlyArray<Service.Service>
  readonly teams: ReadonlyArray<VolunteerTeam.VolunteerTeam>
  readonly activities: ReadonlyArray<Activity.Activity>
  readonly spaces: ReadonlyArray<Space.Space>
  readonly funds: ReadonlyArray<Fund.Fund>
  readonly projects: ReadonlyArray<Project.Project>
  readonly needs: ReadonlyArray<Needs.NeedItem>
  readonly surveys: ReadonlyArray<Needs.NeedsSurvey>
  readonly operators: ReadonlyArray<Operator.Operator>
  readonly agreements: ReadonlyArray<Operator.OperatingAgreement>
  readonly assessments: ReadonlyArray<Assessment.Assessment>
  readonly ratings: ReadonlyArray<Rating.RatingScheme>
  readonly bulletin: ReadonlyArray<Bulletin.BulletinEntry>
  readonly inspections: ReadonlyArray<Inspection.Inspection>
  readonly rectifications: ReadonlyArray<Inspection.Rectification>
  readonly orgLifeRecords: ReadonlyArray<OrgLife.OrgLifeRecord>
  readonly taskLists: ReadonlyArray<TaskList.TaskList>
}

/**
 * The aggregate name each collection of {@link Records} is stored under.
 *
 * @since 0.1.0
 * @category constants
 */
export const names: Readonly<Record<keyof Records, string>> = {
  units: "org-unit",
  posts: "post",
  holdings: "post-holding",
  partnerships: "partnership",
  grids: "grid",
  workers: "grid-worker",
  buildings: "building",
  households: "household",
  residents: "resident",
  visits: "visit",
  memberships: "membership",
  registrations: "member-registration",
  cases: "case",
  mediations: "mediation",
  services: "service",
  teams: "volunteer-team",
  activities: "activity",
  spaces: "space",
  funds: "fund",
  projects: "project",
  needs: "need-item",
  surveys: "needs-survey",
  operators: "operator",
  agreements: "operating-agreement",
  assessments: "assessment",
  ratings: "rating",
  bulletin: "bulletin-entry",
  inspections: "inspection",
  rectifications: "rectification",
  orgLifeRecords: "org-life",
  taskLists: "task-list"
}

/**
 * Loads every collection of {@link Records} under a division code prefix.
 *
 * @since 0.1.0
 * @category database
 */
export const load = (prefix: string): Effect.Effect<Records, Store.StoreError, Store.Store> =>
  Effect.all({
    units: listAll<OrgUnit.OrgUnit>(names.units, prefix),
    posts: listAll<Post.Post>(names.posts, prefix),
    holdings: listAll<Post.Holding>(names.holdings, prefix),
    partnerships: listAll<Partnership.Partnership>(names.partnerships, prefix),
    grids: listAll<Grid.Grid>(names.grids, prefix),
    workers: listAll<GridWorker.GridWorker>(names.workers, prefix),
    buildings: listAll<Building.Building>(names.buildings, prefix),
    households: listAll<Household.Household>(names.households, prefix),
    residents: listAll<Resident.Resident>(names.residents, prefix),
    visits: listAll<Visit.Visit>(names.visits, prefix),
    memberships: listAll<Membership.Membership>(names.memberships, prefix),
    registrations: listAll<Partnership.MemberRegistration>(names.registrations, prefix),
    cases: listAll<Case.Case>(names.cases, prefix),
    mediations: listAll<Mediation.Mediation>(names.mediations, prefix),
    services: listAll<Service.Service>(names.services, prefix),
    teams: listAll<VolunteerTeam.VolunteerTeam>(names.teams, prefix),
    activities: listAll<Activity.Activity>(names.activities, prefix),
    spaces: listAll<Space.Space>(names.spaces, prefix),
    funds: listAll<Fund.Fund>(names.funds, prefix),
    projects: listAll<Project.Project>(names.projects, prefix),
    needs: listAll<Needs.NeedItem>(names.needs, prefix),
    surveys: listAll<Needs.NeedsSurvey>(names.surveys, prefix),
    operators: listAll<Operator.Operator>(names.operators, prefix),
    agreements: listAll<Operator.OperatingAgreement>(names.agreements, prefix),
    assessments: listAll<Assessment.Assessment>(names.assessments, prefix),
    ratings: listAll<Rating.RatingScheme>(names.ratings, prefix),
    bulletin: listAll<Bulletin.BulletinEntry>(names.bulletin, prefix),
    inspections: listAll<Inspection.Inspection>(names.inspections, prefix),
    rectifications: listAll<Inspection.Rectification>(names.rectifications, prefix),
    orgLifeRecords: listAll<OrgLife.OrgLifeRecord>(names.orgLifeRecords, prefix),
    taskLists: listAll<TaskList.TaskList>(names.taskLists, prefix)
  })

/**
 * The ledger of a stored fund: its entries (`Fund.Entry`) in order, read from the fund's event log.
 *
 * @since 0.1.0
 * @category database
 */
export const ledger = (fund: Fund.Fund): Effect.Effect<ReadonlyArray<Fund.Entry>, Store.StoreError, Store.Store> =>
  Effect.gen(function* () {
    const repo = yield* Store.repository(Aggregates.Funds)
    const log = yield* repo
      .events(Store.everything, fund.tenant, fund.id)
      .pipe(Effect.catchTag("NotFoundOrNotPermitted", () => Effect.succeed([])))
    return log.map((e) => e.event)
  })

/**
 * One row of the stored counts (计数): what was counted (`households`, `residents`, `visits`), where (a community's
 * division code, or a grid path of ids) and how many.
 *
 * @since 0.1.0
 * @category models
 */
export interface Count {
  readonly what: "households" | "residents" | "visits"
  readonly by: "community" | "grid"
  readonly place: string
  readonly count: number
}

/**
 * Households, residents and visits per community and per grid under a division code prefix, counted by the store
 * (`repo.count`: one `GROUP BY` query each on the SQL stores, no record read).
 *
 * @since 0.1.0
 * @category database
 */
export const counts = (prefix: string): Effect.Effect<ReadonlyArray<Count>, Store.StoreError, Store.Store> =>
  Effect.gen(function* () {
    const scope: Store.Scope = prefix === "" ? Store.everything : { grants: [{ division: prefix }] }
    const out: Array<Count> = []
    for (const [what, aggregate] of [
      ["households", Aggregates.Households],
      ["residents", Aggregates.Residents],
      ["visits", Aggregates.Visits]
    ] as const) {
      const repo = yield* Store.repository(aggregate as Store.AnyAggregate)
      for (const g of yield* repo.count(scope, { groupBy: ["division"] }))
        out.push({ what, by: "community", place: String(g.key[0] ?? "—"), count: g.count })
      for (const g of yield* repo.count(scope, { groupBy: ["grid"] })) {
        const path = g.key[0]
        out.push({ what, by: "grid", place: Array.isArray(path) ? path.join(" › ") : "—", count: g.count })
      }
    }
    return out
  })

/**
 * What {@link placer} answers: `place` turns a stream of raw rows of a kind into the stored forms to import
 * (`Store.StoredEncoded`, version 1) with the location each row sits in, and `precheck` (for the import's
 * `ImportOptions.precheck`) answers the issues of a placed row whose reference is not stored: a household whose
 * building, a resident whose household, a grid whose parent grid is neither stored nor in the file. Such a row is
 * rejected, never stored at its division only (a record with no grid path). Ids are named; no other value is.
 *
 * @since 0.1.0
 * @category models
 */
export interface Placer {
  readonly place: <E, R>(
    rows: Stream.Stream<Readonly<Record<string, unknown>>, E, R>
  ) => Stream.Stream<Store.StoredEncoded<unknown>, E | Store.StoreError, R>
  readonly precheck: (input: unknown) => ReadonlyArray<Errors.DecodeIssue>
}

/**
 * Places import rows ({@link Placer}): a grid at its path of grids, a building under the micro grid that covers it,
 * a household in its building's place, a resident in its household's. Grids are read from the store once (with
 * `fileGrids`, the raw rows of a grid file itself, so a file may hold a whole grid tree; other kinds pass none); the
 * buildings and households that a chunk of rows names are looked up per chunk, by their ids (`ListOptions.ids`), so
 * household and resident files stream in flat memory whatever the store holds. A row whose reference is not stored
 * is placed at its division and marked for `precheck` to reject; a row that does not decode is left for the import
 * to reject with its path.
 *
 * @since 0.1.0
 * @category database
 */
export const placer = (
  kind: Columns.Kind,
  fileGrids: ReadonlyArray<Readonly<Record<string, unknown>>>
): Effect.Effect<Placer, Store.StoreError, Store.Store> =>
  Effect.gen(function* () {
    const grids = new Map<string, Grid.Grid>()
    for (const g of yield* listAll<Grid.Grid>(names.grids, "")) grids.set(g.id, g)
    if (kind === "grid") {
      const decode = Schema.decodeUnknownEither(Grid.Grid)
      for (const raw of fileGrids) {
        const g = decode(raw)
        if (Either.isRight(g)) grids.set(g.right.id, g.right)
      }
    }
    const micro = Grid.microGridByBuilding([...grids.values()])
    const placeOf = (building: string, community: string): Store.Location => {
      const m = micro.get(building as Building.Building["id"])
      return m === undefined ? { division: community } : { division: community, grid: Grid.pathOf(m, grids) }
    }
    // the records a chunk of rows names (households for residents, buildings for both) are looked up per chunk,
    // by their ids (`ListOptions.ids`), not loaded whole: at city scale the store holds 80,000 buildings and 1.6 M
    // households. Places found are kept for the next chunks (the rows of a file come building by building), keyed
    // by the store's strings, never the rows' (a cell of a CSV row may be a slice of its whole chunk of text, which
    // a key would keep alive), and forgotten past `remembered` buildings.
    const remembered = 20_000
    const places = new Map<string, Store.Location>()
    const repositoryOf = (name: string) => {
      const aggregate = find(name)
      return aggregate === undefined ? Effect.succeed(undefined) : Store.repository(aggregate)
    }
    const buildingsRepo = yield* repositoryOf(names.buildings)
    const householdsRepo = yield* repositoryOf(names.households)
    const text = (v: unknown): string => (typeof v === "string" ? v : "")
    const key = (tenant: string, id: string) => `${tenant}\u0000${id}`
    /**
     * The domain values of the records of `repo` with the given tenants and ids: one list per tenant (so the store
     * reads them by its primary key) of at most 1,000 ids.
     */
    const byIds = <A>(repo: Store.Repository<unknown> | undefined, wanted: ReadonlyArray<readonly [string, string]>) =>
      Effect.gen(function* () {
        const out: Array<A> = []
        if (repo === undefined) return out
        const perTenant = new Map<string, Set<string>>()
        for (const [tenant, id] of wanted) {
          if (tenant === "" || id === "") continue
          let ids = perTenant.get(tenant)
          if (ids === undefined) {
            ids = new Set()
            perTenant.set(tenant, ids)
          }
          ids.add(id)
        }
        for (const [tenant, set] of perTenant) {
          const ids = [...set]
          for (let from = 0; from < ids.length; from += Store.maxListIds) {
            const page = yield* repo.list(Store.everything, {
              tenant,
              ids: ids.slice(from, from + Store.maxListIds),
              limit: Store.maxListIds
            })
            for (const r of page.items) out.push(domainValue(r) as A)
          }
        }
        return out
      })
    /** Looks up the buildings (tenant and id) whose place is not known yet and keeps their places. */
    const learnBuildings = (wanted: ReadonlyArray<readonly [string, string]>) => {
      // rows come building by building: a pair like the one before it is not looked at again
      const unknown = wanted.filter(
        ([tenant, building], i) =>
          (i === 0 || tenant !== wanted[i - 1]?.[0] || building !== wanted[i - 1]?.[1]) &&
          !places.has(key(tenant, building))
      )
      if (unknown.length === 0) return Effect.void
      return Effect.map(byIds<Building.Building>(buildingsRepo, unknown), (buildings) => {
        if (places.size + buildings.length > remembered) places.clear()
        for (const b of buildings) places.set(key(b.tenant, b.id), placeOf(b.id, b.community))
      })
    }
    /** The issues of the placed rows whose reference is not stored (each envelope, while it lives). */
    const dangling = new WeakMap<object, ReadonlyArray<Errors.DecodeIssue>>()
    /** The issue of a reference (`field`, naming a `what` by id) that is not stored. */
    const notStored = (field: string, what: string, id: string, tenant: string, first: string) =>
      new Errors.DecodeIssue({
        path: ["value", field],
        message: say(
          `租户 ${tenant} 的${whatZh[what] ?? what} ${id} 尚未存储：请先导入${whatZh[first] ?? first}，或改正编号`,
          `${what} ${id} of tenant ${tenant} is not stored: import the ${first} first, or correct the id`
        )
      })
    /** The issue of the row, when the reference it names is not stored (`undefined` when it is, or when absent). */
    let issue: Errors.DecodeIssue | undefined
    const atBuilding = (tenant: string, building: string): Store.Location => {
      const found = places.get(key(tenant, building))
      if (found !== undefined) return found
      if (building !== "" && tenant !== "") issue = notStored("building", "building", building, tenant, "buildings")
      return { division: tenant }
    }
    /** The buildings of the households `raws` name (key: tenant and household id). */
    const buildingsOf = (raws: ReadonlyArray<Readonly<Record<string, unknown>>>) =>
      Effect.map(
        byIds<Household.Household>(
          householdsRepo,
          raws.map((r) => [text(r.tenant), text(r.household)] as const)
        ),
        (households) => new Map(households.map((h) => [key(h.tenant, h.id), h.building] as const))
      )
    const place = (raw: Readonly<Record<string, unknown>>, buildingOf: ReadonlyMap<string, string>): Store.Location => {
      const tenant = text(raw.tenant)
      switch (kind) {
        case "grid": {
          const id = text(raw.id)
          const parent = text(raw.parent)
          if (parent !== "" && !grids.has(parent)) issue = notStored("parent", "grid", parent, tenant, "parent grids")
          return grids.has(id)
            ? { division: text(raw.community), grid: Grid.pathOf(id as Grid.Grid["id"], grids) }
            : { division: tenant }
        }
        case "building":
          return placeOf(text(raw.id), text(raw.community) || tenant)
        case "household":
          return atBuilding(tenant, text(raw.building))
        case "resident": {
          const household = text(raw.household)
          const building = buildingOf.get(key(tenant, household))
          if (building === undefined) {
            if (household !== "" && tenant !== "")
              issue = notStored("household", "household", household, tenant, "households")
            return { division: tenant }
          }
          const at = atBuilding(tenant, building)
          if (issue !== undefined)
            issue = new Errors.DecodeIssue({
              path: ["value", "household"],
              message: say(
                `户 ${household}（租户 ${tenant}）所在的楼栋 ${building} 尚未存储：请先导入楼栋`,
                `the building ${building} of household ${household} (tenant ${tenant}) is not stored: import the buildings first`
              )
            })
          return at
        }
      }
    }
    const none: ReadonlyMap<string, string> = new Map()
    const envelope = (raw: Readonly<Record<string, unknown>>, buildingOf: ReadonlyMap<string, string>) => {
      issue = undefined
      const placed = { version: 1, location: place(raw, buildingOf), value: raw }
      if (issue !== undefined) dangling.set(placed, [issue])
      return placed
    }
    /** A chunk of rows placed, after the records its rows name are looked up. */
    const placeChunk = (
      chunk: Chunk.Chunk<Readonly<Record<string, unknown>>>
    ): Effect.Effect<Chunk.Chunk<Store.StoredEncoded<unknown>>, Store.StoreError> => {
      const raws = Chunk.toReadonlyArray(chunk)
      if (kind === "household")
        return Effect.map(learnBuildings(raws.map((r) => [text(r.tenant), text(r.building)] as const)), () =>
          Chunk.map(chunk, (raw) => envelope(raw, none))
        )
      return Effect.flatMap(buildingsOf(raws), (buildingOf) =>
        Effect.map(
          learnBuildings(
            raws.map((r) => {
              const tenant = text(r.tenant)
              return [tenant, buildingOf.get(key(tenant, text(r.household))) ?? ""] as const
            })
          ),
          () => Chunk.map(chunk, (raw) => envelope(raw, buildingOf))
        )
      )
    }
    return {
      place: <E, R>(rows: Stream.Stream<Readonly<Record<string, unknown>>, E, R>) =>
        kind === "grid" || kind === "building"
          ? Stream.map(rows, (raw) => envelope(raw, none))
          : Stream.mapChunksEffect(rows, placeChunk),
      precheck: (input: unknown) =>
        (typeof input === "object" && input !== null ? dangling.get(input) : undefined) ?? []
    }
  })
