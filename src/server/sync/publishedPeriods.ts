import type { PublishedPeriod } from '../../core/access/publishedPeriod';
import type { Queryable } from '../storage/db';

/**
 * The published periods of the hall: THE one place the server reads them, for the check that refuses a recording into
 * a published month (checkEvent's `publishedPeriod`, the refusal `period-published`). Publishing a month (issue 11
 * item 3) is not built yet, so no period is stored as published and the list is empty; the publishing work reads its
 * stored publications here, and every push (the tablet's, the office desk's, an import) is then refused by the core.
 */
export async function publishedPeriods(_q: Queryable, _hallId: string): Promise<PublishedPeriod[]> {
  return [];
}
