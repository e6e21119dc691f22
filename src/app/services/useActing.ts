import type { AccountSummary } from '../../core/access/account';
import { useServices } from './useServices';
import { usePatrol } from '../store/usePatrol';

/** Who acts now: the chief unlocked for hand-over, else the signed-in account (an inspector for tablets without sign-in). */
export function useActing(): AccountSummary {
  const { account, device } = useServices();
  const handOver = usePatrol((s) => s.handOver);
  return handOver ?? account ?? device.identity.account;
}
