/**
 * The conformance suite every report renderer runs with one line: it renders the sample report
 * (`ReportSample.document`) and checks that every section title and every figure (label and value) is in the
 * output, that the raw personal values of the sample never appear in the output bytes, and that a disclosure's
 * reason is stated when one is given.
 *
 * @since 0.1.0
 */
import { assert, describe, it } from "@effect/vitest"
import { Privacy, Report, type Reporter } from "@zhili/core"
import { Effect } from "effect"
import * as ReportSample from "./fixtures/ReportSample.js"

/**
 * Options of the suite. `text` turns the rendered files into searchable text when their bytes are not plain UTF-8
 * (a zipped spreadsheet); by default the bytes are decoded as UTF-8.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  readonly text?: (artifacts: ReadonlyArray<Reporter.Artifact>) => Effect.Effect<string, unknown>
}

const decodeAll = (artifacts: ReadonlyArray<Reporter.Artifact>): string =>
  artifacts.map((a) => new TextDecoder("utf-8").decode(a.bytes)).join("\n")

/**
 * The ways a figure's value may be written: formatted as the report prints it, or as the raw number.
 *
 * @since 0.1.0
 * @category helpers
 */
export const valueForms = (figure: Report.Figure): ReadonlyArray<string> =>
  figure.value === null ? ["—", "null"] : [Report.formatValue(figure.value, figure.kind), String(figure.value)]

/**
 * Runs the renderer conformance suite for one reporter.
 *
 * @since 0.1.0
 * @category suites
 */
export const suite = (name: string, reporter: Reporter.Reporter, options: Options = {}): void => {
  describe(`Reporter conformance: ${name}`, () => {
    const render = (document: Report.ReportDocument) =>
      Effect.gen(function* () {
        const artifacts = yield* reporter.render(document)
        const text = options.text === undefined ? decodeAll(artifacts) : yield* options.text(artifacts)
        return { artifacts, text, raw: decodeAll(artifacts) }
      })

    it.effect("renders at least one named file of its media type", () =>
      Effect.gen(function* () {
        const { artifacts } = yield* render(ReportSample.document())
        assert.isAbove(artifacts.length, 0)
        assert.isTrue(artifacts.some((a) => a.name.endsWith(`.${reporter.fileExtension}`)))
        assert.isTrue(artifacts.some((a) => a.mediaType === reporter.mediaType))
        for (const a of artifacts) assert.isAbove(a.bytes.length, 0, `${a.name} is empty`)
        assert.strictEqual(new Set(artifacts.map((a) => a.name)).size, artifacts.length, "file names are unique")
      })
    )

    for (const locale of ["zh-CN", "en"] as const) {
      it.effect(`shows the title, every section title and every figure (${locale})`, () =>
        Effect.gen(function* () {
          const document = ReportSample.document({ locale })
          const { text } = yield* render(document)
          assert.include(text, document.title)
          for (const section of document.sections) {
            assert.include(text, section.title, `section ${section.id}`)
            for (const figure of section.figures) {
              assert.include(text, figure.label, `figure ${figure.id} label`)
              assert.isTrue(
                valueForms(figure).some((v) => text.includes(v)),
                `figure ${figure.id} value ${valueForms(figure).join(" or ")} is not in the output`
              )
            }
          }
        })
      )
    }

    it.effect("keeps personal data masked: raw identity number, phone and child name never appear", () =>
      Effect.gen(function* () {
        const { raw, text } = yield* render(ReportSample.document())
        for (const secret of Object.values(ReportSample.secrets)) {
          assert.notInclude(raw, secret)
          assert.notInclude(text, secret)
        }
        assert.include(text, Privacy.maskIdNumber(ReportSample.secrets.idNumber))
        assert.include(text, Privacy.maskMobile(ReportSample.secrets.phone))
      })
    )

    it.effect("states the reason when a disclosure reveals personal data", () =>
      Effect.gen(function* () {
        const disclosure = new Privacy.Disclosure({ reason: "法院调取 (2025) 粤0881民初17号", fields: ["phone"] })
        const { text } = yield* render(ReportSample.document({ disclosure }))
        assert.include(text, disclosure.reason)
        assert.include(text, ReportSample.secrets.phone)
        assert.notInclude(text, ReportSample.secrets.idNumber)
      })
    )
  })
}
