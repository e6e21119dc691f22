import { demoHall } from '../../core/model/demoHall';
import { DEFAULT_REVIEW_SETTINGS } from '../../core/events/defaultReviewSettings';
import type { Scheme } from '../../core/scheme/parseScheme';
import { hashPassword } from '../auth/password';
import { addManagedHall, insertAccount } from '../storage/accountRepo';
import type { Db, Queryable } from '../storage/db';
import { configBetween, putConfig } from '../storage/configRepo';
import { hallIds, insertHall } from '../storage/hallRepo';
import { DEMO_ACCOUNTS, DEMO_CENTRE_ADMIN, DEMO_PASSWORD } from './demoAccounts';
import { schemeKey } from './hallState';
import { publishAccounts } from './publishAccounts';

/**
 * At start: store the built-in scheme files in every hall (a changed version gets a new seq, so the hall's devices pull
 * it again; a version a hall uploaded itself is never overwritten) and, on an empty database (no hall at all), seed
 * the demo hall, its accounts and the demo centre administrator. Safe when several servers start at once.
 */
export async function prepareDatabase(db: Db, schemes: readonly Scheme[]): Promise<{ seeded: boolean; changedSchemes: string[] }> {
  const empty = (await hallIds(db)).length === 0;
  const hashes = empty ? await Promise.all([...DEMO_ACCOUNTS, DEMO_CENTRE_ADMIN].map(() => hashPassword(DEMO_PASSWORD))) : [];
  return db.transaction(async (tx) => {
    let seeded = false;
    if (empty) {
      const hall = demoHall();
      const hallId = hall.roster.hall.id;
      // Another server starting at the same moment seeds it once: the second insert finds the hall and seeds nothing.
      if (await insertHall(tx, hallId)) {
        await putConfig(tx, hallId, 'setup', 'hall', JSON.stringify(hall));
        for (const [i, a] of DEMO_ACCOUNTS.entries()) await insertAccount(tx, { ...a, hallId, passwordHash: hashes[i] ?? '' });
        const centreHash = hashes[DEMO_ACCOUNTS.length] ?? '';
        await insertAccount(tx, { ...DEMO_CENTRE_ADMIN, role: 'admin', unitIds: [], windowIds: [], hallId: null, passwordHash: centreHash });
        await addManagedHall(tx, DEMO_CENTRE_ADMIN.id, hallId);
        await publishAccounts(tx, hallId);
        seeded = true;
      }
    }
    const changedSchemes: string[] = [];
    for (const hallId of await hallIds(tx)) changedSchemes.push(...(await storeBuiltInSchemes(tx, hallId, schemes)));
    return { seeded, changedSchemes };
  });
}

/**
 * Put the built-in scheme versions into a hall (skipping those the hall uploaded itself) and, where the hall has none
 * yet, the default review settings (explicit from the start, so every device's first pull carries them; never
 * overwriting the admin's). Returns the keys (hall/id@version) that changed.
 */
export async function storeBuiltInSchemes(tx: Queryable, hallId: string, schemes: readonly Scheme[]): Promise<string[]> {
  const uploaded = new Set((await tx.query<{ key: string }>('select key from scheme_uploads where hall_id = $1', [hallId])).map((r) => r.key));
  const changed: string[] = [];
  for (const s of schemes) {
    const key = schemeKey(s.id, s.version);
    if (uploaded.has(key)) continue;
    if (await putConfig(tx, hallId, 'scheme', key, JSON.stringify(s))) changed.push(`${hallId}/${key}`);
  }
  const stored = await configBetween(tx, hallId, 0, Number.MAX_SAFE_INTEGER);
  if (!stored.some((c) => c.kind === 'review')) await putConfig(tx, hallId, 'review', 'hall', JSON.stringify(DEFAULT_REVIEW_SETTINGS));
  return changed;
}
