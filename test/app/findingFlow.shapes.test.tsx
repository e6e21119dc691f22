// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/react';
import { renderPatrol, storedEvents } from './renderPatrol';

afterEach(cleanup);

/** Tap a window on the map (by its number). */
function tapWindow(n: number): void {
  fireEvent.click(screen.getByRole('button', { name: new RegExp(`^${n}号窗口，`) }));
}
function tapItem(name: string): void {
  fireEvent.click(within(screen.getByRole('dialog')).getAllByRole('button', { name: new RegExp(`^${name}，`) })[0] as HTMLElement);
}
function tapPerson(name: string): void {
  fireEvent.click(within(screen.getByRole('group', { name: '在岗人员' })).getByRole('button', { name }));
}

describe('recording a finding, for every rule shape', () => {
  it('fixed, person item at a one-person window: tap the window, tap the item, saved', async () => {
    const { db, hall } = await renderPatrol();
    const person = hall.roster.staff.find((s) => s.windowId === 'w-05');
    tapWindow(5);
    tapItem('玩手机');
    expect(await screen.findByText(`已记录：玩手机 · ${person?.name}`)).toBeTruthy();
    const [event] = await storedEvents(db);
    expect(event).toMatchObject({ type: 'finding.recorded', itemId: 'phone', staffId: person?.id, windowId: 'w-05', schemeId: 'patrol-shapes', schemeVersion: 1 });
    expect(event && 'inputs' in event ? event.inputs : undefined).toBeUndefined();
    expect(await db.outbox.count()).toBe(1);
    await waitFor(() => expect(screen.getByRole('button', { name: /^5号窗口，.*今日1条记录，今日已巡查/ })).toBeTruthy());
  });

  it('fixed at a two-person window asks who; choosing the person first makes it one tap', async () => {
    const { db, hall } = await renderPatrol();
    const [a, b] = hall.roster.staff.filter((s) => s.windowId === 'w-01');
    tapWindow(1);
    tapItem('玩手机');
    const form = screen.getByRole('region', { name: '记录：玩手机' });
    expect(within(form).getByText('请选择人员')).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: b?.name ?? '' }));
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    expect(await screen.findByText(`已记录：玩手机 · ${b?.name}`)).toBeTruthy();
    tapPerson(a?.name ?? '');
    tapItem('玩手机');
    expect(await screen.findByText(`已记录：玩手机 · ${a?.name}`)).toBeTruthy();
    expect((await storedEvents(db)).map((e) => (e.type === 'finding.recorded' ? e.staffId : ''))).toEqual([b?.id, a?.id]);
  });

  it('tiers asks for the minutes late, previews the tier, and records the quantity', async () => {
    const { db } = await renderPatrol();
    tapWindow(5);
    tapItem('迟到');
    const input = screen.getByLabelText('迟到时长');
    expect(screen.getByText('分钟')).toBeTruthy();
    fireEvent.change(input, { target: { value: '45' } });
    expect(screen.getByText(/本条 −1 分 半小时至1小时/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText(/已记录：迟到/)).toBeTruthy();
    expect((await storedEvents(db))[0]).toMatchObject({ itemId: 'late', inputs: { quantity: 45 } });
  });

  it('tiers refuses a missing or fractional quantity and saves nothing', async () => {
    const { db } = await renderPatrol();
    tapWindow(5);
    tapItem('迟到');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('请填写')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('迟到时长'), { target: { value: '2.5' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('请输入整数')).toBeTruthy();
    expect(await db.events.count()).toBe(0);
  });

  it('perUnit asks for days', async () => {
    const { db } = await renderPatrol();
    tapWindow(5);
    tapItem('旷工');
    fireEvent.change(screen.getByLabelText('旷工天数'), { target: { value: '2' } });
    expect(screen.getByText('天')).toBeTruthy();
    expect(screen.getByText(/本条 −4 分/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await screen.findByText(/已记录：旷工/);
    expect((await storedEvents(db))[0]).toMatchObject({ itemId: 'absent-days', inputs: { quantity: 2 } });
  });

  it('perUnit keeps the quantity within the item range', async () => {
    const { db } = await renderPatrol();
    tapWindow(5);
    tapItem('旷工');
    fireEvent.change(screen.getByLabelText('旷工天数'), { target: { value: '40' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('不能大于 31')).toBeTruthy();
    expect(await db.events.count()).toBe(0);
  });

  it('range offers the amounts of the item range on its step', async () => {
    const { db } = await renderPatrol();
    tapWindow(5);
    tapItem('服务态度差');
    const group = screen.getByRole('radiogroup', { name: /扣\/加分（1–3）/ });
    expect(within(group).getAllByRole('radio').map((r) => r.textContent)).toEqual(['1', '1.5', '2', '2.5', '3']);
    fireEvent.click(within(group).getByRole('radio', { name: '2.5' }));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await screen.findByText(/已记录：服务态度差/);
    expect((await storedEvents(db))[0]).toMatchObject({ itemId: 'attitude', inputs: { amount: 2.5 } });
  });

  it('levels (a positive item, 表扬) asks for the level', async () => {
    const { db } = await renderPatrol();
    tapWindow(5);
    tapItem('表扬');
    fireEvent.click(screen.getByRole('radio', { name: '省级 2' }));
    expect(screen.getByText(/本条 \+2 分 省级/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await screen.findByText(/已记录：表扬/);
    expect((await storedEvents(db))[0]).toMatchObject({ itemId: 'praise', inputs: { level: 'province' } });
  });

  it('a positive fixed item (锦旗) saves on the tap like any other', async () => {
    const { db } = await renderPatrol();
    tapWindow(5);
    const banner = screen.getByRole('button', { name: /^锦旗，\+2分，记入人员/ });
    fireEvent.click(banner);
    await screen.findByText(/已记录：锦旗/);
    expect((await storedEvents(db))[0]).toMatchObject({ itemId: 'banner' });
  });

  it('allowance without a quantity counts occurrences (no input); with one it asks for it', async () => {
    const { db } = await renderPatrol();
    tapWindow(5);
    tapItem('中途离岗');
    await screen.findByText(/已记录：中途离岗/);
    tapItem('中途请假');
    fireEvent.change(screen.getByLabelText('请假时长'), { target: { value: '3' } });
    expect(screen.getByText('按本月累计计分，见得分说明。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await screen.findByText(/已记录：中途请假/);
    const events = await storedEvents(db);
    expect(events.map((e) => (e.type === 'finding.recorded' ? [e.itemId, e.inputs] : []))).toEqual([
      ['leave-count', undefined],
      ['leave-hours', { quantity: 3 }],
    ]);
  });

  it('escalation (a window item) needs no person and no input', async () => {
    const { db } = await renderPatrol();
    tapWindow(1);
    tapItem('台面杂乱');
    expect(await screen.findByText('已记录：台面杂乱 · 1号窗口')).toBeTruthy();
    const [event] = await storedEvents(db);
    expect(event).toMatchObject({ itemId: 'desk', windowId: 'w-01' });
    expect(event && 'staffId' in event).toBe(false);
  });

  it('ratio (a window item) asks for the percent', async () => {
    const { db } = await renderPatrol();
    tapWindow(1);
    tapItem('超时等候');
    fireEvent.change(screen.getByLabelText('超时等候比例'), { target: { value: '14' } });
    expect(screen.getByText(/本条 −2 分/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await screen.findByText(/已记录：超时等候/);
    expect((await storedEvents(db))[0]).toMatchObject({ itemId: 'wait-ratio', inputs: { quantity: 14 } });
  });

  it('unit and chief items are charged through the window’s unit', async () => {
    const { db, hall } = await renderPatrol();
    const unit = hall.roster.units.find((u) => u.id === 'u-zonghe');
    const chief = hall.roster.chiefs.find((c) => c.unitId === 'u-zonghe');
    tapWindow(1);
    tapItem('空岗');
    expect(await screen.findByText(`已记录：空岗 · ${unit?.name}`)).toBeTruthy();
    tapItem('首席代表未到岗');
    expect(await screen.findByText(`已记录：首席代表未到岗 · ${chief?.name}`)).toBeTruthy();
    const events = await storedEvents(db);
    expect(events.map((e) => (e.type === 'finding.recorded' ? [e.itemId, e.unitId, e.windowId, e.staffId] : []))).toEqual([
      ['unit-empty', 'u-zonghe', 'w-01', undefined],
      ['chief-absent', 'u-zonghe', 'w-01', undefined],
    ]);
  });

  it('offers patrol items and positive items, never ledger-only deductions', async () => {
    await renderPatrol();
    tapWindow(5);
    expect(screen.queryByRole('button', { name: /^被投诉，/ })).toBeNull();
    expect(screen.getByRole('region', { name: '人员 · 工作纪律' })).toBeTruthy();
    expect(screen.getByRole('region', { name: '人员 · 加分' })).toBeTruthy();
  });
});
