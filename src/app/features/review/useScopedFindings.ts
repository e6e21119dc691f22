import { useMemo } from 'react';
import { inScope } from '../../../core/access/actor';
import type { LoggedFinding } from '../../../device/loggedFinding';
import { useLog } from '../../services/useLog';
import { useServices } from '../../services/useServices';
import { useActing } from './useActing';

/** The findings of this month the acting account answers for or reviews (a chief: their units/windows), newest first. */
export function useScopedFindings(): LoggedFinding[] {
  const log = useLog();
  const { device, hall } = useServices();
  const acting = useActing();
  const month = device.today().slice(0, 7);
  return useMemo(() => {
    const actor = { accountId: acting.id, role: acting.role, unitIds: acting.unitIds, windowIds: acting.windowIds, deviceId: device.identity.deviceId };
    return log.findings
      .filter((f) => f.state !== 'voided' && f.day.startsWith(month))
      .filter((f) => {
        const unitId = f.unitId ?? (f.windowId ? hall.window(f.windowId)?.unitId : undefined) ?? (f.staffId ? hall.staff(f.staffId)?.unitId : undefined);
        return inScope(actor, { unitId, windowId: f.windowId });
      })
      .reverse();
  }, [log, acting, month, hall, device]);
}
