import { pinyin } from 'pinyin-pro';
import type { Scheme } from '../../core/scheme/parseScheme';
import type { ItemSearchKeys } from '../../core/scheme/itemSearchKeys';

/** The search keys of a Chinese name: 玩手机 → { initials: 'wsj', pinyin: 'wanshouji' }; letters and digits are kept. */
export function searchKeys(name: string): ItemSearchKeys {
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' });
  const full = pinyin(name, { toneType: 'none', type: 'array' });
  const clean = (parts: string[]): string => parts.join('').toLowerCase().replace(/[^a-z0-9]/g, '');
  return { initials: clean(initials), pinyin: clean(full) };
}

/**
 * The search keys of every item of a scheme, by item id. Computed where a scheme enters (the build for the shipped
 * files, the server for an uploaded version), so the tablet carries no pinyin dictionary.
 */
export function itemSearchKeys(scheme: Scheme): Record<string, ItemSearchKeys> {
  const search: Record<string, ItemSearchKeys> = {};
  for (const item of scheme.items) search[item.id] = searchKeys(item.name);
  return search;
}
