import { useMemo } from 'react';
import { inScope } from '../../../core/access/actor';
import { place } from '../../../core/model/placement';
import type { LoggedFinding } from '../../../device/loggedFinding';
import { useLog } from '../../services/useLog';
import { useServices } from '../../services/useServices';
import { useActing } from '../../services/useActing';

/** The findings of this month the acting account answers for or reviews (a chief: their units/windows), newest first. */
export function useScopedFindings(): LoggedFinding[] {
  const log = useLog();
  const { device, hall } = useServices();
  const acting = useActing();
  const month = device.today().slice(0, 7);
  return useMemo(() => {
    return log.findings
      .filter((f) => f.state !== 'voided' && f.day.startsWith(month))
      .filter((f) => inScope(acting, place(f, hall.index)))
      .reverse();
  }, [log, acting, month, hall]);
}
