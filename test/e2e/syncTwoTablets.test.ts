import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PeriodScores } from '../../src/core/scoring/results';
import type { RunningServer } from '../../src/server/startServer';
import { signIn, testServer } from '../server/testServer';
import { bundleForBrowser } from './bundleForBrowser';
import { launchChromium } from './launchChromium';

/**
 * Two tablets (two browser contexts, each its own IndexedDB) go offline, record findings, come back and sync.
 * Protocol level: the page runs the app's device modules (Dexie database, recordFinding) and the sync client,
 * served from the sync server's origin, because the app's screens do not drive sync yet.
 */
describe('two tablets offline, then back', () => {
  let server: RunningServer;
  let browser: Browser;
  let bundle: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [server, browser, bundle] = await Promise.all([testServer(), launchChromium(), bundleForBrowser('test/e2e/harness/syncHarness.ts')]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function tablet(name: string): Promise<{ ctx: BrowserContext; page: Page }> {
    const ctx = await browser.newContext({ timezoneId: 'Asia/Shanghai', locale: 'zh-CN' });
    contexts.push(ctx);
    await ctx.route(`${server.url}/harness.html`, (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><script type="module" src="/harness.js"></script>' }));
    await ctx.route(`${server.url}/harness.js`, (r) => r.fulfill({ contentType: 'text/javascript', body: bundle }));
    const page = await ctx.newPage();
    await page.goto(`${server.url}/harness.html`);
    await page.waitForFunction(() => 'hp' in window);
    await page.evaluate(async (n) => window.hp.setup(`hall-patrol-${n}`, `tablet-${n}`), name);
    return { ctx, page };
  }

  it('both show all findings and identical results, equal to the server final results', async () => {
    const a = await tablet('a');
    const b = await tablet('b');
    await a.page.evaluate(() => window.hp.signIn('inspector1', 'demo1234'));
    await b.page.evaluate(() => window.hp.signIn('inspector2', 'demo1234'));
    expect(await a.page.evaluate(() => window.hp.syncNow())).toBe('synced');
    expect(await b.page.evaluate(() => window.hp.syncNow())).toBe('synced');

    await a.ctx.setOffline(true);
    await b.ctx.setOffline(true);
    const idsA = await a.page.evaluate(() => window.hp.record(6, 'acc-inspector1', { at: '2026-03-09T09:30:00+08:00', staff: ['s-001', 's-002', 's-003'], photo: true }));
    const idsB = await b.page.evaluate(() => window.hp.record(4, 'acc-inspector2', { at: '2026-03-11T14:00:00+08:00', itemId: 'play-phone', staff: ['s-002', 's-010'] }));
    expect(await a.page.evaluate(() => window.hp.syncNow())).toBe('failed');
    const offline = await a.page.evaluate(() => window.hp.state());
    expect(offline).toMatchObject({ phase: 'waiting', pendingEvents: 6, pendingPhotos: 1, stale: true });
    expect(offline.lastError?.code).toBe('offline');
    expect(offline.lastError?.message).toMatch(/cannot reach the server/);

    await a.ctx.setOffline(false);
    await b.ctx.setOffline(false);
    expect(await a.page.evaluate(() => window.hp.syncNow())).toBe('synced');
    expect(await b.page.evaluate(() => window.hp.syncNow())).toBe('synced');
    expect(await a.page.evaluate(() => window.hp.syncNow())).toBe('synced');
    const stateA = await a.page.evaluate(() => window.hp.state());
    expect(stateA).toMatchObject({ pendingEvents: 0, pendingPhotos: 0, stale: false, lastError: null });
    expect(stateA.lastSuccessAt).not.toBeNull();
    expect(await a.page.evaluate(() => window.hp.outboxSize())).toBe(0);

    const all = [...idsA, ...idsB].sort();
    const idsOf = async (p: Page): Promise<string[]> => (await p.evaluate(() => window.hp.events())).map((e) => e.id).sort();
    expect(await idsOf(a.page)).toEqual(all);
    expect(await idsOf(b.page)).toEqual(all);

    const asOf = '2026-12-01T00:00:00Z';
    const resultsOf = (p: Page): Promise<PeriodScores> => p.evaluate((t) => window.hp.results('kunqu-window-staff', '2026-03', t), asOf);
    const [ra, rb] = await Promise.all([resultsOf(a.page), resultsOf(b.page)]);
    expect(ra).toEqual(rb);
    const committee = await signIn(server.url, 'committee1', 'pc-committee');
    const res = await fetch(`${server.url}/api/results?scheme=kunqu-window-staff&period=2026-03&asOf=${encodeURIComponent(asOf)}`, { headers: { authorization: `Bearer ${committee.token}` } });
    // Beside the scores the server says which scheme version scored the period (docs/scheme-versions.md): one held here.
    const { versions, ...onServer } = (await res.json()) as PeriodScores & { versions: { scoredBy: number; otherVersions: unknown[] } };
    expect(versions).toMatchObject({ scoredBy: 1, otherVersions: [] });
    expect(onServer).toEqual(ra);
    const s002 = ra.subjects.find((s) => s.subjectId === 's-002');
    expect(s002?.findingCount).toBe(2 + 2);

    const photo = (await a.page.evaluate(() => window.hp.events())).find((e) => e.type === 'finding.recorded' && e.photos.length > 0);
    const hash = photo?.type === 'finding.recorded' ? photo.photos[0] : undefined;
    const got = await fetch(`${server.url}/api/photos/${hash ?? ''}/status`, { headers: { authorization: `Bearer ${committee.token}` } });
    expect(await got.json()).toMatchObject({ complete: true, received: 600 * 1024 });
  });
});
