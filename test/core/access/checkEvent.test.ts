import { describe, expect, it } from 'vitest';
import type { FindingEvent } from '../../../src/core/events/events';
import { DEFAULT_REVIEW_SETTINGS } from '../../../src/core/events/defaultReviewSettings';
import { indexRoster } from '../../../src/core/model/rosterIndex';
import type { Actor } from '../../../src/core/access/actor';
import { checkEvent } from '../../../src/core/access/checkEvent';
import type { CheckContext } from '../../../src/core/access/checkEvent';
import type { Refusal } from '../../../src/core/access/refusal';
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

const refusal = (r: ReturnType<typeof checkEvent>): Refusal | 'accepted' => (r.ok ? 'accepted' : r.refusal);

describe('checkEvent: who may act on a finding', () => {
  it('a chief acts only on findings of their own units or windows', () => {
    expect(checkEvent(act.contested(2, CHIEF), ctx([recording()])).ok).toBe(true);
    expect(checkEvent(act.contested(2, 'acc-chief-w1'), ctx([recording()])).ok).toBe(true);
    expect(refusal(checkEvent(act.contested(2, 'acc-chief-u2'), ctx([recording()])))).toEqual({ kind: 'scope', unitId: 'u1', windowId: 'w1' });
    expect(refusal(checkEvent(act.acknowledged(2, 'acc-chief-u2'), ctx([recording()])))).toMatchObject({ kind: 'scope' });
  });

  it('an inspector may not decide or reopen; a chief may not decide', () => {
    const known = [recording(), act.contested(2)];
    expect(refusal(checkEvent(act.decided(3, 'overturn', INSPECTOR), ctx(known)))).toEqual({ kind: 'role', role: 'inspector', act: 'contest.decided', allowed: ['committee'] });
    expect(refusal(checkEvent(act.decided(3, 'overturn', CHIEF), ctx(known)))).toMatchObject({ kind: 'role', role: 'chief' });
    expect(refusal(checkEvent(act.reopened(4, INSPECTOR), ctx([...known, act.decided(3)])))).toMatchObject({ kind: 'role', act: 'contest.reopened' });
  });

  it("the finding's author may not decide or reopen even from a committee account", () => {
    const mine = recording({ actorId: 'acc-promoted' });
    expect(refusal(checkEvent(act.decided(3, 'overturn', 'acc-promoted'), ctx([mine, act.contested(2)])))).toEqual({ kind: 'fold', ignored: { kind: 'own-finding', act: 'contest.decided', author: 'acc-promoted' } });
    expect(refusal(checkEvent(act.reopened(4, 'acc-promoted'), ctx([mine, act.contested(2), act.decided(3)])))).toEqual({ kind: 'fold', ignored: { kind: 'own-finding', act: 'contest.reopened', author: 'acc-promoted' } });
  });

  it('a decided contest is not decided again without a reopen, and a reopen needs a decision', () => {
    const decided = [recording(), act.contested(2), act.decided(3, 'uphold', COMMITTEE_A)];
    expect(refusal(checkEvent(act.decided(4, 'overturn', COMMITTEE_B), ctx(decided)))).toMatchObject({ kind: 'fold', ignored: { kind: 'state', state: 'upheld', by: { type: 'contest.decided', actorId: COMMITTEE_A } } });
    expect(checkEvent(act.reopened(4, COMMITTEE_B), ctx(decided)).ok).toBe(true);
    expect(checkEvent(act.decided(5, 'overturn', COMMITTEE_B), ctx([...decided, act.reopened(4, COMMITTEE_B)])).ok).toBe(true);
    expect(refusal(checkEvent(act.reopened(3, COMMITTEE_B), ctx([recording(), act.contested(2)])))).toMatchObject({ kind: 'fold', ignored: { kind: 'state', act: 'contest.reopened', state: 'contested' } });
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
    expect(r).toEqual({ ok: false, retryable: false, refusal: { kind: 'contest-closed', lastDay: '2026-03-17', days: 7, at: '2026-03-18T00:00:00+08:00' } });
    expect(refusal(checkEvent(late, ctx([recording()], { now: '2026-03-18T00:01:00+08:00' })))).toMatchObject({ kind: 'contest-closed' });
  });

  it('a contest made in time offline is accepted when it arrives within the offline grace after the deadline, refused later', () => {
    const made = act.contested(3, CHIEF, '2026-03-16T15:00:00+08:00');
    // The period ends with 3/17; the default grace is 48 hours: through 3/19 23:59:59 hall time.
    expect(checkEvent(made, ctx([recording()], { now: '2026-03-19T23:00:00+08:00' })).ok).toBe(true);
    expect(refusal(checkEvent(made, ctx([recording()], { now: '2026-03-20T00:30:00+08:00' })))).toEqual({ kind: 'contest-arrived-late', lastDay: '2026-03-17', now: '2026-03-20T00:30:00+08:00', graceHours: 48 });
    expect(checkEvent(made, ctx([recording()], { now: '2026-04-30T09:00:00+08:00', review: { ...DEFAULT_REVIEW_SETTINGS, offlineGraceHours: 24 * 60 } })).ok).toBe(true);
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
    expect(checkEvent(ahead, ctx([recording()]))).toEqual({ ok: false, retryable: true, refusal: { kind: 'clock-ahead', at: ahead.at, now: '2026-03-12T12:00:00+08:00', minutes: 30, toleranceMinutes: 10 } });
    expect(checkEvent(act.contested(2, CHIEF, '2026-03-12T12:09:00+08:00'), ctx([recording()])).ok).toBe(true);
    expect(checkEvent(recording({ at: '2026-03-13T12:00:00+08:00' }), ctx([])).ok).toBe(false);
    // No clock given (a replay, a test): no wrong-clock check.
    expect(checkEvent(ahead, ctx([recording()], { now: undefined })).ok).toBe(true);
  });

  it('an act on a finding before it was recorded is refused', () => {
    expect(refusal(checkEvent(act.contested(2, CHIEF, '2026-03-10T09:00:00+08:00'), ctx([recording()])))).toEqual({ kind: 'before-recording', at: '2026-03-10T09:00:00+08:00', recordedAt: '2026-03-10T10:00:00+08:00' });
  });

  it('uses the default settings when the context has none', () => {
    const r = checkEvent(act.contested(2, CHIEF, '2026-03-17T23:00:00+08:00'), ctx([recording()], { review: undefined, now: undefined }));
    expect(r.ok).toBe(DEFAULT_REVIEW_SETTINGS.contestDays >= 7);
  });
});

describe('checkEvent: a recording', () => {
  it('refuses a placement whose person, window and unit belong to different units, as data', () => {
    const r = checkEvent(recording({ staffId: 's1', windowId: 'w3' }), ctx([]));
    expect(r).toEqual({ ok: false, retryable: false, refusal: { kind: 'placement', problems: [{ kind: 'units-differ', staff: { id: 's1', unitId: 'u1' }, window: { id: 'w3', unitId: 'u2' } }] } });
    expect(refusal(checkEvent(recording({ staffId: 's9' }), ctx([])))).toEqual({ kind: 'placement', problems: [{ kind: 'unknown', subject: 'staff', id: 's9' }] });
  });

  it('names each input problem by field, kind and limit', () => {
    expect(refusal(checkEvent(recording({ itemId: 'late', inputs: {} }), ctx([])))).toEqual({ kind: 'inputs', itemId: 'late', problems: [{ field: 'quantity', kind: 'required' }] });
    expect(refusal(checkEvent(recording({ itemId: 'late', inputs: { quantity: -5 } }), ctx([])))).toEqual({ kind: 'inputs', itemId: 'late', problems: [{ field: 'quantity', kind: 'below-min', limit: 0 }] });
  });

  it('takes a recording only under the scheme version the hall has in force on its hall-local day', () => {
    const v2 = { ...scheme, version: 2 };
    const schedule = [
      { id: 'mini', version: 1, subject: 'staff' as const },
      { id: 'mini', version: 2, subject: 'staff' as const, from: '2026-04-01' },
    ];
    const withV2 = (over: Partial<CheckContext> = {}): CheckContext => ctx([], { scheme: (id, v) => (id !== 'mini' ? undefined : v === 1 ? scheme : v === 2 ? v2 : undefined), schedule, ...over });
    const at = (instant: string, schemeVersion: number): FindingEvent => recording({ at: instant, observedAt: instant, schemeVersion });
    expect(checkEvent(at('2026-03-31T23:30:00+08:00', 1), withV2({ now: '2026-04-02T00:00:00+08:00' })).ok).toBe(true);
    // 1 April in the hall (Asia/Shanghai) is still 31 March in UTC: the hall's day decides.
    expect(refusal(checkEvent(at('2026-03-31T16:30:00Z', 1), withV2({ now: '2026-04-02T00:00:00+08:00' })))).toEqual({ kind: 'scheme-version-not-in-force', schemeId: 'mini', schemeVersion: 1, day: '2026-04-01', inForce: 2 });
    expect(refusal(checkEvent(at('2026-03-31T23:30:00+08:00', 2), withV2({ now: '2026-04-02T00:00:00+08:00' })))).toEqual({ kind: 'scheme-version-not-in-force', schemeId: 'mini', schemeVersion: 2, day: '2026-03-31', inForce: 1 });
    expect(checkEvent(at('2026-04-01T08:30:00+08:00', 2), withV2({ now: '2026-04-02T00:00:00+08:00' })).ok).toBe(true);
    // A scheme the hall's schedule does not name is in force in no version; without a schedule nothing is checked.
    expect(refusal(checkEvent(recording(), withV2({ schedule: [{ id: 'other', version: 1, subject: 'staff' }] })))).toEqual({ kind: 'scheme-version-not-in-force', schemeId: 'mini', schemeVersion: 1, day: '2026-03-10', inForce: null });
    expect(checkEvent(recording(), ctx([])).ok).toBe(true);
  });

  it('places an accepted recording for the scoped pull', () => {
    expect(checkEvent(recording(), ctx([]))).toEqual({ ok: true, placement: { staffId: 's1', windowId: 'w1', unitId: 'u1', chiefId: 'c1' } });
  });
});
