// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountSummary } from '../../src/core/access/account';
import { INSPECTOR } from '../device/testDb';
import { renderPatrol, storedEvents } from './renderPatrol';

const inspector: AccountSummary = { id: INSPECTOR.account.id, name: '张巡查', role: 'inspector', unitIds: [], windowIds: [] };
const committee: AccountSummary = { id: 'acc-committee1', name: '考核小组甲', role: 'committee', unitIds: [], windowIds: [] };

beforeEach(() => {
  // jsdom has no object URLs; a stand-in lets a fetched photo render as a real <img>.
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:photo', revokeObjectURL: () => undefined }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The inspector records 玩手机 at window 1 with one photo; the committee's device holds the events but not the photo. */
async function findingFromAnotherDevice() {
  const first = await renderPatrol({ account: inspector });
  fireEvent.click(screen.getByRole('button', { name: /^1号窗口，/ }));
  fireEvent.change(screen.getByLabelText('拍照'), { target: { files: [new File(['photo-1'], 'a.jpg', { type: 'image/jpeg' })] } });
  await screen.findByRole('img', { name: '照片1' });
  const panel = within(screen.getByRole('dialog'));
  const person = panel.getByRole('group', { name: '在岗人员' }).querySelector('button');
  if (person && person.getAttribute('aria-pressed') !== 'true') fireEvent.click(person);
  fireEvent.click(panel.getAllByRole('button', { name: /^玩手机，/ })[0] as HTMLElement);
  await screen.findByText(/已记录：玩手机/);
  const recorded = (await storedEvents(first.db)).find((e) => e.type === 'finding.recorded');
  await first.db.photos.clear();
  return { db: first.db, findingId: recorded?.findingId ?? '' };
}

async function openDetail(): Promise<ReturnType<typeof within>> {
  fireEvent.click(screen.getByRole('button', { name: '审阅' }));
  fireEvent.click(await screen.findByRole('button', { name: /^查看记录：玩手机/ }));
  return within(await screen.findByRole('dialog', { name: '玩手机' }));
}

describe("evidence photos from another device in finding detail", () => {
  it('downloads a photo not on this device, keeps it in the photo store, and shows it', async () => {
    const { db, findingId } = await findingFromAnotherDevice();
    const fetchPhoto = vi.fn(async (hash: string, forFinding: string) => {
      const blob = new Blob(['photo-1'], { type: 'image/jpeg' });
      await db.photos.put({ hash, findingId: forFinding, blob, type: 'image/jpeg', bytes: blob.size, width: 0, height: 0 });
      return { blob };
    });
    await renderPatrol({ account: committee, db, fetchPhoto });
    const sheet = await openDetail();
    await waitFor(() => expect(sheet.getByRole('img', { name: '照片1' }).tagName).toBe('IMG'));
    expect(fetchPhoto).toHaveBeenCalledWith('hash-photo-1', findingId);
    expect(await db.photos.get('hash-photo-1')).toMatchObject({ findingId });

    // Once kept, it shows without asking the server again (offline).
    const offline = vi.fn(async () => ({ failed: 'offline' as const }));
    await renderPatrol({ account: committee, db, fetchPhoto: offline });
    const again = await openDetail();
    await waitFor(() => expect(again.getByRole('img', { name: '照片1' }).tagName).toBe('IMG'));
    expect(offline).not.toHaveBeenCalled();
  });

  it('says so plainly when offline and not yet fetched, or when the server refuses', async () => {
    const { db } = await findingFromAnotherDevice();
    await renderPatrol({ account: committee, db, fetchPhoto: async () => ({ failed: 'offline' }) });
    let sheet = await openDetail();
    expect(await sheet.findByRole('img', { name: '照片1：离线，照片尚未下载' })).toBeTruthy();
    expect(sheet.getByText('离线，照片尚未下载')).toBeTruthy();

    await renderPatrol({ account: committee, db, fetchPhoto: async () => ({ failed: 'refused' }), language: 'en' });
    fireEvent.click(screen.getByRole('button', { name: 'Review' }));
    fireEvent.click(await screen.findByRole('button', { name: /^Open finding: / }));
    sheet = within(await screen.findByRole('dialog'));
    expect(await sheet.findByText('This photo cannot be shown (no access, or not on the server)')).toBeTruthy();
  });
});
