/**
 * What the `zhili` command says (命令行文字): its language (Chinese by default, English on request), the help of every
 * command and option in both languages, and the check of an argument list before it runs — an unknown command or
 * option is refused with the closest known one ("did you mean").
 *
 * @since 0.1.0
 */

/**
 * A language the command speaks: `zh` (中文, the default) or `en`.
 *
 * @since 0.1.0
 * @category language
 */
export type Lang = "zh" | "en"

/**
 * A text in both languages.
 *
 * @since 0.1.0
 * @category language
 */
export interface Bilingual {
  readonly zh: string
  readonly en: string
}

let current: Lang = "zh"

/**
 * The language of the running command (set by `Program.exec` from `--lang` or the locale).
 *
 * @since 0.1.0
 * @category language
 */
export const lang = (): Lang => current

/**
 * Sets the language of the command's messages; `Program.exec` calls it before each run.
 *
 * @since 0.1.0
 * @category language
 */
export const setLang = (value: Lang): void => {
  current = value
}

/**
 * The text in the running command's language: `say("数据库已就绪", "database ready")`.
 *
 * @since 0.1.0
 * @category language
 */
export const say = (zh: string, en: string): string => (current === "zh" ? zh : en)

/**
 * The language an argument list and an environment ask for: `--lang zh|en` (or `--lang=…`) first, then
 * `ZHILI_LANG`, then the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`): a locale of another language than Chinese
 * (`en_US.UTF-8`) gives English. The default — no locale, `C` or `POSIX` — is Chinese, since the people the command
 * serves read Chinese first.
 *
 * @since 0.1.0
 * @category language
 */
export const languageOf = (
  argv: ReadonlyArray<string>,
  env: Readonly<Record<string, string | undefined>> = process.env
): Lang => {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? ""
    const given = a === "--lang" ? argv[i + 1] : a.startsWith("--lang=") ? a.slice("--lang=".length) : undefined
    if (given !== undefined) return /^en/i.test(given) ? "en" : "zh"
  }
  const chosen = env.ZHILI_LANG
  if (chosen !== undefined && chosen !== "") return /^en/i.test(chosen) ? "en" : "zh"
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== "") ?? ""
  if (locale === "" || /^(C|POSIX)([._@]|$)/i.test(locale) || /^zh/i.test(locale)) return "zh"
  return "en"
}

/**
 * An option of a command as its help shows it.
 *
 * @since 0.1.0
 * @category help
 */
export interface OptionHelp {
  /** The option without its dashes: `period`. */
  readonly name: string
  /** What its value looks like (`2025`, `<file>`), none for a flag. */
  readonly value?: Bilingual | undefined
  /** The only values it takes, when there is such a list. */
  readonly choices?: ReadonlyArray<string> | undefined
  readonly help: Bilingual
}

/**
 * A command as its help shows it.
 *
 * @since 0.1.0
 * @category help
 */
export interface CommandHelp {
  readonly name: string
  /** The positional arguments as the usage line shows them: `[<db>]`, `<file>`. */
  readonly args: ReadonlyArray<{ readonly usage: string; readonly help: Bilingual }>
  readonly options: ReadonlyArray<OptionHelp>
  /**
   * How many positional arguments it takes (least, most): on a SQLite file, and with `--url` (the database file is
   * then left out).
   */
  readonly arity: { readonly file: readonly [number, number]; readonly url: readonly [number, number] }
  /** One line for the list of commands. */
  readonly summary: Bilingual
  /** The longer text of the command's own help. */
  readonly description: Bilingual
  readonly examples: ReadonlyArray<string>
}

const urlHelp: OptionHelp = {
  name: "url",
  value: { zh: "<网址>", en: "<url>" },
  help: {
    zh: "改用 PostgreSQL 或 MySQL/MariaDB 服务器而非文件：postgres://… 或 mysql://…（此时不写 <db>）",
    en: "a PostgreSQL or MySQL/MariaDB server instead of a file: postgres://… or mysql://… (then no <db>)"
  }
}

const standardHelp: OptionHelp = {
  name: "standard",
  value: { zh: "<文件>", en: "<file>" },
  help: {
    zh: "阵地功能标准（FacilityStandard 的 JSON 文件），阵地按它检查；不写时用示例标准",
    en: "a facility standard as JSON (FacilityStandard) that spaces are checked against; an example standard when omitted"
  }
}

const existingDb = {
  usage: "<db>",
  help: {
    zh: "已有的 SQLite 数据库文件（先用 zhili init 创建），用 --url 时不写",
    en: "an existing SQLite database file (create it with zhili init first); left out with --url"
  }
}

/**
 * Every command's help, in the order `zhili --help` lists them.
 *
 * @since 0.1.0
 * @category help
 */
export const commands: ReadonlyArray<CommandHelp> = [
  {
    name: "init",
    args: [
      {
        usage: "[<db>]",
        help: {
          zh: "SQLite 数据库文件（不存在时创建），如 zhili.db",
          en: "the SQLite database file (created when missing), e.g. zhili.db"
        }
      }
    ],
    options: [urlHelp],
    arity: { file: [0, 1], url: [0, 0] },
    summary: {
      zh: "创建数据库并建立或更新数据表（可重复运行）",
      en: "create a database and create or update its tables (safe to run again)"
    },
    description: {
      zh: "创建数据库（SQLite 文件，或用 --url 指定的服务器），并建立或更新所有数据表。可重复运行。",
      en: "Create a database (a SQLite file, or a server with --url) and create or update its tables. Safe to run again."
    },
    examples: ["zhili init zhili.db", "zhili init --url postgres://postgres@127.0.0.1:5432/zhili"]
  },
  {
    name: "import",
    args: [
      {
        usage: "[<db>]",
        help: {
          zh: "SQLite 数据库文件（不存在时创建），用 --url 时不写",
          en: "the SQLite database file (created when missing); left out with --url"
        }
      },
      {
        usage: "<file>",
        help: {
          zh: ".csv（UTF-8 或 GB18030）或 .xlsx 文件，表头见 docs/cli.md",
          en: "a .csv (UTF-8 or GB18030) or .xlsx file; headers in docs/cli.md"
        }
      }
    ],
    options: [
      {
        name: "kind",
        value: { zh: "household|resident|building|grid", en: "household|resident|building|grid" },
        choices: ["household", "resident", "building", "grid"],
        help: {
          zh: "文件内容：户、居民、楼栋或网格（不写时按表头判断）",
          en: "what the file holds: households, residents, buildings or grids (detected from its headers when omitted)"
        }
      },
      urlHelp,
      {
        name: "batch-size",
        value: { zh: "<行数>", en: "<rows>" },
        help: {
          zh: "每个事务写入的行数（SQLite 默认 2000，服务器默认 10000；写入一批时解码下一批）",
          en: "rows written per transaction (default 2000 into SQLite, 10000 into a server; the next batch is decoded while one is written)"
        }
      }
    ],
    arity: { file: [2, 2], url: [1, 1] },
    summary: {
      zh: "从 CSV 或 XLSX 导入户、居民、楼栋或网格",
      en: "import households, residents, buildings or grids from CSV or XLSX"
    },
    description: {
      zh: "从 CSV 或 XLSX 导入户、居民、楼栋或网格（中英文表头均可，见 docs/cli.md）。可重复运行：记录只更新，不会重复。错误的行逐行列出行号和原因。",
      en: "Import households, residents, buildings or grids from CSV or XLSX (headers in English or Chinese, see docs/cli.md). Re-runnable: records are updated, never duplicated. Bad rows are listed with their row number and reason."
    },
    examples: [
      "zhili import zhili.db households.csv",
      "zhili import --url mysql://root@127.0.0.1:3306/zhili residents.xlsx"
    ]
  },
  {
    name: "report",
    args: [existingDb],
    options: [
      urlHelp,
      {
        name: "period",
        value: { zh: "<年份或日期范围>", en: "<year or range>" },
        help: {
          zh: "统计期：一年（2025）或日期范围（2025-01-01..2025-06-30）；默认去年",
          en: "a year (2025) or a range (2025-01-01..2025-06-30); last year by default"
        }
      },
      {
        name: "scope",
        value: { zh: "<区划代码>", en: "<division code>" },
        help: {
          zh: "区划代码：440881002001（社区）、440881002（街道）；不写时为全部",
          en: "a division code: 440881002001 (a community), 440881002 (its street); all when omitted"
        }
      },
      {
        name: "format",
        value: { zh: "md|html|csv|xlsx|json", en: "md|html|csv|xlsx|json" },
        choices: ["md", "html", "csv", "xlsx", "json"],
        help: { zh: "输出格式（默认 html）", en: "the output format (html by default)" }
      },
      {
        name: "out",
        value: { zh: "<文件>", en: "<file>" },
        help: {
          zh: "写入的文件（csv 为文件夹，写多个文件）",
          en: "the file to write (a folder for csv, which writes several files)"
        }
      },
      standardHelp
    ],
    arity: { file: [0, 1], url: [0, 0] },
    summary: {
      zh: "生成某一统计期、某一区划的社区治理报表",
      en: "write the governance report of a period and a division"
    },
    description: {
      zh: "生成某一统计期、某一区划的社区治理报表：组织、网格和走访，以及已存储的其他各部分（诉求、服务、阵地、资金、需求、督查、评星、组织生活），并按社区和网格统计户数、人数和走访，输出为 Markdown、HTML、CSV、XLSX 或 JSON。",
      en: "Write the governance report of a period and a division — organisation, grids and visits, and every other stored part (cases, services, spaces, fund, needs, inspections, ratings, organisational life), with households, residents and visits counted per community and grid — as Markdown, HTML, CSV, XLSX or JSON."
    },
    examples: ["zhili report zhili.db --period 2025 --scope 440881002 --format xlsx --out 2025.xlsx"]
  },
  {
    name: "check",
    args: [existingDb],
    options: [
      urlHelp,
      {
        name: "scope",
        value: { zh: "<区划代码>", en: "<division code>" },
        help: { zh: "要检查的区划代码前缀（不写时为全部）", en: "a division code prefix to check (all when omitted)" }
      },
      {
        name: "on",
        value: { zh: "<日期>", en: "<date>" },
        help: {
          zh: "检查岗位的日期，YYYY-MM-DD（默认今天）",
          en: "the date posts are checked on, YYYY-MM-DD (today when omitted)"
        }
      },
      standardHelp
    ],
    arity: { file: [0, 1], url: [0, 0] },
    summary: {
      zh: "对已存储的数据运行校验规则，发现错误时以 1 退出",
      en: "run the validation rules over what is stored; exits 1 on errors"
    },
    description: {
      zh: "对已存储的数据运行校验规则（组织隶属、网格覆盖、岗位、阵地功能达标），按严重程度列出问题。有错误时退出码为 1，只有警告和提示时为 0。",
      en: "Run the validation rules (organisation hierarchy, grid coverage, posts, facility compliance of spaces) over what is stored and print the findings by severity. Exits 1 when there are errors, 0 with warnings and notes only."
    },
    examples: ["zhili check zhili.db --on 2025-12-31"]
  },
  {
    name: "demo",
    args: [],
    options: [
      {
        name: "out",
        value: { zh: "<文件夹>", en: "<folder>" },
        help: {
          zh: "数据库和报表所在的文件夹（默认 zhili-demo）",
          en: "the folder for the database and the reports (zhili-demo by default)"
        }
      }
    ],
    arity: { file: [0, 0], url: [0, 0] },
    summary: {
      zh: "演示：在新的 SQLite 文件中建立锦绣华景小区并生成报表",
      en: "the demo: the seed compound 锦绣华景小区 in a fresh SQLite file, with its reports"
    },
    description: {
      zh: "在新的 SQLite 文件中建立种子小区锦绣华景小区，运行其一年的活动，生成 HTML 和 Markdown 报表。",
      en: "Build the seed compound 锦绣华景小区 in a fresh SQLite file, run its year of activity and write the HTML and Markdown reports."
    },
    examples: ["zhili demo --out zhili-demo"]
  }
]

/** Options every command takes. */
const globalOptions: ReadonlyArray<OptionHelp> = [
  { name: "help", help: { zh: "显示帮助（也可写 -h）", en: "show this help (also -h)" } },
  { name: "version", help: { zh: "显示版本", en: "show the version" } },
  {
    name: "lang",
    value: { zh: "zh|en", en: "zh|en" },
    help: {
      zh: "界面语言：zh（中文，默认）或 en；也可用 ZHILI_LANG 或系统区域设置",
      en: "the language: zh (Chinese, the default) or en; also from ZHILI_LANG or the locale"
    }
  },
  { name: "verbose", help: { zh: "出错时显示完整原因", en: "print the full cause of a failure" } }
]

const pick = (b: Bilingual): string => (current === "zh" ? b.zh : b.en)

const optionUsage = (o: OptionHelp): string => (o.value === undefined ? `--${o.name}` : `--${o.name} ${pick(o.value)}`)

const table = (rows: ReadonlyArray<readonly [string, string]>): ReadonlyArray<string> => {
  const width = Math.max(...rows.map(([left]) => displayWidth(left)))
  return rows.map(([left, right]) => `  ${left}${" ".repeat(width - displayWidth(left) + 2)}${right}`)
}

/** Columns a text takes in a terminal: CJK characters take two. */
const displayWidth = (text: string): number => {
  let width = 0
  for (const ch of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1
  return width
}

/**
 * The help of the whole command (`zhili --help`): usage, the commands first, then the options every command takes.
 * Plain text, without colour codes.
 *
 * @since 0.1.0
 * @category help
 */
export const rootHelp = (version: string): string =>
  [
    say(
      `zhili ${version} — 治理：基层社会治理的数据库、导入、检查和报表`,
      `zhili ${version} — 治理: grassroots community governance: databases, imports, checks and reports`
    ),
    "",
    say("用法：", "Usage:"),
    say("  zhili <命令> [参数] [选项]", "  zhili <command> [arguments] [options]"),
    "",
    say("命令：", "Commands:"),
    ...table(commands.map((c) => [c.name, pick(c.summary)] as const)),
    "",
    say("通用选项：", "Options of every command:"),
    ...table(globalOptions.map((o) => [optionUsage(o), pick(o.help)] as const)),
    "",
    say(
      "某个命令的帮助：zhili <命令> --help，例如 zhili init --help",
      "Help on a command: zhili <command> --help, e.g. zhili init --help"
    ),
    say("文档：docs/cli.md", "Guide: docs/cli.md")
  ].join("\n")

/**
 * The help of one command (`zhili report --help`): its usage, arguments, options (each with its own help) and
 * examples. Plain text, without colour codes.
 *
 * @since 0.1.0
 * @category help
 */
export const commandHelp = (command: CommandHelp): string => {
  const usage = [
    `zhili ${command.name}`,
    ...command.args.map((a) => a.usage),
    ...(command.options.length > 0 ? [say("[选项]", "[options]")] : [])
  ].join(" ")
  return [
    say("用法：", "Usage:"),
    `  ${usage}`,
    "",
    pick(command.description),
    ...(command.args.length > 0
      ? ["", say("参数：", "Arguments:"), ...table(command.args.map((a) => [a.usage, pick(a.help)] as const))]
      : []),
    "",
    say("选项：", "Options:"),
    ...table([...command.options, ...globalOptions].map((o) => [optionUsage(o), pick(o.help)] as const)),
    "",
    say("示例：", "Examples:"),
    ...command.examples.map((e) => `  ${e}`)
  ].join("\n")
}

/**
 * The edit distance of two words (insertions, deletions, substitutions and swaps of neighbours), for "did you
 * mean".
 */
const distance = (a: string, b: string): number => {
  const d: Array<Array<number>> = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
  )
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as Array<number>
      const up = d[i - 1] as Array<number>
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, ((d[i - 2] as Array<number>)[j - 2] as number) + 1)
      row[j] = best
    }
  return (d[a.length] as Array<number>)[b.length] as number
}

/**
 * The known word closest to a wrong one, when it is close enough to be what was meant (at most a third of its
 * letters differ, and at least one letter is right).
 *
 * @since 0.1.0
 * @category checking
 */
export const closest = (wrong: string, known: ReadonlyArray<string>): string | undefined => {
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  for (const k of known) {
    const d = distance(wrong, k)
    if (d < bestDistance) {
      best = k
      bestDistance = d
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined
}

/**
 * What an argument list asks for before it runs: the root help, one command's help, the version, a problem (an
 * unknown command or option, with the closest known one), or a run of a command with its arguments (the
 * command-line-wide options `--lang` and `--verbose` taken out).
 *
 * @since 0.1.0
 * @category checking
 */
export type Request =
  | { readonly _tag: "RootHelp" }
  | { readonly _tag: "CommandHelp"; readonly command: CommandHelp }
  | { readonly _tag: "Version" }
  | { readonly _tag: "Problem"; readonly message: string; readonly fix: string }
  | { readonly _tag: "Run"; readonly command: CommandHelp; readonly args: ReadonlyArray<string> }

/**
 * Reads an argument list (after the program name): `--help`/`-h`/`help [command]`, `--version`/`-v`, and
 * otherwise the command and its arguments with `--lang` and `--verbose` taken out. An unknown command or an option
 * the command does not take is a `Problem` naming the closest known one.
 *
 * @since 0.1.0
 * @category checking
 */
export const read = (argv: ReadonlyArray<string>): Request => {
  const args: Array<string> = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string
    if (a === "--verbose" || a.startsWith("--lang=")) continue
    if (a === "--lang") {
      i++
      continue
    }
    args.push(a)
  }
  const first = args[0]
  if (first === undefined || first === "--help" || first === "-h") return { _tag: "RootHelp" }
  if (first === "--version" || first === "-v") return { _tag: "Version" }
  const named = first === "help" ? args[1] : first
  if (first === "help" && named === undefined) return { _tag: "RootHelp" }
  const command = commands.find((c) => c.name === named)
  if (command === undefined) {
    const wrong = named ?? ""
    const near = wrong.startsWith("-")
      ? undefined
      : closest(
          wrong,
          commands.map((c) => c.name)
        )
    return {
      _tag: "Problem",
      message: wrong.startsWith("-")
        ? say(`选项 ${wrong} 应写在命令之后`, `the option ${wrong} comes after a command`)
        : say(`没有命令 ${wrong}`, `there is no command ${wrong}`),
      fix:
        near !== undefined
          ? say(
              `是否要运行 zhili ${near}？命令有：${commands.map((c) => c.name).join("、")}`,
              `did you mean zhili ${near}? The commands are ${commands.map((c) => c.name).join(", ")}`
            )
          : say(
              `命令有：${commands.map((c) => c.name).join("、")}；zhili --help 列出它们`,
              `the commands are ${commands.map((c) => c.name).join(", ")}; zhili --help lists them`
            )
    }
  }
  const rest = first === "help" ? [] : args.slice(1)
  if (first === "help" || rest.includes("--help") || rest.includes("-h")) return { _tag: "CommandHelp", command }
  const known = command.options.map((o) => o.name)
  for (const [i, a] of rest.entries()) {
    if (!a.startsWith("--")) continue
    const name = a.slice(2).split("=")[0] as string
    const option = command.options.find((o) => o.name === name)
    if (option !== undefined) {
      const value = a.includes("=") ? a.slice(a.indexOf("=") + 1) : rest[i + 1]
      if (option.value !== undefined && (value === undefined || (value.startsWith("--") && !a.includes("="))))
        return {
          _tag: "Problem",
          message: say(`--${name} 后面缺少值`, `--${name} needs a value`),
          fix: say(`写 --${name} ${pick(option.value)}`, `write --${name} ${pick(option.value)}`)
        }
      if (option.choices !== undefined && value !== undefined && !option.choices.includes(value)) {
        const near = closest(value, option.choices)
        return {
          _tag: "Problem",
          message: say(`--${name} 不能取 ${value}`, `--${name} cannot be ${value}`),
          fix:
            (near !== undefined ? say(`是否要写 --${name} ${near}？`, `did you mean --${name} ${near}? `) : "") +
            say(`可取的值：${option.choices.join("、")}`, `the values are ${option.choices.join(", ")}`)
        }
      }
      continue
    }
    const near = closest(name, known)
    return {
      _tag: "Problem",
      message: say(`zhili ${command.name} 没有选项 --${name}`, `zhili ${command.name} has no option --${name}`),
      fix:
        near !== undefined
          ? say(`是否要写 --${near}？`, `did you mean --${near}?`) +
            say(`（zhili ${command.name} --help 列出全部选项）`, ` (zhili ${command.name} --help lists every option)`)
          : say(`zhili ${command.name} --help 列出全部选项`, `zhili ${command.name} --help lists every option`)
    }
  }
  const positionals: Array<string> = []
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string
    if (!a.startsWith("--")) {
      positionals.push(a)
      continue
    }
    const option = command.options.find((o) => o.name === a.slice(2))
    if (option?.value !== undefined) i++
  }
  const withUrl = rest.some((a) => a === "--url" || a.startsWith("--url="))
  const [least, most] = withUrl ? command.arity.url : command.arity.file
  const usage = [`zhili ${command.name}`, ...command.args.map((a) => a.usage)].join(" ")
  const noDb = withUrl ? say("（用 --url 时不写 <db>）", " (no <db> with --url)") : ""
  if (positionals.length > most)
    return {
      _tag: "Problem",
      message: say(
        `多余的参数：${positionals.slice(most).join(" ")}`,
        `too many arguments: ${positionals.slice(most).join(" ")}`
      ),
      fix: say(`用法：${usage}${noDb}`, `usage: ${usage}${noDb}`)
    }
  if (positionals.length < least)
    return {
      _tag: "Problem",
      message: say(`zhili ${command.name} 缺少参数`, `zhili ${command.name} needs more arguments`),
      fix: say(`用法：${usage}${noDb}`, `usage: ${usage}${noDb}`)
    }
  return { _tag: "Run", command, args: rest }
}
