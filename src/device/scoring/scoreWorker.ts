import type { Scheme } from '../../core/scheme/parseScheme';
import type { Roster } from '../../core/model/roster';
import type { ScoredPeriod } from '../../core/scoring/scoreOnDemand';
import type { FromScoreWorker, ToScoreWorker } from './scoreMessages';
import { scoreSchemes } from './scoreSchemes';
import type { SchemedFinding } from './scoreSchemes';
import { explainSubject } from './explainSubject';

/**
 * Scores off the main thread, so recording a finding never waits for the engine. The schemes come from the page,
 * which loaded them from the build's pre-validated JSON; they are trusted as checked schemes here.
 */
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ToScoreWorker>) => void) | null;
  postMessage: (m: FromScoreWorker) => void;
};
let schemes: Scheme[] = [];
let roster: Roster | null = null;
const findings = new Map<string, SchemedFinding>();
/** The latest scoring; the page gets its results without lines and asks for one subject's explanation when it shows it. */
let last: ScoredPeriod[] = [];

scope.onmessage = (e: MessageEvent<ToScoreWorker>) => {
  const msg = e.data;
  const post = (m: FromScoreWorker): void => scope.postMessage(m);
  switch (msg.type) {
    case 'init':
      schemes = msg.schemes as Scheme[];
      roster = msg.roster;
      return;
    case 'reset':
      findings.clear();
      for (const f of msg.findings) findings.set(f.id, f);
      return;
    case 'upsert':
      for (const f of msg.findings) findings.set(f.id, f);
      return;
    case 'score': {
      if (!roster) return post({ type: 'error', seq: msg.seq, message: 'not initialised' });
      try {
        const t0 = performance.now();
        last = scoreSchemes(schemes, roster, findings.values(), msg.period, msg.asOf, msg.countPending);
        post({ type: 'results', seq: msg.seq, results: last.map((s) => s.results), ms: performance.now() - t0 });
      } catch (err) {
        post({ type: 'error', seq: msg.seq, message: err instanceof Error ? err.message : String(err) });
      }
      return;
    }
    case 'explain':
      post({ type: 'explained', seq: msg.seq, result: explainSubject(last, msg.schemeId, msg.subject, msg.subjectId) });
  }
};
