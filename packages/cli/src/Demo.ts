/**
 * `zhili demo`: the seed compound 锦绣华景小区 (新越社区, 城南街道, 廉江市) from `@zhili/testing`, stored in a fresh SQLite
 * file with its year of activity, read back, and reported as HTML and Markdown. The database is encrypted at rest
 * (identity numbers, phones, names and children's records sealed, blind indexes keyed) with keys from the passphrase
 * in `ZHILI_PASSPHRASE`, or the demo passphrase {@link demoPassphrase} when it is unset.
 *
 * @since 0.1.0
 */
import * as fs from "node:fs/promises"
import * as path from "node:path"
import {
  Activity,
  Building,
  Case,
  Grid,
  GridWorker,
  Household,
  KeyProvider,
  Membership,
  OrgUnit,
  Post,
  Reporter,
  Resident,
  Service,
  Store,
  Visit,
  VolunteerTeam
} from "@zhili/core"
import { Html, Markdown } from "@zhili/report"
import { JinxiuHuajing, SeedReports } from "@zhili/testing"
import { Effect, Redacted, Schema, Stream } from "effect"
import * as Stored from "./Stored.js"
import { say } from "./Text.js"

/**
 * What the demo wrote.
 *
 * @since 0.1.0
 * @category models
 */
export interface Result {
  readonly database: string
  readonly html: string
  readonly markdown: string
  /** One line per collection: how many records, and whether they went through the store. */
  readonly summary: ReadonlyArray<string>
}

/**
 * The passphrase of the demo's keys when `ZHILI_PASSPHRASE` is unset: public, so the demo's database can be read
 * again (`ZHILI_PASSPHRASE=zhili-demo zhili report …`); a deployment sets its own.
 *
 * @since 0.1.0
 * @category running
 */
export const demoPassphrase = "zhili-demo"

const fail = (e: unknown) =>
  new Stored.CliError({
    message: say(
      `演示失败：${e instanceof Error ? e.message.split("\n")[0] : String(e)}`,
      `demo failed: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`
    ),
    fix: say(
      "加 --verbose 再运行一次，并把输出作为 zhili 的缺陷报告提交",
      "run again with --verbose and report the output as a bug in zhili"
    )
  })

/** The collections of the compound's structure the demo stores. */
const structure = [
  "units",
  "posts",
  "holdings",
  "partnerships",
  "grids",
  "workers",
  "buildings",
  "households",
  "residents",
  "visits",
  "memberships",
  "registrations",
  "cases",
  "mediations",
  "services",
  "teams",
  "activities"
] as const
type Structure = (typeof structure)[number]

/** The Chinese name of each collection the demo stores. */
const collectionZh: Readonly<Record<Structure, string>> = {
  units: "党组织",
  posts: "岗位",
  holdings: "任职",
  partnerships: "共建结对",
  grids: "网格",
  workers: "网格员",
  buildings: "楼栋",
  households: "户",
  residents: "居民",
  visits: "走访",
  memberships: "党员组织关系",
  registrations: "双报到",
  cases: "诉求",
  mediations: "调解",
  services: "服务项目",
  teams: "志愿服务队",
  activities: "服务活动"
}

/** The compound with its year of activity. */
type Compound = JinxiuHuajing.Compound &
  Pick<SeedReports.CompoundRecords, "cases" | "mediations" | "services" | "teams" | "activities">

/** Where each record of the compound is placed, by the domain's `location(...)` of its collection. */
const placeOf = (collection: Structure, c: Compound): ((record: never) => Store.Location) => {
  const tenantOnly = (r: { readonly tenant: string }): Store.Location => ({ division: r.tenant })
  const buildings = new Map(c.buildings.map((b) => [b.id as string, b]))
  const households = new Map(c.households.map((h) => [h.id as string, h]))
  const places: { readonly [K in Structure]: (r: Stored.Records[K][number]) => Store.Location } = {
    units: (u) => OrgUnit.location(u, c.units),
    posts: (p) => Post.location(p, c.units, c.grids),
    holdings: tenantOnly,
    partnerships: tenantOnly,
    grids: (g) => Grid.location(g, c.grids),
    workers: (w) => GridWorker.location(w, c.grids),
    buildings: (b) => Building.location(b, c.grids),
    households: (h) => Household.location(h, buildings, c.grids),
    residents: (r) => Resident.location(r, households, buildings, c.grids),
    visits: (v) => Visit.location(v, c.households, c.buildings, c.grids),
    memberships: (m) => Membership.location(m, c.units),
    registrations: tenantOnly,
    cases: (k) => Case.scopeLocation(k),
    mediations: tenantOnly,
    services: (s) => Service.location(s),
    teams: (t) => VolunteerTeam.location(t),
    activities: (a) => Activity.location(a)
  }
  return places[collection] as (record: never) => Store.Location
}

/**
 * Runs the demo into a folder (created when missing; its database is replaced).
 *
 * @since 0.1.0
 * @category running
 */
export const run = (out: string): Effect.Effect<Result, Stored.CliError> =>
  Effect.gen(function* () {
    const dir = path.resolve(out)
    const database = path.join(dir, "zhili-demo.db")
    yield* Effect.tryPromise({
      try: async () => {
        await fs.mkdir(dir, { recursive: true })
        for (const suffix of ["", "-wal", "-shm"]) await fs.rm(database + suffix, { force: true })
      },
      catch: (e) =>
        new Stored.CliError({
          message: say(
            `无法准备文件夹 ${dir}：${e instanceof Error ? e.message : String(e)}`,
            `cannot prepare ${dir}: ${e instanceof Error ? e.message : String(e)}`
          ),
          fix: say("用 --out 指定一个可写的文件夹", "choose a writable folder with --out")
        })
    })
    // the compound and its year: cases, mediations, services, volunteer teams and their activities
    const year = SeedReports.compoundRecords()
    const compound: Compound = {
      ...JinxiuHuajing.make(),
      cases: year.cases,
      mediations: year.mediations,
      services: year.services,
      teams: year.teams,
      activities: year.activities
    }
    const fromEnv = Stored.keysFromEnv()
    const keys = fromEnv ?? KeyProvider.layerPassphrase({ passphrase: Redacted.make(demoPassphrase), salt: "zhili" })
    const summary: Array<string> = [
      fromEnv === undefined
        ? say(
            `静态加密：AES-256-GCM，密钥 p1 来自演示口令（再次读取时设 ZHILI_PASSPHRASE=${demoPassphrase}）`,
            `encryption at rest: AES-256-GCM, key p1 from the demo passphrase (read it again with ZHILI_PASSPHRASE=${demoPassphrase})`
          )
        : say(
            "静态加密：AES-256-GCM，密钥 p1 来自 ZHILI_PASSPHRASE",
            "encryption at rest: AES-256-GCM, key p1 from ZHILI_PASSPHRASE"
          )
    ]
    const records = yield* Effect.gen(function* () {
      const loaded: Record<string, ReadonlyArray<unknown>> = {}
      for (const collection of structure) {
        const name = Stored.names[collection]
        const items: ReadonlyArray<unknown> = compound[collection]
        const aggregate = Stored.find(name)
        if (aggregate === undefined) {
          loaded[collection] = items
          summary.push(
            say(
              `${collectionZh[collection]}：${items.length}（来自样例数据；“${name}”尚不能存储）`,
              `${collection}: ${items.length} (from the fixture; "${name}" is not stored yet)`
            )
          )
          continue
        }
        const repo = yield* Store.repository(aggregate)
        const encode = Schema.encodeSync(aggregate.schema as Schema.Schema<unknown, unknown>)
        const place = placeOf(collection, compound)
        const result = yield* repo.import(
          Stream.fromIterable(items.map((i) => encode(Store.stored(i, place(i as never))))),
          { scope: Store.everything, policy: "abort" }
        )
        const back = yield* Stored.listAll<unknown>(name, "")
        loaded[collection] = back
        summary.push(
          say(
            `${collectionZh[collection]}：存储 ${result.written} 条，读回 ${back.length} 条`,
            `${collection}: ${result.written} stored, ${back.length} read back`
          )
        )
      }
      return loaded
    }).pipe(Effect.provide(Stored.layer(database, keys)), Effect.mapError(fail))
    // The stored structure is read back above; the report is the seed compound's full year (visits, cases,
    // services, mediation, grids, organisation) from SeedReports, computed from the same fixtures.
    void records
    const document = SeedReports.compound()
    const files = yield* Reporter.renderAll(document, [Html.reporter, Markdown.reporter]).pipe(Effect.mapError(fail))
    const written = yield* Effect.tryPromise({
      try: () =>
        Promise.all(
          files.map(async (f) => {
            const file = path.join(dir, f.name)
            await fs.writeFile(file, f.bytes)
            return file
          })
        ),
      catch: fail
    })
    const html = written.find((f) => f.endsWith(".html")) ?? ""
    const markdown = written.find((f) => f.endsWith(".md")) ?? ""
    return { database, html, markdown, summary }
  })
