import type { FindingEvent } from '../../core/events/events';
import type { ReviewSettings } from '../../core/events/reviewSettings';
import type { Scheme } from '../../core/scheme/parseScheme';
import type { Roster } from '../../core/model/roster';
import { indexRoster } from '../../core/model/rosterIndex';
import { checkEvent } from '../../core/access/checkEvent';
import type { Refusal } from '../../core/access/refusal';
import type { AccountSummary } from '../../core/access/account';
import type { PatrolDb } from '../patrolDb';

/**
 * Check review events as the server will (checkEvent, with the hall's settings and this device's clock), against
 * the events of their findings held here. Resolves to the first refusal, or null when all pass.
 */
export async function checkOnDevice(
  db: PatrolDb,
  events: readonly FindingEvent[],
  ctx: { roster: Roster; schemes: readonly Scheme[]; acting: AccountSummary; deviceId: string; review: ReviewSettings; now: string },
): Promise<Refusal | null> {
  const ids = [...new Set(events.map((e) => e.findingId))];
  const rows = await db.events.where('findingId').anyOf(ids).toArray();
  const known = new Map<string, FindingEvent[]>();
  for (const r of rows) known.set(r.findingId, [...(known.get(r.findingId) ?? []), r.event]);
  const index = indexRoster(ctx.roster);
  const actor = { accountId: ctx.acting.id, role: ctx.acting.role, unitIds: ctx.acting.unitIds, windowIds: ctx.acting.windowIds, deviceId: ctx.deviceId };
  for (const e of events) {
    const r = checkEvent(e, {
      roster: ctx.roster,
      index,
      scheme: (id, version) => ctx.schemes.find((s) => s.id === id && s.version === version),
      actor: (id) => (id === actor.accountId ? actor : undefined),
      findingEvents: (id) => known.get(id) ?? [],
      review: ctx.review,
      now: ctx.now,
    });
    if (!r.ok) return r.refusal;
  }
  return null;
}
