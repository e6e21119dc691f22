import type { Scheme } from '../../core/scheme/parseScheme';
import type { Finding } from '../../core/model/finding';
import type { PeriodRef } from '../../core/time/period';
import type { Roster } from '../../core/model/roster';
import { scoreOnDemand } from '../../core/scoring/scoreOnDemand';
import type { ScoredPeriod } from '../../core/scoring/scoreOnDemand';

/** A finding as scored on the device: the engine's finding and the scheme it was recorded under. */
export type SchemedFinding = Finding & { schemeId: string };

/**
 * Provisional results of every scheme in force for one period: each scheme scores only the findings recorded
 * under it. Contested findings count only when `countPending` (the hall's `countPendingInProvisional`); final
 * results are the committee's, on the server, and never count them. No explanation line is built until a subject is
 * explained (ScoredPeriod.explain).
 */
export function scoreSchemes(
  schemes: readonly Scheme[],
  roster: Roster,
  findings: Iterable<SchemedFinding>,
  period: PeriodRef,
  asOf: string,
  countPending: boolean,
): ScoredPeriod[] {
  const bySchemeId = new Map<string, Finding[]>(schemes.map((s) => [s.id, []]));
  for (const f of findings) bySchemeId.get(f.schemeId)?.push(f);
  return schemes.map((s) => scoreOnDemand(s, roster, bySchemeId.get(s.id) ?? [], period, { countPending, asOf }));
}
