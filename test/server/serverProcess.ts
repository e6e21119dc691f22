import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './pgCluster';
import { root } from './testServer';

export interface ServerProcess {
  url: string;
  proc: ChildProcess;
  /** Peak resident memory of the process so far (VmHWM), in MiB. */
  peakMiB: () => number;
  stop: () => Promise<void>;
}

/** Start `tsx src/server/main.ts` as its own process with the given environment; resolves once it listens. */
export async function serverProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const proc = spawn(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'src', 'server', 'main.ts')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    // Generous (under the suites' 5-minute hooks): on a 2-core machine shared by several full test runs a tsx start,
    // PGlite's start-up and the demo seed (scrypt for each demo account and the centre administrator) took over 2 minutes.
    const timer = setTimeout(() => reject(new Error(`server did not start within 240 s:\n${log}`)), 240_000);
    const onData = (d: Buffer): void => {
      log += d.toString();
      if (log.includes('listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${log}`)));
  });
  // tsx runs the server in a child node process: the peak is read from the whole process tree.
  const peakMiB = (): number => {
    const pids = [proc.pid ?? 0, ...childPids(proc.pid ?? 0)];
    return Math.max(...pids.map((pid) => Number(/VmHWM:\s+(\d+)/.exec(safeRead(`/proc/${pid}/status`))?.[1] ?? 0) / 1024));
  };
  return {
    url: `http://127.0.0.1:${port}`,
    proc,
    peakMiB,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function childPids(pid: number): number[] {
  const direct = safeRead(`/proc/${pid}/task/${pid}/children`).trim().split(/\s+/).filter(Boolean).map(Number);
  return direct.flatMap((c) => [c, ...childPids(c)]);
}
