import type { FindingEvent } from '../events/events';

/** Domain tag: a signature over an event can never be taken for a signature over anything else. */
const TAG = 'hall-patrol/event/v1\n';

/**
 * The exact text a hand-over proof signs (UTF-8 encoded by the signer and the verifier): the event without its
 * `proof`, as JSON with the keys of every object sorted, after a domain tag. Pure and deterministic, so the tablet
 * that signs and the server that verifies agree byte for byte on any event that passed the event schema.
 */
export function canonicalEvent(event: FindingEvent): string {
  const { proof: _proof, ...rest } = event;
  return TAG + JSON.stringify(sorted(rest));
}

/** A value with the keys of every object sorted and undefined members dropped: JSON.stringify of it is canonical. */
export function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined) out[k] = sorted(x);
  }
  return out;
}
