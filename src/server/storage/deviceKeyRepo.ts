import type { Queryable } from './db';

/** A hand-over key: an account's Ed25519 public key, registered for one device in one hall (docs/review.md, "Hand-over"). */
export interface DeviceKey {
  id: string;
  accountId: string;
  deviceId: string;
  hallId: string;
  /** Raw 32-byte public key, base64url. */
  publicKey: string;
}

export async function insertDeviceKey(q: Queryable, k: DeviceKey): Promise<void> {
  await q.query('insert into device_keys (id, account_id, device_id, hall_id, public_key) values ($1, $2, $3, $4, $5)', [k.id, k.accountId, k.deviceId, k.hallId, k.publicKey]);
}

/** The live keys (not revoked, account enabled) among these ids that are registered for this device in this hall. */
export async function liveDeviceKeys(q: Queryable, hallId: string, deviceId: string, ids: readonly string[]): Promise<Map<string, DeviceKey>> {
  if (ids.length === 0) return new Map();
  const rows = await q.query<{ id: string; account_id: string; device_id: string; hall_id: string; public_key: string }>(
    `select k.id, k.account_id, k.device_id, k.hall_id, k.public_key from device_keys k join accounts a on a.id = k.account_id
     where k.id = any($1::text[]) and k.hall_id = $2 and k.device_id = $3 and k.revoked_at is null and not a.disabled`,
    [[...ids], hallId, deviceId],
  );
  return new Map(rows.map((r) => [r.id, { id: r.id, accountId: r.account_id, deviceId: r.device_id, hallId: r.hall_id, publicKey: r.public_key }]));
}

/**
 * Revoke keys by key id (optionally only the account's own), by device in a hall, or by account (every hall);
 * returns how many were live.
 */
export async function revokeDeviceKeys(q: Queryable, by: { keyId: string; accountId?: string } | { hallId: string; deviceId: string } | { accountId: string }): Promise<number> {
  const [where, params] =
    'keyId' in by
      ? by.accountId !== undefined
        ? ['id = $1 and account_id = $2', [by.keyId, by.accountId]]
        : ['id = $1', [by.keyId]]
      : 'deviceId' in by
        ? ['hall_id = $1 and device_id = $2', [by.hallId, by.deviceId]]
        : ['account_id = $1', [by.accountId]];
  const rows = await q.query<{ id: string }>(`update device_keys set revoked_at = now() where ${where} and revoked_at is null returning id`, params);
  return rows.length;
}

/** The hall a key is registered in, or undefined when there is no such key. */
export async function keyHall(q: Queryable, keyId: string): Promise<string | undefined> {
  return (await q.query<{ hall_id: string }>('select hall_id from device_keys where id = $1', [keyId]))[0]?.hall_id;
}

/** Every key of the hall with its state, for the admin's device list. */
export async function allDeviceKeys(q: Queryable, hallId: string): Promise<{ id: string; accountId: string; deviceId: string; createdAt: string; revoked: boolean }[]> {
  const rows = await q.query<{ id: string; account_id: string; device_id: string; created_at: Date; revoked_at: Date | null }>(
    'select id, account_id, device_id, created_at, revoked_at from device_keys where hall_id = $1 order by created_at',
    [hallId],
  );
  return rows.map((r) => ({ id: r.id, accountId: r.account_id, deviceId: r.device_id, createdAt: new Date(r.created_at).toISOString(), revoked: r.revoked_at !== null }));
}
