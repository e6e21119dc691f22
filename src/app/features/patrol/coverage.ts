/** Which windows were visited today (a finding recorded there, or checked as normal) and which were not. */
export function coverage(
  windowIds: readonly string[],
  today: { findings: readonly { windowId?: string }[]; visits: readonly { windowId: string }[] },
): { visited: Set<string>; unvisited: string[] } {
  const visited = new Set<string>();
  for (const f of today.findings) if (f.windowId) visited.add(f.windowId);
  for (const v of today.visits) visited.add(v.windowId);
  return { visited, unvisited: windowIds.filter((id) => !visited.has(id)) };
}
