/**
 * The version of `@zhili/core`, checked against plugins' `requires.core` ranges. Kept equal to package.json by
 * `scripts/sync-version.mjs`, which `pnpm version-packages` runs after `changeset version`; a test fails if they
 * drift.
 *
 * @since 0.1.0
 */
export const coreVersion: string = "0.0.0"
