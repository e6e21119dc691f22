// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderPatrol, storedEvents } from './renderPatrol';

afterEach(cleanup);

function tapWindow(n: number): void {
  fireEvent.click(screen.getByRole('button', { name: new RegExp(`^${n}号窗口，`) }));
}
function tapItem(name: string): void {
  fireEvent.click(within(screen.getByRole('dialog')).getAllByRole('button', { name: new RegExp(`^${name}，`) })[0] as HTMLElement);
}

describe('evidence, undo and a full disk', () => {
  it('a photo and a note taken first are saved with the finding, photo blob and outbox rows in the same write', async () => {
    const { db } = await renderPatrol();
    tapWindow(5);
    const file = new File(['photo-1'], 'IMG_0001.jpg', { type: 'image/jpeg' });
    fireEvent.change(screen.getByLabelText('拍照'), { target: { files: [file] } });
    expect(await screen.findByRole('img', { name: '照片1' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('备注'), { target: { value: '低头看手机约5分钟' } });
    tapItem('玩手机');
    await screen.findByText(/已记录：玩手机/);
    const [event] = await storedEvents(db);
    expect(event).toMatchObject({ photos: ['hash-photo-1'], note: '低头看手机约5分钟' });
    // (jsdom's Blob does not survive fake-indexeddb's structured clone; the browser test checks the bytes.)
    expect(await db.photos.get('hash-photo-1')).toMatchObject({ hash: 'hash-photo-1', bytes: 7, type: 'image/jpeg' });
    expect((await db.outbox.toArray()).map((o) => o.kind)).toEqual(['event', 'photo']);
    // The evidence belonged to that finding: the next one starts clean.
    expect(screen.queryByRole('img', { name: '照片1' })).toBeNull();
    expect((screen.getByLabelText('备注') as HTMLInputElement).value).toBe('');
  });

  it('undo voids the finding with a new event; the log shows it voided', async () => {
    const { db } = await renderPatrol();
    tapWindow(5);
    tapItem('玩手机');
    await screen.findByText(/已记录：玩手机/);
    fireEvent.click(screen.getByRole('button', { name: '撤销' }));
    await waitFor(async () => expect(await db.events.count()).toBe(2));
    const [recorded, voided] = await storedEvents(db);
    expect(voided).toMatchObject({ type: 'finding.voided', findingId: recorded?.findingId, actorId: 'inspector-1' });
    expect((await db.outbox.toArray()).map((o) => (o.kind === 'event' ? o.event.type : o.kind))).toEqual(['finding.recorded', 'finding.voided']);
    fireEvent.click(screen.getByRole('button', { name: '关闭' }));
    fireEvent.click(screen.getByRole('button', { name: '今日记录' }));
    expect(await screen.findByText('今日记录（有效 0 条）')).toBeTruthy();
    expect(screen.getByText('已作废')).toBeTruthy();
  });

  it('the log voids an own finding with a reason, stored as a code and worded in the screen’s language', async () => {
    const { db } = await renderPatrol();
    tapWindow(5);
    tapItem('玩手机');
    await screen.findByText(/已记录：玩手机/);
    fireEvent.click(screen.getByRole('button', { name: '关闭' }));
    fireEvent.click(screen.getByRole('button', { name: '今日记录' }));
    fireEvent.click(await screen.findByRole('button', { name: '作废' }));
    fireEvent.click(screen.getByRole('button', { name: '记错人员' }));
    expect(await screen.findByText('作废原因：记错人员')).toBeTruthy();
    const voided = (await storedEvents(db))[1];
    expect(voided).toMatchObject({ type: 'finding.voided', code: 'wrong-person' });
    expect(voided && 'reason' in voided).toBe(false);
  });

  it('a full disk is said plainly, nothing of the finding is stored, the draft stays, earlier findings stay', async () => {
    const { db } = await renderPatrol();
    tapWindow(5);
    tapItem('玩手机');
    await screen.findByText(/已记录：玩手机/);
    db.events.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    fireEvent.change(screen.getByLabelText('拍照'), { target: { files: [new File(['p2'], 'b.jpg', { type: 'image/jpeg' })] } });
    await screen.findByRole('img', { name: '照片1' });
    fireEvent.change(screen.getByLabelText('备注'), { target: { value: '第二次' } });
    tapItem('迟到');
    fireEvent.change(screen.getByLabelText('迟到时长'), { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    const alert = await screen.findByText(/设备存储空间已满，这条记录没有保存。之前保存的记录都还在。/);
    expect(alert).toBeTruthy();
    expect(await db.events.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
    expect(await db.photos.count()).toBe(0);
    expect((screen.getByLabelText('备注') as HTMLInputElement).value).toBe('第二次');
    expect((screen.getByLabelText('迟到时长') as HTMLInputElement).value).toBe('10');
    expect(screen.getByRole('img', { name: '照片1' })).toBeTruthy();
  });

  it('when only the photos do not fit, the finding is saved without them through the same write, and the panel says so', async () => {
    const { db } = await renderPatrol();
    tapWindow(5);
    db.photos.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    fireEvent.change(screen.getByLabelText('拍照'), { target: { files: [new File(['p3'], 'c.jpg', { type: 'image/jpeg' })] } });
    await screen.findByRole('img', { name: '照片1' });
    fireEvent.change(screen.getByLabelText('备注'), { target: { value: '照片放不下' } });
    tapItem('玩手机');
    expect(await screen.findByText(/设备存储空间已满：这条记录已保存，但照片没有保存/)).toBeTruthy();
    // One finding, once, naming no photo; its one outbox row; no photo row (the first try stored nothing).
    const events = await storedEvents(db);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'finding.recorded', photos: [], note: '照片放不下' });
    expect((await db.outbox.toArray()).map((o) => o.kind)).toEqual(['event']);
    expect(await db.photos.count()).toBe(0);
  });
});
