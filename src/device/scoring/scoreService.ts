import type { Scheme } from '../../core/scheme/parseScheme';
import type { PeriodRef } from '../../core/time/period';
import type { Roster } from '../../core/model/roster';
import type { PeriodScores, SubjectResult } from '../../core/scoring/results';
import type { ScoredPeriod } from '../../core/scoring/scoreOnDemand';
import type { LogSnapshot } from '../findingLog';
import type { LoggedFinding } from '../loggedFinding';
import { ObservableValue } from '../observableValue';
import type { SchemedFinding } from './scoreSchemes';
import type { FromScoreWorker, ToScoreWorker } from './scoreMessages';
import { explainSubject } from './explainSubject';

/** The latest provisional results (without explanation lines), and whether a newer computation is under way. */
export interface ScoreState {
  results: readonly PeriodScores[];
  /** The period key the results are for (2026-03), null before the first result. */
  periodKey: string | null;
  pending: boolean;
  error: string | null;
}

/** Where the findings come from: the device's finding log (a snapshot, and what changed since a version). */
export interface FindingSource {
  get: () => LogSnapshot;
  changesSince: (version: number) => readonly LoggedFinding[] | null;
}

/** The wire shape of a finding: the engine's fields and its scheme, nothing the engine does not read. */
function schemed(f: LoggedFinding): SchemedFinding {
  const out: SchemedFinding = { id: f.id, itemId: f.itemId, at: f.at, state: f.state, schemeId: f.schemeId };
  if (f.staffId) out.staffId = f.staffId;
  if (f.windowId) out.windowId = f.windowId;
  if (f.unitId) out.unitId = f.unitId;
  if (f.inputs) out.inputs = f.inputs;
  if (f.amended) out.amended = f.amended;
  if (f.rectifiedAt) out.rectifiedAt = f.rectifiedAt;
  return out;
}

/**
 * Live provisional scores. `update` may be called on every change: computations are coalesced (the latest ask
 * wins), run in a Web Worker when the browser has one (inline otherwise, e.g. under jsdom), and only the findings
 * that changed since the last computation are sent to the worker. The page receives results without lines; one subject's
 * explanation is fetched when it is shown. So a new finding costs the main thread almost nothing, however many
 * findings are stored.
 */
export class ScoreService {
  readonly state = new ObservableValue<ScoreState>({ results: [], periodKey: null, pending: false, error: null });
  /** The log version the worker's copy matches; null = it must be sent everything. */
  private sentVersion: number | null = null;
  private seq = 0;
  /** The sequence number of the latest score request (explain requests are numbered from the same counter). */
  private scoreSeq = 0;
  /** The period key of the latest request; older answers are dropped. */
  private latestKey = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly worker: Worker | null;
  /** Inline mode: the latest scoring, which explains a subject when asked. */
  private scored: ScoredPeriod[] = [];
  private readonly asked = new Map<number, (r: SubjectResult | null) => void>();
  /** Whether contested findings count in the provisional totals (the hall's review setting, default true). */
  private countPending = true;
  /** The latest ask, to score again when the setting changes. */
  private lastAsk: Parameters<ScoreService['update']> | null = null;

  constructor(
    private readonly schemes: readonly Scheme[],
    private readonly roster: Roster,
    private readonly options: { delayMs: number; useWorker: boolean },
  ) {
    this.worker = options.useWorker && typeof Worker !== 'undefined' ? new Worker(new URL('./scoreWorker.ts', import.meta.url), { type: 'module' }) : null;
    if (this.worker) {
      this.post({ type: 'init', schemes: [...schemes], roster });
      this.worker.onmessage = (e: MessageEvent<FromScoreWorker>) => this.receive(e.data);
    }
  }

  /** Ask for results of `period` over the log's findings (computed after a short pause, the latest ask wins). */
  update(source: FindingSource, period: PeriodRef, periodKey: string, asOf: string): void {
    this.lastAsk = [source, period, periodKey, asOf];
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.compute(source, period, periodKey, asOf), this.options.delayMs);
  }

  /**
   * Follow the hall's `countPendingInProvisional` (pulled review settings): whether contested findings count in the
   * provisional totals. A change scores the latest ask again; pending points are shown either way.
   */
  setCountPending(countPending: boolean): void {
    if (countPending === this.countPending) return;
    this.countPending = countPending;
    if (this.lastAsk) this.update(...this.lastAsk);
  }

  /** One subject's full result, with its explanation lines built for this ask, from the latest computation (null when not scored). */
  explain(schemeId: string, subject: string, subjectId: string): Promise<SubjectResult | null> {
    if (!this.worker) return Promise.resolve(explainSubject(this.scored, schemeId, subject, subjectId));
    const seq = ++this.seq;
    return new Promise((resolve) => {
      this.asked.set(seq, resolve);
      this.post({ type: 'explain', seq, schemeId, subject, subjectId });
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.worker?.terminate();
  }

  private compute(source: FindingSource, period: PeriodRef, periodKey: string, asOf: string): void {
    const snap = source.get();
    const countPending = this.countPending;
    const seq = ++this.seq;
    this.scoreSeq = seq;
    this.latestKey = periodKey;
    // Marked pending only once computing starts, so a burst of findings does not re-render every score each time.
    if (!this.state.get().pending) this.state.set({ ...this.state.get(), pending: true });
    if (!this.worker) {
      // Loaded on demand so the engine is not in the initial bundle (the worker has its own copy).
      import('./scoreSchemes')
        .then(({ scoreSchemes }) => {
          this.scored = scoreSchemes(this.schemes, this.roster, snap.findings.map(schemed), period, asOf, countPending);
          this.receive({ type: 'results', seq, results: this.scored.map((s) => s.results), ms: 0 });
        })
        .catch((err: unknown) => this.receive({ type: 'error', seq, message: err instanceof Error ? err.message : String(err) }));
      return;
    }
    const changes = this.sentVersion === null ? null : source.changesSince(this.sentVersion);
    this.post(changes === null ? { type: 'reset', findings: snap.findings.map(schemed) } : { type: 'upsert', findings: changes.map(schemed) });
    this.sentVersion = snap.version;
    this.post({ type: 'score', seq, period, asOf, countPending });
  }

  private receive(msg: FromScoreWorker): void {
    if (msg.type === 'explained') {
      this.asked.get(msg.seq)?.(msg.result);
      this.asked.delete(msg.seq);
      return;
    }
    if (msg.seq !== this.scoreSeq) return;
    if (msg.type === 'error') this.state.set({ ...this.state.get(), pending: false, error: msg.message });
    else this.state.set({ results: msg.results, periodKey: this.latestKey, pending: false, error: null });
  }

  private post(msg: ToScoreWorker): void {
    this.worker?.postMessage(msg);
  }
}
