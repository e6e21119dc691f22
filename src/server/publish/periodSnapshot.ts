import { findingsFromEvents, foldAll } from '../../core/events/findingsFromEvents';
import type { FindingEvent } from '../../core/events/events';
import type { Roster } from '../../core/model/roster';
import { eventsDigest } from '../../core/publish/eventsDigest';
import { restingEvents } from '../../core/publish/restingEvents';
import type { Scheme } from '../../core/scheme/parseScheme';
import type { PeriodResults } from '../../core/scoring/results';
import { scorePeriod } from '../../core/scoring/scorePeriod';
import type { PeriodRef } from '../../core/time/period';
import { periodRange } from '../../core/time/period';
import type { Queryable } from '../storage/db';
import { eventsOfSchemeUpTo, maxChangeSeq } from '../storage/eventRepo';

/** The events a period's results rest on, up to a change seq, with their digest. */
export interface RestingSet {
  events: FindingEvent[];
  /** The highest change seq read up to. */
  lastSeq: number;
  eventCount: number;
  findingCount: number;
  digest: string;
  /** Resting events stored after `since` (a publication's lastSeq), when asked; else 0. */
  laterEvents: number;
}

/** A period's final results together with what they rest on. */
export type PeriodSnapshot = Omit<RestingSet, 'events'> & { results: PeriodResults };

/**
 * The stored events of the scheme id up to `upTo` (default: everything committed now) that the period's results rest
 * on (core/publish/restingEvents), and their digest. Seqs are taken under the change lock, so every event with a seq
 * at or below the highest one read was already committed and the same query later returns the same set.
 */
export async function restingSet(q: Queryable, schemeId: string, timeZone: string, period: PeriodRef, opts: { upTo?: number; since?: number } = {}): Promise<RestingSet> {
  const upTo = opts.upTo ?? (await maxChangeSeq(q));
  const { events, seqs } = await eventsOfSchemeUpTo(q, schemeId, upTo);
  const resting = restingEvents(events, schemeId, periodRange(period, timeZone).endMs);
  const restingIds = new Set(resting.map((e) => e.id));
  const since = opts.since;
  return {
    events: resting,
    lastSeq: upTo,
    eventCount: resting.length,
    findingCount: foldAll(resting).length,
    digest: eventsDigest(resting),
    laterEvents: since === undefined ? 0 : events.filter((e, i) => restingIds.has(e.id) && (seqs[i] ?? 0) > since).length,
  };
}

/**
 * A period's final results (pending contests never counted) as of `asOf`, computed from its resting events with every
 * explanation line: a publication freezes the results a clerk signs, lines and all, and the exports word them.
 */
export async function periodSnapshot(
  q: Queryable,
  scheme: Scheme,
  roster: Roster,
  period: PeriodRef,
  asOf: string,
  opts: { upTo?: number; since?: number } = {},
): Promise<PeriodSnapshot> {
  const { events, ...set } = await restingSet(q, scheme.id, roster.hall.timeZone, period, opts);
  return { ...set, results: scorePeriod(scheme, roster, findingsFromEvents(events, scheme.id), period, { countPending: false, asOf }) };
}
