import type { Role } from '../../core/access/roles';
import type { AccountSummary } from '../../core/access/account';
import type { Queryable } from './db';

export interface AccountRow extends AccountSummary {
  username: string;
  passwordHash: string;
  disabled: boolean;
}

interface RawAccount {
  id: string;
  username: string;
  name: string;
  role: Role;
  unit_ids: string[];
  window_ids: string[];
  password_hash: string;
  disabled: boolean;
}

const toAccount = (r: RawAccount): AccountRow => ({
  id: r.id,
  username: r.username,
  name: r.name,
  role: r.role,
  unitIds: r.unit_ids,
  windowIds: r.window_ids,
  passwordHash: r.password_hash,
  disabled: r.disabled,
});

/** Create an account; false when the id or user name is taken. */
export async function insertAccount(q: Queryable, a: Omit<AccountRow, 'disabled'>): Promise<boolean> {
  const rows = await q.query<{ id: string }>(
    `insert into accounts (id, username, name, role, unit_ids, window_ids, password_hash) values ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7)
     on conflict do nothing returning id`,
    [a.id, a.username, a.name, a.role, JSON.stringify(a.unitIds), JSON.stringify(a.windowIds), a.passwordHash],
  );
  return rows.length > 0;
}

export async function accountByUsername(q: Queryable, username: string): Promise<AccountRow | undefined> {
  const rows = await q.query<RawAccount>('select * from accounts where username = $1', [username]);
  return rows[0] && toAccount(rows[0]);
}

/** Every account (for the admin list and for the summaries devices pull). */
export async function allAccounts(q: Queryable): Promise<AccountRow[]> {
  return (await q.query<RawAccount>('select * from accounts order by id')).map(toAccount);
}

/** Replace an account's password hash; false when there is no such account. */
export async function setPasswordHash(q: Queryable, id: string, hash: string): Promise<boolean> {
  return (await q.query<{ id: string }>('update accounts set password_hash = $2 where id = $1 returning id', [id, hash])).length > 0;
}

export async function setAccountDisabled(q: Queryable, id: string, disabled: boolean): Promise<boolean> {
  return (await q.query<{ id: string }>('update accounts set disabled = $2 where id = $1 returning id', [id, disabled])).length > 0;
}

/** These accounts as they may act now (disabled accounts excluded). */
export async function accountsByIds(q: Queryable, ids: readonly string[]): Promise<AccountRow[]> {
  if (ids.length === 0) return [];
  const rows = await q.query<RawAccount>('select * from accounts where id = any($1::text[]) and not disabled', [[...ids]]);
  return rows.map(toAccount);
}

/** Record the device (first sign-in) or refresh its name and last-seen time. */
export async function upsertDevice(q: Queryable, id: string, name: string): Promise<void> {
  await q.query(
    `insert into devices (id, name) values ($1, $2) on conflict (id) do update set name = excluded.name, last_seen_at = now()`,
    [id, name],
  );
}

export async function insertToken(q: Queryable, t: { id: string; hash: string; accountId: string; deviceId: string; expiresAt: string }): Promise<void> {
  await q.query('insert into tokens (id, hash, account_id, device_id, expires_at) values ($1, $2, $3, $4, $5)', [t.id, t.hash, t.accountId, t.deviceId, t.expiresAt]);
}

/** A live token (not expired, not revoked, account enabled) with its account (its password hash left out). */
export async function liveToken(q: Queryable, hash: string): Promise<{ tokenId: string; deviceId: string; ageSeconds: number; account: AccountRow } | undefined> {
  const rows = await q.query<RawAccount & { token_id: string; device_id: string; age: number }>(
    `select a.id, a.username, a.name, a.role, a.unit_ids, a.window_ids, '' as password_hash, a.disabled, t.id as token_id, t.device_id,
       extract(epoch from now() - t.created_at)::float8 as age
     from tokens t join accounts a on a.id = t.account_id
     where t.hash = $1 and t.revoked_at is null and t.expires_at > now() and not a.disabled`,
    [hash],
  );
  const r = rows[0];
  return r && { tokenId: r.token_id, deviceId: r.device_id, ageSeconds: Number(r.age), account: toAccount(r) };
}

/** Revoke tokens by token id, by device, or by account; returns how many were live. */
export async function revokeTokens(q: Queryable, by: { tokenId?: string; deviceId?: string; accountId?: string }): Promise<number> {
  const [col, val] = by.tokenId ? ['id', by.tokenId] : by.deviceId ? ['device_id', by.deviceId] : ['account_id', by.accountId ?? ''];
  const rows = await q.query<{ id: string }>(`update tokens set revoked_at = now() where ${col} = $1 and revoked_at is null returning id`, [val]);
  return rows.length;
}

export interface DeviceRow {
  id: string;
  name: string;
  lastSeenAt: string;
  tokens: { id: string; accountId: string; expiresAt: string; revoked: boolean }[];
}

/** Devices with their tokens, for the admin. */
export async function listDevices(q: Queryable): Promise<DeviceRow[]> {
  const devices = await q.query<{ id: string; name: string; last_seen_at: Date }>('select id, name, last_seen_at from devices order by last_seen_at desc');
  const tokens = await q.query<{ id: string; device_id: string; account_id: string; expires_at: Date; revoked_at: Date | null }>(
    'select id, device_id, account_id, expires_at, revoked_at from tokens order by created_at',
  );
  return devices.map((d) => ({
    id: d.id,
    name: d.name,
    lastSeenAt: new Date(d.last_seen_at).toISOString(),
    tokens: tokens
      .filter((t) => t.device_id === d.id)
      .map((t) => ({ id: t.id, accountId: t.account_id, expiresAt: new Date(t.expires_at).toISOString(), revoked: t.revoked_at !== null })),
  }));
}
