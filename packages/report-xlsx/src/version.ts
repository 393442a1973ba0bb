/**
 * The version of `@zhili/report-xlsx`, stated by its plugin. Kept equal to package.json by
 * `scripts/sync-version.mjs` (run by `pnpm version-packages`); a test fails if they differ.
 *
 * @since 0.1.0
 */
export const version: string = "0.0.0"
