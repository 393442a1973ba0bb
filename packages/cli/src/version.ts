/**
 * The version of `@zhili/cli` (its `package.json` version, written by `pnpm version-packages`).
 *
 * @since 0.1.0
 * @category constants
 */
export const version: string = "0.0.0"
