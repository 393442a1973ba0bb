/**
 * The total of an indicator system compiled to JavaScript source (like ajv's validators): one straight-line function
 * whose input keys are string literals and whose constants are numeric literals, so the engine caches every property
 * read as it does in a hand-written loop. It computes exactly what `Assessment`'s closure scorer (`leafPoints`)
 * computes, expression for expression; a system it cannot write as literals is left to that scorer.
 */
import type { Band, Leaf } from "../IndicatorSystem.js"
import { round2 } from "./location.js"

/** A leaf with the maximum points it is scored against. */
export interface PlacedMax {
  readonly leaf: Leaf
  readonly max: number
}

/** A finite number as a source literal (parenthesised when negative, `-0` kept), else not representable. */
const num = (n: unknown): string => {
  if (typeof n !== "number" || !Number.isFinite(n)) throw new Error("not representable as a literal")
  if (Object.is(n, -0)) return "(-0)"
  return n < 0 ? `(${String(n)})` : String(n)
}

/**
 * A string as a source literal. `JSON.stringify` escapes quotes, backslashes, control characters and lone surrogates;
 * U+2028 and U+2029 are escaped as well, so the literal is safe in any engine's parser.
 */
const str = (s: unknown): string => {
  if (typeof s !== "string") throw new Error("not representable as a literal")
  return JSON.stringify(s)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029")
}

/** `x >= a1 ? c1 : x >= a2 ? c2 : … : none`, over the bands sorted highest first as `bandFraction` sorts them. */
const bandChain = (x: string, bands: ReadonlyArray<Band>, max: number): string => {
  const sorted = [...bands].sort((a, b) => b.atLeast - a.atLeast)
  let out = num(round2(max * 0))
  for (let k = sorted.length - 1; k >= 0; k--) {
    const b = sorted[k] as Band
    out = `(${x} >= ${num(b.atLeast)} ? ${num(round2(max * b.fraction))} : ${out})`
  }
  return out
}

/** One leaf's rounded points as an expression over `v` (the values), `s` (the sources) and the temporaries `x`, `r`. */
const leafSource = (leaf: Leaf, max: number): string => {
  const m = leaf.method
  const read = `(x = v[${str(leaf.id)}])`
  switch (m._tag) {
    case "YesNo":
      return `(v[${str(leaf.id)}] === true ? ${num(round2(max))} : 0)`
    case "Scale": {
      const seen = new Set<number>()
      let out = "0"
      const firsts: Array<{ level: number; fraction: number }> = []
      for (const l of m.levels) {
        if (seen.has(l.level)) continue
        seen.add(l.level)
        firsts.push(l)
      }
      for (let k = firsts.length - 1; k >= 0; k--) {
        const l = firsts[k] as { level: number; fraction: number }
        out = `(x === ${num(l.level)} ? ${num(round2(max * l.fraction))} : ${out})`
      }
      return `(${read}, ${out})`
    }
    case "Ratio":
      return (
        `(${read}, r = typeof x === "number" ? (x >= 0 && x <= 1 ? x : NaN)` +
        ` : typeof x === "object" && x !== null` +
        ` ? (x.denominator === 0 || x.numerator > x.denominator ? NaN : x.numerator / x.denominator) : NaN,` +
        ` ${bandChain("r", m.bands, max)})`
      )
    case "CountTarget":
      return `(${read}, typeof x !== "number" || x < 0 ? 0 : round2(${num(max)} * Math.min(1, x / ${num(m.target)})))`
    case "Deduction":
      return (
        `(${read}, typeof x !== "number" || !Number.isInteger(x) || x < 0 ? 0` +
        ` : x === 0 ? ${num(round2(max))} : round2(Math.max(${num(m.floor)}, ${num(max)} - x * ${num(m.perOccurrence)})))`
      )
    case "DataSource": {
      const rated = m.bands === undefined ? `round2(${num(max)} * x)` : bandChain("x", m.bands, max)
      return `((x = s[${str(m.source)}]) === undefined || x < 0 || x > 1 ? 0 : ${rated})`
    }
    default:
      throw new Error("unknown scoring method")
  }
}

/**
 * The generated function body: `t` starts at 0 and adds each leaf's rounded points in document order, as the closure
 * scorer's loop does, so the floating-point sum is the same.
 */
const totalSource = (leaves: ReadonlyArray<PlacedMax>): string => {
  const lines = leaves.map((p) => `  t += ${leafSource(p.leaf, p.max)};`)
  return [
    "return function total(inputs) {",
    "  var v = inputs.values, s = inputs.sources, x, r, t = 0;",
    ...lines,
    "  return round2(t);",
    "};"
  ].join("\n")
}

/**
 * The compiled total of the placed leaves, or `undefined` when a key or constant cannot be written as a literal, the
 * system is malformed (built without validation), or the platform forbids `new Function` (a Content Security Policy
 * without `unsafe-eval` makes it throw). The closure scorer then scores, with its own behaviour on malformed systems.
 */
export const compileTotal = (leaves: ReadonlyArray<PlacedMax>): ((inputs: unknown) => number) | undefined => {
  try {
    return new Function("round2", totalSource(leaves))(round2) as (inputs: unknown) => number
  } catch {
    return undefined
  }
}
