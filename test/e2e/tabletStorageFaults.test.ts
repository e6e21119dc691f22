import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/startServer';
import type { RunningServer } from '../../src/server/startServer';
import { schemesDir } from '../server/testServer';
import { recordOnScreen, storedOnTablet } from '../reliability/tabletScreen';
import { runKillAfterSave } from '../reliability/tabletDurability';
import { buildApp } from './buildApp';
import { launchChromium, launchPersistent } from './launchChromium';

const MAP = '示范政务服务大厅平面图';

/**
 * The tablet's storage failing under the app, in a real Chromium with the built app: the quota running out while a
 * photo is saved, IndexedDB closed under the app by the browser, another tab deleting the database, and the browser
 * killed right after a save (the long run of 50 kills is `npm run test:reliability`).
 */
describe('tablet storage faults', { timeout: 1_200_000 }, () => {
  let dist: string;
  let server: RunningServer;
  let profile: string;
  let context: BrowserContext | undefined;
  let page: Page;

  beforeAll(async () => {
    dist = await buildApp();
    server = await startServer({ port: 0, hostname: '127.0.0.1', dataDir: undefined, schemesDir, distDir: dist, log: () => undefined });
    profile = mkdtempSync(join(tmpdir(), 'hp-storage-faults-'));
    context = await launchPersistent(profile);
    context.setDefaultTimeout(120_000);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await page.getByLabel('用户名').fill('inspector1');
    await page.getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('group', { name: MAP }).waitFor();
    // Installed (every chunk precached), then offline: the outbox is the tablet's alone to count, no sync empties it.
    await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active));
    await context.setOffline(true);
  }, 900_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(dist, { recursive: true, force: true });
  });

  const closePanel = async (): Promise<void> => {
    await page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
  };

  it('keeps the finding and says so when the quota runs out while its photo is saved', async () => {
    // Chromium takes a quota override (Storage.overrideQuotaForOrigin) only before the origin first uses its storage,
    // and then counts all of it (service worker cache and IndexedDB): a first session measures what signing in and
    // installing use, a second one starts with a quota of that plus 1 MiB. Its storage is then filled (a cache of
    // 8 KiB entries) until the browser itself refuses the next entry, and 32 KiB of it let go: room for a finding (a
    // few hundred bytes), none for a photo (above 100 KiB after compression). IndexedDB keeps its own count of the room
    // left, refreshed only when a write needs more than it counts: one 4 MiB write (refused, nothing stored) makes it
    // ask the quota again, so the photo meets the real room and not a count from before the filling.
    const browser = await launchChromium();
    try {
      const origin = new URL(server.url).origin;
      const signedIn = async (ctx: BrowserContext, quota?: number): Promise<Page> => {
        ctx.setDefaultTimeout(120_000);
        const p = await ctx.newPage();
        if (quota !== undefined) {
          const cdp = await ctx.newCDPSession(p);
          await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: quota });
        }
        await p.goto(server.url);
        await p.getByLabel('用户名').fill('inspector1');
        await p.getByLabel('密码').fill('demo1234');
        await p.getByRole('button', { name: '登录' }).click();
        await p.getByRole('group', { name: MAP }).waitFor();
        await p.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active));
        return p;
      };
      const options = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 800 } };
      const measuring = await browser.newContext(options);
      const used = await (await signedIn(measuring)).evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
      await measuring.close();
      const ctx = await browser.newContext(options);
      const tight = await signedIn(ctx, used + 1024 * 1024);
      await ctx.setOffline(true);
      // Filled until the browser itself refuses, then a little let go; checked with IndexedDB itself right before the
      // finding: a photo-sized write (64 KiB, below any compressed photo) must be refused and a finding-sized one (1 KiB)
      // taken. Chromium frees deleted entries and compacts in the background, so the room left can grow after the
      // filling: then it is filled again, until the check holds (a few rounds at most).
      const filled = await tight.evaluate(async (freeBytes) => {
        const chunk = 8 * 1024;
        const cache = await caches.open('quota-filler');
        const probe = await new Promise<IDBDatabase>((resolve, reject) => {
          const r = indexedDB.open('quota-probe', 1);
          r.onupgradeneeded = () => r.result.createObjectStore('probe');
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error ?? new Error('the probe database did not open'));
        });
        const put = (bytes: number): Promise<string> => {
          const data = new Uint8Array(bytes);
          for (let o = 0; o < data.length; o += 65536) crypto.getRandomValues(data.subarray(o, Math.min(o + 65536, data.length)));
          return new Promise<string>((resolve) => {
            const tx = probe.transaction('probe', 'readwrite');
            tx.objectStore('probe').put(data, `p${bytes}`);
            tx.oncomplete = () => resolve('stored');
            tx.onabort = () => resolve(tx.error?.name ?? 'aborted');
          });
        };
        const drop = (bytes: number): Promise<void> =>
          new Promise<void>((resolve) => {
            const tx = probe.transaction('probe', 'readwrite');
            tx.objectStore('probe').delete(`p${bytes}`);
            tx.oncomplete = () => resolve();
            tx.onabort = () => resolve();
          });
        let n = 0;
        const rounds: { entries: number; big: string; photo: string; finding: string }[] = [];
        for (let round = 0; round < 6; round++) {
          const start = n;
          for (; n < start + 4096; n++) {
            try {
              await cache.put(`/quota-filler/${n}`, new Response(new Uint8Array(chunk)));
            } catch (e) {
              if ((e as { name?: string }).name === 'QuotaExceededError') break;
              throw e;
            }
          }
          const freed = Math.min(n - start, Math.ceil(freeBytes / chunk));
          for (let i = n - freed; i < n; i++) await cache.delete(`/quota-filler/${i}`);
          // IndexedDB refreshes its count of the room left only when a write needs more than it counts: a 4 MiB write
          // (refused) makes it ask the quota again.
          const big = await put(4 * 1024 * 1024);
          const photo = await put(64 * 1024);
          const finding = await put(1024);
          if (photo === 'stored') await drop(64 * 1024);
          if (finding === 'stored') await drop(1024);
          rounds.push({ entries: n - start, big, photo, finding });
          if (photo === 'QuotaExceededError' && finding === 'stored') break;
        }
        probe.close();
        return rounds;
      }, 32 * 1024);
      const last = filled[filled.length - 1]!;
      // The browser said full before 4096 entries (32 MiB) were put: the quota is the one set; the room left takes a
      // finding and no photo.
      expect(filled[0]!.entries).toBeLessThan(4096);
      expect(last, JSON.stringify(filled)).toMatchObject({ big: 'QuotaExceededError', photo: 'QuotaExceededError', finding: 'stored' });
      const before = await storedOnTablet(tight);
      await recordOnScreen(tight, 3, true);
      const after = await storedOnTablet(tight);
      expect(after.recorded.length).toBe(before.recorded.length + 1);
      expect(after.photos, 'the photo did not fit, so it is not stored').toEqual(before.photos);
      // The finding names no photo it does not have, and waits in the outbox to be pushed.
      expect(after.photoRefs).toEqual(before.photoRefs);
      expect(after.outboxEvents).toBe(before.outboxEvents + 1);
      expect(after.outboxPhotos).toBe(before.outboxPhotos);
      await expect.poll(() => tight.getByRole('alert').allTextContents(), { timeout: 15_000 }).toContainEqual(expect.stringMatching(/存储空间已满.*记录已保存.*照片没有保存/));
    } finally {
      await browser.close();
    }
  });

  it('goes on recording when the browser closes IndexedDB under the app (chrome://indexeddb-internals, Force close)', async () => {
    const before = await storedOnTablet(page);
    const internals = await context!.newPage();
    await internals.goto('chrome://indexeddb-internals/');
    const forceClose = internals.locator('.control.force-close');
    await expect.poll(() => forceClose.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await forceClose.count()); i++) await forceClose.nth(i).click();
    await internals.close();
    await recordOnScreen(page, 4, false);
    await closePanel();
    await page.getByRole('button', { name: '今日记录' }).click();
    await page.getByRole('heading', { name: `今日记录（有效 ${before.recorded.length + 1} 条）` }).waitFor();
    await page.getByRole('button', { name: '大厅地图' }).click();
    const after = await storedOnTablet(page);
    expect(after.recorded.length).toBe(before.recorded.length + 1);
    expect(after.recorded).toEqual(expect.arrayContaining(before.recorded));
  });

  it('loses nothing when another tab deletes the database, and goes on recording', async () => {
    const before = await storedOnTablet(page);
    const other = await context!.newPage();
    await other.goto(`${server.url}/nothing-here`);
    const deletion = await other.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const r = indexedDB.deleteDatabase('hall-patrol');
          r.onsuccess = () => resolve('deleted');
          r.onerror = () => resolve(`error ${String(r.error)}`);
        }),
    );
    await other.close();
    // The delete went through (nothing blocks another tab for good); the app had rescued its rows first.
    expect(deletion).toBe('deleted');
    await recordOnScreen(page, 5, false);
    await closePanel();
    await page.getByRole('button', { name: '今日记录' }).click();
    await page.getByRole('heading', { name: `今日记录（有效 ${before.recorded.length + 1} 条）` }).waitFor();
    await page.getByRole('button', { name: '大厅地图' }).click();
    const after = await storedOnTablet(page);
    expect(after.recorded.length).toBe(before.recorded.length + 1);
    expect(after.recorded).toEqual(expect.arrayContaining(before.recorded));
    expect(after.outboxEvents).toBe(before.outboxEvents + 1);
    expect(after.photos).toEqual(before.photos);
  });

  it('keeps every finding saved right before the browser is killed with SIGKILL (2 cycles)', async () => {
    const s = await runKillAfterSave({ cycles: 2, photoEvery: 2, dist });
    expect(s.problems).toEqual([]);
    expect(s).toMatchObject({ cycles: 2, saved: 2, found: 2, lost: 0, duplicates: 0, photosSaved: 1, photosFound: 1 });
  });
});
