import type { AccountSummary } from '../../core/access/account';
import { hallAccounts } from '../storage/accountRepo';
import type { Queryable } from '../storage/db';
import { putConfig } from '../storage/configRepo';

/**
 * Write the account list a hall's devices pull (names and roles, no secrets): the hall's accounts and the centre
 * administrators who manage it. Call after any change to them.
 */
export async function publishAccounts(tx: Queryable, hallId: string): Promise<void> {
  const list: AccountSummary[] = (await hallAccounts(tx, hallId))
    .filter((a) => !a.disabled)
    .map((a) => ({ id: a.id, name: a.name, role: a.role, unitIds: a.unitIds, windowIds: a.windowIds, offices: a.offices }));
  await putConfig(tx, hallId, 'accounts', 'all', JSON.stringify(list));
}
