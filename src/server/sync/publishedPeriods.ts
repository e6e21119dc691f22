import type { PublishedPeriod } from '../../core/access/publishedPeriod';
import type { Queryable } from '../storage/db';
import { publishedKeys } from '../storage/publicationRepo';

/**
 * The published periods of the hall (every scheme's months, quarters and years with a publication: docs/results.md):
 * THE one place the server reads them for a push, for the check that refuses an office's entry into a published
 * period (checkEvent's `publishedPeriod`, the refusal `period-published`). A patrol finding is not refused: it shows
 * as a pending change of the period for a revision.
 */
export async function publishedPeriods(q: Queryable, hallId: string): Promise<PublishedPeriod[]> {
  return (await publishedKeys(q, hallId)).map((p) => ({ schemeId: p.schemeId, period: p.periodKey }));
}
