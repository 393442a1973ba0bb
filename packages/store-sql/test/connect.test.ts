/**
 * A failed connection says why (`Drivers.connectProblem`): the server is down, the host unknown, the user or
 * password refused, or the database missing — read from the driver's own error, on the real engines.
 */
import { describe, expect, it } from "@effect/vitest"
import { Store } from "@zhili/core"
import { Drivers } from "@zhili/store-sql"
import { Servers } from "@zhili/testing/suites"
import { Effect, Layer } from "effect"

/** The error of building a client on `url` (the connection is tried when the layer is built). */
const failure = (url: string) =>
  Effect.flip(Effect.scoped(Layer.build(Drivers.clientFromUrl(url)))).pipe(
    Effect.map((e) => ({ problem: Drivers.connectProblem(e), error: e }))
  )

const withUrl = (url: string, change: (u: URL) => void): string => {
  const u = new URL(url)
  change(u)
  return u.toString()
}

describe("Drivers.connectProblem without a server", () => {
  it.effect("a port nobody listens on is unreachable, on both engines", () =>
    Effect.gen(function* () {
      const pg = yield* failure("postgres://postgres@127.0.0.1:1/zhili")
      expect(pg.problem).toBe("unreachable")
      expect(pg.error).toBeInstanceOf(Store.StoreError)
      expect(pg.error.message).toBe(
        "store connect of postgresql failed: the server is not reachable (is it running, on this host and port?): connect ECONNREFUSED 127.0.0.1:1"
      )
      expect((yield* failure("mysql://root@127.0.0.1:1/zhili")).problem).toBe("unreachable")
    })
  )

  it("reads the codes of the drivers' errors along the chain of causes", () => {
    const wrapped = (code: string) => ({ message: "outer", cause: { message: "inner", cause: { code } } })
    expect(Drivers.connectProblem(wrapped("ENOTFOUND"))).toBe("unknown-host")
    expect(Drivers.connectProblem(wrapped("28P01"))).toBe("authentication")
    expect(Drivers.connectProblem(wrapped("ER_ACCESS_DENIED_ERROR"))).toBe("authentication")
    expect(Drivers.connectProblem(wrapped("3D000"))).toBe("missing-database")
    expect(Drivers.connectProblem(wrapped("ER_BAD_DB_ERROR"))).toBe("missing-database")
    expect(Drivers.connectProblem(wrapped("42P01"))).toBe("other")
    expect(Drivers.connectProblem(new Error("no code"))).toBe("other")
  })
})

const pg = Servers.fromEnv("ZHILI_PG_URL", "the connection problems on PostgreSQL")
if (pg._tag === "unavailable") Servers.skipped("Drivers.connectProblem on PostgreSQL", pg.reason)
else
  describe("Drivers.connectProblem on PostgreSQL", () => {
    it.effect("a missing database and an unknown role are told apart", () =>
      Effect.gen(function* () {
        const db = yield* failure(withUrl(pg.url, (u) => (u.pathname = "/zhili_no_such_db")))
        expect(db.problem).toBe("missing-database")
        expect(db.error.message).toContain('database "zhili_no_such_db" does not exist')
        const role = yield* failure(withUrl(pg.url, (u) => (u.username = "zhili_no_such_role")))
        expect(role.problem).toBe("authentication")
      })
    )
  })

const mysql = Servers.fromEnv("ZHILI_MYSQL_URL", "the connection problems on MySQL/MariaDB")
if (mysql._tag === "unavailable") Servers.skipped("Drivers.connectProblem on MySQL/MariaDB", mysql.reason)
else
  describe("Drivers.connectProblem on MySQL/MariaDB", () => {
    it.effect("a missing database and a refused user are told apart, and the password is never repeated", () =>
      Effect.gen(function* () {
        const db = yield* failure(withUrl(mysql.url, (u) => (u.pathname = "/zhili_no_such_db")))
        expect(db.problem).toBe("missing-database")
        const user = yield* failure(
          withUrl(mysql.url, (u) => {
            u.username = "zhili_no_such_user"
            u.password = "s3cret-pw"
          })
        )
        expect(user.problem).toBe("authentication")
        expect(user.error.message).not.toContain("s3cret-pw")
      })
    )
  })
