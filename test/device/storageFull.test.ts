import { describe, expect, it } from 'vitest';
import { isStorageFull } from '../../src/device/storageFull';

describe('isStorageFull', () => {
  it('recognises the quota error directly and inside an aborted transaction', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(isStorageFull(quota)).toBe(true);
    expect(isStorageFull({ name: 'AbortError', inner: quota })).toBe(true);
    expect(isStorageFull(new Error('other'))).toBe(false);
    expect(isStorageFull(undefined)).toBe(false);
  });
});
