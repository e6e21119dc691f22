import type { Db } from './db';
import { openPglite } from './pglite/openPglite';
import { openPostgres } from './postgres/openPostgres';
import { migrate } from './migrations';

/** DATABASE_URL=postgres://... selects a real server; otherwise PGlite in DATA_DIR. Migrations run before use. */
export async function openStorage(opts: { databaseUrl?: string | undefined; dataDir: string | undefined }): Promise<Db> {
  const db = opts.databaseUrl ? await openPostgres(opts.databaseUrl) : await openPglite(opts.dataDir);
  await migrate(db);
  return db;
}
