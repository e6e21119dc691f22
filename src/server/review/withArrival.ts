import type { AuditEntry } from '../../core/events/auditTrail';
import type { ArrivedEvent } from '../storage/reviewRepo';

/**
 * An audit line as the server shows it: the device's time of the act, the server's time of arrival, and how far the
 * pushing device's clock was off when it pushed (`clockSkewed` beyond the hall's clock tolerance).
 */
export type ServerAuditEntry = AuditEntry & { receivedAt: string | null; clockOffsetSeconds: number | null; clockSkewed: boolean };

/**
 * Add when each event reached the server and its device's clock offset. A clock set back cannot be refused on the
 * device, but an act that arrives long after its own time, or from a device whose clock was off, stands out here for
 * the committee to judge.
 */
export function withArrival(trail: readonly AuditEntry[], arrived: readonly ArrivedEvent[], toleranceMinutes: number): ServerAuditEntry[] {
  const byId = new Map(arrived.map((a) => [a.event.id, a]));
  return trail.map((e) => {
    const a = byId.get(e.eventId);
    const offset = a?.clockOffsetMs ?? null;
    return {
      ...e,
      receivedAt: a?.receivedAt ?? null,
      clockOffsetSeconds: offset === null ? null : Math.round(offset / 1000),
      clockSkewed: offset !== null && Math.abs(offset) > toleranceMinutes * 60_000,
    };
  });
}
