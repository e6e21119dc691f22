import { createHash } from 'node:crypto';
import type { Db, Queryable } from '../storage/db';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BATCH_ROWS, LINE_BYTES } from './backupFormat';
import type { BackupHeader, BackupTrailer, SequenceValue } from './backupFormat';

/** A quoted SQL identifier. */
export const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * Write the whole database as backup lines (see backupFormat) through `write`, from one snapshot: a read-only
 * repeatable-read transaction, so a push that commits meanwhile is either wholly in the backup or wholly out, and
 * every push acknowledged before the backup started is in it. Rows are read with a cursor, a line's worth at a
 * time, so memory stays flat however big the database. Every table of the schema is included (a table added by a later
 * migration needs no change here) except schema_migrations, which the header's schemaVersion stands for.
 *
 * On PGlite the one connection is held for the whole export, so other requests wait until it ends.
 */
export async function exportSnapshot(db: Db, write: (line: string) => Promise<void>): Promise<{ header: BackupHeader; trailer: BackupTrailer }> {
  return db.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read, read only');
    // The first query takes the snapshot.
    const [meta] = await tx.query<{ at: string; version: number | null }>(
      `select to_jsonb(now()) #>> '{}' as at, (select max(version) from schema_migrations) as version`,
    );
    if (!meta?.version) throw new Error('the database has no schema yet: nothing to back up');
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      schemaVersion: meta.version,
      createdAt: new Date(meta.at).toISOString(),
      store: db.kind,
      tables: await tablesInRestoreOrder(tx),
    };
    const hash = createHash('sha256');
    const emit = async (line: string): Promise<void> => {
      hash.update(line);
      hash.update('\n');
      await write(`${line}\n`);
    };
    await emit(JSON.stringify(header));
    const counts: Record<string, number> = {};
    for (const table of header.tables) {
      counts[table] = 0;
      await tx.query(`declare backup_rows no scroll cursor for select to_jsonb(t)::text as r from ${ident(table)} t`);
      // Rows differ in size by a thousandfold (an event, a 2 MB photo chunk): the fetch size follows the rows seen
      // so far so that a line stays near LINE_BYTES, starting small.
      let fetch = 16;
      for (;;) {
        const rows = await tx.query<{ r: string }>(`fetch ${fetch} from backup_rows`);
        if (rows.length === 0) break;
        counts[table] += rows.length;
        const bytes = rows.reduce((n, r) => n + r.r.length, 0);
        // The rows are already JSON text: joined, not parsed and written again.
        await emit(`{"table":${JSON.stringify(table)},"rows":[${rows.map((r) => r.r).join(',')}]}`);
        fetch = Math.max(1, Math.min(BATCH_ROWS, Math.floor(LINE_BYTES / Math.max(1, bytes / rows.length))));
      }
      await tx.query('close backup_rows');
    }
    // Read after the snapshot was taken: a sequence only grows, so this is at least every value in the snapshot.
    const sequences = await tx.query<{ sequence: string; value: string | null }>(
      'select sequencename as sequence, last_value::text as value from pg_sequences where schemaname = current_schema() order by sequencename',
    );
    for (const s of sequences) {
      const line: SequenceValue = { sequence: s.sequence, value: s.value === null ? null : Number(s.value) };
      await emit(JSON.stringify(line));
    }
    const trailer: BackupTrailer = { end: true, counts, sha256: hash.digest('hex') };
    await write(`${JSON.stringify(trailer)}\n`);
    return { header, trailer };
  });
}

/** The schema's tables, each after the tables its foreign keys reference, so a restore can insert them in order. */
async function tablesInRestoreOrder(tx: Queryable): Promise<string[]> {
  const tables = (
    await tx.query<{ name: string }>(
      "select tablename as name from pg_tables where schemaname = current_schema() and tablename <> 'schema_migrations' order by tablename",
    )
  ).map((t) => t.name);
  const refs = await tx.query<{ t: string; r: string }>(
    `select c.relname as t, r.relname as r from pg_constraint k
     join pg_class c on c.oid = k.conrelid join pg_class r on r.oid = k.confrelid join pg_namespace n on n.oid = c.relnamespace
     where k.contype = 'f' and n.nspname = current_schema() and c.relname <> r.relname`,
  );
  const ordered: string[] = [];
  const placed = new Set<string>();
  const place = (t: string, path: Set<string>): void => {
    if (placed.has(t) || path.has(t)) return;
    path.add(t);
    for (const ref of refs) if (ref.t === t) place(ref.r, path);
    placed.add(t);
    ordered.push(t);
  };
  for (const t of tables) place(t, new Set());
  return ordered;
}
