import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Db } from '../../../src/server/storage/db';
import { openPglite } from '../../../src/server/storage/pglite/openPglite';
import { openPostgres } from '../../../src/server/storage/postgres/openPostgres';
import { startPgCluster } from '../pgCluster';
import type { PgCluster } from '../pgCluster';

/** Where a server keeps its data: a PGlite directory or a PostgreSQL database. */
export type Place = { dataDir: string; databaseUrl?: undefined } | { databaseUrl: string; dataDir?: undefined };

/** Fresh empty places of one kind (PGlite directories, or databases in one throwaway PostgreSQL 15 cluster). */
export interface Stores {
  kind: 'pglite' | 'postgres';
  /** A new empty place. */
  fresh(): Promise<Place>;
  /** Open a place's database without migrating it (what restore needs). */
  open(place: Place): Promise<Db>;
  /** A folder for backups. */
  folder(): string;
  stop(): void;
}

export async function stores(kind: 'pglite' | 'postgres'): Promise<Stores> {
  const root = mkdtempSync(join(tmpdir(), `hp-backup-${kind}-`));
  let cluster: PgCluster | undefined;
  let n = 0;
  if (kind === 'postgres') cluster = await startPgCluster();
  return {
    kind,
    async fresh() {
      n++;
      if (!cluster) return { dataDir: join(root, `store-${n}`, 'pglite') };
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      await admin.query(`create database store_${n}`);
      await admin.end();
      return { databaseUrl: cluster.url.replace(/\/postgres$/, `/store_${n}`) };
    },
    open: (place) => (place.databaseUrl ? openPostgres(place.databaseUrl) : openPglite(place.dataDir)),
    folder: () => mkdtempSync(join(root, 'backups-')),
    stop() {
      cluster?.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
