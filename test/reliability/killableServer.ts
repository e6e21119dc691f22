import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { root } from '../server/testServer';

/**
 * The sync server as its own operating-system process (`node --import tsx src/server/main.ts`: one process, so a
 * SIGKILL reaches the server itself, not a launcher), on a free loopback port, started again after each kill on the
 * same data: the PGlite data directory or the PostgreSQL database.
 */
export interface KillableServer {
  /** The port it listens on now (changes with every start). */
  port(): number;
  /** Start it (again); resolves once it listens. */
  start(): Promise<number>;
  /** kill -9: no goodbye, no flush, in the middle of whatever it was doing. */
  kill(): Promise<void>;
  /** An orderly stop (SIGTERM), at the end. */
  stop(): Promise<void>;
  /** Lines the server wrote as JSON log entries of kind "error" (a 500 is always logged so). */
  errors(): string[];
}

/** How the server finds its data: `DATA_DIR` (PGlite) or `DATABASE_URL` (PostgreSQL). */
export function killableServer(env: { DATA_DIR?: string; DATABASE_URL?: string }, logFile: string): KillableServer {
  let proc: ChildProcess | null = null;
  let port = 0;
  const errors: string[] = [];
  const log = createWriteStream(logFile, { flags: 'a' });
  const exited = (p: ChildProcess): Promise<void> => new Promise((resolve) => (p.exitCode !== null || p.signalCode !== null ? resolve() : p.once('exit', () => resolve())));
  return {
    port: () => port,
    async start() {
      if (proc) throw new Error('the server is already running');
      const p = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'server', 'main.ts')], {
        cwd: root,
        // BACKUP_KEEP=0: no scheduled backups; DIST_DIR names nothing: API only.
        env: { ...process.env, PORT: '0', HOST: '127.0.0.1', BACKUP_KEEP: '0', DIST_DIR: join(root, 'no-dist-for-chaos'), ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      proc = p;
      let text = '';
      let pending = '';
      const onData = (d: Buffer): void => {
        log.write(d);
        if (text.length < 20_000) text += d.toString();
        pending += d.toString();
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) if (line.includes('"kind":"error"')) errors.push(line.slice(0, 2000));
      };
      p.stdout?.on('data', onData);
      p.stderr?.on('data', onData);
      port = await new Promise<number>((resolve, reject) => {
        // Generous: on a shared 2-core machine (load average 20) a tsx start and PGlite's recovery took up to two minutes.
        const timer = setTimeout(() => reject(new Error(`the server did not start within 300 s:\n${text}`)), 300_000);
        const check = (): void => {
          const m = /listening on http:\/\/[^:]+:(\d+)/.exec(text);
          if (m) {
            clearTimeout(timer);
            resolve(Number(m[1]));
          }
        };
        p.stdout?.on('data', check);
        p.stderr?.on('data', check);
        p.once('exit', (code, signal) => {
          clearTimeout(timer);
          reject(new Error(`the server exited (${code ?? signal}) before listening:\n${text}`));
        });
      });
      p.once('exit', () => {
        if (proc === p) proc = null;
      });
      return port;
    },
    async kill() {
      const p = proc;
      if (!p) return;
      proc = null;
      p.kill('SIGKILL');
      await exited(p);
    },
    async stop() {
      const p = proc;
      if (p) {
        proc = null;
        p.kill('SIGTERM');
        await exited(p);
      }
      await new Promise<void>((resolve) => log.end(() => resolve()));
    },
    errors: () => [...errors],
  };
}
