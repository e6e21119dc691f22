import { foldAll } from '../../core/events/findingsFromEvents';
import type { FindingEvent } from '../../core/events/events';
import type { Roster } from '../../core/model/roster';
import { eventsDigest } from '../../core/publish/eventsDigest';
import { restingEvents } from '../../core/publish/restingEvents';
import type { Scheme } from '../../core/scheme/parseScheme';
import type { PeriodResults } from '../../core/scoring/results';
import type { PeriodRef } from '../../core/time/period';
import { periodRange } from '../../core/time/period';
import type { SchemeAssignment } from '../../core/versions/schemeSchedule';
import { scoreWithVersions } from '../../core/versions/scoreWithVersions';
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

/** Which scheme scores a period: its id, the hall's schedule and the versions it holds, or one version asked for. */
export interface SchemeChoice {
  schemeId: string;
  /** The hall's schedule (HallSetup.schemes). */
  assignments: readonly SchemeAssignment[];
  /** The scheme versions the hall holds. */
  held: readonly Scheme[];
  /** This version instead of the version rule's (a published revision checked again with its own). */
  version?: number | undefined;
}

/** A period's final results together with what they rest on, and the scheme version that scored them. */
export type PeriodSnapshot = Omit<RestingSet, 'events'> & { results: PeriodResults; scheme: Scheme };

/**
 * The hall's stored events of the scheme id up to `upTo` (default: everything committed now) that the period's results
 * rest on (core/publish/restingEvents), and their digest. Seqs of a hall are taken under its write lock, so every
 * event with a seq at or below the highest one read was already committed and the same query later returns the same set.
 */
export async function restingSet(q: Queryable, hallId: string, schemeId: string, timeZone: string, period: PeriodRef, opts: { upTo?: number; since?: number } = {}): Promise<RestingSet> {
  const upTo = opts.upTo ?? (await maxChangeSeq(q, hallId));
  const { events, seqs } = await eventsOfSchemeUpTo(q, hallId, schemeId, upTo);
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
 * A hall's period's final results (pending contests never counted) as of `asOf`, computed from its resting events under
 * the scheme-version rule (scoreWithVersions: the version in force on the period's first day, or the one asked for),
 * with every explanation line: a publication freezes the results a clerk signs, lines and all, and the exports word
 * them. Null when no version of the scheme can score the period.
 */
export async function periodSnapshot(
  q: Queryable,
  hallId: string,
  choice: SchemeChoice,
  roster: Roster,
  period: PeriodRef,
  asOf: string,
  opts: { upTo?: number; since?: number } = {},
): Promise<PeriodSnapshot | null> {
  const { events, ...set } = await restingSet(q, hallId, choice.schemeId, roster.hall.timeZone, period, opts);
  const scored = scoreWithVersions({ ...choice, roster, events, period, options: { countPending: false, asOf } });
  if ('error' in scored) return null;
  const scheme = choice.held.find((s) => s.id === choice.schemeId && s.version === scored.schemeVersion);
  if (!scheme) return null;
  return { ...set, results: scored, scheme };
}
