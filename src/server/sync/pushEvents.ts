import type { FindingEvent } from '../../core/events/events';
import type { Actor } from '../../core/access/actor';
import { checkEvent } from '../../core/access/checkEvent';
import { parseEvent } from '../../core/events/events';
import type { EventOutcome } from '../../core/protocol/messages';
import type { AuthInfo } from '../appEnv';
import { refusalText } from '../words/refusalText';
import type { HallConfig } from '../hall/hallState';
import { schemeKey } from '../hall/hallState';
import { accountsOfDevice } from '../storage/accountRepo';
import type { Db } from '../storage/db';
import { bodiesOf, eventsOfFindings, insertEvents } from '../storage/eventRepo';
import type { EventRow } from '../storage/eventRepo';

/**
 * Store a pushed batch exactly once. Each event is parsed and checked on its own, so a bad one is rejected by name
 * while the rest go on; everything accepted is written in one transaction, so a batch is never half stored (a
 * failure rolls the whole write back and the device retries the same batch, which then meets its own ids as
 * duplicates). Recordings are checked before the review events of the same batch, so their order within a batch
 * does not matter.
 */
export async function pushEvents(db: Db, hall: HallConfig, auth: AuthInfo, raw: readonly unknown[]): Promise<EventOutcome[]> {
  const outcomes: (EventOutcome | undefined)[] = new Array(raw.length);
  const parsed: { index: number; event: FindingEvent; body: string }[] = [];
  raw.forEach((r, index) => {
    const p = parseEvent(r);
    const id = typeof r === 'object' && r !== null && typeof (r as { id?: unknown }).id === 'string' ? (r as { id: string }).id : `#${index}`;
    if (!p.ok) outcomes[index] = { id, status: 'rejected', reason: `event ${id}: ${p.reason}`, retryable: false };
    else if (p.event.deviceId !== auth.deviceId) {
      outcomes[index] = { id, status: 'rejected', reason: `event ${id}: deviceId "${p.event.deviceId}" is not the device pushing ("${auth.deviceId}")`, retryable: false };
    } else parsed.push({ index, event: p.event, body: JSON.stringify(p.event) });
  });

  const ids = parsed.map((p) => p.event.id);
  // Usually every event is by the account pushing; only events left by an earlier sign-in on this device need a look-up.
  const othersActed = parsed.some((p) => p.event.actorId !== auth.account.id);
  const [stored, actors, known] = await Promise.all([
    bodiesOf(db, ids),
    othersActed ? accountsOfDevice(db, auth.deviceId) : Promise.resolve([]),
    eventsOfFindings(db, [...new Set(parsed.filter((p) => p.event.type !== 'finding.recorded').map((p) => p.event.findingId))]),
  ]);
  const actorById = new Map<string, Actor>(
    actors.map((a) => [a.id, { accountId: a.id, role: a.role, unitIds: a.unitIds, windowIds: a.windowIds, deviceId: auth.deviceId }]),
  );
  actorById.set(auth.account.id, auth.actor);
  const byFinding = new Map<string, FindingEvent[]>();
  const remember = (e: FindingEvent): void => {
    const list = byFinding.get(e.findingId);
    if (list) list.push(e);
    else byFinding.set(e.findingId, [e]);
  };
  known.forEach(remember);

  const rows: EventRow[] = [];
  const seenInBatch = new Set<string>();
  // The server's clock bounds how far ahead an event's own time may be (checkTiming); deadlines use the event's time.
  const now = new Date().toISOString();
  const order = [...parsed].sort((a, b) => rank(a.event) - rank(b.event) || a.index - b.index);
  for (const { index, event, body } of order) {
    const id = event.id;
    const before = stored.get(id);
    if (before !== undefined || seenInBatch.has(id)) {
      const same = before === undefined ? rows.some((r) => r.id === id && r.body === body) : before === body;
      outcomes[index] = same
        ? { id, status: 'duplicate' }
        : { id, status: 'rejected', reason: `event ${id}: this id was already used for a different event`, retryable: false };
      continue;
    }
    const result = checkEvent(event, {
      roster: hall.setup.roster,
      index: hall.index,
      scheme: (sid, version) => hall.schemes.get(schemeKey(sid, version)),
      actor: (accountId) => actorById.get(accountId),
      findingEvents: (fid) => byFinding.get(fid) ?? [],
      review: hall.review,
      now,
    });
    if (!result.ok) {
      outcomes[index] = { id, status: 'rejected', reason: refusalText(event, result.refusal), retryable: result.retryable };
      continue;
    }
    const recorded = event.type === 'finding.recorded' ? event : byFinding.get(event.findingId)?.find((e) => e.type === 'finding.recorded');
    remember(event);
    seenInBatch.add(id);
    rows.push({
      id,
      findingId: event.findingId,
      type: event.type,
      schemeId: recorded?.type === 'finding.recorded' ? recorded.schemeId : '',
      unitId: result.placement.unitId,
      windowId: result.placement.windowId,
      actorId: event.actorId,
      deviceId: event.deviceId,
      at: event.at,
      body,
    });
    outcomes[index] = { id, status: 'accepted' };
  }

  const inserted = await db.transaction((tx) => insertEvents(tx, rows));
  // A row not inserted was stored by a concurrent push of the same batch (a retry racing the first attempt).
  for (const row of rows) {
    if (inserted.has(row.id)) continue;
    const i = parsed.find((p) => p.event.id === row.id)?.index;
    if (i !== undefined) outcomes[i] = { id: row.id, status: 'duplicate' };
  }
  return outcomes.map((o, i) => o ?? { id: `#${i}`, status: 'rejected', reason: `event #${i}: not processed`, retryable: true });
}

function rank(e: FindingEvent): number {
  return e.type === 'finding.recorded' ? 0 : 1;
}
