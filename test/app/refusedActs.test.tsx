// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderPatrol, storedEvents } from './renderPatrol';
import { chief, committee, inspector, reviewSeed, testPhoto } from './reviewSeed';

beforeEach(() => {
  // jsdom has no object URLs; a stand-in lets a stored photo render as a real <img>.
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:photo', revokeObjectURL: () => undefined }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The open finding sheet of the only finding of an item in the review list (or the committee's queue). */
async function openFinding(item: string): Promise<ReturnType<typeof within>> {
  fireEvent.click(await screen.findByRole('button', { name: new RegExp(`^查看记录：${item}`) }));
  return within(await screen.findByRole('dialog', { name: item }));
}

/** The acts a sheet offers, by their buttons' names. */
function offered(sheet: ReturnType<typeof within>): string[] {
  return within(sheet.getByText('处理记录').closest('.sheet') as HTMLElement)
    .queryAllByRole('button')
    .map((b) => b.textContent ?? '')
    .filter((name) => ['作废', '申诉', '裁定', '重新受理', '标记已整改'].includes(name));
}

describe('each act the core refuses is not offered, and says why', () => {
  it('void: a signed finding offers no 作废 in the log, its sheet says it is signed, and a void raced by a pull names the reason', async () => {
    const seed = await reviewSeed();
    const signed = await seed.record('phone', 'w-05');
    await seed.acknowledge(signed.id);
    const open = await seed.record('phone', 'w-06');
    const app = await renderPatrol({ account: inspector, db: seed.db });
    fireEvent.click(screen.getByRole('button', { name: '今日记录' }));
    const entry = (id: string) => within(document.querySelector(`[data-finding="${id}"]`) as HTMLElement);
    await waitFor(() => expect(entry(signed.id).getByText('已签收')).toBeTruthy());
    expect(entry(signed.id).queryByRole('button', { name: '作废' })).toBeNull();
    expect(entry(open.id).getByRole('button', { name: '作废' })).toBeTruthy();

    fireEvent.click(entry(signed.id).getByRole('button', { name: '详情' }));
    const sheet = within(await screen.findByRole('dialog', { name: '玩手机' }));
    expect(sheet.getByText(/^作废：这条记录已签收.*不能作废。$/)).toBeTruthy();
    expect(offered(sheet)).toEqual(['申诉', '标记已整改']);
    fireEvent.click(sheet.getByRole('button', { name: '关闭' }));

    // A minute later the chief signs the other finding on another tablet; a pull stored it, the log has not re-read it.
    seed.clock.advance(60_000);
    await seed.acknowledge(open.id);
    app.clock.advance(2 * 60_000);
    fireEvent.click(entry(open.id).getByRole('button', { name: '作废' }));
    fireEvent.click(entry(open.id).getByRole('button', { name: '记错事项' }));
    expect((await entry(open.id).findByRole('alert')).textContent).toMatch(/^这条记录已签收.*不能作废。$/);
    expect((await storedEvents(seed.db)).some((e) => e.type === 'finding.voided')).toBe(false);
  });

  it('acknowledge: only a finding not yet signed can be picked for a notice', async () => {
    const seed = await reviewSeed();
    const signed = await seed.record('phone', 'w-05');
    await seed.acknowledge(signed.id);
    await seed.record('desk', 'w-05');
    await renderPatrol({ account: chief, db: seed.db });
    await screen.findByRole('heading', { name: /^现场审阅/ });
    await waitFor(() => expect(screen.getAllByRole('button', { name: /^查看记录：/ })).toHaveLength(2));
    expect(screen.queryByRole('checkbox', { name: '选中：玩手机' })).toBeNull();
    expect(screen.getByRole('checkbox', { name: '选中：台面杂乱' })).toBeTruthy();
  });

  it('contest: after the contest period the sheet offers no 申诉 and says when it ended', async () => {
    const seed = await reviewSeed();
    await seed.record('phone', 'w-05');
    const app = await renderPatrol({ account: chief, db: seed.db, at: '2026-03-20T02:00:00Z' });
    // As the app does once the first screen is up: the rest of the year.
    await app.device.loadFrom('2026-01-01');
    const sheet = await openFinding('玩手机');
    expect(sheet.getByText(/^申诉：申诉期已于 2026-03-09 结束/)).toBeTruthy();
    expect(offered(sheet)).toEqual([]);
  });

  it('reopen: a contest still waiting cannot be reopened (the sheet says so); the chief’s counter-evidence opens full size', async () => {
    const seed = await reviewSeed();
    const f = await seed.record('phone', 'w-05', undefined, [testPhoto('evidence')]);
    await seed.contest(f.id, '当时在帮群众取号', [testPhoto('counter')]);
    const app = await renderPatrol({ account: committee, db: seed.db, at: '2026-03-03T02:00:00Z' });
    // As the app does once the first screen is up: the rest of the year.
    await app.device.loadFrom('2026-01-01');
    await screen.findByRole('heading', { name: '申诉待裁定（1）' });
    const sheet = await openFinding('玩手机');
    expect(sheet.getByText(/^重新受理：这条记录正在申诉中/)).toBeTruthy();
    expect(offered(sheet)).toEqual(['裁定', '标记已整改']);
    const counter = within(await sheet.findByRole('region', { name: '申诉反证' }));
    fireEvent.click(await counter.findByRole('button', { name: '查看大图：反证照片1' }));
    const viewer = await screen.findByRole('dialog', { name: '反证照片1' });
    expect(within(viewer).getByRole('img', { name: '反证照片1' })).toBeTruthy();
    fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: '反证照片1' })).toBeNull());
    const evidence = within(sheet.getByRole('region', { name: '证据照片' }));
    fireEvent.click(await evidence.findByRole('button', { name: '查看大图：照片1' }));
    expect(await screen.findByRole('dialog', { name: '照片1' })).toBeTruthy();
  });

  it('decide: a decided contest moves to 已裁定, offers no 裁定 and says it was decided; reopening is offered', async () => {
    const seed = await reviewSeed();
    const f = await seed.record('phone', 'w-05');
    await seed.contest(f.id, '当时在帮群众取号');
    seed.clock.advance(60 * 60_000);
    await seed.decide(f.id, 'uphold', '监控显示在玩手机');
    const app = await renderPatrol({ account: committee, db: seed.db, at: '2026-03-03T02:00:00Z' });
    // As the app does once the first screen is up: the rest of the year.
    await app.device.loadFrom('2026-01-01');
    await screen.findByRole('heading', { name: '申诉待裁定（0）' });
    const decided = within((await screen.findByRole('heading', { name: '已裁定（1）' })).closest('section') as HTMLElement);
    expect(decided.getByText(/监控显示在玩手机/)).toBeTruthy();
    const sheet = await openFinding('玩手机');
    expect(sheet.getByText(/^裁定：这条记录已维持/)).toBeTruthy();
    expect(offered(sheet)).toEqual(['重新受理', '标记已整改']);
  });

  it('rectify: a finding marked rectified is not marked again, and the sheet says when it was', async () => {
    const seed = await reviewSeed();
    const f = await seed.record('phone', 'w-05');
    await seed.rectify(f.id);
    await renderPatrol({ account: inspector, db: seed.db });
    fireEvent.click(screen.getByRole('button', { name: '审阅' }));
    const sheet = await openFinding('玩手机');
    expect(sheet.getByText(/^标记已整改：已于 03\/02 10:00 标记整改完成。$/)).toBeTruthy();
    expect(offered(sheet)).toEqual(['申诉']);
  });
});
