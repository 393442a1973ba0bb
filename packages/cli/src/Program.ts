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

// `report` and `demo` load their modules (with @zhili/report, ECharts, ExcelJS and the demo's fixture) when they run,
// so the other commands start without compiling them.
const loadReports = Effect.promise(() => import("./Reports.js"))
const loadDemo = Effect.promise(() => import("./Demo.js"))

/** The facility standard when none is given (the same as {@link Reports.defaultStandard}). */
const defaultStandard: FacilityStandard.FacilityStandard = FacilityStandard.exampleStandard

/**
 * The CLI's version.
 *
 * @since 0.1.0
 * @category constants
 */
export const version = "0.1.0"

const dbArg = Args.text({ name: "db" }).pipe(
  Args.withDescription("the SQLite database file (created when missing), e.g. zhili.db")
)
const optionalDb = Args.optional(dbArg)
const urlOption = Options.text("url").pipe(
  Options.withDescription("a PostgreSQL or MySQL/MariaDB server instead of a file: postgres://… or mysql://…"),
  Options.optional
)

const standardOption = Options.text("standard").pipe(
  Options.withDescription(
    "a facility standard as JSON (FacilityStandard) that spaces are checked against; an EXAMPLE standard when omitted"
  ),
  Options.optional
)

const standardFix = "give a JSON file (UTF-8) holding one FacilityStandard (id, name, source, aspects)"

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
            message: `cannot read the standard ${f}: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`,
            fix: standardFix
          })
      }).pipe(
        Effect.flatMap((bytes) => {
          const text = Files.utf8Text(bytes)
          if (typeof text !== "string")
            return Effect.fail(
              new Stored.CliError({
                message: `${f}: line ${text.line}, column ${text.column}: the bytes there are not UTF-8 text`,
                fix: standardFix
              })
            )
          return Effect.try({
            try: () => JSON.parse(text) as unknown,
            catch: (e) =>
              new Stored.CliError({
                message: `${f} is not JSON: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`,
                fix: standardFix
              })
          })
        }),
        Effect.flatMap((json) =>
          Either.match(Decode.decodeEither(FacilityStandard.FacilityStandard, "facility standard")(json), {
            onLeft: (e) =>
              Effect.fail(
                new Stored.CliError({
                  message: `${f} is not a facility standard: ${e.message.split("\n")[0]}`,
                  fix: standardFix
                })
              ),
            onRight: Effect.succeed
          })
        )
      )
  })

const withStore = <A, E, R>(
  db: Option.Option<string>,
  url: Option.Option<string>,
  f: (target: string) => Effect.Effect<A, E, R | Store.Store>
): Effect.Effect<A, E | Stored.CliError, Exclude<R, Store.Store>> =>
  Effect.gen(function* () {
    const target = yield* Stored.target(Option.getOrUndefined(db), Option.getOrUndefined(url))
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
          message: `folder ${dir} does not exist`,
          fix: "create the folder first or name a database file in an existing folder"
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
                  message: `database ${target}: ${e.message}`,
                  fix: "another program is writing to the database: run the command again when it has finished"
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
export const init = Command.make("init", { db: optionalDb, url: urlOption }, ({ db, url }) =>
  withStore(db, url, (target) =>
    Effect.gen(function* () {
      const store = yield* Store.Store
      yield* store.migrate
      yield* Console.log(`database ready: ${target}`)
    })
  )
).pipe(
  Command.withDescription(
    "Create a database (a SQLite file, or a server with --url) and create or update its tables. Safe to run again."
  )
)

const kindOption = Options.choice("kind", ["household", "resident", "building", "grid"]).pipe(
  Options.withDescription("what the file holds (detected from its headers when omitted)"),
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
  Options.withDescription(
    "rows written per transaction (default 2000 into SQLite, 10000 into a server; the next batch is decoded while one is written)"
  ),
  Options.optional
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
  return `row ${r.row + 1}: ${reason.join("; ")}`
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
    db: dbArg,
    file: Args.text({ name: "file" }).pipe(Args.withDescription("a .csv (UTF-8) or .xlsx file; see docs/cli.md")),
    kind: kindOption,
    url: urlOption,
    batchSize: batchSizeOption
  },
  ({ db, file, kind, url, batchSize: batchSizeGiven }) =>
    Effect.gen(function* () {
      const given = Option.getOrUndefined(batchSizeGiven)
      if (given !== undefined && given < 1)
        return yield* new Stored.CliError({
          message: `--batch-size ${given} is not a number of rows`,
          fix: "give a whole number of at least 1, e.g. --batch-size 5000"
        })
      const batchSize = given ?? defaultBatchSize(Option.getOrUndefined(url) ?? db)
      const source = yield* Files.open(file)
      const twice = Columns.duplicate(source.headers)
      if (twice !== undefined)
        return yield* new Stored.CliError({
          message: `${file}: ${twice.message}`,
          fix: "keep one column per field: delete or rename the other column, then import again"
        })
      const chosen = Option.getOrUndefined(kind) ?? Columns.detect(source.headers)
      if (chosen === undefined)
        return yield* new Stored.CliError({
          message: `${file}: the headers (${source.headers.map(Columns.shownHeader).join(", ")}) match no import layout`,
          fix: "use the headers listed in docs/cli.md, or pass --kind household|resident|building|grid"
        })
      const lacking = Columns.missing(chosen, source.headers)
      if (lacking.length > 0)
        return yield* new Stored.CliError({
          message: `${file}: ${chosen} columns missing: ${lacking.join(", ")}`,
          fix: "add these columns (English or Chinese header) as listed in docs/cli.md"
        })
      const aggregate = Stored.find(chosen)
      if (aggregate === undefined)
        return yield* new Stored.CliError({
          message: `this build of @zhili/core does not store ${chosen} records yet (no "${chosen}" in Aggregates.all)`,
          fix: "upgrade @zhili/core and @zhili/cli to a version that registers it"
        })
      const toRaw = yield* Either.match(Columns.reader(chosen, source.headers), {
        onLeft: (e) =>
          Effect.fail(
            new Stored.CliError({
              message: `${file}: ${e.message}`,
              fix: "keep one column per field: delete or rename the other column, then import again"
            })
          ),
        onRight: Effect.succeed
      })
      const tty = process.stderr.isTTY === true
      let shown = 0
      let shownAll = false
      const collect = collector(collectionStepMb(Option.getOrUndefined(url) ?? db))
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
          if (tty) process.stderr.write(`\r${bar(share)} ${p.rows} rows (${p.rejected} rejected)`)
          else
            process.stderr.write(
              `imported ${p.rows} rows (${p.rejected} rejected), ${Math.floor(share * 100)}% of the file\n`
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
      const report = yield* withStore(Option.some(db), url, () =>
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
      if (source.encoding() === "gb18030") yield* Console.log(`${file}: read as GB18030 (GBK) text`)
      yield* Console.log(
        `${file}: ${report.written} ${chosen} records written, ${report.rejectedRows} rows rejected, ${report.rows} rows read`
      )
    }).pipe(Effect.scoped)
).pipe(
  Command.withDescription(
    "Import households, residents, buildings or grids from CSV or XLSX (headers in English or Chinese, see docs/cli.md). Re-runnable: records are updated, never duplicated. Bad rows are listed with their row number and reason."
  )
)

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
    db: dbArg,
    url: urlOption,
    period: Options.text("period").pipe(
      Options.withDescription("a year (2025) or a range (2025-01-01..2025-06-30)"),
      Options.withDefault(String(new Date().getFullYear() - 1))
    ),
    scope: Options.text("scope").pipe(
      Options.withDescription("a division code: 440881002001 (a community), 440881002 (its street); all when omitted"),
      Options.withDefault("")
    ),
    format: Options.choice("format", ["md", "html", "csv", "xlsx", "json"]).pipe(
      Options.withDescription("the output format"),
      Options.withDefault("html" as const)
    ),
    out: Options.text("out").pipe(
      Options.withDescription("the file to write (a folder for csv, which writes several files)"),
      Options.optional
    ),
    standard: standardOption
  },
  ({ db, url, period, scope, format, out, standard }) =>
    Effect.gen(function* () {
      const Reports = yield* loadReports
      const p = Reports.period(period)
      if (p === undefined)
        return yield* new Stored.CliError({
          message: `--period ${period} is not a year or a date range`,
          fix: "write --period 2025 or --period 2025-01-01..2025-06-30"
        })
      if (!/^\d*$/.test(scope))
        return yield* new Stored.CliError({
          message: `--scope ${scope} is not a division code`,
          fix: "give digits only, e.g. --scope 440881002001"
        })
      const facilities = yield* readStandard(standard)
      const input = yield* withStore(Option.some(db), url, () =>
        Effect.gen(function* () {
          const records = yield* Stored.load(scope)
          const ledgers = new Map<string, ReadonlyArray<Fund.Entry>>()
          for (const f of records.funds) ledgers.set(f.id, yield* Stored.ledger(f))
          const counts = yield* Stored.counts(scope)
          return { ...records, ledgers, counts, standard: facilities }
        })
      )
      const document = Reports.document({
        title: "社区治理报表",
        period: p,
        scope,
        generatedAt: DateTime.unsafeNow(),
        input
      })
      const files = yield* Reporter.renderAll(document, [Reports.formats[format]]).pipe(
        Effect.mapError((e) => new Stored.CliError({ message: e.message, fix: "report this as a bug in zhili" }))
      )
      const target = Option.getOrElse(out, () => (format === "csv" ? "report-csv" : `report.${format}`))
      const written = yield* writeFiles(target, files, format === "csv")
      for (const w of written) yield* Console.log(`wrote ${w}`)
    })
).pipe(
  Command.withDescription(
    "Write the governance report of a period and a division — organisation, grids and visits, and every other stored part (cases, services, spaces, fund, needs, inspections, ratings, organisational life), with households, residents and visits counted per community and grid — as Markdown, HTML, CSV, XLSX or JSON."
  )
)

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
        message: `cannot write ${target}: ${e instanceof Error ? e.message : String(e)}`,
        fix: "check that the folder exists and is writable"
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

/**
 * `zhili check <db>`.
 *
 * @since 0.1.0
 * @category commands
 */
export const check = Command.make(
  "check",
  {
    db: dbArg,
    url: urlOption,
    scope: Options.text("scope").pipe(
      Options.withDescription("a division code prefix to check (all when omitted)"),
      Options.withDefault("")
    ),
    on: Options.text("on").pipe(
      Options.withDescription("the date posts are checked on, YYYY-MM-DD (today when omitted)"),
      Options.optional
    ),
    standard: standardOption
  },
  ({ db, url, scope, on, standard }) =>
    Effect.gen(function* () {
      const date = Option.getOrElse(on, () => today())
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
        return yield* new Stored.CliError({ message: `--on ${date} is not a date`, fix: "write --on 2025-12-31" })
      const facilities = yield* readStandard(standard)
      const records = yield* withStore(Option.some(db), url, () => Stored.load(scope))
      if (records.spaces.length > 0) yield* Console.log(`spaces checked against: ${facilities.name} (${facilities.id})`)
      const all = [
        ...(Option.isSome(standard) ? FacilityStandard.validate(facilities) : []),
        ...findings(records, date as LocalDate.LocalDate, facilities)
      ]
      for (const severity of ["error", "warning", "info"] as const) {
        const group = all.filter((f) => f.severity === severity)
        if (group.length === 0) continue
        yield* Console.log(`${severity}s (${group.length}):`)
        for (const f of group) yield* Console.log(`  ${f.code} at ${Finding.formatPath(f.path)}: ${f.message}`)
      }
      const errors = all.filter((f) => f.severity === "error").length
      yield* Console.log(
        all.length === 0 ? "no findings" : `${errors} errors, ${all.length - errors} warnings and notes`
      )
      if (errors > 0)
        yield* Effect.sync(() => {
          exitCode = 1
        })
    })
).pipe(
  Command.withDescription(
    "Run the validation rules (organisation hierarchy, grid coverage, posts, facility compliance of spaces) over what is stored and print the findings by severity. Exits 1 when there are errors."
  )
)

/**
 * `zhili demo [--out dir]`.
 *
 * @since 0.1.0
 * @category commands
 */
export const demo = Command.make(
  "demo",
  {
    out: Options.text("out").pipe(
      Options.withDescription("the folder for the database and the reports"),
      Options.withDefault("zhili-demo")
    )
  },
  ({ out }) =>
    loadDemo.pipe(
      Effect.flatMap((Demo) => Demo.run(out)),
      Effect.flatMap((r) =>
        Effect.gen(function* () {
          yield* Console.log(`database: ${r.database}`)
          for (const line of r.summary) yield* Console.log(line)
          yield* Console.log(`HTML report: ${r.html}`)
          yield* Console.log(`Markdown report: ${r.markdown}`)
        })
      )
    )
).pipe(
  Command.withDescription(
    "Build the seed compound 锦绣华景小区 in a fresh SQLite file, run its year of activity and write the HTML and Markdown reports."
  )
)

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

/**
 * Runs the command on the arguments after the program name (`["init", "zhili.db"]`) and returns the exit code.
 * `--verbose` anywhere prints the full cause of a failure.
 *
 * @since 0.1.0
 * @category running
 */
export const exec = (argv: ReadonlyArray<string>): Effect.Effect<number, never, NodeContext.NodeContext> => {
  const verbose = argv.includes("--verbose")
  const args = argv.filter((a) => a !== "--verbose")
  return Effect.suspend(() => {
    exitCode = 0
    return cli(["node", "zhili", ...args])
  }).pipe(
    Effect.as(0),
    Effect.map(() => exitCode),
    Effect.catchAllCause((cause) =>
      Effect.gen(function* () {
        const failure = Cause.failureOption(cause)
        if (Option.isSome(failure) && ValidationError.isValidationError(failure.value)) {
          // @effect/cli has printed the problem and the help already.
          return 1
        }
        if (Option.isSome(failure) && typeof failure.value === "object" && failure.value !== null) {
          const e = failure.value as { readonly message?: string; readonly fix?: string }
          yield* Console.error(`error: ${e.message ?? String(e)}`)
          if (e.fix !== undefined) yield* Console.error(`fix: ${e.fix}`)
        } else {
          const first = Cause.pretty(cause).split("\n")[0] ?? "unexpected failure"
          yield* Console.error(`error: ${first}`)
          yield* Console.error("fix: run again with --verbose and report the output as a bug in zhili")
        }
        if (verbose) yield* Console.error(Cause.pretty(cause))
        return 1
      })
    )
  )
}
