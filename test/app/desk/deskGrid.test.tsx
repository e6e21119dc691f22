// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ulid } from 'ulid';
import { afterEach, describe, expect, it } from 'vitest';
import type { FindingRecorded } from '../../../src/core/events/events';
import { commitWrite } from '../../../src/device/commitWrite';
import { recordedEvent } from '../../../src/device/recordFinding';
import { storedEvents } from '../renderPatrol';
import { testDb } from '../../device/testDb';
import { OFFICE, openDesk } from './openDesk';

afterEach(cleanup);

/** Generous waits: the desk's first load (its chunk, 60 rows of the grid) and a save take seconds on a loaded 2-core machine. */
const slow = { timeout: 30_000 };

describe('the office desk: the month’s ledger items as a grid of subjects × items', () => {
  it('opens on the desk with the office’s ledger items only, one row per person', async () => {
    const { grid, hall } = await openDesk();
    expect(screen.getByRole('button', { name: '台账录入', current: 'page' })).toBeTruthy();
    const headers = within(grid).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toContain('请假');
    expect(headers).toContain('被服务对象投诉');
    // 玩手机 is a patrol item (大厅运行室), 退补件比例超标 a ledger item of 业务管理室: neither is this office's.
    expect(headers).not.toContain('玩手机');
    expect(headers).not.toContain('退补件比例超标');
    expect(within(grid).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(hall.roster.staff.map((s) => s.name));
  });

  it('records a value as the account’s finding with its source, dated in the month, and shows it in the cell', async () => {
    const { grid, db, hall } = await openDesk();
    const person = hall.roster.staff[0];
    if (!person) throw new Error('roster');
    fireEvent.click(within(grid).getByRole('button', { name: `${person.name}，请假：未录入` }));
    const form = await screen.findByRole('dialog', { name: `录入：请假 · ${person.name}` });
    fireEvent.change(within(form).getByLabelText(/数值/), { target: { value: '3' } });
    fireEvent.change(within(form).getByLabelText('来源凭证'), { target: { value: '考勤月报 2026-03 第1页' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    expect(await screen.findByText('已录入 1 条。', {}, slow)).toBeTruthy();
    await waitFor(() => expect(within(grid).getByRole('button', { name: `${person.name}，请假：3天` })).toBeTruthy(), slow);
    const [e] = (await storedEvents(db)) as FindingRecorded[];
    expect(e).toMatchObject({
      type: 'finding.recorded',
      actorId: OFFICE.id,
      schemeId: 'kunqu-window-staff',
      itemId: 'leave-days',
      staffId: person.id,
      inputs: { quantity: 3 },
      sourceRef: '考勤月报 2026-03 第1页',
      observedAt: '2026-03-31T04:00:00.000Z',
    });
    expect(await db.outbox.count()).toBe(1);
  });

  it('refuses a value out of the item’s range and an entry without its source, keeping what was typed', async () => {
    const { grid, db, hall } = await openDesk();
    const person = hall.roster.staff[1];
    if (!person) throw new Error('roster');
    fireEvent.click(within(grid).getByRole('button', { name: `${person.name}，旷工：未录入` }));
    const form = await screen.findByRole('dialog');
    const value = within(form).getByLabelText(/数值/);
    fireEvent.change(value, { target: { value: '0.2' } });
    fireEvent.change(within(form).getByLabelText('来源凭证'), { target: { value: '考勤月报' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    expect((await within(form).findByRole('alert', {}, slow)).textContent).toBe('不能小于 0.5。');
    fireEvent.change(value, { target: { value: '1' } });
    fireEvent.change(within(form).getByLabelText('来源凭证'), { target: { value: ' ' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(within(form).getByRole('alert').textContent).toBe('缺少来源凭证。'), slow);
    expect((value as HTMLInputElement).value).toBe('1');
    expect(await db.events.count()).toBe(0);
  });

  it('records a count as that many findings (投诉 twice), with the photo attached to the first', async () => {
    const { grid, db, hall } = await openDesk();
    const person = hall.roster.staff[2];
    if (!person) throw new Error('roster');
    fireEvent.click(within(grid).getByRole('button', { name: `${person.name}，被服务对象投诉：未录入` }));
    const form = await screen.findByRole('dialog');
    fireEvent.change(within(form).getByLabelText(/数值/), { target: { value: '2' } });
    fireEvent.change(within(form).getByLabelText('来源凭证'), { target: { value: '12345-2026-03-3017' } });
    fireEvent.change(within(form).getByLabelText('附件（照片）'), { target: { files: [new File(['complaint-page'], 'page.jpg', { type: 'image/jpeg' })] } });
    await within(form).findByRole('img', {}, slow);
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    expect(await screen.findByText('已录入 2 条。', {}, slow)).toBeTruthy();
    const events = (await storedEvents(db)) as FindingRecorded[];
    expect(events.map((e) => [e.itemId, e.photos.length])).toEqual([
      ['complaint', 1],
      ['complaint', 0],
    ]);
    expect(await db.photos.count()).toBe(1);
  });

  it('voids the office’s own entry with a reason (the cell empties), and says why another account’s entry is not its to void', async () => {
    const db = testDb();
    // Another office account of 综合办公室 entered 请假 for the fourth person from its own laptop.
    const other = recordedEvent(
      { schemeId: 'kunqu-window-staff', schemeVersion: 1, itemId: 'leave-days', staffId: 's-004', inputs: { quantity: 2 }, sourceRef: '考勤月报 第2页', observedAt: '2026-03-20T02:00:00.000Z', photos: [] },
      { actorId: 'acc-office-other', deviceId: 'laptop-2', at: '2026-04-01T02:00:00.000Z', newId: () => ulid(Date.parse('2026-04-01T02:00:00.000Z')) },
    );
    await commitWrite(db, [other], [], 'Asia/Shanghai');
    const { grid, hall } = await openDesk({ db });
    const mine = hall.roster.staff[0];
    const theirs = hall.roster.staff.find((s) => s.id === 's-004');
    if (!mine || !theirs) throw new Error('roster');

    fireEvent.click(within(grid).getByRole('button', { name: `${mine.name}，请假：未录入` }));
    const form = await screen.findByRole('dialog', { name: `录入：请假 · ${mine.name}` });
    fireEvent.change(within(form).getByLabelText(/数值/), { target: { value: '1.5' } });
    fireEvent.change(within(form).getByLabelText('来源凭证'), { target: { value: '考勤月报 第1页' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(within(grid).getByRole('button', { name: `${mine.name}，请假：1.5天` })).toBeTruthy(), slow);

    fireEvent.click(within(grid).getByRole('button', { name: `${mine.name}，请假：1.5天` }));
    const again = await screen.findByRole('dialog', { name: `录入：请假 · ${mine.name}` });
    const entries = within(again).getByRole('region', { name: '本月已录入' });
    within(entries).getByRole('listitem', { name: '2026-03-31 · 1.5 天 · 考勤月报 第1页' });
    fireEvent.click(within(entries).getByRole('button', { name: '作废：2026-03-31 · 1.5 天 · 考勤月报 第1页' }));
    fireEvent.click(within(within(entries).getByRole('group', { name: '作废原因' })).getByRole('button', { name: '记错人员' }));
    await waitFor(() => expect(within(grid).getByRole('button', { name: `${mine.name}，请假：未录入` })).toBeTruthy(), slow);
    const voided = (await storedEvents(db)).filter((e) => e.type === 'finding.voided');
    expect(voided).toEqual([expect.objectContaining({ actorId: OFFICE.id, code: 'wrong-person' })]);

    // Another cell opens its own form (nothing typed is carried over).
    fireEvent.click(within(grid).getByRole('button', { name: `${theirs.name}，请假：2天` }));
    const theirsForm = await screen.findByRole('dialog', { name: `录入：请假 · ${theirs.name}` });
    const row = within(theirsForm).getByRole('listitem', { name: '2026-03-20 · 2 天 · 考勤月报 第2页' });
    expect(within(row).queryByRole('button', { name: /作废/ })).toBeNull();
    expect(row.textContent).toContain('录入人：acc-office-other');
    expect(row.textContent).toContain('不能作废：只有记录人（acc-office-other）可以作废这条记录。');
  });
});
