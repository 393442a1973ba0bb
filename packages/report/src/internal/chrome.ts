import { Labels, Report } from "@zhili/core"

/** The report's own words in the document's locale. */
export const chrome = (
  document: Report.ReportDocument,
  id: string,
  params?: Readonly<Record<string, string | number>>
) => Labels.text(Labels.defaults, id, document.locale, params)

/** The header facts every renderer prints, as label/value pairs. */
export const facts = (document: Report.ReportDocument): ReadonlyArray<readonly [string, string]> => [
  [chrome(document, "report.period"), `${document.period.from} — ${document.period.to}`],
  [
    chrome(document, "report.scope"),
    document.scope.division === undefined
      ? document.scope.label
      : `${document.scope.label} (${document.scope.division})`
  ],
  [chrome(document, "report.generatedAt"), Report.formatInstant(document.generatedAt)],
  [chrome(document, "report.generatedFrom"), document.generatedFrom]
]

/** The privacy line: masked by default, or the disclosure and its reason. */
export const privacyNote = (document: Report.ReportDocument): string =>
  document.disclosure === undefined
    ? chrome(document, "report.masked")
    : chrome(document, "report.disclosed", { reason: document.disclosure.reason })

/** Safe file-name part from an id. */
export const slug = (id: string): string => id.replace(/[^A-Za-z0-9_.-]+/g, "-").replace(/^-+|-+$/g, "") || "x"
