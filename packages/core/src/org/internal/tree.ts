// The id path from the root of a parent-pointer tree down to a node; stops at an unknown parent or a cycle.
export const pathIn = (
  id: string,
  byId: ReadonlyMap<string, { readonly id: string; readonly parent?: string | undefined }>
): Array<string> => {
  const path: Array<string> = []
  let at = byId.get(id)
  if (at === undefined) return [id]
  while (at !== undefined && !path.includes(at.id)) {
    path.unshift(at.id)
    at = at.parent === undefined ? undefined : byId.get(at.parent)
  }
  return path
}
