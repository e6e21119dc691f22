// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncHandle } from '../../src/device/sync/syncHandle';
import type { RunningServer } from '../../src/server/startServer';
import { anshanV2, brokenAnshanV2 } from '../fixtures/anshanVersions';
import { recorded, signIn, testServer } from '../server/testServer';
import { testDb } from '../device/testDb';
import { renderPatrol } from './renderPatrol';

async function renderAdmin(url: string) {
  const db = testDb();
  const sync = syncHandle({ db, deviceId: `admin-pc-${Math.random().toString(36).slice(2)}`, timeZone: 'Asia/Shanghai', baseUrl: url });
  const session = await sync.signIn('admin', 'demo1234');
  const view = await renderPatrol({ db, account: session.account, sync });
  await screen.findByRole('navigation', { name: '管理功能' }, { timeout: 60_000 });
  return view;
}

const chooseFile = (section: HTMLElement, file: File): void => {
  const input = section.querySelector('input[type="file"]');
  if (!input) throw new Error('no file input');
  fireEvent.change(input, { target: { files: [file] } });
};

/** The 10th of last month, 10:00 in Shanghai (the what-if scores last month by default). */
function lastMonthDay(): string {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const y = now.getUTCMonth() === 0 ? now.getUTCFullYear() - 1 : now.getUTCFullYear();
  const m = now.getUTCMonth() === 0 ? 12 : now.getUTCMonth();
  return `${y}-${String(m).padStart(2, '0')}-10T10:00:00+08:00`;
}

describe('scheme files and the what-if of a new version', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await testServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('refuses a file that does not validate with its errors inline, takes a new version, and shows last month under it', async () => {
    const held = async (): Promise<number[]> => {
      const admin = await signIn(server.url, 'admin', 'probe-admin');
      const res = await fetch(`${server.url}/api/admin/schemes`, { headers: { authorization: `Bearer ${admin.token}` } });
      return ((await res.json()) as { held: { id: string; version: number }[] }).held.filter((h) => h.id === 'anshan-stationed-unit').map((h) => h.version);
    };
    // Last month the 综合受理窗口 unit (window 1) was late once under v1 (2 points; v2 makes it 3).
    const inspector = await signIn(server.url, 'inspector1', 'probe-inspector');
    const at = lastMonthDay();
    const pushed = await inspector.push([recorded(inspector, { schemeId: 'anshan-stationed-unit', itemId: 'chidao-zaotui', at, observedAt: at, staffId: 's-001' })]);
    expect(pushed.results[0]?.status).toBe('accepted');

    await renderAdmin(server.url);
    fireEvent.click(screen.getByRole('button', { name: '考核办法' }));
    const upload = await screen.findByRole('region', { name: '上传考核办法文件' });
    chooseFile(upload, new File([brokenAnshanV2()], 'anshan-v2.yaml', { type: 'application/yaml' }));
    const refused = await within(upload).findByRole('alert', {}, { timeout: 30_000 });
    expect(refused.textContent).toContain('文件“anshan-v2.yaml”未通过校验，有 1 处错误，没有做任何更改');
    const row = within(refused).getAllByRole('row')[1] as HTMLElement;
    const cells = within(row).getAllByRole('cell').map((c) => c.textContent);
    expect(cells.slice(0, 4)).toEqual(['anshan-v2.yaml', '147', 'chidao-zaotui', 'items.0.rule.kind']);
    expect(cells[5]).toContain('a rule with a known kind');
    expect(await held()).toEqual([1]);

    chooseFile(upload, new File([anshanV2()], 'anshan-v2.yaml', { type: 'application/yaml' }));
    await within(upload).findByText(/已上传“鞍山市.*” v2（33 个项目）/, {}, { timeout: 30_000 });
    expect(within(upload).queryByRole('alert')).toBeNull();
    expect(await held()).toEqual([1, 2]);

    // The same version again is never replaced.
    chooseFile(upload, new File([anshanV2()], 'anshan-v2.yaml', { type: 'application/yaml' }));
    expect((await within(upload).findByRole('alert', {}, { timeout: 30_000 })).textContent).toMatch(/与现有数据冲突.*never replaced/);

    const versions = await screen.findByRole('region', { name: /鞍山.*版本与生效日期/ });
    expect((within(versions).getByLabelText('试算版本') as HTMLSelectElement).value).toBe('2');
    fireEvent.click(within(versions).getByRole('button', { name: '试算上月' }));
    const table = await within(versions).findByRole('table', { name: '上月结果：实际与按 v2 试算' }, { timeout: 30_000 });
    expect(within(versions).getByText(/：实际按 v1 计分（期初执行的版本），右侧为按 v2 试算。/)).toBeTruthy();
    const first = within(table).getAllByRole('row')[1] as HTMLElement;
    const line = within(first).getAllByRole('cell').map((c) => c.textContent);
    expect(line[0]).toContain('综合受理窗口');
    expect(line[3]).toBe('−1');
    expect(line[4]).toBe('迟到早退：−2 → −3');
  });
});
