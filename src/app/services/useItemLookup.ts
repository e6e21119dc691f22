import type { Item } from '../../core/scheme/schemeSchema';
import type { PatrolScheme } from '../../device/patrolScheme';
import { useServices } from './useServices';

type Lookup = (schemeId: string, itemId: string) => Item | undefined;

// One lookup per set of schemes, shared by every log entry (not one map per row).
const cache = new WeakMap<readonly PatrolScheme[], Lookup>();

/** Find any item of the schemes in force by scheme id and item id (for the log and explanations). */
export function useItemLookup(): Lookup {
  const { schemes } = useServices();
  let lookup = cache.get(schemes);
  if (!lookup) {
    const map = new Map<string, Item>();
    for (const s of schemes) for (const i of s.scheme.items) map.set(`${s.scheme.id}/${i.id}`, i);
    lookup = (schemeId, itemId) => map.get(`${schemeId}/${itemId}`);
    cache.set(schemes, lookup);
  }
  return lookup;
}
