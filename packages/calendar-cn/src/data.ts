/**
 * The State Council holiday arrangements as data, one entry per year, copied from the table in the project's
 * STANDARDS.md ("Official working-day calendar", checked against the notices). Adding a year is adding an entry
 * here (or passing it to `make` at run time): no code changes.
 *
 * @since 0.1.0
 */

/**
 * One holiday of a notice: its name, its off range (inclusive, weekend days inside it included) and the weekend days
 * that become working days for it (调休上班).
 *
 * @since 0.1.0
 * @category models
 */
export interface Arrangement {
  readonly name: string
  readonly nameZh: string
  /** First and last day off, inclusive (`YYYY-MM-DD`). */
  readonly off: readonly [string, string]
  /** Make-up working days (`YYYY-MM-DD`), each a Saturday or Sunday. */
  readonly makeUp: ReadonlyArray<string>
}

/**
 * One year's notice: where it comes from and its arrangements.
 *
 * @since 0.1.0
 * @category models
 */
export interface YearNotice {
  readonly year: number
  readonly source: {
    readonly title: string
    /** Document number (文号), when known. */
    readonly reference?: string
    /** Publication date (`YYYY-MM-DD`). */
    readonly published: string
    readonly note?: string
  }
  readonly arrangements: ReadonlyArray<Arrangement>
}

/**
 * The notices for 2024, 2025 and 2026.
 *
 * @since 0.1.0
 * @category data
 */
export const notices: ReadonlyArray<YearNotice> = [
  {
    year: 2024,
    source: {
      title: "国务院办公厅关于2024年部分节假日安排的通知",
      reference: "国办发明电〔2023〕7号",
      published: "2023-10-25"
    },
    arrangements: [
      { name: "New Year's Day", nameZh: "元旦", off: ["2024-01-01", "2024-01-01"], makeUp: [] },
      {
        name: "Spring Festival",
        nameZh: "春节",
        off: ["2024-02-10", "2024-02-17"],
        makeUp: ["2024-02-04", "2024-02-18"]
      },
      { name: "Qingming Festival", nameZh: "清明节", off: ["2024-04-04", "2024-04-06"], makeUp: ["2024-04-07"] },
      { name: "Labour Day", nameZh: "劳动节", off: ["2024-05-01", "2024-05-05"], makeUp: ["2024-04-28", "2024-05-11"] },
      { name: "Dragon Boat Festival", nameZh: "端午节", off: ["2024-06-10", "2024-06-10"], makeUp: [] },
      { name: "Mid-Autumn Festival", nameZh: "中秋节", off: ["2024-09-15", "2024-09-17"], makeUp: ["2024-09-14"] },
      {
        name: "National Day",
        nameZh: "国庆节",
        off: ["2024-10-01", "2024-10-07"],
        makeUp: ["2024-09-29", "2024-10-12"]
      }
    ]
  },
  {
    year: 2025,
    source: {
      title: "国务院办公厅关于2025年部分节假日安排的通知",
      reference: "国办发明电〔2024〕12号",
      published: "2024-11-12",
      note: "first year under the revised national holiday rules, which added one day to Spring Festival and one to Labour Day"
    },
    arrangements: [
      { name: "New Year's Day", nameZh: "元旦", off: ["2025-01-01", "2025-01-01"], makeUp: [] },
      {
        name: "Spring Festival",
        nameZh: "春节",
        off: ["2025-01-28", "2025-02-04"],
        makeUp: ["2025-01-26", "2025-02-08"]
      },
      { name: "Qingming Festival", nameZh: "清明节", off: ["2025-04-04", "2025-04-06"], makeUp: [] },
      { name: "Labour Day", nameZh: "劳动节", off: ["2025-05-01", "2025-05-05"], makeUp: ["2025-04-27"] },
      { name: "Dragon Boat Festival", nameZh: "端午节", off: ["2025-05-31", "2025-06-02"], makeUp: [] },
      {
        name: "National Day and Mid-Autumn Festival",
        nameZh: "国庆节、中秋节",
        off: ["2025-10-01", "2025-10-08"],
        makeUp: ["2025-09-28", "2025-10-11"]
      }
    ]
  },
  {
    year: 2026,
    source: {
      title: "国务院办公厅关于2026年部分节假日安排的通知",
      published: "2025-11-04",
      note: "document number not recorded in STANDARDS.md"
    },
    arrangements: [
      { name: "New Year's Day", nameZh: "元旦", off: ["2026-01-01", "2026-01-03"], makeUp: ["2026-01-04"] },
      {
        name: "Spring Festival",
        nameZh: "春节",
        off: ["2026-02-15", "2026-02-23"],
        makeUp: ["2026-02-14", "2026-02-28"]
      },
      { name: "Qingming Festival", nameZh: "清明节", off: ["2026-04-04", "2026-04-06"], makeUp: [] },
      { name: "Labour Day", nameZh: "劳动节", off: ["2026-05-01", "2026-05-05"], makeUp: ["2026-05-09"] },
      { name: "Dragon Boat Festival", nameZh: "端午节", off: ["2026-06-19", "2026-06-21"], makeUp: [] },
      { name: "Mid-Autumn Festival", nameZh: "中秋节", off: ["2026-09-25", "2026-09-27"], makeUp: [] },
      {
        name: "National Day",
        nameZh: "国庆节",
        off: ["2026-10-01", "2026-10-07"],
        makeUp: ["2026-09-20", "2026-10-10"]
      }
    ]
  }
]
