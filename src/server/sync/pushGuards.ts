import type { FindingEvent } from '../../core/events/events';

/** The photo hashes an event names: evidence, counter-evidence, a signature image. */
export function namedPhotos(e: FindingEvent): string[] {
  if (e.type === 'finding.recorded' || e.type === 'finding.contested') return e.photos;
  if (e.type === 'finding.acknowledged') return [e.signature];
  return [];
}

/**
 * Why an event may not name these photos, or null. An event names only photos sent from its pusher's sign-in (or
 * not sent yet): naming another account's photo would hand its readers (a chief in whose scope the finding is) a
 * photo of someone else's finding.
 */
export function foreignPhoto(e: FindingEvent, pusher: string, uploaders: ReadonlyMap<string, string>): string | null {
  const foreign = namedPhotos(e).find((h) => {
    const by = uploaders.get(h);
    return by !== undefined && by !== pusher;
  });
  return foreign ? `event ${e.id} (${e.type}): photo ${foreign} was uploaded by another account; an event names only photos sent from its own sign-in` : null;
}

/** Why an acknowledgement may not use its notice number, or null: a notice covers the findings of one unit. */
export function noticeOfAnotherUnit(e: FindingEvent, unitId: string | null, units: ReadonlyMap<string, ReadonlySet<string>>): string | null {
  if (e.type !== 'finding.acknowledged') return null;
  const other = [...(units.get(e.noticeId) ?? [])].find((u) => u !== (unitId ?? ''));
  return other !== undefined ? `event ${e.id} (finding.acknowledged): notice ${e.noticeId} already covers findings of unit ${other || '-'}; a notice covers one unit's findings (use a new notice number)` : null;
}
