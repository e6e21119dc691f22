import type { Scheme } from '../core/scheme/parseScheme';
import type { SubjectKind } from '../core/scheme/schemeSchema';
import type { ItemSearchKeys } from './compiledScheme';

/** A scheme in force on the tablet: the checked scheme, the hall level it is assigned to, its items' search keys. */
export interface PatrolScheme {
  scheme: Scheme;
  level: SubjectKind;
  search: Record<string, ItemSearchKeys>;
}
