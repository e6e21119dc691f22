import { describe, expect, it } from 'vitest';
import type { FindingContested } from '../../../src/core/events/events';
import { newHandOverKey, unsealHandOverKey } from '../../../src/device/session/handOverKey';
import { verifyHandOverProof } from '../../../src/server/auth/handOverProof';

const act: FindingContested = {
  type: 'finding.contested',
  id: '01JQ0000000000000000000001',
  at: '2026-03-11T09:00:00+08:00',
  actorId: 'acc-chief-zonghe',
  deviceId: 'device-tablet',
  findingId: '01JQ0000000000000000000000',
  reason: '当时在帮群众取号',
  photos: [],
};

describe("the chief's hand-over key on the tablet", () => {
  it('signs only with the right PIN, and the server verifies the signature of exactly that event', async () => {
    const { publicKey, sealed } = await newHandOverKey('246810', 1000);
    const key = { ...sealed, keyId: '01JQKEY0000000000000000000' };
    // The sealed form holds no readable private key: it is AES-GCM under the PIN.
    expect(JSON.stringify(key)).not.toMatch(/PRIVATE/);
    expect(await unsealHandOverKey(key, '000000')).toBeNull();
    const sign = await unsealHandOverKey(key, '246810');
    if (!sign) throw new Error('the right PIN must open the key');
    const signed = await sign(act);
    expect(signed.proof?.keyId).toBe(key.keyId);
    expect(verifyHandOverProof(signed, publicKey, signed.proof?.signature ?? '')).toBe(true);
    expect(verifyHandOverProof({ ...signed, reason: '别的理由' }, publicKey, signed.proof?.signature ?? '')).toBe(false);
    const other = await newHandOverKey('246810', 1000);
    expect(verifyHandOverProof(signed, other.publicKey, signed.proof?.signature ?? '')).toBe(false);
  });
});
