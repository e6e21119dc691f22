import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataDirLockedError } from './storage/pglite/dataDirLock';
import { backupSettingsFromEnv } from './backup/backupSettings';
import type { BackupSettings } from './backup/backupService';
import { startServer, StartError } from './startServer';

/**
 * `npm start`: one process serving the PWA and the API on PORT (default 8080).
 * DIST_DIR names the built app to serve (default ./dist).
 * DATABASE_URL=postgres://... uses a PostgreSQL server; otherwise embedded PostgreSQL (PGlite) in DATA_DIR (./data).
 * BACKUP_DIR (DATA_DIR/backups), BACKUP_KEEP (14; 0: no scheduled backups), BACKUP_EVERY_HOURS (24): the server's
 * own backups (docs/operations.md).
 */
async function main(): Promise<void> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new StartError(`PORT "${process.env.PORT}" is not a port number`);
  const dist = resolve(process.env.DIST_DIR ?? join(root, 'dist'));
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataRoot = resolve(process.env.DATA_DIR ?? join(root, 'data'));
  const dataDir = join(dataRoot, 'pglite');
  let backup: BackupSettings;
  try {
    backup = backupSettingsFromEnv(process.env, dataRoot);
  } catch (e) {
    throw new StartError(e instanceof Error ? e.message : String(e));
  }
  const server = await startServer({
    port,
    hostname: process.env.HOST,
    dataDir,
    databaseUrl,
    schemesDir: join(root, 'schemes'),
    distDir: existsSync(dist) ? dist : undefined,
    backup,
  });
  const where = databaseUrl ? `PostgreSQL at ${databaseUrl.replace(/\/\/[^@/]*@/, '//***@')}` : `embedded PostgreSQL in ${dataDir}`;
  console.log(`Hall Patrol listening on http://localhost:${server.port} (${where})${existsSync(dist) ? '' : '; dist/ not built, API only'}`);
  console.log(backup.keep > 0 ? `backups: every ${backup.everyHours} h into ${backup.dir}, keeping the last ${backup.keep}` : `backups: on demand only, into ${backup.dir} (BACKUP_KEEP=0)`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof StartError || e instanceof DataDirLockedError ? e.message : e);
  process.exit(1);
});
