import type { SyncApi } from './syncApi';
import { SyncFailure } from './syncApi';
import type { PendingPhoto } from './syncStore';

/** Chunk size: small enough to finish on a weak hall Wi-Fi between drop-outs. */
export const PHOTO_CHUNK = 256 * 1024;

/**
 * Upload one photo resumably: ask the server how much it has, send the rest in chunks. A conflict (another tab or
 * an earlier attempt moved on) re-reads the offset and carries on. Resolves when the server has verified the hash.
 */
export async function uploadPhoto(api: SyncApi, photo: PendingPhoto, onBytes: (n: number) => void): Promise<void> {
  let { received, complete } = await api.photoStatus(photo.hash);
  let failures = 0;
  while (!complete) {
    const chunk = photo.blob.slice(received, received + PHOTO_CHUNK);
    try {
      const r = await api.photoChunk(photo.hash, received, photo.blob.size, photo.type, chunk);
      onBytes(r.received - received);
      ({ received, complete } = r);
      failures = 0;
    } catch (e) {
      // A conflict or a server hiccup: ask where the server is and resume; give up to the caller's backoff after 3.
      if (!(e instanceof SyncFailure) || e.code !== 'server' || ++failures >= 3) throw e;
      ({ received, complete } = await api.photoStatus(photo.hash));
    }
  }
}
