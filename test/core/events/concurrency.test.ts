import { describe, expect, it } from 'vitest';
import type { FindingEvent } from '../../../src/core/events/events';
import { foldFinding } from '../../../src/core/events/foldFinding';
import { foldSteps } from '../../../src/core/events/foldSteps';
import { act, CHIEF, COMMITTEE_A, COMMITTEE_B, eventId, INSPECTOR, recording } from './reviewFixture';

/** Every order the events could arrive in. */
function permutations<T>(list: readonly T[]): T[][] {
  if (list.length <= 1) return [[...list]];
  return list.flatMap((x, i) => permutations([...list.slice(0, i), ...list.slice(i + 1)]).map((rest) => [x, ...rest]));
}

/** The fold of every arrival order, which must all agree; returns the one outcome. */
function outcome(events: readonly FindingEvent[]) {
  const results = permutations(events).map((p) => foldFinding(p));
  for (const r of results) expect(r).toEqual(results[0]);
  return results[0];
}

describe('two devices acting on one finding while offline', () => {
  it('two committee members decide: the first in the total order wins, the second is ignored naming the first, in any arrival order', () => {
    const a = act.decided(3, 'overturn', COMMITTEE_A, '2026-03-12T09:00:00+08:00');
    const b = act.decided(4, 'uphold', COMMITTEE_B, '2026-03-12T09:05:00+08:00');
    const f = outcome([recording(), act.contested(2), a, b]);
    expect(f?.finding.state).toBe('overturned');
    expect(f?.ignored).toEqual([
      {
        eventId: b.id,
        ignored: { kind: 'state', act: 'contest.decided', state: 'overturned', by: { id: a.id, type: 'contest.decided', actorId: COMMITTEE_A, at: a.at } },
      },
    ]);
  });

  it('each device alone shows its own decision; after syncing both show the same winner', () => {
    const base = [recording(), act.contested(2)];
    const a = act.decided(3, 'overturn', COMMITTEE_A);
    const b = act.decided(4, 'uphold', COMMITTEE_B);
    expect(foldFinding([...base, b])?.finding.state).toBe('upheld');
    expect(foldFinding([...base, a])?.finding.state).toBe('overturned');
    // B synced first and the server applied it; A's earlier decision arrives later and takes over, on every device.
    const server = foldFinding([...base, b, a]);
    const deviceA = foldFinding([...base, a, b]);
    expect(server).toEqual(deviceA);
    expect(server?.finding.state).toBe('overturned');
  });

  it('acknowledge then contest (the chief signs, then contests within the deadline): contested', () => {
    const f = outcome([recording(), act.acknowledged(2, INSPECTOR), act.contested(3)]);
    expect(f?.finding.state).toBe('contested');
    expect(f?.ignored).toEqual([]);
  });

  it('contest then acknowledge (a phone contests, then the notice is signed on the tablet): contested, the signature is ignored', () => {
    const contest = act.contested(2);
    const f = outcome([recording(), contest, act.acknowledged(3, INSPECTOR)]);
    expect(f?.finding.state).toBe('contested');
    expect(f?.ignored[0]?.ignored).toEqual({ kind: 'state', act: 'finding.acknowledged', state: 'contested', by: { id: contest.id, type: 'finding.contested', actorId: CHIEF, at: contest.at } });
  });

  it('void then contest: voided, the contest is ignored', () => {
    const f = outcome([recording(), act.voided(2), act.contested(3)]);
    expect(f?.finding.state).toBe('voided');
    expect(f?.ignored.map((i) => i.ignored)).toEqual([expect.objectContaining({ kind: 'state', act: 'finding.contested', state: 'voided', by: expect.objectContaining({ type: 'finding.voided' }) })]);
  });

  it('contest then void: contested, the void is ignored', () => {
    const f = outcome([recording(), act.contested(2), act.voided(3)]);
    expect(f?.finding.state).toBe('contested');
    expect(f?.ignored).toHaveLength(1);
  });

  it('acknowledge then void, and void then acknowledge: the first wins', () => {
    expect(outcome([recording(), act.acknowledged(2), act.voided(3)])?.finding.state).toBe('acknowledged');
    expect(outcome([recording(), act.voided(2), act.acknowledged(3)])?.finding.state).toBe('voided');
  });

  it('two acknowledgements (tablet and phone): the first applies, the second is ignored', () => {
    const f = outcome([recording(), act.acknowledged(2, INSPECTOR), act.acknowledged(3, CHIEF)]);
    expect(f?.finding.state).toBe('acknowledged');
    expect(f?.ignored.map((i) => i.eventId)).toEqual([eventId(3)]);
  });

  it('a late void made before an accepted contest and decision wins over both', () => {
    const f = outcome([recording(), act.voided(2), act.contested(3), act.decided(4, 'uphold')]);
    expect(f?.finding.state).toBe('voided');
    expect(f?.ignored.map((i) => i.eventId)).toEqual([eventId(3), eventId(4)]);
  });

  it('a decision made offline while another member reopened and re-decided is ignored where it falls in the order', () => {
    const f = outcome([recording(), act.contested(2), act.decided(3, 'uphold', COMMITTEE_A), act.reopened(5, COMMITTEE_B), act.decided(6, 'overturn', COMMITTEE_B), act.decided(4, 'amend', COMMITTEE_B, undefined, { itemId: 'roam' })]);
    expect(f?.finding.state).toBe('overturned');
    expect(f?.ignored.map((i) => i.eventId)).toEqual([eventId(4)]);
  });
});

describe('the fold', () => {
  it('counts duplicates once and puts the recording first whatever its id', () => {
    const late = recording({ id: eventId(99) });
    const steps = foldSteps([act.contested(2), late, act.contested(2)]).steps;
    expect(steps.map((s) => [s.event.id, s.applied, s.before, s.after])).toEqual([
      [eventId(99), true, null, 'recorded'],
      [eventId(2), true, 'recorded', 'contested'],
    ]);
  });

  it('without the recording nothing applies, and each event says why', () => {
    const t = foldSteps([act.contested(2)]);
    expect(t.state).toBeNull();
    expect(t.steps[0]).toMatchObject({ applied: false, ignored: { kind: 'no-recording' } });
    expect(foldFinding([act.contested(2)])).toBeNull();
  });

  it('an amendment is replaced by a reopen and the next decision', () => {
    const amended = foldFinding([recording(), act.contested(2), act.decided(3, 'amend', COMMITTEE_A, undefined, { itemId: 'roam' })]);
    expect(amended?.finding).toMatchObject({ state: 'amended', amended: { itemId: 'roam' } });
    const reopened = foldFinding([recording(), act.contested(2), act.decided(3, 'amend', COMMITTEE_A, undefined, { itemId: 'roam' }), act.reopened(4, COMMITTEE_B)]);
    expect(reopened?.finding.state).toBe('contested');
    expect(reopened?.finding.amended).toBeUndefined();
    const upheld = foldFinding([recording(), act.contested(2), act.decided(3, 'amend', COMMITTEE_A, undefined, { itemId: 'roam' }), act.reopened(4, COMMITTEE_B), act.decided(5, 'uphold', COMMITTEE_B)]);
    expect(upheld?.finding.state).toBe('upheld');
    expect(upheld?.finding.amended).toBeUndefined();
  });

  it('a decision on an uncontested finding says nobody contested it', () => {
    const f = foldFinding([recording(), act.decided(2)]);
    expect(f?.ignored[0]?.ignored).toEqual({ kind: 'state', act: 'contest.decided', state: 'recorded', by: null });
  });
});
