import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { z } from 'zod';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION } from './backupFormat';
import type { BackupHeader, BackupTrailer, SequenceValue, TableBatch } from './backupFormat';

/** A backup file that cannot be used, in words naming the problem. */
export class BackupFileError extends Error {
  constructor(path: string, problem: string) {
    super(`${path}: ${problem}`);
    this.name = 'BackupFileError';
  }
}

const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().positive(),
  schemaVersion: z.number().int().positive(),
  createdAt: z.string(),
  store: z.enum(['pglite', 'postgres']),
  tables: z.array(z.string().min(1)),
});
const sequenceSchema = z.object({ sequence: z.string().min(1), value: z.number().int().nullable() });
const trailerSchema = z.object({ end: z.literal(true), counts: z.record(z.string(), z.number().int().nonnegative()), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

/** What a reader is handed, line by line, after the header. */
export type BackupItem = { kind: 'rows'; batch: TableBatch } | { kind: 'sequence'; sequence: SequenceValue };

/**
 * Read a backup file through, handing each batch of rows and each sequence to `onItem` (awaited, in file order),
 * and check it whole: its header, that it ends with a trailer, the trailer's checksum over every byte before it, and
 * the row counts. Throws BackupFileError on the first problem; a caller restoring inside a transaction therefore
 * rolls back a damaged or cut-short file. Returns the header and trailer.
 */
export async function readBackup(
  path: string,
  onItem: (header: BackupHeader, item: BackupItem) => Promise<void> = async () => undefined,
): Promise<{ header: BackupHeader; trailer: BackupTrailer }> {
  const hash = createHash('sha256');
  const seen: Record<string, number> = {};
  let header: BackupHeader | undefined;
  let pending: string | undefined;
  let lineNo = 0;
  const file = createReadStream(path);
  const input = createGunzip();
  file.once('error', (e) => input.destroy(e));
  file.pipe(input);
  const lines = createInterface({ input, crlfDelay: Infinity });
  const failed = new Promise<never>((_, reject) => {
    const fail = (e: Error): void => reject(new BackupFileError(path, problemOf(e)));
    input.once('error', fail);
  });
  failed.catch(() => undefined);
  const handle = async (line: string, n: number): Promise<void> => {
    hash.update(line);
    hash.update('\n');
    const value = parseLine(path, line, n);
    if (n === 1) {
      const h = headerSchema.safeParse(value);
      if (!h.success) throw new BackupFileError(path, 'this is not a Hall Patrol backup (its first line is not a backup header)');
      if (h.data.formatVersion > BACKUP_FORMAT_VERSION) {
        throw new BackupFileError(path, `backup format ${h.data.formatVersion} was made by a newer Hall Patrol (this one reads format ${BACKUP_FORMAT_VERSION})`);
      }
      header = h.data as BackupHeader;
      return;
    }
    if (!header) throw new BackupFileError(path, 'no header');
    const batch = asBatch(value);
    if (batch) {
      if (!header.tables.includes(batch.table)) throw new BackupFileError(path, `line ${n}: table "${batch.table}" is not in the header`);
      seen[batch.table] = (seen[batch.table] ?? 0) + batch.rows.length;
      await onItem(header, { kind: 'rows', batch });
      return;
    }
    const sequence = sequenceSchema.safeParse(value);
    if (sequence.success) {
      await onItem(header, { kind: 'sequence', sequence: sequence.data });
      return;
    }
    throw new BackupFileError(path, `line ${n}: neither rows nor a sequence`);
  };
  const readAll = async (): Promise<void> => {
    for await (const line of lines) {
      lineNo++;
      // The last line is the trailer, which is not part of what it checks: each line is handled once the next arrives.
      if (pending !== undefined) await handle(pending, lineNo - 1);
      pending = line;
    }
  };
  try {
    await Promise.race([readAll(), failed]);
  } finally {
    // On an early failure the rest is not read: let go of the file.
    file.destroy();
    input.destroy();
  }
  if (!header || pending === undefined || lineNo < 2) throw new BackupFileError(path, 'the file is empty or cut short: it has no trailer (an unfinished or damaged backup)');
  const t = trailerSchema.safeParse(parseLine(path, pending, lineNo));
  if (!t.success) throw new BackupFileError(path, 'the file is cut short: its last line is not the trailer (an unfinished or damaged backup)');
  const digest = hash.digest('hex');
  if (digest !== t.data.sha256) throw new BackupFileError(path, `the checksum does not match (the file says ${t.data.sha256}, its content hashes to ${digest}): the file is damaged`);
  for (const table of header.tables) {
    const expected = t.data.counts[table] ?? 0;
    if ((seen[table] ?? 0) !== expected) throw new BackupFileError(path, `table ${table} holds ${seen[table] ?? 0} rows, the trailer says ${expected}`);
  }
  return { header, trailer: t.data as BackupTrailer };
}

/** A line of rows: checked by hand, as zod would take most of a restore's time on hundreds of thousands of rows. */
function asBatch(value: unknown): TableBatch | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { table, rows } = value as { table?: unknown; rows?: unknown };
  if (typeof table !== 'string' || table === '' || !Array.isArray(rows)) return undefined;
  if (!rows.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r))) return undefined;
  return { table, rows: rows as Record<string, unknown>[] };
}

function parseLine(path: string, line: string, n: number): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    throw new BackupFileError(path, `line ${n} is not JSON: the file is damaged`);
  }
}

function problemOf(e: Error): string {
  const code = (e as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(e.message)) return 'the file is cut short (an unfinished or damaged backup)';
  if (typeof code === 'string' && code.startsWith('Z_')) return `the file is not a gzip backup or is damaged (${e.message})`;
  return e.message;
}
