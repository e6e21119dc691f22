import type { SchemeData } from '../../core/scheme/schemeSchema';
import type { PeriodRef } from '../../core/time/period';
import type { Roster } from '../../core/model/roster';
import type { PeriodScores, SubjectResult } from '../../core/scoring/results';
import type { SchemedFinding } from './scoreSchemes';

/** Messages to the scoring worker. It keeps its own copy of the findings, so each change sends only what changed. */
export type ToScoreWorker =
  | { type: 'init'; schemes: SchemeData[]; roster: Roster }
  /** Replace the whole set (after a load). */
  | { type: 'reset'; findings: SchemedFinding[] }
  /** Add or replace these findings (a new recording, a void). */
  | { type: 'upsert'; findings: SchemedFinding[] }
  /** countPending: whether contested findings count in the totals (the hall's countPendingInProvisional). */
  | { type: 'score'; seq: number; period: PeriodRef; asOf: string; countPending: boolean }
  /** One subject's full result (with its explanation, built for this ask) from the latest scoring. */
  | { type: 'explain'; seq: number; schemeId: string; subject: string; subjectId: string };

/** Answers from the scoring worker, tagged with the request's sequence number. */
export type FromScoreWorker =
  | { type: 'results'; seq: number; results: PeriodScores[]; ms: number }
  | { type: 'explained'; seq: number; result: SubjectResult | null }
  | { type: 'error'; seq: number; message: string };
