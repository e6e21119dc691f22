import type { Queryable } from '../storage/db';
import { recentFailures } from '../storage/accountRepo';

/**
 * Sign-in limits, counted in the database so every server process sees the same counts: 5 failures per user name
 * and 30 per client address within 15 minutes; then sign-in waits for the window to pass.
 */
export const WINDOW_SECONDS = 15 * 60;
const PER_USER = 5;
const PER_ADDRESS = 30;

/** The keys a sign-in attempt is counted under. */
export function failureKeys(username: string, address: string): string[] {
  return [`user:${username.toLowerCase()}`, `addr:${address}`];
}

/** Seconds to wait when the attempt is over a limit, else 0. */
export async function signInBlocked(q: Queryable, username: string, address: string): Promise<number> {
  const [userKey, addrKey] = failureKeys(username, address);
  const counts = await recentFailures(q, [userKey ?? '', addrKey ?? ''], WINDOW_SECONDS);
  return (counts.get(userKey ?? '') ?? 0) >= PER_USER || (counts.get(addrKey ?? '') ?? 0) >= PER_ADDRESS ? WINDOW_SECONDS : 0;
}
