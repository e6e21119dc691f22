/**
 * The backup file: gzip-compressed JSON lines, the same on PGlite and PostgreSQL (a backup of either restores into
 * either). It describes itself:
 *
 *   line 1     BackupHeader   format and format version, schema migration version, when, from which store, and the
 *                             tables in restore order (referenced tables first)
 *   lines 2…   TableBatch     rows of one table (at most BATCH_ROWS, about LINE_BYTES), each as PostgreSQL's to_jsonb
 *              SequenceValue  a sequence's position (so devices' pull cursors stay valid after a restore)
 *   last line  BackupTrailer  the row count of every table and the SHA-256 of every byte before this line
 *
 * A file without its trailer (cut short by a full disk or a crash) or whose checksum or counts differ is refused
 * whole; the file is written under a temporary name and renamed only once complete, so a half backup never carries
 * a backup's name.
 */
export const BACKUP_FORMAT = 'hall-patrol-backup';
export const BACKUP_FORMAT_VERSION = 1;
/** Most rows in one TableBatch line. */
export const BATCH_ROWS = 500;
/** About how many characters of rows a line holds (fewer rows when they are big, such as photo chunks). */
export const LINE_BYTES = 4 * 1024 * 1024;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** The highest schema migration applied to the database backed up. */
  schemaVersion: number;
  /** When the snapshot was taken (ISO, the database's clock). */
  createdAt: string;
  /** The store it was taken from. */
  store: 'pglite' | 'postgres';
  /** The tables, in the order a restore inserts them. */
  tables: string[];
}

export interface TableBatch {
  table: string;
  rows: Record<string, unknown>[];
}

export interface SequenceValue {
  sequence: string;
  /** Its last value, or null when it was never used. */
  value: number | null;
}

export interface BackupTrailer {
  end: true;
  /** Rows per table. */
  counts: Record<string, number>;
  /** SHA-256 (hex) of every byte of the uncompressed file before the trailer line. */
  sha256: string;
}

/** What a made backup holds, as the admin's view and the commands report it. */
export interface BackupSummary {
  /** The file's full path. */
  path: string;
  /** Its size in bytes (compressed). */
  bytes: number;
  createdAt: string;
  schemaVersion: number;
  store: 'pglite' | 'postgres';
  counts: Record<string, number>;
  sha256: string;
  /** How long making it took. */
  durationMs: number;
}

/** Backups made by the server and the command are named by their time, so names sort by age. */
export const BACKUP_NAME = /^hall-patrol-backup-(\d{8}T\d{9}Z)\.jsonl\.gz$/;

/** The file name of a backup made at `at`: hall-patrol-backup-20260310T023000123Z.jsonl.gz. */
export function backupFileName(at: Date): string {
  const stamp = at.toISOString().replace(/[-:.]/g, '');
  return `hall-patrol-backup-${stamp}.jsonl.gz`;
}
