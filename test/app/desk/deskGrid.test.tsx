// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FindingRecorded } from '../../../src/core/events/events';
import { storedEvents } from '../renderPatrol';
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
});
