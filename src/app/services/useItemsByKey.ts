import type { PatrolItem } from '../features/patrol/patrolItems';
import { useServices } from './useServices';

const cache = new WeakMap<readonly PatrolItem[], ReadonlyMap<string, PatrolItem>>();

/** The offered items by `schemeId/itemId` (one map per set of items, shared). */
export function useItemsByKey(): ReadonlyMap<string, PatrolItem> {
  const { items } = useServices();
  let map = cache.get(items);
  if (!map) cache.set(items, (map = new Map(items.map((i) => [i.key, i]))));
  return map;
}
