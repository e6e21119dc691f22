import type { FindingEvent } from '../../core/events/events';
import type { Actor } from '../../core/access/actor';
import { checkEvent } from '../../core/access/checkEvent';
import { publishedPeriodOf } from '../../core/access/publishedPeriod';
import { publishedPeriods } from './publishedPeriods';
import { parseEvent } from '../../core/events/events';
import type { EventOutcome } from '../../core/protocol/messages';
import { parseInstant } from '../../core/time/parseInstant';
import type { AuthInfo } from '../appEnv';
import { refusalText } from '../words/refusalText';
import type { HallConfig, HallState } from '../hall/hallState';
import { schemeKey } from '../hall/hallState';
import { accountsByIds } from '../storage/accountRepo';
import { liveDeviceKeys } from '../storage/deviceKeyRepo';
import { verifyHandOverProof } from '../auth/handOverProof';
import { photoUploaders } from '../storage/photoRepo';
import { noticeUnits } from '../storage/reviewRepo';
import { foreignPhoto, namedPhotos, noticeOfAnotherUnit } from './pushGuards';
import type { Db, Queryable } from '../storage/db';
import { configRevision } from '../storage/configRepo';
import { lockHallChanges } from '../storage/migrations';
import { bodiesOf, eventsOfFindings, findingsElsewhere, insertEvents } from '../storage/eventRepo';
import type { EventRow } from '../storage/eventRepo';

/** A pushed event that parsed, at its index in the batch, with the JSON it is stored as. */
interface Parsed {
  index: number;
  event: FindingEvent;
  body: string;
}

/** A batch checked against one revision of the hall's config: an outcome per checked event, and the rows to store. */
interface Checked {
  revision: number;
  outcomes: Map<number, EventOutcome>;
  rows: EventRow[];
}

/**
 * Store a pushed batch exactly once, in the hall of the pusher's token (every event is checked against that hall's
 * roster, schemes, schedule, accounts, photos and findings; another hall's are unknown here). Each event is parsed and
 * checked on its own, so a bad one is rejected by name while the rest go on; everything accepted is written in one
 * transaction, so a batch is never half stored (a failure rolls the whole write back and the device retries the same
 * batch, which then meets its own ids as duplicates). Recordings are checked before the review events of the same
 * batch, so their order within a batch does not matter. The check runs before the hall's write lock is taken (pushes
 * of a hall check side by side); under the lock, when the hall's config (setup, schemes, review settings) changed
 * meanwhile, the batch is checked again against the new config, so nothing is stored against a roster that is gone.
 */
export async function pushEvents(db: Db, hall: HallState, auth: AuthInfo, raw: readonly unknown[], deviceTime?: string): Promise<EventOutcome[]> {
  const hallId = auth.hallId;
  const outcomes: (EventOutcome | undefined)[] = new Array(raw.length);
  const parsed: Parsed[] = [];
  raw.forEach((r, index) => {
    const p = parseEvent(r);
    const id = typeof r === 'object' && r !== null && typeof (r as { id?: unknown }).id === 'string' ? (r as { id: string }).id : `#${index}`;
    if (!p.ok) outcomes[index] = { id, status: 'rejected', reason: `event ${id}: ${p.reason}`, retryable: false };
    else if (p.event.deviceId !== auth.deviceId) {
      outcomes[index] = { id, status: 'rejected', reason: `event ${id}: deviceId "${p.event.deviceId}" is not the device pushing ("${auth.deviceId}")`, retryable: false };
    } else parsed.push({ index, event: p.event, body: JSON.stringify(p.event) });
  });

  const first = await checkBatch(db, await hall.current(db, hallId), auth, parsed, deviceTime);
  // Nothing to store: no lock, and the answers stand (nothing is written against the config they were checked by).
  const { checked, inserted } =
    first.rows.length === 0
      ? { checked: first, inserted: new Set<string>() }
      : await db.transaction(async (tx) => {
          await lockHallChanges(tx, hallId);
          const moved = (await configRevision(tx, hallId)) !== first.revision;
          const checked = moved ? await checkBatch(tx, await hall.current(tx, hallId), auth, parsed, deviceTime) : first;
          return { checked, inserted: await insertEvents(tx, hallId, checked.rows) };
        });
  for (const [index, outcome] of checked.outcomes) outcomes[index] = outcome;
  // A row not inserted met a concurrent push: the same event (a retry racing the first attempt) is a duplicate; the
  // same id with other content, or another recording of the same finding, is refused. Judged by what is stored now.
  const missed = checked.rows.filter((r) => !inserted.has(r.id));
  if (missed.length) {
    const now = await bodiesOf(db, hallId, missed.map((r) => r.id));
    for (const row of missed) {
      const i = parsed.find((p) => p.event.id === row.id)?.index;
      if (i === undefined) continue;
      const body = now.get(row.id);
      outcomes[i] =
        body === row.body
          ? { id: row.id, status: 'duplicate' }
          : body !== undefined
            ? { id: row.id, status: 'rejected', reason: `event ${row.id}: this id was already used for a different event`, retryable: false }
            : { id: row.id, status: 'rejected', reason: `event ${row.id} (${row.type}): finding ${row.findingId} was recorded by another event at the same moment; a finding id is recorded once`, retryable: false };
    }
  }
  return outcomes.map((o, i) => o ?? { id: `#${i}`, status: 'rejected', reason: `event #${i}: not processed`, retryable: true });
}

/** Check the parsed events of a batch against one config of the hall and the stored rows `q` reads. */
async function checkBatch(q: Queryable, hall: HallConfig, auth: AuthInfo, parsed: readonly Parsed[], deviceTime: string | undefined): Promise<Checked> {
  const hallId = auth.hallId;
  const outcomes = new Map<number, EventOutcome>();
  const ids = parsed.map((p) => p.event.id);
  const keyIds = [...new Set(parsed.flatMap((p) => (p.event.actorId !== auth.account.id && p.event.proof ? [p.event.proof.keyId] : [])))];
  const findingIds = [...new Set(parsed.map((p) => p.event.findingId))];
  const [stored, keys, known, uploaders, notices, elsewhere, published] = await Promise.all([
    bodiesOf(q, hallId, ids),
    liveDeviceKeys(q, hallId, auth.deviceId, keyIds),
    eventsOfFindings(q, hallId, findingIds),
    photoUploaders(q, hallId, [...new Set(parsed.flatMap((p) => namedPhotos(p.event)))]),
    noticeUnits(q, hallId, [...new Set(parsed.flatMap((p) => (p.event.type === 'finding.acknowledged' ? [p.event.noticeId] : [])))]),
    findingsElsewhere(q, hallId, findingIds),
    publishedPeriods(q, hallId),
  ]);
  const publishedPeriod = publishedPeriodOf(published, hall.setup.roster.hall.timeZone);
  const handOverActors = new Map(
    (await accountsByIds(q, hallId, [...new Set([...keys.values()].map((k) => k.accountId))])).map((a) => [
      a.id,
      { accountId: a.id, role: a.role, unitIds: a.unitIds, windowIds: a.windowIds, offices: a.offices, deviceId: auth.deviceId } satisfies Actor,
    ]),
  );
  /**
   * Who may be the actor of this event: the account whose token pushes it, or, under a hand-over, an account whose
   * live key registered for this device signed it (the proof). A device id is never a credential.
   */
  const actorOf = (event: FindingEvent): { actor: Actor } | { reason: string; retryable: boolean } => {
    if (event.actorId === auth.account.id) return { actor: auth.actor };
    const no = (why: string, retryable = false): { reason: string; retryable: boolean } => ({
      reason: `event ${event.id} (${event.type}): its actor ${event.actorId} is not ${auth.account.id}, the account that pushed it; ${why}`,
      retryable,
    });
    // Retryable: an honest tablet may hold acts of an earlier sign-in; they go through once that account pushes them.
    if (!event.proof) return no(`only ${event.actorId} may send it (sign in as ${event.actorId} on this device), or it needs ${event.actorId}'s hand-over proof`, true);
    const key = keys.get(event.proof.keyId);
    if (!key || key.accountId !== event.actorId) return no(`hand-over key ${event.proof.keyId} is not a live key of ${event.actorId} on device ${auth.deviceId}`);
    if (!verifyHandOverProof(event, key.publicKey, event.proof.signature)) return no(`the hand-over signature does not match the event (signed by key ${key.id})`);
    const actor = handOverActors.get(key.accountId);
    return actor ? { actor } : no(`account ${key.accountId} may not act`);
  };
  const byFinding = new Map<string, FindingEvent[]>();
  const remember = (e: FindingEvent): void => {
    const list = byFinding.get(e.findingId);
    if (list) list.push(e);
    else byFinding.set(e.findingId, [e]);
  };
  known.forEach(remember);

  const rows: EventRow[] = [];
  const seenInBatch = new Set<string>();
  const recordedBy = new Map<string, string>();
  for (const e of known) if (e.type === 'finding.recorded') recordedBy.set(e.findingId, e.id);
  // The server's clock bounds how far ahead an event's own time may be (checkTiming); deadlines use the event's time.
  const now = new Date().toISOString();
  // Kept with every event: how far the pushing device's clock was off when it pushed (the audit trail flags it).
  const clockOffsetMs = deviceTime === undefined ? null : Date.parse(now) - parseInstant(deviceTime);
  const order = [...parsed].sort((a, b) => rank(a.event) - rank(b.event) || a.index - b.index);
  for (const { index, event, body } of order) {
    const id = event.id;
    const before = stored.get(id);
    if (before !== undefined || seenInBatch.has(id)) {
      const same = before === undefined ? rows.some((r) => r.id === id && r.body === body) : before === body;
      outcomes.set(index, same ? { id, status: 'duplicate' } : { id, status: 'rejected', reason: `event ${id}: this id was already used for a different event`, retryable: false });
      continue;
    }
    // Another hall's finding is not this sign-in's to record again or act on (a device syncs one hall).
    if (elsewhere.has(event.findingId)) {
      outcomes.set(index, { id, status: 'rejected', reason: `event ${id} (${event.type}): finding ${event.findingId} belongs to another hall; this sign-in is for hall ${hallId}`, retryable: false });
      continue;
    }
    const who = actorOf(event);
    if (!('actor' in who)) {
      outcomes.set(index, { id, status: 'rejected', reason: who.reason, retryable: who.retryable });
      continue;
    }
    // A finding id is recorded once: a second recording (any event id) would take over the finding's author and content.
    const firstRecording = event.type === 'finding.recorded' ? recordedBy.get(event.findingId) : undefined;
    if (firstRecording !== undefined) {
      outcomes.set(index, { id, status: 'rejected', reason: `event ${id} (finding.recorded): finding ${event.findingId} is already recorded by event ${firstRecording}; a finding id is recorded once`, retryable: false });
      continue;
    }
    const result = checkEvent(event, {
      roster: hall.setup.roster,
      index: hall.index,
      scheme: (sid, version) => hall.schemes.get(schemeKey(sid, version)),
      schedule: hall.setup.schemes,
      actor: (accountId) => (accountId === event.actorId ? who.actor : undefined),
      findingEvents: (fid) => byFinding.get(fid) ?? [],
      review: hall.review,
      now,
      publishedPeriod,
    });
    if (!result.ok) {
      outcomes.set(index, { id, status: 'rejected', reason: refusalText(event, result.refusal), retryable: result.retryable });
      continue;
    }
    const guard = foreignPhoto(event, auth.account.id, uploaders) ?? noticeOfAnotherUnit(event, result.placement.unitId, notices);
    if (guard) {
      outcomes.set(index, { id, status: 'rejected', reason: guard, retryable: false });
      continue;
    }
    if (event.type === 'finding.acknowledged') notices.set(event.noticeId, new Set([...(notices.get(event.noticeId) ?? []), result.placement.unitId ?? '']));
    const recorded = event.type === 'finding.recorded' ? event : byFinding.get(event.findingId)?.find((e) => e.type === 'finding.recorded');
    remember(event);
    seenInBatch.add(id);
    if (event.type === 'finding.recorded') recordedBy.set(event.findingId, id);
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
      clockOffsetMs,
    });
    outcomes.set(index, { id, status: 'accepted' });
  }

  return { revision: hall.revision, outcomes, rows };
}

function rank(e: FindingEvent): number {
  return e.type === 'finding.recorded' ? 0 : 1;
}
