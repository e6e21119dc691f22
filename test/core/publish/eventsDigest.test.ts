import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FindingEvent } from '../../../src/core/events/events';
import { canonicalEvents, eventsDigest, EVENTS_DIGEST_TAG } from '../../../src/core/publish/eventsDigest';
import { restingEvents } from '../../../src/core/publish/restingEvents';

const rec = (id: string, findingId: string, observedAt: string): FindingEvent => ({
  type: 'finding.recorded',
  id,
  findingId,
  at: observedAt,
  actorId: 'acc-inspector1',
  deviceId: 'tablet',
  schemeId: 'kunqu-window-staff',
  schemeVersion: 1,
  itemId: 'wander',
  observedAt,
  staffId: 's-001',
  photos: [],
});
const a = rec('01JQ0000000000000000000001', '01JQ0000000000000000000F01', '2026-03-31T23:59:00+08:00');
const b = rec('01JQ0000000000000000000002', '01JQ0000000000000000000F02', '2026-04-01T00:00:00+08:00');
const decided: FindingEvent = { type: 'contest.decided', id: '01JQ0000000000000000000003', findingId: a.findingId, at: '2026-04-05T10:00:00+08:00', actorId: 'acc-committee1', deviceId: 'pc', decision: 'uphold', reason: '维持' };

describe('the digest of the events a published period rests on', () => {
  it('is written in the documented form: a tag line, then one sorted-key JSON line per event in id order', () => {
    expect(canonicalEvents([b, a])).toBe(`${EVENTS_DIGEST_TAG}\n${JSON.stringify(Object.fromEntries(Object.entries(a).sort()))}\n${JSON.stringify(Object.fromEntries(Object.entries(b).sort()))}\n`);
    // SHA-256 of the tag line alone, as `printf 'hall-patrol/published-events/v1\n' | sha256sum` gives it.
    expect(eventsDigest([])).toBe(createHash('sha256').update(`${EVENTS_DIGEST_TAG}\n`).digest('hex'));
    expect(eventsDigest([a, b])).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on order or key order, and changes with any field, a missing or an extra event', () => {
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as unknown as FindingEvent;
    expect(eventsDigest([a, b, decided])).toBe(eventsDigest([decided, b, reordered]));
    expect(eventsDigest([a, b])).not.toBe(eventsDigest([a]));
    expect(eventsDigest([a, b])).not.toBe(eventsDigest([a, b, decided]));
    expect(eventsDigest([a])).not.toBe(eventsDigest([{ ...a, itemId: 'late' } as FindingEvent]));
    expect(eventsDigest([a])).not.toBe(eventsDigest([{ ...a, proof: { keyId: '01JQKEY0000000000000000000', signature: 'x'.repeat(86) } }]));
  });

  it('rests a month on the findings observed before its end, with every later event about them', () => {
    const end = Date.parse('2026-04-01T00:00:00+08:00');
    expect(restingEvents([a, b, decided], 'kunqu-window-staff', end)).toEqual([a, decided]);
    expect(restingEvents([a, b, decided], 'another-scheme', end)).toEqual([]);
  });
});
