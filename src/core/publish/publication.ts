import type { PeriodResults } from '../scoring/results';
import type { ResultChange } from './resultChanges';

/** A published revision of a period's results, without the results (docs/results.md). */
export interface PublicationSummary {
  schemeId: string;
  periodKey: string;
  revision: number;
  periodKind: string;
  schemeVersion: number;
  publishedAt: string;
  /** The committee account that published it. */
  publishedBy: string;
  /** Why this revision replaced the previous one; null for the first publication. */
  reason: string | null;
  /** The instant the results were computed as of (follow-up deadlines count up to it). */
  asOf: string;
  /** The highest change seq the results saw: the events they rest on were all stored at or before it. */
  lastSeq: number;
  eventCount: number;
  findingCount: number;
  /** SHA-256 of canonicalEvents(the events the results rest on), lower-case hex. */
  digest: string;
  /** What this revision changed from the previous one (empty for the first). */
  changes: ResultChange[];
}

/** A published revision with its frozen results. */
export interface PublishedRevision extends PublicationSummary {
  results: PeriodResults;
}

/** GET /api/publications: a period's revisions, and what publishing a revision now would change (null: unpublished). */
export interface PublicationsAnswer {
  schemeId: string;
  periodKey: string;
  revisions: PublicationSummary[];
  pending: { changes: ResultChange[]; laterEvents: number; digest: string } | null;
}

/** GET /api/publications/:scheme/:period/:revision/verify. */
export interface VerifyAnswer {
  schemeId: string;
  periodKey: string;
  revision: number;
  digest: string;
  recomputed: string;
  matches: boolean;
  eventCount: number;
  eventCountNow: number | null;
  resultsMatch: boolean | null;
}
