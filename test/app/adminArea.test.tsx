// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncHandle } from '../../src/device/sync/syncHandle';
import type { RunningServer } from '../../src/server/startServer';
import { signIn, testServer } from '../server/testServer';
import { testDb } from '../device/testDb';
import { renderPatrol } from './renderPatrol';

/** The admin area on a real server (in-memory PGlite), signed in through the device as a tablet would. */
async function renderAdmin(url: string) {
  const db = testDb();
  const sync = syncHandle({ db, deviceId: `admin-pc-${Math.random().toString(36).slice(2)}`, timeZone: 'Asia/Shanghai', baseUrl: url });
  const session = await sync.signIn('admin', 'demo1234');
  const view = await renderPatrol({ db, account: session.account, sync });
  // The admin chunk loads on first use: slow on a loaded machine.
  await screen.findByRole('navigation', { name: '管理功能' }, { timeout: 60_000 });
  return view;
}

const login = (url: string, username: string, password: string): Promise<Response> =>
  fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'login', protocol: 1, username, password, deviceId: 'probe', deviceName: 'probe' }),
  });

const adminGet = async (url: string, path: string): Promise<unknown> => {
  const admin = await signIn(url, 'admin', 'probe-admin');
  const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${admin.token}` } });
  return res.json();
};

describe('the admin area', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await testServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('is where an admin lands; creates a chief bound to a unit and an office bound to its office, resets a password, disables and enables', async () => {
    await renderAdmin(server.url);
    expect(screen.getByRole('button', { name: '管理' }).getAttribute('aria-current')).toBe('page');
    const table = await screen.findByRole('table');
    await within(table).findByText('inspector1');

    const form = screen.getByRole('form', { name: '新建账号' });
    fireEvent.change(within(form).getByLabelText('姓名'), { target: { value: '王首席' } });
    fireEvent.change(within(form).getByLabelText('用户名'), { target: { value: 'chief-gongan' } });
    fireEvent.change(within(form).getByLabelText('角色'), { target: { value: 'chief' } });
    fireEvent.change(within(form).getByLabelText('初始密码'), { target: { value: 'first-pass-1' } });
    // A chief without units or windows is refused before anything is sent.
    fireEvent.click(within(form).getByRole('button', { name: '创建账号' }));
    await within(form).findByText('首席代表须绑定至少一个单位或窗口。');
    fireEvent.click(within(form).getByLabelText('公安局'));
    fireEvent.click(within(form).getByRole('button', { name: '创建账号' }));
    await within(form).findByText('已创建账号 chief-gongan。');
    const row = (await within(table).findByText('chief-gongan')).closest('tr');
    if (!row) throw new Error('no row');
    expect(within(row).getByText('公安局')).toBeTruthy();
    expect((await login(server.url, 'chief-gongan', 'first-pass-1')).status).toBe(200);

    // An office account is bound to offices that own ledger items in the hall's schemes (issue 11); none refused first.
    fireEvent.change(within(form).getByLabelText('姓名'), { target: { value: '综合办公室 李' } });
    fireEvent.change(within(form).getByLabelText('用户名'), { target: { value: 'office-li' } });
    fireEvent.change(within(form).getByLabelText('角色'), { target: { value: 'office' } });
    fireEvent.change(within(form).getByLabelText('初始密码'), { target: { value: 'office-pass-1' } });
    fireEvent.click(within(form).getByRole('button', { name: '创建账号' }));
    await within(form).findByText('科室账号须绑定至少一个科室。');
    fireEvent.click(within(form).getByLabelText('综合办公室'));
    fireEvent.click(within(form).getByRole('button', { name: '创建账号' }));
    await within(form).findByText('已创建账号 office-li。');
    const officeRow = (await within(table).findByText('office-li')).closest('tr');
    expect(officeRow && within(officeRow).getByText('综合办公室')).toBeTruthy();
    expect((await login(server.url, 'office-li', 'office-pass-1')).status).toBe(200);

    // A taken user name: the server's refusal in words, nothing made.
    fireEvent.change(within(form).getByLabelText('姓名'), { target: { value: '重复' } });
    fireEvent.change(within(form).getByLabelText('用户名'), { target: { value: 'inspector1' } });
    fireEvent.change(within(form).getByLabelText('初始密码'), { target: { value: 'long-enough' } });
    fireEvent.change(within(form).getByLabelText('角色'), { target: { value: 'inspector' } });
    fireEvent.click(within(form).getByRole('button', { name: '创建账号' }));
    expect((await within(form).findByRole('alert')).textContent).toMatch(/与现有数据冲突.*inspector1/);

    fireEvent.click(within(row).getByRole('button', { name: '重置密码：王首席' }));
    const extra = row.nextElementSibling as HTMLElement;
    fireEvent.change(within(extra).getByLabelText('王首席 的新密码'), { target: { value: 'second-pass-2' } });
    fireEvent.click(within(extra).getByRole('button', { name: '设置新密码' }));
    await within(extra).findByText(/已为 王首席 设置新密码/);
    expect((await login(server.url, 'chief-gongan', 'first-pass-1')).status).toBe(401);
    expect((await login(server.url, 'chief-gongan', 'second-pass-2')).status).toBe(200);

    fireEvent.click(within(row).getByRole('button', { name: '停用：王首席' }));
    await within(row).findByText('已停用');
    expect((await login(server.url, 'chief-gongan', 'second-pass-2')).status).toBe(401);
    fireEvent.click(within(row).getByRole('button', { name: '启用：王首席' }));
    await within(row).findByText('启用');
    expect((await login(server.url, 'chief-gongan', 'second-pass-2')).status).toBe(200);
    // The admin's own row offers no way to lock themselves out.
    const own = (await within(table).findByText('（当前账号）')).closest('tr');
    expect(own && within(own).queryByRole('button', { name: /^停用/ })).toBeNull();
  });

  it('changes a chief’s units and windows; a centre administrator is listed, managed at the centre', async () => {
    await renderAdmin(server.url);
    const table = await screen.findByRole('table');
    const row = (await within(table).findByText('chief-shuiwu')).closest('tr');
    if (!row) throw new Error('no row');
    fireEvent.click(within(row).getByRole('button', { name: /^修改范围：/ }));
    const form = await screen.findByRole('form', { name: /负责的单位和窗口$/ });
    // Nothing ticked: refused before anything is sent.
    fireEvent.click(within(form).getByLabelText('税务局'));
    fireEvent.click(within(form).getByRole('button', { name: '保存范围' }));
    await screen.findByText('首席代表须绑定至少一个单位或窗口。');
    fireEvent.click(within(form).getByLabelText('公安局'));
    fireEvent.click(within(form).getByLabelText('17'));
    fireEvent.click(within(form).getByRole('button', { name: '保存范围' }));
    await screen.findByText(/已更新 .* 负责的单位和窗口。/);
    await within(row).findByText('公安局、17号窗口');
    const accounts = (await adminGet(server.url, '/api/admin/accounts')) as { username: string; unitIds: string[]; windowIds: string[] }[];
    expect(accounts.find((a) => a.username === 'chief-shuiwu')).toMatchObject({ unitIds: ['u-gongan'], windowIds: ['w-17'] });

    const centre = (await within(table).findByText('centre')).closest('tr');
    if (!centre) throw new Error('no centre row');
    expect(within(centre).getByText('中心管理员')).toBeTruthy();
    expect(within(centre).getByText('由中心管理')).toBeTruthy();
    expect(within(centre).queryByRole('button')).toBeNull();
  });

  it('revokes a lost tablet: its sign-in ends at once', async () => {
    const tablet = await signIn(server.url, 'inspector2', 'lost-tablet');
    await renderAdmin(server.url);
    fireEvent.click(screen.getByRole('button', { name: '设备' }));
    fireEvent.click(await screen.findByRole('button', { name: '吊销（设备丢失）：lost-tablet' }));
    const question = await screen.findByRole('alertdialog');
    fireEvent.click(within(question).getByRole('button', { name: '吊销（设备丢失）' }));
    await screen.findByText('已吊销：1 个登录、0 个交接密钥失效。');
    expect((await tablet.post('/api/sync/pull', { type: 'pull', protocol: 1, cursor: null, limit: 1 })).status).toBe(401);
  });

  it('edits the hall: a time zone that does not exist is refused, a name and closed days are saved', async () => {
    await renderAdmin(server.url);
    fireEvent.click(screen.getByRole('button', { name: '大厅信息' }));
    const name = await screen.findByLabelText('大厅名称');
    fireEvent.change(name, { target: { value: '城东便民服务中心' } });
    fireEvent.change(screen.getByLabelText('时区'), { target: { value: 'Asia/Beijing' } });
    expect((await screen.findByRole('alert')).textContent).toContain('“Asia/Beijing”不是有效的时区名');
    expect(screen.getByRole('button', { name: '保存' }).hasAttribute('disabled')).toBe(true);
    fireEvent.change(screen.getByLabelText('时区'), { target: { value: 'Asia/Shanghai' } });
    fireEvent.change(screen.getByLabelText('上午 至'), { target: { value: '07:30' } });
    expect((await screen.findByRole('alert')).textContent).toContain('办公时间有误：上午 08:30–07:30');
    fireEvent.change(screen.getByLabelText('上午 至'), { target: { value: '12:00' } });
    fireEvent.click(screen.getByLabelText('周六'));
    fireEvent.click(screen.getByLabelText('周日'));
    fireEvent.change(screen.getByLabelText('添加日期'), { target: { value: '2026-10-01' } });
    fireEvent.click(screen.getByRole('button', { name: '添加日期' }));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await screen.findByText('已保存');
    const held = (await adminGet(server.url, '/api/admin/hall')) as { setup: { roster: { hall: { name: string } }; closed: unknown; opening: unknown } };
    expect(held.setup.roster.hall.name).toBe('城东便民服务中心');
    expect(held.setup.closed).toEqual({ weekdays: [6, 7], dates: ['2026-10-01'] });
    expect(held.setup.opening).toEqual({ morning: ['08:30', '12:00'], afternoon: ['13:00', '17:00'] });
  });

  it('saves review settings, refusing a number out of range', async () => {
    await renderAdmin(server.url);
    fireEvent.click(screen.getByRole('button', { name: '审阅设置' }));
    const contest = await screen.findByLabelText(/申诉期限/);
    fireEvent.change(contest, { target: { value: '400' } });
    expect((await screen.findByRole('alert')).textContent).toContain('须为 0–365 的整数');
    fireEvent.change(contest, { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await screen.findByText('审阅设置已保存；各平板下次同步后生效。');
    expect(((await adminGet(server.url, '/api/review/settings')) as { contestDays: number }).contestDays).toBe(5);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });
});
