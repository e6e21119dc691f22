import type { SchemeData } from '../core/scheme/schemeSchema';
import type { ItemSearchKeys } from '../core/scheme/itemSearchKeys';

export type { ItemSearchKeys };

/**
 * A scheme as shipped to the tablet: validated at build time by src/cli/buildSchemes.ts (so the tablet carries no
 * YAML parser or zod), with the pinyin search keys of its items precomputed (so it carries no pinyin dictionary).
 */
export interface CompiledScheme {
  format: 'hall-patrol/compiled-scheme@1';
  scheme: SchemeData;
  search: Record<string, ItemSearchKeys>;
}
