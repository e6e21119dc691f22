import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanup, configure, render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { searchKeys } from '../../src/server/schemes/searchKeys';
import { demoHall } from '../../src/core/model/demoHall';
import { parseScheme } from '../../src/core/scheme/parseScheme';
import type { AccountSummary } from '../../src/core/access/account';
import { PatrolApp } from '../../src/app/PatrolApp';
import { hallView } from '../../src/app/services/hallView';
import { patrolItems } from '../../src/app/features/patrol/patrolItems';
import { createI18n, switchLanguage } from '../../src/app/i18n/createI18n';
import { en } from '../../src/app/i18n/en';
import { languageOf } from '../../src/app/i18n/languages';
import type { AppServices, StorageApi } from '../../src/app/services/AppServices';
import { PatrolDevice } from '../../src/device/patrolDevice';
import type { PatrolScheme } from '../../src/device/patrolScheme';
import type { PreparedPhoto } from '../../src/device/photos/preparedPhoto';
import type { SyncHandle } from '../../src/device/sync/syncHandle';
import { ScoreService } from '../../src/device/scoring/scoreService';
import { INSPECTOR, testClock, testDb } from '../device/testDb';

// Other engineers' servers, browsers and PostgreSQL share this 2-core machine: a screen that settles within a second
// when idle may take several under load. Waits for what the screen shows get 10 s before they fail.
configure({ asyncUtilTimeout: 10_000 });

/** The fixture scheme with one patrol item per rule shape (test/fixtures/patrol-shapes.yaml), as the build ships it. */
export function shapesScheme(): PatrolScheme {
  const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'patrol-shapes.yaml');
  const parsed = parseScheme(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return { scheme: parsed.scheme, level: 'staff', search: Object.fromEntries(parsed.scheme.items.map((i) => [i.id, searchKeys(i.name)])) };
}

/** A photo "compressor" for jsdom (no canvas): content-addressed by the blob's text. */
async function fakePreparePhoto(file: Blob): Promise<PreparedPhoto> {
  const text = await file.text();
  return { hash: `hash-${text}`, blob: file, type: 'image/jpeg', bytes: file.size, width: 1600, height: 1200 };
}

const storage: StorageApi = {
  persisted: async () => true,
  persist: async () => true,
  estimate: async () => ({ usage: 5 * 1024 * 1024, quota: 2 * 1024 * 1024 * 1024 }),
};

/**
 * Render the patrol app on the demo hall with a fresh fake-indexeddb device, a fixed clock (Monday 2 March 2026,
 * 10:00 in the hall), the fixture scheme (or the schemes given) and scores computed inline.
 */
export async function renderPatrol(
  options: { language?: string; account?: AccountSummary; db?: ReturnType<typeof testDb>; at?: string; fetchPhoto?: AppServices['fetchPhoto']; sync?: SyncHandle; schemes?: PatrolScheme[] } = {},
) {
  cleanup();
  const db = options.db ?? testDb();
  const clock = testClock(options.at ?? '2026-03-02T02:00:00Z');
  const hall = demoHall();
  const identity = options.account ? { ...INSPECTOR, account: options.account } : INSPECTOR;
  const schemes = options.schemes ?? [shapesScheme()];
  const device = new PatrolDevice(db, identity, hall.roster.hall.timeZone, clock.now, { roster: hall.roster, schemes: schemes.map((s) => s.scheme) });
  await Promise.all([device.start(), device.refreshPulled()]);
  const i18n = createI18n(languageOf(options.language), options.language === 'en' ? en : undefined);
  const services: AppServices = {
    device,
    hall: hallView(hall),
    schemes,
    items: patrolItems(schemes),
    scores: new ScoreService(
      schemes.map((s) => s.scheme),
      hall.roster,
      { delayMs: 0, useWorker: false },
    ),
    preparePhoto: fakePreparePhoto,
    storage,
    setLanguage: async (l) => {
      await switchLanguage(i18n, languageOf(l));
    },
  };
  if (options.fetchPhoto) services.fetchPhoto = options.fetchPhoto;
  if (options.account) services.account = options.account;
  if (options.sync) services.sync = options.sync;
  const view = render(
    <I18nextProvider i18n={i18n}>
      <PatrolApp services={services} />
    </I18nextProvider>,
  );
  return { ...view, db, device, clock, services, i18n, hall };
}

/** The events stored so far, oldest first, as plain events. */
export async function storedEvents(db: ReturnType<typeof testDb>) {
  return (await db.events.orderBy('id').toArray()).map((r) => r.event);
}
