import type { Scheme } from '../scheme/parseScheme';
import { fix } from './points';
import type { SubjectResult } from './results';

/**
 * The points each item gave one subject in the period, as the engine counted them: the item's base, the counted lines
 * of its explanation (findings, period rules, follow-ups, co-deductions landing on this subject) and its cap. The
 * category's floors and caps and the bonus cap act on the category, not here; pending lines are not counted. Items of
 * the subject's table that moved nothing have their base (or 0). The rows of the 任务分解表 export (seed 004).
 */
export function itemPoints(scheme: Scheme, result: SubjectResult): Map<string, number> {
  const table = scheme.tables.find((t) => t.subject === result.subject);
  const categories = new Set((table?.categories ?? []).map((c) => c.id));
  const out = new Map<string, number>();
  const moved = new Map<string, number>();
  const trimmed = new Map<string, number>();
  for (const line of result.explanation) {
    if ((line.kind === 'finding' || line.kind === 'period') && line.status === 'counted') moved.set(line.itemId, (moved.get(line.itemId) ?? 0) + line.points);
    else if (line.kind === 'follow-up') moved.set(line.itemId, (moved.get(line.itemId) ?? 0) + line.points);
    else if (line.kind === 'item-cap') trimmed.set(line.itemId, line.trimmed);
  }
  for (const item of scheme.items) {
    if (!categories.has(item.category)) continue;
    const raw = moved.get(item.id) ?? 0;
    const cut = trimmed.get(item.id) ?? 0;
    const capped = raw < 0 ? raw + cut : raw - cut;
    out.set(item.id, fix((item.base ?? 0) + capped));
  }
  return out;
}
