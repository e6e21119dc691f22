import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverProcess } from '../server/serverProcess';
import type { ServerProcess } from '../server/serverProcess';
import { buildApp } from './buildApp';
import { launchChromium } from './launchChromium';

async function record(page: Page, window: number, item: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${window}号窗口，`) }).click();
  const panel = page.getByRole('dialog');
  const first = panel.getByRole('group', { name: '在岗人员' }).getByRole('button').first();
  if ((await first.getAttribute('aria-pressed')) !== 'true') await first.click();
  await panel.getByRole('button', { name: new RegExp(`^${item}，`) }).first().click();
  await page.getByText(new RegExp(`^已记录：${item}`)).waitFor();
  await panel.getByRole('button', { name: '关闭' }).click();
}

async function sync(page: Page): Promise<void> {
  await page.getByRole('button', { name: '同步', exact: true }).click();
  await page.getByText('已全部同步').waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: '同步', exact: true }).waitFor();
}

/** Two tablets record offline, reconnect, and both show every finding and the same scores on screen. */
describe('two tablets in the app', () => {
  let server: ServerProcess;
  let browser: Browser;
  let dist: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'hall-patrol-data-'));

  beforeAll(async () => {
    dist = await buildApp();
    [server, browser] = await Promise.all([serverProcess({ DATA_DIR: dataDir, DIST_DIR: dist }), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(dist, { recursive: true, force: true });
  });

  it('both show all findings and identical results', async () => {
    const tablets = await Promise.all(
      ['inspector1', 'inspector2'].map(async (username) => {
        const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
        const page = await ctx.newPage();
        await page.goto(server.url);
        await page.getByLabel('用户名').fill(username);
        await page.getByLabel('密码').fill('demo1234');
        await page.getByRole('button', { name: '登录' }).click();
        await page.getByRole('group', { name: '示范政务服务大厅平面图' }).waitFor();
        await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active));
        return { ctx, page };
      }),
    );
    const [a, b] = tablets;
    if (!a || !b) throw new Error('two tablets');
    await a.ctx.setOffline(true);
    await b.ctx.setOffline(true);
    await record(a.page, 1, '玩手机');
    await record(a.page, 2, '串岗');
    await record(b.page, 1, '串岗');
    await record(b.page, 3, '玩手机');
    await a.page.getByText('待同步 记录 2 条').waitFor();
    await a.ctx.setOffline(false);
    await b.ctx.setOffline(false);
    await sync(a.page);
    await sync(b.page);
    await sync(a.page);

    const shown = async (page: Page): Promise<{ log: string[]; scores: string }> => {
      await page.getByRole('button', { name: '今日记录' }).click();
      await page.getByRole('heading', { name: '今日记录（有效 4 条）' }).waitFor({ timeout: 20_000 });
      const log = (await page.getByRole('listitem').filter({ has: page.locator('.log-time') }).allTextContents()).map((t) => t.replace(/作废$/, '')).sort();
      await page.getByRole('button', { name: '本月得分' }).click();
      const table = page.locator('.score-table');
      await table.waitFor();
      await expect.poll(() => page.getByText('正在更新').count(), { timeout: 10_000 }).toBe(0);
      // The table's order is the engine's (rank, total, subject id): both tablets list it identically, row for row.
      return { log, scores: await table.innerText() };
    };
    // Scores recompute a second after the last change: wait until both tablets have settled on the same table.
    await expect.poll(async () => (await shown(a.page)).scores === (await shown(b.page)).scores, { timeout: 20_000 }).toBe(true);
    const [sa, sb] = [await shown(a.page), await shown(b.page)];
    expect(sa.log).toHaveLength(4);
    expect(sa.log).toEqual(sb.log);
    expect(sa.scores).toEqual(sb.scores);
    // Every finding counts on both: the finding counts of the staff table add up to the four findings.
    const counts = sa.scores.split('\n').map((row) => Number(row.split('\t').at(-1)));
    expect(counts.filter(Number.isFinite).reduce((x, y) => x + y, 0)).toBe(4);
  });
});
