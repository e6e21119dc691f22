import { resolve } from 'node:path';
import type { BackupSettings } from './backupService';

/**
 * The backup settings from the environment: BACKUP_DIR (default DATA_DIR/backups), BACKUP_KEEP (default 14; 0 turns
 * the scheduled backup off) and BACKUP_EVERY_HOURS (default 24). Throws with the variable's name and value when one
 * is not a usable number.
 */
export function backupSettingsFromEnv(env: NodeJS.ProcessEnv, dataRoot: string): BackupSettings {
  const number = (name: string, fallback: number, ok: (n: number) => boolean, expected: string): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || !ok(n)) throw new Error(`${name} "${raw}" is not ${expected}`);
    return n;
  };
  return {
    dir: resolve(env.BACKUP_DIR || resolve(dataRoot, 'backups')),
    keep: number('BACKUP_KEEP', 14, (n) => Number.isInteger(n) && n >= 0, 'a whole number of backups to keep (0 turns the daily backup off)'),
    everyHours: number('BACKUP_EVERY_HOURS', 24, (n) => n > 0, 'a positive number of hours'),
  };
}
