import type { i18n as I18n } from 'i18next';
import { hallDay } from '../core/time/hallDay';
import type { DeviceHome } from '../device/deviceHome';
import type { Identity } from '../device/identity';
import { patrolSchemesOn } from '../device/patrolSchemesOn';
import type { ServerHall } from '../device/patrolSchemesOn';
import type { SyncHandle } from '../device/sync/syncHandle';
import { createServices } from './createServices';
import type { AppServices } from './services/AppServices';

/**
 * Start the app in the hall the server sent: its roster and floor map, and per level the scheme version in force
 * today (hall-local), which every finding recorded today names.
 */
export function startInHall(home: DeviceHome, identity: Identity, i18n: I18n, hall: ServerHall, sync: SyncHandle): Promise<AppServices> {
  const schemes = patrolSchemesOn(hall, hallDay(Date.now(), hall.setup.roster.hall.timeZone));
  schemes.catch(() => undefined);
  return createServices(home, identity, i18n, hall.setup, schemes, sync);
}
