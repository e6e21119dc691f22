import type { PatrolDb } from '../patrolDb';
import { sha256Hex } from './sha256Hex';

/** Why a photo could not be fetched: no network (or server), refused (not in scope, unknown), or bytes that lie. */
export type FetchPhotoFailure = 'offline' | 'refused' | 'mismatch';

/**
 * Download a photo another device took (GET /api/photos/<hash>), check the bytes against the hash it is named by,
 * and keep it in the device's photo store, so it shows offline from then on. No outbox row: the photo is the server's
 * already. Width and height are not decoded (0): nothing on the device reads them for a fetched photo.
 */
export async function fetchPhoto(
  db: PatrolDb,
  hash: string,
  findingId: string,
  o: { baseUrl: string; token: string | null; fetch?: typeof fetch; timeoutMs?: number },
): Promise<{ blob: Blob } | { failed: FetchPhotoFailure }> {
  const stored = await db.photos.get(hash);
  if (stored) return { blob: stored.blob };
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), o.timeoutMs ?? 30_000);
  let res: Response;
  try {
    res = await (o.fetch ?? fetch)(`${o.baseUrl}/api/photos/${hash}`, { signal: ctrl.signal, headers: o.token ? { authorization: `Bearer ${o.token}` } : {} });
  } catch {
    return { failed: 'offline' };
  } finally {
    clearTimeout(timer);
  }
  if (!res.ok) return { failed: res.status >= 500 ? 'offline' : 'refused' };
  const type = res.headers.get('content-type') ?? 'image/jpeg';
  const blob = new Blob([await res.arrayBuffer()], { type });
  if ((await sha256Hex(blob)) !== hash) return { failed: 'mismatch' };
  await db.photos.put({ hash, findingId, blob, type, bytes: blob.size, width: 0, height: 0 });
  return { blob };
}
