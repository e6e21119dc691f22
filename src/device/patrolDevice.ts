import { monotonicFactory } from 'ulid';
import type { AccountSummary } from '../core/access/account';
import { DEFAULT_REVIEW_SETTINGS } from '../core/events/defaultReviewSettings';
import type { FindingEvent } from '../core/events/events';
import type { VoidCode } from '../core/events/voidCodes';
import type { LedgerMapping } from '../core/ledger/ledgerMapping';
import type { Roster } from '../core/model/roster';
import { indexRoster } from '../core/model/rosterIndex';
import type { RosterIndex } from '../core/model/rosterIndex';
import type { Scheme } from '../core/scheme/parseScheme';
import type { SchemeAssignment } from '../core/versions/schemeSchedule';
import { hallDay } from '../core/time/hallDay';
import type { checkEvent } from '../core/access/checkEvent';
import { ActRefused } from './actRefused';
import type { IndexedRefusal } from './actRefused';
import { commitWrite } from './commitWrite';
import { findingFromRecorded } from './foldEvents';
import { FindingLog } from './findingLog';
import type { Identity } from './identity';
import type { LoggedFinding } from './loggedFinding';
import { ObservableValue } from './observableValue';
import type { PatrolDb } from './patrolDb';
import type { PreparedPhoto } from './photos/preparedPhoto';
import type { EnrolledChief, HandOverChief } from './session/handOverStore';
import { recordedEvent } from './recordFinding';
import type { PulledHall } from './sync/pulledHall';
import type { FindingDraft } from './recordFinding';
import { voidEvent } from './review/reviewEvents';
import { VisitLog } from './visitLog';

/** What the device checks every act against, as the server will: the hall's roster and the schemes in force. */
export interface DeviceRules {
  roster: Roster;
  schemes: readonly Scheme[];
  /** The hall's scheme schedule: a recording must be under the version in force on its day (absent: not checked). */
  schedule?: readonly SchemeAssignment[] | undefined;
}

/**
 * The tablet's one door to its data. Every write goes through `commit`: each event is checked with the core's
 * checkEvent (as the server will check it) and refused with its reason, then events, photos and outbox rows are stored
 * in one transaction, applied to the in-memory log, and a push is asked for (onCommitted). Reads are queries here too:
 * the app never opens the database. The clock is passed in; ids are ULIDs seeded with that clock.
 */
export class PatrolDevice {
  readonly log: FindingLog;
  readonly visits: VisitLog;
  private readonly ulid = monotonicFactory();
  private readonly committed = new Set<() => void>();
  /** What the pulls brought besides events (accounts, review settings), as last read; the checks use its settings. */
  readonly pulled = new ObservableValue<PulledHall>({ accounts: [], review: DEFAULT_REVIEW_SETTINGS });
  private checked: Promise<{ rules: DeviceRules; index: RosterIndex }>;
  /** The core's checks, loaded with the first write (the map does not need them to show). */
  private checker: Promise<{ checkEvent: typeof checkEvent }> | null = null;

  constructor(
    private readonly db: PatrolDb,
    readonly identity: Identity,
    readonly timeZone: string,
    readonly clock: () => Date,
    rules: DeviceRules | Promise<DeviceRules>,
  ) {
    this.log = new FindingLog(db);
    this.visits = new VisitLog(db);
    this.checked = Promise.resolve(rules).then((r) => ({ rules: r, index: indexRoster(r.roster) }));
    // Observed by the writes; an early failure is theirs to report, not an unhandled rejection.
    this.checked.catch(() => undefined);
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

  /** Re-read the loaded range, after a pull stored other devices' events (nothing is pushed for it). */
  async reload(): Promise<void> {
    await this.log.load(this.log.get().fromDay ?? this.today());
  }

  /** Called after every committed write: something new waits to be pushed. Returns the unsubscribe. */
  onCommitted(listener: () => void): () => void {
    this.committed.add(listener);
    return () => this.committed.delete(listener);
  }

  /** Read the pulled accounts and review settings again (at start, and after a sync stored something). */
  async refreshPulled(): Promise<void> {
    // Loaded on demand: the reader checks with the core's schemas, which the first screen does not need.
    const { readPulledHall } = await import('./sync/pulledHall');
    this.pulled.set(await readPulledHall(this.db));
  }

  /**
   * Record a finding; resolves once it is checked, committed and in the log. `onCommitted` runs in the same synchronous
   * step as the log update, so a confirmation shown from it and the log's change render together, in one pass.
   */
  async record(draft: FindingDraft, onCommitted?: (finding: LoggedFinding) => void): Promise<LoggedFinding> {
    const event = recordedEvent(draft, { actorId: this.identity.account.id, deviceId: this.identity.deviceId, at: this.clock().toISOString(), newId: this.newId });
    const [row] = await this.commit([event], draft.photos, this.identity.account);
    if (!row) throw new Error('the recording was not stored');
    const finding = findingFromRecorded(event, row.day);
    onCommitted?.(finding);
    this.log.apply(row);
    this.afterCommit();
    return finding;
  }

  /**
   * Record several findings at once (an office's ledger entries, a month's import): every one checked as the server
   * will, then all stored in one transaction with their photos and outbox rows, or none (ActRefused names each refused
   * draft by its index). Resolves with the findings once they are in the log.
   */
  async recordAll(drafts: readonly FindingDraft[]): Promise<LoggedFinding[]> {
    const ctx = { actorId: this.identity.account.id, deviceId: this.identity.deviceId, at: this.clock().toISOString(), newId: this.newId };
    const events = drafts.map((d) => recordedEvent(d, ctx));
    const rows = await this.commit(events, drafts.flatMap((d) => d.photos), this.identity.account);
    for (const row of rows) this.log.apply(row);
    this.afterCommit();
    // commitWrite returns one row per event, in order: the row's day is the hall-local day of the event's observedAt.
    return events.flatMap((e, i) => {
      const row = rows[i];
      return row ? [findingFromRecorded(e, row.day)] : [];
    });
  }

  /** Void one of this account's findings, saying why by a code. Refused (ActRefused) when the core says it may not be voided. */
  async void(findingId: string, code: VoidCode): Promise<void> {
    await this.act([voidEvent(this, { actorId: this.identity.account.id }, findingId, code)], [], this.identity.account);
  }

  /**
   * Review acts (a signed notice, a contest, a decision, a reopen, a rectification) by `acting` (the signed-in account,
   * or the chief in hand-over), with their photos: checked, then stored with their outbox rows, all or nothing.
   */
  async act(events: readonly FindingEvent[], photos: readonly PreparedPhoto[], acting: AccountSummary): Promise<void> {
    const rows = await this.commit(events, photos, acting);
    for (const row of rows) this.log.apply(row);
    this.afterCommit();
  }

  /** Mark a window as checked today with nothing to record. */
  async markVisited(windowId: string): Promise<void> {
    const now = this.clock();
    await this.visits.add({ id: this.newId(), windowId, day: hallDay(now.getTime(), this.timeZone), at: now.toISOString(), actorId: this.identity.account.id });
  }

  /** The chiefs enrolled on this tablet for hand-over (loaded on demand: only review needs it). */
  async enrolledChiefs(): Promise<EnrolledChief[]> {
    return (await import('./session/handOverStore')).enrolledChiefs(this.db);
  }

  /** The enrolled chief whose PIN this is, checked offline, with their signer; null for a wrong PIN, 'enroll-again' for a chief enrolled before hand-over keys. */
  async unlockChief(chiefId: string, pin: string): Promise<HandOverChief | 'enroll-again' | null> {
    return (await import('./session/handOverStore')).unlockChief(this.db, chiefId, pin);
  }

  /** Whether `password` is the signed-in account's (checked offline against the verifier kept at sign-in). */
  async checkUnlock(password: string): Promise<boolean> {
    return (await import('./session/handOverStore')).checkUnlock(this.db, password);
  }

  /** The raw-export mappings the office desk remembers for a scheme (loaded on demand: only the desk reads them). */
  async ledgerMappings(schemeId: string): Promise<LedgerMapping[]> {
    return (await import('./ledger/ledgerMappings')).readLedgerMappings(this.db, schemeId);
  }

  /** Remember how a source's raw export is read, for the next import of that scheme. */
  async saveLedgerMapping(mapping: LedgerMapping): Promise<void> {
    await (await import('./ledger/ledgerMappings')).saveLedgerMapping(this.db, mapping);
  }

  /** A stored photo's bytes (evidence, counter-evidence, a signature), or undefined when this device does not have it. */
  async photo(hash: string): Promise<Blob | undefined> {
    return (await this.db.photos.get(hash))?.blob;
  }

  /** The stored events of these findings, by finding. */
  async eventsOf(findingIds: readonly string[]): Promise<Map<string, FindingEvent[]>> {
    const out = new Map<string, FindingEvent[]>();
    if (findingIds.length === 0) return out;
    for (const r of await this.db.events.where('findingId').anyOf([...findingIds]).toArray()) {
      const list = out.get(r.findingId);
      if (list) list.push(r.event);
      else out.set(r.findingId, [r.event]);
    }
    return out;
  }

  /** Every stored event of the findings signed under a notice (what buildNotice needs). */
  async noticeEvents(noticeId: string): Promise<FindingEvent[]> {
    const acks = await this.db.events.filter((r) => r.event.type === 'finding.acknowledged' && r.event.noticeId === noticeId).toArray();
    return [...(await this.eventsOf([...new Set(acks.map((a) => a.findingId))])).values()].flat();
  }

  private async commit(events: readonly FindingEvent[], photos: readonly PreparedPhoto[], acting: AccountSummary) {
    await this.check(events, acting);
    return commitWrite(this.db, events, photos, this.timeZone);
  }

  /** Check each event as the server will; if any is refused, ActRefused says each refusal with its event's index, and nothing is written. */
  private async check(events: readonly FindingEvent[], acting: AccountSummary): Promise<void> {
    this.checker ??= import('../core/access/checkEvent');
    const [checks, { rules, index }] = await Promise.all([this.checker, this.checked]);
    const reviewed = events.filter((e) => e.type !== 'finding.recorded').map((e) => e.findingId);
    const known = await this.eventsOf([...new Set(reviewed)]);
    const actor = { accountId: acting.id, role: acting.role, unitIds: acting.unitIds, windowIds: acting.windowIds, offices: acting.offices, deviceId: this.identity.deviceId };
    const now = this.clock().toISOString();
    const refusals: IndexedRefusal[] = [];
    for (const [at, e] of events.entries()) {
      const r = checks.checkEvent(e, {
        roster: rules.roster,
        index,
        scheme: (id, version) => rules.schemes.find((s) => s.id === id && s.version === version),
        schedule: rules.schedule,
        actor: (id) => (id === actor.accountId ? actor : undefined),
        findingEvents: (id) => known.get(id) ?? [],
        review: this.pulled.get().review,
        now,
      });
      if (!r.ok) refusals.push({ index: at, refusal: r.refusal });
    }
    const [first, ...more] = refusals;
    if (first) throw new ActRefused(first, ...more);
  }

  private afterCommit(): void {
    for (const l of this.committed) l();
  }
}
