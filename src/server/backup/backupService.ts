import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../storage/db';
import { BACKUP_NAME } from './backupFormat';
import type { BackupSummary } from './backupFormat';
import { writeBackupFile } from './writeBackupFile';

/** Where and how often the server backs itself up (BACKUP_DIR, BACKUP_KEEP, BACKUP_EVERY_HOURS; docs/operations.md). */
export interface BackupSettings {
  /** The folder backups go to (made if missing). */
  dir: string;
  /** How many scheduled backups to keep (the oldest beyond are deleted); 0 turns the scheduled backup off. */
  keep: number;
  /** A backup is made when the newest in the folder is this old (24: daily). */
  everyHours: number;
}

/** The backup state the admin's view shows (GET /api/admin/backups). */
export interface BackupStatus {
  settings: BackupSettings;
  /** A backup is being made now. */
  running: boolean;
  /** The last backup this server process made (scheduled or on demand). */
  last: BackupSummary | null;
  /** The last failure, if it came after the last success. */
  lastError: { at: string; message: string } | null;
  /** The backups in the folder, newest first. */
  files: { name: string; bytes: number; createdAt: string }[];
}

export interface BackupService {
  /** Make a backup now; refuses (BackupBusyError) while another one is being made. */
  backupNow(): Promise<BackupSummary>;
  status(): Promise<BackupStatus>;
  /** Stop the schedule and wait for a backup in progress. */
  stop(): Promise<void>;
}

/** Thrown by backupNow while a backup is already being made. */
export class BackupBusyError extends Error {}

/**
 * The server's own backups: on demand, and on a schedule (when keep > 0) checking every few minutes whether the
 * newest backup in the folder is `everyHours` old, so an office PC switched off at night still gets one backup a day
 * soon after it starts. Keeps the last `keep` backups; a failed backup deletes none.
 */
export function createBackupService(db: Db, settings: BackupSettings): BackupService {
  // Settles (never rejects) when the backup in progress ends.
  let running: Promise<void> | undefined;
  let last: BackupSummary | null = null;
  let lastError: { at: string; message: string } | null = null;
  const everyMs = settings.everyHours * 3_600_000;

  const backupNow = (): Promise<BackupSummary> => {
    if (running) return Promise.reject(new BackupBusyError('a backup is being made right now; try again when it is done'));
    const made = writeBackupFile(db, settings.dir)
      .then(
        async (summary) => {
          last = summary;
          lastError = null;
          if (settings.keep > 0) await prune(settings.dir, settings.keep);
          return summary;
        },
        (e: unknown) => {
          lastError = { at: new Date().toISOString(), message: e instanceof Error ? e.message : String(e) };
          console.error(`backup: ${lastError.message}`);
          throw e;
        },
      )
      .finally(() => {
        running = undefined;
      });
    running = made.then(
      () => undefined,
      () => undefined,
    );
    return made;
  };

  const due = async (): Promise<boolean> => {
    const newest = (await listBackups(settings.dir))[0];
    return !newest || Date.now() - Date.parse(newest.createdAt) >= everyMs;
  };

  let timer: NodeJS.Timeout | undefined;
  if (settings.keep > 0) {
    // Check at a quarter of the interval, at most every 10 minutes.
    const checkMs = Math.max(250, Math.min(everyMs / 4, 600_000));
    timer = setInterval(() => {
      if (running) return;
      void due()
        .then((d) => (d ? backupNow() : undefined))
        .catch(() => undefined); // recorded in lastError by backupNow
    }, checkMs);
    timer.unref();
  }

  return {
    backupNow,
    async status() {
      return { settings, running: running !== undefined, last, lastError, files: await listBackups(settings.dir) };
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/** The backups in a folder (by their names), newest first; none when the folder does not exist yet. */
export async function listBackups(dir: string): Promise<{ name: string; bytes: number; createdAt: string }[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const out: { name: string; bytes: number; createdAt: string }[] = [];
  for (const name of names) {
    const m = BACKUP_NAME.exec(name);
    if (!m?.[1]) continue;
    const s = m[1];
    const createdAt = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
    const bytes = await stat(join(dir, name)).then((st) => st.size, () => -1);
    if (bytes >= 0) out.push({ name, bytes, createdAt });
  }
  return out.sort((a, b) => (a.name < b.name ? 1 : -1));
}

async function prune(dir: string, keep: number): Promise<void> {
  const all = await listBackups(dir);
  for (const old of all.slice(keep)) await unlink(join(dir, old.name)).catch(() => undefined);
}
