import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startServer } from '../../src/server/startServer';
import { schemesDir } from '../server/testServer';
import { buildApp } from '../e2e/buildApp';
import { launchKillable } from './killableBrowser';
import type { KillableBrowser } from './killableBrowser';
import { startLoopbackProxy } from './loopbackProxy';
import { recordOnScreen, storedOnTablet } from './tabletScreen';

/** What the kill-after-save cycles did and found. */
export interface KillAfterSaveSummary {
  cycles: number;
  /** Findings the screen reported saved (one per cycle). */
  saved: number;
  /** Of those, found in IndexedDB after the browser was killed and started again. */
  found: number;
  lost: number;
  /** Recorded events found more than once, or not among those saved. */
  duplicates: number;
  photosSaved: number;
  photosFound: number;
  seconds: number;
  problems: string[];
}

const MAP = '示范政务服务大厅平面图';

/**
 * The tablet app, built as `npm run build` builds it, signs in online once and installs (service worker); then the
 * server goes away and, `cycles` times: Chromium starts on the same profile, the app opens offline, the inspector
 * records a finding (every `photoEvery`-th with a photo), and the moment the screen says "已记录" the browser and
 * all its processes are killed with SIGKILL. Each start checks that every finding saved before is still in IndexedDB
 * with its outbox row (nothing could have been pushed: the server is gone). Bounded by `timeLimitMs` (default an hour):
 * cycles not run in time are a problem of the run.
 */
export async function runKillAfterSave(o: { cycles: number; photoEvery: number; dist?: string; timeLimitMs?: number; log?: (line: string) => void }): Promise<KillAfterSaveSummary> {
  const started = Date.now();
  const until = started + (o.timeLimitMs ?? 3_600_000);
  let cycles = 0;
  const log = o.log ?? (() => undefined);
  const problems: string[] = [];
  // A built app given by the caller stays; one built here is removed at the end.
  const dist = o.dist ?? (await buildApp());
  const profile = mkdtempSync(join(tmpdir(), 'hp-durability-'));
  const server = await startServer({ port: 0, hostname: '127.0.0.1', dataDir: undefined, schemesDir, distDir: dist, log: () => undefined });
  // The app's origin is the relay's: when the server is gone, the port stays ours and refuses every connection.
  const proxy = await startLoopbackProxy(server.port);
  const saved: string[] = [];
  let photosSaved = 0;
  let found = 0;
  let photosFound = 0;
  let duplicates = 0;
  let browser: KillableBrowser | undefined;
  const open = async (): Promise<Page> => {
    browser = await launchKillable(profile);
    browser.context.setDefaultTimeout(120_000);
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(`${proxy.url}/`);
    return page;
  };
  try {
    let page = await open();
    await page.getByLabel('用户名').fill('inspector1');
    await page.getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('group', { name: MAP }).waitFor();
    await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active));
    await browser?.close();
    proxy.setUpstream(null);
    await server.close();

    // Each start first checks the previous cycle's save, then records and is killed; one more start checks the last.
    let held = new Set<string>();
    let lastHadPhoto = false;
    for (let cycle = 1; cycle <= o.cycles + 1; cycle++) {
      page = await open();
      await page.getByRole('group', { name: MAP }).waitFor();
      const now = await storedOnTablet(page);
      if (cycle > 1) {
        const fresh = now.recorded.filter((id) => !held.has(id));
        if (fresh.length !== 1) problems.push(`cycle ${cycle - 1}: the finding saved right before the kill ${fresh.length === 0 ? 'is gone' : `is there ${fresh.length} times`}`);
        saved.push(...fresh.slice(0, 1));
        const missing = saved.filter((id) => !now.recorded.includes(id)).length;
        if (missing) problems.push(`cycle ${cycle - 1}: ${missing} findings saved in earlier cycles are gone`);
        if (now.outboxEvents !== now.recorded.length) problems.push(`cycle ${cycle - 1}: ${now.recorded.length} findings but ${now.outboxEvents} outbox rows`);
        found = saved.length - missing;
        duplicates = now.recorded.length - new Set(now.recorded).size;
        if (lastHadPhoto) {
          if (now.photos.length === photosSaved && new Set(now.photoRefs).size === photosSaved && now.outboxPhotos === photosSaved) photosFound++;
          else problems.push(`cycle ${cycle - 1}: the photo saved with the finding is not in IndexedDB`);
        }
        log(`kill after save: cycle ${cycle - 1}, ${found} of ${cycle - 1} found`);
      }
      if (cycle > o.cycles || Date.now() > until) break;
      cycles = cycle;
      held = new Set(now.recorded);
      lastHadPhoto = o.photoEvery > 0 && cycle % o.photoEvery === 0;
      if (lastHadPhoto) photosSaved++;
      // Each photo its own picture (seeded by the cycle): the windows repeat every 20 cycles, and a photo equal to an
      // earlier one is rightly stored once, which would not show whether this one survived the kill.
      await recordOnScreen(page, ((cycle - 1) % 20) + 1, lastHadPhoto, cycle);
      // "已记录" is on screen: kill now, before anything else can happen.
      await browser?.kill();
      browser = undefined;
    }
  } finally {
    await browser?.close();
    await proxy.close();
    await server.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
    if (!o.dist) rmSync(dist, { recursive: true, force: true });
  }
  if (cycles < o.cycles) problems.push(`only ${cycles} of ${o.cycles} cycles ran within ${Math.round((o.timeLimitMs ?? 3_600_000) / 60_000)} minutes`);
  return { cycles, saved: cycles, found, lost: cycles - found, duplicates, photosSaved, photosFound, seconds: Math.round((Date.now() - started) / 100) / 10, problems };
}
