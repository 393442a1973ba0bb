/**
 * The `zhili` command (治理命令行): `init`, `import`, `report`, `check` and `demo`, built with `@effect/cli`.
 * {@link exec} runs it on an argument list and returns the exit code: 0 on success, 1 on a failure (printed as one
 * line and a fix; the full cause only with `--verbose`) or when `check` finds errors.
 *
 * @since 0.1.0
 */
import * as fs from "node:fs/promises"
import * as path from "node:path"
import { Args, Command, Options, ValidationError } from "@effect/cli"
import type { NodeContext } from "@effect/platform-node"
import {
  Decode,
  FacilityStandard,
  Finding,
  type Fund,
  Grid,
  LocalDate,
  OrgUnit,
  Post,
  Reporter,
  Space,
  Store
} from "@zhili/core"
import { Cause, Chunk, Console, DateTime, Effect, Either, Option, Stream } from "effect"
import * as Columns from "./Columns.js"
import * as Files from "./Files.js"
import type * as Reports from "./Reports.js"
import * as Stored from "./Stored.js"
import * as Text from "./Text.js"
import { say } from "./Text.js"
import { version as packageVersion } from "./version.js"

// `report` and `demo` load their modules (with @zhili/report, ECharts, ExcelJS and the demo's fixture) when they run,
// so the other commands start without compiling them.
const loadReports = Effect.promise(() => import("./Reports.js"))
const loadDemo = Effect.promise(() => import("./Demo.js"))

/** The facility standard when none is given (the same as {@link Reports.defaultStandard}). */
const defaultStandard: FacilityStandard.FacilityStandard = FacilityStandard.exampleStandard

/**
 * The CLI's version: the version of the `@zhili/cli` package.
 *
 * @since 0.1.0
 * @category constants
 */
export const version: string = packageVersion

/** The English help of a command's option (from {@link Text.commands}, which the `--help` pages show). */
const helpOf = (command: string, option: string): string =>
  Text.commands.find((c) => c.name === command)?.options.find((o) => o.name === option)?.help.en ?? option

/** The English description of a command (from {@link Text.commands}). */
const descriptionOf = (command: string): string =>
  Text.commands.find((c) => c.name === command)?.description.en ?? command

const dbArg = Args.text({ name: "db" }).pipe(
  Args.withDescription("the SQLite database file (created when missing), e.g. zhili.db")
)
const optionalDb = Args.optional(dbArg)
const urlOption = (command: string) =>
  Options.text("url").pipe(Options.withDescription(helpOf(command, "url")), Options.optional)

const standardOption = (command: string) =>
  Options.text("standard").pipe(Options.withDescription(helpOf(command, "standard")), Options.optional)

const standardFix = (): string =>
  say(
    "给出一个 UTF-8 编码的 JSON 文件，内含一个 FacilityStandard（id、name、source、aspects）",
    "give a JSON file (UTF-8) holding one FacilityStandard (id, name, source, aspects)"
  )

/**
 * The facility standard of `--standard` (a JSON file, UTF-8), or the example standard. Bytes that are not UTF-8 are
 * refused with their line and column (never read as U+FFFD); a value nested too deeply to decode is a decode issue
 * at its path, like any other.
 */
const readStandard = (file: Option.Option<string>): Effect.Effect<FacilityStandard.FacilityStandard, Stored.CliError> =>
  Option.match(file, {
    onNone: () => Effect.succeed(defaultStandard),
    onSome: (f) =>
      Effect.tryPromise({
        try: () => fs.readFile(f),
        catch: (e) =>
          new Stored.CliError({
            message: say(
              `无法读取标准 ${f}：${e instanceof Error ? e.message.split("\n")[0] : String(e)}`,
              `cannot read the standard ${f}: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`
            ),
            fix: standardFix()
          })
      }).pipe(
        Effect.flatMap((bytes) => {
          const text = Files.utf8Text(bytes)
          if (typeof text !== "string")
            return Effect.fail(
              new Stored.CliError({
                message: say(
                  `${f}：第 ${text.line} 行第 ${text.column} 列：该处字节不是 UTF-8 文本`,
                  `${f}: line ${text.line}, column ${text.column}: the bytes there are not UTF-8 text`
                ),
                fix: standardFix()
              })
            )
          return Effect.try({
            try: () => JSON.parse(text) as unknown,
            catch: (e) =>
              new Stored.CliError({
                message: say(
                  `${f} 不是 JSON：${e instanceof Error ? e.message.split("\n")[0] : String(e)}`,
                  `${f} is not JSON: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`
                ),
                fix: standardFix()
              })
          })
        }),
        Effect.flatMap((json) =>
          Either.match(Decode.decodeEither(FacilityStandard.FacilityStandard, "facility standard")(json), {
            onLeft: (e) =>
              Effect.fail(
                new Stored.CliError({
                  message: say(
                    `${f} 不是阵地功能标准：${e.message.split("\n")[0]}`,
                    `${f} is not a facility standard: ${e.message.split("\n")[0]}`
                  ),
                  fix: standardFix()
                })
              ),
            onRight: Effect.succeed
          })
        )
      )
  })

/**
 * Runs `f` on the store a command names. With `existing`, a SQLite file that does not exist is refused (a report or
 * a check reads a database; it must not create an empty one).
 */
const withStore = <A, E, R>(
  db: Option.Option<string>,
  url: Option.Option<string>,
  f: (target: string) => Effect.Effect<A, E, R | Store.Store>,
  existing = false
): Effect.Effect<A, E | Stored.CliError, Exclude<R, Store.Store>> =>
  Effect.gen(function* () {
    const target = yield* Stored.target(Option.getOrUndefined(db), Option.getOrUndefined(url))
    if (existing && !Stored.isServer(target)) {
      const file = yield* Effect.promise(() =>
        fs.stat(target).then(
          (s) => (s.isFile() ? "file" : "other"),
          () => "missing"
        )
      )
      if (file !== "file")
        return yield* new Stored.CliError({
          message:
            file === "missing"
              ? say(`数据库文件 ${target} 不存在`, `the database file ${target} does not exist`)
              : say(`${target} 不是数据库文件`, `${target} is not a database file`),
          fix: say(
            `检查路径，或先用 zhili init ${target} 创建数据库并导入数据`,
            `check the path, or create the database first with zhili init ${target} and import into it`
          )
        })
    }
    if (!Stored.isServer(target)) {
      const dir = path.dirname(path.resolve(target))
      const exists = yield* Effect.promise(() =>
        fs.stat(dir).then(
          (s) => s.isDirectory(),
          () => false
        )
      )
      if (!exists)
        return yield* new Stored.CliError({
          message: say(`文件夹 ${dir} 不存在`, `folder ${dir} does not exist`),
          fix: say(
            "先创建该文件夹，或在已有的文件夹中指定数据库文件",
            "create the folder first or name a database file in an existing folder"
          )
        })
    }
    return yield* f(target).pipe(
      Effect.provide(Stored.layer(target)),
      Effect.catchIf(
        (e): e is (Store.StoreError | Store.StoreBusy) & E => {
          const tag = (e as { _tag?: string })._tag
          return tag === "StoreError" || tag === "StoreBusy"
        },
        (e) =>
          Effect.fail(
            e._tag === "StoreBusy"
              ? new Stored.CliError({
                  message: say(
                    `数据库 ${Stored.shown(target)}：${e.message}`,
                    `database ${Stored.shown(target)}: ${e.message}`
                  ),
                  fix: say(
                    "另一个程序正在写入该数据库：等它完成后再运行本命令",
                    "another program is writing to the database: run the command again when it has finished"
                  )
                })
              : Stored.storeFailure(target, e)
          )
      )
    ) as Effect.Effect<A, E | Stored.CliError, Exclude<R, Store.Store>>
  })

/**
 * `zhili init <db>`: creates the database and migrates every registered aggregate.
 *
 * @since 0.1.0
 * @category commands
 */
export const init = Command.make("init", { db: optionalDb, url: urlOption("init") }, ({ db, url }) =>
  withStore(db, url, (target) =>
    Effect.gen(function* () {
      const store = yield* Store.Store
      yield* store.migrate
      yield* Console.log(say(`数据库已就绪：${Stored.shown(target)}`, `database ready: ${Stored.shown(target)}`))
    })
  )
).pipe(Command.withDescription(descriptionOf("init")))

const kindOption = Options.choice("kind", ["household", "resident", "building", "grid"]).pipe(
  Options.withDescription(helpOf("import", "kind")),
  Options.optional
)

/**
 * Rows per transaction of an import: by default 2,000 into a SQLite file and 10,000 into a server. Importing the
 * generated city's 1.6 M households into SQLite (whose batches a writer thread commits while the next one is
 * decoded, so two are alive) took 16.4–17.0 s at a peak RSS of 298–301 MB with 2,000-row batches against 17.9 s and
 * 336 MB with 5,000, and 17.5–18.2 s and 290 MB with 1,000; on PostgreSQL (COPY, one round trip per batch) larger
 * batches measured better: 10,000 took 22.0–22.4 s at 256 MB against 22.8–23.0 s at 243–246 MB with 5,000, and
 * 5,000 had taken 25.7 CPU seconds against 26.5 with 2,000 and 31 with 500.
 */
const batchSizeOption = Options.integer("batch-size").pipe(
  Options.withDescription(helpOf("import", "batch-size")),
  Options.optional
)

/** The Chinese name of each kind of import file. */
const kindZh: Readonly<Record<Columns.Kind, string>> = {
  household: "户",
  resident: "居民",
  building: "楼栋",
  grid: "网格"
}

const oneColumnFix = (): string =>
  say(
    "每个字段只保留一列：删除另一列或改名，再重新导入",
    "keep one column per field: delete or rename the other column, then import again"
  )

/** The default batch size for a database target (a SQLite file or a server URL). */
const defaultBatchSize = (target: string): number => (Stored.isServer(target) ? 10_000 : 2000)

/**
 * Between batches of an import, a full garbage collection when the host exposes one (`globalThis.gc`; the `zhili`
 * binary does) and the heap has grown `stepMb` past what the last collection left. A long import allocates steadily
 * and V8 lets the heap grow towards its limit (gigabytes) before collecting; collecting here keeps memory flat. The
 * step must stay well above the young generation (up to 32 MB), or nearly every batch pays for a full collection.
 * Measured with 5,000-row batches: importing 1.6 M households into SQLite peaks at 267 MB with a 48 MB step and at
 * 471 MB (still rising) without collecting, for 2–4 % more CPU; a 32 MB step saved 35 MB more than 64 MB for another
 * 5 % of CPU. Since the import no longer reads every stored building first, the same households import (1.6 M, the
 * SQLite writer thread, 2,000-row batches) took 20.6–20.8 s at 248–250 MB with a 48 MB step against 19.6 s at 276 MB
 * with 80 MB; into PostgreSQL (10,000-row batches) 21.7–22.0 s at 228–231 MB with 48 MB against 20.7–21.0 s at
 * 273–275 MB with 96 MB ({@link collectionStepMb}).
 */
const collector = (stepMb: number): (() => void) => {
  const gc = (globalThis as { readonly gc?: () => void }).gc
  if (typeof gc !== "function") return () => {}
  const step = stepMb * 2 ** 20
  let limit = process.memoryUsage().heapUsed + step
  return () => {
    if (process.memoryUsage().heapUsed < limit) return
    gc()
    limit = process.memoryUsage().heapUsed + step
  }
}

/**
 * The heap growth (MB) between two forced collections of an import: 80 into a SQLite file (whose writer thread holds
 * its own memory) and 96 into a server, the largest steps measured to keep the peak RSS under 300 MB ({@link
 * collector}).
 */
const collectionStepMb = (target: string): number => (Stored.isServer(target) ? 96 : 80)

const bar = (share: number): string => {
  const width = 30
  const filled = Math.round(share * width)
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${Math.floor(share * 100)}%`
}

/**
 * A rejected row as the import lists it: its spreadsheet row number (row 1 is the header) and each issue's column
 * path (from the stored envelope's `value`) and message. Decode messages never repeat the cell (kernel
 * `Decode.issuesOf`), so personal data is not echoed.
 */
const rejectedLine = (r: Store.RowRejected): string => {
  const reason = r.issues.map((i) => {
    const path = i.path[0] === "value" ? i.path.slice(1) : i.path
    return path.length === 0 ? i.message : `${path.join(".")}: ${i.message}`
  })
  return say(`第 ${r.row + 1} 行：${reason.join("；")}`, `row ${r.row + 1}: ${reason.join("; ")}`)
}

/**
 * `zhili import <db> <file>`: imports households, residents, buildings or grids from CSV or XLSX.
 *
 * @since 0.1.0
 * @category commands
 */
export const importCommand = Command.make(
  "import",
  {
    // `[<db>] <file>`: the database file is left out with --url
    paths: Args.text({ name: "path" }).pipe(
      Args.withDescription("the SQLite database file (left out with --url) and a .csv or .xlsx file; see docs/cli.md"),
      Args.between(1, 2)
    ),
    kind: kindOption,
    url: urlOption("import"),
    batchSize: batchSizeOption
  },
  ({ paths, kind, url, batchSize: batchSizeGiven }) =>
    Effect.gen(function* () {
      const [first, second] = paths
      const file = second ?? first
      const db = second === undefined ? Option.none<string>() : Option.some(first)
      if (Option.isNone(db) && Option.isNone(url))
        return yield* new Stored.CliError({
          message: say(`没有指定要导入 ${file} 的数据库`, `no database given to import ${file} into`),
          fix: say(
            `写 zhili import zhili.db ${file}，或 zhili import --url postgres://… ${file}`,
            `write zhili import zhili.db ${file}, or zhili import --url postgres://… ${file}`
          )
        })
      const given = Option.getOrUndefined(batchSizeGiven)
      if (given !== undefined && given < 1)
        return yield* new Stored.CliError({
          message: say(`--batch-size ${given} 不是行数`, `--batch-size ${given} is not a number of rows`),
          fix: say(
            "给出至少为 1 的整数，如 --batch-size 5000",
            "give a whole number of at least 1, e.g. --batch-size 5000"
          )
        })
      const batchSize = given ?? defaultBatchSize(Option.getOrUndefined(url) ?? Option.getOrElse(db, () => ""))
      const source = yield* Files.open(file)
      const twice = Columns.duplicate(source.headers)
      if (twice !== undefined)
        return yield* new Stored.CliError({
          message: `${file}${say("：", ": ")}${twice.message}`,
          fix: oneColumnFix()
        })
      const chosen = Option.getOrUndefined(kind) ?? Columns.detect(source.headers)
      if (chosen === undefined)
        return yield* new Stored.CliError({
          message: say(
            `${file}：表头（${source.headers.map(Columns.shownHeader).join("、")}）不符合任何导入格式`,
            `${file}: the headers (${source.headers.map(Columns.shownHeader).join(", ")}) match no import layout`
          ),
          fix: say(
            "使用 docs/cli.md 列出的表头，或加 --kind household|resident|building|grid",
            "use the headers listed in docs/cli.md, or pass --kind household|resident|building|grid"
          )
        })
      const lacking = Columns.missing(chosen, source.headers)
      if (lacking.length > 0)
        return yield* new Stored.CliError({
          message: say(
            `${file}：缺少${kindZh[chosen]}的列：${lacking.join("、")}`,
            `${file}: ${chosen} columns missing: ${lacking.join(", ")}`
          ),
          fix: say(
            "按 docs/cli.md 添加这些列（中文或英文表头均可）",
            "add these columns (English or Chinese header) as listed in docs/cli.md"
          )
        })
      const aggregate = Stored.find(chosen)
      if (aggregate === undefined)
        return yield* new Stored.CliError({
          message: say(
            `此版本的 @zhili/core 还不能存储${kindZh[chosen]}记录（Aggregates.all 中没有“${chosen}”）`,
            `this build of @zhili/core does not store ${chosen} records yet (no "${chosen}" in Aggregates.all)`
          ),
          fix: say(
            "把 @zhili/core 和 @zhili/cli 升级到登记了它的版本",
            "upgrade @zhili/core and @zhili/cli to a version that registers it"
          )
        })
      const toRaw = yield* Either.match(Columns.reader(chosen, source.headers), {
        onLeft: (e) =>
          Effect.fail(
            new Stored.CliError({
              message: `${file}${say("：", ": ")}${e.message}`,
              fix: oneColumnFix()
            })
          ),
        onRight: Effect.succeed
      })
      const tty = process.stderr.isTTY === true
      let shown = 0
      let shownAll = false
      const collect = collector(collectionStepMb(Option.getOrUndefined(url) ?? Option.getOrElse(db, () => "")))
      const progress = (p: Store.Progress) =>
        Effect.sync(() => {
          collect()
          const now = Date.now()
          const share = source.progress()
          // every batch on a terminal; in a log file at most one line a second, and one when the whole file is read
          // (a grid file is read whole before its first batch: its other batches are not each announced)
          const all = share >= 1 && !shownAll
          if (!tty && now - shown < 1000 && !all) return
          shown = now
          if (share >= 1) shownAll = true
          if (tty)
            process.stderr.write(
              `\r${bar(share)} ${say(`${p.rows} 行（拒绝 ${p.rejected} 行）`, `${p.rows} rows (${p.rejected} rejected)`)}`
            )
          else
            process.stderr.write(
              say(
                `已导入 ${p.rows} 行（拒绝 ${p.rejected} 行），已读文件的 ${Math.floor(share * 100)}%\n`,
                `imported ${p.rows} rows (${p.rejected} rejected), ${Math.floor(share * 100)}% of the file\n`
              )
            )
        })
      // bad rows are listed as they are found (none is kept: a file with many bad rows imports in flat memory)
      const onRejected = (r: Store.RowRejected) =>
        Effect.zipRight(
          Effect.sync(() => {
            if (tty) process.stderr.write("\r\x1b[2K")
          }),
          Console.log(rejectedLine(r))
        )
      const report = yield* withStore(db, url, () =>
        Effect.gen(function* () {
          const repo = yield* Store.repository(aggregate)
          const raws = source.rows.pipe(Stream.map(toRaw))
          if (chosen === "grid") {
            // a grid file may hold a whole grid tree: its rows are placed together (grid files are small)
            const grids = Chunk.toReadonlyArray(yield* Stream.runCollect(raws))
            const placer = yield* Stored.placer(chosen, grids)
            return yield* repo.import(placer.place(Stream.fromIterable(grids)), {
              scope: Store.everything,
              policy: "skip",
              precheck: placer.precheck,
              batchSize,
              onProgress: progress,
              onRejected
            })
          }
          const placer = yield* Stored.placer(chosen, [])
          return yield* repo.import(placer.place(raws), {
            scope: Store.everything,
            policy: "skip",
            precheck: placer.precheck,
            batchSize,
            onProgress: progress,
            onRejected
          })
        })
      )
      if (tty) process.stderr.write("\n")
      if (source.encoding() === "gb18030")
        yield* Console.log(say(`${file}：按 GB18030（GBK）文本读取`, `${file}: read as GB18030 (GBK) text`))
      yield* Console.log(
        say(
          `${file}：写入${kindZh[chosen]}记录 ${report.written} 条，拒绝 ${report.rejectedRows} 行，共读 ${report.rows} 行`,
          `${file}: ${report.written} ${chosen} records written, ${report.rejectedRows} rows rejected, ${report.rows} rows read`
        )
      )
    }).pipe(Effect.scoped)
).pipe(Command.withDescription(descriptionOf("import")))

const today = (): LocalDate.LocalDate => LocalDate.fromDateTime(DateTime.unsafeNow())

/**
 * `zhili report <db> --period --scope --format --out`.
 *
 * @since 0.1.0
 * @category commands
 */
export const report = Command.make(
  "report",
  {
    db: optionalDb,
    url: urlOption("report"),
    period: Options.text("period").pipe(
      Options.withDescription(helpOf("report", "period")),
      Options.withDefault(String(new Date().getFullYear() - 1))
    ),
    scope: Options.text("scope").pipe(Options.withDescription(helpOf("report", "scope")), Options.withDefault("")),
    format: Options.choice("format", ["md", "html", "csv", "xlsx", "json"]).pipe(
      Options.withDescription(helpOf("report", "format")),
      Options.withDefault("html" as const)
    ),
    out: Options.text("out").pipe(Options.withDescription(helpOf("report", "out")), Options.optional),
    standard: standardOption("report")
  },
  ({ db, url, period, scope, format, out, standard }) =>
    Effect.gen(function* () {
      const Reports = yield* loadReports
      const p = Reports.period(period)
      if (p === undefined)
        return yield* new Stored.CliError({
          message: say(`--period ${period} 不是年份或日期范围`, `--period ${period} is not a year or a date range`),
          fix: say(
            "写 --period 2025 或 --period 2025-01-01..2025-06-30",
            "write --period 2025 or --period 2025-01-01..2025-06-30"
          )
        })
      if (!/^\d*$/.test(scope))
        return yield* new Stored.CliError({
          message: say(`--scope ${scope} 不是区划代码`, `--scope ${scope} is not a division code`),
          fix: say("只写数字，如 --scope 440881002001", "give digits only, e.g. --scope 440881002001")
        })
      const facilities = yield* readStandard(standard)
      const input = yield* withStore(
        db,
        url,
        () =>
          Effect.gen(function* () {
            const records = yield* Stored.load(scope)
            const ledgers = new Map<string, ReadonlyArray<Fund.Entry>>()
            for (const f of records.funds) ledgers.set(f.id, yield* Stored.ledger(f))
            const counts = yield* Stored.counts(scope)
            return { ...records, ledgers, counts, standard: facilities }
          }),
        true
      )
      const document = Reports.document({
        title: "社区治理报表",
        period: p,
        scope,
        generatedAt: DateTime.unsafeNow(),
        input
      })
      const files = yield* Reporter.renderAll(document, [Reports.formats[format]]).pipe(
        Effect.mapError(
          (e) =>
            new Stored.CliError({
              message: e.message,
              fix: say("请把这个问题作为 zhili 的缺陷报告提交", "report this as a bug in zhili")
            })
        )
      )
      const target = Option.getOrElse(out, () => (format === "csv" ? "report-csv" : `report.${format}`))
      const written = yield* writeFiles(target, files, format === "csv")
      for (const w of written) yield* Console.log(say(`已写入 ${w}`, `wrote ${w}`))
    })
).pipe(Command.withDescription(descriptionOf("report")))

const writeFiles = (
  target: string,
  files: ReadonlyArray<Reporter.Artifact>,
  folder: boolean
): Effect.Effect<ReadonlyArray<string>, Stored.CliError> =>
  Effect.tryPromise({
    try: async () => {
      if (folder || files.length > 1) {
        await fs.mkdir(target, { recursive: true })
        return Promise.all(
          files.map(async (f) => {
            const file = path.join(target, f.name)
            await fs.writeFile(file, f.bytes)
            return file
          })
        )
      }
      const f = files[0]
      if (f === undefined) return []
      await fs.writeFile(target, f.bytes)
      return [target]
    },
    catch: (e) =>
      new Stored.CliError({
        message: say(
          `无法写入 ${target}：${e instanceof Error ? e.message : String(e)}`,
          `cannot write ${target}: ${e instanceof Error ? e.message : String(e)}`
        ),
        fix: say("检查文件夹是否存在且可写", "check that the folder exists and is writable")
      })
  })

/**
 * The records the checks read (the organisation, grid and post records, and the spaces when there are any).
 *
 * @since 0.1.0
 * @category checks
 */
export type CheckRecords = Pick<Stored.Records, "units" | "posts" | "holdings" | "grids" | "buildings"> & {
  readonly spaces?: Stored.Records["spaces"] | undefined
}

/**
 * Runs the validation rules over stored records: organisation hierarchy, grid coverage, post coverage, and the
 * facility compliance of every space with a standard (default {@link Reports.defaultStandard}; a finding per
 * missing required function, its path starting at the space).
 *
 * @since 0.1.0
 * @category checks
 */
export const findings = (
  records: CheckRecords,
  on: LocalDate.LocalDate,
  standard: FacilityStandard.FacilityStandard = defaultStandard
): ReadonlyArray<Finding.Finding> => [
  ...OrgUnit.validateHierarchy(records.units),
  ...(records.grids.length > 0 || records.buildings.length > 0
    ? Grid.coverage({ grids: records.grids, buildings: records.buildings })
    : []),
  ...Post.coverage(records.posts, records.holdings, on),
  ...(records.spaces ?? []).flatMap((space) =>
    Space.compliance(space, standard).findings.map(
      (f) => new Finding.Finding({ ...f, path: ["spaces", space.id, ...f.path] })
    )
  )
]

const severityZh: Readonly<Record<Finding.Severity, string>> = { error: "错误", warning: "警告", info: "提示" }

/**
 * `zhili check <db>`.
 *
 * @since 0.1.0
 * @category commands
 */
export const check = Command.make(
  "check",
  {
    db: optionalDb,
    url: urlOption("check"),
    scope: Options.text("scope").pipe(Options.withDescription(helpOf("check", "scope")), Options.withDefault("")),
    on: Options.text("on").pipe(Options.withDescription(helpOf("check", "on")), Options.optional),
    standard: standardOption("check")
  },
  ({ db, url, scope, on, standard }) =>
    Effect.gen(function* () {
      const date = Option.getOrElse(on, () => today())
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
        return yield* new Stored.CliError({
          message: say(`--on ${date} 不是日期`, `--on ${date} is not a date`),
          fix: say("写 --on 2025-12-31", "write --on 2025-12-31")
        })
      const facilities = yield* readStandard(standard)
      const records = yield* withStore(db, url, () => Stored.load(scope), true)
      if (records.spaces.length > 0)
        yield* Console.log(
          say(`阵地对照的标准：${facilities.name}`, `spaces checked against: ${facilities.name} (${facilities.id})`)
        )
      const all = [
        ...(Option.isSome(standard) ? FacilityStandard.validate(facilities) : []),
        ...findings(records, date as LocalDate.LocalDate, facilities)
      ]
      for (const severity of ["error", "warning", "info"] as const) {
        const group = all.filter((f) => f.severity === severity)
        if (group.length === 0) continue
        yield* Console.log(say(`${severityZh[severity]}（${group.length}）：`, `${severity}s (${group.length}):`))
        for (const f of group)
          yield* Console.log(
            say(
              `  ${f.code}，位置 ${Finding.formatPath(f.path)}：${f.message}`,
              `  ${f.code} at ${Finding.formatPath(f.path)}: ${f.message}`
            )
          )
      }
      const errors = all.filter((f) => f.severity === "error").length
      yield* Console.log(
        all.length === 0
          ? say("没有发现问题", "no findings")
          : say(
              `错误 ${errors} 个，警告和提示 ${all.length - errors} 个`,
              `${errors} errors, ${all.length - errors} warnings and notes`
            )
      )
      if (errors > 0)
        yield* Effect.sync(() => {
          exitCode = 1
        })
    })
).pipe(Command.withDescription(descriptionOf("check")))

/**
 * `zhili demo [--out dir]`.
 *
 * @since 0.1.0
 * @category commands
 */
export const demo = Command.make(
  "demo",
  {
    out: Options.text("out").pipe(Options.withDescription(helpOf("demo", "out")), Options.withDefault("zhili-demo"))
  },
  ({ out }) =>
    loadDemo.pipe(
      Effect.flatMap((Demo) => Demo.run(out)),
      Effect.flatMap((r) =>
        Effect.gen(function* () {
          yield* Console.log(say(`数据库：${r.database}`, `database: ${r.database}`))
          for (const line of r.summary) yield* Console.log(line)
          yield* Console.log(say(`HTML 报表：${r.html}`, `HTML report: ${r.html}`))
          yield* Console.log(say(`Markdown 报表：${r.markdown}`, `Markdown report: ${r.markdown}`))
        })
      )
    )
).pipe(Command.withDescription(descriptionOf("demo")))

/**
 * The root command.
 *
 * @since 0.1.0
 * @category commands
 */
export const zhili = Command.make("zhili").pipe(
  Command.withDescription("zhili (治理): grassroots community governance — databases, imports, checks and reports"),
  Command.withSubcommands([init, importCommand, report, check, demo])
)

let exitCode = 0

const cli = Command.run(zhili, { name: "zhili", version })

/** ANSI colour and style codes, which @effect/cli's own messages carry. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the escape character starts every ANSI code
const ansi = /\x1b\[[0-9;]*m/g

/** Whether the process's standard output is a terminal (colour codes are kept only then). */
const onTerminal = (): boolean => process.stdout.isTTY === true && process.env.NO_COLOR === undefined

/** The console `Console.log` and `Console.error` write to, without colour codes (for a file, a pipe or a test). */
const plain = (console: Console.Console): Console.Console => {
  const strip = (args: ReadonlyArray<unknown>) => args.map((a) => (typeof a === "string" ? a.replace(ansi, "") : a))
  return {
    ...console,
    log: (...args) => console.log(...strip(args)),
    error: (...args) => console.error(...strip(args)),
    info: (...args) => console.info(...strip(args)),
    warn: (...args) => console.warn(...strip(args))
  }
}

/**
 * Runs the command on the arguments after the program name (`["init", "zhili.db"]`) and returns the exit code: 0
 * on success, 1 on a failure or when `check` finds errors. It speaks Chinese unless `--lang en`, `ZHILI_LANG=en` or
 * a locale of another language asks for English ({@link Text.languageOf}). `--help` (or no arguments) and
 * `<command> --help` print the help of {@link Text.commands}; an unknown command or option is refused with the
 * closest known one. `--verbose` anywhere prints the full cause of a failure. Output carries no colour codes unless
 * standard output is a terminal.
 *
 * @since 0.1.0
 * @category running
 */
export const exec = (argv: ReadonlyArray<string>): Effect.Effect<number, never, NodeContext.NodeContext> => {
  const verbose = argv.includes("--verbose")
  const run = Effect.suspend(() => {
    Text.setLang(Text.languageOf(argv))
    const request = Text.read(argv)
    switch (request._tag) {
      case "RootHelp":
        return Effect.as(Console.log(Text.rootHelp(version)), 0)
      case "CommandHelp":
        return Effect.as(Console.log(Text.commandHelp(request.command)), 0)
      case "Version":
        return Effect.as(Console.log(version), 0)
      case "Problem":
        return Effect.as(
          Effect.zipRight(
            Console.error(`${say("错误：", "error: ")}${request.message}`),
            Console.error(`${say("解决：", "fix: ")}${request.fix}`)
          ),
          1
        )
      case "Run":
        return execCommand([request.command.name, ...request.args], verbose)
    }
  })
  return Console.consoleWith((console) => (onTerminal() ? run : run.pipe(Effect.withConsole(plain(console)))))
}

const execCommand = (
  args: ReadonlyArray<string>,
  verbose: boolean
): Effect.Effect<number, never, NodeContext.NodeContext> =>
  Effect.suspend(() => {
    exitCode = 0
    return cli(["node", "zhili", ...args])
  }).pipe(
    Effect.as(0),
    Effect.map(() => exitCode),
    Effect.catchAllCause((cause) =>
      Effect.gen(function* () {
        const failure = Cause.failureOption(cause)
        if (Option.isSome(failure) && ValidationError.isValidationError(failure.value)) {
          // @effect/cli has printed the problem already
          yield* Console.error(
            say(`用 zhili ${args[0]} --help 查看用法`, `see zhili ${args[0]} --help for how to use it`)
          )
          return 1
        }
        if (Option.isSome(failure) && typeof failure.value === "object" && failure.value !== null) {
          const e = failure.value as { readonly message?: string; readonly fix?: string }
          yield* Console.error(`${say("错误：", "error: ")}${e.message ?? String(e)}`)
          if (e.fix !== undefined) yield* Console.error(`${say("解决：", "fix: ")}${e.fix}`)
        } else {
          const first = Cause.pretty(cause).split("\n")[0] ?? "unexpected failure"
          yield* Console.error(`${say("错误：", "error: ")}${first}`)
          yield* Console.error(
            say(
              "解决：加 --verbose 再运行一次，并把输出作为 zhili 的缺陷报告提交",
              "fix: run again with --verbose and report the output as a bug in zhili"
            )
          )
        }
        if (verbose) yield* Console.error(Cause.pretty(cause))
        return 1
      })
    )
  )
