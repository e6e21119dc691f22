import type { LoggedFinding } from '../../../device/loggedFinding';

/** The items this inspector used most recently (newest first, each once), as `schemeId/itemId` keys. */
export function recentItemKeys(findings: readonly LoggedFinding[], actorId: string, limit: number): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (let i = findings.length - 1; i >= 0 && out.length < limit; i--) {
    const f = findings[i];
    if (!f || f.actorId !== actorId) continue;
    const key = `${f.schemeId}/${f.itemId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(key);
  }
  return out;
}
