import type { i18n as I18n } from 'i18next';
import type { HallSetup } from '../core/model/hallSetup';
import type { Identity } from '../device/identity';
import type { SyncHandle } from '../device/sync/syncHandle';
import type { DeviceHome } from '../device/deviceHome';
import type { PatrolScheme } from '../device/patrolScheme';
import { preparePhoto } from '../device/photos/preparePhoto';
import { connectSync } from '../device/sync/connectSync';
import { followReviewSettings } from '../device/scoring/followReviewSettings';
import { ScoreService } from '../device/scoring/scoreService';
import { hallView } from './services/hallView';
import { switchLanguage } from './i18n/createI18n';
import { languageOf } from './i18n/languages';
import { patrolItems } from './features/patrol/patrolItems';
import type { AppServices } from './services/AppServices';

/**
 * Start a ready device in the browser: the hall the server sent (startInHall), its schemes in force (being loaded),
 * today's log. The rest of the year is loaded in the background for the month's scores, once the map is up
 * (afterStart).
 */
export async function createServices(
  home: DeviceHome,
  identity: Identity,
  i18n: I18n,
  hall: HallSetup,
  loading: Promise<PatrolScheme[]>,
  sync?: SyncHandle,
): Promise<AppServices> {
  const rules = loading.then((s) => ({ roster: hall.roster, schemes: s.map((x) => x.scheme), schedule: hall.schemes }));
  const device = home.open(identity, hall.roster.hall.timeZone, () => new Date(), rules);
  const [schemes] = await Promise.all([
    loading.then((s) => {
      performance.mark('hp:schemes-loaded');
      return s;
    }),
    device.start().then(() => performance.mark('hp:today-loaded')),
  ]);
  performance.mark('hp:services-ready');
  // Local writes are pushed soon after; a pull is re-read and pushes nothing.
  if (sync) connectSync(device, sync);
  const scores = new ScoreService(
    schemes.map((s) => s.scheme),
    hall.roster,
    { delayMs: 1000, useWorker: true },
  );
  // The hall's review settings (stored by the pulls) decide whether pending points count in provisional totals.
  followReviewSettings(device, scores);
  return {
    afterStart: () => {
      void device.loadFrom(`${device.today().slice(0, 4)}-01-01`);
      void device.refreshPulled();
      sync?.start();
    },
    account: identity.account,
    sync,
    ...(sync ? { fetchPhoto: sync.fetchPhoto, openResults: sync.openResults } : {}),
    device,
    hall: hallView(hall),
    schemes,
    items: patrolItems(schemes),
    scores,
    preparePhoto,
    storage: typeof navigator !== 'undefined' ? navigator.storage : undefined,
    setLanguage: async (language) => {
      await switchLanguage(i18n, languageOf(language));
      await home.setLanguage(language);
    },
  };
}
