import type { Category, Item } from '../../../core/scheme/schemeSchema';
import type { ItemSearchKeys } from '../../../device/compiledScheme';
import type { PatrolScheme } from '../../../device/patrolScheme';

/** An item the inspector can record on the tablet, with where it sits in its scheme. */
export interface PatrolItem {
  /** `schemeId/itemId`, unique across the schemes in force. */
  key: string;
  scheme: PatrolScheme;
  item: Item;
  category: Category;
  search: ItemSearchKeys;
  /** A bonus item (锦旗, 表扬): adds points. */
  positive: boolean;
}

/** Items of one category of one scheme, in scheme order. */
export interface ItemGroup {
  key: string;
  scheme: PatrolScheme;
  category: Category;
  items: PatrolItem[];
}

/**
 * What the tablet offers: every `source: patrol` item (seen on the floor), and the bonus items (锦旗, 表扬), which
 * the seeds list among the ledger items but which an inspector also meets on a round (a banner handed over at the
 * window, a letter of praise) and records the same way. Ledger-only shapes (score, errorRate) are never offered.
 */
export function patrolItems(schemes: readonly PatrolScheme[]): PatrolItem[] {
  const out: PatrolItem[] = [];
  for (const ps of schemes) {
    for (const item of ps.scheme.items) {
      const positive = item.direction === 'bonus';
      if (item.source !== 'patrol' && !positive) continue;
      if (item.rule.kind === 'score' || item.rule.kind === 'errorRate') continue;
      const category = ps.scheme.tables.find((t) => t.subject === item.subject)?.categories.find((c) => c.id === item.category);
      if (!category) continue;
      out.push({ key: `${ps.scheme.id}/${item.id}`, scheme: ps, item, category, search: ps.search[item.id] ?? { initials: '', pinyin: '' }, positive });
    }
  }
  return out;
}

/** Group items by scheme and category, keeping the order of first appearance. */
export function groupItems(items: readonly PatrolItem[]): ItemGroup[] {
  const groups = new Map<string, ItemGroup>();
  for (const it of items) {
    const key = `${it.scheme.scheme.id}/${it.item.subject}/${it.category.id}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, scheme: it.scheme, category: it.category, items: [] }));
    g.items.push(it);
  }
  return [...groups.values()];
}
