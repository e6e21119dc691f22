/**
 * Delay before retry number `failures` (1 = first retry): exponential from `baseMs`, capped at `capMs`, with full
 * jitter (a random point in [base/2, delay]) so tablets that lost the Wi-Fi together do not come back in step.
 */
export function backoffDelay(failures: number, random: () => number, baseMs = 2_000, capMs = 5 * 60_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(baseMs / 2 + random() * Math.max(0, ceiling - baseMs / 2));
}
