import { describe, expect, it } from 'vitest';
import type { FindingEvent } from '../../../src/core/events/events';
import { DEFAULT_REVIEW_SETTINGS } from '../../../src/core/events/reviewSettings';
import { indexRoster } from '../../../src/core/model/rosterIndex';
import type { Actor } from '../../../src/core/access/actor';
import { checkEvent } from '../../../src/core/access/checkEvent';
import type { CheckContext } from '../../../src/core/access/checkEvent';
import { miniScheme, MINI_ROSTER } from '../../fixtures/miniScheme';
import { act, CHIEF, COMMITTEE_A, COMMITTEE_B, INSPECTOR, recording } from '../events/reviewFixture';

const scheme = miniScheme();
const ACTORS: Actor[] = [
  { accountId: INSPECTOR, role: 'inspector', unitIds: [], windowIds: [], deviceId: 'd' },
  { accountId: CHIEF, role: 'chief', unitIds: ['u1'], windowIds: [], deviceId: 'd' },
  { accountId: 'acc-chief-u2', role: 'chief', unitIds: ['u2'], windowIds: [], deviceId: 'd' },
  { accountId: 'acc-chief-w1', role: 'chief', unitIds: [], windowIds: ['w1'], deviceId: 'd' },
  { accountId: COMMITTEE_A, role: 'committee', unitIds: [], windowIds: [], deviceId: 'd' },
  { accountId: COMMITTEE_B, role: 'committee', unitIds: [], windowIds: [], deviceId: 'd' },
  // An inspector later made a committee member: still the author of what they recorded.
  { accountId: 'acc-promoted', role: 'committee', unitIds: [], windowIds: [], deviceId: 'd' },
];

function ctx(known: FindingEvent[], over: Partial<CheckContext> = {}): CheckContext {
  return {
    roster: MINI_ROSTER,
    index: indexRoster(MINI_ROSTER),
    scheme: (id, v) => (id === scheme.id && v === scheme.version ? scheme : undefined),
    actor: (id) => ACTORS.find((a) => a.accountId === id),
    findingEvents: () => known,
    review: { ...DEFAULT_REVIEW_SETTINGS, contestDays: 7 },
    now: '2026-03-12T12:00:00+08:00',
    ...over,
  };
}

const reason = (r: ReturnType<typeof checkEvent>): string => (r.ok ? 'accepted' : r.reason);

describe('checkEvent: who may act on a finding', () => {
  it('a chief acts only on findings of their own units or windows', () => {
    expect(checkEvent(act.contested(2, CHIEF), ctx([recording()])).ok).toBe(true);
    expect(checkEvent(act.contested(2, 'acc-chief-w1'), ctx([recording()])).ok).toBe(true);
    expect(reason(checkEvent(act.contested(2, 'acc-chief-u2'), ctx([recording()])))).toMatch(/charged to unit u1, outside the scope of acc-chief-u2/);
    expect(reason(checkEvent(act.acknowledged(2, 'acc-chief-u2'), ctx([recording()])))).toMatch(/outside the scope/);
  });

  it('an inspector may not decide or reopen; a chief may not decide', () => {
    const known = [recording(), act.contested(2)];
    expect(reason(checkEvent(act.decided(3, 'overturn', INSPECTOR), ctx(known)))).toMatch(/an? inspector may not contest decided; allowed: committee/);
    expect(reason(checkEvent(act.decided(3, 'overturn', CHIEF), ctx(known)))).toMatch(/a chief may not contest decided/);
    expect(reason(checkEvent(act.reopened(4, INSPECTOR), ctx([...known, act.decided(3)])))).toMatch(/may not contest reopened/);
  });

  it("the finding's author may not decide or reopen even from a committee account", () => {
    const mine = recording({ actorId: 'acc-promoted' });
    expect(reason(checkEvent(act.decided(3, 'overturn', 'acc-promoted'), ctx([mine, act.contested(2)])))).toMatch(/acc-promoted recorded this finding and may not decide a contest on it/);
    expect(reason(checkEvent(act.reopened(4, 'acc-promoted'), ctx([mine, act.contested(2), act.decided(3)])))).toMatch(/may not reopen a contest on it/);
  });

  it('a decided contest is not decided again without a reopen, and a reopen needs a decision', () => {
    const decided = [recording(), act.contested(2), act.decided(3, 'uphold', COMMITTEE_A)];
    expect(reason(checkEvent(act.decided(4, 'overturn', COMMITTEE_B), ctx(decided)))).toMatch(/already decided \(upheld\)/);
    expect(checkEvent(act.reopened(4, COMMITTEE_B), ctx(decided)).ok).toBe(true);
    expect(checkEvent(act.decided(5, 'overturn', COMMITTEE_B), ctx([...decided, act.reopened(4, COMMITTEE_B)])).ok).toBe(true);
    expect(reason(checkEvent(act.reopened(3, COMMITTEE_B), ctx([recording(), act.contested(2)])))).toMatch(/contest.reopened does not apply to a finding that is contested/);
  });

  it('an earlier decision made offline is accepted even though a later one is stored: the first in the order wins', () => {
    const stored = [recording(), act.contested(2), act.decided(4, 'uphold', COMMITTEE_B)];
    expect(checkEvent(act.decided(3, 'overturn', COMMITTEE_A), ctx(stored)).ok).toBe(true);
  });
});

describe('checkEvent: the time rules, judged by the act’s own time', () => {
  it('an acknowledged finding may be contested within the deadline (the last day counts in full)', () => {
    const known = [recording(), act.acknowledged(2)];
    const lastMinute = act.contested(3, CHIEF, '2026-03-17T23:59:00+08:00');
    expect(checkEvent(lastMinute, ctx(known, { now: '2026-03-18T08:00:00+08:00' })).ok).toBe(true);
  });

  it('a contest after the deadline is refused, also of an acknowledged finding, however early it syncs', () => {
    const late = act.contested(3, CHIEF, '2026-03-18T00:00:00+08:00');
    const r = checkEvent(late, ctx([recording(), act.acknowledged(2)], { now: '2026-03-18T00:01:00+08:00' }));
    expect(r).toEqual({ ok: false, retryable: false, reason: expect.stringMatching(/the contest period ended with 2026-03-17 \(7 days after the finding was recorded at 2026-03-10T10:00:00\+08:00\); the contest was made at 2026-03-18T00:00:00\+08:00/) });
    expect(reason(checkEvent(late, ctx([recording()], { now: '2026-03-18T00:01:00+08:00' })))).toMatch(/contest period ended/);
  });

  it('a contest made in time offline is accepted however late it syncs', () => {
    const made = act.contested(3, CHIEF, '2026-03-16T15:00:00+08:00');
    expect(checkEvent(made, ctx([recording()], { now: '2026-04-30T09:00:00+08:00' })).ok).toBe(true);
  });

  it('the hall sets the deadline', () => {
    const c = act.contested(3, CHIEF, '2026-03-12T09:00:00+08:00');
    expect(checkEvent(c, ctx([recording()], { review: { ...DEFAULT_REVIEW_SETTINGS, contestDays: 1 } })).ok).toBe(false);
    expect(checkEvent(c, ctx([recording()], { review: { ...DEFAULT_REVIEW_SETTINGS, contestDays: 2 } })).ok).toBe(true);
  });

  it('a decision after the decision deadline is accepted (it is flagged overdue, not refused)', () => {
    const known = [recording(), act.contested(2, CHIEF, '2026-03-11T09:00:00+08:00')];
    expect(checkEvent(act.decided(3, 'uphold', COMMITTEE_A, '2026-06-01T09:00:00+08:00'), ctx(known, { now: '2026-06-01T09:00:00+08:00' })).ok).toBe(true);
  });

  it('an event from a clock running ahead is refused as retryable, within the tolerance it is fine', () => {
    const ahead = act.contested(2, CHIEF, '2026-03-12T12:30:00+08:00');
    expect(checkEvent(ahead, ctx([recording()]))).toEqual({ ok: false, retryable: true, reason: expect.stringMatching(/30 minutes ahead of the clock here .*tolerance 10 minutes/) });
    expect(checkEvent(act.contested(2, CHIEF, '2026-03-12T12:09:00+08:00'), ctx([recording()])).ok).toBe(true);
    expect(checkEvent(recording({ at: '2026-03-13T12:00:00+08:00' }), ctx([])).ok).toBe(false);
    // No clock given (a replay, a test): no wrong-clock check.
    expect(checkEvent(ahead, ctx([recording()], { now: undefined })).ok).toBe(true);
  });

  it('an act on a finding before it was recorded is refused', () => {
    expect(reason(checkEvent(act.contested(2, CHIEF, '2026-03-10T09:00:00+08:00'), ctx([recording()])))).toMatch(/before the finding was recorded/);
  });

  it('uses the default settings when the context has none', () => {
    const r = checkEvent(act.contested(2, CHIEF, '2026-03-17T23:00:00+08:00'), ctx([recording()], { review: undefined, now: undefined }));
    expect(r.ok).toBe(DEFAULT_REVIEW_SETTINGS.contestDays >= 7);
  });
});
