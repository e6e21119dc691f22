// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../src/core/access/account';
import { INSPECTOR } from '../device/testDb';
import { renderPatrol, storedEvents } from './renderPatrol';

afterEach(cleanup);

const inspector: AccountSummary = { id: INSPECTOR.account.id, name: '张巡查', role: 'inspector', unitIds: [], windowIds: [] };
const committee: AccountSummary = { id: 'acc-committee1', name: '考核小组甲', role: 'committee', unitIds: [], windowIds: [] };

/** 玩手机 at window 1, contested on the inspector's tablet, overturned by the committee on the same device's data. */
async function overturned() {
  const first = await renderPatrol({ account: inspector });
  await first.db.accounts.bulkPut([inspector, committee]);
  await first.device.refreshPulled();
  fireEvent.click(screen.getByRole('button', { name: /^1号窗口，/ }));
  const panel = within(screen.getByRole('dialog'));
  const person = panel.getByRole('group', { name: '在岗人员' }).querySelector('button');
  if (person && person.getAttribute('aria-pressed') !== 'true') fireEvent.click(person);
  fireEvent.click(panel.getAllByRole('button', { name: /^玩手机，/ })[0] as HTMLElement);
  await screen.findByText(/已记录：玩手机/);
  fireEvent.click(panel.getByRole('button', { name: '关闭' }));
  first.clock.advance(5 * 60_000);
  fireEvent.click(screen.getByRole('button', { name: '审阅' }));
  fireEvent.click(await screen.findByRole('button', { name: /^查看记录：玩手机/ }));
  let sheet = within(await screen.findByRole('dialog', { name: '玩手机' }));
  await sheet.findByText(/^可申诉至/);
  fireEvent.click(sheet.getByRole('button', { name: '申诉' }));
  fireEvent.change(sheet.getByLabelText('申诉理由（必填）'), { target: { value: '当时在帮群众取号' } });
  fireEvent.click(sheet.getByRole('button', { name: '提交申诉' }));
  await waitFor(() => expect(sheet.getAllByText('申诉中·待定').length).toBeGreaterThan(0));

  const next = await renderPatrol({ account: committee, db: first.db, at: '2026-03-03T02:00:00Z' });
  await next.device.loadFrom('2026-01-01');
  fireEvent.click(await screen.findByRole('button', { name: /^查看记录：玩手机/ }));
  sheet = within(await screen.findByRole('dialog', { name: '玩手机' }));
  await sheet.findByText(/当时在帮群众取号/, { selector: 'dd' });
  fireEvent.click(sheet.getByRole('button', { name: '裁定' }));
  fireEvent.click(sheet.getByRole('radio', { name: '撤销' }));
  fireEvent.change(sheet.getByLabelText('裁定理由（必填）'), { target: { value: '监控显示在为群众服务' } });
  fireEvent.click(sheet.getByRole('button', { name: '提交裁定' }));
  await waitFor(() => expect(sheet.getAllByText('已撤销').length).toBeGreaterThan(0));
  return { db: first.db, sheet };
}

describe('reopening a decided contest and marking a finding rectified, from finding detail', () => {
  it('a committee member reopens a decided contest with a required reason: pending again, and listed in the history', async () => {
    const { db, sheet } = await overturned();
    // Overturned: nothing to rectify.
    expect(sheet.queryByRole('button', { name: '标记已整改' })).toBeNull();
    fireEvent.click(sheet.getByRole('button', { name: '重新受理' }));
    fireEvent.click(sheet.getByRole('button', { name: '提交重新受理' }));
    expect(sheet.getByRole('alert').textContent).toBe('请写明理由。');
    fireEvent.change(sheet.getByLabelText('重新受理理由（必填）'), { target: { value: '首席代表提交了新的监控录像' } });
    fireEvent.click(sheet.getByRole('button', { name: '提交重新受理' }));
    await waitFor(() => expect(sheet.getAllByText('申诉中·待定').length).toBeGreaterThan(0));
    expect(sheet.getByText(/（待定）$/)).toBeTruthy();
    expect(sheet.queryByRole('button', { name: '重新受理' })).toBeNull();
    expect(sheet.getByRole('button', { name: '裁定' })).toBeTruthy();
    const audit = within(sheet.getByRole('region', { name: '处理记录' }));
    await waitFor(() => expect(audit.getAllByRole('listitem')).toHaveLength(4));
    expect(audit.getAllByRole('listitem')[3]?.textContent).toMatch(/重新受理 · 考核小组甲，设备 device-1 · 首席代表提交了新的监控录像/);
    expect((await storedEvents(db)).find((e) => e.type === 'contest.reopened')).toMatchObject({ actorId: committee.id, reason: '首席代表提交了新的监控录像' });
    expect((await db.outbox.toArray()).filter((o) => o.kind === 'event')).toHaveLength(4);
  });

  it('a finding is marked rectified once, with an optional note, and the detail says when', async () => {
    const { db, sheet } = await overturned();
    fireEvent.click(sheet.getByRole('button', { name: '重新受理' }));
    fireEvent.change(sheet.getByLabelText('重新受理理由（必填）'), { target: { value: '复查' } });
    fireEvent.click(sheet.getByRole('button', { name: '提交重新受理' }));
    await waitFor(() => expect(sheet.getAllByText('申诉中·待定').length).toBeGreaterThan(0));
    fireEvent.click(sheet.getByRole('button', { name: '标记已整改' }));
    fireEvent.change(sheet.getByLabelText('整改情况（可不填）'), { target: { value: '已收起手机，班组长谈话' } });
    fireEvent.click(sheet.getByRole('button', { name: '确认已整改' }));
    await waitFor(() => expect(sheet.getByText("已整改（03/03 10:00）")).toBeTruthy());
    expect(sheet.queryByRole('button', { name: '标记已整改' })).toBeNull();
    const audit = within(sheet.getByRole('region', { name: '处理记录' }));
    await waitFor(() => expect(audit.getAllByRole('listitem').at(-1)?.textContent).toMatch(/整改完成 · 考核小组甲，设备 device-1 · 已收起手机，班组长谈话/));
    expect((await storedEvents(db)).find((e) => e.type === 'finding.rectified')).toMatchObject({ actorId: committee.id, note: '已收起手机，班组长谈话' });
  });
});
