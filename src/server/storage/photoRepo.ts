import type { Queryable } from './db';

export interface PhotoRow {
  hash: string;
  size: number;
  received: number;
  complete: boolean;
  contentType: string;
}

export async function photoByHash(q: Queryable, hash: string): Promise<PhotoRow | undefined> {
  const rows = await q.query<{ hash: string; size: number; received: number; complete: boolean; content_type: string }>(
    'select hash, size, received, complete, content_type from photos where hash = $1',
    [hash],
  );
  const r = rows[0];
  return r && { hash: r.hash, size: r.size, received: r.received, complete: r.complete, contentType: r.content_type };
}

/** Start an upload (no-op when one exists). */
export async function createPhoto(q: Queryable, p: { hash: string; size: number; contentType: string; uploadedBy: string }): Promise<void> {
  await q.query('insert into photos (hash, size, content_type, uploaded_by) values ($1, $2, $3, $4) on conflict (hash) do nothing', [p.hash, p.size, p.contentType, p.uploadedBy]);
}

/**
 * Append a chunk at `start`, only if `start` is exactly what was received so far (the row is locked, so two
 * uploads of the same photo cannot interleave). Returns the new received count, or the current one on a mismatch.
 */
export async function appendChunk(tx: Queryable, hash: string, start: number, data: Uint8Array): Promise<{ ok: boolean; received: number }> {
  const rows = await tx.query<{ received: number }>('select received from photos where hash = $1 for update', [hash]);
  const received = rows[0]?.received ?? 0;
  if (received !== start) return { ok: false, received };
  await tx.query('insert into photo_chunks (hash, start, data) values ($1, $2, $3)', [hash, start, data]);
  await tx.query('update photos set received = $2, updated_at = now() where hash = $1', [hash, start + data.length]);
  return { ok: true, received: start + data.length };
}

/** All chunks of a photo, concatenated in order. */
export async function photoBytes(q: Queryable, hash: string): Promise<Uint8Array> {
  const rows = await q.query<{ data: Uint8Array }>('select data from photo_chunks where hash = $1 order by start', [hash]);
  const total = rows.reduce((s, r) => s + r.data.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const r of rows) {
    out.set(r.data, at);
    at += r.data.length;
  }
  return out;
}

export async function markPhotoComplete(q: Queryable, hash: string): Promise<void> {
  await q.query('update photos set complete = true, updated_at = now() where hash = $1', [hash]);
}

/** Throw away an upload whose bytes did not hash to its name, so it can start again. */
export async function discardPhoto(q: Queryable, hash: string): Promise<void> {
  await q.query('delete from photos where hash = $1', [hash]);
}
