/**
 * Database servers for test suites (测试数据库): where a suite that needs PostgreSQL or MySQL/MariaDB runs, from
 * `ZHILI_PG_URL` / `ZHILI_MYSQL_URL`. Outside CI an unset variable skips the suite with the reason printed; in CI
 * (`CI` set) it fails, so a server suite can never pass by not running.
 *
 * @since 0.1.0
 */
import { describe, it } from "@effect/vitest"

/**
 * The environment variables naming the test servers.
 *
 * @since 0.1.0
 * @category models
 */
export type Variable = "ZHILI_PG_URL" | "ZHILI_MYSQL_URL"

/**
 * A server to run against (`url`), or why there is none.
 *
 * @since 0.1.0
 * @category models
 */
export type Server =
  | { readonly _tag: "ready"; readonly url: string }
  | { readonly _tag: "unavailable"; readonly reason: string }

const examples: Readonly<Record<Variable, string>> = {
  ZHILI_PG_URL: "postgres://postgres@127.0.0.1:5432/test",
  ZHILI_MYSQL_URL: "mysql://root@127.0.0.1:3306/test"
}

/**
 * Whether the tests run in CI (`CI` set to anything but an empty string or `false`).
 *
 * @since 0.1.0
 * @category servers
 */
export const inCi = (): boolean => {
  const ci = process.env.CI
  return ci !== undefined && ci !== "" && ci !== "false"
}

/**
 * The server `variable` names. Unset: in CI this throws (`… is not set, and CI must run <what>`); elsewhere the
 * answer is `unavailable` with a reason that shows how to set it.
 *
 * @since 0.1.0
 * @category servers
 */
export const fromEnv = (variable: Variable, what: string): Server => {
  const url = process.env[variable]
  if (url !== undefined && url !== "") return { _tag: "ready", url }
  if (inCi()) throw new Error(`${variable} is not set, and CI must run ${what}`)
  return {
    _tag: "unavailable",
    reason: `${variable} is not set (e.g. ${examples[variable]}); outside CI this skips ${what}`
  }
}

/**
 * Registers `title` as a suite of one skipped case that prints why it cannot run here.
 *
 * @since 0.1.0
 * @category servers
 */
export const skipped = (title: string, reason: string): void => {
  describe(title, () => {
    it("runs against a live server", (ctx) => {
      console.warn(`[${title}] skipped: ${reason}`)
      ctx.skip(reason)
    })
  })
}
