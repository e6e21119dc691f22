import { useCallback, useEffect, useRef, useState } from 'react';
import type { AdminApi } from '../../../device/admin/adminApi';
import type { CentreHall } from '../../../device/admin/centreCalls';
import type { SyncHandle } from '../../../device/sync/syncHandle';
import type { CentreState } from './AdminContext';

/**
 * A centre administrator's halls: whether the signed-in account is one (GET /api/auth/me), the halls they manage with
 * their figures, and which hall the admin screens work on. Switching signs this device in to that hall once (a token
 * per hall, kept while the admin area is open) and hands its calls to the screens; the device's own hall stays.
 */
export function useCentre(sync: SyncHandle | undefined, own: AdminApi | null): { api: AdminApi | null; centre: CentreState | null } {
  const [halls, setHalls] = useState<CentreHall[] | null>(null);
  const [current, setCurrent] = useState<{ hallId: string; api: AdminApi } | null>(null);
  const apis = useRef(new Map<string, AdminApi>());
  useEffect(() => {
    if (!own) return;
    own.me().then(
      async (me) => {
        apis.current.set(me.hallId, own);
        setCurrent({ hallId: me.hallId, api: own });
        if (me.centre) setHalls(await own.centreHalls());
      },
      () => {
        // Who the token is for could not be read: the admin screens still work on the signed-in hall.
        setCurrent({ hallId: '', api: own });
      },
    );
  }, [own]);
  const reloadHalls = useCallback(async () => {
    if (own) setHalls(await own.centreHalls());
  }, [own]);
  const switchTo = useCallback(
    async (hallId: string) => {
      if (!sync) return;
      let api = apis.current.get(hallId);
      if (!api) {
        api = await sync.admin(hallId);
        apis.current.set(hallId, api);
      }
      setCurrent({ hallId, api });
    },
    [sync],
  );
  const api = current?.api ?? null;
  return { api, centre: halls && current ? { halls, current: current.hallId, switchTo, reloadHalls } : null };
}
