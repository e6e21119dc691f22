import './sync/zodWithoutEval';
import type { Transaction } from 'dexie';
import { isAccountSummary, isLocalSecret, isRecord, isSignIn } from './rowChecks';
import type { DeviceRow, HandOverRow, PulledSchemeRow, RejectionRow, SessionRow, SyncStateRow } from './rows';
import { isSealedHandOverKey } from './session/handOverKey';

/**
 * Schema version 3: the device's state moves from JSON strings in one `meta` table to typed tables, one per concept.
 * Every value is read as unknown data and checked for what its table holds; what was unusable before (a value that
 * is not JSON, a session without a token) is left behind, as the readers of version 2 ignored it too. The pulled
 * hall, schemes, accounts and review settings are moved as they are and checked in full when read.
 */
export async function metaToTables(tx: Transaction): Promise<void> {
  const rows = (await tx.table('meta').toArray()) as unknown[];
  const meta = new Map<string, string>();
  for (const r of rows) if (isRecord(r) && typeof r.key === 'string' && typeof r.value === 'string') meta.set(r.key, r.value);
  const json = (key: string): unknown => {
    const v = meta.get(key);
    if (v === undefined) return undefined;
    try {
      return JSON.parse(v) as unknown;
    } catch {
      return undefined;
    }
  };

  const deviceId = meta.get('deviceId');
  if (deviceId) {
    const device: DeviceRow = { key: 'device', deviceId };
    const language = meta.get('language');
    if (language) device.language = language;
    await tx.table('device').put(device);
  }
  const signIn = json('sync.session');
  if (isSignIn(signIn)) {
    const session: SessionRow = { key: 'session', token: signIn.token, tokenId: signIn.tokenId, expiresAt: signIn.expiresAt, account: signIn.account };
    const unlock = json('session.unlock');
    if (isLocalSecret(unlock)) session.unlock = unlock;
    await tx.table('session').put(session);
  }
  const cursor = meta.get('sync.cursor');
  if (cursor !== undefined) await tx.table('syncState').put({ key: 'sync', cursor, lastSuccessAt: null } satisfies SyncStateRow);
  const rejected = json('sync.rejected');
  if (isRecord(rejected)) {
    const list: RejectionRow[] = Object.entries(rejected).flatMap(([eventId, reason]) => (typeof reason === 'string' ? [{ eventId, reason }] : []));
    await tx.table('rejections').bulkPut(list);
  }
  const setup = json('sync.setup');
  if (isRecord(setup)) await tx.table('hall').put({ key: 'hall', setup });
  const review = json('sync.review');
  if (isRecord(review)) await tx.table('reviewSettings').put({ key: 'review', settings: review });
  const accounts = json('sync.accounts');
  if (Array.isArray(accounts)) await tx.table('accounts').bulkPut(accounts.filter(isAccountSummary));
  const schemes: PulledSchemeRow[] = [];
  for (const [key] of meta) {
    const m = /^sync\.scheme:(.+)@(\d+)$/.exec(key);
    if (m?.[1] && m[2]) schemes.push({ id: m[1], version: Number(m[2]), data: json(key) });
  }
  await tx.table('schemes').bulkPut(schemes);
  const chiefs = json('handover.chiefs');
  if (Array.isArray(chiefs)) {
    const list: HandOverRow[] = chiefs.flatMap((c) => (isRecord(c) && isAccountSummary(c.account) && isLocalSecret(c.pin) ? [{ accountId: c.account.id, account: c.account, pin: c.pin, ...(isSealedHandOverKey(c.key) ? { key: c.key } : {}) }] : []));
    await tx.table('handOver').bulkPut(list);
  }
}
