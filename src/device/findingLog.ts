import type { FindingEvent } from '../core/events/events';
import { eventsByFinding, findingFromRecorded, foldEvents, foldLogged } from './foldEvents';
import type { LoggedFinding } from './loggedFinding';
import { ObservableValue } from './observableValue';
import type { PatrolDb } from './patrolDb';
import type { EventRow } from './rows';

/** What the log holds in memory: findings from `fromDay` on, oldest first (by observation, then id). */
export interface LogSnapshot {
  findings: readonly LoggedFinding[];
  /** Earliest hall-local day loaded; null before the first load. */
  fromDay: string | null;
  /** Increases on every change, for memoising derived views. */
  version: number;
}

const JOURNAL = 500;

const EMPTY: LogSnapshot = { findings: [], fromDay: null, version: 0 };

const byInstant = (a: LoggedFinding, b: LoggedFinding): number =>
  Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The device's findings in memory, folded from the events in Dexie. Loaded once per range; afterwards every event
 * this device writes is applied incrementally, so a new finding costs one small update instead of a re-query of
 * thousands of rows.
 */
export class FindingLog {
  private readonly cell = new ObservableValue<LogSnapshot>(EMPTY);
  /** Events applied while a load is reading, re-applied on top of its result so none is lost. */
  private appliedDuringLoad: EventRow[] | null = null;
  private loadToken = 0;
  /** Recent changes by version, so a consumer can take just what changed (bounded; older asks start over). */
  private journal: { version: number; finding: LoggedFinding }[] = [];
  private loadedVersion = 0;
  /** Every loaded finding's events, so a later event re-folds the finding with the shared fold (any arrival order). */
  private eventsOf = new Map<string, FindingEvent[]>();

  constructor(private readonly db: PatrolDb) {}

  get = this.cell.get;
  subscribe = this.cell.subscribe;

  /** Read and fold every event from `fromDay` (YYYY-MM-DD, hall-local) on, replacing what is in memory. */
  async load(fromDay: string): Promise<void> {
    const token = ++this.loadToken;
    this.appliedDuringLoad = [];
    const rows = await this.db.events.where('day').aboveOrEqual(fromDay).toArray();
    if (token !== this.loadToken) return;
    const folded = foldEvents(rows);
    const eventsOf = eventsByFinding(rows);
    for (const row of this.appliedDuringLoad) applyTo(folded, eventsOf, row);
    this.eventsOf = eventsOf;
    this.appliedDuringLoad = null;
    const findings = [...folded.values()].sort(byInstant);
    const version = this.cell.get().version + 1;
    this.loadedVersion = version;
    this.journal = [];
    this.cell.set({ findings, fromDay, version });
  }

  /**
   * The findings changed after `version` (recorded or voided since), or null when the caller must take the whole
   * snapshot (a load replaced everything, or the change is older than the journal keeps).
   */
  changesSince(version: number): LoggedFinding[] | null {
    if (version < this.loadedVersion) return null;
    const first = this.journal[0];
    if (first && version < first.version - 1) return null;
    return this.journal.filter((j) => j.version > version).map((j) => j.finding);
  }

  /** A finding in memory by id (searching from the newest, where the UI's lookups almost always land). */
  find(id: string): LoggedFinding | undefined {
    const { findings } = this.cell.get();
    for (let i = findings.length - 1; i >= 0; i--) if (findings[i]?.id === id) return findings[i];
    return undefined;
  }

  /** Apply an event this device has just committed. */
  apply(row: EventRow): void {
    this.appliedDuringLoad?.push(row);
    const snap = this.cell.get();
    const findings = [...snap.findings];
    if (row.event.type === 'finding.recorded') {
      const f = findingFromRecorded(row.event, row.day);
      if (snap.fromDay !== null && f.day < snap.fromDay) return;
      if (this.eventsOf.has(f.id)) return;
      this.eventsOf.set(f.id, [row.event]);
      const last = findings[findings.length - 1];
      findings.push(f);
      if (last && byInstant(last, f) > 0) findings.sort(byInstant);
      this.publish(findings, snap, f);
      return;
    }
    // Voids are almost always of recent findings: search from the newest.
    let i = findings.length - 1;
    while (i >= 0 && findings[i]?.id !== row.findingId) i--;
    const f = findings[i];
    if (!f) return;
    const events = this.eventsOf.get(f.id) ?? [];
    if (events.some((e) => e.id === row.event.id)) return;
    events.push(row.event);
    this.eventsOf.set(f.id, events);
    const next = foldLogged(events, f.day) ?? f;
    if (next.point.state === f.point.state && next.point.changedBy?.id === f.point.changedBy?.id && next.point.rectifiedAt === f.point.rectifiedAt) return;
    findings[i] = next;
    this.publish(findings, snap, next);
  }

  private publish(findings: LoggedFinding[], snap: LogSnapshot, changed: LoggedFinding): void {
    const version = snap.version + 1;
    this.journal.push({ version, finding: changed });
    if (this.journal.length > JOURNAL) this.journal.splice(0, this.journal.length - JOURNAL);
    this.cell.set({ findings, fromDay: snap.fromDay, version });
  }
}

function applyTo(map: Map<string, LoggedFinding>, eventsOf: Map<string, FindingEvent[]>, row: EventRow): void {
  const events = eventsOf.get(row.findingId) ?? [];
  if (events.some((e) => e.id === row.event.id)) return;
  events.push(row.event);
  eventsOf.set(row.findingId, events);
  const f = map.get(row.findingId);
  const day = row.event.type === 'finding.recorded' ? row.day : f?.day;
  const next = day === undefined ? null : foldLogged(events, day);
  if (next) map.set(next.id, next);
}
