import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = '/usr/lib/postgresql/15/bin';

/** A throwaway PostgreSQL 15 cluster in a temp dir on a free loopback port; stop() removes it. */
export interface PgCluster {
  url: string;
  stop: () => void;
  /** Stop the PostgreSQL server (the cluster stays): 'fast' as an orderly restart does, 'immediate' as a crash. */
  halt: (mode?: 'fast' | 'immediate') => void;
  /** Start it again after halt, on the same port and data. */
  resume: () => void;
}

export interface PgClusterOptions {
  /**
   * Keep synchronous_commit on (default off for speed): needed where a test stops the server with 'immediate' and
   * counts on every acknowledged commit having reached the WAL.
   */
  synchronousCommit?: boolean;
}

/** A free TCP port on loopback (asked of the OS, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** initdb + pg_ctl start. PostgreSQL refuses to run as root, so under root the cluster belongs to `postgres`. */
export async function startPgCluster(options: PgClusterOptions = {}): Promise<PgCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'hp-pg-'));
  const data = join(dir, 'data');
  const port = await freePort();
  const root = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]): void => {
    const full = join(BIN, cmd);
    if (root) execFileSync('runuser', ['-u', 'postgres', '--', full, ...args], { stdio: 'pipe' });
    else execFileSync(full, args, { stdio: 'pipe' });
  };
  if (root) {
    chmodSync(dir, 0o755);
    chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  }
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=${options.synchronousCommit ? 'on' : 'off'} -c full_page_writes=off -c max_connections=200`;
  let running = false;
  const start = (): void => {
    run('pg_ctl', ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', 'start']);
    running = true;
  };
  start();
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    halt: (mode = 'fast') => {
      run('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
      running = false;
    },
    resume: start,
    stop: () => {
      if (stopped) return;
      stopped = true;
      try {
        if (running) run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
