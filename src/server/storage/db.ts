/**
 * The thin storage interface everything above it is written against: parameterised SQL in one dialect (PostgreSQL),
 * and transactions. PGlite (embedded) and node-postgres (a real server) both implement it; the storage contract
 * suite (test/server/storageContract.ts) runs against both.
 *
 * Values crossing it: text and numbers as JS strings and numbers, bigint columns must be cast (::text or ::int) in
 * SQL so both drivers return the same JS type, jsonb comes back parsed, bytea as Uint8Array (a Buffer on pg).
 */
export interface Queryable {
  query<T extends object>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  /** Which engine: shown at start and in /api/health. */
  readonly kind: 'pglite' | 'postgres';
  /** Run fn in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
