import { assert, describe, expect, it, vi } from "@effect/vitest"
import { Assessment, Decode, Errors, IndicatorSystem } from "@zhili/core"
import { Either, Schema } from "effect"
import * as fc from "fast-check"

const system = (indicators: ReadonlyArray<unknown>, fullMarks = 100) => ({
  id: "sys-1",
  tenant: "360733",
  name: "测试指标体系",
  fullMarks,
  indicators
})

const leaf = (id: string, weight: number, method: unknown) => ({ _tag: "Leaf", id, name: id, weight, method })

const every = system([
  {
    _tag: "Group",
    id: "g1",
    name: "党建",
    weight: 0.5,
    children: [
      leaf("yes", 0.2, { _tag: "YesNo" }),
      leaf("scale", 0.2, IndicatorSystem.linearScale(1, 5)),
      leaf("ratio", 0.2, {
        _tag: "Ratio",
        bands: [
          { atLeast: 0.95, fraction: 1 },
          { atLeast: 0.9, fraction: 0.8 }
        ]
      }),
      leaf("count", 0.2, { _tag: "CountTarget", target: 4 }),
      leaf("deduct", 0.2, { _tag: "Deduction", perOccurrence: 4, floor: 2 })
    ]
  },
  {
    _tag: "Group",
    id: "g2",
    name: "治理",
    weight: 0.5,
    children: [
      leaf("on-time", 0.3, { _tag: "DataSource", source: "case.on-time-rate" }),
      leaf("visits", 0.35, {
        _tag: "DataSource",
        source: "grid.visit-coverage",
        bands: [{ atLeast: 0.8, fraction: 1 }]
      }),
      leaf("rect", 0.35, { _tag: "DataSource", source: "assessment.rectification-rate" })
    ]
  }
])

const make = (input: unknown) => {
  const r = IndicatorSystem.make(input)
  if (Either.isLeft(r)) throw new Error(r.left.message)
  return r.right
}

describe("IndicatorSystem weights", () => {
  it("accepts weights that sum to 1 within floating-point error (0.3 / 0.35 / 0.35)", () => {
    assert.isTrue(Either.isRight(IndicatorSystem.make(every)))
    expect(IndicatorSystem.location(make(every))).toEqual({ division: "360733" })
    expect(IndicatorSystem.leaves(make(every)).map((l) => l.maxPoints)).toEqual([10, 10, 10, 10, 10, 15, 17.5, 17.5])
  })

  it("rejects siblings that do not sum to 1 with a typed error naming the parent and the sum", () => {
    const bad = system([
      {
        _tag: "Group",
        id: "g1",
        name: "党建",
        weight: 1,
        children: [leaf("a", 0.3, { _tag: "YesNo" }), leaf("b", 0.6, { _tag: "YesNo" })]
      }
    ])
    const r = IndicatorSystem.make(bad)
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) {
      assert.instanceOf(r.left, IndicatorSystem.WeightsDoNotSumToOne)
      const e = r.left as IndicatorSystem.WeightsDoNotSumToOne
      expect(e.parent).toBe("g1")
      expect(e.sum).toBeCloseTo(0.9)
      expect(e.path).toEqual(["indicators", 0, "children"])
      expect(e.message).toBe("indicator system sys-1: the weights of the children of g1 sum to 0.9, not 1")
    }
  })

  it("names the top level when the top-level weights are off", () => {
    const r = IndicatorSystem.make(system([leaf("a", 0.5, { _tag: "YesNo" }), leaf("b", 0.6, { _tag: "YesNo" })]))
    assert.isTrue(Either.isLeft(r) && r.left.message.includes("the top-level indicators sum to 1.1"))
  })

  it("reports the path when decoding the class schema directly", () => {
    const bad = system([
      {
        _tag: "Group",
        id: "g1",
        name: "党建",
        weight: 1,
        children: [leaf("a", 0.3, { _tag: "YesNo" }), leaf("b", 0.6, { _tag: "YesNo" })]
      }
    ])
    const r = Decode.decodeEither(IndicatorSystem.IndicatorSystem)(bad)
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) {
      expect(r.left.issues.map((i) => i.path)).toEqual([["indicators", 0, "children"]])
      expect(r.left.issues[0]?.message).toContain("sum to 0.9")
    }
  })

  it("rejects bad input with paths: a negative weight, a missing method, a bad source key", () => {
    const r = IndicatorSystem.make(
      system([
        leaf("a", -1, { _tag: "YesNo" }),
        { _tag: "Leaf", id: "b", name: "b", weight: 1 },
        leaf("c", 1, { _tag: "DataSource", source: "Bad Key" })
      ])
    )
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) {
      assert.instanceOf(r.left, Errors.DecodeError)
      const paths = (r.left as Errors.DecodeError).issues.map((i) => i.path.join("."))
      expect(paths).toContain("indicators.0.weight")
      expect(paths).toContain("indicators.1.method")
      expect(paths).toContain("indicators.2.method.source")
    }
  })

  it("rejects duplicate ids and a deduction floor above the indicator's points as InvalidInput with a path", () => {
    const dup = IndicatorSystem.make(system([leaf("a", 0.5, { _tag: "YesNo" }), leaf("a", 0.5, { _tag: "YesNo" })]))
    assert.isTrue(
      Either.isLeft(dup) && dup.left._tag === "InvalidInput" && dup.left.message.includes("indicators[1].id")
    )
    const floor = IndicatorSystem.make(system([leaf("a", 1, { _tag: "Deduction", perOccurrence: 1, floor: 120 })]))
    assert.isTrue(Either.isLeft(floor) && floor.left._tag === "InvalidInput")
  })

  it("property: any positive weights normalised to sum 1 are accepted; scaled by 1.1 they are rejected", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 12 }), (raw) => {
        const sum = raw.reduce((a, b) => a + b, 0)
        const ok = system(raw.map((w, i) => leaf(`i${i}`, w / sum, { _tag: "YesNo" })))
        expect(Either.isRight(IndicatorSystem.make(ok))).toBe(true)
        const off = system(raw.map((w, i) => leaf(`i${i}`, Math.min(1, (w / sum) * 1.1), { _tag: "YesNo" })))
        const r = IndicatorSystem.make(off)
        if (raw.length > 1) expect(Either.isLeft(r) && r.left._tag === "WeightsDoNotSumToOne").toBe(true)
      })
    )
  })
})

describe("Assessment.score", () => {
  const sys = make(every)
  const inputs = Schema.decodeUnknownSync(Assessment.RawInputs)({
    values: { yes: false, scale: 4, ratio: { numerator: 46, denominator: 50 }, count: 3, deduct: 5 },
    sources: { "case.on-time-rate": 0.9, "grid.visit-coverage": 0.85, "assessment.rectification-rate": 1 }
  })
  const sheet = Assessment.score(sys, inputs)
  const line = (id: string) => sheet.lines.find((l) => l.indicator === id)

  it("scores every method as a share of the indicator's maximum points", () => {
    expect(line("yes")?.points).toBe(0)
    expect(line("scale")?.points).toBe(7.5) // level 4 of 1–5 = 75% of 10
    expect(line("ratio")?.points).toBe(8) // 92% meets the 90% band = 80% of 10
    expect(line("count")?.points).toBe(7.5) // 3 of 4
    expect(line("deduct")?.points).toBe(2) // 10 − 5 × 4 stops at the floor of 2
    expect(line("on-time")?.points).toBe(13.5) // 90% of 15
    expect(line("visits")?.points).toBe(17.5) // band met: full 17.5
    expect(line("rect")?.points).toBe(17.5)
    expect(line("g1")?.points).toBe(25)
    expect(line("g2")?.points).toBe(48.5)
    expect(sheet.total).toBe(73.5)
    expect(sheet.lost).toBe(26.5)
    expect(sheet.findings).toEqual([])
  })

  it("explains every lost point: which indicator lost how many and why", () => {
    expect(Assessment.explain(sheet)).toEqual([
      "党建 > yes: lost 10.00 of 10.00 points — no",
      "党建 > scale: lost 2.50 of 10.00 points — level 4 is worth 75%",
      '党建 > ratio: lost 2.00 of 10.00 points — ratio 46/50 = 92% meets the band "at least 0.9" worth 80%',
      "党建 > count: lost 2.50 of 10.00 points — 3 of the target 4",
      "党建 > deduct: lost 8.00 of 10.00 points — 5 occurrences × 4.00 = 20.00 deducted, stopped at the floor of 2.00",
      "治理 > on-time: lost 1.50 of 15.00 points — case.on-time-rate is 90%"
    ])
    const lost = sheet.lines.filter((l) => l.kind === "leaf").reduce((a, l) => a + l.lost, 0)
    expect(Math.round(lost * 100) / 100).toBe(sheet.lost)
  })

  it("gives full marks an empty explanation", () => {
    const full = Assessment.score(
      sys,
      new Assessment.RawInputs({
        values: { yes: true, scale: 5, ratio: 1, count: 9, deduct: 0 },
        sources: { "case.on-time-rate": 1, "grid.visit-coverage": 1, "assessment.rectification-rate": 1 }
      })
    )
    expect(full.total).toBe(100)
    expect(Assessment.explain(full)).toEqual([])
  })

  it("scores missing and ill-typed inputs 0 with findings that carry the input's path", () => {
    const s = Assessment.score(
      sys,
      new Assessment.RawInputs({
        values: { yes: 1, scale: 7, ratio: { numerator: 3, denominator: 0 }, deduct: 1.5 },
        sources: { "case.on-time-rate": 1.2 }
      })
    )
    expect(s.findings.map((f) => [f.code, f.path.join(".")])).toEqual([
      ["assessment/invalid-input", "values.yes"],
      ["assessment/invalid-input", "values.scale"],
      ["assessment/invalid-input", "values.ratio"],
      ["assessment/missing-input", "values.count"],
      ["assessment/invalid-input", "values.deduct"],
      ["assessment/invalid-source", "sources.case.on-time-rate"],
      ["assessment/missing-source", "sources.grid.visit-coverage"],
      ["assessment/missing-source", "sources.assessment.rectification-rate"]
    ])
    expect(s.total).toBe(0)
    expect(Assessment.explain(s)[1]).toBe(
      "党建 > scale: lost 10.00 of 10.00 points — input is not one of the levels 1, 2, 3, 4, 5"
    )
  })

  it("rejects raw inputs of the wrong shape at decode time with a path", () => {
    const r = Decode.decodeEither(Assessment.RawInputs)({ values: { a: "yes" }, sources: { b: "x" } })
    assert.isTrue(Either.isLeft(r))
    if (Either.isLeft(r)) {
      const paths = r.left.issues.map((i) => i.path.join("."))
      expect(paths).toContain("values.a")
      expect(paths).toContain("sources.b")
    }
  })

  it("property: the sheet (built without validation) is a valid ScoreSheet, its lines sum up, its maxima are the leaves'", () => {
    const anything = fc.oneof(fc.boolean(), fc.integer({ min: -3, max: 12 }), fc.double({ noNaN: true }), fc.string())
    const ratio = fc.oneof(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.record({ numerator: fc.nat(60), denominator: fc.nat(60) })
    )
    const maybe = <A>(a: fc.Arbitrary<A>) => fc.option(fc.oneof(a, anything), { nil: undefined })
    const leafMax = new Map(IndicatorSystem.leaves(sys).map((l) => [l.leaf.id as string, l.maxPoints]))
    const round2 = (n: number) => Math.round(n * 100) / 100
    fc.assert(
      fc.property(
        fc.record({
          yes: maybe(fc.boolean()),
          scale: maybe(fc.integer({ min: 0, max: 6 })),
          ratio: maybe(ratio),
          count: maybe(fc.nat(10)),
          deduct: maybe(fc.nat(10)),
          s1: fc.option(fc.double({ min: -0.5, max: 1.5, noNaN: true }), { nil: undefined }),
          s2: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined })
        }),
        (r) => {
          const values = Object.fromEntries(Object.entries(r).filter(([k, v]) => v !== undefined && k[0] !== "s"))
          const sources = Object.fromEntries(
            Object.entries({ "case.on-time-rate": r.s1, "grid.visit-coverage": r.s2 }).filter(
              ([, v]) => v !== undefined
            )
          )
          const s = Assessment.score(
            sys,
            new Assessment.RawInputs({ values, sources } as never, { disableValidation: true })
          )
          // what validation would have checked: the sheet encodes and decodes back to itself
          expect(Schema.decodeSync(Assessment.ScoreSheet)(Schema.encodeSync(Assessment.ScoreSheet)(s))).toEqual(s)
          for (const l of s.lines) {
            expect(l).toBeInstanceOf(Assessment.IndicatorScore)
            expect(l.lost).toBe(round2(l.maxPoints - l.points))
            if (l.kind === "leaf") expect(l.maxPoints).toBe(round2(leafMax.get(l.indicator) ?? Number.NaN))
            else {
              const below = s.lines.filter((x) => x.kind === "leaf" && x.path.includes(l.indicator))
              expect(l.maxPoints).toBeCloseTo(
                below.reduce((a, x) => a + x.maxPoints, 0),
                9
              )
              expect(l.points).toBeCloseTo(
                below.reduce((a, x) => a + x.points, 0),
                9
              )
              const lost = below.filter((x) => x.lost > 0).map((x) => x.indicator)
              expect(l.reason).toBe(lost.length === 0 ? "full points" : `points lost in ${lost.join(", ")}`)
            }
          }
          expect(s.lines.map((l) => l.indicator)).toEqual([
            "g1",
            "yes",
            "scale",
            "ratio",
            "count",
            "deduct",
            "g2",
            "on-time",
            "visits",
            "rect"
          ])
          for (const f of s.findings) expect(["values", "sources"]).toContain(f.path[0])
        }
      )
    )
  })

  it("property: a total is never above full marks nor below 0, and equals full marks minus the points lost", () => {
    fc.assert(
      fc.property(
        fc.record({
          yes: fc.boolean(),
          scale: fc.integer({ min: 1, max: 5 }),
          ratio: fc.double({ min: 0, max: 1, noNaN: true }),
          count: fc.nat(10),
          deduct: fc.nat(10),
          s1: fc.double({ min: 0, max: 1, noNaN: true }),
          s2: fc.double({ min: 0, max: 1, noNaN: true })
        }),
        (r) => {
          const s = Assessment.score(
            sys,
            new Assessment.RawInputs({
              values: { yes: r.yes, scale: r.scale, ratio: r.ratio, count: r.count, deduct: r.deduct },
              sources: { "case.on-time-rate": r.s1, "grid.visit-coverage": r.s2, "assessment.rectification-rate": r.s1 }
            })
          )
          expect(s.total).toBeGreaterThanOrEqual(0)
          expect(s.total).toBeLessThanOrEqual(100)
          expect(Math.round((s.total + s.lost) * 100) / 100).toBe(100)
        }
      )
    )
  })
})

describe("Assessment.totalScorer", () => {
  const bands = fc.array(
    fc.record({
      atLeast: fc.oneof(fc.double({ min: -0.2, max: 1.2, noNaN: true }), fc.constantFrom(0, 0.5, 1)),
      fraction: fc.double({ min: 0, max: 1, noNaN: true })
    }),
    { minLength: 1, maxLength: 4 }
  )
  const method = fc.oneof(
    fc.constant({ _tag: "YesNo" }),
    fc
      .tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 4 }))
      .map(([min, span]) => IndicatorSystem.linearScale(min, min + span)),
    bands.map((b) => ({ _tag: "Ratio", bands: b })),
    fc.integer({ min: 1, max: 12 }).map((target) => ({ _tag: "CountTarget", target })),
    fc
      .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 5 }))
      .map(([perOccurrence, floor]) => ({ _tag: "Deduction", perOccurrence, floor })),
    fc.option(bands, { nil: undefined }).map((b) => ({
      _tag: "DataSource",
      source: "case.rate",
      ...(b === undefined ? {} : { bands: b })
    }))
  )
  // a system of up to 3 groups of up to 5 leaves, with positive weights normalised to 1 at every level
  const normalise = <A>(xs: ReadonlyArray<readonly [number, A]>) => {
    const sum = xs.reduce((a, [w]) => a + w, 0)
    return xs.map(([w, x]) => [w / sum, x] as const)
  }
  const systemArb = fc
    .array(
      fc.tuple(
        fc.integer({ min: 1, max: 9 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 9 }), method), { minLength: 1, maxLength: 5 })
      ),
      { minLength: 1, maxLength: 3 }
    )
    .chain((groups) =>
      fc.integer({ min: 10, max: 200 }).map((fullMarks) =>
        IndicatorSystem.make(
          system(
            normalise(groups).map(([weight, children], g) => ({
              _tag: "Group",
              id: `g${g}`,
              name: `g${g}`,
              weight,
              children: normalise(children).map(([w, m], i) => leaf(`l${g}-${i}`, w, m))
            })),
            fullMarks
          )
        )
      )
    )
    // a deduction floor above the leaf's maximum is rejected by make: such systems are not scored
    .filter(Either.isRight)
    .map((r) => r.right)
  const value = fc.oneof(
    fc.boolean(),
    fc.integer({ min: -2, max: 14 }),
    fc.double({ min: -0.5, max: 1.5 }),
    // on the bounds of a ratio and of the thresholds above
    fc.constantFrom(0, 0.5, 1),
    fc.record({ numerator: fc.nat(20), denominator: fc.nat(20) }),
    fc.string({ maxLength: 3 }),
    // only without validation: RawInputs decodes finite numbers
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, null)
  )

  const rawInputs = (values: Record<string, unknown>, sources: Record<string, unknown> = {}) =>
    new Assessment.RawInputs({ values, sources } as never, { disableValidation: true })
  type Scorer = (inputs: Assessment.RawInputs) => number
  const RealFunction = Function
  // builds a scorer with `new Function` replaced by `construct` (by default it constructs as usual), counting the
  // functions the scorer asked to generate and how many were built
  const building = (
    build: () => Scorer,
    construct: (args: Array<unknown>) => unknown = (args) => Reflect.construct(RealFunction, args)
  ): { scorer: Scorer; asked: number; built: number } => {
    let asked = 0
    let built = 0
    vi.stubGlobal(
      "Function",
      new Proxy(RealFunction, {
        construct: (_, args) => {
          asked++
          const f = construct(args) as object
          built++
          return f
        }
      })
    )
    try {
      return { scorer: build(), asked, built }
    } finally {
      vi.unstubAllGlobals()
    }
  }

  /** Both scorers (generated source, and closures) are built as asked and total `inputs` as `score` does. */
  const expectBothScorersTotal = (sys: IndicatorSystem.IndicatorSystem, inputs: Assessment.RawInputs) => {
    const expected = Assessment.score(sys, inputs).total
    const generated = building(() => Assessment.totalScorer(sys))
    const closures = building(() => Assessment.totalScorer(sys, { compile: false }))
    expect(generated.built).toBe(1)
    expect(closures.asked).toBe(0)
    expect(generated.scorer(inputs)).toBe(expected)
    expect(closures.scorer(inputs)).toBe(expected)
  }

  it("property: the generated and the closure scorer's totals equal score(...).total for any system and any inputs, bad ones included", () => {
    fc.assert(
      fc.property(
        systemArb,
        fc.dictionary(fc.constantFrom("l0-0", "l0-1", "l0-2", "l1-0", "l1-1", "l2-0", "l2-4"), value),
        fc.option(fc.oneof(fc.double({ min: -0.5, max: 1.5 }), fc.constantFrom(0, 0.5, 1)), { nil: undefined }),
        (sys, values, rate) => {
          const inputs = rawInputs(values, rate === undefined ? {} : { "case.rate": rate })
          expectBothScorersTotal(sys, inputs)
        }
      ),
      { numRuns: 500 }
    )
  })

  // Ids and data-source keys a decoded system never holds (make rejects them), built without validation: the
  // generated source must keep them inside string literals and still read the inputs by them.
  const hostile = [
    '"',
    "'",
    "\\",
    '\\"',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder is one of the hostile ids
    "${globalThis}",
    "__proto__",
    "constructor",
    "line\u2028separator",
    "paragraph\u2029separator",
    "lone \ud800 surrogate",
    "new\nline",
    '"]; globalThis.zhiliInjected = 1; //',
    "</script><script>globalThis.zhiliInjected = 1</script>",
    "*/ globalThis.zhiliInjected = 1; /*"
  ]
  const unchecked = (indicators: ReadonlyArray<unknown>, fullMarks = 100) =>
    new IndicatorSystem.IndicatorSystem(system(indicators, fullMarks) as never, { disableValidation: true })
  // own properties, `__proto__` included (an object literal would set the prototype instead)
  const own = (entries: ReadonlyArray<readonly [string, unknown]>) => {
    const o: Record<string, unknown> = {}
    for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true })
    return o
  }

  it("property: hostile ids cannot break out of the generated source and are scored as score(...) scores them", () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(fc.oneof(fc.constantFrom(...hostile), fc.string({ unit: "binary", maxLength: 6 })), {
            minLength: 1,
            maxLength: 6
          })
          .chain((ids) =>
            fc.tuple(
              fc.constant(ids),
              fc.tuple(...ids.map(() => method)),
              fc.tuple(...ids.map(() => fc.option(value, { nil: undefined })))
            )
          ),
        ([ids, methods, values]) => {
          const sys = unchecked(ids.map((id, k) => leaf(id, 1 / ids.length, methods[k])))
          const inputs = rawInputs(
            own(ids.flatMap((id, k) => (values[k] === undefined ? [] : [[id, values[k]] as const])))
          )
          expectBothScorersTotal(sys, inputs)
          expect((globalThis as Record<string, unknown>).zhiliInjected).toBeUndefined()
        }
      ),
      { numRuns: 500 }
    )
  })

  it("reads hostile ids and data-source keys as plain keys: each leaf earns its points, nothing is injected", () => {
    const ids = hostile
    // 10 points a leaf
    const sys = unchecked(
      [
        ...ids.map((id) => leaf(id, 1 / (ids.length + 1), { _tag: "YesNo" })),
        leaf("source", 1 / (ids.length + 1), { _tag: "DataSource", source: '"]; globalThis.zhiliInjected = 1; //' })
      ],
      10 * (ids.length + 1)
    )
    const all = rawInputs(own(ids.map((id) => [id, true] as const)), own([['"]; globalThis.zhiliInjected = 1; //', 1]]))
    const none = rawInputs({})
    const generated = building(() => Assessment.totalScorer(sys))
    expect(generated.built).toBe(1)
    for (const total of [generated.scorer, Assessment.totalScorer(sys, { compile: false })]) {
      expect(total(all)).toBe(10 * (ids.length + 1))
      expect(total(none)).toBe(0)
      // one leaf answered earns its 10 points and no other's, so no key reads another's input
      for (const id of ids) expect(total(rawInputs(own([[id, true]])))).toBe(10)
      expect(total(rawInputs({}, own([['"]; globalThis.zhiliInjected = 1; //', 0.5]])))).toBe(5)
    }
    expect((globalThis as Record<string, unknown>).zhiliInjected).toBeUndefined()
  })

  it("falls back to the closure scorer where new Function is forbidden (a Content Security Policy) or a constant is not finite", () => {
    const sys = make(every)
    const inputs = rawInputs(
      { yes: true, scale: 4, ratio: { numerator: 9, denominator: 10 }, count: 3, deduct: 1 },
      { "case.on-time-rate": 0.9, "grid.visit-coverage": 0.85, "assessment.rectification-rate": 0.5 }
    )
    const expected = Assessment.score(sys, inputs).total
    const forbidden = building(
      () => Assessment.totalScorer(sys),
      () => {
        throw new EvalError("Refused to evaluate a string as JavaScript because 'unsafe-eval' is not allowed")
      }
    )
    expect(forbidden.asked).toBe(1)
    expect(forbidden.built).toBe(0)
    expect(forbidden.scorer(inputs)).toBe(expected)
    expect(forbidden.scorer(rawInputs({}))).toBe(0)

    // a target of Infinity (only without validation) has no literal: the closure scorer scores it, 0 points for it
    const infinite = unchecked([
      leaf("count", 0.5, { _tag: "CountTarget", target: Number.POSITIVE_INFINITY }),
      leaf("yes", 0.5, { _tag: "YesNo" })
    ])
    const answered = rawInputs({ count: 3, yes: true })
    const unwritable = building(() => Assessment.totalScorer(infinite))
    expect(unwritable.asked).toBe(0)
    expect(unwritable.scorer(answered)).toBe(Assessment.score(infinite, answered).total)
    expect(unwritable.scorer(answered)).toBe(50)
  })
})
