/**
 * Charts (图表) rendered on the server to SVG with Apache ECharts (`renderer: "svg"`, `ssr: true`): no browser and
 * no script are needed to show them. Each series becomes a bar, line or pie chart after its kind hint.
 *
 * @since 0.1.0
 */
import type { Report } from "@zhili/core"
import { BarChart, LineChart, PieChart } from "echarts/charts"
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components"
import * as echarts from "echarts/core"
import { SVGRenderer } from "echarts/renderers"

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer])

/**
 * The palette, chosen to stay distinct for readers with red–green colour blindness (Okabe–Ito).
 *
 * @since 0.1.0
 * @category style
 */
export const palette: ReadonlyArray<string> = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#56B4E9",
  "#D55E00",
  "#F0E442"
]

/**
 * Size of a rendered chart in pixels; the SVG keeps its viewBox, so pages scale it to their width.
 *
 * @since 0.1.0
 * @category models
 */
export interface Size {
  readonly width: number
  readonly height: number
}

const fontFamily =
  '"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif'

/**
 * The ECharts option for a series: axis chart for `bar` and `line`, one pie of the first data line for `pie`.
 * Animation is off so the SVG is complete when rendered.
 *
 * @since 0.1.0
 * @category charts
 */
export const option = (series: Report.Series): echarts.EChartsCoreOption => {
  const common = {
    animation: false,
    color: [...palette],
    textStyle: { fontFamily, fontSize: 13 },
    legend: { top: 0, type: "plain" as const }
  }
  if (series.kind === "pie") {
    const first = series.data[0]
    return {
      ...common,
      series: [
        {
          type: "pie",
          name: first?.name ?? series.title,
          radius: ["35%", "65%"],
          center: ["50%", "56%"],
          label: { formatter: "{b}: {c}" },
          data: series.categories.map((name, i) => ({ name, value: first?.values[i] ?? 0 }))
        }
      ]
    }
  }
  return {
    ...common,
    grid: { left: 8, right: 16, top: 44, bottom: 8 },
    xAxis: { type: "category", data: [...series.categories], axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: { type: "value", name: series.unit, nameTextStyle: { align: "left" } },
    series: series.data.map((d) => ({
      type: series.kind,
      name: d.name,
      data: [...d.values],
      label: { show: series.categories.length <= 8, position: "top" }
    }))
  }
}

/**
 * Renders a series to an SVG string. `prefix` replaces ECharts' per-process class prefix so that several charts on
 * one page never share class names and the output is the same on every run.
 *
 * @since 0.1.0
 * @category charts
 */
export const toSvg = (series: Report.Series, size: Size = { width: 640, height: 360 }, prefix = "c0"): string => {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: size.width, height: size.height })
  try {
    chart.setOption(option(series))
    return chart.renderToSVGString().replace(/\bzr\d+-/g, `${prefix}-`)
  } finally {
    chart.dispose()
  }
}
