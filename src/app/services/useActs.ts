import { useMemo } from 'react';
import { allowedActs } from '../../core/access/allowedActs';
import type { ActAnswer } from '../../core/access/allowedActs';
import type { Act } from '../../core/access/acts';
import { place } from '../../core/model/placement';
import type { LoggedFinding } from '../../device/loggedFinding';
import { useActing } from './useActing';
import { usePulledHall } from './usePulledHall';
import { useServices } from './useServices';

/**
 * What the acting account may do to a finding now, and why not the rest: the core's allowedActs (role, scope, the
 * contest deadline, the fold), the same rules the device checks a write with and the server checks a push with.
 */
export function useActs(f: LoggedFinding | undefined): Record<Act, ActAnswer> | null {
  const { device, hall } = useServices();
  const acting = useActing();
  const { review } = usePulledHall();
  const now = device.clock().toISOString();
  return useMemo(() => {
    if (!f) return null;
    const actor = { accountId: acting.id, role: acting.role, unitIds: acting.unitIds, windowIds: acting.windowIds };
    return allowedActs(actor, { point: f.point, recordedAt: f.recordedAt, placement: place(f, hall.index) }, { review, timeZone: hall.setup.roster.hall.timeZone, now });
  }, [f, acting, review, hall, now]);
}
