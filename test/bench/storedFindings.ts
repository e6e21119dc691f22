import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { monotonicFactory } from 'ulid';
import type { FindingRecorded } from '../../src/core/events/events';
import type { HallSetup } from '../../src/core/model/hallSetup';
import type { Item } from '../../src/core/scheme/schemeSchema';
import type { CompiledScheme } from '../../src/device/compiledScheme';
import { eventRow } from '../../src/device/eventRow';
import type { EventRow, OutboxRow } from '../../src/device/rows';
import { inputsFor, prng } from './synthetic';

/**
 * `count` findings a tablet could hold after a year of patrols of the hall: recorded events of the patrol items of
 * the schemes in force, in opening hours over the past year (a few today), each with its outbox row (a tablet that
 * never synced: the worst case), built with the app's own envelope (eventRow).
 */
export function storedFindings(
  hall: HallSetup,
  generatedDir: string,
  identity: { actorId: string; deviceId: string },
  count: number,
  nowMs: number,
): { events: EventRow[]; outbox: OutboxRow[] } {
  const rand = prng(7);
  const ulid = monotonicFactory(() => rand());
  const items: { schemeId: string; version: number; item: Item }[] = [];
  for (const a of hall.schemes) {
    const c = JSON.parse(readFileSync(join(generatedDir, `${a.id}.json`), 'utf8')) as CompiledScheme;
    for (const item of c.scheme.items) if (item.source === 'patrol') items.push({ schemeId: c.scheme.id, version: c.scheme.version, item });
  }
  const staff = hall.roster.staff;
  const day = 24 * 3600e3;
  const times = Array.from({ length: count }, (_, i) => {
    // The last 30 are today's (earlier today, in the hall's morning); the rest spread over the year before.
    if (i >= count - 30) return nowMs - (count - i) * 60e3;
    const d = Math.floor(rand() * 365) + 1;
    return nowMs - d * day + Math.floor(rand() * 8 * 3600e3) - 4 * 3600e3;
  }).sort((a, b) => a - b);
  const events: EventRow[] = [];
  const outbox: OutboxRow[] = [];
  for (const t of times) {
    const pick = items[Math.floor(rand() * items.length)];
    const person = staff[Math.floor(rand() * staff.length)];
    if (!pick || !person) continue;
    const at = new Date(t).toISOString();
    const e: FindingRecorded = {
      type: 'finding.recorded',
      id: ulid(t),
      findingId: ulid(t),
      at,
      actorId: identity.actorId,
      deviceId: identity.deviceId,
      schemeId: pick.schemeId,
      schemeVersion: pick.version,
      itemId: pick.item.id,
      observedAt: at,
      windowId: person.windowId,
      photos: [],
    };
    if (pick.item.subject === 'staff') e.staffId = person.id;
    else e.unitId = person.unitId;
    const inputs = inputsFor(pick.item, rand);
    if (inputs) e.inputs = inputs;
    events.push(eventRow(e, hall.roster.hall.timeZone));
    outbox.push({ kind: 'event', eventId: e.id, event: e });
  }
  return { events, outbox };
}
