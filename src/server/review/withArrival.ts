import type { AuditEntry } from '../../core/events/auditTrail';
import type { ArrivedEvent } from '../storage/reviewRepo';

/** An audit line as the server shows it: the device's time of the act and the server's time of arrival side by side. */
export type ServerAuditEntry = AuditEntry & { receivedAt: string | null };

/**
 * Add when each event reached the server. A clock set back cannot be detected on the device, but an act that arrives
 * long after its own time stands out here for the committee to judge.
 */
export function withArrival(trail: readonly AuditEntry[], arrived: readonly ArrivedEvent[]): ServerAuditEntry[] {
  const received = new Map(arrived.map((a) => [a.event.id, a.receivedAt]));
  return trail.map((e) => ({ ...e, receivedAt: received.get(e.eventId) ?? null }));
}
