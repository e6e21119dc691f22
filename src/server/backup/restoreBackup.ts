import type { Db } from '../storage/db';
import { applyMigrations, MIGRATIONS } from '../storage/migrations';
import type { BackupHeader, BackupTrailer } from './backupFormat';
import { ident } from './exportSnapshot';
import { BackupFileError, readBackup } from './readBackup';

/** A restore refused before anything was written: a non-empty target or a backup this version cannot take. */
export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

/**
 * Restore a backup file into an empty database (a fresh PGlite directory or an empty PostgreSQL database), in one
 * transaction: the schema of the backup's version, every row, the sequences, then the migrations newer than the
 * backup. The file's checksum and counts are checked as it is read; a damaged or cut-short file, or any failure,
 * rolls everything back, so the target holds either the whole backup or nothing.
 */
export async function restoreBackup(db: Db, path: string): Promise<{ header: BackupHeader; trailer: BackupTrailer }> {
  const latest = Math.max(...MIGRATIONS.map((m) => m.version));
  return db.transaction(async (tx) => {
    const existing = await tx.query<{ name: string }>('select tablename as name from pg_tables where schemaname = current_schema() order by tablename');
    if (existing.length > 0) {
      throw new RestoreRefusedError(
        `refusing to restore: the target database is not empty (it has tables: ${existing.map((t) => t.name).join(', ')}). Restore into a fresh data directory or an empty PostgreSQL database`,
      );
    }
    let schemaReady = false;
    const made = await readBackup(path, async (header, item) => {
      if (!schemaReady) {
        if (header.schemaVersion > latest) {
          throw new RestoreRefusedError(`refusing to restore: the backup's schema version ${header.schemaVersion} is newer than this Hall Patrol's (${latest}); restore it with the version that made it or a newer one`);
        }
        await applyMigrations(tx, header.schemaVersion);
        schemaReady = true;
      }
      if (item.kind === 'rows') {
        await tx.query(`insert into ${ident(item.batch.table)} select * from jsonb_populate_recordset(null::${ident(item.batch.table)}, $1::jsonb)`, [
          JSON.stringify(item.batch.rows),
        ]);
      } else if (item.sequence.value !== null) {
        await tx.query('select setval($1, $2, true)', [ident(item.sequence.sequence), item.sequence.value]);
      }
    });
    if (!schemaReady) await applyMigrations(tx, made.header.schemaVersion);
    await applyMigrations(tx);
    // What was written must be what the file says it holds.
    for (const [table, expected] of Object.entries(made.trailer.counts)) {
      const [row] = await tx.query<{ n: number }>(`select count(*)::int as n from ${ident(table)}`);
      if (row?.n !== expected) throw new BackupFileError(path, `after the restore table ${table} holds ${row?.n ?? 0} rows, the backup ${expected}`);
    }
    return made;
  });
}
