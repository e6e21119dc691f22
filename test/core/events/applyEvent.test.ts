import { describe, expect, it } from 'vitest';
import { applyEvent } from '../../../src/core/events/applyEvent';
import type { FoldPoint, Ignored } from '../../../src/core/events/applyEvent';
import type { FindingEvent } from '../../../src/core/events/events';
import type { ReviewState } from '../../../src/core/model/finding';
import { act, COMMITTEE_A, INSPECTOR, recording } from './reviewFixture';

const STATES: ReviewState[] = ['recorded', 'acknowledged', 'contested', 'upheld', 'overturned', 'amended', 'voided'];

/** A finding recorded by INSPECTOR, in the given state, never rectified. */
const at = (state: ReviewState): FoldPoint => ({ state, author: INSPECTOR, changedBy: null, rectifiedAt: null });

/** Every event a finding can meet, and the state it leads to from each state (null: refused). */
const MATRIX: { name: string; event: FindingEvent; to: Record<ReviewState, ReviewState | null>; refusedBecause: Ignored['kind'] }[] = [
  {
    name: 'voided by the author',
    event: act.voided(2),
    to: { recorded: 'voided', acknowledged: null, contested: null, upheld: null, overturned: null, amended: null, voided: null },
    refusedBecause: 'state',
  },
  {
    name: 'acknowledged (the chief signs the notice)',
    event: act.acknowledged(2),
    to: { recorded: 'acknowledged', acknowledged: null, contested: null, upheld: null, overturned: null, amended: null, voided: null },
    refusedBecause: 'state',
  },
  {
    name: 'contested (also after signing)',
    event: act.contested(2),
    to: { recorded: 'contested', acknowledged: 'contested', contested: null, upheld: null, overturned: null, amended: null, voided: null },
    refusedBecause: 'state',
  },
  {
    name: 'decided: uphold',
    event: act.decided(2, 'uphold'),
    to: { recorded: null, acknowledged: null, contested: 'upheld', upheld: null, overturned: null, amended: null, voided: null },
    refusedBecause: 'state',
  },
  {
    name: 'decided: overturn',
    event: act.decided(2, 'overturn'),
    to: { recorded: null, acknowledged: null, contested: 'overturned', upheld: null, overturned: null, amended: null, voided: null },
    refusedBecause: 'state',
  },
  {
    name: 'decided: amend',
    event: act.decided(2, 'amend', COMMITTEE_A, undefined, { itemId: 'roam' }),
    to: { recorded: null, acknowledged: null, contested: 'amended', upheld: null, overturned: null, amended: null, voided: null },
    refusedBecause: 'state',
  },
  {
    name: 'reopened by a committee member',
    event: act.reopened(2),
    to: { recorded: null, acknowledged: null, contested: null, upheld: 'contested', overturned: 'contested', amended: 'contested', voided: null },
    refusedBecause: 'state',
  },
  {
    name: 'rectified (keeps the state)',
    event: act.rectified(2),
    to: { recorded: 'recorded', acknowledged: 'acknowledged', contested: 'contested', upheld: 'upheld', overturned: null, amended: 'amended', voided: null },
    refusedBecause: 'state',
  },
  {
    name: 'voided by someone else',
    event: act.voided(2, 'acc-other-inspector'),
    to: { recorded: null, acknowledged: null, contested: null, upheld: null, overturned: null, amended: null, voided: null },
    refusedBecause: 'not-author',
  },
  {
    name: "decided by the finding's own author (even from a committee account)",
    event: act.decided(2, 'overturn', INSPECTOR),
    to: { recorded: null, acknowledged: null, contested: null, upheld: null, overturned: null, amended: null, voided: null },
    refusedBecause: 'own-finding',
  },
  {
    name: "reopened by the finding's own author",
    event: act.reopened(2, INSPECTOR),
    to: { recorded: null, acknowledged: null, contested: null, upheld: null, overturned: null, amended: null, voided: null },
    refusedBecause: 'own-finding',
  },
  {
    name: 'a second recording of the same finding',
    event: recording({ id: 'x'.repeat(26) }),
    to: { recorded: null, acknowledged: null, contested: null, upheld: null, overturned: null, amended: null, voided: null },
    refusedBecause: 'second-recording',
  },
];

describe('every review transition', () => {
  for (const row of MATRIX) {
    describe(row.name, () => {
      it.each(STATES)(`from %s`, (from) => {
        const r = applyEvent(at(from), row.event);
        const to = row.to[from];
        if (to === null) {
          expect(r.ok).toBe(false);
          if (!r.ok) {
            expect(r.ignored.kind).toBe(row.refusedBecause);
            if (row.refusedBecause === 'state') expect(r.ignored).toEqual({ kind: 'state', act: row.event.type, state: from, by: null });
            if (row.refusedBecause === 'not-author' || row.refusedBecause === 'own-finding') expect(r.ignored).toMatchObject({ author: INSPECTOR });
          }
        } else {
          expect(r).toEqual({ ok: true, state: to });
        }
      });
    });
  }

  it('names the author and the act in the refusals about authorship', () => {
    expect(applyEvent(at('contested'), act.decided(2, 'overturn', INSPECTOR))).toEqual({ ok: false, ignored: { kind: 'own-finding', act: 'contest.decided', author: INSPECTOR } });
    expect(applyEvent(at('upheld'), act.reopened(2, INSPECTOR))).toEqual({ ok: false, ignored: { kind: 'own-finding', act: 'contest.reopened', author: INSPECTOR } });
    expect(applyEvent(at('recorded'), act.voided(2, 'acc-x'))).toEqual({ ok: false, ignored: { kind: 'not-author', act: 'finding.voided', author: INSPECTOR } });
  });

  it('marks a follow-up done once: a second rectification is ignored, naming the first', () => {
    expect(applyEvent({ ...at('upheld'), rectifiedAt: '2026-03-11T10:00:00+08:00' }, act.rectified(3))).toEqual({
      ok: false,
      ignored: { kind: 'already-rectified', at: '2026-03-11T10:00:00+08:00' },
    });
  });
});
