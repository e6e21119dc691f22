import type { AccountSummary } from '../../core/access/account';
import { allAccounts } from '../storage/accountRepo';
import type { Queryable } from '../storage/db';
import { putConfig } from '../storage/configRepo';

/** Write the account list devices pull (names and roles, no secrets); call after any account change. */
export async function publishAccounts(tx: Queryable): Promise<void> {
  const list: AccountSummary[] = (await allAccounts(tx))
    .filter((a) => !a.disabled)
    .map((a) => ({ id: a.id, name: a.name, role: a.role, unitIds: a.unitIds, windowIds: a.windowIds }));
  await putConfig(tx, 'accounts', 'all', JSON.stringify(list));
}
