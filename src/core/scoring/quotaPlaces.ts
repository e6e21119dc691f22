import type { Table } from '../scheme/schemeSchema';

/** How many subjects of `subjects` a grade quota lets hold the grade (优秀不超过15%: floor(n × 0.15) by default). */
export function quotaPlaces(quota: NonNullable<Table['quota']>, subjects: number): number {
  const v = Math.round(quota.maxShare * subjects * 1e9) / 1e9;
  return quota.rounding === 'floor' ? Math.floor(v) : quota.rounding === 'ceil' ? Math.ceil(v) : Math.round(v);
}
