import type { Db } from './db';
import { openPglite } from './pglite/openPglite';
import { openPostgres } from './postgres/openPostgres';
import { migrate } from './migrations';

export interface StorageOptions {
  databaseUrl?: string | undefined;
  /** PGlite data directory (undefined: in memory), used when databaseUrl is not set; locked for this process. */
  dataDir: string | undefined;
  /** Told if another process takes over the data directory's lock (see dataDirLock); default: logged. */
  onLockLost?: ((message: string) => void) | undefined;
}

/** DATABASE_URL=postgres://... selects a real server; otherwise PGlite in DATA_DIR. Migrations run before use. */
export async function openStorage(opts: StorageOptions): Promise<Db> {
  const db = opts.databaseUrl ? await openPostgres(opts.databaseUrl) : await openPglite(opts.dataDir, opts.onLockLost);
  try {
    await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}
