import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import type { AppEnv, ServerDeps } from '../appEnv';
import { requireAuth } from '../auth/requireAuth';
import { BACKUP_NAME } from '../backup/backupFormat';
import { BackupBusyError, listBackups } from '../backup/backupService';
import { errorResponse } from '../httpError';
import { hallIds } from '../storage/hallRepo';

/**
 * The admin's backups (docs/operations.md): GET / the state (settings, last backup, last error, the files), POST /
 * make one now, GET /<name> download one. Mounted at /api/admin/backups. A backup holds every hall's data, so only a
 * centre administrator who manages every hall of the server may use them (docs/halls.md).
 */
export function backupRoutes({ db, backups }: ServerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requireAuth(db));
  app.use('*', async (c, next) => {
    const managed = c.get('auth').centre?.halls ?? [];
    const missing = (await hallIds(db)).filter((h) => !managed.includes(h));
    if (missing.length) return errorResponse(c, 'forbidden', `a backup holds every hall's data; ${c.get('auth').account.id} does not manage hall ${missing.join(', ')}`);
    await next();
  });
  if (!backups) {
    app.all('*', (c) => errorResponse(c, 'not-found', 'this server makes no backups (it was started without a backup folder)'));
    return app;
  }

  app.get('/', async (c) => c.json(await backups.status()));

  app.post('/', async (c) => {
    try {
      return c.json(await backups.backupNow());
    } catch (e) {
      if (e instanceof BackupBusyError) return errorResponse(c, 'conflict', e.message);
      const message = e instanceof Error ? e.message : String(e);
      return errorResponse(c, /no space left on device/.test(message) ? 'storage-full' : 'server', message);
    }
  });

  app.get('/:name', async (c) => {
    const name = c.req.param('name');
    const { dir } = (await backups.status()).settings;
    if (!BACKUP_NAME.test(name) || !(await listBackups(dir)).some((b) => b.name === name)) return errorResponse(c, 'not-found', `no backup named "${name}"`);
    const stream = Readable.toWeb(createReadStream(join(dir, name))) as ReadableStream<Uint8Array>;
    return c.body(stream, 200, { 'content-type': 'application/gzip', 'content-disposition': `attachment; filename="${name}"` });
  });

  return app;
}
