import { monotonicFactory } from 'ulid';
import { findingFromRecorded } from './foldEvents';
import { FindingLog } from './findingLog';
import { hallDay } from '../core/time/hallDay';
import type { Identity } from './identity';
import type { LoggedFinding } from './loggedFinding';
import type { PatrolDb } from './patrolDb';
import { recordFinding } from './recordFinding';
import type { FindingDraft } from './recordFinding';
import { VisitLog } from './visitLog';
import { voidFinding } from './voidFinding';

/**
 * The tablet's one door to its data: every write goes through here (events + outbox in one transaction) and is
 * applied to the in-memory logs the UI reads. The clock is passed in; ids are ULIDs seeded with that clock.
 */
export class PatrolDevice {
  readonly log: FindingLog;
  readonly visits: VisitLog;
  private readonly ulid = monotonicFactory();

  constructor(
    readonly db: PatrolDb,
    readonly identity: Identity,
    readonly timeZone: string,
    readonly clock: () => Date,
  ) {
    this.log = new FindingLog(db);
    this.visits = new VisitLog(db);
  }

  newId = (): string => this.ulid(this.clock().getTime());

  /** Today's hall-local date. */
  today(): string {
    return hallDay(this.clock().getTime(), this.timeZone);
  }

  /** Load today (all the map needs), so the patrol can start; widen with loadFrom afterwards. */
  async start(): Promise<void> {
    const today = this.today();
    await Promise.all([this.log.load(today), this.visits.load(today)]);
  }

  /** Load everything from `fromDay` on (scores of the month, recently used items). */
  async loadFrom(fromDay: string): Promise<void> {
    if (fromDay < (this.log.get().fromDay ?? this.today())) await this.log.load(fromDay);
  }

  /**
   * Record a finding; resolves once it is committed and in the log. `onCommitted` runs in the same synchronous step
   * as the log update, so a confirmation shown from it and the log's change render together, in one pass.
   */
  async record(draft: FindingDraft, onCommitted?: (finding: LoggedFinding) => void): Promise<LoggedFinding> {
    const row = await recordFinding(this.db, draft, this.context());
    if (row.event.type !== 'finding.recorded') throw new Error('recordFinding returned another event type');
    const finding = findingFromRecorded(row.event, row.day);
    onCommitted?.(finding);
    this.log.apply(row);
    return finding;
  }

  /** Void one of this inspector's findings. */
  async void(finding: LoggedFinding, reason: string): Promise<void> {
    this.log.apply(await voidFinding(this.db, finding, reason, this.context()));
  }

  /** Mark a window as checked today with nothing to record. */
  async markVisited(windowId: string): Promise<void> {
    const now = this.clock();
    await this.visits.add({ id: this.newId(), windowId, day: hallDay(now.getTime(), this.timeZone), at: now.toISOString(), actorId: this.identity.actorId });
  }

  private context(): { identity: Identity; now: Date; newId: () => string; timeZone: string } {
    return { identity: this.identity, now: this.clock(), newId: this.newId, timeZone: this.timeZone };
  }
}
