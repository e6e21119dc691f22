import type { Actor } from '../core/access/actor';
import type { AccountRow } from './storage/accountRepo';
import type { BackupService } from './backup/backupService';
import type { Db } from './storage/db';
import type { HallState } from './hall/hallState';
import type { PullCache } from './sync/pullCache';
import type { Logger } from './log';
import type { Scheme } from '../core/scheme/parseScheme';

/** The signed-in caller, set by requireAuth. */
export interface AuthInfo {
  tokenId: string;
  deviceId: string;
  /** The hall the token was issued for: every hall-scoped request works on it (docs/halls.md). */
  hallId: string;
  /** Set for a centre administrator (an account of no hall): the halls they manage. */
  centre: { halls: string[] } | null;
  /** Seconds since the sign-in that made the token (a hand-over key is registered only under a fresh one). */
  ageSeconds: number;
  account: AccountRow;
  actor: Actor;
}

/** Hono's environment for this server: the variables middleware sets. */
export interface AppEnv {
  Variables: { auth: AuthInfo };
}

/** What the routes share. No request-spanning state lives here except caches validated against the database. */
export interface ServerDeps {
  db: Db;
  hall: HallState;
  /** Immutable stored events by seq block, for pulls (see pullCache). */
  pulls: PullCache;
  /** Where refusals, admin actions and failures are logged (one structured line each). */
  log: Logger;
  /** The built PWA (dist/); undefined serves the API only. */
  distDir: string | undefined;
  /** The server's own backups (BACKUP_DIR); undefined: this server makes none (tests on an in-memory database). */
  backups?: BackupService | undefined;
  /** The scheme files shipped with the server (schemes/): every hall holds them, a new hall from the start. */
  builtInSchemes?: readonly Scheme[] | undefined;
}
