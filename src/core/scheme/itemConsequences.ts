import type { FlagKind, Item } from './schemeSchema';

/** The consequences a counted finding of this item raises besides points (予以退回, 取消评优 ...), in the scheme's order. */
export function itemConsequences(item: Item): FlagKind[] {
  const kinds: FlagKind[] = (item.flags ?? []).map((f) => f.kind);
  if (item.disqualifies) kinds.push('disqualified');
  return [...new Set(kinds)];
}
