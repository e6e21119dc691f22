// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncHandle } from '../../src/device/sync/syncHandle';
import type { RunningServer } from '../../src/server/startServer';
import { DEMO_HALL_ID, testServer } from '../server/testServer';
import { testDb } from '../device/testDb';
import { renderPatrol } from './renderPatrol';
import { DEMO_ACCOUNTS } from '../../src/server/hall/demoAccounts';

/**
 * The centre administrator (demo `centre`) in the admin area on a real server: their halls side by side, a new hall
 * opened, and the admin screens switched to it and back, each hall's own data on screen.
 */
describe('a centre administrator’s halls', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await testServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('is told which halls to choose from at sign-in, then signs in to one', async () => {
    const sync = syncHandle({ db: testDb(), deviceId: 'centre-pc-1', timeZone: 'Asia/Shanghai', baseUrl: server.url });
    const refused = await sync.signIn('centre', 'demo1234').catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'protocol', problems: [{ kind: 'choose-hall', halls: [{ id: DEMO_HALL_ID, name: '示范政务服务大厅' }] }] });
    expect((await sync.signIn('centre', 'demo1234', DEMO_HALL_ID)).account.role).toBe('admin');
  });

  it('lists the halls with their figures, opens a hall, and switches the admin screens to it and back', async () => {
    const db = testDb();
    const sync = syncHandle({ db, deviceId: 'centre-pc-2', timeZone: 'Asia/Shanghai', baseUrl: server.url });
    const session = await sync.signIn('centre', 'demo1234', DEMO_HALL_ID);
    await renderPatrol({ db, account: session.account, sync });
    const nav = await screen.findByRole('navigation', { name: '管理功能' }, { timeout: 60_000 });
    fireEvent.click(await within(nav).findByRole('button', { name: '各大厅' }, { timeout: 30_000 }));
    const demoRow = (await screen.findByText('demo-hall')).closest('tr') as HTMLElement;
    expect(within(demoRow).getAllByRole('cell').map((c) => c.textContent).slice(1, 6)).toEqual(['Asia/Shanghai', '8', '40', '60', String(DEMO_ACCOUNTS.length)]);

    const form = screen.getByRole('form', { name: '新建大厅' });
    fireEvent.change(within(form).getByLabelText('大厅名称'), { target: { value: '城关镇便民服务中心' } });
    fireEvent.change(within(form).getByLabelText(/大厅编号/), { target: { value: 'Chengguan' } });
    fireEvent.change(within(form).getByLabelText('大厅管理员姓名'), { target: { value: '李管理' } });
    fireEvent.change(within(form).getByLabelText('大厅管理员用户名'), { target: { value: 'admin-chengguan' } });
    fireEvent.change(within(form).getByLabelText(/大厅管理员初始密码/), { target: { value: 'first-pass-1' } });
    fireEvent.click(within(form).getByRole('button', { name: '新建大厅' }));
    // An id with capitals is refused before anything is sent.
    await within(form).findByText('大厅编号须为 2–40 位小写字母、数字或横线。');
    fireEvent.change(within(form).getByLabelText(/大厅编号/), { target: { value: 'chengguan' } });
    fireEvent.click(within(form).getByRole('button', { name: '新建大厅' }));
    await within(form).findByText(/已新建“城关镇便民服务中心”/, {}, { timeout: 30_000 });
    const newRow = (await screen.findByText('chengguan')).closest('tr') as HTMLElement;
    expect(within(newRow).getAllByRole('cell').map((c) => c.textContent).slice(2, 7)).toEqual(['0', '0', '0', '1', '0']);

    fireEvent.click(within(newRow).getByRole('button', { name: '管理城关镇便民服务中心' }));
    await waitFor(() => expect((within(nav).getByLabelText('正在管理') as HTMLSelectElement).value).toBe('chengguan'), { timeout: 30_000 });
    fireEvent.click(within(nav).getByRole('button', { name: '账号' }));
    const accounts = await screen.findByRole('table', {}, { timeout: 30_000 });
    await within(accounts).findByText('admin-chengguan', {}, { timeout: 30_000 });
    expect(within(accounts).queryByText('inspector1')).toBeNull();

    fireEvent.change(within(nav).getByLabelText('正在管理'), { target: { value: DEMO_HALL_ID } });
    await within(await screen.findByRole('table')).findByText('inspector1', {}, { timeout: 30_000 });
    expect(screen.queryByText('admin-chengguan')).toBeNull();
  });
});
