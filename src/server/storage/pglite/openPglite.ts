import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from '../db';
import { asStorageError } from '../storageErrors';
import { lockDataDir } from './dataDirLock';
import type { DataDirLock } from './dataDirLock';

/**
 * Embedded PostgreSQL in a data directory (or in memory when dataDir is undefined). One connection: PGlite serialises.
 * A data directory is locked for this process (see dataDirLock) before PGlite opens it; a second server on the same
 * directory is refused with a DataDirLockedError. `onLockLost` is told if the lock is ever taken over.
 */
export async function openPglite(dataDir: string | undefined, onLockLost: (message: string) => void = (m) => console.error(m)): Promise<Db> {
  let lock: DataDirLock | undefined;
  if (dataDir) {
    mkdirSync(dirname(dataDir), { recursive: true });
    lock = lockDataDir(dataDir, onLockLost);
  }
  let pg: PGlite;
  try {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    pg = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  } catch (e) {
    lock?.release();
    throw asStorageError(e);
  }
  const wrap = (q: { query: PGlite['query'] }): Queryable => ({
    async query<T extends object>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      try {
        const r = await q.query<T>(sql, [...params]);
        return r.rows;
      } catch (e) {
        throw asStorageError(e);
      }
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pg),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      try {
        return await pg.transaction((tx) => fn(wrap(tx)));
      } catch (e) {
        throw asStorageError(e);
      }
    },
    async close() {
      try {
        await pg.close();
      } finally {
        lock?.release();
      }
    },
  };
}
