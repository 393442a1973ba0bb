/**
 * HTML renderer (网页报表): one self-contained file — inline CSS, charts as inline SVG rendered on the server with
 * ECharts, no script and no network access needed to view it. Readable on a phone: a single column that widens on
 * larger screens, tables that scroll sideways, and charts drawn in a narrow and a wide layout, one shown per screen.
 *
 * @since 0.1.0
 */
import { Report as R, type Report, Reporter } from "@zhili/core"
import { Effect } from "effect"
import * as Charts from "./Charts.js"
import { chrome, facts, privacyNote, slug } from "./internal/chrome.js"

/**
 * Escapes text for HTML content and attribute values.
 *
 * @since 0.1.0
 * @category encoding
 */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c)

/**
 * The page's style sheet (inlined in every report).
 *
 * @since 0.1.0
 * @category style
 */
export const css = `
:root{--ink:#1f2933;--muted:#5f6b7a;--line:#d9dee5;--card:#f6f8fa;--accent:#0072B2;--warn:#8a4b00}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--ink);background:#fff;font:16px/1.6 "PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",system-ui,sans-serif}
main{max-width:960px;margin:0 auto;padding:16px}
h1{font-size:1.5rem;line-height:1.3;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:2rem 0 .75rem;padding-bottom:.25rem;border-bottom:2px solid var(--accent)}
h3{font-size:1.05rem;margin:1.25rem 0 .5rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem .75rem;margin:0 0 1rem;font-size:.95rem}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0;min-width:0;overflow-wrap:anywhere}
.privacy{border-left:4px solid var(--accent);background:var(--card);padding:.5rem .75rem;font-size:.9rem;margin:0 0 1rem}
.privacy.disclosed{border-color:var(--warn);color:var(--warn)}
nav ol{margin:.25rem 0 0;padding-left:1.25rem}
nav a{color:var(--accent)}
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:12px;margin:0;padding:0;list-style:none}
.figure{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px}
.figure .label{font-size:.9rem;color:var(--muted)}
.figure .value{font-size:1.75rem;font-weight:600;line-height:1.2;margin:.25rem 0;color:var(--ink)}
.figure .unit{font-size:.95rem;font-weight:400;margin-left:.25rem;color:var(--muted)}
.figure details{font-size:.8rem;color:var(--muted)}
.figure summary{cursor:pointer}
.table-wrap{margin:1rem 0;overflow-x:auto;-webkit-overflow-scrolling:touch;border:1px solid var(--line);border-radius:6px}
table{border-collapse:collapse;width:100%;font-size:.9rem}
caption{text-align:left;font-weight:600;padding:.5rem .75rem;position:sticky;left:0}
th,td{padding:.4rem .75rem;border-top:1px solid var(--line);text-align:left;white-space:nowrap}
th{background:var(--card);font-weight:600}
th.num,td.num{text-align:right;font-variant-numeric:tabular-nums}
figure.chart{margin:1rem 0;padding:8px;border:1px solid var(--line);border-radius:8px}
figure.chart figcaption{font-weight:600;margin-bottom:.25rem}
figure.chart svg{display:block;width:100%;height:auto}
figure.chart .narrow{display:none}
.notes{font-size:.9rem;color:var(--muted)}
footer{margin-top:2rem;font-size:.8rem;color:var(--muted)}
@media (max-width:600px){
  main{padding:12px}
  h1{font-size:1.3rem}
  dl.facts{grid-template-columns:1fr}
  dl.facts dd{margin-bottom:.35rem}
  .figures{grid-template-columns:1fr 1fr;gap:8px}
  .figure{padding:10px}
  .figure .value{font-size:1.4rem}
  figure.chart .wide{display:none}
  figure.chart .narrow{display:block}
}
@media print{figure.chart .narrow{display:none}figure.chart .wide{display:block}.figure details{display:none}}
`

const figureHtml = (f: Report.Figure, document: Report.ReportDocument): string => {
  const value = R.formatValue(f.value, f.kind)
  const unit = f.kind === "percent" || f.value === null ? "" : `<span class="unit">${escapeHtml(f.unit)}</span>`
  return `<li class="figure" data-figure-id="${escapeHtml(f.id)}"><div class="label">${escapeHtml(f.label)}</div><div class="value">${escapeHtml(value)}${unit}</div><details><summary>${escapeHtml(chrome(document, "report.formula"))}</summary><div>${escapeHtml(f.computation.formula)}</div><div>${escapeHtml(chrome(document, "report.inputs"))}: ${escapeHtml(R.formatInputs(f.computation))}</div></details></li>`
}

const numeric = (type: Report.ColumnType) => type === "integer" || type === "decimal" || type === "percent"

const tableHtml = (t: Report.Table, id: string): string => {
  const head = t.columns.map(
    (c) => `<th scope="col"${numeric(c.type) ? ' class="num"' : ""}>${escapeHtml(c.label)}</th>`
  )
  const body = t.rows.map(
    (row) =>
      `<tr>${t.columns
        .map((c, ci) => {
          const text = R.formatCell(row[ci] ?? null, c.type)
          return `<td${numeric(c.type) ? ' class="num"' : ""} data-type="${c.type}">${escapeHtml(text)}</td>`
        })
        .join("")}</tr>`
  )
  return `<div class="table-wrap"><table id="${escapeHtml(id)}"><caption>${escapeHtml(t.title)}</caption><thead><tr>${head.join("")}</tr></thead><tbody>${body.join("")}</tbody></table></div>`
}

const chartHtml = (s: Report.Series, id: string): string => {
  const names = s.kind === "pie" ? s.categories : s.data.map((d) => d.name)
  const wide = Charts.toSvg(s, { width: 720, height: 360 }, `${id}-w`)
  const narrow = Charts.toSvg(s, { width: 360, height: 320 }, `${id}-n`)
  return `<figure class="chart" id="${escapeHtml(id)}" data-kind="${s.kind}" data-series="${escapeHtml(JSON.stringify(names))}"><figcaption>${escapeHtml(s.title)}${s.unit === "" ? "" : ` (${escapeHtml(s.unit)})`}</figcaption><div class="wide" role="img" aria-label="${escapeHtml(s.title)}">${wide}</div><div class="narrow" role="img" aria-label="${escapeHtml(s.title)}">${narrow}</div></figure>`
}

/**
 * Renders a document as one self-contained HTML page.
 *
 * @since 0.1.0
 * @category rendering
 */
export const toHtml = (document: Report.ReportDocument): string => {
  const lang = document.locale === "zh-CN" ? "zh-CN" : "en"
  const factsHtml = facts(document)
    .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`)
    .join("")
  const toc = document.sections
    .map((s) => `<li><a href="#s-${escapeHtml(slug(s.id))}">${escapeHtml(s.title)}</a></li>`)
    .join("")
  const sections = document.sections
    .map((s, i) => {
      const sid = `s-${slug(s.id)}`
      const parts: Array<string> = [`<section id="${escapeHtml(sid)}"><h2>${escapeHtml(`${i + 1}. ${s.title}`)}</h2>`]
      if (s.figures.length > 0)
        parts.push(`<ul class="figures">${s.figures.map((f) => figureHtml(f, document)).join("")}</ul>`)
      parts.push(...s.series.map((x, xi) => chartHtml(x, `${sid}-chart-${xi}`)))
      parts.push(...s.tables.map((t, ti) => tableHtml(t, `${sid}-table-${ti}`)))
      if (s.notes.length > 0)
        parts.push(`<div class="notes">${s.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join("")}</div>`)
      parts.push("</section>")
      return parts.join("\n")
    })
    .join("\n")
  const disclosed = document.disclosure !== undefined
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="zhili">
<title>${escapeHtml(document.title)}</title>
<style>${css}</style>
</head>
<body>
<main>
<h1>${escapeHtml(document.title)}</h1>
<dl class="facts">${factsHtml}</dl>
<p class="privacy${disclosed ? " disclosed" : ""}">${escapeHtml(privacyNote(document))}</p>
<nav aria-label="${escapeHtml(chrome(document, "report.contents"))}"><strong>${escapeHtml(chrome(document, "report.contents"))}</strong><ol>${toc}</ol></nav>
${sections}
<footer>${escapeHtml(chrome(document, "report.generatedAt"))}: ${escapeHtml(R.formatInstant(document.generatedAt))}</footer>
</main>
</body>
</html>
`
}

/**
 * The HTML reporter: `<scope>.html`, `text/html`, one self-contained file.
 *
 * @since 0.1.0
 * @category reporters
 */
export const reporter: Reporter.Reporter = Reporter.make({
  id: "html",
  mediaType: "text/html; charset=utf-8",
  fileExtension: "html",
  render: (document) =>
    Effect.try({
      try: () => [
        {
          name: `${slug(document.scope.division ?? "report")}.html`,
          mediaType: "text/html; charset=utf-8",
          bytes: Reporter.utf8(toHtml(document))
        }
      ],
      catch: (e) => new Reporter.RenderError({ reporter: "html", reason: e instanceof Error ? e.message : String(e) })
    })
})
