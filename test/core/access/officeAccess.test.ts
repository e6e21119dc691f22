import { describe, expect, it } from 'vitest';
import { allowedActs } from '../../../src/core/access/allowedActs';
import type { Actor } from '../../../src/core/access/actor';
import { checkEvent } from '../../../src/core/access/checkEvent';
import type { CheckContext } from '../../../src/core/access/checkEvent';
import { publishedPeriodOf } from '../../../src/core/access/publishedPeriod';
import type { Refusal } from '../../../src/core/access/refusal';
import { DEFAULT_REVIEW_SETTINGS } from '../../../src/core/events/defaultReviewSettings';
import type { FindingEvent } from '../../../src/core/events/events';
import { foldFinding } from '../../../src/core/events/foldFinding';
import { place } from '../../../src/core/model/placement';
import { indexRoster } from '../../../src/core/model/rosterIndex';
import { ledgerOffices, officeItems } from '../../../src/core/scheme/ledgerItems';
import { miniScheme, MINI_ROSTER } from '../../fixtures/miniScheme';
import { act, recording } from '../events/reviewFixture';

const scheme = miniScheme();
const index = indexRoster(MINI_ROSTER);
const OFFICE: Actor = { accountId: 'acc-office', role: 'office', unitIds: [], windowIds: [], offices: ['综合办公室'], deviceId: 'laptop' };
const OTHER_OFFICE: Actor = { ...OFFICE, accountId: 'acc-office-2', offices: ['业务管理室'] };
const INSPECTOR: Actor = { accountId: 'acc-inspector', role: 'inspector', unitIds: [], windowIds: [], deviceId: 'tablet-1' };
const ACTORS = [OFFICE, OTHER_OFFICE, INSPECTOR];

function ctx(over: Partial<CheckContext> = {}): CheckContext {
  return {
    roster: MINI_ROSTER,
    index,
    scheme: (id, v) => (id === scheme.id && v === scheme.version ? scheme : undefined),
    actor: (id) => ACTORS.find((a) => a.accountId === id),
    findingEvents: () => [],
    review: DEFAULT_REVIEW_SETTINGS,
    now: '2026-04-02T12:00:00+08:00',
    ...over,
  };
}
/** 旷工 1 day in March, entered on 2 April by the 综合办公室 from its attendance ledger. */
const entry = (over: Parameters<typeof recording>[0] = {}) =>
  recording({
    actorId: OFFICE.accountId,
    deviceId: 'laptop',
    itemId: 'absent',
    inputs: { quantity: 1 },
    at: '2026-04-02T08:30:00+08:00',
    observedAt: '2026-03-31T12:00:00+08:00',
    sourceRef: '考勤台账 2026-03 第2页',
    photos: [],
    note: undefined,
    ...over,
  });
const answer = (e: FindingEvent, over: Partial<CheckContext> = {}): Refusal | 'accepted' => {
  const r = checkEvent(e, ctx(over));
  return r.ok ? 'accepted' : r.refusal;
};

describe('the office role: ledger items of its own offices, with their source', () => {
  it('records a ledger item its office owns, dated in the month it is about', () => {
    expect(answer(entry())).toBe('accepted');
  });

  it('refuses a ledger item of another office, and any patrol item', () => {
    expect(answer(entry({ actorId: OTHER_OFFICE.accountId }))).toEqual({ kind: 'office', itemId: 'absent', office: '综合办公室', source: 'ledger', offices: ['业务管理室'] });
    expect(answer(entry({ itemId: 'phone', inputs: undefined }))).toEqual({ kind: 'office', itemId: 'phone', office: '大厅运行室', source: 'patrol', offices: ['综合办公室'] });
  });

  it('refuses a ledger entry without its source reference', () => {
    expect(answer(entry({ sourceRef: undefined }))).toEqual({ kind: 'source-missing', itemId: 'absent' });
  });

  it('checks the inputs as for a patrol finding (the same core check)', () => {
    expect(answer(entry({ inputs: { quantity: -1 } }))).toEqual({ kind: 'inputs', itemId: 'absent', problems: [{ field: 'quantity', kind: 'below-min', limit: 0 }] });
    expect(answer(entry({ inputs: undefined }))).toEqual({ kind: 'inputs', itemId: 'absent', problems: [{ field: 'quantity', kind: 'required' }] });
  });

  it('refuses an entry about a moment after it was made', () => {
    expect(answer(entry({ observedAt: '2026-04-03T09:00:00+08:00' }))).toEqual({ kind: 'observed-ahead', observedAt: '2026-04-03T09:00:00+08:00', at: '2026-04-02T08:30:00+08:00' });
  });

  it('leaves other roles as they were: an inspector may record a ledger item without a source', () => {
    expect(answer(entry({ actorId: INSPECTOR.accountId, sourceRef: undefined }))).toBe('accepted');
  });

  it('may void its own entry, and takes no review act', () => {
    const events = [entry()];
    const f = foldFinding(events);
    if (!f) throw new Error('no recording');
    const acts = allowedActs(OFFICE, { point: f.point, recordedAt: f.recordedAt, placement: place(f.finding, index) }, { review: DEFAULT_REVIEW_SETTINGS, timeZone: 'Asia/Shanghai', now: '2026-04-02T10:00:00+08:00' });
    expect(Object.entries(acts).filter(([, a]) => a.ok).map(([k]) => k)).toEqual(['void']);
    expect(answer(act.voided(2, OFFICE.accountId, '2026-04-02T10:00:00+08:00'), { findingEvents: () => events })).toBe('accepted');
    expect(answer(act.voided(2, OTHER_OFFICE.accountId, '2026-04-02T10:00:00+08:00'), { findingEvents: () => events })).toMatchObject({ kind: 'fold', ignored: { kind: 'not-author' } });
  });
});

describe('a published period refuses an office’s new entries (the single point: CheckContext.publishedPeriod)', () => {
  const tz = 'Asia/Shanghai';
  it('finds the published month, quarter or year of the scheme that holds the day', () => {
    const of = publishedPeriodOf([{ schemeId: 'mini', period: '2026-03' }, { schemeId: 'mini', period: '2025' }, { schemeId: 'other', period: '2026-Q2' }], tz);
    expect(of('mini', '2026-03-31T23:30:00+08:00')).toBe('2026-03');
    // 2026-03-31T16:30Z is already 1 April in the hall.
    expect(of('mini', '2026-03-31T16:30:00Z')).toBeUndefined();
    expect(of('mini', '2025-07-01T10:00:00+08:00')).toBe('2025');
    expect(of('other', '2026-05-01T10:00:00+08:00')).toBe('2026-Q2');
    expect(of('mini', '2026-05-01T10:00:00+08:00')).toBeUndefined();
  });

  it('refuses an office’s entry into a published month; a patrol finding arriving late is taken (a pending change for a revision)', () => {
    const publishedPeriod = publishedPeriodOf([{ schemeId: 'mini', period: '2026-03' }], tz);
    expect(answer(entry(), { publishedPeriod })).toEqual({ kind: 'period-published', schemeId: 'mini', period: '2026-03' });
    expect(answer(entry({ observedAt: '2026-04-01T09:00:00+08:00' }), { publishedPeriod })).toBe('accepted');
    expect(answer(entry({ actorId: INSPECTOR.accountId, sourceRef: undefined }), { publishedPeriod })).toBe('accepted');
  });
});

describe('which offices and items an office account works with', () => {
  it('lists the offices owning ledger items, and an office’s ledger items in file order', () => {
    expect(ledgerOffices([scheme])).toEqual(['综合办公室']);
    expect(officeItems(scheme, ['综合办公室']).map((i) => i.id)).toEqual(['leave-days', 'absent', 'midway', 'rate', 'media']);
    expect(officeItems(scheme, ['大厅运行室'])).toEqual([]);
  });
});
