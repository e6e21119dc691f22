import type { PatrolDb } from '../patrolDb';
import { isSignIn } from '../rowChecks';
import type { Session } from '../sync/syncStore';

/** The stored sign-in, checked when read (a row from an older version or a damaged store may hold anything), or null. */
export async function readSession(db: PatrolDb): Promise<Session | null> {
  const row: unknown = await db.session.get('session');
  return isSignIn(row) ? { token: row.token, tokenId: row.tokenId, expiresAt: row.expiresAt, account: row.account } : null;
}

/** Keep a new sign-in (its unlock verifier is added by rememberUnlock), or forget it. */
export async function writeSession(db: PatrolDb, session: Session | null): Promise<void> {
  if (session) await db.session.put({ key: 'session', token: session.token, tokenId: session.tokenId, expiresAt: session.expiresAt, account: session.account });
  else await db.session.delete('session');
}
