import type { Scheme } from '../../core/scheme/parseScheme';
import type { PeriodRef, Roster } from '../../core/scoring/inputs';
import type { PeriodResults } from '../../core/scoring/results';
import type { LoggedFinding } from '../loggedFinding';
import { ObservableValue } from '../observableValue';
import type { SchemedFinding } from './scoreSchemes';
import type { FromScoreWorker, ToScoreWorker } from './scoreMessages';

/** The latest provisional results, and whether a newer computation is under way. */
export interface ScoreState {
  results: readonly PeriodResults[];
  /** The period key the results are for (2026-03), null before the first result. */
  periodKey: string | null;
  pending: boolean;
  error: string | null;
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
 * Live provisional scores. `update` may be called on every change: computations are coalesced (one at a time, the
 * latest request wins), run in a Web Worker when the browser has one (inline otherwise, e.g. under jsdom), and only
 * the findings that changed since the last update are sent to the worker.
 */
export class ScoreService {
  readonly state = new ObservableValue<ScoreState>({ results: [], periodKey: null, pending: false, error: null });
  private sent = new Map<string, LoggedFinding>();
  private seq = 0;
  /** The period key of the latest request; older answers are dropped. */
  private latestKey = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly worker: Worker | null;

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

  /** Ask for results of `period` over these findings (the whole in-memory log). */
  update(findings: readonly LoggedFinding[], period: PeriodRef, periodKey: string, asOf: string): void {
    this.state.set({ ...this.state.get(), pending: true });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.compute(findings, period, periodKey, asOf), this.options.delayMs);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.worker?.terminate();
  }

  private compute(findings: readonly LoggedFinding[], period: PeriodRef, periodKey: string, asOf: string): void {
    const seq = ++this.seq;
    this.latestKey = periodKey;
    if (!this.worker) {
      // Loaded on demand so the engine is not in the initial bundle (the worker has its own copy).
      import('./scoreSchemes')
        .then(({ scoreSchemes }) => this.receive({ type: 'results', seq, results: scoreSchemes(this.schemes, this.roster, findings.map(schemed), period, asOf), ms: 0 }))
        .catch((err: unknown) => this.receive({ type: 'error', seq, message: err instanceof Error ? err.message : String(err) }));
      return;
    }
    const changed: SchemedFinding[] = [];
    const next = new Map<string, LoggedFinding>();
    for (const f of findings) {
      next.set(f.id, f);
      if (this.sent.get(f.id) !== f) changed.push(schemed(f));
    }
    // A finding that left the set (a narrower reload) means the worker's copy must be replaced whole.
    let removed = false;
    for (const id of this.sent.keys()) if (!next.has(id)) removed = true;
    this.post(removed ? { type: 'reset', findings: findings.map(schemed) } : { type: 'upsert', findings: changed });
    this.sent = next;
    this.post({ type: 'score', seq, period, asOf });
  }

  private receive(msg: FromScoreWorker): void {
    if (msg.seq !== this.seq) return;
    if (msg.type === 'error') this.state.set({ ...this.state.get(), pending: false, error: msg.message });
    else this.state.set({ results: msg.results, periodKey: this.latestKey, pending: false, error: null });
  }

  private post(msg: ToScoreWorker): void {
    this.worker?.postMessage(msg);
  }
}
