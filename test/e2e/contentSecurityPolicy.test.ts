import type { Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './buildApp';
import { cameraPhoto } from './cameraPhoto';
import { launchChromium } from './launchChromium';
import { startServer } from '../../src/server/startServer';
import type { RunningServer } from '../../src/server/startServer';
import { schemesDir } from '../server/testServer';

/**
 * The built PWA works under the server's Content-Security-Policy: in Chromium, signing in, the map, a finding with a
 * photo (compressed in the page), the scores view (its worker), review and the service worker raise no violation.
 */
describe('the app under the Content-Security-Policy', { timeout: 180_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let dist: string;
  beforeAll(async () => {
    dist = await buildApp();
    [server, browser] = await Promise.all([startServer({ port: 0, hostname: '127.0.0.1', dataDir: undefined, schemesDir, distDir: dist, log: () => undefined }), launchChromium()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('raises no CSP violation through sign-in, recording with a photo, scores and review', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await ctx.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const page: Page = await ctx.newPage();
    const console: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) console.push(m.text());
    });
    const res = await page.goto(server.url);
    expect(res?.headers()['content-security-policy']).toMatch(/script-src 'self' 'sha256-/);
    await page.getByLabel('用户名').fill('inspector1');
    await page.getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('navigation', { name: '主菜单' }).waitFor();
    await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active));
    await page.getByRole('button', { name: /^1号窗口，/ }).click();
    const panel = page.getByRole('dialog');
    const first = panel.getByRole('group', { name: '在岗人员' }).getByRole('button').first();
    if ((await first.getAttribute('aria-pressed')) !== 'true') await first.click();
    await panel.getByLabel('拍照').setInputFiles({ name: 'IMG_1.jpg', mimeType: 'image/jpeg', buffer: await cameraPhoto(page, 1) });
    await panel.getByRole('img', { name: '照片1' }).waitFor({ timeout: 30_000 });
    await panel.getByRole('button', { name: /^玩手机，/ }).first().click();
    await page.getByText(/^已记录：玩手机/).waitFor();
    await panel.getByRole('button', { name: '关闭' }).click();
    await page.getByRole('button', { name: '本月得分' }).click();
    await page.getByRole('tab', { name: /综窗人员月度考核/ }).click();
    await page.getByRole('button', { name: /本月暂定/ }).first().waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: '审阅', exact: true }).click();
    await page.getByRole('button', { name: '同步', exact: true }).click();
    await page.getByText('已全部同步').waitFor({ timeout: 30_000 });
    const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    expect(violations).toEqual([]);
    expect(console).toEqual([]);
    await ctx.close();
  });
});
