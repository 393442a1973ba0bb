/**
 * The command as a Chinese official meets it: Chinese by default, English on request; help with every command
 * first and each option's own text; "did you mean" for a wrong command or option; the package's version; no colour
 * codes off a terminal; `--url` without a database file; a failed connection that says why.
 */
import * as fs from "node:fs/promises"
import * as os from "node:os"
import * as path from "node:path"
import { NodeContext } from "@effect/platform-node"
import * as SqlClient from "@effect/sql/SqlClient"
import { describe, expect, it } from "@effect/vitest"
import { Program, Text } from "@zhili/cli"
import { Drivers } from "@zhili/store-sql"
import { Servers } from "@zhili/testing/suites"
import { type Console, Effect } from "effect"

const tmp = () => fs.mkdtemp(path.join(os.tmpdir(), "zhili-zh-"))

/** Runs the command with no language in the environment, keeping what it prints and what it reports as errors. */
const run = (...argv: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const base = yield* Effect.console
    const printed: Array<string> = []
    const errors: Array<string> = []
    const capturing: Console.Console = {
      ...base,
      log: (...args: ReadonlyArray<unknown>) =>
        Effect.sync(() => {
          printed.push(args.join(" "))
        }),
      error: (...args: ReadonlyArray<unknown>) =>
        Effect.sync(() => {
          errors.push(args.join(" "))
        })
    }
    const saved = { ZHILI_LANG: process.env.ZHILI_LANG, LANG: process.env.LANG, LC_ALL: process.env.LC_ALL }
    process.env.ZHILI_LANG = ""
    process.env.LANG = "C.UTF-8"
    process.env.LC_ALL = ""
    const code = yield* Program.exec(argv).pipe(
      Effect.withConsole(capturing),
      Effect.provide(NodeContext.layer),
      Effect.ensuring(
        Effect.sync(() => {
          for (const [k, v] of Object.entries(saved))
            if (v === undefined) delete process.env[k]
            else process.env[k] = v
        })
      )
    )
    return { code, out: printed.join("\n"), err: errors.join("\n") }
  })

describe("the command's language", () => {
  it("is Chinese by default and English on request, by option, variable or locale", () => {
    expect(Text.languageOf([], {})).toBe("zh")
    expect(Text.languageOf([], { LANG: "C.UTF-8" })).toBe("zh")
    expect(Text.languageOf([], { LANG: "POSIX" })).toBe("zh")
    expect(Text.languageOf([], { LANG: "zh_CN.UTF-8" })).toBe("zh")
    expect(Text.languageOf([], { LANG: "en_US.UTF-8" })).toBe("en")
    expect(Text.languageOf([], { LANG: "zh_CN.UTF-8", LC_ALL: "en_GB.UTF-8" })).toBe("en")
    expect(Text.languageOf([], { LANG: "en_US.UTF-8", ZHILI_LANG: "zh" })).toBe("zh")
    expect(Text.languageOf(["check", "--lang", "en"], { LANG: "zh_CN.UTF-8" })).toBe("en")
    expect(Text.languageOf(["--lang=zh", "check"], { ZHILI_LANG: "en" })).toBe("zh")
  })

  it("suggests the closest known word only when it is close", () => {
    expect(Text.closest("reprot", ["init", "import", "report", "check", "demo"])).toBe("report")
    expect(Text.closest("chekc", ["init", "import", "report", "check", "demo"])).toBe("check")
    expect(Text.closest("imprt", ["init", "import", "report", "check", "demo"])).toBe("import")
    expect(Text.closest("frobnicate", ["init", "import", "report", "check", "demo"])).toBeUndefined()
    expect(Text.closest("peroid", ["url", "period", "scope", "format", "out", "standard"])).toBe("period")
    expect(Text.closest("x", ["url", "period"])).toBeUndefined()
  })
})

describe("zhili in Chinese", () => {
  it.effect("--help lists the commands first, in Chinese, with no colour codes, and names the package's version", () =>
    Effect.gen(function* () {
      const { version } = JSON.parse(
        yield* Effect.promise(() => fs.readFile(path.join(__dirname, "../package.json"), "utf8"))
      ) as { readonly version: string }
      const help = yield* run("--help")
      expect(help.code).toBe(0)
      const lines = help.out.split("\n")
      expect(lines[0]).toBe(`zhili ${version} — 治理：基层社会治理的数据库、导入、检查和报表`)
      expect(lines.slice(1, 4)).toEqual(["", "用法：", "  zhili <命令> [参数] [选项]"])
      const commandsAt = lines.indexOf("命令：")
      const optionsAt = lines.indexOf("通用选项：")
      expect(commandsAt).toBeGreaterThan(0)
      expect(optionsAt).toBeGreaterThan(commandsAt)
      expect(lines.slice(commandsAt + 1, commandsAt + 6).map((l) => l.trim().split(/\s+/)[0])).toEqual([
        "init",
        "import",
        "report",
        "check",
        "demo"
      ])
      expect(help.out).not.toContain("\x1b")
      expect((yield* run()).out).toBe(help.out)
      expect((yield* run("--version")).out).toBe(version)
      expect(Program.version).toBe(version)
    })
  )

  it.effect("every option of every command has its own help, in Chinese and in English", () =>
    Effect.gen(function* () {
      for (const command of Text.commands) {
        const zh = yield* run(command.name, "--help")
        expect(zh.code).toBe(0)
        expect(zh.out).toContain(`zhili ${command.name}`)
        expect(zh.out).not.toContain("A user-defined piece of text")
        for (const option of command.options) {
          const line = zh.out.split("\n").find((l) => l.trimStart().startsWith(`--${option.name}`))
          expect(line, `${command.name} --${option.name}`).toContain(option.help.zh)
        }
        const en = yield* run(command.name, "--help", "--lang", "en")
        for (const option of command.options) expect(en.out).toContain(option.help.en)
      }
      // the help texts differ from option to option: none is a generic placeholder
      const texts = Text.commands.flatMap((c) => c.options.map((o) => o.help.zh))
      expect(new Set(texts).size).toBeGreaterThan(8)
    })
  )

  it.effect("a wrong command or option is refused with the closest one, exit code 1", () =>
    Effect.gen(function* () {
      const command = yield* run("reprot")
      expect(command).toEqual({
        code: 1,
        out: "",
        err: "错误：没有命令 reprot\n解决：是否要运行 zhili report？命令有：init、import、report、check、demo"
      })
      const option = yield* run("report", "zhili.db", "--peroid", "2025")
      expect(option.code).toBe(1)
      expect(option.err).toBe(
        "错误：zhili report 没有选项 --peroid\n解决：是否要写 --period？（zhili report --help 列出全部选项）"
      )
      const choice = yield* run("report", "zhili.db", "--format", "pdf")
      expect(choice.err).toBe("错误：--format 不能取 pdf\n解决：可取的值：md、html、csv、xlsx、json")
      expect((yield* run("import")).err).toBe("错误：zhili import 缺少参数\n解决：用法：zhili import [<db>] <file>")
      expect((yield* run("import", "z.db", "h.csv", "extra.csv")).err).toBe(
        "错误：多余的参数：extra.csv\n解决：用法：zhili import [<db>] <file>"
      )
      expect((yield* run("import", "--url", "postgres://u@127.0.0.1:1/d", "z.db", "h.csv")).err).toBe(
        "错误：多余的参数：h.csv\n解决：用法：zhili import [<db>] <file>（用 --url 时不写 <db>）"
      )
      const english = yield* run("chekc", "--lang", "en")
      expect(english.err).toBe(
        "error: there is no command chekc\nfix: did you mean zhili check? The commands are init, import, report, check, demo"
      )
    })
  )

  it.effect("import, check and report speak Chinese, and report or check on a missing file create nothing", () =>
    Effect.gen(function* () {
      const dir = yield* Effect.promise(tmp)
      const db = path.join(dir, "z.db")
      const buildings = path.join(dir, "b.csv")
      const households = path.join(dir, "h.csv")
      yield* Effect.promise(() =>
        Promise.all([
          fs.writeFile(buildings, "编号,社区代码,所属社区,名称\nb1,440881002001,440881002001,1栋\n"),
          fs.writeFile(households, "编号,社区代码,楼栋,房号\nh1,440881002001,b1,101\nh2,440881002001,b9,201\n")
        ])
      )
      expect((yield* run("init", db)).out).toBe(`数据库已就绪：${db}`)
      expect((yield* run("import", db, buildings)).code).toBe(0)
      const imported = yield* run("import", db, households)
      expect(imported.code).toBe(0)
      expect(imported.out.split("\n")).toEqual([
        "第 3 行：building: 租户 440881002001 的楼栋 b9 尚未存储：请先导入楼栋，或改正编号",
        `${households}：写入户记录 1 条，拒绝 1 行，共读 2 行`
      ])
      // the building is in no grid: an error, so check exits 1
      const checked = yield* run("check", db)
      expect(checked.code).toBe(1)
      const lines = checked.out.split("\n")
      expect(lines[0]).toBe("错误（1）：")
      expect(lines[1]).toMatch(/^ {2}grid\/uncovered-building，位置 buildings\.b1：/)
      expect(lines[2]).toBe("错误 1 个，警告和提示 0 个")
      const missing = path.join(dir, "typo.db")
      expect(yield* run("check", missing)).toEqual({
        code: 1,
        out: "",
        err: `错误：数据库文件 ${missing} 不存在\n解决：检查路径，或先用 zhili init ${missing} 创建数据库并导入数据`
      })
      expect((yield* run("report", missing)).code).toBe(1)
      expect((yield* Effect.promise(() => fs.readdir(dir))).sort()).toEqual(["b.csv", "h.csv", "z.db"])
    })
  )

  it.effect("a server that is not running is named as the reason, in the user's language", () =>
    Effect.gen(function* () {
      // nothing listens on port 1 of the loopback: the connection is refused at once
      const down = yield* run("check", "--url", "postgres://postgres:secret@127.0.0.1:1/zhili")
      expect(down.code).toBe(1)
      expect(down.err).toBe(
        "错误：无法连接数据库 postgres://postgres:***@127.0.0.1:1/zhili：服务器无法访问（connect ECONNREFUSED 127.0.0.1:1）\n" +
          "解决：启动数据库服务器，或检查网址中的主机和端口"
      )
      expect(down.err).not.toContain("secret")
      const mysqlDown = yield* run("check", "--url", "mysql://root@127.0.0.1:1/zhili", "--lang", "en")
      expect(mysqlDown.err.split("\n")[1]).toBe("fix: start the database server, or check the host and port in the URL")
    })
  )
})

const pg = Servers.fromEnv("ZHILI_PG_URL", "the CLI's connection messages on PostgreSQL")
const mysql = Servers.fromEnv("ZHILI_MYSQL_URL", "the CLI's connection messages on MySQL/MariaDB")

/** The URL with another user or database. */
const withUrl = (url: string, change: (u: URL) => void): string => {
  const u = new URL(url)
  change(u)
  return u.toString()
}

if (pg._tag === "unavailable") Servers.skipped("zhili --url on PostgreSQL", pg.reason)
else
  describe("zhili --url on PostgreSQL", () => {
    it.effect("says whether the database or the user is missing, and works without a <db> argument", () =>
      Effect.gen(function* () {
        const missingDb = yield* run(
          "check",
          "--url",
          withUrl(pg.url, (u) => (u.pathname = "/zhili_no_such_db"))
        )
        expect(missingDb.code).toBe(1)
        expect(missingDb.err).toContain("服务器上没有这个数据库")
        expect(missingDb.err).toContain("解决：先在服务器上创建该数据库（CREATE DATABASE …），或改正网址中的库名")
        const noUser = yield* run(
          "check",
          "--url",
          withUrl(pg.url, (u) => (u.username = "zhili_no_such_role"))
        )
        expect(noUser.err).toContain("服务器拒绝了用户名或密码")
        // a fresh schema, chosen through search_path, so the check's migration touches nothing else
        const schema = `zhili_cli_${process.pid}`
        const sql = (statement: string) =>
          Effect.flatMap(SqlClient.SqlClient, (c) => c.unsafe(statement)).pipe(
            Effect.provide(Drivers.clientPg({ url: pg.url })),
            Effect.scoped
          )
        yield* sql(`CREATE SCHEMA IF NOT EXISTS ${schema}`)
        const url = `${pg.url}${pg.url.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`
        const check = yield* run("check", "--url", url).pipe(
          Effect.ensuring(Effect.ignore(sql(`DROP SCHEMA ${schema} CASCADE`)))
        )
        expect(check).toEqual({ code: 0, out: "没有发现问题", err: "" })
      })
    )
  })

if (mysql._tag === "unavailable") Servers.skipped("zhili --url on MySQL/MariaDB", mysql.reason)
else
  describe("zhili --url on MySQL/MariaDB", () => {
    it.effect("says whether the database or the user is missing", () =>
      Effect.gen(function* () {
        const missingDb = yield* run(
          "check",
          "--url",
          withUrl(mysql.url, (u) => (u.pathname = "/zhili_no_such_db"))
        )
        expect(missingDb.err).toContain("服务器上没有这个数据库")
        const noUser = yield* run(
          "check",
          "--url",
          withUrl(mysql.url, (u) => {
            u.username = "zhili_no_such_user"
            u.password = "wrong"
          })
        )
        expect(noUser.err).toContain("服务器拒绝了用户名或密码")
        expect(noUser.err).toContain("zhili_no_such_user:***@")
        expect(noUser.err).not.toContain(":wrong@")
      })
    )
  })
