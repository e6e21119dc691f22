import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverProcess } from '../server/serverProcess';
import type { ServerProcess } from '../server/serverProcess';
import { signIn } from '../server/testServer';
import { heldSetup, rosterFile, section, setSchemes, signInOnScreen } from './adminSteps';
import { buildApp } from './buildApp';
import { launchChromium } from './launchChromium';

/**
 * The admin sets the hall up through the screens in real Chromium (1440×900): a window placed by dragging it with the
 * mouse, a roster imported from .xlsx (a file with a bad row refused whole, then the corrected one), the schemes in
 * force; the server holds exactly that.
 */
describe('an admin sets up the hall through the screens', { timeout: 600_000 }, () => {
  let server: ServerProcess;
  let browser: Browser;
  let dist: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'hall-patrol-setup-'));
  const files = mkdtempSync(join(tmpdir(), 'hall-patrol-files-'));

  beforeAll(async () => {
    dist = await buildApp();
    [server, browser] = await Promise.all([serverProcess({ DATA_DIR: dataDir, DIST_DIR: dist, BACKUP_KEEP: '0' }), launchChromium()]);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    for (const d of [dataDir, files, dist]) if (d) rmSync(d, { recursive: true, force: true });
  });

  it('places a window by dragging, imports the roster (a bad file refused whole), sets the schemes', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await ctx.newPage();
    await signInOnScreen(page, server.url, 'admin', 'demo1234');
    await page.getByRole('navigation', { name: '管理功能' }).waitFor({ timeout: 60_000 });

    await section(page, '平面图');
    await page.getByRole('button', { name: '添加窗口' }).click();
    const inspector = page.getByRole('group', { name: '41号窗口' });
    await inspector.getByLabel('所属单位').selectOption({ label: '公安局' });
    // Drag the new tile with the mouse into the middle of the hall (the waiting area is empty there).
    const tile = page.getByRole('group', { name: '平面图编辑' }).getByRole('button', { name: /^41号窗口，公安局/ });
    const box = await tile.boundingBox();
    const floor = await page.getByRole('group', { name: '平面图编辑' }).boundingBox();
    if (!box || !floor) throw new Error('no tile or floor on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(floor.x + floor.width / 2, floor.y + floor.height / 2, { steps: 8 });
    await page.mouse.up();
    const x = Number(await inspector.getByLabel('左边距').inputValue());
    expect(x).toBeGreaterThan(20);
    // One drag is one undo step.
    await page.getByRole('button', { name: '撤销' }).click();
    expect(Number(await inspector.getByLabel('左边距').inputValue())).toBeLessThan(x);
    await page.getByRole('button', { name: '重做' }).click();
    expect(Number(await inspector.getByLabel('左边距').inputValue())).toBe(x);
    await page.getByRole('figure').getByRole('button', { name: /^41号窗口，公安局/ }).waitFor();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText(/已保存/).waitFor();

    await section(page, '单位与人员');
    const input = page.locator('input[type="file"]');
    await input.setInputFiles(await rosterFile(files, 'bad.xlsx', [['公安局', '新警员', '工作人员', '41'], ['公安局', '新警员', '工作人员', '28'], ['海关', '关员', '工作人员', '']]));
    const refused = page.getByRole('alert').filter({ hasText: '未导入' });
    await refused.waitFor({ timeout: 60_000 });
    expect(await refused.textContent()).toContain('第 3 行：“公安局”的 新警员 与第 2 行重复。');
    expect(await refused.textContent()).toContain('第 4 行：单位“海关”不存在');
    const before = await heldSetup(server.url);
    expect(before.roster.staff.some((s) => s.name === '新警员')).toBe(false);
    await input.setInputFiles(await rosterFile(files, 'good.xlsx', [['公安局', '新警员', '工作人员', '41'], ['公安局', '莫俊杰', '首席代表', ''], ['税务局', '张税', '工作人员', '17']]));
    await page.getByText(/可以导入：在岗人员 2 人（其中新增 2 人），首席代表 1 位/).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '导入并保存' }).click();
    await page.getByText(/已导入“good.xlsx”/).waitFor({ timeout: 60_000 });
    const after = await heldSetup(server.url);
    const w41 = after.roster.windows.find((w) => w.number === '41');
    expect(after.roster.staff.find((s) => s.name === '新警员')?.windowId).toBe(w41?.id);

    await setSchemes(page, { 单位: 'anshan-stationed-unit', 窗口: '' });
    const schemes = (await heldSetup(server.url)).schemes.map((s) => `${s.subject}:${s.id}`).sort();
    expect(schemes).toEqual(['staff:kunqu-window-staff', 'unit:anshan-stationed-unit']);
    await ctx.close();
  });
  it('a tablet signed in afterwards works in that hall: a finding recorded offline on the new window reaches the results', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await ctx.newPage();
    await signInOnScreen(page, server.url, 'inspector1', 'demo1234');
    await page.getByRole('group', { name: '示范政务服务大厅平面图' }).waitFor({ timeout: 60_000 });
    await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active));
    // Window 41 exists only in the server's hall, seated by the roster imported above.
    await ctx.setOffline(true);
    await page.getByRole('button', { name: /^41号窗口，公安局，在岗：新警员/ }).click();
    const panel = page.getByRole('dialog');
    const first = panel.getByRole('group', { name: '在岗人员' }).getByRole('button').first();
    expect(await first.textContent()).toContain('新警员');
    if ((await first.getAttribute('aria-pressed')) !== 'true') await first.click();
    await panel.getByRole('button', { name: /^玩手机，/ }).first().click();
    await page.getByText(/^已记录：玩手机/).waitFor();
    await panel.getByRole('button', { name: '关闭' }).click();
    await page.getByText('待同步 记录 1 条').waitFor();
    await ctx.setOffline(false);
    await page.getByRole('button', { name: '同步', exact: true }).click();
    await page.getByText('已全部同步').waitFor({ timeout: 30_000 });

    const setup = await heldSetup(server.url);
    const person = setup.roster.staff.find((s) => s.name === '新警员');
    const committee = await signIn(server.url, 'committee1', 'probe-committee');
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());
    const res = await fetch(`${server.url}/api/results?scheme=kunqu-window-staff&period=${month}&view=provisional`, { headers: { authorization: `Bearer ${committee.token}` } });
    expect(res.status).toBe(200);
    const results = (await res.json()) as { subjects: { subjectId: string; total: number }[] };
    const theirs = results.subjects.find((x) => x.subjectId === person?.id);
    expect(theirs?.total).toBeLessThan(100);
    await ctx.close();
  });
});
