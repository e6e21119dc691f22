import type { Queryable } from '../storage/db';

/** Whether a scheme id is held by another hall than `hallId` and not by it (naming it answers 403, not 404). */
export async function schemeOnlyElsewhere(q: Queryable, hallId: string, schemeId: string): Promise<boolean> {
  const rows = await q.query<{ mine: boolean }>(
    `select bool_or(hall_id = $1) as mine from config where kind = 'scheme' and split_part(key, '@', 1) = $2`,
    [hallId, schemeId],
  );
  const mine = rows[0]?.mine;
  return mine === false;
}
