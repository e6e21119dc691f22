import { openPglite } from '../../src/server/storage/pglite/openPglite';
import { openPostgres } from '../../src/server/storage/postgres/openPostgres';
import { startPgCluster } from './pgCluster';
import { runStorageContract } from './storageContract';

runStorageContract('PGlite (embedded)', async () => {
  const db = await openPglite(undefined);
  return { db, close: () => db.close() };
});

runStorageContract('PostgreSQL 15 (throwaway cluster)', async () => {
  const cluster = await startPgCluster();
  const db = await openPostgres(cluster.url);
  return {
    db,
    close: async () => {
      await db.close();
      cluster.stop();
    },
  };
});
