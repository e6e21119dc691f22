import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MAX_PHOTO_BYTES } from '../../core/protocol/limits';
import type { AppEnv, ServerDeps } from '../appEnv';
import { ALL_ROLES, requireAuth } from '../auth/requireAuth';
import { errorResponse } from '../httpError';
import { inScope } from '../../core/access/actor';
import { photoCharges } from '../storage/reviewRepo';
import { appendChunk, createPhoto, discardPhoto, markPhotoComplete, photoBytes, photoByHash } from '../storage/photoRepo';
import type { PhotoRow } from '../storage/photoRepo';

const MAX_CHUNK = 2 * 1024 * 1024;
const HASH = /^[0-9a-f]{64}$/;

/**
 * Evidence photos, content-addressed by SHA-256 and uploaded resumably (docs/sync.md):
 * GET /:hash/status tells how many bytes the server has; PATCH /:hash appends at Upload-Offset; the last chunk
 * is verified against the hash, and a photo whose bytes do not match is thrown away so it can be sent again.
 * GET /:hash serves a complete photo; a chief only a photo they uploaded or one named by a finding in their scope.
 */
export function photoRoutes({ db }: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAuth(db, ALL_ROLES));

  app.get('/:hash/status', async (c) => {
    const hash = c.req.param('hash');
    if (!HASH.test(hash)) return errorResponse(c, 'bad-request', `"${hash}" is not a SHA-256 hash in lower-case hex`);
    const p = await photoByHash(db, hash);
    return c.json(p ? status(p) : { hash, size: null, received: 0, complete: false });
  });

  app.patch(
    '/:hash',
    bodyLimit({ maxSize: MAX_CHUNK, onError: (c) => errorResponse(c, 'too-large', `a chunk may be at most ${MAX_CHUNK} bytes`) }),
    async (c) => {
      const hash = c.req.param('hash');
      if (!HASH.test(hash)) return errorResponse(c, 'bad-request', `"${hash}" is not a SHA-256 hash in lower-case hex`);
      const offset = headerInt(c, 'upload-offset');
      const length = headerInt(c, 'upload-length');
      if (offset === null || length === null) return errorResponse(c, 'bad-request', 'send Upload-Offset and Upload-Length headers (whole numbers of bytes)');
      if (length > MAX_PHOTO_BYTES) return errorResponse(c, 'too-large', `the photo is ${length} bytes; the limit is ${MAX_PHOTO_BYTES}`);
      const contentType = c.req.header('content-type') ?? 'application/octet-stream';
      if (!/^image\/(jpeg|png|webp)$/.test(contentType)) return errorResponse(c, 'bad-request', `content type "${contentType}" is not a photo (expected image/jpeg, image/png or image/webp)`);
      await createPhoto(db, { hash, size: length, contentType, uploadedBy: c.get('auth').account.id });
      const existing = await photoByHash(db, hash);
      if (!existing) return errorResponse(c, 'server', 'the upload could not be started');
      if (existing.size !== length) return errorResponse(c, 'conflict', `the upload of ${hash} was started with Upload-Length ${existing.size}, not ${length}`);
      if (existing.complete) return c.json(status(existing));
      const data = new Uint8Array(await c.req.arrayBuffer());
      if (offset + data.length > length) return errorResponse(c, 'bad-request', `the chunk ends at ${offset + data.length}, past Upload-Length ${length}`);
      if (data.length === 0 && offset !== length) return errorResponse(c, 'bad-request', 'the chunk is empty');
      const r = await db.transaction((tx) => appendChunk(tx, hash, offset, data));
      if (!r.ok) {
        c.header('Upload-Offset', String(r.received));
        return errorResponse(c, 'conflict', `the server has ${r.received} bytes of ${hash}; resume from Upload-Offset ${r.received}`);
      }
      if (r.received < length) return c.json({ hash, size: length, received: r.received, complete: false });
      const bytes = await photoBytes(db, hash);
      const actual = createHash('sha256').update(bytes).digest('hex');
      if (actual !== hash) {
        await discardPhoto(db, hash);
        return errorResponse(c, 'bad-request', `the uploaded bytes hash to ${actual}, not ${hash}; the upload was discarded, send it again`);
      }
      await markPhotoComplete(db, hash);
      return c.json({ hash, size: length, received: length, complete: true });
    },
  );

  app.get('/:hash', async (c) => {
    const hash = c.req.param('hash');
    const p = HASH.test(hash) ? await photoByHash(db, hash) : undefined;
    if (!p?.complete) return errorResponse(c, 'not-found', `no complete photo ${hash}`);
    const { actor } = c.get('auth');
    if (actor.role === 'chief') {
      const { uploadedBy, charged } = await photoCharges(db, hash);
      if (uploadedBy !== actor.accountId && !charged.some((w) => inScope(actor, { unitId: w.unitId ?? undefined, windowId: w.windowId ?? undefined }))) {
        return errorResponse(c, 'forbidden', `photo ${hash} belongs to no finding in the scope of ${actor.accountId}`);
      }
    }
    const bytes = await photoBytes(db, hash);
    return c.body(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, 200, {
      'content-type': p.contentType,
      'cache-control': 'private, max-age=31536000, immutable',
    });
  });

  return app;
}

function status(p: PhotoRow): { hash: string; size: number; received: number; complete: boolean } {
  return { hash: p.hash, size: p.size, received: p.received, complete: p.complete };
}

function headerInt(c: Context, name: string): number | null {
  const v = c.req.header(name);
  return v !== undefined && /^\d{1,10}$/.test(v) ? Number(v) : null;
}
