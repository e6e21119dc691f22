import type { Queryable } from '../storage/db';

/**
 * Sign-in throttling, counted in the database so every server process sees the same counts (docs/accounts.md).
 * - Per user name **and** source address: 5 failures free, then a wait after each further failure that doubles from
 *   1 minute up to 15 (1, 2, 4, 8, 15, 15 … minutes); a success from that source clears it. So a guesser elsewhere
 *   does not lock the owner out: the owner's own source keeps its own count.
 * - Per source address: 30 failures within 15 minutes (any user names), then wait for the window.
 * - Per user name from everywhere: 50 failures within an hour (a guesser spread over many addresses), then wait.
 * An attempt is counted **before** the password is checked, under a lock per user name and source, so parallel
 * attempts cannot all pass the check at once: it counts as pending until its password is checked, then as a failure
 * or not at all. An attempt held back only by others still pending waits for them briefly (signIn), so several
 * devices signing in as one account at once are not refused.
 */
export const FREE_FAILURES = 5;
const FIRST_WAIT_SECONDS = 60;
const MAX_WAIT_SECONDS = 15 * 60;
const PER_ADDRESS = 30;
const ADDRESS_WINDOW_SECONDS = 15 * 60;
const PER_USER = 50;
const USER_WINDOW_SECONDS = 60 * 60;
/** How long failures of a user name and source are remembered. */
const PAIR_MEMORY_SECONDS = 24 * 60 * 60;

/** The keys a sign-in attempt is counted under: user name with source, source, user name. */
export function failureKeys(username: string, address: string): { pair: string; pending: string; address: string; user: string } {
  const user = username.toLowerCase();
  return { pair: `pair:${user}|${address}`, pending: `pending:${user}|${address}`, address: `addr:${address}`, user: `user:${user}` };
}

/** The wait after n failures of one user name from one source: 0 for the first five, then 60 s doubling up to 15 minutes. */
export function pairWaitSeconds(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** (failures - FREE_FAILURES));
}

/**
 * Check the limits and count this attempt, atomically per user name and source. Returns the seconds to wait (the
 * attempt is then not counted), or 0 and the moment the attempt was counted at (pass it to `attemptSucceeded`).
 */
export async function beginSignIn(tx: Queryable, username: string, address: string): Promise<{ wait: number; at: string | null; pending: boolean }> {
  const k = failureKeys(username, address);
  await tx.query('select pg_advisory_xact_lock(hashtext($1))', [k.pair]);
  const rows = await tx.query<{ key: string; n: number; pair_last: number | null; addr_first: number | null; user_first: number | null }>(
    `select key, count(*)::int as n,
       extract(epoch from now() - max(at))::float8 as pair_last,
       extract(epoch from now() - min(at) filter (where at > now() - make_interval(secs => $3)))::float8 as addr_first,
       extract(epoch from now() - min(at) filter (where at > now() - make_interval(secs => $4)))::float8 as user_first
     from login_failures
     where (key = any($1::text[]) and at > now() - make_interval(secs => $5))
        or (key = $2 and at > now() - make_interval(secs => $3))
        or (key = $6 and at > now() - make_interval(secs => $4))
     group by key`,
    [[k.pair, k.pending], k.address, ADDRESS_WINDOW_SECONDS, USER_WINDOW_SECONDS, PAIR_MEMORY_SECONDS, k.user],
  );
  const of = (key: string) => rows.find((r) => r.key === key);
  const failed = of(k.pair);
  const pendingNow = of(k.pending);
  const lasts = [failed?.pair_last, pendingNow?.pair_last].filter((x): x is number => typeof x === 'number');
  const pair = failed || pendingNow ? { n: (failed?.n ?? 0) + (pendingNow?.n ?? 0), pair_last: lasts.length ? Math.min(...lasts) : 0 } : undefined;
  const addr = of(k.address);
  const user = of(k.user);
  const waits = [
    pair ? pairWaitSeconds(pair.n) - (pair.pair_last ?? 0) : 0,
    addr && addr.n >= PER_ADDRESS ? ADDRESS_WINDOW_SECONDS - (addr.addr_first ?? 0) : 0,
    user && user.n >= PER_USER ? USER_WINDOW_SECONDS - (user.user_first ?? 0) : 0,
  ];
  const wait = Math.ceil(Math.max(0, ...waits));
  // Held back by attempts still being checked, not by failures alone: worth waiting for them.
  const pending = wait > 0 && pendingNow !== undefined && pairWaitSeconds(failed?.n ?? 0) === 0 && waits[1] === 0 && waits[2] === 0;
  if (wait > 0) return { wait, at: null, pending };
  const at = await tx.query<{ at: string }>(`insert into login_failures (key) select unnest($1::text[]) returning at::text as at`, [[k.pending, k.address, k.user]]);
  return { wait: 0, at: at[0]?.at ?? null, pending: false };
}

/** The password was wrong: the attempt's pending count becomes a failure of the user name from this source. */
export async function attemptFailed(q: Queryable, username: string, address: string, at: string | null): Promise<void> {
  const k = failureKeys(username, address);
  await q.query('update login_failures set key = $1 where key = $2 and at = $3::timestamptz', [k.pair, k.pending, at]);
}

/** The password was right: take back the attempt's count, and forget this source's failures for the user name. */
export async function attemptSucceeded(q: Queryable, username: string, address: string, at: string | null): Promise<void> {
  const k = failureKeys(username, address);
  await q.query(`delete from login_failures where key = $1 or (key = any($2::text[]) and at = $3::timestamptz) or at < now() - interval '2 days'`, [k.pair, [k.pending, k.address, k.user], at]);
}
