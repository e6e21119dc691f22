import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { sorted } from '../access/canonicalEvent';
import type { FindingEvent } from '../events/events';

/** First line of the digested text: names the form, so a later form can never be taken for this one. */
export const EVENTS_DIGEST_TAG = 'hall-patrol/published-events/v1';

/**
 * The canonical text of a set of events (docs/results.md, "The digest"): the tag line, then one line per event in
 * ascending order of event id (ULIDs, compared as strings), each the event's JSON with the keys of every object
 * sorted, no spaces, the proof included; every line ends with a line feed. Pure: the same events in any order give
 * the same text, and any change to any field of any event, a missing event or an extra one changes it.
 */
export function canonicalEvents(events: readonly FindingEvent[]): string {
  const lines = [...events].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((e) => JSON.stringify(sorted(e)));
  return `${EVENTS_DIGEST_TAG}\n${lines.map((l) => `${l}\n`).join('')}`;
}

/** SHA-256 (lower-case hex) of the UTF-8 bytes of canonicalEvents(events). */
export function eventsDigest(events: readonly FindingEvent[]): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalEvents(events))));
}
