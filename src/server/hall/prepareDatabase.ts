import { demoHall } from '../../core/model/demoHall';
import { DEFAULT_REVIEW_SETTINGS } from '../../core/events/defaultReviewSettings';
import type { Scheme } from '../../core/scheme/parseScheme';
import { hashPassword } from '../auth/password';
import { allAccounts, insertAccount } from '../storage/accountRepo';
import type { Db } from '../storage/db';
import { configBetween, putConfig } from '../storage/configRepo';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demoAccounts';
import { schemeKey } from './hallState';
import { publishAccounts } from './publishAccounts';

/**
 * At start: store the scheme files (a changed version gets a new seq, so devices pull it again) and, on an empty
 * database, seed the demo hall and its accounts. Safe when several servers start at once.
 */
export async function prepareDatabase(db: Db, schemes: readonly Scheme[]): Promise<{ seeded: boolean; changedSchemes: string[] }> {
  const hasAccounts = (await allAccounts(db)).length > 0;
  const hashes = hasAccounts ? [] : await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(DEMO_PASSWORD)));
  return db.transaction(async (tx) => {
    const changedSchemes: string[] = [];
    for (const s of schemes) {
      if (await putConfig(tx, 'scheme', schemeKey(s.id, s.version), JSON.stringify(s))) changedSchemes.push(schemeKey(s.id, s.version));
    }
    const stored = await configBetween(tx, 0, Number.MAX_SAFE_INTEGER);
    const hasSetup = stored.some((c) => c.kind === 'setup');
    if (!hasSetup) await putConfig(tx, 'setup', 'hall', JSON.stringify(demoHall()));
    // Explicit settings from the start, so every device's first pull carries them; never overwrites the admin's.
    if (!stored.some((c) => c.kind === 'review')) await putConfig(tx, 'review', 'hall', JSON.stringify(DEFAULT_REVIEW_SETTINGS));
    let seeded = false;
    for (const [i, a] of DEMO_ACCOUNTS.entries()) {
      const hash = hashes[i];
      if (hash && (await insertAccount(tx, { ...a, passwordHash: hash }))) seeded = true;
    }
    if (seeded || !hasSetup) await publishAccounts(tx);
    return { seeded: seeded || !hasSetup, changedSchemes };
  });
}
