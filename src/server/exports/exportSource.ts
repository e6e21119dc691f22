import type { Roster } from '../../core/model/roster';
import type { Scheme } from '../../core/scheme/parseScheme';
import type { PeriodResults } from '../../core/scoring/results';
import type { PublicationSummary } from '../storage/publicationRepo';

/** What an export is made of: the results (published, or as they are now), the roster and scheme they were made with. */
export interface ExportSource {
  hallName: string;
  scheme: Scheme;
  roster: Roster;
  results: PeriodResults;
  /** The revision exported, or null for results that are not published. */
  publication: PublicationSummary | null;
  /** When the file is made (ISO). */
  generatedAt: string;
}
