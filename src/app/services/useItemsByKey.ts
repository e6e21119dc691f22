import { useMemo } from 'react';
import type { PatrolItem } from '../features/patrol/patrolItems';
import { useServices } from './useServices';

/** The offered items by `schemeId/itemId`. */
export function useItemsByKey(): ReadonlyMap<string, PatrolItem> {
  const { items } = useServices();
  return useMemo(() => new Map(items.map((i) => [i.key, i])), [items]);
}
