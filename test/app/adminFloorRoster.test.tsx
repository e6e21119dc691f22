// @vitest-environment jsdom
import ExcelJS from 'exceljs';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallSetup } from '../../src/core/model/hallSetup';
import { syncHandle } from '../../src/device/sync/syncHandle';
import type { RunningServer } from '../../src/server/startServer';
import { recorded, signIn, testServer } from '../server/testServer';
import { testDb } from '../device/testDb';
import { renderPatrol } from './renderPatrol';

async function renderAdmin(url: string) {
  const db = testDb();
  const sync = syncHandle({ db, deviceId: `admin-pc-${Math.random().toString(36).slice(2)}`, timeZone: 'Asia/Shanghai', baseUrl: url });
  const session = await sync.signIn('admin', 'demo1234');
  const view = await renderPatrol({ db, account: session.account, sync });
  // The admin chunk loads on first use: slow on a loaded machine.
  await screen.findByRole('navigation', { name: '管理功能' }, { timeout: 60_000 });
  return view;
}

async function heldSetup(url: string): Promise<HallSetup> {
  const admin = await signIn(url, 'admin', 'probe-admin');
  const res = await fetch(`${url}/api/admin/hall`, { headers: { authorization: `Bearer ${admin.token}` } });
  return ((await res.json()) as { setup: HallSetup }).setup;
}

async function xlsx(rows: string[][]): Promise<File> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('花名册');
  for (const r of rows) sheet.addRow(r);
  const buffer = await book.xlsx.writeBuffer();
  return new File([buffer], 'roster.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

const chooseFile = (file: File): void => {
  const input = document.querySelector('input[type="file"]');
  if (!input) throw new Error('no file input');
  fireEvent.change(input, { target: { files: [file] } });
};

describe('the floor map editor and the roster', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await testServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('adds a window, refuses two windows numbered alike, undoes, and saves the new window with its tile', async () => {
    await renderAdmin(server.url);
    fireEvent.click(screen.getByRole('button', { name: '平面图' }));
    const editor = await screen.findByRole('group', { name: '平面图编辑' });
    expect(within(editor).getAllByRole('button', { name: /号窗口，/ })).toHaveLength(40);
    fireEvent.click(screen.getByRole('button', { name: '添加窗口' }));
    const inspector = await screen.findByRole('group', { name: '41号窗口' });
    fireEvent.change(within(inspector).getByLabelText('窗口号'), { target: { value: '7' } });
    expect((await screen.findByRole('alert')).textContent).toContain('有两个窗口都编为 7 号');
    expect(screen.getByRole('button', { name: '保存' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '撤销' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    fireEvent.change(within(await screen.findByRole('group', { name: '41号窗口' })).getByLabelText('所属单位'), { target: { value: 'u-gongan' } });
    // Arrow keys move the focused tile by half a metre.
    const tile = within(editor).getByRole('button', { name: /^41号窗口，公安局/ });
    const before = within(await screen.findByRole('group', { name: '41号窗口' })).getByLabelText('左边距') as HTMLInputElement;
    const x = Number(before.value);
    fireEvent.keyDown(tile, { key: 'ArrowRight' });
    await waitFor(() => expect(Number((within(screen.getByRole('group', { name: '41号窗口' })).getByLabelText('左边距') as HTMLInputElement).value)).toBe(x + 0.5));
    // The tablet's map, drawn from the draft, already has the new window.
    const preview = screen.getByRole('figure');
    expect(within(preview).getByRole('button', { name: /^41号窗口，公安局/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await screen.findByText(/已保存/);
    const setup = await heldSetup(server.url);
    const w41 = setup.roster.windows.find((w) => w.number === '41');
    expect(w41?.unitId).toBe('u-gongan');
    expect(setup.layout.tiles.find((t) => t.windowId === w41?.id)?.x).toBe(x + 0.5);
  });

  it('imports a roster through the server: a bad file refused whole with row numbers, people with findings marked as left', async () => {
    // A finding on s-001 (综合受理窗口): they cannot be dropped from the roster, and their unit keeps a chief.
    const inspector = await signIn(server.url, 'inspector1', 'import-tablet');
    expect((await inspector.push([recorded(inspector)])).results[0]?.status).toBe('accepted');
    await renderAdmin(server.url);
    fireEvent.click(screen.getByRole('button', { name: '单位与人员' }));
    await screen.findByRole('heading', { name: '从 Excel 或 CSV 导入花名册' });
    const before = await heldSetup(server.url);
    const s001 = before.roster.staff.find((s) => s.id === 's-001');
    const chief = before.roster.chiefs.find((c) => c.unitId === 'u-zonghe');
    chooseFile(
      await xlsx([
        ['单位', '姓名', '身份', '窗口号'],
        ['公安局', '赵一', '工作人员', '30'],
        ['不存在的局', '钱二', '工作人员', ''],
        ['公安局', '赵一', '工作人员', ''],
      ]),
    );
    // The server reads the workbook with exceljs: slow on a loaded machine.
    const refused = await screen.findByText(/未导入，有 2 处问题/, {}, { timeout: 90_000 });
    const list = refused.closest('[role="alert"]') as HTMLElement;
    expect(within(list).getByText('第 3 行：单位“不存在的局”不存在（请先在单位表中添加）。')).toBeTruthy();
    expect(within(list).getByText('第 4 行：“公安局”的 赵一 与第 2 行重复。')).toBeTruthy();
    expect(await heldSetup(server.url)).toEqual(before);

    // Without the chief of the unit that has a finding: refused, saying why.
    chooseFile(new File(['单位,姓名,身份,窗口号\n公安局,赵一,工作人员,\n'], 'no-chief.csv', { type: 'text/csv' }));
    expect(await screen.findByText(`“综合受理窗口”的首席代表 ${chief?.name} 负责 1 条记录：可以换人，但不能不设首席代表。`, {}, { timeout: 60_000 })).toBeTruthy();

    chooseFile(new File([`单位,姓名,身份,窗口号\n公安局,赵一,工作人员,\n综合受理窗口,${chief?.name},首席代表,\n`], 'roster.csv', { type: 'text/csv' }));
    await screen.findByText(/可以导入：在岗人员 1 人（其中新增 1 人），首席代表 1 位/, {}, { timeout: 60_000 });
    expect(screen.getByText(/以下 1 人不在文件中但已有记录，将标为离岗（自 \d{4}-\d{2}-\d{2} 起）/)).toBeTruthy();
    expect(screen.getByText(`${s001?.name}（综合受理窗口，1 条记录）`)).toBeTruthy();
    expect(screen.getByText(`另有 ${before.roster.staff.length - 1 + before.roster.chiefs.length - 1} 人不在文件中、也没有任何记录，将从花名册中移除。`)).toBeTruthy();
    expect(await heldSetup(server.url)).toEqual(before);
    fireEvent.click(screen.getByRole('button', { name: '导入并保存' }));
    await screen.findByText('已导入“roster.csv”，1 人标为离岗；各平板下次同步后使用新花名册。', {}, { timeout: 60_000 });
    const after = await heldSetup(server.url);
    expect(after.roster.staff.filter((s) => !s.left).map((s) => s.name)).toEqual(['赵一']);
    expect(after.roster.staff.find((s) => s.id === 's-001')?.left).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(after.roster.chiefs).toEqual([chief]);
  });

  it('refuses a file that is not a roster, naming why', async () => {
    await renderAdmin(server.url);
    fireEvent.click(screen.getByRole('button', { name: '单位与人员' }));
    await screen.findByRole('heading', { name: '从 Excel 或 CSV 导入花名册' });
    chooseFile(new File(['not a spreadsheet'], 'roster.xls'));
    await screen.findByText('“roster.xls”不是 .xlsx 或 .csv 文件（.xls 请在 Excel 中另存为 .xlsx）。');
    chooseFile(new File(['name,unit\n王五,公安局\n'], 'roster.csv', { type: 'text/csv' }));
    await screen.findByText('第 1 行（表头）缺少列：身份。请使用模板。');
    chooseFile(new File(['not a workbook'], 'roster.xlsx'));
    await screen.findByText('“roster.xlsx”不是 Excel 工作簿：请在 Excel 中另存为 .xlsx，或另存为 CSV。');
  });
});

describe('the schemes in force', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await testServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('assigns schemes to levels, checks the schedule with the core, and saves it', async () => {
    await renderAdmin(server.url);
    fireEvent.click(screen.getByRole('button', { name: '考核办法' }));
    const unitScheme = (await screen.findByLabelText('单位的考核办法')) as HTMLSelectElement;
    expect(unitScheme.value).toBe('anshan-stationed-unit');
    const versions = screen.getByRole('region', { name: /鞍山.*版本与生效日期/ });
    // A version from a day that does not start the scheme's month is refused by the core's schedule check.
    fireEvent.change(within(versions).getByLabelText('生效日期'), { target: { value: '2026-07-15' } });
    fireEvent.click(within(versions).getByRole('button', { name: '添加版本' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('2026-07-15 不是月度考核期的第一天');
    expect(alert.textContent).toContain('v1（2026-07-15）早于或等于更早执行的 v1');
    expect(screen.getByRole('button', { name: '保存' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(within(versions).getAllByRole('button', { name: '删除' })[1] as HTMLElement);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    // Windows no longer assessed; staff by 001 罗山 instead of 000.
    fireEvent.change(screen.getByLabelText('窗口的考核办法'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('窗口工作人员的考核办法'), { target: { value: 'luoshan-window-staff' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await screen.findByText(/已保存/);
    const setup = await heldSetup(server.url);
    expect(setup.schemes.map((s) => `${s.subject}:${s.id}@${s.version}`).sort()).toEqual(['staff:luoshan-window-staff@1', 'unit:anshan-stationed-unit@1']);
  });
});
