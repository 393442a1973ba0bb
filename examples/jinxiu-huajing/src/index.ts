/**
 * The `jinxiu-huajing` example: the Lianjiang compound 锦绣华景小区 on embedded SQLite with the Effect API, its
 * runtime composed from plugins.
 *
 * @packageDocumentation
 */

/** The example's program, its runtimes (policy packs) and what a run finds. */
export * as JinxiuHuajing from "./JinxiuHuajing.js"
