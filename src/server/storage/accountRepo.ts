import type { Role } from '../../core/access/roles';
import type { AccountSummary } from '../../core/access/account';
import type { Queryable } from './db';

/**
 * An account. `hallId`: the hall it belongs to; null for a centre administrator (中心管理员, role admin), who belongs
 * to no hall and manages the halls listed in centre_halls (docs/halls.md).
 */
export interface AccountRow extends Omit<AccountSummary, 'offices'> {
  /** The responsible offices of an office account (empty for other roles). */
  offices: string[];
  username: string;
  passwordHash: string;
  disabled: boolean;
  hallId: string | null;
}

interface RawAccount {
  id: string;
  username: string;
  name: string;
  role: Role;
  unit_ids: string[];
  window_ids: string[];
  offices: string[];
  password_hash: string;
  disabled: boolean;
  hall_id: string | null;
}

const toAccount = (r: RawAccount): AccountRow => ({
  id: r.id,
  username: r.username,
  name: r.name,
  role: r.role,
  unitIds: r.unit_ids,
  windowIds: r.window_ids,
  offices: r.offices,
  passwordHash: r.password_hash,
  disabled: r.disabled,
  hallId: r.hall_id,
});

/** Create an account; false when the id or user name is taken (user names are unique on the whole server). */
export async function insertAccount(q: Queryable, a: Omit<AccountRow, 'disabled' | 'offices'> & { offices?: string[] }): Promise<boolean> {
  const rows = await q.query<{ id: string }>(
    `insert into accounts (id, username, name, role, unit_ids, window_ids, offices, password_hash, hall_id) values ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7::jsonb, $8, $9)
     on conflict do nothing returning id`,
    [a.id, a.username, a.name, a.role, JSON.stringify(a.unitIds), JSON.stringify(a.windowIds), JSON.stringify(a.offices ?? []), a.passwordHash, a.hallId],
  );
  return rows.length > 0;
}

export async function accountByUsername(q: Queryable, username: string): Promise<AccountRow | undefined> {
  const rows = await q.query<RawAccount>('select * from accounts where username = $1', [username]);
  return rows[0] && toAccount(rows[0]);
}

export async function accountById(q: Queryable, id: string): Promise<AccountRow | undefined> {
  const rows = await q.query<RawAccount>('select * from accounts where id = $1', [id]);
  return rows[0] && toAccount(rows[0]);
}

/**
 * The accounts that act in a hall: its own, and the centre administrators who manage it (for the admin's list and for
 * the names devices pull).
 */
export async function hallAccounts(q: Queryable, hallId: string): Promise<AccountRow[]> {
  const rows = await q.query<RawAccount>(
    `select * from accounts where hall_id = $1 or id in (select account_id from centre_halls where hall_id = $1) order by id`,
    [hallId],
  );
  return rows.map(toAccount);
}

/** The halls a centre administrator manages, by id. */
export async function managedHalls(q: Queryable, accountId: string): Promise<string[]> {
  const rows = await q.query<{ hall_id: string }>('select hall_id from centre_halls where account_id = $1 order by hall_id', [accountId]);
  return rows.map((r) => r.hall_id);
}

/** Let a centre administrator manage a hall. */
export async function addManagedHall(q: Queryable, accountId: string, hallId: string): Promise<void> {
  await q.query('insert into centre_halls (account_id, hall_id) values ($1, $2) on conflict do nothing', [accountId, hallId]);
}

/** May this account act in this hall (its own hall, or one it manages as a centre administrator)? */
export function actsIn(a: Pick<AccountRow, 'hallId'>, managed: readonly string[], hallId: string): boolean {
  return a.hallId === null ? managed.includes(hallId) : a.hallId === hallId;
}

/** Replace an account's password hash; false when there is no such account. */
export async function setPasswordHash(q: Queryable, id: string, hash: string): Promise<boolean> {
  return (await q.query<{ id: string }>('update accounts set password_hash = $2 where id = $1 returning id', [id, hash])).length > 0;
}

export async function setAccountDisabled(q: Queryable, id: string, disabled: boolean): Promise<boolean> {
  return (await q.query<{ id: string }>('update accounts set disabled = $2 where id = $1 returning id', [id, disabled])).length > 0;
}

/** Bind a chief to units and windows (replacing the old binding); false when there is no such account. */
export async function setAccountScope(q: Queryable, id: string, unitIds: readonly string[], windowIds: readonly string[]): Promise<boolean> {
  const rows = await q.query<{ id: string }>('update accounts set unit_ids = $2::jsonb, window_ids = $3::jsonb where id = $1 returning id', [
    id,
    JSON.stringify(unitIds),
    JSON.stringify(windowIds),
  ]);
  return rows.length > 0;
}

/** These accounts as they may act now in the hall (its own or its centre administrators; disabled accounts excluded). */
export async function accountsByIds(q: Queryable, hallId: string, ids: readonly string[]): Promise<AccountRow[]> {
  if (ids.length === 0) return [];
  const rows = await q.query<RawAccount>(
    `select * from accounts where id = any($1::text[]) and not disabled
       and (hall_id = $2 or id in (select account_id from centre_halls where hall_id = $2))`,
    [[...ids], hallId],
  );
  return rows.map(toAccount);
}

/** Record the device in the hall (its first sign-in there) or refresh its name and last-seen time. */
export async function upsertDevice(q: Queryable, hallId: string, id: string, name: string): Promise<void> {
  await q.query(
    `insert into devices (hall_id, id, name) values ($1, $2, $3) on conflict (hall_id, id) do update set name = excluded.name, last_seen_at = now()`,
    [hallId, id, name],
  );
}

export async function insertToken(q: Queryable, t: { id: string; hash: string; accountId: string; deviceId: string; hallId: string; expiresAt: string }): Promise<void> {
  await q.query('insert into tokens (id, hash, account_id, device_id, hall_id, expires_at) values ($1, $2, $3, $4, $5, $6)', [
    t.id,
    t.hash,
    t.accountId,
    t.deviceId,
    t.hallId,
    t.expiresAt,
  ]);
}

/** A live sign-in: its token id, device, hall, age and account. */
export interface LiveToken {
  tokenId: string;
  deviceId: string;
  hallId: string;
  ageSeconds: number;
  account: AccountRow;
}

/**
 * A live token (not expired, not revoked, account enabled, and the account still acts in the token's hall: a centre
 * administrator who no longer manages it is out) with its account (its password hash left out).
 */
export async function liveToken(q: Queryable, hash: string): Promise<LiveToken | undefined> {
  const rows = await q.query<RawAccount & { token_id: string; device_id: string; token_hall: string; age: number }>(
    `select a.id, a.username, a.name, a.role, a.unit_ids, a.window_ids, a.offices, '' as password_hash, a.disabled, a.hall_id,
       t.id as token_id, t.device_id, t.hall_id as token_hall, extract(epoch from now() - t.created_at)::float8 as age
     from tokens t join accounts a on a.id = t.account_id
     where t.hash = $1 and t.revoked_at is null and t.expires_at > now() and not a.disabled
       and (a.hall_id = t.hall_id or exists (select 1 from centre_halls c where c.account_id = a.id and c.hall_id = t.hall_id))`,
    [hash],
  );
  const r = rows[0];
  return r && { tokenId: r.token_id, deviceId: r.device_id, hallId: r.token_hall, ageSeconds: Number(r.age), account: toAccount(r) };
}

/** The hall of a sign-in (token) by its id, or undefined when there is none. */
export async function tokenHall(q: Queryable, tokenId: string): Promise<string | undefined> {
  return (await q.query<{ hall_id: string }>('select hall_id from tokens where id = $1', [tokenId]))[0]?.hall_id;
}

/**
 * Revoke tokens by token id, by device in a hall, or by account (in every hall: a new password or a disabled
 * account ends all its sign-ins); returns how many were live.
 */
export async function revokeTokens(q: Queryable, by: { tokenId: string } | { hallId: string; deviceId: string } | { accountId: string }): Promise<number> {
  const [where, params] =
    'tokenId' in by ? ['id = $1', [by.tokenId]] : 'deviceId' in by ? ['hall_id = $1 and device_id = $2', [by.hallId, by.deviceId]] : ['account_id = $1', [by.accountId]];
  const rows = await q.query<{ id: string }>(`update tokens set revoked_at = now() where ${where} and revoked_at is null returning id`, params);
  return rows.length;
}

export interface DeviceRow {
  id: string;
  name: string;
  lastSeenAt: string;
  tokens: { id: string; accountId: string; expiresAt: string; revoked: boolean }[];
}

/** The devices signed in to a hall with their sign-ins there, for the hall's admin. */
export async function listDevices(q: Queryable, hallId: string): Promise<DeviceRow[]> {
  const devices = await q.query<{ id: string; name: string; last_seen_at: Date }>('select id, name, last_seen_at from devices where hall_id = $1 order by last_seen_at desc', [
    hallId,
  ]);
  const tokens = await q.query<{ id: string; device_id: string; account_id: string; expires_at: Date; revoked_at: Date | null }>(
    'select id, device_id, account_id, expires_at, revoked_at from tokens where hall_id = $1 order by created_at',
    [hallId],
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

/** Which halls hold a device of this id (a device signs in to each hall it serves). */
export async function deviceHalls(q: Queryable, deviceId: string): Promise<string[]> {
  return (await q.query<{ hall_id: string }>('select hall_id from devices where id = $1', [deviceId])).map((r) => r.hall_id);
}
