import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anshanV2, ANSHAN_V2_ITEM } from '../fixtures/anshanVersions';
import { serverProcess } from '../server/serverProcess';
import type { ServerProcess } from '../server/serverProcess';
import { signIn } from '../server/testServer';
import { heldSetup, rosterFile, section, setSchemes, signInOnScreen } from './adminSteps';
import { buildApp } from './buildApp';
import { launchChromium } from './launchChromium';

const HALL = { id: 'xinqu', name: '新区政务服务中心', admin: 'admin-xinqu', password: 'xinqu-pass-1' };
const INSPECTOR = { username: 'xq-inspector', name: '巡查员 黄新', password: 'xq-patrol-1' };
const UNITS = ['行政审批局', '公安局', '税务局'];
const ZONE = 'Asia/Shanghai';
const SCHEME = 'anshan-stationed-unit';

/** Hall-local month of an instant, and the first day of the month after it. */
const monthOf = (ms: number): string => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit' }).format(ms);
function nextMonthStart(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

interface Results {
  subjects: { subject: string; subjectId: string; name: string; total: number }[];
  versions: { scoredBy: number; recordedUnder: { version: number; findings: number }[] };
}
async function results(url: string, device: { token: string }, month: string): Promise<Results> {
  const res = await fetch(`${url}/api/results?scheme=${SCHEME}&period=${month}&view=provisional`, { headers: { authorization: `Bearer ${device.token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as Results;
}

/** Open a window's panel on the tablet's map; the names of its buttons (an item's: “name，points，charged to”). */
async function itemsAt(page: Page, window: RegExp): Promise<string[]> {
  await page.getByRole('button', { name: window }).click();
  const panel = page.getByRole('dialog');
  await panel.getByRole('button', { name: /^迟到早退，/ }).first().waitFor({ timeout: 30_000 });
  const names = await panel.getByRole('button').evaluateAll((els) => els.map((e) => (e.getAttribute('aria-label') ?? e.textContent ?? '').trim()));
  await panel.getByRole('button', { name: '关闭' }).click();
  return names;
}

/**
 * Issue 10's whole story in real Chromium, on one server beside the demo hall: the centre administrator opens a hall
 * from nothing and sets it up through the screens (3 units, 12 windows, a roster .xlsx with a bad row refused then
 * corrected, scheme 003, an inspector); a tablet signed in to it records a finding offline on one of its windows,
 * syncs, and the server's results count it; a new version of 003 from next month reaches the tablet, which offers its
 * new item from that day (its clock moved there) while the earlier finding keeps version 1; the demo hall sees none of it.
 */
describe('a new hall from nothing, beside the demo hall', { timeout: 900_000 }, () => {
  let server: ServerProcess;
  let browser: Browser;
  let dist: string;
  let admin: BrowserContext;
  let adminPage: Page;
  let tablet: BrowserContext;
  let tabletPage: Page;
  const dataDir = mkdtempSync(join(tmpdir(), 'hall-patrol-newhall-'));
  const files = mkdtempSync(join(tmpdir(), 'hall-patrol-newhall-files-'));
  const month = monthOf(Date.now());
  let findingId = '';

  beforeAll(async () => {
    dist = await buildApp();
    [server, browser] = await Promise.all([serverProcess({ DATA_DIR: dataDir, DIST_DIR: dist, BACKUP_KEEP: '0' }), launchChromium()]);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    for (const d of [dataDir, files, dist]) if (d) rmSync(d, { recursive: true, force: true });
  });

  it('the centre administrator opens a hall and sets it up through the screens', async () => {
    admin = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: ZONE });
    adminPage = await admin.newPage();
    const page = adminPage;
    await signInOnScreen(page, server.url, 'centre', 'demo1234', '示范政务服务大厅');
    await section(page, '各大厅');
    const form = page.getByRole('form', { name: '新建大厅' });
    await form.getByLabel('大厅名称').fill(HALL.name);
    await form.getByLabel(/大厅编号/).fill(HALL.id);
    await form.getByLabel('大厅管理员姓名').fill('赵管理');
    await form.getByLabel('大厅管理员用户名').fill(HALL.admin);
    await form.getByLabel(/大厅管理员初始密码/).fill(HALL.password);
    await form.getByRole('button', { name: '新建大厅' }).click();
    await form.getByText(/已新建“新区政务服务中心”/).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: `管理${HALL.name}` }).click();
    await page.getByRole('navigation', { name: '管理功能' }).getByLabel('正在管理').filter({ hasText: HALL.name }).waitFor();

    // Units first (the floor's windows belong to them).
    await section(page, '单位与人员');
    for (const u of UNITS) {
      await page.getByLabel('新单位名称').fill(u);
      await page.getByRole('button', { name: '添加单位' }).click();
    }
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText(/已保存/).waitFor({ timeout: 30_000 });

    // 12 windows, four per unit; the last numbered 58 (a number the demo's windows, 1-40, do not have).
    await section(page, '平面图');
    for (let n = 1; n <= 12; n++) {
      await page.getByRole('button', { name: '添加窗口' }).click();
      const inspector = page.getByRole('group', { name: `${n}号窗口` });
      await inspector.getByLabel('所属单位').selectOption({ label: UNITS[Math.floor((n - 1) / 4)] as string });
      if (n === 12) await inspector.getByLabel('窗口号').fill('58');
    }
    await page.getByRole('group', { name: '58号窗口' }).waitFor();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText(/已保存/).waitFor({ timeout: 30_000 });

    // The roster from .xlsx: a file with one bad row is refused whole, then the corrected file is imported.
    await section(page, '单位与人员');
    const input = page.locator('input[type="file"]');
    const good = [['行政审批局', '陈审批', '工作人员', '1'], ['公安局', '刘警官', '工作人员', '5'], ['税务局', '孙税务', '工作人员', '58']];
    await input.setInputFiles(await rosterFile(files, 'bad.xlsx', [...good, ['海关', '关员', '工作人员', '']]));
    const refused = page.getByRole('alert').filter({ hasText: '未导入' });
    await refused.waitFor({ timeout: 60_000 });
    expect(await refused.textContent()).toContain('第 5 行：单位“海关”不存在');
    expect((await heldSetup(server.url, HALL.admin, HALL.password)).roster.staff).toEqual([]);
    await input.setInputFiles(await rosterFile(files, 'good.xlsx', [...good, ['税务局', '钱首席', '首席代表', '']]));
    await page.getByText(/可以导入：在岗人员 3 人（其中新增 3 人），首席代表 1 位/).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '导入并保存' }).click();
    await page.getByText(/已导入“good.xlsx”/).waitFor({ timeout: 60_000 });

    // Scheme 003 for the units, and an inspector's account.
    await setSchemes(page, { 单位: SCHEME });
    await section(page, '账号');
    const account = page.getByRole('form', { name: '新建账号' });
    await account.getByLabel('姓名').fill(INSPECTOR.name);
    await account.getByLabel('用户名').fill(INSPECTOR.username);
    await account.getByLabel('初始密码').fill(INSPECTOR.password);
    await account.getByRole('button', { name: '创建账号' }).click();
    await account.getByText(`已创建账号 ${INSPECTOR.username}。`).waitFor({ timeout: 30_000 });

    const setup = await heldSetup(server.url, HALL.admin, HALL.password);
    expect(setup.roster.hall).toMatchObject({ id: HALL.id, name: HALL.name });
    expect(setup.roster.units.map((u) => u.name)).toEqual(UNITS);
    expect(setup.roster.windows.map((w) => w.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '58']);
    expect(setup.layout.tiles).toHaveLength(12);
    expect(setup.roster.staff.map((s) => s.name).sort()).toEqual(['刘警官', '孙税务', '陈审批']);
    expect(setup.roster.chiefs.map((c) => c.name)).toEqual(['钱首席']);
    expect(setup.schemes).toEqual([{ id: SCHEME, version: 1, subject: 'unit' }]);
  });

  it('a tablet signed in to the new hall records a finding offline on its window 58; synced, the server’s results count it', async () => {
    tablet = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: ZONE });
    tabletPage = await tablet.newPage();
    const page = tabletPage;
    await signInOnScreen(page, server.url, INSPECTOR.username, INSPECTOR.password);
    await page.getByRole('group', { name: `${HALL.name}平面图` }).waitFor({ timeout: 60_000 });
    await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active));
    await tablet.setOffline(true);
    await page.getByRole('button', { name: /^58号窗口，税务局，在岗：孙税务/ }).click();
    const panel = page.getByRole('dialog');
    await panel.getByRole('button', { name: /^迟到早退，/ }).first().click();
    await page.getByText(/^已记录：迟到早退/).waitFor();
    await panel.getByRole('button', { name: '关闭' }).click();
    await page.getByText('待同步 记录 1 条').waitFor();
    await tablet.setOffline(false);
    await page.getByRole('button', { name: '同步', exact: true }).click();
    await page.getByText('已全部同步').waitFor({ timeout: 30_000 });

    const hallAdmin = await signIn(server.url, HALL.admin, 'probe-xinqu-admin', { password: HALL.password });
    const setup = await heldSetup(server.url, HALL.admin, HALL.password);
    const shuiwu = setup.roster.units.find((u) => u.name === '税务局');
    const r = await results(server.url, hallAdmin, month);
    expect(r.subjects.find((s) => s.subject === 'unit' && s.subjectId === shuiwu?.id)?.total).toBe(98);
    expect(r.versions.recordedUnder).toEqual([{ version: 1, findings: 1 }]);
    const pulled = await hallAdmin.pullAll();
    const recorded = pulled.events.filter((e) => e.type === 'finding.recorded');
    expect(recorded).toHaveLength(1);
    findingId = recorded[0]?.findingId ?? '';
    expect(recorded[0]).toMatchObject({ schemeId: SCHEME, schemeVersion: 1, itemId: 'chidao-zaotui' });
    expect(setup.roster.windows.find((w) => w.number === '58')?.id).toBe((recorded[0] as { windowId?: string }).windowId);
  });

  it('a new version of 003 from next month: the tablet offers its new item from that day; the earlier finding keeps version 1', async () => {
    const page = adminPage;
    const from = nextMonthStart(month);
    await section(page, '考核办法');
    const upload = page.getByRole('region', { name: '上传考核办法文件' });
    await upload.locator('input[type="file"]').setInputFiles({ name: 'anshan-v2.yaml', mimeType: 'application/yaml', buffer: Buffer.from(anshanV2()) });
    await upload.getByText(/已上传“鞍山市.*” v2/).waitFor({ timeout: 30_000 });
    const versions = page.getByRole('region', { name: /鞍山.*版本与生效日期/ });
    await versions.getByLabel(/^版本/).selectOption('2');
    await versions.getByLabel(/^生效日期/).fill(from);
    await versions.getByRole('button', { name: '添加版本' }).click();
    await versions.getByText(`v2，自 ${from} 起执行`).waitFor();
    await page.getByRole('button', { name: '保存' }).first().click();
    await page.getByText(/已保存/).waitFor({ timeout: 30_000 });

    // Today the tablet still offers version 1's items only.
    const tab = tabletPage;
    await tab.getByRole('button', { name: '同步', exact: true }).click();
    await tab.getByText('已全部同步').waitFor({ timeout: 30_000 });
    const today = await itemsAt(tab, /^58号窗口，税务局/);
    expect(today.some((t) => t.startsWith(`${ANSHAN_V2_ITEM}，`))).toBe(false);
    // The tablet's clock on the 3rd of next month (10:00 hall time): it offers version 2's new item.
    await tablet.clock.setSystemTime(new Date(`${from.slice(0, 8)}03T10:00:00+08:00`));
    await tab.reload();
    await tab.getByRole('group', { name: `${HALL.name}平面图` }).waitFor({ timeout: 60_000 });
    expect(monthOf(await tab.evaluate(() => Date.now()))).toBe(from.slice(0, 7));
    const then = await itemsAt(tab, /^58号窗口，税务局/);
    expect(then.some((t) => t.startsWith(`${ANSHAN_V2_ITEM}，`))).toBe(true);

    // The finding recorded before keeps its version: this month is scored by version 1, with it recorded under it.
    const hallAdmin = await signIn(server.url, HALL.admin, 'probe-xinqu-admin', { password: HALL.password });
    const r = await results(server.url, hallAdmin, month);
    expect(r.versions.scoredBy).toBe(1);
    expect(r.versions.recordedUnder).toEqual([{ version: 1, findings: 1 }]);
    const again = (await hallAdmin.pullAll()).events.find((e) => e.type === 'finding.recorded' && e.findingId === findingId);
    expect(again).toMatchObject({ schemeVersion: 1 });
  });

  it('the demo hall on the same server sees none of it', async () => {
    const demoAdmin = await signIn(server.url, 'admin', 'probe-demo-admin');
    const get = async (path: string): Promise<unknown> => (await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${demoAdmin.token}` } })).json();
    const demo = (await get('/api/admin/hall')) as { setup: { roster: { units: { name: string }[]; windows: { number: string }[]; staff: { name: string }[] } } };
    expect(demo.setup.roster.units.map((u) => u.name)).not.toContain('行政审批局');
    expect(demo.setup.roster.windows.map((w) => w.number)).not.toContain('58');
    expect(demo.setup.roster.staff.map((s) => s.name)).not.toContain('孙税务');
    const accounts = (await get('/api/admin/accounts')) as { username: string }[];
    expect(accounts.map((a) => a.username)).not.toContain(INSPECTOR.username);
    const held = (await get('/api/admin/schemes')) as { held: { id: string; version: number }[] };
    expect(held.held.filter((h) => h.id === SCHEME).map((h) => h.version)).toEqual([1]);
    expect((await demoAdmin.pullAll()).events.some((e) => e.findingId === findingId)).toBe(false);
    const demoResults = await results(server.url, demoAdmin, month);
    expect(demoResults.versions.recordedUnder).toEqual([]);
    await admin.close();
    await tablet.close();
  });
});
