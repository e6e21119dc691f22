// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContestDecided } from '../../src/core/events/events';
import type { FindingInputs } from '../../src/core/scheme/inputsSchema';
import { renderPatrol, storedEvents } from './renderPatrol';
import { committee, inspector, reviewSeed } from './reviewSeed';

afterEach(cleanup);

type Sheet = ReturnType<typeof within>;

/** A finding of `itemId` at window 5 with these inputs, contested by the chief; the committee opens it to decide. */
async function contested(itemId: string, name: string, inputs?: FindingInputs) {
  const seed = await reviewSeed();
  const f = await seed.record(itemId, 'w-05', inputs);
  await seed.contest(f.id, '情况有出入');
  const app = await renderPatrol({ account: committee, db: seed.db, at: '2026-03-03T02:00:00Z' });
  await app.device.loadFrom('2026-01-01');
  fireEvent.click(await screen.findByRole('button', { name: new RegExp(`^查看记录：${name}`) }));
  const sheet = within(await screen.findByRole('dialog', { name }));
  fireEvent.click(sheet.getByRole('button', { name: '裁定' }));
  return { seed, sheet, findingId: f.id };
}

/** Choose 改判 with a reason, let `fill` enter the amendment, submit; the stored decision once the sheet shows it. */
async function amend(sheet: Sheet, db: Awaited<ReturnType<typeof reviewSeed>>['db'], fill: () => void): Promise<ContestDecided | undefined> {
  fireEvent.click(sheet.getByRole('radio', { name: '改判' }));
  fireEvent.change(sheet.getByLabelText('裁定理由（必填）'), { target: { value: '按监控核实' } });
  fill();
  fireEvent.click(sheet.getByRole('button', { name: '提交裁定' }));
  await waitFor(() => expect(sheet.getAllByText('已改判').length).toBeGreaterThan(0));
  return (await storedEvents(db)).find((e): e is ContestDecided => e.type === 'contest.decided');
}

describe('the committee amends every rule shape', () => {
  it('nothing is chosen for it: a decision must be picked, and a reason written, each said beside its field', async () => {
    const { sheet, seed } = await contested('phone', '玩手机');
    expect(sheet.getAllByRole('radio').filter((r) => r.getAttribute('aria-checked') === 'true')).toHaveLength(0);
    fireEvent.click(sheet.getByRole('button', { name: '提交裁定' }));
    expect(sheet.getByText('请选择裁定结果。')).toBeTruthy();
    expect(sheet.getByText('请写明理由。')).toBeTruthy();
    fireEvent.click(sheet.getByRole('radio', { name: '维持' }));
    expect(sheet.queryByText('请选择裁定结果。')).toBeNull();
    fireEvent.change(sheet.getByLabelText('裁定理由（必填）'), { target: { value: '监控属实' } });
    expect(sheet.queryByText('请写明理由。')).toBeNull();
    // The same fixed item has nothing to change: an amendment must name another item.
    fireEvent.click(sheet.getByRole('radio', { name: '改判' }));
    fireEvent.click(sheet.getByRole('button', { name: '提交裁定' }));
    expect(sheet.getByText('原事项没有可改的数值，请选择其他事项。')).toBeTruthy();
    expect((await storedEvents(seed.db)).some((e) => e.type === 'contest.decided')).toBe(false);
  });

  it('tiers: new minutes late, with what was recorded beside the field', async () => {
    const { sheet, seed } = await contested('late', '迟到', { quantity: 45 });
    const decided = await amend(sheet, seed.db, () => {
      expect(sheet.getByText('原记录：45 分钟')).toBeTruthy();
      fireEvent.change(sheet.getByLabelText('迟到时长'), { target: { value: '20' } });
    });
    expect(decided?.amended).toEqual({ inputs: { quantity: 20 } });
    await waitFor(() => expect(sheet.getByText('−0.5')).toBeTruthy());
  });

  it('perUnit: new days, refused beside the field while out of range and accepted once in range', async () => {
    const { sheet, seed } = await contested('absent-days', '旷工', { quantity: 3 });
    const decided = await amend(sheet, seed.db, () => {
      fireEvent.change(sheet.getByLabelText('旷工天数'), { target: { value: '40' } });
      fireEvent.click(sheet.getByRole('button', { name: '提交裁定' }));
      expect(sheet.getByText('不能大于 31')).toBeTruthy();
      fireEvent.change(sheet.getByLabelText('旷工天数'), { target: { value: '1' } });
      expect(sheet.queryByText('不能大于 31')).toBeNull();
    });
    expect(decided?.amended).toEqual({ inputs: { quantity: 1 } });
    await waitFor(() => expect(sheet.getByText('−2')).toBeTruthy());
  });

  it('range: a new amount', async () => {
    const { sheet, seed } = await contested('attitude', '服务态度差', { amount: 3 });
    const decided = await amend(sheet, seed.db, () => fireEvent.click(sheet.getByRole('radio', { name: '1.5' })));
    expect(decided?.amended).toEqual({ inputs: { amount: 1.5 } });
  });

  it('ratio: a new percentage', async () => {
    const { sheet, seed } = await contested('wait-ratio', '超时等候', { quantity: 20 });
    const decided = await amend(sheet, seed.db, () => fireEvent.change(sheet.getByLabelText('超时等候比例'), { target: { value: '15' } }));
    expect(decided?.amended).toEqual({ inputs: { quantity: 15 } });
    await waitFor(() => expect(sheet.getByText('−2.5')).toBeTruthy());
  });

  it('levels: another item with a level', async () => {
    const { sheet, seed } = await contested('phone', '玩手机');
    const decided = await amend(sheet, seed.db, () => {
      fireEvent.change(sheet.getByLabelText('改判事项'), { target: { value: 'praise' } });
      fireEvent.click(sheet.getByRole('radio', { name: '市级 1' }));
    });
    expect(decided?.amended).toEqual({ itemId: 'praise', inputs: { level: 'city' } });
  });

  it('another item without inputs; the inspector’s log then shows the amended item and its points, as the sheet does', async () => {
    const { sheet, seed, findingId } = await contested('phone', '玩手机');
    const decided = await amend(sheet, seed.db, () => fireEvent.change(sheet.getByLabelText('改判事项'), { target: { value: 'unit-empty' } }));
    expect(decided?.amended).toEqual({ itemId: 'unit-empty' });
    // The inspector's tablet, later that day (today's log), holding the same events.
    await renderPatrol({ account: inspector, db: seed.db, at: '2026-03-02T09:00:00Z' });
    fireEvent.click(screen.getByRole('button', { name: '今日记录' }));
    const entry = within(
      await waitFor(() => {
        const el = document.querySelector<HTMLElement>(`[data-finding="${findingId}"]`);
        if (!el) throw new Error('the finding is not in the log yet');
        return el;
      }),
    );
    await waitFor(() => expect(entry.getByText('空岗')).toBeTruthy());
    expect(entry.getByText('−3')).toBeTruthy();
    expect(entry.getByText('已改判')).toBeTruthy();
    expect(entry.queryByText('玩手机')).toBeNull();
  });
});
