import type { FindingVoided } from '../core/events/events';
import { eventRow } from './eventRow';
import type { Identity } from './identity';
import type { LoggedFinding } from './loggedFinding';
import type { PatrolDb } from './patrolDb';
import type { EventRow } from './rows';

/** Why a void was refused. */
export class VoidRefused extends Error {
  constructor(readonly reason: 'not-author' | 'not-recorded') {
    super(reason === 'not-author' ? 'only the inspector who recorded a finding may void it' : 'the finding is no longer in recorded state');
    this.name = 'VoidRefused';
  }
}

/**
 * Void a finding (the author's mistake, or the undo bar): a new event beside the recording, never an edit, with its
 * outbox row in the same transaction.
 */
export async function voidFinding(
  db: PatrolDb,
  finding: LoggedFinding,
  reason: string,
  ctx: { identity: Identity; now: Date; newId: () => string; timeZone: string },
): Promise<EventRow> {
  if (finding.actorId !== ctx.identity.actorId) throw new VoidRefused('not-author');
  if (finding.state !== 'recorded') throw new VoidRefused('not-recorded');
  const event: FindingVoided = {
    type: 'finding.voided',
    id: ctx.newId(),
    findingId: finding.id,
    at: ctx.now.toISOString(),
    actorId: ctx.identity.actorId,
    deviceId: ctx.identity.deviceId,
    reason,
  };
  const row = eventRow(event, ctx.timeZone);
  await db.transaction('rw', [db.events, db.outbox], async () => {
    await db.events.add(row);
    await db.outbox.add({ kind: 'event', eventId: event.id, event });
  });
  return row;
}
