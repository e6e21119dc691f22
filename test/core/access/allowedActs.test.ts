import { describe, expect, it } from 'vitest';
import { allowedActs } from '../../../src/core/access/allowedActs';
import type { Acting, FindingAtHand } from '../../../src/core/access/allowedActs';
import { checkEvent } from '../../../src/core/access/checkEvent';
import { DEFAULT_REVIEW_SETTINGS } from '../../../src/core/events/defaultReviewSettings';
import type { FindingEvent } from '../../../src/core/events/events';
import { foldFinding } from '../../../src/core/events/foldFinding';
import { place } from '../../../src/core/model/placement';
import { indexRoster } from '../../../src/core/model/rosterIndex';
import { miniScheme, MINI_ROSTER } from '../../fixtures/miniScheme';
import { act, CHIEF, COMMITTEE_A, INSPECTOR, recording } from '../events/reviewFixture';

const index = indexRoster(MINI_ROSTER);
const inspector: Acting = { accountId: INSPECTOR, role: 'inspector', unitIds: [], windowIds: [] };
const chief: Acting = { accountId: CHIEF, role: 'chief', unitIds: ['u1'], windowIds: [] };
const otherChief: Acting = { accountId: 'acc-chief-u2', role: 'chief', unitIds: ['u2'], windowIds: [] };
const committee: Acting = { accountId: COMMITTEE_A, role: 'committee', unitIds: [], windowIds: [] };
const ctx = { review: DEFAULT_REVIEW_SETTINGS, timeZone: 'Asia/Shanghai', now: '2026-03-12T10:00:00+08:00' };

function atHand(events: FindingEvent[]): FindingAtHand {
  const f = foldFinding(events);
  if (!f) throw new Error('no recording');
  return { point: f.point, recordedAt: f.recordedAt, placement: place(f.finding, index) };
}
const ok = (acts: ReturnType<typeof allowedActs>): string[] => Object.entries(acts).flatMap(([a, r]) => (r.ok ? [a] : []));

describe('allowedActs: what the tablet offers is what the server takes', () => {
  it('offers each role its acts on a recorded finding', () => {
    const f = atHand([recording()]);
    expect(ok(allowedActs(inspector, f, ctx))).toEqual(['void', 'acknowledge', 'contest', 'rectify']);
    expect(ok(allowedActs(chief, f, ctx))).toEqual(['acknowledge', 'contest']);
    expect(ok(allowedActs(committee, f, ctx))).toEqual(['rectify']);
  });

  it('refuses to void a signed finding, naming the signature that got there first', () => {
    const signed = act.acknowledged(2);
    const r = allowedActs(inspector, atHand([recording(), signed]), ctx).void;
    expect(r).toEqual({ ok: false, refusal: { kind: 'fold', ignored: { kind: 'state', act: 'finding.voided', state: 'acknowledged', by: { id: signed.id, type: 'finding.acknowledged', actorId: CHIEF, at: signed.at } } } });
  });

  it('says why each other act is refused: role, scope, author, deadline, once', () => {
    const contested = atHand([recording(), act.contested(2)]);
    expect(allowedActs(inspector, contested, ctx).decide).toEqual({ ok: false, refusal: { kind: 'role', role: 'inspector', act: 'contest.decided', allowed: ['committee'] } });
    expect(allowedActs(otherChief, atHand([recording()]), ctx).contest).toEqual({ ok: false, refusal: { kind: 'scope', unitId: 'u1', windowId: 'w1' } });
    const promoted: Acting = { ...committee, accountId: INSPECTOR };
    expect(allowedActs(promoted, contested, ctx).decide).toEqual({ ok: false, refusal: { kind: 'fold', ignored: { kind: 'own-finding', act: 'contest.decided', author: INSPECTOR } } });
    const late = allowedActs(chief, atHand([recording()]), { ...ctx, now: '2026-03-18T00:00:00+08:00' }).contest;
    expect(late).toEqual({ ok: false, refusal: { kind: 'contest-closed', lastDay: '2026-03-17', days: 7, at: '2026-03-18T00:00:00+08:00' } });
    const rectified = act.rectified(2);
    expect(allowedActs(inspector, atHand([recording(), rectified]), ctx).rectify).toEqual({ ok: false, refusal: { kind: 'fold', ignored: { kind: 'already-rectified', at: rectified.at } } });
  });

  it('agrees with checkEvent on every act, role and state', () => {
    const scheme = miniScheme();
    const histories: FindingEvent[][] = [
      [recording()],
      [recording(), act.acknowledged(2)],
      [recording(), act.contested(2)],
      [recording(), act.contested(2), act.decided(3, 'uphold')],
      [recording(), act.contested(2), act.decided(3, 'overturn')],
      [recording(), act.voided(2)],
      [recording(), act.rectified(2)],
    ];
    const make: Record<string, (n: number, actorId: string) => FindingEvent> = {
      void: (n, a) => act.voided(n, a, ctx.now),
      acknowledge: (n, a) => act.acknowledged(n, a, ctx.now),
      contest: (n, a) => act.contested(n, a, ctx.now),
      decide: (n, a) => act.decided(n, 'uphold', a, ctx.now),
      reopen: (n, a) => act.reopened(n, a, ctx.now),
      rectify: (n, a) => act.rectified(n, a, ctx.now),
    };
    for (const events of histories) {
      for (const who of [inspector, chief, otherChief, committee]) {
        const offered = allowedActs(who, atHand(events), ctx);
        for (const [name, answer] of Object.entries(offered)) {
          const event = make[name]?.(9, who.accountId);
          if (!event) throw new Error(name);
          const checked = checkEvent(event, {
            roster: MINI_ROSTER,
            index,
            scheme: () => scheme,
            actor: (id) => (id === who.accountId ? { ...who, deviceId: 'd' } : undefined),
            findingEvents: () => events,
            review: ctx.review,
            now: ctx.now,
          });
          expect({ name, who: who.accountId, state: events.length, ok: checked.ok }).toEqual({ name, who: who.accountId, state: events.length, ok: answer.ok });
          if (!checked.ok && !answer.ok) expect(checked.refusal).toEqual(answer.refusal);
        }
      }
    }
  });
});
