import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverProcess } from '../server/serverProcess';
import type { ServerProcess } from '../server/serverProcess';
import { buildApp } from './buildApp';
import { launchChromium } from './launchChromium';

const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'landscape', width: 1280, height: 800 },
  { name: 'portrait', width: 800, height: 1280 },
] as const;
const SECTIONS = [
  { button: '账号', heading: '账号' },
  { button: '设备', heading: '设备' },
  { button: '大厅信息', heading: '大厅信息' },
  { button: '平面图', heading: '平面图' },
  { button: '单位与人员', heading: '单位与人员' },
  { button: '考核办法', heading: '考核办法' },
  { button: '审阅设置', heading: '审阅设置' },
] as const;

/** How far the page is wider than the window (a section that does not fit scrolls sideways), in CSS pixels. */
const overflow = (page: Page): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** The controls and navigation (outside the PWA's notice) that the notice's box overlaps on screen: their labels. */
const coveredByNotice = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const notice = document.querySelector('.toast');
    if (!notice) return ['(no notice on screen)'];
    const n = notice.getBoundingClientRect();
    return [...document.querySelectorAll('button, a, input, select, textarea, nav, [role="button"]')]
      .filter((el) => !notice.contains(el))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.left < n.right && n.left < r.right && r.top < n.bottom && n.top < r.bottom;
      })
      .map((el) => el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName);
  });

/**
 * Every admin screen in real Chromium at the three sizes it is used at (desktop 1440×900, tablet landscape and
 * portrait): it opens, shows its heading, and fits the width; the notice shown at first load covers none of it. With SCREENSHOT_DIR set, each is saved as a PNG to look at.
 */
describe('the admin screens in Chromium', { timeout: 600_000 }, () => {
  let server: ServerProcess;
  let browser: Browser;
  let dist: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'hall-patrol-admin-'));
  const shots = process.env.SCREENSHOT_DIR;

  beforeAll(async () => {
    dist = await buildApp();
    [server, browser] = await Promise.all([serverProcess({ DATA_DIR: dataDir, DIST_DIR: dist, BACKUP_KEEP: '0' }), launchChromium()]);
    if (shots) mkdirSync(shots, { recursive: true });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  for (const size of SIZES) {
    it(`opens every section at ${size.width}×${size.height}`, async () => {
      const ctx = await browser.newContext({ viewport: { width: size.width, height: size.height }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const page = await ctx.newPage();
      await page.goto(server.url);
      await page.getByLabel('用户名').fill('admin');
      await page.getByLabel('密码').fill('demo1234');
      await page.getByRole('button', { name: '登录' }).click();
      const nav = page.getByRole('navigation', { name: '管理功能' });
      await nav.waitFor({ timeout: 60_000 });
      // At first load the app says it works offline now: that notice covers no navigation or control.
      await page.getByText('已可离线使用').waitFor({ timeout: 60_000 });
      expect(await coveredByNotice(page)).toEqual([]);
      for (const s of SECTIONS) {
        await nav.getByRole('button', { name: s.button, exact: true }).click();
        await page.getByRole('heading', { name: s.heading, exact: true, level: 2 }).waitFor({ timeout: 30_000 });
        await page.getByText('正在加载…').first().waitFor({ state: 'detached', timeout: 30_000 }).catch(() => undefined);
        if (shots) await page.screenshot({ path: join(shots, `admin-${size.name}-${SECTIONS.indexOf(s) + 1}.png`), fullPage: true });
        expect(await overflow(page), `${s.button} at ${size.name} is wider than the window`).toBeLessThanOrEqual(0);
      }
      await ctx.close();
    });
  }
});
