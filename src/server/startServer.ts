import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Db } from './storage/db';
import { openStorage } from './storage/openStorage';
import { loadSchemeFiles } from './hall/loadSchemeFiles';
import { prepareDatabase } from './hall/prepareDatabase';
import { createHallState } from './hall/hallState';
import { createPullCache } from './sync/pullCache';
import { createApp } from './createApp';
import { createBackupService } from './backup/backupService';
import type { BackupService, BackupSettings } from './backup/backupService';
import { jsonLogger } from './log';
import type { Logger } from './log';

export interface ServerOptions {
  /** 0 picks a free port. */
  port: number;
  hostname?: string | undefined;
  /** PGlite data directory (undefined: in memory), used when databaseUrl is not set. */
  dataDir: string | undefined;
  databaseUrl?: string | undefined;
  schemesDir: string;
  distDir: string | undefined;
  /** The server's own backups: folder, how many to keep, how often; undefined makes none. */
  backup?: BackupSettings | undefined;
  /** Where the server logs (default: JSON lines on stdout/stderr). */
  log?: Logger | undefined;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Db;
  /** The server's backups, when it was started with backup settings. */
  backups: BackupService | undefined;
  close: () => Promise<void>;
}

/** Thrown when the server must not start (a malformed scheme file): every precise problem, one a line. */
export class StartError extends Error {}

/** Check the scheme files, open and migrate storage, seed an empty database, and listen. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const schemes = loadSchemeFiles(opts.schemesDir);
  if (!schemes.ok) throw new StartError(`refusing to start: the scheme files have errors\n${schemes.errors.join('\n')}`);
  // Set once listening: what the lock-lost handler calls.
  const self: { close?: () => Promise<void> } = {};
  const db = await openStorage({
    databaseUrl: opts.databaseUrl,
    dataDir: opts.dataDir,
    // Another process took the data directory over (this one was frozen for minutes): stop before writing more.
    onLockLost: (message) => {
      console.error(`${message}; stopping`);
      void self.close?.();
    },
  });
  try {
    await prepareDatabase(db, schemes.schemes);
  } catch (e) {
    await db.close();
    throw e;
  }
  const backups = opts.backup ? createBackupService(db, opts.backup) : undefined;
  const app = createApp({ db, hall: createHallState(), pulls: createPullCache(), distDir: opts.distDir, backups, log: opts.log ?? jsonLogger, builtInSchemes: schemes.schemes });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: opts.port, hostname: opts.hostname ?? '0.0.0.0' }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  const close = async (): Promise<void> => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Keep-alive connections would hold close() open; end them.
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    });
    await backups?.stop();
    await db.close();
  };
  self.close = close;
  return { url: `http://127.0.0.1:${port}`, port, db, backups, close };
}
