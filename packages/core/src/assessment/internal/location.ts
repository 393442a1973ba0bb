/** The `Scope.Location` of a record owned by `tenant` about org unit `unit`. */
export const locate = (
  tenant: string,
  unit: string,
  orgPath?: (unit: string) => ReadonlyArray<string>
): { readonly division: string; readonly org: ReadonlyArray<string> } => ({
  division: tenant,
  org: orgPath === undefined ? [unit] : orgPath(unit)
})

/** Rounds to two decimals, half away from zero, clearing floating-point noise first. */
export const round2 = (n: number): number => {
  const clean = Math.round(n * 1e9) / 1e9
  return (Math.sign(clean) * Math.round(Math.abs(clean) * 100)) / 100
}

/** Formats points with two decimals. */
export const pts = (n: number): string => n.toFixed(2)
