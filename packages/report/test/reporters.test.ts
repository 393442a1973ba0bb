import { Csv, Html, Json, Markdown } from "@zhili/report"
import { ReporterSuite } from "@zhili/testing/suites"

ReporterSuite.suite("markdown", Markdown.reporter)
ReporterSuite.suite("html", Html.reporter)
ReporterSuite.suite("csv", Csv.reporter)
ReporterSuite.suite("json", Json.reporter)
