import type { TFunction } from 'i18next';

/** Why a sign-in failed, as the screen says it; a rate limit says how many minutes to wait. */
export type SignInError =
  | { kind: 'wrongPassword' | 'offline' | 'notChief' | 'failed' }
  | { kind: 'rateLimited'; minutes: number }
  /** A centre administrator names the hall to work in: the halls they manage (the server's `choose-hall`). */
  | { kind: 'chooseHall'; halls: { id: string; name: string }[] };

/** Which plain message a failed sign-in gets, from the sync layer's failure (read by shape: that code loads lazily). */
export function signInError(err: unknown): SignInError {
  const e = typeof err === 'object' && err !== null ? (err as { code?: unknown; retryAfterMs?: unknown }) : {};
  const code = String(e.code ?? '');
  const message = err instanceof Error ? err.message : '';
  if (code === 'signed-out') return { kind: 'wrongPassword' };
  if (code === 'offline' || code === 'timeout') return { kind: 'offline' };
  if (code === 'rate-limited') return { kind: 'rateLimited', minutes: Math.max(1, Math.ceil((typeof e.retryAfterMs === 'number' ? e.retryAfterMs : 60_000) / 60_000)) };
  if (/is not a chief/.test(message)) return { kind: 'notChief' };
  const choose = (Array.isArray((e as { problems?: unknown }).problems) ? ((e as { problems: unknown[] }).problems as { kind?: unknown; halls?: unknown }[]) : []).find((p) => p.kind === 'choose-hall');
  if (choose && Array.isArray(choose.halls)) {
    const halls = choose.halls.filter((h): h is { id: string; name: string } => typeof h === 'object' && h !== null && typeof (h as { id?: unknown }).id === 'string' && typeof (h as { name?: unknown }).name === 'string');
    return { kind: 'chooseHall', halls: halls.map((h) => ({ id: h.id, name: h.name })) };
  }
  return { kind: 'failed' };
}

/** The words of a sign-in failure (a rate limit with the minutes to wait). */
export function signInErrorWords(e: SignInError, t: TFunction): string {
  if (e.kind === 'rateLimited') return t('account.errors.rateLimited', { count: e.minutes });
  if (e.kind === 'chooseHall') return e.halls.length ? t('account.errors.chooseHall') : t('account.errors.noHalls');
  return t(`account.errors.${e.kind}`);
}

/** For a rate-limited sign-in, whole minutes to wait as the server said (at least 1); 0 otherwise. */
export function signInWaitMinutes(err: unknown): number {
  const ms = typeof err === 'object' && err !== null && 'retryAfterMs' in err ? Number((err as { retryAfterMs: unknown }).retryAfterMs) : 0;
  return Number.isFinite(ms) && ms > 0 ? Math.max(1, Math.ceil(ms / 60_000)) : 0;
}
