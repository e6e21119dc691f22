import pg from 'pg';
import type { Db, Queryable } from '../db';
import { asStorageError } from '../storageErrors';

/** How long a request waits for a connection (a free pool slot or a new one) before it is answered 503. */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * A real PostgreSQL server through a connection pool (DATABASE_URL). Several server processes may share it.
 *
 * The server rides out a PostgreSQL restart or a dropped connection: a connection that dies while idle is dropped
 * from the pool (logged, never fatal), one that dies during a request fails that request with a StorageError
 * ('unavailable', answered 503) and is discarded, and the next request opens a fresh connection.
 */
export async function openPostgres(url: string, poolSize = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true });
  // An idle connection that the server closes (restart, pg_terminate_backend, network) is reported here; without a
  // listener node-postgres would throw it out of the event loop and end the process.
  pool.on('error', (e) => console.error(`PostgreSQL: an idle connection ended (${e.message}); a new one is opened when needed`));
  // Fail at start, with the driver's words, rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T extends object>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      try {
        const r = await q.query<T & pg.QueryResultRow>(sql, [...params]);
        return r.rows;
      } catch (e) {
        throw asStorageError(e);
      }
    },
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (e) {
        throw asStorageError(e);
      }
      // While checked out the pool does not listen for the client's errors; a connection dying mid-transaction
      // emits one besides failing the query, and must not end the process. The failed query reports it.
      let broken: Error | undefined;
      const onError = (e: Error): void => {
        broken = e;
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const out = await fn(wrap(client));
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch((rollback: unknown) => {
          broken ??= rollback instanceof Error ? rollback : new Error(String(rollback));
        });
        throw asStorageError(e);
      } finally {
        client.removeListener('error', onError);
        // A broken connection is destroyed instead of going back to the pool.
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
