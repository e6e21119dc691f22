import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { fetchPhoto } from '../../../src/device/photos/fetchPhoto';
import { testDb } from '../testDb';

const bytes = new TextEncoder().encode('a photo from another tablet');
const hash = createHash('sha256').update(bytes).digest('hex');
const serve = (status: number, body: Uint8Array = bytes) =>
  vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => new Response(status === 200 ? new Blob([body as Uint8Array<ArrayBuffer>]) : null, { status, headers: { 'content-type': 'image/jpeg' } }));

describe('fetching another device\'s photo', () => {
  it('downloads by hash with the token, checks the bytes and keeps the photo; later asks never reach the server', async () => {
    const db = testDb();
    const f = serve(200);
    const got = await fetchPhoto(db, hash, 'F1', { baseUrl: 'http://hall', token: 'tok', fetch: f });
    expect('blob' in got && got.blob.size).toBe(bytes.length);
    expect(f).toHaveBeenCalledWith(`http://hall/api/photos/${hash}`, expect.objectContaining({ headers: { authorization: 'Bearer tok' } }));
    expect(await db.photos.get(hash)).toMatchObject({ hash, findingId: 'F1', type: 'image/jpeg', bytes: bytes.length });
    expect(await db.outbox.count()).toBe(0);
    const again = serve(500);
    expect('blob' in (await fetchPhoto(db, hash, 'F1', { baseUrl: 'http://hall', token: 'tok', fetch: again }))).toBe(true);
    expect(again).not.toHaveBeenCalled();
  });

  it('keeps nothing when offline, refused, or when the bytes do not match the hash', async () => {
    const db = testDb();
    const down = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await fetchPhoto(db, hash, 'F1', { baseUrl: '', token: 't', fetch: down })).toEqual({ failed: 'offline' });
    expect(await fetchPhoto(db, hash, 'F1', { baseUrl: '', token: 't', fetch: serve(403) })).toEqual({ failed: 'refused' });
    expect(await fetchPhoto(db, hash, 'F1', { baseUrl: '', token: 't', fetch: serve(200, new TextEncoder().encode('other bytes')) })).toEqual({ failed: 'mismatch' });
    expect(await db.photos.count()).toBe(0);
  });
});
