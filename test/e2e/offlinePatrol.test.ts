import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './buildApp';
import { cameraPhoto } from './cameraPhoto';
import { launchPersistent } from './launchChromium';
import { startServer } from '../../src/server/startServer';
import type { RunningServer } from '../../src/server/startServer';
import { schemesDir } from '../server/testServer';

/** One finding of the round: window, item, the input the item asks for, and whether a photo is taken first. */
interface Step {
  window: number;
  item: string;
  input?: { label: string; value: string };
  photo: boolean;
}

const KINDS: Omit<Step, 'window' | 'photo'>[] = [
  { item: '玩手机' },
  { item: '串岗' },
  { item: '迟到', input: { label: '迟到时长', value: '25' } },
  { item: '着装不规范' },
  { item: '空岗', input: { label: '离岗时长', value: '45' } },
];

const ROUND: Step[] = Array.from({ length: 20 }, (_, i) => ({ window: i + 1, photo: i % 4 === 0, ...(KINDS[i % KINDS.length] ?? { item: '玩手机' }) }));

async function recordFinding(page: Page, f: Step): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${f.window}号窗口，`) }).click();
  const panel = page.getByRole('dialog');
  await panel.getByRole('heading', { name: new RegExp(`^${f.window}号窗口`) }).waitFor();
  const first = panel.getByRole('group', { name: '在岗人员' }).getByRole('button').first();
  if ((await first.getAttribute('aria-pressed')) !== 'true') await first.click();
  if (f.photo) {
    await panel.getByLabel('拍照').setInputFiles({ name: `IMG_${f.window}.jpg`, mimeType: 'image/jpeg', buffer: await cameraPhoto(page, f.window) });
    await panel.getByRole('img', { name: '照片1' }).waitFor({ timeout: 30_000 });
    await panel.getByLabel('备注').fill(`第${f.window}号窗口现场照片`);
  }
  await panel.getByRole('button', { name: new RegExp(`^${f.item}，`) }).first().click();
  if (f.input) {
    await panel.getByLabel(f.input.label).fill(f.input.value);
    await panel.getByRole('button', { name: '保存' }).click();
  }
  await page.getByText(new RegExp(`^已记录：${f.item}`)).waitFor();
  await panel.getByRole('button', { name: '关闭' }).click();
}

/** What IndexedDB holds, read with the raw API in the page: findings, outbox rows, and each photo's facts. */
async function stored(page: Page) {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('hall-patrol');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => resolve(r.result as T[]);
        r.onerror = () => reject(r.error);
      });
    const events = await all<{ type: string; event: { photos?: string[] } }>('events');
    const photos = await all<{ hash: string; blob: Blob }>('photos');
    const outbox = await all<{ kind: string }>('outbox');
    const facts = await Promise.all(
      photos.map(async (p) => {
        const bytes = new Uint8Array(await p.blob.arrayBuffer());
        const bitmap = await createImageBitmap(p.blob);
        const exif = new TextDecoder('latin1').decode(bytes).includes('Exif') || new TextDecoder('latin1').decode(bytes).includes('HallCam');
        return { hash: p.hash, bytes: bytes.length, width: bitmap.width, height: bitmap.height, exif };
      }),
    );
    db.close();
    return {
      recorded: events.filter((e) => e.type === 'finding.recorded').length,
      photoRefs: events.flatMap((e) => e.event.photos ?? []),
      outbox: outbox.map((o) => o.kind),
      photos: facts,
    };
  });
}

describe('offline patrol in a real browser', { timeout: 300_000 }, () => {
  let server: RunningServer;
  let dist: string;
  let profile: string;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    dist = await buildApp();
    // The sync server serves the app and the API on one origin: the first sign-in needs it once.
    server = await startServer({ port: 0, hostname: '127.0.0.1', dataDir: undefined, schemesDir, distDir: dist });
    profile = mkdtempSync(join(tmpdir(), 'hall-patrol-profile-'));
  });

  afterAll(async () => {
    await context?.close();
    // The test itself stops the server to go offline; closing again is a no-op.
    await server?.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
    rmSync(dist, { recursive: true, force: true });
  });

  it('signs in and installs online, then records 20 findings offline that survive closing the browser', async () => {
    context = await launchPersistent(profile);
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await page.getByLabel('用户名').fill('inspector1');
    await page.getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('group', { name: '示范政务服务大厅平面图' }).waitFor();
    // The service worker has precached everything once it is active.
    expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active))).toBe(true);

    // Network off: the server is gone and the browser is offline.
    await server.close();
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('group', { name: '示范政务服务大厅平面图' }).waitFor();
    // Chromium 150 keeps navigator.onLine true in a page reloaded under network emulation (the emulation itself
    // holds: nothing reaches the network); applying it again to the new document fires its offline event.
    await context.setOffline(false);
    await context.setOffline(true);
    await page.getByRole('status').filter({ hasText: '离线' }).waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

    for (const f of ROUND) await recordFinding(page, f);
    await page.getByRole('button', { name: '今日记录' }).click();
    await page.getByRole('heading', { name: '今日记录（有效 20 条）' }).waitFor();

    await context.close();
    context = await launchPersistent(profile);
    await context.setOffline(true);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await page.getByRole('group', { name: '示范政务服务大厅平面图' }).waitFor();
    // A second tab of the reopened browser starts offline too.
    const tab = await context.newPage();
    await tab.goto(server.url);
    await tab.getByRole('group', { name: '示范政务服务大厅平面图' }).waitFor();
    await tab.close();

    await page.getByRole('button', { name: '今日记录' }).click();
    await page.getByRole('heading', { name: '今日记录（有效 20 条）' }).waitFor();
    const entries = page.getByRole('listitem').filter({ has: page.locator('.log-time') });
    expect(await entries.count()).toBe(20);
    for (const f of ROUND) {
      expect(await page.getByRole('listitem', { name: new RegExp(` ${f.item} `) }).count()).toBeGreaterThan(0);
    }
    const thumbs = page.getByRole('img', { name: /的照片1$/ });
    await expect.poll(() => thumbs.count()).toBe(5);
    await expect.poll(() => thumbs.evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0))).toBe(true);

    const db = await stored(page);
    expect(db.recorded).toBe(20);
    expect(db.outbox.filter((k) => k === 'event')).toHaveLength(20);
    expect(db.outbox.filter((k) => k === 'photo')).toHaveLength(5);
    expect(new Set(db.photoRefs)).toEqual(new Set(db.photos.map((p) => p.hash)));
    for (const p of db.photos) {
      expect(p.bytes).toBeLessThanOrEqual(300 * 1024);
      expect(Math.max(p.width, p.height)).toBeLessThanOrEqual(1600);
      expect(p.exif).toBe(false);
    }
  });
});
