import type { PublishedPeriod } from '../../core/access/publishedPeriod';
import type { Queryable } from '../storage/db';

/**
 * The published periods of the hall: THE one place the server reads them, for the check that refuses an office's
 * entry into a published month (checkEvent's `publishedPeriod`, the refusal `period-published`). Publishing a month
 * (issue 11 item 3) is not built on this branch, so no period is stored as published and the list is empty; the
 * publishing work reads its stored publications here, and an office's entry (the desk's, an import's) into a
 * published month is then refused by the core.
 */
export async function publishedPeriods(_q: Queryable, _hallId: string): Promise<PublishedPeriod[]> {
  return [];
}
