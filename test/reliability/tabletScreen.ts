import type { Page } from 'playwright-core';
import { cameraPhoto } from '../e2e/cameraPhoto';

/**
 * Record one finding on the patrol screen as an inspector does (window, the person on duty, optionally a photo, the
 * item 玩手机) and resolve the moment the screen says it is saved ("已记录：玩手机"). The photo is drawn from
 * `photoSeed` (default: the window): equal seeds make equal photos, which the tablet stores once (by content).
 */
export async function recordOnScreen(page: Page, window: number, photo: boolean, photoSeed = window): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${window}号窗口，`) }).click();
  const panel = page.getByRole('dialog');
  await panel.getByRole('heading', { name: new RegExp(`^${window}号窗口`) }).waitFor();
  const first = panel.getByRole('group', { name: '在岗人员' }).getByRole('button').first();
  if ((await first.getAttribute('aria-pressed')) !== 'true') await first.click();
  if (photo) {
    await panel.getByLabel('拍照').setInputFiles({ name: `IMG_${window}.jpg`, mimeType: 'image/jpeg', buffer: await cameraPhoto(page, photoSeed) });
    await panel.getByRole('img', { name: '照片1' }).waitFor({ timeout: 120_000 });
  }
  await panel.getByRole('button', { name: /^玩手机，/ }).first().click();
  await page.getByText(/^已记录：玩手机/).waitFor();
}

/** What the tablet's IndexedDB holds, read with the raw API: recorded events (ids), outbox rows by kind, photos. */
export function storedOnTablet(page: Page): Promise<{ recorded: string[]; outboxEvents: number; outboxPhotos: number; photos: string[]; photoRefs: string[] }> {
  // No named functions inside: tsx (esbuild keepNames) would wrap them in a helper the page does not have.
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('hall-patrol');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const [events, outbox, photos] = (await Promise.all(
      ['events', 'outbox', 'photos'].map(
        (store) =>
          new Promise<unknown[]>((resolve, reject) => {
            const r = db.transaction(store).objectStore(store).getAll();
            r.onsuccess = () => resolve(r.result as unknown[]);
            r.onerror = () => reject(r.error);
          }),
      ),
    )) as [{ id: string; type: string; event: { photos?: string[] } }[], { kind: string }[], { hash: string }[]];
    db.close();
    const recorded = events.filter((e) => e.type === 'finding.recorded');
    return {
      recorded: recorded.map((e) => e.id),
      outboxEvents: outbox.filter((o) => o.kind === 'event').length,
      outboxPhotos: outbox.filter((o) => o.kind === 'photo').length,
      photos: photos.map((p) => p.hash),
      photoRefs: recorded.flatMap((e) => e.event.photos ?? []),
    };
  });
}
