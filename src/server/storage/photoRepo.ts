import type { Queryable } from './db';

/**
 * Photos by hall and SHA-256. A complete photo is stored under its hash in the hall whose finding it is evidence of.
 * An unfinished upload belongs to its uploader: it is stored under `uploadKey(hash, account)` until its bytes are
 * verified, so nobody can squat a hash another device is about to send, then moved under the hash (the first verified
 * upload wins; the bytes are the same by definition). The same bytes sent in two halls are stored in each.
 */
export interface PhotoRow {
  hash: string;
  size: number;
  received: number;
  complete: boolean;
  contentType: string;
  uploadedBy: string;
}

/** The key an account's unfinished upload of a photo is stored under. */
export function uploadKey(hash: string, accountId: string): string {
  return `${hash}~${accountId}`;
}

/** A photo row of the hall by its key: a hash (complete photo) or an upload key. */
export async function photoByHash(q: Queryable, hallId: string, key: string): Promise<PhotoRow | undefined> {
  const rows = await q.query<{ hash: string; size: number; received: number; complete: boolean; content_type: string; uploaded_by: string }>(
    'select hash, size, received, complete, content_type, uploaded_by from photos where hall_id = $1 and hash = $2',
    [hallId, key],
  );
  const r = rows[0];
  return r && { hash: r.hash, size: r.size, received: r.received, complete: r.complete, contentType: r.content_type, uploadedBy: r.uploaded_by };
}

/** Whether a complete photo of this hash is stored in another hall than `hallId` (naming it answers 403, not 404). */
export async function photoElsewhere(q: Queryable, hallId: string, hash: string): Promise<boolean> {
  return (await q.query('select 1 as n from photos where hash = $1 and hall_id <> $2 and complete limit 1', [hash, hallId])).length > 0;
}

/** Start an upload (no-op when one exists). */
export async function createPhoto(q: Queryable, hallId: string, p: { hash: string; size: number; contentType: string; uploadedBy: string }): Promise<void> {
  await q.query('insert into photos (hall_id, hash, size, content_type, uploaded_by) values ($1, $2, $3, $4, $5) on conflict (hall_id, hash) do nothing', [
    hallId,
    p.hash,
    p.size,
    p.contentType,
    p.uploadedBy,
  ]);
}

/**
 * Append a chunk at `start`, only if `start` is exactly what was received so far (the row is locked, so two
 * uploads of the same photo cannot interleave). Returns the new received count, or the current one on a mismatch.
 */
export async function appendChunk(tx: Queryable, hallId: string, hash: string, start: number, data: Uint8Array): Promise<{ ok: boolean; received: number }> {
  const rows = await tx.query<{ received: number }>('select received from photos where hall_id = $1 and hash = $2 for update', [hallId, hash]);
  const received = rows[0]?.received ?? 0;
  if (received !== start) return { ok: false, received };
  await tx.query('insert into photo_chunks (hall_id, hash, start, data) values ($1, $2, $3, $4)', [hallId, hash, start, data]);
  await tx.query('update photos set received = $3, updated_at = now() where hall_id = $1 and hash = $2', [hallId, hash, start + data.length]);
  return { ok: true, received: start + data.length };
}

/** All chunks of a photo of the hall, concatenated in order. */
export async function photoBytes(q: Queryable, hallId: string, hash: string): Promise<Uint8Array> {
  const rows = await q.query<{ data: Uint8Array }>('select data from photo_chunks where hall_id = $1 and hash = $2 order by start', [hallId, hash]);
  const total = rows.reduce((s, r) => s + r.data.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const r of rows) {
    out.set(r.data, at);
    at += r.data.length;
  }
  return out;
}

/**
 * Make a verified upload the complete photo `hash` of the hall (its chunks move under the hash); when another upload
 * of the same bytes completed first, this one is simply dropped. An unfinished row left under the bare hash by an
 * older version is replaced.
 */
export async function completeUpload(tx: Queryable, hallId: string, key: string, hash: string, contentType: string): Promise<void> {
  await tx.query('delete from photos where hall_id = $1 and hash = $2 and not complete', [hallId, hash]);
  const made = await tx.query<{ hash: string }>(
    `insert into photos (hall_id, hash, size, received, complete, content_type, uploaded_by, created_at)
     select hall_id, $3, size, received, true, $4, uploaded_by, created_at from photos where hall_id = $1 and hash = $2
     on conflict (hall_id, hash) do nothing returning hash`,
    [hallId, key, hash, contentType],
  );
  if (made.length) await tx.query('update photo_chunks set hash = $3 where hall_id = $1 and hash = $2', [hallId, key, hash]);
  await tx.query('delete from photos where hall_id = $1 and hash = $2', [hallId, key]);
}

/** Throw away an upload (its bytes did not match, or it was abandoned), so it can start again. */
export async function discardPhoto(q: Queryable, hallId: string, key: string): Promise<void> {
  await q.query('delete from photos where hall_id = $1 and hash = $2', [hallId, key]);
}

/** Unfinished uploads of an account (in any hall: the limit is the account's). */
export async function openUploads(q: Queryable, accountId: string): Promise<number> {
  const rows = await q.query<{ n: number }>('select count(*)::int as n from photos where uploaded_by = $1 and not complete', [accountId]);
  return rows[0]?.n ?? 0;
}

/** Throw away unfinished uploads untouched for this many hours (every hall's); how many. */
export async function dropStaleUploads(q: Queryable, hours: number): Promise<number> {
  const rows = await q.query<{ hash: string }>('delete from photos where not complete and updated_at < now() - make_interval(hours => $1) returning hash', [hours]);
  return rows.length;
}

/** Who uploaded each of these complete photos of the hall. */
export async function photoUploaders(q: Queryable, hallId: string, hashes: readonly string[]): Promise<Map<string, string>> {
  if (hashes.length === 0) return new Map();
  const rows = await q.query<{ hash: string; uploaded_by: string }>('select hash, uploaded_by from photos where hall_id = $1 and hash = any($2::text[]) and complete', [
    hallId,
    [...hashes],
  ]);
  return new Map(rows.map((r) => [r.hash, r.uploaded_by]));
}
