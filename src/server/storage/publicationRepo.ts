import type { PublicationSummary, PublishedRevision } from '../../core/publish/publication';
import type { ResultChange } from '../../core/publish/resultChanges';
import type { PeriodResults } from '../../core/scoring/results';
import type { Roster } from '../../core/model/roster';
import type { Queryable } from './db';

/** A published revision as stored: the shared answer (core/publish/publication) plus the roster it was computed with. */
export type Publication = PublishedRevision & {
  /** The roster the results were computed with (names and places as they were), for recomputing them later. */
  roster: Roster;
};

export type { PublicationSummary };

interface Raw {
  scheme_id: string;
  period_key: string;
  revision: number;
  period_kind: string;
  scheme_version: number;
  published_at: string;
  published_by: string;
  reason: string | null;
  as_of: string;
  last_seq: string;
  event_count: number;
  finding_count: number;
  digest: string;
  results?: string;
  roster?: string;
  changes: string;
}

const COLUMNS = `scheme_id, period_key, revision, period_kind, scheme_version, to_jsonb(published_at) #>> '{}' as published_at, published_by,
  reason, as_of, last_seq::text as last_seq, event_count, finding_count, digest, changes`;

function toSummary(r: Raw): PublicationSummary {
  return {
    schemeId: r.scheme_id,
    periodKey: r.period_key,
    revision: r.revision,
    periodKind: r.period_kind,
    schemeVersion: r.scheme_version,
    publishedAt: new Date(r.published_at).toISOString(),
    publishedBy: r.published_by,
    reason: r.reason,
    asOf: r.as_of,
    lastSeq: Number(r.last_seq),
    eventCount: r.event_count,
    findingCount: r.finding_count,
    digest: r.digest,
    changes: JSON.parse(r.changes) as ResultChange[],
  };
}

/** Every revision of a hall's period, oldest first, without their results. */
export async function publicationsOf(q: Queryable, hallId: string, schemeId: string, periodKey: string): Promise<PublicationSummary[]> {
  const rows = await q.query<Raw>(`select ${COLUMNS} from publications where hall_id = $1 and scheme_id = $2 and period_key = $3 order by revision`, [hallId, schemeId, periodKey]);
  return rows.map(toSummary);
}

/** Every published period of a hall's scheme (its latest revision), newest period first. */
export async function publishedPeriods(q: Queryable, hallId: string, schemeId: string): Promise<PublicationSummary[]> {
  const rows = await q.query<Raw>(
    `select distinct on (period_key) ${COLUMNS} from publications where hall_id = $1 and scheme_id = $2 order by period_key desc, revision desc`,
    [hallId, schemeId],
  );
  return rows.map(toSummary);
}

/** Every published period of a hall, of every scheme (scheme id and period key; no results): what a push is checked against. */
export async function publishedKeys(q: Queryable, hallId: string): Promise<{ schemeId: string; periodKey: string }[]> {
  const rows = await q.query<{ scheme_id: string; period_key: string }>('select distinct scheme_id, period_key from publications where hall_id = $1', [hallId]);
  return rows.map((r) => ({ schemeId: r.scheme_id, periodKey: r.period_key }));
}

/** One revision of a hall's period with its frozen results (the latest when `revision` is undefined), or undefined. */
export async function publicationOf(q: Queryable, hallId: string, schemeId: string, periodKey: string, revision?: number): Promise<Publication | undefined> {
  const rows = await q.query<Raw>(
    `select ${COLUMNS}, results, roster from publications where hall_id = $1 and scheme_id = $2 and period_key = $3 ${revision === undefined ? '' : 'and revision = $4'}
     order by revision desc limit 1`,
    revision === undefined ? [hallId, schemeId, periodKey] : [hallId, schemeId, periodKey, revision],
  );
  const r = rows[0];
  return r ? { ...toSummary(r), results: JSON.parse(r.results ?? 'null') as PeriodResults, roster: JSON.parse(r.roster ?? 'null') as Roster } : undefined;
}

/** Store a revision of a hall's period; false when that revision already exists (another committee member was first). */
export async function insertPublication(q: Queryable, hallId: string, p: Omit<Publication, 'publishedAt'>): Promise<boolean> {
  const rows = await q.query<{ revision: number }>(
    `insert into publications (hall_id, scheme_id, period_key, revision, period_kind, scheme_version, published_by, reason, as_of, last_seq, event_count, finding_count, digest, results, roster, changes)
     values ($16, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     on conflict do nothing returning revision`,
    [p.schemeId, p.periodKey, p.revision, p.periodKind, p.schemeVersion, p.publishedBy, p.reason, p.asOf, p.lastSeq, p.eventCount, p.findingCount, p.digest, JSON.stringify(p.results), JSON.stringify(p.roster), JSON.stringify(p.changes), hallId],
  );
  return rows.length > 0;
}
