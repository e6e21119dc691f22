import type { i18n as I18n } from 'i18next';
import type { HallSetup } from '../core/model/hallSetup';
import type { AccountSummary } from '../core/access/account';
import type { Identity } from '../device/identity';
import { readPulledHall } from '../device/sync/pulledHall';
import type { SyncHandle } from '../device/sync/syncHandle';
import { PatrolDevice } from '../device/patrolDevice';
import type { PatrolScheme } from '../device/patrolScheme';
import type { PatrolDb } from '../device/patrolDb';
import { preparePhoto } from '../device/photos/preparePhoto';
import { followReviewSettings } from '../device/scoring/followReviewSettings';
import { ScoreService } from '../device/scoring/scoreService';
import { hallIndex } from './features/patrol/hallIndex';
import { switchLanguage } from './i18n/createI18n';
import { languageOf } from './i18n/languages';
import { patrolItems } from './features/patrol/patrolItems';
import type { AppServices } from './services/AppServices';

/**
 * Start a ready device in the browser: the hall (the demo hall until halls come from the server), its schemes (being
 * fetched), today's log.
 * The rest of the year is loaded in the background for the month's scores, once the map is up (afterStart).
 */
export async function createServices(
  db: PatrolDb,
  identity: Identity,
  i18n: I18n,
  hall: HallSetup,
  loading: Promise<PatrolScheme[]>,
  account?: AccountSummary,
  sync?: SyncHandle,
): Promise<AppServices> {
  const device = new PatrolDevice(db, identity, hall.roster.hall.timeZone, () => new Date());
  // Pulled events (other tablets' findings, review acts) are folded in by re-reading the loaded range.
  sync?.pulled.subscribe(() => void device.log.load(device.log.get().fromDay ?? device.today()));
  const [schemes] = await Promise.all([
    loading.then((s) => {
      performance.mark('hp:schemes-loaded');
      return s;
    }),
    device.start().then(() => performance.mark('hp:today-loaded')),
  ]);
  performance.mark('hp:services-ready');
  // Every local write (a finding, a void, a review act) is pushed soon after.
  if (sync) device.log.subscribe(() => sync.localChange());
  const scores = new ScoreService(
    schemes.map((s) => s.scheme),
    hall.roster,
    { delayMs: 1000, useWorker: true },
  );
  // The hall's review settings (stored by the pulls) decide whether pending points count in provisional totals.
  void followReviewSettings(db, scores, sync?.state);
  return {
    afterStart: () => {
      void device.loadFrom(`${device.today().slice(0, 4)}-01-01`);
      sync?.start();
    },
    account,
    sync,
    ...(sync ? { fetchPhoto: sync.fetchPhoto } : {}),
    pulledHall: () => readPulledHall(db),
    device,
    hall: hallIndex(hall),
    schemes,
    items: patrolItems(schemes),
    scores,
    preparePhoto,
    storage: typeof navigator !== 'undefined' ? navigator.storage : undefined,
    setLanguage: async (language) => {
      await switchLanguage(i18n, languageOf(language));
      await db.meta.put({ key: 'language', value: language });
    },
  };
}
