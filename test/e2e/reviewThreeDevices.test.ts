import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverProcess } from '../server/serverProcess';
import type { ServerProcess } from '../server/serverProcess';
import { buildApp } from './buildApp';
import { launchChromium } from './launchChromium';

async function signIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('demo1234');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('navigation', { name: '主菜单' }).waitFor();
}

async function synced(page: Page): Promise<void> {
  await page.getByRole('button', { name: '同步', exact: true }).click();
  await page.getByText('已全部同步').waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: '同步', exact: true }).waitFor();
}

/**
 * The charged person's provisional score as the scores view reads it out (the row's button label names the total
 * and, while a contest is open, the pending points), once it has settled on `expected`.
 */
async function expectScore(page: Page, name: string, expected: string): Promise<void> {
  await page.getByRole('button', { name: '本月得分' }).click();
  await page.getByRole('tab', { name: /综窗人员月度考核/ }).click();
  const row = page.getByRole('button', { name: new RegExp(`^${name}本月暂定`) });
  await expect.poll(async () => ((await row.count()) === 1 ? row.getAttribute('aria-label') : null), { timeout: 20_000 }).toBe(expected);
}

async function endHandOver(page: Page): Promise<void> {
  await page.getByRole('button', { name: '结束审阅，交回巡查人员' }).click();
  await page.getByLabel(/的登录密码$/).fill('demo1234');
  await page.getByRole('button', { name: '解锁' }).click();
  await page.getByRole('button', { name: '大厅地图' }).waitFor();
}

/**
 * Three devices against a real server process: the inspector records a finding offline and syncs, the chief contests
 * it on the inspector's tablet in hand-over (PIN checked offline), the tablet syncs, the committee overturns it on its
 * own device, and every device shows the finding overturned and its points gone. The charged person's provisional
 * score is read in the scores view on all three devices before the contest, while contested and after the overturn.
 */
describe('on-site review on three devices', () => {
  let server: ServerProcess;
  let browser: Browser;
  let dist: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'hall-patrol-data-'));
  const contexts: BrowserContext[] = [];

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

  const device = async (): Promise<{ ctx: BrowserContext; page: Page }> => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    contexts.push(ctx);
    return { ctx, page: await ctx.newPage() };
  };

  it('a finding recorded offline, contested in hand-over offline, overturned by the committee, is overturned everywhere and the score restored', async () => {
    const tablet = await device();
    const p = tablet.page;
    await signIn(p, server.url, 'inspector1');
    // The chief enrolls once, online, on this tablet, and hands it back.
    await p.getByRole('button', { name: '审阅', exact: true }).click();
    await p.getByRole('button', { name: '交给首席代表审阅' }).click();
    await p.getByLabel('用户名').fill('chief-zonghe');
    await p.getByLabel('密码', { exact: true }).fill('demo1234');
    await p.getByLabel('设置PIN（4–8位数字）').fill('2468');
    await p.getByRole('button', { name: '登记并开始审阅' }).click();
    await p.getByText('首席代表审阅中：').waitFor();
    await endHandOver(p);

    // Every chunk is precached once the service worker is active: the tablet works offline from here.
    await p.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active));
    await tablet.ctx.setOffline(true);
    await p.getByRole('button', { name: '大厅地图' }).click();
    await p.getByRole('button', { name: /^1号窗口，/ }).click();
    const panel = p.getByRole('dialog');
    const first = panel.getByRole('group', { name: '在岗人员' }).getByRole('button').first();
    const charged = (await first.textContent())?.trim() ?? '';
    if ((await first.getAttribute('aria-pressed')) !== 'true') await first.click();
    await panel.getByRole('button', { name: /^玩手机，/ }).first().click();
    await p.getByText(/^已记录：玩手机/).waitFor();
    await panel.getByRole('button', { name: '关闭' }).click();

    // 玩手机 costs the person on duty 5 of 100 points: deducted on the tablet, and on the committee's and the
    // chief's devices once the recording has synced.
    const deducted = `${charged}本月暂定 95 分，查看说明`;
    await expectScore(p, charged, deducted);
    await tablet.ctx.setOffline(false);
    await synced(p);
    const committee = await device();
    await signIn(committee.page, server.url, 'committee1');
    await synced(committee.page);
    const chief = await device();
    await signIn(chief.page, server.url, 'chief-zonghe');
    await synced(chief.page);
    for (const page of [committee.page, chief.page]) await expectScore(page, charged, deducted);

    // Hand-over, offline: the PIN is checked on the tablet; the chief contests.
    await tablet.ctx.setOffline(true);
    await p.getByRole('button', { name: '审阅', exact: true }).click();
    await p.getByRole('button', { name: '交给首席代表审阅' }).click();
    await p.getByLabel('PIN', { exact: true }).fill('2468');
    await p.getByRole('button', { name: '开始审阅' }).click();
    await p.getByText(/正在审阅，巡查人员的操作已锁定/).waitFor();
    await p.getByRole('button', { name: /^查看记录：玩手机/ }).click();
    const sheet = p.getByRole('dialog', { name: '玩手机' });
    await sheet.getByRole('button', { name: '申诉' }).click();
    await sheet.getByLabel('申诉理由（必填）').fill('当时在帮群众取号');
    await sheet.getByRole('button', { name: '提交申诉' }).click();
    await sheet.getByText('申诉中·待定').first().waitFor();
    await sheet.getByRole('button', { name: '关闭' }).click();
    await endHandOver(p);

    // Contested: the points are pending on every device (still in the provisional total: the hall's default
    // countPendingInProvisional is true).
    const pending = `${charged}本月暂定 95 分，申诉待定 −5 分，查看说明`;
    await expectScore(p, charged, pending);
    await tablet.ctx.setOffline(false);
    await synced(p);
    for (const page of [committee.page, chief.page]) {
      await synced(page);
      await expectScore(page, charged, pending);
    }

    await committee.page.getByRole('button', { name: '申诉裁定' }).click();
    await committee.page.getByRole('heading', { name: '申诉待裁定（1）' }).waitFor();
    await committee.page.getByRole('button', { name: /^查看记录：玩手机/ }).click();
    const decide = committee.page.getByRole('dialog', { name: '玩手机' });
    await decide.getByText(/当时在帮群众取号/).first().waitFor();
    await decide.getByRole('button', { name: '裁定' }).click();
    await decide.getByRole('radio', { name: '撤销' }).click();
    await decide.getByLabel('裁定理由（必填）').fill('监控显示在为群众服务');
    await decide.getByRole('button', { name: '提交裁定' }).click();
    await decide.getByText('已撤销').first().waitFor();
    await decide.getByRole('button', { name: '关闭' }).click();
    await synced(committee.page);

    await synced(chief.page);
    await synced(p);
    // Overturned: the full score is back on all three devices, nothing pending.
    for (const page of [p, committee.page, chief.page]) await expectScore(page, charged, `${charged}本月暂定 100 分，查看说明`);
    await p.getByRole('button', { name: '审阅', exact: true }).click();
    for (const page of [p, committee.page, chief.page]) {
      if (page !== p) await page.getByRole('button', { name: '审阅', exact: true }).click();
      const row = page.getByRole('button', { name: /^查看记录：玩手机/ });
      await row.getByText('已撤销').waitFor({ timeout: 20_000 });
      expect(await row.getByText('不扣分').count()).toBe(1);
    }
    // The history on the chief's device names who did what on which device.
    await chief.page.getByRole('button', { name: /^查看记录：玩手机/ }).click();
    const audit = chief.page.getByRole('region', { name: '处理记录' });
    await audit.getByText(/考核小组裁定/).waitFor();
    expect(await audit.getByRole('listitem').count()).toBe(3);
    await chief.page.screenshot({ path: join(tmpdir(), 'hall-patrol-chief-audit.png') });
  });
});
