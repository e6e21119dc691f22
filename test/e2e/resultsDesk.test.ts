import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishedRevision } from '../../src/core/publish/publication';
import { initialJavaScript } from '../bench/initialJavaScript';
import { quarterScenario } from '../server/scenario';
import { startServer } from '../../src/server/startServer';
import type { RunningServer } from '../../src/server/startServer';
import { putConfig } from '../../src/server/storage/configRepo';
import { REPLAY_REVIEW, schemesDir, signIn as apiSignIn } from '../server/testServer';
import { buildApp } from './buildApp';
import { launchChromium } from './launchChromium';

const SCREENSHOTS = process.env.RESULTS_SCREENSHOTS;

async function signIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('demo1234');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('navigation', { name: '主菜单' }).waitFor();
}

/**
 * The results desk in real Chromium against the real server (in this process, serving the built app): a quarter of findings (every review path) is on the
 * server; the committee opens February, reads the ranking and a subject's explanation, publishes the month, checks
 * the digest, downloads the .xlsx and prints the bulletin to PDF. The workbook's cells and the PDF's text carry the
 * engine's totals and ranks of the published revision. The inspector's first load stays under 150 KB of gzip JS with
 * the charts in their own chunk.
 */
describe('the results desk', { timeout: 600_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let dist: string;
  const files = mkdtempSync(join(tmpdir(), 'hall-patrol-results-files-'));

  beforeAll(async () => {
    // The size check needs the build a person gets: vitest sets NODE_ENV=test, which builds React for development.
    const mode = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    dist = await buildApp();
    process.env.NODE_ENV = mode;
    // The real server in this process (the built app, an in-memory PGlite): no second tsx start on a loaded machine.
    [server, browser] = await Promise.all([
      startServer({ port: 0, hostname: '127.0.0.1', dataDir: undefined, schemesDir, distDir: dist, log: () => undefined }),
      launchChromium(),
    ]);
    // Late contests are taken: the scenario replays early 2026 whenever the test runs.
    await server.db.transaction((tx) => putConfig(tx, 'review', 'hall', JSON.stringify(REPLAY_REVIEW)));
    const [inspector, chief, committee] = await Promise.all([
      apiSignIn(server.url, 'inspector1', 'seed-inspector'),
      apiSignIn(server.url, 'chief-zonghe', 'seed-chief'),
      apiSignIn(server.url, 'committee1', 'seed-committee'),
    ]);
    const s = quarterScenario(inspector, chief, committee);
    for (const [device, events] of [[inspector, s.inspector], [chief, s.chief], [committee, s.committee]] as const) {
      const res = await device.push(events);
      expect(res.results.filter((r) => r.status !== 'accepted')).toEqual([]);
    }
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    for (const d of [files, dist]) if (d) rmSync(d, { recursive: true, force: true });
  });

  it('keeps the inspector’s first load under 150 KB of gzip JavaScript, without the charts', () => {
    const initial = initialJavaScript(dist);
    expect(initial.gzipBytes).toBeLessThanOrEqual(150 * 1024);
    // ECharts marks its DOM nodes with this key: no file of the first load holds ECharts.
    for (const f of initial.files) expect(readFileSync(join(dist, f.replace(/^\//, '')), 'utf8')).not.toContain('_echarts_instance_');
  });

  it('publishes February, and the workbook and the printed bulletin carry the engine’s totals and ranks', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
    const page = await ctx.newPage();
    await signIn(page, server.url, 'committee1');
    await page.getByRole('button', { name: '考核结果' }).click();
    await page.getByLabel('期间').selectOption('2026-02');
    await page.getByText('本期尚未发布。').waitFor({ timeout: 60_000 });
    const table = page.locator('table.ranking-table');
    await table.waitFor();
    for (const h of ['排名', '姓名', '工作纪律（20分）', '总分', '等次', '申诉待定', '处理']) await expect.poll(() => table.getByRole('columnheader', { name: h }).count()).toBeGreaterThan(0);
    await page.locator('.heat-map svg').waitFor();
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'desk-1440.png') });

    await page.getByRole('button', { name: '发布本期结果' }).click();
    await page.getByText(/已发布：第 1 版/).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '核验摘要' }).click();
    await page.getByText('第 1 版摘要一致：发布后记录未被改动。').waitFor();

    const committee = await apiSignIn(server.url, 'committee1', 'check-committee');
    const published = (await (await fetch(`${server.url}/api/publications/kunqu-window-staff/2026-02/1`, { headers: { authorization: `Bearer ${committee.token}` } })).json()) as PublishedRevision;
    const staff = published.results.subjects.filter((s) => s.subject === 'staff');
    const hit = staff.filter((s) => s.findingCount > 0).sort((a, b) => a.total - b.total)[0];
    if (!hit) throw new Error('no staff member with findings in February');

    // A row opens the subject: its explanation line by line and its months.
    await page.getByRole('button', { name: `${hit.name}，${hit.total} 分，查看明细` }).first().click();
    const detail = page.locator('.subject-detail');
    await detail.getByRole('heading', { name: new RegExp(hit.name) }).waitFor();
    await expect.poll(() => detail.locator('.explanation li').count()).toBeGreaterThanOrEqual(hit.explanation.length);
    await detail.locator('.echart svg').waitFor({ timeout: 60_000 });
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'detail-1440.png') });

    // The .xlsx as the browser downloads it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    const xlsx = join(files, 'results.xlsx');
    await download.saveAs(xlsx);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet('工作人员');
    if (!ws) throw new Error('no staff sheet');
    const header = (ws.getRow(6).values as unknown[]).slice(1).map(String);
    const col = (h: string): number => header.indexOf(h) + 1;
    const sheetRows = staff.map((_, i) => ws.getRow(7 + i));
    expect(sheetRows.map((row) => row.getCell(col('姓名')).value)).toEqual(staff.map((s) => s.name));
    expect(sheetRows.map((row) => row.getCell(col('总分')).value)).toEqual(staff.map((s) => s.total));
    expect(sheetRows.map((row) => row.getCell(col('排名')).value)).toEqual(staff.map((s) => s.rank));
    expect(String(ws.getRow(3).getCell(1).value)).toContain(published.digest);

    // The bulletin, printed to PDF by Chromium's print path (print CSS), read back as text.
    await page.getByRole('button', { name: '通报' }).click();
    await page.getByRole('heading', { name: '示范政务服务大厅2026年2月考核结果通报' }).waitFor();
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'bulletin-1440.png') });
    const pdf = join(files, 'bulletin.pdf');
    writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
    if (SCREENSHOTS) writeFileSync(join(SCREENSHOTS, 'bulletin.pdf'), readFileSync(pdf));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const squeezed = text.replace(/\s+/g, '');
    expect(squeezed).toContain('示范政务服务大厅2026年2月考核结果通报');
    expect(squeezed).toContain('第1版');
    expect(squeezed).toContain(published.digest);
    expect(text).not.toContain('导出 Excel');
    // Every staff member's line: rank, name, unit, total and grade, as published.
    const roster = (await committee.pullAll()).pages[0]?.setup?.roster;
    const unitName = new Map(roster?.units.map((u) => [u.id, u.name]));
    for (const s of staff) expect(squeezed).toContain(`${s.rank}${s.name}${unitName.get(s.unitId) ?? ''}${s.total}${s.gradeName ?? ''}`);
    await ctx.close();
  });

  it('looks right at 1280×800 for a chief, who sees only their own', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await ctx.newPage();
    await signIn(page, server.url, 'chief-shuiwu');
    await page.getByRole('button', { name: '考核结果' }).click();
    await page.getByLabel('期间').selectOption('2026-02');
    await page.getByText(/已发布：第 1 版/).waitFor({ timeout: 60_000 });
    await page.locator('table.ranking-table tbody tr').first().waitFor();
    const units = await page.locator('table.ranking-table tbody tr td:nth-child(3)').allInnerTexts();
    expect(units.length).toBeGreaterThan(0);
    expect(new Set(units)).toEqual(new Set(['税务局']));
    await page.getByRole('button', { name: '核验摘要' }).click();
    await page.getByText('第 1 版摘要一致：发布后记录未被改动。').waitFor();
    if (SCREENSHOTS) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, 'chief-1280.png') });
    }
    await ctx.close();
  });
});
