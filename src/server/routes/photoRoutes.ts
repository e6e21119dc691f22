import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { MAX_PHOTO_BYTES } from '../../core/protocol/limits';
import type { AppEnv, ServerDeps } from '../appEnv';
import { requireAuth } from '../auth/requireAuth';
import { errorResponse } from '../httpError';
import { inScope } from '../../core/access/actor';
import { imageType } from '../photos/imageType';
import { photoCharges } from '../storage/reviewRepo';
import { appendChunk, completeUpload, createPhoto, discardPhoto, dropStaleUploads, openUploads, photoBytes, photoByHash, photoElsewhere, uploadKey } from '../storage/photoRepo';
import type { PhotoRow } from '../storage/photoRepo';
import { MAX_OPEN_UPLOADS, UPLOAD_MAX_AGE_HOURS } from './photoLimits';

const HASH = /^[0-9a-f]{64}$/;

/**
 * Evidence photos, content-addressed by SHA-256 and uploaded resumably (docs/sync.md):
 * GET /:hash/status tells how many bytes the server has of the caller's upload; PATCH /:hash appends at Upload-Offset;
 * the bytes must be a JPEG, PNG or WebP, and the last chunk is verified against the hash (a mismatch is thrown away so
 * it can be sent again). An unfinished upload is its uploader's alone; at most MAX_OPEN_UPLOADS per account, and
 * those untouched for UPLOAD_MAX_AGE_HOURS are dropped. GET /:hash serves a complete photo; a chief only a photo they
 * uploaded or one named by a finding in their scope. Photos are the token's hall's: another hall's photo answers 403.
 */
export function photoRoutes({ db }: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAuth(db));

  app.get('/:hash/status', async (c) => {
    const hash = c.req.param('hash');
    if (!HASH.test(hash)) return errorResponse(c, 'bad-request', `"${hash.slice(0, 80)}" is not a SHA-256 hash in lower-case hex`);
    const { hallId } = c.get('auth');
    const done = await photoByHash(db, hallId, hash);
    const mine = done?.complete ? done : await photoByHash(db, hallId, uploadKey(hash, c.get('auth').account.id));
    return c.json(mine ? status(hash, mine) : { hash, size: null, received: 0, complete: false });
  });

  app.patch('/:hash', async (c) => {
    const hash = c.req.param('hash');
    if (!HASH.test(hash)) return errorResponse(c, 'bad-request', `"${hash.slice(0, 80)}" is not a SHA-256 hash in lower-case hex`);
    const offset = headerInt(c, 'upload-offset');
    const length = headerInt(c, 'upload-length');
    if (offset === null || length === null) return errorResponse(c, 'bad-request', 'send Upload-Offset and Upload-Length headers (whole numbers of bytes)');
    if (length > MAX_PHOTO_BYTES) return errorResponse(c, 'too-large', `the photo is ${length} bytes; the limit is ${MAX_PHOTO_BYTES}`);
    if (length === 0) return errorResponse(c, 'bad-request', 'Upload-Length 0: a photo has bytes');
    const contentType = c.req.header('content-type') ?? 'application/octet-stream';
    if (!/^image\/(jpeg|png|webp)$/.test(contentType)) return errorResponse(c, 'bad-request', `content type "${contentType.slice(0, 80)}" is not a photo (expected image/jpeg, image/png or image/webp)`);
    const { hallId } = c.get('auth');
    const done = await photoByHash(db, hallId, hash);
    if (done?.complete) return c.json(status(hash, done));
    // Everything about the chunk is checked before anything is stored: a refused chunk leaves no trace.
    const data = new Uint8Array(await c.req.arrayBuffer());
    if (offset + data.length > length) return errorResponse(c, 'bad-request', `the chunk ends at ${offset + data.length}, past Upload-Length ${length}`);
    if (data.length === 0 && offset !== length) return errorResponse(c, 'bad-request', 'the chunk is empty');
    if (offset === 0 && data.length >= Math.min(12, length) && !imageType(data)) {
      return errorResponse(c, 'bad-request', 'the bytes are not a JPEG, PNG or WebP image (checked by their first bytes)');
    }
    const account = c.get('auth').account.id;
    const key = uploadKey(hash, account);
    let upload = await photoByHash(db, hallId, key);
    if (upload && upload.size !== length) return errorResponse(c, 'conflict', `the upload of ${hash} was started with Upload-Length ${upload.size}, not ${length}`);
    if (!upload) {
      if (offset !== 0) {
        c.header('Upload-Offset', '0');
        return errorResponse(c, 'conflict', `the server has 0 bytes of ${hash}; resume from Upload-Offset 0`);
      }
      await dropStaleUploads(db, UPLOAD_MAX_AGE_HOURS);
      if ((await openUploads(db, account)) >= MAX_OPEN_UPLOADS) {
        return errorResponse(c, 'rate-limited', `${MAX_OPEN_UPLOADS} uploads of this account are unfinished; finish them first (unfinished uploads are dropped after ${UPLOAD_MAX_AGE_HOURS} hours)`, 60);
      }
      await createPhoto(db, hallId, { hash: key, size: length, contentType, uploadedBy: account });
      upload = await photoByHash(db, hallId, key);
      if (!upload) return errorResponse(c, 'conflict', 'the upload could not be started; try again');
    }
    const r = await db.transaction((tx) => appendChunk(tx, hallId, key, offset, data));
    if (!r.ok) {
      c.header('Upload-Offset', String(r.received));
      return errorResponse(c, 'conflict', `the server has ${r.received} bytes of ${hash}; resume from Upload-Offset ${r.received}`);
    }
    if (r.received < length) return c.json({ hash, size: length, received: r.received, complete: false });
    const bytes = await photoBytes(db, hallId, key);
    const actual = createHash('sha256').update(bytes).digest('hex');
    const type = imageType(bytes);
    if (actual !== hash || !type) {
      await discardPhoto(db, hallId, key);
      return errorResponse(
        c,
        'bad-request',
        actual !== hash ? `the uploaded bytes hash to ${actual}, not ${hash}; the upload was discarded, send it again` : 'the bytes are not a JPEG, PNG or WebP image; the upload was discarded',
      );
    }
    await db.transaction((tx) => completeUpload(tx, hallId, key, hash, type));
    return c.json({ hash, size: length, received: length, complete: true });
  });

  app.get('/:hash', async (c) => {
    const hash = c.req.param('hash');
    const { actor, hallId } = c.get('auth');
    const p = HASH.test(hash) ? await photoByHash(db, hallId, hash) : undefined;
    if (!p?.complete) {
      if (HASH.test(hash) && (await photoElsewhere(db, hallId, hash))) return errorResponse(c, 'forbidden', `photo ${hash} belongs to another hall; this sign-in is for hall ${hallId}`);
      return errorResponse(c, 'not-found', `no complete photo ${hash.slice(0, 80)}`);
    }
    if (actor.role === 'chief') {
      const { uploadedBy, charged } = await photoCharges(db, hallId, hash);
      if (uploadedBy !== actor.accountId && !charged.some((w) => inScope(actor, { unitId: w.unitId ?? undefined, windowId: w.windowId ?? undefined }))) {
        return errorResponse(c, 'forbidden', `photo ${hash} belongs to no finding in the scope of ${actor.accountId}`);
      }
    }
    const bytes = await photoBytes(db, hallId, hash);
    return c.body(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, 200, {
      'content-type': p.contentType,
      'cache-control': 'private, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
  });

  return app;
}

function status(hash: string, p: PhotoRow): { hash: string; size: number; received: number; complete: boolean } {
  return { hash, size: p.size, received: p.received, complete: p.complete };
}

function headerInt(c: Context, name: string): number | null {
  const v = c.req.header(name);
  return v !== undefined && /^\d{1,10}$/.test(v) ? Number(v) : null;
}
