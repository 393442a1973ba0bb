import * as fs from "node:fs/promises"
import * as os from "node:os"
import * as path from "node:path"
import { NodeContext } from "@effect/platform-node"
import { afterEach, describe, expect, it, vi } from "@effect/vitest"
import { Program, Stored } from "@zhili/cli"
import { Aggregates, Store } from "@zhili/core"
import { StoreSamples } from "@zhili/testing"
import { Effect, Schema, Stream } from "effect"

const tmp = () => fs.mkdtemp(path.join(os.tmpdir(), "zhili-cli-sections-"))
const exec = (...argv: ReadonlyArray<string>) =>
  Program.exec(["--lang", "en", ...argv]).pipe(Effect.provide(NodeContext.layer))

/** Stores the sample records of the given aggregates (every registered one when omitted) in a fresh SQLite file. */
const seeded = (only?: ReadonlyArray<Store.AnyAggregate>) =>
  Effect.gen(function* () {
    const dir = yield* Effect.promise(tmp)
    const db = path.join(dir, "z.db")
    yield* Effect.gen(function* () {
      for (const g of StoreSamples.samples()) {
        if (only !== undefined && !only.includes(g.aggregate)) continue
        const repo = yield* Store.repository(g.aggregate)
        const encode = Schema.encodeSync(g.aggregate.schema as Schema.Schema<unknown, unknown>)
        yield* repo.import(Stream.fromIterable(g.records.map((r) => encode(r))), {
          scope: Store.everything,
          policy: "abort"
        })
      }
    }).pipe(Effect.provide(Stored.layer(db)), Effect.orDie)
    return { dir, db }
  })

interface JsonDocument {
  readonly sections: ReadonlyArray<{
    readonly id: string
    readonly tables: ReadonlyArray<{ readonly id: string; readonly rows: ReadonlyArray<ReadonlyArray<unknown>> }>
  }>
}

const reportJson = (db: string, dir: string, ...extra: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const out = path.join(dir, `r-${Math.random().toString(36).slice(2)}.json`)
    const code = yield* exec("report", db, "--period", "2025", "--format", "json", "--out", out, ...extra)
    expect(code).toBe(0)
    return JSON.parse(yield* Effect.promise(() => fs.readFile(out, "utf8"))) as JsonDocument
  })

const printed = () => {
  const lines: Array<string> = []
  const log = vi.spyOn(console, "log").mockImplementation((...args: Array<unknown>) => {
    lines.push(args.map(String).join(" "))
  })
  const error = vi.spyOn(console, "error").mockImplementation((...args: Array<unknown>) => {
    lines.push(args.map(String).join(" "))
  })
  return {
    lines,
    restore: () => {
      log.mockRestore()
      error.mockRestore()
    }
  }
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe("zhili report: every stored section", () => {
  it.effect(
    "reports the cases, services, operations and assessments it finds stored, and the store's counts",
    () =>
      Effect.gen(function* () {
        const { dir, db } = yield* seeded()
        const doc = yield* reportJson(db, dir)
        const ids = doc.sections.map((s) => s.id)
        const samples = StoreSamples.samples()
        const ratings = samples.find((g) => g.aggregate === Aggregates.Ratings)?.records ?? []
        expect(ratings.length).toBeGreaterThan(0)
        for (const id of [
          "org.linkage",
          "case.summary",
          "service.activities",
          "operation.overview",
          "operation.agreements",
          "operation.spaces",
          "operation.fund",
          "operation.needs",
          "assessment.inspections",
          "assessment.bulletins",
          "assessment.tasks",
          "assessment.index",
          "assessment.orgLife",
          "store.counts",
          ...ratings.map((r) => `assessment.rating.${(r.value as { readonly id: string }).id}`)
        ])
          expect(ids).toContain(id)
        // the counts come from the store's GROUP BY and agree with the stored records
        const counts = doc.sections.find((s) => s.id === "store.counts")
        const perCommunity = counts?.tables.find((t) => t.id === "store-counts-community")?.rows ?? []
        const total = (column: number) => perCommunity.reduce((n, r) => n + Number(r[column]), 0)
        const sampled = (a: Store.AnyAggregate) => samples.find((g) => g.aggregate === a)?.records.length ?? -1
        expect(total(1)).toBe(sampled(Aggregates.Households))
        expect(total(2)).toBe(sampled(Aggregates.Residents))
        expect(total(3)).toBe(sampled(Aggregates.Visits))
        const perGrid = counts?.tables.find((t) => t.id === "store-counts-grid")?.rows ?? []
        expect(perGrid.reduce((n, r) => n + Number(r[1]), 0)).toBe(sampled(Aggregates.Households))
        // a scope outside every record keeps only the sections that are always there
        const elsewhere = yield* reportJson(db, dir, "--scope", "110101")
        expect(elsewhere.sections.map((s) => s.id)).not.toContain("case.summary")
        expect(elsewhere.sections.map((s) => s.id)).not.toContain("store.counts")
      }),
    300_000
  )

  it.effect("leaves out the sections whose records are not stored", () =>
    Effect.gen(function* () {
      const { dir, db } = yield* seeded([Aggregates.Cases, Aggregates.Mediations])
      const ids = (yield* reportJson(db, dir)).sections.map((s) => s.id)
      expect(ids).toContain("case.summary")
      for (const id of [
        "service.activities",
        "operation.overview",
        "operation.agreements",
        "operation.spaces",
        "assessment.inspections",
        "store.counts"
      ])
        expect(ids).not.toContain(id)
    })
  )
})

describe("zhili check: facility compliance", () => {
  it.effect("reports each required function a stored space lacks as an error and exits 1", () =>
    Effect.gen(function* () {
      const { db } = yield* seeded([Aggregates.Spaces])
      const out = printed()
      const code = yield* exec("check", db, "--on", "2025-12-31").pipe(Effect.ensuring(Effect.sync(out.restore)))
      expect(code).toBe(1)
      const text = out.lines.join("\n")
      expect(text).toContain("spaces checked against")
      expect(text).toMatch(/facility\/missing-required at spaces\.\S+\.functions\.\S+/)
    })
  )

  it.effect("checks against the standard of --standard, and rejects a file that is not one", () =>
    Effect.gen(function* () {
      const { dir, db } = yield* seeded([Aggregates.Spaces])
      const space = StoreSamples.samples().find((g) => g.aggregate === Aggregates.Spaces)?.records[0]?.value as {
        readonly functions: ReadonlyArray<string>
      }
      const lenient = path.join(dir, "standard.json")
      yield* Effect.promise(() =>
        fs.writeFile(
          lenient,
          JSON.stringify({
            id: "test-standard",
            name: "what the stored space has",
            source: "test",
            aspects: [
              {
                code: "a",
                name: "all",
                functions: space.functions.map((code) => ({ code, name: code, level: "required" }))
              }
            ]
          })
        )
      )
      const out = printed()
      const ok = yield* exec("check", db, "--on", "2025-12-31", "--standard", lenient).pipe(
        Effect.ensuring(Effect.sync(out.restore))
      )
      expect(out.lines.join("\n")).not.toContain("facility/missing-required")
      expect(ok).toBe(0)
      const bad = path.join(dir, "bad.json")
      yield* Effect.promise(() => fs.writeFile(bad, JSON.stringify({ id: 1 })))
      expect(yield* exec("check", db, "--standard", bad)).toBe(1)
      expect(yield* exec("check", db, "--standard", path.join(dir, "none.json"))).toBe(1)
    })
  )
})
