import { describe, expect, it } from 'vitest';
import type { FindingContested } from '../../../src/core/events/events';
import { canonicalEvent } from '../../../src/core/access/canonicalEvent';

const act: FindingContested = {
  type: 'finding.contested',
  id: '01JQ0000000000000000000001',
  at: '2026-03-11T09:00:00+08:00',
  actorId: 'acc-chief-zonghe',
  deviceId: 'device-tablet',
  findingId: '01JQ0000000000000000000000',
  reason: '不服',
  photos: ['a'.repeat(64)],
};

describe('canonicalEvent: the bytes a hand-over proof signs', () => {
  it('is the same whatever the key order, leaves the proof out, and changes with any field', () => {
    const reordered = Object.fromEntries(Object.entries(act).reverse()) as unknown as FindingContested;
    expect(canonicalEvent(reordered)).toBe(canonicalEvent(act));
    expect(canonicalEvent({ ...act, proof: { keyId: '01JQKEY0000000000000000000', signature: 'x'.repeat(86) } })).toBe(canonicalEvent(act));
    expect(canonicalEvent({ ...act, reason: '服' })).not.toBe(canonicalEvent(act));
    expect(canonicalEvent({ ...act, photos: [] })).not.toBe(canonicalEvent(act));
    expect(canonicalEvent(act)).toBe(
      'hall-patrol/event/v1\n{"actorId":"acc-chief-zonghe","at":"2026-03-11T09:00:00+08:00","deviceId":"device-tablet","findingId":"01JQ0000000000000000000000","id":"01JQ0000000000000000000001","photos":["' +
        'a'.repeat(64) +
        '"],"reason":"不服","type":"finding.contested"}',
    );
  });
});
