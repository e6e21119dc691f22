import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext } from 'playwright-core';
import { CHROMIUM_PATH } from '../e2e/launchChromium';

/** A headless Chromium on a profile on disk that the test can kill as a crash or the system would. */
export interface KillableBrowser {
  browser: Browser;
  /** The profile's own context: its IndexedDB, service worker and cache live in the user-data dir. */
  context: BrowserContext;
  /** SIGKILL to the browser and every process it started (its process group): no shutdown, no flush. */
  kill(): Promise<void>;
  /** An orderly close. */
  close(): Promise<void>;
}

/**
 * Start Chromium ourselves (so its pid is ours to kill) in a process group of its own, with the profile in
 * `userDataDir`, and connect to it over the DevTools protocol on a free loopback port.
 */
export async function launchKillable(userDataDir: string): Promise<KillableBrowser> {
  const proc = spawn(
    CHROMIUM_PATH,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
      '--lang=zh-CN',
      '--remote-debugging-address=127.0.0.1',
      '--remote-debugging-port=0',
      `--user-data-dir=${userDataDir}`,
      'about:blank',
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, TZ: 'Asia/Shanghai', LANG: 'zh_CN.UTF-8' } },
  );
  const pid = proc.pid;
  if (pid === undefined) throw new Error(`${CHROMIUM_PATH} did not start`);
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const endpoint = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not open its DevTools port within 120 s:\n${text}`)), 120_000);
    proc.stderr?.on('data', (d: Buffer) => {
      text += d.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code ?? signal}) before opening its DevTools port:\n${text}`));
    });
  });
  // Keep reading stderr, so a chatty browser never blocks on a full pipe.
  proc.stderr?.resume();
  const browser = await chromium.connectOverCDP(endpoint, { timeout: 120_000 });
  const context = browser.contexts()[0];
  if (!context) throw new Error('the browser has no default context');
  const killGroup = (): void => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  return {
    browser,
    context,
    async kill() {
      killGroup();
      await exited;
      // The group's other processes (renderers, zygotes) go with it; the connection to the dead browser is dropped.
      await browser.close().catch(() => undefined);
    },
    async close() {
      await browser.close().catch(() => undefined);
      proc.kill('SIGTERM');
      const timer = setTimeout(killGroup, 30_000);
      await exited;
      clearTimeout(timer);
      killGroup();
    },
  };
}
