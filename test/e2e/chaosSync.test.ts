import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChaosSync } from '../reliability/chaosSync';
import type { ChaosSummary } from '../reliability/chaosSync';
import { bundleForBrowser } from './bundleForBrowser';
import { launchChromium } from './launchChromium';

/**
 * Chaos sync, the suite's bounded version (the full run, 2,000 findings per tablet and at least 50 interruptions per
 * database, is `npm run test:reliability`): two tablets in Chromium sync while their network goes off, connections are
 * cut mid-request, a tab is closed mid-request, the server is killed with SIGKILL and started again, and PostgreSQL
 * restarts under the server. Afterwards the server holds every finding once, both tablets hold everything, and the
 * results equal those of the same events pushed without interruption.
 */
describe('chaos sync: two tablets through crashes and cuts', { timeout: 900_000 }, () => {
  let browser: Browser;
  let bundle: string;
  beforeAll(async () => {
    [browser, bundle] = await Promise.all([launchChromium(), bundleForBrowser('test/e2e/harness/syncHarness.ts')]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  const check = (s: ChaosSummary, findings: number): void => {
    expect(s.problems).toEqual([]);
    expect(s.sent).toBe(2 * findings);
    expect(s.stored).toBe(s.sent);
    expect(s.duplicates).toBe(0);
    expect(s.lost).toBe(0);
    expect(s.photosStored).toBe(s.photosSent);
    expect(s.tabletsHoldAll).toEqual([true, true]);
    expect(s.resultsEqual).toBe(true);
    expect(s.requests.server5xx - s.requests.unavailable503).toBe(0);
  };

  for (const database of ['PGlite', 'PostgreSQL'] as const) {
    const kinds = database === 'PGlite' ? 4 : 5;
    it(`${database}: 200 findings per tablet, each kind of interruption twice`, async () => {
      const s = await runChaosSync({ database, browser, bundle, findingsPerTablet: 200, photosPerTablet: 1, interruptions: 2 * kinds, chaosMs: 300_000, settleMs: 180_000, seed: 20260311 });
      console.log(`${database}: ${JSON.stringify(s)}`);
      check(s, 200);
      expect(Object.values(s.interruptions).filter((n) => n === 2)).toHaveLength(kinds);
    });
  }
});
