import { ulid } from 'ulid';
import { hashPassword } from '../auth/password';
import { accountByUsername, addManagedHall, insertAccount } from '../storage/accountRepo';
import type { Db } from '../storage/db';
import { hallIds } from '../storage/hallRepo';
import { publishAccounts } from './publishAccounts';

/** Why a centre administrator could not be added: nothing was changed. */
export class CentreAdminError extends Error {}

/**
 * Add a centre administrator (an admin of no hall) managing these halls, or let an existing one manage them too. The
 * operator's way in for a database made before halls, which has no centre administrator (docs/halls.md,
 * `npm run centre-admin`). A password is needed only for a new account.
 */
export async function addCentreAdmin(db: Db, a: { username: string; name?: string | undefined; password?: string | undefined; halls: 'all' | readonly string[] }): Promise<{ id: string; created: boolean; halls: string[] }> {
  if (!/^[a-z0-9][a-z0-9._-]{1,49}$/.test(a.username)) throw new CentreAdminError(`"${a.username}" is not a user name of lower-case letters, digits, dot, dash or underscore`);
  const known = await hallIds(db);
  const halls = a.halls === 'all' ? known : [...a.halls];
  const unknown = halls.filter((h) => !known.includes(h));
  if (unknown.length) throw new CentreAdminError(`no hall ${unknown.join(', ')} on this server (halls: ${known.join(', ') || 'none'})`);
  if (halls.length === 0) throw new CentreAdminError('name at least one hall');
  const existing = await accountByUsername(db, a.username);
  if (existing && existing.hallId !== null) throw new CentreAdminError(`"${a.username}" is an account of hall ${existing.hallId}, not a centre administrator`);
  if (!existing && (!a.password || a.password.length < 8)) throw new CentreAdminError('a new centre administrator needs a password of at least 8 characters');
  if (!existing && !a.name?.trim()) throw new CentreAdminError('a new centre administrator needs a name');
  const passwordHash = existing ? '' : await hashPassword(a.password ?? '');
  const id = existing?.id ?? `acc-${ulid()}`;
  await db.transaction(async (tx) => {
    if (!existing) {
      const made = await insertAccount(tx, { id, username: a.username, name: a.name?.trim() ?? '', role: 'admin', unitIds: [], windowIds: [], passwordHash, hallId: null });
      if (!made) throw new CentreAdminError(`the user name "${a.username}" is taken`);
    }
    for (const h of halls) {
      await addManagedHall(tx, id, h);
      await publishAccounts(tx, h);
    }
  });
  return { id, created: !existing, halls };
}
