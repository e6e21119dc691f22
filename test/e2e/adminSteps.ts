import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import type { HallSetup } from '../../src/core/model/hallSetup';
import { signIn } from '../server/testServer';

/** Steps that set a hall up through the screens in Chromium, shared by the end-to-end tests of the admin's work. */

/** An .xlsx roster file as a person fills in the template (columns 单位, 姓名, 身份, 窗口号), written into `dir`. */
export async function rosterFile(dir: string, name: string, rows: string[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('花名册');
  sheet.addRow(['单位', '姓名', '身份', '窗口号']);
  for (const r of rows) sheet.addRow(r);
  const path = join(dir, name);
  await book.xlsx.writeFile(path);
  return path;
}

/** The hall setup the server holds for an account's hall (signed in through the API, as a probe device). */
export async function heldSetup(url: string, username = 'admin', password = 'demo1234'): Promise<HallSetup> {
  const admin = await signIn(url, username, `probe-${username}`, { password });
  const res = await fetch(`${url}/api/admin/hall`, { headers: { authorization: `Bearer ${admin.token}` } });
  return ((await res.json()) as { setup: HallSetup }).setup;
}

/** Sign in on the app's sign-in screen (a centre administrator then picks `hall` by name). */
export async function signInOnScreen(page: Page, url: string, username: string, password: string, hall?: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  if (hall) {
    await page.getByLabel('大厅').selectOption({ label: hall }, { timeout: 60_000 });
    await page.getByRole('button', { name: '登录' }).click();
  }
}

/** Open an admin section by its name in the section list, and wait for its heading. */
export async function section(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: '管理功能' }).getByRole('button', { name, exact: true }).click({ timeout: 60_000 });
  await page.getByRole('heading', { name, exact: true, level: 2 }).waitFor({ timeout: 30_000 });
}

/** Choose the scheme of each level in the 考核办法 section (value: a scheme id, '' for none) and save. */
export async function setSchemes(page: Page, levels: Record<string, string>): Promise<void> {
  await section(page, '考核办法');
  for (const [level, id] of Object.entries(levels)) await page.getByLabel(`${level}的考核办法`).selectOption(id);
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByText(/已保存/).waitFor({ timeout: 30_000 });
}
