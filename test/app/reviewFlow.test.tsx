// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../src/core/access/account';
import { INSPECTOR } from '../device/testDb';
import { renderPatrol, storedEvents } from './renderPatrol';

afterEach(cleanup);

const inspector: AccountSummary = { id: INSPECTOR.account.id, name: '张巡查', role: 'inspector', unitIds: [], windowIds: [] };
const committee: AccountSummary = { id: 'acc-committee1', name: '考核小组甲', role: 'committee', unitIds: [], windowIds: [] };
const chief: AccountSummary = { id: 'acc-chief-zonghe', name: '综合首席', role: 'chief', unitIds: ['u-zonghe'], windowIds: [] };

async function recordAtWindow(n: number, item: string): Promise<void> {
  fireEvent.click(screen.getByRole('button', { name: new RegExp(`^${n}号窗口，`) }));
  const panel = within(screen.getByRole('dialog'));
  const person = panel.getByRole('group', { name: '在岗人员' }).querySelector('button');
  if (person && person.getAttribute('aria-pressed') !== 'true') fireEvent.click(person);
  fireEvent.click(panel.getAllByRole('button', { name: new RegExp(`^${item}，`) })[0] as HTMLElement);
  await screen.findByText(new RegExp(`已记录：${item}`));
  fireEvent.click(panel.getByRole('button', { name: '关闭' }));
}

describe('on-site review on the tablet', () => {
  it('a contest needs a reason, turns the points pending, and the committee overturns it with a written reason', async () => {
    const first = await renderPatrol({ account: inspector });
    // What a pull brings: the hall's accounts, so names show instead of ids.
    await first.db.accounts.bulkPut([inspector, committee, chief]);
    await first.device.refreshPulled();
    await recordAtWindow(1, '玩手机');
    first.clock.advance(5 * 60_000);
    fireEvent.click(screen.getByRole('button', { name: '审阅' }));
    fireEvent.click(await screen.findByRole('button', { name: /^查看记录：玩手机/ }));
    const sheet = within(await screen.findByRole('dialog', { name: '玩手机' }));
    expect(await sheet.findByText(/^可申诉至/)).toBeTruthy();
    fireEvent.click(sheet.getByRole('button', { name: '申诉' }));
    fireEvent.click(sheet.getByRole('button', { name: '提交申诉' }));
    expect(sheet.getByRole('alert').textContent).toBe('请写明理由。');
    fireEvent.change(sheet.getByLabelText('申诉理由（必填）'), { target: { value: '当时在帮群众取号' } });
    fireEvent.click(sheet.getByRole('button', { name: '提交申诉' }));
    await waitFor(() => expect(sheet.getAllByText('申诉中·待定').length).toBeGreaterThan(0));
    expect(sheet.getByText(/（待定）$/)).toBeTruthy();
    const contested = (await storedEvents(first.db)).find((e) => e.type === 'finding.contested');
    expect(contested).toMatchObject({ actorId: inspector.id, reason: '当时在帮群众取号', photos: [] });
    expect((await first.db.outbox.toArray()).filter((o) => o.kind === 'event')).toHaveLength(2);

    // The committee, on a device holding the same events, decides.
    const next = await renderPatrol({ account: committee, db: first.db, at: '2026-03-03T02:00:00Z' });
    // As the app does once the first screen is up: the rest of the year.
    await next.device.loadFrom('2026-01-01');
    const queue = await screen.findByRole('heading', { name: '申诉待裁定（1）' });
    expect(queue).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: /^查看记录：玩手机/ }));
    const decide = within(await screen.findByRole('dialog', { name: '玩手机' }));
    // The committee reads the contest's reason in the finding's facts (and again in its history).
    expect(await decide.findByText(/当时在帮群众取号/, { selector: 'dd' })).toBeTruthy();
    fireEvent.click(decide.getByRole('button', { name: '裁定' }));
    fireEvent.click(decide.getByRole('radio', { name: '撤销' }));
    fireEvent.change(decide.getByLabelText('裁定理由（必填）'), { target: { value: '监控显示在为群众服务' } });
    fireEvent.click(decide.getByRole('button', { name: '提交裁定' }));
    await waitFor(() => expect(decide.getAllByText('已撤销').length).toBeGreaterThan(0));
    // The history shows every act, who and on which device.
    const audit = within(decide.getByRole('region', { name: '处理记录' }));
    await waitFor(() => expect(audit.getAllByRole('listitem')).toHaveLength(3));
    expect(audit.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringMatching(/记录 · 张巡查，设备 device-1/),
      expect.stringMatching(/申诉 · 张巡查，设备 device-1 · 当时在帮群众取号/),
      expect.stringMatching(/考核小组裁定 · 考核小组甲，设备 device-1 · 监控显示在为群众服务 · 撤销/),
    ]);
    expect((await storedEvents(first.db)).find((e) => e.type === 'contest.decided')).toMatchObject({ decision: 'overturn', actorId: committee.id });
  });

  it('a chief sees only findings of their unit', async () => {
    const first = await renderPatrol({ account: inspector });
    await recordAtWindow(1, '玩手机');
    await recordAtWindow(30, '玩手机');
    await renderPatrol({ account: chief, db: first.db });
    await screen.findByRole('heading', { name: /^现场审阅/ });
    await waitFor(() => expect(screen.getAllByRole('button', { name: /^查看记录：/ })).toHaveLength(1));
    expect(screen.getByRole('button', { name: /签收违规通知单/ })).toBeTruthy();
  });
});
