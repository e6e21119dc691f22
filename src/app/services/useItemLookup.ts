import { useMemo } from 'react';
import type { Item } from '../../core/scheme/schemeSchema';
import { useServices } from './useServices';

/** Find any item of the schemes in force by scheme id and item id (for the log and explanations). */
export function useItemLookup(): (schemeId: string, itemId: string) => Item | undefined {
  const { schemes } = useServices();
  return useMemo(() => {
    const map = new Map<string, Item>();
    for (const s of schemes) for (const i of s.scheme.items) map.set(`${s.scheme.id}/${i.id}`, i);
    return (schemeId, itemId) => map.get(`${schemeId}/${itemId}`);
  }, [schemes]);
}
