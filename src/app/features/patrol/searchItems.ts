import { displayText } from '../../../core/scheme/displayText';
import type { PatrolItem } from './patrolItems';

/**
 * Find items by Chinese text (玩手机, 手机) or by pinyin: initials (wsj) or full (wanshouji). Best matches first:
 * the name or initials starting with the query, then containing it, then the regulation's text (as displayed: simplified Chinese) containing it.
 */
export function searchItems(items: readonly PatrolItem[], query: string): PatrolItem[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, '');
  if (!q) return [...items];
  const latin = /^[a-z0-9]+$/.test(q);
  const scored: { it: PatrolItem; rank: number; order: number }[] = [];
  items.forEach((it, order) => {
    const name = it.item.name.toLowerCase();
    let rank = -1;
    if (name.startsWith(q) || (latin && (it.search.initials.startsWith(q) || it.search.pinyin.startsWith(q)))) rank = 0;
    else if (name.includes(q) || (latin && (it.search.initials.includes(q) || it.search.pinyin.includes(q)))) rank = 1;
    else if (displayText(it.item).includes(q) || it.category.name.includes(q)) rank = 2;
    if (rank >= 0) scored.push({ it, rank, order });
  });
  return scored.sort((a, b) => a.rank - b.rank || a.order - b.order).map((s) => s.it);
}
